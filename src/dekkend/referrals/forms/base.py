# SPDX-License-Identifier: EUPL-1.2
"""Shared pieces of the referral forms: Dutch dates and putting a
service's ValidationError dict onto form fields."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DATUM_FORMATEN = ["%d-%m-%Y", "%d/%m/%Y", "%d %m %Y", "%Y-%m-%d"]
# Example dates tell day from month (13 and over is a day) and fit the field.
VOORBEELD_DATUM = "28-02-2026"
VOORBEELD_GEBOORTEDATUM = "21-06-1958"
VERKENNEND_GESPREK = _(
    "Twijfelt u of ggz, ondersteuning vanuit het sociaal domein of een combinatie "
    "het best past? Zet dan het Verkennend Gesprek van het mentale "
    "gezondheidsnetwerk in, niet sociaal verwijzen."
)


def datum_field(
    label: Any, *, voorbeeld: str = VOORBEELD_DATUM, **kwargs: Any
) -> forms.DateField:
    """A date typed the Dutch way (dd-mm-jjjj) in a plain text input, with an
    example that fits the field (a birth date is no date of this year)."""
    return forms.DateField(
        label=label,
        input_formats=DATUM_FORMATEN,
        widget=forms.DateInput(format="%d-%m-%Y", attrs={"inputmode": "numeric"}),
        help_text=lazy(
            lambda: (
                gettext("Dag-maand-jaar, bijvoorbeeld %(voorbeeld)s.")
                % {"voorbeeld": voorbeeld}
            ),
            str,
        )(),
        error_messages={
            "invalid": lazy(
                lambda: (
                    gettext("Vul een datum in als %(voorbeeld)s.")
                    % {"voorbeeld": voorbeeld}
                ),
                str,
            )()
        },
        **kwargs,
    )


def add_service_errors(
    form: forms.Form, exc: ValidationError, mapping: dict[str, str] | None = None
) -> None:
    """Put a service's per-field errors on the form's fields (keys renamed by
    `mapping`); keys without a field become errors of the whole form."""
    mapping = mapping or {}
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, messages in exc.message_dict.items():
        field = mapping.get(key, key)
        form.add_error(field if field in form.fields else None, messages)
