# SPDX-License-Identifier: EUPL-1.2
"""Pages of the register: public search and detail, and the LSP staff's own
support points. Thin: forms validate, selectors read, services write."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.regions import svgmap
from dekkend.regions.selectors import OngeldigePostcode, gemeente_punt, postcode_punt
from dekkend.register import selectors
from dekkend.register.constants import DAGDEEL_TIJDEN, Dagdeel, Weekdag
from dekkend.register.contact import contact_for
from dekkend.register.forms import SteunpuntForm, ZoekForm
from dekkend.register.maps import nearby_map, regio_map, steunpunt_punt
from dekkend.register.models import Steunpunt
from dekkend.register.permissions import can_edit_steunpunt
from dekkend.register.services import steunpunt_update


def zoeken(request: HttpRequest) -> HttpResponse:
    """ "Vind een steunpunt": nearest support points to a postcode or gemeente."""
    context: dict[str, Any] = {"form": ZoekForm(), "resultaten": None}
    if request.GET:
        form = ZoekForm(request.GET)
        context["form"] = form
        if form.is_valid():
            context.update(_search(form))
    return render(request, "register/zoeken.html", context)


def _search(form: ZoekForm) -> dict[str, Any]:
    data = form.cleaned_data
    gemeente = data.get("gemeente")
    if data.get("postcode"):
        try:
            punt = postcode_punt(data["postcode"])
        except OngeldigePostcode:
            form.add_error(
                "postcode",
                _(
                    "Dit is geen geldige postcode. Vul 4 cijfers in, bijvoorbeeld 4331, of een hele postcode als 4331 AB."
                ),
            )
            return {}
        if punt is None:
            form.add_error(
                "postcode",
                _(
                    "Deze postcode kennen we niet. Controleer de cijfers of kies hieronder een gemeente."
                ),
            )
            return {}
    else:
        assert gemeente is not None  # ZoekForm.clean asks for one of the two
        punt = gemeente_punt(gemeente)
        if punt is None:
            form.add_error(
                "gemeente", _("Van deze gemeente is geen middelpunt bekend.")
            )
            return {}
    filters = selectors.SteunpuntFilter(
        lsp_type=data.get("type") or None, element=data.get("element") or None
    )
    nabij = selectors.steunpunt_zoeken(
        lat=punt.lat,
        lon=punt.lon,
        peildatum=timezone.localdate(),
        limit=10,
        filters=filters,
        herkomst_gemeente_id=punt.gemeente_id,
        herkomst_gemeente_code=gemeente.code if gemeente else None,
    )
    herkomst = svgmap.Punt(
        punt.lat, punt.lon, _("Zoeklocatie: %s") % punt.omschrijving, "herkomst"
    )
    return {
        "herkomst": punt,
        "resultaten": nabij,
        "kaart": nearby_map(
            [n.row.steunpunt for n in nabij],
            herkomst,
            gekozen=gemeente.code if gemeente else None,
        ),
    }


def _rooster(steunpunt: Steunpunt) -> list[dict[str, Any]]:
    open_ = {(d.weekdag, d.dagdeel) for d in steunpunt.aanbod.dagdelen.all()}
    return [
        {
            "dag": dag.label,
            "dagdelen": [
                (dagdeel.label, (dag.value, dagdeel.value) in open_)
                for dagdeel in Dagdeel
            ],
        }
        for dag in Weekdag
    ]


def detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    try:
        steunpunt = selectors.steunpunt_get(uuid=uuid)
    except Steunpunt.DoesNotExist:
        raise Http404(_("Steunpunt niet gevonden.")) from None
    afwegingen = sorted(
        steunpunt.afwegingen.all(), key=lambda a: (a.beoordeeld_op, a.pk)
    )
    context = {
        "steunpunt": steunpunt,
        "aanbod": steunpunt.aanbod,
        "locatie": steunpunt.aanbod.locatie,
        "rooster": _rooster(steunpunt),
        "dagdeel_tijden": [(Dagdeel(k).label, v) for k, v in DAGDEEL_TIJDEN.items()],
        "kenmerken": steunpunt.kenmerken.all(),
        "afweging": afwegingen[-1] if afwegingen else None,
        "kaart": nearby_map([steunpunt], None),
        "contact": contact_for(steunpunt.aanbod),
        "mag_wijzigen": can_edit_steunpunt(request.user, steunpunt),
    }
    return render(request, "register/detail.html", context)


@login_required
def mijn_steunpunten(request: HttpRequest) -> HttpResponse:
    steunpunten = selectors.steunpunten_editable(user=request.user)
    return render(
        request, "register/mijn_steunpunten.html", {"steunpunten": steunpunten}
    )


@login_required
def bewerken(request: HttpRequest, uuid: UUID) -> HttpResponse:
    try:
        steunpunt = selectors.steunpunt_get(uuid=uuid)
    except Steunpunt.DoesNotExist:
        raise Http404(_("Steunpunt niet gevonden.")) from None
    if not can_edit_steunpunt(request.user, steunpunt):
        raise PermissionDenied(_("U mag dit steunpunt niet wijzigen."))
    if request.method == "POST":
        form = SteunpuntForm(request.POST, steunpunt=steunpunt)
        if form.is_valid():
            try:
                steunpunt_update(
                    user=request.user,
                    steunpunt=steunpunt,
                    wijziging=form.wijziging(),
                    peildatum=timezone.localdate(),
                )
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    _("De gegevens van %s zijn opgeslagen.") % steunpunt.aanbod.naam,
                )
                return redirect(
                    reverse("register:detail", kwargs={"uuid": steunpunt.aanbod.uuid})
                )
    else:
        form = SteunpuntForm(
            initial=SteunpuntForm.initial_for(steunpunt), steunpunt=steunpunt
        )
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "register/bewerken.html",
        {"form": form, "steunpunt": steunpunt},
        status=status,
    )


def regio(request: HttpRequest, indeling: str, code: str) -> HttpResponse:
    """A region: its gemeenten with inhabitants and LSPs per type, and a map."""
    from dekkend.regions.models import Gemeente, Regio
    from dekkend.regions.selectors import regio_get

    try:
        obj = regio_get(indeling=indeling, code=code)
    except Regio.DoesNotExist:
        raise Http404(_("Regio niet gevonden.")) from None
    peildatum = timezone.localdate()
    overzicht = selectors.regio_lsp_overview(regio=obj, peildatum=peildatum)
    zonder = {r.code for r in overzicht.zonder_lsp}
    geometrie = Gemeente.objects.filter(regiogemeente__regio=obj).only(
        "code", "naam", "geometrie"
    )
    steunpunten = list(
        selectors.steunpunt_queryset(peildatum=peildatum).filter(
            aanbod__locatie__gemeente__regiogemeente__regio=obj
        )
    )
    kaart = regio_map(
        naam=obj.naam,
        gemeenten=[(g.geometrie, g.naam) for g in geometrie if g.geometrie],
        zonder={g.naam for g in geometrie if g.code in zonder},
        punten=[steunpunt_punt(s) for s in steunpunten],
        steunpunten=steunpunten,
    )
    context = {
        "regio": obj,
        "overzicht": overzicht,
        "kaart": kaart,
        "peildatum": peildatum,
    }
    return render(request, "register/regio.html", context)
