# SPDX-License-Identifier: EUPL-1.2
"""Services and selectors of the coverage app on the session's reference data:
stored runs with parameters, fingerprint and code version; reasoned deviations
("gemotiveerd afwijken") with permissions, validation, rerun and history; and
actual figures (realisaties)."""

import re
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

import pytest

import dekkend
from dekkend.accounts.roles import role_group
from dekkend.audit.models import AuditEvent
from dekkend.coverage import selectors, services
from dekkend.coverage.analysis.parameters import resolve
from dekkend.coverage.models import AnalysisRun, ParameterAfwijking, Realisatie
from dekkend.coverage.permissions import can_change_regio
from dekkend.regions.constants import INDELING_ZORGKANTOOR
from dekkend.regions.models import Gemeente, Indeling, Regio, RegioLid
from dekkend.register.tests.factories import SteunpuntFactory, UserFactory

pytestmark = pytest.mark.django_db

PEILDATUM = date(2025, 11, 1)
ZEELAND = "ZK27"
VEERE = "GM0717"  # a Zeeland gemeente without an LSP on the 2025 list
HEX64 = re.compile(r"^[0-9a-f]{64}$")


@pytest.fixture
def zeeland() -> Regio:
    return Regio.objects.select_related("indeling").get(
        indeling__naam=INDELING_ZORGKANTOOR, code=ZEELAND
    )


@pytest.fixture
def andere_regio() -> Regio:
    return Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, code="ZK02")


def _user(role: str | None = None, *regios: Regio):
    user = UserFactory()
    if role:
        user.groups.add(role_group(role))
    for regio in regios:
        RegioLid.objects.create(user=user, regio=regio)
    return user


@pytest.fixture
def lid(zeeland: Regio):
    """A region officer who works for Zeeland."""
    return _user("regio", zeeland)


def _run(regio: Regio, *, store: bool = True, user=None):
    return services.analysis_run(
        indeling=regio.indeling,
        regio=regio,
        peildatum=PEILDATUM,
        user=user,
        store=store,
    )


def _afwijking(user, regio: Regio, sleutel: str, waarde: float | None, reden="Test"):
    return services.parameter_afwijking_record(
        user=user, regio=regio, sleutel=sleutel, waarde=waarde, reden=reden
    )


def _without_parameters(data: dict) -> dict:
    return {k: v for k, v in data.items() if k not in {"parameters", "analyse"}}


# --- stored runs -------------------------------------------------------------


def test_stored_run_keeps_parameters_fingerprint_and_code_version(zeeland, lid):
    data, run = _run(zeeland, user=lid)
    assert run is not None
    run.refresh_from_db()
    assert run.regio == zeeland
    assert run.indeling == zeeland.indeling
    assert run.peildatum == PEILDATUM
    assert run.parameters == resolve()
    assert HEX64.match(run.input_fingerprint)
    assert run.code_version.startswith(f"{dekkend.__version__}+")
    assert run.code_version == services.code_version()
    assert run.aangemaakt_door == lid
    assert run.resultaat["inwoners"] == 391_634
    assert data["analyse"] == {
        "run": run.pk,
        "uuid": str(run.uuid),
        "codeversie": run.code_version,
        "vingerafdruk": run.input_fingerprint,
    }


def test_not_storing_a_run_writes_nothing(zeeland):
    before = AnalysisRun.objects.count()
    data, run = _run(zeeland, store=False)
    assert run is None
    assert "analyse" not in data
    assert AnalysisRun.objects.count() == before
    assert data["inwoners"] == 391_634


def test_equal_inputs_give_equal_fingerprints(zeeland):
    _data, first = _run(zeeland)
    _data, second = _run(zeeland)
    assert first is not None and second is not None
    assert first.pk != second.pk
    assert first.input_fingerprint == second.input_fingerprint


def test_adding_an_lsp_changes_the_fingerprint_and_the_result(zeeland):
    data_before, before = _run(zeeland)
    veere = Gemeente.objects.get(code=VEERE)
    SteunpuntFactory(
        aanbod__locatie__gemeente=veere,
        aanbod__locatie__lat=veere.popw_lat,
        aanbod__locatie__lon=veere.popw_lon,
    )
    data_after, after = _run(zeeland)
    assert before is not None and after is not None
    assert after.input_fingerprint != before.input_fingerprint
    assert data_after["lsp_totaal"] == data_before["lsp_totaal"] + 1
    assert VEERE in data_before["gemeenten_zonder_lsp"]
    assert VEERE not in data_after["gemeenten_zonder_lsp"]


