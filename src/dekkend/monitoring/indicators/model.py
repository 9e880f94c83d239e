# SPDX-License-Identifier: EUPL-1.2
"""Inputs of the sociaal-verwijzen indicators (frozen dataclasses).

Facts per referral without any personal data (`VerwijzingFeit`), the same
facts as NumPy arrays (`ReferralArrays`, the form the core works on), and
`IndicatorParameters`. Inhabitants per gemeente are a plain mapping.

What does not belong here: results (`results`), the arithmetic
(`referrals`), and anything that reads a database or the clock.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

from dekkend.werkdagen import (
    BEVRIJDINGSDAG_RULES,
    BevrijdingsdagRule,
)

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
DayArray = npt.NDArray[np.datetime64]

# Statuses after which no feedback to the referrer is owed: the referrer
# withdrew (or consent was withdrawn), or the referral was sent back with a
# reason, which itself informs the referrer. Codes of `referrals.workflow`.
STATUSES_WITHOUT_FEEDBACK_DUTY: frozenset[str] = frozenset(
    {"ingetrokken", "teruggestuurd"}
)


@dataclass(frozen=True)
class VerwijzingFeit:
    """One referral, reduced to dates and codes: no person, no free text.

    Raises:
        ValueError: when a date lies before `aangemaakt_op`, or the
            gemeentecode is empty.
    """

    gemeentecode: str  # the resident's gemeente (CBS code, "GM0363")
    aangemaakt_op: date  # referral sent
    eerste_contact_op: date | None  # first contact by the bridging professional
    eerste_terugkoppeling_op: date | None
    afgesloten_op: date | None
    terugkoppeling_bij_afsluiten: bool
    uitkomst: str | None  # "verbonden", "geholpen", "zelf_verder", ...
    verbindingen: tuple[str, ...] = ()  # AanbodSoort codes ("lsp", "welzijn")
    status: str = ""  # current workflow status code

    def __post_init__(self) -> None:
        if not self.gemeentecode:
            raise ValueError("gemeentecode is empty")
        for name in ("eerste_contact_op", "eerste_terugkoppeling_op", "afgesloten_op"):
            value = getattr(self, name)
            if value is not None and value < self.aangemaakt_op:
                raise ValueError(f"{name} {value} lies before aangemaakt_op")


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return date(day.year + years, 3, 1)


@dataclass(frozen=True)
class IndicatorParameters:
    """What to compute, for which period and with which rules.

    Attributes:
        regio: name of the region, shown as a label only.
        start, end: the period, both days inclusive; referrals count when
            `aangemaakt_op` lies in it.
        peildatum: the reference date. Events dated after it count as not yet
            happened, referrals sent after it are left out, and a period that
            runs past it is observed up to it (a year in progress).
        termijn_werkdagen: first feedback is due within this many working days
            after the referral (regional agreement, 003 §4 step 2).
        drempel: small-number threshold; counts 1..drempel-1 are suppressed.
        streefwaarde_per_10k: target referrals per 10,000 inhabitants a year
            (003 §7: 60).
        bevrijdingsdag: rule for 5 May, see `dekkend.werkdagen.dutch_holidays`.
        feestdagen: explicit non-working days; None means the Dutch holidays.
        zonder_terugkoppelplicht: statuses whose referrals owe no feedback.

    Raises:
        ValueError: for an empty or reversed period, a negative term, a
            threshold below 1, a negative target or an unknown 5 May rule.
    """

    regio: str
    start: date
    end: date
    peildatum: date
    termijn_werkdagen: int = 10
    drempel: int = 5
    streefwaarde_per_10k: float = 60.0
    bevrijdingsdag: BevrijdingsdagRule = "lustrum"
    feestdagen: tuple[date, ...] | None = None
    zonder_terugkoppelplicht: frozenset[str] = STATUSES_WITHOUT_FEEDBACK_DUTY

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("end lies before start")
        if self.termijn_werkdagen < 0:
            raise ValueError("termijn_werkdagen must be 0 or more")
        if self.drempel < 1:
            raise ValueError("drempel must be 1 or more")
        if self.streefwaarde_per_10k < 0:
            raise ValueError("streefwaarde_per_10k must not be negative")
        if self.bevrijdingsdag not in BEVRIJDINGSDAG_RULES:
            raise ValueError(f"bevrijdingsdag must be one of {BEVRIJDINGSDAG_RULES}")

    @classmethod
    def kalenderjaar(
        cls, regio: str, jaar: int, *, peildatum: date, **options: Any
    ) -> "IndicatorParameters":
        """Parameters for calendar year `jaar` (the default period)."""
        return cls(
            regio=regio,
            start=date(jaar, 1, 1),
            end=date(jaar, 12, 31),
            peildatum=peildatum,
            **options,
        )

    @property
    def observed_end(self) -> date:
        """Last day observed: `end`, or `peildatum` when that comes first."""
        return min(self.end, self.peildatum)

    @property
    def observed_days(self) -> int:
        """Days observed in the period (0 when `peildatum` precedes `start`)."""
        return max(0, (self.observed_end - self.start).days + 1)

    @property
    def periode_jaren(self) -> float:
        """Length of the observed period in years: a whole number when it runs
        exactly from `start` to the day before an anniversary of `start`
        (a calendar year is 1.0), otherwise days / 365.25."""
        days = self.observed_days
        if days == 0:
            return 0.0
        years = round(days / 365.25)
        if years >= 1 and _add_years(self.start, years) - timedelta(days=1) == (
            self.observed_end
        ):
            return float(years)
        return days / 365.25


@dataclass(frozen=True, eq=False)
class ReferralArrays:
    """The facts of many referrals as parallel NumPy arrays (one row each).

    Dates are `datetime64[D]` (day numbers; NaT for "not yet"); integer day
    numbers since 1970-01-01 convert with `.astype("datetime64[D]")`. Codes
    are indices into the tuples next to them; -1 means none.

    Attributes:
        gemeentecodes: codes indexed by `gemeente_idx`.
        gemeente_idx: the resident's gemeente, int64.
        aangemaakt_op: day the referral was sent (never NaT).
        eerste_contact_op, eerste_terugkoppeling_op, afgesloten_op: days or NaT.
        terugkoppeling_bij_afsluiten: bool.
        uitkomsten: outcome codes indexed by `uitkomst_idx` (-1: none).
        soorten: kinds of offer, the columns of `verbonden`.
        verbonden: bool, shape (rows, len(soorten)): connected to that kind.
        statussen: status codes indexed by `status_idx` (-1: unknown).

    Raises:
        ValueError: on mismatched shapes, indices out of range, NaT in
            `aangemaakt_op` or a date before `aangemaakt_op`.
    """

    gemeentecodes: tuple[str, ...]
    gemeente_idx: IntArray
    aangemaakt_op: DayArray
    eerste_contact_op: DayArray
    eerste_terugkoppeling_op: DayArray
    afgesloten_op: DayArray
    terugkoppeling_bij_afsluiten: BoolArray
    uitkomsten: tuple[str, ...]
    uitkomst_idx: IntArray
    soorten: tuple[str, ...]
    verbonden: BoolArray
    statussen: tuple[str, ...]
    status_idx: IntArray

    def __post_init__(self) -> None:
        n = len(self.gemeente_idx)
        columns: dict[str, npt.NDArray[Any]] = {
            "aangemaakt_op": self.aangemaakt_op,
            "eerste_contact_op": self.eerste_contact_op,
            "eerste_terugkoppeling_op": self.eerste_terugkoppeling_op,
            "afgesloten_op": self.afgesloten_op,
            "terugkoppeling_bij_afsluiten": self.terugkoppeling_bij_afsluiten,
            "uitkomst_idx": self.uitkomst_idx,
            "status_idx": self.status_idx,
        }
        for name, column in columns.items():
            if column.shape != (n,):
                raise ValueError(f"{name} has shape {column.shape}, expected ({n},)")
        if self.verbonden.shape != (n, len(self.soorten)):
            raise ValueError(
                f"verbonden has shape {self.verbonden.shape}, "
                f"expected ({n}, {len(self.soorten)})"
            )
        for name in columns:
            if name.endswith("_op") and columns[name].dtype != np.dtype(
                "datetime64[D]"
            ):
                raise ValueError(f"{name} must be datetime64[D]")
        indices = (
            ("gemeente_idx", self.gemeente_idx, len(self.gemeentecodes), 0),
            ("uitkomst_idx", self.uitkomst_idx, len(self.uitkomsten), -1),
            ("status_idx", self.status_idx, len(self.statussen), -1),
        )
        for name, idx, size, lowest in indices:
            if n and (idx.min() < lowest or idx.max() >= size):
                raise ValueError(f"{name} out of range")
        if np.isnat(self.aangemaakt_op).any():
            raise ValueError("aangemaakt_op has NaT")
        for name in ("eerste_contact_op", "eerste_terugkoppeling_op", "afgesloten_op"):
            later = columns[name]
            # NaT compares False, so missing dates pass.
            early = int(np.count_nonzero(later < self.aangemaakt_op))
            if early:
                raise ValueError(f"{early} rows have {name} before aangemaakt_op")

    def __len__(self) -> int:
        return len(self.gemeente_idx)

    @classmethod
    def from_facts(cls, facts: Iterable[VerwijzingFeit]) -> "ReferralArrays":
        """The facts as arrays; codes are numbered in sorted order."""
        rows = list(facts)
        gemeentecodes = tuple(sorted({f.gemeentecode for f in rows}))
        uitkomsten = tuple(sorted({f.uitkomst for f in rows if f.uitkomst is not None}))
        soorten = tuple(sorted({s for f in rows for s in f.verbindingen}))
        statussen = tuple(sorted({f.status for f in rows}))
        gemeente_pos = {code: i for i, code in enumerate(gemeentecodes)}
        uitkomst_pos = {code: i for i, code in enumerate(uitkomsten)}
        soort_pos = {code: i for i, code in enumerate(soorten)}
        status_pos = {code: i for i, code in enumerate(statussen)}

        def days(values: list[date | None]) -> DayArray:
            out: DayArray = np.array(values, dtype="datetime64[D]").reshape(len(values))
            return out

        verbonden = np.zeros((len(rows), len(soorten)), dtype=np.bool_)
        for i, fact in enumerate(rows):
            for soort in fact.verbindingen:
                verbonden[i, soort_pos[soort]] = True
        return cls(
            gemeentecodes=gemeentecodes,
            gemeente_idx=np.array(
                [gemeente_pos[f.gemeentecode] for f in rows], np.int64
            ),
            aangemaakt_op=days([f.aangemaakt_op for f in rows]),
            eerste_contact_op=days([f.eerste_contact_op for f in rows]),
            eerste_terugkoppeling_op=days([f.eerste_terugkoppeling_op for f in rows]),
            afgesloten_op=days([f.afgesloten_op for f in rows]),
            terugkoppeling_bij_afsluiten=np.array(
                [f.terugkoppeling_bij_afsluiten for f in rows], dtype=np.bool_
            ),
            uitkomsten=uitkomsten,
            uitkomst_idx=np.array(
                [-1 if f.uitkomst is None else uitkomst_pos[f.uitkomst] for f in rows],
                dtype=np.int64,
            ),
            soorten=soorten,
            verbonden=verbonden,
            statussen=statussen,
            status_idx=np.array([status_pos[f.status] for f in rows], dtype=np.int64),
        )
