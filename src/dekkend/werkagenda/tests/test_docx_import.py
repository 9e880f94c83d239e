# SPDX-License-Identifier: EUPL-1.2
"""A DOCX in the national format read back: our own export (round trip) and
a document a region wrote itself in Word."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dekkend.werkagenda.content import (
    MIJLPAAL_STATUSSEN,
    Mijlpaal,
    OnderdeelInhoud,
    Projectdoelstelling,
    WerkagendaInhoud,
)
from dekkend.werkagenda.docx_io import common
from dekkend.werkagenda.docx_io.export import ExportBijlagen, werkagenda_docx
from dekkend.werkagenda.docx_io.importer import (
    NietGeplaatst,
    WerkagendaImportFout,
    werkagenda_import,
)
from dekkend.werkagenda.docx_io.voorbeeld import volledige_werkagenda
from dekkend.werkagenda.format import format_get

FORMAT = format_get("2026-04-20")
MAATSTAVEN = {
    "lsp.gemeenten_met_lsp": "Gemeenten met ten minste één LSP",
    "lsp.binnen_10km": "Inwoners binnen 10 km van een LSP",
}

# -- strategies --------------------------------------------------------------

# Text as a user can type it: any letter, mark, number, punctuation, symbol
# or space of Unicode (so "&<>", quotes, emoji and Dutch diacritics), tabs
# and newlines. Control characters other than the newline cannot be stored in a
# DOCX (XML 1.0) and are left out.
_TEKENS = st.characters(categories=("L", "M", "N", "P", "S", "Zs")) | st.sampled_from(
    "\n\t&<>\"'–—€ë"
)


def _canoniek(tekst: str) -> str:
    return tekst.strip()


teksten = st.text(_TEKENS, max_size=120).map(_canoniek)
regels = (
    st.text(
        st.characters(categories=("L", "N", "P", "S")) | st.just(" "),
        min_size=1,
        max_size=40,
    )
    .map(lambda t: " ".join(t.split()))
    .filter(bool)
)


def _niet_leeg_placeholder(tekst: str) -> bool:
    return common.leeg_tekst().lower() not in tekst.lower()


teksten = teksten.filter(_niet_leeg_placeholder)
regels = regels.filter(_niet_leeg_placeholder)


@st.composite
def doelstellingen(draw) -> Projectdoelstelling:
    maatstaf = draw(st.sampled_from(["", *MAATSTAVEN]))
    label = (
        MAATSTAVEN[maatstaf]
        if maatstaf
        else draw(regels.filter(lambda t: t not in MAATSTAVEN.values()))
    )
    waarden = st.floats(
        min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False
    )
    return Projectdoelstelling(
        omschrijving=draw(teksten),
        maatstaf=maatstaf,
        maatstaf_label=label,
        streefwaarde=draw(st.none() | waarden),
        eenheid=draw(
            st.sampled_from(["", "%", "gemeenten", "fte per 1.000 jongeren"]) | regels
        ),
        uiterlijk=draw(
            st.dates(min_value=date(2026, 1, 1), max_value=date(2035, 12, 31))
        ),
        verantwoordelijke=draw(teksten),
        ingroeipad=tuple(
            (jaar, draw(waarden))
            for jaar in sorted(draw(st.sets(st.integers(2026, 2032), max_size=4)))
        ),
    )


mijlpalen = st.builds(
    Mijlpaal,
    kwartaal=st.builds(
        lambda j, k: f"{j}-K{k}", st.integers(2026, 2031), st.integers(1, 4)
    ),
    activiteiten=teksten,
    verantwoordelijke=teksten,
    deelresultaat=teksten,
    status=st.sampled_from(MIJLPAAL_STATUSSEN),
)


@st.composite
def werkagendas(draw) -> WerkagendaInhoud:
    onderdelen = []
    for onderdeel in FORMAT.onderdelen:
        velden = {v.sleutel: draw(teksten) for v in onderdeel.velden}
        aanpak = onderdeel.soort == "aanpak"
        onderdelen.append(
            OnderdeelInhoud(
                sleutel=onderdeel.sleutel,
                velden=velden,
                doelstellingen=tuple(draw(st.lists(doelstellingen(), max_size=3)))
                if aanpak
                else (),
                mijlpalen=tuple(draw(st.lists(mijlpalen, max_size=3)))
                if aanpak
                else (),
                financiers=tuple(draw(st.lists(regels, max_size=3)))
                if onderdeel.heeft_partijen
                else (),
                uitvoeringspartijen=tuple(draw(st.lists(regels, max_size=3)))
                if onderdeel.heeft_partijen
                else (),
            )
        )
    van = draw(st.integers(2026, 2030))
    return WerkagendaInhoud(
        format_versie=FORMAT.versie,
        regio=draw(regels),
        periode_van=van,
        periode_tot=van + draw(st.integers(0, 5)),
        status=draw(st.sampled_from(["concept", "ter_vaststelling", "vastgesteld"])),
        versie=draw(st.integers(1, 20)),
        onderdelen=tuple(onderdelen),
    )


def _zoals_geimporteerd(inhoud: WerkagendaInhoud) -> WerkagendaInhoud:
    """What an import promises: the content, as a new concept of no region."""
    return dataclasses.replace(inhoud, regio="", status="concept", versie=1)


# -- round trip ----------------------------------------------------------------


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(werkagendas())
def test_round_trip_gives_identical_content(inhoud):
    data = werkagenda_docx(inhoud, definitie=FORMAT)
    resultaat = werkagenda_import(data, definitie=FORMAT, maatstaven=MAATSTAVEN)
    assert resultaat.niet_geplaatst == ()
    assert resultaat.inhoud == _zoals_geimporteerd(inhoud)


def test_round_trip_of_a_full_werkagenda_with_sources_and_figures():
    from dekkend.documents.charts import Series, bar_chart

    inhoud = volledige_werkagenda(
        FORMAT, regio="Zeeland", woorden=(40, 80), doelen=3, mijlpalen=4
    )
    figuur = bar_chart(
        title="Steunpunten", labels=["A", "B"], series=[Series("n", (1.0, 2.0))]
    )
    bijlagen = ExportBijlagen(
        bronnen={
            "2a.situatie": ("Analyse van 3 december 2026, run 12",),
            "2.gezondheidsdoelen": ("Monitor 2025",),
        },
        figuren={"2a": (figuur,), "rpi": (figuur,)},
        realisaties={"2a.doel.1": "2026: 9 (op koers)"},
        vastgesteld="Vastgesteld door alle colleges op 10 november 2026",
    )
    data = werkagenda_docx(inhoud, definitie=FORMAT, bijlagen=bijlagen)
    resultaat = werkagenda_import(data)
    assert resultaat.inhoud == _zoals_geimporteerd(inhoud)
    # Figures are not content: they are reported, not silently dropped.
    assert [n.sectie for n in resultaat.niet_geplaatst] == [
        "1. Regionale preventie-infrastructuur",
        "2a. Laagdrempelige steunpunten",
    ]
    assert all(
        n.tekst.startswith("Afbeelding niet overgenomen")
        for n in resultaat.niet_geplaatst
    )


def test_measures_are_found_back_by_their_label():
    doel = Projectdoelstelling(
        omschrijving="Overal een steunpunt",
        maatstaf="lsp.gemeenten_met_lsp",
        maatstaf_label="Gemeenten met ten minste één LSP",
        streefwaarde=13.0,
        eenheid="gemeenten",
        uiterlijk=date(2030, 12, 31),
        verantwoordelijke="Middelburg",
    )
    inhoud = volledige_werkagenda(FORMAT, woorden=(1, 2), doelen=0, mijlpalen=0)
    onderdelen = tuple(
        dataclasses.replace(o, doelstellingen=(doel,)) if o.sleutel == "2a" else o
        for o in inhoud.onderdelen
    )
    data = werkagenda_docx(
        dataclasses.replace(inhoud, onderdelen=onderdelen), definitie=FORMAT
    )
    zonder = (
        werkagenda_import(data, maatstaven={}).inhoud.onderdeel("2a").doelstellingen[0]
    )
    assert (
        zonder.maatstaf == ""
        and zonder.maatstaf_label == "Gemeenten met ten minste één LSP"
    )
    met = (
        werkagenda_import(data, maatstaven=MAATSTAVEN)
        .inhoud.onderdeel("2a")
        .doelstellingen[0]
    )
    assert met == doel


# -- a document written by hand ------------------------------------------------


def _handgeschreven() -> bytes:
    """A werkagenda as a region would type it in Word: Word's own styles,
    no table keys, its own numbering, a stray paragraph and a table the format
    does not have."""
    import docx

    d = docx.Document()
    d.add_paragraph("Werkagenda Regio Noord", style="Title")
    d.add_paragraph("Periode: 2027 - 2030")
    d.add_paragraph("Inhoudsopgave", style="Heading 1")
    d.add_paragraph("2. Mentale gezondheid", style="List Bullet")
    d.add_paragraph("1. REGIONALE PREVENTIE-INFRASTRUCTUUR", style="Heading 1")
    rpi = d.add_table(rows=3, cols=2)
    for rij, (a, b) in enumerate(
        [
            ("Onderdelen RPI", "Uitwerking"),
            (
                "Toelichting op RPI: Omschrijf beknopt hoe ...",
                "Wij werken in één stuurgroep.",
            ),
            ("Kennis en monitoring:", "Een jaarlijkse monitor."),
        ]
    ):
        rpi.cell(rij, 0).text, rpi.cell(rij, 1).text = a, b
    d.add_paragraph("2 Mentale Gezondheid", style="Heading 1")
    d.add_paragraph("Gezondheidsdoelen: Minder eenzaamheid onder jongeren.")
    d.add_paragraph("Tweede regel van de doelen.")
    d.add_paragraph(
        "Scope en samenhang (Wat valt er binnen het leefgebied en hoe is de samenhang binnen dit "
        "leefgebied en met andere leefgebieden geborgd en benut?)"
    )
    d.add_paragraph("Steunpunten, sociaal verwijzen en netwerken.")
    d.add_paragraph("Financierders:")
    d.add_paragraph("Gemeente Groningen", style="List Bullet")
    d.add_paragraph("Zorgverzekeraar Menzis", style="List Bullet")
    d.add_paragraph("Uitvoeringspartijen: GGD Groningen")
    d.add_paragraph("2 a. laagdrempelige steunpunten", style="Heading 2")
    d.add_paragraph("Deze alinea hoort nergens bij.")
    tabel = d.add_table(rows=8, cols=3)
    inhoud = [
        ("IST / SOLL / GAP", "Onderdelen", "Uitwerking"),
        ("IST", "Urgentie: Wat is er bekend ...", "Hoog: veel eenzaamheid."),
        ("", "Situatie:", "Zes steunpunten in vier gemeenten."),
        ("SOLL", "Ambitie:", "Elke gemeente een steunpunt."),
        ("", "Ontwerp:", ""),
        ("GAP (projectplan)", "Projectdoelstellingen:", "Zie tabel."),
        ("", "Financieel plan (optioneel):", "€ 120.000 per jaar."),
        ("", "Onbekend onderdeel:", "Iets anders."),
    ]
    for rij, waarden in enumerate(inhoud):
        for kolom, waarde in enumerate(waarden):
            tabel.cell(rij, kolom).text = waarde
    tabel.cell(1, 0).merge(tabel.cell(2, 0))
    d.add_paragraph("Mijlpalenplanning", style="Heading 3")
    planning = d.add_table(rows=6, cols=4)
    rijen = [
        ("Kwartaal", "Activiteiten", "Verantwoordelijke", "Deelresultaat"),
        ("Q1 2027", "Locaties kiezen", "Regiocoördinator", "Besluit"),
        ("2027 Q2", "Openen Appingedam", "Gemeente Eemsdelta", "Open"),
        ("K3 2027", "Evaluatie", "GGD", "Rapport"),
        ("2027-K4", "Opschalen", "Stuurgroep", "Plan"),
        ("ergens in 2028", "Onduidelijk", "?", "?"),
    ]
    for rij, mijlpaal in enumerate(rijen):
        for kolom, waarde in enumerate(mijlpaal):
            planning.cell(rij, kolom).text = waarde
    # Dutch Word names its heading styles "Kop N".
    from docx.enum.style import WD_STYLE_TYPE

    d.styles.add_style("Kop 2", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("b. Basisfunctionaliteit: Sociaal verwijzen", style="Kop 2")
    d.add_paragraph("Urgentie: Groot, zie de monitor.")
    d.add_paragraph("Monitoring (optioneel): Via de landelijke dataset.")
    d.add_paragraph("3. Kansrijk opgroeien", style="Heading 1")
    partijen = d.add_table(rows=3, cols=2)
    for rij, (a, b) in enumerate(
        [
            ("Financierders", "Uitvoeringspartijen"),
            ("- Gemeente Assen", "• JGZ Drenthe"),
            ("", "Verloskundigen"),
        ]
    ):
        partijen.cell(rij, 0).text, partijen.cell(rij, 1).text = a, b
    d.add_paragraph(
        "3a.1 Nu Niet Zwanger (optioneel onderdeel werkagenda)", style="Heading 3"
    )
    vreemd = d.add_table(rows=2, cols=3)
    for kolom, waarde in enumerate(("Jaar", "Budget", "Opmerking")):
        vreemd.cell(0, kolom).text = waarde
        vreemd.cell(1, kolom).text = ("2027", "10.000", "indicatief")[kolom]
    d.add_paragraph("Bijlage: verslag van de stuurgroep", style="Heading 1")
    d.add_paragraph("Aanwezig: iedereen.")
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def handgeschreven():
    return werkagenda_import(_handgeschreven())


def test_hand_written_sections_and_tables_are_placed(handgeschreven):
    inhoud = handgeschreven.inhoud
    assert (inhoud.regio, inhoud.status, inhoud.periode_van, inhoud.periode_tot) == (
        "",
        "concept",
        2027,
        2030,
    )
    rpi = inhoud.onderdeel("rpi")
    assert rpi.velden["toelichting"] == "Wij werken in één stuurgroep."
    assert rpi.velden["kennis_monitoring"] == "Een jaarlijkse monitor."
    assert rpi.velden["gezondheidsdoelen"] == ""
    mentaal = inhoud.onderdeel("2")
    assert (
        mentaal.velden["gezondheidsdoelen"]
        == "Minder eenzaamheid onder jongeren.\nTweede regel van de doelen."
    )
    assert (
        mentaal.velden["scope_samenhang"]
        == "Steunpunten, sociaal verwijzen en netwerken."
    )
    assert mentaal.financiers == ("Gemeente Groningen", "Zorgverzekeraar Menzis")
    assert mentaal.uitvoeringspartijen == ("GGD Groningen",)
    lsp = inhoud.onderdeel("2a")
    assert lsp.velden == {
        "urgentie": "Hoog: veel eenzaamheid.",
        "situatie": "Zes steunpunten in vier gemeenten.",
        "ambitie": "Elke gemeente een steunpunt.",
        "ontwerp": "",
        "projectdoelstellingen": "Zie tabel.",
        "financieel_plan": "€ 120.000 per jaar.",
        "monitoring": "",
    }
    assert [m.kwartaal for m in lsp.mijlpalen] == [
        "2027-K1",
        "2027-K2",
        "2027-K3",
        "2027-K4",
    ]
    assert lsp.mijlpalen[1] == Mijlpaal(
        "2027-K2", "Openen Appingedam", "Gemeente Eemsdelta", "Open", "gepland"
    )
    verwijzen = inhoud.onderdeel("2b")
    assert verwijzen.velden["urgentie"] == "Groot, zie de monitor."
    assert verwijzen.velden["monitoring"] == "Via de landelijke dataset."
    opgroeien = inhoud.onderdeel("3")
    assert opgroeien.financiers == ("Gemeente Assen",)
    assert opgroeien.uitvoeringspartijen == ("JGZ Drenthe", "Verloskundigen")
    # Every onderdeel of the format is there, in format order.
    assert [o.sleutel for o in inhoud.onderdelen] == list(FORMAT.sleutels)


def test_hand_written_leftovers_are_reported_with_section_and_paragraph(handgeschreven):
    gemeld = handgeschreven.niet_geplaatst
    assert (
        NietGeplaatst(
            "2 a. laagdrempelige steunpunten", 1, "Deze alinea hoort nergens bij."
        )
        in gemeld
    )
    rij = [n for n in gemeld if "Onbekend onderdeel" in n.tekst]
    assert (
        len(rij) == 1
        and rij[0].sectie == "2 a. laagdrempelige steunpunten"
        and rij[0].alinea == 2
    )
    kwartaal = [n for n in gemeld if "ergens in 2028" in n.tekst]
    assert len(kwartaal) == 1 and kwartaal[0].tekst.startswith(
        "Mijlpaal 5: kwartaal “ergens in 2028” niet leesbaar"
    )
    vreemd = [n for n in gemeld if n.tekst.startswith("Jaar | Budget")]
    assert (
        len(vreemd) == 1
        and vreemd[0].sectie == "3a.1 Nu Niet Zwanger (optioneel onderdeel werkagenda)"
    )
    bijlage = [n for n in gemeld if n.sectie == "Bijlage: verslag van de stuurgroep"]
    assert [n.tekst for n in bijlage] == [
        "Bijlage: verslag van de stuurgroep",
        "Aanwezig: iedereen.",
    ]
    assert len(gemeld) == 6


def test_not_a_docx_is_refused_in_dutch():
    with pytest.raises(WerkagendaImportFout, match="geen leesbaar Word-document"):
        werkagenda_import(b"%PDF-1.7 dit is geen docx")
    with pytest.raises(WerkagendaImportFout, match="geen leesbaar Word-document"):
        werkagenda_import(b"")


def test_a_docx_without_the_format_is_refused():
    import docx

    d = docx.Document()
    d.add_paragraph("Notulen", style="Heading 1")
    d.add_paragraph("Geen werkagenda.")
    buffer = io.BytesIO()
    d.save(buffer)
    with pytest.raises(
        WerkagendaImportFout, match="volgt het format van de werkagenda niet"
    ):
        werkagenda_import(buffer.getvalue())


# -- the printed forms -----------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("Q1 2027", "2027-K1"),
        ("2027 Q1", "2027-K1"),
        ("K1 2027", "2027-K1"),
        ("2027-K1", "2027-K1"),
        ("k4  2029", "2029-K4"),
        ("2028/Q3", "2028-K3"),
        ("2e kwartaal 2028", "2028-K2"),
        ("Q5 2027", None),
        ("2027", None),
        ("voorjaar 2027", None),
    ],
)
def test_quarters_normalise(tekst, verwacht):
    assert common.kwartaal_lezen(tekst) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("13 gemeenten", (13.0, "gemeenten")),
        ("14%", (14.0, "%")),
        ("0,2 fte per 1.000 jongeren", (0.2, "fte per 1.000 jongeren")),
        ("≥ 2 fte", (2.0, "fte")),
        ("1.000 inwoners", (1000.0, "inwoners")),
        ("— fte", (None, "fte")),
        ("veel", None),
    ],
)
def test_values_with_units(tekst, verwacht):
    assert common.waarde_met_eenheid_lezen(tekst) == verwacht


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_print_and_read_back_exactly(waarde):
    assert common.getal_lezen(common.getal(waarde)) == waarde


def test_dates():
    assert common.datum_lezen("31-12-2030") == date(2030, 12, 31)
    assert common.datum_lezen("2030-12-31") == date(2030, 12, 31)
    assert common.datum_lezen("31 december 2030") == date(2030, 12, 31)
    assert common.datum_lezen("31-02-2030") is None
    assert common.datum_lezen("eind 2030") is None
