# SPDX-License-Identifier: EUPL-1.2
"""Public read API of gemeenten, divisions and regions, and the OpenAPI schema."""

import pytest
from rest_framework.test import APIClient

from dekkend.regions.constants import INDELING_ZORGKANTOOR
from dekkend.regions.models import Regio
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


@pytest.fixture
def api():
    return APIClient()


def test_gemeente_detail_gives_inhabitants_of_the_latest_year(api):
    response = api.get("/api/v1/gemeenten/GM0363/")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "GM0363"
    assert body["naam"] == "Amsterdam"
    assert body["inwoners"] == 931_298
    assert body["inwonersPeiljaar"] == 2024
    assert (body["lat"], body["lon"]) == (52.35949, 4.89409)


def test_unknown_gemeente_is_a_404_problem(api):
    response = api.get("/api/v1/gemeenten/GM0000/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 404


def test_gemeente_list_is_paginated_over_all_342(api):
    body = api.get("/api/v1/gemeenten/").json()
    assert body["count"] == 342
    assert len(body["results"]) == 50
    assert body["next"]
    assert api.get("/api/v1/gemeenten/?page_size=500").json()["next"] is None


def test_gemeente_list_filters_on_name(api):
    body = api.get("/api/v1/gemeenten/", {"q": "middelburg"}).json()
    assert [g["code"] for g in body["results"]] == ["GM0687"]


def test_gemeente_list_filters_on_region(api):
    zeeland = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, naam="Zeeland")
    body = api.get("/api/v1/gemeenten/", {"regio": str(zeeland.uuid)}).json()
    assert body["count"] == 13
    assert sum(g["inwoners"] for g in body["results"]) == 391_634


def test_invalid_region_filter_is_a_400_naming_the_field(api):
    response = api.get("/api/v1/gemeenten/", {"regio": "zeeland"})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["errors"][0]["field"] == "regio"


def test_regions_of_the_zorgkantoor_division(api):
    body = api.get("/api/v1/regios/", {"indeling": INDELING_ZORGKANTOOR}).json()
    assert body["count"] == 31
    zeeland = next(r for r in body["results"] if r["naam"] == "Zeeland")
    assert zeeland["code"] == "ZK27"
    assert zeeland["indeling"] == INDELING_ZORGKANTOOR
    assert "GM0687" in zeeland["gemeenten"]
    assert len(zeeland["gemeenten"]) == 13
    assert zeeland["gemeenten"] == sorted(zeeland["gemeenten"])


def test_all_regions_of_all_divisions_are_listed(api):
    # 31 zorgkantoor + 25 GGD + 12 provinces + 42 monitor regions
    assert api.get("/api/v1/regios/").json()["count"] == 31 + 25 + 12 + 42


def test_region_detail_by_uuid(api):
    regio = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, code="ZK02")
    body = api.get(f"/api/v1/regios/{regio.uuid}/").json()
    assert body["naam"] == "Amsterdam"
    assert body["gemeenten"] == ["GM0363", "GM0384"]


def test_divisions_are_listed_with_their_number_of_regions(api):
    body = api.get("/api/v1/indelingen/").json()
    counts = {i["naam"]: i["aantalRegios"] for i in body["results"]}
    assert counts == {
        "zorgkantoorregio-2025": 31,
        "ggd-regio-2022": 25,
        "provincie-2025": 12,
        "lsp-monitor-2025": 42,
    }
    volledig = {i["naam"]: i["volledig"] for i in body["results"]}
    assert volledig["lsp-monitor-2025"] is False
    assert volledig["zorgkantoorregio-2025"] is True


def test_division_detail_by_name(api):
    body = api.get("/api/v1/indelingen/provincie-2025/").json()
    assert (body["titel"], body["aantalRegios"]) == ("Provincies", 12)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/gemeenten/",
        "/api/v1/gemeenten/GM0363/",
        "/api/v1/indelingen/",
        "/api/v1/regios/",
    ],
)
def test_read_endpoints_are_public(api, url):
    assert api.get(url).status_code == 200


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/api/v1/gemeenten/"),
        ("put", "/api/v1/gemeenten/GM0363/"),
        ("delete", "/api/v1/gemeenten/GM0363/"),
        ("post", "/api/v1/regios/"),
        ("post", "/api/v1/indelingen/"),
    ],
)
def test_writes_are_refused_even_for_a_superuser(api, method, url):
    api.force_authenticate(UserFactory(is_superuser=True, is_staff=True))
    response = getattr(api, method)(url, {"naam": "X"}, format="json")
    assert response.status_code in (403, 405)
    assert response["Content-Type"] == PROBLEM


def test_openapi_schema_is_served(api):
    response = api.get("/api/v1/schema/")
    assert response.status_code == 200
    text = response.content.decode()
    assert text.startswith("openapi: 3")
    for path in (
        "/api/v1/gemeenten/",
        "/api/v1/regios/",
        "/api/v1/steunpunten/zoeken/",
        "/api/v1/lsp-samenvatting/",
    ):
        assert f"{path}:" in text


def test_openapi_schema_as_json(api):
    response = api.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Dekkend API"
    assert "/api/v1/steunpunten/{uuid}/" in schema["paths"]
