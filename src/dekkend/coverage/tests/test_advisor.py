# SPDX-License-Identifier: EUPL-1.2
"""Tests of the placement advisor (`dekkend.coverage.analysis.advisor`).

Pure pytest, no database: small hand-made instances with a known optimum,
an infeasible case, Hypothesis properties on random small instances (every
claim of a proposal is recomputed with `coverage.analyse`), and the national
instance built from the shared CSVs with NumPy.
"""

import itertools
import os
from datetime import date
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, seed, settings
from hypothesis import strategies as st

from dekkend.coverage.analysis import advisor as advisor_module
from dekkend.coverage.analysis.advisor import (
    REDEN_CAPACITEIT,
    REDEN_NABIJHEID,
    REDEN_PER_GEMEENTE,
    AdvisorSettings,
    NieuwLsp,
    Proposal,
    Upgrade,
    advise,
    neighbourhoods,
    with_proposal,
)
from dekkend.coverage.analysis.coverage import analyse
from dekkend.coverage.analysis.distance import nearest_km
from dekkend.coverage.analysis.model import (
    AnalysisInput,
    GemeenteIn,
    LspArrays,
    Pc4Arrays,
)
from dekkend.coverage.analysis.national import national_input, shared_data_dir
from dekkend.coverage.analysis.parameters import resolve

# --------------------------------------------------------------------------
# Small instances

KM_PER_DEGREE_LAT = 6371.0088 * np.pi / 180  # along a meridian


def lat_at(km: float) -> float:
    """Latitude `km` north of 52°N on the meridian 5°E."""
    return 52.0 + km / KM_PER_DEGREE_LAT


def make_input(
    gemeenten: list[tuple[str, int, float]],
    pc4: list[tuple[float, float, int]],
    lsp: list[tuple[float, str, int]],
    overrides: dict[str, float] | None = None,
) -> AnalysisInput:
    """Gemeenten (code, inwoners, km), PC4 (km, inwoners, gemeente index) and
    LSPs (km, type, gemeente index), all on the meridian 5°E."""
    gem = tuple(
        GemeenteIn(code, f"Gemeente {code}", inw, lat=lat_at(km), lon=5.0)
        for code, inw, km in gemeenten
    )
    pc = Pc4Arrays(
        lat=np.array([lat_at(km) for km, _, _ in pc4], dtype=np.float64),
        lon=np.full(len(pc4), 5.0),
        inwoners=np.array([w for _, w, _ in pc4], dtype=np.float64),
        gemeente_idx=np.array([g for _, _, g in pc4], dtype=np.int64),
    )
    ls = LspArrays(
        lat=np.array([lat_at(km) for km, _, _ in lsp], dtype=np.float64),
        lon=np.full(len(lsp), 5.0),
        lsp_type=np.array([t for _, t, _ in lsp], dtype="<U8"),
        alle_elementen=np.zeros(len(lsp), dtype=bool),
        gemeente_idx=np.array([g for _, _, g in lsp], dtype=np.int64),
    )
    return AnalysisInput(gem, pc, ls, date(2025, 1, 1), resolve(overrides))


NO_CAPACITY = {"capaciteit_doel_aandeel": 0.0}


def test_gemeente_without_lsp_gets_one_klein() -> None:
    inp = make_input(
        [("A", 10_000, 0), ("B", 10_000, 30), ("C", 10_000, 60)],
        [(0, 100, 0), (30, 100, 1), (60, 100, 2)],
        [(0, "klein", 0), (60, "klein", 2)],
    )
    p = advise(inp, AdvisorSettings(doel_aandeel_binnen_km=0.0, **NO_CAPACITY))
    assert p.status == "optimaal"
    assert p.doelwaarde == 1.0
    assert [(n.gemeente_code, n.lsp_type, n.aantal) for n in p.nieuw] == [
        ("B", "klein", 1)
    ]
    assert p.nieuw[0].reden == (REDEN_PER_GEMEENTE,)
    assert p.nieuw[0].lat == pytest.approx(lat_at(30))
    assert p.upgrades == ()
    assert p.voor["gemeenten_zonder_lsp"] == 1 and p.na["gemeenten_zonder_lsp"] == 0
    assert any("1 gemeente had geen LSP (Gemeente B)" in z for z in p.toelichting)


