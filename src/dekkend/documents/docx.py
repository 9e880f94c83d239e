# SPDX-License-Identifier: EUPL-1.2
"""A `Document` as a Word file (python-docx).

Real Word structure, so navigation panes, screen readers and
`documents.docx_read` find it again: the title in style "Title", headings
in "Heading 1" … "Heading 4", list items in "List Bullet", captions in
"Caption", and three paragraph styles of our own: "Toelichting" (italic),
"Bron" (small) and "Leeg" (grey). Tables get a bold header row that repeats
on every page, merged cells for `Cell.rowspan`/`colspan` and widths from
`Table.widths`; the printed caption stands above the table.

The table key: `Table.key` is stored in the table's description property
(`w:tblDescription`, Word: Table Properties → Alt Text → Description) and
the caption, or the key when there is none, in its title (`w:tblCaption`).
Neither is printed; both survive editing in Word and LibreOffice.

Figures are PNG (CairoSVG, 200 dpi) with the alt text in the picture's
description (`wp:docPr/@descr`) and the caption below. Page size is A4;
the footer carries `Document.footer` and "pagina X van Y" fields.

What does not belong here: content decisions. Apps build the `Document`.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from dekkend.documents.model import (
    BulletList,
    Cell,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from dekkend.documents.text import xml_safe

PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = 2.5
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
PNG_DPI = 200
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Model paragraph style → Word style name (created when missing).
PARAGRAPH_STYLES = {
    "": "Normal",
    "toelichting": "Toelichting",
    "bron": "Bron",
    "leeg": "Leeg",
}


def grid_positions(table: Table) -> list[list[tuple[int, Cell]]]:
    """Per row, the (grid column, cell) of each cell, skipping the columns
    that a rowspan from above still covers. Raises ValueError when a row
    does not fit the columns."""
    ncols = len(table.columns)
    covered: dict[tuple[int, int], bool] = {}
    out: list[list[tuple[int, Cell]]] = []
    for r, row in enumerate(table.rows):
        placed: list[tuple[int, Cell]] = []
        col = 0
        for cell in row:
            while covered.get((r, col)):
                col += 1
            if col + max(1, cell.colspan) > ncols:
                raise ValueError(
                    f"table {table.key or table.caption!r}: row {r + 1} has more "
                    f"cells than its {ncols} columns"
                )
            placed.append((col, cell))
            for dr in range(max(1, cell.rowspan)):
                for dc in range(max(1, cell.colspan)):
                    covered[(r + dr, col + dc)] = True
            col += max(1, cell.colspan)
        out.append(placed)
    return out


def _ensure_styles(docx_doc: Any, language: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles = docx_doc.styles
    normal = styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10.5)
    names = {s.name for s in styles}
    if "Toelichting" not in names:
        s = styles.add_style("Toelichting", WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = normal
        s.font.italic = True
    if "Bron" not in names:
        s = styles.add_style("Bron", WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = normal
        s.font.size = Pt(8)
    if "Leeg" not in names:
        s = styles.add_style("Leeg", WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = normal
        s.font.color.rgb = RGBColor(0x6B, 0x6B, 0x6B)
    # The document language, for spelling and screen readers.
    rpr_default = styles.element.find(qn("w:docDefaults"))
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            lang = rpr.find(qn("w:lang"))
            if lang is None:
                lang = OxmlElement("w:lang")
                rpr.append(lang)
            lang.set(qn("w:val"), language)
            lang.set(qn("w:eastAsia"), language)


def _field(paragraph: Any, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _footer(section: Any, text: str) -> None:
    from docx.shared import Pt

    paragraph = section.footer.paragraphs[0]
    paragraph.style = "Bron"
    if text:
        paragraph.add_run(f"{xml_safe(text)} — ")
    paragraph.add_run("pagina ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" van ")
    _field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _attr(value: str) -> str:
    return quoteattr(xml_safe(value))


def _cell_xml(
    text: str, *, width: int, span: int, merge: str, bold: bool, style: str
) -> str:
    tc_pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tc_pr += f'<w:gridSpan w:val="{span}"/>'
    if merge:
        tc_pr += f'<w:vMerge w:val="{merge}"/>'
    if merge == "continue":
        return f"<w:tc><w:tcPr>{tc_pr}</w:tcPr><w:p/></w:tc>"
    r_pr = ("<w:b/>" if bold else "") + ("<w:i/>" if style == "toelichting" else "")
    r_pr = f"<w:rPr>{r_pr}</w:rPr>" if r_pr else ""
    p_pr = '<w:pPr><w:jc w:val="right"/></w:pPr>' if style == "getal" else ""
    paragraphs = "".join(
        f'<w:p>{p_pr}<w:r>{r_pr}<w:t xml:space="preserve">{xml_escape(line)}</w:t>'
        "</w:r></w:p>"
        for line in xml_safe(text).split("\n")
    )
    return f"<w:tc><w:tcPr>{tc_pr}</w:tcPr>{paragraphs}</w:tc>"


def table_xml(table: Table) -> str:
    """The `<w:tbl>` of `table`, written as text and parsed once: building
    it through python-docx's cell API is quadratic in the number of cells
    (its cell lookup and merge walk the whole table every time).

    A bold header row that repeats on every page and does not split, merged
    cells as `w:vMerge`/`w:gridSpan`, fixed column widths in twips, the
    caption in `w:tblCaption` and the key in `w:tblDescription`."""
    ncols = len(table.columns)
    name = table.key or table.caption
    if ncols == 0:
        raise ValueError(f"table {name!r} has no columns")
    widths = table.widths or tuple(1.0 for _ in range(ncols))
    if len(widths) != ncols:
        raise ValueError(f"table {name!r}: {len(widths)} widths for {ncols} columns")
    positions = grid_positions(table)
    total = sum(widths) or 1.0
    twips = [round(TEXT_WIDTH_CM * w / total / 2.54 * 1440) for w in widths]
    parts = [
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr>'
        '<w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
    ]
    if table.caption or table.key:
        parts.append(f"<w:tblCaption w:val={_attr(table.caption or table.key)}/>")
    if table.key:
        parts.append(f"<w:tblDescription w:val={_attr(table.key)}/>")
    parts.append("</w:tblPr><w:tblGrid>")
    parts += [f'<w:gridCol w:w="{w}"/>' for w in twips]
    parts.append("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    for c, column in enumerate(table.columns):
        parts.append(
            _cell_xml(column, width=twips[c], span=1, merge="", bold=True, style="")
        )
    parts.append("</w:tr>")
    # (row, col) → colspan of a cell from a row above that still covers it.
    covering: dict[tuple[int, int], int] = {}
    nrows = len(table.rows)
    for r, placed in enumerate(positions):
        parts.append("<w:tr>")
        starts = dict(placed)
        col = 0
        while col < ncols:
            if (r, col) in covering:
                span = covering[(r, col)]
                width = sum(twips[col : col + span])
                parts.append(
                    _cell_xml(
                        "",
                        width=width,
                        span=span,
                        merge="continue",
                        bold=False,
                        style="",
                    )
                )
            elif col in starts:
                cell = starts[col]
                span = max(1, cell.colspan)
                rowspan = min(max(1, cell.rowspan), nrows - r)
                for dr in range(1, rowspan):
                    covering[(r + dr, col)] = span
                parts.append(
                    _cell_xml(
                        cell.text,
                        width=sum(twips[col : col + span]),
                        span=span,
                        merge="restart" if rowspan > 1 else "",
                        bold=cell.bold,
                        style=cell.style,
                    )
                )
            else:
                span = 1  # a short row: an empty cell
                parts.append(
                    _cell_xml(
                        "", width=twips[col], span=1, merge="", bold=False, style=""
                    )
                )
            col += span
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def _add_table(docx_doc: Any, table: Table) -> None:
    from docx.oxml import parse_xml

    tbl = parse_xml(table_xml(table))
    if table.caption:
        docx_doc.add_paragraph(xml_safe(table.caption), style="Caption")
    body = docx_doc.element.body
    sect_pr = body.find(qn_w("sectPr"))
    if sect_pr is not None:
        sect_pr.addprevious(tbl)
    else:
        body.append(tbl)


def qn_w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _add_figure(docx_doc: Any, figure: Figure, number: int) -> None:
    import cairosvg
    from docx.shared import Cm

    from dekkend.documents.charts import standalone_svg

    svg = standalone_svg(figure.svg)
    png = cairosvg.svg2png(
        bytestring=svg.encode("utf-8"),
        output_width=round(figure.width_cm / 2.54 * PNG_DPI),
        dpi=PNG_DPI,
    )
    assert isinstance(png, bytes)
    paragraph = docx_doc.add_paragraph()
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(png), width=Cm(min(figure.width_cm, TEXT_WIDTH_CM)))
    doc_pr = run._r.xpath(".//wp:docPr")
    for el in doc_pr:
        el.set("descr", xml_safe(figure.alt))
        el.set("title", xml_safe(figure.caption or figure.alt[:80]))
        el.set("name", f"Figuur {number}")
    if figure.caption:
        docx_doc.add_paragraph(xml_safe(figure.caption), style="Caption")


def _drop_thumbnail(docx_doc: Any) -> None:
    """python-docx's template carries a preview picture of another document."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    rels = docx_doc.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[r_id]


