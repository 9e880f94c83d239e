# SPDX-License-Identifier: EUPL-1.2
"""The HSDS 3.0 API (/api/hsds/): responses validate against the official
Open Referral schemas, and carry the register's content."""

import functools
import json
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Model
from django.test import Client
from django.utils import timezone

import factory
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.validators import validator_for
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from dekkend.regions.constants import INDELING_PROVINCIE
from dekkend.regions.models import Gemeente, Indeling, Regio
from dekkend.regions.tests.factories import (
    GemeenteFactory,
    IndelingFactory,
    RegioFactory,
    regio_add,
)
from dekkend.register.constants import (
    AanbodSoort,
    AanbodStatus,
    Herstelaanbod,
    KenmerkStatus,
)
from dekkend.register.hsds.ids import NAMESPACE
from dekkend.register.models import (
    Aanbod,
    AanbodDoelgroep,
    KenmerkZelfbeoordeling,
    Organisatie,
    Steunpunt,
    SteunpuntHerstelaanbod,
)
from dekkend.register.tests.factories import (
    AanbodFactory,
    OrganisatieFactory,
    SteunpuntFactory,
)

BASE = "/api/hsds"
# Every offer of the `register` fixture has it in its name; the session
# database also holds the real 2025 LSP list.
SEARCH = "Testplek"
pytestmark = pytest.mark.django_db
PAGE_FIELDS = [
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
]

# -- schemas ------------------------------------------------------------------


def _hsds_dir() -> Path:
    path = Path(settings.DEKKEND_DATA_DIR) / "hsds-3.0"
    if not (path / "compiled" / "service.json").exists():
        pytest.fail(f"HSDS 3.0 schemas not found in {path} (set DEKKEND_DATA_DIR)")
    return path


@functools.cache
def _load(name: str) -> dict[str, Any]:
    return json.loads((_hsds_dir() / name).read_text(encoding="utf-8"))


@functools.cache
def _registry() -> Registry:
    """The top-level object schemas, for the relative $refs between them."""
    resources = [
        (
            p.name,
            Resource.from_contents(_load(p.name), default_specification=DRAFT202012),
        )
        for p in sorted(_hsds_dir().glob("*.json"))
        if p.name != "openapi.json"
    ]
    return Registry().with_resources(resources)


def _is_uri(instance: object) -> bool:
    """RFC 3986 absolute URI (jsonschema checks "uri" only with rfc3987)."""
    if not isinstance(instance, str):
        return True
    parts = urlsplit(instance)
    return bool(parts.scheme and parts.netloc) and not any(
        c.isspace() for c in instance
    )


def _is_date_time(instance: object) -> bool:
    """RFC 3339 date-time (jsonschema checks it only with rfc3339-validator)."""
    if not isinstance(instance, str):
        return True
    if "T" not in instance.upper():
        return False
    return datetime.fromisoformat(instance).tzinfo is not None


def _format_checker() -> FormatChecker:
    checker = FormatChecker()
    checker.checks("uri", raises=ValueError)(_is_uri)
    checker.checks("date-time", raises=ValueError)(_is_date_time)
    return checker


@functools.cache
def _validator(name: str, *, page: bool = False) -> Any:
    """A validator for schema `name`, or for a page of them, with format checks."""
    schema = _page_schema(_load(name)) if page else _load(name)
    cls = validator_for(schema, default=Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema, registry=_registry(), format_checker=_format_checker())


def _page_schema(item_schema: dict[str, Any]) -> dict[str, Any]:
    """The openapi `Page` with its `contents`, every page field required."""
    page = _load("openapi.json")["components"]["schemas"]["Page"]
    return {
        "allOf": [page],
        "type": "object",
        "required": [*PAGE_FIELDS, "contents"],
        "properties": {"contents": {"type": "array", "items": item_schema}},
    }


def _check(instance: object, validator: Any) -> None:
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def validate_page(body: object, item: str) -> None:
    _check(body, _validator(item, page=True))


def validate_object(body: object, schema: str) -> None:
    _check(body, _validator(schema))


