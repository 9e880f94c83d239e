# SPDX-License-Identifier: EUPL-1.2
"""What the brugfunctionaris records: contacts (vraagverheldering),
connections to offers and feedback to the referrer (003 §4 steps 2–4); and
the referrer's reading of that feedback, which closes the loop."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record, record_many
from dekkend.referrals import notifications, workflow
from dekkend.referrals.constants import (
    ContactSoort,
    Probleem,
    TerugkoppelingSoort,
)
from dekkend.referrals.models import (
    Contact,
    Terugkoppeling,
    Verbinding,
    Verwijzing,
)
from dekkend.referrals.permissions import is_verwijzer_of
from dekkend.referrals.services.base import (
    ACTIVE,
    _apply,
    _brug_only,
    _lock,
)
from dekkend.register.constants import AanbodSoort
from dekkend.register.models import Aanbod


@transaction.atomic
def contact_record(
    *,
    user: Any,
    verwijzing: Verwijzing,
    soort: str,
    datum: date,
    duur_minuten: int,
    leefgebieden: list[str],
    now: datetime | None = None,
) -> Contact:
    """A contact with the resident; the first one starts the in-progress phase.
    No contact before acceptance or after closing."""
    now = now or timezone.now()
    verwijzing = _lock(verwijzing)
    _brug_only(user, verwijzing)
    errors: dict[str, str] = {}
    if verwijzing.status not in ACTIVE:
        errors["status"] = _(
            "Contacten leggen we alleen vast bij een geaccepteerde, lopende verwijzing."
        )
    if soort not in ContactSoort.values:
        errors["soort"] = _("Onbekende soort contact.")
    if not 1 <= duur_minuten <= 600:
        errors["duur_minuten"] = _("De duur ligt tussen 1 en 600 minuten.")
    # Calendar days in Amsterdam, not UTC: a contact at 00:30 is dated today.
    if datum > timezone.localdate(now) or datum < timezone.localdate(
        verwijzing.aangemaakt_op
    ):
        errors["datum"] = _("De datum ligt tussen de verwijzing en vandaag.")
    if not set(leefgebieden) <= set(Probleem.values):
        errors["leefgebieden"] = _("Onbekend leefgebied.")
    if errors:
        raise ValidationError(errors)
    contact = Contact.objects.create(
        verwijzing=verwijzing,
        soort=soort,
        datum=datum,
        duur_minuten=duur_minuten,
        leefgebieden=sorted(set(leefgebieden)),
        door=user,
    )
    if verwijzing.eerste_contact_op is None:
        verwijzing.eerste_contact_op = now
        verwijzing.save(update_fields=["eerste_contact_op"])
        if verwijzing.status == workflow.Status.GEACCEPTEERD:
            _apply(
                verwijzing,
                workflow.Actie.EERSTE_CONTACT,
                workflow.Rol.SYSTEEM,
                user,
                now=now,
            )
    record("contact.recorded", user, verwijzing, {"contact": contact.pk})
    return contact


@transaction.atomic
def verbinding_record(
    *,
    user: Any,
    verwijzing: Verwijzing,
    datum: date,
    aanbod: Aanbod | None = None,
    soort: str = "",
    omschrijving: str = "",
) -> Verbinding:
    """A connection to an offer on the register (or one described in words)."""
    verwijzing = _lock(verwijzing)
    _brug_only(user, verwijzing)
    if verwijzing.status not in ACTIVE or verwijzing.eerste_contact_op is None:
        raise ValidationError(
            {"status": _("Verbind pas na het eerste contact en voor het afsluiten.")}
        )
    if datum > timezone.localdate() or datum < timezone.localdate(
        verwijzing.aangemaakt_op
    ):
        raise ValidationError(
            {"datum": _("De datum ligt tussen de verwijzing en vandaag.")}
        )
    soort = aanbod.soort if aanbod is not None else soort
    if soort not in AanbodSoort.values:
        raise ValidationError({"soort": _("Kies een soort aanbod.")})
    if aanbod is None and not omschrijving.strip():
        raise ValidationError(
            {"omschrijving": _("Kies aanbod uit de sociale kaart of omschrijf het.")}
        )
    verbinding = Verbinding.objects.create(
        verwijzing=verwijzing,
        aanbod=aanbod,
        soort=soort,
        omschrijving=omschrijving.strip(),
        datum=datum,
        door=user,
    )
    record("verbinding.recorded", user, verwijzing, {"soort": soort})
    return verbinding


@transaction.atomic
def terugkoppeling_send(
    *,
    user: Any,
    verwijzing: Verwijzing,
    soort: str,
    aan_de_slag_met: str,
    geholpen: bool | None = None,
    now: datetime | None = None,
) -> Terugkoppeling:
    """Feedback to the referrer; never before the first contact."""
    now = now or timezone.now()
    verwijzing = _lock(verwijzing)
    _brug_only(user, verwijzing)
    if verwijzing.eerste_contact_op is None:
        raise ValidationError(
            {"soort": _("Terugkoppelen kan pas na het eerste contact.")}
        )
    if soort not in TerugkoppelingSoort.values:
        raise ValidationError({"soort": _("Onbekende soort terugkoppeling.")})
    if (
        soort == TerugkoppelingSoort.AFSLUITING
        and verwijzing.status != workflow.Status.AFGESLOTEN
    ):
        raise ValidationError({"soort": _("Sluit de verwijzing eerst af.")})
    terugkoppeling = Terugkoppeling.objects.create(
        verwijzing=verwijzing,
        soort=soort,
        aan_de_slag_met=aan_de_slag_met.strip(),
        geholpen=geholpen,
        verstuurd_op=now,
        door=user,
    )
    fields = []
    if verwijzing.eerste_terugkoppeling_op is None:
        verwijzing.eerste_terugkoppeling_op = now
        fields.append("eerste_terugkoppeling_op")
    if soort == TerugkoppelingSoort.AFSLUITING:
        verwijzing.terugkoppeling_bij_afsluiten = True
        fields.append("terugkoppeling_bij_afsluiten")
    if fields:
        verwijzing.save(update_fields=fields)
    record("terugkoppeling.sent", user, verwijzing, {"soort": soort})
    transaction.on_commit(
        lambda: notifications.verwijzer_notify(verwijzing, soort="terugkoppeling")
    )
    return terugkoppeling


@transaction.atomic
def terugkoppelingen_mark_read(
    *,
    user: Any,
    verwijzingen: Sequence[Verwijzing],
    now: datetime | None = None,
) -> int:
    """The referrer has been shown the feedback of `verwijzingen` (a detail
    page, a list page, the API): stamp `gelezen_op` on what was unread, so the
    receiving organisation sees the loop closed. Only the referrer marks;
    other referrals and other users are left alone. Records
    `terugkoppeling.read` per referral that had unread feedback. Returns the
    number of feedback records marked."""
    eigen = [v for v in verwijzingen if is_verwijzer_of(user, v)]
    if not eigen:
        return 0
    now = now or timezone.now()
    unread = Terugkoppeling.objects.filter(
        verwijzing__in=eigen, gelezen_op__isnull=True, verstuurd_op__lte=now
    )
    ids = set(unread.values_list("verwijzing_id", flat=True))
    marked = unread.update(gelezen_op=now)
    if ids:
        record_many("terugkoppeling.read", user, [v for v in eigen if v.pk in ids], {})
    return marked
