# SPDX-License-Identifier: EUPL-1.2
"""How a resident reaches a support point: its own telephone, e-mail, website
and contact person, else the organisation's, else the gemeente.

Pages use this so that missing data ends in something the resident can do,
not only in "unknown". The API gives the offer's own fields; it does not mix
in the organisation's (a client can read those from /organisaties/).
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Contact:
    telefoon: str
    email: str
    website: str
    contactpersoon: str
    # "steunpunt": the offer's own details; "organisatie": the organisation's,
    # because the offer has none; "gemeente": nothing known, ask the gemeente.
    via: str
    organisatie: str
    gemeente: str

    @property
    def telefoon_href(self) -> str:
        """tel: link, digits and a leading + only."""
        digits = "".join(c for c in self.telefoon if c.isdigit())
        return f"tel:{'+' if self.telefoon.strip().startswith('+') else ''}{digits}"


def contact_for(aanbod: Any) -> Contact:
    """The contact route of `aanbod` (with `organisatie` and `locatie.gemeente`
    loaded)."""
    org = aanbod.organisatie
    locatie = aanbod.locatie
    gemeente = locatie.gemeente.naam if locatie is not None else ""
    own = (aanbod.telefoon, aanbod.email, aanbod.website)
    if any(own):
        telefoon, email, website = own
        via = "steunpunt"
    elif any((org.telefoon, org.email, org.website)):
        telefoon, email, website = org.telefoon, org.email, org.website
        via = "organisatie"
    else:
        telefoon = email = website = ""
        via = "gemeente"
    return Contact(
        telefoon=telefoon,
        email=email,
        website=website,
        contactpersoon=aanbod.contactpersoon,
        via=via,
        organisatie=org.naam,
        gemeente=gemeente,
    )
