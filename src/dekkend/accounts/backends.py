# SPDX-License-Identifier: EUPL-1.2
"""Authentication backends: login rate limiting (django-axes' backend, the
per-account rule and the client address it counts by) and the permission
lookup.

The rate-limit backend only refuses locked-out username + IP pairs (axes) and
locked-out accounts (failures from any address,
`DEKKEND_ACCOUNT_FAILURE_LIMIT`); `ModelBackend` checks the password.
`PermissionsBackend` answers permission questions with one query instead of
ModelBackend's two. Settings are in `conf/includes/auth.py`.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Sum
from django.http import HttpRequest

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt


def account_failures(request: HttpRequest, username: str) -> int:
    """Failed logins of `username` from every address within the cool-off.

    Axes keeps one row per username, address and user agent; their counts
    together are the account's. Expects axes to have annotated `request`.
    """
    total = AccessAttempt.objects.filter(
        username=username, attempt_time__gte=get_cool_off_threshold(request)
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return int(total or 0)


def account_locked(request: HttpRequest, username: str | None) -> bool:
    """Whether `username` has reached the per-account failure limit."""
    if not username:
        return False
    limit = int(settings.DEKKEND_ACCOUNT_FAILURE_LIMIT)
    return account_failures(request, username) >= limit


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
        if account_locked(request, username):
            # As axes does for a pair: the attempt is not counted, so it does
            # not extend the lock, and AxesMiddleware answers with the 429.
            request.axes_locked_out = True  # type: ignore[attr-defined]
            request.dekkend_account_locked = True  # type: ignore[attr-defined]
            raise AxesBackendPermissionDenied("account locked out")
        return None


class PermissionsBackend:
    """ModelBackend's permissions, the user's own and their groups' read in
    one query (a UNION) instead of two, once per user object (so once per
    request: the request's user is loaded anew each time).

    It authenticates nobody and has no `get_user`: `ModelBackend`, listed
    after it, checks passwords and loads users, and sessions (also those of
    the test client's `force_login`, which takes the first backend that can
    load a user) keep naming ModelBackend, so turning this on or off logs
    nobody out. It fills the same `_perm_cache` that ModelBackend reads, so
    when this backend says no, ModelBackend answers from that cache without
    a query of its own. Superusers get ModelBackend's answer (every
    permission)."""

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> None:
        return None

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return ModelBackend().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            fields = ("content_type__app_label", "codename")
            own = Permission.objects.filter(user=user_obj).values_list(*fields)
            groups = Permission.objects.filter(group__user=user_obj).values_list(
                *fields
            )
            rows = own.order_by().union(groups.order_by())
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in rows}
        perms: set[str] = user_obj._perm_cache
        return perms

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return bool(user_obj.is_active) and perm in self.get_all_permissions(
            user_obj, obj
        )

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return bool(user_obj.is_active) and any(
            perm.partition(".")[0] == app_label
            for perm in self.get_all_permissions(user_obj)
        )


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
