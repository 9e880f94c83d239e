# SPDX-License-Identifier: EUPL-1.2
"""Small-number suppression of the sociaal-verwijzen indicators.

Aggregates shown outside the referral module must not reveal small groups of
residents (PRODUCT.md: "aggregates with small-number suppression"). The rules,
with `drempel` (default 5):

1. Primary suppression of counts: a count from 1 to `drempel - 1` is published
   as `Cel(None, onderdrukt=True)`. Zero is shown: "nobody" names no one, and
   hiding it would make a gemeente without referrals look like one with a few.
2. Statistics (shares, medians) computed from fewer than `drempel` referrals
   are suppressed the same way. From zero referrals they cannot be computed:
   `Cel(None, onderdrukt=False)`. A statistic from `drempel` or more referrals
   is shown even though its numerator may be small: it describes how the
   service performs, not a trait of a resident, and its denominator is never
   published, so the numerator cannot be recovered.
3. Figures derived from a count follow it: `verwijzingen_per_10k` and
   `aandeel_van_streefwaarde` are suppressed whenever `verwijzingen` is, since
   inhabitants and target are public and would give the count back.
4. Complementary suppression. Where published cells add up to a published
   total, the hidden part (total minus the shown cells) must be 0 or at least
   `drempel`. While it is not, the smallest shown non-zero cell of the group
   (ties: first in order, i.e. lowest gemeentecode or code) is suppressed as
   well. With one primary cell in a group this suppresses the next-smallest
   gemeente, as usual; with two primary cells that add up to less than
   `drempel` it adds a third. Groups used:
   * each count measure across the gemeenten of the region against the region
     total: `verwijzingen`, `te_laat_zonder_terugkoppeling`, each kind in
     `verbindingen_per_soort` and each code in `uitkomsten`;
   * the `uitkomsten` of one area against its `verwijzingen`. Referrals
     without an outcome form an unpublished remainder cell that is always
     hidden and counts towards the hidden part.
   The groups share cells, so the rule repeats until nothing changes.

What does not belong here: computing the figures (`referrals`).
"""

from collections.abc import Hashable, Sequence
from typing import TypeVar

from dekkend.monitoring.indicators.results import (
    AreaIndicators,
    Cel,
    RawAreaFigures,
    RawIndicators,
    RegionIndicators,
)

K = TypeVar("K", bound=Hashable)


def is_small(count: int, drempel: int) -> bool:
    """True for a count that primary suppression hides (1..drempel-1)."""
    return 0 < count < drempel


def count_cell(count: int, drempel: int) -> Cel:
    """A count as a published cell, with primary suppression only.

    >>> count_cell(3, 5), count_cell(0, 5), count_cell(7, 5)
    (Cel(waarde=None, onderdrukt=True), Cel(waarde=0, onderdrukt=False), \
Cel(waarde=7, onderdrukt=False))
    """
    if is_small(count, drempel):
        return Cel(None, True)
    return Cel(int(count), False)


def statistic_cell(value: float | None, n: int, drempel: int) -> Cel:
    """A share or median computed from `n` referrals as a published cell."""
    if n == 0 or value is None:
        return Cel(None, False)
    if n < drempel:
        return Cel(None, True)
    return Cel(float(value), False)


def suppress_groups(
    counts: dict[K, int],
    groups: Sequence[tuple[Sequence[K], K, int]],
    drempel: int,
) -> dict[K, bool]:
    """Which cells to hide: primary suppression, then complementary
    suppression (rule 4) until every group is safe.

    Args:
        counts: exact count of every cell.
        groups: `(members, total, remainder)`: the members plus an
            unpublished `remainder` (>= 0) add up to the cell `total`.
            Members are in tie-break order.
        drempel: the threshold.

    Returns:
        For every cell, whether it is hidden.

    >>> hidden = suppress_groups(
    ...     {"a": 3, "b": 6, "c": 9, "t": 18}, [(["a", "b", "c"], "t", 0)], 5
    ... )
    >>> sorted(k for k, h in hidden.items() if h)
    ['a', 'b']
    """
    hidden = {key: is_small(count, drempel) for key, count in counts.items()}
    changed = True
    while changed:
        changed = False
        for members, total, remainder in groups:
            if hidden[total]:
                continue
            hidden_sum = remainder + sum(counts[m] for m in members if hidden[m])
            if not 0 < hidden_sum < drempel:
                continue
            candidates = [
                (counts[m], position, m)
                for position, m in enumerate(members)
                if not hidden[m] and counts[m] > 0
            ]
            if candidates:
                hidden[min(candidates, key=lambda c: (c[0], c[1]))[2]] = True
            else:
                # Only possible when the total is itself below the threshold,
                # which primary suppression already hides; kept as a guard.
                hidden[total] = True
            changed = True
    return hidden


