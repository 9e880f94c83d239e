# SPDX-License-Identifier: EUPL-1.2
"""The brugfunctionaris's pages: the organisation's inbox (overdue feedback
marked), one referral with the workflow steps its role may take, contacts,
connections chosen from the register near the resident's postcode, feedback
and consent withdrawal; and a full walk of one referral across both roles
with the Django test client. Reads are audited with reason 'behandeling'."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

import pytest

from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import login_with_2fa
from dekkend.audit.models import AuditEvent
from dekkend.referrals import services, workflow
from dekkend.referrals.constants import Leesreden, Status
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.tests.factories import (
    T0,
    Keten,
    keten_create,
    met_rollen,
    verwijzing_send,
)
from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import postcode_punt
from dekkend.register.constants import AanbodSoort
from dekkend.register.models import Aanbod
from dekkend.register.tests.factories import (
    AanbodFactory,
    LocatieFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

INBOX = "/verwijzingen/inbox/"
VLISSINGEN = "GM0718"


@pytest.fixture
def keten() -> Keten:
    return met_rollen(keten_create())


@pytest.fixture
def verwijzing(keten: Keten) -> Verwijzing:
    return verwijzing_send(keten)


@pytest.fixture
def brug(client: Client, keten: Keten) -> Client:
    login_with_2fa(client, keten.brugfunctionaris)
    return client


def _html(response) -> str:
    return response.content.decode()


def _url(verwijzing: Verwijzing, rest: str = "") -> str:
    return f"/verwijzingen/{verwijzing.uuid}/{rest}"


def _pages(verwijzing: Verwijzing) -> list[str]:
    return [
        _url(verwijzing),
        _url(verwijzing, "contact/"),
        _url(verwijzing, "verbinden/"),
        _url(verwijzing, "terugkoppeling/"),
    ]


def _aanbod_bij_4331(naam: str, soort: str = AanbodSoort.SCHULDHULP) -> Aanbod:
    punt = postcode_punt("4331")
    assert punt is not None
    locatie = LocatieFactory(
        gemeente=Gemeente.objects.get(code="GM0687"),
        lat=punt.lat,
        lon=punt.lon,
        plaats="Middelburg",
    )
    return AanbodFactory(
        naam=naam, soort=soort, locatie=locatie, organisatie=locatie.organisatie
    )


# -- Access -------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client: Client, verwijzing) -> None:
    for path in [INBOX, *_pages(verwijzing)]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/account/inloggen/"), path


@pytest.mark.parametrize("rol", ["verwijzer", "lsp_medewerker"])
def test_wrong_role_gets_403(client: Client, verwijzing, rol: str) -> None:
    user = UserFactory()
    user.groups.add(role_group(rol))
    login_with_2fa(client, user)
    for path in [INBOX, *_pages(verwijzing)]:
        assert client.get(path).status_code == 403, path


def test_lsp_staff_may_take_no_step(client: Client, verwijzing) -> None:
    user = UserFactory()
    user.groups.add(role_group("lsp_medewerker"))
    login_with_2fa(client, user)
    assert client.post(_url(verwijzing, "stap/accepteren/")).status_code == 403
    assert client.get(_url(verwijzing, "toestemming-intrekken/")).status_code == 403


def test_other_organisation_gets_404(client: Client, verwijzing) -> None:
    ander = met_rollen(keten_create(Gemeente.objects.get(code=VLISSINGEN)))
    login_with_2fa(client, ander.brugfunctionaris)
    for path in [*_pages(verwijzing), _url(verwijzing, "toestemming-intrekken/")]:
        assert client.get(path).status_code == 404, path
    assert client.post(_url(verwijzing, "stap/accepteren/")).status_code == 404
    assert (
        client.post(_url(verwijzing, "contact/"), {"soort": "gesprek"}).status_code
        == 404
    )
    assert "Johanna" not in _html(client.get(INBOX))
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.VERSTUURD
    assert not AuditEvent.objects.filter(event="verwijzing.viewed").exists()


# -- Inbox ----------------------------------------------------------------------


def test_inbox_lists_open_referrals_and_marks_overdue_feedback(
    brug: Client, keten: Keten
) -> None:
    te_laat = verwijzing_send(keten, inwoner=_inwoner("Anna Laat"))
    op_tijd = verwijzing_send(
        keten, now=timezone.now(), inwoner=_inwoner("Bert Optijd")
    )
    dicht = verwijzing_send(keten, inwoner=_inwoner("Carla Dicht"))
    services.verwijzing_transition(
        user=keten.brugfunctionaris,
        verwijzing=dicht,
        actie=workflow.Actie.TERUGSTUREN,
        reden="Hoort bij de ggz",
    )
    assert services.terugkoppeling_reminders_send(now=T0 + timedelta(days=30)) == 1

    html = _html(brug.get(INBOX))
    assert "Anna Laat" in html and "Bert Optijd" in html
    assert "Carla Dicht" not in html
    rij = html[html.index("Anna Laat") :]
    assert "terugkoppeling te laat" in rij[: rij.index("</tr>")]
    rij = html[html.index("Bert Optijd") :]
    assert "terugkoppeling te laat" not in rij[: rij.index("</tr>")]
    listed = AuditEvent.objects.filter(event="verwijzing.listed")
    assert {e.object_id for e in listed} == {str(te_laat.uuid), str(op_tijd.uuid)}
    assert {e.extra["reden"] for e in listed} == {Leesreden.BEHANDELING.value}

    alleen = _html(brug.get(INBOX, {"status": "open", "te_laat": "on"}))
    assert "Anna Laat" in alleen and "Bert Optijd" not in alleen
    alle = _html(brug.get(INBOX, {"status": "alle"}))
    assert "Carla Dicht" in alle


def _inwoner(naam: str):
    from dekkend.referrals.tests.factories import inwoner

    return inwoner(naam=naam)


def test_detail_is_audited_and_offers_the_steps_of_the_state(
    brug: Client, keten: Keten, verwijzing: Verwijzing
) -> None:
    response = brug.get(_url(verwijzing))
    assert response.status_code == 200
    html = _html(response)
    assert "Johanna de Visser" in html
    assert "0118-123456" in html
    assert "12 april 1961" in html
    assert _url(verwijzing, "stap/accepteren/") in html
    assert _url(verwijzing, "stap/terugsturen/") in html
    for niet in ("pauzeren", "afsluiten", "hervatten", "intrekken"):
        assert _url(verwijzing, f"stap/{niet}/") not in html
    assert _url(verwijzing, "contact/") not in html  # not accepted yet
    viewed = AuditEvent.objects.get(event="verwijzing.viewed")
    assert viewed.actor == keten.brugfunctionaris
    assert viewed.extra == {"reden": Leesreden.BEHANDELING.value}


def test_return_needs_a_reason_the_verwijzer_then_reads(
    brug: Client, keten: Keten, verwijzing: Verwijzing
) -> None:
    stap = _url(verwijzing, "stap/terugsturen/")
    response = brug.post(stap, {"terugsturen-reden": "  "})
    assert response.status_code == 400
    assert "Geef een reden." in _html(response)
    # Returning cannot be undone: a confirmation page comes first.
    response = brug.post(stap, {"terugsturen-reden": "Past beter bij de POH-GGZ"})
    assert response.status_code == 200
    assert "Ja, terugsturen naar de verwijzer" in _html(response)
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.VERSTUURD
    response = brug.post(
        stap, {"terugsturen-reden": "Past beter bij de POH-GGZ", "bevestigd": "1"}
    )
    assert response.status_code == 302
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.TERUGGESTUURD
    verwijzer = Client()
    login_with_2fa(verwijzer, keten.verwijzer)
    html = _html(verwijzer.get(f"/verwijzingen/mijn/{verwijzing.uuid}/"))
    assert "teruggestuurd" in html and "Past beter bij de POH-GGZ" in html


def test_contact_before_acceptance_and_bad_input_are_explained(
    brug: Client, keten: Keten, verwijzing: Verwijzing
) -> None:
    url = _url(verwijzing, "contact/")
    goed = {"soort": "gesprek", "datum": "04-03-2025", "duur_minuten": "30"}
    response = brug.post(url, goed)
    assert response.status_code == 400
    assert "geaccepteerde, lopende verwijzing" in _html(response)
    brug.post(_url(verwijzing, "stap/accepteren/"))
    response = brug.post(url, {**goed, "duur_minuten": "0", "datum": "31-02-2025"})
    assert response.status_code == 400
    html = _html(response)
    assert 'href="#id_duur_minuten"' in html and 'href="#id_datum"' in html
    response = brug.post(url, {**goed, "datum": "01-01-2020"})
    assert "tussen de verwijzing en vandaag" in _html(response)
    assert not verwijzing.contacten.exists()


def test_closing_without_contact_offers_only_fitting_outcomes(
    brug: Client, verwijzing: Verwijzing
) -> None:
    brug.post(_url(verwijzing, "stap/accepteren/"))
    html = _html(brug.get(_url(verwijzing)))
    keuzes = html[html.index('name="afsluiten-uitkomst"') :]
    keuzes = keuzes[: keuzes.index("</select>")]
    assert 'value="niet_bereikt"' in keuzes and 'value="afgezien"' in keuzes
    assert 'value="geholpen"' not in keuzes
    response = brug.post(_url(verwijzing, "stap/afsluiten/"), {})
    assert response.status_code == 400
    assert "Kies een uitkomst om af te sluiten." in _html(response)
    response = brug.post(
        _url(verwijzing, "stap/afsluiten/"), {"afsluiten-uitkomst": "geholpen"}
    )
    assert response.status_code == 400
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.GEACCEPTEERD


def test_connection_errors(brug: Client, keten: Keten, verwijzing: Verwijzing) -> None:
    brug.post(_url(verwijzing, "stap/accepteren/"))
    brug.post(
        _url(verwijzing, "contact/"),
        {"soort": "gesprek", "datum": "04-03-2025", "duur_minuten": "30"},
    )
    url = _url(verwijzing, "verbinden/")
    response = brug.post(url, {"aanbod": "", "datum": "05-03-2025"})
    assert response.status_code == 400
    assert "Kies een soort aanbod." in _html(response)
    response = brug.post(
        url, {"aanbod": "00000000-0000-0000-0000-000000000000", "datum": "05-03-2025"}
    )
    assert "staat niet (meer) in de sociale kaart" in _html(response)
    response = brug.get(url, {"postcode": "abc"})
    assert "Vul een postcode in als 4331 AB" in _html(response)
    response = brug.post(
        url,
        {
            "aanbod": "",
            "soort": AanbodSoort.VRIJWILLIGERSWERK,
            "omschrijving": "Buurtmoestuin achter de kerk",
            "datum": "05-03-2025",
        },
    )
    assert response.status_code == 302
    assert verwijzing.verbindingen.get().omschrijving == "Buurtmoestuin achter de kerk"


def test_closing_feedback_only_after_closing(
    brug: Client, verwijzing: Verwijzing
) -> None:
    url = _url(verwijzing, "terugkoppeling/")
    brug.post(_url(verwijzing, "stap/accepteren/"))
    response = brug.post(url, {"soort": "eerste_contact", "aan_de_slag_met": "x"})
    assert "pas na het eerste contact" in _html(response)
    brug.post(
        _url(verwijzing, "contact/"),
        {"soort": "telefoon", "datum": "04-03-2025", "duur_minuten": "15"},
    )
    response = brug.post(url, {"soort": "afsluiting", "aan_de_slag_met": "x"})
    assert response.status_code == 400
    assert "Sluit de verwijzing eerst af." in _html(response)
    assert not verwijzing.terugkoppelingen.exists()


def test_brugfunctionaris_records_consent_withdrawal(
    brug: Client, verwijzing: Verwijzing
) -> None:
    url = _url(verwijzing, "toestemming-intrekken/")
    assert brug.get(url).status_code == 200
    response = brug.post(url, {"bevestigd": "on"})
    assert response["Location"] == INBOX
    assert brug.get(_url(verwijzing)).status_code == 404
    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.INGETROKKEN


# -- The whole walk ---------------------------------------------------------------


def test_full_walk_across_both_roles(client: Client, keten: Keten) -> None:
    aanbod = _aanbod_bij_4331("Geldzorgen Spreekuur Walcheren")
    verwijzer = client
    login_with_2fa(verwijzer, keten.verwijzer)
    response = verwijzer.post(
        "/verwijzingen/nieuw/",
        {
            "organisatie": str(keten.praktijk.uuid),
            "inwoner_naam": "Sanne Kok",
            "inwoner_telefoon": "06-12345678",
            "inwoner_postcode": "4331 AB",
            "problemen": ["geld_schulden", "eenzaamheid"],
            "voorwaarde_niet_alleen_medisch": "on",
            "voorwaarde_geen_ggz": "on",
            "voorwaarde_vraagverheldering_nodig": "on",
            "voorwaarde_onvoldoende_eigen_regie": "on",
            "warme_overdracht": "graag_contact_opnemen",
            "toestemming_gegeven_door": "inwoner",
            "toestemming_wijze": "mondeling",
            "toestemming_datum": timezone.localdate().strftime("%d-%m-%Y"),
            "toestemming_tijd": "08:00",
            "toestemming_doel": "Delen met de welzijnscoach",
            "toestemming_bevestigd": "on",
        },
    )
    assert response.status_code == 302, _html(response)
    verwijzing = Verwijzing.objects.get(inwoner_naam="Sanne Kok")

    brug = Client()
    login_with_2fa(brug, keten.brugfunctionaris)
    assert "Sanne Kok" in _html(brug.get(INBOX))
    vandaag = timezone.localdate().strftime("%d-%m-%Y")
    stappen = [
        (_url(verwijzing, "stap/accepteren/"), {}),
        (
            _url(verwijzing, "contact/"),
            {
                "soort": "huisbezoek",
                "datum": vandaag,
                "duur_minuten": "60",
                "leefgebieden": ["geld_schulden", "wonen"],
            },
        ),
        (
            _url(verwijzing, "verbinden/"),
            {"aanbod": str(aanbod.uuid), "datum": vandaag},
        ),
        (
            _url(verwijzing, "terugkoppeling/"),
            {
                "soort": "eerste_contact",
                "aan_de_slag_met": "Start bij het spreekuur geldzorgen.",
            },
        ),
        (_url(verwijzing, "stap/pauzeren/"), {"pauzeren-reden": "Op vakantie"}),
        (_url(verwijzing, "stap/hervatten/"), {"hervatten-reden": "Terug"}),
        (_url(verwijzing, "stap/afsluiten/"), {"afsluiten-uitkomst": "geholpen"}),
        (
            _url(verwijzing, "terugkoppeling/"),
            {
                "soort": "afsluiting",
                "aan_de_slag_met": "Schulden op orde, gaat naar de inloop.",
                "geholpen": "ja",
            },
        ),
    ]
    # The search near the resident's postcode offers the register's offer.
    zoek = _html(brug.get(_url(verwijzing, "verbinden/"), {"zoekterm": "geldzorgen"}))
    assert "Geldzorgen Spreekuur Walcheren" in zoek
    for url, data in stappen:
        response = brug.post(url, data)
        assert response.status_code == 302, (url, _html(response))
        assert response["Location"] == _url(verwijzing)

    verwijzing.refresh_from_db()
    assert verwijzing.status == Status.AFGESLOTEN
    assert verwijzing.uitkomst == "geholpen"
    assert verwijzing.terugkoppeling_bij_afsluiten
    assert verwijzing.verbindingen.get().aanbod == aanbod
    assert verwijzing.contacten.get().leefgebieden == ["geld_schulden", "wonen"]
    assert [s.naar for s in verwijzing.statussen.all()] == [
        "verstuurd",
        "geaccepteerd",
        "in_behandeling",
        "gepauzeerd",
        "in_behandeling",
        "afgesloten",
    ]
    detail = _html(brug.get(_url(verwijzing)))
    assert "Geldzorgen Spreekuur Walcheren" in detail
    assert "Op vakantie" in detail

    mijn = _html(verwijzer.get("/verwijzingen/mijn/"))
    assert "afgesloten" in mijn
    assert "Start bij het spreekuur geldzorgen." in mijn
    assert "Schulden op orde, gaat naar de inloop." in mijn
    eigen = _html(verwijzer.get(f"/verwijzingen/mijn/{verwijzing.uuid}/"))
    assert "Geholpen:</strong> ja" in eigen
    assert "Geldzorgen Spreekuur Walcheren" not in eigen  # connections stay private
    events = set(
        AuditEvent.objects.filter(object_id=str(verwijzing.uuid)).values_list(
            "event", flat=True
        )
    )
    assert {
        "verwijzing.created",
        "verwijzing.accepted",
        "contact.recorded",
        "verbinding.recorded",
        "terugkoppeling.sent",
        "verwijzing.paused",
        "verwijzing.resumed",
        "verwijzing.closed",
        "verwijzing.viewed",
        "verwijzing.listed",
    } <= events
    redenen = set(
        AuditEvent.objects.filter(
            object_id=str(verwijzing.uuid), event="verwijzing.viewed"
        ).values_list("extra__reden", flat=True)
    )
    assert redenen == {Leesreden.BEHANDELING.value, Leesreden.OPVOLGING.value}
