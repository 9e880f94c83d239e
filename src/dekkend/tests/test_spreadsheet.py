# SPDX-License-Identifier: EUPL-1.2
"""`dekkend.spreadsheet`: text that looks like a formula is written as text
(data type string, quote prefix) and no formula element reaches the file."""

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from dekkend.spreadsheet import write_rows

FORMULAS = [
    '=HYPERLINK("http://example.invalid","klik")',
    "+31 6 12345678",
    "-5",
    "@SUM(A1:A2)",
    "\t=1+1",
]


def _saved(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    write_rows(ws, rows)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_like_text_stays_text(text: str) -> None:
    data = _saved([["kop"], [text]])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    cell = load_workbook(io.BytesIO(data)).active["A2"]  # type: ignore[index]
    assert cell.data_type == "s"
    assert cell.value == text
    assert cell.quotePrefix is True


def test_numbers_stay_numbers_and_plain_text_has_no_prefix() -> None:
    data = _saved([["Groningen", 245_000, 0.25, None, True]])
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None
    a, b, c, d, e = next(ws.iter_rows(min_row=1, max_row=1))
    assert (a.value, a.data_type, a.quotePrefix) == ("Groningen", "s", False)
    assert (b.value, b.data_type) == (245_000, "n")
    assert c.value == 0.25 and d.value is None and e.value is True


def test_characters_xml_forbids_are_dropped() -> None:
    ws = load_workbook(io.BytesIO(_saved([["a\x0bb\x00c"]]))).active
    assert ws is not None
    assert ws["A1"].value == "abc"
