# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dekkend.coverage.analysis.parameters import DEFAULTS
from dekkend.coverage.constants import REALISATIE_INDICATOREN


class AfwijkingForm(forms.Form):
    sleutel = forms.ChoiceField(
        label=_("Uitgangspunt"), choices=[(p.key, p.label) for p in DEFAULTS]
    )
    waarde = forms.FloatField(
        label=_("Nieuwe waarde"),
        required=False,
        help_text=_("Laat leeg om terug te gaan naar de landelijke standaard."),
    )
    reden = forms.CharField(
        label=_("Reden (verplicht)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class RealisatieForm(forms.Form):
    indicator = forms.ChoiceField(
        label=_("Indicator"),
        choices=[
            (f"{i.basisfunctionaliteit}:{i.sleutel}", i.label)
            for i in REALISATIE_INDICATOREN
        ],
    )
    jaar = forms.IntegerField(
        label=_("Jaar"), min_value=2000, max_value=2100, initial=timezone.now().year
    )
    waarde = forms.FloatField(label=_("Waarde"), min_value=0)
    bron = forms.CharField(label=_("Bron"), max_length=300, required=False)


class AdviesForm(forms.Form):
    doel = forms.FloatField(
        label=_("Aandeel inwoners binnen de afstand (%)"),
        min_value=0,
        max_value=100,
        initial=90,
    )
    km = forms.FloatField(
        label=_("Afstand (km)"), min_value=0.5, max_value=100, initial=10
    )
    capaciteit = forms.FloatField(
        label=_("Capaciteit als aandeel van de behoefte (%)"),
        min_value=0,
        max_value=100,
        initial=100,
    )
