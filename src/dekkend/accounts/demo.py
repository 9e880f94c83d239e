# SPDX-License-Identifier: EUPL-1.2
"""Demo accounts, one per role, with fresh random passwords.

Accounts that must use two-factor verification (the roles with
`accounts.persoonsgegevens_verwerken`, and the beheerder) get a fresh,
confirmed TOTP device; its secret and otpauth URI are returned with the
password so the demo user can add it to an authenticator app.

Refused unless settings.DEKKEND_DEMO_ALLOWED (never in production settings).
"""

import secrets
from base64 import b32encode
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from django_otp.plugins.otp_totp.models import TOTPDevice

from dekkend.accounts.constants import Beroep
from dekkend.accounts.models import User
from dekkend.accounts.permissions import two_factor_required
from dekkend.accounts.roles import role_group, roles_sync


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    password: str
    # Base32 secret and otpauth:// URI of the account's TOTP device; empty for
    # accounts that need no two-factor verification.
    otp_secret: str = ""
    otp_uri: str = ""


DEMO_USERS = (
    ("demo-verwijzer", "verwijzer", "Huisarts (demo)"),
    ("demo-brugfunctionaris", "brugfunctionaris", "Welzijnscoach (demo)"),
    ("demo-lsp", "lsp_medewerker", "LSP-medewerker (demo)"),
    ("demo-regio", "regio", "Beleidsmedewerker regio (demo)"),
    ("demo-landelijk", "landelijk_monitor", "Landelijk monitor (demo)"),
)

DEMO_BEROEP = {
    "verwijzer": Beroep.HUISARTS.value,
    "brugfunctionaris": Beroep.WELZIJNSCOACH.value,
    "regio": Beroep.BELEID.value,
}


def _account(user: User, role: str, password: str) -> DemoAccount:
    """The account as returned; replaces its TOTP device when it needs one."""
    TOTPDevice.objects.filter(user=user).delete()
    # A fresh instance: permissions cached on `user` predate the group change.
    if not two_factor_required(User.objects.get(pk=user.pk)):
        return DemoAccount(user.username, role, password)
    device = TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
    secret = b32encode(device.bin_key).decode("ascii")
    return DemoAccount(user.username, role, password, secret, device.config_url)


@transaction.atomic
def demo_accounts_create() -> list[DemoAccount]:
    """Create or reset the demo accounts and return their new passwords.

    Also returns, for the accounts that need two-factor verification, the
    secret of a newly created TOTP device (older devices are removed).
    """
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
        user.beroep = DEMO_BEROEP.get(role, "")
        user.save()
        user.groups.set([role_group(role)])
        accounts.append(_account(user, role, password))
    admin, _ = User.objects.get_or_create(
        username="demo-beheerder", defaults={"first_name": "Beheerder (demo)"}
    )
    admin.is_staff = admin.is_superuser = True
    password = secrets.token_urlsafe(12)
    admin.set_password(password)
    admin.save()
    accounts.append(_account(admin, "beheerder", password))
    return accounts
