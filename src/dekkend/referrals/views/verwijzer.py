# SPDX-License-Identifier: EUPL-1.2
"""Pages of the verwijzer (huisarts, POH-GGZ): a new referral, "Mijn
verwijzingen" and the status and feedback of one referral. The verwijzer
never sees the contact records or connections, only what the feedback says.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dekkend.referrals import services, workflow
from dekkend.referrals.forms import ActieForm, VerwijzingForm
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.permissions import reden_voor
from dekkend.referrals.selectors import (
    VerwijzingFilter,
    bsn_regio_namen,
    gemeenten_met_brugorganisatie,
    verwijzing_get,
    verwijzing_list,
)
from dekkend.referrals.views.common import (
    OPEN_STATUSSEN,
    historie,
    pagina_met_audit,
    probleem_labels,
    stap_formulieren,
    vind,
)
from dekkend.regions.models import Gemeente
from dekkend.register.models import Organisatie
from dekkend.register.permissions import user_organisatie_ids

VERWIJZEN = "referrals.add_verwijzing"


def _form(request: HttpRequest) -> VerwijzingForm:
    return VerwijzingForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        organisaties=Organisatie.objects.filter(
            pk__in=user_organisatie_ids(request.user)
        ),
        gemeenten=Gemeente.objects.only("code", "naam").order_by("naam"),
        gemeenten_met_brugorganisatie=gemeenten_met_brugorganisatie(),
        bsn_regios=bsn_regio_namen(),
    )


@login_required
@permission_required(VERWIJZEN, raise_exception=True)
def nieuw(request: HttpRequest) -> HttpResponse:
    """A new referral with the resident's consent (003 §4.1)."""
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        try:
            verwijzing = services.verwijzing_create(
                user=request.user, **form.service_kwargs()
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            messages.success(
                request,
                _("De verwijzing is verstuurd naar %(organisatie)s.")
                % {"organisatie": verwijzing.ontvanger_organisatie.naam},
            )
            return redirect("referrals:mijn-detail", uuid=verwijzing.uuid)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "referrals/nieuw.html",
        {"form": form},
        status=status,
    )


# The verwijzer's list, split the way a GP looks at it: still running,
# returned (the GP acts next) and ended.
LIJSTEN: dict[str, tuple[Any, tuple[str, ...]]] = {
    "alle": (gettext_lazy("Alle"), ()),
    "lopend": (gettext_lazy("Lopend"), OPEN_STATUSSEN),
    "teruggestuurd": (
        gettext_lazy("Teruggestuurd"),
        (workflow.Status.TERUGGESTUURD.value,),
    ),
    "afgerond": (
        gettext_lazy("Afgerond"),
        (workflow.Status.AFGESLOTEN.value, workflow.Status.INGETROKKEN.value),
    ),
}


def terugstuur_reden(verwijzing: Verwijzing) -> str:
    """Why the receiving organisation returned the referral (its last return
    step; the statuses must be prefetched or are read here)."""
    stappen = [
        s
        for s in verwijzing.statussen.all()
        if s.actie == workflow.Actie.TERUGSTUREN.value
    ]
    return stappen[-1].reden if stappen else ""


@login_required
@permission_required(VERWIJZEN, raise_exception=True)
def mijn(request: HttpRequest) -> HttpResponse:
    """The referrals this verwijzer sent, with status and feedback; a tab
    each for running, returned and ended ones."""
    toon = request.GET.get("toon", "alle")
    if toon not in LIJSTEN:
        toon = "alle"
    alle = verwijzing_list(
        user=request.user, filters=VerwijzingFilter(richting="verstuurd")
    )
    tabs = [
        {
            "code": code,
            "label": label,
            "aantal": alle.filter(status__in=statussen).count()
            if statussen
            else alle.count(),
        }
        for code, (label, statussen) in LIJSTEN.items()
    ]
    verwijzingen = verwijzing_list(
        user=request.user,
        filters=VerwijzingFilter(richting="verstuurd", status=LIJSTEN[toon][1]),
    ).prefetch_related("terugkoppelingen", "statussen")
    pagina = pagina_met_audit(
        request, verwijzingen, reden=reden_voor(workflow.Rol.VERWIJZER)
    )
    # The feedback is on this page, so it counts as read; the rows already
    # loaded still say "nieuw" for what was unread until now.
    services.terugkoppelingen_mark_read(
        user=request.user, verwijzingen=list(pagina.object_list)
    )
    rijen = [
        {"verwijzing": v, "terugstuur_reden": terugstuur_reden(v)}
        for v in pagina.object_list
    ]
    return render(
        request,
        "referrals/mijn.html",
        {
            "pagina": pagina,
            "rijen": rijen,
            "tabs": tabs,
            "toon": toon,
            "querystring": f"toon={toon}" if toon != "alle" else "",
        },
    )


def mijn_detail_render(
    request: HttpRequest, uuid: UUID, *, actie_form: ActieForm | None = None
) -> HttpResponse:
    """The verwijzer's view of one referral (read audited as 'opvolging')."""
    vind(request.user, uuid, rollen=(workflow.Rol.VERWIJZER,))
    try:
        verwijzing = verwijzing_get(
            user=request.user, uuid=uuid, reden=reden_voor(workflow.Rol.VERWIJZER)
        )
    except Verwijzing.DoesNotExist:
        raise Http404(_("Verwijzing niet gevonden.")) from None
    services.terugkoppelingen_mark_read(user=request.user, verwijzingen=[verwijzing])
    acties, actie_fouten = stap_formulieren(
        request.user, verwijzing, actie_form, heeft_contact=False
    )
    context = {
        "verwijzing": verwijzing,
        "problemen": probleem_labels(verwijzing.problemen),
        "historie": historie(verwijzing, workflow.Rol.VERWIJZER),
        "terugkoppelingen": verwijzing.terugkoppelingen.all(),
        "acties": acties,
        "actie_fouten": actie_fouten,
        "toestemming": verwijzing.toestemming,
        "terugstuur_reden": terugstuur_reden(verwijzing),
    }
    status = 400 if actie_form is not None else 200
    return render(request, "referrals/mijn_detail.html", context, status=status)


@login_required
@permission_required(VERWIJZEN, raise_exception=True)
def mijn_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    return mijn_detail_render(request, uuid)
