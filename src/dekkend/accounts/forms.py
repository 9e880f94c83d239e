# SPDX-License-Identifier: EUPL-1.2
"""The form for a 6-digit code from an authenticator app.

It only checks the shape of the code; whether the code is right is up to
`services.two_factor_verify` / `two_factor_device_confirm`. The input is
written out in `templates/accounts/_token_form.html` (numeric keyboard,
one-time-code autofill).
"""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code uit uw authenticator-app"),
        help_text=_("6 cijfers, bijvoorbeeld 123456. Spaties mogen."),
        max_length=20,
        error_messages={"required": _("Vul de code van 6 cijfers in.")},
    )

    def clean_token(self) -> str:
        value: Any = self.cleaned_data["token"]
        token = re.sub(r"\s+", "", str(value))
        if not re.fullmatch(r"[0-9]{6}", token):
            raise forms.ValidationError(
                _("Een code bestaat uit precies 6 cijfers."), code="format"
            )
        return token
