# SPDX-License-Identifier: EUPL-1.2
"""The referral resource of the API: sending a referral (with field errors
named as in the request), the list with its filters, pagination and read
audit, and the detail as each role sees it. Who may do what is tested per
endpoint in `test_api_verwijzingen_toegang.py`; the workflow steps and
sub-resources in `test_api_verwijzingen_stappen.py`.

The helpers at the top are shared with those modules.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from rest_framework.test import APIClient

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import login_with_2fa
from dekkend.audit.models import AuditEvent
from dekkend.referrals import services, workflow
from dekkend.referrals.api.common import rollen_voor
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.permissions import rol_for
from dekkend.referrals.tests.factories import (
    T0,
    Keten,
    PraktijkFactory,
    brugfunctionaris_create,
    keten_create,
    referral_permission,
    verwijzer_create,
    verwijzing_send,
)
from dekkend.regions.models import Gemeente
from dekkend.register.tests.factories import OrganisatieLidFactory

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
URL = "/api/v1/verwijzingen/"


# -- shared helpers ------------------------------------------------------------


def client_for(user: User, rol: str | None = None) -> APIClient:
    """An API client logged in as `user` with verified two-factor. With
    `rol`, the user also joins that role's group (which makes 2FA compulsory,
    as in production)."""
    if rol is not None:
        user.groups.add(role_group(rol))
    client = APIClient()
    login_with_2fa(client, user)
    return client


@dataclass
class Opzet:
    keten: Keten
    verwijzer: APIClient
    brug: APIClient


def opzet(gemeente: Gemeente | None = None) -> Opzet:
    """A referral chain whose verwijzer and brugfunctionaris are logged in."""
    keten = keten_create(gemeente)
    return Opzet(
        keten=keten,
        verwijzer=client_for(keten.verwijzer, "verwijzer"),
        brug=client_for(keten.brugfunctionaris, "brugfunctionaris"),
    )


def payload(**changes: Any) -> dict[str, Any]:
    """A valid request to send a referral in Middelburg, now."""
    data: dict[str, Any] = {
        "inwoner": {
            "naam": "Johanna de Visser",
            "geboortedatum": "1961-04-12",
            "telefoon": "0118-123456",
            "email": "j.devisser@example.nl",
            "postcode": "4331 ab",
        },
        "gemeente": "GM0687",
        "problemen": ["eenzaamheid", "geld_schulden"],
        "voorwaarden": {
            "nietAlleenMedisch": True,
            "geenGgz": True,
            "vraagverhelderingNodig": True,
            "onvoldoendeEigenRegie": True,
        },
        "warmeOverdracht": "graag_contact_opnemen",
        "toestemming": {
            "gegevenDoor": "inwoner",
            "gegevenOp": timezone.now().isoformat(),
            "wijze": "mondeling",
        },
        "toelichting": "Slaapt slecht sinds het overlijden van haar man.",
    }
    data.update(changes)
    return data


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    return body


def fields(body: dict[str, Any]) -> set[str]:
    return {e["field"] for e in body.get("errors", [])}


def audit(event: str, verwijzing: Verwijzing, actor: User) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            event=event, object_id=str(verwijzing.uuid), actor=actor
        )
    )


# -- create --------------------------------------------------------------------


def test_create_sends_the_referral_to_the_gemeente_s_bridging_organisation():
    o = opzet()
    response = o.verwijzer.post(URL, payload(), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    verwijzing = Verwijzing.objects.get(uuid=body["uuid"])
    assert response["Location"] == f"http://testserver{URL}{verwijzing.uuid}/"
    assert verwijzing.ontvanger_organisatie == o.keten.welzijn
    assert verwijzing.verwijzer_organisatie == o.keten.praktijk
    assert verwijzing.inwoner_postcode == "4331 AB"
    assert body["status"] == "verstuurd"
    assert body["rol"] == "verwijzer"
    assert body["toegestaneActies"] == ["intrekken"]
    assert body["inwoner"]["naam"] == "Johanna de Visser"
    assert body["gemeente"] == {"code": "GM0687", "naam": "Middelburg (Z.)"}
    assert body["ontvangerOrganisatie"]["uuid"] == str(o.keten.welzijn.uuid)
    assert body["voorwaarden"]["geenGgz"] is True
    assert body["toestemming"]["wijze"] == "mondeling"
    assert body["toestemming"]["ingetrokkenOp"] is None
    assert [s["actie"] for s in body["statussen"]] == ["aanmaken"]
    assert body["terugkoppelingen"] == []
    assert "contacten" not in body and "verbindingen" not in body
    assert audit("verwijzing.created", verwijzing, o.keten.verwijzer)
    # The Location answers with the same referral.
    assert o.verwijzer.get(response["Location"]).json()["uuid"] == body["uuid"]


def test_create_with_an_explicit_organisation_among_several():
    o = opzet()
    tweede = PraktijkFactory()
    OrganisatieLidFactory(user=o.keten.verwijzer, organisatie=tweede)
    body = problem(o.verwijzer.post(URL, payload(), format="json"), 400)
    assert fields(body) == {"verwijzerOrganisatie"}
    response = o.verwijzer.post(
        URL, payload(verwijzerOrganisatie=str(tweede.uuid)), format="json"
    )
    assert response.status_code == 201
    assert response.json()["verwijzerOrganisatie"]["uuid"] == str(tweede.uuid)


def test_create_for_an_organisation_the_user_is_not_in_is_forbidden():
    o = opzet()
    vreemd = PraktijkFactory()
    response = o.verwijzer.post(
        URL, payload(verwijzerOrganisatie=str(vreemd.uuid)), format="json"
    )
    assert "niet verwijzen" in problem(response, 403)["detail"]
    assert not Verwijzing.objects.exists()


def test_create_organisation_unknown_or_missing_and_a_purpose_of_one_s_own():
    o = opzet()
    unknown = "00000000-0000-0000-0000-000000000000"
    body = problem(
        o.verwijzer.post(URL, payload(verwijzerOrganisatie=unknown), format="json"),
        400,
    )
    assert fields(body) == {"verwijzerOrganisatie"}
    los = client_for(verwijzer_create(), "verwijzer")
    assert (
        "geen organisatie"
        in problem(los.post(URL, payload(), format="json"), 403)["detail"]
    )
    doel = {"doel": "Alleen voor vraagverheldering."}
    toestemming = {**payload()["toestemming"], **doel}
    response = o.verwijzer.post(URL, payload(toestemming=toestemming), format="json")
    assert response.status_code == 201
    assert response.json()["toestemming"]["doel"] == doel["doel"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"inwoner": {"naam": "", "telefoon": "0118-1"}}, "inwoner.naam"),
        ({"inwoner": {"naam": "J. de Visser"}}, "inwoner.telefoon"),
        (
            {"inwoner": {"naam": "J", "email": "geen-adres"}},
            "inwoner.email",
        ),
        (
            {"inwoner": {"naam": "J", "telefoon": "1", "bsn": "123"}},
            "inwoner.bsn",
        ),
        ({"inwoner": {"telefoon": "0118-1"}}, "inwoner.naam"),
        (
            {"inwoner": {"naam": "J", "telefoon": "1", "geboortedatum": "12-04-1961"}},
            "inwoner.geboortedatum",
        ),
        ({"gemeente": "Middelburg"}, "gemeente"),
        ({"gemeente": "GM9999"}, "gemeente"),
        ({"problemen": []}, "problemen"),
        ({"problemen": ["verdriet"]}, "problemen.0"),
        ({"warmeOverdracht": "bellen"}, "warmeOverdracht"),
        (
            {
                "voorwaarden": {
                    "nietAlleenMedisch": True,
                    "geenGgz": False,
                    "vraagverhelderingNodig": True,
                    "onvoldoendeEigenRegie": True,
                }
            },
            "voorwaarden.geenGgz",
        ),
        (
            {
                "voorwaarden": {
                    "nietAlleenMedisch": False,
                    "geenGgz": True,
                    "vraagverhelderingNodig": True,
                    "onvoldoendeEigenRegie": True,
                }
            },
            "voorwaarden",
        ),
        ({"voorwaarden": {"geenGgz": True}}, "voorwaarden.nietAlleenMedisch"),
        (
            {
                "toestemming": {
                    "gegevenDoor": "inwoner",
                    "gegevenOp": (timezone.now() + timedelta(days=1)).isoformat(),
                    "wijze": "mondeling",
                }
            },
            "toestemming",
        ),
        ({"toestemming": {"gegevenDoor": "buurman"}}, "toestemming.gegevenDoor"),
        ({"verwijzerOrganisatie": "niet-een-uuid"}, "verwijzerOrganisatie"),
    ],
)
def test_create_errors_name_the_request_field(change, field):
    o = opzet()
    body = problem(o.verwijzer.post(URL, payload(**change), format="json"), 400)
    assert field in fields(body), body
    assert body["detail"] == "De invoer is ongeldig."
    assert all(e["message"] for e in body["errors"])
    assert not Verwijzing.objects.exists()


def test_create_in_a_gemeente_without_bridging_organisation():
    o = opzet()
    body = problem(
        o.verwijzer.post(URL, payload(gemeente="GM0718"), format="json"), 400
    )
    assert fields(body) == {"gemeente"}
    assert "brugfunctionarissen" in body["errors"][0]["message"]


def test_create_without_a_body_names_every_required_field():
    o = opzet()
    body = problem(o.verwijzer.post(URL, {}, format="json"), 400)
    assert fields(body) == {
        "inwoner",
        "gemeente",
        "problemen",
        "voorwaarden",
        "warmeOverdracht",
        "toestemming",
    }


# -- list ----------------------------------------------------------------------


def test_list_shows_each_party_its_own_and_audits_every_row_with_its_reason():
    o = opzet()
    eigen = verwijzing_send(o.keten)
    andere = keten_create(Gemeente.objects.get(code="GM0718"))
    verwijzing_send(andere)
    body = o.verwijzer.get(URL).json()
    assert [r["uuid"] for r in body["results"]] == [str(eigen.uuid)]
    (rij,) = body["results"]
    assert rij["rol"] == "verwijzer"
    assert rij["inwoner"]["naam"] == "Johanna de Visser"
    assert "statussen" not in rij
    (event,) = audit("verwijzing.listed", eigen, o.keten.verwijzer)
    assert event.extra == {"reden": "opvolging"}

    body = o.brug.get(URL).json()
    assert [r["uuid"] for r in body["results"]] == [str(eigen.uuid)]
    assert body["results"][0]["rol"] == "brugfunctionaris"
    assert body["results"][0]["toegestaneActies"] == ["accepteren", "terugsturen"]
    (event,) = audit("verwijzing.listed", eigen, o.keten.brugfunctionaris)
    assert event.extra == {"reden": "behandeling"}

    o.brug.get(URL, {"reden": "inzageverzoek"})
    redenen = {
        e.extra["reden"]
        for e in audit("verwijzing.listed", eigen, o.keten.brugfunctionaris)
    }
    assert redenen == {"behandeling", "inzageverzoek"}


def test_list_is_empty_for_a_colleague_who_did_not_refer():
    o = opzet()
    verwijzing_send(o.keten)
    collega = client_for(verwijzer_create(o.keten.praktijk), "verwijzer")
    body = collega.get(URL).json()
    assert body["count"] == 0
    assert not AuditEvent.objects.filter(event="verwijzing.listed").exists()


def test_list_is_paginated_and_audits_only_the_rows_shown():
    o = opzet()
    sent = [verwijzing_send(o.keten, now=T0 + timedelta(days=i)) for i in range(3)]
    body = o.verwijzer.get(URL, {"page_size": 2}).json()
    assert body["count"] == 3
    assert [r["uuid"] for r in body["results"]] == [
        str(sent[2].uuid),
        str(sent[1].uuid),
    ]
    assert body["next"] is not None and body["previous"] is None
    assert AuditEvent.objects.filter(event="verwijzing.listed").count() == 2
    second = o.verwijzer.get(URL, {"page_size": 2, "page": 2}).json()
    assert [r["uuid"] for r in second["results"]] == [str(sent[0].uuid)]
    problem(o.verwijzer.get(URL, {"page": 9}), 404)


def test_list_filters():
    o = opzet()
    oud = verwijzing_send(o.keten, now=T0)
    midden = verwijzing_send(o.keten, now=T0 + timedelta(days=10))
    nieuw = verwijzing_send(o.keten, now=T0 + timedelta(days=20))
    services.verwijzing_transition(
        user=o.keten.brugfunctionaris,
        verwijzing=midden,
        actie=workflow.Actie.ACCEPTEREN,
    )
    services.verwijzing_transition(
        user=o.keten.verwijzer,
        verwijzing=nieuw,
        actie=workflow.Actie.INTREKKEN,
        reden="Dubbel verstuurd.",
    )

    def uuids(**params: Any) -> list[str]:
        response = o.verwijzer.get(URL, params)
        assert response.status_code == 200, response.content
        return [r["uuid"] for r in response.json()["results"]]

    assert uuids(status="verstuurd") == [str(oud.uuid)]
    assert uuids(status=["verstuurd", "ingetrokken"]) == [
        str(nieuw.uuid),
        str(oud.uuid),
    ]
    assert uuids(aangemaaktVanaf="2025-03-13") == [str(nieuw.uuid), str(midden.uuid)]
    assert uuids(aangemaaktTot="2025-03-13") == [str(midden.uuid), str(oud.uuid)]
    assert uuids(aangemaaktVanaf="2025-03-04", aangemaaktTot="2025-03-20") == [
        str(midden.uuid)
    ]
    assert len(uuids(gemeente="gm0687")) == 3
    assert uuids(gemeente="GM0718") == []
    assert len(uuids(richting="verstuurd")) == 3
    assert uuids(richting="ontvangen") == []
    brug = o.brug.get(URL, {"richting": "ontvangen"}).json()
    assert brug["count"] == 3
    assert o.brug.get(URL, {"richting": "verstuurd"}).json()["count"] == 0


def test_list_queries_do_not_grow_with_the_rows():
    o = opzet()
    verwijzing_send(o.keten)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert o.brug.get(URL).status_code == 200
        return len(ctx.captured_queries)

    one = queries()
    for i in range(5):
        verwijzing_send(o.keten, now=T0 + timedelta(days=i + 1))
    assert queries() == one


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "open"}, "status"),
        ({"richting": "alle"}, "richting"),
        ({"gemeente": "0687"}, "gemeente"),
        ({"aangemaaktVanaf": "3 maart"}, "aangemaaktVanaf"),
        ({"reden": "nieuwsgierig"}, "reden"),
    ],
)
def test_list_rejects_unknown_filter_values(params, field):
    o = opzet()
    assert field in fields(problem(o.verwijzer.get(URL, params), 400))


def test_list_roles_match_the_permission_rules():
    """`rollen_voor` reads the organisations once per page; it must agree
    with `permissions.rol_for` on every row."""
    o = opzet()
    a = verwijzing_send(o.keten)
    b = verwijzing_send(o.keten)
    services.toestemming_withdraw(user=o.keten.verwijzer, verwijzing=b)
    # One person who refers and works for the receiving organisation.
    beide = brugfunctionaris_create(o.keten.welzijn, beroep="huisarts")
    beide.user_permissions.add(referral_permission("add_verwijzing"))
    OrganisatieLidFactory(user=beide, organisatie=o.keten.praktijk)
    beide = User.objects.get(pk=beide.pk)
    c = verwijzing_send(o.keten, user=beide)
    services.toestemming_withdraw(user=beide, verwijzing=c)
    rows = list(Verwijzing.objects.select_related("toestemming"))
    for user in (o.keten.verwijzer, o.keten.brugfunctionaris, beide):
        user = User.objects.get(pk=user.pk)
        assert rollen_voor(user, rows) == {v.pk: rol_for(user, v) for v in rows}
    assert rollen_voor(beide, rows)[a.pk] == workflow.Rol.BRUGFUNCTIONARIS
    assert rollen_voor(beide, rows)[c.pk] == workflow.Rol.VERWIJZER


# -- detail --------------------------------------------------------------------


def test_detail_is_read_with_the_role_s_reason_or_the_one_given():
    o = opzet()
    verwijzing = verwijzing_send(o.keten)
    url = f"{URL}{verwijzing.uuid}/"
    assert o.verwijzer.get(url).status_code == 200
    assert o.brug.get(url).status_code == 200
    assert o.brug.get(url, {"reden": "inzageverzoek"}).status_code == 200
    (event,) = audit("verwijzing.viewed", verwijzing, o.keten.verwijzer)
    assert event.extra == {"reden": "opvolging"}
    redenen = sorted(
        e.extra["reden"]
        for e in audit("verwijzing.viewed", verwijzing, o.keten.brugfunctionaris)
    )
    assert redenen == ["behandeling", "inzageverzoek"]
    assert "reden" in fields(problem(o.brug.get(url, {"reden": "x"}), 400))


def test_detail_shows_the_verwijzer_status_and_feedback_but_not_the_work():
    o = opzet()
    verwijzing = verwijzing_send(o.keten, now=timezone.now())
    b = o.keten.brugfunctionaris
    services.verwijzing_transition(
        user=b, verwijzing=verwijzing, actie=workflow.Actie.ACCEPTEREN
    )
    services.contact_record(
        user=b,
        verwijzing=verwijzing,
        soort="gesprek",
        datum=timezone.localdate(),
        duur_minuten=45,
        leefgebieden=["eenzaamheid"],
    )
    services.terugkoppeling_send(
        user=b,
        verwijzing=verwijzing,
        soort="eerste_contact",
        aan_de_slag_met="Gaat naar de inloop.",
    )
    url = f"{URL}{verwijzing.uuid}/"
    brug = o.brug.get(url).json()
    assert brug["rol"] == "brugfunctionaris"
    assert [c["duurMinuten"] for c in brug["contacten"]] == [45]
    assert brug["verbindingen"] == []
    assert brug["status"] == "in_behandeling"
    assert brug["eersteContactOp"] is not None
    verwijzer = o.verwijzer.get(url).json()
    assert verwijzer["rol"] == "verwijzer"
    assert "contacten" not in verwijzer and "verbindingen" not in verwijzer
    assert verwijzer["status"] == "in_behandeling"
    assert [t["aanDeSlagMet"] for t in verwijzer["terugkoppelingen"]] == [
        "Gaat naar de inloop."
    ]
    assert [s["naar"] for s in verwijzer["statussen"]] == [
        "verstuurd",
        "geaccepteerd",
        "in_behandeling",
    ]
    assert verwijzer["toegestaneActies"] == []


def test_detail_of_someone_else_s_referral_is_the_same_404_as_none():
    o = opzet()
    verwijzing = verwijzing_send(o.keten)
    andere = opzet(Gemeente.objects.get(code="GM0718"))
    collega = client_for(verwijzer_create(o.keten.praktijk), "verwijzer")
    missing = problem(
        o.verwijzer.get(f"{URL}00000000-0000-0000-0000-000000000000/"), 404
    )
    for client in (andere.brug, andere.verwijzer, collega):
        body = problem(client.get(f"{URL}{verwijzing.uuid}/"), 404)
        assert body["detail"] == missing["detail"] == "Verwijzing niet gevonden."
    assert not AuditEvent.objects.filter(event="verwijzing.viewed").exists()


def test_after_consent_is_withdrawn_the_receiving_organisation_loses_access():
    o = opzet()
    verwijzing = verwijzing_send(o.keten)
    url = f"{URL}{verwijzing.uuid}/"
    services.toestemming_withdraw(user=o.keten.verwijzer, verwijzing=verwijzing)
    problem(o.brug.get(url), 404)
    assert o.brug.get(URL).json()["count"] == 0
    body = o.verwijzer.get(url).json()
    assert body["status"] == "ingetrokken"
    assert body["toestemming"]["ingetrokkenOp"] is not None
