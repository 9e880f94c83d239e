# SPDX-License-Identifier: EUPL-1.2
"""FHIR R4 routes under /api/v1/, included before the router so that
`verwijzingen/{uuid}/fhir` is not taken for a viewset action."""

from django.urls import path, re_path

from dekkend.referrals.fhir.conformance_views import DefinitieLijstView, DefinitieView
from dekkend.referrals.fhir.views import ServiceRequestImportView, VerwijzingFhirView

DEFINITIE = r"(?P<resource_type>CodeSystem|ValueSet|StructureDefinition|NamingSystem)"

urlpatterns = [
    path(
        "verwijzingen/<uuid:uuid>/fhir",
        VerwijzingFhirView.as_view(),
        name="verwijzing-fhir",
    ),
    path(
        "fhir/ServiceRequest",
        ServiceRequestImportView.as_view(),
        name="fhir-servicerequest",
    ),
    re_path(
        rf"^fhir/{DEFINITIE}$", DefinitieLijstView.as_view(), name="fhir-definities"
    ),
    re_path(
        rf"^fhir/{DEFINITIE}/(?P<id>[a-z0-9-]+)$",
        DefinitieView.as_view(),
        name="fhir-definitie",
    ),
]
