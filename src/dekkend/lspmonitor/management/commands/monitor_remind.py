# SPDX-License-Identifier: EUPL-1.2
"""`dekkend monitor-remind --ronde JJJJ`: remind everyone invited who has not
submitted; each gets a fresh link, saved answers stay."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dekkend.lspmonitor.management.commands._ronde import add_ronde, ronde_of
from dekkend.lspmonitor.services import uitnodigingen_remind


class Command(BaseCommand):
    help = "Herinner wie de vragenlijst nog niet indiende."

    def add_arguments(self, parser: CommandParser) -> None:
        add_ronde(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        ronde = ronde_of(options["ronde"])
        try:
            n = uitnodigingen_remind(user=None, ronde=ronde)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"{n} herinneringen verstuurd")
