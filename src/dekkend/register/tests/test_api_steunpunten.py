# SPDX-License-Identifier: EUPL-1.2
"""Public read API of the register: list, search by postcode, detail, the
per-region LSP summary; errors are RFC 9457 problem details."""

import uuid

import pytest
from rest_framework.test import APIClient

from dekkend.accounts.roles import role_group
from dekkend.regions.geo import haversine_km
from dekkend.register.models import Steunpunt
from dekkend.register.tests.factories import (
    OrganisatieLidFactory,
    SteunpuntFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
MIDDELBURG = "Hersteltalent - Zelfregiecentrum Middelburg"


@pytest.fixture
def api():
    return APIClient()


def _problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    return body


# --- list --------------------------------------------------------------------


def test_list_is_paginated_over_the_318_support_points(api):
    body = api.get("/api/v1/steunpunten/").json()
    assert body["count"] == 318
    assert len(body["results"]) == 50
    assert body["previous"] is None
    last = api.get("/api/v1/steunpunten/", {"page": 7}).json()
    assert len(last["results"]) == 318 - 6 * 50
    assert last["next"] is None


def test_list_items_carry_the_public_fields(api):
    body = api.get("/api/v1/steunpunten/", {"gemeente": "GM0687"}).json()
    assert body["count"] == 1
    (item,) = body["results"]
    assert item["naam"] == MIDDELBURG
    assert item["organisatie"]["naam"] == "Hersteltalent"
    assert item["gemeente"] == {"code": "GM0687", "naam": "Middelburg (Z.)"}
    assert item["lspType"] == "onbekend"
    assert item["positieBenaderd"] is True
    assert item["typeHandmatig"] is False
    assert item["dagdelen"] == []


def test_gemeente_filter_accepts_lower_case(api):
    assert api.get("/api/v1/steunpunten/", {"gemeente": "gm1676"}).json()["count"] == 4


def test_type_filter(api):
    SteunpuntFactory(
        aanbod__naam="Groot testpunt",
        dagdelen=[(d, p) for d in (1, 2, 3) for p in ("ochtend", "middag", "avond")],
    )
    body = api.get("/api/v1/steunpunten/", {"type": "groot"}).json()
    assert [s["naam"] for s in body["results"]] == ["Groot testpunt"]
    assert body["results"][0]["dagdelenPerWeek"] == 9
    assert api.get("/api/v1/steunpunten/", {"type": "onbekend"}).json()["count"] == 318


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"type": "xl"}, "type"),
        ({"gemeente": "Middelburg"}, "gemeente"),
        ({"element": "koffie"}, "element"),
        ({"peildatum": "gisteren"}, "peildatum"),
        ({"organisatie": "42"}, "organisatie"),
    ],
)
def test_invalid_filter_is_a_400_problem_naming_the_field(api, params, field):
    body = _problem(api.get("/api/v1/steunpunten/", params), 400)
    assert body["detail"] == "De invoer is ongeldig."
    assert body["errors"][0]["field"] == field
    assert body["errors"][0]["message"]


def test_list_on_a_peildatum_before_a_support_point_opened(api):
    steunpunt = SteunpuntFactory(aanbod__naam="Nieuw punt")
    aanbod = steunpunt.aanbod
    aanbod.geldig_van = "2026-01-01"
    aanbod.save()
    code = aanbod.locatie.gemeente.code
    before = api.get(
        "/api/v1/steunpunten/", {"gemeente": code, "peildatum": "2025-12-31"}
    )
    after = api.get(
        "/api/v1/steunpunten/", {"gemeente": code, "peildatum": "2026-01-01"}
    )
    assert before.json()["count"] == 0
    assert after.json()["count"] == 1


# --- search by postcode ------------------------------------------------------


def test_search_by_postcode_orders_by_distance(api):
    response = api.get("/api/v1/steunpunten/zoeken/", {"postcode": "4331"})
    assert response.status_code == 200
    body = response.json()
    herkomst = body["herkomst"]
    assert (herkomst["lat"], herkomst["lon"]) == (51.49986, 3.61371)
    assert herkomst["omschrijving"] == "4331 Middelburg"
    resultaten = body["resultaten"]
    assert len(resultaten) == 10
    afstanden = [r["afstandKm"] for r in resultaten]
    assert afstanden == sorted(afstanden)
    first = resultaten[0]
    assert first["steunpunt"]["naam"] == MIDDELBURG
    expected = haversine_km(
        51.49986, 3.61371, first["steunpunt"]["lat"], first["steunpunt"]["lon"]
    )
    assert first["afstandKm"] == pytest.approx(expected, abs=0.051)


def test_search_accepts_a_full_postcode_and_a_limit(api):
    body = api.get(
        "/api/v1/steunpunten/zoeken/", {"postcode": "4331 AB", "limit": 3}
    ).json()
    assert len(body["resultaten"]) == 3
    assert body["resultaten"][0]["steunpunt"]["naam"] == MIDDELBURG


def test_search_from_a_gemeente_starts_at_its_population_centre(api):
    body = api.get(
        "/api/v1/steunpunten/zoeken/", {"gemeente": "GM0687", "limit": 1}
    ).json()
    assert (body["herkomst"]["lat"], body["herkomst"]["lon"]) == (51.49786, 3.62436)
    assert body["resultaten"][0]["steunpunt"]["naam"] == MIDDELBURG
    assert body["resultaten"][0]["afstandKm"] == 0.0


def test_search_with_a_type_filter(api):
    body = api.get(
        "/api/v1/steunpunten/zoeken/", {"postcode": "4331", "type": "groot"}
    ).json()
    assert body["resultaten"] == []


