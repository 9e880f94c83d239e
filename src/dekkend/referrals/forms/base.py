# SPDX-License-Identifier: EUPL-1.2
"""Shared pieces of the referral forms: Dutch dates and putting a
service's ValidationError dict onto form fields."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DATUM_FORMATEN = ["%d-%m-%Y", "%d/%m/%Y", "%d %m %Y", "%Y-%m-%d"]
DATUM_HINT = _("Dag-maand-jaar, bijvoorbeeld 03-03-2025.")
VERKENNEND_GESPREK = _(
    "Twijfelt u of ggz, ondersteuning vanuit het sociaal domein of een combinatie "
    "het best past? Zet dan het Verkennend Gesprek van het mentale "
    "gezondheidsnetwerk in, niet sociaal verwijzen."
)


def datum_field(label: Any, **kwargs: Any) -> forms.DateField:
    """A date typed the Dutch way (dd-mm-jjjj) in a plain text input."""
    return forms.DateField(
        label=label,
        input_formats=DATUM_FORMATEN,
        widget=forms.DateInput(format="%d-%m-%Y", attrs={"inputmode": "numeric"}),
        help_text=DATUM_HINT,
        error_messages={"invalid": _("Vul een datum in als 03-03-2025.")},
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
