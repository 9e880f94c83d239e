# SPDX-License-Identifier: EUPL-1.2
"""Users in their real roles and rounds made through the services."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.lspmonitor.constants import STANDAARD_INDELING
from dekkend.lspmonitor.models import Ronde, Uitnodiging
from dekkend.lspmonitor.services import (
    UitnodigingGegevens,
    ronde_create,
    ronde_open,
    uitnodiging_create,
)
from dekkend.regions.models import Regio, RegioLid
from dekkend.register.models import Organisatie, OrganisatieLid, Steunpunt
from dekkend.register.tests.factories import UserFactory


def user_with_role(username: str, role: str, **extra: Any) -> User:
    user = UserFactory(username=username, email=f"{username}@example.nl", **extra)
    user.groups.add(role_group(role))
    return User.objects.get(pk=user.pk)


def landelijk(username: str = "monitor-landelijk") -> User:
    return user_with_role(username, "landelijk_monitor")


def regio_user(regio: Regio, username: str = "monitor-regio") -> User:
    user = user_with_role(username, "regio")
    RegioLid.objects.create(user=user, regio=regio)
    return user


def lsp_user(organisatie: Organisatie, username: str = "monitor-lsp") -> User:
    user = user_with_role(username, "lsp_medewerker")
    OrganisatieLid.objects.create(user=user, organisatie=organisatie)
    return user


def monitor_regio(code: str = "zeeland") -> Regio:
    return Regio.objects.get(indeling__naam=STANDAARD_INDELING, code=code)


def ronde_2026(user: User, *, open_: bool = True, jaar: int = 2026) -> Ronde:
    today = timezone.localdate()
    ronde = ronde_create(
        user=user,
        jaar=jaar,
        open_op=today - timedelta(days=1),
        sluit_op=today + timedelta(days=20),
        uitnodigingstekst="Doe mee aan de monitor.",
        peildatum=date(2025, 10, 1),
    )
    return ronde_open(user=user, ronde=ronde) if open_ else ronde


def zeeland_steunpunt() -> Steunpunt:
    sp = (
        Steunpunt.objects.filter(aanbod__locatie__gemeente__code="GM0687")
        .select_related("aanbod__organisatie", "aanbod__locatie")
        .first()
    )
    assert sp is not None
    return sp


def uitnodiging(
    user: User,
    ronde: Ronde,
    *,
    rol: str = "lsp",
    email: str = "respondent@example.invalid",
    regio: Regio | None = None,
    organisatie: Organisatie | None = None,
) -> Uitnodiging:
    regio = regio or monitor_regio()
    if rol == "lsp" and organisatie is None:
        organisatie = zeeland_steunpunt().aanbod.organisatie
    return uitnodiging_create(
        user=user,
        ronde=ronde,
        gegevens=UitnodigingGegevens(
            rol=rol,
            naam="Respondent Test",
            email=email,
            regio=regio,
            organisatie=organisatie,
        ),
    )
