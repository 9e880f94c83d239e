# SPDX-License-Identifier: EUPL-1.2
"""Benchmark of the coverage analysis and the placement advisor.

On the national instance (342 gemeenten, 4,067 PC4, the 318 LSPs of the 2025
list, built from the shared CSVs with NumPy) it times:

a. `coverage.analyse` for the whole country (median of `--runs`; target < 1 s),
b. `advisor.advise` with the default settings (target < 5 s),
c. the pure covering problem, through the advisor and through spopt (PuLP +
   CBC) on the same candidate sites and the same distances:
   * LSCP: the fewest new sites so that every inhabitant who can be within
     `--afstand-km` of a site is (the existing LSPs are open already);
   * MCLP: the most inhabitants within reach with p sites, p being the
     existing ones plus the number the advisor opened for `--doel`; and with
     p - 1, which must fall short of `--doel` if the advisor's count is the
     minimum.

It prints figures and never fails on a target. spopt is optional: 0.8.0 needs
Python >= 3.12 and Dekkend runs on 3.11, so run the script with an interpreter
that has spopt 0.7.0 (see docs/coverage-advisor.md); without spopt it says so
and prints the advisor figures only.

    python bench/coverage_bench.py
    python bench/coverage_bench.py --afstand-km 5 --doel 0.8 --runs 3
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
# Runs from an interpreter without the editable install too (the spopt venv).
sys.path.insert(0, str(ROOT / "src"))

from dekkend.coverage.analysis.advisor import (  # noqa: E402
    AdvisorSettings,
    Proposal,
    advise,
)
from dekkend.coverage.analysis.coverage import analyse  # noqa: E402
from dekkend.coverage.analysis.distance import chord_to_km, to_xyz  # noqa: E402
from dekkend.coverage.analysis.model import (  # noqa: E402
    AnalysisInput,
)
from dekkend.coverage.analysis.national import national_input  # noqa: E402

SPOPT_NOTE = (
    '`pip install spopt==0.8.0` fails on this Python (3.11): "ERROR: Ignored the '
    "following versions that require a different python version: 0.8.0 "
    'Requires-Python >=3.12" / "ERROR: No matching distribution found for '
    'spopt==0.8.0". spopt 0.7.0 (the last for 3.11) works, in a separate venv: '
    "python3.11 -m venv /tmp/spopt-venv && /tmp/spopt-venv/bin/pip install "
    "spopt==0.7.0 numpy==2.4.6 scipy==1.17.1 highspy==1.15.1, then "
    "/tmp/spopt-venv/bin/python bench/coverage_bench.py"
)


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """Median wall time of `runs` calls, and the last result."""
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def pure_covering(
    doel: float, afstand_km: float, time_limit_s: float
) -> AdvisorSettings:
    """The advisor reduced to the covering problem spopt solves."""
    return AdvisorSettings(
        doel_aandeel_binnen_km=doel,
        afstand_km=afstand_km,
        capaciteit_doel_aandeel=0.0,
        lsp_per_gemeente=False,
        kosten={"groot": 1.0, "middel": 1.0, "klein": 1.0},
        kosten_upgrade=1.0,
        max_nieuw_per_gemeente=1,
        time_limit_s=time_limit_s,
    )


def covering_data(inp: AnalysisInput, afstand_km: float) -> dict[str, Any]:
    """Demand points, facilities and the dense distance matrix (km) for spopt:
    facilities are the advisor's candidate sites (the gemeente centres) plus
    any existing LSP that is not on one; `predefined` marks the existing."""
    inside = (inp.pc4.gemeente_idx >= 0) & (inp.pc4.inwoners > 0)
    d_lat, d_lon = inp.pc4.lat[inside], inp.pc4.lon[inside]
    weights = inp.pc4.inwoners[inside]
    f_lat = np.array([g.lat for g in inp.gemeenten], dtype=np.float64)
    f_lon = np.array([g.lon for g in inp.gemeenten], dtype=np.float64)
    predefined = np.zeros(len(f_lat), dtype=np.int64)
    extra_lat, extra_lon = [], []
    f_xyz = to_xyz(f_lat, f_lon)
    for lat, lon in zip(inp.lsp.lat, inp.lsp.lon, strict=True):
        d = chord_to_km(
            np.linalg.norm(f_xyz - to_xyz(np.array([lat]), np.array([lon])), axis=1)
        )
        j = int(np.argmin(d))
        if d[j] < 1e-6:
            predefined[j] = 1
        else:
            extra_lat.append(lat)
            extra_lon.append(lon)
    f_lat = np.concatenate([f_lat, extra_lat])
    f_lon = np.concatenate([f_lon, extra_lon])
    predefined = np.concatenate([predefined, np.ones(len(extra_lat), dtype=np.int64)])
    a, b = to_xyz(d_lat, d_lon), to_xyz(f_lat, f_lon)
    # |a - b|² = 2 - 2 a·b for unit vectors: one matrix product, no loop.
    chord = np.sqrt(np.clip(2.0 - 2.0 * (a @ b.T), 0.0, None))
    cost = chord_to_km(chord)
    reachable = cost.min(axis=1) <= afstand_km
    return {
        "cost": cost,
        "weights": weights,
        "predefined": predefined,
        "reachable": reachable,
        "weight_total": float(
            np.nan_to_num(inp.pc4.inwoners[inp.pc4.gemeente_idx >= 0]).sum()
        ),
        "n_extra": len(extra_lat),
    }


def covered_weight(p: Proposal, weight_total: float) -> float:
    return p.na["aandeel_binnen_km"] * weight_total


def run_spopt(
    data: dict[str, Any],
    afstand_km: float,
    p_new: int,
    doel: float,
    time_limit_s: float,
) -> dict[str, Any]:
    import pulp
    from spopt.locate import LSCP, MCLP

    cost, weights, predefined = data["cost"], data["weights"], data["predefined"]
    n_pre = int(predefined.sum())
    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=time_limit_s)
    out: dict[str, Any] = {"n_predefined": n_pre}

    t0 = time.perf_counter()
    lscp = LSCP.from_cost_matrix(
        cost[data["reachable"]], afstand_km, predefined_facilities_arr=predefined
    )
    t1 = time.perf_counter()
    lscp.solve(solver, results=False)
    out["lscp_s"] = time.perf_counter() - t0
    out["lscp_solve_s"] = time.perf_counter() - t1
    out["lscp_status"] = pulp.LpStatus[lscp.problem.status]
    out["lscp_open"] = int(round(sum(v.value() or 0 for v in lscp.fac_vars)))

    def mclp(p: int) -> tuple[float, float, float, str]:
        t = time.perf_counter()
        model = MCLP.from_cost_matrix(
            cost,
            weights,
            afstand_km,
            p_facilities=p,
            predefined_facilities_arr=predefined,
        )
        t_solve = time.perf_counter()
        model.solve(solver, results=False)
        end = time.perf_counter()
        open_ = np.array([(v.value() or 0) > 0.5 for v in model.fac_vars])
        within = (cost[:, open_] <= afstand_km).any(axis=1)
        status = pulp.LpStatus[model.problem.status]
        return end - t, end - t_solve, float(weights[within].sum()), status

    out["mclp_p"] = n_pre + p_new
    out["mclp_s"], out["mclp_solve_s"], out["mclp_covered"], out["mclp_status"] = mclp(
        n_pre + p_new
    )
    if p_new >= 1:
        out["mclp1_s"], _, out["mclp1_covered"], out["mclp1_status"] = mclp(
            n_pre + p_new - 1
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "Reads gemeenten_2025.csv and pc4_2021.csv from --data-dir "
            "(DEKKEND_DATA_DIR, else ../shared/data beside the checkout) and the "
            "2025 LSP list from src/dekkend/register/data/lsp_2025/."
        ),
    )
    parser.add_argument(
        "--afstand-km", type=float, default=10.0, help="Y: proximity distance (10)"
    )
    parser.add_argument(
        "--doel",
        type=float,
        default=0.9,
        help="X: share of inhabitants that must live within Y km (0.9)",
    )
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per timing; the median is shown (5)"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(
            os.environ.get("DEKKEND_DATA_DIR", ROOT.parent / "shared" / "data")
        ),
        help="folder with the shared reference CSVs",
    )
    parser.add_argument(
        "--time-limit", type=float, default=30.0, help="advisor time limit, s (30)"
    )
    parser.add_argument(
        "--spopt-time-limit", type=float, default=300.0, help="CBC time limit, s (300)"
    )
    parser.add_argument("--no-spopt", action="store_true", help="skip the spopt part")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    inp = national_input(args.data_dir)
    print(
        f"National instance: {len(inp.gemeenten)} gemeenten, {len(inp.pc4.lat)} PC4, "
        f"{len(inp.lsp.lat)} LSPs (built in {time.perf_counter() - t0:.2f} s); "
        f"Python {sys.version.split()[0]}, {args.runs} runs, median shown"
    )

    # (a) the analysis
    t_an, result = timed(lambda: analyse(inp), args.runs)
    print("\n(a) coverage.analyse, whole country")
    print(
        f"    time        {t_an * 1000:8.1f} ms   target < 1 s: {'ja' if t_an < 1 else 'NEE'}"
    )
    print(
        f"    gemeenten zonder LSP {len(result.gemeenten_zonder_lsp)}, "
        f"within 10 km {result.aandeel_inwoners_binnen_km['10']:.1%}"
    )

    # (b) the advisor, default settings
    s = AdvisorSettings(
        doel_aandeel_binnen_km=args.doel,
        afstand_km=args.afstand_km,
        time_limit_s=args.time_limit,
    )
    t_adv, prop = timed(lambda: advise(inp, s), args.runs)
    print(
        f"\n(b) advisor.advise, default settings (X = {args.doel:g}, Y = {args.afstand_km:g} km)"
    )
    print(
        f"    time        {t_adv:8.2f} s    target < 5 s: {'ja' if t_adv < 5 else 'NEE'}"
    )
    print(
        f"    status {prop.status}, objective {prop.doelwaarde}, "
        f"{sum(n.aantal for n in prop.nieuw)} new LSPs at {len(prop.nieuw)} rows, "
        f"{len(prop.upgrades)} upgrades"
    )
    for key in prop.voor:
        print(
            f"    {key:22s} voor {prop.voor[key]:>12,.4f}   na {prop.na[key]:>12,.4f}"
        )
    for line in prop.toelichting:
        print(f"    - {line}")

    # (c) the pure covering problem, advisor vs spopt
    data = covering_data(inp, args.afstand_km)
    w_total = data["weight_total"]
    reach_share = float(data["weights"][data["reachable"]].sum()) / w_total
    lscp_settings = pure_covering(
        reach_share * (1 - 1e-12), args.afstand_km, args.time_limit
    )
    t_lscp, p_lscp = timed(lambda: advise(inp, lscp_settings), args.runs)
    mclp_settings = pure_covering(args.doel, args.afstand_km, args.time_limit)
    t_mclp, p_mclp = timed(lambda: advise(inp, mclp_settings), args.runs)
    adv_lscp_new = sum(n.aantal for n in p_lscp.nieuw)
    adv_p_new = sum(n.aantal for n in p_mclp.nieuw)
    print(
        f"\n(c) pure covering: {len(data['cost'])} demand PC4 (inhabited), "
        f"{data['cost'].shape[1]} sites ({int(data['predefined'].sum())} with an "
        f"existing LSP, {data['n_extra']} existing LSPs off-site), Y = {args.afstand_km:g} km"
    )
    print(
        f"    reachable within Y: {reach_share:.4%} of inhabitants; the rest is "
        "farther than Y from every site"
    )

    spopt_ok = not args.no_spopt and importlib.util.find_spec("spopt") is not None
    sp: dict[str, Any] = {}
    if args.no_spopt:
        print("    spopt skipped (--no-spopt)")
    elif not spopt_ok:
        print(f"    spopt is not installed for {sys.executable}.")
        print(f"    {SPOPT_NOTE}")
    else:
        import pulp
        import spopt

        print(f"    spopt {spopt.__version__}, PuLP {pulp.__version__} with CBC")
        sp = run_spopt(
            data, args.afstand_km, adv_p_new, args.doel, args.spopt_time_limit
        )

    def row(label: str, adv: str, other: str) -> None:
        print(f"    {label:44s} {adv:>18s} {other:>18s}")

    print()
    row("", "advisor (HiGHS)", "spopt (CBC)" if sp else "spopt")
    row(
        "LSCP: time (build + solve)",
        f"{t_lscp:.2f} s",
        f"{sp['lscp_s']:.2f} s" if sp else "-",
    )
    row("LSCP: of which CBC solve", "", f"{sp['lscp_solve_s']:.2f} s" if sp else "-")
    row("LSCP: status", p_lscp.status, sp.get("lscp_status", "-"))
    row(
        "LSCP: new sites (objective)",
        f"{adv_lscp_new}",
        f"{sp['lscp_open'] - sp['n_predefined']}" if sp else "-",
    )
    row(
        "LSCP: open sites incl. existing (spopt obj.)",
        f"{adv_lscp_new + int(data['predefined'].sum())}",
        f"{sp['lscp_open']}" if sp else "-",
    )
    if sp:
        good = adv_lscp_new <= sp["lscp_open"] - sp["n_predefined"]
        print(
            f"    advisor at least as good as spopt on LSCP: {'ja' if good else 'NEE'}"
        )
    print()
    row(f"advisor X = {args.doel:g}: time", f"{t_mclp:.2f} s", "")
    row(f"advisor X = {args.doel:g}: new sites", f"{adv_p_new}", "")
    p_all = adv_p_new + int(data["predefined"].sum())
    row(
        f"MCLP p = {p_all}: time (build + solve)",
        "-",
        f"{sp['mclp_s']:.2f} s" if sp else "-",
    )
    row(
        f"MCLP p = {p_all}: of which CBC solve",
        "",
        f"{sp['mclp_solve_s']:.2f} s" if sp else "-",
    )
    row(f"MCLP p = {p_all}: status", "", sp.get("mclp_status", "-"))
    row(
        f"MCLP p = {p_all}: inhabitants within Y",
        f"{covered_weight(p_mclp, w_total):,.0f}",
        f"{sp['mclp_covered']:,.0f}" if sp else "-",
    )
    row(
        f"MCLP p = {p_all}: share within Y",
        f"{p_mclp.na['aandeel_binnen_km']:.4%}",
        f"{sp['mclp_covered'] / w_total:.4%}" if sp else "-",
    )
    if sp and "mclp1_covered" in sp:
        row(
            f"MCLP p = {p_all - 1}: share within Y",
            "-",
            f"{sp['mclp1_covered'] / w_total:.4%} ({sp['mclp1_s']:.2f} s)",
        )
        minimal = sp["mclp1_covered"] < args.doel * w_total
        print(
            f"    with one site fewer spopt's best stays below X = {args.doel:g}: "
            f"{'ja' if minimal else 'NEE'} -> the advisor's {adv_p_new} new sites are "
            f"{'the minimum' if minimal else 'NOT the minimum'}; advisor at least as "
            f"good as spopt on MCLP: {'ja' if minimal else 'NEE'}"
        )
    elif sp:
        print("    the advisor needs no new site for X; nothing to compare with p - 1")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
