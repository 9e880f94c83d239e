# SPDX-License-Identifier: EUPL-1.2
"""How fast `dekkend.documents` renders a large report, against a floor.

Builds one synthetic, seeded document the size of a long national report
(by default 20 chapters, 60 tables of 10–300 rows, 15 bar charts, text
paragraphs; about 80 pages or more) and renders it as DOCX, PDF and XLSX. In the same run it
measures a *floor* per format: the same library doing the least it can with
the same amount of content:

- DOCX: python-docx writing the same paragraphs and table cells, no styles,
  no merges, no pictures;
- PDF: WeasyPrint rendering a minimal HTML page with the same text (the
  tables as plain tables, no stylesheet, no SVG), untagged;
- XLSX: openpyxl appending the same rows to one sheet per table.

It prints, per format, the median of `--runs` runs of wall time and CPU time
(`time.process_time`, this process only: the renderers run in-process) for
ours and the floor, and ours as a ratio of the floor. Nothing is asserted.

    python bench/documents_bench.py [--runs 3] [--tables 60] [--charts 15]
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dekkend.documents.charts import Series, bar_chart  # noqa: E402
from dekkend.documents.model import (  # noqa: E402
    Block,
    BulletList,
    Cell,
    Document,
    Figure,
    Heading,
    Paragraph,
    Table,
)

WORDS = [
    "regio",
    "gemeente",
    "steunpunt",
    "inwoners",
    "aanbod",
    "verwijzing",
    "zorgkantoor",
    "basisfunctionaliteit",
    "dekking",
    "streefwaarde",
    "ontwikkeling",
    "kwartaal",
    "uitvoering",
    "samenwerking",
    "sociaal",
    "domein",
    "huisarts",
    "wijkteam",
    "welzijn",
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthetic_document(
    *, chapters: int, tables: int, charts: int, seed: int = 2026
) -> Document:
    rng = random.Random(seed)
    blocks: list[Block] = []
    per_chapter_tables = [
        tables // chapters + (i < tables % chapters) for i in range(chapters)
    ]
    per_chapter_charts = [
        charts // chapters + (i < charts % chapters) for i in range(chapters)
    ]
    t_no = f_no = 0
    for c in range(chapters):
        blocks.append(Heading(f"{c + 1}. Hoofdstuk {c + 1}", 1))
        for s in range(3):
            blocks.append(Heading(f"{c + 1}.{s + 1} Paragraaf", 2))
            blocks.append(Paragraph(_sentence(rng, 14), style="toelichting"))
            for _ in range(3):
                blocks.append(Paragraph(" ".join(_sentence(rng, 12) for _ in range(5))))
        blocks.append(BulletList(tuple(_sentence(rng, 6) for _ in range(5))))
        for _ in range(per_chapter_tables[c]):
            t_no += 1
            nrows = rng.randint(10, 300)
            rows: list[tuple[Cell, ...]] = []
            r = 0
            while r < nrows:
                # IST / SOLL / GAP style: the first column spans 1–3 rows.
                span = min(rng.randint(1, 3), nrows - r)
                rows.append(
                    (
                        Cell(
                            rng.choice(("IST", "SOLL", "GAP")), rowspan=span, bold=True
                        ),
                        Cell(_sentence(rng, 3)),
                        Cell(_sentence(rng, 8)),
                        Cell(
                            f"{rng.randint(0, 5000):,}".replace(",", "."), style="getal"
                        ),
                    )
                )
                for _ in range(span - 1):
                    rows.append(
                        (
                            Cell(_sentence(rng, 3)),
                            Cell(_sentence(rng, 8)),
                            Cell(str(rng.randint(0, 5000)), style="getal"),
                        )
                    )
                r += span
            blocks.append(
                Table(
                    columns=("IST / SOLL / GAP", "Onderdelen", "Uitwerking", "Aantal"),
                    rows=tuple(rows),
                    caption=f"Tabel {t_no}",
                    key=f"tabel-{t_no}",
                    widths=(1.0, 2.0, 4.0, 1.0),
                )
            )
        for _ in range(per_chapter_charts[c]):
            f_no += 1
            labels = [
                f"Regio {rng.choice(WORDS)} {i + 1}" for i in range(rng.randint(8, 31))
            ]
            values = tuple(
                None if rng.random() < 0.05 else float(rng.randint(0, 40))
                for _ in labels
            )
            blocks.append(
                bar_chart(
                    title=f"Grafiek {f_no}",
                    labels=labels,
                    series=[Series("gemeenten zonder LSP", values)],
                    unit="gemeenten",
                    target=10,
                    caption=f"Grafiek {f_no}",
                )
            )
    return Document(title="Landelijke monitor (synthetisch)", blocks=tuple(blocks))


def _texts(doc: Document) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs (headings, text, list items, captions) and the tables
    as rows of cell texts, header first."""
    paragraphs: list[str] = [doc.title]
    tables: list[list[list[str]]] = []
    for block in doc.blocks:
        if isinstance(block, Heading | Paragraph):
            paragraphs.append(block.text)
        elif isinstance(block, BulletList):
            paragraphs.extend(block.items)
        elif isinstance(block, Table):
            tables.append(
                [list(block.columns)] + [[c.text for c in r] for r in block.rows]
            )
        elif isinstance(block, Figure):
            paragraphs.append(block.caption)
    return paragraphs, tables


