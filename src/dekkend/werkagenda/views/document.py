# SPDX-License-Identifier: EUPL-1.2
"""The werkagenda as one page in format order, and the forms on it: a
field's text (with optimistic locking), prefill suggestions, goals,
milestones and parties. Every write goes through `werkagenda.services`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from dekkend.register.models import Organisatie
from dekkend.werkagenda import selectors, services
from dekkend.werkagenda.constants import STATUS_OVERGANGEN, WerkagendaStatus
from dekkend.werkagenda.forms import (
    DoelRealisatieForm,
    DoelstellingForm,
    MijlpaalForm,
    MijlpaalStatusForm,
    PartijForm,
    SectieForm,
    VoorstelForm,
)
from dekkend.werkagenda.measures import MAATSTAVEN
from dekkend.werkagenda.models import Werkagenda
from dekkend.werkagenda.permissions import can_change_werkagenda
from dekkend.werkagenda.views.common import anker, fouten_uit, werkagenda_for


def _prefix(sleutel: str) -> str:
    return anker(sleutel)


def _jaren(wa: Werkagenda) -> list[int]:
    return list(range(wa.periode_van, wa.periode_tot + 1))


def render_document(
    request: HttpRequest,
    wa: Werkagenda,
    *,
    fouten: list[tuple[str, str]] | None = None,
    conflict: services.VerouderdeOpslag | None = None,
    gebonden: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    gebonden = gebonden or {}
    mag_wijzigen = can_change_werkagenda(request.user, wa.regio)
    bewerkbaar = mag_wijzigen and not wa.vastgesteld
    onderdelen = selectors.document_view(wa)
    jaren = _jaren(wa)
    for o in onderdelen:
        p = _prefix(o.definitie.sleutel)
        if o.definitie.soort == "aanpak":
            o.doel_form = gebonden.get(
                f"doel:{o.definitie.sleutel}"
            ) or DoelstellingForm(
                prefix=f"doel-{p}",
                jaren=jaren,
                initial={"onderdeel": o.definitie.sleutel},
            )
            o.mijlpaal_form = gebonden.get(
                f"mijlpaal:{o.definitie.sleutel}"
            ) or MijlpaalForm(
                prefix=f"mijlpaal-{p}", initial={"onderdeel": o.definitie.sleutel}
            )
        if o.definitie.heeft_partijen:
            o.partij_form = gebonden.get(f"partij:{o.definitie.sleutel}") or PartijForm(
                prefix=f"partij-{p}", initial={"onderdeel": o.definitie.sleutel}
            )
        o.anker = anker(o.definitie.sleutel)
        for v in o.velden:
            v.anker = anker(v.adres)
            if conflict is not None and conflict.adres == v.adres:
                v.conflict = conflict
    overgangen = [
        (s, WerkagendaStatus(s).label) for s in STATUS_OVERGANGEN.get(wa.status, ())
    ]
    context = {
        "wa": wa,
        "onderdelen": onderdelen,
        "mag_wijzigen": mag_wijzigen,
        "bewerkbaar": bewerkbaar,
        "fouten": fouten or [],
        "conflict": conflict,
        "overgangen": overgangen,
        "overzicht": selectors.regio_overzicht(wa.regio, met_metingen=False),
        "versies": selectors.werkagenda_list(user=request.user, regio=wa.regio),
        "organisaties": Organisatie.objects.order_by("naam").only("pk", "naam"),
        "realisatie_form": DoelRealisatieForm(),
        "status_form": MijlpaalStatusForm(),
        "zelf_gemeten": "",
        "maatstaven": MAATSTAVEN,
    }
    return render(request, "werkagenda/document.html", context, status=status)


@login_required
@require_GET
def document(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid)
    return render_document(request, wa)


def _terug(wa: Werkagenda, anker_id: str) -> HttpResponse:
    return redirect(
        reverse("werkagenda:document", kwargs={"uuid": wa.uuid}) + f"#{anker_id}"
    )


@login_required
@require_POST
def sectie(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid, change=True)
    form = SectieForm(request.POST)
    if not form.is_valid():
        return render_document(
            request,
            wa,
            fouten=[("inhoud", _("Het formulier is onvolledig."))],
            status=400,
        )
    d = form.cleaned_data
    try:
        services.sectie_save(
            user=request.user,
            werkagenda=wa,
            adres=d["adres"],
            tekst=d["tekst"],
            revisie=d["revisie"],
        )
    except services.VerouderdeOpslag as exc:
        return render_document(
            request,
            wa,
            fouten=[(f"veld-{anker(exc.adres)}", exc.melding)],
            conflict=exc,
            status=409,
        )
    except ValidationError as exc:
        return render_document(
            request, wa, fouten=fouten_uit(exc, f"veld-{anker(d['adres'])}"), status=400
        )
    messages.success(request, _("De tekst is opgeslagen."))
    return _terug(wa, f"veld-{anker(d['adres'])}")


@login_required
@require_POST
def voorstel(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid, change=True)
    if request.POST.get("actie") == "vernieuwen":
        try:
            run = services.prefill_refresh(user=request.user, werkagenda=wa)
        except ValidationError as exc:
            return render_document(
                request, wa, fouten=fouten_uit(exc, "inhoud"), status=400
            )
        messages.success(
            request,
            _("De dekkingsanalyse is opnieuw berekend en bewaard als run %(run)s.")
            % {"run": run},
        )
        return _terug(wa, "inhoud")
    form = VoorstelForm(request.POST)
    if not form.is_valid():
        return render_document(
            request,
            wa,
            fouten=[("inhoud", _("Het formulier is onvolledig."))],
            status=400,
        )
    d = form.cleaned_data
    doel = f"veld-{anker(d['adres'])}"
    try:
        if d["actie"] == "afwijzen":
            services.prefill_reject(user=request.user, werkagenda=wa, adres=d["adres"])
            messages.success(request, _("Het voorstel is afgewezen."))
        else:
            services.prefill_accept(
                user=request.user,
                werkagenda=wa,
                adres=d["adres"],
                revisie=d["revisie"] or 0,
                tekst=d["tekst"] if d["actie"] == "bewerken" else None,
            )
            messages.success(request, _("Het voorstel is overgenomen."))
    except services.VerouderdeOpslag as exc:
        return render_document(
            request, wa, fouten=[(doel, exc.melding)], conflict=exc, status=409
        )
    except ValidationError as exc:
        return render_document(request, wa, fouten=fouten_uit(exc, doel), status=400)
    return _terug(wa, doel)


def _rij(
    request: HttpRequest, wa: Any, rijen: Any, uuid: str, melding: str
) -> tuple[Any, HttpResponse | None]:
    """The row of this werkagenda named by `uuid` in the form, or the document
    page again with `melding` when there is none (a foreign or malformed uuid)."""
    try:
        return rijen.get(uuid=uuid), None
    except (rijen.model.DoesNotExist, ValidationError):
        return None, render_document(
            request, wa, fouten=[("inhoud", melding)], status=400
        )


@login_required
@require_POST
def doelstelling(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid, change=True)
    actie = request.POST.get("actie", "opslaan")
    if actie in ("verwijderen", "realisatie"):
        doel, fout = _rij(
            request,
            wa,
            wa.doelstellingen.all(),
            request.POST.get("doelstelling", ""),
            _("Doelstelling niet gevonden."),
        )
        if fout is not None:
            return fout
        ank = f"onderdeel-{anker(doel.onderdeel)}-doelen"
        try:
            if actie == "verwijderen":
                services.doelstelling_delete(user=request.user, doelstelling=doel)
                messages.success(request, _("De doelstelling is verwijderd."))
            else:
                rf = DoelRealisatieForm(request.POST)
                if not rf.is_valid():
                    raise ValidationError(
                        {k: " ".join(map(str, v)) for k, v in rf.errors.items()}
                    )
                services.doel_realisatie_record(
                    user=request.user,
                    doelstelling=doel,
                    jaar=rf.cleaned_data["jaar"],
                    waarde=rf.cleaned_data["waarde"],
                    bron=rf.cleaned_data["bron"],
                )
                messages.success(request, _("De realisatie is vastgelegd."))
        except ValidationError as exc:
            return render_document(request, wa, fouten=fouten_uit(exc, ank), status=400)
        return _terug(wa, ank)
    sleutel = request.POST.get("sleutel", "")
    form = DoelstellingForm(
        request.POST, prefix=f"doel-{_prefix(sleutel)}", jaren=_jaren(wa)
    )
    ank = f"onderdeel-{anker(sleutel)}-doelen"
    if not form.is_valid():
        return render_document(
            request,
            wa,
            fouten=[
                (
                    f"id_{form.prefix}-{k}",
                    f"{form.fields[k].label}: {' '.join(map(str, v))}"
                    if k in form.fields
                    else " ".join(map(str, v)),
                )
                for k, v in form.errors.items()
            ],
            gebonden={f"doel:{sleutel}": form},
            status=400,
        )
    d = form.cleaned_data
    try:
        services.doelstelling_save(
            user=request.user,
            werkagenda=wa,
            onderdeel=sleutel,
            omschrijving=d["omschrijving"],
            maatstaf=d["maatstaf"],
            maatstaf_label=d["maatstaf_label"],
            streefwaarde=d["streefwaarde"],
            eenheid=d["eenheid"],
            uiterlijk=d["uiterlijk"],
            verantwoordelijke=d["verantwoordelijke"],
            ingroeipad=form.ingroeipad(),
        )
    except ValidationError as exc:
        for veld, msgs in getattr(exc, "message_dict", {}).items():
            form.add_error(veld if veld in form.fields else None, msgs)
        return render_document(
            request,
            wa,
            fouten=[
                (f"id_{form.prefix}-{veld}", m)
                for veld, msgs in exc.message_dict.items()
                for m in msgs
            ]
            if hasattr(exc, "error_dict")
            else fouten_uit(exc, ank),
            gebonden={f"doel:{sleutel}": form},
            status=400,
        )
    messages.success(request, _("De doelstelling is opgeslagen."))
    return _terug(wa, ank)


@login_required
@require_POST
def mijlpaal(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid, change=True)
    actie = request.POST.get("actie", "opslaan")
    if actie in ("status", "verwijderen"):
        m, fout = _rij(
            request,
            wa,
            wa.mijlpalen.all(),
            request.POST.get("mijlpaal", ""),
            _("Mijlpaal niet gevonden."),
        )
        if fout is not None:
            return fout
        ank = f"onderdeel-{anker(m.onderdeel)}-mijlpalen"
        try:
            if actie == "verwijderen":
                services.mijlpaal_delete(user=request.user, mijlpaal=m)
                messages.success(request, _("De mijlpaal is verwijderd."))
            else:
                services.mijlpaal_status_set(
                    user=request.user, mijlpaal=m, status=request.POST.get("status", "")
                )
                messages.success(request, _("De status van de mijlpaal is bijgewerkt."))
        except ValidationError as exc:
            return render_document(request, wa, fouten=fouten_uit(exc, ank), status=400)
        return _terug(wa, ank)
    sleutel = request.POST.get("sleutel", "")
    form = MijlpaalForm(request.POST, prefix=f"mijlpaal-{_prefix(sleutel)}")
    ank = f"onderdeel-{anker(sleutel)}-mijlpalen"
    if not form.is_valid():
        return render_document(
            request,
            wa,
            fouten=[
                (f"id_{form.prefix}-{k}", " ".join(map(str, v)))
                for k, v in form.errors.items()
            ],
            gebonden={f"mijlpaal:{sleutel}": form},
            status=400,
        )
    d = form.cleaned_data
    try:
        services.mijlpaal_save(
            user=request.user,
            werkagenda=wa,
            onderdeel=sleutel,
            kwartaal=d["kwartaal"],
            activiteiten=d["activiteiten"],
            verantwoordelijke=d["verantwoordelijke"],
            deelresultaat=d["deelresultaat"],
            status=d["status"],
        )
    except ValidationError as exc:
        for veld, msgs in getattr(exc, "message_dict", {}).items():
            form.add_error(veld if veld in form.fields else None, msgs)
        return render_document(
            request,
            wa,
            fouten=[
                (f"id_{form.prefix}-{veld}", m)
                for veld, msgs in exc.message_dict.items()
                for m in msgs
            ]
            if hasattr(exc, "error_dict")
            else fouten_uit(exc, ank),
            gebonden={f"mijlpaal:{sleutel}": form},
            status=400,
        )
    messages.success(request, _("De mijlpaal is opgeslagen."))
    return _terug(wa, ank)


@login_required
@require_POST
def partij(request: HttpRequest, uuid: Any) -> HttpResponse:
    wa = werkagenda_for(request, uuid, change=True)
    if request.POST.get("actie") == "verwijderen":
        try:
            p = wa.partijen.get(uuid=request.POST.get("partij", ""))
        except (wa.partijen.model.DoesNotExist, ValidationError):
            return render_document(
                request, wa, fouten=[("inhoud", _("Partij niet gevonden."))], status=400
            )
        ank = f"onderdeel-{anker(p.onderdeel)}-partijen"
        try:
            services.partij_delete(user=request.user, partij=p)
        except ValidationError as exc:
            return render_document(request, wa, fouten=fouten_uit(exc, ank), status=400)
        messages.success(request, _("De partij is verwijderd."))
        return _terug(wa, ank)
    sleutel = request.POST.get("sleutel", "")
    form = PartijForm(request.POST, prefix=f"partij-{_prefix(sleutel)}")
    ank = f"onderdeel-{anker(sleutel)}-partijen"
    if not form.is_valid():
        return render_document(
            request,
            wa,
            fouten=[
                (f"id_{form.prefix}-{k}", " ".join(map(str, v)))
                for k, v in form.errors.items()
            ],
            gebonden={f"partij:{sleutel}": form},
            status=400,
        )
    d = form.cleaned_data
    try:
        services.partij_save(
            user=request.user,
            werkagenda=wa,
            onderdeel=sleutel,
            rol=d["rol"],
            organisatie=d["organisatie"],
            naam=d["naam"],
        )
    except ValidationError as exc:
        return render_document(
            request,
            wa,
            fouten=[
                (f"id_{form.prefix}-{veld}", m)
                for veld, msgs in exc.message_dict.items()
                for m in msgs
            ]
            if hasattr(exc, "error_dict")
            else fouten_uit(exc, ank),
            gebonden={f"partij:{sleutel}": form},
            status=400,
        )
    messages.success(request, _("De partij is toegevoegd."))
    return _terug(wa, ank)
