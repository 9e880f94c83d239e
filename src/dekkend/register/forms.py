# SPDX-License-Identifier: EUPL-1.2
"""Forms of the register pages. They validate input; services write."""

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from dekkend.regions.models import Gemeente
from dekkend.register.constants import (
    Dagdeel,
    Doelgroep,
    Element,
    Herstelaanbod,
    Kenmerk,
    KenmerkStatus,
    LspType,
    Weekdag,
)
from dekkend.register.models import Steunpunt
from dekkend.register.services import CONTACT_VELDEN, SteunpuntWijziging

DAGDEEL_KEUZES = [
    (f"{d}-{p}", format_lazy("{} {}", Weekdag(d).label, Dagdeel(p).label))
    for d in Weekdag.values
    for p in Dagdeel.values
]


def _steunpunt_naam(steunpunt: Steunpunt) -> str:
    return steunpunt.aanbod.naam


class SnelleSelect(forms.Select):
    """A <select> written without a template per option: Django's option
    templates made the 342 gemeenten most of the search page's time."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(v), mark_safe(" selected") if str(v) == chosen else "", label)  # noqa: S308
                for v, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)


class ZoekForm(forms.Form):
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=10)
    gemeente = forms.ModelChoiceField(
        label=_("of kies een gemeente"),
        # Only what the page and gemeente_punt read: decoding 342 boundaries
        # per page cost most of the search page's time.
        queryset=Gemeente.objects.only(
            "code", "naam", "popw_lat", "popw_lon", "centroid_lat", "centroid_lon"
        ).order_by("naam"),
        to_field_name="code",
        required=False,
        empty_label=_("— kies een gemeente —"),
        widget=SnelleSelect,
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("alle typen")), *LspType.choices],
    )
    element = forms.ChoiceField(
        label=_("Met element"),
        required=False,
        choices=[("", _("alle")), *Element.choices],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("postcode") and not data.get("gemeente"):
            raise forms.ValidationError(
                _("Vul een postcode in of kies een gemeente."), code="leeg"
            )
        return data


class SteunpuntForm(forms.Form):
    dagdelen = forms.MultipleChoiceField(
        label=_("Open op"),
        choices=DAGDEEL_KEUZES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    openingstijden_toelichting = forms.CharField(
        label=_("Toelichting openingstijden"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: 'dinsdagochtend 10–12 uur inloop'."),
    )
    bezoekers_per_dag = forms.IntegerField(
        label=_("Bezoekers per dag (gemiddeld)"),
        min_value=0,
        max_value=10000,
        required=False,
    )
    unieke_bezoekers_per_jaar = forms.IntegerField(
        label=_("Unieke bezoekers per jaar"),
        min_value=0,
        max_value=1_000_000,
        required=False,
    )
    elementen = forms.MultipleChoiceField(
        label=_("De 4 elementen"),
        choices=Element.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    herstelaanbod = forms.MultipleChoiceField(
        label=_("Herstelaanbod"),
        choices=Herstelaanbod.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    herstelaanbod_overig = forms.CharField(
        label=_("Ander herstelaanbod"), max_length=300, required=False
    )
    doelgroepen = forms.MultipleChoiceField(
        label=_("Doelgroepen"),
        choices=Doelgroep.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hoofdsteunpunt = forms.ModelChoiceField(
        label=_("Satelliet van"),
        queryset=Steunpunt.objects.none(),
        required=False,
        empty_label=_("— geen: dit is een zelfstandige of hoofdlocatie —"),
    )
    straat = forms.CharField(label=_("Straat"), max_length=200, required=False)
    huisnummer = forms.CharField(label=_("Huisnummer"), max_length=20, required=False)
    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^\s*[1-9][0-9]{3}\s?[A-Za-z]{2}\s*$",
        required=False,
        error_messages={"invalid": _("Vul een postcode in als 1234 AB.")},
    )
    plaats = forms.CharField(label=_("Plaats"), max_length=100, required=False)
    # Checked by the service (one rule for the form, the API and the monitor).
    telefoon = forms.CharField(
        label=_("Telefoon"),
        max_length=30,
        required=False,
        help_text=_("Waarop inwoners u bellen, bijvoorbeeld 0118 123456."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    email = forms.CharField(
        label=_("E-mail"),
        max_length=254,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "email", "type": "email"}),
    )
    website = forms.CharField(
        label=_("Website"),
        max_length=200,
        required=False,
        help_text=_("Begint met https://"),
        widget=forms.TextInput(attrs={"autocomplete": "url", "type": "url"}),
    )
    contactpersoon = forms.CharField(
        label=_("Contactpersoon"),
        max_length=200,
        required=False,
        help_text=_("Naam of functie, bijvoorbeeld 'Anna, ervaringsdeskundige'."),
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def __init__(self, *args: Any, steunpunt: Steunpunt, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.steunpunt = steunpunt
        hoofd = self.fields["hoofdsteunpunt"]
        assert isinstance(hoofd, forms.ModelChoiceField)
        hoofd.queryset = (
            Steunpunt.objects.filter(
                aanbod__organisatie=steunpunt.aanbod.organisatie,
                hoofdsteunpunt__isnull=True,
            )
            .exclude(pk=steunpunt.pk)
            .select_related("aanbod")
            .order_by("aanbod__naam")
        )
        hoofd.label_from_instance = _steunpunt_naam  # type: ignore[method-assign,assignment]
        for name in ("telefoon", "website", "contactpersoon"):
            self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-hint"
        for kenmerk in Kenmerk:
            self.fields[f"kenmerk_{kenmerk.value}"] = forms.ChoiceField(
                label=kenmerk.label,
                required=False,
                choices=[("", _("nog niet beoordeeld")), *KenmerkStatus.choices],
            )

    @classmethod
    def initial_for(cls, steunpunt: Steunpunt) -> dict[str, Any]:
        aanbod, locatie = steunpunt.aanbod, steunpunt.aanbod.locatie
        initial: dict[str, Any] = {
            "dagdelen": [f"{d.weekdag}-{d.dagdeel}" for d in aanbod.dagdelen.all()],
            "openingstijden_toelichting": aanbod.openingstijden_toelichting,
            "bezoekers_per_dag": steunpunt.bezoekers_per_dag,
            "unieke_bezoekers_per_jaar": steunpunt.unieke_bezoekers_per_jaar,
            "elementen": steunpunt.elementen,
            "herstelaanbod": [h.soort for h in steunpunt.herstelaanbod.all()],
            "herstelaanbod_overig": steunpunt.herstelaanbod_overig,
            "doelgroepen": [d.doelgroep for d in aanbod.doelgroepen.all()],
            "hoofdsteunpunt": steunpunt.hoofdsteunpunt,
            "omschrijving": aanbod.omschrijving,
            **{f: getattr(aanbod, f) for f in CONTACT_VELDEN},
        }
        if locatie is not None:
            initial.update(
                {
                    f: getattr(locatie, f)
                    for f in ("straat", "huisnummer", "postcode", "plaats")
                }
            )
        for k in steunpunt.kenmerken.all():
            initial[f"kenmerk_{k.kenmerk}"] = k.status
        return initial

    def dagdeel_rijen(self) -> list[tuple[str, list[Any]]]:
        """The half-day checkboxes as one row per weekday (3 per row)."""
        widgets = list(self["dagdelen"])
        size = len(Dagdeel.values)
        return [
            (str(Weekdag(d).label), widgets[i * size : (i + 1) * size])
            for i, d in enumerate(Weekdag.values)
        ]

    def kenmerk_fields(self) -> list[forms.BoundField]:
        return [self[f"kenmerk_{k.value}"] for k in Kenmerk]

    def wijziging(self) -> SteunpuntWijziging:
        data = self.cleaned_data
        dagdelen = frozenset(
            (int(v.split("-")[0]), v.split("-")[1]) for v in data["dagdelen"]
        )
        postcode = data["postcode"].strip().upper().replace(" ", "")
        return SteunpuntWijziging(
            dagdelen=dagdelen,
            bezoekers_per_dag=data["bezoekers_per_dag"],
            unieke_bezoekers_per_jaar=data["unieke_bezoekers_per_jaar"],
            elementen=frozenset(data["elementen"]),
            herstelaanbod=frozenset(data["herstelaanbod"]),
            herstelaanbod_overig=data["herstelaanbod_overig"],
            doelgroepen=frozenset(data["doelgroepen"]),
            hoofdsteunpunt=data["hoofdsteunpunt"],
            hoofdsteunpunt_wissen=data["hoofdsteunpunt"] is None,
            kenmerken={k.value: data[f"kenmerk_{k.value}"] for k in Kenmerk},
            adres={
                "straat": data["straat"],
                "huisnummer": data["huisnummer"],
                "postcode": f"{postcode[:4]} {postcode[4:]}" if postcode else "",
                "plaats": data["plaats"],
            },
            contact={f: data[f] for f in CONTACT_VELDEN},
            omschrijving=data["omschrijving"],
            openingstijden_toelichting=data["openingstijden_toelichting"],
        )
