# SPDX-License-Identifier: EUPL-1.2
"""Object rules of the register. Selectors filter by the same rules."""

from typing import Any

from dekkend.register.models import OrganisatieLid, Steunpunt


def user_organisatie_ids(user: Any) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        OrganisatieLid.objects.filter(user=user).values_list(
            "organisatie_id", flat=True
        )
    )


def can_edit_steunpunt(user: Any, steunpunt: Steunpunt) -> bool:
    """LSP staff edit their own organisation's support points; the national
    monitor and the beheerder may edit any."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.has_perm("register.change_any_steunpunt"):
        return True
    return user.has_perm("register.change_steunpunt") and (
        steunpunt.aanbod.organisatie_id in user_organisatie_ids(user)
    )


def can_record_afweging(user: Any) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.has_perm("register.add_afweging")
    )
