# SPDX-License-Identifier: EUPL-1.2
"""Placement advisor: where to add LSPs, of which type, at the least cost.

A mixed-integer programme, solved with HiGHS (`highspy`), proposes new LSPs
(one candidate site per analysed gemeente, at its population-weighted centre)
and upgrades of existing small LSPs, so that the uitgangspunten of 000 §5 hold:
at least one LSP per gemeente, enough capacity for the need, and physical
proximity (a share of the inhabitants within a distance of an LSP). The model
is written out in docs/coverage-advisor.md.

The proposal is checked, not assumed: `Proposal.na` comes from running the
coverage analysis again on the input with the proposed LSPs added. No Django
import here.
"""

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

import highspy
import numpy as np
import numpy.typing as npt
from scipy import sparse
from scipy.spatial import cKDTree

from dekkend.coverage.analysis.coverage import advised_type, analyse, capacity_per_type
from dekkend.coverage.analysis.distance import EARTH_RADIUS_KM, nearest_km, to_xyz
from dekkend.coverage.analysis.model import (
    AnalysisInput,
    FloatArray,
    IntArray,
    LspArrays,
)

#: Types of new LSPs the advisor can propose (000 §5, type 1–3).
NEW_TYPES = ("groot", "middel", "klein")
#: Existing types that can be upgraded to middel.
UPGRADABLE_TYPES = ("klein", "onbekend")
UPGRADE_TO = "middel"

#: Constraint groups, as used in `NieuwLsp.reden` and `Upgrade.reden`.
REDEN_PER_GEMEENTE = "minimaal_een_per_gemeente"
REDEN_NABIJHEID = "nabijheid"
REDEN_CAPACITEIT = "capaciteit"

STATUS_OPTIMAAL = "optimaal"
STATUS_ONHAALBAAR = "onhaalbaar"
STATUS_TIJDSLIMIET = "tijdslimiet"

#: Candidate neighbourhoods use a radius this much smaller than Y, so that a
#: PC4 the model counts as covered is also within Y for `coverage.analyse`
#: (which compares km distances); boundary cases are counted as not covered.
_RADIUS_SHRINK = 1e-9
_SHARE_TOL = 1e-9
#: Weight per new LSP of another type than advised, in the tie-break stage.
_TYPE_TIE_WEIGHT = 1e-4
#: The tie-break stage only chooses among equally cheap proposals, so it gets
#: a small part of the time limit (it starts from the stage-1 solution).
_TIE_BREAK_SHARE = 0.1
_TIE_BREAK_MIN_S = 1.0


def _default_kosten() -> Mapping[str, float]:
    return MappingProxyType({"groot": 3.0, "middel": 2.0, "klein": 1.0})


@dataclass(frozen=True)
class AdvisorSettings:
    """What the proposal must reach and what it costs.

    `kosten` are weights per new LSP by type (a type left out is not proposed);
    an upgrade klein/onbekend → middel costs `kosten_upgrade`.
    """

    doel_aandeel_binnen_km: float = 0.9
    afstand_km: float = 10.0
    capaciteit_doel_aandeel: float = 1.0
    lsp_per_gemeente: bool = True
    kosten: Mapping[str, float] = field(default_factory=_default_kosten)
    kosten_upgrade: float = 1.0
    max_nieuw_per_gemeente: int = 5
    time_limit_s: float = 30.0

    def __post_init__(self) -> None:
        if not 0.0 <= self.doel_aandeel_binnen_km <= 1.0:
            raise ValueError("doel_aandeel_binnen_km must lie in [0, 1]")
        if not self.afstand_km > 0:
            raise ValueError("afstand_km must be positive")
        if not self.capaciteit_doel_aandeel >= 0:
            raise ValueError("capaciteit_doel_aandeel must be >= 0")
        unknown = set(self.kosten) - set(NEW_TYPES)
        if unknown:
            raise ValueError(f"unknown LSP types in kosten: {sorted(unknown)}")
        if (
            any(not v >= 0 for v in self.kosten.values())
            or not self.kosten_upgrade >= 0
        ):
            raise ValueError("kosten must be >= 0")
        if self.max_nieuw_per_gemeente < 0:
            raise ValueError("max_nieuw_per_gemeente must be >= 0")
        if not self.time_limit_s > 0:
            raise ValueError("time_limit_s must be positive")


DEFAULT_SETTINGS = AdvisorSettings()


@dataclass(frozen=True)
class NieuwLsp:
    gemeente_code: str
    lsp_type: str
    aantal: int
    lat: float
    lon: float
    reden: tuple[str, ...]


@dataclass(frozen=True)
class Upgrade:
    lsp_index: int  # index into `AnalysisInput.lsp`
    gemeente_code: str
    van: str
    naar: str
    reden: tuple[str, ...]


@dataclass(frozen=True)
class Proposal:
    status: str  # "optimaal", "onhaalbaar", "tijdslimiet"
    doelwaarde: float | None  # total cost weight of `nieuw` and `upgrades`
    nieuw: tuple[NieuwLsp, ...]
    upgrades: tuple[Upgrade, ...]
    voor: dict[str, float]
    na: dict[str, float]
    toelichting: tuple[str, ...]


# --------------------------------------------------------------------------
# Instance data (NumPy only)


