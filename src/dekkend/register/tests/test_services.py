# SPDX-License-Identifier: EUPL-1.2
"""The register's write services: who may change a support point, what is
validated, what is derived (the type) and what is audited."""

import json
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError

import pytest

from dekkend.accounts.roles import role_group
from dekkend.audit.models import AuditEvent
from dekkend.regions.models import Postcodegebied
from dekkend.register.models import (
    AanbodDoelgroep,
    Afweging,
    KenmerkZelfbeoordeling,
    Openingsdagdeel,
    Steunpunt,
    SteunpuntHerstelaanbod,
)
from dekkend.register.services import (
    UNCHANGED,
    SteunpuntWijziging,
    afweging_record,
    steunpunt_type_override,
    steunpunt_update,
)
from dekkend.register.tests.factories import (
    OrganisatieFactory,
    OrganisatieLidFactory,
    SteunpuntFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PEILDATUM = date(2025, 11, 1)
DAGDELEN = ("ochtend", "middag", "avond")
# Monday to Wednesday, every dagdeel: 9 half-days.
NEGEN = frozenset((dag, deel) for dag in (1, 2, 3) for deel in DAGDELEN)
VIJF = frozenset(
    {(1, "ochtend"), (1, "middag"), (2, "ochtend"), (2, "middag"), (3, "avond")}
)
TWEE = frozenset({(1, "ochtend"), (4, "middag")})


def _user(role: str | None = None, organisatie=None):
    user = UserFactory()
    if role:
        user.groups.add(role_group(role))
    if organisatie is not None:
        OrganisatieLidFactory(user=user, organisatie=organisatie)
    return user


@pytest.fixture
def organisatie():
    return OrganisatieFactory()


@pytest.fixture
def steunpunt(organisatie):
    return SteunpuntFactory(aanbod__organisatie=organisatie)


@pytest.fixture
def medewerker(organisatie):
    return _user("lsp_medewerker", organisatie)


def _update(user, steunpunt, **changes) -> Steunpunt:
    return steunpunt_update(
        user=user,
        steunpunt=steunpunt,
        wijziging=SteunpuntWijziging(**changes),
        peildatum=PEILDATUM,
    )


def _fresh(steunpunt: Steunpunt) -> Steunpunt:
    return Steunpunt.objects.select_related("aanbod__locatie").get(pk=steunpunt.pk)


# --- who may edit ------------------------------------------------------------


def test_lsp_staff_edit_their_own_organisations_support_point(steunpunt, medewerker):
    _update(medewerker, steunpunt, bezoekers_per_dag=25)
    assert _fresh(steunpunt).bezoekers_per_dag == 25


def test_staff_of_another_organisation_are_refused_and_nothing_changes(steunpunt):
    other = _user("lsp_medewerker", OrganisatieFactory())
    with pytest.raises(PermissionDenied):
        _update(other, steunpunt, bezoekers_per_dag=25, dagdelen=NEGEN)
    assert _fresh(steunpunt).bezoekers_per_dag is None
    assert not Openingsdagdeel.objects.filter(aanbod=steunpunt.aanbod).exists()


def test_member_without_the_lsp_role_is_refused(steunpunt, organisatie):
    member = _user(None, organisatie)
    with pytest.raises(PermissionDenied):
        _update(member, steunpunt, bezoekers_per_dag=25)


@pytest.mark.parametrize("role", ["verwijzer", "brugfunctionaris", "regio"])
def test_other_roles_may_not_edit(steunpunt, organisatie, role):
    with pytest.raises(PermissionDenied):
        _update(_user(role, organisatie), steunpunt, bezoekers_per_dag=25)


def test_anonymous_user_is_refused(steunpunt):
    with pytest.raises(PermissionDenied):
        _update(AnonymousUser(), steunpunt, bezoekers_per_dag=25)


def test_user_who_may_change_any_support_point_edits_a_real_one():
    monitor = _user("landelijk_monitor")
    assert monitor.has_perm("register.change_any_steunpunt")
    doetinchem = Steunpunt.objects.get(aanbod__naam="Stadskamer Doetinchem")
    _update(monitor, doetinchem, dagdelen=VIJF)
    assert _fresh(doetinchem).lsp_type == "middel"


# --- the type follows the opening half-days ----------------------------------


@pytest.mark.parametrize(
    ("dagdelen", "expected"),
    [(NEGEN, "groot"), (VIJF, "middel"), (TWEE, "klein"), (frozenset(), "onbekend")],
    ids=["9", "5", "2", "0"],
)
def test_opening_half_days_set_the_type(medewerker, organisatie, dagdelen, expected):
    # Start from 4 half-days (middel), so every case is a real change.
    steunpunt = SteunpuntFactory(
        aanbod__organisatie=organisatie,
        dagdelen=[(5, "ochtend"), (5, "middag"), (6, "ochtend"), (6, "middag")],
    )
    assert steunpunt.lsp_type == "middel"
    returned = _update(medewerker, steunpunt, dagdelen=dagdelen)
    fresh = _fresh(steunpunt)
    assert fresh.dagdelen_per_week == len(dagdelen)
    assert (fresh.type_afgeleid, fresh.lsp_type) == (expected, expected)
    assert returned.lsp_type == expected
    stored = set(
        Openingsdagdeel.objects.filter(aanbod=steunpunt.aanbod).values_list(
            "weekdag", "dagdeel"
        )
    )
    assert stored == set(dagdelen)


def test_leaving_dagdelen_out_keeps_the_schedule(medewerker, organisatie):
    steunpunt = SteunpuntFactory(aanbod__organisatie=organisatie, dagdelen=list(TWEE))
    _update(medewerker, steunpunt, bezoekers_per_dag=3)
    assert _fresh(steunpunt).dagdelen_per_week == 2
    assert _fresh(steunpunt).lsp_type == "klein"


# --- validation --------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"dagdelen": frozenset({(8, "ochtend")})}, "dagdelen"),
        ({"dagdelen": frozenset({(1, "nacht")})}, "dagdelen"),
        ({"elementen": frozenset({"inloop", "koffie"})}, "elementen"),
        ({"doelgroepen": frozenset({"iedereen"})}, "doelgroepen"),
        ({"herstelaanbod": frozenset({"yoga"})}, "herstelaanbod"),
        ({"kenmerken": {11: "aanwezig"}}, "kenmerken"),
        ({"kenmerken": {1: "misschien"}}, "kenmerken"),
        ({"bezoekers_per_dag": -1}, "bezoekers_per_dag"),
        ({"unieke_bezoekers_per_jaar": -5}, "unieke_bezoekers_per_jaar"),
    ],
)
def test_invalid_input_names_the_field(steunpunt, medewerker, changes, field):
    with pytest.raises(ValidationError) as info:
        _update(medewerker, steunpunt, **changes)
    assert list(info.value.message_dict) == [field]


