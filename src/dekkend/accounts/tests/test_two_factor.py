# SPDX-License-Identifier: EUPL-1.2
"""Two-factor verification: who must use it, set-up, verification, enforcement."""

import re
from base64 import b32decode
from urllib.parse import parse_qs, urlsplit

from django.test import Client

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from dekkend.accounts.demo import demo_accounts_create
from dekkend.accounts.permissions import two_factor_required
from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import login_with_2fa, totp_device_create
from dekkend.audit.models import AuditEvent
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"
SETUP = "/account/tweestaps/instellen/"
VERIFY = "/account/tweestaps/controleren/"
MIJN = "/mijn/steunpunten/"
PROBLEM = "application/problem+json"


def _user(role: str | None = None, **kwargs):
    user = UserFactory(**kwargs)
    if role:
        user.groups.add(role_group(role))
    return user


def _code(device: TOTPDevice, drift: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, drift=drift):06d}"


def _wrong(device: TOTPDevice) -> str:
    right = {_code(device, d) for d in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222") if c not in right)


def _events(name: str, user=None) -> list[AuditEvent]:
    qs = AuditEvent.objects.filter(event=name)
    if user is not None:
        qs = qs.filter(object_id=str(user.uuid))
    return list(qs)


def _password_login(client: Client, user, next_url: str = ""):
    data = {"username": user.username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/account/inloggen/", data)


def _redirect(response) -> tuple[str, str]:
    """(path, next) of a redirect."""
    assert response.status_code == 302, response.status_code
    parts = urlsplit(response["Location"])
    return parts.path, parse_qs(parts.query).get("next", [""])[0]


def _verified(client: Client) -> bool:
    return DEVICE_ID_SESSION_KEY in client.session


@pytest.fixture
def verwijzer():
    return _user("verwijzer")


@pytest.fixture
def brugfunctionaris():
    return _user("brugfunctionaris")


# -- who must ------------------------------------------------------------------


def test_the_permission_decides_not_the_group(verwijzer, brugfunctionaris):
    assert two_factor_required(verwijzer)
    assert two_factor_required(brugfunctionaris)
    assert two_factor_required(_user(is_superuser=True, is_staff=True))
    for role in ("lsp_medewerker", "regio", "landelijk_monitor"):
        assert not two_factor_required(_user(role))
    assert not two_factor_required(_user())
    inactive = _user("verwijzer", is_active=False)
    assert not two_factor_required(inactive)


# -- after password login --------------------------------------------------------


def test_password_login_without_device_goes_to_setup(client, verwijzer):
    response = _password_login(client, verwijzer, next_url=MIJN)
    assert _redirect(response) == (SETUP, MIJN)
    assert not _verified(client)
    assert len(_events("user.logged_in", verwijzer)) == 1


def test_password_login_with_device_goes_to_verify(client, verwijzer):
    totp_device_create(verwijzer)
    response = _password_login(client, verwijzer)
    assert _redirect(response) == (VERIFY, "/")


def test_users_without_the_permission_are_not_asked(client):
    lsp = _user("lsp_medewerker")
    response = _password_login(client, lsp, next_url=MIJN)
    assert response.status_code == 302
    assert response["Location"] == MIJN
    assert client.get(MIJN).status_code == 200
    # The two-factor pages just send them on, and create no device.
    assert _redirect(client.get(SETUP, {"next": MIJN})) == (MIJN, "")
    assert _redirect(client.get(VERIFY))[0] == "/"
    assert not TOTPDevice.objects.filter(user=lsp).exists()


def test_force_login_of_lsp_staff_is_unaffected(client):
    client.force_login(_user("lsp_medewerker"))
    assert client.get(MIJN).status_code == 200
    assert client.get("/api/v1/gemeenten/").status_code == 200


# -- enforcement -------------------------------------------------------------------


@pytest.mark.parametrize("path", [MIJN, "/admin/", "/", "/steunpunten/", "/dekking/"])
def test_unverified_holder_is_sent_to_setup(client, verwijzer, path):
    client.force_login(verwijzer)
    assert _redirect(client.get(path)) == (SETUP, path)


def test_unverified_holder_with_device_is_sent_to_verify(client, verwijzer):
    totp_device_create(verwijzer)
    client.force_login(verwijzer)
    assert _redirect(client.get(MIJN + "?x=1")) == (VERIFY, MIJN + "?x=1")


def test_superuser_cannot_reach_admin_until_verified(client):
    beheerder = _user(is_superuser=True, is_staff=True)
    client.force_login(beheerder)
    assert _redirect(client.get("/admin/")) == (SETUP, "/admin/")
    login_with_2fa(client, beheerder)
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "path", ["/api/v1/gemeenten/", "/api/v1/steunpunten/", "/api/hsds/"]
)
def test_api_answers_403_problem_json_until_verified(client, verwijzer, path):
    client.force_login(verwijzer)
    response = client.get(path)
    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == 403
    assert "Tweestapsverificatie is verplicht" in body["detail"]


def test_unverified_holder_may_log_out_and_switch_language(client, verwijzer):
    client.force_login(verwijzer)
    response = client.post("/account/uitloggen/")
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/"
    assert "_auth_user_id" not in client.session
    client.force_login(verwijzer)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert _redirect(response)[0] == "/"


def test_verified_holder_reaches_everything(client, verwijzer):
    login_with_2fa(client, verwijzer)
    assert client.get(MIJN).status_code == 200
    assert client.get("/api/v1/gemeenten/").status_code == 200
    # Verification pages just send a verified user on.
    assert _redirect(client.get(VERIFY + "?next=/dekking/")) == ("/dekking/", "")
    assert _redirect(client.get(SETUP + "?next=/dekking/")) == ("/dekking/", "")


@pytest.mark.parametrize(
    "path", ["/", "/steunpunten/", "/regios/", "/dekking/", "/api/hsds/"]
)
def test_public_pages_stay_public(client, path):
    assert client.get(path).status_code == 200


def test_anonymous_2fa_pages_ask_for_login(client):
    for path in (SETUP, VERIFY):
        assert _redirect(client.get(path))[0] == "/account/inloggen/"


# -- set-up --------------------------------------------------------------------------


def test_setup_page_shows_secret_uri_and_qr(client, verwijzer):
    client.force_login(verwijzer)
    response = client.get(SETUP, {"next": MIJN})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    device = TOTPDevice.objects.get(user=verwijzer, confirmed=False)
    secret = re.search(r'<code id="geheim" class="geheim">([A-Z2-7 ]+)</code>', html)
    assert secret is not None
    groups = secret.group(1).split(" ")
    assert all(len(g) == 4 for g in groups)
    assert b32decode("".join(groups)) == device.bin_key
    assert "otpauth://totp/Dekkend%3A" in html
    assert "<svg" in html and "<title>QR-code" in html
    assert "<script" not in html
    assert "Tweestapsverificatie instellen" in html
    # Reloading keeps the same secret, so a half-finished set-up can resume.
    client.get(SETUP)
    assert TOTPDevice.objects.get(user=verwijzer).key == device.key


def test_setup_with_a_valid_code_confirms_and_verifies(client, verwijzer):
    client.force_login(verwijzer)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=verwijzer)
    response = client.post(SETUP, {"token": _code(device), "next": MIJN})
    assert _redirect(response) == (MIJN, "")
    device.refresh_from_db()
    assert device.confirmed
    assert _verified(client)
    assert client.get(MIJN).status_code == 200
    assert len(_events("user.two_factor_enabled", verwijzer)) == 1


