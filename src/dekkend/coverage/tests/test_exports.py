# SPDX-License-Identifier: EUPL-1.2
"""Exports of a region's analysis: the Excel workbook, CSV and JSON carry the
same numbers as `dekkend coverage --json` (inhabitants, gemeenten, targets,
parameters)."""

import csv
import io
import json
from datetime import date
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from dekkend.accounts.roles import role_group
from dekkend.coverage.analysis.parameters import DEFAULTS
from dekkend.coverage.services import analysis_run, parameter_afwijking_record
from dekkend.coverage.xlsx import workbook_bytes
from dekkend.regions.constants import INDELING_GGD, INDELING_ZORGKANTOOR
from dekkend.regions.models import Regio, RegioLid
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ZEELAND_URL = "/dekking/zorgkantoorregio-2025/ZK27/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def cli() -> dict[str, Any]:
    """The CLI's JSON of Zeeland, without the stored-run block."""
    out = StringIO()
    call_command(
        "coverage",
        "--division",
        INDELING_ZORGKANTOOR,
        "--regio",
        "Zeeland",
        "--json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert "analyse" in data
    del data["analyse"]
    return data


def _get(formaat: str, base: str = ZEELAND_URL):
    response = Client().get(f"{base}export.{formaat}")
    assert response.status_code == 200, response.content[:300]
    return response


def _sheet(wb: Any, name: str) -> list[list[Any]]:
    return [list(row) for row in wb[name].iter_rows(values_only=True)]


# --- XLSX --------------------------------------------------------------------


@pytest.fixture
def workbook() -> Any:
    response = _get("xlsx")
    assert response["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(response.content), read_only=False)


def test_xlsx_has_the_four_sheets(workbook):
    assert workbook.sheetnames == [
        "Samenvatting",
        "Gemeenten",
        "Streefwaarden",
        "Parameters",
    ]


def test_xlsx_summary_matches_the_json(workbook, cli):
    summary = {row[0]: row[1] for row in _sheet(workbook, "Samenvatting")}
    assert summary["Regio"] == "Zeeland"
    assert summary["Indeling"] == INDELING_ZORGKANTOOR
    assert summary["Peildatum"] == cli["peildatum"]
    assert summary["Inwoners"] == cli["inwoners"] == 391_634
    assert summary["LSP onbekend"] == 12
    assert summary["Gemeenten zonder LSP"] == len(cli["gemeenten_zonder_lsp"]) == 4
    for km, share in cli["aandeel_inwoners_binnen_km"].items():
        assert summary[f"Aandeel inwoners binnen {km} km"] == pytest.approx(share)


def test_xlsx_gemeenten_match_the_json(workbook, cli):
    header, *rows = _sheet(workbook, "Gemeenten")
    assert header[:3] == ["gemeentecode", "gemeentenaam", "inwoners"]
    assert len(rows) == 13
    assert sum(r[2] for r in rows) == 391_634
    by_code = {g["gemeentecode"]: g for g in cli["gemeenten"]}
    col = {name: i for i, name in enumerate(header)}
    for row in rows:
        g = by_code[row[col["gemeentecode"]]]
        assert row[col["inwoners"]] == g["inwoners"]
        assert row[col["lsp_onbekend"]] == g["lsp_per_type"]["onbekend"]
        assert row[col["heeft_lsp"]] == g["heeft_lsp"]
        assert (
            row[col["afstand_km_dichtstbijzijnde_lsp"]]
            == g["afstand_km_dichtstbijzijnde_lsp"]
        )
        assert row[col["geadviseerd_type"]] == g["geadviseerd_type"]


def test_xlsx_targets_match_the_json(workbook, cli):
    header, *rows = _sheet(workbook, "Streefwaarden")
    assert header == [
        "basisfunctionaliteit",
        "indicator",
        "omschrijving",
        "waarde",
        "eenheid",
        "bron",
    ]
    expected = {
        (bf, key): sw
        for bf, values in cli["streefwaarden"].items()
        for key, sw in values.items()
    }
    assert {(r[0], r[1]) for r in rows} == set(expected)
    for bf, key, label, waarde, eenheid, bron in rows:
        assert waarde == pytest.approx(expected[(bf, key)]["waarde"])
        assert label == expected[(bf, key)]["label"]
        assert eenheid == expected[(bf, key)]["eenheid"]
        assert bron and bron == expected[(bf, key)]["bron"]
    verwijzingen = next(r for r in rows if r[1] == "verwijzingen_per_jaar")
    assert verwijzingen[3] == pytest.approx(round(391_634 * 60 / 10_000, 3))


def test_xlsx_parameters_have_values_and_sources(workbook, cli):
    header, *rows = _sheet(workbook, "Parameters")
    assert header[:5] == ["parameter", "omschrijving", "waarde", "eenheid", "bron"]
    assert [r[0] for r in rows] == [p.key for p in DEFAULTS]
    for row in rows:
        assert row[2] == pytest.approx(cli["parameters"][row[0]]["waarde"])
        assert row[4]


def test_xlsx_parameters_show_a_deviation_with_its_reason():
    zeeland = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, code="ZK27")
    user = UserFactory()
    user.groups.add(role_group("regio"))
    RegioLid.objects.create(user=user, regio=zeeland)
    parameter_afwijking_record(
        user=user,
        regio=zeeland,
        sleutel="capaciteit_onbekend",
        waarde=100,
        reden="Geteld in 2025",
    )
    wb = load_workbook(io.BytesIO(_get("xlsx").content))
    header, *rows = _sheet(wb, "Parameters")
    values = next(r for r in rows if r[0] == "capaciteit_onbekend")
    row = dict(zip(header, values, strict=True))
    assert row["waarde"] == 100
    assert row["standaard"] == 35
    assert row["reden afwijking"] == "Geteld in 2025"


def test_xlsx_of_a_stored_run_cites_the_run():
    zeeland = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, code="ZK27")
    data, run = analysis_run(
        indeling=zeeland.indeling, regio=zeeland, peildatum=date(2025, 11, 1)
    )
    assert run is not None
    wb = load_workbook(io.BytesIO(workbook_bytes(data)))
    summary = {row[0]: row[1] for row in _sheet(wb, "Samenvatting")}
    assert summary["Analyserun"] == run.pk
    assert summary["Codeversie"] == run.code_version
    assert summary["Peildatum"] == "2025-11-01"


