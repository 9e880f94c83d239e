# SPDX-License-Identifier: EUPL-1.2
"""The coverage workbook speaks the request's language (Dutch by default,
English on request), and a reason typed by a user stays text in Excel."""

import io
from typing import Any

from django.test import Client

import pytest
from openpyxl import load_workbook

from dekkend.accounts.roles import role_group
from dekkend.coverage.services import parameter_afwijking_record
from dekkend.regions.constants import INDELING_ZORGKANTOOR
from dekkend.regions.models import Regio, RegioLid
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EXPORT = "/dekking/zorgkantoorregio-2025/ZK27/export.xlsx"


def _workbook(language: str) -> Any:
    response = Client().get(EXPORT, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_an_english_request_gets_english_sheet_names_and_headings() -> None:
    wb = _workbook("en")

    assert wb.sheetnames == ["Summary", "Municipalities", "Targets", "Parameters"]
    labels = [row[0] for row in wb["Summary"].iter_rows(values_only=True)]
    assert labels[:4] == ["Region", "Division", "Reference date", "Inhabitants"]
    assert "Municipalities without an LSP" in labels
    header = next(wb["Parameters"].iter_rows(values_only=True))
    assert header == (
        "assumption",
        "description",
        "value",
        "unit",
        "source",
        "default",
        "reason for deviation",
    )


def test_a_dutch_request_gets_dutch_sheet_names() -> None:
    wb = _workbook("nl")
    assert wb.sheetnames == ["Samenvatting", "Gemeenten", "Streefwaarden", "Parameters"]
    assert next(wb["Parameters"].iter_rows(values_only=True))[-1] == "reden afwijking"


def test_a_reason_that_looks_like_a_formula_is_written_as_text() -> None:
    zeeland = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, code="ZK27")
    user = UserFactory()
    user.groups.add(role_group("regio"))
    RegioLid.objects.create(user=user, regio=zeeland)
    reden = '=HYPERLINK("http://example.invalid","klik")'
    parameter_afwijking_record(
        user=user, regio=zeeland, sleutel="capaciteit_onbekend", waarde=100, reden=reden
    )

    ws = _workbook("nl")["Parameters"]
    cell = next(
        row[6]
        for row in ws.iter_rows(min_row=2)
        if row[0].value == "capaciteit_onbekend"
    )
    assert cell.value == reden
    assert cell.data_type == "s"
    assert cell.quotePrefix is True
