# SPDX-License-Identifier: EUPL-1.2
"""Dekkend's FHIR definitions (CodeSystem, ValueSet, StructureDefinition)
and what the export says about them.

Every resource Dekkend sends names its profile in `meta.profile`, and every
Dekkend code system, extension and profile it uses is published with that
canonical URL, served by the API, and holds the code that was sent. The HL7
validator's run over the same resources is `test_fhir_validator.py`.
"""

from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.namingsystem import NamingSystem
from fhir.resources.R4B.structuredefinition import StructureDefinition
from fhir.resources.R4B.valueset import ValueSet

from dekkend.referrals.constants import Probleem, Status, Uitkomst
from dekkend.referrals.fhir import codes, conformance
from dekkend.referrals.tests.fhir_corpus import corpus
from dekkend.register.constants import AanbodSoort

pytestmark = pytest.mark.django_db

FHIR_JSON = "application/fhir+json"


def _walk(value: Any, path: str = "") -> Any:
    """(path, dict) of every JSON object inside `value`."""
    if isinstance(value, dict):
        yield path, value
        for key, item in value.items():
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, f"{path}[{i}]")


def test_every_code_system_lists_every_choice():
    systems = conformance.definitions("CodeSystem")
    for slug, choices in {
        "probleem": Probleem,
        "verwijzing-status": Status,
        "uitkomst": Uitkomst,
        "aanbod-soort": AanbodSoort,
    }.items():
        system = CodeSystem.model_validate(systems[slug])
        assert system.url == f"{codes.BASE}/CodeSystem/{slug}"
        assert [c.code for c in system.concept] == list(choices.values)
        assert system.count == len(choices.values)
        assert system.content == "complete"
    gemeenten = CodeSystem.model_validate(systems["cbs-gemeente"])
    assert {c.code for c in gemeenten.concept} >= {"GM0687", "GM0718"}
    middelburg = next(c for c in gemeenten.concept if c.code == "GM0687")
    assert middelburg.display.startswith("Middelburg")


def test_each_code_system_has_its_value_set_and_parses():
    systems = conformance.definitions("CodeSystem")
    value_sets = conformance.definitions("ValueSet")
    assert set(systems) == set(value_sets)
    for slug, data in value_sets.items():
        value_set = ValueSet.model_validate(data)
        assert value_set.compose.include[0].system == systems[slug]["url"]
        assert systems[slug]["valueSet"] == value_set.url


def test_extensions_and_profiles_are_structure_definitions():
    definitions = conformance.definitions("StructureDefinition")
    urls = {StructureDefinition.model_validate(d).url for d in definitions.values()}
    extension_urls = {
        *codes.EXT_VOORWAARDE.values(),
        codes.EXT_GEMEENTE,
        codes.EXT_TOESTEMMING_WIJZE,
        codes.EXT_TOESTEMMING_DOEL,
        codes.EXT_TERUGKOPPELING_SOORT,
        codes.EXT_GEHOLPEN,
    }
    assert urls == extension_urls | set(codes.PROFILE.values())
    profile = definitions["dekkend-servicerequest"]
    assert (
        profile["baseDefinition"]
        == "http://hl7.org/fhir/StructureDefinition/ServiceRequest"
    )
    slices = [
        e["type"][0]["profile"][0]
        for e in profile["differential"]["element"]
        if e.get("sliceName")
    ]
    assert slices == list(codes.EXT_VOORWAARDE.values())


def test_everything_dekkend_sends_is_defined_where_it_says():
    """A small check of our own, run everywhere: profiles, extensions and
    Dekkend codes used in the exports are all published, and every code sent
    is in its CodeSystem."""
    systems = {
        d["url"]: {c["code"] for c in d["concept"]}
        for d in conformance.definitions("CodeSystem").values()
    }
    structures = {
        d["url"] for d in conformance.definitions("StructureDefinition").values()
    }
    naming_systems = {
        conformance.canonical(d)
        for d in conformance.definitions("NamingSystem").values()
    }
    sent = corpus()
    used_systems: set[str] = set()
    for name, resource in sent.items():
        if resource["resourceType"] in conformance.RESOURCE_TYPES:
            continue  # the definitions themselves
        if resource["resourceType"] == "Bundle":
            Bundle.model_validate(resource)
        for path, item in _walk(resource):
            if "resourceType" in item and item["resourceType"] in codes.PROFILE:
                assert item["meta"]["profile"] == [
                    codes.PROFILE[item["resourceType"]]
                ], (
                    name,
                    path,
                )
            system = item.get("system")
            if isinstance(system, str) and system.startswith(
                f"{codes.BASE}/CodeSystem/"
            ):
                used_systems.add(system)
                assert system in systems, (name, path, system)
                assert item.get("code") in systems[system], (name, path, item)
            if isinstance(system, str) and system.startswith(
                f"{codes.BASE}/NamingSystem/"
            ):
                assert system in naming_systems, (name, path, system)
            url = item.get("url")
            if isinstance(url, str) and url.startswith(
                f"{codes.BASE}/StructureDefinition/"
            ):
                assert url in structures, (name, path, url)
    # The corpus reaches every code system that a referral can carry.
    assert used_systems >= {
        codes.PROBLEEM_SYSTEM,
        codes.STATUS_SYSTEM,
        codes.UITKOMST_SYSTEM,
        codes.TASK_OUTPUT_SYSTEM,
        codes.GEMEENTE_SYSTEM,
        codes.TOESTEMMING_WIJZE_SYSTEM,
    }


