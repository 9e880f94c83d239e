# SPDX-License-Identifier: EUPL-1.2
"""Indicators of sociaal verwijzen in plain Python: no Django import (a test
enforces it).

From facts per referral without personal data (`VerwijzingFeit`, or the same
as NumPy arrays in `ReferralArrays`) and inhabitants per gemeente, it computes
per gemeente and for the region: referrals against the target of 60 per
10,000 inhabitants a year, days to first contact, feedback within the
working-day term, closing with feedback, connections per kind of offer,
outcomes and overdue feedback, with small-number suppression for everything
shown outside the referral module. Inputs and results are frozen dataclasses;
the reference date is a parameter, never the clock.

Modules: `model` (inputs), `results` (results and their JSON), `referrals` (the arithmetic),
`counts` (the same figures from counts per area, the form a database adapter
aggregates to), `suppression` (small numbers). Working days and Dutch holidays
come from the neutral `dekkend.werkdagen`. Reading referrals from the database belongs in an adapter
outside this package (`monitoring.facts`), not here.
"""

from dekkend.monitoring.indicators.counts import (
    ReferralCounts,
    raw_indicators_from_counts,
)
from dekkend.monitoring.indicators.model import (
    IndicatorParameters,
    ReferralArrays,
    VerwijzingFeit,
)
from dekkend.monitoring.indicators.referrals import (
    facts_to_arrays,
    indicators_from_arrays,
    indicators_from_facts,
    raw_indicators_from_arrays,
    raw_indicators_from_facts,
)
from dekkend.monitoring.indicators.results import (
    AreaIndicators,
    Cel,
    RawAreaFigures,
    RawIndicators,
    RegionIndicators,
)
from dekkend.monitoring.indicators.suppression import publish
from dekkend.werkdagen import (
    deadline,
    dutch_holidays,
    werkdagen_tussen,
)

__all__ = [
    "AreaIndicators",
    "Cel",
    "IndicatorParameters",
    "RawAreaFigures",
    "RawIndicators",
    "ReferralArrays",
    "ReferralCounts",
    "RegionIndicators",
    "VerwijzingFeit",
    "deadline",
    "dutch_holidays",
    "facts_to_arrays",
    "indicators_from_arrays",
    "indicators_from_facts",
    "publish",
    "raw_indicators_from_arrays",
    "raw_indicators_from_counts",
    "raw_indicators_from_facts",
    "werkdagen_tussen",
]
