# SPDX-License-Identifier: EUPL-1.2
"""Login rate limiting: django-axes' backend and the client address it counts by.

The backend only refuses locked-out username + IP pairs; `ModelBackend` checks
the password. Settings are in `conf/includes/auth.py`.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from axes.backends import AxesStandaloneBackend


class RateLimitBackend(AxesStandaloneBackend):
    """Axes' lock-out check, skipped for calls that carry no HTTP request.

    Axes refuses `authenticate()` without a request. Management commands and
    tests call it that way; there is no client address to count then, and no
    network path reaches `authenticate()` without one (the login pages, the
    admin and DRF all pass their request).
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        super().authenticate(request, username, password, **kwargs)
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or the address our proxies saw.

    With `DEKKEND_TRUSTED_PROXY_COUNT = n` (n reverse proxies that each append
    the address they received from to X-Forwarded-For), the client is the n-th
    address from the right; anything further left may be forged by the client.
    """
    remote_addr: str | None = request.META.get("REMOTE_ADDR")
    count = int(getattr(settings, "DEKKEND_TRUSTED_PROXY_COUNT", 0))
    if count <= 0:
        return remote_addr
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote_addr
    return forwarded[-count]
