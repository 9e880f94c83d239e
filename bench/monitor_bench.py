# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the LSP monitor report at national size: PDF, DOCX and XLSX.

Builds a synthetic round in plain Python, without a database: the 42
regions and the locations of the 2025 list (`register/data/lsp_2025/`, 312
rows weighted to 318 locations) plus 22 new ones, with seeded random opening
dagdelen; 20 candidates judged off the list, so about 320 are on it; a
previous round that lacked some and had other sizes for others; visitor
tallies; and `--responses` responses (default 200; 60% LSP, 40%
coordinators) whose answers are random but valid for the 2025 questionnaire
(every response is checked with `questionnaire.engine.valideer(…,
volledig=True)`).

It times, as the median of `--runs` and with the CPU time of this process:

* `report`: `rapport_document(invoer)`: the tables, graphs and charts;
* `pdf`, `docx`: the report rendered by `documents`, including `report`;
* `xlsx`: `rapport_xlsx(invoer)`, every table to a sheet;
* `floor pdf`, `floor docx`: the same renderers on a document with the same
  tables (so the same number of cells) and no charts; the difference to
  `pdf` / `docx` is what the charts and the report's own work add.

It prints figures and never fails on a target (< 10 s for each format).

    python bench/monitor_bench.py
    python bench/monitor_bench.py --runs 5 --responses 400
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dekkend.conf.ci")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from harness import machine_busy_seconds  # noqa: E402

from dekkend.documents.docx import render_docx  # noqa: E402
from dekkend.documents.model import Document, Figure  # noqa: E402
from dekkend.documents.pdf import render_pdf  # noqa: E402
from dekkend.lspmonitor.questionnaire import definition as qdef  # noqa: E402
from dekkend.lspmonitor.questionnaire.engine import (  # noqa: E402
    valideer,
    zichtbare_vragen,
)
from dekkend.lspmonitor.report.document import (  # noqa: E402
    rapport_document,
    rapport_xlsx,
)
from dekkend.lspmonitor.report.model import (  # noqa: E402
    BESLUIT_AF,
    Bezoekerstelling,
    Indeling,
    Locatie,
    RapportInvoer,
    Regio,
    Respons,
    VorigeRonde,
    grootte_uit_dagdelen,
)

DATA = ROOT / "src" / "dekkend" / "register" / "data" / "lsp_2025"
NIEUW = 22
REDENEN = ("gestopt", "online_vindbaar", "herstelaanbod_aanwezig", "geen_hulpverlening")


def _code(naam: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in naam.lower()).strip("-")


def _answer(vraag: qdef.Vraag, rng: random.Random, regio: str) -> Any:
    """A random answer of the right shape for one question."""
    t = vraag.type
    if t == qdef.REGIO:
        return {"regio": regio}
    if t == qdef.ENKELE_KEUZE:
        optie = rng.choice(vraag.opties)
        out: dict[str, Any] = {"keuze": optie.code}
        if optie.anders:
            out["anders"] = "Synthetisch antwoord"
        return out
    if t == qdef.MEERDERE_KEUZE:
        chosen = rng.sample(vraag.opties, rng.randint(1, min(3, len(vraag.opties))))
        out = {"keuzes": [o.code for o in chosen]}
        if any(o.anders for o in chosen):
            out["anders"] = "Synthetisch antwoord"
        return out
    if t == qdef.GETAL:
        return rng.randint(0, 20)
    if t == qdef.GETALLEN_PER_CATEGORIE:
        return {r.code: rng.randint(0, 4) for r in vraag.rijen}
    if t == qdef.MATRIX:
        return {r.code: rng.choice(vraag.schaal).code for r in vraag.rijen}
    if t == qdef.TEKST:
        return (
            "Synthetische toelichting."
            if vraag.verplicht or rng.random() < 0.3
            else None
        )
    if t == qdef.STEUNPUNTEN_LIJST:
        if rng.random() < 0.8:
            return []
        return [{"naam": "Synthetisch steunpunt", "gemeente": "GM0687"}]
    return None  # display-only items, own-locations confirmation (optional)


