# SPDX-License-Identifier: EUPL-1.2
"""Demo accounts, one per role, with fresh random passwords.

Refused unless settings.DEKKEND_DEMO_ALLOWED (never in production settings).
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group, roles_sync


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    password: str


DEMO_USERS = (
    ("demo-verwijzer", "verwijzer", "Huisarts (demo)"),
    ("demo-brugfunctionaris", "brugfunctionaris", "Welzijnscoach (demo)"),
    ("demo-lsp", "lsp_medewerker", "LSP-medewerker (demo)"),
    ("demo-regio", "regio", "Beleidsmedewerker regio (demo)"),
    ("demo-landelijk", "landelijk_monitor", "Landelijk monitor (demo)"),
)


@transaction.atomic
def demo_accounts_create() -> list[DemoAccount]:
    """Create or reset the demo accounts and return their new passwords."""
    if not getattr(settings, "DEKKEND_DEMO_ALLOWED", False):
        raise ImproperlyConfigured(
            "Demo-accounts zijn met deze instellingen niet toegestaan (alleen in dev en ci)."
        )
    roles_sync()
    accounts = []
    for username, role, name in DEMO_USERS:
        user, _ = User.objects.get_or_create(
            username=username, defaults={"first_name": name}
        )
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save()
        user.groups.set([role_group(role)])
        accounts.append(DemoAccount(username, role, password))
    admin, _ = User.objects.get_or_create(
        username="demo-beheerder", defaults={"first_name": "Beheerder (demo)"}
    )
    admin.is_staff = admin.is_superuser = True
    password = secrets.token_urlsafe(12)
    admin.set_password(password)
    admin.save()
    accounts.append(DemoAccount("demo-beheerder", "beheerder", password))
    return accounts
