# SPDX-License-Identifier: EUPL-1.2
"""Serializer fields that accept exactly what the schema promises."""

import pytest
from rest_framework import serializers

from dekkend.api.fields import StrictBooleanField


class _Invoer(serializers.Serializer):
    vlag = StrictBooleanField()
    misschien = StrictBooleanField(required=False, allow_null=True, default=None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, True), (False, False), ("true", True), ("false", False)],
)
def test_true_and_false_are_accepted(value, expected):
    s = _Invoer(data={"vlag": value})
    assert s.is_valid(), s.errors
    assert s.validated_data["vlag"] is expected


@pytest.mark.parametrize(
    "value", [0, 1, "0", "1", "yes", "on", "True", "", 0.0, [], {}]
)
def test_anything_else_is_refused_naming_the_field(value):
    s = _Invoer(data={"vlag": value})
    assert not s.is_valid()
    assert set(s.errors) == {"vlag"}


def test_null_only_where_allowed():
    s = _Invoer(data={"vlag": True, "misschien": None})
    assert s.is_valid(), s.errors
    assert s.validated_data["misschien"] is None
    assert not _Invoer(data={"vlag": None}).is_valid()
