# SPDX-License-Identifier: EUPL-1.2
"""The questionnaire behind a personal link: no account, the token gives
access to its one response and nothing else.

Pages: the general part (region, role) first, then the part the role routes
to. Each page saves; the last one submits. Unknown links get 404, revoked or
expired ones 410, both with a Dutch page; requests are limited per address.
Responses are never cached and the URL never leaves as a referrer to
another site.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from dekkend.lspmonitor import selectors, services
from dekkend.lspmonitor.models import Respons
from dekkend.lspmonitor.ratelimit import over_limit
from dekkend.lspmonitor.services.respons import (
    ResponsFout,
    regio_codes,
    vragenlijst_of,
)
from dekkend.regions.models import Regio
from dekkend.register.models import Steunpunt

DEEL_ALGEMEEN = "algemeen"

REDENEN = {
    "onbekend": _(
        "Deze link is onbekend. Controleer of u de hele link uit de e-mail heeft gebruikt."
    ),
    "ingetrokken": _(
        "Deze link is ingetrokken. Neem contact op met het ondersteuningsteam voor een nieuwe link."
    ),
    "verlopen": _("Deze link is verlopen: de vragenlijst is gesloten."),
    "nog_niet_open": _("De vragenlijst is nog niet open."),
}


# The token is in the URL, so no other site may ever see it as a referrer.
# `same-origin` rather than `no-referrer`: with `no-referrer` browsers send
# "Origin: null" with the page's own form posts, which Django's CSRF check
# (kept on these pages) rightly refuses.
REFERRER_POLICY = "same-origin"


def _secure(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = REFERRER_POLICY
    return response


def _fout(request: HttpRequest, reden: str, status: int) -> HttpResponse:
    return _secure(
        render(
            request,
            "lspmonitor/vragenlijst_fout.html",
            {"melding": REDENEN.get(reden, reden)},
            status=status,
        )
    )


def _regio(respons: Respons) -> Regio | None:
    answer = respons.antwoorden.get("regio")
    code = answer.get("regio") if isinstance(answer, dict) else None
    if code:
        found = Regio.objects.filter(
            indeling_id=respons.ronde.indeling_id, code=code
        ).first()
        if found:
            return found
    return respons.uitnodiging.regio


def _locaties(respons: Respons) -> dict[str, dict[str, Any]]:
    """The organisation's own locations with their register data, keyed by
    the location's uuid (the shape `antwoorden_uit_formulier` expects)."""
    if respons.organisatie_id is None:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for sp in (
        Steunpunt.objects.filter(aanbod__organisatie_id=respons.organisatie_id)
        .select_related("aanbod__locatie__gemeente")
        .prefetch_related("aanbod__dagdelen")
        .order_by("aanbod__naam")
    ):
        loc = sp.aanbod.locatie
        if loc is None:
            continue
        out[str(loc.uuid)] = {
            "naam": sp.aanbod.naam,
            "gemeente": loc.gemeente.naam,
            "straat": loc.straat,
            "huisnummer": loc.huisnummer,
            "postcode": loc.postcode,
            "plaats": loc.plaats,
            "telefoon": sp.aanbod.telefoon,
            "email": sp.aanbod.email,
            "website": sp.aanbod.website,
            "dagdelen": [f"{d.weekdag}:{d.dagdeel}" for d in sp.aanbod.dagdelen.all()],
            "elementen": sp.elementen,
            "lsp_type": sp.get_lsp_type_display(),
        }
    return out


def _pagina_deel(
    vl: Any, antwoorden: dict[str, Any], gevraagd: str | None
) -> tuple[str, list[str]]:
    from dekkend.lspmonitor.questionnaire.engine import gekozen_deel

    delen = [DEEL_ALGEMEEN]
    deel = gekozen_deel(vl, antwoorden)
    if deel:
        delen.append(deel)
    return (gevraagd if gevraagd in delen else delen[0]), delen


