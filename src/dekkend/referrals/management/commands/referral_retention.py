# SPDX-License-Identifier: EUPL-1.2
"""`dekkend referral-retention`: anonymise referrals past their region's
retention term (default 24 months after closing). Run it daily."""

from typing import Any

from django.core.management.base import BaseCommand

from dekkend.referrals.services import verwijzingen_anonymise_expired


class Command(BaseCommand):
    help = "Anonimiseert afgesloten verwijzingen na de bewaartermijn van de regio."

    def handle(self, *args: Any, **options: Any) -> None:
        count = verwijzingen_anonymise_expired()
        self.stdout.write(f"{count} verwijzing(en) geanonimiseerd.")
