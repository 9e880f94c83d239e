# SPDX-License-Identifier: EUPL-1.2
"""The resident's right of access: the log of every read and write of their
referrals (who, when, which record, why — never the content).

Only holders of `referrals.view_inzagelog` (the beheerder) open this page,
and every search is itself logged with its reason (`selectors.inwoner_log`).
The workflow pages live in `views`.
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from dekkend.referrals import selectors


class InzagelogForm(forms.Form):
    naam = forms.CharField(label=_("Naam van de inwoner"), max_length=200)
    geboortedatum = forms.DateField(
        label=_("Geboortedatum"),
        help_text=_("Bijvoorbeeld 12-04-1961."),
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
    )
    reden = forms.CharField(
        label=_("Reden van inzage"),
        max_length=200,
        help_text=_(
            "Bijvoorbeeld het kenmerk van het inzageverzoek. Noem geen "
            "gezondheids- of persoonsgegevens."
        ),
    )


@login_required
def inzagelog(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("referrals.view_inzagelog"):
        raise PermissionDenied(_("Alleen de beheerder kan het inzagelog tonen."))
    form = InzagelogForm(request.POST or None)
    events = None
    if request.method == "POST" and form.is_valid():
        events = list(
            selectors.inwoner_log(
                user=request.user,
                naam=form.cleaned_data["naam"],
                geboortedatum=form.cleaned_data["geboortedatum"],
                reden=form.cleaned_data["reden"],
            )
        )
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "referrals/privacy/inzagelog.html",
        {"form": form, "events": events},
        status=status,
    )
