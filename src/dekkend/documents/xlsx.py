# SPDX-License-Identifier: EUPL-1.2
"""Tables of the document model as an Excel workbook (openpyxl).

One sheet per table, named safely (at most 31 characters, none of
`[]:*?/\\`, unique without regard to case), a bold and frozen header row,
column widths from `Table.widths` and merged cells for rowspan/colspan.

A cell of style "getal" whose text parses as a number (Dutch "1.234,5" or
plain "1234.5") is written as a number; every other cell is written as
text, always: a value such as "=HYPERLINK(…)", "+31…", "-5" or "@SUM(…)"
must never become a formula (CSV/formula injection), so its data type is
set to string and it gets the quote prefix, which Excel shows as text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from dekkend.documents.docx import grid_positions
from dekkend.documents.model import Table
from dekkend.documents.numbers import parse_getal
from dekkend.spreadsheet import write_text

MAX_SHEET_NAME = 31
_UNSAFE_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def safe_sheet_names(names: Sequence[str]) -> list[str]:
    """Excel-safe, unique sheet names for `names`, in order.

    >>> safe_sheet_names(["Tabel 2: LSP's [2025]", "Tabel 2: LSP's [2025]", ""])
    ["Tabel 2 LSP's 2025", "Tabel 2 LSP's 2025 (2)", 'Blad3']
    """
    out: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(names, start=1):
        base = _UNSAFE_SHEET_CHARS.sub("", name)
        base = re.sub(r"\s+", " ", base).strip().strip("'")
        base = base or f"Blad{i}"
        if base.lower() == "history":  # reserved by Excel
            base = f"{base} (1)"
        candidate = base[:MAX_SHEET_NAME].rstrip()
        n = 2
        while candidate.lower() in seen:
            suffix = f" ({n})"
            candidate = base[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
            n += 1
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def render_xlsx(sheets: Sequence[tuple[str, Table]]) -> bytes:
    """A workbook with one sheet per `(name, table)`. Raises ValueError when
    `sheets` is empty or a row does not fit its table's columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    if not sheets:
        raise ValueError("render_xlsx needs at least one sheet")
    wb = Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    names = safe_sheet_names([name for name, _ in sheets])
    for name, (_, table) in zip(names, sheets, strict=True):
        ws = wb.create_sheet(name)
        for c, column in enumerate(table.columns, start=1):
            cell = ws.cell(row=1, column=c)
            _write_text(cell, column)
            cell.font = bold
            cell.alignment = wrap
        for r, placed in enumerate(grid_positions(table), start=2):
            for col, source in placed:
                cell = ws.cell(row=r, column=col + 1)
                number = parse_getal(source.text) if source.style == "getal" else None
                if number is not None:
                    cell.value = number
                    if isinstance(number, float):
                        cell.number_format = "#,##0.0##"
                    else:
                        cell.number_format = "#,##0"
                else:
                    _write_text(cell, source.text)
                    cell.alignment = wrap
                if source.bold:
                    cell.font = bold
                if source.rowspan > 1 or source.colspan > 1:
                    ws.merge_cells(
                        start_row=r,
                        start_column=col + 1,
                        end_row=min(r + source.rowspan - 1, len(table.rows) + 1),
                        end_column=col + source.colspan,
                    )
        ws.freeze_panes = "A2"
        widths = table.widths or tuple(1.0 for _ in table.columns)
        total = sum(widths) or 1.0
        ncols = max(1, len(table.columns))
        for c, w in enumerate(widths[: len(table.columns)], start=1):
            # About 14 characters per column on average, at least 8, at most 80.
            width = max(8.0, min(80.0, 14.0 * ncols * w / total))
            ws.column_dimensions[get_column_letter(c)].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _write_text(cell: object, text: str) -> None:
    write_text(cell, text)
