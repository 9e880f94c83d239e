# SPDX-License-Identifier: EUPL-1.2
"""Pages: public search and detail, the region pages, and the LSP staff's own
support points with the edit form."""

import uuid
from urllib.parse import quote

from django.test import Client

import pytest

from dekkend.accounts.roles import role_group
from dekkend.audit.models import AuditEvent
from dekkend.regions.constants import INDELING_LSP_MONITOR, INDELING_ZORGKANTOOR
from dekkend.regions.models import Indeling
from dekkend.register.models import Openingsdagdeel, Steunpunt
from dekkend.register.tests.factories import (
    OrganisatieFactory,
    OrganisatieLidFactory,
    SteunpuntFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MIDDELBURG = "Hersteltalent - Zelfregiecentrum Middelburg"


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def organisatie():
    return OrganisatieFactory(naam="Stichting Eigen Kracht")


@pytest.fixture
def eigen(organisatie):
    return [
        SteunpuntFactory(
            aanbod__organisatie=organisatie, aanbod__naam="Eigen huiskamer"
        ),
        SteunpuntFactory(aanbod__organisatie=organisatie, aanbod__naam="Eigen inloop"),
    ]


@pytest.fixture
def medewerker(organisatie):
    user = UserFactory()
    user.groups.add(role_group("lsp_medewerker"))
    OrganisatieLidFactory(user=user, organisatie=organisatie)
    return user


def _text(response) -> str:
    return response.content.decode()


# --- search ------------------------------------------------------------------


def test_empty_search_page_shows_the_form_without_results(client):
    response = client.get("/steunpunten/")
    assert response.status_code == 200
    assert response.context["resultaten"] is None
    assert 'name="postcode"' in _text(response)
    assert not response.context["form"].errors


def test_search_by_postcode_lists_the_nearest_support_points(client):
    response = client.get("/steunpunten/", {"postcode": "4331"})
    assert response.status_code == 200
    resultaten = response.context["resultaten"]
    assert len(resultaten) == 10
    assert resultaten[0].steunpunt.aanbod.naam == MIDDELBURG
    afstanden = [r.afstand_km for r in resultaten]
    assert afstanden == sorted(afstanden)
    text = _text(response)
    assert MIDDELBURG in text
    assert "10 steunpunten dichtbij 4331 Middelburg" in text
    assert "<svg" in text


def test_search_by_postcode_with_a_type_filter_finds_nothing_yet(client):
    response = client.get("/steunpunten/", {"postcode": "4331", "type": "groot"})
    assert response.context["resultaten"] == []
    assert "Geen steunpunten gevonden met deze keuzes." in _text(response)


def test_something_that_is_no_postcode_gives_a_dutch_error_and_no_results(client):
    response = client.get("/steunpunten/", {"postcode": "abc"})
    assert response.status_code == 200
    assert response.context["resultaten"] is None
    assert "Dit is geen geldige postcode" in _text(response)
    assert 'aria-invalid="true"' in _text(response)


def test_unknown_postcode_gives_a_dutch_error_and_no_results(client):
    # 1000 is well-formed but no PC4 area (9999 is: Stitswerd).
    response = client.get("/steunpunten/", {"postcode": "1000"})
    assert response.status_code == 200
    assert response.context["resultaten"] is None
    assert "Deze postcode kennen we niet." in _text(response)


def test_submitting_an_empty_form_asks_for_postcode_or_gemeente(client):
    response = client.get("/steunpunten/", {"postcode": "", "gemeente": ""})
    assert response.status_code == 200
    assert response.context["resultaten"] is None
    assert "Vul een postcode in of kies een gemeente." in _text(response)


def test_search_by_gemeente_starts_at_its_centre_and_marks_it_on_the_map(client):
    response = client.get("/steunpunten/", {"gemeente": "GM0687"})
    assert response.status_code == 200
    assert response.context["herkomst"].omschrijving == "Middelburg (Z.)"
    assert response.context["resultaten"][0].steunpunt.aanbod.naam == MIDDELBURG
    assert response.context["resultaten"][0].afstand_km == 0.0
    kaart = response.context["kaart"]
    assert [v.naam for v in kaart.vlakken if v.klasse == "gemeente--gekozen"] == [
        "Middelburg (Z.)"
    ]


def test_unknown_gemeente_is_a_form_error(client):
    response = client.get("/steunpunten/", {"gemeente": "GM0000"})
    assert response.status_code == 200
    assert response.context["resultaten"] is None
    assert response.context["form"].errors["gemeente"]


# --- detail ------------------------------------------------------------------


def test_detail_page_of_a_real_support_point(client):
    steunpunt = Steunpunt.objects.select_related("aanbod").get(aanbod__naam=MIDDELBURG)
    response = client.get(f"/steunpunten/{steunpunt.aanbod.uuid}/")
    assert response.status_code == 200
    text = _text(response)
    assert MIDDELBURG in text
    assert "Hersteltalent" in text
    assert "De plek op de kaart is bij benadering." in text
    assert "De openingstijden zijn nog niet ingevuld." in text
    assert "Gegevens bijwerken" not in text  # anonymous visitors cannot edit


def test_detail_page_shows_the_schedule_and_the_derived_type(client):
    steunpunt = SteunpuntFactory(dagdelen=[(1, "ochtend"), (3, "middag"), (5, "avond")])
    text = _text(client.get(f"/steunpunten/{steunpunt.aanbod.uuid}/"))
    assert "LSP klein (type 3)" in text
    assert "afgeleid uit 3 dagdelen per week" in text
    assert text.count("✔") == 3


def test_detail_page_of_a_stopped_support_point_says_so(client):
    steunpunt = SteunpuntFactory(aanbod__status="gestopt")
    response = client.get(f"/steunpunten/{steunpunt.aanbod.uuid}/")
    assert response.status_code == 200
    assert "Status: gestopt." in _text(response)


def test_unknown_support_point_is_404(client):
    assert client.get(f"/steunpunten/{uuid.uuid4()}/").status_code == 404


# --- regions -----------------------------------------------------------------


def test_divisions_page_lists_every_division(client):
    response = client.get("/regios/")
    assert response.status_code == 200
    text = _text(response)
    for indeling in Indeling.objects.all():
        assert f'href="/regios/{indeling.naam}/"' in text
    assert "onvolledig" in text  # the monitor division


def test_zorgkantoor_division_page_links_its_31_regions(client):
    response = client.get(f"/regios/{INDELING_ZORGKANTOOR}/")
    assert response.status_code == 200
    assert _text(response).count(f'href="/regios/{INDELING_ZORGKANTOOR}/ZK') == 31


@pytest.mark.parametrize(
    "naam",
    ["zorgkantoorregio-2025", "ggd-regio-2022", "provincie-2025", "lsp-monitor-2025"],
)
def test_every_division_page_renders(client, naam):
    response = client.get(f"/regios/{naam}/")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("indeling", "code", "naam"),
    [
        ("zorgkantoorregio-2025", "ZK01", "Amstelland en De Meerlanden"),
        ("ggd-regio-2022", "GGD Amsterdam", "GGD Amsterdam"),
        (
            "ggd-regio-2022",
            "Dienst Gezondheid & Jeugd ZHZ",
            "Dienst Gezondheid &amp; Jeugd ZHZ",
        ),
        ("ggd-regio-2022", "GGD Zaanstreek/Waterland", "GGD Zaanstreek/Waterland"),
        ("provincie-2025", "PV30", "Noord-Brabant"),
        ("lsp-monitor-2025", "achterhoek", "Achterhoek"),
    ],
)
def test_a_region_page_opens_for_every_division(client, indeling, code, naam):
    """The region codes are those of the reference files; GGD regions have
    their name as code (data README)."""
    response = client.get(f"/regios/{indeling}/{quote(code)}/")
    assert response.status_code == 200
    assert f"<h1>{naam}</h1>" in _text(response)


