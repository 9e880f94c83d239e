# SPDX-License-Identifier: EUPL-1.2
"""The API keeps its schema: every error is a problem document, declared as
`application/problem+json`, and invalid parameters are a 400 naming them.
(scripts/schemathesis fuzzes the whole schema; these are the cases found.)"""

import pytest
import yaml

from dekkend.api.schema import PROBLEM_JSON, PROBLEM_REF
from dekkend.conf.includes.paths import PROJECT_DIR

pytestmark = pytest.mark.django_db


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM_JSON
    body = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank" and body["title"] and body["detail"]
    return body


def _fields(body: dict) -> set[str]:
    return {e["field"] for e in body.get("errors", [])}


def test_a_path_that_matches_no_route_is_a_problem(client):
    body = _problem(client.get("/api/v1/steunpunten/%C2%84/"), 404)
    assert body["detail"] == "Niet gevonden."
    _problem(client.get("/api/v1/bestaat-niet/"), 404)


def test_a_uuid_shaped_non_uuid_is_a_404(client):
    _problem(client.get("/api/v1/steunpunten/" + "0" * 36 + "/"), 404)


def test_an_unsupported_method_is_a_problem_with_allow(client):
    response = client.post("/api/v1/lsp-samenvatting/")
    _problem(response, 405)
    assert "GET" in response["Allow"]


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/indelingen/?page=0", "page"),
        ("/api/v1/indelingen/?page=abc", "page"),
        ("/api/v1/indelingen/?page_size=0", "page_size"),
        ("/api/v1/indelingen/?page_size=501", "page_size"),
        ("/api/v1/indelingen/?page_size=%D9%A3", "page_size"),
        ("/api/v1/lsp-samenvatting/?peildatum=", "peildatum"),
        ("/api/v1/steunpunten/?type=", "type"),
        ("/api/v1/gemeenten/?regio=", "regio"),
        ("/api/v1/regios/?indeling=", "indeling"),
        ("/api/v1/steunpunten/zoeken/?postcode=0", "postcode"),
    ],
)
def test_invalid_parameters_are_a_400_naming_them(client, url, field):
    body = _problem(client.get(url), 400)
    assert field in _fields(body)


def test_a_page_past_the_last_is_a_404(client):
    _problem(client.get("/api/v1/indelingen/?page=6469693230"), 404)
    _problem(client.get("/api/v1/indelingen/?page=" + "9" * 40), 404)


def test_valid_pagination_and_blank_free_text_are_accepted(client):
    assert client.get("/api/v1/indelingen/?page=1&page_size=500").status_code == 200
    assert client.get("/api/v1/gemeenten/?q=%20%00").status_code == 200


def test_a_crash_under_api_is_a_problem(client, monkeypatch):
    from dekkend.regions.api import views

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.GemeenteViewSet, "list", boom)
    client.raise_request_exception = False
    body = _problem(client.get("/api/v1/gemeenten/"), 500)
    assert "boom" not in body["detail"]


def test_errors_outside_the_api_stay_pages(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def _schema() -> dict:
    return yaml.safe_load((PROJECT_DIR / "openapi.yaml").read_text(encoding="utf-8"))


def test_the_schema_declares_problem_json_for_every_error():
    schema = _schema()
    operations = [
        (path, method, op)
        for path, item in schema["paths"].items()
        for method, op in item.items()
    ]
    assert operations
    for path, method, op in operations:
        responses = op["responses"]
        assert {"403", "404"} <= set(responses), (path, method)
        if "requestBody" in op:
            assert {"400", "415"} <= set(responses), (path, method)
        if any(p["in"] == "query" for p in op.get("parameters", [])):
            assert "400" in responses, (path, method)
        for code, response in responses.items():
            if int(code) >= 400:
                content = response["content"]
                assert content[PROBLEM_JSON]["schema"] == PROBLEM_REF, (path, code)
                # FHIR's OperationOutcome may sit beside it, never a Problem.
                others = [b for m, b in content.items() if m != PROBLEM_JSON]
                assert all(b["schema"] != PROBLEM_REF for b in others), (path, code)


def test_pagination_parameters_carry_their_range():
    op = _schema()["paths"]["/api/v1/indelingen/"]["get"]
    params = {p["name"]: p["schema"] for p in op["parameters"]}
    assert params["page"] == {"type": "integer", "minimum": 1}
    assert params["page_size"] == {"type": "integer", "minimum": 1, "maximum": 500}
