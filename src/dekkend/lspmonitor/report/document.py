# SPDX-License-Identifier: EUPL-1.2
"""The LSP monitor report as a `documents.Document`, and its XLSX.

`rapport_document(invoer)` lays the figures of `report.tables` and
`report.graphs` out in the order of the 2025 report (001): introduction and
method with the round's own numbers, the response (Table 2), the LSPs per
type (Tables 3 and 4), the kenmerken (graph 1), cooperation (graphs 2–6),
the change since the previous round and Annex A. Charts come from
`documents.charts.bar_chart`, so the page, the PDF and the DOCX show the same
SVG. `rapport_xlsx(invoer)` writes every table to a sheet of its own.

The report names locations, organisations, gemeenten and regions, never a
respondent: no names, no e-mail addresses and no free-text answers (which
may contain them). What does not belong here: computing figures (`tables`,
`graphs`) and reading the database (`inputs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.utils.translation import ngettext

from dekkend.documents.model import (
    Block,
    BulletList,
    Cell,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from dekkend.documents.numbers import format_getal
from dekkend.lspmonitor.report import graphs, tables
from dekkend.lspmonitor.report.model import (
    DREMPEL,
    ONBEKEND,
    REDEN_GESTOPT,
    REDEN_NIET_BEOORDEELD,
    ROL_COORDINATOR,
    ROL_LSP,
    Locatie,
    RapportInvoer,
)
from dekkend.monitoring.indicators.results import Cel
from dekkend.register import afwegingskader
from dekkend.register.constants import Kenmerk

ONDERDRUKT = "–"  # as the referral indicators show a hidden cell


def _onbekend() -> str:
    return _("onbekend")


def grootte_label(code: str) -> str:
    return {
        "groot": _("Groot"),
        "middel": _("Middelgroot"),
        "klein": _("Klein"),
        ONBEKEND: _("Onbekend"),
    }.get(code, code)


def rol_label(rol: str) -> str:
    return {
        ROL_LSP: _("Laagdrempelige steunpunten"),
        ROL_COORDINATOR: _("Regiocoördinatoren (VNG en IZA)"),
    }.get(rol, rol)


def reden_label(reden: str) -> str:
    if reden == REDEN_GESTOPT:
        return _("Gestopt")
    if reden == REDEN_NIET_BEOORDEELD:
        return _("Niet opnieuw beoordeeld")
    questions = dict(afwegingskader.QUESTIONS)
    if reden in questions:
        return _("Afwegingskader: nee op “%(vraag)s”") % {"vraag": questions[reden]}
    return reden or _onbekend()


ELEMENT_LABELS = {
    "inloop": N_("Inloop en ontmoeting"),
    "door_en_voor": N_("Door-en-voor-activiteiten"),
    "herstelaanbod": N_("Herstelaanbod"),
    "groeivijver": N_("Groeivijver"),
}


def _bar_label(g: graphs.Grafiek, code: str, label: str) -> str:
    """Graph 1's options are the kenmerken in full; a bar shows the short
    label of the register's list of the 10 kenmerken."""
    if g.nummer == 1 and code.startswith("k") and code[1:].isdigit():
        number = int(code[1:])
        if number in Kenmerk.values:
            return str(Kenmerk(number).label)
    return label


def _datum(value: date | None) -> str:
    return dateformat.format(value, "j F Y") if value else _onbekend()


def _n(value: int | float | None, decimals: int = 0) -> str:
    if value is None:
        return _onbekend()
    return format_getal(value, decimals)


def _cel(cel: Cel) -> Cell:
    if cel.onderdrukt:
        return Cell(ONDERDRUKT, style="getal")
    if cel.waarde is None:
        return Cell(_onbekend(), style="getal")
    return Cell(_n(cel.waarde), style="getal")


def _getal(value: int | float | None, decimals: int = 0, bold: bool = False) -> Cell:
    return Cell(_n(value, decimals), style="getal", bold=bold)


def _tekst(text: str, bold: bool = False) -> Cell:
    return Cell(text, bold=bold)


