# SPDX-License-Identifier: EUPL-1.2
"""`dekkend monitor-load-2025`: the 2025 round from the loaded register and
its published figures (run after `load-lsp-2025`; idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from dekkend.lspmonitor.services.ronde_2025 import (
    Register2025Ontbreekt,
    ronde_2025_load,
)


class Command(BaseCommand):
    help = "Zet de monitorronde 2025 in Dekkend: basislijst = register 2025, tabellen 2 en 4 = gepubliceerde cijfers."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            verslag = ronde_2025_load()
        except Register2025Ontbreekt as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"ronde 2025: {'aangemaakt' if verslag.aangemaakt else 'bestond al'}, "
            f"{verslag.kandidaten_toegevoegd} locaties toegevoegd, "
            f"{verslag.kandidaten} op de basislijst"
        )
