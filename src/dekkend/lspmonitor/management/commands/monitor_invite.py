# SPDX-License-Identifier: EUPL-1.2
"""`dekkend monitor-invite --ronde JJJJ`: e-mail the personal link to every
invitation of an open round not yet sent (through Django's mail framework).
Prints counts only, never an address."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dekkend.lspmonitor.management.commands._ronde import add_ronde, ronde_of
from dekkend.lspmonitor.services import uitnodigingen_send


class Command(BaseCommand):
    help = "Verstuur de persoonlijke links van een open monitorronde."

    def add_arguments(self, parser: CommandParser) -> None:
        add_ronde(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        ronde = ronde_of(options["ronde"])
        try:
            n = uitnodigingen_send(user=None, ronde=ronde)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(f"{n} uitnodigingen verstuurd")