def test_capacity_shortfall_takes_the_cheapest_mix() -> None:
    # Need 1,250 with no LSP: groot + middel (1,275) costs 5, two groot cost
    # 6, groot + 8 klein costs 11.
    inp = make_input([("A", 73_529, 0)], [(0, 100, 0)], [])
    assert analyse(inp).behoefte_personen == 1250.0
    p = advise(inp, AdvisorSettings(doel_aandeel_binnen_km=0.0))
    assert p.status == "optimaal"
    assert p.doelwaarde == 5.0
    assert sorted((n.lsp_type, n.aantal) for n in p.nieuw) == [
        ("groot", 1),
        ("middel", 1),
    ]
    assert all(REDEN_CAPACITEIT in n.reden for n in p.nieuw)
    assert p.na["capaciteit_personen"] == 1275.0
    assert any("Voor de capaciteit (behoefte 1.250" in z for z in p.toelichting)


def test_upgrade_chosen_when_cheaper_than_new() -> None:
    # Need 275, one klein (35): upgrading it (+240, cost 1) beats a middel
    # (cost 2) or seven klein (cost 7).
    inp = make_input([("A", 16_177, 0)], [(0, 100, 0)], [(0, "klein", 0)])
    assert analyse(inp).behoefte_personen == 275.0
    p = advise(inp, AdvisorSettings(doel_aandeel_binnen_km=0.0))
    assert p.status == "optimaal"
    assert p.doelwaarde == 1.0
    assert p.nieuw == ()
    assert [
        (u.lsp_index, u.gemeente_code, u.van, u.naar, u.reden) for u in p.upgrades
    ] == [(0, "A", "klein", "middel", (REDEN_CAPACITEIT,))]
    assert p.na["capaciteit_personen"] == 275.0


def test_upgrade_not_chosen_when_dearer() -> None:
    inp = make_input([("A", 16_177, 0)], [(0, 100, 0)], [(0, "onbekend", 0)])
    p = advise(inp, AdvisorSettings(doel_aandeel_binnen_km=0.0, kosten_upgrade=2.5))
    assert p.doelwaarde == 2.0
    assert [(n.lsp_type, n.aantal) for n in p.nieuw] == [("middel", 1)]
    assert p.upgrades == ()


def test_proximity_opens_the_site_that_covers_most() -> None:
    # LSP at A only; within 10 km live 100 of 500. Opening C (300) reaches the
    # 80% target, opening B (100) does not.
    inp = make_input(
        [("A", 1_000, 0), ("B", 1_000, 30), ("C", 1_000, 60)],
        [(0, 100, 0), (30, 100, 1), (60, 200, 2), (63, 100, 2)],
        [(0, "klein", 0)],
    )
    s = AdvisorSettings(
        doel_aandeel_binnen_km=0.8, lsp_per_gemeente=False, **NO_CAPACITY
    )
    p = advise(inp, s)
    assert p.status == "optimaal"
    assert [(n.gemeente_code, n.lsp_type, n.aantal, n.reden) for n in p.nieuw] == [
        ("C", "klein", 1, (REDEN_NABIJHEID,))
    ]
    assert p.voor["aandeel_binnen_km"] == pytest.approx(0.2)
    assert p.na["aandeel_binnen_km"] == pytest.approx(0.8)
    assert any("Binnen 10 km woonde 20,0%" in z and "80,0%" in z for z in p.toelichting)


def test_lsp_across_the_border_counts_for_proximity_not_capacity() -> None:
    # An LSP outside the analysed gemeenten (index -1) next to the only PC4.
    inp = make_input([("A", 1_000, 0)], [(20, 100, 0)], [(21, "groot", -1)])
    p = advise(
        inp, AdvisorSettings(doel_aandeel_binnen_km=1.0, afstand_km=5, **NO_CAPACITY)
    )
    assert p.voor["aandeel_binnen_km"] == 1.0
    assert p.voor["capaciteit_personen"] == 0.0
    assert [(n.gemeente_code, n.reden) for n in p.nieuw] == [
        ("A", (REDEN_PER_GEMEENTE,))
    ]


