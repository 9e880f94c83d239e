# SPDX-License-Identifier: EUPL-1.2
"""`dekkend demo-setup`: roles, demo accounts (printed) and the demo LSP staff
member's organisation. Refused with production settings."""

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dekkend.accounts.demo import demo_accounts_create
from dekkend.accounts.models import User
from dekkend.regions.models import Regio, RegioLid
from dekkend.register.models import Organisatie, OrganisatieLid

DEMO_ORGANISATIE = "Stjoer"
DEMO_REGIO = ("zorgkantoorregio-2025", "ZK27")  # Zeeland


class Command(BaseCommand):
    help = "Maakt demo-accounts per rol (met nieuwe wachtwoorden) en toont ze."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--organisatie",
            default=DEMO_ORGANISATIE,
            help="organisatie van de demo-LSP-medewerker",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            accounts = demo_accounts_create()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        organisatie = Organisatie.objects.filter(naam=options["organisatie"]).first()
        regio = Regio.objects.filter(
            indeling__naam=DEMO_REGIO[0], code=DEMO_REGIO[1]
        ).first()
        if regio is not None:
            RegioLid.objects.get_or_create(
                user=User.objects.get(username="demo-regio"), regio=regio
            )
        if organisatie is not None:
            OrganisatieLid.objects.get_or_create(
                user=User.objects.get(username="demo-lsp"), organisatie=organisatie
            )
        self.stdout.write("Demo-accounts (alleen voor deze demo-installatie):")
        for a in accounts:
            self.stdout.write(
                f"  {a.role:<18} gebruikersnaam {a.username:<24} wachtwoord {a.password}"
            )
            if a.otp_secret:
                self.stdout.write(
                    f"  {'':<18} tweestapsverificatie: sleutel {a.otp_secret} "
                    f"· {a.otp_uri}"
                )
        if regio is not None:
            self.stdout.write(
                f"  demo-regio werkt voor '{regio.naam}' ({regio.indeling.titel})."
            )
        if organisatie is not None:
            self.stdout.write(
                f"  demo-lsp beheert de steunpunten van '{organisatie.naam}'."
            )
