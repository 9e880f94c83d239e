# SPDX-License-Identifier: EUPL-1.2
"""The report as a document (001's order), its PDF, DOCX and XLSX, from a
small hand-made round (no database)."""

import io
import re

from django.utils import translation

import pytest

from dekkend.documents.docx import render_docx
from dekkend.documents.docx_read import read_docx
from dekkend.documents.model import Figure, Heading, Table
from dekkend.documents.pdf import render_html, render_pdf
from dekkend.lspmonitor.report.document import (
    rapport_document,
    rapport_tabellen,
    rapport_xlsx,
    tekst_van,
)
from dekkend.lspmonitor.report.model import (
    BESLUIT_AF,
    Gepubliceerd,
    GepubliceerdeRegio,
    VorigeRonde,
)
from dekkend.lspmonitor.tests.test_report_tables import (
    ANDERE,
    VL,
    coord,
    invoer,
    loc,
    lsp,
)

EMAIL = "respondent.naam@example.org"
NAAM = "Jantine Voorbeeldrespondent"


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def ronde(**kw):
    lsp_answers = [
        lsp(
            "a",
            lsp_5={"keuze": "vaak" if i % 2 else "af_en_toe"},
            lsp_6={"keuzes": ["inhoudelijk", "overige"], "anders": EMAIL},
            lsp_13={"keuzes": ["k1", "k9"]},
            lsp_18={"keuzes": ["menskracht", "anders"], "anders": NAAM},
            lsp_19=f"Groet, {NAAM} ({EMAIL})",
        )
        for i in range(6)
    ]
    coord_answers = [
        coord("b", coord_8={"keuze": "tevreden"}, coord_15={"keuzes": ["koepel"]})
        for _ in range(5)
    ]
    previous = (loc("l1", "a", "GM0001", 9), loc("l9", "b", "GM0003", 2))
    kandidaten = (
        loc("l1", "a", "GM0001", 9),
        loc("l2", "a", "GM0002", 2),
        loc("l3", "b", "GM0003", 5),
        loc("l9", "b", "GM0003", 2, besluit=BESLUIT_AF, reden="geen_hulpverlening"),
    )
    kw.setdefault("kandidaten", kandidaten)
    return invoer(
        vragenlijst=VL,
        responsen=(*lsp_answers, *coord_answers, coord("c")),
        uitgenodigd_lsp=10,
        uitgenodigd_coordinator=8,
        vorige=VorigeRonde(2025, previous),
        **kw,
    )


def test_sections_follow_the_2025_report() -> None:
    doc = rapport_document(ronde())
    chapters = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert chapters == [
        "Inleiding en methode",
        "Respons per regio",
        "Laagdrempelige steunpunten per type",
        "Zelfbeoordeling op de tien kenmerken",
        "Samenwerking in de regio",
        "Verandering ten opzichte van de vorige ronde",
        "Bijlage A - Laagdrempelige steunpunten per regio",
    ]
    keys = [b.key for b in doc.blocks if isinstance(b, Table)]
    assert keys[:5] == ["methode", "tabel2", "tabel3", "tabel4", "volledigheid"]
    assert sum(isinstance(b, Figure) for b in doc.blocks) == 6


def test_method_and_tables_carry_the_rounds_own_numbers() -> None:
    text = tekst_van(rapport_document(ronde()).blocks)
    assert "uitgezet bij 10 laagdrempelige steunpunten en 8 regiocoördinatoren" in text
    assert "In totaal hebben 12 mensen" in text
    # Table 2: 6 LSP respondents in Alfa; Bravo 5 + Charlie 1 coordinators,
    # so Charlie's 1 is hidden and Bravo's 5 with it.
    assert "Alfa | 6 | 0" in text
    assert "Bravo | 0 | –" in text
    assert "Charlie | 0 | –" in text
    assert "Totaal | 6 | 6" in text
    assert "Alfa | 1 | 0 | 1 | 0 | 2" in text  # Table 4


def test_graph2_shows_the_answers() -> None:
    doc = rapport_document(ronde())
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    graph2 = next(f for f in figures if f.caption.startswith("Grafiek 2."))
    assert "N = 6 respondenten" in graph2.caption
    assert "Vaak" in graph2.alt and "3" in graph2.alt
    graph1 = next(f for f in figures if f.caption.startswith("Grafiek 1."))
    assert "Ervaringsdeskundigen in de lead" in graph1.alt


def test_change_section_names_new_dropped_with_reason_and_size() -> None:
    text = tekst_van(rapport_document(ronde()).blocks)
    assert "2 → 3 laagdrempelige steunpunten; 2 erbij, 1 van de lijst af." in text
    assert "Afwegingskader: nee op “Is het geen vorm van hulpverlening?”" in text
    assert "Steunpunt l2" in text


def test_annex_a_lists_every_location_and_empty_regions() -> None:
    doc = rapport_document(ronde())
    annex = [
        b for b in doc.blocks if isinstance(b, Table) and b.key.startswith("bijlage_a:")
    ]
    assert [t.key for t in annex] == ["bijlage_a:a", "bijlage_a:b"]
    assert [c.text for c in annex[0].rows[0]][:3] == ["Steunpunt l1", "GM0001", "Groot"]
    assert "Geen LSP" in tekst_van(doc.blocks)


