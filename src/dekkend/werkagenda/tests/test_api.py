# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/werkagenda/: reads, writes through the services, problem+json
errors, 409 on a stale section and permissions per region."""

from django.test import Client
from django.utils import timezone

import pytest

from dekkend.regions.models import Regio
from dekkend.regions.selectors import regio_gemeenten
from dekkend.werkagenda.tests.factories import (
    landelijk_user,
    regio_user,
    werkagenda_create,
)

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _api(wa, rest: str = "") -> str:
    return f"/api/v1/werkagenda/{wa.uuid}/{rest}"


def test_list_and_detail_are_filtered_by_region() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    c = _client(user)
    data = c.get("/api/v1/werkagenda/").json()
    assert [r["uuid"] for r in data["results"]] == [str(wa.uuid)]
    detail = c.get(_api(wa)).json()
    assert (detail["regio"], detail["periodeVan"], detail["status"]) == (
        "Zeeland",
        2027,
        "concept",
    )
    amsterdam = Regio.objects.get(
        indeling__naam="zorgkantoorregio-2025", gemeenten__code="GM0363"
    )
    other = _client(regio_user(amsterdam, username="wa-amsterdam"))
    assert other.get("/api/v1/werkagenda/").json()["results"] == []
    response = other.get(_api(wa))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert Client().get(_api(wa)).status_code in (401, 403)
    assert _client(landelijk_user()).get(_api(wa)).status_code == 200


def test_section_put_and_stale_409() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    c = _client(user)
    url = _api(wa, "secties/2a.situatie/")
    assert c.get(url).json()["revisie"] == 0
    ok = c.put(url, {"tekst": "Eerste", "revisie": 0}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["revisie"] == 1
    stale = c.put(
        url, {"tekst": "Tweede", "revisie": 0}, content_type="application/json"
    )
    assert stale.status_code == 409
    assert stale["Content-Type"] == "application/problem+json"
    body = stale.json()
    assert (body["huidigeTekst"], body["uwTekst"], body["revisie"]) == (
        "Eerste",
        "Tweede",
        1,
    )
    assert c.get(_api(wa, "secties/")).json()[0]["tekst"] == "Eerste"
    bad = c.put(
        _api(wa, "secties/9z.x/"),
        {"tekst": "x", "revisie": 0},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "adres"


def test_goal_milestone_college_status_and_versions() -> None:
    user = regio_user()
    wa = werkagenda_create(user=user)
    c = _client(user)
    goal = {
        "onderdeel": "2a",
        "omschrijving": "Elke gemeente een LSP",
        "maatstaf": "lsp.gemeenten_met_lsp",
        "streefwaarde": 13,
        "uiterlijk": "2030-12-31",
        "verantwoordelijke": "Regio",
        "ingroeipad": [{"jaar": 2027, "waarde": 10}, {"jaar": 2030, "waarde": 13}],
    }
    r = c.post(_api(wa, "doelstellingen/"), goal, content_type="application/json")
    assert r.status_code == 201 and len(r.json()["ingroeipad"]) == 2
    bad = c.post(
        _api(wa, "doelstellingen/"),
        {**goal, "maatstaf": "", "uiterlijk": None},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert {e["field"] for e in bad.json()["errors"]} == {"maatstaf", "uiterlijk"}
    m = c.post(
        _api(wa, "mijlpalen/"),
        {"onderdeel": "2a", "kwartaal": "2031-K1", "activiteiten": "x"},
        content_type="application/json",
    )
    assert m.status_code == 400 and m.json()["errors"][0]["field"] == "kwartaal"
    m = c.post(
        _api(wa, "mijlpalen/"),
        {
            "onderdeel": "2a",
            "kwartaal": "2027-K3",
            "activiteiten": "Start",
            "verantwoordelijke": "GGD",
        },
        content_type="application/json",
    )
    assert m.status_code == 201
    assert (
        c.post(
            _api(wa, "statussen/"),
            {"status": "vastgesteld"},
            content_type="application/json",
        ).status_code
        == 400
    )
    assert (
        c.post(
            _api(wa, "statussen/"),
            {"status": "ter_vaststelling"},
            content_type="application/json",
        ).status_code
        == 201
    )
    vandaag = timezone.localdate().isoformat()
    buiten = c.post(
        _api(wa, "collegebesluiten/"),
        {"gemeentecode": "GM0363", "datum": vandaag, "uitkomst": "vastgesteld"},
        content_type="application/json",
    )
    assert (
        buiten.status_code == 400
        and buiten.json()["errors"][0]["field"] == "gemeentecode"
    )
    for g in regio_gemeenten(regio=wa.regio):
        r = c.post(
            _api(wa, "collegebesluiten/"),
            {"gemeentecode": g.code, "datum": vandaag, "uitkomst": "vastgesteld"},
            content_type="application/json",
        )
        assert r.status_code == 201
    assert len(c.get(_api(wa, "collegebesluiten/")).json()) == 13
    r = c.post(
        _api(wa, "statussen/"),
        {"status": "vastgesteld"},
        content_type="application/json",
    )
    assert r.status_code == 201 and r.json()["status"] == "vastgesteld"
    refused = c.put(
        _api(wa, "secties/2a.situatie/"),
        {"tekst": "x", "revisie": 0},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert [v["versie"] for v in c.get(_api(wa, "versies/")).json()] == [1]


def test_writes_need_change_rights() -> None:
    wa = werkagenda_create()
    from dekkend.register.tests.factories import UserFactory

    c = _client(UserFactory(username="wa-niemand"))
    assert c.get(_api(wa)).status_code == 403
    r = c.put(
        _api(wa, "secties/2a.situatie/"),
        {"tekst": "x", "revisie": 0},
        content_type="application/json",
    )
    assert r.status_code == 403
