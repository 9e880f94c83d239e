# SPDX-License-Identifier: EUPL-1.2
"""The coverage analysis in plain Python: distances, shares, capacity, advised
type, region totals and the JSON shape, without a database.

Hand-computed cases put points on one meridian, where a degree of latitude is
111.195 km (π/180 × 6371.0088 km), so every distance can be checked by hand.
Property tests (hypothesis) check what must hold for any network: adding an
LSP never lowers a share or raises a distance, and shares stay in [0, 1].
"""

from collections.abc import Sequence
from datetime import date

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dekkend.coverage.analysis.aggregate import per_regio
from dekkend.coverage.analysis.coverage import advised_type, analyse
from dekkend.coverage.analysis.distance import nearest_km
from dekkend.coverage.analysis.model import (
    LSP_TYPES,
    AnalysisInput,
    AnalysisResult,
    GemeenteIn,
    LspArrays,
    Pc4Arrays,
)
from dekkend.coverage.analysis.parameters import (
    DEFAULTS,
    UnknownParameter,
    resolve,
)
from dekkend.coverage.analysis.report import parameters_dict, result_as_dict

KM_PER_DEGREE = 111.195  # along a meridian
PEILDATUM = date(2025, 11, 1)

# (lat, lon, inwoners, gemeente index)
Pc4 = tuple[float, float, float, int]
# (lat, lon, type, all four elements, gemeente index)
Lsp = tuple[float, float, str, bool, int]


def _input(
    gemeenten: Sequence[GemeenteIn],
    pc4: Sequence[Pc4] = (),
    lsp: Sequence[Lsp] = (),
    overrides: dict[str, float] | None = None,
    thresholds_km: tuple[float, ...] = (5.0, 10.0, 15.0),
) -> AnalysisInput:
    return AnalysisInput(
        gemeenten=tuple(gemeenten),
        pc4=Pc4Arrays(
            lat=np.array([p[0] for p in pc4], dtype=np.float64),
            lon=np.array([p[1] for p in pc4], dtype=np.float64),
            inwoners=np.array([p[2] for p in pc4], dtype=np.float64),
            gemeente_idx=np.array([p[3] for p in pc4], dtype=np.int64),
        ),
        lsp=LspArrays(
            lat=np.array([s[0] for s in lsp], dtype=np.float64),
            lon=np.array([s[1] for s in lsp], dtype=np.float64),
            lsp_type=np.array([s[2] for s in lsp], dtype="<U8"),
            alle_elementen=np.array([s[3] for s in lsp], dtype=bool),
            gemeente_idx=np.array([s[4] for s in lsp], dtype=np.int64),
        ),
        peildatum=PEILDATUM,
        parameters=resolve(overrides),
        thresholds_km=thresholds_km,
    )


# Three PC4 areas on the meridian 5° E, 0, 6.67 and 13.34 km north of 52° N.
MERIDIAAN = GemeenteIn("GM9901", "Meridiaan", 1000, 200, 150, 5, 52.06, 5.0)
MERIDIAAN_PC4: tuple[Pc4, ...] = (
    (52.00, 5.0, 100, 0),
    (52.06, 5.0, 200, 0),
    (52.12, 5.0, 700, 0),
)
LSP_ZUID: Lsp = (52.00, 5.0, "klein", False, 0)


# --- distances ---------------------------------------------------------------


def test_one_degree_of_latitude_is_111_195_km() -> None:
    d = nearest_km(np.array([52.0]), np.array([5.0]), np.array([53.0]), np.array([5.0]))
    assert d[0] == pytest.approx(KM_PER_DEGREE, abs=0.001)


def test_one_degree_of_longitude_on_the_equator_is_111_195_km() -> None:
    d = nearest_km(np.array([0.0]), np.array([0.0]), np.array([0.0]), np.array([1.0]))
    assert d[0] == pytest.approx(KM_PER_DEGREE, abs=0.001)


def test_nearest_picks_the_closest_of_several_points() -> None:
    d = nearest_km(
        np.array([52.0, 52.5]),
        np.array([5.0, 5.0]),
        np.array([51.0, 52.1, 53.0]),
        np.array([5.0, 5.0, 5.0]),
    )
    assert d == pytest.approx([0.1 * KM_PER_DEGREE, 0.4 * KM_PER_DEGREE], abs=0.001)


def test_nearest_without_targets_is_infinite() -> None:
    d = nearest_km(np.array([52.0]), np.array([5.0]), np.zeros(0), np.zeros(0))
    assert np.isinf(d).all()


