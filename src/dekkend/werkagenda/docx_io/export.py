# SPDX-License-Identifier: EUPL-1.2
"""A werkagenda as a `documents.model.Document` in the national format.

`werkagenda_document` builds the document; `werkagenda_docx` and
`werkagenda_pdf` render it with `dekkend.documents`. The headings, questions
and table headers come from the format definition, verbatim; every table
carries a key (`"2a.istsollgap"`, `"2a.doelen"`, `"2a.mijlpalen"`,
`"2.partijen"`, `"rpi"`) so that `importer` finds it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import zip_longest

from django.utils import translation
from django.utils.translation import gettext as _

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
from dekkend.werkagenda.constants import MijlpaalStatus
from dekkend.werkagenda.content import (
    Mijlpaal,
    OnderdeelInhoud,
    Projectdoelstelling,
    WerkagendaInhoud,
)
from dekkend.werkagenda.docx_io import common
from dekkend.werkagenda.format.definition import (
    FormatDefinitie,
    OnderdeelDefinitie,
    VeldDefinitie,
)

# The document is in the language of the national format.
TAAL = "nl"


@dataclass(frozen=True)
class ExportBijlagen:
    """What the document shows beside the content.

    `bronnen`: field address ("2a.situatie") → source lines ("Analyse van 3
    december 2026, run 12"); `figuren`: onderdeel key → figures (maps,
    charts); `realisaties`: goal address `"<onderdeel>.doel.<n>"` (n counts
    from 1 in the order of the goals) → realised values ("2026: 9 (op
    koers)"); `vastgesteld`: the adoption line of the title page."""

    bronnen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    figuren: Mapping[str, tuple[Figure, ...]] = field(default_factory=dict)
    realisaties: Mapping[str, str] = field(default_factory=dict)
    vastgesteld: str = ""


def doel_adres(onderdeel: str, nummer: int) -> str:
    """The key of a goal in `ExportBijlagen.realisaties` (nummer from 1)."""
    return f"{onderdeel}.doel.{nummer}"


def werkagenda_document(
    inhoud: WerkagendaInhoud,
    *,
    definitie: FormatDefinitie,
    bijlagen: ExportBijlagen | None = None,
) -> Document:
    with translation.override(TAAL):
        return _Bouwer(inhoud, definitie, bijlagen or ExportBijlagen()).document()


def werkagenda_docx(
    inhoud: WerkagendaInhoud,
    *,
    definitie: FormatDefinitie,
    bijlagen: ExportBijlagen | None = None,
) -> bytes:
    from dekkend.documents.docx import render_docx

    return render_docx(
        werkagenda_document(inhoud, definitie=definitie, bijlagen=bijlagen)
    )


def werkagenda_pdf(
    inhoud: WerkagendaInhoud,
    *,
    definitie: FormatDefinitie,
    bijlagen: ExportBijlagen | None = None,
) -> bytes:
    from dekkend.documents.pdf import render_pdf

    return render_pdf(
        werkagenda_document(inhoud, definitie=definitie, bijlagen=bijlagen)
    )


def titel(regio: str) -> str:
    return _("Werkagenda %(regio)s") % {"regio": regio} if regio else _("Werkagenda")


def format_regel(definitie: FormatDefinitie) -> str:
    """ "Format werkagenda versie 20 april 2026 (2026-04-20)"."""
    datum = common.versie_datum(definitie.versie)
    leesbaar = common.datum_nl(datum) if datum else definitie.versie
    return _("Format werkagenda versie %(datum)s (%(versie)s)") % {
        "datum": leesbaar,
        "versie": definitie.versie,
    }


def periode_regel(van: int, tot: int) -> str:
    return _("Periode %(van)s–%(tot)s") % {"van": van, "tot": tot}


def status_regel(status: str) -> str:
    from dekkend.werkagenda.constants import WerkagendaStatus

    try:
        label = str(WerkagendaStatus(status).label)
    except ValueError:
        label = status
    return _("Status: %(status)s") % {"status": label}


