# SPDX-License-Identifier: EUPL-1.2
"""The adapter from the referral tables to the inputs of
`monitoring.indicators`, for a set of gemeenten and a period.

Reading `Verwijzing` and `Verbinding` directly is this module's job, and it
reads only columns that are safe to aggregate: dates, status, outcome,
gemeente and kind of offer; never a name, a free text or anything else about
a person.

* `referral_counts` counts in the database (three grouped queries, see
  `counting`) and returns `ReferralCounts`: no row per referral leaves the
  database. Which referral counts where follows the definitions in
  `indicators.referrals`.
* `verwijzing_feiten` reads one `VerwijzingFeit` per referral. It is meant
  for small sets and for checking `referral_counts` against the plain-Python
  definitions (the tests do).
* inhabitants come from `regions.selectors.inwoners_per_gemeente` (one rule for every app).

Suppression, permissions and presentation do not belong here.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from django.utils import timezone

from dekkend.monitoring import counting
from dekkend.monitoring.expressions import local_midnight
from dekkend.monitoring.indicators import (
    IndicatorParameters,
    ReferralCounts,
    VerwijzingFeit,
)
from dekkend.referrals.constants import Uitkomst
from dekkend.referrals.models import Verbinding, Verwijzing
from dekkend.regions.models import Gemeente
from dekkend.register.constants import AanbodSoort


def referral_counts(
    *,
    gemeenten: Sequence[Gemeente],
    parameters: IndicatorParameters,
    termijnen: Mapping[str, int] | None = None,
) -> ReferralCounts:
    """The referrals of residents of `gemeenten` sent in the period, counted
    per gemeente (areas are gemeentecodes) for `raw_indicators_from_counts`.

    Args:
        gemeenten: the gemeenten to count.
        parameters: period, peildatum and rules; its `termijn_werkdagen`
            applies to every gemeente not in `termijnen`.
        termijnen: feedback term in working days per gemeentecode, where
            regions agreed different terms (one set of queries per term).

    Outcomes and kinds of offer are listed in the order of their choices,
    followed by any other code found, so every gemeente and region shares one
    set of columns.
    """
    codes = tuple(g.code for g in gemeenten)
    position = {g.pk: i for i, g in enumerate(gemeenten)}
    if parameters.observed_days == 0 or not codes:
        return ReferralCounts.empty(codes, AanbodSoort.values, Uitkomst.values)
    per_term: dict[int, list[int]] = defaultdict(list)
    for g in gemeenten:
        term = (termijnen or {}).get(g.code, parameters.termijn_werkdagen)
        per_term[term].append(g.pk)
    rows: list[counting.Row] = []
    contact: list[counting.ContactRow] = []
    links: list[counting.LinkRow] = []
    for term, ids in sorted(per_term.items()):
        found = counting.count_rows(ids, replace(parameters, termijn_werkdagen=term))
        rows += found[0]
        contact += found[1]
        links += found[2]
    return counting.assemble(codes, position, rows, contact, links, parameters)


def verwijzing_feiten(
    *, gemeenten: Sequence[Gemeente], start: date, end: date
) -> list[VerwijzingFeit]:
    """One fact per referral of a resident of `gemeenten` sent from `start`
    to `end` (local days, both inclusive), with its dates as local days and
    the kinds of offer it was connected to. One row per referral: for small
    sets and for checks, not for national figures."""
    codes = {g.pk: g.code for g in gemeenten}
    referrals = Verwijzing.objects.filter(
        gemeente_id__in=codes,
        aangemaakt_op__gte=local_midnight(start),
        aangemaakt_op__lt=local_midnight(end + timedelta(days=1)),
    ).order_by("aangemaakt_op", "pk")
    kinds: dict[int, set[str]] = defaultdict(set)
    for verwijzing_id, soort in Verbinding.objects.filter(
        verwijzing__in=referrals
    ).values_list("verwijzing_id", "soort"):
        kinds[verwijzing_id].add(soort)
    tz = timezone.get_default_timezone()

    def day(value: datetime | None) -> date | None:
        return None if value is None else timezone.localdate(value, tz)

    facts = []
    for row in referrals.values_list(
        "pk",
        "gemeente_id",
        "aangemaakt_op",
        "eerste_contact_op",
        "eerste_terugkoppeling_op",
        "afgesloten_op",
        "terugkoppeling_bij_afsluiten",
        "uitkomst",
        "status",
    ):
        (
            pk,
            gemeente_id,
            sent,
            contact,
            feedback,
            closed,
            at_closing,
            outcome,
            status,
        ) = row
        created = day(sent)
        assert created is not None
        facts.append(
            VerwijzingFeit(
                gemeentecode=codes[gemeente_id],
                aangemaakt_op=created,
                eerste_contact_op=day(contact),
                eerste_terugkoppeling_op=day(feedback),
                afgesloten_op=day(closed),
                terugkoppeling_bij_afsluiten=at_closing,
                uitkomst=outcome or None,
                verbindingen=tuple(sorted(kinds.get(pk, ()))),
                status=status,
            )
        )
    return facts
