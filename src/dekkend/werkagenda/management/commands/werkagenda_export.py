# SPDX-License-Identifier: EUPL-1.2
"""`dekkend werkagenda-export --regio NAME [--indeling D] [--versie N]
--format docx|pdf --output FILE`: the werkagenda in the national format."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dekkend.regions.selectors import regio_find
from dekkend.werkagenda.exports import FORMATEN, werkagenda_export
from dekkend.werkagenda.selectors import werkagenda_current

DIVISION = "zorgkantoorregio-2025"


class Command(BaseCommand):
    help = "Schrijft de werkagenda van een regio als DOCX of PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--regio", required=True, help="code of naam, bijv. ZK27")
        parser.add_argument("--indeling", default=DIVISION)
        parser.add_argument("--versie", type=int, default=None)
        parser.add_argument("--format", dest="formaat", choices=FORMATEN, required=True)
        parser.add_argument("--output", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        regio = regio_find(indeling=options["indeling"], code_of_naam=options["regio"])
        if regio is None:
            raise CommandError(
                f"Geen regio '{options['regio']}' in indeling '{options['indeling']}'."
            )
        wa = werkagenda_current(regio, versie=options["versie"])
        if wa is None:
            versie = f" versie {options['versie']}" if options["versie"] else ""
            raise CommandError(f"Regio '{regio.naam}' heeft geen werkagenda{versie}.")
        data = werkagenda_export(wa, formaat=options["formaat"])
        Path(options["output"]).write_bytes(data)
        self.stdout.write(
            f"{wa} geschreven naar {options['output']} ({len(data):,} bytes)."
        )
