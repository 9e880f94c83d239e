# SPDX-License-Identifier: EUPL-1.2
"""Any DOCX read back into the blocks of `documents.model`, in document order.

It reads `word/document.xml` and `word/styles.xml` directly (lxml, no DTDs,
no entities, no network) rather than through python-docx, so that it also
reads files python-docx would refuse, and so it sees vertical merges and
table properties:

- headings from the styles "Heading N" / "Title" and their localised names
  ("Kop 1", "Titel", "Überschrift 1", LibreOffice's "heading 1") or an
  outline level on the paragraph or its style; the title comes back as
  `Heading(text, level=0)`;
- paragraphs with their text and our style ("toelichting", "bron", "leeg",
  "ondertitel", "bijschrift"; "" for anything else);
- list items (a list style or numbering) grouped into `BulletList`;
- tables: the first row gives the columns, the rest the rows; cells with
  their text, colspan (gridSpan) and rowspan (vertical merges; the covered
  cells are left out, as in the model); the key from `w:tblDescription` and
  a "Caption" paragraph right above the table as its caption;
- pictures as `Figure(svg="", alt=<description>, caption=<caption below>)`.

Input is untrusted: the zip's declared sizes are checked before anything is
decompressed (`MAX_UNCOMPRESSED_BYTES`), and every failure is raised as
`DocumentLeesfout` with a Dutch message.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from dekkend.documents.model import (
    Block,
    BulletList,
    Cell,
    Figure,
    Heading,
    Paragraph,
    Table,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 2000

_HEADING_NAME = re.compile(
    r"^(heading|kop|überschrift|titre|título|titolo|nagłówek)\s*(\d)$", re.IGNORECASE
)
_TITLE_NAMES = {"title", "titel", "titre", "título", "titolo", "tytuł"}
_STYLE_NAMES = {
    "toelichting": "toelichting",
    "bron": "bron",
    "leeg": "leeg",
    "subtitle": "ondertitel",
    "ondertitel": "ondertitel",
    "caption": "bijschrift",
    "bijschrift": "bijschrift",
}
_LIST_NAME = re.compile(r"^(list|lijst)", re.IGNORECASE)


class DocumentLeesfout(ValueError):  # noqa: N818 - the domain's own word
    """The bytes are not a readable DOCX; `melding` says why, in Dutch."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _parse(data: bytes, part: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser=parser)  # noqa: S320 - hardened parser
    except etree.XMLSyntaxError as exc:
        raise DocumentLeesfout(
            f"Het onderdeel {part} van het document is geen geldige XML."
        ) from exc


def _open(data: bytes) -> tuple[bytes, bytes | None]:
    if not data:
        raise DocumentLeesfout("Het bestand is leeg.")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentLeesfout("Het bestand is geen Word-document (.docx).")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DocumentLeesfout("Het bestand is een beschadigd zip-archief.") from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise DocumentLeesfout("Het document bevat te veel onderdelen.")
        # zipfile never yields more than a member's declared size, so the
        # declared sizes bound what decompressing can cost.
        total = sum(m.file_size for m in members)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise DocumentLeesfout(
                "Het document is uitgepakt groter dan "
                f"{MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB en wordt niet gelezen."
            )
        names = {m.filename for m in members}
        if "word/document.xml" not in names:
            raise DocumentLeesfout(
                "Het bestand is geen Word-document: word/document.xml ontbreekt."
            )
        try:
            document = archive.read("word/document.xml")
            styles = (
                archive.read("word/styles.xml") if "word/styles.xml" in names else None
            )
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise DocumentLeesfout(
                "Het bestand is een beschadigd zip-archief."
            ) from exc
    return document, styles