# -- data ---------------------------------------------------------------------

M = TypeVar("M", bound=Model)


def make(model: type[M], factory_class: Any, **kwargs: Any) -> M:
    """`factory_class(**kwargs)`, typed as the model it makes."""
    obj = factory_class(**kwargs)
    assert isinstance(obj, model)
    return obj


def _by_code(attributes: list[dict[str, Any]], link_type: str) -> dict[str, Any]:
    return {
        a["taxonomy_term"]["code"]: a for a in attributes if a["link_type"] == link_type
    }


@pytest.fixture
def register() -> dict[str, Any]:
    """A support point with a full profile (a satellite), its main support
    point, a minimal one, another kind of offer without location, one in
    preparation, a stopped and an expired one."""
    # The session database holds the reference data: Amsterdam is in the
    # province division already. Create it only when it is not.
    amsterdam = make(Gemeente, GemeenteFactory, code="GM0363", naam="Amsterdam")
    provinces = make(Indeling, IndelingFactory, naam=INDELING_PROVINCIE)
    if not provinces.regios.filter(gemeenten=amsterdam).exists():
        noord_holland = make(
            Regio, RegioFactory, indeling=provinces, naam="Noord-Holland"
        )
        regio_add(noord_holland, amsterdam)
    org = make(
        Organisatie,
        OrganisatieFactory,
        naam="Stichting Testhuis",
        omschrijving="Zelfregie- en herstelorganisatie in Amsterdam.",
        website="https://testhuis.example.nl",
        email="info@testhuis.example.nl",
        telefoon="020 123 45 67",
    )
    hoofd = make(
        Steunpunt,
        SteunpuntFactory,
        aanbod__organisatie=org,
        aanbod__naam="Testplek Centrum",
        aanbod__locatie__gemeente=amsterdam,
        dagdelen=[(d, p) for d in (1, 2, 3, 4) for p in ("ochtend", "middag")],
    )
    full = make(
        Steunpunt,
        SteunpuntFactory,
        aanbod__organisatie=org,
        aanbod__naam="Testplek Noord",
        aanbod__omschrijving="Inloop, ontmoeting en herstelgroepen.",
        aanbod__website="https://testhuis.example.nl/noord",
        aanbod__email="noord@testhuis.example.nl",
        aanbod__telefoon="020 765 43 21",
        aanbod__openingstijden_toelichting="In de schoolvakanties alleen 's middags.",
        aanbod__bron_peildatum=date(2025, 6, 1),
        aanbod__locatie__naam="Buurthuis Noord",
        aanbod__locatie__straat="Kamperfoelieweg",
        aanbod__locatie__huisnummer="12a",
        aanbod__locatie__postcode="1032 AB",
        aanbod__locatie__plaats="Amsterdam",
        aanbod__locatie__gemeente=amsterdam,
        aanbod__locatie__lat=52.39,
        aanbod__locatie__lon=4.92,
        dagdelen=[(1, "ochtend"), (1, "middag"), (3, "avond"), (6, "middag")],
        element_herstelaanbod=True,
        element_groeivijver=True,
        herstelaanbod_overig="Schrijfgroep herstelverhalen",
        hoofdsteunpunt=hoofd,
        bezoekers_per_dag=20,
        unieke_bezoekers_per_jaar=300,
    )
    for doelgroep in ("naasten", "jongvolwassenen"):
        AanbodDoelgroep.objects.create(aanbod=full.aanbod, doelgroep=doelgroep)
    for soort in (Herstelaanbod.WRAP, Herstelaanbod.OVERIG):
        SteunpuntHerstelaanbod.objects.create(steunpunt=full, soort=soort)
    for kenmerk, status in (
        (1, KenmerkStatus.AANWEZIG),
        (9, KenmerkStatus.IN_ONTWIKKELING),
    ):
        KenmerkZelfbeoordeling.objects.create(
            steunpunt=full,
            kenmerk=kenmerk,
            status=status,
            beoordeeld_op=date(2025, 5, 1),
        )
    minimal = make(
        Steunpunt,
        SteunpuntFactory,
        aanbod__naam="Testplek Dorp",
        aanbod__locatie__straat="",
        aanbod__locatie__huisnummer="",
        aanbod__locatie__postcode="",
        aanbod__locatie__plaats="",
        aanbod__locatie__coordinaat_benaderd=True,
        element_door_en_voor=False,
    )
    welzijn = make(
        Aanbod,
        AanbodFactory,
        organisatie=org,
        soort=AanbodSoort.WELZIJN,
        naam="Testplek wandelgroep",
        locatie=None,
        website="www.buurtwerk.example.nl",
        email="geen e-mailadres",
        openingstijden_toelichting="Op afspraak.",
    )
    in_oprichting = make(
        Steunpunt,
        SteunpuntFactory,
        aanbod__naam="Testplek Zuid",
        aanbod__status=AanbodStatus.IN_OPRICHTING,
    )
    gestopt = make(
        Steunpunt,
        SteunpuntFactory,
        aanbod__naam="Testplek gestopt",
        aanbod__status=AanbodStatus.GESTOPT,
    )
    verlopen = make(
        Steunpunt,
        SteunpuntFactory,
        aanbod__naam="Testplek verlopen",
        aanbod__geldig_tot=timezone.localdate() - timedelta(days=1),
    )
    return {
        "org": org,
        "hoofd": hoofd,
        "full": full,
        "minimal": minimal,
        "welzijn": welzijn,
        "in_oprichting": in_oprichting,
        "gestopt": gestopt,
        "verlopen": verlopen,
    }


