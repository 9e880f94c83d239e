# SPDX-License-Identifier: EUPL-1.2
"""The base of every query-parameter serializer of the API.

DRF reads `?peildatum=` (a parameter given without a value) as if it were
left out, so an invalid request got the default answer. The schema says
otherwise: a date, a uuid, a choice or a string of at least one character
cannot be empty. `QuerySerializer` refuses such a parameter with a 400 naming
it; fields that allow blank (`allow_blank=True`) still take an empty value.

Free text (a plain `CharField`, such as `q`) loses NUL characters, which no
search can use and PostgreSQL cannot take; what is then only white space
counts as not given, since the schema allows it.
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
            data = self._free_text_cleaned(data)
        return super().to_internal_value(data)

    def _free_text_cleaned(self, data: Any) -> Any:
        cleaned = data.copy()
        for name, field in self.fields.items():
            if type(field) is not serializers.CharField or name not in data:
                continue
            values = [v.replace("\x00", "") for v in data.getlist(name)]
            values = [v for v in values if v.strip()]
            if values:
                cleaned.setlist(name, values)
            else:
                del cleaned[name]
        return cleaned
