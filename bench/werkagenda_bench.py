# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the werkagenda export: a full werkagenda of a large region
as DOCX and as PDF.

The content is built in Python (`werkagenda.docx_io.voorbeeld`), so no
database is needed: all 20 onderdelen of the format with every field filled
with 300–800 words, 5 SMART goals and 12 milestones per aanpak, partners per
leefgebied, and for 2a the LSP map of the region (its gemeenten from
`gemeenten_2025.geojson` in `DEKKEND_DATA_DIR`, a point per gemeente) and
three bar charts (locations per gemeente, inhabitants within 5/10/15 km,
capacity against need; values are synthetic, their size is real).

It times, as median of `--runs` (default 5) after one warm-up:

- `werkagenda_docx` and `werkagenda_pdf` (building the Document included),
- beside a *floor*: `documents.render_docx` / `render_pdf` of a Document
  that holds the same text as plain paragraphs, without tables or figures —
  what the text alone costs the renderer.

Wall time and CPU time of this process (WeasyPrint and python-docx run in
it). Targets from the issue, printed as `ja` / `NEE` and never asserted:
DOCX < 2 s, PDF < 5 s.

    python bench/werkagenda_bench.py
    python bench/werkagenda_bench.py --regio ZK04 --runs 3 --output /tmp/wa
    python bench/werkagenda_bench.py --runs 3 --stylesheet-experiment
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dekkend.conf.ci")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from dekkend.documents.charts import Series, bar_chart, map_figure, map_svg  # noqa: E402
from dekkend.documents.docx import render_docx  # noqa: E402
from dekkend.documents.model import Document, Figure, Heading, Paragraph  # noqa: E402
from dekkend.documents.pdf import render_pdf  # noqa: E402
from dekkend.regions import svgmap  # noqa: E402
from dekkend.register.maps import regio_map  # noqa: E402
from dekkend.werkagenda.content import WerkagendaInhoud  # noqa: E402
from dekkend.werkagenda.docx_io.export import (  # noqa: E402
    ExportBijlagen,
    werkagenda_document,
    werkagenda_docx,
    werkagenda_pdf,
)
from dekkend.werkagenda.docx_io.voorbeeld import volledige_werkagenda  # noqa: E402
from dekkend.werkagenda.format import format_latest  # noqa: E402

TARGET_DOCX_S = 2.0
TARGET_PDF_S = 5.0


def regio_figuren(code: str, data_dir: Path) -> tuple[str, tuple[Figure, ...]]:
    """The name of zorgkantoorregio `code` and its LSP map and three charts."""
    with (data_dir / "zorgkantoorregios_2025.csv").open(encoding="utf-8") as f:
        regios = {r["code"]: r for r in csv.DictReader(f)}
    if code not in regios:
        raise SystemExit(
            f"Unknown zorgkantoorregio {code!r}; known: {', '.join(sorted(regios))}"
        )
    codes = set(regios[code]["gemeentecodes"].split(";"))
    features = json.loads(
        (data_dir / "gemeenten_2025.geojson").read_text(encoding="utf-8")
    )["features"]
    gemeenten = [f for f in features if f["properties"]["gemeentecode"] in codes]
    rng = random.Random(8)
    zonder = {f["properties"]["gemeentecode"] for f in gemeenten if rng.random() < 0.25}
    with (data_dir / "gemeenten_2025.csv").open(encoding="utf-8") as f:
        centra = {
            r["gemeentecode"]: r
            for r in csv.DictReader(f)
            if r["gemeentecode"] in codes
        }
    punten = [
        svgmap.Punt(
            float(r["label_lat"]), float(r["label_lon"]), f"LSP {r['gemeentenaam']}"
        )
        for c, r in sorted(centra.items())
        if c not in zonder
    ]
    naam = regios[code]["naam"]
    # The map of the werkagenda export (werkagenda/exports.py): names, scale
    # bar and legend.
    kaart = regio_map(
        naam=naam,
        gemeenten=[(f["geometry"], f["properties"]["gemeentenaam"]) for f in gemeenten],
        zonder={
            f["properties"]["gemeentenaam"]
            for f in gemeenten
            if f["properties"]["gemeentecode"] in zonder
        },
        punten=punten,
        width=svgmap.WIDTH,
    )
    figuren = [
        map_figure(
            title=kaart.titel,
            svg=map_svg(kaart),
            alt=f"{kaart.titel} {kaart.beschrijving}",
            caption="Analyse van 3 december 2026, run 12",
        )
    ]
    namen = [r["gemeentenaam"] for _, r in sorted(centra.items())]
    figuren.append(
        bar_chart(
            title="Steunpunten per gemeente",
            labels=namen,
            series=[
                Series("Steunpunten", tuple(float(rng.randint(0, 4)) for _ in namen))
            ],
            unit="",
            caption="Register van Dekkend, 3 december 2026",
        )
    )
    figuren.append(
        bar_chart(
            title="Inwoners binnen 5, 10 en 15 km van een steunpunt",
            labels=namen,
            series=[
                Series(
                    f"{km} km",
                    tuple(float(min(100, rng.randint(20, 70) + km * 2)) for _ in namen),
                )
                for km in (5, 10, 15)
            ],
            unit="%",
            target=90.0,
            target_label="streefwaarde",
            max_value=100.0,
            caption="Analyse van 3 december 2026, run 12",
        )
    )
    figuren.append(
        bar_chart(
            title="Capaciteit tegenover behoefte",
            labels=namen,
            series=[
                Series("Capaciteit", tuple(float(rng.randint(50, 400)) for _ in namen)),
                Series("Behoefte", tuple(float(rng.randint(50, 400)) for _ in namen)),
            ],
            unit="dagdelen",
            caption="Analyse van 3 december 2026, run 12",
        )
    )
    return naam, tuple(figuren)


