# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/dekking/: the same numbers as `dekkend coverage --json`, public
(anonymous, any role, any region), read-only, errors as RFC 9457 problem
details, and described in the OpenAPI schema."""

import json
from io import StringIO
from typing import Any

from django.core.management import call_command

import pytest
import yaml
from rest_framework.test import APIClient

from dekkend.accounts.roles import role_group
from dekkend.coverage.models import AnalysisRun
from dekkend.regions.constants import INDELING_GGD, INDELING_ZORGKANTOOR
from dekkend.regions.models import Regio, RegioLid
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/dekking/"
PROBLEM = "application/problem+json"
ZEELAND = {"division": INDELING_ZORGKANTOOR, "regio": "ZK27"}


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def _cli(*args: str) -> dict[str, Any]:
    out = StringIO()
    call_command("coverage", *args, "--json", "--niet-opslaan", stdout=out)
    return json.loads(out.getvalue())


def _problem(response, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"]
    assert body["detail"]
    return body


def test_region_by_code_gives_the_same_numbers_as_the_cli(api):
    response = api.get(URL, ZEELAND)
    assert response.status_code == 200
    data = response.json()
    cli = _cli("--division", INDELING_ZORGKANTOOR, "--regio", "Zeeland")
    assert data == cli
    assert data["inwoners"] == 391_634
    assert len(data["gemeenten"]) == 13
    assert (
        data["streefwaarden"]["sociaal_verwijzen"]["verwijzingen_per_jaar"]["waarde"]
        == 2349.804
    )


def test_region_by_name_and_date(api):
    response = api.get(
        URL,
        {
            "division": INDELING_ZORGKANTOOR,
            "regio": "Zeeland",
            "peildatum": "2025-11-01",
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["peildatum"] == "2025-11-01"
    assert data["regio"] == "Zeeland"


def test_ggd_region_with_a_slash_in_its_code(api):
    response = api.get(
        URL, {"division": INDELING_GGD, "regio": "GGD Zaanstreek/Waterland"}
    )
    assert response.status_code == 200
    assert response.json()["regio"] == "GGD Zaanstreek/Waterland"


def test_the_api_does_not_store_runs(api):
    before = AnalysisRun.objects.count()
    data = api.get(URL, ZEELAND).json()
    assert "analyse" not in data
    assert AnalysisRun.objects.count() == before


@pytest.mark.parametrize("role", [None, "verwijzer", "regio", "landelijk_monitor"])
def test_public_for_anonymous_users_every_role_and_other_regions(api, role):
    if role is not None:
        user = UserFactory()
        user.groups.add(role_group(role))
        amsterdam = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, code="ZK02")
        RegioLid.objects.create(user=user, regio=amsterdam)
        api.force_authenticate(user)
    response = api.get(URL, ZEELAND)
    assert response.status_code == 200
    assert response.json()["inwoners"] == 391_634


def test_the_api_is_read_only(api):
    user = UserFactory()
    user.groups.add(role_group("landelijk_monitor"))
    api.force_authenticate(user)
    body = _problem(api.post(URL, ZEELAND, format="json"), 405)
    assert "POST" in body["detail"]


def test_unknown_region_is_a_404_problem(api):
    body = _problem(
        api.get(URL, {"division": INDELING_ZORGKANTOOR, "regio": "ZK99"}), 404
    )
    assert "Regio niet gevonden" in body["detail"]


def test_unknown_division_is_a_404_problem(api):
    _problem(api.get(URL, {"division": "bestaat-niet", "regio": "ZK27"}), 404)


@pytest.mark.parametrize(
    ("query", "missing"),
    [
        ({}, {"division", "regio"}),
        ({"division": INDELING_ZORGKANTOOR}, {"regio"}),
        ({"regio": "ZK27"}, {"division"}),
    ],
)
def test_missing_parameters_are_a_400_problem(api, query, missing):
    body = _problem(api.get(URL, query), 400)
    assert {e["field"] for e in body["errors"]} == missing


def test_invalid_date_is_a_400_problem(api):
    body = _problem(api.get(URL, {**ZEELAND, "peildatum": "gisteren"}), 400)
    assert [e["field"] for e in body["errors"]] == ["peildatum"]


def test_schema_describes_the_endpoint(api):
    response = api.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert URL in schema["paths"]
    operation = schema["paths"][URL]["get"]
    parameters = {p["name"] for p in operation["parameters"]}
    assert {"division", "regio", "peildatum"} <= parameters
    assert {"200", "400", "404"} <= set(operation["responses"])
