# SPDX-License-Identifier: EUPL-1.2
"""axe-core on every page, for every role: no serious or critical violations.

One test per role (anonymous visitor, verwijzer, brugfunctionaris,
LSP-medewerker, regio, landelijk, beheerder) logs in the way the demo
accounts do (password and a verified TOTP device; here the session is made
by `accounts.testing.login_with_2fa` and handed to the browser as its
cookie) and visits every HTML page that role may open, running axe-core on
each. The world and the pages come from the authorisation matrix
(`test_authorisation_matrix.py`), so a page is visited by exactly the roles
the matrix lets in.

`test_every_html_route_is_visited_or_excluded` walks the URL configuration:
a named route that is neither visited here nor listed in `EXCLUDED` with a
reason fails, so a new page cannot escape the audit. Pages are excluded
only because they are no HTML page (API, downloads, POST-only endpoints) or
not ours (Django's admin), never because they fail.
"""

from typing import Any

from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

import pytest

from dekkend.accounts.testing import browser_login_with_2fa
from dekkend.tests import test_authorisation_matrix as matrix_test
from dekkend.tests.a11y import axe_violations, describe
from dekkend.tests.matrix import Case, World

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

# The matrix's world fixture: two chains of sociaal verwijzen, a support
# point, regions, a werkagenda and a monitor round made on first use.
world = matrix_test.world

# Each demo role and the matrix subject that plays it (own organisation,
# own region, so the pages show data).
ROLES = {
    "anoniem": "anoniem",
    "verwijzer": "verwijzer_eigen",
    "brugfunctionaris": "brug_eigen",
    "lsp_medewerker": "lsp_eigen",
    "regio": "regio_eigen",
    "landelijk": "landelijk",
    "beheerder": "beheerder",
}


def _va(w: World, rest: str = "") -> str:
    return f"/verwijzingen/{w.verwijzing_a.uuid}/{rest}"


BRUG = frozenset({"brug_eigen"})
# Pages that the matrix tests with a POST but that also show a form on GET.
EXTRA_PAGES: tuple[Case, ...] = (
    Case("contact (formulier)", "get", lambda w: _va(w, "contact/"), BRUG),
    Case(
        "terugkoppeling (formulier)", "get", lambda w: _va(w, "terugkoppeling/"), BRUG
    ),
    Case("inloggen", "get", lambda w: "/account/inloggen/", frozenset({"anoniem"})),
)

# Named routes that are not audited, each with the reason.
EXCLUDED_PREFIXES = {
    "api/": "JSON-API en HSDS: geen HTML-pagina's (Swagger en ReDoc zijn van derden)",
    "admin/": "Django-admin: niet onze sjablonen; alleen voor de beheerder",
    "i18n/": "taalkeuze: alleen POST, stuurt terug naar de pagina",
}
EXCLUDED = {
    "coverage:export": "CSV-download",
    "monitoring:verwijzen-export": "Excel-download",
    "werkagenda:download": "DOCX/PDF-download",
    "lspmonitor:rapport": "Excel/PDF-download",
    "accounts:logout": "alleen POST (knop in het menu)",
    "referrals:actie": "alleen POST: een stap op de detailpagina",
    "lspmonitor:ronde-status": "alleen POST: een knop op de rondepagina",
    "lspmonitor:uitnodiging-intrekken": "alleen POST: een knop bij de uitnodiging",
    "lspmonitor:voorstel": "alleen POST: een besluit op de voorstellenpagina",
    "werkagenda:sectie": "alleen POST: een formulier op de werkagenda",
    "werkagenda:voorstel": "alleen POST: een formulier op de werkagenda",
    "werkagenda:doelstelling": "alleen POST: een formulier op de werkagenda",
    "werkagenda:mijlpaal": "alleen POST: een formulier op de werkagenda",
    "werkagenda:partij": "alleen POST: een formulier op de werkagenda",
    "werkagenda:status": "alleen POST: een formulier op de werkagenda",
}


def _pages() -> tuple[Case, ...]:
    """The GET pages of the matrix that are HTML, and the extra ones."""
    pages = [c for c in matrix_test.CASES if c.method == "get"]
    return (*pages, *EXTRA_PAGES)


def _html_pages(w: World) -> list[tuple[Case, str]]:
    out = []
    for case in _pages():
        url = case.url(w)
        if url.startswith(tuple(f"/{p}" for p in EXCLUDED_PREFIXES)):
            continue
        if resolve(url.split("?")[0]).view_name in EXCLUDED:
            continue
        out.append((case, url))
    return out


def _routes(resolver: URLResolver, prefix: str = "", ns: str = "") -> dict[str, str]:
    """Every named route as {view name: its pattern from the root}."""
    routes: dict[str, str] = {}
    for p in resolver.url_patterns:
        here = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            inner = f"{ns}:{p.namespace}" if ns and p.namespace else p.namespace or ns
            routes |= _routes(p, here, inner)
        elif isinstance(p, URLPattern) and p.name:
            routes[f"{ns}:{p.name}" if ns else p.name] = here.lstrip("^")
    return routes


# Routes a role does not reach by a plain GET; `test_two_factor_pages_pass_axe`
# visits them.
VISITED_BY_OWN_TEST = {"accounts:two_factor_setup", "accounts:two_factor_verify"}


@pytest.mark.django_db
def test_every_html_route_is_visited_or_excluded(world: World) -> None:
    visited = {resolve(url.split("?")[0]).view_name for _, url in _html_pages(world)}
    visited |= VISITED_BY_OWN_TEST
    missing = {
        name: pattern
        for name, pattern in _routes(get_resolver()).items()
        if name not in visited
        and name not in EXCLUDED
        and not pattern.startswith(tuple(EXCLUDED_PREFIXES))
    }
    assert not missing, f"HTML routes neither audited nor excluded: {missing}"
    assert not set(EXCLUDED) & visited, "an excluded route is visited after all"


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_of_the_role_passes_axe(
    role: str, live_register: Any, page: Any, world: World
) -> None:
    subject = ROLES[role]
    user = world.users[subject]
    base = live_register.url
    if user is not None:
        browser_login_with_2fa(page, base, user)
    found: list[str] = []
    visited = 0
    for case, url in _html_pages(world):
        if subject not in case.allowed:
            continue
        response = page.goto(base + url)
        assert response is not None and response.status == 200, (case.name, url)
        assert response.headers["content-type"].startswith("text/html"), url
        violations = axe_violations(page)
        visited += 1
        if violations:
            found.append(f"{case.name} ({url}):\n{describe(violations)}")
    assert visited > 0
    assert not found, f"{role}: {len(found)} of {visited} pages\n\n" + "\n\n".join(
        found
    )


def test_two_factor_pages_pass_axe(live_register: Any, page: Any, world: World) -> None:
    """Set-up (a user without a device) and the code page (with one)."""
    from dekkend.accounts.testing import totp_device_create

    base = live_register.url
    user = world.users["verwijzer_collega"]
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base,
            }
        ]
    )
    page.goto(f"{base}/verwijzingen/mijn/")
    assert resolve(page.url.removeprefix(base).split("?")[0]).view_name == (
        "accounts:two_factor_setup"
    )
    found = [f"{page.url}:\n{describe(v)}" for v in [axe_violations(page)] if v]
    totp_device_create(user)
    page.goto(f"{base}/verwijzingen/mijn/")
    assert resolve(page.url.removeprefix(base).split("?")[0]).view_name == (
        "accounts:two_factor_verify"
    )
    found += [f"{page.url}:\n{describe(v)}" for v in [axe_violations(page)] if v]
    assert not found, "\n\n".join(found)
