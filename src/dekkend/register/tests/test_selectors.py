# SPDX-License-Identifier: EUPL-1.2
"""Reads of the register: nearest support points, lists, editing rights, and
the per-region LSP figures on the real 2025 data."""

import csv
from datetime import date, timedelta

from django.conf import settings

import pytest

from dekkend.accounts.roles import role_group
from dekkend.regions.constants import INDELING_LSP_MONITOR, INDELING_ZORGKANTOOR
from dekkend.regions.geo import haversine_km
from dekkend.regions.models import Indeling, Regio
from dekkend.regions.tests.factories import GemeenteFactory
from dekkend.register.constants import AanbodStatus
from dekkend.register.models import Steunpunt
from dekkend.register.selectors import (
    SteunpuntFilter,
    lsp_summary,
    nearest_distance_km,
    regio_lsp_overview,
    steunpunt_get,
    steunpunt_list,
    steunpunten_editable,
    steunpunten_nearby,
)
from dekkend.register.tests.factories import (
    OrganisatieFactory,
    OrganisatieLidFactory,
    SteunpuntFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PEILDATUM = date(2025, 11, 1)
# In the North Sea, about 100 km from the nearest real support point.
ZEE_LAT, ZEE_LON = 53.9, 4.0
NEGEN = [(d, p) for d in (1, 2, 3) for p in ("ochtend", "middag", "avond")]
VIJF = [(1, "ochtend"), (1, "middag"), (2, "ochtend"), (2, "middag"), (3, "ochtend")]
TWEE = [(1, "ochtend"), (2, "ochtend")]


@pytest.fixture
def zee():
    """Three support points due north of the search point: 0.01°, 0.03° and
    0.05° of latitude, i.e. 1.11, 3.34 and 5.56 km (111.195 km per degree)."""
    gemeente = GemeenteFactory(popw_lat=ZEE_LAT, popw_lon=ZEE_LON)
    organisatie = OrganisatieFactory()

    def make(naam, dlat, dagdelen, **kwargs):
        return SteunpuntFactory(
            aanbod__naam=naam,
            aanbod__organisatie=organisatie,
            aanbod__locatie__gemeente=gemeente,
            aanbod__locatie__lat=ZEE_LAT + dlat,
            aanbod__locatie__lon=ZEE_LON,
            dagdelen=dagdelen,
            **kwargs,
        )

    return {
        "a": make("Zeepunt A", 0.01, NEGEN),
        "b": make("Zeepunt B", 0.03, VIJF, element_groeivijver=True),
        "c": make("Zeepunt C", 0.05, TWEE),
    }


def _names(nabij) -> list[str]:
    return [n.steunpunt.aanbod.naam for n in nabij]


def _nearby(**kwargs):
    kwargs.setdefault("peildatum", PEILDATUM)
    return steunpunten_nearby(lat=ZEE_LAT, lon=ZEE_LON, **kwargs)


# --- nearby ------------------------------------------------------------------


def test_nearby_returns_the_nearest_first_with_distances_in_km(zee):
    nabij = _nearby(limit=3)
    assert _names(nabij) == ["Zeepunt A", "Zeepunt B", "Zeepunt C"]
    assert [n.afstand_km for n in nabij] == [1.1, 3.3, 5.6]


def test_nearby_respects_the_limit(zee):
    assert _names(_nearby(limit=2)) == ["Zeepunt A", "Zeepunt B"]
    assert _names(_nearby(limit=1)) == ["Zeepunt A"]


def test_nearby_widens_the_search_until_the_limit_is_reached(zee):
    nabij = _nearby(limit=10)
    assert len(nabij) == 10
    assert _names(nabij)[:3] == ["Zeepunt A", "Zeepunt B", "Zeepunt C"]
    distances = [n.afstand_km for n in nabij]
    assert distances == sorted(distances)
    assert distances[3] > 50  # the real ones are on the mainland
    for n in nabij:
        locatie = n.steunpunt.aanbod.locatie
        expected = haversine_km(ZEE_LAT, ZEE_LON, locatie.lat, locatie.lon)
        assert n.afstand_km == pytest.approx(expected, abs=0.051)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SteunpuntFilter(lsp_type="groot"), "Zeepunt A"),
        (SteunpuntFilter(lsp_type="middel"), "Zeepunt B"),
        (SteunpuntFilter(lsp_type="klein"), "Zeepunt C"),
        (SteunpuntFilter(element="groeivijver"), "Zeepunt B"),
    ],
)
def test_nearby_applies_type_and_element_filters(zee, filters, expected):
    assert _names(_nearby(limit=1, filters=filters)) == [expected]


