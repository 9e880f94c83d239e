# SPDX-License-Identifier: EUPL-1.2
"""Referrals counted per area: the input a database adapter can produce by
aggregating in SQL, and the figures computed from it.

`ReferralCounts` holds, per area (a gemeente, or a whole region in a national
view), the counts the indicators need, plus a histogram of days to first
contact for the medians. `raw_indicators_from_counts` turns it into
`RawIndicators`; the array path (`referrals.raw_indicators_from_arrays`)
counts its rows and calls it too, so both paths share one definition of every
figure.

Which referral falls in which count is defined in `referrals` (module
docstring); a database adapter must count the same way. What does not belong
here: suppression (`suppression`), reading a database.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from dekkend.monitoring.indicators.model import IndicatorParameters, IntArray
from dekkend.monitoring.indicators.results import RawAreaFigures, RawIndicators

_PER_AREA = (
    "verwijzingen",
    "n_terugkoppeling_op_tijd",
    "n_terugkoppeling_beoordeeld",
    "te_laat_zonder_terugkoppeling",
    "n_afgesloten",
    "n_afgesloten_met_terugkoppeling",
)


@dataclass(frozen=True, eq=False)
class ReferralCounts:
    """Counts per area of the referrals sent in the observed period.

    Attributes:
        gebieden: area codes; row i of every array belongs to `gebieden[i]`.
        verwijzingen: referrals.
        n_terugkoppeling_op_tijd: first feedback within the term.
        n_terugkoppeling_beoordeeld: on time, late, or overdue without answer.
        te_laat_zonder_terugkoppeling: overdue without any feedback.
        n_afgesloten, n_afgesloten_met_terugkoppeling: closed by peildatum,
            and of those closed with feedback.
        soorten, verbonden: kinds of offer, and per area and kind the
            referrals connected to at least one offer of that kind.
        uitkomsten, per_uitkomst: outcome codes, and per area and code the
            referrals with that outcome.
        contact_gebied, contact_dagen, contact_aantal: a histogram of calendar
            days from sending to first contact: `contact_aantal[j]` referrals
            of area `contact_gebied[j]` took `contact_dagen[j]` days. Rows may
            repeat and come in any order.

    Raises:
        ValueError: on mismatched shapes, negative counts or area indices out
            of range.
    """

    gebieden: tuple[str, ...]
    verwijzingen: IntArray
    n_terugkoppeling_op_tijd: IntArray
    n_terugkoppeling_beoordeeld: IntArray
    te_laat_zonder_terugkoppeling: IntArray
    n_afgesloten: IntArray
    n_afgesloten_met_terugkoppeling: IntArray
    soorten: tuple[str, ...]
    verbonden: IntArray
    uitkomsten: tuple[str, ...]
    per_uitkomst: IntArray
    contact_gebied: IntArray
    contact_dagen: IntArray
    contact_aantal: IntArray

    def __post_init__(self) -> None:
        n = len(self.gebieden)
        for name in _PER_AREA:
            if getattr(self, name).shape != (n,):
                raise ValueError(f"{name} must have shape ({n},)")
        for name, codes in (
            ("verbonden", self.soorten),
            ("per_uitkomst", self.uitkomsten),
        ):
            if getattr(self, name).shape != (n, len(codes)):
                raise ValueError(f"{name} must have shape ({n}, {len(codes)})")
        m = len(self.contact_gebied)
        if self.contact_dagen.shape != (m,) or self.contact_aantal.shape != (m,):
            raise ValueError("the contact histogram columns differ in length")
        for name in (*_PER_AREA, "verbonden", "per_uitkomst", "contact_aantal"):
            values = getattr(self, name)
            if values.size and values.min() < 0:
                raise ValueError(f"{name} has negative counts")
        if m and (self.contact_gebied.min() < 0 or self.contact_gebied.max() >= n):
            raise ValueError("contact_gebied out of range")

    @classmethod
    def empty(
        cls, gebieden: Sequence[str], soorten: Sequence[str], uitkomsten: Sequence[str]
    ) -> "ReferralCounts":
        """Zero referrals in every area."""
        n = len(gebieden)

        def zeros(*shape: int) -> IntArray:
            out: IntArray = np.zeros(shape, dtype=np.int64)
            return out

        return cls(
            gebieden=tuple(gebieden),
            **{name: zeros(n) for name in _PER_AREA},
            soorten=tuple(soorten),
            verbonden=zeros(n, len(soorten)),
            uitkomsten=tuple(uitkomsten),
            per_uitkomst=zeros(n, len(uitkomsten)),
            contact_gebied=zeros(0),
            contact_dagen=zeros(0),
            contact_aantal=zeros(0),
        )

    def regroup(self, groepen: Mapping[str, Iterable[str]]) -> "ReferralCounts":
        """The counts of larger areas: each group sums the areas listed for
        it (areas not present count as zero; an area may not be listed
        twice). Used to turn gemeenten into regions for a national view."""
        position = {code: i for i, code in enumerate(self.gebieden)}
        codes = tuple(groepen)
        target = np.full(len(self.gebieden), -1, dtype=np.int64)
        for j, code in enumerate(codes):
            for member in groepen[code]:
                i = position.get(member)
                if i is None:
                    continue
                if target[i] >= 0:
                    raise ValueError(f"{member} is listed in two groups")
                target[i] = j
        rows = target >= 0
        n = len(codes)

        def summed(values: IntArray) -> IntArray:
            out: IntArray = np.zeros((n, *values.shape[1:]), dtype=np.int64)
            np.add.at(out, target[rows], values[rows])
            return out

        in_group = target[self.contact_gebied] >= 0
        return ReferralCounts(
            gebieden=codes,
            **{name: summed(getattr(self, name)) for name in _PER_AREA},
            soorten=self.soorten,
            verbonden=summed(self.verbonden),
            uitkomsten=self.uitkomsten,
            per_uitkomst=summed(self.per_uitkomst),
            contact_gebied=target[self.contact_gebied][in_group],
            contact_dagen=self.contact_dagen[in_group],
            contact_aantal=self.contact_aantal[in_group],
        )


def _weighted_group_medians(
    groups: IntArray, values: IntArray, weights: IntArray, n_groups: int
) -> npt.NDArray[np.float64]:
    """Median of the values per group, each value counted `weights` times
    (NaN for an empty group): the mean of the middle two of the sorted
    values, or the middle one."""
    medians: npt.NDArray[np.float64] = np.full(n_groups, np.nan)
    used = weights > 0
    groups, values, weights = groups[used], values[used], weights[used]
    if values.size == 0:
        return medians
    shift = np.int64(values.min())
    if int(values.max()) - int(shift) >= 2**31:
        raise ValueError("first-contact days span more than 2**31")
    # Group in the high bits, value in the low 32: one sort orders both.
    keys = (groups.astype(np.int64) << 32) | (values - shift).astype(np.int64)
    order = np.argsort(keys, kind="stable")
    ordered = (keys[order] & np.int64(0xFFFFFFFF)) + shift
    cumulative = np.cumsum(weights[order])
    sizes = np.bincount(groups, weights=weights, minlength=n_groups).astype(np.int64)
    before = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    present = sizes > 0
    low = before[present] + (sizes[present] - 1) // 2
    high = before[present] + sizes[present] // 2
    # The sorted value at overall rank r sits in the first row whose
    # cumulative weight exceeds r.
    at_low = ordered[np.searchsorted(cumulative, low, side="right")]
    at_high = ordered[np.searchsorted(cumulative, high, side="right")]
    medians[present] = (at_low + at_high) / 2.0
    return medians


def _share(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def raw_indicators_from_counts(
    counts: ReferralCounts,
    inwoners: Mapping[str, int],
    parameters: IndicatorParameters,
) -> RawIndicators:
    """Exact (unsuppressed) figures per area and for their total.

    Args:
        counts: counts per area; areas missing from `inwoners` are left out,
            areas of `inwoners` missing here count zero referrals.
        inwoners: inhabitants per area code; its keys are the areas shown.
        parameters: period (for the rate per year) and target.

    Raises:
        ValueError: for a negative number of inhabitants.

    Example:
        >>> from dataclasses import replace
        >>> from datetime import date
        >>> counts = replace(
        ...     ReferralCounts.empty(("GM0001",), ("lsp",), ("verbonden",)),
        ...     verwijzingen=np.array([30]),
        ... )
        >>> p = IndicatorParameters.kalenderjaar(
        ...     "Regio", 2026, peildatum=date(2027, 1, 31))
        >>> raw = raw_indicators_from_counts(counts, {"GM0001": 5_000}, p)
        >>> raw.totaal.verwijzingen_per_10k, raw.totaal.aandeel_van_streefwaarde
        (60.0, 1.0)
    """
    if any(n < 0 for n in inwoners.values()):
        raise ValueError("inwoners must not be negative")
    codes = tuple(sorted(inwoners))
    position = {code: i for i, code in enumerate(counts.gebieden)}
    source = np.array([position.get(code, -1) for code in codes], dtype=np.int64)
    present = source >= 0

    def per_area(values: IntArray) -> IntArray:
        out: IntArray = np.zeros((len(codes), *values.shape[1:]), dtype=np.int64)
        out[present] = values[source[present]]
        return out

    columns = {name: per_area(getattr(counts, name)) for name in _PER_AREA}
    per_kind = per_area(counts.verbonden)
    per_outcome = per_area(counts.per_uitkomst)

    # Histogram rows of areas outside `inwoners` are dropped.
    target = np.full(len(counts.gebieden), -1, dtype=np.int64)
    target[source[present]] = np.flatnonzero(present)
    contact_area = target[counts.contact_gebied]
    shown = contact_area >= 0
    groups = contact_area[shown]
    days = counts.contact_dagen[shown]
    weights = counts.contact_aantal[shown]
    medians = _weighted_group_medians(groups, days, weights, len(codes))
    total_median = _weighted_group_medians(
        np.zeros(len(days), dtype=np.int64), days, weights, 1
    )[0]
    n_contact = np.bincount(groups, weights=weights, minlength=len(codes)).astype(
        np.int64
    )

    years = parameters.periode_jaren
    target_per_10k = parameters.streefwaarde_per_10k

    def area(
        code: str | None, inhabitants: int, i: int | None, median: float
    ) -> RawAreaFigures:
        def pick(values: IntArray) -> int:
            return int(values.sum()) if i is None else int(values[i])

        count = pick(columns["verwijzingen"])
        person_years = inhabitants * years
        target_count = target_per_10k * person_years / 10_000
        kinds = per_kind.sum(axis=0) if i is None else per_kind[i]
        outcomes = per_outcome.sum(axis=0) if i is None else per_outcome[i]
        on_time = pick(columns["n_terugkoppeling_op_tijd"])
        assessed = pick(columns["n_terugkoppeling_beoordeeld"])
        closed = pick(columns["n_afgesloten"])
        closed_with_feedback = pick(columns["n_afgesloten_met_terugkoppeling"])
        return RawAreaFigures(
            gemeentecode=code,
            inwoners=inhabitants,
            verwijzingen=count,
            verwijzingen_per_10k=(
                count * 10_000 / person_years if person_years > 0 else None
            ),
            streefwaarde_verwijzingen=target_count,
            aandeel_van_streefwaarde=count / target_count if target_count > 0 else None,
            n_eerste_contact=pick(n_contact),
            mediaan_dagen_tot_eerste_contact=None
            if np.isnan(median)
            else float(median),
            n_terugkoppeling_beoordeeld=assessed,
            n_terugkoppeling_op_tijd=on_time,
            aandeel_eerste_terugkoppeling_op_tijd=_share(on_time, assessed),
            n_afgesloten=closed,
            n_afgesloten_met_terugkoppeling=closed_with_feedback,
            aandeel_afgesloten_met_terugkoppeling=_share(closed_with_feedback, closed),
            te_laat_zonder_terugkoppeling=pick(
                columns["te_laat_zonder_terugkoppeling"]
            ),
            verbindingen_per_soort=tuple(
                (soort, int(n)) for soort, n in zip(counts.soorten, kinds, strict=True)
            ),
            uitkomsten=tuple(
                (code_, int(n))
                for code_, n in zip(counts.uitkomsten, outcomes, strict=True)
            ),
        )

    gemeenten = tuple(
        area(code, int(inwoners[code]), i, medians[i]) for i, code in enumerate(codes)
    )
    totaal = area(None, sum(int(n) for n in inwoners.values()), None, total_median)
    return RawIndicators(parameters=parameters, totaal=totaal, gemeenten=gemeenten)