# --- hand-computed analyses --------------------------------------------------


def test_meridian_case_gives_hand_computed_distance_and_shares() -> None:
    result = analyse(_input([MERIDIAAN], MERIDIAAN_PC4, [LSP_ZUID]))
    (g,) = result.gemeenten
    # Population-weighted mean: (100×0 + 200×6.6717 + 700×13.3434) / 1000.
    expected = (200 * 0.06 + 700 * 0.12) * KM_PER_DEGREE / 1000
    assert g.afstand_km_dichtstbijzijnde_lsp == pytest.approx(expected, abs=0.005)
    assert g.afstand_km_dichtstbijzijnde_lsp == 10.67
    assert g.afstand_km_dichtstbijzijnde_lsp_4_elementen is None
    assert g.aandeel_inwoners_binnen_km == {"5": 0.1, "10": 0.3, "15": 1.0}
    assert result.aandeel_inwoners_binnen_km == pytest.approx(
        {"5": 0.1, "10": 0.3, "15": 1.0}
    )
    assert g.pc4_inwoners == 1000.0


def test_meridian_case_counts_capacity_against_need() -> None:
    result = analyse(_input([MERIDIAAN], MERIDIAAN_PC4, [LSP_ZUID]))
    (g,) = result.gemeenten
    assert g.lsp_per_type == {"groot": 0, "middel": 0, "klein": 1, "onbekend": 0}
    assert g.heeft_lsp is True
    assert g.behoefte_personen == 17.0  # 1000 × 1.7 %
    assert g.capaciteit_personen == 35.0
    assert g.capaciteit_dekking == round(35 / 17, 4)
    assert result.gemeenten_zonder_lsp == ()
    assert result.lsp_per_type == g.lsp_per_type
    assert result.inwoners == 1000


def test_lsp_across_the_border_shortens_distance_but_is_not_counted() -> None:
    buiten: Lsp = (52.12, 5.0, "groot", True, -1)
    result = analyse(_input([MERIDIAAN], MERIDIAAN_PC4, [LSP_ZUID, buiten]))
    (g,) = result.gemeenten
    # Nearest: 0, 6.67 and 0 km; with all four elements: 13.34, 6.67 and 0 km.
    assert g.afstand_km_dichtstbijzijnde_lsp == 1.33
    assert g.afstand_km_dichtstbijzijnde_lsp_4_elementen == 2.67
    assert g.aandeel_inwoners_binnen_km == {"5": 0.8, "10": 1.0, "15": 1.0}
    assert g.lsp_per_type["groot"] == 0
    assert g.capaciteit_personen == 35.0


def test_pc4_outside_the_analysed_gemeenten_is_not_counted() -> None:
    ver_weg: Pc4 = (53.0, 5.0, 1_000_000, -1)
    result = analyse(
        _input([MERIDIAAN], [(52.0, 5.0, 10, 0), ver_weg], [(52.0, 5.0, "klein", 0, 0)])
    )
    assert result.aandeel_inwoners_binnen_km == {"5": 1.0, "10": 1.0, "15": 1.0}
    assert result.gemeenten[0].pc4_inwoners == 10.0


def test_gemeente_without_pc4_inhabitants_uses_its_own_centre() -> None:
    centrum = GemeenteIn("GM9902", "Zonder PC4", 500, lat=52.0, lon=5.0)
    result = analyse(_input([centrum], [], [(52.09, 5.0, "klein", True, -1)]))
    (g,) = result.gemeenten
    assert g.afstand_km_dichtstbijzijnde_lsp == round(0.09 * KM_PER_DEGREE, 2)
    assert g.afstand_km_dichtstbijzijnde_lsp_4_elementen == 10.01
    assert g.heeft_lsp is False


def test_without_any_lsp_distances_are_unknown_and_nothing_is_covered() -> None:
    result = analyse(_input([MERIDIAAN], MERIDIAAN_PC4, []))
    (g,) = result.gemeenten
    assert g.afstand_km_dichtstbijzijnde_lsp is None
    assert g.afstand_km_dichtstbijzijnde_lsp_4_elementen is None
    assert g.aandeel_inwoners_binnen_km == {"5": 0.0, "10": 0.0, "15": 0.0}
    assert result.aandeel_inwoners_binnen_km == {"5": 0.0, "10": 0.0, "15": 0.0}
    assert result.gemeenten_zonder_lsp == ("GM9901",)
    assert g.capaciteit_personen == 0
    assert g.capaciteit_dekking == 0.0


