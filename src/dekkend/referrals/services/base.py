# SPDX-License-Identifier: EUPL-1.2
"""What the referral services share: the personal fields, the audit event
per workflow action, the row lock, the append-only status history and the
one function that applies a workflow step. Not called from outside the
package."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.referrals import notifications, workflow
from dekkend.referrals.models import (
    StatusWijziging,
    Verwijzing,
)
from dekkend.referrals.permissions import is_brugfunctionaris_for

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
ACTIVE = tuple(s.value for s in workflow.ACTIVE)


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
) -> StatusWijziging:
    """Append to the status history; records are never edited."""
    return StatusWijziging.objects.create(
        verwijzing=verwijzing,
        van=van,
        naar=naar.value,
        actie=actie,
        reden=reden,
        door=user,
        op=now,
    )


def _history_known(verwijzing: Verwijzing, eerste: StatusWijziging) -> None:
    """Give a referral that was just created its (known) related rows, so
    the answer built from it reads back nothing that was just inserted: one
    status record, no contacts, connections or feedback yet. This fills the
    ORM's prefetch cache exactly as `prefetch_related` would."""
    cache: dict[str, Any] = {}
    for name, rows in (
        ("statussen", [eerste]),
        ("contacten", []),
        ("verbindingen", []),
        ("terugkoppelingen", []),
    ):
        qs = getattr(verwijzing, name).all()
        qs._result_cache = rows
        qs._prefetch_done = True
        cache[name] = qs
    verwijzing.__dict__["_prefetched_objects_cache"] = cache


def _apply(
    verwijzing: Verwijzing,
    actie: workflow.Actie,
    rol: workflow.Rol,
    user: Any,
    *,
    reden: str = "",
    uitkomst: workflow.Uitkomst | None = None,
    now: datetime,
) -> StatusWijziging:
    """Apply `actie` to the locked `verwijzing`; returns the new status
    record (its `verwijzing` is the updated referral)."""
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
        # The kind travels as the error's code (and the role it is for as a
        # parameter), so callers need not work out the refusal again.
        raise ValidationError(
            {
                "actie": ValidationError(
                    str(exc),
                    code=exc.soort.value,
                    params={"voor": exc.voor.value if exc.voor else ""},
                )
            }
        ) from exc
    verwijzing.status, verwijzing.status_sinds = naar.value, now
    fields = ["status", "status_sinds"]
    if naar == workflow.Status.AFGESLOTEN:
        assert uitkomst is not None
        verwijzing.afgesloten_op, verwijzing.uitkomst = now, uitkomst.value
        fields += ["afgesloten_op", "uitkomst"]
    verwijzing.save(update_fields=fields)
    stap = _append(verwijzing, van.value, naar, actie.value, user, reden, now)
    record(
        EVENT_BY_ACTIE[actie],
        user,
        verwijzing,
        {"van": van.value, "naar": naar.value},
    )
    if actie == workflow.Actie.TERUGSTUREN:
        transaction.on_commit(
            lambda: notifications.verwijzer_notify(verwijzing, soort="teruggestuurd")
        )
    return stap


def _brug_only(user: Any, verwijzing: Verwijzing) -> None:
    if not is_brugfunctionaris_for(user, verwijzing):
        raise PermissionDenied(
            _("Alleen de ontvangende organisatie kan dit vastleggen.")
        )
