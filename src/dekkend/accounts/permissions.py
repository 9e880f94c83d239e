# SPDX-License-Identifier: EUPL-1.2
"""Who must use two-factor verification, and whether a session has passed it.

The rule is a permission, never a group name (STYLE.md §5): every active user
whose permissions include `accounts.persoonsgegevens_verwerken` needs a
confirmed TOTP device and a verified session. Superusers hold every permission,
so beheerders need it too. Enforcement lives in `middleware.py`; the pages that
set up and check the second factor live in `views.py`.
"""

from typing import Any

PERSOONSGEGEVENS_VERWERKEN = "accounts.persoonsgegevens_verwerken"
# Set by `decorators.two_factor_step_up` when a page with personal data asks a
# session for its second factor.
STEP_UP_SESSION_KEY = "dekkend_two_factor_step_up"


def two_factor_asked(request: Any) -> bool:
    """True when this session must (or was asked to) pass two-factor."""
    return two_factor_required(request.user) or bool(
        request.session.get(STEP_UP_SESSION_KEY)
    )


def two_factor_required(user: Any) -> bool:
    """True when `user` is logged in and handles personal data."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.has_perm(PERSOONSGEGEVENS_VERWERKEN)
    )


def two_factor_verified(user: Any) -> bool:
    """True when this session passed two-factor verification.

    `django_otp.middleware.OTPMiddleware` sets `user.otp_device` to the device
    that verified the session, or None.
    """
    return getattr(user, "otp_device", None) is not None