def test_empty_lsp_arrays_mean_no_network() -> None:
    inp = _input([MERIDIAAN], MERIDIAAN_PC4, [])
    empty = AnalysisInput(
        inp.gemeenten, inp.pc4, LspArrays.empty(), inp.peildatum, inp.parameters
    )
    assert analyse(empty) == analyse(inp)


def test_capacity_adds_the_assumed_visitors_per_type() -> None:
    lsp = [(52.0, 5.0, t, False, 0) for t in LSP_TYPES]
    result = analyse(_input([MERIDIAAN], MERIDIAAN_PC4, lsp))
    assert result.gemeenten[0].capaciteit_personen == 1000 + 275 + 35 + 35
    assert result.capaciteit_personen == 1345
    assert result.lsp_per_type == dict.fromkeys(LSP_TYPES, 1)


def test_capacity_of_unknown_type_follows_its_parameter() -> None:
    lsp = [(52.0, 5.0, "onbekend", False, 0)] * 3
    default = analyse(_input([MERIDIAAN], MERIDIAAN_PC4, lsp))
    changed = analyse(
        _input([MERIDIAAN], MERIDIAAN_PC4, lsp, {"capaciteit_onbekend": 100})
    )
    assert default.capaciteit_personen == 3 * 35
    assert changed.capaciteit_personen == 3 * 100
    assert changed.parameters["capaciteit_onbekend"] == 100


def test_minimum_per_gemeente_decides_who_has_an_lsp() -> None:
    result = analyse(
        _input([MERIDIAAN], MERIDIAAN_PC4, [LSP_ZUID], {"lsp_min_per_gemeente": 2})
    )
    assert result.gemeenten[0].heeft_lsp is False
    assert result.gemeenten_zonder_lsp == ("GM9901",)


def test_need_follows_the_share_who_benefit() -> None:
    result = analyse(
        _input([MERIDIAAN], MERIDIAAN_PC4, [LSP_ZUID], {"aandeel_baat_lsp": 0.05})
    )
    assert result.gemeenten[0].behoefte_personen == 50.0
    assert result.behoefte_personen == 50.0


def test_thresholds_name_the_share_keys() -> None:
    result = analyse(
        _input([MERIDIAAN], MERIDIAAN_PC4, [LSP_ZUID], thresholds_km=(2.5, 7.0))
    )
    shares = result.aandeel_inwoners_binnen_km
    assert {"2.5", "7"} <= set(shares)
    assert shares["2.5"] == pytest.approx(0.1)
    assert shares["7"] == pytest.approx(0.3)
    assert result.gemeenten[0].aandeel_inwoners_binnen_km["7"] == 0.3


def test_two_gemeenten_are_reported_separately_and_summed() -> None:
    noord = GemeenteIn("GM9903", "Noord", 3000, 500, 700, 3, 53.0, 5.0)
    result = analyse(
        _input(
            [MERIDIAAN, noord],
            [*MERIDIAAN_PC4, (53.0, 5.0, 3000, 1)],
            [LSP_ZUID],
        )
    )
    assert [g.code for g in result.gemeenten] == ["GM9901", "GM9903"]
    assert result.inwoners == 4000
    assert result.gemeenten_zonder_lsp == ("GM9903",)
    assert result.gemeenten[1].afstand_km_dichtstbijzijnde_lsp == pytest.approx(
        KM_PER_DEGREE, abs=0.01
    )
    # 100 of 4000 PC4 inhabitants within 5 km, 300 within 10 and 1000 within 15.
    assert result.aandeel_inwoners_binnen_km == pytest.approx(
        {"5": 0.025, "10": 0.075, "15": 0.25}
    )


# --- advised type ------------------------------------------------------------


@pytest.mark.parametrize(
    ("inwoners", "stedelijkheid", "expected"),
    [
        (100_000, 1, "groot"),
        (100_000, 2, "groot"),
        (100_000, 3, "middel"),
        (99_999, 1, "middel"),
        (40_000, 5, "middel"),
        (39_999, 4, "klein"),
        (12_000, 3, "middel"),
        (12_000, None, "klein"),
        (250_000, None, "middel"),
    ],
)
def test_advised_type_follows_size_and_urbanity(
    inwoners: int, stedelijkheid: int | None, expected: str
) -> None:
    gemeente = GemeenteIn("GM9904", "X", inwoners, stedelijkheid=stedelijkheid)
    assert advised_type(gemeente, resolve()) == expected