def test_no_change_needed() -> None:
    inp = make_input([("A", 1_000, 0)], [(0, 100, 0)], [(0, "groot", 0)])
    p = advise(inp)
    assert p.status == "optimaal"
    assert (p.doelwaarde, p.nieuw, p.upgrades) == (0.0, (), ())
    assert p.voor == p.na


def test_infeasible_proximity_names_the_constraint_and_the_best_share() -> None:
    # An island PC4 25 km from every candidate site: 100% within 10 km is out
    # of reach; at most 400 of 500 inhabitants = 80%.
    inp = make_input(
        [("A", 1_000, 0), ("B", 1_000, 30)],
        [(0, 200, 0), (30, 200, 1), (-25, 100, 0)],
        [(0, "klein", 0)],
    )
    p = advise(inp, AdvisorSettings(doel_aandeel_binnen_km=1.0, **NO_CAPACITY))
    assert p.status == "onhaalbaar"
    assert p.doelwaarde is None and p.nieuw == () and p.upgrades == ()
    text = " ".join(p.toelichting)
    assert "nabijheidseis" in text
    assert "hooguit 80,0%" in text
    assert "Gemeente A" in text  # where the unreachable inhabitants live
    assert "Zonder deze eis zijn de andere eisen wel samen haalbaar." in text
    # Relaxing the target to what is reachable makes it feasible.
    q = advise(inp, AdvisorSettings(doel_aandeel_binnen_km=0.8, **NO_CAPACITY))
    assert q.status == "optimaal" and q.na["aandeel_binnen_km"] == pytest.approx(0.8)


def test_infeasible_capacity_says_by_how_much_and_what_would_do() -> None:
    # Need 5,100 in one gemeente; at most 2 new LSPs: 2,000 < 5,100.
    inp = make_input([("A", 300_000, 0)], [(0, 100, 0)], [])
    p = advise(inp, AdvisorSettings(max_nieuw_per_gemeente=2))
    assert p.status == "onhaalbaar"
    text = " ".join(p.toelichting)
    assert "capaciteitseis" in text
    assert "hooguit 2.000" in text and "ontbreekt 3.100" in text
    assert "max_nieuw_per_gemeente = 6" in text
    assert advise(inp, AdvisorSettings(max_nieuw_per_gemeente=6)).status == "optimaal"


def test_infeasible_per_gemeente() -> None:
    inp = make_input(
        [("A", 1_000, 0), ("B", 1_000, 30)], [(0, 1, 0), (30, 1, 1)], [(0, "klein", 0)]
    )
    p = advise(
        inp,
        AdvisorSettings(
            max_nieuw_per_gemeente=0, **NO_CAPACITY, doel_aandeel_binnen_km=0
        ),
    )
    assert p.status == "onhaalbaar"
    assert "minimaal 1 LSP per gemeente" in p.toelichting[0]
    assert "Gemeente B" in p.toelichting[0]


def test_time_limit_with_a_solution(monkeypatch: pytest.MonkeyPatch) -> None:
    real = advisor_module._solve

    def stopped(*args: Any, **kwargs: Any) -> tuple[str, Any]:
        _, values = real(*args, **kwargs)
        return "tijdslimiet", values

    monkeypatch.setattr(advisor_module, "_solve", stopped)
    inp = make_input([("A", 73_529, 0)], [(0, 100, 0)], [])
    s = AdvisorSettings(doel_aandeel_binnen_km=0.0)
    p = advise(inp, s)
    assert p.status == "tijdslimiet"
    assert p.doelwaarde == 5.0
    assert "tijdslimiet" in p.toelichting[0]
    _claims_hold(inp, s, p)


def test_time_limit_without_a_solution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(advisor_module, "_solve", lambda *a, **k: ("tijdslimiet", None))
    inp = make_input([("A", 73_529, 0)], [(0, 100, 0)], [])
    p = advise(inp, AdvisorSettings(doel_aandeel_binnen_km=0.0))
    assert (p.status, p.doelwaarde, p.nieuw, p.upgrades) == (
        "tijdslimiet",
        None,
        (),
        (),
    )
    assert p.na == p.voor
    assert "verhoog time_limit_s" in p.toelichting[0]


