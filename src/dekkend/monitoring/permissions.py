# SPDX-License-Identifier: EUPL-1.2
"""Who may see the referral indicators of which region.

Indicators are aggregates with small-number suppression, never persons, but
they are still only for the roles that steer sociaal verwijzen: a region's
members (`referrals.view_indicatoren` plus membership through `RegioLid`)
see their own regions, and the national monitor
(`referrals.view_indicatoren_landelijk`) sees every region and the national
totals. Verwijzers and brugfunctionarissen work with referrals and do not get
these pages. Lists filter with `regios_with_indicatoren`, the same rule.
"""

from typing import Any

from django.db.models import QuerySet

from dekkend.regions.models import Indeling, Regio, RegioLid

VIEW = "referrals.view_indicatoren"
VIEW_LANDELIJK = "referrals.view_indicatoren_landelijk"


def can_view_any_indicatoren(user: Any) -> bool:
    """Whether the user may open the indicator pages at all."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.has_perm(VIEW) or user.has_perm(VIEW_LANDELIJK))
    )


def can_view_indicatoren(user: Any, regio: Regio | None) -> bool:
    """Whether `user` may see the indicators of `regio`; `None` means the
    national view (every region side by side and the total)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.has_perm(VIEW_LANDELIJK):
        return True
    if regio is None or not user.has_perm(VIEW):
        return False
    return RegioLid.objects.filter(user=user, regio=regio).exists()


def regios_with_indicatoren(user: Any, indeling: Indeling) -> QuerySet[Regio]:
    """The regions of `indeling` whose indicators `user` may see, by name."""
    regios = Regio.objects.filter(indeling=indeling).order_by("naam")
    if not getattr(user, "is_authenticated", False):
        return regios.none()
    if user.has_perm(VIEW_LANDELIJK):
        return regios
    if not user.has_perm(VIEW):
        return regios.none()
    return regios.filter(leden__user=user).distinct()