def test_other_division_gets_its_own_table4() -> None:
    doc = rapport_document(ronde(tabel4_indeling=ANDERE))
    keys = [b.key for b in doc.blocks if isinstance(b, Table)]
    assert "tabel4:andere" in keys


def test_pdf_docx_and_page_show_the_same_charts() -> None:
    doc = rapport_document(ronde())
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    html = render_html(doc)
    for figure in figures:
        # The drawing itself is unchanged (the page puts the full alt text
        # in the SVG's <title>).
        start = figure.svg.index("</title>") + len("</title>")
        assert figure.svg[start:] in html
    assert render_pdf(doc).startswith(b"%PDF")
    blocks = read_docx(render_docx(doc))
    assert "Tabel 2. Verdeling van de ingevulde vragenlijsten per regio" in tekst_van(
        blocks
    )
    docx_figures = [b for b in blocks if isinstance(b, Figure)]
    assert [f.alt for f in docx_figures] == [f.alt for f in figures]


def test_no_respondent_names_or_email_addresses_anywhere() -> None:
    data = ronde()
    doc = rapport_document(data)
    outputs = [
        tekst_van(doc.blocks),
        render_html(doc),
        tekst_van(read_docx(render_docx(doc))),
    ]
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(rapport_xlsx(data)))
    outputs.append(
        "\n".join(
            str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
        )
    )
    for output in outputs:
        assert EMAIL not in output
        assert NAAM not in output
        assert not re.search(r"[\w.]+@[\w.]+\.\w+", output)


def test_xlsx_has_a_sheet_per_table_with_numbers() -> None:
    from openpyxl import load_workbook

    data = ronde()
    wb = load_workbook(io.BytesIO(rapport_xlsx(data)))
    names = wb.sheetnames
    assert len(names) == len(rapport_tabellen(data))
    for expected in ("Methode", "Tabel 2", "Tabel 3", "Tabel 4", "Bijlage A"):
        assert expected in names
    assert [f"Grafiek {n}" in names for n in range(1, 7)] == [True] * 6
    t2 = wb["Tabel 2"]
    assert [c.value for c in t2[1]] == [
        "Regio",
        "Respons LSP",
        "Respons regiocoördinatoren",
    ]
    assert [c.value for c in t2[2]] == ["Alfa", 6, 0]
    assert [c.value for c in t2[3]] == ["Bravo", 0, "–"]


def test_synthetic_round_says_so() -> None:
    doc = rapport_document(ronde(synthetisch=True))
    assert "SYNTHETISCHE GEGEVENS" in doc.footer
    assert "SYNTHETISCHE GEGEVENS" in doc.subtitle
    assert "synthetische gegevens" in tekst_van(doc.blocks)


def test_a_region_with_few_respondents_has_no_graph() -> None:
    data = ronde(kandidaten=())
    few = invoer(
        vragenlijst=VL,
        responsen=tuple(lsp("a", lsp_5={"keuze": "vaak"}) for _ in range(3)),
    )
    text = tekst_van(rapport_document(few).blocks)
    assert "Grafiek 2. Samenwerking met andere laagdrempelige steunpunten" in text
    assert "minder dan 5 respondenten; niet getoond" in text
    assert data.basislijst == ()


def test_published_table4_beside_the_regenerated_one_explains_differences() -> None:
    published = Gepubliceerd(
        bron="Rapport 2025",
        regios=(
            GepubliceerdeRegio("a", 1, 0, 1, respons_lsp=2, respons_coordinator=1),
            GepubliceerdeRegio("b", 0, 0, 4, respons_lsp=1, respons_coordinator=0),
            GepubliceerdeRegio("c", 0, 0, 0),
        ),
    )
    doc = rapport_document(invoer(gepubliceerd=published))
    keys = [b.key for b in doc.blocks if isinstance(b, Table)]
    assert "tabel4" in keys and "tabel4_register" in keys
    text = tekst_van(doc.blocks)
    assert "Tabel 2. Verdeling" in text and "(gepubliceerd)" in text
    # Published figures are shown as published, small ones included.
    assert "Bravo | 1 | 0" in text
    # a matches in total and sizes (1 groot, 1 klein); b has 4 published, 2 now.
    assert "in 2 van de 3 regio's overeen" in text
    assert "de verdeling naar grootte in 1 van de 2 regio's met LSP" in text
    assert "Bravo gepubliceerd 4, register 2" in text
    assert "Van 1 locatie is de grootte per locatie onbekend." in text


def test_annex_a_shows_the_own_category_beside_the_size() -> None:
    kandidaten = (
        loc("p", "a", "GM0001", 2, eigen_categorie="B"),  # klein, says B
        loc("q", "a", "GM0001", 9, eigen_categorie="A"),  # groot, says A
        loc("r", "a", "GM0001", None, eigen_categorie="C", aantal=3),
    )
    doc = rapport_document(invoer(kandidaten=kandidaten))
    annex = next(
        b for b in doc.blocks if isinstance(b, Table) and b.key == "bijlage_a:a"
    )
    assert annex.columns == ("LSP", "Gemeente", "Grootte")
    assert [row[2].text for row in annex.rows] == [
        "Klein; eigen opgave B, wijkt af",
        "Groot; eigen opgave A",
        "Onbekend (telt 3 keer); eigen opgave C",
    ]
