# SPDX-License-Identifier: EUPL-1.2
"""Every kind of resource Dekkend sends, for the checks of
`test_fhir_conformance.py`: the export of a referral in each workflow state
(as the verwijzer and as the receiving organisation sees it), an anonymised
one, the import's answer, and every published definition."""

from typing import Any

from django.utils import timezone

from dekkend.referrals import workflow
from dekkend.referrals.fhir import conformance, export
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.services import verwijzing_anonymise
from dekkend.referrals.tests.factories import keten_create, verwijzing_send
from dekkend.referrals.tests.test_fhir_export import STATES
from dekkend.regions.models import Gemeente


def _bundle(verwijzing: Verwijzing, rol: workflow.Rol) -> dict[str, Any]:
    v = Verwijzing.objects.prefetch_related(
        "statussen", "contacten", "verbindingen__aanbod", "terugkoppelingen"
    ).get(pk=verwijzing.pk)
    return export.verwijzing_bundle(v, rol=rol)


def corpus() -> dict[str, dict[str, Any]]:
    """File name → resource (JSON-ready). Needs the database."""
    found: dict[str, dict[str, Any]] = {}
    for i, (state, (steps, *_rest)) in enumerate(STATES.items()):
        # One gemeente per chain: a gemeente has one bridging organisation.
        vrij = Gemeente.objects.filter(brugorganisatie__isnull=True).order_by("code")
        keten = keten_create(vrij.first())
        v = verwijzing_send(keten)
        steps(keten, v)
        slug = state.replace(" ", "-")
        found[f"bundle-{slug}-verwijzer.json"] = _bundle(v, workflow.Rol.VERWIJZER)
        found[f"bundle-{slug}-brug.json"] = _bundle(v, workflow.Rol.BRUGFUNCTIONARIS)
        if i == 0:
            found["servicerequest-contained.json"] = export.service_request_contained(v)
            verwijzing_anonymise(verwijzing=v, now=timezone.now())
            found["bundle-anonymised.json"] = _bundle(v, workflow.Rol.VERWIJZER)
    for kind in conformance.RESOURCE_TYPES:
        for rid, resource in conformance.definitions(kind).items():
            found[f"{kind}-{rid}.json"] = resource
    return found
