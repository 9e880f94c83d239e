# SPDX-License-Identifier: EUPL-1.2
"""Object rules of the LSP monitor. Selectors filter by the same rules.

* landelijk (`lspmonitor.beheer_ronde`) manages rounds, the base list, the
  invitations and sees respondents' names (`lspmonitor.view_respondenten`);
* regio (`lspmonitor.view_regio_resultaten`) sees the results of the regions
  of the round's division it is a member of;
* LSP staff (`lspmonitor.view_eigen_antwoorden`) see their own
  organisation's answers and keep its visitor tally
  (`lspmonitor.add_bezoekerstelling`).
"""

from typing import Any

from dekkend.lspmonitor.models import Ronde
from dekkend.regions.models import RegioLid
from dekkend.register.models import Steunpunt
from dekkend.register.permissions import user_organisatie_ids


def _auth(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_manage_ronde(user: Any) -> bool:
    return _auth(user) and bool(user.has_perm("lspmonitor.beheer_ronde"))


def can_view_respondenten(user: Any) -> bool:
    return _auth(user) and bool(user.has_perm("lspmonitor.view_respondenten"))


def can_view_regio_resultaten(user: Any) -> bool:
    return can_manage_ronde(user) or (
        _auth(user) and bool(user.has_perm("lspmonitor.view_regio_resultaten"))
    )


def user_regio_ids(user: Any, ronde: Ronde) -> set[int] | None:
    """Regions of the round's division whose results `user` may see;
    None = all of them."""
    if can_manage_ronde(user):
        return None
    if not can_view_regio_resultaten(user):
        return set()
    return set(
        RegioLid.objects.filter(
            user=user, regio__indeling_id=ronde.indeling_id
        ).values_list("regio_id", flat=True)
    )


def can_view_eigen_antwoorden(user: Any) -> bool:
    return _auth(user) and bool(user.has_perm("lspmonitor.view_eigen_antwoorden"))


def can_record_telling(user: Any, steunpunt: Steunpunt) -> bool:
    """LSP staff count visitors of their own organisation's locations only."""
    return (
        _auth(user)
        and bool(user.has_perm("lspmonitor.add_bezoekerstelling"))
        and steunpunt.aanbod.organisatie_id in user_organisatie_ids(user)
    )
