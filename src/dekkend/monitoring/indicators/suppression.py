# SPDX-License-Identifier: EUPL-1.2
"""Small-number protection of the sociaal-verwijzen indicators.

Aggregates shown outside the referral module must not reveal small groups of
residents (PRODUCT.md: "aggregates with small-number suppression"), in any
table and in any combination of tables: one region's page beside another's,
a region beside the national view, a division a user uploads beside the
official ones, the page beside its Excel file, its API and the werkagenda
documents built from it. The method (docs/indicatoren.md, ADR 0015), with
`drempel` (default 5) as the rounding base:

1. The gemeente is the atom. Every count of a gemeente is rounded once, to
   a multiple of `drempel`, before anything else is computed from it:
   referrals, overdue feedback and connections per kind by ordinary
   rounding (0-2 to 0, 3-7 to 5, 8-12 to 10, ...); the outcomes by
   controlled rounding within the gemeente's referrals, so that its rounded
   outcomes never add up to more than its rounded referrals
   (`controlled_round`).
2. The count of a region, of a division's national total or of any other
   group of gemeenten is the sum of the rounded counts of its gemeenten. It
   is therefore a function of published gemeente figures and tells nothing
   a gemeente's row does not: differencing two regions that differ by one
   gemeente gives that gemeente's rounded count, never its exact one.
3. Figures derived from a count use the rounded count: the rate per 10,000
   and the share of the target.
4. Statistics (shares, the median) are computed from the exact referrals
   and shown only when computed from at least `drempel` referrals; from
   zero they cannot be computed (`Cel(None, onderdrukt=False)`). Their
   denominators are never published, and they describe how the service
   performs, not a trait of a resident.

With `drempel` 1 every count is exact (rounding to multiples of 1).

What does not belong here: computing the figures (`referrals`, `counts`).
"""

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from dekkend.monitoring.indicators.results import (
    AreaIndicators,
    Cel,
    RawAreaFigures,
    RawIndicators,
    RegionIndicators,
)

K = TypeVar("K", bound=Hashable)