def _bereik(bounds: tuple[int, int] | None) -> str:
    if bounds is None:
        return "–"
    return _("%(van)s tot en met %(tot)s") % {
        "van": _n(bounds[0]),
        "tot": _n(bounds[1]),
    }


def _procent(share: float | None) -> str:
    return _onbekend() if share is None else f"{_n(100 * share)}%"


# --- sections ---------------------------------------------------------------


def _methode_blocks(invoer: RapportInvoer) -> tuple[list[Block], Table]:
    m = tables.methode(invoer)
    lsp, coord = m.groepen
    blocks: list[Block] = [Heading(_("Inleiding en methode"), 1)]
    detail = ""
    if m.uitgenodigd_detail:
        parts = ", ".join(f"{_n(n)} {label}" for label, n in m.uitgenodigd_detail)
        detail = f" ({parts})"
    blocks.append(
        Paragraph(
            _(
                "De vragenlijst van de monitorronde %(jaar)s stond open van "
                "%(open)s tot en met %(sluit)s. Hij is uitgezet bij %(lsp)s "
                "laagdrempelige steunpunten en %(coord)s regiocoördinatoren"
                "%(detail)s. In totaal hebben %(totaal)s mensen de vragenlijst "
                "ingevuld: %(r_lsp)s vanuit het perspectief van laagdrempelige "
                "steunpunten en %(r_coord)s vanuit het perspectief van "
                "regiocoördinatoren."
            )
            % {
                "jaar": m.jaar,
                "open": _datum(m.open_op),
                "sluit": _datum(m.sluit_op),
                "lsp": _n(lsp.uitgenodigd),
                "coord": _n(coord.uitgenodigd),
                "detail": detail,
                "totaal": _n(m.respons_totaal),
                "r_lsp": _n(lsp.respons),
                "r_coord": _n(coord.respons),
            }
        )
    )
    blocks.append(
        Paragraph(
            _(
                "De basislijst telt %(locaties)s laagdrempelige steunpunten "
                "(locaties) van %(organisaties)s organisaties. Elke kandidaat is "
                "beoordeeld met het afwegingskader van zes vragen; wie op alle "
                "zes “ja” scoort, staat op de lijst."
            )
            % {"locaties": _n(m.locaties), "organisaties": _n(m.organisaties)}
        )
    )
    table = Table(
        columns=(_("Groep"), _("Uitgenodigd"), _("Respons"), _("Responspercentage")),
        rows=tuple(
            (
                _tekst(rol_label(g.rol)),
                _getal(g.uitgenodigd),
                _getal(g.respons),
                Cell(_procent(g.responspercentage), style="getal"),
            )
            for g in m.groepen
        ),
        caption=_("Uitgenodigden en respons per groep"),
        key="methode",
        widths=(3, 1, 1, 1),
    )
    blocks.append(table)
    blocks.append(
        Paragraph(
            _(
                "Kleine aantallen: een aantal respondenten van 1 tot en met "
                "%(max)s in een regio wordt niet getoond (%(teken)s), en zo nodig "
                "ook een ander aantal in dezelfde kolom, zodat het totaal het "
                "niet verraadt. Een grafiek over minder dan %(drempel)s "
                "respondenten wordt niet getoond. Aantallen locaties komen uit "
                "het openbare register en worden altijd getoond."
            )
            % {"max": DREMPEL - 1, "teken": ONDERDRUKT, "drempel": DREMPEL},
            style="toelichting",
        )
    )
    if invoer.gepubliceerd is not None:
        blocks.append(
            Paragraph(
                _(
                    "Voor deze ronde zijn de cijfers per regio (tabel 2 en tabel 4) "
                    "de gepubliceerde cijfers uit “%(bron)s”. Antwoorden per "
                    "respondent zijn niet gepubliceerd en blijven in dit rapport "
                    "onbekend; ze worden niet bijgeschat."
                )
                % {"bron": invoer.gepubliceerd.bron},
                style="bron",
            )
        )
    return blocks, table


