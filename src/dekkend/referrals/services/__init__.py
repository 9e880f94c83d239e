# SPDX-License-Identifier: EUPL-1.2
"""The only way to write referrals. Every service runs in one transaction,
locks the referral row where it changes state, checks permission and
workflow, appends history and records an audit event (ids and field names
only, never content). Notifications go out after commit.

- `verwijzing`: sending a referral, status changes;
- `uitvoering`: contacts, connections, feedback;
- `privacy`: consent withdrawal, anonymisation;
- `reminders`: overdue first feedback.
"""

from dekkend.referrals.services.base import ACTIVE, EVENT_BY_ACTIE, PERSONAL_FIELDS
from dekkend.referrals.services.privacy import (
    toestemming_withdraw,
    verwijzing_anonymise,
    verwijzingen_anonymise_expired,
)
from dekkend.referrals.services.reminders import (
    DEFAULT_TERMIJN_WERKDAGEN,
    HERINNERING_HERHALEN_WERKDAGEN,
    terugkoppeling_deadline,
    terugkoppeling_reminders_send,
)
from dekkend.referrals.services.uitvoering import (
    contact_record,
    terugkoppeling_send,
    terugkoppelingen_mark_read,
    verbinding_record,
)
from dekkend.referrals.services.verwijzing import (
    Inwoner,
    ToestemmingInvoer,
    Voorwaarden,
    statuswijziging_create,
    statuswijziging_create_visible,
    verwijzende_beroepen,
    verwijzing_create,
    verwijzing_transition,
)

__all__ = [
    "ACTIVE",
    "DEFAULT_TERMIJN_WERKDAGEN",
    "EVENT_BY_ACTIE",
    "HERINNERING_HERHALEN_WERKDAGEN",
    "PERSONAL_FIELDS",
    "Inwoner",
    "ToestemmingInvoer",
    "Voorwaarden",
    "contact_record",
    "statuswijziging_create",
    "statuswijziging_create_visible",
    "terugkoppeling_deadline",
    "terugkoppeling_reminders_send",
    "terugkoppeling_send",
    "terugkoppelingen_mark_read",
    "toestemming_withdraw",
    "verbinding_record",
    "verwijzing_anonymise",
    "verwijzende_beroepen",
    "verwijzing_create",
    "verwijzing_transition",
    "verwijzingen_anonymise_expired",
]
