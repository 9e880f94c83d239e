# SPDX-License-Identifier: EUPL-1.2
"""Coverage pages: the national overview per division, and a region's page
with totals, per-gemeente table, targets with sources, parameters, map and
bars; forms for region members only (deviation, actual figure, storing a run),
with permission tests for anonymous users, other regions and other roles."""

import re
from urllib.parse import quote

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import pytest

from dekkend.accounts.roles import role_group
from dekkend.coverage.models import AnalysisRun, ParameterAfwijking, Realisatie
from dekkend.regions.constants import INDELING_GGD, INDELING_ZORGKANTOOR
from dekkend.regions.models import Regio, RegioLid
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ZEELAND_URL = "/dekking/zorgkantoorregio-2025/ZK27/"
ZEELAND_GEMEENTEN = (
    "Borsele",
    "Goes",
    "Hulst",
    "Kapelle",
    "Middelburg",
    "Noord-Beveland",
    "Reimerswaal",
    "Schouwen-Duiveland",
    "Sluis",
    "Terneuzen",
    "Tholen",
    "Veere",
    "Vlissingen",
)


@pytest.fixture
def zeeland() -> Regio:
    return Regio.objects.select_related("indeling").get(
        indeling__naam=INDELING_ZORGKANTOOR, code="ZK27"
    )


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _user(role: str | None, *regios: Regio):
    user = UserFactory()
    if role:
        user.groups.add(role_group(role))
    for regio in regios:
        RegioLid.objects.create(user=user, regio=regio)
    return user


@pytest.fixture
def lid(zeeland):
    return _user("regio", zeeland)


def _text(response) -> str:
    return response.content.decode()


def _afwijking(**overrides: str) -> dict[str, str]:
    return {
        "actie": "afwijking",
        "sleutel": "capaciteit_onbekend",
        "waarde": "100",
        "reden": "Geteld: de meeste LSP in Zeeland zijn groter dan klein.",
    } | overrides


# --- national overview -------------------------------------------------------


def test_overview_defaults_to_zorgkantoor_regions_with_links():
    response = _client().get("/dekking/")
    assert response.status_code == 200
    assert response.context["indeling"].naam == INDELING_ZORGKANTOOR
    totals = response.context["totals"]
    assert len(totals) == 31
    assert sum(t.inwoners for t, *_ in totals) == 17_942_942
    zeeland = next(t for t, *_ in totals if t.regio == "Zeeland")
    assert zeeland.inwoners == 391_634
    assert zeeland.gemeenten == 13
    assert zeeland.gemeenten_zonder_lsp == 4
    text = _text(response)
    assert f'href="{ZEELAND_URL}"' in text
    assert text.count('href="/dekking/zorgkantoorregio-2025/') >= 31
    assert 'class="kaart"' in text


def test_overview_by_ggd_region_links_names_with_slashes_and_spaces():
    response = _client().get("/dekking/", {"indeling": INDELING_GGD})
    assert response.status_code == 200
    assert response.context["indeling"].naam == INDELING_GGD
    assert len(response.context["totals"]) == 25
    href = reverse(
        "coverage:regio",
        kwargs={"indeling": INDELING_GGD, "code": "GGD Zaanstreek/Waterland"},
    )
    assert href == "/dekking/ggd-regio-2022/GGD%20Zaanstreek/Waterland/"
    assert f'href="{href}"' in _text(response)


def test_overview_of_unknown_division_is_404():
    assert _client().get("/dekking/", {"indeling": "bestaat-niet"}).status_code == 404


# --- region page: content ----------------------------------------------------


def test_region_page_shows_totals_and_every_gemeente():
    response = _client().get(ZEELAND_URL)
    assert response.status_code == 200
    text = _text(response)
    assert re.search(r"<h1>\s*Dekking Zeeland\s*</h1>", text)
    data = response.context["data"]
    assert data["inwoners"] == 391_634
    assert len(response.context["gemeenten"]) == 13
    assert "391634" in text or "391.634" in text
    for naam in ZEELAND_GEMEENTEN:
        assert naam in text
    assert text.count("geen LSP") == 4


