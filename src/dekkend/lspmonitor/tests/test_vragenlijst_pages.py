# SPDX-License-Identifier: EUPL-1.2
"""The questionnaire behind a personal link: token security, rate limit,
headers, pages per part, save and resume, submit with an error summary."""

from datetime import timedelta

from django.core.cache import cache
from django.test import Client

import pytest

from dekkend.lspmonitor import services
from dekkend.lspmonitor.models import Respons
from dekkend.lspmonitor.ratelimit import LIMIET
from dekkend.lspmonitor.tests import factories as f
from dekkend.lspmonitor.tokens import token_hash, token_new

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def landelijk():
    return f.landelijk()


@pytest.fixture
def ronde(landelijk):
    ronde = f.ronde_2026(landelijk)
    services.basislijst_build(user=landelijk, ronde=ronde)
    return ronde


def _link(landelijk, ronde, **kwargs):
    u = f.uitnodiging(landelijk, ronde, **kwargs)
    token, digest = token_new()
    u.token_hash = digest
    u.save()
    return u, f"/monitor/lsp/vragenlijst/{token}/"


def test_page_opens_without_account_with_safe_headers(landelijk, ronde):
    u, url = _link(landelijk, ronde)
    response = Client().get(url)
    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("no-store")
        or "no-store" in response["Cache-Control"]
    )
    assert response["Referrer-Policy"] == "same-origin"
    body = response.content.decode()
    assert "In welke regio werk je?" in body
    assert 'name="csrfmiddlewaretoken"' in body
    u.refresh_from_db()
    assert u.geopend_op is not None


@pytest.mark.parametrize("suffix", ["x", ""])
def test_unknown_token_is_404_in_dutch(suffix, landelijk, ronde):
    _u, url = _link(landelijk, ronde)
    bad = url.rstrip("/")[:-4] + "abcd" + suffix + "/"
    response = Client().get(bad)
    assert response.status_code == 404
    assert "Deze link is onbekend" in response.content.decode()
    assert response["Referrer-Policy"] == "same-origin"


def test_revoked_and_expired_are_410(landelijk, ronde):
    u, url = _link(landelijk, ronde)
    services.uitnodiging_revoke(user=landelijk, uitnodiging=u)
    response = Client().get(url)
    assert response.status_code == 410 and "ingetrokken" in response.content.decode()
    _u2, url2 = _link(landelijk, ronde, email="b@example.invalid")
    ronde.sluit_op = ronde.open_op
    ronde.open_op = ronde.open_op - timedelta(days=5)
    ronde.sluit_op = ronde.open_op + timedelta(days=1)
    ronde.save()
    response = Client().get(url2)
    assert response.status_code == 410 and "verlopen" in response.content.decode()
    ronde.refresh_from_db()
    assert ronde.status == "gesloten"


def test_rate_limit_per_address(landelijk, ronde):
    client = Client()
    for _ in range(LIMIET):
        assert (
            client.get(
                "/monitor/lsp/vragenlijst/geraden/", REMOTE_ADDR="10.1.1.1"
            ).status_code
            == 404
        )
    response = client.get("/monitor/lsp/vragenlijst/geraden/", REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 429
    assert "Te veel verzoeken" in response.content.decode()
    # Another address is not affected.
    assert (
        client.get(
            "/monitor/lsp/vragenlijst/geraden/", REMOTE_ADDR="10.1.1.2"
        ).status_code
        == 404
    )


def test_only_the_hash_is_stored(landelijk, ronde):
    u, url = _link(landelijk, ronde)
    token = url.split("/")[-2]
    u.refresh_from_db()
    assert u.token_hash == token_hash(token) and token not in str(u.__dict__.values())


def test_csrf_is_kept(landelijk, ronde):
    _u, url = _link(landelijk, ronde)
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"v_regio": "zeeland", "actie": "opslaan"})
    assert response.status_code == 403


def _post(client, url, data, deel=None):
    target = f"{url}?deel={deel}" if deel else url
    return client.post(target, {"deel": deel or "algemeen", **data})


def test_a_token_never_reaches_another_response(landelijk, ronde):
    _a, url_a = _link(landelijk, ronde, email="a@example.invalid")
    b, url_b = _link(landelijk, ronde, email="b@example.invalid")
    client = Client()
    _post(client, url_a, {"v_regio": "zeeland", "v_rol": "lsp", "actie": "opslaan"})
    _post(
        client, url_a, {"v_lsp.3": "Geheim Steunpunt A", "actie": "opslaan"}, deel="lsp"
    )
    page_b = client.get(url_b + "?deel=lsp").content.decode()
    assert "Geheim Steunpunt A" not in page_b
    assert not Respons.objects.filter(uitnodiging=b).exclude(antwoorden={}).exists()
    # Another response's uuid in the URL or form changes nothing.
    ra = Respons.objects.get(uitnodiging__email="a@example.invalid")
    response = client.get(url_b + f"?respons={ra.uuid}&deel=lsp")
    assert "Geheim Steunpunt A" not in response.content.decode()


def test_pages_save_resume_and_submit(landelijk, ronde):
    _u, url = _link(landelijk, ronde)
    client = Client()
    response = _post(
        client, url, {"v_regio": "zeeland", "v_rol": "lsp", "actie": "volgende"}
    )
    assert response.status_code == 302 and response["Location"].endswith("?deel=lsp")
    page = client.get(url + "?deel=lsp").content.decode()
    assert "Voor welk laagdrempelig steunpunt" in page
    assert "steunpunten bekend in jouw regio" in page  # the region's list
    # Submit too early: 400 and a summary naming the questions.
    response = _post(
        client, url, {"v_lsp.3": "Hersteltalent", "actie": "indienen"}, deel="lsp"
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Controleer de volgende vragen" in body and "Vraag 4" in body
    # A number where a number belongs, a word where it does not.
    response = _post(
        client,
        url,
        {"v_lsp.3": "Hersteltalent", "v_lsp.4_A": "veel", "actie": "opslaan"},
        deel="lsp",
    )
    assert response.status_code == 400 and "Vraag 4" in response.content.decode()
    # Resume later: what was saved is still there.
    assert "Hersteltalent" in client.get(url + "?deel=lsp").content.decode()
    data = {
        "v_lsp.3": "Hersteltalent",
        "v_lsp.4_A": "0",
        "v_lsp.4_B": "1",
        "v_lsp.4_C": "2",
        "v_lsp.5": "niet",  # skip rule: Q6 is not asked
        "v_lsp.7": "vaak",
        "v_lsp.9": "vaak",
        "v_lsp.11": ["breed"],
        "v_lsp.13": ["k1"],
        "v_lsp.14": "nee",
        "v_lsp.15": "nee",
        "v_lsp.16": "nee",
        "v_lsp.18": ["kennen"],
        "actie": "opslaan",
    }
    response = _post(client, url, data, deel="lsp")
    assert response.status_code == 200, response.content.decode()[:2000]
    response = _post(client, url, {**data, "actie": "indienen"}, deel="lsp")
    assert response.status_code == 302
    respons = Respons.objects.get(uitnodiging__email="respondent@example.invalid")
    assert respons.status == "ingediend" and "lsp.6" not in respons.antwoorden
    page = client.get(url)
    assert page.status_code == 200 and "ingediend" in page.content.decode()
    # One submission per link: posting again changes nothing.
    _post(client, url, {**data, "v_lsp.3": "Anders", "actie": "indienen"}, deel="lsp")
    respons.refresh_from_db()
    assert respons.antwoorden["lsp.3"] == "Hersteltalent"
