# SPDX-License-Identifier: EUPL-1.2
"""The werkagenda as a Document, DOCX and PDF in the national format."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest

from dekkend.documents.charts import Series, bar_chart
from dekkend.documents.model import BulletList, Cell, Figure, Heading, Paragraph, Table
from dekkend.documents.pdf import render_html
from dekkend.werkagenda.content import (
    Mijlpaal,
    OnderdeelInhoud,
    Projectdoelstelling,
    WerkagendaInhoud,
)
from dekkend.werkagenda.docx_io.export import (
    ExportBijlagen,
    doel_adres,
    werkagenda_document,
    werkagenda_docx,
    werkagenda_pdf,
)
from dekkend.werkagenda.format import format_get

FORMAT = format_get("2026-04-20")

DOEL = Projectdoelstelling(
    omschrijving="Elke gemeente heeft een steunpunt",
    maatstaf="lsp.gemeenten_met_lsp",
    maatstaf_label="Gemeenten met ten minste één LSP",
    streefwaarde=13.0,
    eenheid="gemeenten",
    uiterlijk=date(2030, 12, 31),
    verantwoordelijke="Mandaatgemeente Middelburg",
    ingroeipad=((2027, 9.0), (2028, 11.0), (2030, 13.0)),
)
MIJLPAAL = Mijlpaal(
    kwartaal="2027-K1",
    activiteiten="Locaties kiezen in Tholen en Reimerswaal",
    verantwoordelijke="Regiocoördinator",
    deelresultaat="Besluit over twee locaties",
    status="bezig",
)


def _inhoud(**onderdelen: OnderdeelInhoud) -> WerkagendaInhoud:
    return WerkagendaInhoud(
        format_versie=FORMAT.versie,
        regio="Zeeland",
        periode_van=2027,
        periode_tot=2030,
        status="concept",
        versie=3,
        onderdelen=tuple(onderdelen.values()),
    )


def _figuur(titel: str) -> Figure:
    return bar_chart(
        title=titel,
        labels=["Middelburg", "Vlissingen"],
        series=[Series("Steunpunten", (2.0, 1.0))],
        unit="",
        caption=f"{titel} (analyse van 3 december 2026, run 12)",
    )


@pytest.fixture
def inhoud() -> WerkagendaInhoud:
    return _inhoud(
        rpi=OnderdeelInhoud("rpi", velden={"toelichting": "De RPI is <goed> & breed."}),
        twee=OnderdeelInhoud(
            "2",
            velden={"gezondheidsdoelen": "Minder eenzaamheid"},
            financiers=("Gemeente Middelburg", "CZ"),
            uitvoeringspartijen=("GGD Zeeland",),
        ),
        lsp=OnderdeelInhoud(
            "2a",
            velden={
                "situatie": "Tien steunpunten.\nDrie gemeenten zonder.",
                "projectdoelstellingen": "Zie hieronder",
            },
            doelstellingen=(DOEL,),
            mijlpalen=(MIJLPAAL,),
        ),
    )


def _blokken(doc):
    return list(doc.blocks)


def _tabel(doc, key: str) -> Table:
    tabellen = [b for b in doc.blocks if isinstance(b, Table) and b.key == key]
    assert len(tabellen) == 1, key
    return tabellen[0]


def test_title_page(inhoud):
    doc = werkagenda_document(
        inhoud,
        definitie=FORMAT,
        bijlagen=ExportBijlagen(vastgesteld="Vastgesteld door 13 colleges"),
    )
    assert doc.title == "Werkagenda Zeeland"
    teksten = [b.text for b in doc.blocks[:8] if isinstance(b, Paragraph)]
    assert "Periode 2027–2030" in teksten
    assert "Format werkagenda versie 20 april 2026 (2026-04-20)" in teksten
    assert "Status: Concept" in teksten
    assert "Versienummer: 3" in teksten
    assert "Vastgesteld door 13 colleges" in teksten
    assert doc.language == "nl"


def test_headings_in_format_order_with_the_table_of_contents(inhoud):
    doc = werkagenda_document(inhoud, definitie=FORMAT)
    koppen = [
        b.text
        for b in doc.blocks
        if isinstance(b, Heading) and b.text != "Mijlpalenplanning"
    ]
    assert koppen == ["Inhoudsopgave werkagenda", *[o.kop for o in FORMAT.onderdelen]]
    inhoudsopgave = []
    for blok in doc.blocks:
        if isinstance(blok, Paragraph) and blok.text in {
            o.inhoudsopgave for o in FORMAT.onderdelen
        }:
            inhoudsopgave.append(blok.text)
        elif isinstance(blok, BulletList):
            inhoudsopgave.extend(blok.items)
    assert inhoudsopgave == [o.inhoudsopgave for o in FORMAT.onderdelen]


def test_rpi_is_the_two_column_table_with_the_questions(inhoud):
    tabel = _tabel(werkagenda_document(inhoud, definitie=FORMAT), "rpi")
    assert tabel.columns == ("Onderdelen RPI", "Uitwerking")
    assert tabel.rows[0][0].text.startswith(
        "Toelichting op RPI: Omschrijf beknopt hoe de regionale"
    )
    assert tabel.rows[0][1].text == "De RPI is <goed> & breed."
    assert tabel.rows[2][0].text == (
        "Financiële middelen: Omschrijf de financieringsafspraken over de coördinatie en uitvoering."
    )
    # Empty answers print as a greyed placeholder.
    assert tabel.rows[1][1] == Cell("Nog niet ingevuld", style="toelichting")


def test_leefgebied_paragraphs_and_partners(inhoud):
    doc = werkagenda_document(inhoud, definitie=FORMAT)
    blokken = _blokken(doc)
    start = blokken.index(Heading("2. Mentale gezondheid", level=1))
    assert blokken[start + 1] == Paragraph(
        "Gezondheidsdoelen (Welke concrete regionale gezondheidsdoelen gericht op het verbeteren van "
        "gezondheid en welzijn heeft de regio voor het leefgebied?)",
        style="toelichting",
    )
    assert blokken[start + 2] == Paragraph("Minder eenzaamheid")
    assert blokken[start + 3].text.startswith("Scope en samenhang (")
    assert blokken[start + 4] == Paragraph("Nog niet ingevuld", style="leeg")
    partijen = _tabel(doc, "2.partijen")
    assert partijen.columns == ("Financierders:", "Uitvoeringspartijen:")
    assert [[c.text for c in r] for r in partijen.rows] == [
        ["Gemeente Middelburg", "GGD Zeeland"],
        ["CZ", ""],
    ]
    leeg = _tabel(doc, "3.partijen")
    assert [c.text for c in leeg.rows[0]] == ["Nog niet ingevuld", "Nog niet ingevuld"]


def test_ist_soll_gap_table(inhoud):
    doc = werkagenda_document(inhoud, definitie=FORMAT)
    blokken = _blokken(doc)
    start = blokken.index(Heading("2a. Laagdrempelige steunpunten", level=2))
    assert blokken[start + 1] == Paragraph(
        "Status in het AZWA: Basisfunctionaliteit", style="toelichting"
    )
    tabel = _tabel(doc, "2a.istsollgap")
    assert tabel.columns == ("IST / SOLL / GAP", "Onderdelen", "Uitwerking")
    eerste = [(r[0].text, r[0].rowspan) for r in tabel.rows if len(r) == 3]
    assert eerste == [("IST", 2), ("SOLL", 2), ("GAP (projectplan)", 3)]
    assert [len(r) for r in tabel.rows] == [3, 2, 3, 2, 3, 2, 2]
    onderdelen = [r[-2].text for r in tabel.rows]
    assert (
        onderdelen[0]
        == "Urgentie: Wat is er bekend over de urgentie van deze basisfunctionaliteit in de regio?"
    )
    assert (
        onderdelen[5]
        == "Financieel plan (optioneel): Welke financiële middelen worden ingezet voor dit onderdeel?"
    )
    assert onderdelen[6].startswith("Monitoring (optioneel): Omschrijf de manier")
    assert tabel.rows[1][-1].text == "Tien steunpunten.\nDrie gemeenten zonder."
    assert tabel.rows[0][-1].text == "Nog niet ingevuld"
    # The Projectdoelstellingen row refers to the SMART table.
    assert (
        tabel.rows[4][-1].text
        == "Zie hieronder\n\nZie de tabel Projectdoelstellingen (SMART) hieronder."
    )
    # An optional part carries the format's mark, a "new" aanpak its status.
    assert (
        Heading(
            "3a.3 Rookvrije start (onderdeel van Kansrijke start) (optioneel onderdeel werkagenda)",
            level=3,
        )
        in blokken
    )
    assert (
        Paragraph(
            "Status in het AZWA: Aanpak ontwikkelagenda 1 - nieuw", style="toelichting"
        )
        in blokken
    )


def test_smart_goals_and_milestones(inhoud):
    doc = werkagenda_document(inhoud, definitie=FORMAT)
    doelen = _tabel(doc, "2a.doelen")
    assert doelen.caption == "Projectdoelstellingen (SMART)"
    assert doelen.columns == (
        "Doelstelling",
        "Maatstaf",
        "Streefwaarde",
        "Uiterlijk",
        "Verantwoordelijke",
        "Ingroeipad",
    )
    assert [c.text for c in doelen.rows[0]] == [
        "Elke gemeente heeft een steunpunt",
        "Gemeenten met ten minste één LSP",
        "13 gemeenten",
        "31-12-2030",
        "Mandaatgemeente Middelburg",
        "2027: 9; 2028: 11; 2030: 13",
    ]
    # No goals, no table; an aanpak without milestones still has the planning.
    assert not [b for b in doc.blocks if isinstance(b, Table) and b.key == "2b.doelen"]
    mijlpalen = _tabel(doc, "2a.mijlpalen")
    assert mijlpalen.columns == (
        "Kwartaal",
        "Activiteiten",
        "Verantwoordelijke",
        "Deelresultaat",
        "Status",
    )
    assert [c.text for c in mijlpalen.rows[0]] == [
        "2027-K1",
        "Locaties kiezen in Tholen en Reimerswaal",
        "Regiocoördinator",
        "Besluit over twee locaties",
        "Bezig",
    ]
    assert _tabel(doc, "2b.mijlpalen").rows[0][0].text == "Nog niet ingevuld"


def test_realisations_sources_and_figures(inhoud):
    kaart = _figuur("Steunpunten per gemeente")
    bijlagen = ExportBijlagen(
        bronnen={"2a.situatie": ("Analyse van 3 december 2026, run 12",)},
        figuren={"2a": (kaart,)},
        realisaties={doel_adres("2a", 1): "2026: 9 (op koers)"},
    )
    doc = werkagenda_document(inhoud, definitie=FORMAT, bijlagen=bijlagen)
    doelen = _tabel(doc, "2a.doelen")
    assert doelen.columns[-1] == "Realisatie"
    assert doelen.rows[0][-1].text == "2026: 9 (op koers)"
    blokken = _blokken(doc)
    bron = Paragraph(
        "Bron bij Situatie: Analyse van 3 december 2026, run 12", style="bron"
    )
    assert bron in blokken
    tabel_index = blokken.index(_tabel(doc, "2a.istsollgap"))
    assert blokken.index(bron) > tabel_index
    assert blokken.index(kaart) > tabel_index
    assert blokken.index(kaart) < blokken.index(
        Heading("2b. Sociaal verwijzen", level=2)
    )


def test_docx_holds_every_heading_and_the_keyed_tables(inhoud):
    import docx

    data = werkagenda_docx(
        inhoud,
        definitie=FORMAT,
        bijlagen=ExportBijlagen(figuren={"2a": (_figuur("Kaart"),)}),
    )
    document = docx.Document(io.BytesIO(data))
    koppen = [
        p.text
        for p in document.paragraphs
        if p.style is not None and str(p.style.name).startswith("Heading")
    ]
    for onderdeel in FORMAT.onderdelen:
        assert onderdeel.kop in koppen
        assert any(p.text == onderdeel.inhoudsopgave for p in document.paragraphs)
    assert "Inhoudsopgave werkagenda" in koppen
    sleutels = []
    for tabel in document.tables:
        desc = tabel._tbl.tblPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblDescription"
        )
        sleutels.append(
            desc.get(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val"
            )
        )
    assert sleutels[:4] == ["rpi", "2.partijen", "2a.istsollgap", "2a.doelen"]
    assert "6a.mijlpalen" in sleutels
    # The IST cell spans two rows in Word too.
    tabel = document.tables[sleutels.index("2a.istsollgap")]
    assert tabel.cell(1, 0).text == tabel.cell(2, 0).text == "IST"
    assert tabel.cell(5, 0).text == tabel.cell(7, 0).text == "GAP (projectplan)"
    assert len(document.inline_shapes) == 1


def test_html_holds_every_heading_and_escapes_text(inhoud):
    html = render_html(werkagenda_document(inhoud, definitie=FORMAT))
    for onderdeel in FORMAT.onderdelen:
        assert onderdeel.kop.replace("&", "&amp;") in html
        assert onderdeel.inhoudsopgave in html
    assert "De RPI is &lt;goed&gt; &amp; breed." in html
    assert 'data-key="2a.istsollgap"' in html


def test_pdf_with_figures(inhoud):
    bijlagen = ExportBijlagen(figuren={"2a": (_figuur("Steunpunten per gemeente"),)})
    data = werkagenda_pdf(inhoud, definitie=FORMAT, bijlagen=bijlagen)
    assert data.startswith(b"%PDF")
    html = render_html(werkagenda_document(inhoud, definitie=FORMAT, bijlagen=bijlagen))
    assert "<svg" in html and "Steunpunten per gemeente" in html


def test_an_unknown_status_prints_as_given(inhoud):
    doc = werkagenda_document(
        dataclasses.replace(inhoud, status="herziening"), definitie=FORMAT
    )
    assert Paragraph("Status: herziening") in doc.blocks