def test_search_with_something_that_is_no_postcode_is_a_400_in_dutch(api):
    body = _problem(api.get("/api/v1/steunpunten/zoeken/", {"postcode": "abc"}), 400)
    (error,) = body["errors"]
    assert error["field"] == "postcode"
    assert "geen geldige postcode" in error["message"]


def test_search_with_an_unknown_postcode_is_a_404_problem(api):
    # 1000 is well-formed but no PC4 area (9999 is: Stitswerd).
    body = _problem(api.get("/api/v1/steunpunten/zoeken/", {"postcode": "1000"}), 404)
    assert body["detail"] == "Deze postcode kennen we niet."


def test_search_with_an_unknown_gemeente_is_a_404_problem(api):
    _problem(api.get("/api/v1/steunpunten/zoeken/", {"gemeente": "GM0000"}), 404)


def test_search_without_postcode_or_gemeente_is_a_400(api):
    body = _problem(api.get("/api/v1/steunpunten/zoeken/"), 400)
    assert body["errors"][0]["field"] == "postcode"
    assert "postcode" in body["errors"][0]["message"]


@pytest.mark.parametrize("limit", ["0", "51", "tien"])
def test_search_limit_out_of_range_is_a_400(api, limit):
    body = _problem(
        api.get("/api/v1/steunpunten/zoeken/", {"postcode": "4331", "limit": limit}),
        400,
    )
    assert body["errors"][0]["field"] == "limit"


# --- detail ------------------------------------------------------------------


def test_detail_by_uuid(api):
    steunpunt = Steunpunt.objects.select_related("aanbod").get(aanbod__naam=MIDDELBURG)
    response = api.get(f"/api/v1/steunpunten/{steunpunt.aanbod.uuid}/")
    assert response.status_code == 200
    body = response.json()
    assert body["uuid"] == str(steunpunt.aanbod.uuid)
    assert body["naam"] == MIDDELBURG
    assert body["bron"] == "Monitor Laagdrempelige steunpunten 2025, bijlage A"
    assert body["bronPeildatum"] == "2025-10-01"
    assert body["opBasislijst"] is None
    assert body["hoofdsteunpunt"] is None
    assert body["satellieten"] == []


def test_detail_shows_satellites_and_main_point(api):
    hoofd = SteunpuntFactory()
    satelliet = SteunpuntFactory(
        aanbod__organisatie=hoofd.aanbod.organisatie, hoofdsteunpunt=hoofd
    )
    body = api.get(f"/api/v1/steunpunten/{hoofd.aanbod.uuid}/").json()
    assert body["satellieten"] == [str(satelliet.aanbod.uuid)]
    body = api.get(f"/api/v1/steunpunten/{satelliet.aanbod.uuid}/").json()
    assert body["hoofdsteunpunt"] == str(hoofd.aanbod.uuid)


def test_unknown_uuid_is_a_404_problem(api):
    body = _problem(api.get(f"/api/v1/steunpunten/{uuid.uuid4()}/"), 404)
    assert body["detail"] == "Steunpunt niet gevonden."


# --- summary -----------------------------------------------------------------


def test_lsp_summary_of_the_monitor_division(api):
    body = api.get("/api/v1/lsp-samenvatting/", {"division": "lsp-monitor-2025"}).json()
    assert body["division"] == "lsp-monitor-2025"
    assert body["totaal"]["totaal"] == 318
    assert body["organisaties"] == 90
    assert len(body["regios"]) == 42


def test_lsp_summary_defaults_to_the_monitor_division(api):
    body = api.get("/api/v1/lsp-samenvatting/").json()
    assert body["division"] == "lsp-monitor-2025"


def test_lsp_summary_of_an_unknown_division_is_a_404_problem(api):
    _problem(api.get("/api/v1/lsp-samenvatting/", {"division": "iza-2026"}), 404)


def test_lsp_summary_with_a_bad_date_is_a_400_problem(api):
    body = _problem(
        api.get("/api/v1/lsp-samenvatting/", {"peildatum": "31-12-2025"}), 400
    )
    assert body["errors"][0]["field"] == "peildatum"


# --- organisations -----------------------------------------------------------


def test_organisations_are_listed(api):
    body = api.get("/api/v1/organisaties/").json()
    assert body["count"] == 90
    names = [o["naam"] for o in body["results"]]
    assert names == sorted(names)


# --- access ------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/steunpunten/",
        "/api/v1/steunpunten/zoeken/?postcode=4331",
        "/api/v1/lsp-samenvatting/",
        "/api/v1/organisaties/",
    ],
)
def test_public_read_endpoints_need_no_login(api, url):
    assert api.get(url).status_code == 200


def test_anonymous_post_is_refused(api):
    response = api.post("/api/v1/steunpunten/", {"naam": "Nieuw"}, format="json")
    assert response.status_code in (403, 405)
    assert response["Content-Type"] == PROBLEM
    assert Steunpunt.objects.count() == 318


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_lsp_staff_cannot_write_through_the_api(api, method):
    steunpunt = SteunpuntFactory()
    user = UserFactory()
    user.groups.add(role_group("lsp_medewerker"))
    OrganisatieLidFactory(user=user, organisatie=steunpunt.aanbod.organisatie)
    api.force_authenticate(user)
    response = getattr(api, method)(
        f"/api/v1/steunpunten/{steunpunt.aanbod.uuid}/",
        {"naam": "Anders"},
        format="json",
    )
    assert response.status_code in (403, 405)
    steunpunt.aanbod.refresh_from_db()
    assert steunpunt.aanbod.naam != "Anders"


def test_search_is_refused_for_unsafe_methods(api):
    response = api.post("/api/v1/steunpunten/zoeken/?postcode=4331")
    assert response.status_code in (403, 405)
