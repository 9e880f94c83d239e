# SPDX-License-Identifier: EUPL-1.2
"""`dekkend coverage --division NAME --regio NAME [--date D] [--json]`."""

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from dekkend.coverage.services import analysis_run
from dekkend.regions.models import Indeling
from dekkend.regions.selectors import regio_find


class Command(BaseCommand):
    help = (
        "Dekkingsanalyse van een regio (of met --regio alle: alle gemeenten van de "
        "indeling): LSP per gemeente, afstanden, capaciteit en de streefwaarden."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--division",
            required=True,
            help="naam van de indeling, bijv. zorgkantoorregio-2025",
        )
        parser.add_argument(
            "--regio", required=True, help="naam of code van de regio, of 'alle'"
        )
        parser.add_argument("--date", type=date.fromisoformat, default=None)
        parser.add_argument("--json", action="store_true")
        parser.add_argument(
            "--niet-opslaan", action="store_true", help="de run niet bewaren"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            indeling = Indeling.objects.get(naam=options["division"])
        except Indeling.DoesNotExist:
            known = ", ".join(Indeling.objects.values_list("naam", flat=True)) or "geen"
            raise CommandError(
                f"Onbekende indeling '{options['division']}'. Bekend: {known}."
            ) from None
        regio = None
        if options["regio"].lower() != "alle":
            regio = regio_find(indeling=indeling.naam, code_of_naam=options["regio"])
            if regio is None:
                names = ", ".join(indeling.regios.values_list("naam", flat=True))
                raise CommandError(
                    f"Onbekende regio '{options['regio']}' in {indeling.naam}. Bekend: {names}."
                )
        data, run = analysis_run(
            indeling=indeling,
            regio=regio,
            peildatum=options["date"] or timezone.localdate(),
            store=not options["niet_opslaan"],
        )
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{data['regio']} ({data['division']}), peildatum {data['peildatum']}"
        )
        self.stdout.write(
            f"  inwoners: {data['inwoners']:,}; LSP: {data['lsp_totaal']} {data['lsp_per_type']}"
        )
        self.stdout.write(
            f"  gemeenten zonder LSP: {len(data['gemeenten_zonder_lsp'])} van {len(data['gemeenten'])}"
        )
        self.stdout.write(
            f"  aandeel inwoners binnen km: {data['aandeel_inwoners_binnen_km']}"
        )
        if run is not None:
            self.stdout.write(f"  opgeslagen als run {run.pk}")