@dataclass(frozen=True, eq=False)
class _Instance:
    n_gem: int
    site_gem: IntArray  # gemeente index of every candidate site
    site_lat: FloatArray
    site_lon: FloatArray
    existing: IntArray  # existing LSPs per gemeente (in the region)
    min_per_gemeente: int
    cap: dict[str, float]  # capacity per type
    cap0_gem: FloatArray  # existing capacity per gemeente
    need_gem: FloatArray  # need per gemeente (persons)
    need_total: float
    cap_target: float
    weight_total: float  # W: inhabitants of the analysed PC4s
    weight_covered0: float  # W0: within Y km of an existing LSP
    weight_unreachable: float  # not within Y of an existing LSP nor of a site
    unreachable_gem: FloatArray  # that weight per gemeente
    group_weight: FloatArray  # uncovered, reachable PC4s merged by site set
    group_sites: tuple[tuple[int, ...], ...]  # site positions within Y
    upg_gem: IntArray  # upgrade classes: gemeente, type, Δ capacity, LSPs
    upg_type: tuple[str, ...]
    upg_delta: FloatArray
    upg_lsps: tuple[tuple[int, ...], ...]
    advised: npt.NDArray[np.str_]  # advised type per gemeente (`advised_type`)


def _km_to_chord(km: float) -> float:
    return 2.0 * math.sin(min(km / (2.0 * EARTH_RADIUS_KM), math.pi / 2))


def neighbourhoods(
    from_lat: FloatArray,
    from_lon: FloatArray,
    site_lat: FloatArray,
    site_lon: FloatArray,
    afstand_km: float,
) -> list[list[int]]:
    """For every `from` point the sites within `afstand_km` (great circle):
    one `cKDTree.query_ball_point` with the chord radius, no double loop."""
    if len(site_lat) == 0:
        return [[] for _ in range(len(from_lat))]
    tree = cKDTree(to_xyz(site_lat, site_lon))
    radius = _km_to_chord(afstand_km * (1.0 - _RADIUS_SHRINK))
    found = tree.query_ball_point(to_xyz(from_lat, from_lon), r=radius)
    return [sorted(int(i) for i in hits) for hits in found]


def _need_per_gemeente(inp: AnalysisInput) -> FloatArray:
    share = inp.parameters["aandeel_baat_lsp"]
    # Rounded as `coverage.analyse` rounds it, so the targets agree exactly.
    return np.array(
        [round(g.inwoners * share, 1) for g in inp.gemeenten], dtype=np.float64
    )


def _instance(inp: AnalysisInput, s: AdvisorSettings) -> _Instance:
    p = inp.parameters
    n_gem = len(inp.gemeenten)
    pc4, lsp = inp.pc4, inp.lsp
    inside = pc4.gemeente_idx >= 0
    pc_lat, pc_lon = pc4.lat[inside], pc4.lon[inside]
    pc_gem = pc4.gemeente_idx[inside]
    weights = np.nan_to_num(pc4.inwoners[inside].astype(np.float64))

    # Candidate sites: the gemeente's population-weighted centre, or else the
    # weighted mean of its PC4 centroids.
    site_gem, site_lat, site_lon = [], [], []
    for i, g in enumerate(inp.gemeenten):
        lat, lon = g.lat, g.lon
        if lat is None or lon is None:
            mine = pc_gem == i
            w = weights[mine]
            if not mine.any():
                continue
            if w.sum() <= 0:
                w = np.ones(int(mine.sum()))
            lat = float(np.average(pc_lat[mine], weights=w))
            lon = float(np.average(pc_lon[mine], weights=w))
        site_gem.append(i)
        site_lat.append(float(lat))
        site_lon.append(float(lon))
    s_lat = np.array(site_lat, dtype=np.float64)
    s_lon = np.array(site_lon, dtype=np.float64)

    in_region = lsp.gemeente_idx >= 0
    existing = np.bincount(lsp.gemeente_idx[in_region], minlength=n_gem).astype(
        np.int64
    )
    cap = capacity_per_type(p)
    lsp_cap = np.array(
        [cap.get(str(t), cap["onbekend"]) for t in lsp.lsp_type], dtype=np.float64
    )
    cap0_gem = np.bincount(
        lsp.gemeente_idx[in_region], weights=lsp_cap[in_region], minlength=n_gem
    ).astype(np.float64)
    need_gem = _need_per_gemeente(inp)
    need_total = round(float(need_gem.sum()), 1)

    d0 = nearest_km(pc_lat, pc_lon, lsp.lat, lsp.lon)
    covered0 = d0 <= s.afstand_km
    hoods = neighbourhoods(pc_lat, pc_lon, s_lat, s_lon, s.afstand_km)
    groups: dict[tuple[int, ...], float] = {}
    unreachable_gem = np.zeros(n_gem)
    for k in np.flatnonzero(~covered0 & (weights > 0)):
        key = tuple(hoods[k])
        if key:
            groups[key] = groups.get(key, 0.0) + float(weights[k])
        else:
            unreachable_gem[pc_gem[k]] += weights[k]
    keys = sorted(groups)

    classes: dict[tuple[int, str], list[int]] = {}
    for j in np.flatnonzero(in_region):
        t = str(lsp.lsp_type[j])
        if t in UPGRADABLE_TYPES and cap[UPGRADE_TO] > cap[t]:
            classes.setdefault((int(lsp.gemeente_idx[j]), t), []).append(int(j))
    ckeys = sorted(classes)

    return _Instance(
        n_gem=n_gem,
        site_gem=np.array(site_gem, dtype=np.int64),
        site_lat=s_lat,
        site_lon=s_lon,
        existing=existing,
        min_per_gemeente=max(int(math.ceil(p.get("lsp_min_per_gemeente", 1))), 0),
        cap=cap,
        cap0_gem=cap0_gem,
        need_gem=need_gem,
        need_total=need_total,
        cap_target=s.capaciteit_doel_aandeel * need_total,
        weight_total=float(weights.sum()),
        weight_covered0=float(weights[covered0].sum()),
        weight_unreachable=float(unreachable_gem.sum()),
        unreachable_gem=unreachable_gem,
        group_weight=np.array([groups[k] for k in keys], dtype=np.float64),
        group_sites=tuple(keys),
        upg_gem=np.array([g for g, _ in ckeys], dtype=np.int64),
        upg_type=tuple(t for _, t in ckeys),
        upg_delta=np.array(
            [cap[UPGRADE_TO] - cap[t] for _, t in ckeys], dtype=np.float64
        ),
        upg_lsps=tuple(tuple(classes[k]) for k in ckeys),
        advised=np.array([advised_type(g, p) for g in inp.gemeenten], dtype="<U8"),
    )


