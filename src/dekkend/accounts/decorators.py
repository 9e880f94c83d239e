# SPDX-License-Identifier: EUPL-1.2
"""View decorators of the accounts app.

`two_factor_step_up` guards a page that shows personal data to a role that
does not otherwise need two-factor verification (the middleware covers the
roles that hold `accounts.persoonsgegevens_verwerken`): the session must have
passed it before the page is served. Permission checks stay with the view.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from dekkend.accounts.permissions import STEP_UP_SESSION_KEY, two_factor_verified
from dekkend.accounts.selectors import two_factor_device_exists


def two_factor_step_up(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """Send a logged-in user whose session skipped 2FA to verify (or set up) first.

    Anonymous users pass through to the view's own login check.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not two_factor_verified(user):
            target = (
                "accounts:two_factor_verify"
                if two_factor_device_exists(user=user)
                else "accounts:two_factor_setup"
            )
            # The set-up and code pages serve this session although its role
            # is not otherwise asked for a second factor.
            request.session[STEP_UP_SESSION_KEY] = True
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse(target)}?{query}")
        return view(request, *args, **kwargs)

    return wrapped