def round_count(count: int, basis: int) -> int:
    """A count rounded to the nearest multiple of `basis` (halves up).

    >>> [round_count(n, 5) for n in (0, 1, 2, 3, 4, 5, 7, 8, 12, 13)]
    [0, 0, 0, 5, 5, 5, 5, 10, 10, 15]
    >>> round_count(3, 1)
    3
    """
    if count < 0:
        raise ValueError("a count is never negative")
    return basis * ((count + basis // 2) // basis)


def controlled_round(parts: Sequence[int], total: int, basis: int) -> list[int]:
    """`parts` (adding up to `total`) each rounded down or up to a
    neighbouring multiple of `basis`, so that they add up to
    `round_count(total)`: the floors, plus one `basis` for the parts with the
    largest remainders (ties: the first part). A part that is a multiple
    already keeps its value.

    >>> controlled_round([3, 3, 3, 3], 12, 5)
    [5, 5, 0, 0]
    >>> controlled_round([1, 1, 1, 0], 3, 5)
    [5, 0, 0, 0]
    >>> controlled_round([7, 6], 13, 5)
    [10, 5]
    """
    if sum(parts) != total or min(parts, default=0) < 0:
        raise ValueError("parts must be counts adding up to total")
    floors = [basis * (p // basis) for p in parts]
    ups = (round_count(total, basis) - sum(floors)) // basis
    order = sorted(
        (i for i, p in enumerate(parts) if p % basis),
        key=lambda i: (-(parts[i] % basis), i),
    )
    for i in order[:ups]:
        floors[i] += basis
    return floors


def statistic_cell(value: float | None, n: int, drempel: int) -> Cel:
    """A share or median computed from `n` referrals as a published cell."""
    if n == 0 or value is None:
        return Cel(None, False)
    if n < drempel:
        return Cel(None, True)
    return Cel(float(value), False)


@dataclass(frozen=True)
class RoundedCounts:
    """The published counts of one gemeente, or the sum of several."""

    verwijzingen: int
    te_laat_zonder_terugkoppeling: int
    verbindingen_per_soort: tuple[tuple[str, int], ...]
    uitkomsten: tuple[tuple[str, int], ...]

    def __add__(self, other: "RoundedCounts") -> "RoundedCounts":
        def add(
            a: tuple[tuple[str, int], ...], b: tuple[tuple[str, int], ...]
        ) -> tuple[tuple[str, int], ...]:
            if [k for k, _ in a] != [k for k, _ in b]:
                raise ValueError("codes differ")
            return tuple((k, x + y) for (k, x), (_, y) in zip(a, b, strict=True))

        return RoundedCounts(
            self.verwijzingen + other.verwijzingen,
            self.te_laat_zonder_terugkoppeling + other.te_laat_zonder_terugkoppeling,
            add(self.verbindingen_per_soort, other.verbindingen_per_soort),
            add(self.uitkomsten, other.uitkomsten),
        )


def gemeente_counts(area: RawAreaFigures, basis: int) -> RoundedCounts:
    """The counts of one gemeente as published (rule 1): the one decision
    every table that contains the gemeente reuses."""
    codes = [code for code, _ in area.uitkomsten]
    outcomes = [n for _, n in area.uitkomsten]
    without_outcome = area.verwijzingen - sum(outcomes)
    rounded = controlled_round([*outcomes, without_outcome], area.verwijzingen, basis)
    return RoundedCounts(
        verwijzingen=round_count(area.verwijzingen, basis),
        te_laat_zonder_terugkoppeling=round_count(
            area.te_laat_zonder_terugkoppeling, basis
        ),
        verbindingen_per_soort=tuple(
            (soort, round_count(n, basis)) for soort, n in area.verbindingen_per_soort
        ),
        uitkomsten=tuple(zip(codes, rounded[:-1], strict=True)),
    )


def _sum(counts: Sequence[RoundedCounts], like: RawAreaFigures) -> RoundedCounts:
    total = RoundedCounts(
        0,
        0,
        tuple((code, 0) for code, _ in like.verbindingen_per_soort),
        tuple((code, 0) for code, _ in like.uitkomsten),
    )
    for c in counts:
        total = total + c
    return total


def publish(
    raw: RawIndicators,
    *,
    leden: Mapping[str, Sequence[RawAreaFigures]] | None = None,
) -> RegionIndicators:
    """The exact figures turned into published cells by the rules above.

    Args:
        raw: exact figures per row (gemeenten, or regions in the national
            view) and in total; statistics come from here.
        leden: for rows that are not gemeenten, the exact figures of the
            gemeenten of every row code: a row's counts are the sum of their
            rounded counts (rule 2). Without it the rows are gemeenten.
    """
    params = raw.parameters
    basis = params.drempel
    if leden is None:
        leden = {
            area.gemeentecode: (area,)
            for area in raw.gemeenten
            if area.gemeentecode is not None
        }
    atoms: dict[str, RoundedCounts] = {}
    for members in leden.values():
        for area in members:
            if area.gemeentecode is None:
                raise ValueError("a member must be a gemeente")
            atoms.setdefault(area.gemeentecode, gemeente_counts(area, basis))

    def cells(area: RawAreaFigures, counts: RoundedCounts) -> AreaIndicators:
        years = params.periode_jaren
        person_years = area.inwoners * years
        target = area.streefwaarde_verwijzingen
        n = counts.verwijzingen
        return AreaIndicators(
            gemeentecode=area.gemeentecode,
            inwoners=area.inwoners,
            verwijzingen=Cel(n, False),
            verwijzingen_per_10k=Cel(
                n * 10_000 / person_years if person_years > 0 else None, False
            ),
            streefwaarde_verwijzingen=target,
            aandeel_van_streefwaarde=Cel(n / target if target > 0 else None, False),
            mediaan_dagen_tot_eerste_contact=statistic_cell(
                area.mediaan_dagen_tot_eerste_contact, area.n_eerste_contact, basis
            ),
            aandeel_eerste_terugkoppeling_op_tijd=statistic_cell(
                area.aandeel_eerste_terugkoppeling_op_tijd,
                area.n_terugkoppeling_beoordeeld,
                basis,
            ),
            aandeel_afgesloten_met_terugkoppeling=statistic_cell(
                area.aandeel_afgesloten_met_terugkoppeling, area.n_afgesloten, basis
            ),
            te_laat_zonder_terugkoppeling=Cel(counts.te_laat_zonder_terugkoppeling),
            verbindingen_per_soort=tuple(
                (soort, Cel(v)) for soort, v in counts.verbindingen_per_soort
            ),
            uitkomsten=tuple((code, Cel(v)) for code, v in counts.uitkomsten),
        )

    rows = []
    for area in raw.gemeenten:
        members = leden.get(area.gemeentecode or "", ())
        rows.append(
            cells(area, _sum([atoms[m.gemeentecode or ""] for m in members], area))
        )
    totaal = cells(raw.totaal, _sum(list(atoms.values()), raw.totaal))
    return RegionIndicators(parameters=params, totaal=totaal, gemeenten=tuple(rows))


# -- Suppression within one table ---------------------------------------------
# The LSP monitor report hides respondent counts of one table (professionals
# answering a questionnaire, not residents) by primary and complementary
# suppression; the referral indicators above use rounding instead.


def is_small(count: int, drempel: int) -> bool:
    """True for a count that primary suppression hides (1..drempel-1)."""
    return 0 < count < drempel


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
