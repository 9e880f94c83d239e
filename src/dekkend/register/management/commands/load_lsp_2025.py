# SPDX-License-Identifier: EUPL-1.2
"""`dekkend load-lsp-2025`: the 2025 national LSP list into the register."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from dekkend.importing import ImportFout
from dekkend.register.importers.lsp_2025 import lsp_2025_load


class Command(BaseCommand):
    help = (
        "Laadt de 318 LSP-locaties van de landelijke monitor 2025 (bijlage A), de "
        "indeling lsp-monitor-2025 en tabel 4 per regio. Idempotent."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = lsp_2025_load()
        except ImportFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{report.locaties} LSP-locaties van {report.organisaties} organisaties in "
            f"{report.regios} regio's; {report.aangemaakt} nieuw aangemaakt."
        )