def test_unknown_division_is_404(client):
    assert client.get("/regios/iza-2026/").status_code == 404


def test_region_page_lists_gemeenten_and_marks_those_without_lsp(client):
    response = client.get(f"/regios/{INDELING_ZORGKANTOOR}/ZK27/")
    assert response.status_code == 200
    text = _text(response)
    assert "<h1>Zeeland</h1>" in text
    assert "13 gemeenten, 391.634 inwoners, 12 LSP-locaties." in text
    assert "4 gemeenten hebben nog geen LSP." in text
    assert text.count('class="zonder-lsp"') == 4
    for naam in ("Noord-Beveland", "Reimerswaal", "Tholen", "Veere", "Middelburg (Z.)"):
        assert naam in text
    kaart = response.context["kaart"]
    assert len(kaart.vlakken) == 13
    assert sum(v.klasse == "gemeente--zonder" for v in kaart.vlakken) == 4


def test_monitor_region_page_shows_table_4_and_warns_it_is_incomplete(client):
    response = client.get(f"/regios/{INDELING_LSP_MONITOR}/zeeland/")
    assert response.status_code == 200
    text = _text(response)
    assert "De monitor telde 12 LSP-locaties: 0 groot, 2 middel en 10 klein." in text
    assert "Deze indeling is onvolledig" in text


