# SPDX-License-Identifier: EUPL-1.2
"""`dekkend monitor-close`: close every open round past its closing date
(for a daily timer; the token page also closes them on access)."""

from typing import Any

from django.core.management.base import BaseCommand

from dekkend.lspmonitor.services import ronde_close_due


class Command(BaseCommand):
    help = "Sluit monitorrondes waarvan de sluitdatum voorbij is."

    def handle(self, *args: Any, **options: Any) -> None:
        closed = ronde_close_due()
        self.stdout.write(
            f"{len(closed)} rondes gesloten"
            + (": " + ", ".join(str(r.jaar) for r in closed) if closed else "")
        )