def test_nearby_excludes_stopped_support_points(zee):
    aanbod = zee["a"].aanbod
    aanbod.status = AanbodStatus.GESTOPT
    aanbod.save()
    assert _names(_nearby(limit=2)) == ["Zeepunt B", "Zeepunt C"]


def test_nearby_includes_support_points_being_set_up(zee):
    aanbod = zee["a"].aanbod
    aanbod.status = AanbodStatus.IN_OPRICHTING
    aanbod.save()
    assert _names(_nearby(limit=1)) == ["Zeepunt A"]


@pytest.mark.parametrize(
    ("geldig_van", "geldig_tot", "visible"),
    [
        (PEILDATUM + timedelta(days=1), None, False),  # not valid yet
        (PEILDATUM, None, True),  # valid from today
        (None, PEILDATUM, False),  # geldig_tot is the first day it no longer holds
        (None, PEILDATUM + timedelta(days=1), True),
        (PEILDATUM - timedelta(days=30), PEILDATUM - timedelta(days=1), False),
    ],
)
def test_nearby_respects_validity_on_the_reference_date(
    zee, geldig_van, geldig_tot, visible
):
    aanbod = zee["a"].aanbod
    aanbod.geldig_van, aanbod.geldig_tot = geldig_van, geldig_tot
    aanbod.save()
    assert ("Zeepunt A" in _names(_nearby(limit=3))) is visible


def test_nearby_without_any_match_is_empty(zee):
    none = SteunpuntFilter(lsp_type="groot", zoekterm="bestaat-niet")
    assert _nearby(filters=none) == []


# --- lists and single records ------------------------------------------------


def test_list_filters_on_gemeente_type_element_organisation_and_search_term(zee):
    organisatie = zee["a"].aanbod.organisatie
    code = zee["a"].aanbod.locatie.gemeente.code

    def names(**f):
        return [
            s.aanbod.naam
            for s in steunpunt_list(peildatum=PEILDATUM, filters=SteunpuntFilter(**f))
        ]

    assert names(gemeente=code) == ["Zeepunt A", "Zeepunt B", "Zeepunt C"]
    assert names(gemeente=code, lsp_type="middel") == ["Zeepunt B"]
    assert names(organisatie=organisatie.uuid, element="groeivijver") == ["Zeepunt B"]
    assert names(zoekterm="zeepunt c") == ["Zeepunt C"]
    assert names(zoekterm=organisatie.naam) == ["Zeepunt A", "Zeepunt B", "Zeepunt C"]
    assert names(gemeente="GM0687") == ["Hersteltalent - Zelfregiecentrum Middelburg"]


def test_list_filters_on_region_membership():
    zeeland = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, naam="Zeeland")
    found = steunpunt_list(
        peildatum=PEILDATUM, filters=SteunpuntFilter(regio=zeeland.uuid)
    )
    assert found.count() == 12


def test_list_holds_the_318_real_support_points_on_the_reference_date():
    assert steunpunt_list(peildatum=PEILDATUM).count() == 318


def test_stopped_support_point_is_still_found_by_uuid(zee):
    aanbod = zee["c"].aanbod
    aanbod.status = AanbodStatus.GESTOPT
    aanbod.save()
    assert steunpunt_get(uuid=aanbod.uuid).aanbod.status == "gestopt"


def test_unknown_uuid_raises_does_not_exist():
    with pytest.raises(Steunpunt.DoesNotExist):
        steunpunt_get(uuid="00000000-0000-0000-0000-000000000000")


def test_nearest_distance_of_no_points_is_none():
    assert nearest_distance_km([], 52.0, 5.0) is None
    assert nearest_distance_km([(53.0, 5.0), (52.5, 5.0)], 52.0, 5.0) == pytest.approx(
        55.5975, abs=1e-3
    )


# --- editing rights ----------------------------------------------------------


def test_lsp_staff_can_edit_only_their_own_organisations_support_points(zee):
    user = UserFactory()
    user.groups.add(role_group("lsp_medewerker"))
    OrganisatieLidFactory(user=user, organisatie=zee["a"].aanbod.organisatie)
    SteunpuntFactory(aanbod__naam="Ander punt")
    names = [s.aanbod.naam for s in steunpunten_editable(user=user)]
    assert names == ["Zeepunt A", "Zeepunt B", "Zeepunt C"]


def test_national_monitor_can_edit_every_support_point(zee):
    user = UserFactory()
    user.groups.add(role_group("landelijk_monitor"))
    assert steunpunten_editable(user=user).count() == 318 + 3


