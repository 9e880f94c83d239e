# SPDX-License-Identifier: EUPL-1.2
"""Only the configuration of sociaal verwijzen is in the admin. Referrals
themselves hold personal data and are deliberately not: the beheerder sees
them only through the audited pages, with a reason."""

from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from dekkend.accounts.constants import Beroep
from dekkend.referrals.models import RegioInstelling, Werkgebied


class RegioInstellingForm(forms.ModelForm[RegioInstelling]):
    verwijzende_beroepen = forms.MultipleChoiceField(
        label=_("beroepen die mogen verwijzen"),
        choices=Beroep.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = RegioInstelling
        fields = [
            "regio",
            "termijn_eerste_terugkoppeling_werkdagen",
            "bewaartermijn_maanden",
            "verwijzende_beroepen",
            "bsn_toegestaan",
            "bsn_grondslag",
        ]

    def clean_verwijzende_beroepen(self) -> list[Any]:
        return sorted(self.cleaned_data["verwijzende_beroepen"])


@admin.register(RegioInstelling)
class RegioInstellingAdmin(admin.ModelAdmin[RegioInstelling]):
    form = RegioInstellingForm
    list_display = [
        "regio",
        "termijn_eerste_terugkoppeling_werkdagen",
        "bewaartermijn_maanden",
        "verwijzende_beroepen",
        "bsn_toegestaan",
    ]
    autocomplete_fields = ["regio"]


@admin.register(Werkgebied)
class WerkgebiedAdmin(admin.ModelAdmin[Werkgebied]):
    list_display = ["gemeente", "organisatie"]
    autocomplete_fields = ["gemeente", "organisatie"]
    search_fields = ["gemeente__naam", "organisatie__naam"]
