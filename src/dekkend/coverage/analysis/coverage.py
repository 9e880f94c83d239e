# SPDX-License-Identifier: EUPL-1.2
"""Is the network of support points covering? Per gemeente and in total:
LSPs by type, "at least one per gemeente", capacity against need, distance
from where people live (PC4 population centres) to the nearest LSP and to the
nearest LSP with all 4 elements, the population share within thresholds, and
the advised LSP type (000 §5)."""

import numpy as np

from dekkend.coverage.analysis.distance import nearest_km
from dekkend.coverage.analysis.model import (
    LSP_TYPES,
    AnalysisInput,
    AnalysisResult,
    FloatArray,
    GemeenteIn,
    GemeenteResult,
)
from dekkend.coverage.analysis.targets import streefwaarden


def capacity_per_type(p: dict[str, float]) -> dict[str, float]:
    return {t: float(p[f"capaciteit_{t}"]) for t in LSP_TYPES}


def advised_type(gemeente: GemeenteIn, p: dict[str, float]) -> str:
    """The LSP type that fits a gemeente by the criteria of 000 §5.

    A big city core (enough inhabitants and CBS urbanity 1–2) → groot; a
    sizeable or mixed gemeente → middel; rural and spread → klein. The third
    criterion, the share who benefit, decides how many: it enters through
    capacity against need (and the placement advisor), not the type.

    >>> from dekkend.coverage.analysis.parameters import resolve
    >>> advised_type(GemeenteIn("GM1", "A", 150_000, stedelijkheid=1), resolve())
    'groot'
    >>> advised_type(GemeenteIn("GM2", "B", 12_000, stedelijkheid=5), resolve())
    'klein'
    """
    urban = gemeente.stedelijkheid if gemeente.stedelijkheid is not None else 5
    if gemeente.inwoners >= p["advies_groot_min_inwoners"] and urban <= 2:
        return "groot"
    if gemeente.inwoners >= p["advies_middel_min_inwoners"] or urban <= 3:
        return "middel"
    return "klein"


def _weighted_by_gemeente(
    idx: np.ndarray, weights: FloatArray, values: FloatArray, n: int
) -> FloatArray:
    total = np.bincount(idx, weights=weights, minlength=n)
    summed = np.bincount(idx, weights=weights * values, minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        result: FloatArray = np.where(
            total > 0, summed / np.where(total > 0, total, 1), np.nan
        )
    return result


def analyse(inp: AnalysisInput) -> AnalysisResult:
    """Run the analysis for the gemeenten of `inp` against all its LSPs.

    Shares are population-weighted over PC4 areas; a gemeente without PC4
    inhabitants falls back to its own centre for the distance.
    """
    p = inp.parameters
    n = len(inp.gemeenten)
    pc4, lsp = inp.pc4, inp.lsp
    inside = pc4.gemeente_idx >= 0
    idx = pc4.gemeente_idx[inside]
    weights = np.nan_to_num(pc4.inwoners[inside].astype(np.float64))
    d_all = nearest_km(pc4.lat[inside], pc4.lon[inside], lsp.lat, lsp.lon)
    full = lsp.alle_elementen
    d_full = nearest_km(pc4.lat[inside], pc4.lon[inside], lsp.lat[full], lsp.lon[full])

    mean_d = _weighted_by_gemeente(
        idx, weights, np.where(np.isfinite(d_all), d_all, np.nan), n
    )
    mean_d_full = _weighted_by_gemeente(
        idx, weights, np.where(np.isfinite(d_full), d_full, np.nan), n
    )
    # Fallback for gemeenten without PC4 inhabitants: their own centre.
    for i, g in enumerate(inp.gemeenten):
        if np.isnan(mean_d[i]) and g.lat is not None and g.lon is not None:
            mean_d[i] = nearest_km(
                np.array([g.lat]), np.array([g.lon]), lsp.lat, lsp.lon
            )[0]
            mean_d_full[i] = nearest_km(
                np.array([g.lat]), np.array([g.lon]), lsp.lat[full], lsp.lon[full]
            )[0]

    pc4_pop = np.bincount(idx, weights=weights, minlength=n)
    keys = [f"{t:g}" for t in inp.thresholds_km]
    share_by_t = {
        key: _weighted_by_gemeente(idx, weights, (d_all <= t).astype(np.float64), n)
        for key, t in zip(keys, inp.thresholds_km, strict=True)
    }
    total_w = weights.sum()
    share_total = {
        key: (float((weights * (d_all <= t)).sum() / total_w) if total_w > 0 else 0.0)
        for key, t in zip(keys, inp.thresholds_km, strict=True)
    }

    in_region = lsp.gemeente_idx >= 0
    counts = {
        t: np.bincount(lsp.gemeente_idx[in_region & (lsp.lsp_type == t)], minlength=n)
        for t in LSP_TYPES
    }
    capacity = capacity_per_type(p)
    results = []
    for i, g in enumerate(inp.gemeenten):
        per_type = {t: int(counts[t][i]) for t in LSP_TYPES}
        behoefte = g.inwoners * p["aandeel_baat_lsp"]
        cap = sum(capacity[t] * c for t, c in per_type.items())
        results.append(
            GemeenteResult(
                code=g.code,
                naam=g.naam,
                inwoners=g.inwoners,
                inw_0_17=g.inw_0_17,
                inw_65plus=g.inw_65plus,
                lsp_per_type=per_type,
                heeft_lsp=sum(per_type.values()) >= p["lsp_min_per_gemeente"],
                behoefte_personen=round(behoefte, 1),
                capaciteit_personen=cap,
                capaciteit_dekking=round(cap / behoefte, 4) if behoefte > 0 else None,
                afstand_km_dichtstbijzijnde_lsp=_km(mean_d[i]),
                afstand_km_dichtstbijzijnde_lsp_4_elementen=_km(mean_d_full[i]),
                aandeel_inwoners_binnen_km={k: _share(share_by_t[k][i]) for k in keys},
                geadviseerd_type=advised_type(g, p),
                pc4_inwoners=float(pc4_pop[i]),
            )
        )
    inwoners = sum(g.inwoners for g in inp.gemeenten)
    return AnalysisResult(
        peildatum=inp.peildatum,
        inwoners=inwoners,
        gemeenten=tuple(results),
        lsp_per_type={t: int(counts[t].sum()) for t in LSP_TYPES},
        gemeenten_zonder_lsp=tuple(r.code for r in results if not r.heeft_lsp),
        aandeel_inwoners_binnen_km=share_total,
        behoefte_personen=round(sum(r.behoefte_personen for r in results), 1),
        capaciteit_personen=sum(r.capaciteit_personen for r in results),
        streefwaarden=streefwaarden(
            inwoners=inwoners,
            inw_65plus=sum(g.inw_65plus or 0 for g in inp.gemeenten),
            inw_0_17=sum(g.inw_0_17 or 0 for g in inp.gemeenten),
            aantal_gemeenten=n,
            aantal_regios=inp.aantal_regios,
            p=p,
        ),
        parameters=dict(p),
    )


def _km(value: float) -> float | None:
    return None if not np.isfinite(value) else round(float(value), 2)


def _share(value: float) -> float:
    return 0.0 if np.isnan(value) else round(float(value), 4)