def _tabel2(invoer: RapportInvoer) -> Table:
    t = tables.tabel2(invoer)
    rows = [(_tekst(r.naam), _cel(r.lsp), _cel(r.coordinator)) for r in t.rijen]
    rows.append(
        (
            _tekst(_("Totaal"), bold=True),
            _cel(t.totaal_lsp),
            _cel(t.totaal_coordinator),
        )
    )
    caption = _(
        "Tabel 2. Verdeling van de ingevulde vragenlijsten per regio, uitgesplitst "
        "naar LSP en regiocoördinatoren"
    )
    if t.gepubliceerd:
        caption += " " + _("(gepubliceerd)")
    return Table(
        columns=(_("Regio"), _("Respons LSP"), _("Respons regiocoördinatoren")),
        rows=tuple(rows),
        caption=caption,
        key="tabel2",
        widths=(3, 1, 1),
    )


def _tabel3(invoer: RapportInvoer) -> tuple[Table, tables.Tabel3]:
    t = tables.tabel3(invoer)
    rows = []
    for r in t.rijen:
        rows.append(
            (
                _tekst(grootte_label(r.grootte), bold=True),
                Cell(_bereik(r.dagdelen)),
                Cell(_bereik(r.bezoekers_per_dag)),
                Cell(_bereik(r.unieke_bezoekers_per_jaar)),
                Cell(", ".join(_(ELEMENT_LABELS[e]) for e in r.elementen) or "–"),
                _getal(r.locaties),
                _getal(r.locaties_met_telling),
                _getal(r.bezoekers_per_dag_telling, 1),
                _getal(r.eigen_categorie),
            )
        )
    table = Table(
        columns=(
            _("Categorie"),
            _("Dagdelen per week"),
            _("Bezoekers per dag (norm)"),
            _("Unieke bezoekers per jaar (norm)"),
            _("Elementen"),
            _("Locaties"),
            _("Met bezoekerstelling"),
            _("Bezoekers per dag (telling)"),
            _("Eigen opgave (vraag 4)"),
        ),
        rows=tuple(rows),
        caption=_(
            "Tabel 3. De categorieën met hun grenzen, en de locaties van deze ronde"
        ),
        key="tabel3",
        widths=(1.3, 1.2, 1.2, 1.3, 2.4, 1, 1, 1, 1),
    )
    return table, t


def _tabel4_table(t: tables.Tabel4, caption: str, key: str) -> Table:
    rows = []
    for r in (*t.rijen, t.totaal):
        naam = r.naam if r.regio != tables.BUITEN_INDELING else _("Buiten de indeling")
        bold = r.regio == "*"
        if bold:
            naam = _("Totaal")
        rows.append(
            (
                _tekst(naam, bold=bold),
                _getal(r.groot, bold=bold),
                _getal(r.middel, bold=bold),
                _getal(r.klein, bold=bold),
                _getal(r.onbekend, bold=bold),
                _getal(r.totaal, bold=bold),
            )
        )
    return Table(
        columns=(
            _("Regio"),
            _("Groot"),
            _("Middelgroot"),
            _("Klein"),
            _("Onbekend"),
            _("Totaal"),
        ),
        rows=tuple(rows),
        caption=caption,
        key=key,
        widths=(3, 1, 1, 1, 1, 1),
    )