def test_settings_are_validated() -> None:
    for bad in (
        {"doel_aandeel_binnen_km": 1.5},
        {"afstand_km": 0},
        {"kosten": {"reus": 1.0}},
        {"kosten": {"klein": -1.0}},
        {"max_nieuw_per_gemeente": -1},
        {"time_limit_s": 0},
    ):
        with pytest.raises(ValueError):
            AdvisorSettings(**bad)  # type: ignore[arg-type]


def test_neighbourhoods_match_haversine() -> None:
    rng = np.random.default_rng(7)
    a_lat, a_lon = rng.uniform(51, 53, 60), rng.uniform(4, 6, 60)
    b_lat, b_lon = rng.uniform(51, 53, 25), rng.uniform(4, 6, 25)
    hoods = neighbourhoods(a_lat, a_lon, b_lat, b_lon, 30.0)
    for i in range(60):
        d = np.array(
            [
                nearest_km(
                    a_lat[i : i + 1],
                    a_lon[i : i + 1],
                    b_lat[j : j + 1],
                    b_lon[j : j + 1],
                )[0]
                for j in range(25)
            ]
        )
        assert hoods[i] == sorted(np.flatnonzero(d <= 30.0).tolist())


def test_advisor_module_imports_no_django() -> None:
    import subprocess
    import sys

    code = (
        "import sys, dekkend.coverage.analysis.advisor; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    assert (
        subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode
        == 0
    )


# --------------------------------------------------------------------------
# Properties on random small instances

LSP_TYPES_ALL = ("groot", "middel", "klein", "onbekend")


@st.composite
def instances(
    draw: st.DrawFn,
    max_gemeenten: int = 4,
    max_inwoners: int = 150_000,
    spread: float = 0.15,
) -> AnalysisInput:
    n = draw(st.integers(1, max_gemeenten))
    coord = st.floats(0.0, 0.4, allow_nan=False)
    centres = [(52.0 + draw(coord), 5.0 + draw(coord)) for _ in range(n)]
    gem = tuple(
        GemeenteIn(
            f"GM{i:04d}",
            f"G{i}",
            draw(st.integers(500, max_inwoners)),
            lat=lat,
            lon=lon,
        )
        for i, (lat, lon) in enumerate(centres)
    )
    offset = st.floats(-spread, spread, allow_nan=False)
    pc: list[tuple[float, float, float, int]] = []
    for i, (lat, lon) in enumerate(centres):
        for _ in range(draw(st.integers(1, 3))):
            pc.append(
                (
                    lat + draw(offset),
                    lon + draw(offset),
                    float(draw(st.integers(0, 5_000))),
                    i,
                )
            )
    if draw(st.booleans()):  # a PC4 outside the analysed gemeenten
        pc.append((52.0 + draw(coord), 5.0 + draw(coord), 1000.0, -1))
    ls: list[tuple[float, float, str, int]] = []
    for _ in range(draw(st.integers(0, max_gemeenten))):
        g = draw(st.integers(-1, n - 1))
        if g >= 0 and draw(st.booleans()):
            lat, lon = centres[g]
        else:
            lat, lon = 52.0 + draw(coord), 5.0 + draw(coord)
        ls.append((lat, lon, draw(st.sampled_from(LSP_TYPES_ALL)), g))
    return AnalysisInput(
        gem,
        Pc4Arrays(
            lat=np.array([r[0] for r in pc]),
            lon=np.array([r[1] for r in pc]),
            inwoners=np.array([r[2] for r in pc]),
            gemeente_idx=np.array([r[3] for r in pc], dtype=np.int64),
        ),
        LspArrays(
            lat=np.array([r[0] for r in ls], dtype=np.float64),
            lon=np.array([r[1] for r in ls], dtype=np.float64),
            lsp_type=np.array([r[2] for r in ls], dtype="<U8"),
            alle_elementen=np.zeros(len(ls), dtype=bool),
            gemeente_idx=np.array([r[3] for r in ls], dtype=np.int64),
        ),
        date(2025, 1, 1),
        resolve(),
    )


