# SPDX-License-Identifier: EUPL-1.2
"""The verwijzer's pages: a new referral (form, the four conditions, consent,
the gemeente), "Mijn verwijzingen", one referral's status and feedback, the
verwijzer's own steps and the consent withdrawal. Each page: anonymous, wrong
role, another verwijzer (404) and the right user; reads are audited."""

import re
from datetime import datetime

from django.test import Client

import pytest

from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import login_with_2fa
from dekkend.audit.models import AuditEvent
from dekkend.referrals import services, workflow
from dekkend.referrals.constants import (
    ContactSoort,
    Leesreden,
    Probleem,
    Status,
    TerugkoppelingSoort,
)
from dekkend.referrals.models import RegioInstelling, Verwijzing
from dekkend.referrals.tests.factories import (
    AMS,
    T0,
    Keten,
    PraktijkFactory,
    keten_create,
    met_rollen,
    verwijzing_send,
)
from dekkend.regions.models import Gemeente, RegioGemeente
from dekkend.register.tests.factories import OrganisatieLidFactory, UserFactory

pytestmark = pytest.mark.django_db

NIEUW = "/verwijzingen/nieuw/"
MIJN = "/verwijzingen/mijn/"
VLISSINGEN = "GM0718"


@pytest.fixture
def keten() -> Keten:
    return met_rollen(keten_create())


@pytest.fixture
def verwijzing(keten: Keten) -> Verwijzing:
    return verwijzing_send(keten)


@pytest.fixture
def als_verwijzer(client: Client, keten: Keten) -> Client:
    login_with_2fa(client, keten.verwijzer)
    return client


def _html(response) -> str:
    return response.content.decode()