def _tabel4_uitleg(
    regenerated: tables.Tabel4, published: tables.Tabel4 | None
) -> list[Block]:
    total = regenerated.totaal
    blocks: list[Block] = []
    if published is None:
        if total.onbekend:
            blocks.append(
                Paragraph(
                    ngettext(
                        "Van %(n)s locatie is de grootte onbekend: er zijn geen "
                        "openingsdagdelen van bekend.",
                        "Van %(n)s locaties is de grootte onbekend: er zijn geen "
                        "openingsdagdelen van bekend.",
                        total.onbekend,
                    )
                    % {"n": _n(total.onbekend)}
                )
            )
        return blocks
    pub = published.totaal
    by_code = {r.regio: r for r in regenerated.rijen}
    same_total = sum(
        1
        for r in published.rijen
        if r.regio in by_code and by_code[r.regio].totaal == r.totaal
    )
    with_lsp = [r for r in published.rijen if r.totaal]
    same_sizes = sum(
        1
        for r in with_lsp
        if r.regio in by_code
        and (by_code[r.regio].groot, by_code[r.regio].middel, by_code[r.regio].klein)
        == (r.groot, r.middel, r.klein)
        and by_code[r.regio].onbekend == 0
    )
    differing = [
        (r.naam, r.totaal, by_code[r.regio].totaal if r.regio in by_code else 0)
        for r in published.rijen
        if (by_code[r.regio].totaal if r.regio in by_code else 0) != r.totaal
    ]
    blocks.append(
        Paragraph(
            _(
                "Gepubliceerd (tabel 4): %(groot)s grote, %(middel)s middelgrote en "
                "%(klein)s kleine LSP, samen %(totaal)s. Opnieuw berekend uit de "
                "locaties in het register: %(r_groot)s groot, %(r_middel)s "
                "middelgroot, %(r_klein)s klein en %(r_onbekend)s onbekend, samen "
                "%(r_totaal)s. Het aantal locaties per regio komt in %(gelijk)s van "
                "de %(regios)s regio's overeen met de publicatie; de verdeling naar "
                "grootte in %(gelijk_grootte)s van de %(met_lsp)s regio's met LSP."
            )
            % {
                "groot": _n(pub.groot),
                "middel": _n(pub.middel),
                "klein": _n(pub.klein),
                "totaal": _n(pub.totaal),
                "r_groot": _n(total.groot),
                "r_middel": _n(total.middel),
                "r_klein": _n(total.klein),
                "r_onbekend": _n(total.onbekend),
                "r_totaal": _n(total.totaal),
                "gelijk": _n(same_total),
                "regios": _n(len(published.rijen)),
                "gelijk_grootte": _n(same_sizes),
                "met_lsp": _n(len(with_lsp)),
            }
        )
    )
    if differing:
        blocks.append(
            Paragraph(
                _(
                    "Waar het aantal per regio verschilt, komt dat door locaties die "
                    "na de publicatie in het register zijn toegevoegd, gestopt of van "
                    "gemeente veranderd: %(regios)s."
                )
                % {
                    "regios": "; ".join(
                        _("%(regio)s gepubliceerd %(pub)s, register %(reg)s")
                        % {"regio": naam, "pub": _n(pub_n), "reg": _n(reg_n)}
                        for naam, pub_n, reg_n in differing
                    )
                }
            )
        )
    if total.onbekend:
        blocks.append(
            Paragraph(
                ngettext(
                    "Van %(n)s locatie is de grootte per locatie onbekend.",
                    "Van %(n)s locaties is de grootte per locatie onbekend.",
                    total.onbekend,
                )
                % {"n": _n(total.onbekend)}
                + " "
                + _(
                    "De bijlage van het gepubliceerde rapport noemt elke locatie, "
                    "maar verloor bij de omzetting de kolom met de grootte, en de "
                    "openingsdagdelen van deze locaties zijn nog niet ingevoerd. "
                    "De grootte volgt pas uit de gegevens zodra een locatie haar "
                    "dagdelen invoert; tot dan gelden de gepubliceerde aantallen "
                    "per regio. Er wordt geen grootte per locatie bijgeschat."
                )
            )
        )
    return blocks


def _grafiek_blocks(
    invoer: RapportInvoer, g: graphs.Grafiek, title: str, caption: str
) -> list[Block]:
    from dekkend.documents.charts import Series, bar_chart

    blocks: list[Block] = []
    if g.onderdrukt:
        blocks.append(
            Paragraph(
                _("%(title)s: minder dan %(drempel)s respondenten; niet getoond.")
                % {"title": caption, "drempel": DREMPEL},
                style="leeg",
            )
        )
        return blocks
    if g.onbekend:
        blocks.append(
            Paragraph(
                _("%(title)s: onbekend. De antwoorden zijn niet gepubliceerd.")
                % {"title": caption}
                if invoer.gepubliceerd is not None
                else _("%(title)s: nog geen antwoorden.") % {"title": caption},
                style="leeg",
            )
        )
        return blocks
    labels = [
        _bar_label(g, code, label)
        for code, label in zip(g.codes, g.labels, strict=True)
    ]
    series = [
        Series(
            s.label or _("Aantal respondenten"),
            tuple(None if c.waarde is None else float(c.waarde) for c in s.waarden),
        )
        for s in g.reeksen
    ]
    note = _("N = %(n)s respondenten, van wie %(b)s deze vraag beantwoordden.") % {
        "n": _n(g.n),
        "b": _n(g.beantwoord),
    }
    if g.gepubliceerd:
        note += " " + _("Gepubliceerde aantallen.")
    figure: Figure = bar_chart(
        title=title,
        labels=labels,
        series=series,
        horizontal=True,
        stacked=len(series) > 1,
        caption=f"{caption} {note}",
    )
    blocks.append(figure)
    return blocks


