# SPDX-License-Identifier: EUPL-1.2
"""National target values (streefwaarden) of every basisfunctionaliteit for a
population: linear in inhabitants (or 65+, or youths), except the per-region
ones. Sources per value come from `parameters.DEFAULTS`."""

from collections.abc import Mapping

from dekkend.coverage.analysis.model import Streefwaarde
from dekkend.coverage.analysis.parameters import DEFAULTS_BY_KEY


def _sw(key: str, label: str, value: float, eenheid: str, param: str) -> Streefwaarde:
    return Streefwaarde(
        key, label, round(value, 3), eenheid, DEFAULTS_BY_KEY[param].bron
    )


def streefwaarden(
    *,
    inwoners: int,
    inw_65plus: int,
    inw_0_17: int,
    aantal_gemeenten: int,
    p: Mapping[str, float],
    aantal_regios: int = 1,
) -> dict[str, dict[str, Streefwaarde]]:
    """Targets per basisfunctionaliteit for a region of this size.

    >>> t = streefwaarden(inwoners=100_000, inw_65plus=20_000, inw_0_17=18_000,
    ...                   aantal_gemeenten=3, p=__import__("dekkend.coverage.analysis.parameters",
    ...                   fromlist=["resolve"]).resolve())
    >>> t["sociaal_verwijzen"]["verwijzingen_per_jaar"].waarde
    600.0
    """
    per_10k = inwoners / 10_000
    return {
        "lsp": {
            "minimaal_aantal": _sw(
                "minimaal_aantal",
                "LSP minimaal",
                aantal_gemeenten * p["lsp_min_per_gemeente"],
                "LSP",
                "lsp_min_per_gemeente",
            ),
        },
        "sociaal_verwijzen": {
            "verwijzingen_per_jaar": _sw(
                "verwijzingen_per_jaar",
                "Verwijzingen per jaar",
                per_10k * p["sv_verwijzingen_per_10k"],
                "verwijzingen",
                "sv_verwijzingen_per_10k",
            ),
            "brugfunctionaris_fte_min": _sw(
                "brugfunctionaris_fte_min",
                "Brugfunctionaris (min.)",
                per_10k * p["sv_brug_fte_min_per_10k"],
                "fte",
                "sv_brug_fte_min_per_10k",
            ),
            "brugfunctionaris_fte_max": _sw(
                "brugfunctionaris_fte_max",
                "Brugfunctionaris (max.)",
                per_10k * p["sv_brug_fte_max_per_10k"],
                "fte",
                "sv_brug_fte_max_per_10k",
            ),
        },
        "valpreventie": {
            "risico_inschattingen_per_jaar": _sw(
                "risico_inschattingen_per_jaar",
                "Valrisico-inschattingen per jaar",
                inw_65plus * p["vp_risico_inschatting_aandeel_65plus"],
                "inschattingen",
                "vp_risico_inschatting_aandeel_65plus",
            ),
            "deelnemers_beweeginterventie_per_jaar": _sw(
                "deelnemers_beweeginterventie_per_jaar",
                "Deelnemers beweeginterventie per jaar",
                inw_65plus * p["vp_beweeginterventie_aandeel_65plus"],
                "deelnemers",
                "vp_beweeginterventie_aandeel_65plus",
            ),
        },
        "overgewicht_kinderen": {
            "czv_fte": _sw(
                "czv_fte",
                "Centrale zorgverlener",
                inw_0_17 / 1000 * p["ok_czv_fte_per_1000_jeugd"],
                "fte",
                "ok_czv_fte_per_1000_jeugd",
            ),
            "kinder_gli_fte": _sw(
                "kinder_gli_fte",
                "Kinder-GLI",
                inw_0_17 / 1000 * p["ok_kgli_fte_per_1000_jeugd"],
                "fte",
                "ok_kgli_fte_per_1000_jeugd",
            ),
            "coordinatie_fte_min": _sw(
                "coordinatie_fte_min",
                "Regionale coördinatie (min.)",
                inw_0_17 / 100_000 * p["ok_coord_fte_min_per_100k_jeugd"],
                "fte",
                "ok_coord_fte_min_per_100k_jeugd",
            ),
            "coordinatie_fte_max": _sw(
                "coordinatie_fte_max",
                "Regionale coördinatie (max.)",
                inw_0_17 / 100_000 * p["ok_coord_fte_max_per_100k_jeugd"],
                "fte",
                "ok_coord_fte_max_per_100k_jeugd",
            ),
        },
        "nu_niet_zwanger": {
            "fte_min": _sw(
                "fte_min",
                "Regionale coördinatie (min.)",
                aantal_regios * p["nnz_fte_min_per_regio"],
                "fte",
                "nnz_fte_min_per_regio",
            ),
        },
        "mgn": {
            "aantal": _sw(
                "aantal",
                "Mentale gezondheidsnetwerken",
                aantal_regios * p["mgn_per_regio"],
                "netwerk",
                "mgn_per_regio",
            ),
        },
    }
