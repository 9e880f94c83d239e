# SPDX-License-Identifier: EUPL-1.2
"""Helpers shared by the monitor's services."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from dekkend.lspmonitor.permissions import can_manage_ronde
from dekkend.regions.models import Gemeente, Regio, RegioGemeente


def require_manage(user: Any) -> None:
    if not can_manage_ronde(user):
        raise PermissionDenied(_("Alleen de landelijke monitor beheert monitorrondes."))


def regio_of(gemeente_id: int, indeling_id: int) -> Regio | None:
    """The region of `gemeente` in the division, or None when it is in none."""
    link = (
        RegioGemeente.objects.filter(indeling_id=indeling_id, gemeente_id=gemeente_id)
        .select_related("regio")
        .first()
    )
    return link.regio if link else None


def gemeente_find(value: str) -> Gemeente | None:
    """A gemeente by CBS code (GM0687, 0687) or by name (case-insensitive)."""
    text = value.strip()
    if not text:
        return None
    code = text.upper()
    if code.isdigit():
        code = f"GM{int(code):04d}"
    found = Gemeente.objects.filter(code=code).first()
    if found is None:
        found = Gemeente.objects.filter(naam__iexact=text).first()
    if found is None:
        # CBS disambiguates a few names: "Middelburg (Z.)", "Hengelo (O.)".
        near = list(Gemeente.objects.filter(naam__istartswith=f"{text} (")[:2])
        found = near[0] if len(near) == 1 else None
    return found
