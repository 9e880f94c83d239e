# SPDX-License-Identifier: EUPL-1.2
"""`dekkend referral-indicators --division NAME --regio NAME [--year Y] [--json]`.

The referral indicators of one region per gemeente, as on the page: a table
by default, with `--json` the same JSON as the API (suppressed cells are
`null` with a `…_onderdrukt` flag). Only suppressed aggregates are printed.
"""

import io
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from rich.console import Console
from rich.table import Table

from dekkend.monitoring import presenters
from dekkend.monitoring.selectors import (
    EERSTE_JAAR,
    VerwijsIndicatoren,
    referral_indicators,
    standaard_jaar,
)
from dekkend.regions.models import Indeling
from dekkend.regions.selectors import regio_find


class Command(BaseCommand):
    help = (
        "Verwijsindicatoren van sociaal verwijzen voor een regio, per gemeente: "
        "verwijzingen per 10.000 inwoners tegen de streefwaarde, dagen tot eerste "
        "contact, terugkoppeling, verbindingen en uitkomsten (aantallen afgerond "
        "op vijftallen)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--division",
            required=True,
            help="naam van de indeling, bijv. zorgkantoorregio-2025",
        )
        parser.add_argument("--regio", required=True, help="naam of code van de regio")
        parser.add_argument(
            "--year",
            type=int,
            default=None,
            help="kalenderjaar (standaard het laatste volledige jaar)",
        )
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            indeling = Indeling.objects.get(naam=options["division"])
        except Indeling.DoesNotExist:
            known = ", ".join(Indeling.objects.values_list("naam", flat=True)) or "geen"
            raise CommandError(
                f"Onbekende indeling '{options['division']}'. Bekend: {known}."
            ) from None
        regio = regio_find(indeling=indeling.naam, code_of_naam=options["regio"])
        if regio is None:
            names = ", ".join(indeling.regios.values_list("naam", flat=True))
            raise CommandError(
                f"Onbekende regio '{options['regio']}' in {indeling.naam}. Bekend: {names}."
            )
        jaar = options["year"] or standaard_jaar(vandaag=timezone.localdate())
        if not EERSTE_JAAR <= jaar <= timezone.localdate().year:
            raise CommandError(
                f"Jaar {jaar} ligt niet tussen {EERSTE_JAAR} en dit jaar."
            )
        result = referral_indicators(indeling=indeling, regio=regio, jaar=jaar)
        if options["json"]:
            self.stdout.write(
                json.dumps(result.as_dict(), ensure_ascii=False, indent=2)
            )
            return
        self._print_table(result)

    def _print_table(self, result: VerwijsIndicatoren) -> None:
        ind = result.indicatoren
        params = ind.parameters
        assert result.regio is not None
        table = Table(
            title=(
                f"Sociaal verwijzen — {result.regio.naam} ({result.indeling.naam}), "
                f"{result.jaar}; peildatum {result.peildatum.isoformat()}"
            )
        )
        table.add_column("gemeente")
        for heading in (
            "verwijzingen",
            "per 10.000",
            f"van streefwaarde ({params.streefwaarde_per_10k:g}/10.000)",
            "mediaan dagen 1e contact",
            "1e terugkoppeling op tijd",
            "afgesloten met terugkoppeling",
        ):
            table.add_column(heading, justify="right")
        rows = [
            presenters.rij(result.namen.get(a.gemeentecode or "", ""), a)
            for a in ind.gemeenten
        ]
        for r in [*rows, presenters.rij("Totaal", ind.totaal)]:
            table.add_row(
                r.naam,
                r.verwijzingen,
                r.per_10k,
                r.van_streefwaarde,
                r.mediaan_dagen,
                r.terugkoppeling_op_tijd,
                r.afgesloten_met_terugkoppeling,
            )
        console = Console(file=io.StringIO(), width=140)
        console.print(table)
        assert isinstance(console.file, io.StringIO)
        self.stdout.write(console.file.getvalue())
        termijn = ", ".join(str(t) for t in result.termijnen_werkdagen)
        self.stdout.write(
            f"Terugkoppeling op tijd: binnen {termijn} werkdagen. "
            f"Aantallen per gemeente afgerond op veelvouden van {params.drempel}; "
            "een regio en het totaal zijn de som van de afgeronde gemeenten. "
            f"{presenters.ONDERDRUKT} = niet getoond (percentage of mediaan over "
            f"minder dan {params.drempel} verwijzingen); "
            f"{presenters.NIET_BEREKEND} = niet te berekenen."
        )
