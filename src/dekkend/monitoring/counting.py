# SPDX-License-Identifier: EUPL-1.2
"""The grouped queries behind `facts.referral_counts`: referrals counted per
gemeente in the database, and the rows put together as `ReferralCounts`.

Three queries over the referrals sent in the period: counts, feedback,
closing and outcome per (gemeente, status, outcome); the days to first
contact per gemeente; and the connections per (gemeente, kind of offer).
They count as `indicators.referrals` defines it: the feedback deadline of
every sending day comes from `dekkend.werkdagen.deadlines` and is handed
to the query as a list, and whether a status owes feedback is decided here
in Python from the status, not in SQL.
"""

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, timedelta

from django.db.models import Count, F, Q

import numpy as np

from dekkend.monitoring.expressions import ArrayItem, DayIndex, local_midnight
from dekkend.monitoring.indicators import IndicatorParameters, ReferralCounts
from dekkend.referrals.constants import Uitkomst
from dekkend.referrals.models import Verbinding, Verwijzing
from dekkend.register.constants import AanbodSoort
from dekkend.werkdagen import deadlines, dutch_holidays_between

Row = tuple[int, str, str, int, int, int, int, int, int]
ContactRow = tuple[int, int, int]
LinkRow = tuple[int, str, int]


def _codes(known: Sequence[str], seen: Collection[str]) -> tuple[str, ...]:
    """Every known code in its order, then codes found in the data."""
    return (*known, *sorted(set(seen) - set(known) - {""}))


def _period(parameters: IndicatorParameters) -> tuple[datetime, datetime, int]:
    """The first and the first excluded moment of sending, and the number of
    days from `start` to the day after peildatum (what `DayIndex` covers)."""
    since = local_midnight(parameters.start)
    until = local_midnight(parameters.observed_end + timedelta(days=1))
    days = max(parameters.peildatum, parameters.observed_end) - parameters.start
    return since, until, days.days + 2


def _deadline_days(parameters: IndicatorParameters) -> list[int]:
    """Per sending day (index from `start`), the index of the last day of the
    feedback term, as `indicators.referrals` computes it."""
    first = np.datetime64(parameters.start, "D")
    sent = first + np.arange(parameters.observed_days).astype("timedelta64[D]")
    holidays = parameters.feestdagen
    if holidays is None:
        holidays = dutch_holidays_between(
            parameters.start.year,
            parameters.observed_end.year + 1,
            bevrijdingsdag=parameters.bevrijdingsdag,
        )
    due = deadlines(sent, parameters.termijn_werkdagen, list(holidays))
    return (due - first).astype(np.int64).tolist()


