# SPDX-License-Identifier: EUPL-1.2
"""Test set-up shared by every app.

The test database is filled once per session with the real reference data
(342 gemeenten, PC4 areas, divisions from `shared/data`) and the 2025 LSP
list, so tests can assert on real figures. Tests that create their own
records use factories with codes that cannot clash (GM9xxx).
"""

from collections.abc import Iterator
from typing import Any

from django.conf import settings

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    from dekkend.accounts.roles import roles_sync
    from dekkend.regions.importers.reference import reference_load
    from dekkend.register.importers.lsp_2025 import lsp_2025_load

    with django_db_blocker.unblock():
        reference_load(settings.DEKKEND_DATA_DIR)
        lsp_2025_load()
        roles_sync()
    yield


@pytest.fixture(autouse=True)
def _dutch(settings: Any) -> None:
    settings.LANGUAGE_CODE = "nl"


# -- Browser tests -----------------------------------------------------------
# Playwright's sync API drives Debian's chromium (scripts/ensure-chromium)
# against pytest-django's live_server. live_server runs in a transactional
# database that Django flushes afterwards, so the data is loaded per test and
# put back for the tests that run after a browser module.

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _load_session_data() -> None:
    """Reference data, the 2025 LSP list and the role groups (idempotent)."""
    from dekkend.accounts.roles import roles_sync
    from dekkend.regions.importers.reference import reference_load
    from dekkend.regions.models import Postcodegebied
    from dekkend.register.importers.lsp_2025 import lsp_2025_load

    if not Postcodegebied.objects.filter(pc4="4331").exists():
        reference_load(settings.DEKKEND_DATA_DIR)
        lsp_2025_load()
    roles_sync()


@pytest.fixture(scope="module")
def restore_session_data(
    django_db_setup: Any, django_db_blocker: Any
) -> Iterator[None]:
    """Use in browser modules: reload the session data after their flushes."""
    yield
    with django_db_blocker.unblock():
        _load_session_data()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    import os
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; Django refuses
    # database access from a thread with a running loop unless told otherwise.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_register(live_server: Any) -> Any:
    """The live server, with the register loaded in its (flushed) database."""
    _load_session_data()
    return live_server


@pytest.fixture
def axe() -> Any:
    """`axe(page)`: fail when axe-core finds serious or critical violations."""
    from dekkend.tests.a11y import assert_accessible

    return assert_accessible


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
