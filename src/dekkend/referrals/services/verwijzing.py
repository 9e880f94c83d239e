# SPDX-License-Identifier: EUPL-1.2
"""Sending a referral (003 §4.1) and changing its status through the
workflow table."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.accounts.constants import VERWIJZENDE_BEROEPEN_STANDAARD, Beroep
from dekkend.audit.services import record
from dekkend.importing import plain_text_problem
from dekkend.referrals import notifications, workflow
from dekkend.referrals.constants import (
    Probleem,
    ToestemmingGever,
    ToestemmingWijze,
    WarmeOverdracht,
)
from dekkend.referrals.models import (
    RegioInstelling,
    StatusWijziging,
    Toestemming,
    Verwijzing,
    Werkgebied,
)
from dekkend.referrals.permissions import rol_for
from dekkend.referrals.selectors import visible_q
from dekkend.referrals.services.base import (
    _append,
    _apply,
    _history_known,
    _lock,
)
from dekkend.regions.models import Gemeente
from dekkend.register.models import Organisatie
from dekkend.register.permissions import user_organisatie_ids


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


def verwijzende_beroepen(gemeente: Gemeente) -> list[str]:
    """Professions that may refer residents of `gemeente`: what every region
    the gemeente lies in agreed (the strictest when divisions differ), or
    huisarts and POH-GGZ where no region configured it (003 §3)."""
    return _beroepen(
        RegioInstelling.objects.filter(regio__gemeenten=gemeente)
        .values_list("verwijzende_beroepen", flat=True)
        .distinct()
    )


def _beroepen(lijsten: Iterable[list[str]]) -> list[str]:
    sets = [set(lijst) for lijst in lijsten]
    if not sets:
        return list(VERWIJZENDE_BEROEPEN_STANDAARD)
    return sorted(set.intersection(*sets))


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
    elif plain_text_problem(inwoner.naam.strip()):
        # A name goes into pages, documents and workbooks (ADR 0017): a
        # formula or markup is never a real name.
        errors["inwoner_naam"] = _(
            "Vul de naam in als gewone tekst: zonder =, +, - of @ vooraan en "
            "zonder opmaak zoals <b>."
        )
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
        ("inwoner_email", inwoner.email.strip()),
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
    # The settings of every region the gemeente lies in, read once for both
    # the BSN rule and the professions.
    instellingen = list(
        RegioInstelling.objects.filter(regio__gemeenten=gemeente).values_list(
            "verwijzende_beroepen", "bsn_toegestaan"
        )
    )
    if inwoner.bsn and not any(bsn for _lijst, bsn in instellingen):
        errors["inwoner_bsn"] = _("Deze regio legt geen BSN vast.")
    beroepen = _beroepen(lijst for lijst, _bsn in instellingen)
    if getattr(user, "beroep", "") not in beroepen:
        labels = dict(Beroep.choices)
        errors["gemeente"] = _(
            "In de regio van deze gemeente verwijzen alleen: %(beroepen)s. Is uw "
            "beroep niet (goed) vastgelegd? Vraag het de beheerder."
        ) % {"beroepen": ", ".join(str(labels.get(b, b)) for b in beroepen)}
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
    eerste = _append(
        verwijzing, "", workflow.Status.VERSTUURD, "aanmaken", user, "", now
    )
    _history_known(verwijzing, eerste)
    record(
        "verwijzing.created",
        user,
        verwijzing,
        {"ontvanger": str(werkgebied.organisatie.uuid)},
    )
    transaction.on_commit(lambda: notifications.verwijzing_received_notify(verwijzing))
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
    is audited after the rollback, so the record survives it. Returns the
    updated referral; `statuswijziging_create` is the same step returning
    its status record."""
    return statuswijziging_create(
        user=user,
        verwijzing=verwijzing,
        actie=actie,
        reden=reden,
        uitkomst=uitkomst,
        now=now,
    ).verwijzing


def statuswijziging_create(
    *,
    user: Any,
    verwijzing: Verwijzing,
    actie: workflow.Actie,
    reden: str = "",
    uitkomst: workflow.Uitkomst | None = None,
    now: datetime | None = None,
) -> StatusWijziging:
    """`verwijzing_transition`, returning the status record it appended
    (for the API's answer, which is that record: no read-back). Its
    `verwijzing` is the updated, locked referral. Raises as
    `verwijzing_transition`."""
    stap = _transition(
        user, lambda: _lock(verwijzing), actie, reden=reden, uitkomst=uitkomst, now=now
    )
    assert stap is not None  # _lock finds the row or raises DoesNotExist
    return stap


def statuswijziging_create_visible(
    *,
    user: Any,
    uuid: UUID | str,
    actie: workflow.Actie,
    reden: str = "",
    uitkomst: workflow.Uitkomst | None = None,
    now: datetime | None = None,
) -> StatusWijziging | None:
    """`statuswijziging_create` for the referral `uuid` as `user` may see it
    (`selectors.visible_q`), found and locked with one query instead of a
    find and then a lock. None when the user may not see it (or it does not
    exist): nothing is written or audited then, as for any unknown referral.
    Raises as `verwijzing_transition`."""
    return _transition(
        user,
        lambda: (
            Verwijzing.objects.select_for_update(of=("self",))
            .select_related("toestemming")
            .filter(visible_q(user), uuid=uuid)
            .first()
        ),
        actie,
        reden=reden,
        uitkomst=uitkomst,
        now=now,
    )


def _transition(
    user: Any,
    lock: Callable[[], Verwijzing | None],
    actie: workflow.Actie,
    *,
    reden: str,
    uitkomst: workflow.Uitkomst | None,
    now: datetime | None,
) -> StatusWijziging | None:
    """Apply `actie` to the row `lock()` finds and locks (None: no row, no
    step). A refusal is audited after the rollback, so the record survives
    it."""
    now = now or timezone.now()
    locked: Verwijzing | None = None
    try:
        with transaction.atomic():
            locked = lock()
            if locked is None:
                return None
            rol = rol_for(user, locked)
            if rol is None:
                raise PermissionDenied(_("U mag deze verwijzing niet wijzigen."))
            return _apply(
                locked, actie, rol, user, reden=reden, uitkomst=uitkomst, now=now
            )
    except (PermissionDenied, ValidationError):
        assert locked is not None
        record(
            "verwijzing.transition_refused",
            user,
            locked,
            {
                "actie": actie.value,
                "status": Verwijzing.objects.get(pk=locked.pk).status,
            },
        )
        raise
