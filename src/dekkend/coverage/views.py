# SPDX-License-Identifier: EUPL-1.2
"""Coverage pages: all regions side by side, and one region in detail with
its targets, assumptions, actual figures and exports."""

import csv
import io
import json
import re
from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.coverage import presenters, selectors, services
from dekkend.coverage.analysis.aggregate import per_regio
from dekkend.coverage.forms import AdviesForm, AfwijkingForm, RealisatieForm
from dekkend.coverage.permissions import can_change_regio
from dekkend.coverage.tables import gemeente_rows
from dekkend.documents.http import file_response
from dekkend.regions.constants import INDELING_ZORGKANTOOR
from dekkend.regions.models import Gemeente, Indeling, Regio, RegioGemeente
from dekkend.regions.selectors import regio_get
from dekkend.register.constants import LspType
from dekkend.register.maps import steunpunt_punt
from dekkend.register.selectors import steunpunt_queryset


def parse_peildatum(text: str) -> date | None:
    """`DD-MM-JJJJ` (as the page shows it) or `JJJJ-MM-DD` (links, exports).

    >>> parse_peildatum("3-12-2026"), parse_peildatum("2026-12-03")
    (datetime.date(2026, 12, 3), datetime.date(2026, 12, 3))
    >>> parse_peildatum("12/03/2026") is None
    True
    """
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
    try:
        if match:
            dag, maand, jaar = (int(g) for g in match.groups())
            return date(jaar, maand, dag)
        return date.fromisoformat(text)
    except ValueError:
        return None


def peildatum_from(request: HttpRequest) -> date:
    """The reference date of `?peildatum=`; today when absent or invalid."""
    return parse_peildatum(request.GET.get("peildatum", "")) or timezone.localdate()


def _indeling(naam: str) -> Indeling:
    try:
        return Indeling.objects.get(naam=naam)
    except Indeling.DoesNotExist:
        raise Http404(_("Indeling niet gevonden.")) from None


def overzicht(request: HttpRequest) -> HttpResponse:
    indeling = _indeling(request.GET.get("indeling") or INDELING_ZORGKANTOOR)
    _inp, result = services.analysis_compute(
        indeling=indeling, regio=None, peildatum=peildatum_from(request)
    )
    membership = dict(
        RegioGemeente.objects.filter(indeling=indeling).values_list(
            "gemeente__code", "regio__naam"
        )
    )
    results = list(result.gemeenten)
    totals = per_regio(results, membership)
    codes = dict(Regio.objects.filter(indeling=indeling).values_list("naam", "code"))
    context = {
        "indeling": indeling,
        "indelingen": Indeling.objects.order_by("titel"),
        "result": result,
        "uitleg": presenters.maat_uitleg(selectors.parameters_for(None)),
        "totals": [
            (
                t,
                presenters.regio_href(indeling.naam, codes[t.regio]),
                presenters.pct(t.aandeel_inwoners_binnen_km.get("10")),
                presenters.pct(t.capaciteit_dekking),
            )
            for t in totals
        ],
        "balken": presenters.regio_balken(totals, codes, indeling.naam, "10"),
        "kaart": presenters.gemeente_map(
            [{"gemeentecode": r.code, "heeft_lsp": r.heeft_lsp} for r in results], []
        ),
        "aandeel_10": presenters.pct(result.aandeel_inwoners_binnen_km.get("10")),
    }
    return render(request, "coverage/overzicht.html", context)


def _regio(indeling: str, code: str) -> Regio:
    try:
        return regio_get(indeling=indeling, code=code)
    except Regio.DoesNotExist:
        raise Http404(_("Regio niet gevonden.")) from None


def regio(request: HttpRequest, indeling: str, code: str) -> HttpResponse:
    obj = _regio(indeling, code)
    peildatum = peildatum_from(request)
    mag_wijzigen = can_change_regio(request.user, obj)
    afwijking_form, realisatie_form = AfwijkingForm(), RealisatieForm()
    if request.method == "POST":
        if not mag_wijzigen:
            raise PermissionDenied(_("U mag de gegevens van deze regio niet wijzigen."))
        response, afwijking_form, realisatie_form = _handle_post(request, obj)
        if response is not None:
            return response
    data, _run = services.analysis_run(
        indeling=obj.indeling, regio=obj, peildatum=peildatum, store=False
    )
    steunpunten = steunpunt_queryset(peildatum=peildatum).filter(
        aanbod__locatie__gemeente__regiogemeente__regio=obj
    )
    gemeenten = data["gemeenten"]
    context = {
        "regio": obj,
        "data": data,
        "peildatum": peildatum,
        "uitleg": presenters.maat_uitleg(selectors.parameters_for(obj)),
        "gemeenten": [
            (
                g,
                presenters.pct(g["aandeel_inwoners_binnen_km"].get("10")),
                presenters.pct(g["capaciteit_dekking"]),
                presenters.KORT_TYPE.get(g["geadviseerd_type"], g["geadviseerd_type"]),
            )
            for g in gemeenten
        ],
        "aandeel": {
            k: presenters.pct(v) for k, v in data["aandeel_inwoners_binnen_km"].items()
        },
        "capaciteit_dekking": presenters.pct(
            data["capaciteit_personen"] / data["behoefte_personen"]
            if data["behoefte_personen"]
            else None
        ),
        "balken": presenters.balken(
            (
                g["gemeentenaam"],
                g["aandeel_inwoners_binnen_km"].get("10", 0.0),
                presenters.pct(g["aandeel_inwoners_binnen_km"].get("10")),
                "",
            )
            for g in gemeenten
        ),
        "kaart": presenters.gemeente_map(
            gemeenten, [steunpunt_punt(s) for s in steunpunten], naam=obj.naam
        ),
        "streefwaarden": presenters.streefwaarde_rijen(
            data["streefwaarden"], selectors.realisaties_for(obj)
        ),
        "parameters": presenters.parameters_met_datum(data["parameters"]),
        "historie": selectors.afwijking_history(obj)[:20],
        "runs": selectors.analysis_runs(obj),
        "mag_wijzigen": mag_wijzigen,
        "afwijking_form": afwijking_form,
        "realisatie_form": realisatie_form,
        **_advice_context(request, obj),
    }
    status = 400 if (afwijking_form.errors or realisatie_form.errors) else 200
    return render(request, "coverage/regio.html", context, status=status)


