# SPDX-License-Identifier: EUPL-1.2
"""The HSDS page: `total_items, total_pages, page_number, size, first_page,
last_page, empty` and the items under `contents`.

A page past the end is empty rather than an error; `size` is the number of
items on this page.
"""

import math
from collections.abc import Sequence
from typing import Any, TypeVar

from django.db.models import QuerySet

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500

T = TypeVar("T")


def paginate(
    source: QuerySet[Any] | Sequence[T], *, page: int, per_page: int
) -> tuple[list[Any], dict[str, Any]]:
    """The items of page `page` (1-based) and the HSDS page fields."""
    total = source.count() if isinstance(source, QuerySet) else len(source)
    total_pages = max(1, math.ceil(total / per_page))
    start = (page - 1) * per_page
    items = list(source[start : start + per_page]) if start < total else []
    return items, {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(items),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not items,
    }
