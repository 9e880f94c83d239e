# SPDX-License-Identifier: EUPL-1.2
"""Login rate limiting (django-axes): 5 failures per username + IP, 15 minutes."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.test import Client, RequestFactory
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from dekkend.accounts.backends import client_ip
from dekkend.accounts.roles import role_group
from dekkend.audit.models import AuditEvent
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"
WRONG = "fout-wachtwoord-xyz"
LOGIN = "/account/inloggen/"
LOCKED = "Te veel mislukte inlogpogingen"


@pytest.fixture
def user():
    lsp = UserFactory(username="lsp-inlog")
    lsp.groups.add(role_group("lsp_medewerker"))
    return lsp


def _post(client: Client, username: str, password: str, ip: str = "10.0.0.1"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def _fail(client: Client, username: str, times: int, ip: str = "10.0.0.1"):
    return [_post(client, username, WRONG, ip).status_code for _ in range(times)]


def test_settings_are_as_documented():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == (
        "dekkend.accounts.backends.RateLimitBackend"
    )


def test_passwords_are_hashed_with_scrypt():
    from dekkend.conf.includes import security

    assert security.PASSWORD_HASHERS[0] == (
        "django.contrib.auth.hashers.ScryptPasswordHasher"
    )


def test_four_failures_show_the_form_again(client, user):
    statuses = _fail(client, user.username, 4)
    assert statuses == [200, 200, 200, 200]
    response = _post(client, user.username, WRONG)
    assert response.status_code == 429


def test_fifth_failure_locks_out_with_a_dutch_message(client, user):
    _fail(client, user.username, 4)
    response = _post(client, user.username, WRONG)
    assert response.status_code == 429
    html = response.content.decode()
    assert LOCKED in html
    assert "15 minuten geblokkeerd" in html
    assert 'role="alert"' in html
    assert '<label for="id_username">Gebruikersnaam</label>' in html
    assert response["Retry-After"] == "900"


def test_correct_password_is_refused_during_lock_out(client, user):
    _fail(client, user.username, 5)
    response = _post(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lock_out_is_per_username_and_ip(client, user):
    other = UserFactory(username="ander-inlog")
    _fail(client, user.username, 5)
    # The same user from another address, and another user from the same one.
    assert _post(Client(), user.username, PASSWORD, ip="10.0.0.2").status_code == 302
    assert _post(Client(), other.username, PASSWORD).status_code == 302


def test_lock_out_ends_after_15_minutes(client, user):
    _fail(client, user.username, 5)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - timedelta(minutes=15, seconds=1)
    )
    assert _post(client, user.username, PASSWORD).status_code == 302


def test_attempts_during_lock_out_do_not_extend_it(client, user):
    _fail(client, user.username, 5)
    _fail(client, user.username, 3)
    attempt = AccessAttempt.objects.get()
    assert attempt.failures_since_start == 5


def test_success_resets_the_count(client, user):
    _fail(client, user.username, 4)
    assert _post(client, user.username, PASSWORD).status_code == 302
    client.post("/account/uitloggen/")
    assert _fail(client, user.username, 4) == [200, 200, 200, 200]


def test_unknown_usernames_are_limited_too(client):
    assert _fail(client, "bestaat-niet", 5)[-1] == 429


def test_audit_events_without_the_password(client, user):
    _fail(client, user.username, 5)
    _post(client, user.username, PASSWORD)
    failed = AuditEvent.objects.filter(event="user.login_failed")
    assert failed.count() == 6  # 5 wrong passwords + the refused right one
    assert {e.object_id for e in failed} == {str(user.uuid)}
    locked = AuditEvent.objects.filter(event="user.locked_out")
    assert locked.count() == 2  # the 5th failure and the refused attempt
    assert all(e.actor is None for e in [*failed, *locked])
    for event in AuditEvent.objects.all():
        assert WRONG not in str(event.extra)
        assert PASSWORD not in str(event.extra)
    attempt = AccessAttempt.objects.get()
    assert WRONG not in attempt.post_data
    assert PASSWORD not in attempt.post_data
    assert "csrfmiddlewaretoken" not in attempt.post_data or "****" in (
        attempt.post_data
    )


def test_unknown_username_is_not_stored_in_the_audit(client):
    _post(client, "typo-of-een-wachtwoord", WRONG)
    event = AuditEvent.objects.get(event="user.login_failed")
    assert event.object_id == ""
    assert "typo-of-een-wachtwoord" not in str(event.extra)
    assert event.extra == {"known": False}


def test_successful_login_is_recorded(client, user):
    assert _post(client, user.username, PASSWORD).status_code == 302
    event = AuditEvent.objects.get(event="user.logged_in")
    assert event.actor == user
    assert event.object_id == str(user.uuid)


def test_admin_login_is_rate_limited_too(client, user):
    for _ in range(5):
        response = client.post(
            "/admin/login/",
            {"username": user.username, "password": WRONG},
            REMOTE_ADDR="10.0.0.9",
        )
    assert response.status_code == 429


def test_authenticate_without_request_still_works(user):
    """Management commands and tests call authenticate() without a request."""
    assert authenticate(username=user.username, password=PASSWORD) == user
    assert authenticate(username=user.username, password=WRONG) is None


def test_force_login_bypasses_the_rate_limit(client, user):
    _fail(client, user.username, 5)
    client.force_login(user)
    assert client.get("/mijn/steunpunten/").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.1.1.1", "10.0.0.1"),
        (1, "6.6.6.6, 1.1.1.1", "1.1.1.1"),
        (2, "6.6.6.6, 1.1.1.1, 10.1.1.1", "1.1.1.1"),
        (2, "1.1.1.1", "10.0.0.1"),
        (1, "", "10.0.0.1"),
    ],
)
def test_client_ip_behind_trusted_proxies(settings, proxies, forwarded, expected):
    settings.DEKKEND_TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
    )
    assert client_ip(request) == expected


# -- Per account, from any address (DEKKEND_ACCOUNT_FAILURE_LIMIT = 20).


def _spread(username: str, failures: int) -> list[int]:
    """`failures` wrong passwords, 4 per address: no pair reaches its limit."""
    return [
        _post(Client(), username, WRONG, ip=f"10.1.{n // 4}.{n % 4 + 1}").status_code
        for n in range(failures)
    ]


def test_account_limit_is_as_documented():
    assert settings.DEKKEND_ACCOUNT_FAILURE_LIMIT == 20
    assert settings.DEKKEND_ACCOUNT_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT


def test_many_addresses_lock_the_account(user, mailoutbox):
    statuses = _spread(user.username, 20)
    assert statuses[:19] == [200] * 19
    assert statuses[19] == 429
    # The right password from a fresh address is refused as well.
    response = _post(Client(), user.username, PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429
    html = response.content.decode()
    assert "vanaf elk adres 15 minuten geblokkeerd" in html
    assert response["Retry-After"] == "900"
    # Another account is not affected.
    other = UserFactory(username="ander-account")
    assert _post(Client(), other.username, PASSWORD, ip="10.9.9.9").status_code == 302


def test_account_holder_is_told_once(
    user, mailoutbox, django_capture_on_commit_callbacks
):
    user.email = "houder@example.nl"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        _spread(user.username, 20)
        _post(Client(), user.username, WRONG, ip="10.9.9.8")
        _post(Client(), user.username, PASSWORD, ip="10.9.9.9")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["houder@example.nl"]
    assert "tijdelijk geblokkeerd" in mail.subject
    assert user.username in mail.body
    assert WRONG not in mail.body and "10.1." not in mail.body
    assert AuditEvent.objects.filter(event="user.account_locked").count() == 1


def test_refused_attempts_do_not_extend_the_account_lock(user):
    _spread(user.username, 20)
    _post(Client(), user.username, WRONG, ip="10.9.9.8")
    total = sum(a.failures_since_start for a in AccessAttempt.objects.all())
    assert total == 20


def test_account_lock_ends_after_15_minutes(user):
    _spread(user.username, 20)
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - timedelta(minutes=15, seconds=1)
    )
    assert _post(Client(), user.username, PASSWORD, ip="10.9.9.9").status_code == 302


def test_per_address_limit_still_holds_below_the_account_limit(user):
    assert _fail(Client(), user.username, 5, ip="10.2.0.1")[-1] == 429
    assert _post(Client(), user.username, PASSWORD, ip="10.2.0.2").status_code == 302
