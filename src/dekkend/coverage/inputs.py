# SPDX-License-Identifier: EUPL-1.2
"""Adapters from the database to the plain-Python analysis inputs.

Reads gemeenten (latest population per gemeente up to the reference year),
PC4 centres and every support point on the register on the reference date
(nationwide: the nearest LSP may lie across the region's border).
"""

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from dekkend.coverage.analysis.model import (
    AnalysisInput,
    GemeenteIn,
    LspArrays,
    Pc4Arrays,
)
from dekkend.regions.models import Gemeente, Postcodegebied
from dekkend.regions.selectors import bevolking_per_gemeente
from dekkend.register.selectors import steunpunt_queryset


def gemeenten_in(
    gemeenten: Sequence[Gemeente], peildatum: date
) -> tuple[GemeenteIn, ...]:
    """Inhabitants of the latest year on or before the reference date (the
    oldest known when all are later): `regions.selectors.bevolking_per_gemeente`."""
    latest = bevolking_per_gemeente(gemeenten=gemeenten, jaar=peildatum.year)
    result = []
    for g in gemeenten:
        pop = latest.get(g.pk)
        result.append(
            GemeenteIn(
                code=g.code,
                naam=g.naam,
                inwoners=pop.inwoners if pop else 0,
                inw_0_17=pop.inw_0_17 if pop else None,
                inw_65plus=pop.inw_65plus if pop else None,
                stedelijkheid=g.stedelijkheid,
                lat=g.popw_lat or g.centroid_lat,
                lon=g.popw_lon or g.centroid_lon,
            )
        )
    return tuple(result)


def analysis_input(
    gemeenten: Sequence[Gemeente],
    *,
    peildatum: date,
    parameters: Mapping[str, float],
    aantal_regios: int = 1,
) -> AnalysisInput:
    index = {g.pk: i for i, g in enumerate(gemeenten)}
    pc4 = list(
        Postcodegebied.objects.filter(gemeente__in=gemeenten).values_list(
            "lat", "lon", "inwoners", "gemeente_id"
        )
    )
    lsp = list(
        steunpunt_queryset(peildatum=peildatum).values_list(
            "aanbod__locatie__lat",
            "aanbod__locatie__lon",
            "lsp_type",
            "element_inloop",
            "element_door_en_voor",
            "element_herstelaanbod",
            "element_groeivijver",
            "aanbod__locatie__gemeente_id",
        )
    )
    return AnalysisInput(
        gemeenten=gemeenten_in(gemeenten, peildatum),
        pc4=Pc4Arrays(
            lat=np.array([r[0] for r in pc4], dtype=np.float64),
            lon=np.array([r[1] for r in pc4], dtype=np.float64),
            inwoners=np.array([r[2] or 0 for r in pc4], dtype=np.float64),
            gemeente_idx=np.array([index[r[3]] for r in pc4], dtype=np.int64),
        ),
        lsp=LspArrays(
            lat=np.array([r[0] for r in lsp], dtype=np.float64),
            lon=np.array([r[1] for r in lsp], dtype=np.float64),
            lsp_type=np.array([r[2] for r in lsp], dtype="<U8"),
            alle_elementen=np.array([all(r[3:7]) for r in lsp], dtype=bool),
            gemeente_idx=np.array([index.get(r[7], -1) for r in lsp], dtype=np.int64),
        ),
        peildatum=peildatum,
        parameters=dict(parameters),
        # The region's own threshold is reported next to 5/10/15 km.
        thresholds_km=tuple(
            sorted({5.0, 10.0, 15.0, float(parameters["afstand_drempel_km"])})
        ),
        aantal_regios=aantal_regios,
    )


def fingerprint(inp: AnalysisInput) -> str:
    """SHA-256 over everything the analysis reads, so equal inputs give equal
    fingerprints and a stored run can be checked against today's data."""
    h = hashlib.sha256()
    h.update(
        json.dumps(
            [g.__dict__ for g in inp.gemeenten], sort_keys=True, default=str
        ).encode()
    )
    for arr in (
        inp.pc4.lat,
        inp.pc4.lon,
        inp.pc4.inwoners,
        inp.pc4.gemeente_idx,
        inp.lsp.lat,
        inp.lsp.lon,
        inp.lsp.lsp_type,
        inp.lsp.alle_elementen,
        inp.lsp.gemeente_idx,
    ):
        h.update(np.ascontiguousarray(arr).tobytes())
    h.update(inp.peildatum.isoformat().encode())
    params = {k: float(v) for k, v in inp.parameters.items()}  # 35 and 35.0 are equal
    h.update(json.dumps(params, sort_keys=True).encode())
    h.update(str(inp.aantal_regios).encode())
    return h.hexdigest()
