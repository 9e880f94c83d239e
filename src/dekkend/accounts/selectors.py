# SPDX-License-Identifier: EUPL-1.2
"""Reads about a user's two-factor devices, for the pages and the middleware."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from dekkend.accounts.models import User


def two_factor_device_exists(*, user: User) -> bool:
    """True when the user has a confirmed TOTP device (set-up is done)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_throttled(*, user: User, confirmed: bool) -> bool:
    """True when every (un)confirmed device of the user waits after wrong codes.

    django-otp refuses any code, right or wrong, for 1, 2, 4 … seconds after
    successive wrong ones; the pages then say so instead of "wrong code".
    """
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=confirmed))
    return bool(devices) and all(not d.verify_is_allowed()[0] for d in devices)