def floor_docx(doc: Document) -> bytes:
    import docx

    paragraphs, tables = _texts(doc)
    out = docx.Document()
    for text in paragraphs:
        out.add_paragraph(text)
    for rows in tables:
        ncols = len(rows[0])
        table = out.add_table(rows=0, cols=ncols)
        for row in rows:
            cells = table.add_row().cells
            for c, text in enumerate(row):
                cells[c].text = text
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def floor_pdf(doc: Document) -> bytes:
    from html import escape

    import weasyprint

    paragraphs, tables = _texts(doc)
    parts = ["<!DOCTYPE html><html><body>"]
    parts += [f"<p>{escape(p)}</p>" for p in paragraphs]
    for rows in tables:
        parts.append("<table>")
        for row in rows:
            parts.append(
                "<tr>" + "".join(f"<td>{escape(t)}</td>" for t in row) + "</tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return weasyprint.HTML(string="".join(parts)).write_pdf()  # type: ignore[no-any-return]


def floor_xlsx(doc: Document) -> bytes:
    from openpyxl import Workbook

    _, tables = _texts(doc)
    wb = Workbook()
    for i, rows in enumerate(tables):
        ws = wb.create_sheet(f"Tabel {i + 1}")
        for row in rows:
            ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def ours_xlsx(doc: Document) -> bytes:
    from dekkend.documents.xlsx import render_xlsx

    tables = [b for b in doc.blocks if isinstance(b, Table)]
    return render_xlsx([(t.caption, t) for t in tables])


def _measure(fn: Callable[[], bytes], runs: int) -> tuple[float, float, bytes]:
    walls, cpus, data = [], [], b""
    for _ in range(runs):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        data = fn()
        cpus.append(time.process_time() - cpu0)
        walls.append(time.perf_counter() - wall0)
    return statistics.median(walls), statistics.median(cpus), data


def _pages(pdf: bytes) -> int:
    import re
    import zlib

    parts = [pdf]
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(m.group(1)))
        except zlib.error:
            continue
    return len(re.findall(rb"/Type\s*/Page\b", b"\n".join(parts)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chapters", type=int, default=20)
    parser.add_argument("--tables", type=int, default=60)
    parser.add_argument("--charts", type=int, default=15)
    parser.add_argument("--formats", default="docx,pdf,xlsx")
    args = parser.parse_args()
    if args.runs < 1 or args.chapters < 1:
        parser.error("--runs and --chapters must be at least 1")

    from dekkend.documents.docx import render_docx
    from dekkend.documents.pdf import render_pdf

    t0 = time.process_time()
    doc = synthetic_document(
        chapters=args.chapters, tables=args.tables, charts=args.charts
    )
    build_cpu = time.process_time() - t0
    paragraphs, tables = _texts(doc)
    cells = sum(len(r) for t in tables for r in t)
    rows = sum(len(t) for t in tables)
    print(
        f"document: {args.chapters} chapters, {len(paragraphs)} paragraphs, "
        f"{len(tables)} tables ({rows} rows, {cells} cells), {args.charts} charts; "
        f"built in {build_cpu:.2f} s CPU (charts included)"
    )
    print(f"median of {args.runs} runs; CPU = time.process_time() of this process")
    print(
        f"{'format':<6} {'':<6} {'wall s':>8} {'CPU s':>8} {'bytes':>11}  ratio (CPU)"
    )
    cases: dict[str, tuple[Callable[[], bytes], Callable[[], bytes]]] = {
        "docx": (lambda: render_docx(doc), lambda: floor_docx(doc)),
        "pdf": (lambda: render_pdf(doc), lambda: floor_pdf(doc)),
        "xlsx": (lambda: ours_xlsx(doc), lambda: floor_xlsx(doc)),
    }
    for name in args.formats.split(","):
        ours_fn, floor_fn = cases[name]
        floor = _measure(floor_fn, args.runs)
        ours = _measure(ours_fn, args.runs)
        print(
            f"{name:<6} {'floor':<6} {floor[0]:8.2f} {floor[1]:8.2f} {len(floor[2]):11,}"
        )
        print(
            f"{'':<6} {'ours':<6} {ours[0]:8.2f} {ours[1]:8.2f} {len(ours[2]):11,}  "
            f"{ours[1] / floor[1]:.2f}×"
        )
        if name == "pdf":
            print(f"{'':<6} pages: ours {_pages(ours[2])}, floor {_pages(floor[2])}")


if __name__ == "__main__":
    main()
