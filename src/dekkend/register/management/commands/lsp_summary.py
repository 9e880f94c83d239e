# SPDX-License-Identifier: EUPL-1.2
"""`dekkend lsp-summary [--division NAME] [--date YYYY-MM-DD] [--json]`."""

import io
import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from rich.console import Console
from rich.table import Table

from dekkend.regions.constants import INDELING_LSP_MONITOR
from dekkend.regions.models import Indeling
from dekkend.register.selectors import TYPE_KEYS, lsp_summary


class Command(BaseCommand):
    help = "LSP-locaties per regio van een indeling, per type."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--division", default=INDELING_LSP_MONITOR)
        parser.add_argument("--date", type=date.fromisoformat, default=None)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            indeling = Indeling.objects.get(naam=options["division"])
        except Indeling.DoesNotExist:
            known = ", ".join(Indeling.objects.values_list("naam", flat=True)) or "geen"
            raise CommandError(
                f"Onbekende indeling '{options['division']}'. Bekend: {known}."
            ) from None
        result = lsp_summary(
            indeling=indeling, peildatum=options["date"] or timezone.localdate()
        )
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        table = Table(title=f"{indeling.titel} — peildatum {result['peildatum']}")
        table.add_column("regio")
        for key in (*TYPE_KEYS, "totaal"):
            table.add_column(key, justify="right")
        for row in [*result["regios"], {"regio": "Totaal", **result["totaal"]}]:
            table.add_row(row["regio"], *(str(row[k]) for k in (*TYPE_KEYS, "totaal")))
        console = Console(file=io.StringIO(), width=120)
        console.print(table)
        assert isinstance(console.file, io.StringIO)
        self.stdout.write(console.file.getvalue())
        self.stdout.write(f"{result['organisaties']} organisaties")