GRAFIEK_TITELS = {
    1: (
        N_("Welke kenmerken zijn nog in ontwikkeling?"),
        N_(
            "Grafiek 1. Welke van de kenmerken van laagdrempelige steunpunten zijn "
            "volgens jou nog in ontwikkeling binnen jouw organisatie? Vanuit "
            "perspectief van laagdrempelige steunpunten."
        ),
    ),
    2: (
        N_("Samenwerking met andere laagdrempelige steunpunten"),
        N_(
            "Grafiek 2. Samenwerking met andere laagdrempelige steunpunten. Vanuit "
            "perspectief van laagdrempelige steunpunten."
        ),
    ),
    3: (
        N_("Samenwerking per thema"),
        N_(
            "Grafiek 3. Samenwerking per thema. Vanuit perspectief van laagdrempelige "
            "steunpunten."
        ),
    ),
    4: (
        N_("Tevredenheid over samenwerking per partner"),
        N_(
            "Grafiek 4. Tevredenheid over samenwerking stakeholders. Vanuit het "
            "perspectief van regiocoördinatoren."
        ),
    ),
    5: (
        N_("Wat is nodig voor een sterker netwerk? (LSP)"),
        N_(
            "Grafiek 5. Wat is er in jouw regio nodig om een sterk(er) netwerk van "
            "laagdrempelige steunpunten op te bouwen? Vanuit het perspectief van "
            "laagdrempelige steunpunten."
        ),
    ),
    6: (
        N_("Wat is nodig voor een sterker netwerk? (regiocoördinatoren)"),
        N_(
            "Grafiek 6. Wat is er in jouw regio nodig om een sterk(er) netwerk van "
            "laagdrempelige steunpunten op te bouwen? Vanuit het perspectief van VNG- "
            "en IZA-regiocoördinatoren."
        ),
    ),
}


def _grafiek(invoer: RapportInvoer, g: graphs.Grafiek) -> list[Block]:
    title, caption = GRAFIEK_TITELS[g.nummer]
    return _grafiek_blocks(invoer, g, _(title), _(caption))


def _grafiek_table(g: graphs.Grafiek) -> Table:
    columns = (_("Antwoord"), *(s.label or _("Aantal") for s in g.reeksen))
    rows = tuple(
        (
            _tekst(_bar_label(g, code, label)),
            *(_cel(s.waarden[i]) for s in g.reeksen),
        )
        for i, (code, label) in enumerate(zip(g.codes, g.labels, strict=True))
    )
    title, _caption = GRAFIEK_TITELS[g.nummer]
    return Table(
        columns=columns,
        rows=rows,
        caption=_("Grafiek %(n)s: %(titel)s (N = %(respondenten)s)")
        % {"n": g.nummer, "titel": _(title), "respondenten": _n(g.n)},
        key=f"grafiek{g.nummer}",
    )


def _locatie_rij(loc: Locatie) -> tuple[Cell, ...]:
    return (
        _tekst(loc.naam),
        _tekst(loc.organisatie),
        _tekst(loc.gemeentenaam),
        _tekst(grootte_label(loc.grootte)),
    )


LOCATIE_KOLOMMEN = (N_("LSP"), N_("Organisatie"), N_("Gemeente"), N_("Grootte"))


