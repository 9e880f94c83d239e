# SPDX-License-Identifier: EUPL-1.2
"""`dekkend coverage`: the real zorgkantoorregio Zeeland (ZK27) checked
against the reference figures in `shared/data` and the 2025 LSP list, the
whole country, stored runs, and errors that name what is known."""

import csv
import json
from io import StringIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import CommandError, call_command

import pytest

from dekkend.coverage.analysis.parameters import DEFAULTS
from dekkend.coverage.models import AnalysisRun
from dekkend.regions.constants import (
    INDELING_GGD,
    INDELING_PROVINCIE,
    INDELING_ZORGKANTOOR,
)

pytestmark = pytest.mark.django_db

LSP_LOCATIES = (
    Path(__file__).resolve().parents[2]
    / "register"
    / "data"
    / "lsp_2025"
    / "locaties.csv"
)
ZEELAND_INWONERS = 391_634
NL_INWONERS = 17_942_942


def _csv(name: str) -> list[dict[str, str]]:
    with (Path(settings.DEKKEND_DATA_DIR) / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def zeeland_ref() -> dict[str, Any]:
    """Zeeland from the reference CSVs: its row and its gemeenten."""
    (row,) = [r for r in _csv("zorgkantoorregios_2025.csv") if r["code"] == "ZK27"]
    codes = row["gemeentecodes"].split(";")
    gemeenten = [r for r in _csv("gemeenten_2025.csv") if r["gemeentecode"] in codes]
    with LSP_LOCATIES.open(encoding="utf-8") as f:
        met_lsp = {r["gemeentecode"] for r in csv.DictReader(f) if int(r["aantal"])}
    return {
        "row": row,
        "codes": set(codes),
        "gemeenten": gemeenten,
        "zonder_lsp": set(codes) - met_lsp,
    }


def _run(*args: str) -> str:
    out = StringIO()
    call_command("coverage", *args, stdout=out)
    return out.getvalue()


def _json(*args: str) -> dict[str, Any]:
    return json.loads(_run(*args, "--json"))


@pytest.fixture(scope="module")
def zeeland(django_db_setup: Any, django_db_blocker: Any) -> dict[str, Any]:
    """`dekkend coverage --division zorgkantoorregio-2025 --regio Zeeland --json`,
    computed once for the module and not stored."""
    with django_db_blocker.unblock():
        return _json(
            "--division", INDELING_ZORGKANTOOR, "--regio", "Zeeland", "--niet-opslaan"
        )


# --- Zeeland against the reference data --------------------------------------


def test_reference_row_of_zeeland_is_what_the_tests_assume(zeeland_ref):
    assert zeeland_ref["row"]["naam"] == "Zeeland"
    assert int(zeeland_ref["row"]["inwoners_2024"]) == ZEELAND_INWONERS
    assert len(zeeland_ref["codes"]) == int(zeeland_ref["row"]["n_gemeenten"]) == 13


def test_zeeland_json_has_the_documented_keys(zeeland):
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
    } <= set(zeeland)
    assert zeeland["regio"] == "Zeeland"
    assert zeeland["division"] == INDELING_ZORGKANTOOR
    assert set(zeeland["aandeel_inwoners_binnen_km"]) == {"5", "10", "15"}
    for g in zeeland["gemeenten"]:
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
        assert g["geadviseerd_type"] in {"groot", "middel", "klein"}


def test_zeeland_rows_are_its_13_gemeenten_summing_to_its_inhabitants(
    zeeland, zeeland_ref
):
    rows = zeeland["gemeenten"]
    assert {g["gemeentecode"] for g in rows} == zeeland_ref["codes"]
    assert len(rows) == 13
    assert sum(g["inwoners"] for g in rows) == ZEELAND_INWONERS
    assert zeeland["inwoners"] == ZEELAND_INWONERS
    by_code = {r["gemeentecode"]: r for r in zeeland_ref["gemeenten"]}
    for g in rows:
        assert g["inwoners"] == int(by_code[g["gemeentecode"]]["inwoners_2024"])
        assert g["gemeentenaam"] == by_code[g["gemeentecode"]]["gemeentenaam"]


