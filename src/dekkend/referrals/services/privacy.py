# SPDX-License-Identifier: EUPL-1.2
"""The resident's rights: consent withdrawal and anonymisation after the
region's retention term."""

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.referrals import workflow
from dekkend.referrals.constants import BEWAARTERMIJN_MAANDEN
from dekkend.referrals.models import (
    StatusWijziging,
    Terugkoppeling,
    Verbinding,
    Verwijzing,
    VerwijzingIdentifier,
)
from dekkend.referrals.permissions import rol_for
from dekkend.referrals.selectors import termijnen_per_gemeente
from dekkend.referrals.services.base import (
    PERSONAL_FIELDS,
    _apply,
    _lock,
)


@transaction.atomic
def toestemming_withdraw(
    *, user: Any, verwijzing: Verwijzing, now: datetime | None = None
) -> Verwijzing:
    """The resident withdraws consent: processing stops, the receiving
    organisation loses access, an open referral is cancelled."""
    now = now or timezone.now()
    verwijzing = _lock(verwijzing)
    rol = rol_for(user, verwijzing)
    if rol is None:
        raise PermissionDenied(_("U mag deze verwijzing niet wijzigen."))
    toestemming = verwijzing.toestemming
    if toestemming.ingetrokken_op is not None:
        return verwijzing
    toestemming.ingetrokken_op = now
    toestemming.save(update_fields=["ingetrokken_op"])
    if workflow.Status(verwijzing.status) not in workflow.FINAL:
        _apply(
            verwijzing,
            workflow.Actie.TOESTEMMING_INGETROKKEN,
            workflow.Rol.SYSTEEM,
            user,
            now=now,
        )
    record("toestemming.withdrawn", user, verwijzing, {})
    return verwijzing


def verwijzing_anonymise(*, verwijzing: Verwijzing, now: datetime) -> None:
    """Clear every personal field and every free text written about the
    resident (reasons, descriptions, feedback); codes, dates and counts stay
    for the statistics."""
    for field in PERSONAL_FIELDS:
        setattr(verwijzing, field, None if field == "inwoner_geboortedatum" else "")
    verwijzing.geanonimiseerd_op = now
    verwijzing.save(update_fields=[*PERSONAL_FIELDS, "geanonimiseerd_op"])
    Terugkoppeling.objects.filter(verwijzing=verwijzing).update(aan_de_slag_met="")
    StatusWijziging.objects.filter(verwijzing=verwijzing).update(reden="")
    Verbinding.objects.filter(verwijzing=verwijzing).update(omschrijving="")
    # The sender's identifier is a key to the resident in the sender's system.
    VerwijzingIdentifier.objects.filter(verwijzing=verwijzing).delete()
    record("verwijzing.anonymised", None, verwijzing, {})


@transaction.atomic
def verwijzingen_anonymise_expired(
    *, now: datetime | None = None, default_maanden: int = BEWAARTERMIJN_MAANDEN
) -> int:
    """Anonymise referrals closed (or cancelled/returned) longer ago than
    their region's retention term. Returns the number anonymised."""
    now = now or timezone.now()
    count = 0
    finals = [s.value for s in workflow.FINAL]
    terms = termijnen_per_gemeente(veld="bewaartermijn_maanden")
    candidates = Verwijzing.objects.filter(
        geanonimiseerd_op__isnull=True, status__in=finals
    )
    for verwijzing in candidates.iterator():
        maanden = terms.get(verwijzing.gemeente_id, default_maanden)
        if verwijzing.status_sinds <= now - timedelta(days=round(maanden * 30.44)):
            verwijzing_anonymise(verwijzing=verwijzing, now=now)
            count += 1
    return count
