# SPDX-License-Identifier: EUPL-1.2
"""Page-number pagination with a client-chosen page size (max 500).

`page` and `page_size` are validated like any other parameter: a value that
is not a whole number in range is a 400 naming the parameter (DRF would
answer a 404 for `?page=0` and silently ignore `?page_size=abc`). A page past
the last is a 404.
"""

import re
from typing import Any

from django.utils.translation import gettext as _

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

WHOLE_NUMBER = re.compile(r"[0-9]+")
# Longer numbers are valid but past any last page (and too long for int()).
LONGEST = 18


def _whole_number(request: Request, name: str, *, maximum: int | None) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if WHOLE_NUMBER.fullmatch(raw) and len(raw.lstrip("0")) > LONGEST:
        if maximum is None:
            raise NotFound(_("Deze pagina bestaat niet."))
        value = maximum + 1
    else:
        value = int(raw) if WHOLE_NUMBER.fullmatch(raw) else 0
    if value < 1 or (maximum is not None and value > maximum):
        if maximum is None:
            message = _("Geef een geheel getal vanaf 1.")
        else:
            message = _("Geef een geheel getal van 1 tot en met %(max)d.") % {
                "max": maximum
            }
        raise ValidationError({name: [message]})
    return value


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request: Request) -> int:
        size = _whole_number(
            request, self.page_size_query_param, maximum=self.max_page_size
        )
        return size if size is not None else self.page_size

    def paginate_queryset(
        self, queryset: Any, request: Request, view: Any = None
    ) -> list[Any] | None:
        _whole_number(request, self.page_query_param, maximum=None)
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1}
                parameter["description"] = "Paginanummer, vanaf 1."
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                }
                parameter["description"] = (
                    f"Aantal resultaten per pagina (standaard {self.page_size}, "
                    f"hoogstens {self.max_page_size})."
                )
        return parameters