def test_changing_a_parameter_changes_the_fingerprint(zeeland, lid):
    _data, before = _run(zeeland)
    _afwijking(lid, zeeland, "capaciteit_onbekend", 50)
    _data, after = _run(zeeland)
    assert before is not None and after is not None
    assert after.input_fingerprint != before.input_fingerprint
    assert after.parameters["capaciteit_onbekend"] == 50
    assert before.parameters["capaciteit_onbekend"] == 35


def test_restoring_the_default_restores_the_fingerprint(zeeland, lid):
    _data, original = _run(zeeland)
    _afwijking(lid, zeeland, "capaciteit_onbekend", 50)
    _afwijking(lid, zeeland, "capaciteit_onbekend", None, "Terug")
    _data, restored = _run(zeeland)
    assert original is not None and restored is not None
    assert restored.input_fingerprint == original.input_fingerprint


def test_deviation_to_the_default_value_keeps_the_fingerprint(zeeland, lid):
    """A deviation that sets the default value again (35 visitors) gives the
    analysis equal inputs, so the fingerprint must not change: the database
    returns 35.0 where the default is the integer 35."""
    _data, original = _run(zeeland)
    _afwijking(lid, zeeland, "capaciteit_onbekend", 35, "Bevestigd")
    data, same = _run(zeeland)
    assert original is not None and same is not None
    assert data["capaciteit_personen"] == 12 * 35
    assert same.input_fingerprint == original.input_fingerprint


def test_a_different_reference_date_changes_the_fingerprint(zeeland):
    _data, first = _run(zeeland)
    _data, later = services.analysis_run(
        indeling=zeeland.indeling, regio=zeeland, peildatum=date(2026, 1, 1)
    )
    assert first is not None and later is not None
    assert first.input_fingerprint != later.input_fingerprint


def test_national_run_covers_every_gemeente_of_the_division():
    indeling = Indeling.objects.get(naam=INDELING_ZORGKANTOOR)
    data, run = services.analysis_run(
        indeling=indeling, regio=None, peildatum=PEILDATUM, store=True
    )
    assert run is not None and run.regio is None
    assert len(data["gemeenten"]) == 342
    assert data["inwoners"] == 17_942_942
    assert data["lsp_totaal"] == 318
    assert data["regio"] == indeling.titel


def test_reference_date_before_any_population_year_uses_the_oldest(zeeland):
    data, _run_ = services.analysis_run(
        indeling=zeeland.indeling,
        regio=zeeland,
        peildatum=date(2020, 1, 1),
        store=False,
    )
    assert data["peildatum"] == "2020-01-01"
    assert data["inwoners"] == 391_634


def test_stored_runs_are_listed_newest_first(zeeland):
    _data, first = _run(zeeland)
    _data, second = _run(zeeland)
    runs = list(selectors.analysis_runs(zeeland))
    assert runs[:2] == [second, first]


# --- deviations: permissions -------------------------------------------------


def test_region_member_may_deviate(zeeland, lid):
    afwijking = _afwijking(lid, zeeland, "afstand_drempel_km", 5, "Platteland")
    assert afwijking.regio == zeeland
    assert afwijking.ingevoerd_door == lid
    assert afwijking.reden == "Platteland"
    assert AuditEvent.objects.filter(
        event="parameterafwijking.recorded", actor=lid
    ).exists()


def test_member_of_another_region_is_refused(zeeland, andere_regio):
    buitenstaander = _user("regio", andere_regio)
    assert not can_change_regio(buitenstaander, zeeland)
    with pytest.raises(PermissionDenied):
        _afwijking(buitenstaander, zeeland, "capaciteit_onbekend", 50)
    assert not ParameterAfwijking.objects.filter(regio=zeeland).exists()


def test_member_without_the_region_role_is_refused(zeeland):
    zonder_rol = _user(None, zeeland)
    with pytest.raises(PermissionDenied):
        _afwijking(zonder_rol, zeeland, "capaciteit_onbekend", 50)


