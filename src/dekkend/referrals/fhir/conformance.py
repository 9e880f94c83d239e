# SPDX-License-Identifier: EUPL-1.2
"""Dekkend's FHIR definitions as FHIR resources: a CodeSystem and a ValueSet
for every code system in `codes`, a StructureDefinition for every extension,
and the profiles that the export names in `meta.profile`.

Each resource's `url` is its canonical URL under `codes.BASE`; the API serves
it at `/api/v1/fhir/<type>/<id>` (docs/fhir.md). The codes are the stable
values of the `TextChoices`, their displays the Dutch labels, so this module
holds no code lists of its own. Everything is validated with fhir.resources
before it is served. Building exports and reading imports is not here.
"""

from collections.abc import Iterable
from enum import Enum
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fhir.resources.R4B import get_fhir_model_class

from dekkend.referrals import workflow
from dekkend.referrals.constants import (
    Probleem,
    Status,
    TerugkoppelingSoort,
    ToestemmingWijze,
    Uitkomst,
    WarmeOverdracht,
)
from dekkend.referrals.fhir import codes
from dekkend.regions.models import Gemeente
from dekkend.register.constants import AanbodSoort

FHIR_VERSION = "4.0.1"
VERSION = "1.0.0"
PUBLISHER = "Dekkend"
CORE = "http://hl7.org/fhir/StructureDefinition"

_TASK_OUTPUT = {
    codes.OUTPUT_UITKOMST: gettext_lazy("uitkomst"),
    codes.OUTPUT_TERUGKOPPELING: gettext_lazy("terugkoppeling"),
    codes.OUTPUT_VERBINDING: gettext_lazy("verbinding"),
}


def _choices(kind: Any) -> list[tuple[str, str]]:
    """(code, Dutch display) of a TextChoices or StrEnum."""
    if hasattr(kind, "choices"):
        return [(str(value), str(label)) for value, label in kind.choices]
    assert issubclass(kind, Enum)
    return [(str(m.value), str(m.value).replace("_", " ")) for m in kind]


def _code_systems() -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """id → (title, (code, display) of every concept). cbs-gemeente is read
    from the register of gemeenten."""
    return {
        "probleem": (_("Psychosociale problemen en leefgebieden"), _choices(Probleem)),
        "warme-overdracht": (_("Soort warme overdracht"), _choices(WarmeOverdracht)),
        "verwijzing-status": (_("Status van een verwijzing"), _choices(Status)),
        "verwijzing-actie": (_("Stap in de verwijzing"), _choices(workflow.Actie)),
        "uitkomst": (_("Uitkomst van een verwijzing"), _choices(Uitkomst)),
        "terugkoppeling-soort": (
            _("Soort terugkoppeling"),
            _choices(TerugkoppelingSoort),
        ),
        "toestemming-wijze": (
            _("Hoe de toestemming is gegeven"),
            _choices(ToestemmingWijze),
        ),
        "aanbod-soort": (_("Soort aanbod"), _choices(AanbodSoort)),
        "task-output": (
            _("Soort resultaat van de verwijzing"),
            [(code, str(label)) for code, label in _TASK_OUTPUT.items()],
        ),
        "cbs-gemeente": (
            _("Gemeenten (CBS-code)"),
            list(Gemeente.objects.order_by("code").values_list("code", "naam")),
        ),
    }


def _name(slug: str) -> str:
    """A computable name: `warme-overdracht` → `WarmeOverdracht`."""
    return "".join(part.capitalize() for part in slug.split("-"))


def _terminology(resource_type: str, slug: str, title: str) -> dict:
    """The metadata a CodeSystem and its ValueSet share."""
    return {
        "resourceType": resource_type,
        "id": slug,
        "language": "nl",
        "url": f"{codes.BASE}/{resource_type}/{slug}",
        "version": VERSION,
        "name": _name(slug),
        "title": title,
        "status": "active",
        "experimental": False,
        "publisher": PUBLISHER,
    }


def code_system(slug: str, title: str, concepts: list[tuple[str, str]]) -> dict:
    return {
        **_terminology("CodeSystem", slug, title),
        "description": _("Codes van Dekkend: %(title)s.") % {"title": title},
        "caseSensitive": True,
        "valueSet": f"{codes.BASE}/ValueSet/{slug}",
        "content": "complete",
        "count": len(concepts),
        "concept": [{"code": code, "display": display} for code, display in concepts],
    }


def value_set(slug: str, title: str) -> dict:
    return {
        **_terminology("ValueSet", slug, title),
        "description": _("Alle codes van %(system)s.")
        % {"system": f"{codes.BASE}/CodeSystem/{slug}"},
        "compose": {"include": [{"system": f"{codes.BASE}/CodeSystem/{slug}"}]},
    }


