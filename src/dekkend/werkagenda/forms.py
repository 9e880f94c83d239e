# SPDX-License-Identifier: EUPL-1.2
"""Forms of the werkagenda pages. They only parse input; the services
validate the rules and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dekkend.register.models import Organisatie
from dekkend.werkagenda.constants import CollegeUitkomst, MijlpaalStatus, PartijRol
from dekkend.werkagenda.measures import maatstaf_choices


class SectieForm(forms.Form):
    adres = forms.CharField(widget=forms.HiddenInput)
    revisie = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    tekst = forms.CharField(
        label=_("Tekst"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class VoorstelForm(forms.Form):
    adres = forms.CharField(widget=forms.HiddenInput)
    revisie = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    actie = forms.ChoiceField(
        choices=[
            ("accepteren", "accepteren"),
            ("bewerken", "bewerken"),
            ("afwijzen", "afwijzen"),
        ]
    )
    tekst = forms.CharField(required=False, widget=forms.Textarea)


class DoelstellingForm(forms.Form):
    onderdeel = forms.CharField(widget=forms.HiddenInput)
    omschrijving = forms.CharField(
        label=_("Doelstelling (wat)"), widget=forms.Textarea(attrs={"rows": 2})
    )
    maatstaf = forms.ChoiceField(label=_("Maatstaf"), required=False)
    maatstaf_label = forms.CharField(
        label=_("Eigen maatstaf"),
        required=False,
        help_text=_("Alleen als de maatstaf niet in de lijst staat."),
    )
    streefwaarde = forms.FloatField(label=_("Streefwaarde"), required=False)
    eenheid = forms.CharField(label=_("Eenheid"), required=False, max_length=60)
    uiterlijk = forms.DateField(
        label=_("Uiterlijk"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    verantwoordelijke = forms.CharField(
        label=_("Verantwoordelijke"), required=False, max_length=200
    )

    def __init__(
        self, *args: Any, jaren: list[int], prefix_id: str = "", **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.jaren = jaren
        maatstaf = self.fields["maatstaf"]
        assert isinstance(maatstaf, forms.ChoiceField)
        maatstaf.choices = [
            ("", _("Eigen maatstaf (hieronder)")),
            *maatstaf_choices(),
        ]
        for jaar in jaren:
            self.fields[f"ingroeipad_{jaar}"] = forms.FloatField(
                label=_("Ingroeipad %(jaar)s") % {"jaar": jaar}, required=False
            )

    def ingroeipad(self) -> list[tuple[int, float]]:
        return [
            (jaar, self.cleaned_data[f"ingroeipad_{jaar}"])
            for jaar in self.jaren
            if self.cleaned_data.get(f"ingroeipad_{jaar}") is not None
        ]


class DoelRealisatieForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"))
    waarde = forms.FloatField(label=_("Gerealiseerde waarde"))
    bron = forms.CharField(label=_("Bron"), max_length=300, required=False)


class MijlpaalForm(forms.Form):
    onderdeel = forms.CharField(widget=forms.HiddenInput)
    kwartaal = forms.CharField(
        label=_("Kwartaal"), max_length=7, help_text=_("Bijvoorbeeld 2027-K1.")
    )
    activiteiten = forms.CharField(
        label=_("Activiteiten"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    verantwoordelijke = forms.CharField(
        label=_("Verantwoordelijke"), max_length=200, required=False
    )
    deelresultaat = forms.CharField(label=_("Deelresultaat"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=MijlpaalStatus.choices,
        initial=MijlpaalStatus.GEPLAND,
    )


class MijlpaalStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MijlpaalStatus.choices)


class PartijForm(forms.Form):
    onderdeel = forms.CharField(widget=forms.HiddenInput)
    rol = forms.ChoiceField(label=_("Rol"), choices=PartijRol.choices)
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie uit het register"),
        queryset=Organisatie.objects.order_by("naam"),
        required=False,
    )
    naam = forms.CharField(label=_("Of typ een naam"), required=False, max_length=200)


class CollegebesluitForm(forms.Form):
    gemeente = forms.CharField(widget=forms.HiddenInput)
    datum = forms.DateField(
        label=_("Datum besluit"), widget=forms.DateInput(attrs={"type": "date"})
    )
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=CollegeUitkomst.choices)
    kenmerk = forms.CharField(label=_("Kenmerk"), required=False, max_length=100)


class StatusForm(forms.Form):
    status = forms.CharField()


class VwsForm(forms.Form):
    datum = forms.DateField(
        label=_("Ingediend bij VWS op"), widget=forms.DateInput(attrs={"type": "date"})
    )


class ImportForm(forms.Form):
    bestand = forms.FileField(label=_("Werkagenda (DOCX)"))


class VerdeelsleutelForm(forms.Form):
    naam = forms.CharField(
        label=_("Naam van de verdeelsleutel"),
        max_length=100,
        help_text=_("Bijvoorbeeld SPUK IZA of SPUK GALA/Sportakkoord II."),
    )
    bestand = forms.FileField(
        label=_("CSV-bestand"), help_text=_("Kolommen gemeentecode,aandeel.")
    )


class PlanRegelForm(forms.Form):
    onderdeel = forms.ChoiceField(label=_("Onderdeel"))
    jaar = forms.IntegerField(label=_("Jaar"))
    bedrag = forms.DecimalField(
        label=_("Bedrag (euro)"), decimal_places=0, max_digits=14
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=300
    )

    def __init__(self, *args: Any, onderdelen: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        onderdeel = self.fields["onderdeel"]
        assert isinstance(onderdeel, forms.ChoiceField)
        onderdeel.choices = onderdelen
