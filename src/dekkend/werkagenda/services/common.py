# SPDX-License-Identifier: EUPL-1.2
"""What every werkagenda service shares: locking, the adoption guard and
the errors they raise."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from dekkend.werkagenda.format.definition import (
    FormatDefinitie,
    OnderdeelDefinitie,
    format_get,
)
from dekkend.werkagenda.models import Werkagenda


class WerkagendaVastgesteld(ValidationError):
    """A write on an adopted (immutable) werkagenda."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Deze werkagenda is vastgesteld en kan niet meer worden gewijzigd; "
                "maak een herziening."
            ),
            code="vastgesteld",
        )


class VerouderdeOpslag(Exception):
    """A save that started from an older revision than the stored one.

    `hun_tekst` is the stored text (saved by `gewijzigd_door` in the meantime),
    `uw_tekst` the text that was refused; `revisie` the stored revision to
    start from again.
    """

    def __init__(
        self,
        *,
        adres: str,
        label: str,
        hun_tekst: str,
        uw_tekst: str,
        revisie: int,
        gewijzigd_door: str,
    ) -> None:
        self.adres = adres
        self.label = label
        self.hun_tekst = hun_tekst
        self.uw_tekst = uw_tekst
        self.revisie = revisie
        self.gewijzigd_door = gewijzigd_door
        super().__init__(self.melding)

    @property
    def melding(self) -> str:
        return _(
            "%(label)s is intussen gewijzigd door %(door)s; uw tekst is niet "
            "opgeslagen. Neem de wijzigingen over en sla opnieuw op."
        ) % {"label": self.label, "door": self.gewijzigd_door or _("een ander")}


def locked(werkagenda: Werkagenda) -> Werkagenda:
    """The row locked for update (call inside a transaction)."""
    return (
        Werkagenda.objects.select_for_update()
        .select_related("regio")
        .get(pk=werkagenda.pk)
    )


def writable(werkagenda: Werkagenda) -> Werkagenda:
    """Lock `werkagenda` and refuse when it is adopted."""
    wa = locked(werkagenda)
    if wa.vastgesteld:
        raise WerkagendaVastgesteld()
    return wa


def definitie_of(werkagenda: Werkagenda) -> FormatDefinitie:
    return format_get(werkagenda.format_versie)


def onderdeel_of(
    werkagenda: Werkagenda,
    sleutel: str,
    *,
    soort: str | None = None,
    veld: str = "onderdeel",
) -> OnderdeelDefinitie:
    """The format's onderdeel `sleutel`; a field error when unknown or of
    another kind."""
    try:
        onderdeel = definitie_of(werkagenda).onderdeel(sleutel)
    except KeyError:
        raise ValidationError(
            {veld: _("Onbekend onderdeel %(sleutel)s.") % {"sleutel": sleutel}}
        ) from None
    if soort is not None and onderdeel.soort != soort:
        raise ValidationError(
            {
                veld: _("%(kop)s is geen %(soort)s.")
                % {"kop": onderdeel.kop, "soort": soort}
            }
        )
    return onderdeel


def user_label(user: Any) -> str:
    if user is None:
        return ""
    return (
        (user.get_full_name() or user.get_username())
        if hasattr(user, "get_username")
        else str(user)
    )
