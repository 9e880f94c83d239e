# SPDX-License-Identifier: EUPL-1.2
"""Adoption pages: the college decision per gemeente, status changes and the
VWS submission."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import gemeente_get, regio_gemeenten
from dekkend.werkagenda import selectors, services
from dekkend.werkagenda.forms import CollegebesluitForm, StatusForm, VwsForm
from dekkend.werkagenda.permissions import can_change_werkagenda
from dekkend.werkagenda.views.common import fouten_uit, werkagenda_for
from dekkend.werkagenda.views.document import render_document


@login_required
@require_http_methods(["GET", "POST"])
def colleges(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid, change=request.method == "POST")
    fouten: list[tuple[str, str]] = []
    status = 200
    if request.method == "POST":
        form = CollegebesluitForm(request.POST, prefix=request.POST.get("prefix", ""))
        code = request.POST.get(f"{form.prefix}-gemeente", "") if form.prefix else ""
        if form.is_valid():
            code = form.cleaned_data["gemeente"]
            gemeente = regio_gemeenten(regio=wa.regio).filter(code=code).first()
            if gemeente is None:
                try:
                    gemeente = gemeente_get(code=code)
                except Gemeente.DoesNotExist:
                    gemeente = None
            try:
                if gemeente is None:
                    raise ValidationError(
                        {"gemeente": _("Onbekende gemeente %(c)s.") % {"c": code}}
                    )
                services.collegebesluit_record(
                    user=request.user,
                    werkagenda=wa,
                    gemeente=gemeente,
                    datum=form.cleaned_data["datum"],
                    uitkomst=form.cleaned_data["uitkomst"],
                    kenmerk=form.cleaned_data["kenmerk"],
                )
            except ValidationError as exc:
                fouten = fouten_uit(exc, f"college-{code}")
            else:
                messages.success(
                    request,
                    _("Het besluit van %(g)s is vastgelegd.") % {"g": gemeente.naam},
                )
                return redirect(
                    reverse("werkagenda:colleges", kwargs={"uuid": wa.uuid})
                    + f"#college-{code}"
                )
        else:
            fouten = [
                (
                    f"id_{form.prefix}-{k}",
                    f"{code}: {form.fields[k].label if k in form.fields else k}: {' '.join(map(str, v))}",
                )
                for k, v in form.errors.items()
            ]
        status = 400
    rijen = []
    for g, besluit in selectors.collegebesluiten_view(wa):
        form = CollegebesluitForm(
            prefix=f"c-{g.code}",
            initial={
                "gemeente": g.code,
                "datum": besluit.datum if besluit else None,
                "uitkomst": besluit.uitkomst if besluit else "vastgesteld",
                "kenmerk": besluit.kenmerk if besluit else "",
            },
        )
        rijen.append((g, besluit, form))
    context = {
        "wa": wa,
        "rijen": rijen,
        "fouten": fouten,
        "mag_wijzigen": can_change_werkagenda(request.user, wa.regio)
        and not wa.vastgesteld,
        "overzicht": selectors.regio_overzicht(wa.regio, met_metingen=False),
    }
    return render(request, "werkagenda/colleges.html", context, status=status)


@login_required
@require_POST
def status(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid, change=True)
    try:
        if request.POST.get("actie") == "vws":
            form = VwsForm(request.POST)
            if not form.is_valid():
                raise ValidationError({"datum": _("Geef een geldige datum.")})
            services.vws_submission_record(
                user=request.user, werkagenda=wa, datum=form.cleaned_data["datum"]
            )
            messages.success(request, _("De indiening bij VWS is vastgelegd."))
        else:
            sform = StatusForm(request.POST)
            nieuw = sform.data.get("status", "")
            services.werkagenda_status_change(
                user=request.user, werkagenda=wa, status=nieuw
            )
            messages.success(request, _("De status is gewijzigd."))
    except ValidationError as exc:
        wa.refresh_from_db()
        return render_document(
            request, wa, fouten=fouten_uit(exc, "status"), status=400
        )
    return redirect(
        reverse("werkagenda:document", kwargs={"uuid": wa.uuid}) + "#status"
    )