def test_invalid_input_writes_nothing(steunpunt, medewerker):
    with pytest.raises(ValidationError):
        _update(
            medewerker,
            steunpunt,
            dagdelen=NEGEN,
            bezoekers_per_dag=10,
            elementen=frozenset({"koffie"}),
        )
    fresh = _fresh(steunpunt)
    assert (fresh.dagdelen_per_week, fresh.bezoekers_per_dag) == (0, None)
    assert not AuditEvent.objects.filter(object_id=str(steunpunt.aanbod.uuid)).exists()


def test_invalid_postcode_is_refused_and_rolls_back_the_other_changes(
    steunpunt, medewerker
):
    with pytest.raises(ValidationError) as info:
        _update(medewerker, steunpunt, dagdelen=NEGEN, adres={"postcode": "abc"})
    assert "postcode" in info.value.message_dict
    fresh = _fresh(steunpunt)
    assert fresh.lsp_type == "onbekend"
    assert not Openingsdagdeel.objects.filter(aanbod=steunpunt.aanbod).exists()
    assert fresh.aanbod.locatie.postcode == "1234 AB"


# --- satellites --------------------------------------------------------------


def test_support_point_becomes_a_satellite_and_back(steunpunt, medewerker, organisatie):
    hoofd = SteunpuntFactory(aanbod__organisatie=organisatie)
    _update(medewerker, steunpunt, hoofdsteunpunt=hoofd)
    assert _fresh(steunpunt).hoofdsteunpunt == hoofd
    assert list(hoofd.satellieten.all()) == [steunpunt]
    _update(medewerker, steunpunt, hoofdsteunpunt_wissen=True)
    assert _fresh(steunpunt).hoofdsteunpunt is None