def test_member_without_the_lsp_role_can_edit_nothing(zee):
    user = UserFactory()
    OrganisatieLidFactory(user=user, organisatie=zee["a"].aanbod.organisatie)
    assert not steunpunten_editable(user=user).exists()


# --- per-region figures ------------------------------------------------------


def test_summary_on_the_zorgkantoor_division_counts_all_318():
    indeling = Indeling.objects.get(naam=INDELING_ZORGKANTOOR)
    summary = lsp_summary(indeling=indeling, peildatum=PEILDATUM)
    assert summary["division"] == INDELING_ZORGKANTOOR
    assert summary["peildatum"] == "2025-11-01"
    assert len(summary["regios"]) == 31
    assert summary["totaal"] == {
        "groot": 0,
        "middel": 0,
        "klein": 0,
        "onbekend": 318,  # no schedules are known yet
        "totaal": 318,
    }
    assert sum(r["totaal"] for r in summary["regios"]) == 318
    assert summary["organisaties"] == 90
    assert "buiten_indeling" not in summary
    zeeland = next(r for r in summary["regios"] if r["regio"] == "Zeeland")
    assert zeeland["totaal"] == 12


def test_summary_counts_support_points_outside_an_incomplete_division(zee):
    indeling = Indeling.objects.get(naam=INDELING_LSP_MONITOR)
    summary = lsp_summary(indeling=indeling, peildatum=PEILDATUM)
    assert summary["buiten_indeling"] == {
        "groot": 1,
        "middel": 1,
        "klein": 1,
        "onbekend": 0,
        "totaal": 3,
    }
    assert summary["totaal"]["totaal"] == 321
    assert summary["organisaties"] == 91
    assert sum(r["totaal"] for r in summary["regios"]) == 318


def test_summary_leaves_out_support_points_not_valid_on_the_date(zee):
    indeling = Indeling.objects.get(naam=INDELING_LSP_MONITOR)
    aanbod = zee["a"].aanbod
    aanbod.geldig_van = PEILDATUM + timedelta(days=1)
    aanbod.save()
    summary = lsp_summary(indeling=indeling, peildatum=PEILDATUM)
    assert summary["buiten_indeling"]["totaal"] == 2


def _zorgkantoor_csv(naam: str) -> dict[str, str]:
    path = settings.DEKKEND_DATA_DIR / "zorgkantoorregios_2025.csv"
    with path.open(encoding="utf-8") as handle:
        return next(r for r in csv.DictReader(handle) if r["naam"] == naam)


def test_region_overview_of_zeeland_adds_up_to_the_reference_population():
    reference = _zorgkantoor_csv("Zeeland")
    regio = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, naam="Zeeland")
    overzicht = regio_lsp_overview(regio=regio, peildatum=PEILDATUM)
    assert len(overzicht.gemeenten) == int(reference["n_gemeenten"]) == 13
    assert {r.code for r in overzicht.gemeenten} == set(
        reference["gemeentecodes"].split(";")
    )
    assert overzicht.inwoners == int(reference["inwoners_2024"]) == 391_634
    assert sum(r.inwoners for r in overzicht.gemeenten) == overzicht.inwoners
    assert overzicht.totaal["totaal"] == 12
    assert overzicht.monitor is None  # Table 4 is per monitor region


def test_region_overview_lists_the_gemeenten_without_an_lsp():
    regio = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, naam="Zeeland")
    overzicht = regio_lsp_overview(regio=regio, peildatum=PEILDATUM)
    # 12 LSPs in 9 of the 13 gemeenten (4 in Schouwen-Duiveland).
    assert [(r.code, r.naam) for r in overzicht.zonder_lsp] == [
        ("GM1695", "Noord-Beveland"),
        ("GM0703", "Reimerswaal"),
        ("GM0716", "Tholen"),
        ("GM0717", "Veere"),
    ]
    schouwen = next(r for r in overzicht.gemeenten if r.code == "GM1676")
    assert schouwen.per_type == {"groot": 0, "middel": 0, "klein": 0, "onbekend": 4}
    middelburg = next(r for r in overzicht.gemeenten if r.code == "GM0687")
    assert middelburg.inwoners == 50_004
    assert middelburg.per_100k == 2.0  # 1 / 50,004 × 100,000 = 1.9998


def test_region_overview_of_a_monitor_region_carries_its_table_4_count():
    regio = Regio.objects.get(indeling__naam=INDELING_LSP_MONITOR, naam="Zeeland")
    overzicht = regio_lsp_overview(regio=regio, peildatum=PEILDATUM)
    assert overzicht.monitor is not None
    assert overzicht.monitor.jaar == 2025
    assert overzicht.totaal["totaal"] == overzicht.monitor.totaal == 12
