# SPDX-License-Identifier: EUPL-1.2
"""The workflow over the API: the whole walk of 003 §4 (send, accept,
contact, connect, feed back, close, closing feedback), each step as a
resource, and how refused steps are reported (403 not your role, 409 not in
this status, 400 missing reason or outcome, naming the field)."""

from datetime import timedelta
from typing import Any

from django.utils import timezone

import pytest

from dekkend.audit.models import AuditEvent
from dekkend.referrals import services, workflow
from dekkend.referrals.models import StatusWijziging, Verwijzing
from dekkend.referrals.tests.factories import verwijzing_in_behandeling, verwijzing_send
from dekkend.referrals.tests.test_api_verwijzingen import (
    URL,
    Opzet,
    fields,
    opzet,
    payload,
    problem,
)
from dekkend.register.constants import AanbodSoort
from dekkend.register.tests.factories import AanbodFactory

pytestmark = pytest.mark.django_db


def _post(client: Any, url: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(url, data or {}, format="json")


def _verstuurd(o: Opzet) -> Verwijzing:
    """A referral sent today (the API checks dates against today)."""
    return verwijzing_send(o.keten, now=timezone.now())


def test_the_whole_walk_over_the_api():
    o = opzet()
    aanbod = AanbodFactory(soort=AanbodSoort.SCHULDHULP, naam="Schuldhulp Walcheren")

    created = _post(o.verwijzer, URL, payload())
    assert created.status_code == 201, created.content
    uuid = created.json()["uuid"]
    base = f"{URL}{uuid}/"

    step = _post(o.brug, f"{base}statussen/", {"actie": "accepteren"})
    assert step.status_code == 201, step.content
    assert step.json()["van"] == "verstuurd"
    assert step.json()["naar"] == "geaccepteerd"
    assert step.json()["actie"] == "accepteren"

    contact = _post(
        o.brug,
        f"{base}contacten/",
        {"soort": "huisbezoek", "duurMinuten": 60, "leefgebieden": ["eenzaamheid"]},
    )
    assert contact.status_code == 201, contact.content
    assert contact.json()["datum"] == timezone.localdate().isoformat()
    assert o.brug.get(base).json()["status"] == "in_behandeling"

    verbonden = _post(o.brug, f"{base}verbindingen/", {"aanbod": str(aanbod.uuid)})
    assert verbonden.status_code == 201, verbonden.content
    assert verbonden.json()["aanbod"] == {
        "uuid": str(aanbod.uuid),
        "naam": "Schuldhulp Walcheren",
    }
    assert verbonden.json()["soort"] == "schuldhulp"
    beschreven = _post(
        o.brug,
        f"{base}verbindingen/",
        {"soort": "sport_bewegen", "omschrijving": "Wandelgroep in de wijk"},
    )
    assert beschreven.status_code == 201, beschreven.content
    assert beschreven.json()["aanbod"] is None

    eerste = _post(
        o.brug,
        f"{base}terugkoppelingen/",
        {"soort": "eerste_contact", "aanDeSlagMet": "Schuldhulp en wandelen."},
    )
    assert eerste.status_code == 201, eerste.content

    sluiten = _post(
        o.brug, f"{base}statussen/", {"actie": "afsluiten", "uitkomst": "verbonden"}
    )
    assert sluiten.status_code == 201, sluiten.content
    assert sluiten.json()["naar"] == "afgesloten"

    slot = _post(
        o.brug,
        f"{base}terugkoppelingen/",
        {"soort": "afsluiting", "aanDeSlagMet": "Gaat wekelijks.", "geholpen": True},
    )
    assert slot.status_code == 201, slot.content
    assert slot.json()["geholpen"] is True

    verwijzing = Verwijzing.objects.get(uuid=uuid)
    assert verwijzing.status == "afgesloten"
    assert verwijzing.uitkomst == "verbonden"
    assert verwijzing.terugkoppeling_bij_afsluiten is True
    assert verwijzing.eerste_terugkoppeling_op is not None

    # The verwijzer follows it: status, outcome and feedback, not the work.
    gezien = o.verwijzer.get(base).json()
    assert gezien["status"] == "afgesloten"
    assert gezien["uitkomst"] == "verbonden"
    assert [t["soort"] for t in gezien["terugkoppelingen"]] == [
        "eerste_contact",
        "afsluiting",
    ]
    assert "verbindingen" not in gezien and "contacten" not in gezien
    feedback = o.verwijzer.get(f"{base}terugkoppelingen/")
    assert [t["aanDeSlagMet"] for t in feedback.json()] == [
        "Schuldhulp en wandelen.",
        "Gaat wekelijks.",
    ]
    historie = o.brug.get(f"{base}statussen/").json()
    assert [s["actie"] for s in historie] == [
        "aanmaken",
        "accepteren",
        "eerste_contact",
        "afsluiten",
    ]
    assert len(o.brug.get(f"{base}verbindingen/").json()) == 2
    assert len(o.brug.get(f"{base}contacten/").json()) == 1
    events = set(
        AuditEvent.objects.filter(object_id=uuid).values_list("event", flat=True)
    )
    assert {
        "verwijzing.created",
        "verwijzing.accepted",
        "contact.recorded",
        "verwijzing.started",
        "verbinding.recorded",
        "terugkoppeling.sent",
        "verwijzing.closed",
        "verwijzing.viewed",
    } <= events


# -- refused steps -------------------------------------------------------------


def test_a_step_for_the_other_role_is_forbidden_and_audited():
    o = opzet()
    verwijzing = _verstuurd(o)
    url = f"{URL}{verwijzing.uuid}/statussen/"
    body = problem(_post(o.verwijzer, url, {"actie": "accepteren"}), 403)
    assert body["detail"] == "De actie 'accepteren' is voor de brugfunctionaris."
    body = problem(_post(o.brug, url, {"actie": "intrekken", "reden": "x"}), 403)
    assert body["detail"] == "De actie 'intrekken' is voor de verwijzer."
    # Not for the verwijzer in any state, so not a conflict either.
    body = problem(_post(o.verwijzer, url, {"actie": "afsluiten"}), 403)
    assert "brugfunctionaris" in body["detail"]
    assert (
        AuditEvent.objects.filter(
            event="verwijzing.transition_refused", object_id=str(verwijzing.uuid)
        ).count()
        == 3
    )
    assert Verwijzing.objects.get(pk=verwijzing.pk).status == "verstuurd"


def test_a_step_that_does_not_fit_the_status_is_a_conflict_on_actie():
    o = opzet()
    verwijzing = _verstuurd(o)
    url = f"{URL}{verwijzing.uuid}/statussen/"
    assert _post(o.brug, url, {"actie": "accepteren"}).status_code == 201
    body = problem(_post(o.brug, url, {"actie": "accepteren"}), 409)
    assert body["title"] == "Conflict"
    assert body["detail"].startswith("Deze stap kan nu niet:")
    assert body["errors"] == [
        {
            "field": "actie",
            "message": "'accepteren' kan niet bij status 'geaccepteerd'.",
        }
    ]
    body = problem(_post(o.brug, url, {"actie": "hervatten"}), 409)
    assert fields(body) == {"actie"}
    assert StatusWijziging.objects.filter(verwijzing=verwijzing).count() == 2


def test_a_missing_reason_or_outcome_is_a_400_on_that_field():
    o = opzet()
    verwijzing = _verstuurd(o)
    url = f"{URL}{verwijzing.uuid}/statussen/"
    body = problem(_post(o.brug, url, {"actie": "terugsturen"}), 400)
    assert body["errors"] == [{"field": "reden", "message": "Geef een reden."}]
    body = problem(_post(o.verwijzer, url, {"actie": "intrekken", "reden": " "}), 400)
    assert fields(body) == {"reden"}
    assert _post(o.brug, url, {"actie": "accepteren"}).status_code == 201
    body = problem(_post(o.brug, url, {"actie": "afsluiten"}), 400)
    assert body["errors"] == [
        {"field": "uitkomst", "message": "Kies een uitkomst om af te sluiten."}
    ]
    # Before any contact only 'niet bereikt' or 'afgezien' close a referral.
    body = problem(
        _post(o.brug, url, {"actie": "afsluiten", "uitkomst": "geholpen"}), 400
    )
    assert fields(body) == {"uitkomst"}
    closed = _post(o.brug, url, {"actie": "afsluiten", "uitkomst": "niet_bereikt"})
    assert closed.status_code == 201


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "actie"),
        ({"actie": "eerste_contact"}, "actie"),
        ({"actie": "toestemming_ingetrokken"}, "actie"),
        ({"actie": "afsluiten", "uitkomst": "prima"}, "uitkomst"),
    ],
)
def test_invalid_step_input(data, field):
    o = opzet()
    verwijzing = _verstuurd(o)
    body = problem(_post(o.brug, f"{URL}{verwijzing.uuid}/statussen/", data), 400)
    assert fields(body) == {field}


