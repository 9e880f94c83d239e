# SPDX-License-Identifier: EUPL-1.2
"""The referral indicator workbook speaks the request's language: English
sheet names and headings for an English request, Dutch by default."""

import io

from django.test import Client

import pytest
from openpyxl import load_workbook

from dekkend.monitoring.tests.conftest import JAAR

pytestmark = pytest.mark.django_db

EXPORT = "/monitor/verwijzen/export.xlsx"
ZEELAND = {"indeling": "zorgkantoorregio-2025", "regio": "ZK27", "jaar": str(JAAR)}


def _workbook(user, language: str):
    client = Client()
    client.force_login(user)
    response = client.get(EXPORT, ZEELAND, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_an_english_request_gets_english_headings(zeeland_data, regio_lid):
    wb = _workbook(regio_lid, "en")

    assert wb.sheetnames == [
        "Explanation",
        "Per municipality",
        "Connections per kind",
        "Outcomes",
    ]
    labels = [row[0] for row in wb["Explanation"].iter_rows(values_only=True)]
    assert labels[:3] == ["Division", "Region", "Year"]
    assert "Small-number threshold" in labels
    header = next(wb["Per municipality"].iter_rows(values_only=True))
    assert header[:5] == ("code", "name", "inhabitants", "target (number)", "referrals")
    assert header[-1] == "not shown (small numbers)"
    names = [row[1] for row in wb["Per municipality"].iter_rows(values_only=True)]
    assert names[-1] == "Total"


def test_a_dutch_request_gets_dutch_headings(zeeland_data, regio_lid):
    wb = _workbook(regio_lid, "nl")
    assert wb.sheetnames[:2] == ["Toelichting", "Per gemeente"]
    header = next(wb["Per gemeente"].iter_rows(values_only=True))
    assert header[-1] == "niet getoond (kleine aantallen)"
