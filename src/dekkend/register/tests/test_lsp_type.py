# SPDX-License-Identifier: EUPL-1.2
"""LSP size classes from opening half-days, and the elements each class needs."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dekkend.register.lsp_type import (
    DOOR_EN_VOOR,
    ELEMENTS,
    GROEIVIJVER,
    GROOT,
    HERSTELAANBOD,
    INLOOP,
    KLEIN,
    LSP_TYPES,
    MIDDEL,
    NORMS,
    ONBEKEND,
    classify_dagdelen,
    missing_elements,
)


@pytest.mark.parametrize(
    ("dagdelen", "expected"),
    [
        (None, ONBEKEND),
        (-1, ONBEKEND),
        (0, ONBEKEND),
        (1, KLEIN),
        (2, KLEIN),
        (3, KLEIN),
        (4, MIDDEL),
        (5, MIDDEL),
        (7, MIDDEL),
        (8, GROOT),
        (9, GROOT),
        (14, GROOT),
        (21, GROOT),  # mornings, afternoons and evenings, every day
    ],
)
def test_dagdelen_per_week_give_the_monitor_type(dagdelen, expected):
    assert classify_dagdelen(dagdelen) == expected


@given(st.integers(min_value=0, max_value=21), st.integers(min_value=0, max_value=21))
def test_more_dagdelen_never_give_a_smaller_type(a, b):
    order = [ONBEKEND, KLEIN, MIDDEL, GROOT]
    low, high = sorted((a, b))
    assert order.index(classify_dagdelen(low)) <= order.index(classify_dagdelen(high))


def test_type_norms_cover_one_to_fourteen_dagdelen_without_gaps_or_overlap():
    ranges = sorted((n.dagdelen_min, n.dagdelen_max) for n in NORMS.values())
    assert ranges == [(1, 3), (4, 7), (8, 14)]
    for lsp_type, norm in NORMS.items():
        for dagdelen in range(norm.dagdelen_min, norm.dagdelen_max + 1):
            assert classify_dagdelen(dagdelen) == lsp_type


def test_every_type_is_listed_once():
    assert sorted(LSP_TYPES) == sorted({GROOT, MIDDEL, KLEIN, ONBEKEND})
    assert ELEMENTS == (INLOOP, DOOR_EN_VOOR, HERSTELAANBOD, GROEIVIJVER)


@pytest.mark.parametrize(
    ("lsp_type", "present", "expected"),
    [
        (KLEIN, [], [INLOOP, DOOR_EN_VOOR]),
        (KLEIN, [INLOOP], [DOOR_EN_VOOR]),
        (KLEIN, [INLOOP, DOOR_EN_VOOR], []),
        # A small LSP is not asked for herstelaanbod or a groeivijver.
        (KLEIN, [HERSTELAANBOD, GROEIVIJVER], [INLOOP, DOOR_EN_VOOR]),
        (MIDDEL, [GROEIVIJVER, INLOOP], [DOOR_EN_VOOR, HERSTELAANBOD]),
        (GROOT, [], [INLOOP, DOOR_EN_VOOR, HERSTELAANBOD, GROEIVIJVER]),
        (GROOT, list(ELEMENTS), []),
        (ONBEKEND, [], []),
        ("xl", [], []),
    ],
)
def test_missing_elements_in_canonical_order(lsp_type, present, expected):
    assert missing_elements(lsp_type, present) == expected


@given(
    st.sampled_from([GROOT, MIDDEL, KLEIN]),
    st.sets(st.sampled_from(ELEMENTS)),
)
def test_missing_and_present_elements_together_cover_the_norm(lsp_type, present):
    missing = missing_elements(lsp_type, present)
    assert not set(missing) & present
    assert set(missing) | (present & NORMS[lsp_type].required_elements) == set(
        NORMS[lsp_type].required_elements
    )
