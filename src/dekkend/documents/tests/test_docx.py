# SPDX-License-Identifier: EUPL-1.2
"""The DOCX renderer, checked on what python-docx and the XML parts show:
real headings, styles, merged cells, the repeated header row, the stored
table key, pictures with their description, the footer and properties."""

import io
import re
import zipfile
from datetime import UTC, datetime

import docx
import pytest

from dekkend.documents.docx import render_docx
from dekkend.documents.docx_read import read_docx
from dekkend.documents.model import (
    BulletList,
    Cell,
    Document,
    Figure,
    Heading,
    Paragraph,
    Table,
)
from dekkend.documents.tests.samples import IST_SOLL_GAP, MIJLPALEN, werkagenda

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_docx(werkagenda())


def _part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def test_headings_use_word_styles_and_text_is_extracted(rendered: bytes) -> None:
    d = docx.Document(io.BytesIO(rendered))
    styled = [(p.style.name, p.text) for p in d.paragraphs if p.text]
    assert styled[:6] == [
        ("Title", "Werkagenda Zeeland <2026> & verder"),
        ("Subtitle", "Concept"),
        ("Heading 1", "1. Inleiding"),
        ("Toelichting", "Wat is de huidige situatie?"),
        ("Normal", "Zeeland heeft <script>alert(1)</script> & meer.\nTweede regel."),
        ("Heading 2", "1.1 Financierders"),
    ]
    assert ("List Bullet", "Zorgkantoor CZ") in styled
    assert ("Heading 3", "2.1 Grafiek") in styled
    assert ("Heading 4", "Bijlage A") in styled
    assert ("Bron", "Bron: landelijke LSP-lijst 2025") in styled
    assert ("Caption", "Tabel 1. IST, SOLL en GAP") in styled
    assert ("Caption", "Grafiek 1. Gemeenten zonder LSP") in styled
    assert d.styles["Toelichting"].font.italic is True
    assert d.styles["Bron"].font.size.pt == 8


def test_core_properties(rendered: bytes) -> None:
    props = docx.Document(io.BytesIO(rendered)).core_properties
    assert props.title == "Werkagenda Zeeland <2026> & verder"
    assert props.author == "Dekkend"
    assert props.subject == "Regionale werkagenda AZWA"
    assert props.language == "nl"
    assert props.keywords == "AZWA, LSP"
    assert props.created == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    names = zipfile.ZipFile(io.BytesIO(rendered)).namelist()
    assert not any("thumbnail" in n for n in names)  # no template preview


def test_ist_soll_gap_table_merges_its_first_column(rendered: bytes) -> None:
    d = docx.Document(io.BytesIO(rendered))
    table = d.tables[0]
    assert [c.text for c in table.rows[0].cells] == list(IST_SOLL_GAP.columns)
    # A merged cell is the same cell object in each row it spans.
    first_column = [row.cells[0].text for row in table.rows[1:]]
    assert first_column == ["IST", "IST", "SOLL", "SOLL", "GAP"]
    assert table.rows[1].cells[0]._tc is table.rows[2].cells[0]._tc
    assert table.rows[2].cells[2].text == "Niet <bekend> & onzeker"
    xml = table._tbl.xml
    assert xml.count("<w:vMerge") == 4  # two starts, two continuations
    # Header row: repeated on each page, bold.
    tr_pr = table.rows[0]._tr.trPr
    assert tr_pr.find(f"{W}tblHeader") is not None
    assert all(r.bold for c in table.rows[0].cells for r in c.paragraphs[0].runs)
    # Widths from Table.widths (1 : 2 : 4 of 16 cm).
    widths = [round(c.width.cm, 2) for c in table.rows[1].cells[1:]]
    assert widths == [round(16 * 2 / 7, 2), round(16 * 4 / 7, 2)]


def test_table_key_is_stored_in_the_table_description(rendered: bytes) -> None:
    d = docx.Document(io.BytesIO(rendered))
    descriptions = [
        t._tbl.tblPr.find(f"{W}tblDescription").get(f"{W}val") for t in d.tables
    ]
    captions = [t._tbl.tblPr.find(f"{W}tblCaption").get(f"{W}val") for t in d.tables]
    assert descriptions == ["ist-soll-gap-1", "mijlpalen"]
    assert captions == [IST_SOLL_GAP.caption, MIJLPALEN.caption]
    # Not printed: the key appears nowhere in the document's text.
    text = "\n".join(p.text for p in d.paragraphs)
    assert "ist-soll-gap-1" not in text


