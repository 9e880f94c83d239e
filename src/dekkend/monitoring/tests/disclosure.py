# SPDX-License-Identifier: EUPL-1.2
"""An attacker on the published referral indicators, for the tests.

The attacker reads every published table (the JSON of the page, the Excel
file, the API and the command line are one and the same object) together
with what is public anyway: which gemeenten make up each region of each
division, inhabitants, the documented rounding rule. The unknowns are the
exact counts per gemeente and measure (the atoms: referrals, overdue
feedback, connections per kind, outcomes per code). Every published number
becomes a linear constraint on a sum of atoms:

* a shown count `r` of an area: the sum of its atoms lies within the
  rounding interval the documented rule gives (exact when the table says
  nothing about rounding);
* a rate per 10,000 or a share of the target shown beside a count: the
  count times a public factor, within the display precision;
* structure everybody knows: atoms are >= 0, a gemeente's outcomes are
  disjoint and add up to at most its referrals, and connections of one
  kind and overdue feedback are each at most its referrals.

For every published or hidden count cell it then solves two linear programs
(HiGHS through scipy): the least and the greatest value the cell can take
under all constraints, rounded inwards to integers (the counts are whole
numbers, which makes the attacker stronger, not weaker). A hidden cell whose
least and greatest value coincide is recovered; a shown cell whose interval
is narrower than the promised rounding interval gives away more than the
rule promises.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import ceil, floor
from typing import Any

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import lil_matrix

Measure = tuple[str, str]  # ("verwijzingen", "") or ("uitkomsten", "verbonden")
COUNTS = ("verwijzingen", "te_laat_zonder_terugkoppeling")
GROUPS = ("verbindingen_per_soort", "uitkomsten")
EPS = 1e-6


@dataclass(frozen=True)
class Table:
    """One published table: `data` is the JSON object
    (`VerwijsIndicatoren.as_dict()`); `leden` gives the gemeentecodes of every
    row code (a gemeente is its own member) and `naam` names the view."""

    naam: str
    data: Mapping[str, Any]
    leden: Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class CellBound:
    table: str
    row: str
    measure: Measure
    shown: int | None
    low: int
    high: int


@dataclass
class Audit:
    published: int = 0
    hidden: int = 0
    recovered: list[CellBound] = field(default_factory=list)
    narrowed: list[CellBound] = field(default_factory=list)
    # hidden cells printed as they are in another table
    shown_elsewhere: int = 0

    @property
    def leaks(self) -> int:
        return len(self.recovered) + len(self.narrowed)

    def distinct_recovered(self) -> set[tuple[frozenset[str], Measure]]:
        return {(frozenset(c.row.split("+")), c.measure) for c in self.recovered}


def rounding_interval(shown: int, basis: int, *, controlled: bool) -> tuple[int, int]:
    """The true values a gemeente cell `shown` can stand for under the
    documented rule: conventional rounding to a multiple of `basis`, or
    controlled rounding (up or down to a neighbouring multiple)."""
    if basis <= 1:
        return shown, shown
    if controlled:
        return max(0, shown - (basis - 1)), shown + basis - 1
    half = basis // 2
    return max(0, shown - half), shown + basis - 1 - half


def _rows(data: Mapping[str, Any]) -> list[tuple[str | None, Mapping[str, Any]]]:
    rows = data.get("gemeenten") or data.get("regios") or []
    out: list[tuple[str | None, Mapping[str, Any]]] = [
        (row.get("gemeentecode") or row.get("regiocode"), row) for row in rows
    ]
    out.append((None, data["totaal"]))
    return out


def _cells(row: Mapping[str, Any]) -> Iterable[tuple[Measure, Any, bool]]:
    for name in COUNTS:
        yield (name, ""), row[name], bool(row[f"{name}_onderdrukt"])
    for name in GROUPS:
        for code, value in row[name].items():
            yield (name, code), value, bool(row[f"{name}_onderdrukt"][code])


class Attacker:
    """The linear system of everything published, over the atoms."""

    def __init__(self, tables: Sequence[Table]) -> None:
        self.tables = tables
        gemeenten: set[str] = set()
        measures: set[Measure] = set()
        for table in tables:
            for members in table.leden.values():
                gemeenten |= members
            for _, row in _rows(table.data):
                measures |= {m for m, _, _ in _cells(row)}
        self.gemeenten = sorted(gemeenten)
        self.measures = sorted(measures)
        self.index = {
            (g, m): i
            for i, (g, m) in enumerate(
                (g, m) for g in self.gemeenten for m in self.measures
            )
        }
        self._rows_ub: list[dict[int, float]] = []
        self._rhs_ub: list[float] = []
        self._matrix: tuple[Any, Any] | None = None
        self._structure()
        for table in tables:
            self._publish(table)

    # -- constraints ----------------------------------------------------------

    def _le(self, coefs: Mapping[int, float], rhs: float) -> None:
        self._rows_ub.append(dict(coefs))
        self._rhs_ub.append(rhs)

    def _between(self, coefs: Mapping[int, float], low: float, high: float) -> None:
        self._le(coefs, high)
        self._le({k: -v for k, v in coefs.items()}, -low)

    def _structure(self) -> None:
        for g in self.gemeenten:
            v = self.index[g, ("verwijzingen", "")]
            outcomes = {
                self.index[g, m]: 1.0 for m in self.measures if m[0] == "uitkomsten"
            }
            if outcomes:
                self._le({**outcomes, v: -1.0}, 0.0)
            for m in self.measures:
                if m[0] == "verbindingen_per_soort" or m[0] == COUNTS[1]:
                    self._le({self.index[g, m]: 1.0, v: -1.0}, 0.0)

    def area(self, members: Iterable[str], measure: Measure) -> dict[int, float]:
        return {self.index[g, measure]: 1.0 for g in members}

    def _publish(self, table: Table) -> None:
        data = table.data
        basis = int(data.get("afronding", 1))
        years = float(data.get("parameters", {}).get("periode_jaren", 1.0))
        all_members = frozenset().union(*table.leden.values())
        for code, row in _rows(data):
            members = all_members if code is None else table.leden[code]
            for measure, value, _hidden in _cells(row):
                if value is None:
                    continue
                low, high = self.promised(members, measure, int(value), basis)
                self._between(self.area(members, measure), low, high)
            # A rate or a share of the target gives the count it was computed
            # from (the rounded one, by the documented rule) up to the
            # precision it is shown with.
            referrals = self.area(members, ("verwijzingen", ""))
            derived = []
            rate, inwoners = row.get("verwijzingen_per_10k"), row.get("inwoners")
            if rate is not None and inwoners:
                factor = inwoners * years / 10_000
                derived.append(((rate - 0.005) * factor, (rate + 0.005) * factor))
            share = row.get("aandeel_van_streefwaarde")
            target = row.get("streefwaarde_verwijzingen")
            if share is not None and target:
                derived.append(
                    (
                        (share - 5e-5) * (target - 0.005),
                        (share + 5e-5) * (target + 0.005),
                    )
                )
            for low_count, high_count in derived:
                low, _ = self.promised(
                    members, ("verwijzingen", ""), ceil(low_count - EPS), basis
                )
                _, high = self.promised(
                    members, ("verwijzingen", ""), floor(high_count + EPS), basis
                )
                self._between(referrals, low - EPS, high + EPS)

    @staticmethod
    def promised(
        members: frozenset[str], measure: Measure, shown: int, basis: int
    ) -> tuple[int, int]:
        """The interval the documented rule gives for a shown count of an area
        of `members`: per gemeente the rounding interval; an area's figure is
        the sum of its gemeenten's, so its interval is the sum of theirs."""
        if basis <= 1:
            return shown, shown
        controlled = measure[0] == "uitkomsten"
        down = (basis - 1) if controlled else basis // 2
        up = rounding_interval(0, basis, controlled=controlled)[1]
        n = len(members)
        return max(0, shown - n * down), shown + n * up

    # -- solving --------------------------------------------------------------

    def bounds(self, coefs: Mapping[int, float]) -> tuple[int, int]:
        """Least and greatest integer value of the sum `coefs` under all
        published constraints."""
        n = len(self.index)
        if self._matrix is None:
            a_ub = lil_matrix((len(self._rows_ub), n))
            for i, row in enumerate(self._rows_ub):
                for j, v in row.items():
                    a_ub[i, j] = v
            self._matrix = (a_ub.tocsr(), np.array(self._rhs_ub))
        a, b = self._matrix
        c = np.zeros(n)
        for j, v in coefs.items():
            c[j] = v
        out = []
        for sign in (1.0, -1.0):
            res = linprog(sign * c, A_ub=a, b_ub=b, bounds=(0, None), method="highs")
            if res.status == 3:  # unbounded above
                out.append(float("inf"))
                continue
            assert res.status == 0, res.message
            out.append(sign * res.fun)
        low, high = out
        return ceil(low - EPS), (floor(high + EPS) if high != float("inf") else 10**9)


