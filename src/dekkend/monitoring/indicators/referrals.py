# SPDX-License-Identifier: EUPL-1.2
"""The indicators of sociaal verwijzen for a region and its gemeenten.

Counts the four process steps of 003 §4 as far as facts record them: the
referral (step 1), first contact and connections to offers (steps 2 and 3),
and feedback to the referrer (steps 2 and 4), against the target of 60
referrals per 10,000 inhabitants a year (003 §7). The core works on NumPy
arrays (`raw_indicators_from_arrays`) and handles a million referrals in a
fraction of a second; `indicators_from_facts` converts `VerwijzingFeit`
objects and calls it. Both count per gemeente and leave the figures to
`counts.raw_indicators_from_counts`, which a database adapter that counts in
SQL calls directly (it must count the same way).

Definitions (all over the referrals sent in the period, `aangemaakt_op` from
`start` to `min(end, peildatum)`, whose resident lives in one of the region's
gemeenten; others are left out):

* `verwijzingen`: their number.
* `verwijzingen_per_10k`: verwijzingen / periode_jaren / inwoners x 10,000,
  where periode_jaren is 1 for a calendar year and observed days / 365.25
  otherwise (see `IndicatorParameters.periode_jaren`).
* `streefwaarde_verwijzingen`: streefwaarde_per_10k x inwoners / 10,000 x
  periode_jaren; `aandeel_van_streefwaarde` = verwijzingen / that.
* `mediaan_dagen_tot_eerste_contact`: median calendar days from sending to
  first contact, over referrals with a first contact on or before peildatum.
* `aandeel_eerste_terugkoppeling_op_tijd`: the deadline is the
  `termijn_werkdagen`-th working day after sending (`dekkend.werkdagen.deadline`).
  On time: first feedback on or before the deadline. Late: feedback after it,
  or none yet while peildatum is past it. Referrals without feedback whose
  deadline has not passed are left out, as are referrals whose status owes no
  feedback (`zonder_terugkoppelplicht`: withdrawn or sent back). Share =
  on time / (on time + late).
* `aandeel_afgesloten_met_terugkoppeling`: closed on or before peildatum with
  feedback at closing / closed on or before peildatum.
* `te_laat_zonder_terugkoppeling`: referrals past their deadline on peildatum
  without any feedback (and owing it): the number to send reminders about.
* `verbindingen_per_soort`: per kind of offer, referrals connected to at
  least one offer of that kind (a referral counts once per kind, so every
  count is a number of residents).
* `uitkomsten`: referrals per outcome code.

Events dated after peildatum are treated as not yet happened, so a past
peildatum reproduces what was known then. Outcome, connections and status
carry no date and are taken as they are.

What does not belong here: suppression (`suppression`), reading referrals from
the database (an adapter in the referral app), printing.
"""

from collections.abc import Iterable, Mapping
from datetime import date

import numpy as np

from dekkend.monitoring.indicators.counts import (
    ReferralCounts,
    raw_indicators_from_counts,
)
from dekkend.monitoring.indicators.model import (
    BoolArray,
    DayArray,
    IndicatorParameters,
    IntArray,
    ReferralArrays,
    VerwijzingFeit,
)
from dekkend.monitoring.indicators.results import RawIndicators, RegionIndicators
from dekkend.monitoring.indicators.suppression import publish
from dekkend.werkdagen import deadlines, dutch_holidays_between


def facts_to_arrays(facts: Iterable[VerwijzingFeit]) -> ReferralArrays:
    """The facts as `ReferralArrays` (see `ReferralArrays.from_facts`)."""
    return ReferralArrays.from_facts(facts)


def _known_by(days: DayArray, peildatum: np.datetime64) -> BoolArray:
    """True where the event happened on or before peildatum (NaT: False)."""
    known: BoolArray = days <= peildatum
    return known