def _verandering_blocks(invoer: RapportInvoer) -> tuple[list[Block], list[Table]]:
    v = tables.verandering(invoer)
    blocks: list[Block] = [
        Heading(_("Verandering ten opzichte van de vorige ronde"), 1)
    ]
    if v is None:
        blocks.append(Paragraph(_("Er is geen vorige ronde om mee te vergelijken.")))
        return blocks, []
    blocks.append(
        Paragraph(
            _(
                "%(vorige_jaar)s → %(jaar)s: %(vorige)s → %(totaal)s laagdrempelige "
                "steunpunten; %(nieuw)s erbij, %(af)s van de lijst af."
            )
            % {
                "vorige_jaar": v.vorige_jaar,
                "jaar": invoer.jaar,
                "vorige": _n(v.vorige_totaal),
                "totaal": _n(v.totaal),
                "nieuw": _n(v.aantal_nieuw),
                "af": _n(v.aantal_afgevallen),
            }
        )
    )
    if v.gepubliceerd:
        blocks.append(
            Paragraph(
                _(
                    "De lijst van %(jaar)s staat niet per locatie in Dekkend: de "
                    "aantallen komen uit de publicatie (het aantal erbij is daaruit "
                    "afgeleid). Welke locaties erbij kwamen of afvielen, en waarom, "
                    "is daarom onbekend."
                )
                % {"jaar": v.vorige_jaar},
                style="toelichting",
            )
        )
        return blocks, []
    out: list[Table] = []
    if v.afgevallen_per_reden:
        blocks.append(
            BulletList(
                tuple(
                    f"{reden_label(reden)}: {_n(n)}"
                    for reden, n in v.afgevallen_per_reden
                )
            )
        )
    nieuw = Table(
        columns=tuple(_(c) for c in LOCATIE_KOLOMMEN),
        rows=tuple(_locatie_rij(loc) for loc in v.nieuw),
        caption=_("Nieuw op de lijst"),
        key="nieuw",
    )
    afgevallen = Table(
        columns=(*(_(c) for c in LOCATIE_KOLOMMEN), _("Reden")),
        rows=tuple(
            (*_locatie_rij(a.locatie), _tekst(reden_label(a.reden)))
            for a in v.afgevallen
        ),
        caption=_("Van de lijst af, met de reden"),
        key="afgevallen",
    )
    grootte = Table(
        columns=(_("LSP"), _("Gemeente"), _("Was"), _("Wordt")),
        rows=tuple(
            (
                _tekst(g.locatie.naam),
                _tekst(g.locatie.gemeentenaam),
                _tekst(grootte_label(g.was)),
                _tekst(grootte_label(g.wordt)),
            )
            for g in v.grootte_veranderd
        ),
        caption=_("Van grootte veranderd"),
        key="grootte_veranderd",
    )
    for table in (nieuw, afgevallen, grootte):
        if table.rows:
            blocks.append(table)
        else:
            blocks.append(Paragraph(f"{table.caption}: {_('geen')}.", style="leeg"))
        out.append(table)
    return blocks, out


def _volledigheid(invoer: RapportInvoer) -> Table:
    rows = tuple(
        (
            _tekst(r.naam),
            _getal(r.locaties),
            _getal(r.met_dagdelen),
            _getal(r.met_adres),
            _getal(r.gecontroleerd),
        )
        for r in tables.volledigheid(invoer)
    )
    return Table(
        columns=(
            _("Regio"),
            _("Locaties"),
            _("Met openingsdagdelen"),
            _("Met adres"),
            _("Gecontroleerd in het afgelopen jaar"),
        ),
        rows=rows,
        caption=_("Volledigheid en actualiteit van het register per regio"),
        key="volledigheid",
        widths=(3, 1, 1, 1, 1.4),
    )


