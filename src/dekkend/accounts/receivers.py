# SPDX-License-Identifier: EUPL-1.2
"""Audit events for logins, from Django's and django-axes' signals.

Signals are the one hook that covers every login path (our login page, the
admin's, `Client.force_login`). Receivers only hand over to `services`; they
never see the password (Django cleanses it before sending the signal).
"""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from axes.signals import user_locked_out

from dekkend.accounts import services
from dekkend.accounts.backends import account_locked
from dekkend.accounts.models import User


@receiver(user_logged_in, dispatch_uid="dekkend.accounts.logged_in")
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if isinstance(user, User):
        services.login_record(user=user)


@receiver(user_login_failed, dispatch_uid="dekkend.accounts.login_failed")
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    username = credentials.get(User.USERNAME_FIELD)
    username = username if isinstance(username, str) else None
    services.login_failed_record(username=username)
    # Axes' receiver ran first (its app is listed earlier) and counted this
    # failure unless the attempt was refused during a lock-out.
    if (
        request is not None
        and hasattr(request, "axes_attempt_time")
        and not getattr(request, "dekkend_account_locked", False)
        and account_locked(request, username)
    ):
        request.axes_locked_out = True
        request.dekkend_account_locked = True
        services.account_locked_record(username=username)


@receiver(user_locked_out, dispatch_uid="dekkend.accounts.locked_out")
def _locked_out(sender: Any, username: Any = None, **kwargs: Any) -> None:
    services.locked_out_record(username=username if isinstance(username, str) else None)
