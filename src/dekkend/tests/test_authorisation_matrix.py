# SPDX-License-Identifier: EUPL-1.2
"""The authorisation matrix: every page and API endpoint × every role ×
own / other organisation / other region, against the roles table of
PRODUCT.md. A subject that gets through where the table says no is a leak,
and a failed test; so is a subject that is refused where the table says yes.

Each subject is a real user in the real role group (`accounts.roles`), logged
in with verified two-factor. The world holds two chains of sociaal verwijzen
(Middelburg in Zeeland, region A; Amsterdam, region B) and a referral in each.
For lists, passing is not enough: only the subjects in `sees` may find the
referral of region A (by its uuid) in the response.

`test_every_route_is_in_the_matrix` walks the URL configuration, so a new
page or endpoint without a line here fails the suite.
"""

from typing import Any

from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

import pytest

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import login_with_2fa
from dekkend.lspmonitor.tests.matrix_cases import CASES as LSPMONITOR_CASES
from dekkend.referrals.tests.factories import (
    Keten,
    PraktijkFactory,
    WelzijnsorganisatieFactory,
    WerkgebiedFactory,
    verwijzing_in_behandeling,
)
from dekkend.regions.models import Gemeente, Regio, RegioLid
from dekkend.register.models import Organisatie, OrganisatieLid, Steunpunt
from dekkend.register.tests.factories import UserFactory
from dekkend.tests.matrix import (
    ALL,
    BRUGFUNCTIONARISSEN,
    INDICATOREN_A,
    LOGGED_IN,
    MET_BEHEERDER,
    PARTIES_A,
    SUBJECTS,
    VERWIJZERS,
    ZORGKANTOOR,
    Case,
    World,
)
from dekkend.werkagenda.tests.matrix_cases import CASES as WERKAGENDA_CASES

pytestmark = pytest.mark.django_db


def _user(name: str, role: str | None, organisatie: Organisatie | None = None) -> User:
    user = UserFactory(
        username=f"matrix-{name}",
        email=f"{name}@example.nl",
        beroep="huisarts" if role == "verwijzer" else "",
    )
    if role:
        user.groups.add(role_group(role))
    if organisatie is not None:
        OrganisatieLid.objects.create(user=user, organisatie=organisatie)
    return User.objects.get(pk=user.pk)


def _zorgkantoorregio(gemeente: Gemeente) -> Regio:
    return Regio.objects.get(indeling__naam=ZORGKANTOOR, gemeenten=gemeente)


def _chain(gemeente: Gemeente, suffix: str) -> Keten:
    praktijk, welzijn = PraktijkFactory(), WelzijnsorganisatieFactory()
    WerkgebiedFactory(gemeente=gemeente, organisatie=welzijn)
    return Keten(
        gemeente=gemeente,
        praktijk=praktijk,
        welzijn=welzijn,
        verwijzer=_user(f"verwijzer-{suffix}", "verwijzer", praktijk),
        brugfunctionaris=_user(f"brug-{suffix}", "brugfunctionaris", welzijn),
    )


