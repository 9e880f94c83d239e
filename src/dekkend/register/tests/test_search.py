# SPDX-License-Identifier: EUPL-1.2
"""The public search's snapshot (register/search.py): constant queries, the
same answer as the serializers, invalidation on writes; contact details and
the honest distance (position source, water crossings)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from rest_framework.test import APIClient

from dekkend.accounts.roles import role_group
from dekkend.register import afstand, search
from dekkend.register.api.serializers import SteunpuntSerializer
from dekkend.register.contact import contact_for
from dekkend.register.models import Aanbod, Steunpunt
from dekkend.register.selectors import steunpunt_queryset
from dekkend.register.services import SteunpuntWijziging, steunpunt_update
from dekkend.register.tests.factories import (
    OrganisatieLidFactory,
    SteunpuntFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/steunpunten/zoeken/"
MIDDELBURG = "Hersteltalent - Zelfregiecentrum Middelburg"
TEXEL_PC4 = "1791"  # Den Burg


@pytest.fixture
def api():
    search.clear()
    return APIClient()


CASES = [
    {"postcode": "4331"},
    {"postcode": "1012", "limit": 25},
    {"postcode": "9712 CP", "type": "klein"},
    {"postcode": "6211", "element": "herstelaanbod"},
    {"postcode": "3511", "doelgroep": "jeugd"},
    {"postcode": "8011", "peildatum": "2024-01-01"},
    {"gemeente": "GM0687", "type": "groot"},
]


@pytest.mark.parametrize("params", CASES)
def test_a_warm_search_costs_at_most_two_queries(api, params):
    assert api.get(SEARCH, {"postcode": "1011"}).status_code == 200  # warm
    with CaptureQueriesContext(connection) as queries:
        response = api.get(SEARCH, params)
    assert response.status_code == 200, response.content
    assert len(queries) <= 2, [q["sql"] for q in queries.captured_queries]


def test_the_query_count_does_not_grow_with_the_answer(
    api, django_assert_max_num_queries
):
    api.get(SEARCH, {"postcode": "4331"})
    for limit in (1, 10, 50):
        with django_assert_max_num_queries(2):
            body = api.get(SEARCH, {"postcode": "4331", "limit": limit}).json()
        assert len(body["resultaten"]) == limit


def test_the_snapshot_answers_as_the_serializer_and_the_database_path(api):
    body = api.get(SEARCH, {"postcode": "4331", "limit": 15}).json()
    uuids = [r["steunpunt"]["uuid"] for r in body["resultaten"]]
    by_uuid = {
        str(s.aanbod.uuid): s
        for s in steunpunt_queryset(peildatum=timezone.localdate()).filter(
            aanbod__uuid__in=uuids
        )
    }
    for r in body["resultaten"]:
        assert (
            r["steunpunt"] == SteunpuntSerializer(by_uuid[r["steunpunt"]["uuid"]]).data
        )
    # A free-text filter takes the database path; same rows, same shape.
    slow = api.get(SEARCH, {"postcode": "4331", "limit": 15, "q": "e"}).json()
    fast_by_uuid = {r["steunpunt"]["uuid"]: r for r in body["resultaten"]}
    for r in slow["resultaten"]:
        if r["steunpunt"]["uuid"] in fast_by_uuid:
            assert r == fast_by_uuid[r["steunpunt"]["uuid"]]


def test_prepared_rows_equal_the_serializer_for_every_support_point():
    SteunpuntFactory(
        aanbod__telefoon="0118 123456",
        aanbod__contactpersoon="Anna",
        type_handmatig="groot",
        type_handmatig_reden="telling",
        dagdelen=[(1, "ochtend"), (2, "avond")],
    )
    rows = search._load(0).rows
    assert len(rows) >= 319
    for row in rows:
        assert row.api == SteunpuntSerializer(row.steunpunt).data


def test_results_are_nearest_first_and_respect_filters(api):
    klein = SteunpuntFactory(
        lsp_type="klein", aanbod__locatie__lat=51.5, aanbod__locatie__lon=3.61
    )
    body = api.get(SEARCH, {"postcode": "4331", "limit": 20}).json()
    afstanden = [r["afstandKm"] for r in body["resultaten"]]
    assert len(afstanden) == 20 and afstanden == sorted(afstanden)
    body = api.get(SEARCH, {"postcode": "4331", "type": "klein", "limit": 20}).json()
    assert {r["steunpunt"]["lspType"] for r in body["resultaten"]} == {"klein"}
    assert str(klein.aanbod.uuid) in {
        r["steunpunt"]["uuid"] for r in body["resultaten"]
    }
    steunpunt = SteunpuntFactory(aanbod__locatie__lat=51.5, aanbod__locatie__lon=3.61)
    steunpunt.aanbod.doelgroepen.create(doelgroep="jeugd")
    body = api.get(SEARCH, {"postcode": "4331", "doelgroep": "jeugd"}).json()
    with_doelgroep = set(
        Aanbod.objects.filter(doelgroepen__doelgroep="jeugd").values_list(
            "uuid", flat=True
        )
    )
    uuids = [r["steunpunt"]["uuid"] for r in body["resultaten"]]
    assert str(steunpunt.aanbod.uuid) in uuids
    assert {str(u) for u in with_doelgroep} >= set(uuids)


def test_a_write_in_another_process_invalidates_the_snapshot(api):
    """The token row is what other processes read: a write changes it, and
    the next search rebuilds from the database."""
    first = api.get(SEARCH, {"postcode": "4331", "limit": 1}).json()["resultaten"][0]
    assert first["steunpunt"]["naam"] == MIDDELBURG
    token = search.current_token()
    Aanbod.objects.filter(naam=MIDDELBURG).update(telefoon="0118 123456")
    # .update() sends no signal: the snapshot still answers the old value...
    again = api.get(SEARCH, {"postcode": "4331", "limit": 1}).json()["resultaten"][0]
    assert again["steunpunt"]["telefoon"] == ""
    search.register_changed()  # ...until a writer stores a new token
    assert search.current_token() != token
    now = api.get(SEARCH, {"postcode": "4331", "limit": 1}).json()["resultaten"][0]
    assert now["steunpunt"]["telefoon"] == "0118 123456"


def test_a_stopped_support_point_leaves_the_search_at_once(api):
    api.get(SEARCH, {"postcode": "4331"})
    aanbod = Aanbod.objects.get(naam=MIDDELBURG)
    aanbod.status = "gestopt"
    aanbod.save()  # signal -> new token
    names = [
        r["steunpunt"]["naam"]
        for r in api.get(SEARCH, {"postcode": "4331"}).json()["resultaten"]
    ]
    assert MIDDELBURG not in names


# -- contact details ---------------------------------------------------------


def _medewerker(steunpunt: Steunpunt):
    user = UserFactory()
    user.groups.add(role_group("lsp_medewerker"))
    OrganisatieLidFactory(user=user, organisatie=steunpunt.aanbod.organisatie)
    return user


def test_service_stores_contact_details_and_the_search_shows_them(api):
    steunpunt = SteunpuntFactory(aanbod__locatie__lat=51.5, aanbod__locatie__lon=3.61)
    api.get(SEARCH, {"postcode": "4331"})  # a snapshot from before
    steunpunt_update(
        user=_medewerker(steunpunt),
        steunpunt=steunpunt,
        wijziging=SteunpuntWijziging(
            contact={
                "telefoon": "0118 123456",
                "email": "inloop@voorbeeld.nl",
                "website": "https://www.voorbeeld.nl",
                "contactpersoon": "Anna, ervaringsdeskundige",
            }
        ),
        peildatum=date(2026, 1, 1),
    )
    steunpunt.aanbod.refresh_from_db()
    assert steunpunt.aanbod.contactpersoon == "Anna, ervaringsdeskundige"
    body = api.get(SEARCH, {"postcode": "4331", "limit": 50}).json()
    row = next(
        r["steunpunt"]
        for r in body["resultaten"]
        if r["steunpunt"]["uuid"] == str(steunpunt.aanbod.uuid)
    )
    assert row["telefoon"] == "0118 123456"
    assert row["email"] == "inloop@voorbeeld.nl"
    assert row["website"] == "https://www.voorbeeld.nl"
    assert row["contactpersoon"] == "Anna, ervaringsdeskundige"


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [
        ("telefoon", "bel me"),
        ("telefoon", "0118"),
        ("email", "geen-adres"),
        ("website", "javascript:alert(1)"),
        ("website", "www zonder schema"),
    ],
)
def test_bad_contact_details_name_the_field_and_write_nothing(veld, waarde):
    steunpunt = SteunpuntFactory()
    with pytest.raises(ValidationError) as exc:
        steunpunt_update(
            user=_medewerker(steunpunt),
            steunpunt=steunpunt,
            wijziging=SteunpuntWijziging(
                contact={"contactpersoon": "Piet", veld: waarde}
            ),
            peildatum=date(2026, 1, 1),
        )
    assert veld in exc.value.message_dict
    steunpunt.aanbod.refresh_from_db()
    assert steunpunt.aanbod.contactpersoon == ""


def test_contact_falls_back_to_the_organisation_then_the_gemeente():
    steunpunt = SteunpuntFactory(aanbod__telefoon="", aanbod__website="")
    org = steunpunt.aanbod.organisatie
    org.telefoon, org.website, org.email = "", "", ""
    assert contact_for(steunpunt.aanbod).via == "gemeente"
    org.website = "https://org.example"
    contact = contact_for(steunpunt.aanbod)
    assert (contact.via, contact.website) == ("organisatie", "https://org.example")
    steunpunt.aanbod.telefoon = "+31 118 123456"
    contact = contact_for(steunpunt.aanbod)
    assert contact.via == "steunpunt" and contact.website == ""
    assert contact.telefoon_href == "tel:+31118123456"


# -- distances -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("van", "naar", "verwacht"),
    [
        ("GM0448", "GM0400", afstand.EILAND),  # Texel -> Den Helder
        ("GM0400", "GM0448", afstand.EILAND),
        ("GM0448", "GM0448", None),
        ("GM0096", "GM0093", afstand.EILAND),  # Vlieland -> Terschelling
        ("GM0715", "GM0687", afstand.WESTERSCHELDE),  # Terneuzen -> Middelburg
        ("GM0715", "GM1714", None),  # within Zeeuws-Vlaanderen
        ("GM0687", "GM0654", None),  # Walcheren -> Borsele: land
        ("GM0363", "GM0344", None),
        (None, "GM0448", None),
    ],
)
def test_water_crossing(van, naar, verwacht):
    assert afstand.water_crossing(van, naar) == verwacht


def test_search_from_texel_marks_the_mainland_as_over_water(api):
    body = api.get(SEARCH, {"postcode": TEXEL_PC4, "limit": 10}).json()
    for r in body["resultaten"]:
        op_texel = r["steunpunt"]["gemeente"]["code"] == "GM0448"
        assert r["overWater"] is (not op_texel), r
        assert r["waterovergang"] == (None if op_texel else afstand.EILAND)
    assert any(r["overWater"] for r in body["resultaten"])


def test_search_says_what_the_distance_is_measured_to(api):
    body = api.get(SEARCH, {"postcode": "4331"}).json()
    first = body["resultaten"][0]
    # The 2025 list has no addresses: its positions are gemeente centres.
    assert first["steunpunt"]["positieBron"] == "gemeente"


def test_the_gemeente_select_renders_as_djangos_select():
    import re

    from django import forms

    from dekkend.register.forms import ZoekForm

    def options(html: str) -> list[tuple[str, bool, str]]:
        return [
            (v, bool(sel), label.strip())
            for v, sel, label in re.findall(
                r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html
            )
        ]

    form = ZoekForm({"gemeente": "GM0687"})
    snel = str(form["gemeente"])
    field = form.fields["gemeente"]
    gewoon = forms.Select(choices=field.choices).render(
        "gemeente", "GM0687", {"id": "id_gemeente"}
    )
    assert options(snel) == options(gewoon)
    assert len(options(snel)) == 343  # empty choice and 342 gemeenten
    assert [o for o in options(snel) if o[1]] == [
        ("GM0687", True, "Middelburg (Z.)")
    ], [o for o in options(snel) if o[0] == "GM0687"]
    assert snel.startswith("<select ") and 'id="id_gemeente"' in snel
    assert 'name="gemeente"' in snel
