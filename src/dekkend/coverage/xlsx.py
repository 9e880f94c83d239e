# SPDX-License-Identifier: EUPL-1.2
"""The analysis as an Excel workbook: one sheet per table, with the
parameters and their sources on a sheet of their own.

Sheet names and headings are translated (Dutch by default, English when the
request is); the columns of the gemeenten sheet keep the field names of the
CSV export. Every cell is written through `dekkend.spreadsheet`, so text from
users (a reason for a deviation, a name) is never read as a formula.
"""

import io
from typing import Any

from django.utils.translation import gettext as _

from dekkend.spreadsheet import write_rows


def workbook_bytes(data: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from dekkend.coverage.tables import gemeente_rows

    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = _("Samenvatting")
    lines: list[list[Any]] = [
        [_("Regio"), data["regio"]],
        [_("Indeling"), data["division"]],
        [_("Peildatum"), data["peildatum"]],
        [_("Inwoners"), data["inwoners"]],
    ]
    for t, n in data["lsp_per_type"].items():
        lines.append([_("LSP %(type)s") % {"type": t}, n])
    lines.append([_("Gemeenten zonder LSP"), len(data["gemeenten_zonder_lsp"])])
    for k, v in data["aandeel_inwoners_binnen_km"].items():
        lines.append([_("Aandeel inwoners binnen %(km)s km") % {"km": k}, v])
    lines.append([_("Behoefte (personen)"), data["behoefte_personen"]])
    lines.append([_("Capaciteit (personen)"), data["capaciteit_personen"]])
    if "analyse" in data:
        lines.append([_("Analyserun"), data["analyse"]["run"]])
        lines.append([_("Codeversie"), data["analyse"]["codeversie"]])
    write_rows(summary, lines)

    sheets: dict[str, list[list[Any]]] = {
        _("Gemeenten"): gemeente_rows(data),
        _("Streefwaarden"): [
            [
                _("basisfunctionaliteit"),
                _("indicator"),
                _("omschrijving"),
                _("waarde"),
                _("eenheid"),
                _("bron"),
            ]
        ]
        + [
            [bf, key, sw["label"], sw["waarde"], sw["eenheid"], sw["bron"]]
            for bf, values in data["streefwaarden"].items()
            for key, sw in values.items()
        ],
        _("Parameters"): [
            [
                _("parameter"),
                _("omschrijving"),
                _("waarde"),
                _("eenheid"),
                _("bron"),
                _("standaard"),
                _("reden afwijking"),
            ]
        ]
        + [
            [
                key,
                p["omschrijving"],
                p["waarde"],
                p["eenheid"],
                p["bron"],
                p.get("standaard", p["waarde"]),
                p.get("afwijking", {}).get("reden", ""),
            ]
            for key, p in data["parameters"].items()
        ],
    }
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        write_rows(ws, rows)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for i, _column in enumerate(rows[0], start=1):
            ws.column_dimensions[get_column_letter(i)].width = 18
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