def inconsistent_areas(tables: Sequence[Table]) -> list[tuple[str, str, Measure]]:
    """Cells of areas that are not the sum of the same gemeenten's published
    cells (the documented rule the attacker relies on)."""
    atoms: dict[tuple[str, Measure], Any] = {}
    for table in tables:
        for code, row in _rows(table.data):
            if code is None or table.leden[code] != frozenset({code}):
                continue
            for measure, value, _ in _cells(row):
                atoms[code, measure] = value
    wrong = []
    for table in tables:
        all_members = frozenset().union(*table.leden.values())
        for code, row in _rows(table.data):
            members = all_members if code is None else table.leden[code]
            for measure, value, _ in _cells(row):
                parts = [atoms.get((g, measure)) for g in members]
                if None in parts:
                    continue  # a gemeente not published on its own here
                if value != sum(parts):
                    wrong.append((table.naam, code or "totaal", measure))
    return wrong


def audit(
    tables: Sequence[Table], *, truth: Mapping[tuple[str, Measure], int] | None = None
) -> Audit:
    """Every count cell of every table, bounded by the attacker.

    `truth` (exact counts per gemeente and measure) checks that the system is
    sound: the true value of every cell lies in its interval."""
    attacker = Attacker(tables)
    result = Audit()
    seen: dict[tuple[frozenset[str], Measure], tuple[int, int]] = {}
    shown: set[tuple[frozenset[str], Measure]] = set()
    hidden_keys: list[tuple[frozenset[str], Measure]] = []
    for table in tables:
        basis = int(table.data.get("afronding", 1))
        all_members = frozenset().union(*table.leden.values())
        for code, row in _rows(table.data):
            members = all_members if code is None else table.leden[code]
            for measure, value, hidden in _cells(row):
                key = (members, measure)
                if key not in seen:
                    seen[key] = attacker.bounds(attacker.area(members, measure))
                low, high = seen[key]
                if truth is not None:
                    exact = sum(truth.get((g, measure), 0) for g in members)
                    assert low <= exact <= high, (table.naam, code, measure)
                label = "+".join(sorted(members))
                if value is None:
                    if not hidden:
                        continue
                    result.hidden += 1
                    hidden_keys.append(key)
                    if low == high:
                        result.recovered.append(
                            CellBound(table.naam, label, measure, None, low, high)
                        )
                    continue
                result.published += 1
                shown.add(key)
                if basis > 1:
                    # The promise: every value within basis // 2 of the shown
                    # one stays possible (a shown 0 may be 0, 1 or 2; a 5 any
                    # of 3 to 7), however the tables are combined.
                    want = (max(0, int(value) - basis // 2), int(value) + basis // 2)
                    if low > want[0] or high < want[1]:
                        result.narrowed.append(
                            CellBound(table.naam, label, measure, int(value), low, high)
                        )
    result.shown_elsewhere = sum(key in shown for key in hidden_keys)
    return result