@st.composite
def advisor_settings(
    draw: st.DrawFn,
    min_nieuw: int = 0,
    max_nieuw: int = 3,
    doel: tuple[float, ...] = (0.0, 0.5, 0.8, 0.95, 1.0),
    capaciteit: tuple[float, ...] = (0.0, 0.5, 1.0, 1.5),
    min_km: float = 3.0,
) -> AdvisorSettings:
    cost = st.integers(1, 5).map(float)
    offered = st.sampled_from((True, True, True, False))
    kosten = {t: draw(cost) for t in ("groot", "middel", "klein") if draw(offered)}
    return AdvisorSettings(
        doel_aandeel_binnen_km=draw(st.sampled_from(doel)),
        afstand_km=draw(st.floats(min_km, 30.0)),
        capaciteit_doel_aandeel=draw(st.sampled_from(capaciteit)),
        lsp_per_gemeente=draw(st.booleans()),
        kosten=kosten,
        kosten_upgrade=draw(st.sampled_from([0.5, 1.0, 2.5])),
        max_nieuw_per_gemeente=draw(st.integers(min_nieuw, max_nieuw)),
        time_limit_s=30.0,
    )


def _claims_hold(inp: AnalysisInput, s: AdvisorSettings, p: Proposal) -> None:
    after = with_proposal(inp, p.nieuw, p.upgrades)
    result = analyse(
        AnalysisInput(
            after.gemeenten,
            after.pc4,
            after.lsp,
            after.peildatum,
            after.parameters,
            (s.afstand_km,),
        )
    )
    share = result.aandeel_inwoners_binnen_km[f"{s.afstand_km:g}"]
    assert p.na["aandeel_binnen_km"] == share
    if inp.pc4.inwoners[inp.pc4.gemeente_idx >= 0].sum() == 0:
        share = 1.0  # nobody lives in the analysed PC4 areas: vacuous
    if s.lsp_per_gemeente:
        assert result.gemeenten_zonder_lsp == ()
    assert share >= s.doel_aandeel_binnen_km - 1e-9
    assert (
        result.capaciteit_personen
        >= s.capaciteit_doel_aandeel * result.behoefte_personen - 1e-6
    )
    assert p.na["capaciteit_personen"] == result.capaciteit_personen
    assert p.na["aandeel_binnen_km"] >= p.voor["aandeel_binnen_km"]
    assert p.na["capaciteit_personen"] >= p.voor["capaciteit_personen"]
    # Existing LSPs stay; the new ones are added.
    assert p.na["aantal_lsp"] == p.voor["aantal_lsp"] + sum(n.aantal for n in p.nieuw)
    # The objective is the cost of the listed items.
    cost = sum(
        s.kosten[n.lsp_type] * n.aantal for n in p.nieuw
    ) + s.kosten_upgrade * len(p.upgrades)
    assert p.doelwaarde == pytest.approx(cost, abs=1e-9)
    per_gemeente: dict[str, int] = {}
    for n in p.nieuw:
        assert n.aantal >= 1 and n.lsp_type in s.kosten
        assert n.reden, "a costly LSP must be needed for some constraint"
        per_gemeente[n.gemeente_code] = per_gemeente.get(n.gemeente_code, 0) + n.aantal
    assert all(k <= s.max_nieuw_per_gemeente for k in per_gemeente.values())
    assert len({u.lsp_index for u in p.upgrades}) == len(p.upgrades)
    for u in p.upgrades:
        assert inp.lsp.lsp_type[u.lsp_index] in ("klein", "onbekend") and u.reden == (
            REDEN_CAPACITEIT,
        )
    assert p.toelichting[-1].startswith("Nagerekend")


def _all_open(inp: AnalysisInput, s: AdvisorSettings) -> Proposal:
    """Everything opened: the most any proposal can reach."""
    best = max(
        (t for t in s.kosten),
        key=lambda t: inp.parameters[f"capaciteit_{t}"],
        default=None,
    )
    nieuw = tuple(
        NieuwLsp(g.code, best, s.max_nieuw_per_gemeente, g.lat, g.lon, ())  # type: ignore[arg-type]
        for g in inp.gemeenten
        if best is not None and s.max_nieuw_per_gemeente > 0
    )
    ups = tuple(
        Upgrade(
            int(j),
            inp.gemeenten[int(inp.lsp.gemeente_idx[j])].code,
            str(inp.lsp.lsp_type[j]),
            "middel",
            (),
        )
        for j in range(len(inp.lsp.lat))
        if inp.lsp.gemeente_idx[j] >= 0 and inp.lsp.lsp_type[j] in ("klein", "onbekend")
    )
    return Proposal("", None, nieuw, ups, {}, {}, ())


