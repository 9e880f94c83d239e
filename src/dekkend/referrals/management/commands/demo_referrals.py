# SPDX-License-Identifier: EUPL-1.2
"""`dekkend demo-referrals --regio NAME [--division D] [--jaren 2] [--seed 1]
[--reset]`: a synthetic referral history for the demo region, so the
referral and indicator pages show something on the first run.

Fake practices, referrers and bridging professionals do the work (see
`referrals.synthetic`); `demo-verwijzer` and `demo-brugfunctionaris` (from
`dekkend demo-setup`) join a practice and the Werkgebied organisation of the
region's smallest gemeente and so see a small list. Refused with production
settings.
"""

import io
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import Count

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from dekkend.accounts.models import User
from dekkend.referrals import workflow
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.selectors import VerwijzingFilter, verwijzing_list
from dekkend.referrals.synthetic import (
    synthetic_verwijzingen,
    verwijzingen_synthesize,
)
from dekkend.referrals.synthetic.actors import DEMO_BRUGFUNCTIONARIS, DEMO_VERWIJZER
from dekkend.regions.models import Gemeente, Regio
from dekkend.regions.selectors import regio_find, regio_gemeenten

DEMO_DIVISION = "zorgkantoorregio-2025"


class Command(BaseCommand):
    help = (
        "Maakt een synthetische verwijsgeschiedenis (fictieve inwoners) voor een "
        "demoregio. Alleen voor demo- en testinstallaties."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--regio", required=True, help="code of naam, bijv. ZK27")
        parser.add_argument("--division", default=DEMO_DIVISION)
        parser.add_argument("--jaren", type=float, default=2.0)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--reset",
            action="store_true",
            help="verwijder eerst de synthetische verwijzingen van de regio",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEKKEND_DEMO_ALLOWED", False):
            raise CommandError(
                "Synthetische verwijzingen zijn met deze instellingen niet "
                "toegestaan (alleen in dev en ci)."
            )
        if not 0 < options["jaren"] <= 20:
            raise CommandError("--jaren ligt tussen 0 en 20.")
        regio = regio_find(indeling=options["division"], code_of_naam=options["regio"])
        if regio is None:
            raise CommandError(
                f"Geen regio '{options['regio']}' in indeling '{options['division']}'."
            )
        if options["seed"] < 0:
            raise CommandError("--seed is 0 of groter.")
        gemeenten = list(regio_gemeenten(regio=regio))
        if not gemeenten:
            raise CommandError(f"Regio '{regio.naam}' heeft geen gemeenten.")
        # One transaction for the reset and the new history: a run that is
        # stopped halfway (even kill -9) leaves the old history, never none.
        with transaction.atomic():
            self._replace(regio, gemeenten, options)

    def _replace(
        self, regio: Regio, gemeenten: list[Gemeente], options: dict[str, Any]
    ) -> None:
        existing = synthetic_verwijzingen(gemeenten)
        if existing.exists():
            if not options["reset"]:
                self.stdout.write(
                    f"Regio '{regio.naam}' heeft al {existing.count()} synthetische "
                    "verwijzingen; gebruik --reset om ze opnieuw te maken."
                )
                return
            deleted = existing.count()
            existing.delete()
            self.stdout.write(f"{deleted} synthetische verwijzingen verwijderd.")
        demo_gemeente = min(
            gemeenten, key=lambda g: (getattr(g, "inwoners", 0) or 0, g.code)
        )
        console = Console(stderr=True)
        with Progress(
            TextColumn("verwijzingen"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
        ) as progress:
            task = progress.add_task("verwijzingen", total=0)
            verslag = verwijzingen_synthesize(
                gemeenten=gemeenten,
                jaren=options["jaren"],
                seed=options["seed"],
                demo_gemeente=demo_gemeente,
                on_total=lambda n: progress.update(
                    task, total=(progress.tasks[0].total or 0) + n
                ),
                progress=lambda n: progress.advance(task, n),
            )
        self._report(regio, gemeenten, demo_gemeente, options["jaren"], verslag)

    def _report(
        self,
        regio: Regio,
        gemeenten: list[Gemeente],
        demo_gemeente: Gemeente,
        jaren: float,
        verslag: Any,
    ) -> None:
        self.stdout.write(
            f"Synthetische verwijsgeschiedenis voor '{regio.naam}' ({regio.code}), "
            f"{jaren:g} jaar, {verslag.gemeenten} gemeenten, in {verslag.seconds:.1f} s "
            f"({verslag.method}):"
        )
        for model, count in verslag.rows.items():
            self.stdout.write(f"  {model:<16} {count:>8}")
        counts = dict(
            synthetic_verwijzingen(gemeenten)
            .values_list("gemeente_id")
            .annotate(n=Count("id"))
            .values_list("gemeente_id", "n")
        )
        table = Table(
            title="Verwijzingen per 10.000 inwoners per jaar (streefwaarde 60)"
        )
        for column in ("gemeente", "inwoners", "verwijzingen", "per 10.000/jaar"):
            table.add_column(
                column, justify="left" if column == "gemeente" else "right"
            )
        for g in gemeenten:
            inwoners = getattr(g, "inwoners", 0) or 0
            n = counts.get(g.pk, 0)
            rate = n / jaren / inwoners * 10_000 if inwoners else 0.0
            table.add_row(g.naam, f"{inwoners:,}", str(n), f"{rate:.1f}")
        console = Console(file=io.StringIO(), width=100)
        console.print(table)
        assert isinstance(console.file, io.StringIO)
        self.stdout.write(console.file.getvalue())
        verwijzer = User.objects.filter(username=DEMO_VERWIJZER).first()
        brug = User.objects.filter(username=DEMO_BRUGFUNCTIONARIS).first()
        if verwijzer is None or brug is None:
            self.stdout.write(
                "Demo-accounts ontbreken: voer eerst `dekkend demo-setup` uit en "
                "daarna `dekkend demo-referrals --reset` om ze te koppelen."
            )
            return
        # Counted as the pages and the API list them (the selector's rule):
        # after a consent withdrawal the receiving organisation no longer sees
        # the referral, so those are reported apart, not in the inbox.
        own = verwijzing_list(
            user=verwijzer, filters=VerwijzingFilter(richting="verstuurd")
        )
        sent_to = Verwijzing.objects.filter(
            ontvanger_organisatie__leden__user=brug
        ).distinct()
        inbox = verwijzing_list(
            user=brug, filters=VerwijzingFilter(richting="ontvangen")
        )
        open_ = inbox.exclude(status__in=[s.value for s in workflow.FINAL])
        withdrawn = sent_to.count() - inbox.count()
        self.stdout.write(
            f"  {DEMO_VERWIJZER}: {own.count()} eigen verwijzingen ({demo_gemeente.naam})\n"
            f"  {DEMO_BRUGFUNCTIONARIS}: {inbox.count()} ontvangen verwijzingen, "
            f"{open_.count()} open ({demo_gemeente.naam}); {withdrawn} na intrekking "
            "van de toestemming niet meer zichtbaar"
        )
