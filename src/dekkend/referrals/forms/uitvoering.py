# SPDX-License-Identifier: EUPL-1.2
"""Forms of the brugfunctionaris's steps (workflow step, contact,
connection, feedback), the consent withdrawal and the inbox and offer
search filters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dekkend.referrals import workflow
from dekkend.referrals.constants import (
    ContactSoort,
    Probleem,
    Status,
    TerugkoppelingSoort,
    Uitkomst,
)
from dekkend.referrals.forms.base import datum_field
from dekkend.register.constants import AanbodSoort

REDEN_LABELS = {
    workflow.Actie.TERUGSTUREN: _("Reden om terug te sturen"),
    workflow.Actie.INTREKKEN: _("Reden om in te trekken"),
    workflow.Actie.PAUZEREN: _("Reden om te pauzeren"),
    workflow.Actie.HERVATTEN: _("Reden om te hervatten"),
    workflow.Actie.AFSLUITEN: _("Toelichting bij het afsluiten"),
}


class ActieForm(forms.Form):
    """A workflow step: a reason where the transition table asks one, an
    outcome when closing."""

    reden = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), required=False)

    def __init__(
        self, *args: Any, actie: workflow.Actie, heeft_contact: bool, **kwargs: Any
    ) -> None:
        kwargs.setdefault("prefix", actie.value)
        super().__init__(*args, **kwargs)
        self.actie = actie
        regel = next(o for o in workflow.OVERGANGEN if o.actie == actie)
        self.reden_verplicht = regel.reden_verplicht
        self.fields["reden"].required = regel.reden_verplicht
        self.fields["reden"].label = REDEN_LABELS.get(actie, _("Toelichting"))
        if not regel.reden_verplicht:
            self.fields["reden"].help_text = _("Niet verplicht.")
        self.fields["reden"].error_messages["required"] = _("Geef een reden.")
        if actie == workflow.Actie.AFSLUITEN:
            toegestaan = (
                Uitkomst.values
                if heeft_contact
                else [u.value for u in workflow.UITKOMST_ZONDER_CONTACT]
            )
            uitkomst = self.fields["uitkomst"]
            assert isinstance(uitkomst, forms.ChoiceField)
            uitkomst.choices = [("", _("— kies een uitkomst —"))] + [
                (v, label) for v, label in Uitkomst.choices if v in toegestaan
            ]
            uitkomst.required = True
            uitkomst.error_messages["required"] = _(
                "Kies een uitkomst om af te sluiten."
            )
        else:
            del self.fields["uitkomst"]

    def gekozen_uitkomst(self) -> workflow.Uitkomst | None:
        value = self.cleaned_data.get("uitkomst")
        return workflow.Uitkomst(value) if value else None


class ContactForm(forms.Form):
    soort = forms.ChoiceField(
        label=_("Soort contact"), choices=ContactSoort.choices, widget=forms.RadioSelect
    )
    datum = datum_field(_("Datum"))
    duur_minuten = forms.IntegerField(
        label=_("Duur in minuten"),
        min_value=1,
        max_value=600,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    leefgebieden = forms.MultipleChoiceField(
        label=_("Besproken leefgebieden (vraagverheldering)"),
        choices=Probleem.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class VerbindingForm(forms.Form):
    aanbod = forms.CharField(label=_("Aanbod uit de sociale kaart"), required=False)
    soort = forms.ChoiceField(
        label=_("Soort aanbod"),
        required=False,
        choices=[("", _("— kies een soort —")), *AanbodSoort.choices],
        help_text=_("Alleen nodig als u het aanbod zelf omschrijft."),
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving van ander aanbod"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"size": 60}),
    )
    datum = datum_field(_("Datum"))


class TerugkoppelingForm(forms.Form):
    GEHOLPEN = (("ja", _("ja")), ("nee", _("nee")), ("", _("nog niet bekend")))

    soort = forms.ChoiceField(
        label=_("Moment"), choices=TerugkoppelingSoort.choices, widget=forms.RadioSelect
    )
    aan_de_slag_met = forms.CharField(
        label=_("Waar is de inwoner mee aan de slag gegaan?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Dit leest de verwijzer. Schrijf alleen wat de verwijzer nodig heeft."
        ),
    )
    geholpen = forms.ChoiceField(
        label=_("Is de inwoner hiermee geholpen?"),
        choices=GEHOLPEN,
        required=False,
        widget=forms.RadioSelect,
    )

    def geholpen_value(self) -> bool | None:
        return {"ja": True, "nee": False}.get(self.cleaned_data.get("geholpen") or "")


class ToestemmingIntrekkenForm(forms.Form):
    bevestigd = forms.BooleanField(
        label=_("Ik bevestig dat de inwoner de toestemming heeft ingetrokken."),
        error_messages={"required": _("Bevestig dat de toestemming is ingetrokken.")},
    )


class InboxFilterForm(forms.Form):
    OPEN = "open"
    ALLE = "alle"

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            (OPEN, _("open (nog niet afgesloten)")),
            *Status.choices,
            (ALLE, _("alle")),
        ],
    )
    te_laat = forms.BooleanField(
        label=_("Alleen met te late eerste terugkoppeling"), required=False
    )


class AanbodZoekForm(forms.Form):
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    zoek_soort = forms.ChoiceField(
        label=_("Soort aanbod"),
        required=False,
        choices=[("", _("alle soorten")), *AanbodSoort.choices],
    )
    zoekterm = forms.CharField(label=_("Zoekterm"), max_length=100, required=False)