@seed(20250101)
@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(inp=instances(), s=advisor_settings())
def test_property_proposal_meets_every_claim(
    inp: AnalysisInput, s: AdvisorSettings
) -> None:
    p = advise(inp, s)
    event(f"{p.status}, {len(p.nieuw)} new, {len(p.upgrades)} upgrades")
    assert p.status in ("optimaal", "onhaalbaar")
    if p.status == "optimaal":
        _claims_hold(inp, s, p)
        return
    # Infeasible: even with everything opened some constraint fails, and the
    # explanation names one.
    assert p.nieuw == () and p.doelwaarde is None
    full = _all_open(inp, s)
    result = analyse(with_proposal(inp, full.nieuw, full.upgrades))
    after = AnalysisInput(
        inp.gemeenten,
        inp.pc4,
        with_proposal(inp, full.nieuw, full.upgrades).lsp,
        inp.peildatum,
        inp.parameters,
        (s.afstand_km,),
    )
    share = analyse(after).aandeel_inwoners_binnen_km[f"{s.afstand_km:g}"]
    fails = (
        (s.lsp_per_gemeente and result.gemeenten_zonder_lsp != ())
        or share < s.doel_aandeel_binnen_km - 1e-9
        or result.capaciteit_personen
        < s.capaciteit_doel_aandeel * result.behoefte_personen - 1e-6
    )
    assert fails
    text = " ".join(p.toelichting)
    assert any(
        word in text for word in ("nabijheidseis", "capaciteitseis", "per gemeente")
    )


def _brute_force(inp: AnalysisInput, s: AdvisorSettings) -> float | None:
    """Cheapest cost by enumerating every proposal (tiny instances only)."""
    p = inp.parameters
    types = [t for t in ("groot", "middel", "klein") if t in s.kosten]
    cap = {t: p[f"capaciteit_{t}"] for t in ("groot", "middel", "klein", "onbekend")}
    need = round(
        sum(round(g.inwoners * p["aandeel_baat_lsp"], 1) for g in inp.gemeenten), 1
    )
    target = s.capaciteit_doel_aandeel * need
    inside = inp.pc4.gemeente_idx >= 0
    w = inp.pc4.inwoners[inside]
    lat, lon = inp.pc4.lat[inside], inp.pc4.lon[inside]
    in_region = inp.lsp.gemeente_idx >= 0
    cap0 = sum(cap[str(t)] for t in inp.lsp.lsp_type[in_region])
    count0 = np.bincount(inp.lsp.gemeente_idx[in_region], minlength=len(inp.gemeenten))
    upgradable = [
        cap["middel"] - cap[str(t)]
        for t in inp.lsp.lsp_type[in_region]
        if t in ("klein", "onbekend")
    ]
    upgradable = sorted((d for d in upgradable if d > 0), reverse=True)
    d0 = nearest_km(lat, lon, inp.lsp.lat, inp.lsp.lon)
    per_site = [
        combo
        for combo in itertools.product(
            range(s.max_nieuw_per_gemeente + 1), repeat=len(types)
        )
        if sum(combo) <= s.max_nieuw_per_gemeente
    ]
    best: float | None = None
    for choice in itertools.product(per_site, repeat=len(inp.gemeenten)):
        opened = [i for i, c in enumerate(choice) if sum(c) > 0]
        if s.lsp_per_gemeente and any(
            count0[i] + sum(c) < 1 for i, c in enumerate(choice)
        ):
            continue
        d = np.minimum(
            d0,
            nearest_km(
                lat,
                lon,
                np.array([inp.gemeenten[i].lat for i in opened], dtype=np.float64),
                np.array([inp.gemeenten[i].lon for i in opened], dtype=np.float64),
            ),
        )
        if (
            w.sum() > 0
            and (w * (d <= s.afstand_km)).sum()
            < s.doel_aandeel_binnen_km * w.sum() - 1e-9 * w.sum()
        ):
            continue
        cost = sum(s.kosten[t] * c[k] for c in choice for k, t in enumerate(types))
        capacity = cap0 + sum(
            cap[t] * c[k] for c in choice for k, t in enumerate(types)
        )
        for u in range(len(upgradable) + 1):
            if capacity + sum(upgradable[:u]) >= target - 1e-7:
                total = cost + s.kosten_upgrade * u
                best = total if best is None else min(best, total)
                break
    return best


