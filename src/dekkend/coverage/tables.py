# SPDX-License-Identifier: EUPL-1.2
"""Tables of an analysis result shared by the CSV and XLSX exports."""

from typing import Any


def gemeente_rows(data: dict[str, Any]) -> list[list[Any]]:
    """The per-gemeente table, as in the CSV and the first XLSX sheet."""
    keys = list(data["aandeel_inwoners_binnen_km"])
    header = [
        "gemeentecode",
        "gemeentenaam",
        "inwoners",
        "inwoners_0_17",
        "inwoners_65plus",
        "lsp_groot",
        "lsp_middel",
        "lsp_klein",
        "lsp_onbekend",
        "heeft_lsp",
        "behoefte_personen",
        "capaciteit_personen",
        "capaciteit_dekking",
        "afstand_km_dichtstbijzijnde_lsp",
        "afstand_km_dichtstbijzijnde_lsp_4_elementen",
        *[f"aandeel_binnen_{k}_km" for k in keys],
        "geadviseerd_type",
    ]
    rows: list[list[Any]] = [header]
    for g in data["gemeenten"]:
        t = g["lsp_per_type"]
        rows.append(
            [
                g["gemeentecode"],
                g["gemeentenaam"],
                g["inwoners"],
                g["inwoners_0_17"],
                g["inwoners_65plus"],
                t["groot"],
                t["middel"],
                t["klein"],
                t["onbekend"],
                g["heeft_lsp"],
                g["behoefte_personen"],
                g["capaciteit_personen"],
                g["capaciteit_dekking"],
                g["afstand_km_dichtstbijzijnde_lsp"],
                g["afstand_km_dichtstbijzijnde_lsp_4_elementen"],
                *[g["aandeel_inwoners_binnen_km"][k] for k in keys],
                g["geadviseerd_type"],
            ]
        )
    return rows
