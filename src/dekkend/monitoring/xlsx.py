# SPDX-License-Identifier: EUPL-1.2
"""The referral indicators as an Excel workbook: an explanation sheet, one
row per gemeente (or region) plus the total, and the connections per kind
and the outcomes as sheets of their own.

Suppressed cells are left empty and named in the column "niet getoond" of
their row, so nobody reads an empty cell as zero. Same figures as the page,
the API and `dekkend referral-indicators`.
"""

import io
from collections.abc import Callable
from typing import Any

from dekkend.monitoring.indicators import AreaIndicators, Cel
from dekkend.monitoring.selectors import VerwijsIndicatoren

ONDERDRUKT_KOLOM = "niet getoond (kleine aantallen)"

# (heading, attribute, number format)
MATEN: tuple[tuple[str, str, str], ...] = (
    ("verwijzingen", "verwijzingen", "#,##0"),
    ("verwijzingen per 10.000 inwoners", "verwijzingen_per_10k", "0.0"),
    ("aandeel van streefwaarde", "aandeel_van_streefwaarde", "0%"),
    (
        "mediaan dagen tot eerste contact",
        "mediaan_dagen_tot_eerste_contact",
        "0.0",
    ),
    (
        "aandeel eerste terugkoppeling op tijd",
        "aandeel_eerste_terugkoppeling_op_tijd",
        "0%",
    ),
    (
        "aandeel afgesloten met terugkoppeling",
        "aandeel_afgesloten_met_terugkoppeling",
        "0%",
    ),
    ("nu te laat zonder terugkoppeling", "te_laat_zonder_terugkoppeling", "#,##0"),
)


def _cells(cells: list[tuple[str, Cel]]) -> tuple[list[Any], str | None]:
    """The values (None where hidden) and the names of the hidden ones."""
    values = [cel.waarde for _, cel in cells]
    hidden = ", ".join(name for name, cel in cells if cel.onderdrukt)
    return values, hidden or None


def _area_row(
    code: str, naam: str, area: AreaIndicators
) -> tuple[list[Any], list[str]]:
    # The rounded values of the API: an unrounded share such as 0.857142…
    # would give away its denominator.
    published = area.as_dict()
    values = [published[attr] for _, attr, _ in MATEN]
    hidden = (
        ", ".join(h for h, attr, _ in MATEN if published[f"{attr}_onderdrukt"]) or None
    )
    row = [code, naam, area.inwoners, round(area.streefwaarde_verwijzingen, 1)]
    return [*row, *values, hidden], [f for _, _, f in MATEN]


def _per_code(
    result: VerwijsIndicatoren,
    pairs_of: Callable[[AreaIndicators], tuple[tuple[str, Cel], ...]],
) -> list[list[Any]]:
    """One row per area with a count per code (kind of offer, outcome)."""
    ind = result.indicatoren
    codes = [code for code, _ in pairs_of(ind.totaal)]
    out: list[list[Any]] = [["code", "naam", *codes, ONDERDRUKT_KOLOM]]
    areas = [(a, result.namen.get(a.gemeentecode or "", "")) for a in ind.gemeenten]
    for area, naam in (*areas, (ind.totaal, "Totaal")):
        values, hidden = _cells(list(pairs_of(area)))
        out.append([area.gemeentecode or "", naam, *values, hidden])
    return out


def workbook_bytes(result: VerwijsIndicatoren) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ind = result.indicatoren
    params = ind.parameters
    gebied = "regio" if result.landelijk else "gemeente"
    wb = Workbook()
    info = wb.active
    assert info is not None
    info.title = "Toelichting"
    for row in (
        ["Indeling", result.indeling.titel],
        ["Regio", "alle regio's" if result.regio is None else result.regio.naam],
        ["Jaar", result.jaar],
        ["Periode", f"{params.start.isoformat()} t/m {params.end.isoformat()}"],
        ["Peildatum", result.peildatum.isoformat()],
        ["Streefwaarde per 10.000 inwoners per jaar", params.streefwaarde_per_10k],
        ["Bron streefwaarde", "Handreiking Sociaal verwijzen (003) §7"],
        [
            "Termijn eerste terugkoppeling (werkdagen)",
            ", ".join(str(t) for t in result.termijnen_werkdagen),
        ],
        ["Drempel kleine aantallen", params.drempel],
        [
            "Afronding",
            f"Aantallen per gemeente afgerond op veelvouden van {params.drempel}; "
            "een regio en het totaal zijn de som van de afgeronde gemeenten.",
        ],
        [
            "Niet getoond",
            f"Lege cel: een percentage of mediaan over minder dan {params.drempel} "
            "verwijzingen. De kolom 'niet getoond' noemt ze per rij.",
        ],
    ):
        info.append(row)
    info.column_dimensions["A"].width = 44
    info.column_dimensions["B"].width = 60

    heading = [
        "code",
        "naam",
        "inwoners",
        "streefwaarde (aantal)",
        *(h for h, _, _ in MATEN),
        ONDERDRUKT_KOLOM,
    ]
    rows: list[list[Any]] = [heading]
    formats: list[str] = []
    for area in ind.gemeenten:
        code = area.gemeentecode or ""
        row, formats = _area_row(code, result.namen.get(code, ""), area)
        rows.append(row)
    total, formats = _area_row("", "Totaal", ind.totaal)
    rows.append(total)

    sheets = {
        f"Per {gebied}": rows,
        "Verbindingen per soort": _per_code(result, lambda a: a.verbindingen_per_soort),
        "Uitkomsten": _per_code(result, lambda a: a.uitkomsten),
    }
    for title, content in sheets.items():
        ws = wb.create_sheet(title)
        for row in content:
            ws.append(row)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "C2"
        for i, _ in enumerate(content[0], start=1):
            ws.column_dimensions[get_column_letter(i)].width = 18
        if title == f"Per {gebied}":
            for offset, fmt in enumerate(formats, start=5):
                for (cell,) in ws.iter_rows(min_row=2, min_col=offset, max_col=offset):
                    cell.number_format = fmt
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