# --------------------------------------------------------------------------
# Infeasibility: relax one constraint group at a time


@dataclass(frozen=True)
class _Shortfall:
    groep: str
    zinnen: tuple[str, ...]


def _diagnose(
    inst: _Instance, s: AdvisorSettings, names: Sequence[str]
) -> list[_Shortfall]:
    """Constraint groups that cannot be met even with all others relaxed.

    Every constraint is a "≥" in non-negative variables with non-negative
    coefficients, so each group reaches its maximum when everything is opened
    (`max_nieuw_per_gemeente` LSPs of the largest type at every site, every
    upgrade). That point needs no solve, and the whole model is feasible
    exactly when no group falls short there.
    """
    out: list[_Shortfall] = []
    mx = s.max_nieuw_per_gemeente
    types = [t for t in NEW_TYPES if t in s.kosten]
    has_site = np.zeros(inst.n_gem, dtype=bool)
    has_site[inst.site_gem] = True

    if s.lsp_per_gemeente and inst.min_per_gemeente > 0:
        missing = inst.min_per_gemeente - inst.existing
        reach = np.where(has_site & bool(types), mx, 0)
        short = np.flatnonzero(missing > reach)
        if len(short):
            lijst = _namen([names[int(i)] for i in short])
            if not types:
                why = "er is geen type nieuw LSP toegestaan (kosten is leeg)"
            elif mx < inst.min_per_gemeente:
                why = f"max_nieuw_per_gemeente is {mx}"
            else:
                why = "er is geen ligging (coördinaten of PC4) bekend"
            out.append(
                _Shortfall(
                    REDEN_PER_GEMEENTE,
                    (
                        f"Onhaalbaar: de eis 'minimaal {inst.min_per_gemeente} LSP per "
                        f"gemeente'. In {len(short)} gemeente(n) ({lijst}) kan geen "
                        f"LSP bij komen, want {why}.",
                    ),
                )
            )

    target_w = s.doel_aandeel_binnen_km * inst.weight_total
    reachable = inst.weight_total - inst.weight_unreachable
    if mx < 1 or not types:
        reachable = inst.weight_covered0
    if reachable < target_w * (1 - _SHARE_TOL) - _SHARE_TOL:
        best = reachable / inst.weight_total if inst.weight_total else 0.0
        worst = np.argsort(-inst.unreachable_gem)[:3]
        waar = _namen([names[i] for i in worst if inst.unreachable_gem[i] > 0])
        zin = (
            f"Onhaalbaar: de nabijheidseis. Ook met een LSP in elke gemeente woont "
            f"hooguit {_pct(best)} van de inwoners binnen {_km(s.afstand_km)} km "
            f"van een LSP, minder dan het doel van {_pct(s.doel_aandeel_binnen_km)}; "
            f"er ontbreekt {_num(100 * (s.doel_aandeel_binnen_km - best), 1)} "
            f"procentpunt ({_num(target_w - reachable)} inwoners)."
        )
        extra = (
            f"Het verst weg wonen inwoners in {waar}; verlaag het doel tot "
            f"{_pct(best)} of verhoog de afstand."
            if waar
            else "Er mag geen nieuw LSP bij (max_nieuw_per_gemeente of kosten)."
        )
        out.append(_Shortfall(REDEN_NABIJHEID, (zin, extra)))

    cap_max_type = max((inst.cap[t] for t in types), default=0.0)
    cap_max = (
        float(inst.cap0_gem.sum())
        + mx * len(inst.site_gem) * cap_max_type
        + float(
            sum(
                d * len(js) for d, js in zip(inst.upg_delta, inst.upg_lsps, strict=True)
            )
        )
    )
    if cap_max < inst.cap_target - 1e-9:
        zin = (
            f"Onhaalbaar: de capaciteitseis. De behoefte is {_num(inst.need_total)} "
            f"personen; {_pct(s.capaciteit_doel_aandeel)} daarvan is "
            f"{_num(inst.cap_target)}. Ook met {mx} nieuwe LSP's per gemeente "
            f"en alle opwaarderingen komt de capaciteit op hooguit {_num(cap_max)}; "
            f"er ontbreekt {_num(inst.cap_target - cap_max)}."
        )
        zinnen = [zin]
        if cap_max_type > 0 and len(inst.site_gem):
            per_step = len(inst.site_gem) * cap_max_type
            need_mx = mx + math.ceil((inst.cap_target - cap_max) / per_step)
            zinnen.append(
                f"Met max_nieuw_per_gemeente = {need_mx} is de capaciteitseis wel haalbaar."
            )
        out.append(_Shortfall(REDEN_CAPACITEIT, tuple(zinnen)))
    return out


