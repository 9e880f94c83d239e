# SPDX-License-Identifier: EUPL-1.2
"""Forms of the landelijk pages and the visitor tally. They only read
input; services validate the rules and write."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dekkend.lspmonitor.constants import Basis, UitnodigingRol
from dekkend.register import afwegingskader
from dekkend.register.constants import Dagdeel


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class RondeForm(forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    open_op = forms.DateField(label=_("Open op"), widget=DatumInput())
    sluit_op = forms.DateField(label=_("Sluit op (laatste dag)"), widget=DatumInput())
    peildatum = forms.DateField(
        label=_("Peildatum basislijst"),
        required=False,
        widget=DatumInput(),
        help_text=_("Leeg: de openingsdatum."),
    )
    uitnodigingstekst = forms.CharField(
        label=_("Tekst van de uitnodiging"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class KandidaatForm(forms.Form):
    naam = forms.CharField(label=_("Naam van de locatie"), max_length=200)
    organisatie = forms.CharField(
        label=_("Organisatie"), max_length=200, required=False
    )
    gemeente = forms.CharField(
        label=_("Gemeente"), max_length=100, help_text=_("Naam of CBS-code (GM0687).")
    )
    adres = forms.CharField(label=_("Adres"), max_length=300, required=False)
    website = forms.CharField(label=_("Website"), max_length=300, required=False)


class CsvForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen naam, organisatie, gemeente en eventueel adres, website; "
            "komma of puntkomma; UTF-8."
        ),
    )
    bron = forms.CharField(
        label=_("Bron (bijvoorbeeld NVZH of MIND-Atlas)"),
        max_length=200,
        required=False,
    )


JA_NEE = (("", _("nog niet beoordeeld")), ("ja", _("ja")), ("nee", _("nee")))


class BeoordelingForm(forms.Form):
    """The six questions, each with yes/no, its basis and a note."""

    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field, question in afwegingskader.QUESTIONS:
            self.fields[field] = forms.ChoiceField(
                label=question, choices=JA_NEE, required=False, widget=forms.RadioSelect
            )
            self.fields[f"{field}_basis"] = forms.ChoiceField(
                label=_("Basis"),
                choices=[("", "—"), *Basis.choices],
                required=False,
            )
            self.fields[f"{field}_toelichting"] = forms.CharField(
                label=_("Notitie"), required=False, max_length=1000
            )

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "vraag": question,
                "antwoord": self[field],
                "basis": self[f"{field}_basis"],
                "toelichting": self[f"{field}_toelichting"],
            }
            for field, question in afwegingskader.QUESTIONS
        ]

    def values(self) -> tuple[dict[str, bool | None], dict[str, str], dict[str, str]]:
        data = self.cleaned_data
        antwoorden = {
            f: {"ja": True, "nee": False}.get(data.get(f) or "")
            for f in afwegingskader.QUESTION_FIELDS
        }
        basis = {
            f: data.get(f"{f}_basis") or "" for f in afwegingskader.QUESTION_FIELDS
        }
        notes = {
            f: data.get(f"{f}_toelichting") or ""
            for f in afwegingskader.QUESTION_FIELDS
        }
        return antwoorden, basis, notes


class UitnodigingForm(forms.Form):
    rol = forms.ChoiceField(label=_("Rol"), choices=UitnodigingRol.choices)
    naam = forms.CharField(label=_("Naam"), max_length=200)
    email = forms.CharField(label=_("E-mailadres"), max_length=254)
    regio = forms.CharField(label=_("Regio (code)"), max_length=80, required=False)
    organisatie = forms.CharField(
        label=_("Organisatie (naam, voor een LSP)"), max_length=200, required=False
    )


class TellingForm(forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DatumInput())
    dagdeel = forms.ChoiceField(label=_("Dagdeel"), choices=Dagdeel.choices)
    aantal = forms.IntegerField(
        label=_("Aantal bezoekers"),
        min_value=0,
        widget=forms.NumberInput(
            attrs={"inputmode": "numeric", "class": "groot-getal"}
        ),
    )
