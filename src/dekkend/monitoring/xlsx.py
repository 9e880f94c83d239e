# SPDX-License-Identifier: EUPL-1.2
"""The referral indicators as an Excel workbook: an explanation sheet, one
row per gemeente (or region) plus the total, and the connections per kind
and the outcomes as sheets of their own.

Suppressed cells are left empty and named in the column "niet getoond" of
their row, so nobody reads an empty cell as zero. Same figures as the page,
the API and `dekkend referral-indicators`. Sheet names and headings are
translated (Dutch by default, English when the request is); every cell is
written through `dekkend.spreadsheet`, so a name is never read as a formula.
"""

import io
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dekkend.monitoring.indicators import AreaIndicators, Cel
from dekkend.monitoring.selectors import VerwijsIndicatoren
from dekkend.spreadsheet import write_rows

ONDERDRUKT_KOLOM = gettext_lazy("niet getoond (kleine aantallen)")

# (heading, attribute, number format)
MATEN: tuple[tuple[Any, str, str], ...] = (
    (gettext_lazy("verwijzingen"), "verwijzingen", "#,##0"),
    (gettext_lazy("verwijzingen per 10.000 inwoners"), "verwijzingen_per_10k", "0.0"),
    (gettext_lazy("aandeel van streefwaarde"), "aandeel_van_streefwaarde", "0%"),
    (
        gettext_lazy("mediaan dagen tot eerste contact"),
        "mediaan_dagen_tot_eerste_contact",
        "0.0",
    ),
    (
        gettext_lazy("aandeel eerste terugkoppeling op tijd"),
        "aandeel_eerste_terugkoppeling_op_tijd",
        "0%",
    ),
    (
        gettext_lazy("aandeel afgesloten met terugkoppeling"),
        "aandeel_afgesloten_met_terugkoppeling",
        "0%",
    ),
    (
        gettext_lazy("nu te laat zonder terugkoppeling"),
        "te_laat_zonder_terugkoppeling",
        "#,##0",
    ),
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
        ", ".join(str(h) for h, attr, _ in MATEN if published[f"{attr}_onderdrukt"])
        or None
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
    out: list[list[Any]] = [[_("code"), _("naam"), *codes, ONDERDRUKT_KOLOM]]
    areas = [(a, result.namen.get(a.gemeentecode or "", "")) for a in ind.gemeenten]
    for area, naam in (*areas, (ind.totaal, _("Totaal"))):
        values, hidden = _cells(list(pairs_of(area)))
        out.append([area.gemeentecode or "", naam, *values, hidden])
    return out


def workbook_bytes(result: VerwijsIndicatoren) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ind = result.indicatoren
    params = ind.parameters
    per_gebied = _("Per regio") if result.landelijk else _("Per gemeente")
    wb = Workbook()
    info = wb.active
    assert info is not None
    info.title = _("Toelichting")
    regio = _("alle regio's") if result.regio is None else result.regio.naam
    periode = _("%(start)s t/m %(end)s") % {
        "start": params.start.isoformat(),
        "end": params.end.isoformat(),
    }
    afronding = _(
        "Aantallen per gemeente afgerond op veelvouden van %(drempel)s; een regio "
        "en het totaal zijn de som van de afgeronde gemeenten."
    ) % {"drempel": params.drempel}
    niet_getoond = _(
        "Lege cel: een percentage of mediaan over minder dan %(drempel)s "
        "verwijzingen. De kolom 'niet getoond' noemt ze per rij."
    ) % {"drempel": params.drempel}
    write_rows(
        info,
        (
            [_("Indeling"), result.indeling.titel],
            [_("Regio"), regio],
            [_("Jaar"), result.jaar],
            [_("Periode"), periode],
            [_("Peildatum"), result.peildatum.isoformat()],
            [
                _("Streefwaarde per 10.000 inwoners per jaar"),
                params.streefwaarde_per_10k,
            ],
            [_("Bron streefwaarde"), _("Handreiking Sociaal verwijzen (003) §7")],
            [
                _("Termijn eerste terugkoppeling (werkdagen)"),
                ", ".join(str(t) for t in result.termijnen_werkdagen),
            ],
            [_("Drempel kleine aantallen"), params.drempel],
            [_("Afronding"), afronding],
            [_("Niet getoond"), niet_getoond],
        ),
    )
    info.column_dimensions["A"].width = 44
    info.column_dimensions["B"].width = 60

    heading = [
        _("code"),
        _("naam"),
        _("inwoners"),
        _("streefwaarde (aantal)"),
        *(h for h, _, _ in MATEN),
        ONDERDRUKT_KOLOM,
    ]
    rows: list[list[Any]] = [heading]
    formats: list[str] = []
    for area in ind.gemeenten:
        code = area.gemeentecode or ""
        row, formats = _area_row(code, result.namen.get(code, ""), area)
        rows.append(row)
    total, formats = _area_row("", _("Totaal"), ind.totaal)
    rows.append(total)

    sheets = {
        per_gebied: rows,
        _("Verbindingen per soort"): _per_code(
            result, lambda a: a.verbindingen_per_soort
        ),
        _("Uitkomsten"): _per_code(result, lambda a: a.uitkomsten),
    }
    for title, content in sheets.items():
        ws = wb.create_sheet(title)
        write_rows(ws, content)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "C2"
        for i, _column in enumerate(content[0], start=1):
            ws.column_dimensions[get_column_letter(i)].width = 18
        if title == per_gebied:
            for offset, fmt in enumerate(formats, start=5):
                for (cell,) in ws.iter_rows(min_row=2, min_col=offset, max_col=offset):
                    cell.number_format = fmt
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
