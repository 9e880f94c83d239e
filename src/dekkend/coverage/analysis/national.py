# SPDX-License-Identifier: EUPL-1.2
"""The whole country as an analysis input, straight from the reference CSV
files (no database): 342 gemeenten, 4,067 PC4 areas and the 318 LSPs of the
2025 list, each at its gemeente's population-weighted centre, type onbekend.

For benchmarks and tests of the analysis layer; the application itself reads
the database through `dekkend.coverage.inputs`.
"""

import csv
import os
from datetime import date
from pathlib import Path

import numpy as np

from dekkend.coverage.analysis.model import (
    AnalysisInput,
    GemeenteIn,
    LspArrays,
    Pc4Arrays,
)
from dekkend.coverage.analysis.parameters import resolve

# src/dekkend/coverage/analysis/national.py -> the checkout root
ROOT = Path(__file__).resolve().parents[4]
LSP_2025_CSV = (
    ROOT / "src" / "dekkend" / "register" / "data" / "lsp_2025" / "locaties.csv"
)


def shared_data_dir() -> Path:
    """`DEKKEND_DATA_DIR`, or `<root>/shared/data` next to the checkout."""
    env = os.environ.get("DEKKEND_DATA_DIR")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def _float(text: str) -> float:
    return float(text) if text not in ("", None) else float("nan")


def national_input(
    data_dir: Path | None = None,
    lsp_csv: Path = LSP_2025_CSV,
    overrides: dict[str, float] | None = None,
) -> AnalysisInput:
    """The whole country: 342 gemeenten, 4,067 PC4, the 318 LSPs of 2025
    (each at its gemeente's population-weighted centre, type onbekend)."""
    data_dir = data_dir or shared_data_dir()
    with open(data_dir / "gemeenten_2025.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    gemeenten = tuple(
        GemeenteIn(
            code=r["gemeentecode"],
            naam=r["gemeentenaam"],
            inwoners=int(r["inwoners_2024"]),
            inw_0_17=int(float(r["est_inw_0_17_2024"]))
            if r["est_inw_0_17_2024"]
            else None,
            inw_65plus=int(float(r["est_inw_65plus_2024"]))
            if r["est_inw_65plus_2024"]
            else None,
            stedelijkheid=int(r["stedelijkheid_2024"])
            if r["stedelijkheid_2024"]
            else None,
            lat=float(r["popw_lat"]),
            lon=float(r["popw_lon"]),
        )
        for r in rows
    )
    index = {g.code: i for i, g in enumerate(gemeenten)}
    with open(data_dir / "pc4_2021.csv", encoding="utf-8") as f:
        pc = list(csv.DictReader(f))
    pc4 = Pc4Arrays(
        lat=np.array([float(r["centroid_lat"]) for r in pc]),
        lon=np.array([float(r["centroid_lon"]) for r in pc]),
        inwoners=np.nan_to_num(np.array([_float(r["inwoners_2021"]) for r in pc])),
        gemeente_idx=np.array(
            [index.get(r["gemeentecode_2025"], -1) for r in pc], dtype=np.int64
        ),
    )
    with open(lsp_csv, encoding="utf-8") as f:
        codes = [
            r["gemeentecode"]
            for r in csv.DictReader(f)
            for _ in range(int(r["aantal"] or 1))
        ]
    gi = np.array([index[c] for c in codes], dtype=np.int64)
    lsp = LspArrays(
        lat=np.array([gemeenten[i].lat for i in gi], dtype=np.float64),
        lon=np.array([gemeenten[i].lon for i in gi], dtype=np.float64),
        lsp_type=np.array(["onbekend"] * len(gi), dtype="<U8"),
        alle_elementen=np.zeros(len(gi), dtype=bool),
        gemeente_idx=gi,
    )
    return AnalysisInput(gemeenten, pc4, lsp, date(2025, 1, 1), resolve(overrides))