# -- Extensions ---------------------------------------------------------------

_VOORWAARDE_TITEL = {
    "niet_alleen_medisch": gettext_lazy("De hulpvraag is niet (alleen) medisch"),
    "geen_ggz": gettext_lazy("Er is geen GGZ-behandeling nodig"),
    "vraagverheldering_nodig": gettext_lazy("Vraagverheldering is nodig"),
    "onvoldoende_eigen_regie": gettext_lazy("De inwoner heeft onvoldoende eigen regie"),
}


def _extensions() -> list[tuple[str, str, str, str, str | None]]:
    """(id, title, context, value type, value set id or None) per extension."""
    items: list[tuple[str, str, str, str, str | None]] = [
        (
            url.rsplit("/", 1)[1],
            str(_VOORWAARDE_TITEL[name]),
            "ServiceRequest",
            "boolean",
            None,
        )
        for name, url in codes.EXT_VOORWAARDE.items()
    ]
    items += [
        ("gemeente", _("Woongemeente (CBS-code)"), "Address", "Coding", "cbs-gemeente"),
        (
            "toestemming-wijze",
            _("Hoe de toestemming is gegeven"),
            "Consent",
            "Coding",
            "toestemming-wijze",
        ),
        ("toestemming-doel", _("Doel van de toestemming"), "Consent", "string", None),
        (
            "terugkoppeling-soort",
            _("Soort terugkoppeling"),
            "Task.output",
            "Coding",
            "terugkoppeling-soort",
        ),
        ("geholpen", _("De inwoner is geholpen"), "Task.output", "boolean", None),
    ]
    return items


def extension_definition(
    slug: str, title: str, context: str, value_type: str, value_set_slug: str | None
) -> dict:
    url = f"{codes.BASE}/StructureDefinition/{slug}"
    value: dict[str, Any] = {
        "id": "Extension.value[x]",
        "path": "Extension.value[x]",
        "min": 1,
        "type": [{"code": value_type}],
    }
    if value_set_slug:
        value["binding"] = {
            "strength": "required",
            "valueSet": f"{codes.BASE}/ValueSet/{value_set_slug}",
        }
    return {
        "resourceType": "StructureDefinition",
        "id": slug,
        "language": "nl",
        "url": url,
        "version": VERSION,
        "name": _name(slug),
        "title": title,
        "status": "active",
        "experimental": False,
        "publisher": PUBLISHER,
        "description": title,
        "fhirVersion": FHIR_VERSION,
        "kind": "complex-type",
        "abstract": False,
        "context": [{"type": "element", "expression": context}],
        "type": "Extension",
        "baseDefinition": f"{CORE}/Extension",
        "derivation": "constraint",
        "differential": {
            "element": [
                {
                    "id": "Extension",
                    "path": "Extension",
                    "short": title,
                    "definition": title,
                },
                {
                    "id": "Extension.extension",
                    "path": "Extension.extension",
                    "max": "0",
                },
                {"id": "Extension.url", "path": "Extension.url", "fixedUri": url},
                value,
            ]
        },
    }


# -- Profiles -----------------------------------------------------------------

PROFILE = codes.PROFILE


def _slices(path: str, slices: Iterable[tuple[str, str, int]]) -> list[dict]:
    """Extension slices on `path` by url: (slice name, extension url, min)."""
    slicing = {"discriminator": [{"type": "value", "path": "url"}], "rules": "open"}
    return [
        {"id": path, "path": path, "slicing": slicing},
        *(
            {
                "id": f"{path}:{name}",
                "path": path,
                "sliceName": name,
                "min": minimum,
                "max": "1",
                "type": [{"code": "Extension", "profile": [url]}],
            }
            for name, url, minimum in slices
        ),
    ]


def _binding(path: str, slug: str, strength: str = "extensible") -> dict:
    return {
        "id": path,
        "path": path,
        "binding": {"strength": strength, "valueSet": f"{codes.BASE}/ValueSet/{slug}"},
    }


