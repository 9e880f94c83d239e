# SPDX-License-Identifier: EUPL-1.2
"""Test helpers: Zeeland (ZK27, 13 gemeenten), a member of it in the regio
role, and a werkagenda created through the service."""

from typing import Any

from dekkend.accounts.models import User
from dekkend.accounts.roles import role_group
from dekkend.regions.models import Regio, RegioLid
from dekkend.register.tests.factories import UserFactory
from dekkend.werkagenda import services
from dekkend.werkagenda.models import Werkagenda

ZORGKANTOOR = "zorgkantoorregio-2025"


def zeeland() -> Regio:
    return Regio.objects.select_related("indeling").get(
        indeling__naam=ZORGKANTOOR, code="ZK27"
    )


def regio_user(
    regio: Regio | None = None, *, username: str = "wa-regio", **kw: Any
) -> User:
    """A user in the regio role, member of `regio` (default Zeeland)."""
    user = UserFactory(username=username, **kw)
    user.groups.add(role_group("regio"))
    RegioLid.objects.get_or_create(user=user, regio=regio or zeeland())
    return User.objects.get(pk=user.pk)


def landelijk_user(username: str = "wa-landelijk") -> User:
    user = UserFactory(username=username)
    user.groups.add(role_group("landelijk_monitor"))
    return User.objects.get(pk=user.pk)


def werkagenda_create(
    regio: Regio | None = None, user: User | None = None
) -> Werkagenda:
    regio = regio or zeeland()
    return services.werkagenda_create(user=user or regio_user(regio), regio=regio)
