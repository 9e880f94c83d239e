# SPDX-License-Identifier: EUPL-1.2
"""Steps that both roles take, each through its service: a workflow step
(`verwijzing_transition`; which steps a role may take comes from the
transition table) and recording that the resident withdrew consent
(`toestemming_withdraw`, after a confirmation page).
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dekkend.referrals import services, workflow
from dekkend.referrals.forms import ActieForm, ToestemmingIntrekkenForm
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.permissions import reden_voor
from dekkend.referrals.selectors import verwijzing_get
from dekkend.referrals.views.brugfunctionaris import detail_render
from dekkend.referrals.views.common import KNOP_LABELS, ONHERROEPELIJK, vind
from dekkend.referrals.views.verwijzer import mijn_detail_render

ROLLEN = (workflow.Rol.BRUGFUNCTIONARIS, workflow.Rol.VERWIJZER)
GEREGELD = {
    workflow.Actie.ACCEPTEREN: gettext_lazy("De verwijzing is geaccepteerd."),
    workflow.Actie.TERUGSTUREN: gettext_lazy(
        "De verwijzing is teruggestuurd naar de verwijzer."
    ),
    workflow.Actie.INTREKKEN: gettext_lazy("De verwijzing is ingetrokken."),
    workflow.Actie.PAUZEREN: gettext_lazy("De verwijzing is gepauzeerd."),
    workflow.Actie.HERVATTEN: gettext_lazy("De verwijzing is hervat."),
    workflow.Actie.AFSLUITEN: gettext_lazy("De verwijzing is afgesloten."),
}


# Steps that end the referral for good: the button looks different and a
# confirmation page comes between the click and the step (no JavaScript).
BEVESTIGEN = ONHERROEPELIJK
GEVOLGEN = {
    workflow.Actie.INTREKKEN: gettext_lazy(
        "%(organisatie)s gaat niet verder met de verwijzing. Dit kan niet "
        "ongedaan worden gemaakt; wilt u later toch verwijzen, dan maakt u een "
        "nieuwe verwijzing."
    ),
    workflow.Actie.TERUGSTUREN: gettext_lazy(
        "De verwijzer krijgt de verwijzing terug met uw reden. Uw organisatie "
        "gaat er niet mee verder; dit kan niet ongedaan worden gemaakt."
    ),
}
VRAGEN = {
    workflow.Actie.INTREKKEN: gettext_lazy(
        "Wilt u de verwijzing voor %(naam)s intrekken?"
    ),
    workflow.Actie.TERUGSTUREN: gettext_lazy(
        "Wilt u de verwijzing voor %(naam)s terugsturen?"
    ),
}
JA = {
    workflow.Actie.INTREKKEN: gettext_lazy("Ja, verwijzing intrekken"),
    workflow.Actie.TERUGSTUREN: gettext_lazy("Ja, terugsturen naar de verwijzer"),
}


def _bevestigen(
    request: HttpRequest,
    verwijzing: Verwijzing,
    rol: workflow.Rol,
    stap: workflow.Actie,
    form: ActieForm,
) -> HttpResponse:
    """The confirmation page of a step that cannot be undone."""
    context = {
        "verwijzing": verwijzing,
        "stap": stap.value,
        "vraag": VRAGEN[stap] % {"naam": verwijzing.inwoner_naam},
        "gevolg": GEVOLGEN[stap]
        % {"organisatie": verwijzing.ontvanger_organisatie.naam},
        "ja": JA[stap],
        "form": form,
        "terug": _detail_url_name(rol),
    }
    return render(request, "referrals/actie_bevestigen.html", context)


def _mag_verwijzingen(user: Any) -> None:
    if not (
        user.has_perm("referrals.add_verwijzing")
        or user.has_perm("referrals.change_verwijzing")
    ):
        raise PermissionDenied


def _detail_url_name(rol: workflow.Rol) -> str:
    if rol == workflow.Rol.BRUGFUNCTIONARIS:
        return "referrals:detail"
    return "referrals:mijn-detail"


@login_required
@require_POST
def actie(request: HttpRequest, uuid: UUID, actie: str) -> HttpResponse:
    """One workflow step posted from a detail page; errors show on that page."""
    _mag_verwijzingen(request.user)
    try:
        stap = workflow.Actie(actie)
    except ValueError:
        raise Http404 from None
    if stap not in KNOP_LABELS:  # automatic steps are no buttons
        raise Http404
    verwijzing, rol = vind(request.user, uuid, rollen=ROLLEN)
    form = ActieForm(
        request.POST,
        actie=stap,
        heeft_contact=verwijzing.eerste_contact_op is not None,
    )
    if form.is_valid() and stap in BEVESTIGEN and not request.POST.get("bevestigd"):
        return _bevestigen(request, verwijzing, rol, stap, form)
    if form.is_valid():
        try:
            services.verwijzing_transition(
                user=request.user,
                verwijzing=verwijzing,
                actie=stap,
                reden=form.cleaned_data["reden"],
                uitkomst=form.gekozen_uitkomst(),
            )
        except ValidationError as exc:
            for messages_ in exc.message_dict.values():
                form.add_error(None, messages_)
        else:
            messages.success(request, str(GEREGELD[stap]))
            return redirect(_detail_url_name(rol), uuid=uuid)
    if rol == workflow.Rol.BRUGFUNCTIONARIS:
        return detail_render(request, uuid, actie_form=form)
    return mijn_detail_render(request, uuid, actie_form=form)


@login_required
def toestemming_intrekken(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Record that the resident withdrew consent, after confirmation. The
    receiving organisation loses access; an open referral is cancelled."""
    _mag_verwijzingen(request.user)
    gevonden, rol = vind(request.user, uuid, rollen=ROLLEN)
    form = ToestemmingIntrekkenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.toestemming_withdraw(user=request.user, verwijzing=gevonden)
        messages.success(
            request,
            _(
                "De intrekking van de toestemming is vastgelegd. De verwijzing "
                "wordt niet meer gedeeld."
            ),
        )
        if rol == workflow.Rol.BRUGFUNCTIONARIS:
            return redirect("referrals:inbox")
        return redirect("referrals:mijn-detail", uuid=uuid)
    try:
        verwijzing = verwijzing_get(user=request.user, uuid=uuid, reden=reden_voor(rol))
    except Verwijzing.DoesNotExist:
        raise Http404(_("Verwijzing niet gevonden.")) from None
    context = {
        "form": form,
        "verwijzing": verwijzing,
        "toestemming": verwijzing.toestemming,
        "terug": _detail_url_name(rol),
        "is_brugfunctionaris": rol == workflow.Rol.BRUGFUNCTIONARIS,
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "referrals/toestemming_intrekken.html", context, status=status
    )