def _advice_context(request: HttpRequest, obj: Regio) -> dict[str, Any]:
    """The placement advisor runs on demand (GET ?advies=1&doel=…&km=…)."""
    if "advies" not in request.GET:
        return {"advies_form": AdviesForm()}
    form = AdviesForm(request.GET)
    if not form.is_valid():
        return {"advies_form": form}
    d = form.cleaned_data
    proposal = services.placement_advice(
        regio=obj,
        peildatum=peildatum_from(request),
        doel_aandeel=d["doel"] / 100,
        afstand_km=d["km"],
        capaciteit_aandeel=d["capaciteit"] / 100,
    )
    namen = dict(
        Gemeente.objects.filter(regiogemeente__regio=obj).values_list("code", "naam")
    )
    parameters = selectors.parameters_for(obj)
    return {
        "advies_form": form,
        "advies": proposal,
        "advies_weergave": presenters.advies_weergave(
            proposal,
            namen=namen,
            capaciteit={
                t.value: parameters.get(f"capaciteit_{t.value}", 0.0) for t in LspType
            },
            afstand_km=d["km"],
            doel_aandeel=d["doel"] / 100,
            capaciteit_aandeel=d["capaciteit"] / 100,
        ),
    }


def _handle_post(
    request: HttpRequest, obj: Regio
) -> tuple[HttpResponse | None, AfwijkingForm, RealisatieForm]:
    afwijking_form, realisatie_form = AfwijkingForm(), RealisatieForm()
    actie = request.POST.get("actie")
    try:
        if actie == "afwijking":
            afwijking_form = AfwijkingForm(request.POST)
            if afwijking_form.is_valid():
                d = afwijking_form.cleaned_data
                services.parameter_afwijking_record(
                    user=request.user,
                    regio=obj,
                    sleutel=d["sleutel"],
                    waarde=d["waarde"],
                    reden=d["reden"],
                )
                messages.success(
                    request,
                    _(
                        "Het uitgangspunt is vastgelegd; de analyse is opnieuw berekend."
                    ),
                )
                return (
                    redirect(request.path + "#uitgangspunten"),
                    afwijking_form,
                    realisatie_form,
                )
        elif actie == "realisatie":
            realisatie_form = RealisatieForm(request.POST)
            if realisatie_form.is_valid():
                d = realisatie_form.cleaned_data
                bf, sleutel = d["indicator"].split(":", 1)
                services.realisatie_record(
                    user=request.user,
                    regio=obj,
                    basisfunctionaliteit=bf,
                    sleutel=sleutel,
                    jaar=d["jaar"],
                    waarde=d["waarde"],
                    bron=d["bron"],
                )
                messages.success(request, _("De realisatie is vastgelegd."))
                return (
                    redirect(request.path + "#streefwaarden"),
                    afwijking_form,
                    realisatie_form,
                )
        elif actie == "opslaan":
            _data, run = services.analysis_run(
                indeling=obj.indeling,
                regio=obj,
                peildatum=timezone.localdate(),
                user=request.user,
            )
            assert run is not None
            messages.success(
                request, _("De analyse is bewaard als run %(run)s.") % {"run": run.pk}
            )
            return redirect(request.path + "#runs"), afwijking_form, realisatie_form
    except ValidationError as exc:
        form = afwijking_form if actie == "afwijking" else realisatie_form
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    return None, afwijking_form, realisatie_form


_UNSAFE_IN_FILENAME = re.compile(r"[^\w.-]+")


def export(
    request: HttpRequest, indeling: str, code: str, formaat: str
) -> HttpResponse:
    obj = _regio(indeling, code)
    data, _run = services.analysis_run(
        indeling=obj.indeling, regio=obj, peildatum=peildatum_from(request), store=False
    )
    code = _UNSAFE_IN_FILENAME.sub("-", obj.code)
    filename = f"dekking-{obj.indeling.naam}-{code}-{data['peildatum']}"
    data_bytes: bytes
    if formaat == "json":
        data_bytes = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    elif formaat == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerows(gemeente_rows(data))
        data_bytes = buffer.getvalue().encode("utf-8")
    elif formaat == "xlsx":
        from dekkend.coverage.xlsx import workbook_bytes

        data_bytes = workbook_bytes(data)
    else:
        raise Http404(_("Onbekend formaat."))
    return file_response(data_bytes, filename=f"{filename}.{formaat}")
