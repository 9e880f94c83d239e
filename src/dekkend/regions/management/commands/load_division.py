# SPDX-License-Identifier: EUPL-1.2
"""`dekkend load-division NAAM BESTAND`: a division from `gemeentecode,regio`."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dekkend.importing import ImportFout
from dekkend.regions.importers.divisions import division_csv_load


class Command(BaseCommand):
    help = (
        "Laadt een regio-indeling (bijv. de officiële IZA-regio's) uit een CSV met de "
        "kolommen gemeentecode,regio[,regiocode]. Elke gemeente moet erin staan, "
        "tenzij --onvolledig."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("naam")
        parser.add_argument("bestand", type=Path)
        parser.add_argument("--titel", default=None)
        parser.add_argument("--bron", default="")
        parser.add_argument("--onvolledig", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            regios, changed = division_csv_load(
                options["bestand"],
                naam=options["naam"],
                titel=options["titel"],
                volledig=not options["onvolledig"],
                bron=options["bron"],
            )
        except ImportFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{regios} regio's geladen; {changed} rijen gewijzigd.")