def _codes(raw: RawIndicators) -> tuple[tuple[str, ...], tuple[str, ...]]:
    soorten = tuple(code for code, _ in raw.totaal.verbindingen_per_soort)
    uitkomsten = tuple(code for code, _ in raw.totaal.uitkomsten)
    return soorten, uitkomsten


def _hidden_cells(raw: RawIndicators) -> dict[tuple[str, str, str | None], bool]:
    areas: tuple[RawAreaFigures, ...] = (*raw.gemeenten, raw.totaal)
    gemeenten = [area.gemeentecode for area in raw.gemeenten]
    soorten, uitkomsten = _codes(raw)
    counts: dict[tuple[str, str, str | None], int] = {}
    for area in areas:
        code = area.gemeentecode
        counts["verwijzingen", "", code] = area.verwijzingen
        counts["te_laat", "", code] = area.te_laat_zonder_terugkoppeling
        for soort, n in area.verbindingen_per_soort:
            counts["verbinding", soort, code] = n
        for uitkomst, n in area.uitkomsten:
            counts["uitkomst", uitkomst, code] = n

    groups: list[tuple[list[tuple[str, str, str | None]], tuple[str, str, None], int]]
    groups = [
        ([(measure, "", g) for g in gemeenten], (measure, "", None), 0)
        for measure in ("verwijzingen", "te_laat")
    ]
    groups += [
        ([(measure, code, g) for g in gemeenten], (measure, code, None), 0)
        for measure, codes in (("verbinding", soorten), ("uitkomst", uitkomsten))
        for code in codes
    ]
    row_groups = []
    for area in areas:
        members = [("uitkomst", code, area.gemeentecode) for code in uitkomsten]
        without_outcome = area.verwijzingen - sum(n for _, n in area.uitkomsten)
        total = ("verwijzingen", "", area.gemeentecode)
        row_groups.append((members, total, without_outcome))
    return suppress_groups(counts, [*groups, *row_groups], raw.parameters.drempel)


def publish(raw: RawIndicators) -> RegionIndicators:
    """The exact figures turned into published cells by the rules above."""
    drempel = raw.parameters.drempel
    hidden = _hidden_cells(raw)

    def count(measure: str, code: str, area: str | None, value: int) -> Cel:
        if hidden[measure, code, area]:
            return Cel(None, True)
        return Cel(int(value), False)

    def area_cells(area: RawAreaFigures) -> AreaIndicators:
        code = area.gemeentecode
        referrals = count("verwijzingen", "", code, area.verwijzingen)

        def derived(value: float | None) -> Cel:
            if referrals.onderdrukt:
                return Cel(None, True)
            return Cel(value, False)

        return AreaIndicators(
            gemeentecode=code,
            inwoners=area.inwoners,
            verwijzingen=referrals,
            verwijzingen_per_10k=derived(area.verwijzingen_per_10k),
            streefwaarde_verwijzingen=area.streefwaarde_verwijzingen,
            aandeel_van_streefwaarde=derived(area.aandeel_van_streefwaarde),
            mediaan_dagen_tot_eerste_contact=statistic_cell(
                area.mediaan_dagen_tot_eerste_contact, area.n_eerste_contact, drempel
            ),
            aandeel_eerste_terugkoppeling_op_tijd=statistic_cell(
                area.aandeel_eerste_terugkoppeling_op_tijd,
                area.n_terugkoppeling_beoordeeld,
                drempel,
            ),
            aandeel_afgesloten_met_terugkoppeling=statistic_cell(
                area.aandeel_afgesloten_met_terugkoppeling, area.n_afgesloten, drempel
            ),
            te_laat_zonder_terugkoppeling=count(
                "te_laat", "", code, area.te_laat_zonder_terugkoppeling
            ),
            verbindingen_per_soort=tuple(
                (soort, count("verbinding", soort, code, n))
                for soort, n in area.verbindingen_per_soort
            ),
            uitkomsten=tuple(
                (uitkomst, count("uitkomst", uitkomst, code, n))
                for uitkomst, n in area.uitkomsten
            ),
        )

    return RegionIndicators(
        parameters=raw.parameters,
        totaal=area_cells(raw.totaal),
        gemeenten=tuple(area_cells(area) for area in raw.gemeenten),
    )
