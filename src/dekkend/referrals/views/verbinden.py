# SPDX-License-Identifier: EUPL-1.2
"""Connecting a resident to an offer (003 §4.2, toeleiding): search the
register near the resident's postcode (any kind of offer, LSPs included) and
record the chosen one, or describe an offer that is not on the register.

Works without JavaScript: the search is a GET form on the same page, the
choice a POST form that keeps the search in its URL.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.referrals import services
from dekkend.referrals.forms import AanbodZoekForm, VerbindingForm, add_service_errors
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.views.brugfunctionaris import BEHANDELEN, BRUG, lees
from dekkend.referrals.views.common import vind
from dekkend.regions.selectors import OngeldigePostcode, postcode_punt
from dekkend.register.models import Aanbod
from dekkend.register.selectors import aanbod_get, aanbod_nearby

RESULTATEN = 10


def _zoek(request: HttpRequest, verwijzing: Verwijzing) -> dict[str, Any]:
    """The search form and its results (defaults: the resident's postcode)."""
    data = request.GET.copy()
    if "postcode" not in data:
        data["postcode"] = verwijzing.inwoner_postcode
    form = AanbodZoekForm(data)
    if not form.is_valid():
        return {"zoekform": form, "resultaten": [], "herkomst": ""}
    postcode = form.cleaned_data["postcode"]
    try:
        resultaten = aanbod_nearby(
            postcode=postcode,
            soort=form.cleaned_data["zoek_soort"] or None,
            zoekterm=form.cleaned_data["zoekterm"] or None,
            limit=RESULTATEN,
        )
        punt = postcode_punt(postcode) if postcode.strip() else None
    except OngeldigePostcode:
        form.add_error(
            "postcode", _("Vul een postcode in als 4331 AB of 4331, of laat hem leeg.")
        )
        return {"zoekform": form, "resultaten": [], "herkomst": ""}
    return {
        "zoekform": form,
        "resultaten": resultaten,
        "herkomst": punt.omschrijving if punt else "",
    }


@login_required
@permission_required(BEHANDELEN, raise_exception=True)
def verbinden(request: HttpRequest, uuid: UUID) -> HttpResponse:
    if request.method == "POST":
        gevonden, _rol = vind(request.user, uuid, rollen=(BRUG,))
        form = VerbindingForm(request.POST)
        if form.is_valid() and _record(request, gevonden, form):
            messages.success(request, _("De verbinding is vastgelegd."))
            return redirect("referrals:detail", uuid=uuid)
    else:
        form = VerbindingForm(initial={"datum": timezone.localdate()})
    verwijzing = lees(request, uuid)
    context = {"form": form, "verwijzing": verwijzing, **_zoek(request, verwijzing)}
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "referrals/verbinden.html", context, status=status)


def _record(request: HttpRequest, verwijzing: Verwijzing, form: VerbindingForm) -> bool:
    data = form.cleaned_data
    aanbod: Aanbod | None = None
    if data["aanbod"]:
        try:
            aanbod = aanbod_get(uuid=data["aanbod"])
        except (Aanbod.DoesNotExist, ValidationError, ValueError):
            form.add_error(
                "aanbod", _("Dit aanbod staat niet (meer) in de sociale kaart.")
            )
            return False
    try:
        services.verbinding_record(
            user=request.user,
            verwijzing=verwijzing,
            datum=data["datum"],
            aanbod=aanbod,
            soort=data["soort"],
            omschrijving=data["omschrijving"],
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return False
    return True