# --------------------------------------------------------------------------
# The MIP


@dataclass(frozen=True, eq=False)
class _Layout:
    """Column positions: n[c,t] (site × type), o[c], y[q], v[u], s[g]."""

    types: tuple[str, ...]
    n0: int
    o0: int
    y0: int
    v0: int
    s0: int
    num_col: int
    shortfall_gem: IntArray  # gemeente of every s column


class _Rows:
    def __init__(self) -> None:
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.vals: list[float] = []
        self.lower: list[float] = []
        self.upper: list[float] = []

    def add(
        self, cols: Sequence[int], vals: Sequence[float], lower: float, upper: float
    ) -> None:
        r = len(self.lower)
        self.rows.extend([r] * len(cols))
        self.cols.extend(cols)
        self.vals.extend(vals)
        self.lower.append(lower)
        self.upper.append(upper)


def _costs(lay: _Layout, inst: _Instance, s: AdvisorSettings) -> FloatArray:
    cost = np.zeros(lay.num_col)
    n_site = len(inst.site_gem)
    for ti, t in enumerate(lay.types):
        cost[lay.n0 + ti * n_site : lay.n0 + (ti + 1) * n_site] = s.kosten[t]
    cost[lay.v0 : lay.s0] = s.kosten_upgrade
    return cost


def _build(
    inst: _Instance, s: AdvisorSettings, cost_cap: float | None
) -> tuple[highspy.HighsLp, _Layout]:
    """The model; with `cost_cap` the tie-break stage (cost ≤ cost_cap)."""
    types = tuple(t for t in NEW_TYPES if t in s.kosten)
    n_site, n_grp, n_upg = len(inst.site_gem), len(inst.group_sites), len(inst.upg_gem)
    n0 = 0
    o0 = n0 + n_site * len(types)
    y0 = o0 + n_site
    v0 = y0 + n_grp
    s0 = v0 + n_upg
    local_rhs = s.capaciteit_doel_aandeel * inst.need_gem - inst.cap0_gem
    shortfall_gem = (
        np.flatnonzero(local_rhs > 0)
        if cost_cap is not None
        else np.zeros(0, dtype=np.int64)
    )
    lay = _Layout(types, n0, o0, y0, v0, s0, s0 + len(shortfall_gem), shortfall_gem)
    mx = float(s.max_nieuw_per_gemeente)

    lower = np.zeros(lay.num_col)
    upper = np.ones(lay.num_col)
    upper[n0:o0] = mx
    upper[v0:s0] = [len(js) for js in inst.upg_lsps]
    upper[s0:] = highspy.kHighsInf
    integrality = np.full(lay.num_col, highspy.HighsVarType.kInteger)
    integrality[s0:] = highspy.HighsVarType.kContinuous

    def n_col(site: int, ti: int) -> int:
        return n0 + ti * n_site + site

    rows = _Rows()
    inf = highspy.kHighsInf
    site_of_gem = {int(g): c for c, g in enumerate(inst.site_gem)}
    for c in range(n_site):
        n_cols = [n_col(c, ti) for ti in range(len(types))]
        # o[c] ≤ Σ_t n[c,t]: a site counts as open only with an LSP on it.
        rows.add([o0 + c, *n_cols], [1.0] + [-1.0] * len(types), -inf, 0.0)
        # Σ_t n[c,t] ≤ max_nieuw_per_gemeente.
        rows.add(n_cols, [1.0] * len(types), -inf, mx)
    for q, sites in enumerate(inst.group_sites):
        # y[q] ≤ Σ_{c within Y km} o[c]
        rows.add(
            [y0 + q, *(o0 + c for c in sites)], [1.0] + [-1.0] * len(sites), -inf, 0.0
        )
    share_rhs = s.doel_aandeel_binnen_km * inst.weight_total - inst.weight_covered0
    if share_rhs > 0:
        # Σ_q w_q y_q ≥ X·W − W0; a hair below, as integral weights make it exact.
        rows.add(
            [y0 + q for q in range(n_grp)],
            list(inst.group_weight),
            share_rhs - _SHARE_TOL * max(inst.weight_total, 1.0),
            inf,
        )
    if s.lsp_per_gemeente:
        for g in np.flatnonzero(inst.existing < inst.min_per_gemeente):
            c = site_of_gem[int(g)]
            rows.add(
                [n_col(c, ti) for ti in range(len(types))],
                [1.0] * len(types),
                float(inst.min_per_gemeente - inst.existing[g]),
                inf,
            )
    cap_rhs = inst.cap_target - float(inst.cap0_gem.sum())
    if cap_rhs > 0:
        cols = [n_col(c, ti) for ti in range(len(types)) for c in range(n_site)]
        vals = [inst.cap[t] for t in types for _ in range(n_site)]
        rows.add(
            cols + [v0 + u for u in range(n_upg)],
            vals + list(inst.upg_delta),
            cap_rhs - 1e-7,
            inf,
        )

    cost = _costs(lay, inst, s)
    objective = cost
    if cost_cap is not None:
        # Tie-break among the cheapest proposals: least local capacity
        # shortfall, then most inhabitants within Y km.
        nz = np.flatnonzero(cost)
        rows.add(list(nz), list(cost[nz]), -inf, cost_cap)
        for si, g in enumerate(shortfall_gem):
            cols = [s0 + si]
            vals = [1.0]
            if int(g) in site_of_gem:
                c = site_of_gem[int(g)]
                cols += [n_col(c, ti) for ti in range(len(types))]
                vals += [inst.cap[t] for t in types]
            for u in np.flatnonzero(inst.upg_gem == g):
                cols.append(v0 + int(u))
                vals.append(float(inst.upg_delta[u]))
            rows.add(cols, vals, float(local_rhs[g]), inf)
        objective = np.zeros(lay.num_col)
        objective[s0:] = 1.0 / max(inst.cap_target, 1.0)
        objective[y0:v0] = -inst.group_weight / max(inst.weight_total, 1.0)
        # Last: at equal cost, the type advised for the gemeente (000 §5).
        for ti, t in enumerate(types):
            other = inst.advised[inst.site_gem] != t
            objective[n0 + ti * n_site : n0 + (ti + 1) * n_site] = (
                _TYPE_TIE_WEIGHT * other
            )

    matrix = sparse.csc_matrix(
        (rows.vals, (rows.rows, rows.cols)), shape=(len(rows.lower), lay.num_col)
    )
    lp = highspy.HighsLp()
    lp.num_col_ = lay.num_col
    lp.num_row_ = len(rows.lower)
    lp.col_cost_ = objective
    lp.col_lower_ = lower
    lp.col_upper_ = upper
    lp.row_lower_ = np.array(rows.lower, dtype=np.float64)
    lp.row_upper_ = np.array(rows.upper, dtype=np.float64)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr
    lp.a_matrix_.index_ = matrix.indices
    lp.a_matrix_.value_ = matrix.data
    lp.a_matrix_.num_col_ = lay.num_col
    lp.a_matrix_.num_row_ = len(rows.lower)
    lp.integrality_ = list(integrality)
    return lp, lay


