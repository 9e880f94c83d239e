# SPDX-License-Identifier: EUPL-1.2
"""Synthetic answers for the demo round and tests: valid for any version of
the questionnaire, drawn from a seeded random generator, and never mistaken
for real ones (responses made from them are marked `synthetisch`).

Plain Python over the questionnaire definition; no database.
"""

import random
from collections.abc import Sequence
from typing import Any

from dekkend.lspmonitor.questionnaire.definition import (
    ENKELE_KEUZE,
    GETAL,
    GETALLEN_PER_CATEGORIE,
    MATRIX,
    MEERDERE_KEUZE,
    REGIO,
    STEUNPUNTEN_LIJST,
    TEKST,
    Vragenlijst,
)
from dekkend.lspmonitor.questionnaire.engine import zichtbare_vragen


def _answer(vraag: Any, rng: random.Random, regio: str, gemeente: str) -> Any:
    if vraag.type == REGIO:
        return {"regio": regio}
    if vraag.type == ENKELE_KEUZE:
        optie = rng.choice(vraag.opties)
        out: dict[str, Any] = {"keuze": optie.code}
        if optie.anders:
            out["anders"] = "Synthetisch antwoord (demo)"
        return out
    if vraag.type == MEERDERE_KEUZE:
        gewone = [o for o in vraag.opties if not o.anders]
        k = rng.randint(1, min(3, len(gewone)))
        return {"keuzes": sorted({o.code for o in rng.sample(gewone, k)})}
    if vraag.type == GETAL:
        return rng.randint(0, 40)
    if vraag.type == GETALLEN_PER_CATEGORIE:
        return {r.code: rng.randint(0, 2) for r in vraag.rijen}
    if vraag.type == MATRIX:
        return {r.code: rng.choice(vraag.schaal).code for r in vraag.rijen}
    if vraag.type == TEKST:
        return (
            "Synthetisch antwoord (demo)."
            if vraag.verplicht or rng.random() < 0.3
            else None
        )
    if vraag.type == STEUNPUNTEN_LIJST:
        if rng.random() < 0.8:
            return []
        return [
            {
                "naam": f"Demo-steunpunt {rng.randint(100, 999)}",
                "gemeente": gemeente,
                "organisatie": "Demo-organisatie",
                "toelichting": "Synthetische melding (demo).",
            }
        ]
    return None


def synthetische_antwoorden(
    vl: Vragenlijst,
    *,
    rol_code: str,
    regio: str,
    gemeente: str,
    seed: int,
    vast: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A complete, valid answer set for a respondent choosing `rol_code` at
    the role question, in region `regio` (code). `vast` fixes some answers
    (e.g. a skip rule to exercise); the rest is random with `seed`."""
    rng = random.Random(seed)
    rol = vl.rolvraag
    antwoorden: dict[str, Any] = dict(vast or {})
    if rol is not None:
        antwoorden.setdefault(rol.sleutel, {"keuze": rol_code})
    # Routing and skip rules depend on earlier answers: fill in order and
    # recompute what is visible until nothing changes.
    for _round in range(3):
        for vraag in zichtbare_vragen(vl, antwoorden):
            if not vraag.heeft_antwoord or vraag.sleutel in antwoorden:
                continue
            value = _answer(vraag, rng, regio, gemeente)
            if value is not None:
                antwoorden[vraag.sleutel] = value
    visible = {v.sleutel for v in zichtbare_vragen(vl, antwoorden)}
    return {k: v for k, v in antwoorden.items() if k in visible}


def rol_codes(vl: Vragenlijst, deel: str) -> Sequence[str]:
    """Codes of the role options routing to `deel` (without "Anders")."""
    rol = vl.rolvraag
    if rol is None:
        return ()
    return [o.code for o in rol.opties if o.deel == deel and not o.anders]
