# SPDX-License-Identifier: EUPL-1.2
"""The bad-input corpus for the FHIR import (POST /api/v1/fhir/ServiceRequest):
wrong encodings, empty and oversize bodies, wrong shapes, unknown codes and
formulas or markup in the resident's name. Each answers 400 with an
OperationOutcome whose issue names the element (FHIR's "row and field"),
and the database fingerprint is the same before and after.

These cases only call the public importer. The resident's name is checked
by the referral service, so the form and the JSON API refuse the same names
(`referrals/tests/test_services.py`).
"""

import codecs
import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from dekkend.accounts.testing import login_with_2fa
from dekkend.referrals.tests.factories import keten_create
from dekkend.referrals.tests.test_fhir_import import _request
from dekkend.tests.fingerprint import changed_tables, database_fingerprint

pytestmark = pytest.mark.django_db

URL = "/api/v1/fhir/ServiceRequest"
FHIR_JSON = "application/fhir+json"


def _json(change: Callable[[dict[str, Any]], None]) -> bytes:
    body = copy.deepcopy(_request())
    change(body)
    return json.dumps(body, ensure_ascii=False).encode()


def _name(value: str) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        body["contained"][0]["name"] = [{"given": [value], "family": "de Visser"}]

    return change


def _problem(code: str) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        body["reasonCode"][0]["coding"][0]["code"] = code

    return change


def _latin1() -> bytes:
    return _json(_name("Jöhanna")).decode().encode("latin-1")


CASES: list[Any] = [
    pytest.param("latin1", _latin1(), None, id="latin-1"),
    pytest.param(
        "utf16",
        codecs.BOM_UTF16_LE + _json(lambda b: None).decode().encode("utf-16-le"),
        None,
        id="utf-16",
    ),
    pytest.param("leeg", b"", None, id="empty"),
    pytest.param("lijst", b"[]", None, id="json-list"),
    pytest.param(
        "te-groot",
        b'{"resourceType": "ServiceRequest", "note": [{"text": "'
        + b"x" * (6 * 1024 * 1024)
        + b'"}]}',
        None,
        id="oversize",
    ),
    pytest.param(
        "onbekend-probleem",
        _json(_problem("bestaat-niet")),
        "reasonCode",
        id="unknown-code",
    ),
    pytest.param(
        "formule-naam",
        _json(_name('=HYPERLINK("http://example.invalid","klik")')),
        "ServiceRequest.contained[0].name",  # the contained Patient's name
        id="formula-in-name",
    ),
    pytest.param(
        "opmaak-naam",
        _json(_name("<script>alert(1)</script>Johanna")),
        "ServiceRequest.contained[0].name",  # the contained Patient's name
        id="markup-in-name",
    ),
]


@pytest.mark.parametrize(("case", "body", "element"), CASES)
def test_bad_fhir_input_is_refused_and_changes_nothing(
    client: Any, case: str, body: bytes, element: str | None
) -> None:
    keten = keten_create()
    login_with_2fa(client, keten.verwijzer)
    before = database_fingerprint()

    response = client.post(URL, data=body, content_type=FHIR_JSON)

    after = database_fingerprint()
    assert response.status_code in (400, 413), (case, response.content[:300])
    outcome = response.json()
    assert outcome["resourceType"] == "OperationOutcome"
    diagnostics = " ".join(i.get("diagnostics", "") for i in outcome["issue"])
    assert diagnostics.strip(), outcome
    if element is not None:
        expressions = [e for i in outcome["issue"] for e in i.get("expression", [])]
        assert any(element in e for e in expressions), outcome
    # Login and 2FA touch the session and the user; the import must not add
    # anything else (no referral, consent, audit event).
    ignore = {"django_session", "accounts_user", "otp_totp_totpdevice"}
    assert [t for t in changed_tables(before, after) if t not in ignore] == []
