# SPDX-License-Identifier: EUPL-1.2
"""Content negotiation that refuses an empty `?format=`.

DRF ignores `?format=` with no value and answers 200, while the schema allows
only the listed formats (and an unknown one is already a 404). An empty value
is refused with a 400 naming the parameter, like every other empty query
parameter (`api/query.py`).
"""

from typing import Any

from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation

from dekkend.api.query import EMPTY_MESSAGE


class StrictContentNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Any, renderers: Any, format_suffix: str | None = None
    ) -> Any:
        name = self.settings.URL_FORMAT_OVERRIDE
        if (
            format_suffix is None
            and name
            and name in request.query_params
            and not request.query_params[name].strip()
        ):
            raise ValidationError({name: [EMPTY_MESSAGE]})
        return super().select_renderer(request, renderers, format_suffix)