def _get(client: Client, path: str, **params: Any) -> Any:
    response = client.get(f"{BASE}{path}", params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def _service_id(steunpunt: Steunpunt) -> str:
    return str(steunpunt.aanbod.uuid)


# -- root ---------------------------------------------------------------------


def test_root_describes_the_api(client: Client) -> None:
    body = _get(client, "/")
    assert body["version"] == "3.0"
    assert _is_uri(body["profile"]) and _is_uri(body["openapi_url"])
    assert body["openapi_url"].endswith("openapi.json")


def test_format_checking_is_active() -> None:
    service = {"id": str(uuid.uuid4()), "name": "x", "status": "active"}
    validate_object(service, "compiled/service.json")
    with pytest.raises(AssertionError, match="is not a 'uuid'"):
        validate_object({**service, "id": "not-a-uuid"}, "compiled/service.json")
    with pytest.raises(AssertionError, match="is not a 'uri'"):
        validate_object({**service, "url": "no uri"}, "compiled/service.json")
    with pytest.raises(AssertionError, match="is not a 'email'"):
        validate_object({**service, "email": "geen adres"}, "compiled/service.json")
    with pytest.raises(AssertionError, match="is not a 'date-time'"):
        validate_object(
            {**service, "last_modified": "2025-01-01"}, "compiled/service.json"
        )


# -- services -----------------------------------------------------------------


def test_services_page_validates_and_lists_the_register(
    client: Client, register: dict[str, Any]
) -> None:
    # The first page of the whole register (with the 2025 LSP list) too.
    validate_page(_get(client, "/services"), "compiled/service_list.json")
    body = _get(client, "/services", search=SEARCH)
    validate_page(body, "compiled/service_list.json")
    names = [s["name"] for s in body["contents"]]
    assert names == sorted(names)
    assert set(names) == {
        "Testplek Centrum",
        "Testplek Noord",
        "Testplek Dorp",
        "Testplek wandelgroep",
        "Testplek Zuid",
    }
    assert "Testplek gestopt" not in names and "Testplek verlopen" not in names
    assert body["total_items"] == 5 and body["total_pages"] == 1
    assert body["first_page"] and body["last_page"] and not body["empty"]
    noord = next(s for s in body["contents"] if s["name"] == "Testplek Noord")
    assert noord["organization"]["name"] == "Stichting Testhuis"
    assert noord["organization_id"] == str(register["org"].uuid)


def test_full_services_page_validates(client: Client, register: dict[str, Any]) -> None:
    body = _get(client, "/services", full="true", search=SEARCH)
    validate_page(body, "compiled/service.json")
    assert all("attributes" in s for s in body["contents"])
    # And the whole register, fully nested.
    validate_page(
        _get(client, "/services", full="true", per_page=500), "compiled/service.json"
    )


def test_every_service_detail_validates(
    client: Client, register: dict[str, Any]
) -> None:
    ids = [s["id"] for s in _get(client, "/services", search=SEARCH)["contents"]]
    ids.append(_service_id(register["gestopt"]))
    for service_id in ids:
        validate_object(
            _get(client, f"/services/{service_id}"), "compiled/service.json"
        )


def test_service_with_full_profile(client: Client, register: dict[str, Any]) -> None:
    full = register["full"]
    body = _get(client, f"/services/{_service_id(full)}")
    assert body["status"] == "active"
    assert body["url"] == "https://testhuis.example.nl/noord"
    assert body["email"] == "noord@testhuis.example.nl"
    assert body["assured_date"] == "2025-06-01"
    assert body["phones"][0]["number"] == "020 765 43 21"
    assert body["schedules"] == []  # they hang from the service_at_location

    attributes = body["attributes"]
    lsp_type = _by_code(attributes, "lsp_type")
    assert list(lsp_type) == ["middel"]
    assert lsp_type["middel"]["taxonomy_term"]["name"] == "LSP middel (type 2)"
    assert lsp_type["middel"]["link_id"] == body["id"]
    assert list(_by_code(attributes, "lsp_element")) == [
        "inloop",
        "door_en_voor",
        "herstelaanbod",
        "groeivijver",
    ]
    kenmerken = _by_code(attributes, "kenmerk")
    assert {code: a["value"] for code, a in kenmerken.items()} == {
        "1": "aanwezig",
        "9": "in ontwikkeling",
    }
    herstel = _by_code(attributes, "herstelaanbod")
    assert list(herstel) == ["wrap", "overig"]
    assert herstel["overig"]["value"] == "Schrijfgroep herstelverhalen"
    assert list(_by_code(attributes, "doelgroep")) == ["jongvolwassenen", "naasten"]
    gegevens = _by_code(attributes, "lsp_gegevens")
    assert gegevens["satelliet_van"]["value"] == _service_id(register["hoofd"])
    assert gegevens["bezoekers_per_dag"]["value"] == "20"
    assert gegevens["unieke_bezoekers_per_jaar"]["value"] == "300"
    assert list(_by_code(attributes, "soort_aanbod")) == ["lsp"]

    [sal] = body["service_at_locations"]
    location = sal["location"]
    assert location["id"] == str(full.aanbod.locatie.uuid)
    assert location["location_type"] == "physical"
    assert (location["latitude"], location["longitude"]) == (52.39, 4.92)
    [address] = location["addresses"]
    assert address["address_1"] == "Kamperfoelieweg 12a"
    assert address["postal_code"] == "1032 AB"
    assert address["city"] == "Amsterdam"
    assert address["state_province"] == "Noord-Holland"
    assert address["country"] == "NL"

    schedules = sal["schedules"]
    assert [s["description"] for s in schedules] == [
        "maandagochtend",
        "maandagmiddag",
        "woensdagavond",
        "zaterdagmiddag",
    ]
    monday = schedules[0]
    assert monday["rrule"] == "FREQ=WEEKLY;BYDAY=MO"
    assert (monday["freq"], monday["byday"]) == ("WEEKLY", "MO")
    assert monday["opens_at"][:5] == "09:00" and monday["closes_at"][:5] == "12:30"
    assert monday["opens_at"][5:] in {"+01:00", "+02:00"}
    assert monday["timezone"] in {1, 2}
    assert monday["service_at_location_id"] == sal["id"]
    assert monday["notes"] == "In de schoolvakanties alleen 's middags."
    assert schedules[2]["rrule"] == "FREQ=WEEKLY;BYDAY=WE"
    assert schedules[2]["opens_at"][:5] == "18:30"
    assert schedules[3]["rrule"] == "FREQ=WEEKLY;BYDAY=SA"


def test_minimal_service(client: Client, register: dict[str, Any]) -> None:
    body = _get(client, f"/services/{_service_id(register['minimal'])}")
    assert "description" not in body and "url" not in body and "email" not in body
    assert body["phones"] == []
    assert list(_by_code(body["attributes"], "lsp_type")) == ["onbekend"]
    assert list(_by_code(body["attributes"], "lsp_element")) == ["inloop"]
    [sal] = body["service_at_locations"]
    assert sal["schedules"] == []
    assert sal["location"]["addresses"] == []
    assert "benaderd" in sal["location"]["description"]


def test_offer_without_location(client: Client, register: dict[str, Any]) -> None:
    body = _get(client, f"/services/{register['welzijn'].uuid}")
    assert body["service_at_locations"] == []
    assert body["url"] == "https://www.buurtwerk.example.nl"
    assert "email" not in body  # not an e-mail address
    assert [s["description"] for s in body["schedules"]] == ["Op afspraak."]
    assert list(_by_code(body["attributes"], "soort_aanbod")) == ["welzijn"]
    assert not _by_code(body["attributes"], "lsp_type")


def test_status_mapping(client: Client, register: dict[str, Any]) -> None:
    def status(key: str) -> str:
        return _get(client, f"/services/{_service_id(register[key])}")["status"]

    assert status("hoofd") == "active"
    assert status("in_oprichting") == "inactive"
    # A stopped offer is not listed, but its id still answers "defunct".
    assert status("gestopt") == "defunct"


def test_pagination(client: Client, register: dict[str, Any]) -> None:
    first = _get(client, "/services", per_page=1, search=SEARCH)
    assert {k: first[k] for k in PAGE_FIELDS} == {
        "total_items": 5,
        "total_pages": 5,
        "page_number": 1,
        "size": 1,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    middle = _get(client, "/services", per_page=1, page=3, search=SEARCH)
    assert (middle["page_number"], middle["first_page"], middle["last_page"]) == (
        3,
        False,
        False,
    )
    last = _get(client, "/services/", per_page=2, page=3, search=SEARCH)  # with "/"
    assert (last["total_pages"], last["size"], last["last_page"]) == (3, 1, True)
    seen = [
        _get(client, "/services", per_page=1, page=p, search=SEARCH)["contents"][0][
            "name"
        ]
        for p in range(1, 6)
    ]
    assert seen == sorted(seen) and len(set(seen)) == 5
    beyond = _get(client, "/services", per_page=1, page=9, search=SEARCH)
    assert beyond["contents"] == [] and beyond["empty"] and beyond["size"] == 0
    validate_page(beyond, "compiled/service_list.json")


def test_bad_page_parameters_are_a_problem(
    client: Client, register: dict[str, Any]
) -> None:
    for params in ({"page": 0}, {"per_page": "many"}, {"taxonomy_term_id": "x"}):
        response = client.get(f"{BASE}/services", params)
        assert response.status_code == 400
        assert response.json()["status"] == 400


def test_unknown_ids_are_404_json(client: Client, register: dict[str, Any]) -> None:
    unknown = str(uuid.uuid4())
    paths = [
        f"/services/{unknown}",
        "/services/not-a-uuid",
        f"/services/{_service_id(register['verlopen'])}",
        f"/organizations/{unknown}",
        f"/service_at_locations/{unknown}",
        f"/taxonomies/{unknown}",
        f"/taxonomy_terms/{unknown}",
    ]
    for path in paths:
        response = client.get(f"{BASE}{path}")
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 404


def test_filters(client: Client, register: dict[str, Any]) -> None:
    def names(**params: Any) -> set[str]:
        body = _get(client, "/services", search=SEARCH, **params)
        return {s["name"] for s in body["contents"]}

    taxonomies = {t["name"]: t for t in _get(client, "/taxonomies")["contents"]}
    terms = _get(client, "/taxonomy_terms", per_page=500)["contents"]
    term = {(t["taxonomy_detail"]["name"], t["code"]): t["id"] for t in terms}

    assert names(taxonomy_term_id=term[("LSP-type", "groot")]) == {"Testplek Centrum"}
    assert names(taxonomy_term_id=term[("Tien kenmerken", "9")]) == {"Testplek Noord"}
    assert names(taxonomy_term_id=term[("Doelgroepen", "naasten")]) == {
        "Testplek Noord"
    }
    assert names(taxonomy_term_id=term[("Soort aanbod", "welzijn")]) == {
        "Testplek wandelgroep"
    }
    assert names(taxonomy_term_id=str(uuid.uuid4())) == set()
    assert "Testplek wandelgroep" not in names(taxonomy_id=taxonomies["LSP-type"]["id"])
    assert names() == names(taxonomy_id=taxonomies["Soort aanbod"]["id"])
    everything = _get(client, "/services", search="noord")["contents"]
    assert "Testplek Noord" in {s["name"] for s in everything}
    assert names(organization_id=str(register["org"].uuid)) == {
        "Testplek Centrum",
        "Testplek Noord",
        "Testplek wandelgroep",
    }


def test_a_page_takes_a_fixed_number_of_queries(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    gemeente = make(Gemeente, GemeenteFactory)
    for n in range(30):
        steunpunt = make(
            Steunpunt,
            SteunpuntFactory,
            aanbod__naam=f"Querytest {n:02d}",
            aanbod__locatie__gemeente=gemeente,
            dagdelen=[(1 + n % 7, "ochtend"), (1 + (n + 1) % 7, "middag")],
            hoofdsteunpunt=None,
        )
        AanbodDoelgroep.objects.create(aanbod=steunpunt.aanbod, doelgroep="breed")
        SteunpuntHerstelaanbod.objects.create(steunpunt=steunpunt, soort="wrap")
        KenmerkZelfbeoordeling.objects.create(
            steunpunt=steunpunt,
            kenmerk=1,
            status="aanwezig",
            beoordeeld_op=date(2025, 1, 1),
        )
    AanbodFactory.create_batch(
        10,
        naam=factory.Sequence(lambda n: f"Querytest sport {n}"),
        soort=AanbodSoort.SPORT_BEWEGEN,
        locatie=None,
    )
    query = {"per_page": 50, "search": "Querytest"}
    with django_assert_max_num_queries(2):
        assert len(_get(client, "/services", **query)["contents"]) == 40
    with django_assert_max_num_queries(7):
        assert len(_get(client, "/services", full="true", **query)["contents"]) == 40
    with django_assert_max_num_queries(7):
        assert (
            len(_get(client, "/service_at_locations", full="true", **query)["contents"])
            == 30
        )
    with django_assert_max_num_queries(7):
        _get(client, "/services", full="true", per_page=50)  # the real register
    with django_assert_max_num_queries(5):
        _get(client, "/organizations", per_page=50, full="true")


# -- organizations --------------------------------------------------------------


def test_organizations(client: Client, register: dict[str, Any]) -> None:
    validate_page(_get(client, "/organizations"), "compiled/organization_list.json")
    body = _get(client, "/organizations", search="Testhuis")
    validate_page(body, "compiled/organization_list.json")
    org = register["org"]
    listed = {o["id"]: o for o in body["contents"]}
    assert listed[str(org.uuid)]["website"] == "https://testhuis.example.nl"

    detail = _get(client, f"/organizations/{org.uuid}")
    validate_object(detail, "compiled/organization.json")
    assert detail["description"] == "Zelfregie- en herstelorganisatie in Amsterdam."
    assert detail["email"] == "info@testhuis.example.nl"
    assert detail["phones"][0]["number"] == "020 123 45 67"
    assert [s["name"] for s in detail["services"]] == [
        "Testplek Centrum",
        "Testplek Noord",
        "Testplek wandelgroep",
    ]
    assert {loc["name"] for loc in detail["locations"]} >= {"Buurthuis Noord"}
    assert list(_by_code(detail["attributes"], "soort_organisatie")) == ["lsp"]

    validate_page(
        _get(client, "/organizations", full="true"), "compiled/organization.json"
    )
    assert _get(client, "/organizations", search="Testhuis")["total_items"] == 1


def test_organization_without_description_gets_its_kind(
    client: Client, register: dict[str, Any]
) -> None:
    other = register["minimal"].aanbod.organisatie
    body = _get(client, f"/organizations/{other.uuid}")
    assert body["description"] == (
        "Laagdrempelig steunpunt / zelfregie- en herstelorganisatie"
    )
    assert "website" not in body and "email" not in body


# -- service_at_locations ---------------------------------------------------------


def test_service_at_locations(client: Client, register: dict[str, Any]) -> None:
    validate_page(
        _get(client, "/service_at_locations"), "compiled/service_at_location_list.json"
    )
    body = _get(client, "/service_at_locations", search=SEARCH)
    validate_page(body, "compiled/service_at_location_list.json")
    by_service = {sal["service_id"]: sal for sal in body["contents"]}
    assert str(register["welzijn"].uuid) not in by_service  # no location
    assert _service_id(register["gestopt"]) not in by_service
    assert len(by_service) == 4

    full = register["full"]
    service = _get(client, f"/services/{_service_id(full)}")
    sal_id = service["service_at_locations"][0]["id"]
    assert by_service[_service_id(full)]["id"] == sal_id

    detail = _get(client, f"/service_at_locations/{sal_id}")
    validate_object(detail, "compiled/service_at_location.json")
    assert detail["service"]["id"] == _service_id(full)
    assert detail["location"]["addresses"][0]["postal_code"] == "1032 AB"
    assert [s["rrule"] for s in detail["schedules"]][:2] == [
        "FREQ=WEEKLY;BYDAY=MO",
        "FREQ=WEEKLY;BYDAY=MO",
    ]
    assert _get(client, f"/service_at_locations/{sal_id}/")["id"] == sal_id

    validate_page(
        _get(client, "/service_at_locations", full="true", search=SEARCH),
        "compiled/service_at_location.json",
    )


# -- taxonomies -------------------------------------------------------------------


def test_taxonomies(client: Client, register: dict[str, Any]) -> None:
    body = _get(client, "/taxonomies")
    validate_page(body, "taxonomy.json")
    names = {t["name"] for t in body["contents"]}
    assert names >= {
        "LSP-type",
        "LSP-elementen",
        "Tien kenmerken",
        "Doelgroepen",
        "Herstelaanbod",
        "Soort aanbod",
    }
    lsp_type = next(t for t in body["contents"] if t["name"] == "LSP-type")
    assert lsp_type["id"] == str(uuid.uuid5(NAMESPACE, "taxonomy:lsp_type"))
    validate_object(_get(client, f"/taxonomies/{lsp_type['id']}"), "taxonomy.json")

    terms = _get(client, "/taxonomy_terms", taxonomy_id=lsp_type["id"])
    validate_page(terms, "taxonomy_term.json")
    assert [t["code"] for t in terms["contents"]] == [
        "groot",
        "middel",
        "klein",
        "onbekend",
    ]
    groot = terms["contents"][0]
    assert groot["id"] == str(uuid.uuid5(NAMESPACE, "taxonomy_term:lsp_type:groot"))
    assert groot["language"] == "nl"
    detail = _get(client, f"/taxonomy_terms/{groot['id']}")
    validate_object(detail, "taxonomy_term.json")
    assert detail["taxonomy_detail"]["name"] == "LSP-type"

    kenmerken = next(t for t in body["contents"] if t["name"] == "Tien kenmerken")
    assert (
        _get(client, "/taxonomy_terms", taxonomy_id=kenmerken["id"])["total_items"]
        == 10
    )
    all_terms = _get(client, "/taxonomy_terms", per_page=500)
    validate_page(all_terms, "taxonomy_term.json")
    assert _get(client, "/taxonomy_terms", search="WRAP")["total_items"] == 1


def test_cors_and_language(client: Client, register: dict[str, Any]) -> None:
    response = client.get(f"{BASE}/taxonomies", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "LSP-type" in {t["name"] for t in response.json()["contents"]}