@pytest.fixture
def world() -> World:
    middelburg = Gemeente.objects.get(code="GM0687")
    vlissingen = Gemeente.objects.get(code="GM0718")
    amsterdam = Gemeente.objects.get(code="GM0363")
    a, b = _chain(middelburg, "a"), _chain(amsterdam, "b")
    a_elders = WelzijnsorganisatieFactory()
    WerkgebiedFactory(gemeente=vlissingen, organisatie=a_elders)
    regio_a, regio_b = _zorgkantoorregio(middelburg), _zorgkantoorregio(amsterdam)
    steunpunt = (
        Steunpunt.objects.select_related("aanbod__organisatie")
        .filter(aanbod__locatie__gemeente=middelburg)
        .first()
        or Steunpunt.objects.select_related("aanbod__organisatie").first()
    )
    assert steunpunt is not None
    lsp_ander_org = (
        Organisatie.objects.exclude(pk=steunpunt.aanbod.organisatie_id)
        .filter(aanbod__steunpunt__isnull=False)
        .first()
    )
    users: dict[str, User | None] = {
        "anoniem": None,
        "verwijzer_eigen": a.verwijzer,
        "verwijzer_collega": _user("verwijzer-collega", "verwijzer", a.praktijk),
        "verwijzer_andere_regio": b.verwijzer,
        "brug_eigen": a.brugfunctionaris,
        "brug_andere_org": _user("brug-elders", "brugfunctionaris", a_elders),
        "brug_andere_regio": b.brugfunctionaris,
        "lsp_eigen": _user("lsp-eigen", "lsp_medewerker", steunpunt.aanbod.organisatie),
        "lsp_ander": _user("lsp-ander", "lsp_medewerker", lsp_ander_org),
        "regio_eigen": _user("regio-eigen", "regio"),
        "regio_ander": _user("regio-ander", "regio"),
        "landelijk": _user("landelijk", "landelijk_monitor"),
        "beheerder": UserFactory(
            username="matrix-beheerder", is_staff=True, is_superuser=True
        ),
    }
    RegioLid.objects.create(user=users["regio_eigen"], regio=regio_a)
    RegioLid.objects.create(user=users["regio_ander"], regio=regio_b)
    return World(
        users=users,
        verwijzing_a=verwijzing_in_behandeling(a),
        verwijzing_b=verwijzing_in_behandeling(b),
        regio_a=regio_a,
        regio_b=regio_b,
        steunpunt=steunpunt,
        hsds_ids={
            kind: Client().get(f"/api/hsds/{kind}").json()["contents"][0]["id"]
            for kind in ("service_at_locations", "taxonomies", "taxonomy_terms")
        },
    )


def _va(w: World, rest: str = "") -> str:
    return f"/verwijzingen/{w.verwijzing_a.uuid}/{rest}"


def _api_va(w: World, rest: str = "") -> str:
    return f"/api/v1/verwijzingen/{w.verwijzing_a.uuid}/{rest}"


def _regio_path(regio: Regio) -> str:
    return f"{regio.indeling.naam}/{regio.code}"