def test_advised_type_thresholds_are_parameters() -> None:
    gemeente = GemeenteIn("GM9905", "X", 60_000, stedelijkheid=2)
    assert advised_type(gemeente, resolve()) == "middel"
    assert (
        advised_type(gemeente, resolve({"advies_groot_min_inwoners": 50_000}))
        == "groot"
    )


# --- parameters and report ---------------------------------------------------


def test_every_parameter_has_a_unique_key_a_unit_and_a_source() -> None:
    keys = [p.key for p in DEFAULTS]
    assert len(keys) == len(set(keys))
    for p in DEFAULTS:
        assert p.bron.strip(), p.key
        assert p.unit.strip(), p.key
        assert p.value >= 0, p.key


def test_resolve_applies_overrides_and_refuses_unknown_keys() -> None:
    assert resolve()["afstand_drempel_km"] == 10
    assert resolve({"afstand_drempel_km": 7})["afstand_drempel_km"] == 7
    with pytest.raises(UnknownParameter):
        resolve({"bestaat_niet": 1})


def test_parameters_dict_shows_default_and_reason_of_a_deviation() -> None:
    values = resolve({"capaciteit_onbekend": 100})
    out = parameters_dict(
        values, {"capaciteit_onbekend": {"waarde": 100, "reden": "Geteld"}}
    )
    assert set(out) == {p.key for p in DEFAULTS}
    assert out["capaciteit_onbekend"]["waarde"] == 100
    assert out["capaciteit_onbekend"]["standaard"] == 35
    assert out["capaciteit_onbekend"]["afwijking"]["reden"] == "Geteld"
    assert "afwijking" not in out["capaciteit_groot"]
    assert all(p["bron"] for p in out.values())


def test_result_as_dict_has_the_documented_shape() -> None:
    result = analyse(_input([MERIDIAAN], MERIDIAAN_PC4, [LSP_ZUID]))
    data = result_as_dict(result, regio="Testregio", division="test-indeling")
    assert {
        "regio",
        "division",
        "peildatum",
        "inwoners",
        "gemeenten",
        "gemeenten_zonder_lsp",
        "aandeel_inwoners_binnen_km",
        "parameters",
        "streefwaarden",
    } <= set(data)
    assert data["regio"] == "Testregio"
    assert data["division"] == "test-indeling"
    assert data["peildatum"] == "2025-11-01"
    (g,) = data["gemeenten"]
    assert {
        "gemeentecode",
        "gemeentenaam",
        "inwoners",
        "lsp_per_type",
        "heeft_lsp",
        "afstand_km_dichtstbijzijnde_lsp",
        "geadviseerd_type",
    } <= set(g)
    assert set(g["lsp_per_type"]) == {"groot", "middel", "klein", "onbekend"}
    assert set(data["aandeel_inwoners_binnen_km"]) == {"5", "10", "15"}
    for values in data["streefwaarden"].values():
        for sw in values.values():
            assert {"label", "waarde", "eenheid", "bron"} == set(sw)


# --- region totals -----------------------------------------------------------


def test_region_totals_equal_the_analysis_of_that_region_alone() -> None:
    a = GemeenteIn("GM9911", "A", 1000, lat=52.0, lon=5.0)
    b = GemeenteIn("GM9912", "B", 2000, lat=52.1, lon=5.0)
    c = GemeenteIn("GM9913", "C", 4000, lat=52.3, lon=5.0)
    pc4: list[Pc4] = [
        (52.00, 5.0, 400, 0),
        (52.05, 5.0, 600, 0),
        (52.10, 5.0, 1500, 1),
        (52.20, 5.0, 500, 1),
        (52.30, 5.0, 4000, 2),
    ]
    lsp: list[Lsp] = [(52.0, 5.0, "klein", True, 0), (52.3, 5.0, "groot", False, 2)]
    whole = analyse(_input([a, b, c], pc4, lsp))
    totals = per_regio(whole.gemeenten, {"GM9911": "R1", "GM9912": "R1"})
    assert [t.regio for t in totals] == ["R1"]
    (r1,) = totals

    alone = analyse(
        _input(
            [a, b],
            [p if p[3] < 2 else (p[0], p[1], p[2], -1) for p in pc4],
            [s if s[4] < 2 else (s[0], s[1], s[2], s[3], -1) for s in lsp],
        )
    )
    assert r1.inwoners == alone.inwoners == 3000
    assert r1.gemeenten == 2
    assert r1.gemeenten_zonder_lsp == len(alone.gemeenten_zonder_lsp) == 1
    assert r1.lsp_per_type == alone.lsp_per_type
    assert r1.lsp_totaal == 1
    for key, share in alone.aandeel_inwoners_binnen_km.items():
        assert r1.aandeel_inwoners_binnen_km[key] == pytest.approx(share, abs=1e-3)
    assert r1.capaciteit_dekking == round(35 / 51, 4)