def test_region_page_shows_targets_with_their_sources():
    response = _client().get(ZEELAND_URL)
    text = _text(response)
    assert 'id="streefwaarden"' in text
    rows = response.context["streefwaarden"]
    assert len(rows) == 12
    assert all(r.bron for r in rows)
    verwijzingen = next(r for r in rows if r.label == "Verwijzingen per jaar")
    assert verwijzingen.waarde == "2.349,8"
    assert "003 §7 en 004 Sociaal verwijzen" in text
    assert "Nu Niet Zwanger" in text


def test_region_page_shows_parameters_with_their_sources():
    response = _client().get(ZEELAND_URL)
    text = _text(response)
    assert 'id="uitgangspunten"' in text
    assert "Capaciteit LSP van onbekend type" in text
    assert "001 tabel 3" in text


def test_region_page_draws_a_map_and_bars():
    text = _text(_client().get(ZEELAND_URL))
    svg = re.search(r'<svg class="kaart".*?</svg>', text, re.S)
    assert svg is not None
    assert svg.group(0).count("<path") == 13  # the gemeenten of Zeeland
    assert svg.group(0).count("<circle") == 12  # the LSPs of Zeeland
    assert svg.group(0).count('<path class="gemeente gemeente--zonder"') == 4
    # The accessible name says which gemeenten lack an LSP.
    assert (
        "Kaart van Zeeland: 13 gemeenten, 4 zonder LSP: Noord-Beveland, "
        "Reimerswaal, Tholen en Veere." in svg.group(0)
    )
    assert 'class="balken"' in text
    assert text.count('class="balk"') == 13


def test_region_page_links_the_exports():
    text = _text(_client().get(ZEELAND_URL))
    for formaat in ("xlsx", "csv", "json"):
        # The export is of the same reference date as the page.
        assert f'href="{ZEELAND_URL}export.{formaat}?peildatum=' in text


@pytest.mark.parametrize(
    "code", ["GGD Zaanstreek/Waterland", "Dienst Gezondheid & Jeugd ZHZ"]
)
def test_ggd_region_with_awkward_code_opens(code):
    url = reverse("coverage:regio", kwargs={"indeling": INDELING_GGD, "code": code})
    response = _client().get(url)
    assert response.status_code == 200
    assert response.context["regio"].code == code
    assert response.context["data"]["gemeenten"]


def test_ggd_region_page_can_be_reached_with_a_quoted_url():
    url = f"/dekking/{INDELING_GGD}/{quote('GGD Zaanstreek/Waterland')}/"
    assert _client().get(url).status_code == 200


def test_unknown_region_is_404():
    assert _client().get("/dekking/zorgkantoorregio-2025/ZK99/").status_code == 404
    assert _client().get("/dekking/bestaat-niet/ZK27/").status_code == 404


# --- region page: who sees the forms ---------------------------------------


def test_anonymous_user_sees_no_forms():
    response = _client().get(ZEELAND_URL)
    text = _text(response)
    assert response.context["mag_wijzigen"] is False
    assert 'name="actie"' not in text
    assert 'name="reden"' not in text
    assert 'name="indicator"' not in text


def test_member_of_another_region_sees_no_forms():
    amsterdam = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, code="ZK02")
    response = _client(_user("regio", amsterdam)).get(ZEELAND_URL)
    assert response.context["mag_wijzigen"] is False
    assert 'name="actie"' not in _text(response)


def test_region_member_sees_the_forms(lid):
    response = _client(lid).get(ZEELAND_URL)
    text = _text(response)
    assert response.context["mag_wijzigen"] is True
    for actie in ("afwijking", "realisatie", "opslaan"):
        assert f'name="actie" value="{actie}"' in text
    assert 'name="reden"' in text


# --- region page: posting ----------------------------------------------------


