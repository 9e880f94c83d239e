# SPDX-License-Identifier: EUPL-1.2
"""A region's own results per round, and an LSP's own answers and
self-assessment over the years. No respondent names appear here."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dekkend.lspmonitor import selectors
from dekkend.lspmonitor.constants import MIN_RESPONDENTEN
from dekkend.lspmonitor.permissions import (
    can_view_eigen_antwoorden,
    can_view_regio_resultaten,
)
from dekkend.register.models import KenmerkZelfbeoordeling


@login_required
def regio_resultaten(request: HttpRequest) -> HttpResponse:
    if not can_view_regio_resultaten(request.user):
        raise PermissionDenied
    rondes = [
        {"ronde": r, "regios": selectors.regio_resultaten(user=request.user, ronde=r)}
        for r in selectors.ronde_list()
    ]
    return render(
        request,
        "lspmonitor/regio.html",
        {"rondes": rondes, "drempel": MIN_RESPONDENTEN},
    )


@login_required
def eigen_antwoorden(request: HttpRequest) -> HttpResponse:
    if not can_view_eigen_antwoorden(request.user):
        raise PermissionDenied
    responsen = []
    for respons in selectors.eigen_responsen(user=request.user):
        from dekkend.lspmonitor.services.respons import vragenlijst_of

        vl = vragenlijst_of(respons)
        responsen.append(
            {
                "respons": respons,
                "antwoorden": [
                    {"vraag": v, "antwoord": respons.antwoorden[v.sleutel]}
                    for v in vl.vragen
                    if v.sleutel in respons.antwoorden
                ],
            }
        )
    steunpunten = list(selectors.eigen_steunpunten(user=request.user))
    kenmerken = (
        KenmerkZelfbeoordeling.objects.filter(steunpunt__in=steunpunten)
        .select_related("steunpunt__aanbod")
        .order_by("steunpunt__aanbod__naam", "kenmerk")
    )
    return render(
        request,
        "lspmonitor/mijn.html",
        {"responsen": responsen, "kenmerken": kenmerken},
    )