def test_setup_accepts_a_code_with_spaces(client, verwijzer):
    client.force_login(verwijzer)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=verwijzer)
    code = _code(device)
    response = client.post(SETUP, {"token": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302


def test_setup_with_a_wrong_code_is_refused_in_dutch(client, verwijzer):
    client.force_login(verwijzer)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=verwijzer)
    response = client.post(SETUP, {"token": _wrong(device), "next": MIJN})
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert not _verified(client)
    assert _redirect(client.get(MIJN))[0] == SETUP
    assert len(_events("user.two_factor_failed", verwijzer)) == 1
    assert not _events("user.two_factor_enabled", verwijzer)


@pytest.mark.parametrize("token", ["", "12345", "1234567", "abcdef"])
def test_setup_explains_a_malformed_code(client, verwijzer, token):
    client.force_login(verwijzer)
    response = client.post(SETUP, {"token": token})
    assert response.status_code == 400
    text = response.content.decode()
    assert "6 cijfers" in text
    assert 'role="alert"' in text


def test_setup_is_closed_once_a_device_is_confirmed(client, verwijzer):
    """Knowing the password must not be enough to add a second device."""
    device = totp_device_create(verwijzer)
    client.force_login(verwijzer)
    assert _redirect(client.get(SETUP, {"next": MIJN})) == (VERIFY, MIJN)
    response = client.post(SETUP, {"token": _code(device)})
    assert _redirect(response)[0] == VERIFY
    assert TOTPDevice.objects.filter(user=verwijzer).count() == 1
    assert not _verified(client)


# -- verification ----------------------------------------------------------------------


def test_verify_with_a_valid_code(client, verwijzer):
    device = totp_device_create(verwijzer)
    _password_login(client, verwijzer, next_url=MIJN)
    response = client.post(VERIFY, {"token": _code(device), "next": MIJN})
    assert _redirect(response) == (MIJN, "")
    assert _verified(client)
    assert client.get(MIJN).status_code == 200
    assert len(_events("user.two_factor_verified", verwijzer)) == 1


def test_verify_with_a_wrong_code(client, verwijzer):
    device = totp_device_create(verwijzer)
    _password_login(client, verwijzer)
    response = client.post(VERIFY, {"token": _wrong(device), "next": MIJN})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Deze code klopt niet" in html
    assert 'aria-invalid="true"' in html
    assert not _verified(client)
    assert _redirect(client.get("/admin/"))[0] == VERIFY
    assert len(_events("user.two_factor_failed", verwijzer)) == 1
    assert not _events("user.two_factor_verified", verwijzer)


def test_a_code_cannot_be_used_twice(client, verwijzer):
    device = totp_device_create(verwijzer)
    code = _code(device)
    _password_login(client, verwijzer)
    assert client.post(VERIFY, {"token": code}).status_code == 302
    other = Client()
    _password_login(other, verwijzer)
    assert other.post(VERIFY, {"token": code}).status_code == 400


def test_quick_wrong_codes_are_throttled(client, verwijzer):
    device = totp_device_create(verwijzer)
    _password_login(client, verwijzer)
    client.post(VERIFY, {"token": _wrong(device)})
    # Even the right code waits after a wrong one (django-otp's throttling).
    response = client.post(VERIFY, {"token": _code(device)})
    assert response.status_code == 400
    assert "Wacht een halve minuut" in response.content.decode()
    assert not _verified(client)


def test_right_code_after_the_wait(client, verwijzer, settings):
    device = totp_device_create(verwijzer)
    _password_login(client, verwijzer)
    client.post(VERIFY, {"token": _wrong(device)})
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    assert client.post(VERIFY, {"token": _code(device)}).status_code == 302


def test_verify_without_device_goes_to_setup(client, verwijzer):
    client.force_login(verwijzer)
    assert _redirect(client.get(VERIFY, {"next": MIJN})) == (SETUP, MIJN)


def test_next_to_another_site_is_ignored(client, verwijzer):
    device = totp_device_create(verwijzer)
    _password_login(client, verwijzer)
    response = client.post(
        VERIFY, {"token": _code(device), "next": "https://example.org/"}
    )
    assert response["Location"] == "/"


def test_verified_session_is_lost_when_the_device_is_removed(client, verwijzer):
    device = login_with_2fa(client, verwijzer)
    assert client.get(MIJN).status_code == 200
    device.delete()
    assert _redirect(client.get(MIJN))[0] == SETUP


def test_audit_events_hold_no_codes_or_secrets(client, verwijzer):
    device = totp_device_create(verwijzer)
    _password_login(client, verwijzer)
    wrong = _wrong(device)
    client.post(VERIFY, {"token": wrong})
    for event in AuditEvent.objects.filter(event__startswith="user."):
        text = str(event.extra)
        assert wrong not in text
        assert device.key not in text
        assert PASSWORD not in text


# -- helper and demo -------------------------------------------------------------------


def test_login_with_2fa_helper(client):
    user = _user("brugfunctionaris")
    device = login_with_2fa(client, user)
    assert device.confirmed and device.user_id == user.pk
    assert _verified(client)
    assert client.get(MIJN).status_code == 200
    # Reuses the device on a second call.
    assert login_with_2fa(Client(), user).pk == device.pk


def test_demo_accounts_get_a_device_when_they_need_one():
    accounts = {a.username: a for a in demo_accounts_create()}
    need = {"demo-verwijzer", "demo-brugfunctionaris", "demo-beheerder"}
    for username, account in accounts.items():
        devices = TOTPDevice.objects.filter(user__username=username)
        if username in need:
            device = devices.get()
            assert device.confirmed
            assert account.otp_uri == device.config_url
            assert b32decode(account.otp_secret) == device.bin_key
        else:
            assert not devices.exists()
            assert account.otp_secret == account.otp_uri == ""
    # Again: a new secret, still one device each.
    again = {a.username: a for a in demo_accounts_create()}
    for username in need:
        assert again[username].otp_secret != accounts[username].otp_secret
        assert TOTPDevice.objects.filter(user__username=username).count() == 1
