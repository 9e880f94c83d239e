# SPDX-License-Identifier: EUPL-1.2
"""POST /api/v1/fhir/ServiceRequest: a FHIR R4 ServiceRequest (contained
Patient and Consent) or an export Bundle becomes a new referral.

The round trip export → import must give a referral with the same resident,
problems, conditions, warm referral kind and consent. Every rejected
resource answers 400 (or 403/415) with an OperationOutcome, parsed with
fhir.resources, whose issue names the element; nothing is written then.
"""

import copy
import json
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse

import pytest
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.servicerequest import ServiceRequest

from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import login_with_2fa
from dekkend.audit.models import AuditEvent
from dekkend.referrals.constants import (
    Probleem,
    Status,
    ToestemmingGever,
    ToestemmingWijze,
    WarmeOverdracht,
)
from dekkend.referrals.fhir import codes
from dekkend.referrals.fhir import services as fhir_services
from dekkend.referrals.models import Toestemming, Verwijzing
from dekkend.referrals.services import verwijzing_anonymise
from dekkend.referrals.tests.factories import (
    T0,
    Keten,
    PraktijkFactory,
    RegioInstellingFactory,
    inwoner,
    keten_create,
    toestemming,
    verwijzer_create,
    verwijzing_send,
)
from dekkend.regions.tests.factories import RegioFactory, regio_add
from dekkend.register.tests.factories import OrganisatieLidFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/fhir/ServiceRequest"
FHIR_JSON = "application/fhir+json"
BSN = "123456782"
ANDER_SYSTEEM = "https://his.example.nl/fhir/NamingSystem/verwijzing"


@pytest.fixture
def keten() -> Keten:
    return keten_create()


def test_the_route_is_named():
    assert reverse("fhir-servicerequest") == URL


def _post(client: Any, body: Any, content_type: str = FHIR_JSON) -> Any:
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL, data=data, content_type=content_type)


def _export(client: Any, verwijzing: Verwijzing) -> dict[str, Any]:
    response = client.get(reverse("verwijzing-fhir", kwargs={"uuid": verwijzing.uuid}))
    assert response.status_code == 200
    return response.json()


def _request() -> dict[str, Any]:
    """A ServiceRequest as another system might send it: contained Patient
    (name in parts, postcode only) and Consent, no requester."""
    return {
        "resourceType": "ServiceRequest",
        "contained": [
            {
                "resourceType": "Patient",
                "id": "p",
                "name": [{"given": ["Johanna"], "family": "de Visser"}],
                "birthDate": "1961-04-12",
                "telecom": [{"system": "phone", "value": "0118-123456"}],
                "address": [{"postalCode": "4331 AB"}],
            },
            {
                "resourceType": "Consent",
                "id": "c",
                "extension": [
                    {"url": codes.EXT_TOESTEMMING_WIJZE, "valueCode": "digitaal"}
                ],
                "status": "active",
                "scope": {
                    "coding": [
                        {
                            "system": codes.CONSENT_SCOPE_SYSTEM,
                            "code": "patient-privacy",
                        }
                    ]
                },
                "category": [
                    {"coding": [{"system": codes.V3_ACT_CODE, "code": "IDSCL"}]}
                ],
                "patient": {"reference": "#p"},
                "dateTime": "2025-03-03T08:30:00+01:00",
                "policyRule": {
                    "coding": [{"system": codes.V3_ACT_CODE, "code": "OPTIN"}]
                },
            },
        ],
        "extension": [
            {"url": url, "valueBoolean": True} for url in codes.EXT_VOORWAARDE.values()
        ],
        "status": "active",
        "intent": "order",
        "code": {"coding": [{"system": codes.SNOMED, "code": "308440001"}]},
        "orderDetail": [
            {
                "coding": [
                    {
                        "system": codes.WARME_OVERDRACHT_SYSTEM,
                        "code": "afspraak_gemaakt",
                    }
                ]
            }
        ],
        "subject": {"reference": "#p"},
        "authoredOn": "2025-03-03T09:00:00+01:00",
        "reasonCode": [
            {"coding": [{"system": codes.PROBLEEM_SYSTEM, "code": "wonen"}]}
        ],
        "supportingInfo": [{"reference": "#c"}],
    }


def _outcome(response: Any, status: int = 400) -> OperationOutcome:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == FHIR_JSON
    return OperationOutcome.model_validate(response.json())


# -- Round trip ------------------------------------------------------------------


