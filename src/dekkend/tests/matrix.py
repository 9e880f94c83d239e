# SPDX-License-Identifier: EUPL-1.2
"""The subjects, the world and the case type of the authorisation matrix
(`test_authorisation_matrix.py`), shared so that each app can keep its own
lines in `<app>/tests/matrix_cases.py`."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dekkend.accounts.models import User
from dekkend.referrals.models import Verwijzing
from dekkend.regions.models import Regio
from dekkend.register.models import Steunpunt

ZORGKANTOOR = "zorgkantoorregio-2025"

SUBJECTS = (
    "anoniem",
    "verwijzer_eigen",  # sent the referral of region A
    "verwijzer_collega",  # same practice, did not send it
    "verwijzer_andere_regio",
    "brug_eigen",  # the receiving organisation of region A's referral
    "brug_andere_org",  # bridging organisation of another gemeente, same region
    "brug_andere_regio",
    "lsp_eigen",  # staff of the organisation of the support point below
    "lsp_ander",
    "regio_eigen",  # member of region A
    "regio_ander",  # member of region B
    "landelijk",
    "beheerder",
)
ALL = frozenset(SUBJECTS)
LOGGED_IN = ALL - {"anoniem"}
VERWIJZERS = frozenset(
    {"verwijzer_eigen", "verwijzer_collega", "verwijzer_andere_regio"}
)
BRUGFUNCTIONARISSEN = frozenset({"brug_eigen", "brug_andere_org", "brug_andere_regio"})
PARTIES_A = frozenset({"verwijzer_eigen", "brug_eigen"})
# The beheerder (a superuser) holds every permission, so the role gates of the
# referral forms and lists let it in; what it finds there is nothing (`sees`),
# because referrals are filtered on the referrer and the receiving organisation.
MET_BEHEERDER = frozenset({"beheerder"})
INDICATOREN_A = frozenset({"regio_eigen", "landelijk", "beheerder"})


@dataclass
class World:
    users: dict[str, User | None]
    verwijzing_a: Verwijzing
    verwijzing_b: Verwijzing
    regio_a: Regio
    regio_b: Regio
    steunpunt: Steunpunt
    # First ids of HSDS lists (stable UUIDs derived from the register).
    hsds_ids: dict[str, str]


@dataclass(frozen=True)
class Case:
    """One request; `allowed` get through, everyone else is refused.
    `sees`: for lists, who finds region A's referral in the response."""

    name: str
    method: str
    url: Callable[[World], str]
    allowed: frozenset[str]
    sees: frozenset[str] | None = None
    data: dict[str, Any] = field(default_factory=dict)
