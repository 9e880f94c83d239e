# SPDX-License-Identifier: EUPL-1.2
"""Plain context for the indicator page: formatted cells, table rows and the
geometry of the bar charts, so the templates do no arithmetic.

A suppressed cell is shown as `ONDERDRUKT` ("–") and a figure that cannot be
computed (no referrals) as `NIET_BEREKEND`; the page explains both.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from dekkend.monitoring.indicators import AreaIndicators, Cel
from dekkend.monitoring.selectors import VerwijsIndicatoren
from dekkend.referrals.constants import Uitkomst
from dekkend.register.constants import AanbodSoort

ONDERDRUKT = "–"
NIET_BEREKEND = "n.b."


def _number(value: float, decimals: int) -> str:
    # number_format cuts decimals off; round first.
    value = round(value, decimals)
    return number_format(
        value, decimal_pos=decimals, use_l10n=True, force_grouping=True
    )


def _value(cel: Cel) -> float | None:
    return None if cel.waarde is None else float(cel.waarde)


def aantal(cel: Cel) -> str:
    if cel.onderdrukt:
        return ONDERDRUKT
    return NIET_BEREKEND if cel.waarde is None else _number(cel.waarde, 0)


def getal(cel: Cel, decimals: int = 1) -> str:
    if cel.onderdrukt:
        return ONDERDRUKT
    return NIET_BEREKEND if cel.waarde is None else _number(cel.waarde, decimals)


def procent(cel: Cel) -> str:
    if cel.onderdrukt:
        return ONDERDRUKT
    if cel.waarde is None:
        return NIET_BEREKEND
    return f"{_number(100 * cel.waarde, 0)}%"


@dataclass(frozen=True)
class Rij:
    """One row of the table: a gemeente, a region or the total."""

    naam: str
    inwoners: str
    verwijzingen: str
    per_10k: str
    streefwaarde: str  # target count for the period
    van_streefwaarde: str
    mediaan_dagen: str
    terugkoppeling_op_tijd: str
    afgesloten_met_terugkoppeling: str
    te_laat: str
    onderdrukt: bool  # some cell of the row is hidden


def rij(naam: str, area: AreaIndicators) -> Rij:
    cells = (
        area.verwijzingen,
        area.verwijzingen_per_10k,
        area.mediaan_dagen_tot_eerste_contact,
        area.aandeel_eerste_terugkoppeling_op_tijd,
        area.aandeel_afgesloten_met_terugkoppeling,
        area.te_laat_zonder_terugkoppeling,
    )
    return Rij(
        naam=naam,
        inwoners=_number(area.inwoners, 0),
        verwijzingen=aantal(area.verwijzingen),
        per_10k=getal(area.verwijzingen_per_10k),
        streefwaarde=_number(area.streefwaarde_verwijzingen, 0),
        van_streefwaarde=procent(area.aandeel_van_streefwaarde),
        mediaan_dagen=getal(area.mediaan_dagen_tot_eerste_contact),
        terugkoppeling_op_tijd=procent(area.aandeel_eerste_terugkoppeling_op_tijd),
        afgesloten_met_terugkoppeling=procent(
            area.aandeel_afgesloten_met_terugkoppeling
        ),
        te_laat=aantal(area.te_laat_zonder_terugkoppeling),
        onderdrukt=any(c.onderdrukt for c in cells),
    )


# -- bar charts ----------------------------------------------------------------

LABEL_BREEDTE = 210  # px reserved for the names
STAAF_BREEDTE = 400  # px for the longest bar
TEKST_RUIMTE = 90  # px right of the bars for the value
RIJ_HOOGTE = 24
STAAF_HOOGTE = 16
BOVEN = 26  # room for the label of the target line


@dataclass(frozen=True)
class Staaf:
    label: str
    tekst: str
    y: int  # top of the row
    staaf_y: int
    tekst_y: int
    breedte: float
    tekst_x: float
    onderdrukt: bool


@dataclass(frozen=True)
class Streeflijn:
    x: float
    y1: int
    y2: int
    label: str


@dataclass(frozen=True)
class Staafdiagram:
    """A horizontal bar chart as SVG coordinates (viewBox units)."""

    id: str
    titel: str
    beschrijving: str
    breedte: int
    hoogte: int
    staaf_x: int
    label_x: int  # right edge of the names
    staaf_hoogte: int
    staven: tuple[Staaf, ...]
    streeflijn: Streeflijn | None


def staafdiagram(
    *,
    id: str,
    titel: str,
    beschrijving: str,
    items: Sequence[tuple[str, float | None, str, bool]],
    streefwaarde: float | None = None,
    streef_label: str = "",
) -> Staafdiagram:
    """Bars for (label, value, text, suppressed), scaled so the largest value
    or the target fits; a missing value draws no bar, only its text."""
    values = [v for _, v, _, _ in items if v is not None]
    top = max([*values, streefwaarde or 0.0, 0.0])
    scale = STAAF_BREEDTE / (top * 1.05) if top > 0 else 0.0
    staven = []
    for i, (label, value, tekst, onderdrukt) in enumerate(items):
        y = BOVEN + i * RIJ_HOOGTE
        width = round((value or 0.0) * scale, 1)
        staven.append(
            Staaf(
                label=label,
                tekst=tekst,
                y=y,
                staaf_y=y + (RIJ_HOOGTE - STAAF_HOOGTE) // 2,
                tekst_y=y + RIJ_HOOGTE // 2 + 5,
                breedte=width,
                tekst_x=round(LABEL_BREEDTE + width + 6, 1),
                onderdrukt=onderdrukt,
            )
        )
    hoogte = BOVEN + len(items) * RIJ_HOOGTE + 8
    lijn = None
    if streefwaarde is not None and scale:
        lijn = Streeflijn(
            x=round(LABEL_BREEDTE + streefwaarde * scale, 1),
            y1=BOVEN - 6,
            y2=hoogte - 4,
            label=streef_label,
        )
    return Staafdiagram(
        id=id,
        titel=titel,
        beschrijving=beschrijving,
        breedte=LABEL_BREEDTE + STAAF_BREEDTE + TEKST_RUIMTE,
        hoogte=hoogte,
        staaf_x=LABEL_BREEDTE,
        label_x=LABEL_BREEDTE - 8,
        staaf_hoogte=STAAF_HOOGTE,
        staven=tuple(staven),
        streeflijn=lijn,
    )


def soort_label(code: str) -> str:
    return str(AanbodSoort(code).label) if code in AanbodSoort.values else code


def uitkomst_label(code: str) -> str:
    return str(Uitkomst(code).label) if code in Uitkomst.values else code


def page(result: VerwijsIndicatoren) -> dict[str, object]:
    """The context of the indicator page for one result."""
    ind = result.indicatoren
    params = ind.parameters
    totaal = ind.totaal
    rijen = [rij(result.namen.get(a.gemeentecode or "", ""), a) for a in ind.gemeenten]
    streef = params.streefwaarde_per_10k
    per_10k = staafdiagram(
        id="grafiek-per-10k",
        titel=_("Verwijzingen per 10.000 inwoners per jaar"),
        beschrijving=_(
            "Staafdiagram met per %(gebied)s het aantal verwijzingen per 10.000 "
            "inwoners; de verticale lijn is de streefwaarde van %(streef)s. "
            "De cijfers staan ook in de tabel."
        )
        % {
            "gebied": _("regio") if result.landelijk else _("gemeente"),
            "streef": _number(streef, 0),
        },
        items=[
            (
                r.naam,
                _value(a.verwijzingen_per_10k),
                r.per_10k,
                a.verwijzingen_per_10k.onderdrukt,
            )
            for r, a in zip(rijen, ind.gemeenten, strict=True)
        ],
        streefwaarde=streef,
        streef_label=_("streefwaarde %(streef)s") % {"streef": _number(streef, 0)},
    )

    def totals(
        pairs: tuple[tuple[str, Cel], ...],
        label: Callable[[str], str],
        id: str,
        titel: str,
    ) -> tuple[Staafdiagram, list[tuple[str, str]]]:
        rows = [(label(code), aantal(cel)) for code, cel in pairs]
        chart = staafdiagram(
            id=id,
            titel=titel,
            beschrijving=_(
                "Staafdiagram van het totaal; de aantallen staan ook in de tabel."
            ),
            items=[
                (
                    name,
                    _value(cel),
                    text,
                    cel.onderdrukt,
                )
                for (name, text), (_code, cel) in zip(rows, pairs, strict=True)
            ],
        )
        return chart, rows

    verbindingen, verbindingen_rijen = totals(
        totaal.verbindingen_per_soort,
        soort_label,
        "grafiek-verbindingen",
        _("Verwijzingen met een verbinding, per soort aanbod"),
    )
    uitkomsten, uitkomsten_rijen = totals(
        totaal.uitkomsten,
        uitkomst_label,
        "grafiek-uitkomsten",
        _("Afgesloten verwijzingen per uitkomst"),
    )
    return {
        "result": result,
        "parameters": params,
        "totaal": rij(_("Totaal"), totaal),
        "rijen": rijen,
        "grafiek_per_10k": per_10k,
        "grafiek_verbindingen": verbindingen,
        "verbindingen_rijen": verbindingen_rijen,
        "grafiek_uitkomsten": uitkomsten,
        "uitkomsten_rijen": uitkomsten_rijen,
        "streefwaarde": _number(streef, 0),
        "termijnen": ", ".join(str(t) for t in result.termijnen_werkdagen),
        "drempel": params.drempel,
        "onderdrukt": ONDERDRUKT,
        "niet_berekend": NIET_BEREKEND,
        "ergens_onderdrukt": any(r.onderdrukt for r in rijen)
        or rij("", totaal).onderdrukt,
    }
