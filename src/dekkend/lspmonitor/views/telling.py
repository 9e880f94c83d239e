# SPDX-License-Identifier: EUPL-1.2
"""The visitor tally on a phone: one form per own location, today and the
current dagdeel preselected, and the location's own weekly trend."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.lspmonitor import selectors, services
from dekkend.lspmonitor.forms import TellingForm


def dagdeel_nu() -> str:
    hour = timezone.localtime().hour
    return "ochtend" if hour < 13 else "middag" if hour < 18 else "avond"


@login_required
def telling(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("lspmonitor.add_bezoekerstelling"):
        raise PermissionDenied
    steunpunten = list(selectors.eigen_steunpunten(user=request.user))
    today = timezone.localdate()
    status = 200
    posted_pk = request.POST.get("steunpunt") if request.method == "POST" else None
    blokken = []
    for sp in steunpunten:
        initial = {"datum": today, "dagdeel": dagdeel_nu()}
        if posted_pk == str(sp.pk):
            form = TellingForm(request.POST, prefix=f"sp{sp.pk}")
            if form.is_valid():
                try:
                    services.bezoekers_telling_record(
                        user=request.user, steunpunt=sp, **form.cleaned_data
                    )
                except ValidationError as exc:
                    for field, errors in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                    status = 400
                else:
                    messages.success(
                        request,
                        _("Geteld: %(n)s bezoekers bij %(naam)s.")
                        % {"n": form.cleaned_data["aantal"], "naam": sp.aanbod.naam},
                    )
                    return redirect("lspmonitor:telling")
            else:
                status = 400
        else:
            form = TellingForm(prefix=f"sp{sp.pk}", initial=initial)
        blokken.append(
            {
                "sp": sp,
                "form": form,
                "trend": selectors.telling_trend(steunpunt=sp, tot=today),
            }
        )
    if posted_pk and not any(str(sp.pk) == posted_pk for sp in steunpunten):
        raise PermissionDenied
    return render(
        request, "lspmonitor/telling.html", {"blokken": blokken}, status=status
    )
