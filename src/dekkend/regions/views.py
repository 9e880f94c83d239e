# SPDX-License-Identifier: EUPL-1.2
"""Pages listing the divisions and their regions."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from dekkend.regions import selectors
from dekkend.regions.models import Indeling


def indelingen(request: HttpRequest) -> HttpResponse:
    return render(
        request, "regions/indelingen.html", {"indelingen": selectors.indeling_list()}
    )


def indeling(request: HttpRequest, naam: str) -> HttpResponse:
    try:
        obj = selectors.indeling_get(naam=naam)
    except Indeling.DoesNotExist:
        raise Http404(_("Indeling niet gevonden.")) from None
    return render(
        request,
        "regions/indeling.html",
        {"indeling": obj, "regios": selectors.regio_list(indeling=obj)},
    )
