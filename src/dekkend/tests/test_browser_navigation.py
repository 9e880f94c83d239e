# SPDX-License-Identifier: EUPL-1.2
"""Navigation and words as a user sees them (issue 12, points 8 and 9).

- The main menu fits on one row for every role at a laptop's width, and a
  GP is not offered "Mijn steunpunten" (an LSP-medewerker is).
- The resident's pages speak the resident's language: no developer buttons
  on the home page, no programme jargon in the footer (the developer links
  stay there, marked as such), and a place is not named twice.
"""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.accounts.testing import browser_login_with_2fa
from dekkend.register.tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restore_session_data")]

ROLES = (
    "verwijzer",
    "brugfunctionaris",
    "lsp_medewerker",
    "regio",
    "landelijk_monitor",
)


def _user(role: str | None) -> User:
    if role is None:
        return UserFactory(is_staff=True, is_superuser=True)
    user = UserFactory()
    user.groups.add(role_group(role))
    return User.objects.get(pk=user.pk)


def _menu_rows(page: Page) -> set[int]:
    """The distinct tops of the main menu's items (one row: one top)."""
    items = page.get_by_role("navigation", name="Hoofdmenu").get_by_role("listitem")
    tops = items.evaluate_all(
        "els => els.map(el => Math.round(el.getBoundingClientRect().top))"
    )
    assert tops, "no menu items"
    return set(tops)


@pytest.mark.parametrize("role", (*ROLES, None), ids=(*ROLES, "beheerder"))
def test_the_menu_fits_on_one_row(
    live_register: Any, page: Page, role: str | None
) -> None:
    browser_login_with_2fa(page, live_register.url, _user(role))
    page.goto(f"{live_register.url}/")
    assert len(_menu_rows(page)) == 1
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_a_gp_is_not_offered_support_points_to_manage(
    live_register: Any, page: Page
) -> None:
    base = live_register.url
    browser_login_with_2fa(page, base, _user("verwijzer"))
    page.goto(f"{base}/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Verwijzen", exact=True)).to_be_visible()
    expect(menu.get_by_role("link", name="Mijn steunpunten")).to_have_count(0)

    page.context.clear_cookies()
    browser_login_with_2fa(page, base, _user("lsp_medewerker"))
    page.goto(f"{base}/")
    expect(menu.get_by_role("link", name="Mijn steunpunten")).to_be_visible()
    expect(menu.get_by_role("link", name="Verwijzen", exact=True)).to_have_count(0)


def test_the_resident_s_pages_speak_plain_dutch(live_register: Any, page: Page) -> None:
    base = live_register.url
    page.goto(f"{base}/")
    main = page.get_by_role("main")
    expect(main).not_to_contain_text("API")
    expect(main).not_to_contain_text("HSDS")
    voet = page.get_by_role("contentinfo")
    expect(voet).not_to_contain_text("AZWA")
    expect(voet).not_to_contain_text("basisfunctionaliteiten")
    # Developer links stay, in the footer, said to be for developers.
    ontwikkelaars = voet.get_by_text("Voor ontwikkelaars:")
    expect(ontwikkelaars.get_by_role("link", name="API-documentatie")).to_be_visible()

    page.get_by_label("Uw postcode").fill("4331")
    page.get_by_role("button", name="Zoek steunpunten").click()
    kop = page.get_by_role("heading", name="dichtbij", exact=False).first
    expect(kop).to_contain_text("dichtbij 4331 Middelburg")
    expect(page.get_by_role("main")).not_to_contain_text("Middelburg (Middelburg")
