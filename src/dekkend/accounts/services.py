# SPDX-License-Identifier: EUPL-1.2
"""Writes for logins and two-factor devices, each with its audit event.

Audit events (never a password, a code or a secret key):
`user.logged_in`, `user.login_failed`, `user.locked_out`, `user.account_locked`,
`user.two_factor_enabled`, `user.two_factor_verified`, `user.two_factor_failed`.

Putting a verified device in the session (`django_otp.login`) needs the
request and is done by the views; rate-limit counting is django-axes' own.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from dekkend.accounts.models import User
from dekkend.audit.services import record

SETUP_DEVICE_NAME = "Authenticator-app"


def _user_by_username(username: str | None) -> User | None:
    if not username:
        return None
    return User.objects.filter(username=username).first()


def login_record(*, user: User) -> None:
    """Record a successful password login (also the admin's and force_login)."""
    record("user.logged_in", actor=user, obj=user)


def login_failed_record(*, username: str | None) -> None:
    """Record a failed password login.

    The object is the account when `username` names one; an unknown username is
    not stored, since it may be a mistyped password.
    """
    user = _user_by_username(username)
    record("user.login_failed", actor=None, obj=user, extra={"known": bool(user)})


def locked_out_record(*, username: str | None) -> None:
    """Record that a username + IP pair is locked out (by django-axes)."""
    user = _user_by_username(username)
    record("user.locked_out", actor=None, obj=user, extra={"known": bool(user)})


def account_locked_record(*, username: str | None) -> None:
    """Record that an account is locked out from every address, and tell its
    holder by e-mail (once per lock-out: refused attempts are not counted).

    The mail names neither addresses nor the passwords tried; it says until
    when the lock lasts and what to do if the holder did not try.
    """
    user = _user_by_username(username)
    record("user.account_locked", actor=None, obj=user, extra={"known": bool(user)})
    if user is None or not user.email:
        return
    cool_off = settings.AXES_COOLOFF_TIME
    assert isinstance(cool_off, timedelta)
    until = timezone.localtime(timezone.now() + cool_off)
    subject = _("Dekkend: uw account is tijdelijk geblokkeerd")
    body = _(
        "Beste %(naam)s,\n\n"
        "Er is %(aantal)d keer met een verkeerd wachtwoord geprobeerd in te loggen "
        "op uw account %(gebruikersnaam)s. Daarom kan tot %(tijd)s niemand met "
        "deze gebruikersnaam inloggen, ook u niet.\n\n"
        "Was u dit niet? Dan probeert iemand anders uw wachtwoord te raden. "
        "Kies na de blokkade een nieuw, sterk wachtwoord en meld het aan de "
        "beheerder van Dekkend.\n"
    ) % {
        "naam": user.get_full_name() or user.username,
        "aantal": settings.DEKKEND_ACCOUNT_FAILURE_LIMIT,
        "gebruikersnaam": user.username,
        "tijd": time_format(until, "H:i"),
    }
    email = user.email
    transaction.on_commit(
        lambda: send_mail(subject, body, None, [email], fail_silently=True)
    )


@transaction.atomic
def two_factor_device_start(*, user: User) -> TOTPDevice:
    """The unconfirmed TOTP device for set-up, created with a fresh key if needed.

    Raises ValueError when `user` already has a confirmed device: a second one
    would let whoever holds only the password bypass the first.
    """
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ValueError("user already has a confirmed TOTP device")
    device = (
        TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    )
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=SETUP_DEVICE_NAME, confirmed=False
        )
    return device


@transaction.atomic
def two_factor_device_confirm(*, user: User, token: str) -> TOTPDevice | None:
    """Confirm the user's set-up device with a code from the app.

    Returns the now confirmed device, or None when the code is wrong, the
    device is throttled after earlier wrong codes, or there is no set-up
    device. Other unconfirmed devices of the user are removed. A wrong code
    raises the device's throttle counter (django-otp) and is committed.
    """
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    if device is None or not device.verify_token(token):
        record("user.two_factor_failed", actor=user, obj=user, extra={"step": "setup"})
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    record(
        "user.two_factor_enabled", actor=user, obj=user, extra={"device_id": device.pk}
    )
    return device


@transaction.atomic
def two_factor_verify(*, user: User, token: str) -> TOTPDevice | None:
    """Check a code against the user's confirmed devices after password login.

    Returns the matching device (the caller puts it in the session with
    `django_otp.login`) or None; each outcome is an audit event. Wrong codes
    raise the devices' throttle counters (django-otp).
    """
    device = match_token(user, token)
    if device is None:
        record("user.two_factor_failed", actor=user, obj=user, extra={"step": "login"})
        return None
    assert isinstance(device, TOTPDevice)
    record(
        "user.two_factor_verified", actor=user, obj=user, extra={"device_id": device.pk}
    )
    return device