class _Styles:
    def __init__(self, root: Any | None) -> None:
        self.names: dict[str, str] = {}
        self.outline: dict[str, int] = {}
        self.based_on: dict[str, str] = {}
        if root is None:
            return
        for style in root.iter(_w("style")):
            style_id = style.get(_w("styleId"), "")
            name = style.find(_w("name"))
            self.names[style_id] = (
                name.get(_w("val"), style_id) if name is not None else style_id
            )
            based = style.find(_w("basedOn"))
            if based is not None:
                self.based_on[style_id] = based.get(_w("val"), "")
            level = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
            if level is not None and (level.get(_w("val")) or "").isdigit():
                self.outline[style_id] = int(level.get(_w("val")))

    def name(self, style_id: str) -> str:
        return self.names.get(style_id, style_id)

    def heading_level(self, style_id: str) -> int | None:
        """0 for a title, 1–9 for headings, None for other styles."""
        seen = set()
        current = style_id
        while current and current not in seen:
            seen.add(current)
            for candidate in (self.name(current), current):
                normalised = candidate.strip().lower()
                if normalised in _TITLE_NAMES:
                    return 0
                match = _HEADING_NAME.match(candidate.strip())
                if match is None:
                    # Style ids drop the space: "Heading1", "Kop1".
                    match = _HEADING_NAME.match(
                        re.sub(r"(\D)(\d)$", r"\1 \2", candidate)
                    )
                if match:
                    return int(match.group(2))
            if current in self.outline and self.outline[current] < 9:
                return self.outline[current] + 1
            current = self.based_on.get(current, "")
        return None


def _text(el: Any) -> str:
    parts: list[str] = []
    for node in el.iter(_w("t"), _w("tab"), _w("br"), _w("cr"), _w("p")):
        if node.tag == _w("t"):
            parts.append(node.text or "")
        elif node.tag == _w("tab"):
            parts.append("\t")
        elif node.tag == _w("p"):
            if node is not el and parts:
                parts.append("\n")
        elif node.get(_w("type")) in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def _paragraph_style(p: Any) -> str:
    style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
    return style.get(_w("val"), "") if style is not None else ""


def _is_list(p: Any, style_name: str) -> bool:
    if p.find(f"{_w('pPr')}/{_w('numPr')}") is not None:
        return True
    return bool(_LIST_NAME.match(style_name)) and "paragraph" not in style_name.lower()


def _on(el: Any | None) -> bool:
    return el is not None and el.get(_w("val"), "true") not in ("0", "false", "off")


def _cell(tc: Any) -> tuple[Cell, int, str]:
    """The cell, its gridSpan and its vMerge state ("", "restart", "continue")."""
    tc_pr = tc.find(_w("tcPr"))
    span, merge = 1, ""
    if tc_pr is not None:
        grid_span = tc_pr.find(_w("gridSpan"))
        if grid_span is not None and (grid_span.get(_w("val")) or "").isdigit():
            span = max(1, int(grid_span.get(_w("val"))))
        v_merge = tc_pr.find(_w("vMerge"))
        if v_merge is not None:
            merge = v_merge.get(_w("val"), "continue")
    paragraphs = [p for p in tc if p.tag == _w("p")]
    text = "\n".join(_text(p) for p in paragraphs) if paragraphs else _text(tc)
    runs = [
        r for p in paragraphs for r in p.iter(_w("r")) if r.find(_w("t")) is not None
    ]
    bold = bool(runs) and all(_on(r.find(f"{_w('rPr')}/{_w('b')}")) for r in runs)
    right = any(
        (jc := p.find(f"{_w('pPr')}/{_w('jc')}")) is not None
        and jc.get(_w("val")) in ("right", "end")
        for p in paragraphs
    )
    return (
        Cell(text=text, colspan=span, bold=bold, style="getal" if right else ""),
        span,
        merge,
    )


