# SPDX-License-Identifier: EUPL-1.2
"""`dekkend demo-monitor`: a 2026 monitor round with synthetic respondents
and answers, clearly marked as such. Refused with production settings."""

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dekkend.lspmonitor.demo import DemoRondeBestaat, demo_monitor_create


class Command(BaseCommand):
    help = "Maakt een demo-monitorronde 2026 met synthetische antwoorden."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--responsen", type=int, default=40)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["responsen"] < 1:
            raise CommandError("--responsen moet 1 of meer zijn")
        try:
            v = demo_monitor_create(
                seed=options["seed"], responsen=options["responsen"]
            )
        except (ImproperlyConfigured, DemoRondeBestaat) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Demo-ronde 2026 (SYNTHETISCH): {v.uitnodigingen} uitnodigingen, "
            f"{v.responsen} ingediende antwoorden, {v.beoordelingen} beoordelingen, "
            f"{v.voorstellen} locatievoorstellen."
        )
