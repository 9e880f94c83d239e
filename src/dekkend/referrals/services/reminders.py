# SPDX-License-Identifier: EUPL-1.2
"""Reminders for overdue first feedback (003 §7; term per region)."""

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from dekkend.audit.services import record
from dekkend.referrals import notifications, workflow
from dekkend.referrals.constants import TERMIJN_EERSTE_TERUGKOPPELING_WERKDAGEN
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.selectors import termijnen_per_gemeente
from dekkend.werkdagen import deadline, werkdagen_tussen

# A reminder is repeated after this many working days while feedback is due.
HERINNERING_HERHALEN_WERKDAGEN = 5
DEFAULT_TERMIJN_WERKDAGEN = TERMIJN_EERSTE_TERUGKOPPELING_WERKDAGEN


def terugkoppeling_deadline(verwijzing: Verwijzing, termijn_werkdagen: int) -> date:
    """Last day for the first feedback: `termijn_werkdagen` working days
    (Dutch holidays excluded) after the day the referral was sent."""
    return deadline(timezone.localdate(verwijzing.aangemaakt_op), termijn_werkdagen)


@transaction.atomic
def terugkoppeling_reminders_send(*, now: datetime | None = None) -> int:
    """Remind receiving organisations of open referrals whose first feedback
    is overdue (term per region, default 10 working days, 003 §7), by e-mail.

    A referral is reminded once its term has passed and again every
    `HERINNERING_HERHALEN_WERKDAGEN` working days while it stays overdue.
    Stamps `herinnering_verstuurd_op`, audits `terugkoppeling.reminded` per
    referral and sends one e-mail per organisation after commit. Returns the
    number of referrals reminded. Meant to run daily (`dekkend
    referral-reminders`).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    terms = termijnen_per_gemeente(veld="termijn_eerste_terugkoppeling_werkdagen")
    candidates = Verwijzing.objects.select_for_update(of=("self",)).filter(
        eerste_terugkoppeling_op__isnull=True,
        status__in=[s.value for s in workflow.OPEN],
        toestemming__ingetrokken_op__isnull=True,
    )
    due: dict[int, list[Verwijzing]] = {}
    for verwijzing in candidates:
        termijn = terms.get(verwijzing.gemeente_id, DEFAULT_TERMIJN_WERKDAGEN)
        if today <= terugkoppeling_deadline(verwijzing, termijn):
            continue
        last = verwijzing.herinnering_verstuurd_op
        if last is not None and (
            werkdagen_tussen(timezone.localdate(last), today)
            < HERINNERING_HERHALEN_WERKDAGEN
        ):
            continue
        due.setdefault(verwijzing.ontvanger_organisatie_id, []).append(verwijzing)
    reminded = [v for vs in due.values() for v in vs]
    for verwijzing in reminded:
        verwijzing.herinnering_verstuurd_op = now
        verwijzing.save(update_fields=["herinnering_verstuurd_op"])
        record("terugkoppeling.reminded", None, verwijzing, {})
    if due:
        transaction.on_commit(lambda: notifications.reminders_notify(due))
    return len(reminded)
