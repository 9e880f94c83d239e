# SPDX-License-Identifier: EUPL-1.2
"""Actual figures a region can enter, and the target each is compared with."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Indicator:
    basisfunctionaliteit: str
    sleutel: str
    label: object
    # Target keys in AnalysisResult.streefwaarden[basisfunctionaliteit]: one
    # value, or a (min, max) range.
    doel: tuple[str, ...]


REALISATIE_INDICATOREN: tuple[Indicator, ...] = (
    Indicator(
        "sociaal_verwijzen",
        "verwijzingen",
        _("Verwijzingen per jaar"),
        ("verwijzingen_per_jaar",),
    ),
    Indicator(
        "sociaal_verwijzen",
        "brugfunctionaris_fte",
        _("Brugfunctionaris (fte)"),
        ("brugfunctionaris_fte_min", "brugfunctionaris_fte_max"),
    ),
    Indicator(
        "valpreventie",
        "risico_inschattingen",
        _("Valrisico-inschattingen per jaar"),
        ("risico_inschattingen_per_jaar",),
    ),
    Indicator(
        "valpreventie",
        "deelnemers_beweeginterventie",
        _("Deelnemers beweeginterventie per jaar"),
        ("deelnemers_beweeginterventie_per_jaar",),
    ),
    Indicator(
        "overgewicht_kinderen",
        "czv_fte",
        _("Centrale zorgverlener (fte)"),
        ("czv_fte",),
    ),
    Indicator(
        "overgewicht_kinderen",
        "kinder_gli_fte",
        _("Kinder-GLI (fte)"),
        ("kinder_gli_fte",),
    ),
    Indicator(
        "overgewicht_kinderen",
        "coordinatie_fte",
        _("Regionale coördinatie (fte)"),
        ("coordinatie_fte_min", "coordinatie_fte_max"),
    ),
    Indicator("nu_niet_zwanger", "fte", _("Regionale coördinatie (fte)"), ("fte_min",)),
    Indicator("mgn", "aantal", _("Mentale gezondheidsnetwerken"), ("aantal",)),
)
INDICATOR_BY_KEY = {
    (i.basisfunctionaliteit, i.sleutel): i for i in REALISATIE_INDICATOREN
}

BASISFUNCTIONALITEITEN = {
    "lsp": _("Laagdrempelige steunpunten"),
    "sociaal_verwijzen": _("Sociaal verwijzen"),
    "valpreventie": _("Valpreventie"),
    "overgewicht_kinderen": _("Ketenaanpak overgewicht en obesitas kinderen"),
    "nu_niet_zwanger": _("Nu Niet Zwanger"),
    "mgn": _("Mentale gezondheidsnetwerken"),
}


# The source in `versions` for the regions' parameters (ParameterAfwijking):
# every write gives it a new token (coverage/apps.py).
VERSION_SOURCE = "coverage"
