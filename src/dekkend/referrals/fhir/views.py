# SPDX-License-Identifier: EUPL-1.2
"""The FHIR R4 endpoints of sociaal verwijzen (docs/fhir.md).

- `GET /api/v1/verwijzingen/{uuid}/fhir`: the referral as a Bundle, for the
  verwijzer and the receiving organisation (the selector audits the read).
- `POST /api/v1/fhir/ServiceRequest`: a new referral from a ServiceRequest
  with contained Patient and Consent, or from a Bundle like the export.

Bodies are `application/fhir+json` (plain `application/json` is accepted).
A resource that cannot be used gets an OperationOutcome; a missing login or
permission and an unknown referral keep the API's problem details.
"""

from typing import Any
from uuid import UUID

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ParseError, UnsupportedMediaType
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dekkend.api.errors import ProblemSerializer
from dekkend.referrals.api.common import KanVerwijzen, KanVerwijzingenZien
from dekkend.referrals.constants import Leesreden
from dekkend.referrals.fhir import export
from dekkend.referrals.fhir.outcome import (
    NOT_SUPPORTED,
    STRUCTURE,
    TOO_COSTLY,
    FhirError,
    Issue,
    operation_outcome,
)
from dekkend.referrals.fhir.services import verwijzing_import
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.permissions import rol_for
from dekkend.referrals.selectors import verwijzing_get

FHIR_JSON = "application/fhir+json"


class FhirJsonRenderer(JSONRenderer):
    media_type = FHIR_JSON
    format = "fhir"


class FhirJsonParser(JSONParser):
    media_type = FHIR_JSON


class FhirIssueSerializer(serializers.Serializer[Any]):
    severity = serializers.CharField()
    code = serializers.CharField()
    diagnostics = serializers.CharField()
    # Absent only when no element can be named (JSON that does not parse).
    expression = serializers.ListField(child=serializers.CharField(), required=False)


class FhirOperationOutcomeSerializer(serializers.Serializer[Any]):
    """A FHIR R4 OperationOutcome: what is wrong, per element."""

    resourceType = serializers.CharField(default="OperationOutcome")
    issue = FhirIssueSerializer(many=True)


def _outcome(issues: list[Issue], status: int) -> Response:
    return Response(operation_outcome(issues), status=status)


class VerwijzingFhirView(APIView):
    permission_classes = [KanVerwijzingenZien]
    renderer_classes = [FhirJsonRenderer, JSONRenderer]

    @extend_schema(
        tags=["fhir"],
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="FHIR R4 Bundle (type collection): ServiceRequest, Task, "
                "Consent, Patient en PractitionerRole.",
            ),
            403: ProblemSerializer,
            404: ProblemSerializer,
        },
        description="De verwijzing als HL7 FHIR R4 Bundle. Alleen voor wie de "
        "verwijzing mag zien; het lezen wordt gelogd (reden: uitwisseling).",
    )
    def get(self, request: Request, uuid: UUID) -> Response:
        try:
            verwijzing = verwijzing_get(
                user=request.user, uuid=uuid, reden=Leesreden.UITWISSELING
            )
        except Verwijzing.DoesNotExist:
            raise NotFound(_("Verwijzing niet gevonden.")) from None
        rol = rol_for(request.user, verwijzing)
        assert rol is not None  # verwijzing_get found it, so the user has a role
        return Response(export.verwijzing_bundle(verwijzing, rol=rol))


class ServiceRequestImportView(APIView):
    permission_classes = [KanVerwijzen]
    parser_classes = [FhirJsonParser, JSONParser]
    renderer_classes = [FhirJsonRenderer, JSONRenderer]

    @extend_schema(
        tags=["fhir"],
        request={
            FHIR_JSON: OpenApiTypes.OBJECT,
            "application/json": OpenApiTypes.OBJECT,
        },
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="Deze ServiceRequest (zelfde identifier) is al eerder "
                "ingelezen: de bestaande verwijzing, ongewijzigd.",
            ),
            201: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="De aangemaakte verwijzing als ServiceRequest met "
                "Patient, Consent en PractitionerRole als contained resources. "
                "Location wijst naar /api/v1/verwijzingen/{uuid}/.",
            ),
            400: FhirOperationOutcomeSerializer,
            403: OpenApiResponse(
                FhirOperationOutcomeSerializer,
                description="Geen toegang, of niet namens de organisatie in requester.",
            ),
            409: OpenApiResponse(
                FhirOperationOutcomeSerializer,
                description="De identifier hoort bij de verwijzing van een ander.",
            ),
            413: OpenApiResponse(
                FhirOperationOutcomeSerializer,
                description="Het bericht is groter dan de server aanneemt.",
            ),
            415: FhirOperationOutcomeSerializer,
        },
        description="Een nieuwe verwijzing uit een FHIR R4 ServiceRequest met "
        "contained Patient en Consent, of uit een Bundle zoals de export. "
        "Idempotent op ServiceRequest.identifier.",
    )
    def post(self, request: Request) -> Response:
        try:
            data = request.data
        except ParseError as exc:
            message = _("Geen geldige JSON (%(fout)s).") % {"fout": exc.detail}
            return _outcome([Issue("", message, STRUCTURE)], 400)
        except UnsupportedMediaType:
            message = _("Stuur %(type)s of application/json.") % {"type": FHIR_JSON}
            return _outcome([Issue("", message, NOT_SUPPORTED)], 415)
        except RequestDataTooBig:
            message = _(
                "Het bericht is te groot (meer dan %(mb)s MB). Een verwijzing "
                "past ruim in minder; stuur geen bijlagen mee."
            ) % {"mb": number_format(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 2**20, 1)}
            return _outcome([Issue("", message, TOO_COSTLY)], 413)
        try:
            result = verwijzing_import(user=request.user, data=data)
        except FhirError as exc:
            return _outcome(exc.issues, exc.status)
        verwijzing = result.verwijzing
        export_url = reverse("verwijzing-fhir", kwargs={"uuid": verwijzing.uuid})
        return Response(
            export.service_request_contained(verwijzing),
            status=201 if result.created else 200,
            headers={"Location": export_url.removesuffix("fhir")},
        )