def _bijlage(invoer: RapportInvoer) -> tuple[list[Block], Table]:
    blocks: list[Block] = [
        PageBreak(),
        Heading(_("Bijlage A - Laagdrempelige steunpunten per regio"), 1),
    ]
    all_rows: list[tuple[Cell, ...]] = []
    for regio in tables.bijlage_a(invoer):
        naam = regio.naam or _("Buiten de indeling")
        blocks.append(Heading(naam, 2))
        if not regio.locaties:
            blocks.append(Paragraph(_("Geen LSP"), style="leeg"))
            continue
        rows = tuple(
            (_tekst(loc.naam), _tekst(loc.gemeentenaam), _grootte_cell(loc))
            for loc in regio.locaties
        )
        blocks.append(
            Table(
                columns=(_("LSP"), _("Gemeente"), _("Grootte")),
                rows=rows,
                key=f"bijlage_a:{regio.regio}",
                widths=(4, 2, 1.6),
            )
        )
        all_rows.extend((_tekst(naam), *row) for row in rows)
    return blocks, Table(
        columns=(_("Regio"), _("LSP"), _("Gemeente"), _("Grootte")),
        rows=tuple(all_rows),
        caption=_("Bijlage A - Laagdrempelige steunpunten per regio"),
        key="bijlage_a",
    )


def _grootte_cell(loc: Locatie) -> Cell:
    """The size by the dagdelen, with the LSP's own category of question 4
    beside it where given ("Klein; eigen opgave B, wijkt af")."""
    text = grootte_label(loc.grootte)
    if loc.aantal > 1:
        text += " " + _("(telt %(n)s keer)") % {"n": loc.aantal}
    own = loc.eigen_categorie
    if own:
        text += "; " + _("eigen opgave %(c)s") % {"c": own}
        if loc.grootte != ONBEKEND and tables.EIGEN_CATEGORIE.get(own) not in (
            loc.grootte,
            None,
        ):
            text += ", " + _("wijkt af")
    return _tekst(text)


# --- the document -----------------------------------------------------------


def _sheets(invoer: RapportInvoer) -> tuple[list[Block], list[tuple[str, Table]]]:
    indeling = invoer.tabel4_indeling
    blocks, methode_table = _methode_blocks(invoer)
    sheets: list[tuple[str, Table]] = [(_("Methode"), methode_table)]

    table2 = _tabel2(invoer)
    blocks += [Heading(_("Respons per regio"), 1), table2]
    sheets.append((_("Tabel 2"), table2))

    blocks.append(Heading(_("Laagdrempelige steunpunten per type"), 1))
    table3, t3 = _tabel3(invoer)
    blocks.append(
        Paragraph(
            _(
                "De grootte volgt uit de openingsdagdelen per week: groot 8 tot en "
                "met 14, middelgroot 4 tot en met 7, klein 1 tot en met 3; zonder "
                "bekende dagdelen is ze onbekend. De eigen opgave van de LSP "
                "(vraag 4, categorie A, B of C) hanteert andere grenzen en staat "
                "ernaast."
            )
        )
    )
    blocks.append(table3)
    if t3.eigen_categorie_afwijkend:
        blocks.append(
            Paragraph(
                ngettext(
                    "Bij %(n)s locatie wijkt de eigen opgave af van de grootte "
                    "volgens de dagdelen.",
                    "Bij %(n)s locaties wijkt de eigen opgave af van de grootte "
                    "volgens de dagdelen.",
                    t3.eigen_categorie_afwijkend,
                )
                % {"n": _n(t3.eigen_categorie_afwijkend)}
            )
        )
    sheets.append((_("Tabel 3"), table3))

    regenerated = tables.tabel4(invoer)
    published = tables.tabel4_gepubliceerd(invoer)
    if published is not None:
        t4p = _tabel4_table(
            published,
            _("Tabel 4. De aantallen LSP per categorie per regio (gepubliceerd)"),
            "tabel4",
        )
        blocks.append(t4p)
        sheets.append((_("Tabel 4"), t4p))
    t4r = _tabel4_table(
        regenerated,
        _("Tabel 4. De aantallen LSP per categorie per regio, uit het register")
        if published is None
        else _("Tabel 4 opnieuw berekend uit de locaties in het register"),
        "tabel4" if published is None else "tabel4_register",
    )
    blocks.append(t4r)
    blocks += _tabel4_uitleg(regenerated, published)
    sheets.append((_("Tabel 4 register") if published else _("Tabel 4"), t4r))
    if indeling is not None and indeling.naam != invoer.indeling.naam:
        other = tables.tabel4(invoer, indeling)
        t4o = _tabel4_table(
            other,
            _("Tabel 4 naar %(indeling)s") % {"indeling": indeling.titel},
            f"tabel4:{indeling.naam}",
        )
        blocks.append(t4o)
        sheets.append((_("Tabel 4 %(naam)s") % {"naam": indeling.naam}, t4o))

    completeness = _volledigheid(invoer)
    blocks.append(completeness)
    sheets.append((_("Volledigheid register"), completeness))

    charts = graphs.grafieken(invoer)
    blocks.append(Heading(_("Zelfbeoordeling op de tien kenmerken"), 1))
    blocks += _grafiek(invoer, charts[0])
    blocks.append(Heading(_("Samenwerking in de regio"), 1))
    for g in charts[1:]:
        blocks += _grafiek(invoer, g)
    sheets += [
        (_("Grafiek %(n)s") % {"n": g.nummer}, _grafiek_table(g)) for g in charts
    ]

    change_blocks, change_tables = _verandering_blocks(invoer)
    blocks += change_blocks
    sheets += [(t.caption, t) for t in change_tables]

    annex_blocks, annex = _bijlage(invoer)
    blocks += annex_blocks
    sheets.append((_("Bijlage A"), annex))
    return blocks, sheets


