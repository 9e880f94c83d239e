# SPDX-License-Identifier: EUPL-1.2
"""Forms of the referral pages. They check the shape of the input (dates,
choices, postcode) and build the arguments of `services`; the business rules
(the four conditions, consent, who receives the referral) stay in the
services, whose ValidationError dicts `add_service_errors` maps onto fields.

Nothing here reads referrals or writes anything.
"""

from dekkend.referrals.forms.base import add_service_errors
from dekkend.referrals.forms.uitvoering import (
    AanbodZoekForm,
    ActieForm,
    ContactForm,
    InboxFilterForm,
    TerugkoppelingForm,
    ToestemmingIntrekkenForm,
    VerbindingForm,
)
from dekkend.referrals.forms.verwijzing import VerwijzingForm

__all__ = [
    "AanbodZoekForm",
    "ActieForm",
    "ContactForm",
    "InboxFilterForm",
    "TerugkoppelingForm",
    "ToestemmingIntrekkenForm",
    "VerbindingForm",
    "VerwijzingForm",
    "add_service_errors",
]
