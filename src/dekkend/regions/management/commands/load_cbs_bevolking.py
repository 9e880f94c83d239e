# SPDX-License-Identifier: EUPL-1.2
"""`dekkend load-cbs-bevolking BESTAND --peiljaar JAAR`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dekkend.importing import ImportFout
from dekkend.regions.importers.cbs import cbs_bevolking_load


class Command(BaseCommand):
    help = (
        "Laadt inwoners per gemeente uit een CBS StatLine-download van de Kerncijfers "
        "wijken en buurten (bijv. 86165NED, 'Onbewerkte dataset', CSV)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", type=Path)
        parser.add_argument("--peiljaar", type=int, required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            count, changed = cbs_bevolking_load(
                options["bestand"], peiljaar=options["peiljaar"]
            )
        except ImportFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{count} gemeenten gelezen; {changed} rijen gewijzigd.")