def test_zeeland_gemeenten_without_lsp_match_the_2025_list(zeeland, zeeland_ref):
    assert set(zeeland["gemeenten_zonder_lsp"]) == zeeland_ref["zonder_lsp"]
    assert len(zeeland["gemeenten_zonder_lsp"]) == 4
    for g in zeeland["gemeenten"]:
        assert g["heeft_lsp"] is (g["gemeentecode"] not in zeeland_ref["zonder_lsp"])
        if g["heeft_lsp"]:
            # The 2025 list has no sizes: every LSP is of unknown type.
            assert g["lsp_per_type"]["onbekend"] >= 1
    assert zeeland["lsp_per_type"] == {
        "groot": 0,
        "middel": 0,
        "klein": 0,
        "onbekend": 12,
    }


def test_zeeland_shares_and_distances_are_plausible(zeeland):
    shares = zeeland["aandeel_inwoners_binnen_km"]
    assert 0 <= shares["5"] <= shares["10"] <= shares["15"] <= 1
    for g in zeeland["gemeenten"]:
        d = g["afstand_km_dichtstbijzijnde_lsp"]
        # Zeeland is about 70 km across.
        assert d is not None and 0 <= d < 40, g["gemeentenaam"]


def test_zeeland_social_referral_targets(zeeland):
    sv = zeeland["streefwaarden"]["sociaal_verwijzen"]
    assert sv["verwijzingen_per_jaar"]["waarde"] == round(
        ZEELAND_INWONERS * 60 / 10_000, 3
    )
    assert sv["brugfunctionaris_fte_min"]["waarde"] == round(
        ZEELAND_INWONERS * 0.2 / 10_000, 3
    )
    assert sv["brugfunctionaris_fte_max"]["waarde"] == round(
        ZEELAND_INWONERS * 0.5 / 10_000, 3
    )


def test_zeeland_fall_prevention_targets_use_its_65_plus(zeeland, zeeland_ref):
    plus65 = sum(int(r["est_inw_65plus_2024"]) for r in zeeland_ref["gemeenten"])
    vp = zeeland["streefwaarden"]["valpreventie"]
    assert vp["risico_inschattingen_per_jaar"]["waarde"] == pytest.approx(
        plus65 * 0.14, abs=0.001
    )
    assert vp["deelnemers_beweeginterventie_per_jaar"]["waarde"] == pytest.approx(
        plus65 * 0.03, abs=0.001
    )


def test_zeeland_child_obesity_targets_use_its_youths(zeeland, zeeland_ref):
    jeugd = sum(int(r["est_inw_0_17_2024"]) for r in zeeland_ref["gemeenten"])
    ok = zeeland["streefwaarden"]["overgewicht_kinderen"]
    assert ok["czv_fte"]["waarde"] == round(jeugd * 0.2 / 1000, 3)
    assert ok["kinder_gli_fte"]["waarde"] == round(jeugd * 0.2 / 1000, 3)
    assert ok["coordinatie_fte_min"]["waarde"] == round(jeugd * 0.2 / 100_000, 3)
    assert ok["coordinatie_fte_max"]["waarde"] == round(jeugd * 0.4 / 100_000, 3)


def test_zeeland_per_region_targets(zeeland):
    sw = zeeland["streefwaarden"]
    assert sw["nu_niet_zwanger"]["fte_min"]["waarde"] == 2
    assert sw["lsp"]["minimaal_aantal"]["waarde"] == 13
    assert sw["mgn"]["aantal"]["waarde"] == 1


def test_every_target_and_parameter_names_its_source(zeeland):
    for bf, values in zeeland["streefwaarden"].items():
        for key, sw in values.items():
            assert sw["bron"].strip(), (bf, key)
            assert "waarde" in sw
    assert set(zeeland["parameters"]) == {p.key for p in DEFAULTS}
    for key, p in zeeland["parameters"].items():
        assert "waarde" in p, key
        assert p["bron"].strip(), key