# --- CSV and JSON ------------------------------------------------------------


def test_csv_has_a_header_and_one_row_per_gemeente(cli):
    response = _get("csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    header, *rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert header[:3] == ["gemeentecode", "gemeentenaam", "inwoners"]
    assert "aandeel_binnen_10_km" in header
    assert len(rows) == 13
    assert all(len(r) == len(header) for r in rows)
    assert sum(int(r[2]) for r in rows) == 391_634
    assert [r[0] for r in rows] == [g["gemeentecode"] for g in cli["gemeenten"]]


def test_json_export_equals_the_cli_json(cli):
    response = _get("json")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == (
        f'attachment; filename="dekking-{INDELING_ZORGKANTOOR}-ZK27-'
        f'{cli["peildatum"]}.json"'
    )
    assert json.loads(response.content) == cli


def test_export_of_a_ggd_region_with_a_slash_in_its_code():
    base = reverse(
        "coverage:regio",
        kwargs={"indeling": INDELING_GGD, "code": "GGD Zaanstreek/Waterland"},
    )
    data = json.loads(_get("json", base).content)
    assert data["regio"] == "GGD Zaanstreek/Waterland"
    assert data["gemeenten"]


def test_unknown_format_or_region_is_404():
    assert Client().get(f"{ZEELAND_URL}export.pdf").status_code == 404
    assert (
        Client().get("/dekking/zorgkantoorregio-2025/ZK99/export.csv").status_code
        == 404
    )
