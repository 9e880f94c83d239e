# SPDX-License-Identifier: EUPL-1.2
"""Object rules of the register. Selectors filter by the same rules."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from dekkend.accounts import request_cache
from dekkend.register.models import Organisatie, OrganisatieLid, Steunpunt


def user_organisaties(user: Any) -> dict[int, Organisatie]:
    """The organisations `user` is a member of, by pk. Read once per request
    (the permission class, the selector and the service of one write all
    ask; a referral's create also needs the row itself). The rows are
    shared within the request: read them, do not change them."""
    if not getattr(user, "is_authenticated", False):
        return {}
    rows = request_cache.cached(
        ("user_organisaties", user.pk),
        lambda: tuple(Organisatie.objects.filter(leden__user=user)),
    )
    return {o.pk: o for o in rows}


def user_organisatie_ids(user: Any) -> set[int]:
    """The pks of `user_organisaties` (read once per request)."""
    return set(user_organisaties(user))


@receiver(post_save, sender=OrganisatieLid, dispatch_uid="register.lid_saved")
@receiver(post_delete, sender=OrganisatieLid, dispatch_uid="register.lid_deleted")
def _membership_changed(**kwargs: Any) -> None:
    # A membership written in this request must show in its later checks.
    request_cache.invalidate()


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