def test_member_records_a_deviation_and_sees_its_effect(zeeland, lid):
    client = _client(lid)
    response = client.post(ZEELAND_URL, _afwijking())
    assert response.status_code == 302
    assert response["Location"] == f"{ZEELAND_URL}#uitgangspunten"
    afwijking = ParameterAfwijking.objects.get(regio=zeeland)
    assert afwijking.waarde == 100
    assert afwijking.ingevoerd_door == lid

    page = client.get(ZEELAND_URL)
    text = _text(page)
    assert page.context["data"]["capaciteit_personen"] == 12 * 100
    assert "Afwijking van de regio" in text
    assert "de meeste LSP in Zeeland zijn groter dan klein" in text
    assert "opnieuw berekend" in text  # the success message
    assert "Eerdere afwijkingen" in text
    # Dates in the Dutch format, not ISO.
    vandaag = date_format(timezone.localdate(), "j F Y")
    assert f"{lid}, {vandaag}" in text
    assert re.search(r"\d{4}-\d{2}-\d{2} —", text) is None


def test_deviation_without_reason_is_400_with_the_error(zeeland, lid):
    response = _client(lid).post(ZEELAND_URL, _afwijking(reden=""))
    assert response.status_code == 400
    form = response.context["afwijking_form"]
    assert "reden" in form.errors
    text = _text(response)
    assert 'role="alert"' in text
    assert "Dit veld is vereist." in text
    assert not ParameterAfwijking.objects.filter(regio=zeeland).exists()


def test_share_above_one_is_400_with_the_service_error(zeeland, lid):
    response = _client(lid).post(
        ZEELAND_URL, _afwijking(sleutel="aandeel_baat_lsp", waarde="1.5")
    )
    assert response.status_code == 400
    assert "Een aandeel ligt tussen 0 en 1." in _text(response)
    assert not ParameterAfwijking.objects.filter(regio=zeeland).exists()


def test_empty_value_posts_a_return_to_the_default(zeeland, lid):
    client = _client(lid)
    client.post(ZEELAND_URL, _afwijking())
    response = client.post(ZEELAND_URL, _afwijking(waarde="", reden="Terug"))
    assert response.status_code == 302
    page = client.get(ZEELAND_URL)
    assert page.context["data"]["capaciteit_personen"] == 12 * 35
    assert list(
        ParameterAfwijking.objects.filter(regio=zeeland).values_list(
            "waarde", flat=True
        )
    ) == [None, 100]


def test_history_shows_a_deviation_to_zero_as_zero(zeeland, lid):
    client = _client(lid)
    client.post(
        ZEELAND_URL,
        _afwijking(waarde="0", reden="LSP van onbekend type tellen nog niet mee"),
    )
    text = _text(client.get(ZEELAND_URL))
    history = text.split("Eerdere afwijkingen", 1)[1].split("</ul>", 1)[0]
    assert "capaciteit_onbekend: 0" in history, history


def test_non_member_post_is_403(zeeland):
    amsterdam = Regio.objects.get(indeling__naam=INDELING_ZORGKANTOOR, code="ZK02")
    response = _client(_user("regio", amsterdam)).post(ZEELAND_URL, _afwijking())
    assert response.status_code == 403
    assert not ParameterAfwijking.objects.filter(regio=zeeland).exists()


def test_anonymous_post_is_403(zeeland):
    response = _client().post(ZEELAND_URL, {"actie": "opslaan"})
    assert response.status_code == 403
    assert not AnalysisRun.objects.filter(regio=zeeland).exists()


def test_member_without_region_role_post_is_403(zeeland):
    response = _client(_user("lsp_medewerker", zeeland)).post(ZEELAND_URL, _afwijking())
    assert response.status_code == 403


def test_national_monitor_may_post_for_any_region(zeeland):
    response = _client(_user("landelijk_monitor")).post(ZEELAND_URL, _afwijking())
    assert response.status_code == 302
    assert ParameterAfwijking.objects.filter(regio=zeeland).count() == 1


def test_member_stores_a_run_shown_under_saved_analyses(zeeland, lid):
    client = _client(lid)
    assert "Nog geen bewaarde analyses" in _text(client.get(ZEELAND_URL))
    response = client.post(ZEELAND_URL, {"actie": "opslaan"})
    assert response.status_code == 302
    assert response["Location"] == f"{ZEELAND_URL}#runs"
    run = AnalysisRun.objects.get(regio=zeeland)
    assert run.aangemaakt_door == lid
    text = _text(client.get(ZEELAND_URL))
    runs = text.split("Bewaarde analyses", 1)[1]
    assert f"run {run.pk} (code {run.code_version})" in runs