def count_rows(
    ids: Collection[int], parameters: IndicatorParameters
) -> tuple[list[Row], list[ContactRow], list[LinkRow]]:
    """The three grouped queries for gemeenten `ids` with one feedback term."""
    since, until, days = _period(parameters)
    peil = (parameters.peildatum - parameters.start).days
    known_by = local_midnight(parameters.peildatum + timedelta(days=1))
    sent = DayIndex("aangemaakt_op", start=parameters.start, days=days)
    has_feedback = Q(eerste_terugkoppeling_op__lt=known_by)
    no_feedback = Q(eerste_terugkoppeling_op__isnull=True) | Q(
        eerste_terugkoppeling_op__gte=known_by
    )
    closed = Q(afgesloten_op__lt=known_by)
    referrals = Verwijzing.objects.filter(
        gemeente_id__in=ids, aangemaakt_op__gte=since, aangemaakt_op__lt=until
    )
    # Grouped by columns only, so the database can aggregate in parallel;
    # the days to first contact get a query of their own.
    rows = list(
        referrals.annotate(
            deadline=ArrayItem(sent, _deadline_days(parameters)),
            feedback_day=DayIndex(
                "eerste_terugkoppeling_op", start=parameters.start, days=days
            ),
        )
        .values("gemeente_id", "status", "uitkomst")
        .annotate(
            n=Count("pk"),
            op_tijd=Count(
                "pk", filter=has_feedback & Q(feedback_day__lte=F("deadline"))
            ),
            beantwoord=Count("pk", filter=has_feedback),
            te_laat=Count("pk", filter=no_feedback & Q(deadline__lt=peil)),
            afgesloten=Count("pk", filter=closed),
            met_terugkoppeling=Count(
                "pk", filter=closed & Q(terugkoppeling_bij_afsluiten=True)
            ),
        )
        .order_by()
        .values_list(
            "gemeente_id",
            "status",
            "uitkomst",
            "n",
            "op_tijd",
            "beantwoord",
            "te_laat",
            "afgesloten",
            "met_terugkoppeling",
        )
    )
    contact = list(
        referrals.filter(eerste_contact_op__lt=known_by)
        .annotate(
            dagen=DayIndex("eerste_contact_op", start=parameters.start, days=days)
            - sent
        )
        .values("gemeente_id", "dagen")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("gemeente_id", "dagen", "n")
    )
    links = list(
        Verbinding.objects.filter(
            verwijzing__gemeente_id__in=ids,
            verwijzing__aangemaakt_op__gte=since,
            verwijzing__aangemaakt_op__lt=until,
        )
        .values("verwijzing__gemeente_id", "soort")
        .annotate(n=Count("verwijzing_id", distinct=True))
        .order_by()
        .values_list("verwijzing__gemeente_id", "soort", "n")
    )
    return rows, contact, links


def assemble(
    codes: tuple[str, ...],
    position: Mapping[int, int],
    rows: list[Row],
    contact: list[ContactRow],
    links: list[LinkRow],
    parameters: IndicatorParameters,
) -> ReferralCounts:
    n = len(codes)
    uitkomsten = _codes(Uitkomst.values, [r[2] for r in rows])
    soorten = _codes(AanbodSoort.values, [s for _, s, _ in links])
    outcome_at = {code: j for j, code in enumerate(uitkomsten)}
    kind_at = {code: j for j, code in enumerate(soorten)}
    columns = {
        name: np.zeros(n, dtype=np.int64)
        for name in (
            "verwijzingen",
            "n_terugkoppeling_op_tijd",
            "n_terugkoppeling_beoordeeld",
            "te_laat_zonder_terugkoppeling",
            "n_afgesloten",
            "n_afgesloten_met_terugkoppeling",
        )
    }
    per_uitkomst = np.zeros((n, len(uitkomsten)), dtype=np.int64)
    verbonden = np.zeros((n, len(soorten)), dtype=np.int64)
    exempt = parameters.zonder_terugkoppelplicht
    for gemeente_id, status, uitkomst, total, *rest in rows:
        i = position[gemeente_id]
        op_tijd, beantwoord, te_laat, afgesloten, met_terugkoppeling = rest
        columns["verwijzingen"][i] += total
        if status not in exempt:
            columns["n_terugkoppeling_op_tijd"][i] += op_tijd
            columns["n_terugkoppeling_beoordeeld"][i] += beantwoord + te_laat
            columns["te_laat_zonder_terugkoppeling"][i] += te_laat
        columns["n_afgesloten"][i] += afgesloten
        columns["n_afgesloten_met_terugkoppeling"][i] += met_terugkoppeling
        if uitkomst:
            per_uitkomst[i, outcome_at[uitkomst]] += total
    for gemeente_id, soort, count in links:
        verbonden[position[gemeente_id], kind_at[soort]] += count
    histogram = np.array(
        [(position[g], dagen, count) for g, dagen, count in contact], dtype=np.int64
    ).reshape(len(contact), 3)
    return ReferralCounts(
        gebieden=codes,
        **columns,
        soorten=soorten,
        verbonden=verbonden,
        uitkomsten=uitkomsten,
        per_uitkomst=per_uitkomst,
        contact_gebied=histogram[:, 0].copy(),
        contact_dagen=histogram[:, 1].copy(),
        contact_aantal=histogram[:, 2].copy(),
    )