def test_support_point_cannot_be_its_own_satellite(steunpunt, medewerker):
    with pytest.raises(ValidationError) as info:
        _update(medewerker, steunpunt, hoofdsteunpunt=steunpunt)
    assert list(info.value.message_dict) == ["hoofdsteunpunt"]
    assert _fresh(steunpunt).hoofdsteunpunt is None


def test_satellite_of_a_satellite_is_refused(steunpunt, medewerker, organisatie):
    hoofd = SteunpuntFactory(aanbod__organisatie=organisatie)
    satelliet = SteunpuntFactory(aanbod__organisatie=organisatie, hoofdsteunpunt=hoofd)
    with pytest.raises(ValidationError) as info:
        _update(medewerker, steunpunt, hoofdsteunpunt=satelliet)
    assert list(info.value.message_dict) == ["hoofdsteunpunt"]


def test_main_point_with_satellites_cannot_become_a_satellite(
    steunpunt, medewerker, organisatie
):
    """Otherwise its satellites would be satellites of a satellite."""
    SteunpuntFactory(aanbod__organisatie=organisatie, hoofdsteunpunt=steunpunt)
    ander = SteunpuntFactory(aanbod__organisatie=organisatie)
    with pytest.raises(ValidationError) as info:
        _update(medewerker, steunpunt, hoofdsteunpunt=ander)
    assert list(info.value.message_dict) == ["hoofdsteunpunt"]
    assert _fresh(steunpunt).hoofdsteunpunt is None


# --- elements, offer, target groups, kenmerken -------------------------------


def test_elements_are_set_and_cleared(steunpunt, medewerker):
    assert steunpunt.elementen == ["inloop", "door_en_voor"]
    _update(
        medewerker, steunpunt, elementen=frozenset({"herstelaanbod", "groeivijver"})
    )
    assert _fresh(steunpunt).elementen == ["herstelaanbod", "groeivijver"]
    _update(medewerker, steunpunt, elementen=frozenset())
    assert _fresh(steunpunt).elementen == []


def test_herstelaanbod_and_target_groups_are_replaced(steunpunt, medewerker):
    _update(
        medewerker,
        steunpunt,
        herstelaanbod=frozenset({"wrap", "hop"}),
        herstelaanbod_overig="Schrijfgroep",
        doelgroepen=frozenset({"breed", "naasten"}),
    )
    _update(
        medewerker,
        steunpunt,
        herstelaanbod=frozenset({"hop", "crisiskaart"}),
        doelgroepen=frozenset({"jeugd"}),
    )
    soorten = SteunpuntHerstelaanbod.objects.filter(steunpunt=steunpunt)
    assert sorted(soorten.values_list("soort", flat=True)) == ["crisiskaart", "hop"]
    groepen = AanbodDoelgroep.objects.filter(aanbod=steunpunt.aanbod)
    assert list(groepen.values_list("doelgroep", flat=True)) == ["jeugd"]
    assert _fresh(steunpunt).herstelaanbod_overig == "Schrijfgroep"


def test_kenmerken_are_set_and_cleared(steunpunt, medewerker):
    _update(medewerker, steunpunt, kenmerken={1: "aanwezig", 2: "in_ontwikkeling"})
    stored = KenmerkZelfbeoordeling.objects.filter(steunpunt=steunpunt)
    assert dict(stored.values_list("kenmerk", "status")) == {
        1: "aanwezig",
        2: "in_ontwikkeling",
    }
    assert set(stored.values_list("beoordeeld_op", flat=True)) == {PEILDATUM}
    _update(medewerker, steunpunt, kenmerken={1: "", 2: "aanwezig", 3: ""})
    assert dict(stored.values_list("kenmerk", "status")) == {2: "aanwezig"}