def floor_document(inhoud: WerkagendaInhoud) -> Document:
    """The same text as plain paragraphs: no tables, no figures."""
    blokken: list[Heading | Paragraph] = []
    for onderdeel in inhoud.onderdelen:
        blokken.append(Heading(onderdeel.sleutel, level=1))
        teksten = list(onderdeel.velden.values())
        for doel in onderdeel.doelstellingen:
            teksten.append(
                f"{doel.omschrijving} {doel.maatstaf_label} {doel.verantwoordelijke}"
            )
        for m in onderdeel.mijlpalen:
            teksten.append(
                f"{m.kwartaal} {m.activiteiten} {m.verantwoordelijke} {m.deelresultaat}"
            )
        blokken.extend(Paragraph(t) for t in teksten)
    return Document(title=f"Werkagenda {inhoud.regio}", blocks=tuple(blokken))


def measure(fn: Callable[[], bytes], runs: int) -> tuple[float, float, int]:
    """(median wall s, median CPU s, size in bytes) after one warm-up."""
    data = fn()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        data = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), len(data)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--regio",
        default="ZK23",
        help="zorgkantoorregio code (default ZK23 Utrecht, 25 gemeenten)",
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--output", type=Path, help="directory to write the DOCX and PDF to"
    )
    parser.add_argument(
        "--stylesheet-experiment",
        action="store_true",
        help="also time the PDF with `table-layout: fixed` and rows that may break "
        "across pages (the print stylesheet of documents.pdf patched in this process only)",
    )
    args = parser.parse_args()

    definitie = format_latest()
    naam, figuren = regio_figuren(args.regio, Path(settings.DEKKEND_DATA_DIR))
    inhoud = volledige_werkagenda(
        definitie, regio=naam, woorden=(300, 800), doelen=5, mijlpalen=12
    )
    bijlagen = ExportBijlagen(
        bronnen={"2a.situatie": ("Analyse van 3 december 2026, run 12",)},
        figuren={"2a": figuren},
        vastgesteld="",
    )
    document = werkagenda_document(inhoud, definitie=definitie, bijlagen=bijlagen)
    woorden = sum(len(t.split()) for o in inhoud.onderdelen for t in o.velden.values())
    print(
        f"Werkagenda {naam} ({args.regio}): {len(inhoud.onderdelen)} onderdelen, "
        f"{woorden:,} words in the fields, "
        f"{sum(len(o.doelstellingen) for o in inhoud.onderdelen)} goals, "
        f"{sum(len(o.mijlpalen) for o in inhoud.onderdelen)} milestones, "
        f"{len(figuren)} figures, {len(document.blocks)} blocks; median of {args.runs} runs"
    )
    floor = floor_document(inhoud)
    rows = [
        (
            "DOCX",
            lambda: werkagenda_docx(inhoud, definitie=definitie, bijlagen=bijlagen),
            TARGET_DOCX_S,
        ),
        ("DOCX floor", lambda: render_docx(floor), None),
        (
            "PDF",
            lambda: werkagenda_pdf(inhoud, definitie=definitie, bijlagen=bijlagen),
            TARGET_PDF_S,
        ),
        ("PDF floor", lambda: render_pdf(floor), None),
    ]
    print(f"{'':12} {'wall (s)':>9} {'CPU (s)':>8} {'size (kB)':>10}  target")
    for label, fn, target in rows:
        wall, cpu, size = measure(fn, args.runs)
        verdict = (
            ""
            if target is None
            else f"< {target:g} s: {'ja' if wall < target else 'NEE'}"
        )
        print(f"{label:12} {wall:9.2f} {cpu:8.2f} {size / 1024:10.0f}  {verdict}")
    if args.stylesheet_experiment:
        from dekkend.documents import pdf

        original = pdf.STYLESHEET
        pdf.STYLESHEET = original.replace(
            "table { border-collapse", "table { table-layout: fixed; border-collapse"
        ).replace("tr { break-inside: avoid; page-break-inside: avoid; }", "")
        if original == pdf.STYLESHEET:
            print("PDF variant: the stylesheet of documents.pdf has changed; skipped")
        else:
            wall, cpu, size = measure(
                lambda: werkagenda_pdf(inhoud, definitie=definitie, bijlagen=bijlagen),
                args.runs,
            )
            print(
                f"{'PDF variant':12} {wall:9.2f} {cpu:8.2f} {size / 1024:10.0f}  "
                "(fixed table layout, breakable rows)"
            )
        pdf.STYLESHEET = original
    if args.output:
        args.output.mkdir(parents=True, exist_ok=True)
        (args.output / "werkagenda.docx").write_bytes(
            werkagenda_docx(inhoud, definitie=definitie, bijlagen=bijlagen)
        )
        (args.output / "werkagenda.pdf").write_bytes(
            werkagenda_pdf(inhoud, definitie=definitie, bijlagen=bijlagen)
        )
        print(f"Written to {args.output}/werkagenda.docx and werkagenda.pdf")


if __name__ == "__main__":
    main()