CASES: tuple[Case, ...] = (
    # -- Public pages and register -------------------------------------------
    Case("home", "get", lambda w: "/", ALL),
    Case("steunpunten zoeken", "get", lambda w: "/steunpunten/?postcode=4331", ALL),
    Case(
        "steunpunt detail",
        "get",
        lambda w: f"/steunpunten/{w.steunpunt.aanbod.uuid}/",
        ALL,
    ),
    Case("indelingen", "get", lambda w: "/regios/", ALL),
    Case("indeling", "get", lambda w: f"/regios/{ZORGKANTOOR}/", ALL),
    Case("regio register", "get", lambda w: f"/regios/{_regio_path(w.regio_a)}/", ALL),
    Case("dekking overzicht", "get", lambda w: "/dekking/", ALL),
    Case("dekking regio", "get", lambda w: f"/dekking/{_regio_path(w.regio_a)}/", ALL),
    Case(
        "dekking regio wijzigen",
        "post",
        lambda w: f"/dekking/{_regio_path(w.regio_a)}/",
        frozenset({"regio_eigen", "landelijk", "beheerder"}),
    ),
    Case(
        "dekking export",
        "get",
        lambda w: f"/dekking/{_regio_path(w.regio_a)}/export.csv",
        ALL,
    ),
    Case("mijn steunpunten", "get", lambda w: "/mijn/steunpunten/", LOGGED_IN),
    Case(
        "steunpunt bewerken",
        "get",
        lambda w: f"/mijn/steunpunten/{w.steunpunt.aanbod.uuid}/bewerken/",
        frozenset({"lsp_eigen", "landelijk", "beheerder"}),
    ),
    Case("admin", "get", lambda w: "/admin/", frozenset({"beheerder"})),
    # -- Sociaal verwijzen: pages --------------------------------------------
    Case(
        "verwijzing nieuw",
        "get",
        lambda w: "/verwijzingen/nieuw/",
        VERWIJZERS | MET_BEHEERDER,
        sees=frozenset(),
    ),
    Case(
        "mijn verwijzingen",
        "get",
        lambda w: "/verwijzingen/mijn/",
        VERWIJZERS | MET_BEHEERDER,
        sees=frozenset({"verwijzer_eigen"}),
    ),
    Case(
        "mijn verwijzing",
        "get",
        lambda w: f"/verwijzingen/mijn/{w.verwijzing_a.uuid}/",
        frozenset({"verwijzer_eigen"}),
    ),
    Case(
        "inbox",
        "get",
        lambda w: "/verwijzingen/inbox/",
        BRUGFUNCTIONARISSEN | MET_BEHEERDER,
        sees=frozenset({"brug_eigen"}),
    ),
    Case("verwijzing detail", "get", _va, frozenset({"brug_eigen"})),
    Case(
        "stap pauzeren",
        "post",
        lambda w: _va(w, "stap/pauzeren/"),
        # Both parties reach the step endpoint; the workflow then refuses a
        # pause by the verwijzer with a message, not with the referral's data.
        PARTIES_A,
    ),
    Case("contact", "post", lambda w: _va(w, "contact/"), frozenset({"brug_eigen"})),
    Case("verbinden", "get", lambda w: _va(w, "verbinden/"), frozenset({"brug_eigen"})),
    Case(
        "terugkoppeling",
        "post",
        lambda w: _va(w, "terugkoppeling/"),
        frozenset({"brug_eigen"}),
    ),
    Case(
        "toestemming intrekken",
        "get",
        lambda w: _va(w, "toestemming-intrekken/"),
        PARTIES_A,
    ),
    Case(
        "inzagelog",
        "get",
        lambda w: "/verwijzingen/inzagelog/",
        frozenset({"beheerder"}),
    ),
    # -- Indicators: aggregates only, never a referral ------------------------
    Case(
        "indicatoren regio",
        "get",
        lambda w: f"/monitor/verwijzen/?indeling={ZORGKANTOOR}&regio={w.regio_a.code}",
        INDICATOREN_A,
        sees=frozenset(),
    ),
    Case(
        "indicatoren export",
        "get",
        lambda w: (
            f"/monitor/verwijzen/export.xlsx?indeling={ZORGKANTOOR}&regio={w.regio_a.code}"
        ),
        INDICATOREN_A,
        sees=frozenset(),
    ),
    Case(
        "api indicatoren regio",
        "get",
        lambda w: (
            f"/api/v1/verwijzingsindicatoren/?indeling={ZORGKANTOOR}&regio={w.regio_a.code}"
        ),
        INDICATOREN_A,
        sees=frozenset(),
    ),
    Case(
        "api indicatoren landelijk",
        "get",
        lambda w: f"/api/v1/verwijzingsindicatoren/?indeling={ZORGKANTOOR}",
        frozenset({"landelijk", "beheerder"}),
        sees=frozenset(),
    ),
    # -- Sociaal verwijzen: API ----------------------------------------------
    Case(
        "api verwijzingen",
        "get",
        lambda w: "/api/v1/verwijzingen/",
        VERWIJZERS | BRUGFUNCTIONARISSEN | MET_BEHEERDER,
        sees=PARTIES_A,
    ),
    Case(
        "api verwijzing aanmaken",
        "post",
        lambda w: "/api/v1/verwijzingen/",
        VERWIJZERS | MET_BEHEERDER,
    ),
    Case("api verwijzing", "get", _api_va, PARTIES_A),
    Case("api statussen", "get", lambda w: _api_va(w, "statussen/"), PARTIES_A),
    Case(
        "api status wijzigen",
        "post",
        lambda w: _api_va(w, "statussen/"),
        # Only the receiving organisation may pause: the verwijzer gets 403.
        frozenset({"brug_eigen"}),
        data={"actie": "pauzeren", "reden": "Inwoner is op vakantie."},
    ),
    Case(
        "api contacten",
        "get",
        lambda w: _api_va(w, "contacten/"),
        frozenset({"brug_eigen"}),
    ),
    Case(
        "api contact vastleggen",
        "post",
        lambda w: _api_va(w, "contacten/"),
        frozenset({"brug_eigen"}),
    ),
    Case(
        "api verbindingen",
        "get",
        lambda w: _api_va(w, "verbindingen/"),
        frozenset({"brug_eigen"}),
    ),
    Case(
        "api verbinding vastleggen",
        "post",
        lambda w: _api_va(w, "verbindingen/"),
        frozenset({"brug_eigen"}),
    ),
    Case(
        "api terugkoppelingen",
        "get",
        lambda w: _api_va(w, "terugkoppelingen/"),
        PARTIES_A,
    ),
    Case(
        "api terugkoppeling sturen",
        "post",
        lambda w: _api_va(w, "terugkoppelingen/"),
        frozenset({"brug_eigen"}),
    ),
    Case(
        "api toestemming intrekken",
        "post",
        lambda w: _api_va(w, "toestemming-intrekking/"),
        PARTIES_A,
    ),
    Case("api fhir export", "get", lambda w: _api_va(w, "fhir").rstrip("/"), PARTIES_A),
    Case(
        "api fhir import",
        "post",
        lambda w: "/api/v1/fhir/ServiceRequest",
        VERWIJZERS | MET_BEHEERDER,
    ),
    # Dekkend's FHIR definitions hold no personal data: public.
    Case("api fhir codesystems", "get", lambda w: "/api/v1/fhir/CodeSystem", ALL),
    Case(
        "api fhir profiel",
        "get",
        lambda w: "/api/v1/fhir/StructureDefinition/dekkend-servicerequest",
        ALL,
    ),
    # -- Public API ----------------------------------------------------------
    Case("api root", "get", lambda w: "/api/v1/", LOGGED_IN),
    Case("api gemeenten", "get", lambda w: "/api/v1/gemeenten/", ALL),
    Case("api gemeente", "get", lambda w: "/api/v1/gemeenten/GM0687/", ALL),
    Case("api indelingen", "get", lambda w: "/api/v1/indelingen/", ALL),
    Case("api indeling", "get", lambda w: f"/api/v1/indelingen/{ZORGKANTOOR}/", ALL),
    Case("api regios", "get", lambda w: "/api/v1/regios/", ALL),
    Case("api regio", "get", lambda w: f"/api/v1/regios/{w.regio_a.uuid}/", ALL),
    Case("api steunpunten", "get", lambda w: "/api/v1/steunpunten/", ALL),
    Case(
        "api steunpunten zoeken",
        "get",
        lambda w: "/api/v1/steunpunten/zoeken/?postcode=4331",
        ALL,
    ),
    Case(
        "api steunpunt",
        "get",
        lambda w: f"/api/v1/steunpunten/{w.steunpunt.aanbod.uuid}/",
        ALL,
    ),
    Case("api organisaties", "get", lambda w: "/api/v1/organisaties/", ALL),
    Case(
        "api organisatie",
        "get",
        lambda w: f"/api/v1/organisaties/{w.steunpunt.aanbod.organisatie.uuid}/",
        ALL,
    ),
    Case("api lsp-samenvatting", "get", lambda w: "/api/v1/lsp-samenvatting/", ALL),
    Case(
        "api dekking",
        "get",
        lambda w: f"/api/v1/dekking/?indeling={ZORGKANTOOR}&regio={w.regio_a.code}",
        ALL,
    ),
    Case("api schema", "get", lambda w: "/api/v1/schema/", ALL),
    Case("api swagger", "get", lambda w: "/api/v1/schema/swagger/", ALL),
    Case("api redoc", "get", lambda w: "/api/v1/schema/redoc/", ALL),
    Case("hsds root", "get", lambda w: "/api/hsds/", ALL),
    Case("hsds services", "get", lambda w: "/api/hsds/services", ALL),
    Case(
        "hsds service",
        "get",
        lambda w: f"/api/hsds/services/{w.steunpunt.aanbod.uuid}",
        ALL,
    ),
    Case("hsds organizations", "get", lambda w: "/api/hsds/organizations", ALL),
    Case(
        "hsds organization",
        "get",
        lambda w: f"/api/hsds/organizations/{w.steunpunt.aanbod.organisatie.uuid}",
        ALL,
    ),
    Case(
        "hsds service_at_locations",
        "get",
        lambda w: "/api/hsds/service_at_locations",
        ALL,
    ),
    Case("hsds taxonomies", "get", lambda w: "/api/hsds/taxonomies", ALL),
    Case("hsds taxonomy_terms", "get", lambda w: "/api/hsds/taxonomy_terms", ALL),
    *(
        Case(
            f"hsds {kind} detail",
            "get",
            lambda w, kind=kind: f"/api/hsds/{kind}/{w.hsds_ids[kind]}",
            ALL,
        )
        for kind in ("service_at_locations", "taxonomies", "taxonomy_terms")
    ),
    *WERKAGENDA_CASES,
    *LSPMONITOR_CASES,
)

