# SPDX-License-Identifier: EUPL-1.2
"""The anonymous visitor tally: a number per location, date and dagdeel."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.lspmonitor.models import BezoekersTelling
from dekkend.lspmonitor.permissions import can_record_telling
from dekkend.register.constants import Dagdeel
from dekkend.register.models import Steunpunt

MAX_AANTAL = 10_000


@transaction.atomic
def bezoekers_telling_record(
    *, user: Any, steunpunt: Steunpunt, datum: date, dagdeel: str, aantal: int
) -> BezoekersTelling:
    """Record (or correct) how many people came; never who. Only staff of the
    location's own organisation. Raises PermissionDenied or ValidationError."""
    if not can_record_telling(user, steunpunt):
        raise PermissionDenied(_("U telt alleen bezoekers van uw eigen locaties."))
    errors: dict[str, str] = {}
    if dagdeel not in Dagdeel.values:
        errors["dagdeel"] = _("Kies ochtend, middag of avond.")
    if not isinstance(aantal, int) or isinstance(aantal, bool) or aantal < 0:
        errors["aantal"] = _("Vul een aantal in van 0 of meer.")
    elif aantal > MAX_AANTAL:
        errors["aantal"] = _("Dat aantal is niet aannemelijk voor één dagdeel.")
    if datum > timezone.localdate():
        errors["datum"] = _("Een telling gaat niet over een dag in de toekomst.")
    if errors:
        raise ValidationError(errors)
    telling, created = BezoekersTelling.objects.update_or_create(
        steunpunt=steunpunt, datum=datum, dagdeel=dagdeel, defaults={"aantal": aantal}
    )
    record(
        "bezoekerstelling.recorded",
        user,
        steunpunt.aanbod,
        {"datum": datum.isoformat(), "dagdeel": dagdeel, "nieuw": created},
    )
    return telling
