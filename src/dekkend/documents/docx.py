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
from typing import Any

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

PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = 2.5
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
PNG_DPI = 200

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
        paragraph.add_run(f"{text} — ")
    paragraph.add_run("pagina ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" van ")
    _field(paragraph, "NUMPAGES")
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _set_table_properties(table_el: Any, caption: str, key: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table_el.tblPr
    # Schema order: … tblLayout, tblCellMar, tblLook, tblCaption, tblDescription.
    if caption:
        el = OxmlElement("w:tblCaption")
        el.set(qn("w:val"), caption)
        tbl_pr.append(el)
    if key:
        el = OxmlElement("w:tblDescription")
        el.set(qn("w:val"), key)
        tbl_pr.append(el)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def _fill_cell(cell: Any, text: str, *, bold: bool, style: str, header: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    lines = text.split("\n")
    paragraph = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold or header
        if style == "toelichting":
            run.italic = True
        if style == "getal":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _add_table(docx_doc: Any, table: Table) -> None:
    from docx.shared import Cm

    if table.caption:
        docx_doc.add_paragraph(table.caption, style="Caption")
    ncols = len(table.columns)
    if ncols == 0:
        raise ValueError(f"table {table.key or table.caption!r} has no columns")
    positions = grid_positions(table)
    out = docx_doc.add_table(rows=1 + len(table.rows), cols=ncols)
    out.style = "Table Grid"
    out.autofit = False
    _set_table_properties(out._tbl, table.caption or table.key, table.key)
    widths = table.widths or tuple(1.0 for _ in range(ncols))
    if len(widths) != ncols:
        raise ValueError(
            f"table {table.key or table.caption!r}: {len(widths)} widths for "
            f"{ncols} columns"
        )
    total = sum(widths) or 1.0
    cm = [Cm(TEXT_WIDTH_CM * w / total) for w in widths]
    for i, column in enumerate(out.columns):
        column.width = cm[i]
    rows = out.rows
    _repeat_header(rows[0])
    header_cells = rows[0].cells
    for c, name in enumerate(table.columns):
        _fill_cell(header_cells[c], name, bold=True, style="", header=True)
    # Merge first, then write text: python-docx joins the text of merged cells.
    for r, placed in enumerate(positions, start=1):
        for col, cell in placed:
            rowspan = max(1, cell.rowspan)
            colspan = max(1, cell.colspan)
            target = out.cell(r, col)
            if rowspan > 1 or colspan > 1:
                last_row = min(len(rows) - 1, r + rowspan - 1)
                target = target.merge(out.cell(last_row, col + colspan - 1))
            _fill_cell(
                target, cell.text, bold=cell.bold, style=cell.style, header=False
            )
    for row in rows:
        for c, tc in enumerate(row.cells):
            tc.width = cm[c]


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
        el.set("descr", figure.alt)
        el.set("title", figure.caption or figure.alt[:80])
        el.set("name", f"Figuur {number}")
    if figure.caption:
        docx_doc.add_paragraph(figure.caption, style="Caption")


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
    props.title = doc.title
    props.author = doc.author
    props.subject = doc.subject
    props.language = doc.language
    props.keywords = doc.metadata.get("keywords", "")
    props.comments = doc.metadata.get("comments", "")
    props.last_modified_by = doc.author
    _footer(section, doc.footer)

    out.add_paragraph(doc.title, style="Title")
    if doc.subtitle:
        out.add_paragraph(doc.subtitle, style="Subtitle")
    figures = 0
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = min(4, max(1, block.level))
            out.add_paragraph(block.text, style=f"Heading {level}")
        elif isinstance(block, Paragraph):
            style = PARAGRAPH_STYLES.get(block.style, "Normal")
            paragraph = out.add_paragraph(style=style)
            for i, line in enumerate(block.text.split("\n")):
                if i:
                    paragraph.add_run().add_break()
                paragraph.add_run(line)
        elif isinstance(block, BulletList):
            for item in block.items:
                out.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            _add_table(out, block)
            # An empty paragraph keeps two tables from melting into one.
            out.add_paragraph()
        elif isinstance(block, Figure):
            figures += 1
            _add_figure(out, block, figures)
        elif isinstance(block, PageBreak):
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
