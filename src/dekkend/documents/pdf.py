# SPDX-License-Identifier: EUPL-1.2
"""A `Document` as an accessible HTML5 page and as a PDF/UA-1 file.

`render_html` gives one self-contained page (no external CSS, fonts or
scripts): `lang`, the title as `<h1 class="titel">`, model heading level N as
`<hN>` (as in the DOCX, where the title has its own style next to
"Heading 1"), tables with `<caption>`, `<th scope>`, `rowspan`/`colspan`
and the key in `data-key`, figures as inline SVG with `role="img"`, an
`aria-label` with the alt text and a `<figcaption>`. A print stylesheet sets
A4, margins and the footer with page numbers through `@page`.

`render_pdf` runs WeasyPrint on that page with `pdf_variant="pdf/ua-1"`,
which tags the PDF and writes the title and language into its metadata.

All text is escaped: titles, cells and captions may contain `<`, `&` or
quotes. What does not belong here: content decisions (apps build the
`Document`) and anything Django.
"""

from __future__ import annotations

import io
import re
from html import escape as _escape

from dekkend.documents.charts import standalone_svg
from dekkend.documents.docx import grid_positions
from dekkend.documents.model import (
    BulletList,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from dekkend.documents.text import xml_safe

STYLESHEET = """
@page {
  size: A4;
  margin: 2.5cm 2cm 2.5cm 2.5cm;
  @bottom-left { content: %(footer)s; font-size: 8pt; color: #444; }
  @bottom-right { content: "pagina " counter(page) " van " counter(pages);
                  font-size: 8pt; color: #444; }
}
html { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10pt;
       line-height: 1.45; color: #1a1a1a; }
body { margin: 0; }
h1, h2, h3, h4, h5, h6 { color: #154273; line-height: 1.2; break-after: avoid;
  page-break-after: avoid; }
h1.titel { font-size: 24pt; margin: 0 0 .3em; }
h1 { font-size: 18pt; margin: 1.4em 0 .4em; }
.ondertitel { font-size: 13pt; color: #333; margin: 0 0 1.5em; }
h2 { font-size: 14pt; margin: 1.4em 0 .4em; }
h3 { font-size: 12pt; margin: 1.2em 0 .3em; }
h4 { font-size: 11pt; margin: 1em 0 .3em; }
h5, h6 { font-size: 10pt; margin: 1em 0 .2em; }
p { margin: 0 0 .6em; orphans: 3; widows: 3; }
.toelichting { font-style: italic; color: #333; }
.bron { font-size: 8pt; color: #444; }
.leeg { color: #6b6b6b; }
ul { margin: 0 0 .6em 1.2em; padding: 0; }
table { table-layout: fixed; border-collapse: collapse; width: 100%%;
        margin: .4em 0 1em; font-size: 9pt; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 .3em; }
th, td { border: 1px solid #6b6b6b; padding: .25em .4em; vertical-align: top;
         text-align: left; overflow-wrap: break-word; }
thead th { background: #e1eaf4; font-weight: bold; }
thead { display: table-header-group; }
thead tr { break-inside: avoid; page-break-inside: avoid; }
td.getal { text-align: right; font-variant-numeric: tabular-nums; }
td.toelichting { font-style: italic; }
.vet { font-weight: bold; }
figure { margin: .6em 0 1em; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%%; height: auto; }
figcaption { font-size: 9pt; color: #333; margin-top: .3em; }
.pagina-einde { break-after: page; page-break-after: always; }
@media screen { body { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; } }
"""


def escape(text: str) -> str:
    """`text` escaped for HTML text and attribute values, XML-safe."""
    return _escape(xml_safe(text), quote=True)


def _css_string(text: str) -> str:
    """`text` as a CSS string literal, safe inside a `<style>` element."""
    out = []
    for ch in xml_safe(text):
        if ch in '"\\' or ch in "<>&" or ord(ch) < 0x20:
            out.append(f"\\{ord(ch):X} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _heading_tag(level: int) -> str:
    return f"h{min(4, max(1, level))}"


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def _table(table: Table) -> str:
    parts = ["<table"]
    if table.key:
        parts.append(f' data-key="{escape(table.key)}"')
    parts.append(">")
    if table.caption:
        parts.append(f"<caption>{_lines(table.caption)}</caption>")
    # Explicit column widths: the table kind's own (`Table.widths`), else
    # equal. With `table-layout: fixed` WeasyPrint then lays a table out
    # from these widths instead of measuring every cell first.
    widths = (
        table.widths
        if table.widths and len(table.widths) == len(table.columns)
        else (1.0,) * len(table.columns)
    )
    if widths:
        total = sum(widths) or 1.0
        parts.append("<colgroup>")
        for w in widths:
            parts.append(f'<col style="width: {100 * w / total:.1f}%">')
        parts.append("</colgroup>")
    parts.append("<thead><tr>")
    for name in table.columns:
        parts.append(f'<th scope="col">{_lines(name)}</th>')
    parts.append("</tr></thead><tbody>")
    positions = grid_positions(table)
    row_headers = any(
        col == 0 and cell.rowspan > 1 for placed in positions for col, cell in placed
    )
    for placed in positions:
        parts.append("<tr>")
        for col, cell in placed:
            attrs = ""
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            classes = " ".join(c for c in (cell.style, "vet" if cell.bold else "") if c)
            if classes:
                attrs += f' class="{escape(classes)}"'
            # When the first column spans rows (IST / SOLL / GAP), it heads
            # the rows it spans: a row header (with rowspan, the header of
            # each of those rows).
            if col == 0 and row_headers:
                parts.append(f'<th scope="row"{attrs}>{_lines(cell.text)}</th>')
            else:
                parts.append(f"<td{attrs}>{_lines(cell.text)}</td>")
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _figure(figure: Figure) -> str:
    svg = standalone_svg(figure.svg)
    end = svg.index(">")
    tag, rest = svg[:end], svg[end:]
    if tag.endswith("/"):
        tag, rest = tag[:-1], "/" + rest
    for attr in ("role", "aria-label", "width", "height"):
        tag = _drop_attr(tag, attr)
    # The stylesheet scales it (viewBox kept); the accessible name is the
    # full alt text. WeasyPrint takes a figure's PDF /Alt from the SVG
    # <title>, so that carries the alt text too.
    width = f"{min(figure.width_cm, 16.0):.1f}cm"
    tag += f' role="img" aria-label="{escape(figure.alt)}" style="width: {width}"'
    title = f"<title>{escape(figure.alt)}</title>"
    if rest.startswith("><title"):
        rest = ">" + title + rest[rest.index("</title>") + len("</title>") :]
    elif rest.startswith(">"):
        rest = ">" + title + rest[1:]
    caption = (
        f"<figcaption>{_lines(figure.caption)}</figcaption>" if figure.caption else ""
    )
    return f"<figure>{tag}{rest}{caption}</figure>"


def _drop_attr(tag: str, name: str) -> str:
    return re.sub(rf'\s{re.escape(name)}="[^"]*"', "", tag)


def render_html(doc: Document) -> str:
    """`doc` as a self-contained, escaped HTML5 page with a print stylesheet."""
    body: list[str] = [f'<h1 class="titel">{_lines(doc.title)}</h1>']
    if doc.subtitle:
        body.append(f'<p class="ondertitel">{_lines(doc.subtitle)}</p>')
    for block in doc.blocks:
        if isinstance(block, Heading):
            tag = _heading_tag(block.level)
            body.append(f"<{tag}>{_lines(block.text)}</{tag}>")
        elif isinstance(block, Paragraph):
            cls = f' class="{escape(block.style)}"' if block.style else ""
            body.append(f"<p{cls}>{_lines(block.text)}</p>")
        elif isinstance(block, BulletList):
            items = "".join(f"<li>{_lines(item)}</li>" for item in block.items)
            body.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            body.append(_table(block))
        elif isinstance(block, Figure):
            body.append(_figure(block))
        elif isinstance(block, PageBreak):
            body.append('<div class="pagina-einde"></div>')
        else:
            raise TypeError(f"unknown block {type(block).__name__}")
    meta = [
        f'<meta name="author" content="{escape(doc.author)}">',
    ]
    if doc.subject:
        meta.append(f'<meta name="description" content="{escape(doc.subject)}">')
    if doc.metadata.get("keywords"):
        meta.append(
            f'<meta name="keywords" content="{escape(doc.metadata["keywords"])}">'
        )
    meta.append('<meta name="generator" content="Dekkend">')
    css = STYLESHEET % {"footer": _css_string(doc.footer)}
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(doc.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(doc.title)}</title>\n"
        + "\n".join(meta)
        + f"\n<style>{css}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _cache_page_references() -> None:
    """Make `pydyf.PDF.page_references` cheap. pydyf builds the tuple of all
    page references on every access, and WeasyPrint's tagging reads it for
    every structure element, so a tagged PDF cost time in pages × elements
    (about a tenth of a 300-page werkagenda). The cached tuple is rebuilt
    whenever a page is added, so it is always the same as pydyf's own."""
    import pydyf

    original = getattr(pydyf.PDF, "page_references", None)
    if (
        not isinstance(original, property)
        or original.fget is None
        or getattr(original.fget, "_dekkend_cached", False)
    ):
        return

    fget = original.fget

    def page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_dekkend_page_references")
        if cached is None or cached[0] != len(kids):
            cached = (len(kids), fget(pdf))
            pdf.__dict__["_dekkend_page_references"] = cached
        return cached[1]

    page_references._dekkend_cached = True  # type: ignore[attr-defined]
    pydyf.PDF.page_references = property(page_references)


def render_pdf(doc: Document) -> bytes:
    """`doc` as a tagged PDF/UA-1 file with title and language in its
    metadata. Needs WeasyPrint (imported here: it is heavy)."""
    import weasyprint

    _cache_page_references()
    html = weasyprint.HTML(string=render_html(doc), base_url=None)
    out = io.BytesIO()
    html.write_pdf(out, pdf_variant="pdf/ua-1")
    return out.getvalue()
