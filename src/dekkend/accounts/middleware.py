# SPDX-License-Identifier: EUPL-1.2
"""Two-factor enforcement for users who handle personal data.

Runs after django-otp's `OTPMiddleware`. A logged-in user with the permission
`accounts.persoonsgegevens_verwerken` whose session is not verified gets, on
every request outside a short allow-list (login, logout, the two-factor pages,
static files, language switch):

- HTML: a redirect to set-up (no confirmed device yet) or to verification,
  with `next` set to the requested page;
- `/api/…`: 403 with an RFC 9457 problem document.

Anonymous users and users without the permission pass untouched, so public
pages stay public. Which pages a user may see is not decided here.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from dekkend.accounts.models import User
from dekkend.accounts.permissions import two_factor_required, two_factor_verified
from dekkend.accounts.selectors import two_factor_device_exists

PROBLEM_JSON = "application/problem+json"


def _allowed(path: str) -> bool:
    """True for the pages reachable before verification."""
    names = (
        "accounts:login",
        "accounts:logout",
        "accounts:two_factor_setup",
        "accounts:two_factor_verify",
        "set_language",
    )
    if path in {reverse(name) for name in names}:
        return True
    return bool(settings.STATIC_URL) and path.startswith(str(settings.STATIC_URL))


class TwoFactorRequiredMiddleware:
    """Send unverified holders of the personal-data permission to 2FA first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        blocked = self._blocked(request)
        if blocked is not None:
            return blocked
        return self.get_response(request)

    def _blocked(self, request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or two_factor_verified(user):
            return None
        if _allowed(request.path) or not two_factor_required(user):
            return None
        assert isinstance(user, User)
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {
                    "type": "about:blank",
                    "title": "Forbidden",
                    "status": 403,
                    "detail": _(
                        "Tweestapsverificatie is verplicht. Log in op de website "
                        "en voer de code uit uw authenticator-app in."
                    ),
                },
                status=403,
                content_type=PROBLEM_JSON,
            )
        target = (
            "accounts:two_factor_verify"
            if two_factor_device_exists(user=user)
            else "accounts:two_factor_setup"
        )
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")
