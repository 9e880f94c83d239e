# SPDX-License-Identifier: EUPL-1.2
"""Pages of the verwijzer (huisarts, POH-GGZ): a new referral, "Mijn
verwijzingen" and the status and feedback of one referral. The verwijzer
never sees the contact records or connections, only what the feedback says.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

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


@login_required
@permission_required(VERWIJZEN, raise_exception=True)
def mijn(request: HttpRequest) -> HttpResponse:
    """The referrals this verwijzer sent, with status and feedback."""
    verwijzingen = verwijzing_list(
        user=request.user, filters=VerwijzingFilter(richting="verstuurd")
    ).prefetch_related("terugkoppelingen")
    pagina = pagina_met_audit(
        request, verwijzingen, reden=reden_voor(workflow.Rol.VERWIJZER)
    )
    # The feedback is on this page, so it counts as read; the rows already
    # loaded still say "nieuw" for what was unread until now.
    services.terugkoppelingen_mark_read(
        user=request.user, verwijzingen=list(pagina.object_list)
    )
    return render(request, "referrals/mijn.html", {"pagina": pagina})


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
    }
    status = 400 if actie_form is not None else 200
    return render(request, "referrals/mijn_detail.html", context, status=status)


@login_required
@permission_required(VERWIJZEN, raise_exception=True)
def mijn_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    return mijn_detail_render(request, uuid)
