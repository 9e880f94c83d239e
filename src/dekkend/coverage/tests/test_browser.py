# SPDX-License-Identifier: EUPL-1.2
"""End-to-end test of the coverage pages in a real browser.

Playwright's sync API drives Debian's chromium against pytest-django's
`live_server`: a visitor opens the national overview, follows the link of
Zeeland with the keyboard and sees the heading, the map and the targets.

`live_server` runs in a transactional database that Django flushes afterwards,
so the test loads the reference data and the 2025 LSP list itself, and the
module puts the session data back for the tests that run after it (the same
approach as `register/tests/test_browser.py`).
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from dekkend.accounts.roles import roles_sync
from dekkend.regions.importers.reference import reference_load
from dekkend.regions.models import Postcodegebied
from dekkend.register.importers.lsp_2025 import lsp_2025_load

# Playwright's sync API keeps an event loop in this thread; Django refuses
# database access from a thread with a running loop unless told otherwise.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path("/tmp/dekkend-dekking.png")  # outside the repo, for a human to see


def _load_data() -> None:
    """Reference data, the 2025 LSP list and the role groups (idempotent)."""
    if not Postcodegebied.objects.filter(pc4="4331").exists():
        reference_load(settings.DEKKEND_DATA_DIR)
        lsp_2025_load()
    roles_sync()


@pytest.fixture(scope="module", autouse=True)
def _restore_session_data(
    django_db_setup: Any, django_db_blocker: Any
) -> Iterator[None]:
    """The transactional test flushes the database; reload what conftest's
    session set-up put there so later tests see the same data."""
    yield
    with django_db_blocker.unblock():
        _load_data()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def server(live_server: Any) -> Any:
    """The live server, with the reference data loaded in its database."""
    _load_data()
    return live_server


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def test_visitor_follows_zeeland_from_the_overview_to_its_coverage(
    server: Any, page: Page
) -> None:
    page.goto(f"{server.url}/dekking/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Dekkend netwerk van laagdrempelige steunpunten"
    )
    regios = page.locator("table").filter(has_text="Regio's op").locator("tbody tr")
    expect(regios).to_have_count(31)

    link = regios.get_by_role("link", name="Zeeland", exact=True)
    expect(link).to_have_attribute("href", "/dekking/zorgkantoorregio-2025/ZK27/")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/dekking/zorgkantoorregio-2025/ZK27/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dekking Zeeland")
    expect(page).to_have_title(re.compile("Dekking Zeeland"))

    kaart = page.locator("svg.kaart")
    expect(kaart).to_be_visible()
    expect(kaart.locator("path")).to_have_count(13)
    expect(kaart.locator("circle")).to_have_count(12)

    expect(
        page.get_by_role("heading", name="Streefwaarden van de basisfunctionaliteiten")
    ).to_be_visible()
    streefwaarden = page.locator("table").filter(has_text="Verwijzingen per jaar")
    expect(streefwaarden).to_be_visible()
    expect(streefwaarden).to_contain_text("2.349,8")
    expect(streefwaarden).to_contain_text("003 §7 en 004 Sociaal verwijzen")
    expect(streefwaarden.locator("tbody tr")).to_have_count(12)

    # Anonymous visitors read, they cannot change anything.
    expect(page.get_by_role("button", name="Bewaar deze analyse")).to_have_count(0)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
