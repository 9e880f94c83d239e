# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/verwijzingen/{uuid}/fhir: a referral as a FHIR R4 Bundle.

Every export is parsed back with fhir.resources (the R4B models) and read
element by element; the Task status per workflow state is checked against
both the literal Gravity code and `workflow.FHIR_TASK_STATUS`. Who may
export is tested at the end (anonymous, no 2FA, wrong role, other
organisation).
"""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.urls import reverse

import pytest
from fhir.resources.consent import Consent as ConsentR5
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.consent import Consent as ConsentR4B

from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import login_with_2fa
from dekkend.audit.models import AuditEvent
from dekkend.referrals import services, workflow
from dekkend.referrals.constants import (
    ContactSoort,
    Probleem,
    Status,
    TerugkoppelingSoort,
    ToestemmingGever,
    ToestemmingWijze,
)
from dekkend.referrals.fhir import codes
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.tests.factories import (
    T0,
    Keten,
    RegioInstellingFactory,
    WelzijnsorganisatieFactory,
    brugfunctionaris_create,
    inwoner,
    keten_create,
    toestemming,
    verwijzer_create,
    verwijzing_send,
)
from dekkend.regions.tests.factories import RegioFactory, regio_add
from dekkend.register.constants import AanbodSoort
from dekkend.register.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BSN = "123456782"


@pytest.fixture
def keten() -> Keten:
    return keten_create()


def _url(verwijzing: Verwijzing) -> str:
    return reverse("verwijzing-fhir", kwargs={"uuid": verwijzing.uuid})


def _export(client: Any, user: Any, verwijzing: Verwijzing) -> dict[str, Any]:
    login_with_2fa(client, user)
    response = client.get(_url(verwijzing))
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/fhir+json"
    return response.json()


def _by_type(body: dict[str, Any]) -> dict[str, Any]:
    """Parse the bundle with fhir.resources and index its entries by type."""
    bundle = Bundle.model_validate(body)
    assert bundle.type == "collection"
    entries = {e.resource.get_resource_type(): e for e in bundle.entry}
    assert len(entries) == len(bundle.entry)
    assert all(e.fullUrl.startswith("urn:uuid:") for e in bundle.entry)
    return entries


def _codes(concepts: list[Any], system: str) -> list[str]:
    return [c.code for cc in concepts or [] for c in cc.coding if c.system == system]


def _extension(resource: Any, url: str) -> Any:
    [found] = [e for e in resource.extension or [] if e.url == url]
    return found


def test_a_sent_referral_exports_as_a_valid_bundle(client, keten):
    v = verwijzing_send(keten)

    entries = _by_type(_export(client, keten.verwijzer, v))

    assert set(entries) == {
        "ServiceRequest",
        "Task",
        "Consent",
        "Patient",
        "PractitionerRole",
    }
    url = {kind: entry.fullUrl for kind, entry in entries.items()}
    sr = entries["ServiceRequest"].resource
    assert sr.id == str(v.uuid)
    assert (sr.status, sr.intent) == ("active", "order")
    assert _codes([sr.code], codes.SNOMED) == ["308440001"]
    assert "3457005" in _codes(sr.category, codes.SNOMED)
    assert set(_codes(sr.category, codes.SDOHCC_SYSTEM)) == {
        "social-connection",
        "financial-insecurity",
    }
    assert sorted(_codes(sr.reasonCode, codes.PROBLEEM_SYSTEM)) == [
        "eenzaamheid",
        "geld_schulden",
    ]
    assert _codes(sr.orderDetail, codes.WARME_OVERDRACHT_SYSTEM) == [
        "graag_contact_opnemen"
    ]
    for url_ in codes.EXT_VOORWAARDE.values():
        assert _extension(sr, url_).valueBoolean is True
    assert sr.subject.reference == url["Patient"]
    assert [s.reference for s in sr.supportingInfo] == [url["Consent"]]
    assert sr.requester.reference == url["PractitionerRole"]
    assert sr.performer[0].identifier.value == str(keten.welzijn.uuid)
    assert sr.performer[0].identifier.system == codes.ORGANISATIE_SYSTEM
    assert sr.authoredOn == T0
    assert sr.note[0].text == "Slaapt slecht sinds het overlijden van haar man."

    role = entries["PractitionerRole"].resource
    assert role.organization.identifier.value == str(keten.praktijk.uuid)
    assert role.organization.display == keten.praktijk.naam

    task = entries["Task"].resource
    assert task.status == "requested"
    assert _codes([task.businessStatus], codes.STATUS_SYSTEM) == ["verstuurd"]
    assert task.focus.reference == url["ServiceRequest"]
    assert [b.reference for b in task.basedOn] == [url["ServiceRequest"]]
    assert task.for_fhir.reference == url["Patient"]
    assert task.owner.identifier.value == str(keten.welzijn.uuid)
    assert _codes([task.code], codes.TASK_CODE_SYSTEM) == ["fulfill"]
    assert task.statusReason is None and task.output is None

    patient = entries["Patient"].resource
    assert patient.name[0].text == "Johanna de Visser"
    assert patient.birthDate.isoformat() == "1961-04-12"
    assert {(t.system, t.value) for t in patient.telecom} == {
        ("phone", "0118-123456"),
        ("email", "j.devisser@example.nl"),
    }
    address = patient.address[0]
    assert address.postalCode == "4331 AB"
    assert _extension(address, codes.EXT_GEMEENTE).valueCoding.code == "GM0687"
    assert patient.identifier is None  # no BSN without a regional agreement

    consent = entries["Consent"].resource
    assert consent.status == "active"
    assert _codes([consent.scope], codes.CONSENT_SCOPE_SYSTEM) == ["patient-privacy"]
    assert consent.patient.reference == url["Patient"]
    assert consent.performer[0].reference == url["Patient"]
    assert consent.dateTime == T0
    assert consent.provision.type == "permit"
    assert consent.provision.period.end is None
    wijze = _extension(consent, codes.EXT_TOESTEMMING_WIJZE).valueCoding
    assert wijze.code == ToestemmingWijze.MONDELING


def test_the_consent_is_r4_not_the_r5_default_of_fhir_resources(client, keten):
    """ADR 0008: fhir.resources' default namespace is R5, whose Consent has
    no scope, patient or dateTime; the R4B models are the R4 wire format."""
    body = _export(client, keten.verwijzer, verwijzing_send(keten))
    [consent] = [
        e["resource"]
        for e in body["entry"]
        if e["resource"]["resourceType"] == "Consent"
    ]

    assert ConsentR4B.model_validate(consent).scope is not None
    with pytest.raises(ValueError, match="scope"):
        ConsentR5.model_validate(consent)


def test_the_export_is_stable_and_in_dutch_whatever_the_language(client, keten):
    v = verwijzing_send(keten)
    first = _export(client, keten.verwijzer, v)
    second = client.get(_url(v), HTTP_ACCEPT_LANGUAGE="en").json()

    first.pop("timestamp"), second.pop("timestamp")
    assert first == second
    sr = first["entry"][0]["resource"]
    assert sr["reasonCode"][0]["coding"][0]["display"] == "eenzaamheid"


def test_a_bsn_and_a_representatives_consent_are_exported(client, keten):
    regio = RegioFactory()
    regio_add(regio, keten.gemeente)
    RegioInstellingFactory(regio=regio, bsn_toegestaan=True, bsn_grondslag="Convenant")
    v = verwijzing_send(
        keten,
        inwoner=inwoner(bsn=BSN),
        toestemming=toestemming(
            gegeven_door=ToestemmingGever.VERTEGENWOORDIGER.value,
            wijze=ToestemmingWijze.SCHRIFTELIJK.value,
        ),
    )

    entries = _by_type(_export(client, keten.verwijzer, v))

    [identifier] = entries["Patient"].resource.identifier
    assert (identifier.system, identifier.value) == (codes.BSN_SYSTEM, BSN)
    consent = entries["Consent"].resource
    assert consent.performer[0].type == "RelatedPerson"
    wijze = _extension(consent, codes.EXT_TOESTEMMING_WIJZE).valueCoding
    assert wijze.code == "schriftelijk"


def _accept(k: Keten, v: Verwijzing) -> None:
    services.verwijzing_transition(
        user=k.brugfunctionaris,
        verwijzing=v,
        actie=workflow.Actie.ACCEPTEREN,
        now=T0 + timedelta(hours=1),
    )


def _contact(k: Keten, v: Verwijzing) -> None:
    _accept(k, v)
    services.contact_record(
        user=k.brugfunctionaris,
        verwijzing=v,
        soort=ContactSoort.GESPREK,
        datum=(T0 + timedelta(days=1)).date(),
        duur_minuten=45,
        leefgebieden=[Probleem.EENZAAMHEID],
        now=T0 + timedelta(days=1),
    )
    services.terugkoppeling_send(
        user=k.brugfunctionaris,
        verwijzing=v,
        soort=TerugkoppelingSoort.EERSTE_CONTACT,
        aan_de_slag_met="Gaat naar de inloop van het buurthuis.",
        now=T0 + timedelta(days=2),
    )


def _step(actie: workflow.Actie, reden: str = "", **kwargs: Any) -> Callable:
    def apply(k: Keten, v: Verwijzing) -> None:
        user = k.verwijzer if actie == workflow.Actie.INTREKKEN else k.brugfunctionaris
        services.verwijzing_transition(
            user=user,
            verwijzing=v,
            actie=actie,
            reden=reden,
            now=T0 + timedelta(days=3),
            **kwargs,
        )

    return apply


def _close(k: Keten, v: Verwijzing) -> None:
    _contact(k, v)
    services.verbinding_record(
        user=k.brugfunctionaris,
        verwijzing=v,
        datum=(T0 + timedelta(days=2)).date(),
        soort=AanbodSoort.SPORT_BEWEGEN,
        omschrijving="Wandelgroep Middelburg-Zuid",
    )
    _step(workflow.Actie.AFSLUITEN, uitkomst=workflow.Uitkomst.GEHOLPEN)(k, v)
    services.terugkoppeling_send(
        user=k.brugfunctionaris,
        verwijzing=v,
        soort=TerugkoppelingSoort.AFSLUITING,
        aan_de_slag_met="Doet mee met de wandelgroep.",
        geholpen=True,
        now=T0 + timedelta(days=4),
    )


def _withdraw(k: Keten, v: Verwijzing) -> None:
    services.toestemming_withdraw(
        user=k.verwijzer, verwijzing=v, now=T0 + timedelta(days=1)
    )


STATES: dict[str, tuple[Callable, str, str, str, str]] = {
    # name: (steps, status, Task.status, ServiceRequest.status, statusReason)
    "sent": (lambda k, v: None, Status.VERSTUURD, "requested", "active", ""),
    "accepted": (_accept, Status.GEACCEPTEERD, "accepted", "active", ""),
    "in progress with contact and feedback": (
        _contact,
        Status.IN_BEHANDELING,
        "in-progress",
        "active",
        "",
    ),
    "paused": (
        lambda k, v: (_accept(k, v), _step(workflow.Actie.PAUZEREN, "Opname")(k, v)),
        Status.GEPAUZEERD,
        "on-hold",
        "active",
        # A pause reason stays with the receiving organisation (see below).
        "",
    ),
    "returned": (
        _step(workflow.Actie.TERUGSTUREN, "Woont buiten ons werkgebied"),
        Status.TERUGGESTUURD,
        "rejected",
        "revoked",
        "Woont buiten ons werkgebied",
    ),
    "closed with outcome": (_close, Status.AFGESLOTEN, "completed", "completed", ""),
    "cancelled by the referrer": (
        _step(workflow.Actie.INTREKKEN, "Dubbel verstuurd"),
        Status.INGETROKKEN,
        "cancelled",
        "revoked",
        "Dubbel verstuurd",
    ),
    "consent withdrawn": (
        _withdraw,
        Status.INGETROKKEN,
        "cancelled",
        "revoked",
        "Toestemming ingetrokken",
    ),
}


@pytest.mark.parametrize("state", STATES)
def test_the_task_follows_the_workflow(client, keten, state):
    steps, status, task_status, request_status, reason = STATES[state]
    v = verwijzing_send(keten)
    steps(keten, v)
    v.refresh_from_db()
    assert v.status == status

    entries = _by_type(_export(client, keten.verwijzer, v))

    task = entries["Task"].resource
    assert task.status == task_status
    assert task.status == workflow.FHIR_TASK_STATUS[workflow.Status(v.status)]
    assert _codes([task.businessStatus], codes.STATUS_SYSTEM) == [status]
    assert entries["ServiceRequest"].resource.status == request_status
    assert (task.statusReason.text if task.statusReason else "") == reason


def test_contact_and_feedback_are_on_the_task(client, keten):
    v = verwijzing_send(keten)
    _contact(keten, v)

    task = _by_type(_export(client, keten.verwijzer, v))["Task"].resource

    assert task.executionPeriod.start == T0 + timedelta(days=1)
    assert task.executionPeriod.end is None
    [output] = task.output
    assert _codes([output.type], codes.TASK_OUTPUT_SYSTEM) == ["terugkoppeling"]
    assert output.valueAnnotation.text == "Gaat naar de inloop van het buurthuis."
    assert output.valueAnnotation.time == T0 + timedelta(days=2)
    soort = _extension(output, codes.EXT_TERUGKOPPELING_SOORT).valueCoding
    assert soort.code == "eerste_contact"


def test_a_closed_referral_carries_its_outcome_and_final_feedback(client, keten):
    v = verwijzing_send(keten)
    _close(keten, v)

    task = _by_type(_export(client, keten.verwijzer, v))["Task"].resource

    by_type = {}
    for output in task.output:
        by_type.setdefault(
            _codes([output.type], codes.TASK_OUTPUT_SYSTEM)[0], []
        ).append(output)
    [uitkomst] = by_type["uitkomst"]
    assert _codes([uitkomst.valueCodeableConcept], codes.UITKOMST_SYSTEM) == [
        "geholpen"
    ]
    last = by_type["terugkoppeling"][-1]
    assert last.valueAnnotation.text == "Doet mee met de wandelgroep."
    assert _extension(last, codes.EXT_GEHOLPEN).valueBoolean is True
    # Connections are the receiving organisation's work: not in the
    # verwijzer's export, as on the pages and in the API.
    assert "verbinding" not in by_type
    brug_task = _by_type(_export(client, keten.brugfunctionaris, v))["Task"].resource
    [verbinding] = [
        o
        for o in brug_task.output
        if _codes([o.type], codes.TASK_OUTPUT_SYSTEM) == ["verbinding"]
    ]
    concept = verbinding.valueCodeableConcept
    assert _codes([concept], codes.AANBOD_SOORT_SYSTEM) == ["sport_bewegen"]
    assert concept.text == "Wandelgroep Middelburg-Zuid"
    assert task.executionPeriod.end == T0 + timedelta(days=3)


def test_withdrawn_consent_exports_as_an_inactive_consent(client, keten):
    v = verwijzing_send(keten)
    _withdraw(keten, v)

    entries = _by_type(_export(client, keten.verwijzer, v))

    consent = entries["Consent"].resource
    assert consent.status == "inactive"
    assert consent.provision.period.end == T0 + timedelta(days=1)
    assert entries["Task"].resource.status == "cancelled"
    assert _codes([entries["Task"].resource.statusReason], codes.ACTIE_SYSTEM) == [
        "toestemming_ingetrokken"
    ]


def test_an_anonymised_referral_still_exports_a_valid_bundle(client, keten):
    v = verwijzing_send(keten)
    _close(keten, v)
    services.verwijzing_anonymise(
        verwijzing=Verwijzing.objects.get(pk=v.pk), now=T0 + timedelta(days=900)
    )

    entries = _by_type(_export(client, keten.verwijzer, v))

    patient = entries["Patient"].resource
    assert patient.name is None and patient.telecom is None
    assert patient.birthDate is None
    outputs = entries["Task"].resource.output
    assert {o.valueAnnotation.text for o in outputs if o.valueAnnotation} == {"-"}


def test_the_export_audits_the_read_as_an_exchange(client, keten):
    v = verwijzing_send(keten)

    _export(client, keten.brugfunctionaris, v)

    event = AuditEvent.objects.filter(event="verwijzing.viewed").latest("pk")
    assert event.actor == keten.brugfunctionaris
    assert event.object_id == str(v.uuid)
    assert event.extra == {"reden": "uitwisseling"}


def test_plain_json_is_served_when_asked_for(client, keten):
    v = verwijzing_send(keten)
    login_with_2fa(client, keten.verwijzer)

    response = client.get(_url(v), HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    Bundle.model_validate(response.json())


# -- Who may export ------------------------------------------------------------


def test_anonymous_users_get_nothing(client, keten):
    v = verwijzing_send(keten)

    response = client.get(_url(v))

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert not AuditEvent.objects.filter(event="verwijzing.viewed").exists()


def test_a_verwijzer_without_two_factor_verification_is_refused(client, keten):
    huisarts = verwijzer_create(keten.praktijk)
    huisarts.groups.add(role_group("verwijzer"))
    v = verwijzing_send(keten, user=huisarts)
    client.force_login(huisarts)

    response = client.get(_url(v))

    assert response.status_code == 403
    assert "Tweestapsverificatie" in response.json()["detail"]
    assert not AuditEvent.objects.filter(event="verwijzing.viewed").exists()


def test_a_role_without_referral_permissions_is_refused(client, keten):
    v = verwijzing_send(keten)
    regio_user = UserFactory()
    regio_user.groups.add(role_group("regio"))
    login_with_2fa(client, regio_user)

    assert client.get(_url(v)).status_code == 403


@pytest.mark.parametrize("who", ["other verwijzer", "other organisation"])
def test_others_get_a_404(client, keten, who):
    v = verwijzing_send(keten)
    user = (
        verwijzer_create(keten.praktijk)
        if who == "other verwijzer"
        else brugfunctionaris_create(WelzijnsorganisatieFactory())
    )
    login_with_2fa(client, user)

    response = client.get(_url(v))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_receiving_organisation_loses_access_when_consent_is_withdrawn(
    client, keten
):
    v = verwijzing_send(keten)
    login_with_2fa(client, keten.brugfunctionaris)
    assert client.get(_url(v)).status_code == 200

    _withdraw(keten, v)

    assert client.get(_url(v)).status_code == 404


def test_the_pause_reason_is_for_the_receiving_organisation_only(client, keten):
    v = verwijzing_send(keten)
    _accept(keten, v)
    _step(workflow.Actie.PAUZEREN, "Opname")(keten, v)
    brug = _by_type(_export(client, keten.brugfunctionaris, v))["Task"].resource
    assert brug.statusReason.text == "Opname"
    verwijzer = _by_type(_export(client, keten.verwijzer, v))["Task"].resource
    assert verwijzer.statusReason is None