# --- visitors ----------------------------------------------------------------


def test_visitor_count_none_clears_and_unchanged_keeps(steunpunt, medewerker):
    _update(medewerker, steunpunt, bezoekers_per_dag=20, unieke_bezoekers_per_jaar=300)
    _update(medewerker, steunpunt, bezoekers_per_dag=None)
    fresh = _fresh(steunpunt)
    assert fresh.bezoekers_per_dag is None
    assert fresh.unieke_bezoekers_per_jaar == 300
    _update(medewerker, steunpunt, unieke_bezoekers_per_jaar=UNCHANGED)
    assert _fresh(steunpunt).unieke_bezoekers_per_jaar == 300


# --- address -----------------------------------------------------------------


def test_postcode_change_moves_the_location_to_the_pc4_centre(steunpunt, medewerker):
    locatie = steunpunt.aanbod.locatie
    assert (locatie.lat, locatie.lon, locatie.coordinaat_benaderd) == (52.0, 5.0, False)
    _update(medewerker, steunpunt, adres={"postcode": "4331 AB", "straat": "Markt"})
    locatie.refresh_from_db()
    pc4 = Postcodegebied.objects.get(pc4="4331")
    assert (locatie.lat, locatie.lon) == (pc4.lat, pc4.lon) == (51.49986, 3.61371)
    assert locatie.coordinaat_benaderd
    assert (locatie.postcode, locatie.straat) == ("4331 AB", "Markt")


def test_address_change_without_new_postcode_keeps_the_position(steunpunt, medewerker):
    _update(medewerker, steunpunt, adres={"straat": "Markt", "huisnummer": "51"})
    locatie = steunpunt.aanbod.locatie
    locatie.refresh_from_db()
    assert (locatie.lat, locatie.lon, locatie.coordinaat_benaderd) == (52.0, 5.0, False)
    assert locatie.adres == "Markt 51, 1234 AB Teststad"


# --- audit -------------------------------------------------------------------


def test_update_is_audited_with_field_names_only(steunpunt, medewerker):
    _update(
        medewerker,
        steunpunt,
        dagdelen=TWEE,
        bezoekers_per_dag=12,
        adres={"straat": "Geheime Laan", "huisnummer": "7"},
        omschrijving="Een huiskamer voor iedereen.",
        kenmerken={4: "aanwezig"},
    )
    event = AuditEvent.objects.get(event="steunpunt.updated")
    assert event.actor == medewerker
    assert event.object_type == "register.aanbod"
    assert event.object_id == str(steunpunt.aanbod.uuid)
    assert event.extra == {
        "fields": [
            "bezoekers_per_dag",
            "dagdelen",
            "huisnummer",
            "kenmerk_4",
            "omschrijving",
            "straat",
        ]
    }
    text = json.dumps(event.extra)
    for value in ("Geheime Laan", "huiskamer", medewerker.username, "12"):
        assert value not in text


def test_update_that_changes_nothing_is_not_audited(steunpunt, medewerker):
    _update(
        medewerker,
        steunpunt,
        bezoekers_per_dag=None,
        elementen=frozenset(steunpunt.elementen),
    )
    assert not AuditEvent.objects.filter(event="steunpunt.updated").exists()


# --- manual type -------------------------------------------------------------


def test_manual_type_needs_a_reason(steunpunt, medewerker):
    with pytest.raises(ValidationError) as info:
        steunpunt_type_override(
            user=medewerker, steunpunt=steunpunt, lsp_type_code="groot", reden="  "
        )
    assert list(info.value.message_dict) == ["type_handmatig_reden"]
    assert _fresh(steunpunt).type_handmatig == ""


def test_unknown_manual_type_is_refused(steunpunt, medewerker):
    with pytest.raises(ValidationError) as info:
        steunpunt_type_override(
            user=medewerker, steunpunt=steunpunt, lsp_type_code="xl", reden="groot"
        )
    assert list(info.value.message_dict) == ["type_handmatig"]


