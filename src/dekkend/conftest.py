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