def _solve(
    lp: highspy.HighsLp,
    time_limit_s: float,
    rel_gap: float,
    start: FloatArray | None = None,
) -> tuple[str, FloatArray | None]:
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", max(float(time_limit_s), 0.01))
    h.setOptionValue("mip_rel_gap", rel_gap)
    h.setOptionValue("random_seed", 0)
    h.passModel(lp)
    if start is not None:
        sol = highspy.HighsSolution()
        sol.col_value = list(start)
        sol.value_valid = True
        h.setSolution(sol)
    h.run()
    status = h.getModelStatus()
    has_value = h.getInfo().primal_solution_status == highspy.kSolutionStatusFeasible
    values = (
        np.array(h.getSolution().col_value, dtype=np.float64) if has_value else None
    )
    if status == highspy.HighsModelStatus.kOptimal:
        return STATUS_OPTIMAAL, values
    if status == highspy.HighsModelStatus.kInfeasible:
        return STATUS_ONHAALBAAR, None
    return STATUS_TIJDSLIMIET, values


def _start(
    inst: _Instance, s: AdvisorSettings, lay: _Layout, x: FloatArray
) -> FloatArray:
    """Stage-1 solution extended with the tie-break columns (feasible start)."""
    start = np.zeros(lay.num_col)
    start[: lay.s0] = np.round(x[: lay.s0])
    supply = _local_supply(inst, lay, start)
    rhs = s.capaciteit_doel_aandeel * inst.need_gem - inst.cap0_gem
    start[lay.s0 :] = np.maximum(rhs - supply, 0.0)[lay.shortfall_gem]
    return start


def _local_supply(inst: _Instance, lay: _Layout, x: FloatArray) -> FloatArray:
    n_site = len(inst.site_gem)
    supply = np.zeros(inst.n_gem)
    for ti, t in enumerate(lay.types):
        supply[inst.site_gem] += (
            inst.cap[t] * x[lay.n0 + ti * n_site : lay.n0 + (ti + 1) * n_site]
        )
    np.add.at(supply, inst.upg_gem, inst.upg_delta * x[lay.v0 : lay.s0])
    return supply


# --------------------------------------------------------------------------
# Public entry point