def test_the_verwijzer_sees_reasons_addressed_to_them_not_internal_ones():
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    url = f"{URL}{verwijzing.uuid}/statussen/"
    assert (
        _post(o.brug, url, {"actie": "pauzeren", "reden": "Opname."}).status_code == 201
    )
    assert _post(o.brug, url, {"actie": "hervatten"}).status_code == 201
    andere = _verstuurd(o)
    teruggestuurd = _post(
        o.brug,
        f"{URL}{andere.uuid}/statussen/",
        {"actie": "terugsturen", "reden": "Past bij de ggz."},
    )
    assert teruggestuurd.json()["reden"] == "Past bij de ggz."

    def by_actie(client: Any, v: Verwijzing) -> dict[str, Any]:
        return {s["actie"]: s for s in client.get(f"{URL}{v.uuid}/statussen/").json()}

    verwijzer = by_actie(o.verwijzer, verwijzing)
    assert "reden" not in verwijzer["pauzeren"]
    assert by_actie(o.brug, verwijzing)["pauzeren"]["reden"] == "Opname."
    assert by_actie(o.verwijzer, andere)["terugsturen"]["reden"] == "Past bij de ggz."
    (viewed,) = AuditEvent.objects.filter(
        event="verwijzing.viewed", object_id=str(andere.uuid)
    )
    assert viewed.extra == {"reden": "opvolging"}


