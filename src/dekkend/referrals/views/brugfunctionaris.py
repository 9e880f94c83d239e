# SPDX-License-Identifier: EUPL-1.2
"""Pages of the brugfunctionaris: the organisation's inbox and one referral
with its steps (003 §4.2-4): contacts (vraagverheldering), connections to
offers on the register, and feedback to the verwijzer. Status steps are
posted to `acties.actie`. Every page that shows the resident reads the
referral with `verwijzing_get` (audited as 'behandeling').
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.referrals import services, workflow
from dekkend.referrals.constants import TerugkoppelingSoort
from dekkend.referrals.forms import (
    ActieForm,
    ContactForm,
    InboxFilterForm,
    TerugkoppelingForm,
    add_service_errors,
)
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.permissions import reden_voor
from dekkend.referrals.selectors import (
    VerwijzingFilter,
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

BEHANDELEN = "referrals.change_verwijzing"
BRUG = workflow.Rol.BRUGFUNCTIONARIS


def te_laat_ids(user: Any, ids: list[int]) -> set[int]:
    """Which of these referrals have overdue first feedback (selector rule)."""
    return set(
        verwijzing_list(
            user=user,
            filters=VerwijzingFilter(richting="ontvangen", terugkoppeling_te_laat=True),
        )
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )


@login_required
@permission_required(BEHANDELEN, raise_exception=True)
def inbox(request: HttpRequest) -> HttpResponse:
    """Referrals sent to the user's organisation(s); open ones by default."""
    form = InboxFilterForm(request.GET or None)
    keuze, alleen_te_laat = InboxFilterForm.OPEN, False
    if form.is_bound and form.is_valid():
        keuze = form.cleaned_data["status"] or InboxFilterForm.OPEN
        alleen_te_laat = form.cleaned_data["te_laat"]
    if keuze == InboxFilterForm.OPEN:
        statussen: tuple[str, ...] = OPEN_STATUSSEN
    elif keuze == InboxFilterForm.ALLE:
        statussen = ()
    else:
        statussen = (keuze,)
    filters = VerwijzingFilter(
        richting="ontvangen", status=statussen, terugkoppeling_te_laat=alleen_te_laat
    )
    verwijzingen = verwijzing_list(user=request.user, filters=filters)
    pagina = pagina_met_audit(request, verwijzingen, reden=reden_voor(BRUG))
    te_laat = te_laat_ids(request.user, [v.pk for v in pagina.object_list])
    rijen = [
        {
            "verwijzing": v,
            "te_laat": v.pk in te_laat,
            "problemen": probleem_labels(v.problemen),
        }
        for v in pagina.object_list
    ]
    params = request.GET.copy()
    params.pop("pagina", None)
    querystring = params.urlencode()
    return render(
        request,
        "referrals/inbox.html",
        {
            "form": form,
            "pagina": pagina,
            "rijen": rijen,
            "querystring": querystring,
        },
    )


def lees(request: HttpRequest, uuid: UUID) -> Verwijzing:
    """The referral for a page that shows it (the read is audited)."""
    vind(request.user, uuid, rollen=(BRUG,))
    try:
        return verwijzing_get(user=request.user, uuid=uuid, reden=reden_voor(BRUG))
    except Verwijzing.DoesNotExist:
        raise Http404(_("Verwijzing niet gevonden.")) from None


def detail_render(
    request: HttpRequest, uuid: UUID, *, actie_form: ActieForm | None = None
) -> HttpResponse:
    verwijzing = lees(request, uuid)
    heeft_contact = verwijzing.eerste_contact_op is not None
    acties, actie_fouten = stap_formulieren(
        request.user, verwijzing, actie_form, heeft_contact=heeft_contact
    )
    context = {
        "verwijzing": verwijzing,
        "problemen": probleem_labels(verwijzing.problemen),
        "historie": historie(verwijzing, workflow.Rol.BRUGFUNCTIONARIS),
        "contacten": [
            {"contact": c, "leefgebieden": probleem_labels(c.leefgebieden)}
            for c in verwijzing.contacten.all()
        ],
        "verbindingen": verwijzing.verbindingen.all(),
        "terugkoppelingen": verwijzing.terugkoppelingen.all(),
        "acties": acties,
        "actie_fouten": actie_fouten,
        "toestemming": verwijzing.toestemming,
        "te_laat": bool(te_laat_ids(request.user, [verwijzing.pk])),
        "mag_contact": verwijzing.status in services.ACTIVE,
        "mag_verbinden": verwijzing.status in services.ACTIVE and heeft_contact,
        "mag_terugkoppelen": heeft_contact,
    }
    status = 400 if actie_form is not None else 200
    return render(request, "referrals/detail.html", context, status=status)


@login_required
@permission_required(BEHANDELEN, raise_exception=True)
def detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    return detail_render(request, uuid)


@login_required
@permission_required(BEHANDELEN, raise_exception=True)
def contact(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Record a contact with the resident and the life domains discussed."""
    if request.method == "POST":
        verwijzing, _rol = vind(request.user, uuid, rollen=(BRUG,))
        form = ContactForm(request.POST)
        if form.is_valid():
            try:
                services.contact_record(
                    user=request.user, verwijzing=verwijzing, **form.cleaned_data
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Het contact is vastgelegd."))
                return redirect("referrals:detail", uuid=uuid)
    else:
        form = ContactForm(initial={"datum": timezone.localdate()})
    return _form_page(request, uuid, form, "referrals/contact.html")


@login_required
@permission_required(BEHANDELEN, raise_exception=True)
def terugkoppeling(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Structured feedback to the verwijzer (003 §4.4)."""
    if request.method == "POST":
        verwijzing, _rol = vind(request.user, uuid, rollen=(BRUG,))
        form = TerugkoppelingForm(request.POST)
        if form.is_valid():
            try:
                services.terugkoppeling_send(
                    user=request.user,
                    verwijzing=verwijzing,
                    soort=form.cleaned_data["soort"],
                    aan_de_slag_met=form.cleaned_data["aan_de_slag_met"],
                    geholpen=form.geholpen_value(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request, _("De terugkoppeling is naar de verwijzer gestuurd.")
                )
                return redirect("referrals:detail", uuid=uuid)
    else:
        verwijzing, _rol = vind(request.user, uuid, rollen=(BRUG,))
        form = TerugkoppelingForm(initial={"soort": _standaard_soort(verwijzing)})
    return _form_page(request, uuid, form, "referrals/terugkoppeling.html")


def _standaard_soort(verwijzing: Verwijzing) -> str:
    if verwijzing.status == workflow.Status.AFGESLOTEN.value:
        return TerugkoppelingSoort.AFSLUITING.value
    if verwijzing.eerste_terugkoppeling_op is None:
        return TerugkoppelingSoort.EERSTE_CONTACT.value
    return TerugkoppelingSoort.TUSSENTIJDS.value


def _form_page(
    request: HttpRequest, uuid: UUID, form: Any, template: str
) -> HttpResponse:
    verwijzing = lees(request, uuid)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, template, {"form": form, "verwijzing": verwijzing}, status=status
    )