def versie_regel(versie: int) -> str:
    return _("Versienummer: %(versie)s") % {"versie": versie}


class _Bouwer:
    def __init__(
        self,
        inhoud: WerkagendaInhoud,
        definitie: FormatDefinitie,
        bijlagen: ExportBijlagen,
    ):
        self.inhoud = inhoud
        self.definitie = definitie
        self.bijlagen = bijlagen
        self.blokken: list[Block] = []

    # -- document ---------------------------------------------------------

    def document(self) -> Document:
        self.titelpagina()
        self.inhoudsopgave()
        for onderdeel in self.definitie.onderdelen:
            inhoud = self.inhoud.onderdeel(onderdeel.sleutel)
            if onderdeel.soort == "rpi":
                self.rpi(onderdeel, inhoud)
            elif onderdeel.soort == "leefgebied":
                self.leefgebied(onderdeel, inhoud)
            else:
                self.aanpak(onderdeel, inhoud)
        regio = self.inhoud.regio
        return Document(
            title=titel(regio),
            blocks=tuple(self.blokken),
            subject=self.definitie.titel,
            language=TAAL,
            footer=" — ".join(
                deel
                for deel in (
                    titel(regio),
                    status_regel(self.inhoud.status),
                    versie_regel(self.inhoud.versie),
                )
                if deel
            ),
            metadata={
                "format_versie": self.definitie.versie,
                "regio": regio,
                "status": self.inhoud.status,
                "versie": str(self.inhoud.versie),
            },
        )

    def titelpagina(self) -> None:
        inhoud = self.inhoud
        self.blokken += [
            Paragraph(periode_regel(inhoud.periode_van, inhoud.periode_tot)),
            Paragraph(format_regel(self.definitie)),
            Paragraph(status_regel(inhoud.status)),
            Paragraph(versie_regel(inhoud.versie)),
        ]
        if self.bijlagen.vastgesteld:
            self.blokken.append(Paragraph(self.bijlagen.vastgesteld))
        self.blokken.append(Paragraph(self.definitie.bron, style="bron"))
        self.blokken.append(PageBreak())

    def inhoudsopgave(self) -> None:
        self.blokken.append(Heading(self.definitie.tekst("inhoudsopgave"), level=1))
        regels: list[str] = []
        for onderdeel in self.definitie.onderdelen:
            if onderdeel.soort == "aanpak":
                regels.append(onderdeel.inhoudsopgave)
                continue
            if regels:
                self.blokken.append(BulletList(tuple(regels)))
                regels = []
            self.blokken.append(Paragraph(onderdeel.inhoudsopgave))
        if regels:
            self.blokken.append(BulletList(tuple(regels)))
        self.blokken.append(PageBreak())

    # -- sections ---------------------------------------------------------

    def kop(self, onderdeel: OnderdeelDefinitie) -> None:
        niveau = {"rpi": 1, "leefgebied": 1}.get(
            onderdeel.soort, 2 if "." not in onderdeel.sleutel else 3
        )
        self.blokken.append(Heading(onderdeel.kop, level=niveau))

    def antwoord_cel(self, tekst: str, extra: str = "") -> Cell:
        if not tekst and not extra:
            return Cell(common.leeg_tekst(), style="toelichting")
        if not tekst:
            tekst = common.leeg_tekst()
        return Cell("\n\n".join(deel for deel in (tekst, extra) if deel))

    def antwoord_paragraaf(self, tekst: str) -> Paragraph:
        if not tekst:
            return Paragraph(common.leeg_tekst(), style="leeg")
        return Paragraph(tekst)

    def vraag_cel(self, veld: VeldDefinitie) -> Cell:
        return Cell(f"{self.definitie.veld_label(veld)}: {veld.vraag}")

    def rpi(self, onderdeel: OnderdeelDefinitie, inhoud: OnderdeelInhoud) -> None:
        self.kop(onderdeel)
        rijen = tuple(
            (self.vraag_cel(veld), self.antwoord_cel(inhoud.tekst(veld.sleutel)))
            for veld in onderdeel.velden
        )
        self.blokken.append(
            Table(
                columns=(
                    self.definitie.tekst("rpi_kolom_onderdelen"),
                    self.definitie.tekst("kolom_uitwerking"),
                ),
                rows=rijen,
                key=common.SLEUTEL_RPI,
                widths=(2.0, 3.0),
            )
        )
        self.bronnen(onderdeel)
        self.figuren(onderdeel)

    def leefgebied(
        self, onderdeel: OnderdeelDefinitie, inhoud: OnderdeelInhoud
    ) -> None:
        self.kop(onderdeel)
        for veld in onderdeel.velden:
            self.blokken.append(
                Paragraph(f"{veld.label} ({veld.vraag})", style="toelichting")
            )
            self.blokken.append(self.antwoord_paragraaf(inhoud.tekst(veld.sleutel)))
            self.bronnen(onderdeel, veld)
        if onderdeel.heeft_partijen:
            self.partijen(onderdeel, inhoud)
        self.figuren(onderdeel)

    def partijen(self, onderdeel: OnderdeelDefinitie, inhoud: OnderdeelInhoud) -> None:
        rijen: tuple[tuple[Cell, ...], ...]
        if not inhoud.financiers and not inhoud.uitvoeringspartijen:
            leeg = Cell(common.leeg_tekst(), style="toelichting")
            rijen = ((leeg, leeg),)
        else:
            rijen = tuple(
                (Cell(financier), Cell(partij))
                for financier, partij in zip_longest(
                    inhoud.financiers, inhoud.uitvoeringspartijen, fillvalue=""
                )
            )
        self.blokken.append(
            Table(
                columns=(
                    self.definitie.tekst("financierders"),
                    self.definitie.tekst("uitvoeringspartijen"),
                ),
                rows=rijen,
                key=common.tabel_sleutel(onderdeel.sleutel, common.SUFFIX_PARTIJEN),
            )
        )

    def aanpak(self, onderdeel: OnderdeelDefinitie, inhoud: OnderdeelInhoud) -> None:
        self.kop(onderdeel)
        if onderdeel.status_azwa:
            self.blokken.append(
                Paragraph(
                    _("Status in het AZWA: %(status)s")
                    % {"status": self.definitie.status_label(onderdeel.status_azwa)},
                    style="toelichting",
                )
            )
        self.istsollgap(onderdeel, inhoud)
        self.bronnen(onderdeel)
        self.figuren(onderdeel)
        if inhoud.doelstellingen:
            self.doelen(onderdeel, inhoud.doelstellingen)
        if onderdeel.heeft_mijlpalen:
            self.mijlpalen(onderdeel, inhoud.mijlpalen)

    def istsollgap(
        self, onderdeel: OnderdeelDefinitie, inhoud: OnderdeelInhoud
    ) -> None:
        rijen: list[tuple[Cell, ...]] = []
        groepen: dict[str, list[VeldDefinitie]] = {}
        for veld in onderdeel.velden:
            groepen.setdefault(veld.groep, []).append(veld)
        for groep, velden in groepen.items():
            for index, veld in enumerate(velden):
                extra = ""
                if veld.sleutel == "projectdoelstellingen" and inhoud.doelstellingen:
                    extra = common.doelen_verwijzing()
                antwoord = self.antwoord_cel(inhoud.tekst(veld.sleutel), extra)
                if index == 0:
                    groep_cel = Cell(
                        self.definitie.tekst(f"groep_{groep}") if groep else "",
                        rowspan=len(velden),
                        bold=True,
                    )
                    rijen.append((groep_cel, self.vraag_cel(veld), antwoord))
                else:
                    rijen.append((self.vraag_cel(veld), antwoord))
        self.blokken.append(
            Table(
                columns=(
                    self.definitie.tekst("kolom_istsollgap"),
                    self.definitie.tekst("kolom_onderdelen"),
                    self.definitie.tekst("kolom_uitwerking"),
                ),
                rows=tuple(rijen),
                key=common.tabel_sleutel(onderdeel.sleutel, common.SUFFIX_ISTSOLLGAP),
                widths=(1.0, 2.5, 4.0),
            )
        )

    def doelen(
        self, onderdeel: OnderdeelDefinitie, doelen: tuple[Projectdoelstelling, ...]
    ) -> None:
        realisaties = [
            self.bijlagen.realisaties.get(doel_adres(onderdeel.sleutel, n), "")
            for n in range(1, len(doelen) + 1)
        ]
        met_realisatie = any(realisaties)
        rijen = []
        for doel, realisatie in zip(doelen, realisaties, strict=True):
            cellen = [
                Cell(doel.omschrijving),
                Cell(doel.maatstaf_label),
                Cell(streefwaarde_tekst(doel), style="getal"),
                Cell(common.datum_kort(doel.uiterlijk)),
                Cell(doel.verantwoordelijke),
                Cell(common.ingroeipad_tekst(doel.ingroeipad)),
            ]
            if met_realisatie:
                cellen.append(Cell(realisatie))
            rijen.append(tuple(cellen))
        self.blokken.append(
            Table(
                columns=common.doelen_kolommen(met_realisatie),
                rows=tuple(rijen),
                caption=common.doelen_kop(),
                key=common.tabel_sleutel(onderdeel.sleutel, common.SUFFIX_DOELEN),
                widths=(3.0, 2.0, 1.3, 1.2, 1.8, 1.5, 1.6)
                if met_realisatie
                else (3.0, 2.0, 1.3, 1.2, 1.8, 1.5),
            )
        )

    def mijlpalen(
        self, onderdeel: OnderdeelDefinitie, mijlpalen: tuple[Mijlpaal, ...]
    ) -> None:
        self.blokken.append(Heading(self.definitie.tekst("mijlpalen"), level=4))
        rijen: tuple[tuple[Cell, ...], ...]
        if mijlpalen:
            rijen = tuple(
                (
                    Cell(m.kwartaal),
                    Cell(m.activiteiten),
                    Cell(m.verantwoordelijke),
                    Cell(m.deelresultaat),
                    Cell(mijlpaal_status_label(m.status)),
                )
                for m in mijlpalen
            )
        else:
            leeg = Cell(common.leeg_tekst(), style="toelichting")
            rijen = ((leeg, Cell(""), Cell(""), Cell(""), Cell("")),)
        self.blokken.append(
            Table(
                columns=(
                    self.definitie.tekst("mijlpalen_kwartaal"),
                    self.definitie.tekst("mijlpalen_activiteiten"),
                    self.definitie.tekst("mijlpalen_verantwoordelijke"),
                    self.definitie.tekst("mijlpalen_deelresultaat"),
                    common.mijlpalen_status_kolom(),
                ),
                rows=rijen,
                key=common.tabel_sleutel(onderdeel.sleutel, common.SUFFIX_MIJLPALEN),
                widths=(1.0, 3.0, 1.6, 2.4, 1.0),
            )
        )

    # -- sources and figures ----------------------------------------------

    def bronnen(
        self, onderdeel: OnderdeelDefinitie, alleen: VeldDefinitie | None = None
    ) -> None:
        velden = (alleen,) if alleen else onderdeel.velden
        for veld in velden:
            regels = self.bijlagen.bronnen.get(
                f"{onderdeel.sleutel}.{veld.sleutel}", ()
            )
            for regel in regels:
                self.blokken.append(
                    Paragraph(
                        _("Bron bij %(veld)s: %(bron)s")
                        % {"veld": veld.label, "bron": regel},
                        style="bron",
                    )
                )

    def figuren(self, onderdeel: OnderdeelDefinitie) -> None:
        self.blokken.extend(self.bijlagen.figuren.get(onderdeel.sleutel, ()))


def streefwaarde_tekst(doel: Projectdoelstelling) -> str:
    waarde = "—" if doel.streefwaarde is None else common.getal(doel.streefwaarde)
    return f"{waarde} {doel.eenheid}" if doel.eenheid else waarde


def mijlpaal_status_label(status: str) -> str:
    try:
        return str(MijlpaalStatus(status).label)
    except ValueError:
        return status
