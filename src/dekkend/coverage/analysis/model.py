# SPDX-License-Identifier: EUPL-1.2
"""Inputs and results of the coverage analysis (frozen dataclasses).

Arrays are NumPy arrays; units are in the names. Areas are aggregates, never
persons.
"""

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

LSP_TYPES = ("groot", "middel", "klein", "onbekend")


@dataclass(frozen=True)
class GemeenteIn:
    code: str
    naam: str
    inwoners: int
    inw_0_17: int | None = None
    inw_65plus: int | None = None
    stedelijkheid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, eq=False)
class Pc4Arrays:
    """PC4 population centres; `gemeente_idx` indexes the analysed gemeenten
    (-1 for areas outside them, which are not counted)."""

    lat: FloatArray
    lon: FloatArray
    inwoners: FloatArray
    gemeente_idx: IntArray


@dataclass(frozen=True, eq=False)
class LspArrays:
    """Support points of the whole country (nearest may lie across a border);
    `gemeente_idx` indexes the analysed gemeenten or is -1."""

    lat: FloatArray
    lon: FloatArray
    lsp_type: npt.NDArray[np.str_]
    alle_elementen: npt.NDArray[np.bool_]
    gemeente_idx: IntArray

    @classmethod
    def empty(cls) -> "LspArrays":
        return cls(
            np.zeros(0),
            np.zeros(0),
            np.zeros(0, dtype="<U8"),
            np.zeros(0, dtype=bool),
            np.zeros(0, dtype=np.int64),
        )


@dataclass(frozen=True, eq=False)
class AnalysisInput:
    gemeenten: tuple[GemeenteIn, ...]
    pc4: Pc4Arrays
    lsp: LspArrays
    peildatum: date
    parameters: dict[str, float]
    thresholds_km: tuple[float, ...] = (5.0, 10.0, 15.0)
    # Regions analysed together; per-region targets (NNZ, MGN) scale with it.
    aantal_regios: int = 1


@dataclass(frozen=True)
class GemeenteResult:
    code: str
    naam: str
    inwoners: int
    inw_0_17: int | None
    inw_65plus: int | None
    lsp_per_type: dict[str, int]
    heeft_lsp: bool
    behoefte_personen: float
    capaciteit_personen: float
    capaciteit_dekking: float | None  # capacity / need
    afstand_km_dichtstbijzijnde_lsp: float | None  # population-weighted mean over PC4
    afstand_km_dichtstbijzijnde_lsp_4_elementen: float | None
    aandeel_inwoners_binnen_km: dict[str, float]
    geadviseerd_type: str
    pc4_inwoners: float = 0.0  # weight of this gemeente in population shares


@dataclass(frozen=True)
class Streefwaarde:
    key: str
    label: str
    waarde: float
    eenheid: str
    bron: str


@dataclass(frozen=True)
class AnalysisResult:
    peildatum: date
    inwoners: int
    gemeenten: tuple[GemeenteResult, ...]
    lsp_per_type: dict[str, int]
    gemeenten_zonder_lsp: tuple[str, ...]
    aandeel_inwoners_binnen_km: dict[str, float]
    behoefte_personen: float
    capaciteit_personen: float
    streefwaarden: dict[str, dict[str, Streefwaarde]]
    parameters: dict[str, float] = field(default_factory=dict)
