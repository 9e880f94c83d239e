# SPDX-License-Identifier: EUPL-1.2
"""The analysis result as one JSON-ready dict: the shape of
`dekkend coverage --json`, the API, the stored run and the exports."""

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from dekkend.coverage.analysis.model import AnalysisResult
from dekkend.coverage.analysis.parameters import DEFAULTS


def parameters_dict(
    values: Mapping[str, float], afwijkingen: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """Every parameter with value, unit, source and, when the region deviates,
    the default and the recorded reason."""
    out = {}
    for p in DEFAULTS:
        entry: dict[str, Any] = {
            "waarde": values[p.key],
            "eenheid": p.unit,
            "omschrijving": p.label,
            "bron": p.bron,
        }
        if p.key in afwijkingen:
            entry["standaard"] = p.value
            entry["afwijking"] = dict(afwijkingen[p.key])
        out[p.key] = entry
    return out


def result_as_dict(
    result: AnalysisResult,
    *,
    regio: str,
    division: str,
    afwijkingen: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "regio": regio,
        "division": division,
        "peildatum": result.peildatum.isoformat(),
        "inwoners": result.inwoners,
        "lsp_per_type": result.lsp_per_type,
        "lsp_totaal": sum(result.lsp_per_type.values()),
        "behoefte_personen": result.behoefte_personen,
        "capaciteit_personen": result.capaciteit_personen,
        "gemeenten": [
            {
                "gemeentecode": g.code,
                "gemeentenaam": g.naam,
                "inwoners": g.inwoners,
                "inwoners_0_17": g.inw_0_17,
                "inwoners_65plus": g.inw_65plus,
                "lsp_per_type": g.lsp_per_type,
                "heeft_lsp": g.heeft_lsp,
                "behoefte_personen": g.behoefte_personen,
                "capaciteit_personen": g.capaciteit_personen,
                "capaciteit_dekking": g.capaciteit_dekking,
                "afstand_km_dichtstbijzijnde_lsp": g.afstand_km_dichtstbijzijnde_lsp,
                "afstand_km_dichtstbijzijnde_lsp_4_elementen": g.afstand_km_dichtstbijzijnde_lsp_4_elementen,
                "aandeel_inwoners_binnen_km": g.aandeel_inwoners_binnen_km,
                "geadviseerd_type": g.geadviseerd_type,
                "pc4_inwoners": g.pc4_inwoners,
            }
            for g in result.gemeenten
        ],
        "gemeenten_zonder_lsp": list(result.gemeenten_zonder_lsp),
        "aandeel_inwoners_binnen_km": result.aandeel_inwoners_binnen_km,
        "parameters": parameters_dict(result.parameters, afwijkingen or {}),
        "streefwaarden": {
            bf: {
                key: {k: v for k, v in asdict(sw).items() if k != "key"}
                for key, sw in values.items()
            }
            for bf, values in result.streefwaarden.items()
        },
    }
