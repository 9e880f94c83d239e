# SPDX-License-Identifier: EUPL-1.2
"""Every assumption of the analysis as a named parameter with its source.

Regions may deviate with a recorded reason ("regio's mogen gemotiveerd
afwijken", 004 annex "Over de basisfunctionaliteiten"); the Django layer keeps
those overrides, this module only knows the defaults.
"""

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    key: str
    value: float
    unit: str
    label: str
    bron: str


_P = Parameter
DEFAULTS: tuple[Parameter, ...] = (
    # Need and capacity of LSPs (000 §5 "Onderbouwing"; 001 Table 3).
    _P(
        "aandeel_baat_lsp",
        0.017,
        "aandeel van inwoners",
        "Aandeel inwoners dat baat heeft bij een LSP",
        "Standaard: omvang van de EPA-doelgroep, circa 1,7% van de bevolking "
        "(Delespaul e.a. 2013). 000 §5 vraagt ten minste de EPA-doelgroep mee te nemen "
        "en adviseert de bredere groep via ggz-gebruik (VEKTIS, GGD-monitor) te bepalen.",
    ),
    _P(
        "capaciteit_groot",
        1000,
        "unieke bezoekers per jaar",
        "Capaciteit LSP groot",
        "Midden van 500–1.500 unieke bezoekers per jaar (001 tabel 3)",
    ),
    _P(
        "capaciteit_middel",
        275,
        "unieke bezoekers per jaar",
        "Capaciteit LSP middel",
        "Midden van 50–500 unieke bezoekers per jaar (001 tabel 3)",
    ),
    _P(
        "capaciteit_klein",
        35,
        "unieke bezoekers per jaar",
        "Capaciteit LSP klein",
        "Midden van 20–50 unieke bezoekers per jaar (001 tabel 3)",
    ),
    _P(
        "capaciteit_onbekend",
        35,
        "unieke bezoekers per jaar",
        "Capaciteit LSP van onbekend type",
        "Aanname: als klein, tot de dagdelen bekend zijn (de meeste LSP zijn klein, 001 §4.2)",
    ),
    # Proximity (000 §5: "fysieke nabijheid").
    _P(
        "afstand_drempel_km",
        10,
        "km",
        "Afstandsdrempel voor nabijheid",
        "Keuze van de regio (000 §5 noemt nabijheid zonder norm); getoond worden ook 5 en 15 km",
    ),
    # Advised type per gemeente: our operationalisation of the three criteria of
    # 000 §5 (big city core, population size and spread, share who benefit).
    _P(
        "advies_groot_min_inwoners",
        100_000,
        "inwoners",
        "Groot bij een stadskern vanaf",
        "Operationalisering van 000 §5 'aanwezigheid van een grote stadskern': gemeente met "
        "ten minste dit aantal inwoners en CBS-stedelijkheid 1 of 2",
    ),
    _P(
        "advies_middel_min_inwoners",
        40_000,
        "inwoners",
        "Middel vanaf",
        "Operationalisering van 000 §5 'bevolkingsomvang en -spreiding': gemeente met ten minste "
        "dit aantal inwoners of CBS-stedelijkheid 1–3; anders klein (landelijk, verspreid)",
    ),
    # Targets of the basisfunctionaliteiten (004 annex, "Over de basisfunctionaliteiten").
    _P(
        "lsp_min_per_gemeente",
        1,
        "LSP per gemeente",
        "LSP: minimaal per gemeente",
        "000 §5 'Uitgangspunten regionaal dekkend netwerk LSP'; 004 Laagdrempelige steunpunten",
    ),
    _P(
        "sv_verwijzingen_per_10k",
        60,
        "verwijzingen per 10.000 inwoners per jaar",
        "Sociaal verwijzen: verwijzingen",
        "003 §7 en 004 Sociaal verwijzen",
    ),
    _P(
        "sv_brug_fte_min_per_10k",
        0.2,
        "fte per 10.000 inwoners",
        "Sociaal verwijzen: brugfunctionaris (min.)",
        "003 §7 en 004 Sociaal verwijzen",
    ),
    _P(
        "sv_brug_fte_max_per_10k",
        0.5,
        "fte per 10.000 inwoners",
        "Sociaal verwijzen: brugfunctionaris (max.)",
        "003 §7 en 004 Sociaal verwijzen",
    ),
    _P(
        "vp_risico_inschatting_aandeel_65plus",
        0.14,
        "aandeel van 65+",
        "Valpreventie: valrisico-inschattingen",
        "004 Valpreventie: 'afnemen valrisico-inschatting bij 14% van de 65+ers'",
    ),
    _P(
        "vp_beweeginterventie_aandeel_65plus",
        0.03,
        "aandeel van 65+",
        "Valpreventie: deelnemers beweeginterventie",
        "004 Valpreventie: 'jaarlijks 3% van de 65+ers met een verhoogd valrisico' (gelezen als 3% van alle 65+)",
    ),
    _P(
        "ok_czv_fte_per_1000_jeugd",
        0.2,
        "fte per 1.000 jeugdigen",
        "Overgewicht kinderen: centrale zorgverlener",
        "004 Ketenaanpak overgewicht en obesitas kinderen",
    ),
    _P(
        "ok_kgli_fte_per_1000_jeugd",
        0.2,
        "fte per 1.000 jeugdigen",
        "Overgewicht kinderen: kinder-GLI",
        "004 Ketenaanpak overgewicht en obesitas kinderen",
    ),
    _P(
        "ok_coord_fte_min_per_100k_jeugd",
        0.2,
        "fte per 100.000 jeugdigen",
        "Overgewicht kinderen: coördinatie (min.)",
        "004 Ketenaanpak overgewicht en obesitas kinderen",
    ),
    _P(
        "ok_coord_fte_max_per_100k_jeugd",
        0.4,
        "fte per 100.000 jeugdigen",
        "Overgewicht kinderen: coördinatie (max.)",
        "004 Ketenaanpak overgewicht en obesitas kinderen",
    ),
    _P(
        "nnz_fte_min_per_regio",
        2,
        "fte per regio",
        "Nu Niet Zwanger: regionale coördinatie",
        "004 Nu Niet Zwanger: 'minimaal 2 fte per regio, verdeeld over 3 personen'",
    ),
    _P(
        "mgn_per_regio",
        1,
        "netwerken per regio",
        "Mentale gezondheidsnetwerken",
        "004 Mentale gezondheidsnetwerken: één MGN per regio",
    ),
)
DEFAULTS_BY_KEY: dict[str, Parameter] = {p.key: p for p in DEFAULTS}


class UnknownParameter(KeyError):
    """A parameter key that the analysis does not know."""


def resolve(overrides: Mapping[str, float] | None = None) -> dict[str, float]:
    """Default values with `overrides` applied; unknown keys raise.

    >>> resolve({"afstand_drempel_km": 5})["afstand_drempel_km"]
    5
    """
    values = {p.key: p.value for p in DEFAULTS}
    for key, value in (overrides or {}).items():
        if key not in values:
            raise UnknownParameter(key)
        values[key] = value
    return values