def _table(tbl: Any, caption: str) -> Table:
    tbl_pr = tbl.find(_w("tblPr"))
    key = ""
    if tbl_pr is not None:
        desc = tbl_pr.find(_w("tblDescription"))
        if desc is not None:
            key = desc.get(_w("val"), "")
    grid: list[list[tuple[int, Cell, str]]] = []
    for tr in tbl.iter(_w("tr")):
        if tr.getparent() is not tbl:
            continue  # rows of nested tables belong to their own table's cell
        row: list[tuple[int, Cell, str]] = []
        col = 0
        for tc in tr.iter(_w("tc")):
            if tc.getparent() is not tr:
                continue
            cell, span, merge = _cell(tc)
            row.append((col, cell, merge))
            col += span
        grid.append(row)
    if not grid:
        return Table(columns=(), rows=(), caption=caption, key=key)
    # Resolve vertical merges: a "continue" cell adds one to the rowspan of
    # the cell that started the merge in its grid column.
    out_rows: list[list[Cell]] = []
    open_merges: dict[int, tuple[int, int]] = {}  # grid col → (row, index)
    for r, row in enumerate(grid):
        kept: list[Cell] = []
        for col, cell, merge in row:
            if merge == "continue" and col in open_merges:
                rr, index = open_merges[col]
                start = out_rows[rr][index]
                out_rows[rr][index] = Cell(
                    text=start.text,
                    rowspan=start.rowspan + 1,
                    colspan=start.colspan,
                    bold=start.bold,
                    style=start.style,
                )
                continue
            if merge == "restart":
                open_merges[col] = (r, len(kept))
            else:
                open_merges.pop(col, None)
            kept.append(cell)
        out_rows.append(kept)
    header, *body = out_rows
    return Table(
        columns=tuple(c.text for c in header),
        rows=tuple(tuple(row) for row in body),
        caption=caption,
        key=key,
    )


def _figure_alt(p: Any) -> str | None:
    doc_prs = list(p.iter(f"{{{WP}}}docPr"))
    if not doc_prs:
        return None
    return doc_prs[0].get("descr") or doc_prs[0].get("title") or ""


def _body_elements(body: Any) -> list[Any]:
    """Paragraphs and tables in order, looking inside content controls."""
    out: list[Any] = []
    for el in body:
        if el.tag in (_w("p"), _w("tbl")):
            out.append(el)
        elif el.tag == _w("sdt"):
            content = el.find(_w("sdtContent"))
            if content is not None:
                out.extend(_body_elements(content))
    return out


def read_docx(data: bytes) -> tuple[Block, ...]:
    """The blocks of the DOCX in `data`, in document order. Raises
    `DocumentLeesfout` when `data` is not a DOCX, is too large when
    unpacked, or holds broken XML."""
    document_xml, styles_xml = _open(data)
    root = _parse(document_xml, "word/document.xml")
    styles = _Styles(_parse(styles_xml, "word/styles.xml") if styles_xml else None)
    if root.tag != _w("document"):
        raise DocumentLeesfout("word/document.xml is geen Word-document.")
    body = root.find(_w("body"))
    if body is None:
        return ()
    elements = _body_elements(body)
    blocks: list[Block] = []
    items: list[str] = []

    def flush_list() -> None:
        if items:
            blocks.append(BulletList(items=tuple(items)))
            items.clear()

    caption_for_table = ""
    for i, el in enumerate(elements):
        if el.tag == _w("tbl"):
            flush_list()
            blocks.append(_table(el, caption_for_table))
            caption_for_table = ""
            continue
        style_id = _paragraph_style(el)
        style_name = styles.name(style_id)
        text = _text(el)
        alt = _figure_alt(el)
        if alt is not None:
            flush_list()
            blocks.append(Figure(svg="", alt=alt))
            if text.strip():
                blocks.append(Paragraph(text))
            continue
        level = styles.heading_level(style_id) if style_id else None
        outline = el.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        if level is None and outline is not None:
            value = outline.get(_w("val")) or ""
            level = int(value) + 1 if value.isdigit() and int(value) < 9 else None
        kind = _STYLE_NAMES.get(style_name.strip().lower(), "")
        if not text.strip() and level is None:
            continue  # empty spacer paragraphs and page breaks
        if kind == "bijschrift":
            following = elements[i + 1] if i + 1 < len(elements) else None
            if following is not None and following.tag == _w("tbl"):
                flush_list()
                caption_for_table = text
                continue
            last = blocks[-1] if blocks else None
            if isinstance(last, Figure) and not last.caption and not items:
                blocks[-1] = Figure(svg=last.svg, alt=last.alt, caption=text)
                continue
        if level is not None:
            flush_list()
            blocks.append(Heading(text, level=level))
        elif _is_list(el, style_name):
            items.append(text)
        else:
            flush_list()
            blocks.append(Paragraph(text, style=kind))
    flush_list()
    return tuple(blocks)
