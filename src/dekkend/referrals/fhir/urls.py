# SPDX-License-Identifier: EUPL-1.2
"""FHIR R4 routes under /api/v1/, included before the router so that
`verwijzingen/{uuid}/fhir` is not taken for a viewset action."""

from django.urls import path

from dekkend.referrals.fhir.views import ServiceRequestImportView, VerwijzingFhirView

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
]
