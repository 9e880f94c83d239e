# SPDX-License-Identifier: EUPL-1.2
"""Inputs and output of the synthetic referral generator (plain Python).

`Keten` says who works in one gemeente (database ids only), `Parameters`
how the histories look, and `Plan` holds the generated rows as NumPy
columns per table, ready for `write.plan_write`.

What does not belong here: randomness (`generate`) and Django (`actors`,
`write`).
"""

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Keten:
    """The chain of 003 §3 in one gemeente, as database ids.

    Attributes:
        gemeente_id, code, inwoners: the gemeente and its inhabitants.
        ontvanger_id: the bridging organisation of its Werkgebied.
        brugfunctionarissen: user ids of bridging professionals of that
            organisation (at least one).
        verwijzers: (practice id, user id) pairs of referrers (at least one).
        aanbod: (aanbod id, AanbodSoort code) of active offers located in the
            gemeente, to connect residents to.
        pc4: postcode areas of the gemeente with their inhabitants, to give
            residents a plausible postcode.
        bewaartermijn_maanden: retention term of the gemeente's region.
    """

    gemeente_id: int
    code: str
    inwoners: int
    ontvanger_id: int
    brugfunctionarissen: tuple[int, ...]
    verwijzers: tuple[tuple[int, int], ...]
    aanbod: tuple[tuple[int, str], ...] = ()
    pc4: tuple[tuple[str, int], ...] = ()
    bewaartermijn_maanden: int = 24

    def __post_init__(self) -> None:
        if not self.brugfunctionarissen or not self.verwijzers:
            raise ValueError(f"{self.code}: no bridging professional or referrer")
        if self.inwoners < 0:
            raise ValueError(f"{self.code}: negative inhabitants")


@dataclass(frozen=True)
class Parameters:
    """How the synthetic histories look.

    Attributes:
        start, end: referrals are sent on working days from `start` up to the
            day before `end` (aware datetimes).
        peilmoment: the moment the history is seen at (usually now): events
            after it have not happened yet, so recent referrals are open.
        per_10k: per gemeente, referrals per 10,000 inhabitants a year are
            drawn uniformly from this range (the target is 60, 003 §7).
        anonimiseren: referrals finished longer ago than the retention term
            are anonymised, as the daily retention job would have done.
        seed: seed of the NumPy random Generator. What is drawn per gemeente
            (its rate, how fast it answers) depends on the seed only, so
            the periods of one history can be drawn in parts.
        deel: number of the part, when a long period is drawn in parts.
    """

    start: datetime
    end: datetime
    peilmoment: datetime
    per_10k: tuple[float, float] = (45.0, 70.0)
    anonimiseren: bool = True
    seed: int = 1
    deel: int = 0

    def __post_init__(self) -> None:
        for name in ("start", "end", "peilmoment"):
            if getattr(self, name).tzinfo is None:
                raise ValueError(f"{name} must be an aware datetime")
        if self.end <= self.start:
            raise ValueError("end lies before start")
        low, high = self.per_10k
        if not 0 <= low <= high:
            raise ValueError("per_10k must be a range (low, high) with 0 <= low")


@dataclass
class Table:
    """Rows of one model as NumPy columns named by field attname.

    `verwijzing` holds, per row, the index of its referral in the plan (the
    writer turns it into `verwijzing_id`). Times are `datetime64[m]` in UTC,
    days `datetime64[D]`, NaT is NULL; nullable booleans are int8 with -1 for
    NULL; JSON values are JSON text.
    """

    model: str
    columns: dict[str, np.ndarray]
    verwijzing: IntArray | None = None

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def take(self, index: np.ndarray) -> "Table":
        parent = None if self.verwijzing is None else self.verwijzing[index]
        return Table(self.model, {k: v[index] for k, v in self.columns.items()}, parent)


@dataclass
class Plan:
    """Generated rows: `Verwijzing` first (row i is referral i), then the rows
    that point to it, each sorted by referral and time."""

    tables: list[Table] = field(default_factory=list)

    @property
    def verwijzingen(self) -> int:
        return len(self.tables[0]) if self.tables else 0

    def table(self, model: str) -> Table:
        return next(t for t in self.tables if t.model == model)

    def rows(self) -> dict[str, int]:
        return {t.model: len(t) for t in self.tables}

    def slice(self, first: int, last: int) -> "Plan":
        """Referrals first..last-1 with their rows, indexes kept as they are."""
        out = []
        for t in self.tables:
            if t.verwijzing is None:
                out.append(t.take(np.arange(first, last)))
            else:
                lo, hi = np.searchsorted(t.verwijzing, [first, last])
                out.append(t.take(np.arange(lo, hi)))
        return Plan(out)