def _geldig(keten: Keten, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "organisatie": str(keten.praktijk.uuid),
        "inwoner_naam": "Pieter Bakker",
        "inwoner_geboortedatum": "03-11-1958",
        "inwoner_telefoon": "0118-654321",
        "inwoner_email": "",
        "inwoner_postcode": "4331 AB",
        "gemeente": keten.gemeente.code,
        "problemen": [Probleem.EENZAAMHEID.value, Probleem.ZINGEVING.value],
        "voorwaarde_niet_alleen_medisch": "on",
        "voorwaarde_geen_ggz": "on",
        "voorwaarde_vraagverheldering_nodig": "on",
        "voorwaarde_onvoldoende_eigen_regie": "on",
        "warme_overdracht": "afspraak_gemaakt",
        "toelichting": "Weduwnaar sinds vorig jaar.",
        "toestemming_gegeven_door": "inwoner",
        "toestemming_wijze": "mondeling",
        "toestemming_datum": "02-01-2026",
        "toestemming_tijd": "09:15",
        "toestemming_doel": "Delen met de welzijnscoach voor vraagverheldering",
        "toestemming_bevestigd": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# -- Access -------------------------------------------------------------------


@pytest.mark.parametrize("path", [NIEUW, MIJN])
def test_anonymous_is_sent_to_login(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/inloggen/")


def test_anonymous_detail_and_steps_go_to_login(client: Client, verwijzing) -> None:
    for path in (
        f"/verwijzingen/mijn/{verwijzing.uuid}/",
        f"/verwijzingen/{verwijzing.uuid}/toestemming-intrekken/",
    ):
        assert client.get(path)["Location"].startswith("/account/inloggen/")
    response = client.post(
        f"/verwijzingen/{verwijzing.uuid}/stap/intrekken/", {"intrekken-reden": "x"}
    )
    assert response["Location"].startswith("/account/inloggen/")
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.VERSTUURD


def test_verwijzer_without_second_factor_is_sent_to_it(
    client: Client, keten: Keten
) -> None:
    client.force_login(keten.verwijzer)
    response = client.get(MIJN)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/tweestaps/")


@pytest.mark.parametrize("rol", ["lsp_medewerker", "brugfunctionaris"])
def test_wrong_role_gets_403(client: Client, verwijzing, rol: str) -> None:
    user = UserFactory()
    user.groups.add(role_group(rol))
    login_with_2fa(client, user)
    for path in (NIEUW, MIJN, f"/verwijzingen/mijn/{verwijzing.uuid}/"):
        assert client.get(path).status_code == 403, path


def test_another_verwijzer_gets_404(client: Client, verwijzing) -> None:
    ander = met_rollen(keten_create(Gemeente.objects.get(code=VLISSINGEN))).verwijzer
    login_with_2fa(client, ander)
    assert client.get(f"/verwijzingen/mijn/{verwijzing.uuid}/").status_code == 404
    assert (
        client.get(
            f"/verwijzingen/{verwijzing.uuid}/toestemming-intrekken/"
        ).status_code
        == 404
    )
    response = client.post(
        f"/verwijzingen/{verwijzing.uuid}/stap/intrekken/",
        {"intrekken-reden": "niet van mij"},
    )
    assert response.status_code == 404
    assert "Johanna" not in _html(client.get(MIJN))
    assert not AuditEvent.objects.filter(
        event="verwijzing.viewed", actor=ander
    ).exists()


def test_menu_links_follow_permissions(als_verwijzer: Client) -> None:
    html = _html(als_verwijzer.get(MIJN))
    assert 'href="/verwijzingen/nieuw/"' in html
    assert 'href="/verwijzingen/mijn/"' in html
    assert 'href="/verwijzingen/inbox/"' not in html


# -- New referral ---------------------------------------------------------------


def test_form_shows_groups_conditions_and_advice(als_verwijzer: Client) -> None:
    response = als_verwijzer.get(NIEUW)
    assert response.status_code == 200
    html = _html(response)
    for legend in (
        "Psychosociale problemen en leefgebieden",
        "Voorwaarden voor sociaal verwijzen",
        "Warme overdracht",
        "Toestemming van de inwoner",
    ):
        assert f"<legend>{legend}</legend>" in html
    # The advice sits next to the GGZ condition, linked to its checkbox.
    assert 'aria-describedby="id_voorwaarde_geen_ggz_helptext"' in html
    assert "Verkennend Gesprek" in html
    # No region records a BSN: no field.
    assert 'name="inwoner_bsn"' not in html
    # Gemeenten with a bridging organisation come first.
    met = html.index("Gemeenten met een brugorganisatie")
    assert met < html.index('value="GM0687"') < html.index("Overige gemeenten")


def test_valid_referral_goes_to_the_gemeente_s_organisation(
    als_verwijzer: Client, keten: Keten
) -> None:
    response = als_verwijzer.post(NIEUW, _geldig(keten))
    verwijzing = Verwijzing.objects.get(inwoner_naam="Pieter Bakker")
    assert response.status_code == 302
    assert response["Location"] == f"/verwijzingen/mijn/{verwijzing.uuid}/"
    assert verwijzing.ontvanger_organisatie == keten.welzijn
    assert verwijzing.verwijzer == keten.verwijzer
    assert verwijzing.inwoner_geboortedatum.isoformat() == "1958-11-03"
    assert verwijzing.problemen == ["eenzaamheid", "zingeving"]
    toestemming = verwijzing.toestemming
    assert toestemming.doel == "Delen met de welzijnscoach voor vraagverheldering"
    assert toestemming.gegeven_op == datetime(2026, 1, 2, 9, 15, tzinfo=AMS)
    detail = als_verwijzer.get(response["Location"])
    assert "De verwijzing is verstuurd naar" in _html(detail)
    assert AuditEvent.objects.filter(event="verwijzing.created").count() == 1


def test_gemeente_is_derived_from_the_postcode(
    als_verwijzer: Client, keten: Keten
) -> None:
    response = als_verwijzer.post(NIEUW, _geldig(keten, gemeente=""))
    assert response.status_code == 302
    assert Verwijzing.objects.get().gemeente == keten.gemeente


def test_doubt_about_ggz_shows_the_verkennend_gesprek(
    als_verwijzer: Client, keten: Keten
) -> None:
    response = als_verwijzer.post(NIEUW, _geldig(keten, voorwaarde_geen_ggz=None))
    assert response.status_code == 400
    html = _html(response)
    summary = html[html.index('id="foutsamenvatting"') :]
    assert re.search(
        r'<a href="#id_voorwaarde_geen_ggz">[^<]*Verkennend Gesprek', summary
    )
    assert 'id="id_voorwaarde_geen_ggz_error"' in html
    assert not Verwijzing.objects.exists()


def test_unmet_condition_is_named_on_the_first_unticked_box(
    als_verwijzer: Client, keten: Keten
) -> None:
    response = als_verwijzer.post(
        NIEUW, _geldig(keten, voorwaarde_vraagverheldering_nodig=None)
    )
    assert response.status_code == 400
    assert 'href="#id_voorwaarde_vraagverheldering_nodig"' in _html(response)
    assert "alle vier de voorwaarden" in _html(response)


def test_service_errors_land_on_their_fields(
    als_verwijzer: Client, keten: Keten
) -> None:
    response = als_verwijzer.post(
        NIEUW,
        _geldig(keten, inwoner_naam="", inwoner_telefoon="", problemen=None),
    )
    assert response.status_code == 400
    html = _html(response)
    assert 'href="#id_inwoner_naam"' in html
    assert 'href="#id_inwoner_telefoon"' in html
    # A checkbox group links to its first option.
    assert 'href="#id_problemen_0"' in html
    assert not Verwijzing.objects.exists()


def test_gemeente_without_bridging_organisation_is_explained(
    als_verwijzer: Client, keten: Keten
) -> None:
    response = als_verwijzer.post(NIEUW, _geldig(keten, gemeente="GM0363"))
    assert response.status_code == 400
    assert "nog geen organisatie met brugfunctionarissen" in _html(response)


def test_no_consent_no_referral(als_verwijzer: Client, keten: Keten) -> None:
    response = als_verwijzer.post(NIEUW, _geldig(keten, toestemming_bevestigd=None))
    assert response.status_code == 400
    assert "Zonder toestemming van de inwoner" in _html(response)
    response = als_verwijzer.post(NIEUW, _geldig(keten, toestemming_datum="01-01-2099"))
    assert response.status_code == 400
    assert "niet in de toekomst" in _html(response)
    assert not Verwijzing.objects.exists()


def test_bsn_field_only_where_the_region_allows_it(
    als_verwijzer: Client, keten: Keten
) -> None:
    regio = RegioGemeente.objects.filter(gemeente=keten.gemeente).first().regio
    RegioInstelling.objects.create(
        regio=regio, bsn_toegestaan=True, bsn_grondslag="convenant 2025"
    )
    html = _html(als_verwijzer.get(NIEUW))
    assert 'name="inwoner_bsn"' in html
    assert regio.naam in html
    response = als_verwijzer.post(NIEUW, _geldig(keten, inwoner_bsn="123456782"))
    assert response.status_code == 302
    assert Verwijzing.objects.get().inwoner_bsn == "123456782"


def test_organisation_is_chosen_among_the_user_s_own(
    client: Client, keten: Keten
) -> None:
    tweede = PraktijkFactory(naam="Gezondheidscentrum Dauwendaele")
    OrganisatieLidFactory(user=keten.verwijzer, organisatie=tweede)
    vreemd = PraktijkFactory(naam="Praktijk Elders")
    login_with_2fa(client, keten.verwijzer)
    html = _html(client.get(NIEUW))
    assert '<select name="organisatie"' in html
    assert "Gezondheidscentrum Dauwendaele" in html
    assert "Praktijk Elders" not in html
    response = client.post(NIEUW, _geldig(keten, organisatie=str(vreemd.uuid)))
    assert response.status_code == 400
    response = client.post(NIEUW, _geldig(keten, organisatie=str(tweede.uuid)))
    assert Verwijzing.objects.get().verwijzer_organisatie == tweede


def test_verwijzer_without_organisation_is_told_why(client: Client) -> None:
    user = UserFactory()
    user.groups.add(role_group("verwijzer"))
    login_with_2fa(client, user)
    response = client.get(NIEUW)
    assert response.status_code == 200
    assert "nog niet gekoppeld aan een organisatie" in _html(response)
    assert "Verwijzing versturen" not in _html(response)


# -- Mijn verwijzingen and detail -------------------------------------------------


def _doorlopen(keten: Keten, verwijzing: Verwijzing) -> None:
    """The brugfunctionaris's part, through the services."""
    b = keten.brugfunctionaris
    services.verwijzing_transition(
        user=b, verwijzing=verwijzing, actie=workflow.Actie.ACCEPTEREN
    )
    services.contact_record(
        user=b,
        verwijzing=verwijzing,
        soort=ContactSoort.HUISBEZOEK,
        datum=T0.date(),
        duur_minuten=47,
        leefgebieden=[Probleem.WONEN.value],
    )
    services.terugkoppeling_send(
        user=b,
        verwijzing=verwijzing,
        soort=TerugkoppelingSoort.EERSTE_CONTACT,
        aan_de_slag_met="Gaat naar het wandelgroepje op dinsdag.",
    )


def test_mijn_lists_own_referrals_with_status_and_feedback(
    als_verwijzer: Client, keten: Keten, verwijzing: Verwijzing
) -> None:
    _doorlopen(keten, verwijzing)
    anders = verwijzing_send(
        met_rollen(keten_create(Gemeente.objects.get(code=VLISSINGEN)))
    )
    response = als_verwijzer.get(MIJN)
    assert response.status_code == 200
    html = _html(response)
    assert "Johanna de Visser" in html
    assert "in behandeling" in html
    assert "Gaat naar het wandelgroepje op dinsdag." in html
    assert "3 maart 2025" in html  # Dutch date
    listed = AuditEvent.objects.filter(event="verwijzing.listed")
    assert [(e.object_id, e.extra["reden"]) for e in listed] == [
        (str(verwijzing.uuid), Leesreden.OPVOLGING.value)
    ]
    assert str(anders.uuid) not in html


def test_detail_shows_status_history_and_feedback_but_no_contacts(
    als_verwijzer: Client, keten: Keten, verwijzing: Verwijzing
) -> None:
    _doorlopen(keten, verwijzing)
    response = als_verwijzer.get(f"/verwijzingen/mijn/{verwijzing.uuid}/")
    assert response.status_code == 200
    html = _html(response)
    assert "Verwijzing voor Johanna de Visser" in html
    assert "Gaat naar het wandelgroepje op dinsdag." in html
    assert "eerste contact met de inwoner" in html  # history
    assert "huisbezoek" not in html
    # The contacts table (duration in its own cell) is not on this page,
    # while the receiving organisation's page does show it.
    assert '<td class="getal">47</td>' not in html
    brug = Client()
    login_with_2fa(brug, keten.brugfunctionaris)
    brug_html = _html(brug.get(f"/verwijzingen/{verwijzing.uuid}/"))
    assert '<td class="getal">47</td>' in brug_html
    viewed = AuditEvent.objects.get(event="verwijzing.viewed", actor=keten.verwijzer)
    assert viewed.actor == keten.verwijzer
    assert viewed.extra == {"reden": Leesreden.OPVOLGING.value}
    # Only the verwijzer's own step is offered: nothing while in progress.
    assert "/stap/" not in html


def test_verwijzer_withdraws_an_unanswered_referral(
    als_verwijzer: Client, verwijzing: Verwijzing
) -> None:
    detail = f"/verwijzingen/mijn/{verwijzing.uuid}/"
    html = _html(als_verwijzer.get(detail))
    assert f"/verwijzingen/{verwijzing.uuid}/stap/intrekken/" in html
    assert "/stap/accepteren/" not in html
    stap = f"/verwijzingen/{verwijzing.uuid}/stap/intrekken/"
    response = als_verwijzer.post(stap, {"intrekken-reden": ""})
    assert response.status_code == 400
    assert "Geef een reden." in _html(response)
    # Withdrawing cannot be undone: a confirmation page comes first.
    response = als_verwijzer.post(stap, {"intrekken-reden": "Dubbel verstuurd"})
    assert response.status_code == 200
    assert "Ja, verwijzing intrekken" in _html(response)
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.VERSTUURD
    response = als_verwijzer.post(
        stap, {"intrekken-reden": "Dubbel verstuurd", "bevestigd": "1"}
    )
    assert response.status_code == 302
    assert response["Location"] == detail
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.INGETROKKEN
    assert "Dubbel verstuurd" in _html(als_verwijzer.get(detail))


def test_verwijzer_cannot_take_the_brugfunctionaris_s_step(
    als_verwijzer: Client, verwijzing: Verwijzing
) -> None:
    response = als_verwijzer.post(f"/verwijzingen/{verwijzing.uuid}/stap/accepteren/")
    assert response.status_code == 400
    assert "is voor de brugfunctionaris" in _html(response)
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.VERSTUURD
    assert AuditEvent.objects.filter(event="verwijzing.transition_refused").exists()
    assert (
        als_verwijzer.post(f"/verwijzingen/{verwijzing.uuid}/stap/onzin/").status_code
        == 404
    )


def test_consent_withdrawal_needs_confirmation(
    als_verwijzer: Client, client_factory_brug, keten: Keten, verwijzing: Verwijzing
) -> None:
    url = f"/verwijzingen/{verwijzing.uuid}/toestemming-intrekken/"
    response = als_verwijzer.get(url)
    assert response.status_code == 200
    assert "kan niet ongedaan worden gemaakt" in _html(response)
    assert als_verwijzer.post(url, {}).status_code == 400
    verwijzing.refresh_from_db()
    assert verwijzing.toestemming.geldig
    response = als_verwijzer.post(url, {"bevestigd": "on"})
    assert response["Location"] == f"/verwijzingen/mijn/{verwijzing.uuid}/"
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.INGETROKKEN
    assert not verwijzing.toestemming.geldig
    assert AuditEvent.objects.filter(event="toestemming.withdrawn").count() == 1
    # The receiving organisation no longer sees it.
    brug = client_factory_brug(keten)
    assert brug.get(f"/verwijzingen/{verwijzing.uuid}/").status_code == 404


@pytest.fixture
def client_factory_brug():
    def make(keten: Keten) -> Client:
        c = Client()
        login_with_2fa(c, keten.brugfunctionaris)
        return c

    return make


def test_only_own_gemeente_choices_are_real(als_verwijzer: Client, keten) -> None:
    response = als_verwijzer.post(NIEUW, _geldig(keten, gemeente="GM9999"))
    assert response.status_code == 400
    assert 'href="#id_gemeente"' in _html(response)
    assert not Verwijzing.objects.exists()


def test_the_verwijzer_reads_a_return_reason_but_not_a_pause_reason(
    als_verwijzer: Client, keten: Keten
) -> None:
    gepauzeerd = verwijzing_send(keten)
    brug = keten.brugfunctionaris
    services.verwijzing_transition(
        user=brug, verwijzing=gepauzeerd, actie=workflow.Actie.ACCEPTEREN
    )
    services.verwijzing_transition(
        user=brug,
        verwijzing=gepauzeerd,
        actie=workflow.Actie.PAUZEREN,
        reden="Tijdelijk opgenomen in het ziekenhuis.",
    )
    teruggestuurd = verwijzing_send(keten)
    services.verwijzing_transition(
        user=brug,
        verwijzing=teruggestuurd,
        actie=workflow.Actie.TERUGSTUREN,
        reden="Past beter bij de POH-GGZ.",
    )
    assert "ziekenhuis" not in _html(als_verwijzer.get(f"{MIJN}{gepauzeerd.uuid}/"))
    assert "POH-GGZ" in _html(als_verwijzer.get(f"{MIJN}{teruggestuurd.uuid}/"))


def test_the_practice_is_sent_by_uuid_not_by_a_localised_id(
    als_verwijzer: Client, keten: Keten
) -> None:
    """A database id of 1043 renders as "1.043" in Dutch; the form must not
    depend on it."""
    html = _html(als_verwijzer.get(NIEUW))
    assert f'name="organisatie" value="{keten.praktijk.uuid}"' in html