def _footer(invoer: RapportInvoer) -> str:
    if invoer.synthetisch:
        return _(
            "SYNTHETISCHE GEGEVENS: demo, geen echte antwoorden of locaties - "
            "Monitor laagdrempelige steunpunten %(jaar)s"
        ) % {"jaar": invoer.jaar}
    return _(
        "Monitor laagdrempelige steunpunten %(jaar)s - gegenereerd uit de gegevens"
    ) % {"jaar": invoer.jaar}


def rapport_document(invoer: RapportInvoer) -> Document:
    """The report of one round as a document (render it with
    `documents.pdf.render_pdf` or `documents.docx.render_docx`).

    With `invoer.tabel4_indeling` Table 4 is given for that division too (by
    the gemeenten of the locations). Text is in the active language.
    """
    blocks, _sheets_unused = _sheets(invoer)
    subtitle = _(
        "Landelijk beeld laagdrempelige steunpunten, monitorronde %(jaar)s"
    ) % {"jaar": invoer.jaar}
    if invoer.synthetisch:
        subtitle += " - " + _("SYNTHETISCHE GEGEVENS (demo)")
        blocks.insert(
            0,
            Paragraph(
                _(
                    "Dit rapport is gemaakt uit synthetische gegevens voor een "
                    "demonstratie. Het beschrijft geen echte steunpunten of "
                    "respondenten."
                ),
                style="toelichting",
            ),
        )
    return Document(
        title=_("Monitor laagdrempelige steunpunten %(jaar)s") % {"jaar": invoer.jaar},
        subtitle=subtitle,
        blocks=tuple(blocks),
        subject=_("Landelijke monitor laagdrempelige steunpunten"),
        footer=_footer(invoer),
        metadata={"ronde": str(invoer.jaar)},
    )


def rapport_tabellen(invoer: RapportInvoer) -> list[tuple[str, Table]]:
    """Every table of the report with its sheet name (`render_xlsx` makes
    the names safe and unique)."""
    _blocks, sheets = _sheets(invoer)
    return sheets


def rapport_xlsx(invoer: RapportInvoer) -> bytes:
    """The workbook with one sheet per table of the report."""
    from dekkend.documents.xlsx import render_xlsx

    return render_xlsx(rapport_tabellen(invoer))


def tekst_van(blocks: Sequence[Block]) -> str:
    """All printed text of the blocks, for tests and checks."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading | Paragraph):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts.extend(block.items)
        elif isinstance(block, Table):
            parts.append(block.caption)
            parts.append(" | ".join(block.columns))
            parts.extend(" | ".join(c.text for c in row) for row in block.rows)
        elif isinstance(block, Figure):
            parts.extend((block.caption, block.alt))
    return "\n".join(parts)