# --- properties --------------------------------------------------------------

LAT = st.floats(min_value=51.0, max_value=53.0, allow_nan=False)
LON = st.floats(min_value=4.0, max_value=6.0, allow_nan=False)


@st.composite
def networks(draw: st.DrawFn) -> tuple[AnalysisInput, AnalysisInput]:
    """A small random instance, and the same instance with one LSP added."""
    n = draw(st.integers(min_value=1, max_value=3))
    gemeenten = [
        GemeenteIn(
            f"GM99{i:02d}",
            f"G{i}",
            draw(st.integers(min_value=0, max_value=200_000)),
            lat=draw(st.none() | LAT),
            lon=draw(LON),
        )
        for i in range(n)
    ]
    index = st.integers(min_value=-1, max_value=n - 1)
    pc4 = draw(
        st.lists(
            st.tuples(LAT, LON, st.integers(min_value=0, max_value=5000), index),
            max_size=8,
        )
    )
    point = st.tuples(LAT, LON, st.sampled_from(LSP_TYPES), st.booleans(), index)
    lsp = draw(st.lists(point, max_size=5))
    extra = draw(point)
    return (
        _input(gemeenten, pc4, lsp),
        _input(gemeenten, pc4, [*lsp, extra]),
    )


def _no_more_than(after: float | None, before: float | None) -> bool:
    """Distance `after` ≤ `before`, where None means no LSP reachable (∞)."""
    return before is None or (after is not None and after <= before)


def _shares(result: AnalysisResult) -> list[float]:
    out = list(result.aandeel_inwoners_binnen_km.values())
    for g in result.gemeenten:
        out.extend(g.aandeel_inwoners_binnen_km.values())
    return out


PROPERTY = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(networks())
def test_adding_an_lsp_never_lowers_coverage(
    pair: tuple[AnalysisInput, AnalysisInput],
) -> None:
    before, after = analyse(pair[0]), analyse(pair[1])
    for key, share in before.aandeel_inwoners_binnen_km.items():
        assert after.aandeel_inwoners_binnen_km[key] >= share
    for g_before, g_after in zip(before.gemeenten, after.gemeenten, strict=True):
        for key in ("5", "10", "15"):
            assert (
                g_after.aandeel_inwoners_binnen_km[key]
                >= g_before.aandeel_inwoners_binnen_km[key]
            )
        assert g_after.capaciteit_personen >= g_before.capaciteit_personen
        assert g_after.heeft_lsp or not g_before.heeft_lsp
    assert set(after.gemeenten_zonder_lsp) <= set(before.gemeenten_zonder_lsp)


@PROPERTY
@given(networks())
def test_adding_an_lsp_never_raises_a_distance(
    pair: tuple[AnalysisInput, AnalysisInput],
) -> None:
    before, after = analyse(pair[0]), analyse(pair[1])
    for g_before, g_after in zip(before.gemeenten, after.gemeenten, strict=True):
        assert _no_more_than(
            g_after.afstand_km_dichtstbijzijnde_lsp,
            g_before.afstand_km_dichtstbijzijnde_lsp,
        )
        assert _no_more_than(
            g_after.afstand_km_dichtstbijzijnde_lsp_4_elementen,
            g_before.afstand_km_dichtstbijzijnde_lsp_4_elementen,
        )


@PROPERTY
@given(networks())
def test_shares_stay_between_zero_and_one(
    pair: tuple[AnalysisInput, AnalysisInput],
) -> None:
    for inp in pair:
        result = analyse(inp)
        assert all(0.0 <= s <= 1.0 for s in _shares(result))
        for g in result.gemeenten:
            d = g.afstand_km_dichtstbijzijnde_lsp
            assert d is None or d >= 0
            # More inhabitants live within a larger threshold.
            shares = g.aandeel_inwoners_binnen_km
            assert shares["5"] <= shares["10"] <= shares["15"]
