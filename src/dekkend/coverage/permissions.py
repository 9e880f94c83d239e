# SPDX-License-Identifier: EUPL-1.2
"""Who may change a region's assumptions and actual figures. The analysis
itself works on public aggregates and is readable by everyone."""

from typing import Any

from dekkend.regions.models import Regio, RegioLid


def can_change_regio(user: Any, regio: Regio) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if user.has_perm("coverage.change_any_regio"):
        return True
    return (
        user.has_perm("coverage.add_parameterafwijking")
        and RegioLid.objects.filter(user=user, regio=regio).exists()
    )