def test_the_export_round_trips_through_the_import(client, keten):
    regio = RegioFactory()
    regio_add(regio, keten.gemeente)
    RegioInstellingFactory(regio=regio, bsn_toegestaan=True, bsn_grondslag="Convenant")
    gegeven_op = datetime(2025, 3, 3, 8, 45, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
    old = verwijzing_send(
        keten,
        inwoner=inwoner(bsn=BSN),
        problemen=[Probleem.WONEN.value, Probleem.ZINGEVING.value],
        warme_overdracht=WarmeOverdracht.INTRODUCTIE.value,
        toestemming=toestemming(
            gegeven_door=ToestemmingGever.VERTEGENWOORDIGER.value,
            gegeven_op=gegeven_op,
            wijze=ToestemmingWijze.SCHRIFTELIJK.value,
            doel="Doorverwijzen naar de welzijnscoach",
        ),
    )
    login_with_2fa(client, keten.verwijzer)
    bundle = _export(client, old)
    # As exported by another installation: Dekkend's own identifier of a
    # referral here would make it the same referral (see below).
    sent = bundle["entry"][0]["resource"]
    sent["identifier"] = [{"system": ANDER_SYSTEEM, "value": "vw-1"}]

    response = _post(client, bundle)

    assert response.status_code == 201, response.content
    assert response["Content-Type"] == FHIR_JSON
    new = Verwijzing.objects.exclude(pk=old.pk).get()
    assert response["Location"] == f"/api/v1/verwijzingen/{new.uuid}/"
    fields = [
        "inwoner_naam",
        "inwoner_geboortedatum",
        "inwoner_telefoon",
        "inwoner_email",
        "inwoner_postcode",
        "inwoner_bsn",
        "inwoner_toelichting",
        "problemen",
        "voorwaarde_niet_alleen_medisch",
        "voorwaarde_geen_ggz",
        "voorwaarde_vraagverheldering_nodig",
        "voorwaarde_onvoldoende_eigen_regie",
        "warme_overdracht",
        "gemeente",
        "verwijzer",
        "verwijzer_organisatie",
        "ontvanger_organisatie",
    ]
    assert {f: getattr(new, f) for f in fields} == {f: getattr(old, f) for f in fields}
    assert new.uuid != old.uuid and new.status == Status.VERSTUURD
    assert new.opgesteld_op == old.aangemaakt_op
    assert new.inwoner_bsn == BSN
    consent_fields = ["gegeven_door", "gegeven_op", "wijze", "doel"]
    old_consent, new_consent = old.toestemming, Toestemming.objects.get(verwijzing=new)
    assert {f: getattr(new_consent, f) for f in consent_fields} == {
        f: getattr(old_consent, f) for f in consent_fields
    }
    assert new_consent.gegeven_op == gegeven_op
    assert new_consent.vastgelegd_door == keten.verwijzer
    body = ServiceRequest.model_validate(response.json())
    assert body.id == str(new.uuid)
    assert {c.get_resource_type() for c in body.contained} == {
        "Patient",
        "Consent",
        "PractitionerRole",
    }


def test_the_answer_to_an_import_sent_again_is_the_same_referral(client, keten):
    login_with_2fa(client, keten.verwijzer)
    first = _post(client, _request())
    assert first.status_code == 201, first.content

    second = _post(client, first.json())

    assert second.status_code == 200, second.content
    assert second.json()["id"] == first.json()["id"]
    assert Verwijzing.objects.count() == 1


def test_the_export_imported_again_is_the_same_referral(client, keten):
    old = verwijzing_send(keten)
    login_with_2fa(client, keten.verwijzer)

    response = _post(client, _export(client, old))

    assert response.status_code == 200, response.content
    assert response.json()["id"] == str(old.uuid)
    assert Verwijzing.objects.get() == old


# -- The sender's identifier, authoredOn and performer -------------------------


def _with_identifier(value: str = "vw-2025-0042", **changes: Any) -> dict[str, Any]:
    body = _request()
    body["identifier"] = [{"system": ANDER_SYSTEEM, "value": value}]
    body.update(changes)
    return body


def test_the_sender_s_identifier_and_authored_on_are_kept(client, keten):
    login_with_2fa(client, keten.verwijzer)

    response = _post(client, _with_identifier())

    assert response.status_code == 201, response.content
    v = Verwijzing.objects.get()
    assert list(v.identifiers.values_list("system", "value")) == [
        (ANDER_SYSTEEM, "vw-2025-0042")
    ]
    authored = datetime(2025, 3, 3, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert v.opgesteld_op == authored
    sent_back = ServiceRequest.model_validate(response.json())
    assert [(i.use, i.system, i.value) for i in sent_back.identifier] == [
        ("official", codes.VERWIJZING_SYSTEM, str(v.uuid)),
        ("secondary", ANDER_SYSTEEM, "vw-2025-0042"),
    ]
    assert sent_back.authoredOn == authored
    exported = _export(client, v)["entry"][0]["resource"]
    assert exported["authoredOn"] == "2025-03-03T09:00:00+01:00"
    assert {"use": "secondary", "system": ANDER_SYSTEEM, "value": "vw-2025-0042"} in (
        exported["identifier"]
    )


def test_the_same_service_request_twice_is_one_referral(client, keten):
    login_with_2fa(client, keten.verwijzer)
    first = _post(client, _with_identifier())
    changed = _with_identifier(note=[{"text": "Tweede keer verstuurd"}])

    second = _post(client, changed)

    assert (first.status_code, second.status_code) == (201, 200)
    v = Verwijzing.objects.get()
    assert second.json()["id"] == str(v.uuid)
    # The first import wins: a resend does not change the referral.
    assert v.inwoner_toelichting == ""
    assert v.statussen.count() == 1
    events = list(
        AuditEvent.objects.filter(object_id=str(v.uuid))
        .order_by("pk")
        .values_list("event", flat=True)
    )
    assert events.count("verwijzing.created") == 1
    assert events[-1] == "verwijzing.viewed"


def test_an_identifier_of_someone_else_s_referral_is_a_conflict(client, keten):
    login_with_2fa(client, keten.verwijzer)
    assert _post(client, _with_identifier()).status_code == 201
    collega = verwijzer_create(keten.praktijk)
    collega.groups.add(role_group("verwijzer"))
    client.logout()
    login_with_2fa(client, collega)

    outcome = _outcome(_post(client, _with_identifier()), 409)

    assert outcome.issue[0].code == "duplicate"
    assert outcome.issue[0].expression == ["ServiceRequest.identifier"]
    assert "Johanna" not in json.dumps(outcome.model_dump(mode="json"))
    assert Verwijzing.objects.count() == 1


def test_anonymisation_forgets_the_sender_s_identifier(client, keten):
    login_with_2fa(client, keten.verwijzer)
    assert _post(client, _with_identifier()).status_code == 201
    v = Verwijzing.objects.get()

    verwijzing_anonymise(verwijzing=v, now=T0 + timedelta(days=800))

    assert not v.identifiers.exists()
    assert v.opgesteld_op is not None  # a date, kept for the statistics


@pytest.mark.parametrize(
    ("changes", "element", "code"),
    [
        ({"identifier": [{"value": "42"}]}, "ServiceRequest.identifier[0]", "required"),
        (
            {"authoredOn": "2099-01-01T10:00:00+01:00"},
            "ServiceRequest.authoredOn",
            "invalid",
        ),
        ({"authoredOn": "2025-03"}, "ServiceRequest.authoredOn", "invalid"),
    ],
)
def test_a_bad_identifier_or_authored_on_is_refused(
    client, keten, changes, element, code
):
    login_with_2fa(client, keten.verwijzer)

    outcome = _outcome(_post(client, {**_request(), **changes}))

    assert [(i.expression, i.code) for i in outcome.issue] == [([element], code)]
    assert not Verwijzing.objects.exists()


def _performer(organisatie: Any) -> list[dict[str, Any]]:
    identifier = {"system": codes.ORGANISATIE_SYSTEM, "value": str(organisatie.uuid)}
    return [{"type": "Organization", "identifier": identifier}]


def test_a_performer_must_be_the_gemeente_s_organisation(client, keten):
    login_with_2fa(client, keten.verwijzer)
    elders = PraktijkFactory()

    outcome = _outcome(_post(client, _with_identifier(performer=_performer(elders))))

    assert outcome.issue[0].expression == ["ServiceRequest.performer[0]"]
    assert keten.welzijn.naam in outcome.issue[0].diagnostics
    assert not Verwijzing.objects.exists()
    response = _post(client, _with_identifier(performer=_performer(keten.welzijn)))
    assert response.status_code == 201, response.content


def test_a_service_request_from_another_system_is_imported(client, keten):
    login_with_2fa(client, keten.verwijzer)

    response = _post(client, _request())

    assert response.status_code == 201, response.content
    v = Verwijzing.objects.get()
    assert v.inwoner_naam == "Johanna de Visser"
    assert v.inwoner_postcode == "4331 AB"
    # No gemeente code was sent: the postcode's PC4 area decides.
    assert v.gemeente == keten.gemeente
    # No requester: the verwijzer's only organisation.
    assert v.verwijzer_organisatie == keten.praktijk
    assert v.ontvanger_organisatie == keten.welzijn
    assert v.problemen == ["wonen"]
    assert v.warme_overdracht == "afspraak_gemaakt"
    assert (v.toestemming.wijze, v.toestemming.gegeven_door) == ("digitaal", "inwoner")
    assert v.toestemming.gegeven_op == T0 - timedelta(minutes=30)
    events = set(
        AuditEvent.objects.filter(object_id=str(v.uuid)).values_list("event", flat=True)
    )
    assert events == {"verwijzing.created", "verwijzing.imported"}


def test_plain_json_is_accepted(client, keten):
    login_with_2fa(client, keten.verwijzer)

    response = _post(client, _request(), content_type="application/json")

    assert response.status_code == 201
    assert Verwijzing.objects.count() == 1


# -- Rejected resources --------------------------------------------------------


def _patient(r: dict[str, Any]) -> dict[str, Any]:
    return r["contained"][0]


def _consent(r: dict[str, Any]) -> dict[str, Any]:
    return r["contained"][1]


CASES: dict[str, tuple[Any, str, str]] = {
    # name: (change to _request(), expected expression, issue code)
    "wrong resourceType": (
        lambda r: r.update(resourceType="Patient"),
        "resourceType",
        "invalid",
    ),
    "missing resourceType": (
        lambda r: r.pop("resourceType"),
        "resourceType",
        "required",
    ),
    "unknown element": (
        lambda r: r.update(verwijzer="dr. X"),
        "ServiceRequest.verwijzer",
        "structure",
    ),
    "missing subject": (
        lambda r: r.pop("subject"),
        "ServiceRequest.subject",
        "required",
    ),
    "subject not sent along": (
        lambda r: r.update(subject={"reference": "Patient/123"}),
        "ServiceRequest.subject",
        "invalid",
    ),
    "invalid birth date": (
        lambda r: _patient(r).update(birthDate="1961-02-30"),
        "ServiceRequest.contained[0].birthDate",
        "invalid",
    ),
    "partial birth date": (
        lambda r: _patient(r).update(birthDate="1961"),
        "ServiceRequest.contained[0].birthDate",
        "invalid",
    ),
    "invalid consent date": (
        lambda r: _consent(r).update(dateTime="3 maart"),
        "ServiceRequest.contained[1].dateTime",
        "invalid",
    ),
    "unknown problem code": (
        lambda r: r["reasonCode"][0]["coding"][0].update(code="armoede"),
        "ServiceRequest.reasonCode[0].coding[0].code",
        "invalid",
    ),
    "no problem at all": (
        lambda r: r.update(reasonCode=[{"text": "somber"}]),
        "ServiceRequest.reasonCode",
        "invalid",
    ),
    "unknown warm referral kind": (
        lambda r: r["orderDetail"][0]["coding"][0].update(code="brief"),
        "ServiceRequest.orderDetail[0].coding[0].code",
        "invalid",
    ),
    "missing consent": (
        lambda r: r.pop("supportingInfo"),
        "ServiceRequest.supportingInfo",
        "required",
    ),
    "consent withdrawn": (
        lambda r: _consent(r).update(status="inactive"),
        "ServiceRequest.contained[1].status",
        "invalid",
    ),
    "consent without how it was given": (
        lambda r: _consent(r).pop("extension"),
        "ServiceRequest.contained[1].extension",
        "required",
    ),
    "consent given in the future": (
        lambda r: _consent(r).update(dateTime="2099-01-01T10:00:00+01:00"),
        "ServiceRequest.contained[1]",
        "invalid",
    ),
    "no name": (
        lambda r: _patient(r).pop("name"),
        "ServiceRequest.contained[0].name",
        "invalid",
    ),
    "no phone or e-mail": (
        lambda r: _patient(r).pop("telecom"),
        "ServiceRequest.contained[0].telecom",
        "invalid",
    ),
    "doubt about ggz": (
        lambda r: r["extension"][1].update(valueBoolean=False),
        "ServiceRequest.extension[1]",
        "invalid",
    ),
    "a condition not met": (
        lambda r: r["extension"][0].update(valueBoolean=False),
        "ServiceRequest.extension",
        "invalid",
    ),
    "a condition left out": (
        lambda r: r["extension"].pop(0),
        "ServiceRequest.extension",
        "required",
    ),
    "no address": (
        lambda r: _patient(r).pop("address"),
        "ServiceRequest.contained[0].address",
        "required",
    ),
    "invalid postcode": (
        lambda r: _patient(r).update(address=[{"postalCode": "ABCD"}]),
        "ServiceRequest.contained[0].address[0].postalCode",
        "invalid",
    ),
    "unknown postcode": (
        # 1000 is a well-formed PC4 that CBS does not list.
        lambda r: _patient(r).update(address=[{"postalCode": "1000 AA"}]),
        "ServiceRequest.contained[0].address[0].postalCode",
        "invalid",
    ),
    "consent without a date": (
        lambda r: _consent(r).pop("dateTime"),
        "ServiceRequest.contained[1].dateTime",
        "required",
    ),
    "consent dated by month only": (
        lambda r: _consent(r).update(dateTime="2025-03"),
        "ServiceRequest.contained[1].dateTime",
        "invalid",
    ),
    "consent that denies": (
        lambda r: _consent(r).update(provision={"type": "deny"}),
        "ServiceRequest.contained[1].provision.type",
        "invalid",
    ),
    "consent of another resident": (
        lambda r: _consent(r).update(patient={"reference": "Patient/iemand-anders"}),
        "ServiceRequest.contained[1].patient",
        "invalid",
    ),
    "consent given by a practitioner": (
        lambda r: _consent(r).update(performer=[{"reference": "Practitioner/7"}]),
        "ServiceRequest.contained[1].performer[0]",
        "invalid",
    ),
    "unknown gemeente": (
        lambda r: _patient(r).update(address=[{"district": "GM9999"}]),
        "ServiceRequest.contained[0].address[0].district",
        "invalid",
    ),
    "unknown contained resource": (
        lambda r: r["contained"].append({"resourceType": "Verwijsbrief"}),
        "ServiceRequest.contained[2].resourceType",
        "invalid",
    ),
    "completed request": (
        lambda r: r.update(status="completed"),
        "ServiceRequest.status",
        "business-rule",
    ),
    "a plan, not an order": (
        lambda r: r.update(intent="plan"),
        "ServiceRequest.intent",
        "invalid",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_rejected_resource_gets_an_operation_outcome(client, keten, case):
    change, expression, code = CASES[case]
    body = _request()
    change(body)
    login_with_2fa(client, keten.verwijzer)

    outcome = _outcome(_post(client, body))

    matching = [i for i in outcome.issue if i.expression == [expression]]
    assert matching, [i.expression for i in outcome.issue]
    assert matching[0].code == code
    assert matching[0].severity == "error"
    assert matching[0].diagnostics.startswith(f"{expression}: ")
    assert not Verwijzing.objects.exists()


def test_malformed_json_gets_an_operation_outcome(client, keten):
    login_with_2fa(client, keten.verwijzer)

    outcome = _outcome(_post(client, '{"resourceType": "ServiceRequest",'))

    [issue] = outcome.issue
    assert issue.code == "structure"
    # No element to name: the diagnostics give the position in the body.
    assert issue.expression is None
    assert "JSON" in issue.diagnostics and "line 1 column 35" in issue.diagnostics
    assert not Verwijzing.objects.exists()


def test_a_json_array_is_not_a_resource(client, keten):
    login_with_2fa(client, keten.verwijzer)

    outcome = _outcome(_post(client, [_request()]))

    assert outcome.issue[0].code == "structure"


def test_another_content_type_is_refused(client, keten):
    login_with_2fa(client, keten.verwijzer)

    outcome = _outcome(_post(client, "<ServiceRequest/>", "application/fhir+xml"), 415)

    assert outcome.issue[0].code == "not-supported"


def test_issues_in_a_bundle_name_the_entry(client, keten):
    login_with_2fa(client, keten.verwijzer)
    bundle = _export(client, verwijzing_send(keten))
    patient = next(
        e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    )
    index = bundle["entry"].index(patient)
    patient["resource"]["birthDate"] = "12-04-1961"
    del patient["resource"]["name"]

    outcome = _outcome(_post(client, bundle))

    assert [i.expression for i in outcome.issue] == [
        [f"Bundle.entry[{index}].resource.birthDate"]
    ]
    assert Verwijzing.objects.count() == 1


def test_service_errors_in_a_bundle_name_the_entry(client, keten):
    login_with_2fa(client, keten.verwijzer)
    bundle = _export(client, verwijzing_send(keten))
    del bundle["entry"][0]["resource"]["identifier"]  # else it is that referral
    index, patient = next(
        (i, e["resource"])
        for i, e in enumerate(bundle["entry"])
        if e["resource"]["resourceType"] == "Patient"
    )
    del patient["name"]

    outcome = _outcome(_post(client, bundle))

    assert [i.expression for i in outcome.issue] == [
        [f"Bundle.entry[{index}].resource.name"]
    ]
    assert "naam" in outcome.issue[0].diagnostics


def test_a_bundle_without_a_service_request_is_refused(client, keten):
    login_with_2fa(client, keten.verwijzer)
    bundle = _export(client, verwijzing_send(keten))
    bundle["entry"] = [
        e for e in bundle["entry"] if e["resource"]["resourceType"] != "ServiceRequest"
    ]

    outcome = _outcome(_post(client, bundle))

    assert outcome.issue[0].expression == ["Bundle.entry"]
    assert outcome.issue[0].code == "required"


def test_all_problems_are_reported_at_once(client, keten):
    body = _request()
    _patient(body)["birthDate"] = "1961"
    body["reasonCode"][0]["coding"][0]["code"] = "armoede"
    body.pop("supportingInfo")
    login_with_2fa(client, keten.verwijzer)

    outcome = _outcome(_post(client, body))

    assert {i.expression[0] for i in outcome.issue} == {
        "ServiceRequest.contained[0].birthDate",
        "ServiceRequest.reasonCode[0].coding[0].code",
        "ServiceRequest.supportingInfo",
    }


def test_nothing_is_written_when_the_import_fails_after_the_referral(
    keten, monkeypatch
):
    before = (Verwijzing.objects.count(), Toestemming.objects.count())

    def fail(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("audit store down")

    monkeypatch.setattr(fhir_services, "record", fail)
    with pytest.raises(RuntimeError):
        fhir_services.verwijzing_import(user=keten.verwijzer, data=_request())

    assert (Verwijzing.objects.count(), Toestemming.objects.count()) == before


# -- Who may import --------------------------------------------------------------


def test_anonymous_users_cannot_import(client, keten):
    response = _post(client, _request())

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert not Verwijzing.objects.exists()


def test_a_verwijzer_without_two_factor_verification_is_refused(client, keten):
    huisarts = verwijzer_create(keten.praktijk)
    huisarts.groups.add(role_group("verwijzer"))
    client.force_login(huisarts)

    response = _post(client, _request())

    assert response.status_code == 403
    assert not Verwijzing.objects.exists()


def test_a_brugfunctionaris_cannot_import(client, keten):
    login_with_2fa(client, keten.brugfunctionaris)

    response = _post(client, _request())

    assert response.status_code == 403
    # Refused by the view's permission, before any FHIR is read: a problem
    # document, not an OperationOutcome from the service.
    assert response["Content-Type"] == "application/problem+json"
    assert not Verwijzing.objects.exists()


def test_a_verwijzer_cannot_refer_for_another_organisation(client, keten):
    andere = PraktijkFactory()
    body = _request()
    body["requester"] = {
        "type": "Organization",
        "identifier": {"system": codes.ORGANISATIE_SYSTEM, "value": str(andere.uuid)},
    }
    login_with_2fa(client, keten.verwijzer)

    outcome = _outcome(_post(client, body), 403)

    assert outcome.issue[0].code == "forbidden"
    assert outcome.issue[0].expression == ["ServiceRequest.requester"]
    assert not Verwijzing.objects.exists()


def test_a_verwijzer_of_two_practices_names_the_requester(client, keten):
    tweede = PraktijkFactory()
    OrganisatieLidFactory(user=keten.verwijzer, organisatie=tweede)
    login_with_2fa(client, keten.verwijzer)

    outcome = _outcome(_post(client, _request()))
    assert outcome.issue[0].expression == ["ServiceRequest.requester"]

    body = copy.deepcopy(_request())
    body["requester"] = {
        "type": "Organization",
        "identifier": {"system": codes.ORGANISATIE_SYSTEM, "value": str(tweede.uuid)},
    }
    assert _post(client, body).status_code == 201
    assert Verwijzing.objects.get().verwijzer_organisatie == tweede