def _profile_elements(kind: str) -> list[dict[str, Any]]:
    ext = f"{codes.BASE}/StructureDefinition"
    if kind == "ServiceRequest":
        return [
            {
                "id": "ServiceRequest.identifier",
                "path": "ServiceRequest.identifier",
                "min": 1,
            },
            *_slices(
                "ServiceRequest.extension",
                (
                    (_name(url.rsplit("/", 1)[1]), url, 1)
                    for url in codes.EXT_VOORWAARDE.values()
                ),
            ),
            {
                "id": "ServiceRequest.authoredOn",
                "path": "ServiceRequest.authoredOn",
                "min": 1,
            },
            {
                "id": "ServiceRequest.requester",
                "path": "ServiceRequest.requester",
                "min": 1,
            },
            _binding("ServiceRequest.orderDetail", "warme-overdracht"),
            {
                **_binding("ServiceRequest.reasonCode", "probleem"),
                "min": 1,
            },
        ]
    if kind == "Task":
        return [
            {"id": "Task.focus", "path": "Task.focus", "min": 1},
            {"id": "Task.for", "path": "Task.for", "min": 1},
            {
                **_binding("Task.businessStatus", "verwijzing-status", "required"),
                "min": 1,
            },
            {"id": "Task.owner", "path": "Task.owner", "min": 1},
            *_slices(
                "Task.output.extension",
                (
                    ("TerugkoppelingSoort", f"{ext}/terugkoppeling-soort", 0),
                    ("Geholpen", f"{ext}/geholpen", 0),
                ),
            ),
            _binding("Task.output.type", "task-output", "required"),
        ]
    if kind == "Consent":
        return [
            *_slices(
                "Consent.extension",
                (
                    ("ToestemmingWijze", f"{ext}/toestemming-wijze", 1),
                    ("ToestemmingDoel", f"{ext}/toestemming-doel", 0),
                ),
            ),
            {"id": "Consent.dateTime", "path": "Consent.dateTime", "min": 1},
        ]
    if kind == "Patient":
        return [
            {"id": "Patient.address", "path": "Patient.address", "min": 1},
            *_slices(
                "Patient.address.extension",
                (("Gemeente", f"{ext}/gemeente", 1),),
            ),
        ]
    return []


def profile(kind: str) -> dict:
    slug = PROFILE[kind].rsplit("/", 1)[1]
    title = _("Dekkend %(type)s voor sociaal verwijzen") % {"type": kind}
    return {
        "resourceType": "StructureDefinition",
        "id": slug,
        "language": "nl",
        "url": PROFILE[kind],
        "version": VERSION,
        "name": f"Dekkend{kind}",
        "title": title,
        "status": "active",
        "experimental": False,
        "publisher": PUBLISHER,
        "description": title,
        "fhirVersion": FHIR_VERSION,
        "kind": "resource",
        "abstract": False,
        "type": kind,
        "baseDefinition": f"{CORE}/{kind}",
        "derivation": "constraint",
        "differential": {
            "element": [{"id": kind, "path": kind}, *_profile_elements(kind)]
        },
    }


# -- Identifier systems -------------------------------------------------------

RELEASED = "2026-12-03"  # NamingSystem.date: when these systems were published


def naming_system(slug: str, title: str) -> dict:
    url = f"{codes.BASE}/NamingSystem/{slug}"
    return {
        "resourceType": "NamingSystem",
        "id": slug,
        "language": "nl",
        "name": _name(slug),
        "status": "active",
        "kind": "identifier",
        "date": RELEASED,
        "publisher": PUBLISHER,
        "description": title,
        "uniqueId": [{"type": "uri", "value": url, "preferred": True}],
    }


def _naming_systems() -> list[dict]:
    return [
        naming_system(
            "verwijzing", _("Verwijzingen in Dekkend (uuid); ook de ServiceRequest-id")
        ),
        naming_system(
            "organisatie", _("Organisaties in het register van Dekkend (uuid)")
        ),
    ]


# -- Access -------------------------------------------------------------------


def _validated(resource: dict) -> dict:
    model = get_fhir_model_class(resource["resourceType"])
    return model.model_validate(resource).model_dump(mode="json")


def definitions(resource_type: str) -> dict[str, dict]:
    """Every Dekkend definition of `resource_type` ("CodeSystem", "ValueSet",
    "StructureDefinition", "NamingSystem") by id, JSON-ready, with Dutch
    texts; {} for another type."""
    with translation.override("nl"):
        if resource_type == "CodeSystem":
            found = [
                code_system(slug, title, concepts)
                for slug, (title, concepts) in _code_systems().items()
            ]
        elif resource_type == "ValueSet":
            found = [
                value_set(slug, title) for slug, (title, _c) in _code_systems().items()
            ]
        elif resource_type == "NamingSystem":
            found = _naming_systems()
        elif resource_type == "StructureDefinition":
            found = [extension_definition(*item) for item in _extensions()]
            found += [profile(kind) for kind in PROFILE]
        else:
            return {}
    return {r["id"]: _validated(r) for r in found}


def canonical(resource: dict) -> str:
    """The canonical URL of a definition (a NamingSystem's is its uniqueId)."""
    if resource["resourceType"] == "NamingSystem":
        return str(resource["uniqueId"][0]["value"])
    return str(resource["url"])


RESOURCE_TYPES = ("CodeSystem", "ValueSet", "StructureDefinition", "NamingSystem")
