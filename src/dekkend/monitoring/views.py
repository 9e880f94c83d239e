# SPDX-License-Identifier: EUPL-1.2
"""The referral indicator page (/monitor/verwijzen/) and its Excel export.

Thin views: the choice of division, region and year comes from the query
string, `permissions.can_view_indicatoren` decides, the selector computes and
the presenter formats. Only suppressed aggregates are shown; no referral and
no person appears here, so nothing is audited.
"""

import re
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.documents.http import file_response
from dekkend.monitoring import presenters, selectors
from dekkend.monitoring.permissions import (
    VIEW_LANDELIJK,
    can_view_any_indicatoren,
    can_view_indicatoren,
    regios_with_indicatoren,
)
from dekkend.regions.models import Indeling, Regio


@dataclass(frozen=True)
class Keuze:
    indeling: Indeling | None  # None: nothing the user may see
    regio: Regio | None  # None: the national view
    jaar: int


def _jaar(value: str | None) -> int:
    this_year = timezone.localdate().year
    try:
        jaar = int(value or "")
    except ValueError:
        return selectors.standaard_jaar()
    return (
        jaar
        if selectors.EERSTE_JAAR <= jaar <= this_year
        else selectors.standaard_jaar()
    )


def _keuze(request: HttpRequest) -> Keuze:
    """What to show: the query string, else the user's own region, else the
    national view for the national monitor. Raises Http404 for an unknown
    division and PermissionDenied for a region the user may not see."""
    user = request.user
    jaar = _jaar(request.GET.get("jaar"))
    landelijk = user.has_perm(VIEW_LANDELIJK)
    naam = request.GET.get("indeling")
    if not naam:
        regio = selectors.standaard_regio(user=user)
        if regio is not None:
            return Keuze(regio.indeling, regio, jaar)
        return Keuze(selectors.standaard_indeling() if landelijk else None, None, jaar)
    indeling = Indeling.objects.filter(naam=naam).first()
    if indeling is None:
        raise Http404(_("Indeling niet gevonden."))
    code = request.GET.get("regio", "")
    # A region code of another division (the form keeps the old region when
    # only the division is changed) counts as no choice.
    regio = Regio.objects.filter(indeling=indeling, code=code).first() if code else None
    if regio is None and not landelijk:
        # Someone without the national view who switched division: their
        # first region in it, if any.
        regio = regios_with_indicatoren(user, indeling).first()
        if regio is None:
            return Keuze(None, None, jaar)
    if not can_view_indicatoren(user, regio):
        raise PermissionDenied(
            _("U mag de verwijsindicatoren van deze regio niet zien.")
        )
    return Keuze(indeling, regio, jaar)


def _check(request: HttpRequest) -> None:
    if not can_view_any_indicatoren(request.user):
        raise PermissionDenied(_("U mag de verwijsindicatoren niet zien."))


@login_required
def verwijzen(request: HttpRequest) -> HttpResponse:
    _check(request)
    keuze = _keuze(request)
    context: dict[str, Any] = {
        "keuze": keuze,
        "indelingen": Indeling.objects.order_by("titel"),
        "jaren": selectors.beschikbare_jaren(),
        "landelijk_toegestaan": request.user.has_perm(VIEW_LANDELIJK),
    }
    if keuze.indeling is None:
        return render(request, "monitoring/verwijzen.html", context)
    result = selectors.referral_indicators(
        indeling=keuze.indeling, regio=keuze.regio, jaar=keuze.jaar
    )
    context["regios"] = regios_with_indicatoren(request.user, keuze.indeling)
    context.update(presenters.page(result))
    return render(request, "monitoring/verwijzen.html", context)


_UNSAFE_IN_FILENAME = re.compile(r"[^\w.-]+")


@login_required
def export(request: HttpRequest) -> HttpResponse:
    _check(request)
    keuze = _keuze(request)
    if keuze.indeling is None:
        raise Http404(_("Er is geen regio om te exporteren."))
    result = selectors.referral_indicators(
        indeling=keuze.indeling, regio=keuze.regio, jaar=keuze.jaar
    )
    from dekkend.monitoring.xlsx import workbook_bytes

    gebied = "landelijk" if keuze.regio is None else keuze.regio.code
    naam = _UNSAFE_IN_FILENAME.sub("-", f"{keuze.indeling.naam}-{gebied}")
    return file_response(
        workbook_bytes(result),
        filename=f"verwijsindicatoren-{naam}-{keuze.jaar}.xlsx",
    )
