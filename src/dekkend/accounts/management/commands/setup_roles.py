# SPDX-License-Identifier: EUPL-1.2
"""`dekkend setup-roles`: create or update the role groups. Idempotent."""

from typing import Any

from django.core.management.base import BaseCommand

from dekkend.accounts.roles import roles_sync


class Command(BaseCommand):
    help = "Maakt de rollen (groepen met rechten) aan of werkt ze bij."

    def handle(self, *args: Any, **options: Any) -> None:
        groups = roles_sync()
        self.stdout.write(
            f"{len(groups)} rollen bijgewerkt: " + ", ".join(g.name for g in groups)
        )