def synthetic_answers(
    vl: qdef.Vragenlijst, rng: random.Random, rol_code: str, regio: str
) -> dict[str, Any]:
    antwoorden: dict[str, Any] = {"rol": {"keuze": rol_code}}
    for _ in range(3):  # skip rules depend on earlier answers: settle them
        for vraag in zichtbare_vragen(vl, antwoorden):
            if not vraag.heeft_antwoord or vraag.sleutel in antwoorden:
                continue
            value = _answer(vraag, rng, regio)
            if value is not None:
                antwoorden[vraag.sleutel] = value
        visible = {v.sleutel for v in zichtbare_vragen(vl, antwoorden)}
        antwoorden = {k: v for k, v in antwoorden.items() if k in visible}
    fouten = valideer(vl, antwoorden, volledig=True)
    if fouten:
        raise AssertionError(f"synthetic answers are not valid: {fouten}")
    return antwoorden


def national_round(seed: int, responses: int) -> RapportInvoer:
    rng = random.Random(seed)
    with (DATA / "regios.csv").open(encoding="utf-8") as f:
        regio_namen = [row["regio"] for row in csv.DictReader(f)]
    with (DATA / "locaties.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    gemeenten: dict[str, set[str]] = {naam: set() for naam in regio_namen}
    locaties = []
    for i, row in enumerate(rows):
        gemeenten[row["regio"]].add(row["gemeentecode"])
        dagdelen = rng.choice([None, 1, 2, 3, 3, 4, 6, 8, 10])
        locaties.append(
            Locatie(
                sleutel=f"loc-{i}",
                naam=row["locatie"],
                organisatie=row["organisatie"],
                gemeentecode=row["gemeentecode"],
                gemeentenaam=row["gemeentenaam"],
                regio=_code(row["regio"]),
                grootte=grootte_uit_dagdelen(dagdelen),
                dagdelen_per_week=dagdelen,
                eigen_categorie=rng.choice(["", "", "A", "B", "C"]),
                adres_bekend=rng.random() < 0.4,
                gecontroleerd_op=date(2026, 9, 1) if rng.random() < 0.3 else None,
                aantal=int(row["aantal"]),
            )
        )
    # New since the previous round, so that about 320 are on the list.
    regio_gemeenten = [
        (naam, code) for naam, codes in gemeenten.items() for code in codes
    ]
    for k in range(NIEUW):
        naam, code = rng.choice(sorted(regio_gemeenten))
        dagdelen = rng.choice([1, 2, 3, 5])
        locaties.append(
            Locatie(
                sleutel=f"nieuw-{k}",
                naam=f"Synthetisch nieuw steunpunt {k + 1}",
                organisatie="Synthetische organisatie",
                gemeentecode=code,
                gemeentenaam=code,
                regio=_code(naam),
                grootte=grootte_uit_dagdelen(dagdelen),
                dagdelen_per_week=dagdelen,
            )
        )
    indeling = Indeling(
        "lsp-monitor-2025",
        "LSP-monitorregio's 2025",
        tuple(
            Regio(_code(naam), naam, tuple(sorted(gemeenten[naam])))
            for naam in sorted(regio_namen)
        ),
    )
    # 20 candidates judged off the list; the previous round lacked some
    # locations and had other sizes for others.
    kandidaten = [
        replace(loc, besluit=BESLUIT_AF, reden=rng.choice(REDENEN))
        if i % 16 == 5
        else loc
        for i, loc in enumerate(locaties)
    ]
    vorige = tuple(
        replace(loc, grootte=rng.choice(["groot", "middel", "klein"]))
        if i % 7 == 0
        else loc
        for i, loc in enumerate(locaties)
        if i % 31 != 3 and not loc.sleutel.startswith("nieuw-")
    )
    vl = qdef.vragenlijst_get("2025")
    codes = [r.code for r in indeling.regios]
    responsen = []
    for i in range(responses):
        rol = "lsp" if i < responses * 0.6 else "coordinator"
        regio = rng.choice(codes)
        rol_code = "lsp" if rol == "lsp" else rng.choice(["vng", "iza"])
        responsen.append(
            Respons(rol, regio, synthetic_answers(vl, rng, rol_code, regio))
        )
    start = date(2026, 1, 5)
    tellingen = tuple(
        Bezoekerstelling(
            loc.sleutel, start + timedelta(days=d), "ochtend", rng.randint(3, 60)
        )
        for loc in locaties[::3]
        for d in range(0, 60, 2)
    )
    return RapportInvoer(
        jaar=2026,
        indeling=indeling,
        kandidaten=tuple(kandidaten),
        open_op=date(2026, 9, 28),
        sluit_op=date(2026, 10, 19),
        peildatum=date(2026, 10, 1),
        uitgenodigd_lsp=120,
        uitgenodigd_coordinator=110,
        responsen=tuple(responsen),
        vragenlijst=vl,
        tellingen=tellingen,
        vorige=VorigeRonde(2025, vorige),
        synthetisch=True,
    )


def measure(fn: Callable[[], Any], runs: int) -> tuple[float, float, float | None, Any]:
    """Median wall time and median CPU time (this process) of `runs` calls,
    and how many CPUs' worth of other work was busy meanwhile (None without
    /proc)."""
    walls, cpus, result = [], [], None
    busy0, other = machine_busy_seconds(), 0.0
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    busy1 = machine_busy_seconds()
    if busy0 is not None and busy1 is not None:
        other = max(0.0, (busy1 - busy0 - sum(cpus)) / sum(walls))
        return statistics.median(walls), statistics.median(cpus), other, result
    return statistics.median(walls), statistics.median(cpus), None, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--responses", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if args.runs < 1 or args.responses < 0:
        parser.error("--runs must be at least 1 and --responses not negative")

    translation.activate("nl")
    t0 = time.perf_counter()
    invoer = national_round(args.seed, args.responses)
    build_s = time.perf_counter() - t0
    doc = rapport_document(invoer)
    floor_doc = Document(
        title=doc.title,
        subtitle=doc.subtitle,
        blocks=tuple(b for b in doc.blocks if not isinstance(b, Figure)),
        footer=doc.footer,
    )
    cells = sum(
        len(row) for b in floor_doc.blocks if hasattr(b, "rows") for row in b.rows
    )
    print(
        f"synthetic round: {sum(loc.aantal for loc in invoer.basislijst)} locations "
        f"on the list ({len(invoer.kandidaten)} candidates), "
        f"{len(invoer.responsen)} valid responses, {len(invoer.tellingen)} tallies; "
        f"built in {build_s:.2f} s"
    )
    print(
        f"document: {len(doc.blocks)} blocks, "
        f"{sum(isinstance(b, Figure) for b in doc.blocks)} charts, {cells} table cells"
    )
    # Warm up: first imports of WeasyPrint, fonts, python-docx, openpyxl.
    render_pdf(floor_doc)
    render_docx(floor_doc)
    rapport_xlsx(invoer)

    rows = [
        ("report (document)", lambda: rapport_document(invoer)),
        ("pdf", lambda: render_pdf(rapport_document(invoer))),
        ("docx", lambda: render_docx(rapport_document(invoer))),
        ("xlsx", lambda: rapport_xlsx(invoer)),
        ("floor pdf", lambda: render_pdf(floor_doc)),
        ("floor docx", lambda: render_docx(floor_doc)),
    ]
    print(
        f"\n{'step':<20}{'median s':>10}{'CPU s':>10}{'other':>8}{'size':>12}"
        "  target < 10 s"
    )
    for name, fn in rows:
        wall, cpu, other, result = measure(fn, args.runs)
        size = f"{len(result):,}" if isinstance(result, bytes) else "-"
        target = (
            ""
            if name.startswith(("floor", "report"))
            else ("ja" if wall < 10 else "NEE")
        )
        busy = "-" if other is None else f"{other:.2f}"
        print(f"{name:<20}{wall:>10.2f}{cpu:>10.2f}{busy:>8}{size:>12}  {target}")
    print(
        f"\nmedian of {args.runs} runs; CPU = this process (user + system); other = "
        "CPUs busy with other work meanwhile (above ~0.1 the wall times are skewed)"
    )


if __name__ == "__main__":
    main()
