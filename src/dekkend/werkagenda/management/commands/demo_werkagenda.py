# SPDX-License-Identifier: EUPL-1.2
"""`dekkend demo-werkagenda --regio ZK27 [--division D]`: a demo werkagenda
(see `werkagenda.demo`). Idempotent; refused with production settings."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dekkend.regions.selectors import regio_find
from dekkend.werkagenda.demo import demo_werkagenda_create

DEMO_DIVISION = "zorgkantoorregio-2025"


class Command(BaseCommand):
    help = "Maakt een demo-werkagenda voor een regio. Alleen voor demo- en testinstallaties."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--regio", required=True, help="code of naam, bijv. ZK27")
        parser.add_argument("--division", default=DEMO_DIVISION)

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEKKEND_DEMO_ALLOWED", False):
            raise CommandError(
                "Een demo-werkagenda is met deze instellingen niet toegestaan "
                "(alleen in dev en ci)."
            )
        regio = regio_find(indeling=options["division"], code_of_naam=options["regio"])
        if regio is None:
            raise CommandError(
                f"Geen regio '{options['regio']}' in indeling '{options['division']}'."
            )
        wa, nieuw = demo_werkagenda_create(regio)
        if nieuw:
            self.stdout.write(
                f"Demo-werkagenda {wa} aangemaakt: /werkagenda/{wa.uuid}/"
            )
        else:
            self.stdout.write(
                f"Regio '{regio.naam}' heeft al een werkagenda ({wa}); niets gewijzigd."
            )