def test_unknown_region_is_404(client):
    assert client.get(f"/regios/{INDELING_ZORGKANTOOR}/ZK05/").status_code == 404


# --- my support points -------------------------------------------------------


def test_my_support_points_redirects_anonymous_visitors_to_login(client):
    response = client.get("/mijn/steunpunten/")
    assert response.status_code == 302
    assert response["Location"] == "/account/inloggen/?next=/mijn/steunpunten/"


def test_lsp_staff_see_only_their_organisations_support_points(
    client, eigen, medewerker
):
    SteunpuntFactory(aanbod__naam="Andermans plek")
    client.force_login(medewerker)
    response = client.get("/mijn/steunpunten/")
    assert response.status_code == 200
    names = [s.aanbod.naam for s in response.context["steunpunten"]]
    assert names == ["Eigen huiskamer", "Eigen inloop"]
    text = _text(response)
    assert "Andermans plek" not in text
    assert MIDDELBURG not in text


def test_user_without_organisation_sees_an_explanation(client):
    user = UserFactory()
    user.groups.add(role_group("lsp_medewerker"))
    client.force_login(user)
    response = client.get("/mijn/steunpunten/")
    assert "U beheert (nog) geen steunpunten." in _text(response)


def test_detail_page_offers_editing_to_the_own_staff(client, eigen, medewerker):
    client.force_login(medewerker)
    text = _text(client.get(f"/steunpunten/{eigen[0].aanbod.uuid}/"))
    assert f"/mijn/steunpunten/{eigen[0].aanbod.uuid}/bewerken/" in text


# --- the edit form -----------------------------------------------------------


def _form(**overrides) -> dict:
    data = {
        "dagdelen": ["1-ochtend", "1-middag", "2-ochtend", "2-middag", "4-avond"],
        "openingstijden_toelichting": "Dinsdag ook 's avonds",
        "bezoekers_per_dag": "15",
        "unieke_bezoekers_per_jaar": "",
        "elementen": ["inloop", "door_en_voor", "herstelaanbod"],
        "herstelaanbod": ["wrap"],
        "herstelaanbod_overig": "",
        "doelgroepen": ["breed"],
        "hoofdsteunpunt": "",
        "straat": "Markt",
        "huisnummer": "1",
        "postcode": "4331 ab",
        "plaats": "Middelburg",
        "omschrijving": "",
        "kenmerk_1": "aanwezig",
    }
    data.update(overrides)
    return data


def test_edit_form_is_shown_with_the_current_values(client, eigen, medewerker):
    client.force_login(medewerker)
    response = client.get(f"/mijn/steunpunten/{eigen[0].aanbod.uuid}/bewerken/")
    assert response.status_code == 200
    assert response.context["form"]["straat"].value() == "Stationsstraat"
    # Only main points of the same organisation can be chosen as main point.
    choices = list(response.context["form"].fields["hoofdsteunpunt"].queryset)
    assert choices == [eigen[1]]