# -- contacts, connections, feedback --------------------------------------------


def test_contact_before_acceptance_is_a_conflict_and_bad_values_name_the_field():
    o = opzet()
    verwijzing = _verstuurd(o)
    url = f"{URL}{verwijzing.uuid}/contacten/"
    body = problem(_post(o.brug, url, {"soort": "gesprek", "duurMinuten": 30}), 409)
    assert fields(body) == {"status"}
    assert "geaccepteerde" in body["detail"]
    services.verwijzing_transition(
        user=o.keten.brugfunctionaris,
        verwijzing=verwijzing,
        actie=workflow.Actie.ACCEPTEREN,
    )
    morgen = (timezone.localdate() + timedelta(days=1)).isoformat()
    for data, field in (
        ({"soort": "gesprek", "duurMinuten": 0}, "duurMinuten"),
        ({"soort": "gesprek", "duurMinuten": 30, "datum": morgen}, "datum"),
        (
            {"soort": "gesprek", "duurMinuten": 30, "leefgebieden": ["x"]},
            "leefgebieden",
        ),
        ({"soort": "brief", "duurMinuten": 30}, "soort"),
        ({"soort": "gesprek"}, "duurMinuten"),
    ):
        assert fields(problem(_post(o.brug, url, data), 400)) == {field}, data
    assert Verwijzing.objects.get(pk=verwijzing.pk).status == "geaccepteerd"


def test_connection_needs_a_first_contact_and_an_offer():
    o = opzet()
    verwijzing = _verstuurd(o)
    url = f"{URL}{verwijzing.uuid}/verbindingen/"
    services.verwijzing_transition(
        user=o.keten.brugfunctionaris,
        verwijzing=verwijzing,
        actie=workflow.Actie.ACCEPTEREN,
    )
    body = problem(_post(o.brug, url, {"soort": "overig", "omschrijving": "x"}), 409)
    assert fields(body) == {"status"}
    verwijzing = verwijzing_in_behandeling(o.keten)
    url = f"{URL}{verwijzing.uuid}/verbindingen/"
    unknown = "00000000-0000-0000-0000-000000000000"
    assert fields(problem(_post(o.brug, url, {"aanbod": unknown}), 400)) == {"aanbod"}
    assert fields(problem(_post(o.brug, url, {}), 400)) == {"soort"}
    assert fields(problem(_post(o.brug, url, {"soort": "overig"}), 400)) == {
        "omschrijving"
    }


def test_feedback_only_after_contact_and_closing_feedback_only_after_closing():
    o = opzet()
    verwijzing = _verstuurd(o)
    url = f"{URL}{verwijzing.uuid}/terugkoppelingen/"
    body = problem(_post(o.brug, url, {"soort": "eerste_contact"}), 400)
    assert fields(body) == {"soort"}
    verwijzing = verwijzing_in_behandeling(o.keten)
    url = f"{URL}{verwijzing.uuid}/terugkoppelingen/"
    body = problem(_post(o.brug, url, {"soort": "afsluiting"}), 400)
    assert body["errors"][0]["message"] == "Sluit de verwijzing eerst af."
    assert _post(o.brug, url, {"soort": "tussentijds"}).status_code == 201
    assert o.verwijzer.get(url).json()[0]["soort"] == "tussentijds"


# -- consent withdrawal ----------------------------------------------------------


def test_the_verwijzer_records_a_withdrawal():
    o = opzet()
    verwijzing = verwijzing_in_behandeling(o.keten)
    response = _post(o.verwijzer, f"{URL}{verwijzing.uuid}/toestemming-intrekking/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ingetrokken"
    assert body["rol"] == "verwijzer"
    assert body["toestemming"]["ingetrokkenOp"] is not None
    assert body["statussen"][-1]["actie"] == "toestemming_ingetrokken"
    # The answer shows the resident's data again, so it is a logged read.
    assert AuditEvent.objects.filter(
        event="verwijzing.viewed",
        actor=o.keten.verwijzer,
        object_id=str(verwijzing.uuid),
    ).exists()
    problem(o.brug.get(f"{URL}{verwijzing.uuid}/"), 404)
    # Recording it again changes nothing.
    again = _post(o.verwijzer, f"{URL}{verwijzing.uuid}/toestemming-intrekking/")
    assert again.status_code == 200
    assert again.json()["toestemming"] == body["toestemming"]


def test_the_brugfunctionaris_records_a_withdrawal_and_then_sees_no_personal_data():
    o = opzet()
    verwijzing = _verstuurd(o)
    url = f"{URL}{verwijzing.uuid}/toestemming-intrekking/"
    response = _post(o.brug, url)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["rol"] is None
    assert body["status"] == "ingetrokken"
    assert body["toegestaneActies"] == []
    for hidden in ("inwoner", "toelichting", "problemen", "statussen", "contacten"):
        assert hidden not in body
    assert AuditEvent.objects.filter(
        event="toestemming.withdrawn", actor=o.keten.brugfunctionaris
    ).exists()
    problem(_post(o.brug, url), 404)