def test_regio_may_be_given_by_code(zeeland):
    by_code = _json(
        "--division", INDELING_ZORGKANTOOR, "--regio", "ZK27", "--niet-opslaan"
    )
    assert by_code == zeeland


def test_reference_date_is_an_option():
    data = _json(
        "--division",
        INDELING_ZORGKANTOOR,
        "--regio",
        "Zeeland",
        "--date",
        "2025-11-01",
        "--niet-opslaan",
    )
    assert data["peildatum"] == "2025-11-01"


# --- the whole country -------------------------------------------------------


def test_all_regions_cover_the_whole_country():
    data = _json(
        "--division", INDELING_ZORGKANTOOR, "--regio", "alle", "--niet-opslaan"
    )
    assert len(data["gemeenten"]) == 342
    assert data["inwoners"] == NL_INWONERS
    assert sum(g["inwoners"] for g in data["gemeenten"]) == NL_INWONERS
    assert data["lsp_totaal"] == 318
    assert data["streefwaarden"]["lsp"]["minimaal_aantal"]["waarde"] == 342
    assert data["streefwaarden"]["sociaal_verwijzen"]["verwijzingen_per_jaar"][
        "waarde"
    ] == round(NL_INWONERS * 60 / 10_000, 3)


def test_ggd_division_works_too():
    data = _json("--division", INDELING_GGD, "--regio", "GGD Zeeland", "--niet-opslaan")
    assert data["inwoners"] == ZEELAND_INWONERS
    assert len(data["gemeenten"]) == 13


# --- storing -----------------------------------------------------------------


def test_run_is_stored_by_default():
    before = AnalysisRun.objects.count()
    data = _json("--division", INDELING_ZORGKANTOOR, "--regio", "Zeeland")
    assert AnalysisRun.objects.count() == before + 1
    run = AnalysisRun.objects.get(pk=data["analyse"]["run"])
    assert run.regio is not None and run.regio.code == "ZK27"
    assert run.input_fingerprint == data["analyse"]["vingerafdruk"]
    assert len(run.input_fingerprint) == 64
    assert run.code_version == data["analyse"]["codeversie"]


def test_niet_opslaan_stores_nothing():
    before = AnalysisRun.objects.count()
    data = _json(
        "--division", INDELING_ZORGKANTOOR, "--regio", "Zeeland", "--niet-opslaan"
    )
    assert AnalysisRun.objects.count() == before
    assert "analyse" not in data


def test_text_output_summarises_the_region():
    out = _run("--division", INDELING_ZORGKANTOOR, "--regio", "Zeeland")
    assert "Zeeland (zorgkantoorregio-2025)" in out
    assert "inwoners: 391,634" in out
    assert "gemeenten zonder LSP: 4 van 13" in out
    assert "opgeslagen als run" in out
    out = _run(
        "--division", INDELING_ZORGKANTOOR, "--regio", "Zeeland", "--niet-opslaan"
    )
    assert "opgeslagen als run" not in out


# --- errors ------------------------------------------------------------------


def test_unknown_division_lists_the_known_ones():
    with pytest.raises(CommandError) as exc:
        _run("--division", "bestaat-niet", "--regio", "Zeeland")
    message = str(exc.value)
    assert "bestaat-niet" in message
    for naam in (INDELING_ZORGKANTOOR, INDELING_GGD, INDELING_PROVINCIE):
        assert naam in message


def test_unknown_regio_lists_the_known_ones():
    with pytest.raises(CommandError) as exc:
        _run("--division", INDELING_ZORGKANTOOR, "--regio", "Atlantis")
    message = str(exc.value)
    assert "Atlantis" in message
    for naam in ("Zeeland", "Amsterdam", "Groningen"):
        assert naam in message


def test_regio_of_another_division_is_unknown():
    with pytest.raises(CommandError) as exc:
        _run("--division", INDELING_PROVINCIE, "--regio", "ZK27")
    assert "Zeeland" in str(exc.value)  # the province is listed as known


def test_division_and_regio_are_required():
    with pytest.raises(CommandError):
        _run("--regio", "Zeeland")
    with pytest.raises(CommandError):
        _run("--division", INDELING_ZORGKANTOOR)
