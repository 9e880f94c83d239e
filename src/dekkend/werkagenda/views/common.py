# SPDX-License-Identifier: EUPL-1.2
"""What the werkagenda pages share: finding the werkagenda the user may see
(404 otherwise) or change (403), and turning service errors into the error
summary."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from dekkend.werkagenda import selectors
from dekkend.werkagenda.models import Werkagenda
from dekkend.werkagenda.permissions import can_change_werkagenda


def werkagenda_for(
    request: HttpRequest, uuid: Any, *, change: bool = False
) -> Werkagenda:
    try:
        wa = selectors.werkagenda_get(user=request.user, uuid=uuid)
    except Werkagenda.DoesNotExist:
        raise Http404(_("Werkagenda niet gevonden.")) from None
    if change and not can_change_werkagenda(request.user, wa.regio):
        raise PermissionDenied(_("U mag deze werkagenda niet wijzigen."))
    return wa


def anker(adres: str) -> str:
    return adres.replace(".", "-")


def fouten_uit(exc: ValidationError, anker_id: str) -> list[tuple[str, str]]:
    """(anchor, message) pairs for the error summary."""
    if hasattr(exc, "error_dict"):
        return [
            (f"{anker_id}-{veld}" if veld != "__all__" else anker_id, str(m))
            for veld, msgs in exc.message_dict.items()
            for m in msgs
        ]
    return [(anker_id, str(m)) for m in exc.messages]
