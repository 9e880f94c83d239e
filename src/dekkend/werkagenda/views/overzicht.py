# SPDX-License-Identifier: EUPL-1.2
"""The user's regions with their werkagenda, and the national overview."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dekkend.monitoring.selectors import standaard_indeling
from dekkend.regions.models import Indeling, Regio
from dekkend.werkagenda import selectors, services
from dekkend.werkagenda.permissions import (
    can_change_werkagenda,
    can_use_werkagenda,
    can_view_landelijk,
    regios_for,
)


@login_required
@require_http_methods(["GET", "POST"])
def overzicht(request: HttpRequest) -> HttpResponse:
    if not can_use_werkagenda(request.user):
        raise PermissionDenied(
            _("De werkagenda is voor regio's en het landelijk programma.")
        )
    fouten: list[tuple[str, str]] = []
    if request.method == "POST":
        try:
            regio = (
                regios_for(request.user)
                .filter(uuid=request.POST.get("regio", ""))
                .first()
            )
        except ValidationError:
            regio = None
        if regio is None or not can_change_werkagenda(request.user, regio):
            raise Http404(_("Regio niet gevonden."))
        vorige = (
            selectors.werkagenda_list(user=request.user, regio=regio)
            .filter(uuid=request.POST["herziening"])
            .first()
            if request.POST.get("herziening")
            else None
        )
        try:
            wa = services.werkagenda_create(
                user=request.user, regio=regio, herziening_van=vorige
            )
        except ValidationError as exc:
            fouten = [("regios", m) for m in exc.messages]
        else:
            messages.success(request, _("De werkagenda is aangemaakt."))
            return redirect("werkagenda:document", uuid=wa.uuid)
    landelijk = can_view_landelijk(request.user)
    if landelijk:
        regios = (
            Regio.objects.filter(werkagendas__isnull=False)
            .distinct()
            .select_related("indeling")
        )
    else:
        regios = regios_for(request.user)
    rijen = [selectors.regio_overzicht(r) for r in regios.order_by("naam")]
    context = {
        "rijen": rijen,
        "fouten": fouten,
        "landelijk": landelijk,
        "mag_aanmaken": {
            r.pk for r in regios if can_change_werkagenda(request.user, r)
        },
    }
    return render(
        request, "werkagenda/overzicht.html", context, status=400 if fouten else 200
    )


@login_required
@require_GET
def landelijk(request: HttpRequest) -> HttpResponse:
    if not can_view_landelijk(request.user):
        raise PermissionDenied(_("Alleen voor het landelijk programma."))
    indeling = (
        Indeling.objects.filter(naam=request.GET.get("indeling", "")).first()
        or standaard_indeling()
    )
    if indeling is None:
        raise Http404(_("Indeling niet gevonden."))
    rijen = selectors.landelijk_overzicht(indeling)
    context = {
        "indeling": indeling,
        "indelingen": Indeling.objects.order_by("titel"),
        "rijen": rijen,
        "met_werkagenda": sum(1 for r in rijen if r.werkagenda is not None),
        "vastgesteld": sum(
            1 for r in rijen if r.werkagenda and r.werkagenda.vastgesteld
        ),
        "ingediend": sum(
            1 for r in rijen if r.werkagenda and r.werkagenda.ingediend_bij_vws_op
        ),
    }
    return render(request, "werkagenda/landelijk.html", context)
