# SPDX-License-Identifier: EUPL-1.2
"""The Excel export of the referral indicators: the same figures as the page,
suppressed cells empty and named in the column "niet getoond", an
explanation sheet with period, target, term and threshold."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from dekkend.monitoring.selectors import referral_indicators
from dekkend.monitoring.tests.conftest import JAAR, PEILDATUM
from dekkend.monitoring.xlsx import ONDERDRUKT_KOLOM, workbook_bytes

pytestmark = pytest.mark.django_db


def _workbook(indeling, regio):
    result = referral_indicators(
        indeling=indeling, regio=regio, jaar=JAAR, peildatum=PEILDATUM
    )
    return load_workbook(BytesIO(workbook_bytes(result)))


def _rows(ws) -> dict[str, dict[str, object]]:
    values = list(ws.values)
    heading = values[0]
    return {row[1]: dict(zip(heading, row, strict=True)) for row in values[1:]}


def test_region_workbook(zeeland_data, indeling, zeeland):
    wb = _workbook(indeling, zeeland)

    assert wb.sheetnames == [
        "Toelichting",
        "Per gemeente",
        "Verbindingen per soort",
        "Uitkomsten",
    ]
    info = {row[0]: row[1] for row in wb["Toelichting"].values}
    assert info["Regio"] == "Zeeland"
    assert info["Jaar"] == 2025
    assert info["Peildatum"] == "2026-01-31"
    assert info["Streefwaarde per 10.000 inwoners per jaar"] == 60
    assert info["Termijn eerste terugkoppeling (werkdagen)"] == "10"
    assert info["Drempel kleine aantallen"] == 5

    rows = _rows(wb["Per gemeente"])
    assert len(rows) == 14  # 13 gemeenten and the total
    middelburg = rows["Middelburg (Z.)"]
    assert middelburg["code"] == "GM0687"
    assert middelburg["verwijzingen"] == 10  # 8, rounded
    assert middelburg["mediaan dagen tot eerste contact"] == 5.0
    assert middelburg["nu te laat zonder terugkoppeling"] == 5  # 4, rounded
    assert middelburg[ONDERDRUKT_KOLOM] is None
    goes = rows["Goes"]
    assert goes["verwijzingen"] == 5  # 3, rounded
    assert goes["verwijzingen per 10.000 inwoners"] == round(5 * 10_000 / 39_682, 2)
    assert "mediaan dagen tot eerste contact" in goes[ONDERDRUKT_KOLOM].split(", ")
    assert goes["inwoners"] == 39_682
    totaal = rows["Totaal"]
    assert totaal["verwijzingen"] == 20
    assert totaal["aandeel eerste terugkoppeling op tijd"] == pytest.approx(0.6)
    assert totaal[ONDERDRUKT_KOLOM] is None

    kinds = _rows(wb["Verbindingen per soort"])
    assert kinds["Totaal"]["lsp"] == 5
    assert kinds["Totaal"]["welzijn"] == 0  # 1 in Middelburg, 1 in Vlissingen
    assert kinds["Totaal"][ONDERDRUKT_KOLOM] is None
    outcomes = _rows(wb["Uitkomsten"])
    assert outcomes["Totaal"]["verbonden"] == 5


def test_national_workbook(zeeland_data, indeling):
    wb = _workbook(indeling, None)

    assert "Per regio" in wb.sheetnames
    rows = _rows(wb["Per regio"])
    assert rows["Zeeland"]["code"] == "ZK27"
    assert rows["Zeeland"]["verwijzingen"] == 20
    assert len(rows) == 32


def test_the_workbook_has_the_rounded_figures_of_the_api(
    zeeland_data, indeling, zeeland
):
    """An unrounded share would give its denominator away."""
    result = referral_indicators(
        indeling=indeling, regio=zeeland, jaar=JAAR, peildatum=PEILDATUM
    )
    rows = _rows(load_workbook(BytesIO(workbook_bytes(result)))["Per gemeente"])
    published = {a.gemeentecode: a.as_dict() for a in result.indicatoren.gemeenten}
    for code, row in ((r["code"], r) for r in rows.values() if r["code"] in published):
        for heading, attr in (
            ("verwijzingen per 10.000 inwoners", "verwijzingen_per_10k"),
            (
                "aandeel afgesloten met terugkoppeling",
                "aandeel_afgesloten_met_terugkoppeling",
            ),
        ):
            assert row[heading] == published[code][attr]