# Routes that need no line of their own: the language switch and the account
# pages (every role uses them the same way), format-suffix twins of API routes,
# and the admin's pages behind the admin index (staff only, Django's own check).
UNLISTED_PREFIXES = ("admin:", "accounts:", "set_language")


def _refused(response: Any) -> bool:
    if response.status_code in (401, 403, 404):
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and (
        "/account/" in location or "/admin/login/" in location
    )


def _request(client: Client, case: Case, url: str) -> Any:
    if case.method == "get":
        return client.get(url)
    return (
        client.post(url, case.data, content_type="application/json")
        if url.startswith("/api/")
        else client.post(url, case.data)
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_matrix(case: Case, world: World) -> None:
    url = case.url(world)
    marker = str(world.verwijzing_a.uuid)
    got_through, saw = set(), set()
    for subject in SUBJECTS:
        client = Client()
        user = world.users[subject]
        if user is not None:
            login_with_2fa(client, user)
        # Each subject's request is undone afterwards: a write by one must
        # not change what the next one meets.
        with transaction.atomic():
            response = _request(client, case, url)
            transaction.set_rollback(True)
        if not _refused(response):
            got_through.add(subject)
            body = b"".join(response) if response.streaming else response.content
            if marker.encode() in body:
                saw.add(subject)
    assert got_through == set(case.allowed), (
        f"leak: {sorted(got_through - case.allowed)}; "
        f"wrongly refused: {sorted(case.allowed - got_through)}"
    )
    if case.sees is not None:
        assert saw == set(case.sees), f"sees region A's referral: {sorted(saw)}"


def test_region_b_stays_out_of_sight(world: World) -> None:
    """The parties of region A never meet region B's referral anywhere."""
    marker = str(world.verwijzing_b.uuid)
    for subject in ("verwijzer_eigen", "brug_eigen", "regio_eigen", "landelijk"):
        client = Client()
        login_with_2fa(client, world.users[subject])
        for url in (
            "/verwijzingen/mijn/",
            "/verwijzingen/inbox/",
            "/api/v1/verwijzingen/",
            f"/api/v1/verwijzingen/{marker}/",
            f"/verwijzingen/{marker}/",
        ):
            response = client.get(url)
            assert marker.encode() not in response.content, (subject, url)


def _route_names(resolver: URLResolver, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            names |= _route_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


def test_every_route_is_in_the_matrix(world: World) -> None:
    covered = {resolve(case.url(world).split("?")[0]).view_name for case in CASES}
    routes = {
        name
        for name in _route_names(get_resolver())
        if not name.startswith(UNLISTED_PREFIXES)
    }
    assert routes - covered == set(), "routes without a line in the matrix"
