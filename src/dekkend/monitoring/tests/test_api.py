# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/verwijzingsindicatoren/: the same JSON as
`dekkend referral-indicators --json`, suppressed cells null with a flag,
per role (region member, other region, national monitor, verwijzer,
brugfunctionaris, anonymous), errors as RFC 9457 problem details."""

import json
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.utils import timezone

import pytest
import yaml
from rest_framework.test import APIClient

from dekkend.accounts.testing import login_with_2fa
from dekkend.monitoring.tests.conftest import GOES, JAAR, MIDDELBURG

pytestmark = pytest.mark.django_db

URL = "/api/v1/verwijzingsindicatoren/"
PROBLEM = "application/problem+json"
ZEELAND = {"indeling": "zorgkantoorregio-2025", "regio": "ZK27", "jaar": JAAR}


def _api(user=None, *, two_factor: bool = False) -> APIClient:
    client = APIClient()
    if user is not None and two_factor:
        login_with_2fa(client, user)
    elif user is not None:
        client.force_authenticate(user)
    return client


def _problem(response, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    return body


def test_region_member_gets_the_same_json_as_the_cli(zeeland_data, regio_lid):
    response = _api(regio_lid).get(URL, ZEELAND)

    assert response.status_code == 200
    data = response.json()
    out = StringIO()
    call_command(
        "referral_indicators",
        "--division",
        "zorgkantoorregio-2025",
        "--regio",
        "Zeeland",
        "--year",
        str(JAAR),
        "--json",
        stdout=out,
    )
    assert data == json.loads(out.getvalue())
    assert data["niveau"] == "regio"
    assert data["regiocode"] == "ZK27"
    assert data["totaal"]["verwijzingen"] == 20
    rows = {g["gemeentecode"]: g for g in data["gemeenten"]}
    assert rows[MIDDELBURG]["verwijzingen"] == 10
    assert rows[MIDDELBURG]["mediaan_dagen_tot_eerste_contact"] == 5.0
    assert rows[GOES]["verwijzingen"] == 5  # 3, rounded
    assert rows[GOES]["verwijzingen_onderdrukt"] is False
    assert rows[GOES]["aandeel_eerste_terugkoppeling_op_tijd"] is None
    assert rows[GOES]["aandeel_eerste_terugkoppeling_op_tijd_onderdrukt"] is True


def test_region_by_name(zeeland_data, regio_lid):
    response = _api(regio_lid).get(URL, {**ZEELAND, "regio": "Zeeland"})

    assert response.status_code == 200
    assert response.json()["regiocode"] == "ZK27"


def test_no_names_or_rows_per_referral(zeeland_data, regio_lid):
    body = _api(regio_lid).get(URL, ZEELAND).content.decode()

    assert "Johanna" not in body
    assert "uuid" not in body
    assert "inwoner_" not in body


def test_other_region_is_forbidden(zeeland_data, ander_regio_lid):
    _problem(_api(ander_regio_lid).get(URL, ZEELAND), 403)


def test_national_only_for_the_national_monitor(zeeland_data, regio_lid, landelijk):
    national = {"indeling": "zorgkantoorregio-2025", "jaar": JAAR}
    _problem(_api(regio_lid).get(URL, national), 403)

    response = _api(landelijk).get(URL, national)
    assert response.status_code == 200
    data = response.json()
    assert data["niveau"] == "landelijk"
    assert data["regiocode"] is None
    assert len(data["regios"]) == 31
    zeeland = next(r for r in data["regios"] if r["regiocode"] == "ZK27")
    assert zeeland["verwijzingen"] == 20  # the sum of its rounded gemeenten
    assert zeeland["naam"] == "Zeeland"
    assert _api(landelijk).get(URL, ZEELAND).status_code == 200


@pytest.mark.parametrize("role", ["verwijzer", "brugfunctionaris"])
def test_referral_roles_are_forbidden(request, role):
    client = _api()
    login_with_2fa(client, request.getfixturevalue(role))
    _problem(client.get(URL, ZEELAND), 403)


def test_anonymous_is_refused():
    _problem(_api().get(URL, ZEELAND), 403)


def test_errors(regio_lid):
    api = _api(regio_lid)
    _problem(api.get(URL, {**ZEELAND, "indeling": "bestaat-niet"}), 404)
    _problem(api.get(URL, {**ZEELAND, "regio": "ZK99"}), 404)
    body = _problem(api.get(URL, {**ZEELAND, "jaar": "twintig"}), 400)
    assert body["errors"][0]["field"] == "jaar"
    body = _problem(api.get(URL, {"regio": "ZK27"}), 400)
    assert body["errors"][0]["field"] == "indeling"
    next_year = str(timezone.localdate().year + 1)
    body = _problem(api.get(URL, {**ZEELAND, "jaar": next_year}), 400)
    assert body["errors"][0]["field"] == "jaar"
    assert "toekomst" in body["errors"][0]["message"]


def test_default_year_is_the_last_complete_one(regio_lid):
    response = _api(regio_lid).get(
        URL, {"indeling": "zorgkantoorregio-2025", "regio": "ZK27"}
    )

    assert response.status_code == 200
    assert response.json()["jaar"] == timezone.localdate().year - 1


def test_described_in_the_schema():
    response = _api().get("/api/v1/schema/")
    schema = yaml.safe_load(response.content)
    operation = schema["paths"]["/api/v1/verwijzingsindicatoren/"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"indeling", "regio", "jaar"}
    assert set(operation["responses"]) == {"200", "400", "403", "404"}
