# SPDX-License-Identifier: EUPL-1.2
"""Monitor rounds: create, open, close (by hand or at their date)."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.lspmonitor.constants import STANDAARD_INDELING, RondeStatus
from dekkend.lspmonitor.models import Ronde
from dekkend.lspmonitor.services._common import require_manage
from dekkend.regions.models import Indeling


def _vragenlijst_versie_default() -> str:
    from dekkend.lspmonitor.questionnaire.definition import vragenlijst_latest

    return vragenlijst_latest().versie


def _vragenlijst_bestaat(versie: str) -> bool:
    from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get

    try:
        vragenlijst_get(versie)
    except (KeyError, LookupError, ValueError, FileNotFoundError):
        return False
    return True


@transaction.atomic
def ronde_create(
    *,
    user: Any,
    jaar: int,
    open_op: date,
    sluit_op: date,
    uitnodigingstekst: str = "",
    peildatum: date | None = None,
    indeling: Indeling | None = None,
    vragenlijst_versie: str | None = None,
) -> Ronde:
    """Create a round in preparation (landelijk only).

    `peildatum` (reference date of the base list) defaults to `open_op`, the
    division to the monitor division, the questionnaire to the latest version.
    Raises PermissionDenied, or ValidationError naming the field.
    """
    require_manage(user)
    errors: dict[str, str] = {}
    if not 2000 <= jaar <= 2100:
        errors["jaar"] = _("Vul een jaar in tussen 2000 en 2100.")
    elif Ronde.objects.filter(jaar=jaar).exists():
        errors["jaar"] = _("Er is al een monitorronde voor %(jaar)s.") % {"jaar": jaar}
    if sluit_op < open_op:
        errors["sluit_op"] = _("De sluitdatum ligt voor de openingsdatum.")
    if indeling is None:
        indeling = Indeling.objects.filter(naam=STANDAARD_INDELING).first()
        if indeling is None:
            errors["indeling"] = _("De monitorindeling is niet geladen.")
    versie = vragenlijst_versie or _vragenlijst_versie_default()
    if not _vragenlijst_bestaat(versie):
        errors["vragenlijst_versie"] = _("Onbekende versie van de vragenlijst.")
    if errors:
        raise ValidationError(errors)
    assert indeling is not None
    ronde = Ronde.objects.create(
        jaar=jaar,
        open_op=open_op,
        sluit_op=sluit_op,
        uitnodigingstekst=uitnodigingstekst.strip(),
        peildatum=peildatum or open_op,
        indeling=indeling,
        vragenlijst_versie=versie,
    )
    record("ronde.created", user, ronde, {"jaar": jaar})
    return ronde


@transaction.atomic
def ronde_open(*, user: Any, ronde: Ronde) -> Ronde:
    """Open a round in preparation, so that its links work."""
    require_manage(user)
    ronde = Ronde.objects.select_for_update().get(pk=ronde.pk)
    if ronde.status != RondeStatus.VOORBEREIDING:
        raise ValidationError(
            {"status": _("Alleen een ronde in voorbereiding kan open.")}
        )
    if ronde.sluit_op < timezone.localdate():
        raise ValidationError({"sluit_op": _("De sluitdatum is al voorbij.")})
    ronde.status = RondeStatus.OPEN
    ronde.save(update_fields=["status"])
    record("ronde.opened", user, ronde)
    return ronde


@transaction.atomic
def ronde_close(
    *, user: Any | None, ronde: Ronde, now: datetime | None = None
) -> Ronde:
    """Close an open round: its links stop working. `user` None = closed by
    the system at its date (`ronde_close_due`)."""
    if user is not None:
        require_manage(user)
    ronde = Ronde.objects.select_for_update().get(pk=ronde.pk)
    if ronde.status not in (RondeStatus.OPEN, RondeStatus.VOORBEREIDING):
        raise ValidationError({"status": _("Deze ronde is al gesloten.")})
    ronde.status = RondeStatus.GESLOTEN
    ronde.gesloten_op = now or timezone.now()
    ronde.save(update_fields=["status", "gesloten_op"])
    record("ronde.closed", user, ronde, {"automatisch": user is None})
    return ronde


def ronde_close_due(*, today: date | None = None) -> list[Ronde]:
    """Close every open round whose closing date has passed."""
    day = today or timezone.localdate()
    closed = []
    for ronde in Ronde.objects.filter(status=RondeStatus.OPEN, sluit_op__lt=day):
        closed.append(ronde_close(user=None, ronde=ronde))
    return closed


@transaction.atomic
def ronde_publish(*, user: Any, ronde: Ronde) -> Ronde:
    """Mark a closed round's report as published."""
    require_manage(user)
    ronde = Ronde.objects.select_for_update().get(pk=ronde.pk)
    if ronde.status != RondeStatus.GESLOTEN:
        raise ValidationError(
            {"status": _("Alleen een gesloten ronde wordt gepubliceerd.")}
        )
    ronde.status = RondeStatus.GEPUBLICEERD
    ronde.save(update_fields=["status"])
    record("ronde.published", user, ronde)
    return ronde
