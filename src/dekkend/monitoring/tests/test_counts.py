# SPDX-License-Identifier: EUPL-1.2
"""Figures from counts per area (`indicators.counts`), without a database:
the weighted medians agree with NumPy's median of the expanded values,
regrouping gemeenten into regions adds up, and counts that arrive per area
(as the SQL adapter delivers them) give the same figures as the rows they
came from."""

import doctest
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dekkend.monitoring.indicators import (
    IndicatorParameters,
    ReferralCounts,
    VerwijzingFeit,
    raw_indicators_from_counts,
    raw_indicators_from_facts,
)
from dekkend.monitoring.indicators import counts as counts_module
from dekkend.monitoring.indicators.counts import _weighted_group_medians

PARAMS = IndicatorParameters.kalenderjaar("R", 2026, peildatum=date(2027, 1, 31))


def _counts(**overrides: object) -> ReferralCounts:
    base = ReferralCounts.empty(
        ("GM0001", "GM0002", "GM0003"), ("lsp",), ("verbonden",)
    )
    values = {name: getattr(base, name) for name in base.__dataclass_fields__}
    values.update(overrides)
    return ReferralCounts(**values)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(-5, 400), st.integers(0, 4)),
        max_size=40,
    )
)
def test_weighted_medians_equal_the_median_of_the_expanded_values(rows):
    groups = np.array([g for g, _, _ in rows], dtype=np.int64)
    values = np.array([v for _, v, _ in rows], dtype=np.int64)
    weights = np.array([w for _, _, w in rows], dtype=np.int64)
    medians = _weighted_group_medians(groups, values, weights, 4)
    for g in range(4):
        expanded = np.repeat(values[groups == g], weights[groups == g])
        if expanded.size:
            assert medians[g] == float(np.median(expanded))
        else:
            assert np.isnan(medians[g])


def test_counts_per_area_give_the_figures_of_the_rows():
    facts = [
        VerwijzingFeit(
            "GM0001", date(2026, 3, 2), date(2026, 3, 2 + d), None, None, False, None
        )
        for d in (1, 2, 2, 7, 9, 9)
    ] + [
        VerwijzingFeit(
            "GM0002", date(2026, 5, 4), None, None, None, False, "verbonden", ("lsp",)
        )
    ]
    counts = _counts(
        verwijzingen=np.array([6, 1, 0]),
        per_uitkomst=np.array([[0], [1], [0]]),
        verbonden=np.array([[0], [1], [0]]),
        n_terugkoppeling_beoordeeld=np.array([6, 1, 0]),
        te_laat_zonder_terugkoppeling=np.array([6, 1, 0]),
        # repeated and out-of-order histogram rows, as SQL may return them
        contact_gebied=np.array([0, 0, 0, 0, 0]),
        contact_dagen=np.array([9, 1, 2, 7, 9]),
        contact_aantal=np.array([1, 1, 2, 1, 1]),
    )
    inwoners = {"GM0001": 10_000, "GM0002": 5_000, "GM0003": 1_000}

    from_counts = raw_indicators_from_counts(counts, inwoners, PARAMS)
    from_rows = raw_indicators_from_facts(facts, inwoners, PARAMS)

    assert from_counts == from_rows
    assert from_counts.gemeenten[0].mediaan_dagen_tot_eerste_contact == 4.5
    assert from_counts.totaal.verwijzingen_per_10k == pytest.approx(7 / 1.6)


def test_areas_outside_the_inhabitants_are_left_out_and_missing_ones_are_zero():
    counts = _counts(
        verwijzingen=np.array([4, 9, 2]),
        contact_gebied=np.array([0, 1]),
        contact_dagen=np.array([3, 30]),
        contact_aantal=np.array([4, 9]),
    )
    raw = raw_indicators_from_counts(counts, {"GM0001": 1, "GM0009": 1}, PARAMS)

    assert [g.gemeentecode for g in raw.gemeenten] == ["GM0001", "GM0009"]
    assert [g.verwijzingen for g in raw.gemeenten] == [4, 0]
    assert raw.totaal.verwijzingen == 4
    assert raw.totaal.mediaan_dagen_tot_eerste_contact == 3.0
    assert raw.gemeenten[1].mediaan_dagen_tot_eerste_contact is None


def test_regroup_adds_gemeenten_up_into_regions():
    counts = _counts(
        verwijzingen=np.array([4, 9, 2]),
        n_afgesloten=np.array([1, 2, 3]),
        verbonden=np.array([[1], [2], [0]]),
        contact_gebied=np.array([0, 1, 2]),
        contact_dagen=np.array([3, 30, 5]),
        contact_aantal=np.array([4, 9, 2]),
    )
    regions = counts.regroup({"R1": ["GM0001", "GM0003"], "R2": ["GM0002", "GM9999"]})

    assert regions.gebieden == ("R1", "R2")
    assert regions.verwijzingen.tolist() == [6, 9]
    assert regions.n_afgesloten.tolist() == [4, 2]
    assert regions.verbonden.tolist() == [[1], [2]]
    assert sorted(
        zip(
            regions.contact_gebied.tolist(), regions.contact_dagen.tolist(), strict=True
        )
    ) == [(0, 3), (0, 5), (1, 30)]
    with pytest.raises(ValueError, match="two groups"):
        counts.regroup({"A": ["GM0001"], "B": ["GM0001"]})


def test_invalid_counts_are_refused():
    with pytest.raises(ValueError, match="shape"):
        _counts(verwijzingen=np.array([1, 2]))
    with pytest.raises(ValueError, match="negative"):
        _counts(n_afgesloten=np.array([0, -1, 0]))
    with pytest.raises(ValueError, match="out of range"):
        _counts(
            contact_gebied=np.array([3]),
            contact_dagen=np.array([1]),
            contact_aantal=np.array([1]),
        )
    with pytest.raises(ValueError, match="negative"):
        raw_indicators_from_counts(_counts(), {"GM0001": -1}, PARAMS)


def test_docstring_examples():
    result = doctest.testmod(counts_module)
    assert result.attempted > 0
    assert result.failed == 0
