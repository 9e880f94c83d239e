# SPDX-License-Identifier: EUPL-1.2
"""A cache that lives exactly as long as one HTTP request.

Permission helpers that read the database (which organisations a user
belongs to, for instance) are asked the same question several times while
one request is served: by the view's permission class, by the selector that
finds the row and by the service that writes it. `RequestCacheMiddleware`
opens a fresh scope per request and `cached()` answers repeated questions
from it; outside a request (management commands, tests calling services
directly) nothing is cached and every call reads the database, as before.

What may go in: small answers about the *current user* that a write in the
same request rarely changes; the code that makes such a write calls
`invalidate()`. Never content, never anything shared between requests.
"""

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")

_scope: ContextVar[dict[Hashable, object] | None] = ContextVar(
    "dekkend_request_cache", default=None
)


def cached(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, remembered under `key` until the current request ends;
    simply `compute()` when no request is being served."""
    scope = _scope.get()
    if scope is None:
        return compute()
    if key not in scope:
        scope[key] = compute()
    value: T = scope[key]  # type: ignore[assignment]
    return value


def invalidate() -> None:
    """Forget everything cached in the current request."""
    scope = _scope.get()
    if scope is not None:
        scope.clear()


class RequestCacheMiddleware:
    """Opens the cache scope of one request (one per thread: contextvars)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _scope.set({})
        try:
            return self.get_response(request)
        finally:
            _scope.reset(token)
