# SPDX-License-Identifier: EUPL-1.2
"""Serializer fields that accept exactly what the OpenAPI schema promises."""

from typing import Any

from rest_framework import serializers


class StrictBooleanField(serializers.BooleanField):
    """`true` or `false` and nothing else.

    The schema says `type: boolean`; DRF's BooleanField also takes 0, 1,
    "yes", "on" and more, so a client that sends `"geholpen": 0` gets a
    meaning it never stated. A form field (multipart, where every value is
    text) may send the strings "true" and "false".
    """

    def to_internal_value(self, data: Any) -> bool:
        if data is True or (isinstance(data, str) and data == "true"):
            return True
        if data is False or (isinstance(data, str) and data == "false"):
            return False
        self.fail("invalid", input=data)
        raise AssertionError("unreachable")  # fail() raises