def test_manual_type_wins_until_cleared(medewerker, organisatie):
    steunpunt = SteunpuntFactory(aanbod__organisatie=organisatie, dagdelen=list(TWEE))
    steunpunt_type_override(
        user=medewerker,
        steunpunt=steunpunt,
        lsp_type_code="groot",
        reden="Open in de avonden via een partner",
    )
    fresh = _fresh(steunpunt)
    assert (fresh.lsp_type, fresh.type_afgeleid) == ("groot", "klein")
    assert fresh.type_handmatig_reden == "Open in de avonden via een partner"
    # A later change of schedule keeps the manual type …
    _update(medewerker, fresh, dagdelen=VIJF)
    fresh = _fresh(steunpunt)
    assert (fresh.lsp_type, fresh.type_afgeleid) == ("groot", "middel")
    # … until it is cleared, when the derived type counts again.
    steunpunt_type_override(
        user=medewerker, steunpunt=fresh, lsp_type_code="", reden=""
    )
    fresh = _fresh(steunpunt)
    assert (fresh.lsp_type, fresh.type_handmatig, fresh.type_handmatig_reden) == (
        "middel",
        "",
        "",
    )
    events = AuditEvent.objects.filter(event="steunpunt.type_overridden")
    assert [e.extra for e in events.order_by("id")] == [{"type": "groot"}, {"type": ""}]


def test_manual_type_by_another_organisation_is_refused(steunpunt):
    other = _user("lsp_medewerker", OrganisatieFactory())
    with pytest.raises(PermissionDenied):
        steunpunt_type_override(
            user=other, steunpunt=steunpunt, lsp_type_code="groot", reden="waarom niet"
        )


# --- afwegingskader ----------------------------------------------------------

ALLE_JA = {
    "online_vindbaar": True,
    "fysieke_locatie_open": True,
    "geen_hulpverlening": True,
    "mentale_gezondheid": True,
    "herstelaanbod_aanwezig": True,
    "laagdrempelig_toegankelijk": True,
}


def test_afweging_needs_the_add_afweging_permission(steunpunt, medewerker):
    assert not medewerker.has_perm("register.add_afweging")
    with pytest.raises(PermissionDenied):
        afweging_record(
            user=medewerker,
            steunpunt=steunpunt,
            beoordeeld_op=PEILDATUM,
            antwoorden=ALLE_JA,
        )
    assert not Afweging.objects.filter(steunpunt=steunpunt).exists()


def test_all_six_yes_put_the_support_point_on_the_base_list(steunpunt):
    monitor = _user("landelijk_monitor")
    afweging = afweging_record(
        user=monitor,
        steunpunt=steunpunt,
        beoordeeld_op=PEILDATUM,
        antwoorden=ALLE_JA,
        toelichting="Bezoek ter plaatse",
    )
    afweging.refresh_from_db()
    assert afweging.op_basislijst is True
    assert afweging.beoordeeld_door == str(monitor)
    assert all(getattr(afweging, f) is True for f in ALLE_JA)
    event = AuditEvent.objects.get(event="afweging.recorded")
    assert event.extra == {"op_basislijst": True}
    assert event.object_id == str(steunpunt.aanbod.uuid)


@pytest.mark.parametrize(
    ("antwoorden", "expected"),
    [
        ({**ALLE_JA, "geen_hulpverlening": False}, False),
        ({**ALLE_JA, "online_vindbaar": None}, None),
        ({"mentale_gezondheid": True}, None),
    ],
)
def test_a_no_or_an_open_answer_keeps_it_off_the_list(steunpunt, antwoorden, expected):
    afweging = afweging_record(
        user=_user("landelijk_monitor"),
        steunpunt=steunpunt,
        beoordeeld_op=PEILDATUM,
        antwoorden=antwoorden,
    )
    afweging.refresh_from_db()
    assert afweging.op_basislijst is expected


def test_unknown_question_is_refused(steunpunt):
    with pytest.raises(ValidationError) as info:
        afweging_record(
            user=_user("landelijk_monitor"),
            steunpunt=steunpunt,
            beoordeeld_op=PEILDATUM,
            antwoorden={**ALLE_JA, "gezellig": True},
        )
    assert list(info.value.message_dict) == ["antwoorden"]
    assert "gezellig" in str(info.value)
