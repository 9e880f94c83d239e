# SPDX-License-Identifier: EUPL-1.2
"""Dekkend's FHIR definitions served under their canonical URLs' paths:
`GET /api/v1/fhir/{CodeSystem|ValueSet|StructureDefinition}` (a searchset
Bundle of all of that type) and `…/{id}` (one resource). Public: they hold
no personal data and a partner system fetches them to validate what Dekkend
sends. Building the resources is `conformance.py`.
"""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dekkend.referrals.fhir import codes, conformance
from dekkend.referrals.fhir.elements import dt
from dekkend.referrals.fhir.outcome import Issue, operation_outcome
from dekkend.referrals.fhir.views import (
    FhirJsonRenderer,
    FhirOperationOutcomeSerializer,
)

TYPE = OpenApiParameter(
    "resource_type",
    str,
    OpenApiParameter.PATH,
    enum=list(conformance.RESOURCE_TYPES),
    description="Het soort definitie.",
)


class DefinitieLijstView(APIView):
    permission_classes = [AllowAny]
    renderer_classes = [FhirJsonRenderer, JSONRenderer]

    @extend_schema(
        tags=["fhir"],
        operation_id="fhir_definities_list",
        parameters=[TYPE],
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="FHIR R4 Bundle (type searchset) met alle definities "
                "van dit type.",
            )
        },
        description="De code systems, value sets of structure definitions "
        "(extensies en profielen) van Dekkend, met hun canonieke URL.",
    )
    def get(self, request: Request, resource_type: str) -> Response:
        found = conformance.definitions(resource_type)
        bundle: dict[str, Any] = {
            "resourceType": "Bundle",
            "type": "searchset",
            "timestamp": dt(timezone.now()),
            "total": len(found),
            "entry": [
                {"fullUrl": conformance.canonical(resource), "resource": resource}
                for resource in found.values()
            ],
        }
        return Response(bundle)


class DefinitieView(APIView):
    permission_classes = [AllowAny]
    renderer_classes = [FhirJsonRenderer, JSONRenderer]

    @extend_schema(
        tags=["fhir"],
        operation_id="fhir_definitie_retrieve",
        parameters=[TYPE],
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="Eén CodeSystem, ValueSet of StructureDefinition.",
            ),
            404: FhirOperationOutcomeSerializer,
        },
        description="Eén definitie van Dekkend; haar canonieke URL is "
        f"{codes.BASE}/{{type}}/{{id}}.",
    )
    def get(self, request: Request, resource_type: str, id: str) -> Response:
        resource = conformance.definitions(resource_type).get(id)
        if resource is None:
            message = _("Onbekende definitie %(url)s.") % {
                "url": f"{codes.BASE}/{resource_type}/{id}"
            }
            return Response(
                operation_outcome([Issue("", message, "not-found")]), status=404
            )
        return Response(resource)
