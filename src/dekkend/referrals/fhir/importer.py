# SPDX-License-Identifier: EUPL-1.2
"""A FHIR R4 ServiceRequest (with its Patient and Consent) read into the
arguments of `services.verwijzing_create` (docs/fhir.md).

Two shapes are accepted: a ServiceRequest whose Patient and Consent are
`contained` (`#id` references), and a Bundle shaped like the export (one
ServiceRequest entry; references by `fullUrl`, `Type/id` or `#id`). The JSON
is parsed with fhir.resources (R4B models); every problem becomes an `Issue`
naming the element, and all problems found are raised together as a
`FhirError`.

Pure mapping: no database. Resolving the gemeente and the organisation and
calling the service is `fhir/services.py`.
"""

from typing import Any

from django.utils.translation import gettext as _

import pydantic
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.servicerequest import ServiceRequest

from dekkend.referrals.fhir import codes
from dekkend.referrals.fhir.outcome import (
    BUSINESS_RULE,
    INVALID,
    REQUIRED,
    STRUCTURE,
    FhirError,
    Issue,
    issues_from_validation,
)
from dekkend.referrals.fhir.reading import (
    VerwijzingInvoer,
    read_consent,
    read_patient,
    read_request,
)
from dekkend.referrals.fhir.resolve import Resolver, bundle_resolver, contained_resolver


def _check_resource_types(resource: Any, path: str, issues: list[Issue]) -> None:
    """fhir.resources fails with KeyError on an unknown resourceType inside a
    Bundle or `contained`, and accepts a contained resource without one:
    check them first, so each gets an issue with its element."""
    if not isinstance(resource, dict):
        return
    nested: list[tuple[Any, str]] = []
    for i, entry in enumerate(resource.get("entry") or []):
        if isinstance(entry, dict) and "resource" in entry:
            nested.append((entry["resource"], f"{path}.entry[{i}].resource"))
    if isinstance(resource.get("contained"), list):
        nested += [
            (c, f"{path}.contained[{i}]") for i, c in enumerate(resource["contained"])
        ]
    for item, item_path in nested:
        if not isinstance(item, dict):
            issues.append(
                Issue(item_path, _("Een resource is een JSON-object."), STRUCTURE)
            )
            continue
        kind = item.get("resourceType")
        try:
            get_fhir_model_class(str(kind))
        except ValueError:
            message = (
                _("Onbekend resourceType '%(type)s'.") % {"type": kind}
                if kind
                else _("Dit element is verplicht.")
            )
            issues.append(
                Issue(
                    f"{item_path}.resourceType",
                    message,
                    REQUIRED if not kind else INVALID,
                )
            )
            continue
        _check_resource_types(item, item_path, issues)


def _parse(data: Any) -> tuple[Any, str]:
    """The parsed top-level resource (ServiceRequest or Bundle) and its name."""
    if not isinstance(data, dict):
        raise FhirError(
            [
                Issue(
                    "",
                    _("Stuur één FHIR-resource als JSON-object."),
                    STRUCTURE,
                )
            ]
        )
    kind = data.get("resourceType")
    if kind not in ("ServiceRequest", "Bundle"):
        message = (
            _("Verwacht een ServiceRequest of een Bundle, niet '%(type)s'.")
            % {"type": kind}
            if kind
            else _("Dit element is verplicht.")
        )
        raise FhirError(
            [Issue("resourceType", message, REQUIRED if kind is None else INVALID)]
        )
    issues: list[Issue] = []
    _check_resource_types(data, kind, issues)
    if issues:
        raise FhirError(issues)
    model = ServiceRequest if kind == "ServiceRequest" else Bundle
    try:
        return model.model_validate(data), kind
    except pydantic.ValidationError as exc:
        raise FhirError(issues_from_validation(kind, exc)) from None
    except (KeyError, TypeError, ValueError) as exc:
        # Shapes fhir.resources does not turn into a validation error.
        message = _("Onjuiste structuur (%(fout)s).") % {"fout": exc}
        raise FhirError([Issue(kind, message, STRUCTURE)]) from None


def _locate(parsed: Any, kind: str) -> tuple[ServiceRequest, str, Resolver]:
    if kind == "ServiceRequest":
        return parsed, kind, contained_resolver(parsed, kind)
    found = [
        (i, e.resource)
        for i, e in enumerate(parsed.entry or [])
        if e.resource is not None and e.resource.get_resource_type() == "ServiceRequest"
    ]
    if len(found) != 1:
        message = _(
            "De Bundle moet precies één ServiceRequest bevatten (nu %(n)d)."
        ) % {"n": len(found)}
        raise FhirError(
            [Issue("Bundle.entry", message, REQUIRED if not found else INVALID)]
        )
    index, request = found[0]
    path = f"Bundle.entry[{index}].resource"
    return request, path, bundle_resolver(parsed, request, path)


def read(data: Any) -> VerwijzingInvoer:
    """The referral a FHIR resource asks for; raises FhirError with every
    problem found, each naming its element."""
    parsed, kind = _parse(data)
    request, path, resolver = _locate(parsed, kind)
    issues: list[Issue] = []
    if request.status != "active":
        issues.append(
            Issue(
                f"{path}.status",
                _(
                    "Alleen een actieve ServiceRequest (status 'active') wordt een verwijzing."
                ),
                BUSINESS_RULE,
            )
        )
    if request.intent not in codes.IMPORT_INTENTS:
        issues.append(Issue(f"{path}.intent", _("Verwacht intent 'order'."), INVALID))
    patient = resolver.resolve(request.subject, "Patient")
    if patient is None:
        issues.append(
            Issue(
                f"{path}.subject",
                _("Verwijs naar de meegestuurde Patient (contained of in de Bundle)."),
                INVALID,
            )
        )
    consent = None
    for item in request.supportingInfo or []:
        consent = consent or resolver.resolve(item, "Consent")
    if consent is None:
        issues.append(
            Issue(
                f"{path}.supportingInfo",
                _(
                    "Stuur de toestemming van de inwoner mee als Consent en verwijs ernaar in supportingInfo."
                ),
                REQUIRED,
            )
        )
    invoer = read_request(request, path, resolver, issues)
    if patient is not None:
        invoer = read_patient(invoer, patient, issues)
    if consent is not None:
        invoer = read_consent(invoer, consent, resolver, issues, patient=patient)
    if issues:
        raise FhirError(issues)
    return invoer


def service_issues(
    invoer: VerwijzingInvoer, errors: dict[str, list[str]]
) -> list[Issue]:
    """The service's ValidationError per field, at the element that carried it."""
    return [
        Issue(invoer.paths.get(field, invoer.paths["request"]), message, INVALID)
        for field, messages in errors.items()
        for message in messages
    ]