def advise(
    inp: AnalysisInput, settings: AdvisorSettings = DEFAULT_SETTINGS
) -> Proposal:
    """Propose the cheapest additions that meet `settings` (see module doc)."""
    started = time.monotonic()
    s = settings
    names = [g.naam for g in inp.gemeenten]
    inst = _instance(inp, s)
    voor = _measures(inp, s)

    problems = _diagnose(inst, s, names)
    if problems:
        lines = [z for p in problems for z in p.zinnen]
        if len(problems) == 1:
            lines.append("Zonder deze eis zijn de andere eisen wel samen haalbaar.")
        return Proposal(STATUS_ONHAALBAAR, None, (), (), voor, dict(voor), tuple(lines))

    lp, lay = _build(inst, s, None)
    status, x = _solve(lp, s.time_limit_s, 1e-6)
    if x is None:
        if status == STATUS_ONHAALBAAR:  # not expected: _diagnose is exact
            why = "De oplosser vond het model onhaalbaar, terwijl elke eis apart haalbaar is."
        else:
            why = (
                f"De oplosser vond binnen de tijdslimiet van {_num(s.time_limit_s, 1)} s "
                "geen voorstel; verhoog time_limit_s."
            )
        return Proposal(status, None, (), (), voor, dict(voor), (why,))

    x = np.round(x)
    cost = _costs(lay, inst, s)
    z_star = float(cost @ x)
    if status == STATUS_OPTIMAAL:
        lp2, lay2 = _build(inst, s, z_star + 1e-6 * max(1.0, abs(z_star)))
        remaining = s.time_limit_s - (time.monotonic() - started)
        budget = min(
            remaining, max(_TIE_BREAK_MIN_S, _TIE_BREAK_SHARE * s.time_limit_s)
        )
        if budget > 0.05:
            _, x2 = _solve(lp2, budget, 1e-3, _start(inst, s, lay2, x))
            if x2 is not None:
                x2 = np.round(x2)
                if float(_costs(lay2, inst, s) @ x2) <= z_star + 1e-6 * max(
                    1.0, abs(z_star)
                ):
                    x, lay = x2, lay2
    return _proposal(inp, inst, s, lay, x, status, voor, names)


def _proposal(
    inp: AnalysisInput,
    inst: _Instance,
    s: AdvisorSettings,
    lay: _Layout,
    x: FloatArray,
    status: str,
    voor: dict[str, float],
    names: list[str],
) -> Proposal:
    n_site = len(inst.site_gem)
    counts = np.zeros((n_site, len(lay.types)), dtype=np.int64)
    for ti in range(len(lay.types)):
        counts[:, ti] = np.round(x[lay.n0 + ti * n_site : lay.n0 + (ti + 1) * n_site])
    upg = np.round(x[lay.v0 : lay.s0]).astype(np.int64)
    per_site = counts.sum(axis=1)
    open_site = per_site > 0

    # Slack of every constraint group in the proposal, to name tight ones.
    cap_new = float(
        sum(inst.cap[t] * counts[:, ti].sum() for ti, t in enumerate(lay.types))
    )
    cap_upg = float((upg * inst.upg_delta).sum())
    cap_after = float(inst.cap0_gem.sum()) + cap_new + cap_upg
    cap_slack = cap_after - inst.cap_target
    cap_binding = inst.cap_target > float(inst.cap0_gem.sum())

    hits = np.zeros(len(inst.group_sites), dtype=np.int64)
    for q, sites in enumerate(inst.group_sites):
        hits[q] = int(open_site[list(sites)].sum()) if sites else 0
    covered = inst.weight_covered0 + float(inst.group_weight[hits > 0].sum())
    target_w = s.doel_aandeel_binnen_km * inst.weight_total
    only_here = np.zeros(n_site)
    for q, sites in enumerate(inst.group_sites):
        if hits[q] == 1:
            for c in sites:
                if open_site[c]:
                    only_here[c] += inst.group_weight[q]
    needs_site = (covered - only_here) < target_w - _SHARE_TOL * max(
        inst.weight_total, 1.0
    )

    nieuw: list[NieuwLsp] = []
    for c in map(int, np.flatnonzero(open_site)):
        g = int(inst.site_gem[c])
        for ti, t in enumerate(lay.types):
            k = int(counts[c, ti])
            if k == 0:
                continue
            reden: list[str] = []
            if (
                s.lsp_per_gemeente
                and inst.existing[g] + per_site[c] - 1 < inst.min_per_gemeente
            ):
                reden.append(REDEN_PER_GEMEENTE)
            if needs_site[c]:
                reden.append(REDEN_NABIJHEID)
            if cap_binding and cap_slack < inst.cap[t] - 1e-9:
                reden.append(REDEN_CAPACITEIT)
            nieuw.append(
                NieuwLsp(
                    gemeente_code=inp.gemeenten[g].code,
                    lsp_type=t,
                    aantal=k,
                    lat=float(inst.site_lat[c]),
                    lon=float(inst.site_lon[c]),
                    reden=tuple(reden),
                )
            )
    upgrades: list[Upgrade] = []
    for u in np.flatnonzero(upg):
        u_reden: tuple[str, ...] = (
            (REDEN_CAPACITEIT,)
            if cap_binding and cap_slack < inst.upg_delta[u] - 1e-9
            else ()
        )
        for j in inst.upg_lsps[u][: int(upg[u])]:
            upgrades.append(
                Upgrade(
                    j,
                    inp.gemeenten[int(inst.upg_gem[u])].code,
                    inst.upg_type[u],
                    UPGRADE_TO,
                    u_reden,
                )
            )
    doelwaarde = float(
        sum(s.kosten[n.lsp_type] * n.aantal for n in nieuw)
        + s.kosten_upgrade * len(upgrades)
    )
    na = _measures(with_proposal(inp, nieuw, upgrades), s)
    lines = _explain(inp, inst, s, nieuw, upgrades, voor, na, status, doelwaarde, names)
    return Proposal(
        status, doelwaarde, tuple(nieuw), tuple(upgrades), voor, na, tuple(lines)
    )