def raw_indicators_from_arrays(
    arrays: ReferralArrays,
    inwoners: Mapping[str, int],
    parameters: IndicatorParameters,
) -> RawIndicators:
    """Exact (unsuppressed) figures per gemeente and for the region.

    Only for use inside the referral module (reminders); publish through
    `indicators_from_arrays`.

    Args:
        arrays: the referrals, any number of gemeenten.
        inwoners: inhabitants per gemeentecode; its keys are the region.
        parameters: period, peildatum, term and thresholds.

    Raises:
        ValueError: for a negative number of inhabitants, or a value span of
            first-contact days beyond 2**31 (nonsense dates).
    """
    if any(n < 0 for n in inwoners.values()):
        raise ValueError("inwoners must not be negative")
    codes = tuple(sorted(inwoners))
    n_groups = len(codes)
    position = {code: i for i, code in enumerate(codes)}
    lookup = np.array(
        [position.get(code, -1) for code in arrays.gemeentecodes], dtype=np.int64
    )

    start = np.datetime64(parameters.start, "D")
    peil = np.datetime64(parameters.peildatum, "D")
    observed_end = np.datetime64(parameters.observed_end, "D")

    created_all = arrays.aangemaakt_op
    region_all = lookup[arrays.gemeente_idx]
    keep = (region_all >= 0) & (created_all >= start) & (created_all <= observed_end)
    group = region_all[keep]
    created = created_all[keep]

    def per_group(mask: BoolArray | None = None) -> IntArray:
        selected = group if mask is None else group[mask]
        counts: IntArray = np.bincount(selected, minlength=n_groups).astype(np.int64)
        return counts

    # Step 2: first contact.
    contact = arrays.eerste_contact_op[keep]
    has_contact = _known_by(contact, peil)
    contact_days = (contact[has_contact] - created[has_contact]).astype(np.int64)
    if contact_days.size and int(contact_days.max()) - int(contact_days.min()) >= 2**31:
        raise ValueError("first-contact days span more than 2**31")
    contact_groups = group[has_contact]

    # Steps 2 and 4: first feedback within the term.
    status = arrays.status_idx[keep]
    exempt_codes = [
        i
        for i, code in enumerate(arrays.statussen)
        if code in parameters.zonder_terugkoppelplicht
    ]
    owes = ~np.isin(status, np.array(exempt_codes, dtype=np.int64))
    due = deadlines(
        created, parameters.termijn_werkdagen, _holidays(parameters, created)
    )
    feedback = arrays.eerste_terugkoppeling_op[keep]
    has_feedback = _known_by(feedback, peil)
    on_time = owes & has_feedback & (feedback <= due)
    overdue = owes & ~has_feedback & (peil > due)
    assessed = owes & (has_feedback | overdue)

    # Step 4: closing with feedback.
    closed = _known_by(arrays.afgesloten_op[keep], peil)
    closed_with_feedback = closed & arrays.terugkoppeling_bij_afsluiten[keep]

    # Step 3: connections per kind, outcomes per code.
    connected = arrays.verbonden[keep]
    per_kind = np.zeros((n_groups, len(arrays.soorten)), dtype=np.int64)
    for j in range(len(arrays.soorten)):
        per_kind[:, j] = per_group(connected[:, j])
    outcome = arrays.uitkomst_idx[keep]
    has_outcome = outcome >= 0
    n_outcomes = len(arrays.uitkomsten)
    per_outcome = (
        np.bincount(
            group[has_outcome] * n_outcomes + outcome[has_outcome],
            minlength=n_groups * n_outcomes,
        )
        .astype(np.int64)
        .reshape(n_groups, n_outcomes)
    )

    counts = ReferralCounts(
        gebieden=codes,
        verwijzingen=per_group(),
        n_terugkoppeling_op_tijd=per_group(on_time),
        n_terugkoppeling_beoordeeld=per_group(assessed),
        te_laat_zonder_terugkoppeling=per_group(overdue),
        n_afgesloten=per_group(closed),
        n_afgesloten_met_terugkoppeling=per_group(closed_with_feedback),
        soorten=arrays.soorten,
        verbonden=per_kind,
        uitkomsten=arrays.uitkomsten,
        per_uitkomst=per_outcome,
        contact_gebied=contact_groups,
        contact_dagen=contact_days,
        contact_aantal=np.ones(len(contact_days), dtype=np.int64),
    )
    return raw_indicators_from_counts(counts, inwoners, parameters)


def _holidays(parameters: IndicatorParameters, created: DayArray) -> list[date]:
    if parameters.feestdagen is not None:
        return list(parameters.feestdagen)
    if created.size == 0:
        return []
    first = created.min().astype(date)
    last = created.max().astype(date)
    assert isinstance(first, date)
    assert isinstance(last, date)
    # A term of N working days spans at most a few weeks: one extra year.
    return list(
        dutch_holidays_between(
            first.year, last.year + 1, bevrijdingsdag=parameters.bevrijdingsdag
        )
    )


def indicators_from_arrays(
    arrays: ReferralArrays,
    inwoners: Mapping[str, int],
    parameters: IndicatorParameters,
) -> RegionIndicators:
    """The published (suppressed) indicators of a region and its gemeenten.

    Args:
        arrays: the referrals as arrays (see `ReferralArrays`).
        inwoners: inhabitants per gemeentecode of the region; referrals of
            residents of other gemeenten are left out.
        parameters: period, peildatum, term (working days), threshold, target.

    Returns:
        `RegionIndicators`; `.as_dict()` gives the JSON.

    Raises:
        ValueError: see `raw_indicators_from_arrays`.

    Example:
        >>> from datetime import date
        >>> p = IndicatorParameters.kalenderjaar(
        ...     "Regio", 2026, peildatum=date(2027, 1, 31))
        >>> facts = [VerwijzingFeit("GM0001", date(2026, 3, d), None, None,
        ...          None, False, None) for d in range(2, 8)]
        >>> r = indicators_from_facts(facts, {"GM0001": 10_000}, p)
        >>> r.totaal.verwijzingen.waarde, r.totaal.verwijzingen_per_10k.waarde
        (5, 5.0)

        (6 referrals, published rounded to a multiple of 5.)
    """
    return publish(raw_indicators_from_arrays(arrays, inwoners, parameters))


def indicators_from_facts(
    facts: Iterable[VerwijzingFeit],
    inwoners: Mapping[str, int],
    parameters: IndicatorParameters,
) -> RegionIndicators:
    """`indicators_from_arrays` for `VerwijzingFeit` objects."""
    return indicators_from_arrays(facts_to_arrays(facts), inwoners, parameters)


def raw_indicators_from_facts(
    facts: Iterable[VerwijzingFeit],
    inwoners: Mapping[str, int],
    parameters: IndicatorParameters,
) -> RawIndicators:
    """`raw_indicators_from_arrays` for `VerwijzingFeit` objects."""
    return raw_indicators_from_arrays(facts_to_arrays(facts), inwoners, parameters)