def _created(doc: Document) -> datetime:
    """`doc.metadata["datum"]` (ISO 8601) when given, else now, in UTC;
    without it python-docx would keep its template's date from 2013."""
    value = doc.metadata.get("datum", "")
    if value:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"metadata datum {value!r} is not ISO 8601") from exc
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    return datetime.now(tz=UTC)


def render_docx(doc: Document) -> bytes:
    """`doc` as the bytes of a .docx file. Raises ValueError for a table whose
    rows or widths do not fit its columns, or an SVG that is not SVG."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    out = docx.Document()
    _ensure_styles(out, doc.language)
    section = out.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    props = out.core_properties
    props.title = xml_safe(doc.title)
    props.author = xml_safe(doc.author)
    props.subject = xml_safe(doc.subject)
    props.language = doc.language
    props.keywords = xml_safe(doc.metadata.get("keywords", ""))
    props.comments = xml_safe(doc.metadata.get("comments", ""))
    props.last_modified_by = xml_safe(doc.author)
    created = _created(doc)
    props.created = props.modified = created
    props.revision = 1
    _footer(section, doc.footer)

    out.add_paragraph(xml_safe(doc.title), style="Title")
    if doc.subtitle:
        out.add_paragraph(xml_safe(doc.subtitle), style="Subtitle")
    figures = 0
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(4, max(1, block.level))
            out.add_paragraph(xml_safe(block.text), style=f"Heading {level}")
        elif isinstance(block, Paragraph):
            style = PARAGRAPH_STYLES.get(block.style, "Normal")
            paragraph = out.add_paragraph(style=style)
            for i, line in enumerate(xml_safe(block.text).split("\n")):
                if i:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
        elif isinstance(block, BulletList):
            for item in block.items:
                out.add_paragraph(xml_safe(item), style="List Bullet")
        elif isinstance(block, Table):
            _add_table(out, block)
            # An empty paragraph keeps two tables from melting into one.
            out.add_paragraph()
        elif isinstance(block, Figure):
            figures += 1
            _add_figure(out, block, figures)
        elif isinstance(block, PageBreak):
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise TypeError(f"unknown block {type(block).__name__}")
    _drop_thumbnail(out)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