@seed(20250102)
@settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    inp=instances(max_gemeenten=2, max_inwoners=40_000, spread=0.08),
    s=advisor_settings(
        min_nieuw=1,
        max_nieuw=2,
        doel=(0.5, 0.8, 0.95, 1.0),
        capaciteit=(0.5, 1.0, 1.5),
        min_km=8.0,
    ),
)
def test_property_objective_is_the_brute_force_optimum(
    inp: AnalysisInput, s: AdvisorSettings
) -> None:
    p = advise(inp, s)
    best = _brute_force(inp, s)
    event(f"{p.status}, cost {p.doelwaarde}")
    for line in p.toelichting if p.status == "onhaalbaar" else ():
        event(line.split(".")[0][:40])
    if best is None:
        assert p.status == "onhaalbaar"
    else:
        assert p.status == "optimaal"
        assert p.doelwaarde == pytest.approx(best, abs=1e-9)


@seed(20250103)
@settings(max_examples=60, deadline=None, database=None)
@given(
    inp=instances(),
    lat=st.floats(52.0, 52.4),
    lon=st.floats(5.0, 5.4),
    lsp_type=st.sampled_from(LSP_TYPES_ALL),
    gemeente=st.integers(-1, 3),
)
def test_property_adding_an_lsp_never_worsens_the_analysis(
    inp: AnalysisInput, lat: float, lon: float, lsp_type: str, gemeente: int
) -> None:
    gemeente = min(gemeente, len(inp.gemeenten) - 1)
    code = inp.gemeenten[max(gemeente, 0)].code
    before = analyse(inp)
    extra = with_proposal(inp, [NieuwLsp(code, lsp_type, 1, lat, lon, ())], [])
    if gemeente < 0:  # outside the analysed gemeenten
        idx = extra.lsp.gemeente_idx.copy()
        idx[-1] = -1
        extra = AnalysisInput(
            extra.gemeenten,
            extra.pc4,
            LspArrays(
                extra.lsp.lat,
                extra.lsp.lon,
                extra.lsp.lsp_type,
                extra.lsp.alle_elementen,
                idx,
            ),
            extra.peildatum,
            extra.parameters,
        )
    after = analyse(extra)
    for key, share in before.aandeel_inwoners_binnen_km.items():
        assert after.aandeel_inwoners_binnen_km[key] >= share
    assert after.capaciteit_personen >= before.capaciteit_personen
    assert set(after.gemeenten_zonder_lsp) <= set(before.gemeenten_zonder_lsp)
    for b, a in zip(before.gemeenten, after.gemeenten, strict=True):
        for key, share in b.aandeel_inwoners_binnen_km.items():
            assert a.aandeel_inwoners_binnen_km[key] >= share
        if b.afstand_km_dichtstbijzijnde_lsp is not None:
            assert a.afstand_km_dichtstbijzijnde_lsp is not None
            assert (
                a.afstand_km_dichtstbijzijnde_lsp <= b.afstand_km_dichtstbijzijnde_lsp
            )


# --------------------------------------------------------------------------
# The national instance


@pytest.fixture(scope="module")
def national() -> AnalysisInput:
    if not (shared_data_dir() / "gemeenten_2025.csv").exists():
        pytest.fail(f"no shared data in {shared_data_dir()} (set DEKKEND_DATA_DIR)")
    return national_input()


def test_national_input_matches_the_sources(national: AnalysisInput) -> None:
    assert len(national.gemeenten) == 342
    assert len(national.pc4.lat) == 4067
    assert len(national.lsp.lat) == 318
    assert (national.pc4.gemeente_idx >= 0).all()


def test_national_proposal(national: AnalysisInput) -> None:
    s = AdvisorSettings()
    p = advise(national, s)
    assert p.status == "optimaal"
    assert p.voor["gemeenten_zonder_lsp"] > 0
    assert p.na["gemeenten_zonder_lsp"] == 0
    _claims_hold(national, s, p)
    coded = {g.code for g in national.gemeenten}
    assert {n.gemeente_code for n in p.nieuw} <= coded
