# SPDX-License-Identifier: EUPL-1.2
"""Test helpers for logging in users who must use two-factor verification.

`Client.force_login` skips the password (and so django-axes) but not the
two-factor middleware: holders of `accounts.persoonsgegevens_verwerken`
(including superusers) would be redirected to set-up. `login_with_2fa` logs
in and marks the session verified, as a correct code would. Tests only.
"""

from typing import Any

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device_create(user: Any, *, name: str = "test") -> TOTPDevice:
    """A confirmed TOTP device for `user` with a fresh random key."""
    device: TOTPDevice = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
    return device


def login_with_2fa(client: Any, user: Any) -> TOTPDevice:
    """Log `user` in on the test `client` and verify the session.

    Uses the user's first confirmed TOTP device, creating one if needed, and
    returns it (its `bin_key` gives valid codes through
    `django_otp.oath.totp`).
    """
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by(
        "pk"
    ).first() or totp_device_create(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def session_create(user: Any) -> tuple[str, str]:
    """A stored, two-factor-verified session for `user` and a CSRF secret.

    Returns `(session_key, csrf_token)` for a client outside Django's test
    client (the schema fuzzing against a live server, `scripts/schemathesis`):
    send them as the `sessionid` and `csrftoken` cookies and the token again
    as `X-CSRFToken`. Tests and throw-away demo databases only.
    """
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is not None:
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.create()
    assert store.session_key is not None
    return store.session_key, get_random_string(
        CSRF_SECRET_LENGTH, allowed_chars=CSRF_ALLOWED_CHARS
    )


def browser_login_with_2fa(page: Any, base_url: str, user: Any) -> TOTPDevice:
    """Log `user` in, verified, in a Playwright `page` (browser tests).

    The session is made as by `login_with_2fa` and handed to the browser as
    its session cookie, so a test need not type the password and a code on
    every page it audits (`test_browser_verwijzen` does type them).
    """
    from django.conf import settings
    from django.test import Client

    client = Client()
    device = login_with_2fa(client, user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": base_url}]
    )
    return device
