# SPDX-License-Identifier: EUPL-1.2
"""The landelijk, regio and LSP pages of the monitor."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from dekkend.accounts.testing import login_with_2fa
from dekkend.lspmonitor import selectors, services
from dekkend.lspmonitor.models import BezoekersTelling, Kandidaat, Ronde
from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get
from dekkend.lspmonitor.synthetic import synthetische_antwoorden
from dekkend.lspmonitor.tests import factories as f
from dekkend.register import afwegingskader

pytestmark = pytest.mark.django_db


@pytest.fixture
def landelijk():
    return f.landelijk()


@pytest.fixture
def client(landelijk):
    c = Client()
    login_with_2fa(c, landelijk)
    return c


@pytest.fixture
def ronde(landelijk):
    ronde = f.ronde_2026(landelijk)
    services.basislijst_build(user=landelijk, ronde=ronde)
    return ronde


def test_create_round_through_the_page(client):
    response = client.post(
        "/monitor/lsp/nieuw/",
        {"jaar": "2027", "open_op": "2027-09-28", "sluit_op": "2027-09-01"},
    )
    assert response.status_code == 200
    assert "De sluitdatum ligt voor de openingsdatum." in response.content.decode()
    response = client.post(
        "/monitor/lsp/nieuw/",
        {"jaar": "2027", "open_op": "2027-09-28", "sluit_op": "2027-10-19"},
    )
    assert response.status_code == 302
    assert Ronde.objects.get(jaar=2027).peildatum.isoformat() == "2027-09-28"


def test_csv_import_page_names_row_and_field(client, ronde):
    bad = SimpleUploadedFile(
        "lijst.csv", b"naam,organisatie,gemeente\nA,Org,Atlantis\n"
    )
    response = client.post("/monitor/lsp/2026/basislijst/import/", {"bestand": bad})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Niets geïmporteerd" in body and "Rij 2, veld &#x27;gemeente&#x27;" in body
    good = SimpleUploadedFile(
        "lijst.csv", b"naam;organisatie;gemeente\nDe Kade;NVZH;Middelburg\n"
    )
    response = client.post(
        "/monitor/lsp/2026/basislijst/import/", {"bestand": good, "bron": "NVZH"}
    )
    assert response.status_code == 302
    assert Kandidaat.objects.filter(ronde=ronde, naam="De Kade", bron="csv").exists()


def test_review_page_shows_both_reviews_and_the_difference(client, landelijk, ronde):
    k = services.kandidaat_add(
        user=landelijk,
        ronde=ronde,
        gegevens=services.KandidaatGegevens(naam="Te beoordelen", gemeente="GM0687"),
    )
    url = f"/monitor/lsp/2026/basislijst/{k.uuid}/"
    data = {"rol": "programma"}
    for field in afwegingskader.QUESTION_FIELDS:
        data[f"programma-{field}"] = "ja"
        data[f"programma-{field}_basis"] = "online"
    assert client.post(url, data).status_code == 302
    data = {"rol": "nvzh"}
    for field in afwegingskader.QUESTION_FIELDS:
        data[f"nvzh-{field}"] = "ja"
        data[f"nvzh-{field}_basis"] = "telefonisch"
    data["nvzh-mentale_gezondheid"] = "nee"
    assert client.post(url, data).status_code == 302
    body = client.get(url).content.decode()
    assert "(verschil)" in body and "De beoordelaars verschillen" in body
    assert "niet op de basislijst: Gaat het om mentale gezondheid?" in body
    # A "ja" without its basis is refused, naming the basis.
    data["nvzh-online_vindbaar_basis"] = ""
    response = client.post(url, data)
    assert (
        response.status_code == 400
        and "Geef aan waarop het antwoord berust" in response.content.decode()
    )


def test_base_list_flags_size_disagreement(client, landelijk, ronde):
    sp = f.zeeland_steunpunt()
    vl = vragenlijst_get(ronde.vragenlijst_versie)
    u = f.uitnodiging(landelijk, ronde, organisatie=sp.aanbod.organisatie)
    answers = synthetische_antwoorden(
        vl,
        rol_code="lsp",
        regio="zeeland",
        gemeente="GM0687",
        seed=5,
        vast={"lsp.4": {"A": 3, "B": 0, "C": 0}},
    )
    services.respons_save(uitnodiging=u, antwoorden=answers)
    services.respons_submit(uitnodiging=u)
    vergelijking = selectors.grootte_per_organisatie(ronde=ronde)[
        sp.aanbod.organisatie_id
    ]
    assert vergelijking.eigen == {"A": 3, "B": 0, "C": 0}
    assert vergelijking.afwijkend  # the register has them as onbekend, not groot
    body = client.get("/monitor/lsp/2026/basislijst/?afwijkend=1").content.decode()
    assert sp.aanbod.naam in body and "wijkt af" in body
    other = (
        Kandidaat.objects.filter(ronde=ronde)
        .exclude(steunpunt__aanbod__organisatie=sp.aanbod.organisatie)
        .first()
    )
    assert other.naam not in body


def test_invitation_page_lists_and_revokes(client, landelijk, ronde):
    u = f.uitnodiging(landelijk, ronde, email="zichtbaar@example.invalid")
    body = client.get("/monitor/lsp/2026/uitnodigingen/").content.decode()
    assert "zichtbaar@example.invalid" in body and "nieuw" in body
    client.post(f"/monitor/lsp/2026/uitnodigingen/{u.uuid}/intrekken/")
    u.refresh_from_db()
    assert u.ingetrokken_op is not None


def test_respondents_names_need_a_verified_session(landelijk, ronde):
    f.uitnodiging(landelijk, ronde, email="verborgen@example.invalid")
    c = Client()
    c.force_login(landelijk)  # password only, no second factor
    response = c.get("/monitor/lsp/2026/uitnodigingen/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    assert "next=%2Fmonitor%2Flsp%2F2026%2Fuitnodigingen%2F" in response["Location"]
    # Pages without names stay open to the same session.
    assert c.get("/monitor/lsp/2026/").status_code == 200
    login_with_2fa(c, landelijk)
    body = c.get("/monitor/lsp/2026/uitnodigingen/").content.decode()
    assert "verborgen@example.invalid" in body


def test_regio_page_suppresses_small_numbers(landelijk, ronde):
    vl = vragenlijst_get(ronde.vragenlijst_versie)
    for i in range(2):
        u = f.uitnodiging(landelijk, ronde, email=f"r{i}@example.invalid")
        services.respons_save(
            uitnodiging=u,
            antwoorden=synthetische_antwoorden(
                vl, rol_code="lsp", regio="zeeland", gemeente="GM0687", seed=i
            ),
        )
        services.respons_submit(uitnodiging=u)
    user = f.regio_user(f.monitor_regio("zeeland"))
    c = Client()
    login_with_2fa(c, user)
    body = c.get("/monitor/lsp/regio/").content.decode()
    assert "Zeeland" in body and "minder dan 5" in body
    assert "Amsterdam" not in body


def test_tally_page_records_for_own_location():
    sp = f.zeeland_steunpunt()
    staff = f.lsp_user(sp.aanbod.organisatie)
    c = Client()
    login_with_2fa(c, staff)
    page = c.get("/monitor/lsp/telling/").content.decode()
    assert sp.aanbod.naam in page and 'inputmode="numeric"' in page
    today = timezone.localdate().isoformat()
    prefix = f"sp{sp.pk}"
    response = c.post(
        "/monitor/lsp/telling/",
        {
            "steunpunt": sp.pk,
            f"{prefix}-datum": today,
            f"{prefix}-dagdeel": "middag",
            f"{prefix}-aantal": "-3",
        },
    )
    assert response.status_code == 400
    response = c.post(
        "/monitor/lsp/telling/",
        {
            "steunpunt": sp.pk,
            f"{prefix}-datum": today,
            f"{prefix}-dagdeel": "middag",
            f"{prefix}-aantal": "17",
        },
    )
    assert response.status_code == 302
    assert BezoekersTelling.objects.get(steunpunt=sp).aantal == 17
    trend = selectors.telling_trend(steunpunt=sp, tot=timezone.localdate())
    assert trend[-1].bezoekers == 17 and trend[-1].per_dag == 17.0
    other = f.lsp_user(
        sp.aanbod.organisatie.__class__.objects.exclude(
            pk=sp.aanbod.organisatie_id
        ).first(),
        "lsp-ander-t",
    )
    c2 = Client()
    login_with_2fa(c2, other)
    response = c2.post(
        "/monitor/lsp/telling/",
        {
            "steunpunt": sp.pk,
            f"{prefix}-datum": today,
            f"{prefix}-dagdeel": "avond",
            f"{prefix}-aantal": "1",
        },
    )
    assert response.status_code == 403


def test_lsp_sees_own_answers(landelijk, ronde):
    sp = f.zeeland_steunpunt()
    vl = vragenlijst_get(ronde.vragenlijst_versie)
    u = f.uitnodiging(landelijk, ronde, organisatie=sp.aanbod.organisatie)
    answers = synthetische_antwoorden(
        vl,
        rol_code="lsp",
        regio="zeeland",
        gemeente="GM0687",
        seed=9,
        vast={"lsp.3": "Onze eigen naam"},
    )
    services.respons_save(uitnodiging=u, antwoorden=answers)
    services.respons_submit(uitnodiging=u)
    staff = f.lsp_user(sp.aanbod.organisatie)
    c = Client()
    login_with_2fa(c, staff)
    body = c.get("/monitor/lsp/mijn/").content.decode()
    assert "Ronde 2026" in body and "Onze eigen naam" in body
    assert "respondent@example.invalid" not in body


def test_report_for_an_unknown_division_is_not_found(client, ronde):
    base = f"/monitor/lsp/{ronde.jaar}/rapport.xlsx"
    assert client.get(f"{base}?indeling=bestaat-niet").status_code == 404
    response = client.get(f"{base}?indeling=zorgkantoorregio-2025")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