def with_proposal(
    inp: AnalysisInput, nieuw: Sequence[NieuwLsp], upgrades: Sequence[Upgrade]
) -> AnalysisInput:
    """`inp` with the new LSPs appended and the upgrades applied."""
    lsp = inp.lsp
    index = {g.code: i for i, g in enumerate(inp.gemeenten)}
    types = lsp.lsp_type.astype("<U8").copy()
    for u in upgrades:
        types[u.lsp_index] = u.naar
    add_lat = [n.lat for n in nieuw for _ in range(n.aantal)]
    add_lon = [n.lon for n in nieuw for _ in range(n.aantal)]
    add_type = [n.lsp_type for n in nieuw for _ in range(n.aantal)]
    add_gem = [index[n.gemeente_code] for n in nieuw for _ in range(n.aantal)]
    new_lsp = LspArrays(
        lat=np.concatenate([lsp.lat, np.array(add_lat, dtype=np.float64)]),
        lon=np.concatenate([lsp.lon, np.array(add_lon, dtype=np.float64)]),
        lsp_type=np.concatenate([types, np.array(add_type, dtype="<U8")]),
        alle_elementen=np.concatenate(
            [lsp.alle_elementen, np.zeros(len(add_lat), dtype=bool)]
        ),
        gemeente_idx=np.concatenate(
            [lsp.gemeente_idx, np.array(add_gem, dtype=np.int64)]
        ),
    )
    return replace(inp, lsp=new_lsp)


def _measures(inp: AnalysisInput, s: AdvisorSettings) -> dict[str, float]:
    """Before/after figures, computed by `coverage.analyse` itself."""
    result = analyse(replace(inp, thresholds_km=(s.afstand_km,)))
    return {
        "aandeel_binnen_km": float(
            result.aandeel_inwoners_binnen_km[f"{s.afstand_km:g}"]
        ),
        "afstand_km": float(s.afstand_km),
        "capaciteit_personen": float(result.capaciteit_personen),
        "behoefte_personen": float(result.behoefte_personen),
        "gemeenten_zonder_lsp": float(len(result.gemeenten_zonder_lsp)),
        "aantal_lsp": float(sum(result.lsp_per_type.values())),
    }


# --------------------------------------------------------------------------
# Explanation (Dutch)


