# SPDX-License-Identifier: EUPL-1.2
"""The workbook: text never becomes a formula, numbers are numbers, sheet
names are safe and unique, the header is bold and frozen, rowspans merge."""

import io

import openpyxl
import pytest

from dekkend.documents.model import Cell, Table
from dekkend.documents.tests.samples import IST_SOLL_GAP, MIJLPALEN
from dekkend.documents.xlsx import render_xlsx, safe_sheet_names

DANGEROUS = ("=1+1", "+31 6 1234", "-2+3", "@SUM(A1:A2)", '=HYPERLINK("http://x")')


def _open(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_formula_like_text_stays_text() -> None:
    table = Table(
        columns=("=kop", "waarde"),
        rows=tuple((Cell(t), Cell(t, style="getal")) for t in DANGEROUS),
    )
    ws = _open(render_xlsx([("Gevaar", table)]))["Gevaar"]
    assert ws["A1"].value == "=kop" and ws["A1"].data_type == "s"
    for r, text in enumerate(DANGEROUS, start=2):
        for col in "AB":
            cell = ws[f"{col}{r}"]
            assert cell.value == text and cell.data_type == "s", (col, text)
    # And the XML holds them as strings, not <f> formulas.
    import zipfile

    data = render_xlsx([("Gevaar", table)])
    sheet = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet


def test_numbers_are_numbers() -> None:
    table = Table(
        columns=("naam", "aantal"),
        rows=(
            (Cell("Zeeland"), Cell("13", style="getal")),
            (Cell("Twente"), Cell("1.234,5", style="getal")),
            (Cell("Utrecht"), Cell("0.25", style="getal")),
            (Cell("Onbekend"), Cell("n.b.", style="getal")),
            (Cell("Tekst"), Cell("42")),
        ),
    )
    ws = _open(render_xlsx([("Getallen", table)]))["Getallen"]
    assert [ws[f"B{r}"].value for r in range(2, 7)] == [13, 1234.5, 0.25, "n.b.", "42"]
    assert [ws[f"B{r}"].data_type for r in range(2, 7)] == ["n", "n", "n", "s", "s"]


def test_sheet_names_are_safe_and_unique() -> None:
    names = safe_sheet_names(
        [
            "Tabel 2: LSP's per regio [2025] in alle provincies van Nederland",
            "Tabel 2: LSP's per regio [2025] in alle provincies van Nederland",
            "a/b\\c?d*e",
            "",
            "A/B\\C?D*E",
            "History",
        ]
    )
    assert all(len(n) <= 31 for n in names)
    assert all(not set(n) & set("[]:*?/\\") for n in names)
    assert len({n.lower() for n in names}) == len(names)
    assert names[2] == "abcde" and names[4] == "ABCDE (2)" and names[3] == "Blad4"
    assert names[5] != "History"
    data = render_xlsx([(n, MIJLPALEN) for n in ["x" * 40, "x" * 40, "a:b"]])
    assert _open(data).sheetnames == ["x" * 31, "x" * 27 + " (2)", "ab"]


def test_header_is_bold_and_frozen_and_rowspans_merge() -> None:
    wb = _open(render_xlsx([("IST SOLL GAP", IST_SOLL_GAP), ("Mijlpalen", MIJLPALEN)]))
    ws = wb["IST SOLL GAP"]
    assert [c.value for c in ws[1]] == list(IST_SOLL_GAP.columns)
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A2:A3", "A4:A5"]
    assert [ws[f"A{r}"].value for r in range(2, 7)] == [
        "IST",
        None,
        "SOLL",
        None,
        "GAP",
    ]
    assert ws["C3"].value == "Niet <bekend> & onzeker"
    assert ws["A2"].font.b
    # Widths follow Table.widths (1 : 2 : 4).
    a, b, c = (ws.column_dimensions[x].width for x in "ABC")
    assert a < b < c
    assert wb["Mijlpalen"]["D3"].data_type == "s"


def test_no_sheets_is_an_error() -> None:
    with pytest.raises(ValueError):
        render_xlsx([])
