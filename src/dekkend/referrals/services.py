# SPDX-License-Identifier: EUPL-1.2
"""The only way to write referrals. Every service runs in one transaction,
locks the referral row where it changes state, checks permission and
workflow, appends history and records an audit event (ids and field names
only, never content)."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.referrals import workflow
from dekkend.referrals.constants import (
    ContactSoort,
    Probleem,
    TerugkoppelingSoort,
    ToestemmingGever,
    ToestemmingWijze,
    WarmeOverdracht,
)
from dekkend.referrals.models import (
    Contact,
    RegioInstelling,
    StatusWijziging,
    Terugkoppeling,
    Toestemming,
    Verbinding,
    Verwijzing,
    Werkgebied,
)
from dekkend.referrals.permissions import is_brugfunctionaris_for, rol_for
from dekkend.regions.models import Gemeente
from dekkend.register.constants import AanbodSoort
from dekkend.register.models import Aanbod, Organisatie
from dekkend.register.permissions import user_organisatie_ids

PERSONAL_FIELDS = (
    "inwoner_naam",
    "inwoner_geboortedatum",
    "inwoner_telefoon",
    "inwoner_email",
    "inwoner_postcode",
    "inwoner_bsn",
    "inwoner_toelichting",
)
# Audit events are `<noun>.<past_verb>` (STYLE.md §3).
EVENT_BY_ACTIE = {
    workflow.Actie.ACCEPTEREN: "verwijzing.accepted",
    workflow.Actie.TERUGSTUREN: "verwijzing.returned",
    workflow.Actie.INTREKKEN: "verwijzing.cancelled",
    workflow.Actie.EERSTE_CONTACT: "verwijzing.started",
    workflow.Actie.PAUZEREN: "verwijzing.paused",
    workflow.Actie.HERVATTEN: "verwijzing.resumed",
    workflow.Actie.AFSLUITEN: "verwijzing.closed",
    workflow.Actie.TOESTEMMING_INGETROKKEN: "verwijzing.consent_withdrawn",
}
ACTIVE = (
    workflow.Status.GEACCEPTEERD,
    workflow.Status.IN_BEHANDELING,
    workflow.Status.GEPAUZEERD,
)


@dataclass(frozen=True)
class Inwoner:
    naam: str
    geboortedatum: date | None = None
    telefoon: str = ""
    email: str = ""
    postcode: str = ""
    bsn: str = ""


@dataclass(frozen=True)
class ToestemmingInvoer:
    gegeven_door: str
    gegeven_op: datetime
    wijze: str
    doel: str = "Delen van de verwijzing met de sociaal domein professional voor vraagverheldering en terugkoppeling aan de verwijzer"


@dataclass(frozen=True)
class Voorwaarden:
    """The four conditions of 003 §4.1."""

    niet_alleen_medisch: bool
    geen_ggz: bool
    vraagverheldering_nodig: bool
    onvoldoende_eigen_regie: bool


def _lock(verwijzing: Verwijzing) -> Verwijzing:
    return (
        Verwijzing.objects.select_for_update(of=("self",))
        .select_related("toestemming")
        .get(pk=verwijzing.pk)
    )


def _append(
    verwijzing: Verwijzing,
    van: str,
    naar: workflow.Status,
    actie: str,
    user: Any,
    reden: str,
    now: datetime,
) -> None:
    """Append to the status history; records are never edited."""
    StatusWijziging.objects.create(
        verwijzing=verwijzing,
        van=van,
        naar=naar.value,
        actie=actie,
        reden=reden,
        door=user,
        op=now,
    )


@transaction.atomic
def verwijzing_create(
    *,
    user: Any,
    verwijzer_organisatie: Organisatie,
    gemeente: Gemeente,
    inwoner: Inwoner,
    problemen: list[str],
    voorwaarden: Voorwaarden,
    warme_overdracht: str,
    toestemming: ToestemmingInvoer,
    toelichting: str = "",
    now: datetime | None = None,
) -> Verwijzing:
    """A referral with recorded consent to the bridging organisation of the
    resident's gemeente. Raises PermissionDenied or ValidationError (per field)."""
    now = now or timezone.now()
    if not user.has_perm(
        "referrals.add_verwijzing"
    ) or verwijzer_organisatie.pk not in user_organisatie_ids(user):
        raise PermissionDenied(_("U mag namens deze organisatie niet verwijzen."))
    errors: dict[str, str] = {}
    if not inwoner.naam.strip():
        errors["inwoner_naam"] = _("Vul de naam van de inwoner in.")
    if not (inwoner.telefoon.strip() or inwoner.email.strip()):
        errors["inwoner_telefoon"] = _(
            "Geef een telefoonnummer of e-mailadres, zodat de inwoner bereikt kan worden."
        )
    if not problemen or not set(problemen) <= set(Probleem.values):
        errors["problemen"] = _(
            "Kies ten minste één probleem of leefgebied uit de lijst."
        )
    if warme_overdracht not in WarmeOverdracht.values:
        errors["warme_overdracht"] = _("Kies hoe de warme overdracht gaat.")
    for name, value in (
        ("inwoner_naam", inwoner.naam.strip()),
        ("inwoner_telefoon", inwoner.telefoon.strip()),
        ("inwoner_postcode", inwoner.postcode.strip()),
    ):
        field = Verwijzing._meta.get_field(name)
        assert isinstance(field, models.CharField)
        limit = field.max_length
        if limit is not None and len(value) > limit:
            errors.setdefault(
                name, _("Gebruik ten hoogste %(limit)d tekens.") % {"limit": limit}
            )
    if inwoner.email.strip():
        try:
            validate_email(inwoner.email.strip())
        except ValidationError:
            errors["inwoner_email"] = _("Vul een geldig e-mailadres in.")
    if inwoner.bsn.strip() and not re.fullmatch(r"[0-9]{9}", inwoner.bsn.strip()):
        errors["inwoner_bsn"] = _("Een BSN bestaat uit 9 cijfers.")
    doel_field = Toestemming._meta.get_field("doel")
    assert isinstance(doel_field, models.CharField)
    if (
        doel_field.max_length is not None
        and len(toestemming.doel) > doel_field.max_length
    ):
        errors["toestemming"] = _("Het doel van de toestemming is te lang.")
    if not voorwaarden.geen_ggz:
        errors["voorwaarde_geen_ggz"] = _(
            "Twijfelt u tussen ggz en sociaal domein? Zet dan het Verkennend Gesprek van het mentale "
            "gezondheidsnetwerk in in plaats van een verwijzing."
        )
    elif not all(
        (
            voorwaarden.niet_alleen_medisch,
            voorwaarden.vraagverheldering_nodig,
            voorwaarden.onvoldoende_eigen_regie,
        )
    ):
        errors["voorwaarden"] = _(
            "Sociaal verwijzen past als aan alle vier de voorwaarden is voldaan (003 §4.1)."
        )
    if (
        toestemming.gegeven_door not in ToestemmingGever.values
        or toestemming.wijze not in ToestemmingWijze.values
    ):
        errors["toestemming"] = _(
            "Leg vast wie toestemming gaf en hoe; zonder toestemming wordt niets gedeeld."
        )
    elif toestemming.gegeven_op > now + timedelta(minutes=5):
        errors["toestemming"] = _(
            "De toestemming kan niet in de toekomst zijn gegeven."
        )
    instelling = RegioInstelling.objects.filter(
        regio__gemeenten=gemeente, bsn_toegestaan=True
    ).first()
    if inwoner.bsn and instelling is None:
        errors["inwoner_bsn"] = _("Deze regio legt geen BSN vast.")
    werkgebied = (
        Werkgebied.objects.select_related("organisatie")
        .filter(gemeente=gemeente)
        .first()
    )
    if werkgebied is None:
        errors["gemeente"] = _(
            "Voor deze gemeente is nog geen organisatie met brugfunctionarissen ingesteld."
        )
    if errors:
        raise ValidationError(errors)
    assert werkgebied is not None
    verwijzing = Verwijzing.objects.create(
        verwijzer=user,
        verwijzer_organisatie=verwijzer_organisatie,
        ontvanger_organisatie=werkgebied.organisatie,
        gemeente=gemeente,
        status=workflow.Status.VERSTUURD.value,
        status_sinds=now,
        aangemaakt_op=now,
        inwoner_naam=inwoner.naam.strip(),
        inwoner_geboortedatum=inwoner.geboortedatum,
        inwoner_telefoon=inwoner.telefoon.strip(),
        inwoner_email=inwoner.email.strip(),
        inwoner_postcode=inwoner.postcode.strip().upper(),
        inwoner_bsn=inwoner.bsn.strip(),
        inwoner_toelichting=toelichting.strip(),
        problemen=sorted(set(problemen)),
        voorwaarde_niet_alleen_medisch=voorwaarden.niet_alleen_medisch,
        voorwaarde_geen_ggz=voorwaarden.geen_ggz,
        voorwaarde_vraagverheldering_nodig=voorwaarden.vraagverheldering_nodig,
        voorwaarde_onvoldoende_eigen_regie=voorwaarden.onvoldoende_eigen_regie,
        warme_overdracht=warme_overdracht,
    )
    Toestemming.objects.create(
        verwijzing=verwijzing,
        gegeven_door=toestemming.gegeven_door,
        gegeven_op=toestemming.gegeven_op,
        wijze=toestemming.wijze,
        doel=toestemming.doel,
        vastgelegd_door=user,
    )
    _append(verwijzing, "", workflow.Status.VERSTUURD, "aanmaken", user, "", now)
    record(
        "verwijzing.created",
        user,
        verwijzing,
        {"ontvanger": str(werkgebied.organisatie.uuid)},
    )
    return verwijzing