def test_role_without_membership_is_refused(zeeland):
    with pytest.raises(PermissionDenied):
        _afwijking(_user("regio"), zeeland, "capaciteit_onbekend", 50)


@pytest.mark.parametrize("role", ["lsp_medewerker", "brugfunctionaris", "verwijzer"])
def test_other_roles_are_refused_even_as_member(zeeland, role):
    with pytest.raises(PermissionDenied):
        _afwijking(_user(role, zeeland), zeeland, "capaciteit_onbekend", 50)


def test_anonymous_user_is_refused(zeeland):
    with pytest.raises(PermissionDenied):
        _afwijking(AnonymousUser(), zeeland, "capaciteit_onbekend", 50)


def test_national_monitor_may_change_any_region(zeeland, andere_regio):
    monitor = _user("landelijk_monitor")
    for regio in (zeeland, andere_regio):
        assert can_change_regio(monitor, regio)
        _afwijking(monitor, regio, "capaciteit_onbekend", 40)
    assert ParameterAfwijking.objects.filter(ingevoerd_door=monitor).count() == 2


# --- deviations: validation --------------------------------------------------


@pytest.mark.parametrize("reden", ["", "   "])
def test_deviation_requires_a_reason(zeeland, lid, reden):
    with pytest.raises(ValidationError) as exc:
        _afwijking(lid, zeeland, "capaciteit_onbekend", 50, reden)
    assert "reden" in exc.value.message_dict
    assert not ParameterAfwijking.objects.filter(regio=zeeland).exists()


def test_unknown_parameter_is_refused(zeeland, lid):
    with pytest.raises(ValidationError) as exc:
        _afwijking(lid, zeeland, "bestaat_niet", 1)
    assert "sleutel" in exc.value.message_dict


@pytest.mark.parametrize(
    "sleutel",
    [
        "aandeel_baat_lsp",
        "vp_risico_inschatting_aandeel_65plus",
        "vp_beweeginterventie_aandeel_65plus",
    ],
)
def test_share_above_one_is_refused(zeeland, lid, sleutel):
    with pytest.raises(ValidationError) as exc:
        _afwijking(lid, zeeland, sleutel, 1.5)
    assert "waarde" in exc.value.message_dict
    _afwijking(lid, zeeland, sleutel, 1.0)  # the edge is allowed


def test_negative_value_is_refused(zeeland, lid):
    with pytest.raises(ValidationError) as exc:
        _afwijking(lid, zeeland, "capaciteit_klein", -1)
    assert "waarde" in exc.value.message_dict


# --- deviations: effect and history ------------------------------------------


def test_unknown_type_capacity_deviation_changes_the_analysis(zeeland, lid):
    before, _run_ = _run(zeeland, store=False)
    assert before["lsp_per_type"]["onbekend"] == 12
    assert before["capaciteit_personen"] == 12 * 35
    _afwijking(lid, zeeland, "capaciteit_onbekend", 100, "Geteld in 2025")
    after, _run_ = _run(zeeland, store=False)
    assert after["capaciteit_personen"] == 12 * 100
    parameter = after["parameters"]["capaciteit_onbekend"]
    assert parameter["waarde"] == 100
    assert parameter["standaard"] == 35
    assert parameter["afwijking"]["reden"] == "Geteld in 2025"


def test_distance_threshold_deviation_changes_the_analysis(zeeland, lid):
    """The region's own threshold (afstand_drempel_km) must reach the result,
    not only the parameter list."""
    before, _run_ = _run(zeeland, store=False)
    _afwijking(lid, zeeland, "afstand_drempel_km", 3, "Kleine kernen")
    after, _run_ = _run(zeeland, store=False)
    assert after["parameters"]["afstand_drempel_km"]["waarde"] == 3
    assert _without_parameters(after) != _without_parameters(before), (
        "afstand_drempel_km is listed as a parameter but the analysis ignores it"
    )


def test_deviation_in_another_region_leaves_this_region_alone(zeeland, andere_regio):
    monitor = _user("landelijk_monitor")
    _afwijking(monitor, andere_regio, "capaciteit_onbekend", 100)
    assert selectors.parameters_for(zeeland) == resolve()
    assert selectors.parameters_for(andere_regio)["capaciteit_onbekend"] == 100


