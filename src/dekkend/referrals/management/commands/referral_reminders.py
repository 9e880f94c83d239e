# SPDX-License-Identifier: EUPL-1.2
"""`dekkend referral-reminders`: e-mail reminders for overdue first feedback.

Run it once a working day (cron or a systemd timer)."""

from typing import Any

from django.core.management.base import BaseCommand

from dekkend.referrals.services import terugkoppeling_reminders_send


class Command(BaseCommand):
    help = "Stuurt herinneringen voor verwijzingen waarvan de eerste terugkoppeling te laat is."

    def handle(self, *args: Any, **options: Any) -> None:
        count = terugkoppeling_reminders_send()
        self.stdout.write(f"Herinnering verstuurd voor {count} verwijzing(en).")
