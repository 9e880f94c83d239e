# SPDX-License-Identifier: EUPL-1.2
"""Accept or reject a respondent's confirmation of a location.

Accepting applies the changes through register.services.steunpunt_update
(the one way to change a location) and sets the date the register was
checked (`gecontroleerd op` = the voorstel's `beoordeeld_op`). The register
service carries address, telephone, e-mail, website, opening dagdelen and
elements, and checks each (a bad value names its field).
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.lspmonitor.constants import VoorstelStatus
from dekkend.lspmonitor.models import LocatieVoorstel
from dekkend.lspmonitor.services._common import require_manage
from dekkend.register.services import SteunpuntWijziging, steunpunt_update

ADRES = ("straat", "huisnummer", "postcode", "plaats")
CONTACT = ("telefoon", "email", "website")


def _dagdelen(value: Any) -> frozenset[tuple[int, str]]:
    out = set()
    for item in value if isinstance(value, list) else []:
        day: Any
        part: Any
        if isinstance(item, str) and (":" in item or "-" in item):
            day, part = item.replace("-", ":").split(":", 1)
        elif isinstance(item, list | tuple) and len(item) == 2:
            day, part = item
        elif isinstance(item, dict):
            day, part = item.get("weekdag"), item.get("dagdeel")
        else:
            raise ValidationError({"dagdelen": _("Onbekend dagdeel: %s") % item})
        try:
            out.add((int(day), str(part)))
        except (TypeError, ValueError):
            raise ValidationError(
                {"dagdelen": _("Onbekend dagdeel: %s") % item}
            ) from None
    return frozenset(out)


def wijziging_from_velden(velden: dict[str, Any]) -> SteunpuntWijziging:
    """The register change a voorstel's fields describe."""
    adres = {k: str(velden[k]).strip() for k in ADRES if k in velden}
    return SteunpuntWijziging(
        adres=adres,
        contact={k: str(velden[k]).strip() for k in CONTACT if k in velden},
        dagdelen=_dagdelen(velden["dagdelen"]) if "dagdelen" in velden else None,
        elementen=(
            frozenset(str(e) for e in velden["elementen"])
            if isinstance(velden.get("elementen"), list)
            else None
        ),
    )


def _open(voorstel: LocatieVoorstel) -> LocatieVoorstel:
    voorstel = LocatieVoorstel.objects.select_for_update().get(pk=voorstel.pk)
    if voorstel.status != VoorstelStatus.OPEN:
        raise ValidationError({"status": _("Dit voorstel is al beoordeeld.")})
    return voorstel


@transaction.atomic
def voorstel_accept(*, user: Any, voorstel: LocatieVoorstel) -> LocatieVoorstel:
    """Apply the voorstel to the register; raises PermissionDenied or
    ValidationError (from the register service, naming the field)."""
    require_manage(user)
    voorstel = _open(voorstel)
    now = timezone.now()
    steunpunt_update(
        user=user,
        steunpunt=voorstel.steunpunt,
        wijziging=wijziging_from_velden(voorstel.velden),
        peildatum=timezone.localdate(),
    )
    voorstel.status = VoorstelStatus.GEACCEPTEERD
    voorstel.beoordeeld_op = now
    voorstel.beoordeeld_door = user
    voorstel.save(update_fields=["status", "beoordeeld_op", "beoordeeld_door"])
    record(
        "locatievoorstel.accepted",
        user,
        voorstel,
        {"fields": sorted(voorstel.velden)},
    )
    return voorstel


@transaction.atomic
def voorstel_reject(
    *, user: Any, voorstel: LocatieVoorstel, reden: str
) -> LocatieVoorstel:
    require_manage(user)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden voor de afwijzing.")})
    voorstel = _open(voorstel)
    voorstel.status = VoorstelStatus.AFGEWEZEN
    voorstel.beoordeeld_op = timezone.now()
    voorstel.beoordeeld_door = user
    voorstel.reden_afwijzing = reden.strip()[:500]
    voorstel.save(
        update_fields=["status", "beoordeeld_op", "beoordeeld_door", "reden_afwijzing"]
    )
    record("locatievoorstel.rejected", user, voorstel)
    return voorstel
