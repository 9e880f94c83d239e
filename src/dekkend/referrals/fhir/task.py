# SPDX-License-Identifier: EUPL-1.2
"""The Task of a referral, as the Gravity SDOH closed-loop pattern keeps it:
`status` from `workflow.FHIR_TASK_STATUS`, `businessStatus` the Dekkend
status, `statusReason` from the history, and `output` with the outcome
(Uitkomst), the feedback (Terugkoppeling) and the connections made
(Verbinding). Pure mapping, like `export.py`, which calls it.
"""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from dekkend.referrals import workflow
from dekkend.referrals.constants import Status, TerugkoppelingSoort, Uitkomst
from dekkend.referrals.fhir import codes
from dekkend.referrals.fhir.elements import coding, concept, dt, organisation
from dekkend.referrals.models import Verwijzing
from dekkend.register.constants import AanbodSoort


def _status_reason(v: Verwijzing, rol: workflow.Rol) -> dict[str, Any] | None:
    """Why the referral is in its current state, from the last status record.
    The verwijzer gets only the reasons meant for them
    (`workflow.REDEN_VOOR_VERWIJZER`), as on the pages and in the API."""
    last = None
    for wijziging in v.statussen.all():
        if wijziging.naar == v.status:
            last = wijziging
    if last is None or not (
        last.reden or last.actie == workflow.Actie.TOESTEMMING_INGETROKKEN
    ):
        return None
    if (
        rol != workflow.Rol.BRUGFUNCTIONARIS
        and last.reden
        and last.actie not in workflow.REDEN_VOOR_VERWIJZER
    ):
        return None
    text = last.reden or _("Toestemming ingetrokken")
    return {
        "coding": [{"system": codes.ACTIE_SYSTEM, "code": last.actie}],
        "text": text,
    }


def _outputs(v: Verwijzing, rol: workflow.Rol) -> list[dict[str, Any]]:
    outputs: list[dict[str, Any]] = []
    if v.uitkomst:
        uitkomst = Uitkomst(v.uitkomst)
        outputs.append(
            {
                "type": concept(
                    codes.TASK_OUTPUT_SYSTEM, codes.OUTPUT_UITKOMST, _("uitkomst")
                ),
                "valueCodeableConcept": concept(
                    codes.UITKOMST_SYSTEM, uitkomst.value, str(uitkomst.label)
                ),
            }
        )
    for t in v.terugkoppelingen.all():
        soort = TerugkoppelingSoort(t.soort)
        extension: list[dict[str, Any]] = [
            {
                "url": codes.EXT_TERUGKOPPELING_SOORT,
                "valueCoding": coding(
                    codes.TERUGKOPPELING_SOORT_SYSTEM, soort.value, str(soort.label)
                ),
            }
        ]
        if t.geholpen is not None:
            extension.append({"url": codes.EXT_GEHOLPEN, "valueBoolean": t.geholpen})
        outputs.append(
            {
                "extension": extension,
                "type": concept(
                    codes.TASK_OUTPUT_SYSTEM,
                    codes.OUTPUT_TERUGKOPPELING,
                    _("terugkoppeling"),
                ),
                # Annotation.text is required; anonymised feedback has none left.
                "valueAnnotation": {
                    "time": dt(t.verstuurd_op),
                    "text": t.aan_de_slag_met or "-",
                },
            }
        )
    # Connections are the receiving organisation's work; the verwijzer learns
    # what the resident started with from the feedback.
    verbindingen = v.verbindingen.all() if rol == workflow.Rol.BRUGFUNCTIONARIS else []
    for verbinding in verbindingen:
        soort_ = AanbodSoort(verbinding.soort)
        naam = (
            verbinding.aanbod.naam
            if verbinding.aanbod is not None
            else verbinding.omschrijving
        )
        outputs.append(
            {
                "type": concept(
                    codes.TASK_OUTPUT_SYSTEM, codes.OUTPUT_VERBINDING, _("verbinding")
                ),
                "valueCodeableConcept": {
                    "coding": [
                        coding(
                            codes.AANBOD_SOORT_SYSTEM, soort_.value, str(soort_.label)
                        )
                    ],
                    "text": naam or str(soort_.label),
                },
            }
        )
    return outputs


def task_resource(
    v: Verwijzing, ref: Callable[[str], str], rol: workflow.Rol
) -> dict[str, Any]:
    """The Task as `rol` may see it."""
    status = Status(v.status)
    return {
        "resourceType": "Task",
        "basedOn": [{"reference": ref("ServiceRequest")}],
        "status": workflow.FHIR_TASK_STATUS[workflow.Status(v.status)],
        "statusReason": _status_reason(v, rol),
        "businessStatus": concept(codes.STATUS_SYSTEM, status.value, str(status.label)),
        "intent": "order",
        "code": {
            "coding": [
                coding(codes.TASK_CODE_SYSTEM, "fulfill", "Fulfill the focal request")
            ]
        },
        "focus": {"reference": ref("ServiceRequest")},
        "for": {"reference": ref("Patient")},
        "executionPeriod": {
            "start": dt(v.eerste_contact_op),
            "end": dt(v.afgesloten_op),
        },
        "authoredOn": dt(v.aangemaakt_op),
        "lastModified": dt(v.status_sinds),
        "requester": {
            "reference": ref("PractitionerRole"),
            "display": v.verwijzer_organisatie.naam,
        },
        "owner": organisation(v.ontvanger_organisatie),
        "output": _outputs(v, rol),
    }