def verwijzing_transition(
    *,
    user: Any,
    verwijzing: Verwijzing,
    actie: workflow.Actie,
    reden: str = "",
    uitkomst: workflow.Uitkomst | None = None,
    now: datetime | None = None,
) -> Verwijzing:
    """Apply a workflow action under a row lock; refused actions raise
    PermissionDenied (no role) or ValidationError (not allowed now). A refusal
    is audited after the rollback, so the record survives it."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            locked = _lock(verwijzing)
            rol = rol_for(user, locked)
            if rol is None:
                raise PermissionDenied(_("U mag deze verwijzing niet wijzigen."))
            return _apply(
                locked, actie, rol, user, reden=reden, uitkomst=uitkomst, now=now
            )
    except (PermissionDenied, ValidationError):
        record(
            "verwijzing.transition_refused",
            user,
            verwijzing,
            {
                "actie": actie.value,
                "status": Verwijzing.objects.get(pk=verwijzing.pk).status,
            },
        )
        raise


def _apply(
    verwijzing: Verwijzing,
    actie: workflow.Actie,
    rol: workflow.Rol,
    user: Any,
    *,
    reden: str = "",
    uitkomst: workflow.Uitkomst | None = None,
    now: datetime,
) -> Verwijzing:
    van = workflow.Status(verwijzing.status)
    try:
        naar = workflow.overgang(
            van,
            actie,
            rol,
            reden=reden,
            uitkomst=uitkomst,
            heeft_contact=verwijzing.eerste_contact_op is not None,
        )
    except workflow.OvergangGeweigerd as exc:
        raise ValidationError({"actie": str(exc)}) from exc
    verwijzing.status, verwijzing.status_sinds = naar.value, now
    fields = ["status", "status_sinds"]
    if naar == workflow.Status.AFGESLOTEN:
        assert uitkomst is not None
        verwijzing.afgesloten_op, verwijzing.uitkomst = now, uitkomst.value
        fields += ["afgesloten_op", "uitkomst"]
    verwijzing.save(update_fields=fields)
    _append(verwijzing, van.value, naar, actie.value, user, reden, now)
    record(
        EVENT_BY_ACTIE[actie],
        user,
        verwijzing,
        {"van": van.value, "naar": naar.value},
    )
    return verwijzing


def _brug_only(user: Any, verwijzing: Verwijzing) -> None:
    if not is_brugfunctionaris_for(user, verwijzing):
        raise PermissionDenied(
            _("Alleen de ontvangende organisatie kan dit vastleggen.")
        )


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
    return terugkoppeling


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
    """Clear every personal field; statistics stay."""
    for field in PERSONAL_FIELDS:
        setattr(verwijzing, field, None if field == "inwoner_geboortedatum" else "")
    verwijzing.geanonimiseerd_op = now
    verwijzing.save(update_fields=[*PERSONAL_FIELDS, "geanonimiseerd_op"])
    Terugkoppeling.objects.filter(verwijzing=verwijzing).update(aan_de_slag_met="")
    record("verwijzing.anonymised", None, verwijzing, {})


@transaction.atomic
def verwijzingen_anonymise_expired(
    *, now: datetime | None = None, default_maanden: int = 24
) -> int:
    """Anonymise referrals closed (or cancelled/returned) longer ago than
    their region's retention term. Returns the number anonymised."""
    now = now or timezone.now()
    count = 0
    finals = [s.value for s in workflow.FINAL]
    terms = {
        gemeente_id: maanden
        for gemeente_id, maanden in RegioInstelling.objects.values_list(
            "regio__gemeenten", "bewaartermijn_maanden"
        )
        if gemeente_id is not None
    }
    candidates = Verwijzing.objects.filter(
        geanonimiseerd_op__isnull=True, status__in=finals
    )
    for verwijzing in candidates.iterator():
        maanden = terms.get(verwijzing.gemeente_id, default_maanden)
        if verwijzing.status_sinds <= now - timedelta(days=round(maanden * 30.44)):
            verwijzing_anonymise(verwijzing=verwijzing, now=now)
            count += 1
    return count