@pytest.mark.parametrize(
    ("kind", "rid"),
    [
        ("CodeSystem", "probleem"),
        ("ValueSet", "warme-overdracht"),
        ("StructureDefinition", "gemeente"),
        ("StructureDefinition", "dekkend-task"),
    ],
)
def test_a_definition_is_served_to_anyone_at_its_path(client, kind, rid):
    response = client.get(f"/api/v1/fhir/{kind}/{rid}")

    assert response.status_code == 200
    assert response["Content-Type"] == FHIR_JSON
    body = response.json()
    assert body["resourceType"] == kind
    assert body["url"] == f"{codes.BASE}/{kind}/{rid}"


def test_all_definitions_of_a_type_are_a_searchset(client):
    response = client.get("/api/v1/fhir/CodeSystem")

    bundle = Bundle.model_validate(response.json())
    assert bundle.type == "searchset"
    assert bundle.total == len(conformance.definitions("CodeSystem"))
    assert {e.fullUrl for e in bundle.entry} >= {codes.PROBLEEM_SYSTEM}


def test_the_identifier_systems_are_naming_systems(client):
    response = client.get("/api/v1/fhir/NamingSystem/organisatie")

    system = NamingSystem.model_validate(response.json())
    assert system.uniqueId[0].value == codes.ORGANISATIE_SYSTEM
    assert set(conformance.definitions("NamingSystem")) == {"verwijzing", "organisatie"}


def test_an_unknown_definition_is_a_404_operation_outcome(client):
    response = client.get("/api/v1/fhir/CodeSystem/onbekend")

    assert response.status_code == 404
    assert response.json()["resourceType"] == "OperationOutcome"
    assert client.get("/api/v1/fhir/Patient/onbekend").status_code == 404


def _values(resource: Any, path: str) -> list[Any]:
    """The values at a FHIRPath-like element path ("Patient.address.extension"),
    flattening lists; choice types are not needed for our profiles."""
    current: list[Any] = [resource]
    for part in path.split(".")[1:]:
        found: list[Any] = []
        for item in current:
            value = item.get(part) if isinstance(item, dict) else None
            if isinstance(value, list):
                found += value
            elif value is not None:
                found.append(value)
        current = found
    return current


def _profile_errors(resource: dict[str, Any], profile: dict[str, Any]) -> list[str]:
    """What in `resource` breaks the cardinalities and extension slices of
    our own profile's differential (a check of ours, not the HL7 validator)."""
    errors = []
    elements = profile["differential"]["element"]
    for element in elements[1:]:
        path = element["path"]
        if element.get("sliceName"):
            url = element["type"][0]["profile"][0]
            parents = _values(resource, path.rsplit(".", 1)[0])
            for parent in parents:
                count = sum(1 for e in parent.get("extension", []) if e["url"] == url)
                if not element["min"] <= count <= int(element["max"]):
                    errors.append(f"{element['id']}: {count}")
            continue
        parents = _values(resource, path.rsplit(".", 1)[0])
        for parent in parents:
            count = len(_values(parent, f"_.{path.rsplit('.', 1)[1]}"))
            if count < element.get("min", 0):
                errors.append(f"{path}: {count} < {element['min']}")
        binding = element.get("binding")
        if binding and binding["strength"] == "required":
            allowed = conformance.definitions("CodeSystem")[
                binding["valueSet"].rsplit("/", 1)[1]
            ]
            codes_ = {c["code"] for c in allowed["concept"]}
            for concept in _values(resource, path):
                for c in concept.get("coding", []):
                    if c.get("system") != allowed["url"] or c.get("code") not in codes_:
                        errors.append(f"{path}: {c}")
    return errors


def test_every_resource_sent_meets_its_own_profile():
    profiles = {
        d["url"]: d
        for d in conformance.definitions("StructureDefinition").values()
        if d["kind"] == "resource"
    }
    checked: set[str] = set()
    problems = []
    for name, resource in corpus().items():
        for path, item in _walk(resource):
            for url in (
                item.get("meta", {}).get("profile", [])
                if "resourceType" in item
                else []
            ):
                checked.add(item["resourceType"])
                problems += [
                    f"{name} {path}: {e}" for e in _profile_errors(item, profiles[url])
                ]
    assert checked == set(codes.PROFILE)
    assert not problems, "\n".join(problems)


def test_the_profile_check_catches_a_missing_extension():
    profile = conformance.definitions("StructureDefinition")["dekkend-servicerequest"]
    resource = {
        "resourceType": "ServiceRequest",
        "identifier": [{"system": "s", "value": "v"}],
        "authoredOn": "2025-01-01",
        "requester": {"display": "x"},
        "reasonCode": [{"text": "x"}],
        "extension": [
            {"url": url, "valueBoolean": True} for url in codes.EXT_VOORWAARDE.values()
        ][1:],
    }
    errors = _profile_errors(resource, profile)
    assert len(errors) == 1 and "extension" in errors[0]
