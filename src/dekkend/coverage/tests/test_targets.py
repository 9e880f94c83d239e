# SPDX-License-Identifier: EUPL-1.2
"""Target values (streefwaarden) of the basisfunctionaliteiten, without a
database: hand-computed values for a made-up region, linear scaling with the
population (hypothesis), the per-region values that do not scale, and a source
for every value."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dekkend.coverage.analysis.model import Streefwaarde
from dekkend.coverage.analysis.parameters import DEFAULTS_BY_KEY, resolve
from dekkend.coverage.analysis.targets import streefwaarden

# Values that do not grow with the population: per region or per gemeente.
PER_REGIO = {
    ("lsp", "minimaal_aantal"),
    ("nu_niet_zwanger", "fte_min"),
    ("mgn", "aantal"),
}


def _targets(
    inwoners: int = 100_000,
    inw_65plus: int = 20_000,
    inw_0_17: int = 18_000,
    aantal_gemeenten: int = 3,
    **overrides: float,
) -> dict[str, dict[str, Streefwaarde]]:
    return streefwaarden(
        inwoners=inwoners,
        inw_65plus=inw_65plus,
        inw_0_17=inw_0_17,
        aantal_gemeenten=aantal_gemeenten,
        p=resolve(overrides),
    )


def _flat(t: dict[str, dict[str, Streefwaarde]]) -> dict[tuple[str, str], float]:
    return {
        (bf, key): sw.waarde for bf, values in t.items() for key, sw in values.items()
    }


def test_targets_of_a_region_of_100_000_are_computed_by_hand() -> None:
    assert _flat(_targets()) == {
        ("lsp", "minimaal_aantal"): 3,  # one per gemeente
        ("sociaal_verwijzen", "verwijzingen_per_jaar"): 600,  # 60 per 10,000
        ("sociaal_verwijzen", "brugfunctionaris_fte_min"): 2,  # 0.2 per 10,000
        ("sociaal_verwijzen", "brugfunctionaris_fte_max"): 5,  # 0.5 per 10,000
        ("valpreventie", "risico_inschattingen_per_jaar"): 2800,  # 14 % of 65+
        ("valpreventie", "deelnemers_beweeginterventie_per_jaar"): 600,  # 3 %
        ("overgewicht_kinderen", "czv_fte"): 3.6,  # 0.2 per 1,000 youths
        ("overgewicht_kinderen", "kinder_gli_fte"): 3.6,
        ("overgewicht_kinderen", "coordinatie_fte_min"): 0.036,  # 0.2 per 100,000
        ("overgewicht_kinderen", "coordinatie_fte_max"): 0.072,  # 0.4 per 100,000
        ("nu_niet_zwanger", "fte_min"): 2,
        ("mgn", "aantal"): 1,
    }


def test_every_target_names_its_source_and_unit() -> None:
    for bf, values in _targets().items():
        for key, sw in values.items():
            assert sw.key == key
            assert sw.bron.strip(), (bf, key)
            assert sw.eenheid.strip(), (bf, key)
            assert sw.label.strip(), (bf, key)


def test_target_sources_come_from_the_parameters() -> None:
    t = _targets()
    assert (
        t["sociaal_verwijzen"]["verwijzingen_per_jaar"].bron
        == DEFAULTS_BY_KEY["sv_verwijzingen_per_10k"].bron
    )
    assert "14%" in t["valpreventie"]["risico_inschattingen_per_jaar"].bron


def test_a_deviating_parameter_changes_its_target_only() -> None:
    default = _flat(_targets())
    changed = _flat(_targets(sv_verwijzingen_per_10k=90))
    assert changed[("sociaal_verwijzen", "verwijzingen_per_jaar")] == 900
    assert {k: v for k, v in changed.items() if k[1] != "verwijzingen_per_jaar"} == {
        k: v for k, v in default.items() if k[1] != "verwijzingen_per_jaar"
    }


def test_lsp_minimum_follows_the_minimum_per_gemeente() -> None:
    t = _targets(aantal_gemeenten=13, lsp_min_per_gemeente=2)
    assert t["lsp"]["minimaal_aantal"].waarde == 26


def test_empty_region_has_zero_population_targets() -> None:
    flat = _flat(_targets(inwoners=0, inw_65plus=0, inw_0_17=0, aantal_gemeenten=0))
    assert all(v == 0 for k, v in flat.items() if k not in PER_REGIO)
    assert flat[("lsp", "minimaal_aantal")] == 0
    assert flat[("nu_niet_zwanger", "fte_min")] == 2


POPULATION = st.integers(min_value=0, max_value=2_000_000)


@settings(max_examples=50, deadline=None)
@given(
    inwoners=POPULATION,
    inw_65plus=POPULATION,
    inw_0_17=POPULATION,
    aantal_gemeenten=st.integers(min_value=1, max_value=60),
    k=st.integers(min_value=2, max_value=10),
)
def test_targets_scale_linearly_with_population(
    inwoners: int, inw_65plus: int, inw_0_17: int, aantal_gemeenten: int, k: int
) -> None:
    base = _flat(_targets(inwoners, inw_65plus, inw_0_17, aantal_gemeenten))
    scaled = _flat(
        _targets(inwoners * k, inw_65plus * k, inw_0_17 * k, aantal_gemeenten)
    )
    assert base.keys() == scaled.keys()
    for key, value in base.items():
        if key in PER_REGIO:
            assert scaled[key] == value, key
        else:
            # Both are rounded to 3 decimals: k × half a unit plus half a unit.
            tolerance = 0.0005 * (k + 1) + 1e-9
            assert scaled[key] == pytest.approx(value * k, abs=tolerance), key


@settings(max_examples=50, deadline=None)
@given(
    aantal=st.integers(min_value=0, max_value=400),
    inwoners=POPULATION,
)
def test_per_region_targets_depend_on_gemeenten_not_on_population(
    aantal: int, inwoners: int
) -> None:
    flat = _flat(_targets(inwoners, inwoners // 5, inwoners // 6, aantal))
    assert flat[("lsp", "minimaal_aantal")] == aantal
    assert flat[("nu_niet_zwanger", "fte_min")] == 2
    assert flat[("mgn", "aantal")] == 1
