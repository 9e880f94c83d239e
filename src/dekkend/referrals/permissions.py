# SPDX-License-Identifier: EUPL-1.2
"""Who may see and do what with a referral. Selectors filter by the same
rules; regions and the national monitor never see referrals, only
indicators."""

from typing import Any

from dekkend.referrals import workflow
from dekkend.referrals.constants import Leesreden
from dekkend.referrals.models import Verwijzing
from dekkend.register.permissions import user_organisatie_ids


def is_verwijzer_of(user: Any, verwijzing: Verwijzing) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.has_perm("referrals.add_verwijzing")
        and verwijzing.verwijzer_id == user.pk
    )


def is_brugfunctionaris_for(user: Any, verwijzing: Verwijzing) -> bool:
    """A member of the receiving organisation, while consent holds."""
    if not getattr(user, "is_authenticated", False) or not user.has_perm(
        "referrals.change_verwijzing"
    ):
        return False
    if verwijzing.ontvanger_organisatie_id not in user_organisatie_ids(user):
        return False
    toestemming = getattr(verwijzing, "toestemming", None)
    return toestemming is not None and toestemming.geldig


def can_view_verwijzing(user: Any, verwijzing: Verwijzing) -> bool:
    return is_verwijzer_of(user, verwijzing) or is_brugfunctionaris_for(
        user, verwijzing
    )


def rol_for(user: Any, verwijzing: Verwijzing) -> workflow.Rol | None:
    if is_brugfunctionaris_for(user, verwijzing):
        return workflow.Rol.BRUGFUNCTIONARIS
    if is_verwijzer_of(user, verwijzing):
        return workflow.Rol.VERWIJZER
    return None


def reden_voor(rol: workflow.Rol | None) -> str:
    """Why a role reads a referral by default (recorded with the read): the
    receiving organisation to carry it out, the verwijzer to follow it."""
    if rol == workflow.Rol.BRUGFUNCTIONARIS:
        return Leesreden.BEHANDELING.value
    return Leesreden.OPVOLGING.value
