# SPDX-License-Identifier: EUPL-1.2
"""Invitations and their personal links.

Every e-mail carries a fresh token (`tokens.token_new`); sending it again (a
reminder) replaces the stored hash, so an earlier link stops working while
the response it started stays. A link works while the round is open and
until its closing date, unless revoked. E-mail goes through Django's
framework after commit; nothing personal is logged.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dekkend.audit.services import record, record_many
from dekkend.lspmonitor.constants import (
    Besluit,
    ResponsStatus,
    RondeStatus,
    UitnodigingRol,
)
from dekkend.lspmonitor.models import Ronde, Uitnodiging
from dekkend.lspmonitor.services._common import require_manage
from dekkend.lspmonitor.tokens import token_hash, token_new
from dekkend.regions.models import Regio, RegioLid
from dekkend.register.models import Organisatie


@dataclass(frozen=True)
class UitnodigingGegevens:
    rol: str
    naam: str
    email: str
    regio: Regio | None = None
    organisatie: Organisatie | None = None


def _errors(ronde: Ronde, g: UitnodigingGegevens) -> dict[str, str]:
    errors: dict[str, str] = {}
    if g.rol not in UitnodigingRol.values:
        errors["rol"] = _("Kies LSP of regiocoördinator.")
    if not g.naam.strip():
        errors["naam"] = _("Vul een naam in.")
    try:
        validate_email(g.email.strip())
    except ValidationError:
        errors["email"] = _("Vul een geldig e-mailadres in.")
    if g.regio is not None and g.regio.indeling_id != ronde.indeling_id:
        errors["regio"] = _("Deze regio hoort niet bij de indeling van de ronde.")
    if g.rol == UitnodigingRol.COORDINATOR and g.regio is None:
        errors["regio"] = _("Een regiocoördinator wordt per regio uitgenodigd.")
    if g.rol == UitnodigingRol.LSP and g.organisatie is None:
        errors["organisatie"] = _("Een LSP wordt per organisatie uitgenodigd.")
    return errors


def _require_not_closed(ronde: Ronde) -> None:
    if ronde.status not in (RondeStatus.VOORBEREIDING, RondeStatus.OPEN):
        raise ValidationError({"ronde": _("Deze ronde is gesloten.")})


@transaction.atomic
def uitnodiging_create(
    *, user: Any, ronde: Ronde, gegevens: UitnodigingGegevens
) -> Uitnodiging:
    """One invitation (not yet sent). Raises ValidationError naming the field."""
    require_manage(user)
    _require_not_closed(ronde)
    errors = _errors(ronde, gegevens)
    if (
        not errors
        and ronde.uitnodigingen.filter(
            email__iexact=gegevens.email.strip(), rol=gegevens.rol, regio=gegevens.regio
        ).exists()
    ):
        errors["email"] = _("Dit adres is voor deze rol en regio al uitgenodigd.")
    if errors:
        raise ValidationError(errors)
    uitnodiging = Uitnodiging.objects.create(
        ronde=ronde,
        rol=gegevens.rol,
        naam=gegevens.naam.strip(),
        email=gegevens.email.strip(),
        regio=gegevens.regio,
        organisatie=gegevens.organisatie,
    )
    record("uitnodiging.created", user, uitnodiging, {"rol": uitnodiging.rol})
    return uitnodiging


@transaction.atomic
def uitnodigingen_create_bulk(*, user: Any, ronde: Ronde) -> int:
    """Invite, from what Dekkend holds: the contact address of every
    organisation with a location on the round's base list (one LSP invitation
    per organisation and region), and every member of a region of the round's
    division as its coordinator. Skips those already invited. Returns the
    number created."""
    require_manage(user)
    _require_not_closed(ronde)
    existing = {(u.email.lower(), u.rol, u.regio_id) for u in ronde.uitnodigingen.all()}
    new: list[Uitnodiging] = []

    def add(
        rol: str, naam: str, email: str, regio_id: int | None, org_id: int | None
    ) -> None:
        key = (email.lower(), rol, regio_id)
        if email and key not in existing:
            existing.add(key)
            new.append(
                Uitnodiging(
                    ronde=ronde,
                    rol=rol,
                    naam=naam,
                    email=email,
                    regio_id=regio_id,
                    organisatie_id=org_id,
                )
            )

    pairs = (
        ronde.kandidaten.filter(besluit=Besluit.OP_LIJST, steunpunt__isnull=False)
        .values_list(
            "steunpunt__aanbod__organisatie_id",
            "steunpunt__aanbod__organisatie__naam",
            "steunpunt__aanbod__organisatie__email",
            "regio_id",
        )
        .distinct()
    )
    for org_id, org_naam, email, regio_id in sorted(pairs, key=lambda p: p[1]):
        add(UitnodigingRol.LSP, org_naam, email or "", regio_id, org_id)
    for lid in RegioLid.objects.filter(
        regio__indeling_id=ronde.indeling_id, user__is_active=True
    ).select_related("user"):
        add(
            UitnodigingRol.COORDINATOR,
            lid.user.get_full_name() or lid.user.get_username(),
            lid.user.email,
            lid.regio_id,
            None,
        )
    Uitnodiging.objects.bulk_create(new)
    record("uitnodigingen.created", user, ronde, {"aantal": len(new)})
    return len(new)


def token_link(token: str) -> str:
    path = reverse("lspmonitor:vragenlijst", kwargs={"token": token})
    return f"{settings.DEKKEND_BASE_URL}{path}"


def _mail(
    uitnodiging: Uitnodiging, token: str, herinnering: bool
) -> tuple[str, str, str, list[str]]:
    ronde = uitnodiging.ronde
    with translation.override("nl"):
        text = render_to_string(
            "lspmonitor/email/uitnodiging.txt",
            {
                "ronde": ronde,
                "naam": uitnodiging.naam,
                "link": token_link(token),
                "herinnering": herinnering,
            },
        )
    subject, _sep, body = text.strip().partition("\n")
    return (
        subject.strip(),
        body.strip() + "\n",
        settings.DEFAULT_FROM_EMAIL,
        [uitnodiging.email],
    )


def _issue(
    user: Any,
    ronde: Ronde,
    uitnodigingen: Iterable[Uitnodiging],
    *,
    herinnering: bool,
    now: datetime,
) -> int:
    messages = []
    sent = []
    for u in uitnodigingen:
        token, digest = token_new()
        u.token_hash = digest
        if herinnering:
            u.herinnerd_op = now
        else:
            u.verstuurd_op = now
        u.save(update_fields=["token_hash", "herinnerd_op", "verstuurd_op"])
        messages.append(_mail(u, token, herinnering))
        sent.append(u)
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
        record_many(
            "uitnodiging.reminded" if herinnering else "uitnodiging.sent",
            user,
            list(sent),
        )
    return len(messages)


def _require_open(ronde: Ronde) -> None:
    if ronde.status != RondeStatus.OPEN:
        raise ValidationError(
            {"ronde": _("Uitnodigingen gaan pas uit als de ronde open is.")}
        )


@transaction.atomic
def uitnodigingen_send(
    *,
    user: Any | None,
    ronde: Ronde,
    uitnodigingen: Iterable[Uitnodiging] | None = None,
    now: datetime | None = None,
) -> int:
    """E-mail the personal link to the given invitations, or to every
    invitation not yet sent. Revoked invitations and submitted responses are
    skipped. `user` None = the command line. Returns the number of e-mails."""
    if user is not None:
        require_manage(user)
    _require_open(ronde)
    qs = ronde.uitnodigingen.filter(ingetrokken_op__isnull=True).exclude(
        respons__status=ResponsStatus.INGEDIEND
    )
    if uitnodigingen is None:
        qs = qs.filter(verstuurd_op__isnull=True)
    else:
        qs = qs.filter(pk__in=[u.pk for u in uitnodigingen])
    return _issue(
        user,
        ronde,
        list(qs.select_for_update(of=("self",)).select_related("ronde")),
        herinnering=False,
        now=now or timezone.now(),
    )


@transaction.atomic
def uitnodigingen_remind(
    *, user: Any | None, ronde: Ronde, now: datetime | None = None
) -> int:
    """Remind everyone sent a link who has not submitted (each gets a fresh
    link; the answers saved so far stay). Returns the number of e-mails."""
    if user is not None:
        require_manage(user)
    _require_open(ronde)
    qs = (
        ronde.uitnodigingen.filter(
            ingetrokken_op__isnull=True, verstuurd_op__isnull=False
        )
        .filter(Q(respons__isnull=True) | Q(respons__status=ResponsStatus.CONCEPT))
        .select_for_update(of=("self",))
        .select_related("ronde")
    )
    return _issue(user, ronde, list(qs), herinnering=True, now=now or timezone.now())


@transaction.atomic
def uitnodiging_revoke(*, user: Any, uitnodiging: Uitnodiging) -> Uitnodiging:
    """Revoke the link: it stops working at once."""
    require_manage(user)
    uitnodiging = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    if uitnodiging.ingetrokken_op is None:
        uitnodiging.ingetrokken_op = timezone.now()
        uitnodiging.save(update_fields=["ingetrokken_op"])
        record("uitnodiging.revoked", user, uitnodiging)
    return uitnodiging


class TokenOngeldig(Exception):
    """The link is unknown (404) or no longer valid (410); `reden` says why."""

    def __init__(self, reden: str, status: int) -> None:
        super().__init__(reden)
        self.reden = reden
        self.status = status


def uitnodiging_by_token(*, token: str, today: Any = None) -> Uitnodiging:
    """The invitation of a link, or TokenOngeldig. A round past its closing
    date is closed on the way (automatic close on access)."""
    if not token or len(token) > 100:
        raise TokenOngeldig("onbekend", 404)
    uitnodiging = (
        Uitnodiging.objects.select_related("ronde", "regio", "organisatie")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if uitnodiging is None:
        raise TokenOngeldig("onbekend", 404)
    if uitnodiging.ingetrokken_op is not None:
        raise TokenOngeldig("ingetrokken", 410)
    ronde = uitnodiging.ronde
    day = today or timezone.localdate()
    if ronde.status == RondeStatus.OPEN and ronde.sluit_op < day:
        from dekkend.lspmonitor.services.ronde import ronde_close_due

        ronde_close_due(today=day)
        ronde.refresh_from_db()
    if ronde.status == RondeStatus.VOORBEREIDING:
        raise TokenOngeldig("nog_niet_open", 410)
    if ronde.status != RondeStatus.OPEN:
        # The link expires with the round; the answers stay with the programme.
        raise TokenOngeldig("verlopen", 410)
    return uitnodiging


def uitnodiging_mark_opened(*, uitnodiging: Uitnodiging) -> None:
    if uitnodiging.geopend_op is None:
        Uitnodiging.objects.filter(pk=uitnodiging.pk, geopend_op__isnull=True).update(
            geopend_op=timezone.now()
        )
        uitnodiging.geopend_op = timezone.now()
