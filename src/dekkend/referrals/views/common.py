# SPDX-License-Identifier: EUPL-1.2
"""What the pages of both roles share: finding a referral the user may act
on (404 otherwise, without auditing a read that shows nothing), the labels of
the workflow, the status history as rows, and paging with the list audit.

Reads go through `referrals.selectors`. No writes here.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from dekkend.referrals import workflow
from dekkend.referrals.constants import Probleem, Status
from dekkend.referrals.forms import ActieForm
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.permissions import rol_for
from dekkend.referrals.selectors import (
    VerwijzingFilter,
    verwijzing_list,
    verwijzingen_read_record,
)

PER_PAGINA = 25
OPEN_STATUSSEN = tuple(sorted(s.value for s in workflow.OPEN))
ACTIE_LABELS = {
    "aanmaken": _("verstuurd door de verwijzer"),
    workflow.Actie.ACCEPTEREN.value: _("geaccepteerd"),
    workflow.Actie.TERUGSTUREN.value: _("teruggestuurd naar de verwijzer"),
    workflow.Actie.INTREKKEN.value: _("ingetrokken door de verwijzer"),
    workflow.Actie.EERSTE_CONTACT.value: _("eerste contact met de inwoner"),
    workflow.Actie.PAUZEREN.value: _("gepauzeerd"),
    workflow.Actie.HERVATTEN.value: _("hervat"),
    workflow.Actie.AFSLUITEN.value: _("afgesloten"),
    workflow.Actie.TOESTEMMING_INGETROKKEN.value: _("toestemming ingetrokken"),
}
KNOP_LABELS = {
    workflow.Actie.ACCEPTEREN: _("Accepteren"),
    workflow.Actie.TERUGSTUREN: _("Terugsturen naar de verwijzer"),
    workflow.Actie.INTREKKEN: _("Verwijzing intrekken"),
    workflow.Actie.PAUZEREN: _("Pauzeren"),
    workflow.Actie.HERVATTEN: _("Hervatten"),
    workflow.Actie.AFSLUITEN: _("Afsluiten"),
}

ONHERROEPELIJK = frozenset({workflow.Actie.INTREKKEN, workflow.Actie.TERUGSTUREN})


def vind(
    user: Any, uuid: UUID, *, rollen: tuple[workflow.Rol, ...]
) -> tuple[Verwijzing, workflow.Rol]:
    """The referral and the user's role on it, looking only in the roles
    given (the inbox for the brugfunctionaris, the sent referrals for the
    verwijzer). Raises Http404 when the user may not act on it in those roles.

    Nothing is shown yet, so nothing is audited; pages that show the referral
    read it again with `verwijzing_get`, which records the read.
    """
    richtingen = {
        workflow.Rol.BRUGFUNCTIONARIS: "ontvangen",
        workflow.Rol.VERWIJZER: "verstuurd",
    }
    for rol in rollen:
        gevonden = (
            verwijzing_list(
                user=user, filters=VerwijzingFilter(richting=richtingen[rol])
            )
            .filter(uuid=uuid)
            .first()
        )
        if gevonden is not None and rol_for(user, gevonden) == rol:
            return gevonden, rol
    raise Http404(_("Verwijzing niet gevonden."))


def toegestane_acties(user: Any, verwijzing: Verwijzing) -> list[workflow.Actie]:
    """The workflow steps the user's role may take now, without the automatic
    ones (first contact, consent)."""
    rol = rol_for(user, verwijzing)
    if rol is None:
        return []
    return [
        a
        for a in workflow.toegestane_acties(workflow.Status(verwijzing.status), rol)
        if a in KNOP_LABELS
    ]


@dataclass(frozen=True)
class HistorieRij:
    op: datetime
    van: str
    naar: str
    wat: str
    reden: str
    door: str


def historie(verwijzing: Verwijzing, rol: workflow.Rol) -> list[HistorieRij]:
    """The status history as rows; the verwijzer sees only the reasons of
    `workflow.REDEN_VOOR_VERWIJZER`, as in the API."""
    labels = dict(Status.choices)
    return [
        HistorieRij(
            op=s.op,
            van=str(labels.get(s.van, "")),
            naar=str(labels.get(s.naar, s.naar)),
            wat=str(ACTIE_LABELS.get(s.actie, s.actie)),
            reden=s.reden
            if rol == workflow.Rol.BRUGFUNCTIONARIS
            or s.actie in workflow.REDEN_VOOR_VERWIJZER
            else "",
            door=str(s.door) if s.door else "",
        )
        for s in verwijzing.statussen.all()
    ]


def probleem_labels(values: list[str]) -> list[str]:
    labels = dict(Probleem.choices)
    return [str(labels.get(v, v)) for v in values]


def pagina_met_audit(
    request: HttpRequest, verwijzingen: Any, *, reden: str
) -> "Page[Verwijzing]":
    """One page of a list; the rows on it are recorded as read."""
    pagina = Paginator(verwijzingen, PER_PAGINA).get_page(request.GET.get("pagina"))
    verwijzingen_read_record(
        user=request.user, verwijzingen=list(pagina.object_list), reden=reden
    )
    return pagina


def stap_formulieren(
    user: Any,
    verwijzing: Verwijzing,
    actie_form: ActieForm | None,
    *,
    heeft_contact: bool,
) -> tuple[list[dict[str, Any]], list[Any]]:
    """One form per workflow step the user may take now (the refused one,
    with its errors, in its place) and the errors of a refused step that is
    not offered here, to show at the top."""
    acties: list[dict[str, Any]] = []
    for actie in toegestane_acties(user, verwijzing):
        form = (
            actie_form
            if actie_form is not None and actie_form.actie == actie
            else ActieForm(actie=actie, heeft_contact=heeft_contact)
        )
        acties.append(
            {
                "actie": actie,
                "label": KNOP_LABELS[actie],
                "form": form,
                # Ends the referral for good (a confirmation page follows).
                "onherroepelijk": actie in ONHERROEPELIJK,
            }
        )
    aangeboden = {a["actie"] for a in acties}
    actie_fouten = (
        [e for errors in actie_form.errors.values() for e in errors]
        if actie_form is not None and actie_form.actie not in aangeboden
        else []
    )
    return acties, actie_fouten
