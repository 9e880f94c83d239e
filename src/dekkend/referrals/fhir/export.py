# SPDX-License-Identifier: EUPL-1.2
"""A referral as FHIR R4 resources (docs/fhir.md): ServiceRequest, Task,
Consent, a minimal Patient and the requester's PractitionerRole.

`verwijzing_bundle` gives them as a Bundle of type "collection" with
`urn:uuid:` full URLs; `service_request_contained` gives the ServiceRequest
alone with Patient, Consent and PractitionerRole contained (the shape the
import answers with). Both are validated with fhir.resources (R4B models,
wire-compatible with R4 for these resources) before they are returned.

Pure mapping: the caller reads the referral through the selectors (which
audit the read) and passes it in with its consent, history, feedback and
connections loaded. Nothing here writes or checks permissions.
"""

import uuid
from collections.abc import Callable
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.servicerequest import ServiceRequest

from dekkend.referrals import workflow
from dekkend.referrals.constants import (
    Probleem,
    ToestemmingGever,
    ToestemmingWijze,
    WarmeOverdracht,
)
from dekkend.referrals.fhir import codes
from dekkend.referrals.fhir.elements import (
    coding,
    compact,
    concept,
    dt,
    fhir_date,
    organisation,
    resource_id,
)
from dekkend.referrals.fhir.task import task_resource
from dekkend.referrals.models import Toestemming, Verwijzing

# Display texts are Dutch whatever the request's language, so an export does
# not depend on who made it.
LANGUAGE = "nl"


def _patient(v: Verwijzing) -> dict[str, Any]:
    address = {
        "extension": [
            {
                "url": codes.EXT_GEMEENTE,
                "valueCoding": coding(
                    codes.GEMEENTE_SYSTEM, v.gemeente.code, v.gemeente.naam
                ),
            }
        ],
        "postalCode": v.inwoner_postcode,
        "district": v.gemeente.naam,
        "country": "NL",
    }
    return {
        "resourceType": "Patient",
        "identifier": [{"system": codes.BSN_SYSTEM, "value": v.inwoner_bsn}]
        if v.inwoner_bsn
        else [],
        "name": [{"text": v.inwoner_naam}] if v.inwoner_naam else [],
        "telecom": [
            {"system": system, "value": value}
            for system, value in (
                ("phone", v.inwoner_telefoon),
                ("email", v.inwoner_email),
            )
            if value
        ],
        "birthDate": fhir_date(v.inwoner_geboortedatum),
        "address": [address],
    }


def _practitioner_role(v: Verwijzing) -> dict[str, Any]:
    """The referrer: a name and their organisation, nothing more."""
    return {
        "resourceType": "PractitionerRole",
        "practitioner": {"display": v.verwijzer.get_full_name()},
        "organization": organisation(v.verwijzer_organisatie),
    }


def _consent(
    v: Verwijzing, toestemming: Toestemming, ref: Callable[[str], str]
) -> dict[str, Any]:
    if toestemming.gegeven_door == ToestemmingGever.INWONER:
        performer = {"reference": ref("Patient")}
    else:
        performer = {
            "type": "RelatedPerson",
            "display": str(ToestemmingGever(toestemming.gegeven_door).label),
        }
    wijze = ToestemmingWijze(toestemming.wijze)
    return {
        "resourceType": "Consent",
        "extension": [
            {
                "url": codes.EXT_TOESTEMMING_WIJZE,
                "valueCoding": coding(
                    codes.TOESTEMMING_WIJZE_SYSTEM, wijze.value, str(wijze.label)
                ),
            },
            {"url": codes.EXT_TOESTEMMING_DOEL, "valueString": toestemming.doel},
        ],
        "status": "active" if toestemming.geldig else "inactive",
        "scope": concept(
            codes.CONSENT_SCOPE_SYSTEM, "patient-privacy", "Privacy Consent"
        ),
        "category": [concept(codes.V3_ACT_CODE, "IDSCL", "information disclosure")],
        "patient": {"reference": ref("Patient")},
        "dateTime": dt(toestemming.gegeven_op),
        "performer": [performer],
        "organization": [organisation(v.verwijzer_organisatie)],
        "policyRule": {
            "coding": [coding(codes.V3_ACT_CODE, "OPTIN", "opt-in")],
            "text": _("Uitdrukkelijke toestemming (AVG art. 9 lid 2 onder a)"),
        },
        "provision": {
            "type": "permit",
            "period": {
                "start": dt(toestemming.gegeven_op),
                "end": dt(toestemming.ingetrokken_op),
            },
            "actor": [
                {
                    "role": concept(
                        codes.V3_PARTICIPATION_TYPE, "IRCP", "information recipient"
                    ),
                    "reference": organisation(v.ontvanger_organisatie),
                }
            ],
            "purpose": [coding(codes.V3_ACT_REASON, "COC", "coordination of care")],
        },
    }


