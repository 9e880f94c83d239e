# SPDX-License-Identifier: EUPL-1.2
"""The base of every query-parameter serializer of the API.

DRF reads `?peildatum=` (a parameter given without a value) as if it were
left out, so an invalid request got the default answer. The schema says
otherwise: a date, a uuid, a choice or a string of at least one character
cannot be empty. `QuerySerializer` refuses such a parameter with a 400 naming
it; fields that allow blank (`allow_blank=True`) still take an empty value.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

EMPTY_MESSAGE = _("Geef een waarde, of laat deze parameter weg.")


class QuerySerializer(serializers.Serializer[Any]):
    """Validates `request.query_params`; an empty value is an error."""

    def to_internal_value(self, data: Any) -> Any:
        if hasattr(data, "getlist"):
            errors = {
                name: [str(EMPTY_MESSAGE)]
                for name, field in self.fields.items()
                if not field.read_only
                and name in data
                and "" in data.getlist(name)
                and not getattr(field, "allow_blank", False)
            }
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)