def test_member_records_actual_figures_shown_against_targets(zeeland, lid):
    client = _client(lid)
    for indicator, waarde in (
        ("sociaal_verwijzen:verwijzingen", "1000"),
        ("sociaal_verwijzen:brugfunctionaris_fte", "10"),
        ("nu_niet_zwanger:fte", "2.5"),
    ):
        response = client.post(
            ZEELAND_URL,
            {
                "actie": "realisatie",
                "indicator": indicator,
                "jaar": "2025",
                "waarde": waarde,
                "bron": "Jaarverslag",
            },
        )
        assert response.status_code == 302
        assert response["Location"] == f"{ZEELAND_URL}#streefwaarden"
    assert Realisatie.objects.filter(regio=zeeland).count() == 3

    page = client.get(ZEELAND_URL)
    rows = {(r.basisfunctionaliteit, r.label): r for r in page.context["streefwaarden"]}
    verwijzingen = rows[("Sociaal verwijzen", "Verwijzingen per jaar")]
    assert (verwijzingen.realisatie, verwijzingen.status) == ("1.000 (2025)", "onder")
    brug = rows[("Sociaal verwijzen", "Brugfunctionaris (min.)")]
    assert (brug.realisatie, brug.status) == ("10 (2025)", "gehaald")
    assert rows[("Sociaal verwijzen", "Brugfunctionaris (max.)")].realisatie == ""
    nnz = rows[("Nu Niet Zwanger", "Regionale coördinatie (min.)")]
    assert (nnz.realisatie, nnz.status) == ("2,5 (2025)", "gehaald")
    kinderen = ("Ketenaanpak overgewicht en obesitas kinderen", "Centrale zorgverlener")
    assert rows[kinderen].realisatie == ""
    text = _text(page)
    assert "onder de streefwaarde" in text
    assert "gehaald" in text


def test_actual_figure_above_the_range_is_marked(zeeland, lid):
    _client(lid).post(
        ZEELAND_URL,
        {
            "actie": "realisatie",
            "indicator": "sociaal_verwijzen:brugfunctionaris_fte",
            "jaar": "2025",
            "waarde": "25",
        },
    )
    text = _text(_client().get(ZEELAND_URL))
    assert "boven de bandbreedte" in text


def test_invalid_actual_figure_is_400(zeeland, lid):
    response = _client(lid).post(
        ZEELAND_URL,
        {
            "actie": "realisatie",
            "indicator": "sociaal_verwijzen:verwijzingen",
            "jaar": "2025",
            "waarde": "-3",
        },
    )
    assert response.status_code == 400
    assert "waarde" in response.context["realisatie_form"].errors
    assert not Realisatie.objects.filter(regio=zeeland).exists()


def test_reference_date_selects_the_register_of_that_day(zeeland):
    from datetime import date

    from dekkend.regions.models import Gemeente
    from dekkend.register.tests.factories import SteunpuntFactory

    veere = Gemeente.objects.get(code="GM0717")  # Veere has no LSP on the 2025 list
    SteunpuntFactory(
        aanbod__geldig_van=date(2027, 1, 1),
        aanbod__locatie__gemeente=veere,
        aanbod__locatie__lat=veere.popw_lat,
        aanbod__locatie__lon=veere.popw_lon,
    )
    url = reverse(
        "coverage:regio",
        kwargs={"indeling": INDELING_ZORGKANTOOR, "code": zeeland.code},
    )
    before = Client().get(url, {"peildatum": "2026-06-01"}).content.decode()
    after = Client().get(url, {"peildatum": "2027-06-01"}).content.decode()
    assert 'value="2026-06-01"' in before and 'value="2027-06-01"' in after
    # The new LSP counts from 2027 on: one gemeente fewer without an LSP.
    assert ">4 / 13<" in before
    assert ">3 / 13<" in after


def test_invalid_reference_date_falls_back_to_today(zeeland):
    from django.utils import timezone

    url = reverse(
        "coverage:regio",
        kwargs={"indeling": INDELING_ZORGKANTOOR, "code": zeeland.code},
    )
    response = Client().get(url, {"peildatum": "gisteren"})
    assert response.status_code == 200
    assert f'value="{timezone.localdate().isoformat()}"' in response.content.decode()