def test_valid_post_saves_and_redirects_to_the_detail_page(client, eigen, medewerker):
    steunpunt = eigen[0]
    client.force_login(medewerker)
    url = f"/mijn/steunpunten/{steunpunt.aanbod.uuid}/bewerken/"
    response = client.post(url, _form())
    assert response.status_code == 302
    assert response["Location"] == f"/steunpunten/{steunpunt.aanbod.uuid}/"
    fresh = Steunpunt.objects.select_related("aanbod__locatie").get(pk=steunpunt.pk)
    assert (fresh.dagdelen_per_week, fresh.lsp_type) == (5, "middel")
    assert fresh.bezoekers_per_dag == 15
    assert fresh.elementen == ["inloop", "door_en_voor", "herstelaanbod"]
    assert fresh.aanbod.locatie.postcode == "4331 AB"
    assert (fresh.aanbod.locatie.lat, fresh.aanbod.locatie.lon) == (51.49986, 3.61371)
    assert Openingsdagdeel.objects.filter(aanbod=steunpunt.aanbod).count() == 5
    assert AuditEvent.objects.filter(
        event="steunpunt.updated", object_id=str(steunpunt.aanbod.uuid)
    ).exists()
    page = client.get(response["Location"])
    assert "De gegevens van Eigen huiskamer zijn opgeslagen." in _text(page)


def test_invalid_postcode_returns_400_with_the_error_summary(client, eigen, medewerker):
    steunpunt = eigen[0]
    client.force_login(medewerker)
    url = f"/mijn/steunpunten/{steunpunt.aanbod.uuid}/bewerken/"
    response = client.post(url, _form(postcode="12345"))
    assert response.status_code == 400
    text = _text(response)
    assert "Controleer de volgende velden" in text
    assert "Vul een postcode in als 1234 AB." in text
    assert 'href="#id_postcode"' in text
    assert not Openingsdagdeel.objects.filter(aanbod=steunpunt.aanbod).exists()


def test_negative_visitor_count_returns_400(client, eigen, medewerker):
    client.force_login(medewerker)
    url = f"/mijn/steunpunten/{eigen[0].aanbod.uuid}/bewerken/"
    response = client.post(url, _form(bezoekers_per_dag="-3"))
    assert response.status_code == 400
    assert response.context["form"].errors["bezoekers_per_dag"]


def test_editing_another_organisations_support_point_is_forbidden(
    client, eigen, medewerker
):
    ander = SteunpuntFactory(aanbod__naam="Andermans plek")
    client.force_login(medewerker)
    url = f"/mijn/steunpunten/{ander.aanbod.uuid}/bewerken/"
    assert client.get(url).status_code == 403
    assert client.post(url, _form()).status_code == 403
    assert not Openingsdagdeel.objects.filter(aanbod=ander.aanbod).exists()


def test_edit_page_redirects_anonymous_visitors_to_login(client, eigen):
    url = f"/mijn/steunpunten/{eigen[0].aanbod.uuid}/bewerken/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/?next=")


def test_edit_page_of_unknown_support_point_is_404(client, medewerker):
    client.force_login(medewerker)
    assert client.get(f"/mijn/steunpunten/{uuid.uuid4()}/bewerken/").status_code == 404


# --- language ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/steunpunten/?postcode=4331", "/regios/", "/regios/zorgkantoorregio-2025/ZK27/"],
)
def test_pages_render_in_english_from_the_accept_language_header(client, url):
    response = client.get(url, headers={"accept-language": "en"})
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert '<html lang="en"' in _text(response)


def test_pages_render_in_english_from_the_language_cookie(client):
    client.cookies["django_language"] = "en"
    response = client.get("/steunpunten/?postcode=4331")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert MIDDELBURG in _text(response)


def test_dutch_is_the_default_language(client):
    response = client.get("/steunpunten/")
    assert response["Content-Language"] == "nl"
