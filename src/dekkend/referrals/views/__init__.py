# SPDX-License-Identifier: EUPL-1.2
"""Pages of sociaal verwijzen: thin views over `referrals.services` (every
write) and `referrals.selectors` (every read, audited). One module per role,
plus the connection search and the steps both roles take."""

from dekkend.referrals.views.acties import actie, toestemming_intrekken
from dekkend.referrals.views.brugfunctionaris import (
    contact,
    detail,
    inbox,
    terugkoppeling,
)
from dekkend.referrals.views.verbinden import verbinden
from dekkend.referrals.views.verwijzer import mijn, mijn_detail, nieuw

__all__ = [
    "actie",
    "contact",
    "detail",
    "inbox",
    "mijn",
    "mijn_detail",
    "nieuw",
    "terugkoppeling",
    "toestemming_intrekken",
    "verbinden",
]
