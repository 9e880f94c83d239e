# SPDX-License-Identifier: EUPL-1.2
"""Every choice list of the register and regions apps has unique values."""

import inspect

from django.db import models

import pytest

from dekkend.regions import constants as region_constants
from dekkend.register import constants as register_constants
from dekkend.register import lsp_type


def _choices(module: object) -> list[type[models.Choices]]:
    return [
        obj
        for _, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, models.Choices)
        and obj.__module__ == getattr(module, "__name__", None)
    ]


CHOICES = _choices(register_constants) + _choices(region_constants)


def test_all_choice_lists_are_found():
    names = {c.__name__ for c in CHOICES}
    assert {
        "OrganisatieSoort",
        "AanbodSoort",
        "AanbodStatus",
        "LspType",
        "Element",
        "Weekdag",
        "Dagdeel",
        "Herstelaanbod",
        "Doelgroep",
        "Kenmerk",
        "KenmerkStatus",
        "Stedelijkheid",
    } <= names


@pytest.mark.parametrize("choices", CHOICES, ids=lambda c: c.__name__)
def test_values_are_unique(choices):
    values = [str(v) for v in choices.values]
    assert len(values) == len(set(values))


@pytest.mark.parametrize("choices", CHOICES, ids=lambda c: c.__name__)
def test_labels_are_unique_and_not_empty(choices):
    labels = [str(label) for label in choices.labels]
    assert all(labels)
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize(
    "choices",
    [c for c in CHOICES if issubclass(c, models.TextChoices)],
    ids=lambda c: c.__name__,
)
def test_text_values_are_stable_lowercase_codes(choices):
    for value in choices.values:
        assert value == value.lower()
        assert " " not in value


def test_lsp_type_and_element_choices_follow_the_plain_python_codes():
    assert set(register_constants.LspType.values) == set(lsp_type.LSP_TYPES)
    assert tuple(register_constants.Element.values) == lsp_type.ELEMENTS


def test_weekdays_are_iso_numbers():
    assert register_constants.Weekdag.values == [1, 2, 3, 4, 5, 6, 7]


def test_kenmerken_are_the_ten_national_characteristics():
    assert register_constants.Kenmerk.values == list(range(1, 11))


def test_every_dagdeel_has_clock_times_in_order():
    assert set(register_constants.DAGDEEL_TIJDEN) == set(
        register_constants.Dagdeel.values
    )
    tijden = [register_constants.DAGDEEL_TIJDEN[d] for d in register_constants.Dagdeel]
    assert all(start < end for start, end in tijden)
    assert all(a[1] <= b[0] for a, b in zip(tijden, tijden[1:], strict=False))
