# SPDX-License-Identifier: EUPL-1.2
"""The landelijk pages: rounds, base list and review, CSV import,
invitations (the only pages with respondents' names and e-mail addresses),
location proposals, closing a round and downloading the report.

Thin views: forms read input, services decide and write, selectors read.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dekkend.accounts.decorators import two_factor_step_up
from dekkend.audit.services import record_many
from dekkend.lspmonitor import selectors, services
from dekkend.lspmonitor.constants import (
    REDENEN,
    BeoordelaarRol,
    Besluit,
    KandidaatBron,
    RondeStatus,
    VoorstelStatus,
)
from dekkend.lspmonitor.forms import (
    BeoordelingForm,
    CsvForm,
    KandidaatForm,
    RondeForm,
    UitnodigingForm,
)
from dekkend.lspmonitor.models import Beoordeling, LocatieVoorstel, Uitnodiging
from dekkend.lspmonitor.views._common import landelijk_required, melding_fout, ronde_of
from dekkend.regions.models import Indeling, Regio
from dekkend.register import afwegingskader
from dekkend.register.constants import LspType
from dekkend.register.models import Organisatie


@landelijk_required
def ronde_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "lspmonitor/rondes.html", {"rondes": list(selectors.ronde_list())}
    )


@landelijk_required
def ronde_create(request: HttpRequest) -> HttpResponse:
    form = RondeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ronde = services.ronde_create(
                user=request.user,
                jaar=data["jaar"],
                open_op=data["open_op"],
                sluit_op=data["sluit_op"],
                peildatum=data["peildatum"],
                uitnodigingstekst=data["uitnodigingstekst"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request, _("Ronde %(jaar)s is aangemaakt.") % {"jaar": ronde.jaar}
            )
            return redirect("lspmonitor:ronde", jaar=ronde.jaar)
    return render(request, "lspmonitor/ronde_nieuw.html", {"form": form})


@landelijk_required
def ronde_detail(request: HttpRequest, jaar: int) -> HttpResponse:
    ronde = ronde_of(jaar)
    besluiten = {b: ronde.kandidaten.filter(besluit=b).count() for b in Besluit.values}
    return render(
        request,
        "lspmonitor/ronde.html",
        {
            "ronde": ronde,
            "respons": selectors.respons_per_regio(ronde=ronde),
            "besluiten": besluiten,
            "uitnodigingen": ronde.uitnodigingen.count(),
            "open_voorstellen": selectors.voorstel_list(
                ronde=ronde, status=VoorstelStatus.OPEN
            ).count(),
            "kan_wijzigen": ronde.status
            in (RondeStatus.VOORBEREIDING, RondeStatus.OPEN),
        },
    )


ACTIES = {
    "openen": lambda user, ronde: (
        services.ronde_open(user=user, ronde=ronde) and _("De ronde is open.")
    ),
    "sluiten": lambda user, ronde: (
        services.ronde_close(user=user, ronde=ronde)
        and _("De ronde is gesloten; de links werken niet meer.")
    ),
    "publiceren": lambda user, ronde: (
        services.ronde_publish(user=user, ronde=ronde)
        and _("De ronde is gepubliceerd.")
    ),
    "basislijst": lambda user, ronde: (
        _("%(n)s locaties uit het register toegevoegd.")
        % {"n": services.basislijst_build(user=user, ronde=ronde)}
    ),
    "uitnodigen": lambda user, ronde: (
        _("%(n)s uitnodigingen aangemaakt.")
        % {"n": services.uitnodigingen_create_bulk(user=user, ronde=ronde)}
    ),
    "versturen": lambda user, ronde: (
        _("%(n)s uitnodigingen verstuurd.")
        % {"n": services.uitnodigingen_send(user=user, ronde=ronde)}
    ),
    "herinneren": lambda user, ronde: (
        _("%(n)s herinneringen verstuurd.")
        % {"n": services.uitnodigingen_remind(user=user, ronde=ronde)}
    ),
}


@landelijk_required
@require_POST
def ronde_status(request: HttpRequest, jaar: int) -> HttpResponse:
    ronde = ronde_of(jaar)
    actie = ACTIES.get(request.POST.get("actie", ""))
    if actie is None:
        messages.error(request, _("Onbekende actie."))
    else:
        try:
            messages.success(request, str(actie(request.user, ronde)))
        except ValidationError as exc:
            melding_fout(request, exc)
    return redirect(request.POST.get("terug") or f"/monitor/lsp/{jaar}/")


def _filters(request: HttpRequest) -> selectors.KandidaatFilter:
    g = request.GET
    return selectors.KandidaatFilter(
        regio=g.get("regio") or None,
        besluit=g.get("besluit") if g.get("besluit") in Besluit.values else None,
        bron=g.get("bron") if g.get("bron") in KandidaatBron.values else None,
        lsp_type=g.get("type") if g.get("type") in LspType.values else None,
        zoekterm=(g.get("q") or "").strip() or None,
        afwijkend=g.get("afwijkend") == "1",
    )


@landelijk_required
def basislijst(request: HttpRequest, jaar: int) -> HttpResponse:
    ronde = ronde_of(jaar)
    form = KandidaatForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            kandidaat = services.kandidaat_add(
                user=request.user,
                ronde=ronde,
                gegevens=services.KandidaatGegevens(
                    naam=d["naam"],
                    gemeente=d["gemeente"],
                    organisatie=d["organisatie"],
                    adres=d["adres"],
                    website=d["website"],
                ),
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request,
                _("Kandidaat toegevoegd; beoordeel hem met het afwegingskader."),
            )
            return redirect("lspmonitor:kandidaat", jaar=jaar, uuid=kandidaat.uuid)
    filters = _filters(request)
    grootte = selectors.grootte_per_organisatie(ronde=ronde)
    rows = []
    for k in selectors.kandidaat_list(ronde=ronde, filters=filters):
        org_id = k.steunpunt.aanbod.organisatie_id if k.steunpunt else None
        vergelijking = grootte.get(org_id) if org_id else None
        afwijkend = bool(vergelijking and vergelijking.afwijkend)
        if filters.afwijkend and not afwijkend:
            continue
        beoordelingen = list(k.beoordelingen.all())
        rows.append(
            {
                "k": k,
                "eigen": vergelijking.eigen if vergelijking else None,
                "afwijkend": afwijkend,
                "verschil": services.beoordeling_verschillen(beoordelingen),
                "beoordelingen": len(beoordelingen),
                "reden": REDENEN.get(k.reden, k.reden),
            }
        )
    return render(
        request,
        "lspmonitor/basislijst.html",
        {
            "ronde": ronde,
            "rows": rows,
            "form": form,
            "filters": filters,
            "regios": Regio.objects.filter(indeling_id=ronde.indeling_id).defer(
                "geometrie"
            ),
            "besluiten": Besluit.choices,
            "bronnen": KandidaatBron.choices,
            "types": LspType.choices,
        },
    )


@landelijk_required
def kandidaten_import(request: HttpRequest, jaar: int) -> HttpResponse:
    ronde = ronde_of(jaar)
    form = CsvForm(request.POST or None, request.FILES or None)
    fouten: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            created = services.kandidaten_import_csv(
                user=request.user,
                ronde=ronde,
                inhoud=form.cleaned_data["bestand"].read(),
                bron_naam=form.cleaned_data["bron"],
            )
        except ValidationError as exc:
            fouten = exc.messages
        else:
            messages.success(
                request, _("%(n)s kandidaten geïmporteerd.") % {"n": len(created)}
            )
            return redirect(f"/monitor/lsp/{jaar}/basislijst/?bron=csv")
    status = 400 if fouten else 200
    return render(
        request,
        "lspmonitor/kandidaten_import.html",
        {"ronde": ronde, "form": form, "fouten": fouten},
        status=status,
    )


def _initial(beoordeling: Beoordeling | None) -> dict[str, Any]:
    if beoordeling is None:
        return {}
    out: dict[str, Any] = {"toelichting": beoordeling.toelichting}
    for f in afwegingskader.QUESTION_FIELDS:
        value = getattr(beoordeling, f)
        out[f] = "" if value is None else ("ja" if value else "nee")
        out[f"{f}_basis"] = beoordeling.basis.get(f, "")
        out[f"{f}_toelichting"] = beoordeling.toelichtingen.get(f, "")
    return out


@landelijk_required
def kandidaat_detail(request: HttpRequest, jaar: int, uuid: UUID) -> HttpResponse:
    ronde = ronde_of(jaar)
    try:
        kandidaat = selectors.kandidaat_get(ronde=ronde, uuid=uuid)
    except Exception:
        raise Http404 from None
    bestaand = {b.rol: b for b in kandidaat.beoordelingen.all()}
    forms_ = {
        rol: BeoordelingForm(prefix=rol, initial=_initial(bestaand.get(rol)))
        for rol in BeoordelaarRol.values
    }
    status = 200
    if request.method == "POST":
        if request.POST.get("actie") in ("gestopt", "niet_gestopt"):
            try:
                services.kandidaat_mark_gestopt(
                    user=request.user,
                    kandidaat=kandidaat,
                    gestopt=request.POST["actie"] == "gestopt",
                )
            except ValidationError as exc:
                melding_fout(request, exc)
            return redirect("lspmonitor:kandidaat", jaar=jaar, uuid=uuid)
        rol = request.POST.get("rol", "")
        if rol in forms_:
            form = BeoordelingForm(request.POST, prefix=rol)
            forms_[rol] = form
            if form.is_valid():
                antwoorden, basis, notes = form.values()
                try:
                    services.beoordeling_record(
                        user=request.user,
                        kandidaat=kandidaat,
                        rol=rol,
                        antwoorden=antwoorden,
                        basis=basis,
                        toelichtingen=notes,
                        toelichting=form.cleaned_data["toelichting"],
                    )
                except ValidationError as exc:
                    for field, errors in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                    status = 400
                else:
                    messages.success(request, _("Beoordeling opgeslagen."))
                    return redirect("lspmonitor:kandidaat", jaar=jaar, uuid=uuid)
            else:
                status = 400
    beoordelingen = list(kandidaat.beoordelingen.all())
    verschil = services.beoordeling_verschillen(beoordelingen)
    vragen = [
        {
            "veld": f,
            "vraag": q,
            "per_rol": {b.rol: getattr(b, f) for b in beoordelingen},
            "verschil": f in verschil,
        }
        for f, q in afwegingskader.QUESTIONS
    ]
    return render(
        request,
        "lspmonitor/kandidaat.html",
        {
            "ronde": ronde,
            "k": kandidaat,
            "forms": [
                (rol, label, forms_[rol]) for rol, label in BeoordelaarRol.choices
            ],
            "vragen": vragen,
            "verschil": verschil,
            "reden": REDENEN.get(kandidaat.reden, kandidaat.reden),
            "kan_wijzigen": ronde.status
            in (RondeStatus.VOORBEREIDING, RondeStatus.OPEN),
        },
        status=status,
    )


@landelijk_required
@two_factor_step_up  # respondents' names and e-mail addresses
def uitnodigingen(request: HttpRequest, jaar: int) -> HttpResponse:
    ronde = ronde_of(jaar)
    form = UitnodigingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        regio = (
            Regio.objects.filter(indeling_id=ronde.indeling_id, code=d["regio"]).first()
            if d["regio"]
            else None
        )
        organisatie = (
            Organisatie.objects.filter(naam__iexact=d["organisatie"].strip()).first()
            if d["organisatie"]
            else None
        )
        if d["regio"] and regio is None:
            form.add_error("regio", _("Onbekende regio in de indeling van deze ronde."))
        elif d["organisatie"] and organisatie is None:
            form.add_error("organisatie", _("Onbekende organisatie."))
        else:
            try:
                services.uitnodiging_create(
                    user=request.user,
                    ronde=ronde,
                    gegevens=services.UitnodigingGegevens(
                        rol=d["rol"],
                        naam=d["naam"],
                        email=d["email"],
                        regio=regio,
                        organisatie=organisatie,
                    ),
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("Uitnodiging aangemaakt."))
                return redirect("lspmonitor:uitnodigingen", jaar=jaar)
    lijst = list(selectors.uitnodiging_list(ronde=ronde))
    # The only page that shows respondents' names and addresses: audited.
    record_many("uitnodiging.viewed", request.user, list(lijst))
    return render(
        request,
        "lspmonitor/uitnodigingen.html",
        {
            "ronde": ronde,
            "form": form,
            "rows": [
                {"u": u, "status": selectors.uitnodiging_status(u)} for u in lijst
            ],
        },
    )


@landelijk_required
@require_POST
def uitnodiging_revoke(request: HttpRequest, jaar: int, uuid: UUID) -> HttpResponse:
    ronde = ronde_of(jaar)
    uitnodiging = Uitnodiging.objects.filter(ronde=ronde, uuid=uuid).first()
    if uitnodiging is None:
        raise Http404
    services.uitnodiging_revoke(user=request.user, uitnodiging=uitnodiging)
    messages.success(request, _("De link is ingetrokken."))
    return redirect("lspmonitor:uitnodigingen", jaar=jaar)


@landelijk_required
def voorstellen(request: HttpRequest, jaar: int) -> HttpResponse:
    ronde = ronde_of(jaar)
    status = request.GET.get("status", VoorstelStatus.OPEN)
    lijst = selectors.voorstel_list(
        ronde=ronde, status=status if status in VoorstelStatus.values else None
    )
    return render(
        request,
        "lspmonitor/voorstellen.html",
        {
            "ronde": ronde,
            "voorstellen": lijst,
            "status": status,
            "statussen": VoorstelStatus.choices,
        },
    )


@landelijk_required
@require_POST
def voorstel_besluit(request: HttpRequest, jaar: int, uuid: UUID) -> HttpResponse:
    ronde = ronde_of(jaar)
    voorstel = LocatieVoorstel.objects.filter(respons__ronde=ronde, uuid=uuid).first()
    if voorstel is None:
        raise Http404
    try:
        if request.POST.get("actie") == "accepteren":
            services.voorstel_accept(user=request.user, voorstel=voorstel)
            messages.success(request, _("Het register is bijgewerkt."))
        else:
            services.voorstel_reject(
                user=request.user,
                voorstel=voorstel,
                reden=request.POST.get("reden", ""),
            )
            messages.success(request, _("Het voorstel is afgewezen."))
    except ValidationError as exc:
        melding_fout(request, exc)
    return redirect("lspmonitor:voorstellen", jaar=jaar)


FORMATEN = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html",
}


@landelijk_required
def rapport(request: HttpRequest, jaar: int, formaat: str) -> HttpResponse:
    from dekkend.documents.http import file_response
    from dekkend.lspmonitor.report.document import rapport_document, rapport_xlsx
    from dekkend.lspmonitor.report.inputs import rapport_invoer

    ronde = ronde_of(jaar)
    if formaat not in FORMATEN:
        raise Http404
    indeling = request.GET.get("indeling") or None
    if indeling is not None and not Indeling.objects.filter(naam=indeling).exists():
        # An unknown division in the query string is a missing page, not an error.
        raise Http404
    invoer = rapport_invoer(ronde=ronde, indeling=indeling)
    if formaat == "xlsx":
        data = rapport_xlsx(invoer)
    elif formaat == "docx":
        from dekkend.documents.docx import render_docx

        data = render_docx(rapport_document(invoer))
    elif formaat == "pdf":
        from dekkend.documents.pdf import render_pdf

        data = render_pdf(rapport_document(invoer))
    else:
        from dekkend.documents.pdf import render_html

        response = HttpResponse(render_html(rapport_document(invoer)))
        response["Content-Type"] = "text/html; charset=utf-8"
        return response
    return file_response(data, filename=f"lsp-monitor-{jaar}.{formaat}")