def test_formula_like_text_stays_text(rendered: bytes) -> None:
    d = docx.Document(io.BytesIO(rendered))
    assert d.tables[1].rows[2].cells[3].text == "=HYPERLINK(1)"


def test_figure_is_a_png_with_its_alt_text(rendered: bytes) -> None:
    xml = _part(rendered, "word/document.xml")
    descr = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    assert len(descr) == 1
    assert descr[0].startswith("Gemeenten zonder LSP per regio. Zeeland: 4 gemeenten")
    names = zipfile.ZipFile(io.BytesIO(rendered)).namelist()
    pngs = [n for n in names if n.startswith("word/media/") and n.endswith(".png")]
    assert len(pngs) == 1
    png = zipfile.ZipFile(io.BytesIO(rendered)).read(pngs[0])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    assert width == round(16 / 2.54 * 200)  # 16 cm at 200 dpi


def test_footer_page_numbers_and_page_break(rendered: bytes) -> None:
    footer = _part(rendered, "word/footer1.xml")
    assert "Concept — gegenereerd op 1 maart 2026" in footer
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert 'w:type="page"' in _part(rendered, "word/document.xml")
    styles = _part(rendered, "word/styles.xml")
    assert re.search(r'<w:lang [^>]*w:val="nl"', styles)


def test_every_xml_part_parses(rendered: bytes) -> None:
    from xml.etree import ElementTree

    archive = zipfile.ZipFile(io.BytesIO(rendered))
    for name in archive.namelist():
        if name.endswith((".xml", ".rels")):
            ElementTree.fromstring(archive.read(name))  # noqa: S314 - our output


def test_round_trip_gives_back_headings_paragraphs_and_cells(rendered: bytes) -> None:
    doc = werkagenda()
    blocks = read_docx(rendered)
    assert blocks[:2] == (
        Heading(doc.title, level=0),
        Paragraph(doc.subtitle, style="ondertitel"),
    )
    expected = [b for b in doc.blocks if not isinstance(b, Figure)]
    got = [b for b in blocks[2:] if not isinstance(b, Figure)]
    assert [type(b).__name__ for b in got] == [
        type(b).__name__ for b in expected if type(b).__name__ != "PageBreak"
    ]
    for want, have in zip(
        [b for b in expected if type(b).__name__ != "PageBreak"], got, strict=True
    ):
        if isinstance(want, Table):
            assert isinstance(have, Table)
            assert have.columns == want.columns
            assert have.key == want.key and have.caption == want.caption
            assert [[(c.text, c.rowspan) for c in r] for r in have.rows] == [
                [(c.text, c.rowspan) for c in r] for r in want.rows
            ]
        else:
            assert have == want
    (figure,) = [b for b in blocks if isinstance(b, Figure)]
    chart = next(b for b in doc.blocks if isinstance(b, Figure))
    assert figure.alt == chart.alt and figure.caption == chart.caption


def test_control_characters_are_dropped_not_fatal() -> None:
    doc = Document(
        title="Titel\x0b",
        blocks=(
            Paragraph("a\x00b\x1fc"),
            BulletList(("x\x0cy",)),
            Table(columns=("k\x01",), rows=((Cell("v\x02"),),)),
        ),
    )
    blocks = read_docx(render_docx(doc))
    assert blocks[1] == Paragraph("abc")
    assert blocks[2] == BulletList(("xy",))
    assert isinstance(blocks[3], Table) and blocks[3].columns == ("k",)


def test_colspan_and_bad_rows() -> None:
    table = Table(
        columns=("a", "b", "c"),
        rows=(
            (Cell("breed", colspan=2), Cell("c1")),
            (Cell("1"), Cell("2"), Cell("3")),
        ),
    )
    (read,) = read_docx(render_docx(Document(title="", blocks=(table,))))[1:]
    assert isinstance(read, Table)
    assert [(c.text, c.colspan) for c in read.rows[0]] == [("breed", 2), ("c1", 1)]
    too_wide = Table(columns=("a",), rows=((Cell("1"), Cell("2")),), key="t")
    with pytest.raises(ValueError, match="row 1 has more cells"):
        render_docx(Document(title="x", blocks=(too_wide,)))


def test_unknown_block_is_an_error_not_dropped() -> None:
    with pytest.raises(TypeError, match="unknown block str"):
        render_docx(Document(title="x", blocks=("losse tekst",)))  # type: ignore[arg-type]
