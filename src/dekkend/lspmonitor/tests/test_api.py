# SPDX-License-Identifier: EUPL-1.2
"""The monitor API: landelijk reads rounds, base list and reviews; the
tables also for a regio, for its own region only; problem+json errors."""

from django.test import Client

import pytest

from dekkend.accounts.testing import login_with_2fa
from dekkend.lspmonitor import services
from dekkend.lspmonitor.tests import factories as f
from dekkend.register import afwegingskader

pytestmark = pytest.mark.django_db


@pytest.fixture
def landelijk():
    return f.landelijk()


@pytest.fixture
def ronde(landelijk):
    ronde = f.ronde_2026(landelijk)
    services.basislijst_build(user=landelijk, ronde=ronde)
    k = services.kandidaat_add(
        user=landelijk,
        ronde=ronde,
        gegevens=services.KandidaatGegevens(naam="API-kandidaat", gemeente="GM0687"),
    )
    services.beoordeling_record(
        user=landelijk,
        kandidaat=k,
        rol="nvzh",
        antwoorden={
            **dict.fromkeys(afwegingskader.QUESTION_FIELDS, True),
            "online_vindbaar": False,
        },
        basis=dict.fromkeys(afwegingskader.QUESTION_FIELDS, "telefonisch"),
        toelichtingen={"online_vindbaar": "Geen website gevonden."},
    )
    return ronde


def _client(user):
    client = Client()
    login_with_2fa(client, user)
    return client


def test_landelijk_reads_rounds_base_list_and_reviews(landelijk, ronde):
    client = _client(landelijk)
    rondes = client.get("/api/v1/monitor/rondes/").json()
    assert rondes["results"][0]["jaar"] == 2026
    assert rondes["results"][0]["vragenlijstVersie"] == ronde.vragenlijst_versie
    lijst = client.get("/api/v1/monitor/rondes/2026/basislijst/?besluit=af").json()
    assert lijst["count"] == 1
    item = lijst["results"][0]
    assert item["naam"] == "API-kandidaat" and item["reden"] == "online_vindbaar"
    assert item["gemeente"] == "GM0687" and item["regio"] == "zeeland"
    alle = client.get("/api/v1/monitor/rondes/2026/basislijst/").json()
    assert alle["count"] > 300 and len(alle["results"]) == 50
    fout = client.get("/api/v1/monitor/rondes/2026/basislijst/?bron=AAA")
    assert fout.status_code == 400
    assert [e["field"] for e in fout.json()["errors"]] == ["bron"]
    reviews = client.get("/api/v1/monitor/rondes/2026/beoordelingen/").json()["results"]
    assert reviews[0]["rol"] == "nvzh"
    first = reviews[0]["antwoorden"][0]
    assert first == {
        "vraag": "online_vindbaar",
        "antwoord": False,
        "basis": "telefonisch",
        "toelichting": "Geen website gevonden.",
    }


def test_tables_as_json(landelijk, ronde):
    data = _client(landelijk).get("/api/v1/monitor/rondes/2026/tabellen/").json()
    assert {"methode", "tabel2", "tabel4", "grafieken"} <= set(data)
    assert data["jaar"] == 2026


def test_regio_sees_own_region_tables_only(ronde):
    user = f.regio_user(f.monitor_regio("zeeland"))
    client = _client(user)
    assert (
        client.get("/api/v1/monitor/rondes/2026/tabellen/?regio=zeeland").status_code
        == 200
    )
    other = client.get("/api/v1/monitor/rondes/2026/tabellen/?regio=amsterdam")
    assert other.status_code == 403
    assert other["Content-Type"].startswith("application/problem+json")
    assert client.get("/api/v1/monitor/rondes/2026/tabellen/").status_code == 403
    assert client.get("/api/v1/monitor/rondes/2026/basislijst/").status_code == 403
    assert client.get("/api/v1/monitor/rondes/").status_code == 403


def test_errors_are_problem_json(landelijk, ronde):
    response = Client().get("/api/v1/monitor/rondes/")
    assert response.status_code == 403
    assert response["Content-Type"].startswith("application/problem+json")
    missing = _client(landelijk).get("/api/v1/monitor/rondes/1999/")
    assert missing.status_code == 404
    assert missing.json()["detail"] == "Geen monitorronde van dat jaar."
    unknown = _client(landelijk).get(
        "/api/v1/monitor/rondes/2026/tabellen/?regio=atlantis"
    )
    assert unknown.status_code == 404


def test_no_respondent_in_the_api(landelijk, ronde):
    f.uitnodiging(landelijk, ronde, email="geheim@example.invalid")
    client = _client(landelijk)
    for url in (
        "/api/v1/monitor/rondes/2026/",
        "/api/v1/monitor/rondes/2026/basislijst/",
        "/api/v1/monitor/rondes/2026/tabellen/",
    ):
        assert b"geheim@example.invalid" not in client.get(url).content