def test_empty_value_restores_the_default_and_keeps_the_history(zeeland, lid):
    _afwijking(lid, zeeland, "capaciteit_onbekend", 100, "Eerste telling")
    _afwijking(lid, zeeland, "capaciteit_onbekend", 60, "Tweede telling")
    assert selectors.parameters_for(zeeland)["capaciteit_onbekend"] == 60
    _afwijking(lid, zeeland, "capaciteit_onbekend", None, "Terug naar landelijk")

    assert selectors.parameters_for(zeeland) == resolve()
    assert selectors.afwijkingen_for(zeeland) == {}
    data, _run_ = _run(zeeland, store=False)
    assert data["capaciteit_personen"] == 12 * 35
    assert "afwijking" not in data["parameters"]["capaciteit_onbekend"]

    history = list(selectors.afwijking_history(zeeland))
    assert [(a.waarde, a.reden) for a in history] == [
        (None, "Terug naar landelijk"),
        (60, "Tweede telling"),
        (100, "Eerste telling"),
    ]


def test_latest_deviation_per_parameter_counts(zeeland, lid):
    _afwijking(lid, zeeland, "capaciteit_onbekend", 100)
    _afwijking(lid, zeeland, "afstand_drempel_km", 15)
    _afwijking(lid, zeeland, "capaciteit_onbekend", 80)
    params = selectors.parameters_for(zeeland)
    assert params["capaciteit_onbekend"] == 80
    assert params["afstand_drempel_km"] == 15
    assert set(selectors.afwijkingen_for(zeeland)) == {
        "capaciteit_onbekend",
        "afstand_drempel_km",
    }


def test_national_run_ignores_region_deviations(zeeland, lid):
    _afwijking(lid, zeeland, "capaciteit_onbekend", 100)
    assert selectors.parameters_for(None) == resolve()


# --- actual figures ----------------------------------------------------------


def _realisatie(user, regio, waarde=10.0, jaar=2025, **kwargs):
    values = {
        "basisfunctionaliteit": "sociaal_verwijzen",
        "sleutel": "brugfunctionaris_fte",
        "jaar": jaar,
        "waarde": waarde,
        "bron": "Jaarverslag",
    } | kwargs
    return services.realisatie_record(user=user, regio=regio, **values)


def test_region_member_records_an_actual_figure(zeeland, lid):
    realisatie = _realisatie(lid, zeeland, 9.5)
    assert realisatie.waarde == 9.5
    assert realisatie.bron == "Jaarverslag"
    assert AuditEvent.objects.filter(event="realisatie.recorded", actor=lid).exists()
    latest = selectors.realisaties_for(zeeland)
    assert latest[("sociaal_verwijzen", "brugfunctionaris_fte")] == realisatie


def test_same_year_updates_and_latest_year_counts(zeeland, lid):
    _realisatie(lid, zeeland, 5, 2024)
    _realisatie(lid, zeeland, 6, 2025)
    _realisatie(lid, zeeland, 7, 2025)
    assert Realisatie.objects.filter(regio=zeeland).count() == 2
    latest = selectors.realisaties_for(zeeland)
    assert latest[("sociaal_verwijzen", "brugfunctionaris_fte")].waarde == 7
    assert latest[("sociaal_verwijzen", "brugfunctionaris_fte")].jaar == 2025


def test_actual_figure_of_another_region_is_refused(zeeland, andere_regio):
    with pytest.raises(PermissionDenied):
        _realisatie(_user("regio", andere_regio), zeeland)
    with pytest.raises(PermissionDenied):
        _realisatie(AnonymousUser(), zeeland)
    assert not Realisatie.objects.filter(regio=zeeland).exists()


def test_national_monitor_records_actual_figures_anywhere(zeeland):
    _realisatie(_user("landelijk_monitor"), zeeland, 3)
    assert Realisatie.objects.filter(regio=zeeland).count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"sleutel": "bestaat_niet"}, "sleutel"),
        ({"basisfunctionaliteit": "lsp", "sleutel": "verwijzingen"}, "sleutel"),
        ({"waarde": -1}, "waarde"),
        ({"jaar": 1999}, "jaar"),
        ({"jaar": 2101}, "jaar"),
    ],
)
def test_invalid_actual_figure_is_refused(zeeland, lid, kwargs, field):
    with pytest.raises(ValidationError) as exc:
        _realisatie(lid, zeeland, **kwargs)
    assert field in exc.value.message_dict
