# SPDX-License-Identifier: EUPL-1.2
"""`dekkend load-spuk-verdeelsleutel NAAM FILE`: a distribution key per
gemeente from a CSV `gemeentecode,aandeel` (shares sum to 1 ± 0.001)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dekkend.importing import ImportFout
from dekkend.werkagenda.services import spuk_bedragen_load, verdeelsleutel_load


class Command(BaseCommand):
    help = "Laadt een SPUK-verdeelsleutel (gemeentecode,aandeel) uit een CSV-bestand."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("naam", help="bijv. 'SPUK IZA'")
        parser.add_argument("bestand")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["bestand"])
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        try:
            n = verdeelsleutel_load(
                naam=options["naam"], data=path.read_bytes(), bestand=path.name
            )
        except ImportFout as exc:
            raise CommandError(str(exc)) from exc
        spuk_bedragen_load()
        self.stdout.write(f"Verdeelsleutel '{options['naam']}': {n} gemeenten geladen.")
