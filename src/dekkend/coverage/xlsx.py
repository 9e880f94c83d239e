# SPDX-License-Identifier: EUPL-1.2
"""The analysis as an Excel workbook: one sheet per table, with the
parameters and their sources on a sheet of their own."""

import io
from typing import Any


def workbook_bytes(data: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from dekkend.coverage.tables import gemeente_rows

    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Samenvatting"
    summary.append(["Regio", data["regio"]])
    summary.append(["Indeling", data["division"]])
    summary.append(["Peildatum", data["peildatum"]])
    summary.append(["Inwoners", data["inwoners"]])
    for t, n in data["lsp_per_type"].items():
        summary.append([f"LSP {t}", n])
    summary.append(["Gemeenten zonder LSP", len(data["gemeenten_zonder_lsp"])])
    for k, v in data["aandeel_inwoners_binnen_km"].items():
        summary.append([f"Aandeel inwoners binnen {k} km", v])
    summary.append(["Behoefte (personen)", data["behoefte_personen"]])
    summary.append(["Capaciteit (personen)", data["capaciteit_personen"]])
    if "analyse" in data:
        summary.append(["Analyserun", data["analyse"]["run"]])
        summary.append(["Codeversie", data["analyse"]["codeversie"]])

    sheets: dict[str, list[list[Any]]] = {
        "Gemeenten": gemeente_rows(data),
        "Streefwaarden": [
            [
                "basisfunctionaliteit",
                "indicator",
                "omschrijving",
                "waarde",
                "eenheid",
                "bron",
            ]
        ]
        + [
            [bf, key, sw["label"], sw["waarde"], sw["eenheid"], sw["bron"]]
            for bf, values in data["streefwaarden"].items()
            for key, sw in values.items()
        ],
        "Parameters": [
            [
                "parameter",
                "omschrijving",
                "waarde",
                "eenheid",
                "bron",
                "standaard",
                "reden afwijking",
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
        for row in rows:
            ws.append(row)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for i, _ in enumerate(rows[0], start=1):
            ws.column_dimensions[get_column_letter(i)].width = 18
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
