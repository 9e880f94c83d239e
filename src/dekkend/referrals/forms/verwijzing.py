# SPDX-License-Identifier: EUPL-1.2
"""The verwijzer's form for a new referral (003 §4.1) with the resident's
consent. It checks shapes (dates, choices, postcode to gemeente) and builds
the arguments of `services.verwijzing_create`; the rules stay there."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dekkend.referrals import selectors, services
from dekkend.referrals.constants import (
    Probleem,
    ToestemmingGever,
    ToestemmingWijze,
    WarmeOverdracht,
)
from dekkend.referrals.forms.base import (
    VERKENNEND_GESPREK,
    VOORBEELD_GEBOORTEDATUM,
    add_service_errors,
    datum_field,
)
from dekkend.regions.models import Gemeente
from dekkend.register.models import Organisatie


class VerwijzingForm(forms.Form):
    """A new referral (003 §4.1), with the resident's consent."""

    # Addressed by uuid: a database id would be rendered with a thousands
    # separator in Dutch ("1.043") and no longer match its choice.
    organisatie = forms.ModelChoiceField(
        label=_("Verwijzen namens"),
        queryset=Organisatie.objects.none(),
        to_field_name="uuid",
    )
    inwoner_naam = forms.CharField(label=_("Naam"), max_length=200, required=False)
    inwoner_geboortedatum = datum_field(
        _("Geboortedatum"), voorbeeld=VOORBEELD_GEBOORTEDATUM, required=False
    )
    inwoner_telefoon = forms.CharField(
        label=_("Telefoonnummer"), max_length=30, required=False
    )
    inwoner_email = forms.CharField(
        label=_("E-mailadres"), max_length=254, required=False
    )
    inwoner_postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        required=False,
        help_text=_("Hiermee vindt de brugfunctionaris aanbod in de buurt."),
    )
    gemeente = forms.ChoiceField(
        label=_("Woongemeente"),
        required=False,
        help_text=_("Laat leeg om de gemeente uit de postcode af te leiden."),
    )
    inwoner_bsn = forms.CharField(label=_("BSN"), max_length=9, required=False)
    problemen = forms.MultipleChoiceField(
        label=_("Psychosociale problemen en leefgebieden"),
        choices=Probleem.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    voorwaarde_niet_alleen_medisch = forms.BooleanField(
        label=_("De problemen zijn niet (uitsluitend) medisch van aard."),
        required=False,
    )
    voorwaarde_geen_ggz = forms.BooleanField(
        label=_("Ik zie geen aanleiding voor een verwijzing naar de ggz."),
        required=False,
        help_text=VERKENNEND_GESPREK,
    )
    voorwaarde_vraagverheldering_nodig = forms.BooleanField(
        label=_(
            "Er is vraagverheldering door de sociaal domein professional nodig; "
            "ik wijs niet zelf op aanbod."
        ),
        required=False,
    )
    voorwaarde_onvoldoende_eigen_regie = forms.BooleanField(
        label=_(
            "De inwoner vindt zelfstandig niet de weg naar passend aanbod "
            "(onvoldoende eigen regie)."
        ),
        required=False,
    )
    warme_overdracht = forms.ChoiceField(
        label=_("Warme overdracht"),
        choices=WarmeOverdracht.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label=_("Toelichting voor de brugfunctionaris"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Alleen wat nodig is voor het eerste gesprek."),
    )
    toestemming_gegeven_door = forms.ChoiceField(
        label=_("Toestemming gegeven door"),
        choices=ToestemmingGever.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wie toestemming gaf.")},
    )
    toestemming_wijze = forms.ChoiceField(
        label=_("Hoe is de toestemming gegeven"),
        choices=ToestemmingWijze.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe de toestemming is gegeven.")},
    )
    toestemming_datum = datum_field(_("Datum van de toestemming"))
    toestemming_tijd = forms.TimeField(
        label=_("Tijd"),
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(format="%H:%M", attrs={"inputmode": "numeric"}),
        help_text=_("Uren en minuten, bijvoorbeeld 09:30."),
        error_messages={"invalid": _("Vul een tijd in als 09:30.")},
    )
    toestemming_doel = forms.CharField(
        label=_("Waarvoor is toestemming gegeven"),
        max_length=300,
        # The whole purpose stays readable: a one-line field cut it off.
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    toestemming_bevestigd = forms.BooleanField(
        label=_(
            "De inwoner heeft toestemming gegeven om deze verwijzing te delen. "
            "Zonder toestemming wordt niets gedeeld."
        ),
        error_messages={
            "required": _("Zonder toestemming van de inwoner kunt u niet verwijzen.")
        },
    )

    VOORWAARDEN = (
        "voorwaarde_niet_alleen_medisch",
        "voorwaarde_geen_ggz",
        "voorwaarde_vraagverheldering_nodig",
        "voorwaarde_onvoldoende_eigen_regie",
    )

    def __init__(
        self,
        *args: Any,
        user: Any,
        organisaties: Iterable[Organisatie],
        gemeenten: Iterable[Gemeente],
        gemeenten_met_brugorganisatie: set[int],
        bsn_regios: list[str],
        **kwargs: Any,
    ) -> None:
        now = timezone.localtime()
        kwargs.setdefault(
            "initial",
            {
                "toestemming_datum": now.date(),
                "toestemming_tijd": now.time().replace(second=0, microsecond=0),
                "toestemming_doel": services.ToestemmingInvoer.doel,
            },
        )
        super().__init__(*args, **kwargs)
        self.user = user
        org_field = self.fields["organisatie"]
        assert isinstance(org_field, forms.ModelChoiceField)
        org_field.queryset = Organisatie.objects.filter(
            pk__in=[o.pk for o in organisaties]
        ).order_by("naam")
        aantal = org_field.queryset.count()
        self.heeft_organisatie = aantal > 0
        if aantal == 1:
            org_field.initial = org_field.queryset.first()
            org_field.empty_label = None
        met: list[tuple[str, str]] = []
        zonder: list[tuple[str, str]] = []
        for g in gemeenten:
            (met if g.pk in gemeenten_met_brugorganisatie else zonder).append(
                (g.code, g.naam)
            )
        gemeente_field = self.fields["gemeente"]
        assert isinstance(gemeente_field, forms.ChoiceField)
        gemeente_field.choices = [
            ("", _("— afleiden uit de postcode —")),
            (_("Gemeenten met een brugorganisatie"), met),
            (_("Overige gemeenten (nog geen brugorganisatie)"), zonder),
        ]
        if bsn_regios:
            self.fields["inwoner_bsn"].help_text = _(
                "Alleen voor inwoners van: %(regios)s. Anders leeg laten."
            ) % {"regios": ", ".join(bsn_regios)}
        else:
            del self.fields["inwoner_bsn"]

    @property
    def voorwaarde_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.VOORWAARDEN]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["gemeente_obj"] = self._herkomst(data)
        datum, tijd = data.get("toestemming_datum"), data.get("toestemming_tijd")
        if datum and tijd:
            gegeven_op = timezone.make_aware(datetime.combine(datum, tijd))
            if gegeven_op > timezone.now() + timedelta(minutes=5):
                self.add_error(
                    "toestemming_datum",
                    _("De toestemming kan niet in de toekomst zijn gegeven."),
                )
            data["toestemming_gegeven_op"] = gegeven_op
        return data

    def _herkomst(self, data: dict[str, Any]) -> Gemeente | None:
        """The gemeente by `selectors.verwijzing_herkomst` (which also checks
        the chosen organisation), its errors on the form's fields."""
        organisatie = data.get("organisatie")
        if organisatie is None:
            return None  # the field's own error says what is missing
        try:
            herkomst = selectors.verwijzing_herkomst(
                user=self.user,
                organisatie_uuid=organisatie.uuid,
                gemeente_code=data.get("gemeente") or "",
                postcode=data.get("inwoner_postcode") or "",
            )
        except selectors.HerkomstFout as fout:
            veld = {"postcode": "inwoner_postcode"}.get(fout.veld, fout.veld)
            self.add_error(veld, fout.message)
            return None
        return herkomst.gemeente

    def service_kwargs(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "verwijzer_organisatie": d["organisatie"],
            "gemeente": d["gemeente_obj"],
            "inwoner": services.Inwoner(
                naam=d["inwoner_naam"],
                geboortedatum=d["inwoner_geboortedatum"],
                telefoon=d["inwoner_telefoon"],
                email=d["inwoner_email"],
                postcode=d["inwoner_postcode"],
                bsn=d.get("inwoner_bsn", ""),
            ),
            "problemen": d["problemen"],
            "voorwaarden": services.Voorwaarden(
                niet_alleen_medisch=d["voorwaarde_niet_alleen_medisch"],
                geen_ggz=d["voorwaarde_geen_ggz"],
                vraagverheldering_nodig=d["voorwaarde_vraagverheldering_nodig"],
                onvoldoende_eigen_regie=d["voorwaarde_onvoldoende_eigen_regie"],
            ),
            "warme_overdracht": d["warme_overdracht"],
            "toestemming": services.ToestemmingInvoer(
                gegeven_door=d["toestemming_gegeven_door"],
                gegeven_op=d["toestemming_gegeven_op"],
                wijze=d["toestemming_wijze"],
                doel=d["toestemming_doel"],
            ),
            "toelichting": d["toelichting"],
        }

    def add_service_errors(self, exc: ValidationError) -> None:
        """The service's keys, with 'voorwaarden' on the first unticked one."""
        open_ = [n for n in self.VOORWAARDEN if not self.cleaned_data.get(n)]
        mapping = {
            "voorwaarden": open_[0] if open_ else self.VOORWAARDEN[0],
            "toestemming": "toestemming_gegeven_door",
        }
        add_service_errors(self, exc, mapping)
