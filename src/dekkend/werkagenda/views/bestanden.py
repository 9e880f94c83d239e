# SPDX-License-Identifier: EUPL-1.2
"""Downloads (DOCX, PDF), DOCX import, history, version comparison and the
financing view of a werkagenda."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dekkend.audit.services import record
from dekkend.documents.http import file_response
from dekkend.importing import ImportFout
from dekkend.werkagenda import selectors, services
from dekkend.werkagenda.docx_io.importer import WerkagendaImportFout, werkagenda_import
from dekkend.werkagenda.exports import FORMATEN, export_filename, werkagenda_export
from dekkend.werkagenda.format.definition import format_get
from dekkend.werkagenda.forms import ImportForm, PlanRegelForm, VerdeelsleutelForm
from dekkend.werkagenda.measures import maatstaf_choices
from dekkend.werkagenda.permissions import can_change_werkagenda, can_view_landelijk
from dekkend.werkagenda.views.common import werkagenda_for

MAX_UPLOAD = 20 * 1024 * 1024


@login_required
@require_GET
def download(request: HttpRequest, uuid: Any, formaat: str) -> HttpResponse:
    wa = werkagenda_for(request, uuid)
    if formaat not in FORMATEN:
        raise Http404(_("Onbekend formaat."))
    data = werkagenda_export(wa, formaat=formaat)
    record("werkagenda.exported", request.user, wa, {"formaat": formaat})
    return file_response(data, filename=export_filename(wa, formaat))


@login_required
@require_http_methods(["GET", "POST"])
def importeren(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid, change=request.method == "POST")
    form = ImportForm()
    fouten: list[tuple[str, str]] = []
    verslag = None
    status = 200
    if request.method == "POST":
        wa = werkagenda_for(request, uuid, change=True)
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            bestand = form.cleaned_data["bestand"]
            try:
                if bestand.size > MAX_UPLOAD:
                    raise WerkagendaImportFout(_("Het bestand is groter dan 20 MB."))
                resultaat = werkagenda_import(
                    bestand.read(),
                    definitie=format_get(wa.format_versie),
                    maatstaven=dict(maatstaf_choices()),
                )
                teller = services.import_store(
                    user=request.user, werkagenda=wa, resultaat=resultaat
                )
            except WerkagendaImportFout as exc:
                waar = ", ".join(x for x in (exc.sectie, exc.veld) if x)
                fouten = [
                    ("id_bestand", f"{waar}: {exc.melding}" if waar else exc.melding)
                ]
                status = 400
            except ValidationError as exc:
                fouten = [
                    ("id_bestand", m)
                    for m in (
                        [m for ms in exc.message_dict.values() for m in ms]
                        if hasattr(exc, "error_dict")
                        else exc.messages
                    )
                ]
                status = 400
            else:
                verslag = (teller, resultaat.niet_geplaatst)
        else:
            fouten = [
                ("id_bestand", " ".join(map(str, v))) for v in form.errors.values()
            ]
            status = 400
    context = {
        "wa": wa,
        "form": form,
        "fouten": fouten,
        "verslag": verslag,
        "mag_wijzigen": can_change_werkagenda(request.user, wa.regio)
        and not wa.vastgesteld,
    }
    return render(request, "werkagenda/importeren.html", context, status=status)


@login_required
@require_GET
def historie(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid)
    definitie = format_get(wa.format_versie)
    rijen = []
    for w in selectors.sectie_history(wa)[:500]:
        try:
            label = f"{definitie.onderdeel(w.sectie.adres.rpartition('.')[0]).kop}, {definitie.veld_label(definitie.veld(w.sectie.adres))}"
        except KeyError:
            label = w.sectie.adres
        rijen.append((w, label))
    versies = selectors.werkagenda_list(user=request.user, regio=wa.regio)
    return render(
        request,
        "werkagenda/historie.html",
        {"wa": wa, "rijen": rijen, "versies": versies},
    )


@login_required
@require_GET
def vergelijk(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid)
    versies = list(
        selectors.werkagenda_list(user=request.user, regio=wa.regio).order_by("versie")
    )
    andere = next((v for v in versies if str(v.uuid) == request.GET.get("met")), None)
    if andere is None:
        andere = wa.vorige or next((v for v in versies if v.pk != wa.pk), None)
    rijen = []
    if andere is not None:
        links, rechts = sorted((andere, wa), key=lambda v: v.versie)
        rijen = selectors.versies_compare(links, rechts)
    else:
        links = rechts = wa
    return render(
        request,
        "werkagenda/vergelijk.html",
        {
            "wa": wa,
            "versies": versies,
            "links": links,
            "rechts": rechts,
            "rijen": rijen,
            "gewijzigd": sum(1 for r in rijen if r.gewijzigd),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def financiering(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid)
    definitie = format_get(wa.format_versie)
    aanpakken = [
        (o.sleutel, o.kop) for o in definitie.onderdelen if o.soort == "aanpak"
    ]
    sleutel_form = VerdeelsleutelForm()
    plan_form = PlanRegelForm(onderdelen=aanpakken)
    fouten: list[tuple[str, str]] = []
    if request.method == "POST":
        actie = request.POST.get("actie")
        try:
            if actie == "verdeelsleutel":
                if not can_view_landelijk(request.user):
                    raise PermissionDenied(
                        _("Alleen het landelijk programma laadt verdeelsleutels.")
                    )
                sleutel_form = VerdeelsleutelForm(request.POST, request.FILES)
                if sleutel_form.is_valid():
                    f = sleutel_form.cleaned_data["bestand"]
                    n = services.verdeelsleutel_load(
                        naam=sleutel_form.cleaned_data["naam"],
                        data=f.read(),
                        bestand=f.name,
                        user=request.user,
                    )
                    messages.success(request, _("%(n)s gemeenten geladen.") % {"n": n})
                    return redirect("werkagenda:financiering", uuid=wa.uuid)
                fouten = [
                    (f"id_{k}", " ".join(map(str, v)))
                    for k, v in sleutel_form.errors.items()
                ]
            else:
                if not can_change_werkagenda(request.user, wa.regio):
                    raise PermissionDenied(_("U mag deze werkagenda niet wijzigen."))
                plan_form = PlanRegelForm(request.POST, onderdelen=aanpakken)
                if plan_form.is_valid():
                    d = plan_form.cleaned_data
                    services.financieel_plan_save(
                        user=request.user,
                        werkagenda=wa,
                        onderdeel=d["onderdeel"],
                        jaar=d["jaar"],
                        bedrag=d["bedrag"],
                        toelichting=d["toelichting"],
                    )
                    messages.success(request, _("Het bedrag is vastgelegd."))
                    return redirect("werkagenda:financiering", uuid=wa.uuid)
                fouten = [
                    (f"id_{k}", " ".join(map(str, v)))
                    for k, v in plan_form.errors.items()
                ]
        except ImportFout as exc:
            fouten = [("id_bestand", str(exc))]
        except ValidationError as exc:
            fouten = (
                [(f"id_{k}", m) for k, ms in exc.message_dict.items() for m in ms]
                if hasattr(exc, "error_dict")
                else [("id_bedrag", m) for m in exc.messages]
            )
    fin = selectors.financiering(wa, sleutel=request.GET.get("sleutel", ""))
    koppen = dict(aanpakken)
    context = {
        "wa": wa,
        "fin": fin,
        "plan": [
            (koppen.get(k, k), [v.get(j) for j in fin.jaren])
            for k, v in fin.plan.items()
        ],
        "plan_totaal": [fin.plan_totaal.get(j) for j in fin.jaren],
        "beschikbaar": [fin.beschikbaar_regionaal.get(j) for j in fin.jaren],
        "rijen": [
            (r, [(r.landelijk.get(j), r.regio.get(j)) for j in fin.jaren])
            for r in fin.rijen
        ],
        "sleutel_form": sleutel_form,
        "plan_form": plan_form,
        "fouten": fouten,
        "mag_laden": can_view_landelijk(request.user),
        "mag_wijzigen": can_change_werkagenda(request.user, wa.regio)
        and not wa.vastgesteld,
    }
    return render(
        request, "werkagenda/financiering.html", context, status=400 if fouten else 200
    )
