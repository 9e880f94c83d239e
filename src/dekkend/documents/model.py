# SPDX-License-Identifier: EUPL-1.2
"""The document model that every generated document is built from.

Apps (werkagenda, lspmonitor, ...) build a `Document` out of plain values from
their selectors; the renderers in this package turn it into DOCX
(`documents.docx`), HTML and PDF (`documents.pdf`) and XLSX
(`documents.xlsx`), and `documents.docx_read` reads a DOCX back into the same
blocks. Nothing here knows about a domain: no Django, no models, no figures.
Charts are SVG strings made by `documents.charts`, so that a page, the PDF
and the DOCX show the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is a chapter, up to level 4."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Running text. `style` is "" (body), "toelichting" (the format's own
    question text, in italics), "bron" (a source line, small) or "leeg" (an
    empty answer, shown greyed)."""

    text: str
    style: str = ""


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    """A table cell. `rowspan` > 1 merges it with the cells below (the
    IST / SOLL / GAP column of the werkagenda format); the rows below then
    leave that column out."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    # "" (text), "getal" (right-aligned number) or "toelichting".
    style: str = ""


@dataclass(frozen=True)
class Table:
    """A table with one header row. `key` names the table for readers that
    map a document back to data (it is not printed); `caption` is printed
    above the table."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    key: str = ""
    # Relative column widths; None means equal widths.
    widths: tuple[float, ...] | None = None


@dataclass(frozen=True)
class Figure:
    """A chart or map as SVG (from documents.charts or a map module), with
    the text alternative that screen readers and PDF/UA need."""

    svg: str
    alt: str
    caption: str = ""
    width_cm: float = 16.0


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | BulletList | Table | Figure | PageBreak


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    subtitle: str = ""
    # Document properties: author, subject, keywords; language as BCP 47.
    author: str = "Dekkend"
    subject: str = ""
    language: str = "nl"
    # Printed in the footer of every page (e.g. "Concept — gegenereerd op …").
    footer: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