def _num(value: float, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _km(km: float) -> str:
    return _num(km, 0 if float(km).is_integer() else 1)


def _pct(share: float) -> str:
    return f"{_num(100 * share, 1)}%"


def _namen(items: Sequence[str], limit: int = 5) -> str:
    items = list(items)
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" en {len(items) - limit} andere"


def _mix(count: Mapping[str, int], upgrades: int = 0) -> str:
    parts = [f"{k} LSP {t}" for t, k in count.items() if k]
    if upgrades:
        parts.append(
            f"{upgrades} opwaardering{'en' if upgrades > 1 else ''} naar middel"
        )
    if not parts:
        return "niets"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _explain(
    inp: AnalysisInput,
    inst: _Instance,
    s: AdvisorSettings,
    nieuw: Sequence[NieuwLsp],
    upgrades: Sequence[Upgrade],
    voor: Mapping[str, float],
    na: Mapping[str, float],
    status: str,
    doelwaarde: float,
    names: list[str],
) -> list[str]:
    lines: list[str] = []
    code_to_name = {g.code: g.naam for g in inp.gemeenten}
    if status == STATUS_TIJDSLIMIET:
        lines.append(
            f"De oplosser stopte na de tijdslimiet van {_num(s.time_limit_s, 1)} s: het "
            "voorstel voldoet aan de eisen, maar is mogelijk niet het goedkoopste."
        )

    # Minimaal één per gemeente.
    zonder = [i for i in range(inst.n_gem) if inst.existing[i] < inst.min_per_gemeente]
    if s.lsp_per_gemeente and zonder:
        got: dict[str, list[str]] = {}
        for n in nieuw:
            got.setdefault(n.gemeente_code, []).append(n.lsp_type)
        mix: dict[str, int] = dict.fromkeys(NEW_TYPES, 0)
        for i in zonder:
            kinds = got.get(inp.gemeenten[i].code, [])
            if kinds:  # the largest type it gets
                mix[min(kinds, key=NEW_TYPES.index)] += 1
        wie = _namen([names[i] for i in zonder])
        if sum(1 for k in mix.values() if k) == 1:
            t = next(t for t, k in mix.items() if k)
            wat = (
                f"elk krijgt een LSP {t}"
                if len(zonder) > 1
                else f"die krijgt een LSP {t}"
            )
        else:
            wat = "als grootste nieuwe LSP krijgen er " + ", ".join(
                f"{k} een LSP {t}" for t, k in mix.items() if k
            )
        cheapest = min(
            s.kosten, key=lambda t: (s.kosten[t], -NEW_TYPES.index(t)), default="klein"
        )
        waarom = ""
        if any(k and t != cheapest for t, k in mix.items()):
            waarom = (
                f"; een groter type dan {cheapest} waar dat ook voor de capaciteit "
                "nodig is"
            )
        lines.append(
            f"{len(zonder)} gemeente{'n hadden' if len(zonder) != 1 else ' had'} "
            f"geen LSP ({wie}): {wat} (eis: minimaal {inst.min_per_gemeente} per "
            f"gemeente{waarom})."
        )
    elif s.lsp_per_gemeente:
        lines.append("Elke gemeente had al een LSP; die eis stuurt geen keuze.")

    # Capaciteit.
    cap0 = float(inst.cap0_gem.sum())
    aandeel = _pct(s.capaciteit_doel_aandeel)
    if inst.cap_target > cap0:
        by_cap: dict[str, int] = dict.fromkeys(NEW_TYPES, 0)
        for n in nieuw:
            if REDEN_CAPACITEIT in n.reden:
                by_cap[n.lsp_type] += n.aantal
        n_upg = sum(1 for u in upgrades if REDEN_CAPACITEIT in u.reden)
        lines.append(
            f"Voor de capaciteit (behoefte {_num(inst.need_total)}, doel {aandeel} daarvan "
            f"is {_num(inst.cap_target)}, nu {_num(cap0)}) zijn {_mix(by_cap, n_upg)} "
            f"nodig; daarmee wordt de capaciteit {_num(na['capaciteit_personen'])}."
        )
        if n_upg:
            lines.append(
                f"Een opwaardering (klein/onbekend → middel, +{_num(inst.cap[UPGRADE_TO] - inst.cap['klein'])}"
                f" voor klein) kost {_num(s.kosten_upgrade, 1)} en is daarom gekozen "
                "waar die goedkoper is dan een nieuw LSP."
            )
    else:
        lines.append(
            f"Het capaciteitsdoel ({aandeel} van de behoefte {_num(inst.need_total)}, dus "
            f"{_num(inst.cap_target)}) wordt al gehaald met de bestaande capaciteit "
            f"({_num(cap0)}); de capaciteitseis stuurt geen keuze."
        )

    # Nabijheid.
    km = _km(s.afstand_km)
    voor_share, na_share = voor["aandeel_binnen_km"], na["aandeel_binnen_km"]
    near = [n for n in nieuw if REDEN_NABIJHEID in n.reden]
    near_sites = sorted({n.gemeente_code for n in near})
    if inst.weight_total <= 0:
        lines.append(
            "In de PC4-gebieden wonen geen inwoners; de nabijheidseis stuurt geen keuze."
        )
    elif near_sites:
        lines.append(
            f"Binnen {km} km woonde {_pct(voor_share)} (doel {_pct(s.doel_aandeel_binnen_km)}); "
            f"{len(near_sites)} extra locatie{'s' if len(near_sites) != 1 else ''} "
            f"({_namen([code_to_name[c] for c in near_sites])}) "
            f"{'brengen' if len(near_sites) != 1 else 'brengt'} dat samen met de "
            f"andere nieuwe LSP's op {_pct(na_share)}."
        )
    elif voor_share >= s.doel_aandeel_binnen_km - _SHARE_TOL:
        lines.append(
            f"Binnen {km} km woonde al {_pct(voor_share)}, niet minder dan het doel van "
            f"{_pct(s.doel_aandeel_binnen_km)}; de nabijheidseis stuurt geen keuze "
            f"(na het voorstel {_pct(na_share)})."
        )
    else:
        lines.append(
            f"Binnen {km} km woonde {_pct(voor_share)}; de LSP's die om andere redenen "
            f"bijkomen, brengen dat op {_pct(na_share)} (doel {_pct(s.doel_aandeel_binnen_km)})."
        )

    totaal: dict[str, int] = dict.fromkeys(NEW_TYPES, 0)
    for n in nieuw:
        totaal[n.lsp_type] += n.aantal
    lines.append(
        f"Voorstel: {_mix(totaal, len(upgrades))}; kosten (gewicht) {_num(doelwaarde, 1)}."
    )

    # The claims, checked against the recomputed analysis.
    fails = []
    if (
        inst.weight_total > 0
        and na["aandeel_binnen_km"] < s.doel_aandeel_binnen_km - _SHARE_TOL
    ):
        fails.append("nabijheid")
    if na["capaciteit_personen"] < inst.cap_target - 1e-6:
        fails.append("capaciteit")
    if s.lsp_per_gemeente and na["gemeenten_zonder_lsp"] > 0:
        fails.append("minimaal één per gemeente")
    if fails:
        lines.append(
            "Let op: nagerekend haalt het voorstel niet: " + ", ".join(fails) + "."
        )
    else:
        lines.append(
            "Nagerekend met de dekkingsanalyse: het voorstel haalt alle eisen."
        )
    return lines


__all__ = [
    "DEFAULT_SETTINGS",
    "AdvisorSettings",
    "NieuwLsp",
    "Proposal",
    "Upgrade",
    "advise",
    "neighbourhoods",
    "with_proposal",
]
