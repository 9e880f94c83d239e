# SPDX-License-Identifier: EUPL-1.2
"""Object rules of the register. Selectors filter by the same rules."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from dekkend.accounts import request_cache
from dekkend.register.models import Organisatie, OrganisatieLid, Steunpunt


def user_organisaties(user: Any) -> dict[int, Organisatie]:
    """The organisations `user` is a member of, by pk, for a caller that
    needs the rows (a referral's create); read once per request, and
    `user_organisatie_ids` answers from them afterwards. The rows are shared
    within the request: read them, do not change them."""
    if not getattr(user, "is_authenticated", False):
        return {}
    rows = request_cache.cached(
        ("user_organisaties", user.pk),
        lambda: tuple(Organisatie.objects.filter(leden__user=user)),
    )
    request_cache.cached(
        ("user_organisatie_ids", user.pk), lambda: frozenset(o.pk for o in rows)
    )
    return {o.pk: o for o in rows}


def user_organisatie_ids(user: Any) -> set[int]:
    """The organisations `user` is a member of. Read once per request (the
    permission class, the selector and the service of one write all ask),
    by themselves (cheaper than the rows) unless the rows were read."""
    if not getattr(user, "is_authenticated", False):
        return set()
    ids = request_cache.cached(
        ("user_organisatie_ids", user.pk),
        lambda: frozenset(
            OrganisatieLid.objects.filter(user=user).values_list(
                "organisatie_id", flat=True
            )
        ),
    )
    return set(ids)


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