def _service_request(
    v: Verwijzing, ref: Callable[[str], str], has_consent: bool
) -> dict[str, Any]:
    problemen = [Probleem(p) for p in v.problemen if p in Probleem.values]
    sdoh = dict.fromkeys(codes.SDOH_CATEGORY[p] for p in problemen)
    warm = (
        WarmeOverdracht(v.warme_overdracht)
        if v.warme_overdracht in WarmeOverdracht.values
        else None
    )
    return {
        "resourceType": "ServiceRequest",
        "extension": [
            {"url": url, "valueBoolean": getattr(v, f"voorwaarde_{name}")}
            for name, url in codes.EXT_VOORWAARDE.items()
        ],
        "identifier": [
            {
                "use": "official",
                "system": codes.VERWIJZING_SYSTEM,
                "value": str(v.uuid),
            },
            *(
                {"use": "secondary", "system": i.system, "value": i.value}
                for i in v.identifiers.all()
            ),
        ],
        "status": codes.SERVICE_REQUEST_STATUS[workflow.Status(v.status)],
        "intent": "order",
        "category": [
            {"coding": [coding(codes.SNOMED, *codes.SNOMED_PATIENT_REFERRAL)]},
            *({"coding": [coding(codes.SDOHCC_SYSTEM, *c)]} for c in sdoh),
        ],
        "code": {
            "coding": [coding(codes.SNOMED, *codes.SNOMED_REFERRAL_TO_SOCIAL_WORKER)],
            "text": _("Sociaal verwijzen"),
        },
        "orderDetail": [
            concept(codes.WARME_OVERDRACHT_SYSTEM, warm.value, str(warm.label))
        ]
        if warm
        else [],
        "subject": {"reference": ref("Patient")},
        # The sender's own time for an imported referral.
        "authoredOn": dt(v.opgesteld_op or v.aangemaakt_op),
        "requester": {
            "reference": ref("PractitionerRole"),
            "display": v.verwijzer_organisatie.naam,
        },
        "performer": [organisation(v.ontvanger_organisatie)],
        "reasonCode": [
            concept(codes.PROBLEEM_SYSTEM, p.value, str(p.label)) for p in problemen
        ],
        "supportingInfo": [
            {"reference": ref("Consent"), "display": _("Toestemming van de inwoner")}
        ]
        if has_consent
        else [],
        "note": [{"text": v.inwoner_toelichting}] if v.inwoner_toelichting else [],
    }


def _meta(resource: dict[str, Any]) -> dict[str, Any]:
    return {"profile": [codes.PROFILE[resource["resourceType"]]]}


def _with_id(v: Verwijzing, resource: dict[str, Any]) -> dict[str, Any]:
    kind = resource["resourceType"]
    return compact({"id": resource_id(v, kind), "meta": _meta(resource), **resource})


def _toestemming(v: Verwijzing) -> Toestemming | None:
    try:
        return v.toestemming
    except Toestemming.DoesNotExist:
        return None


def verwijzing_bundle(verwijzing: Verwijzing, *, rol: workflow.Rol) -> dict[str, Any]:
    """The referral as a FHIR R4 Bundle (type "collection"), JSON-ready, as
    `rol` may see it: the verwijzer gets no connections and no reasons of the
    receiving organisation's steps."""

    def ref(kind: str) -> str:
        return f"urn:uuid:{resource_id(verwijzing, kind)}"

    toestemming = _toestemming(verwijzing)
    with translation.override(LANGUAGE):
        resources = [
            _service_request(verwijzing, ref, toestemming is not None),
            task_resource(verwijzing, ref, rol),
            _consent(verwijzing, toestemming, ref) if toestemming else None,
            _patient(verwijzing),
            _practitioner_role(verwijzing),
        ]
    entries = [
        {"fullUrl": ref(r["resourceType"]), "resource": _with_id(verwijzing, r)}
        for r in resources
        if r is not None
    ]
    data = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(verwijzing.uuid, "Bundle")),
        "type": "collection",
        "timestamp": dt(timezone.now()),
        "entry": entries,
    }
    return Bundle.model_validate(data).model_dump(mode="json")


def service_request_contained(verwijzing: Verwijzing) -> dict[str, Any]:
    """The ServiceRequest with Patient, Consent and PractitionerRole contained
    (`#Patient`, …), JSON-ready."""

    def ref(kind: str) -> str:
        return f"#{kind}"

    toestemming = _toestemming(verwijzing)
    with translation.override(LANGUAGE):
        contained = [
            _patient(verwijzing),
            _consent(verwijzing, toestemming, ref) if toestemming else None,
            _practitioner_role(verwijzing),
        ]
        request = _service_request(verwijzing, ref, toestemming is not None)
    data = _with_id(verwijzing, request)
    data["contained"] = [
        compact({"id": r["resourceType"], "meta": _meta(r), **r})
        for r in contained
        if r is not None
    ]
    return ServiceRequest.model_validate(data).model_dump(mode="json")