def _context(
    request: HttpRequest,
    respons: Respons,
    deel: str,
    delen: list[str],
    antwoorden: dict[str, Any],
    fouten: dict[str, str],
) -> dict[str, Any]:
    from dekkend.lspmonitor.questionnaire.engine import zichtbare_vragen
    from dekkend.lspmonitor.questionnaire.weergave import formulier

    vl = vragenlijst_of(respons)
    vragen = [v for v in zichtbare_vragen(vl, antwoorden) if v.deel == deel]
    regio = _regio(respons)
    regios = list(
        Regio.objects.filter(indeling_id=respons.ronde.indeling_id)
        .defer("geometrie")
        .order_by("naam")
    )
    lijst = [
        {"naam": k.naam, "gemeente": k.gemeente.naam, "type": k.get_lsp_type_display()}
        for k in selectors.regio_lijst(ronde=respons.ronde, regio=regio)
    ]
    velden = formulier(
        vl,
        vragen=vragen,
        antwoorden=antwoorden,
        fouten=fouten,
        ingevuld=request.POST if fouten else None,
        regio_opties=[(r.code, r.naam) for r in regios],
        steunpunten=lijst,
        locaties=_locaties(respons),
    )
    samenvatting = []
    for sleutel, melding in fouten.items():
        vraag = vl.vraag(sleutel) if vl.heeft(sleutel) else None
        samenvatting.append(
            {
                "id": f"{vraag.html_id}-vraag" if vraag else "",
                "melding": melding,
                "elders": vraag is not None and vraag.deel != deel,
            }
        )
    return {
        "vl": vl,
        "ronde": respons.ronde,
        "respons": respons,
        "deel": deel,
        "delen": delen,
        "laatste": deel == delen[-1] and len(delen) > 1,
        "velden": velden,
        "fouten": samenvatting,
        "regio": regio,
    }


@never_cache
def vragenlijst(request: HttpRequest, token: str) -> HttpResponse:
    if over_limit(request, scope="vragenlijst"):
        return _fout(
            request,
            _(
                "Te veel verzoeken vanaf dit adres. Probeer het over een minuut opnieuw."
            ),
            429,
        )
    try:
        uitnodiging = services.uitnodiging_by_token(token=token)
    except services.TokenOngeldig as exc:
        return _fout(request, exc.reden, exc.status)
    services.uitnodiging_mark_opened(uitnodiging=uitnodiging)
    respons = services.respons_get_or_start(uitnodiging=uitnodiging)
    if respons.status == "ingediend":
        return _secure(
            render(
                request,
                "lspmonitor/vragenlijst_ingediend.html",
                {"respons": respons, "ronde": respons.ronde},
            )
        )
    vl = vragenlijst_of(respons)
    antwoorden = dict(respons.antwoorden)
    deel, delen = _pagina_deel(
        vl, antwoorden, request.GET.get("deel") or request.POST.get("deel")
    )
    fouten: dict[str, str] = {}
    opgeslagen = False
    if request.method == "POST":
        from dekkend.lspmonitor.questionnaire.engine import (
            antwoorden_samenvoegen,
            antwoorden_uit_formulier,
            zichtbare_vragen,
        )

        vragen = [v for v in zichtbare_vragen(vl, antwoorden) if v.deel == deel]
        nieuw, fouten = antwoorden_uit_formulier(
            vl,
            {k: request.POST.getlist(k) for k in request.POST},
            vragen=vragen,
            regio_codes=regio_codes(respons),
            locaties=_locaties(respons),
        )
        antwoorden = antwoorden_samenvoegen(antwoorden, nieuw, vragen, fouten)
        if not fouten:
            try:
                respons = services.respons_save(
                    uitnodiging=uitnodiging, antwoorden=nieuw, vragen=vragen
                )
            except ResponsFout as exc:
                fouten = exc.fouten
            except ValidationError as exc:
                return _fout(request, " ".join(exc.messages), 410)
        if not fouten:
            actie = request.POST.get("actie", "opslaan")
            deel, delen = _pagina_deel(vl, respons.antwoorden, deel)
            if actie == "indienen":
                try:
                    services.respons_submit(uitnodiging=uitnodiging)
                except ResponsFout as exc:
                    fouten = exc.fouten
                else:
                    return redirect("lspmonitor:vragenlijst", token=token)
            elif actie == "volgende" and delen.index(deel) + 1 < len(delen):
                return redirect(f"{request.path}?deel={delen[delen.index(deel) + 1]}")
            elif actie == "vorige":
                return redirect(f"{request.path}?deel={DEEL_ALGEMEEN}")
            else:
                opgeslagen = True
    context = _context(request, respons, deel, delen, antwoorden, fouten)
    context["opgeslagen"] = opgeslagen
    status = 400 if fouten else 200
    return _secure(
        render(request, "lspmonitor/vragenlijst.html", context, status=status)
    )
