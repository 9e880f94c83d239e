# SPDX-License-Identifier: EUPL-1.2
"""Who may see and change a region's werkagenda.

Members of the region (`RegioLid`) with the regio role see and edit it; the
landelijk role sees and edits every region's. Everyone else is refused.
Selectors filter by the same rules (`regios_for`).
"""

from typing import Any

from django.db.models import QuerySet

from dekkend.regions.models import Regio, RegioLid

VIEW = "werkagenda.view_werkagenda"
CHANGE = "werkagenda.change_werkagenda"
LANDELIJK = "werkagenda.view_werkagenda_landelijk"


def _authenticated(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_view_landelijk(user: Any) -> bool:
    return _authenticated(user) and user.has_perm(LANDELIJK)


def _member(user: Any, regio: Regio) -> bool:
    return RegioLid.objects.filter(user=user, regio=regio).exists()


def can_view_werkagenda(user: Any, regio: Regio) -> bool:
    if not _authenticated(user):
        return False
    if user.has_perm(LANDELIJK):
        return True
    return user.has_perm(VIEW) and _member(user, regio)


def can_change_werkagenda(user: Any, regio: Regio) -> bool:
    if not _authenticated(user) or not user.has_perm(CHANGE):
        return False
    return user.has_perm(LANDELIJK) or _member(user, regio)


def can_use_werkagenda(user: Any) -> bool:
    """Whether the werkagenda pages are for this user at all."""
    return _authenticated(user) and (user.has_perm(VIEW) or user.has_perm(LANDELIJK))


def regios_for(user: Any) -> QuerySet[Regio]:
    """The regions whose werkagenda `user` may see."""
    qs = Regio.objects.select_related("indeling")
    if not _authenticated(user):
        return qs.none()
    if user.has_perm(LANDELIJK):
        return qs
    if not user.has_perm(VIEW):
        return qs.none()
    return qs.filter(leden__user=user)
