# SPDX-License-Identifier: EUPL-1.2
"""Reads of the coverage app: effective parameters, deviations, actual figures
and stored runs."""

from typing import Any

from django.db.models import QuerySet

from dekkend.coverage.analysis.parameters import resolve
from dekkend.coverage.models import AnalysisRun, ParameterAfwijking, Realisatie
from dekkend.regions.models import Regio


def _latest_afwijkingen(regio: Regio | None) -> dict[str, ParameterAfwijking]:
    if regio is None:
        return {}
    latest: dict[str, ParameterAfwijking] = {}
    for a in (
        ParameterAfwijking.objects.filter(regio=regio)
        .select_related("ingevoerd_door")
        .order_by("ingevoerd_op", "id")
    ):
        latest[a.sleutel] = a
    return {k: a for k, a in latest.items() if a.waarde is not None}


def parameters_for(regio: Regio | None) -> dict[str, float]:
    """Defaults with the region's current deviations applied."""
    return resolve(
        {
            k: a.waarde
            for k, a in _latest_afwijkingen(regio).items()
            if a.waarde is not None
        }
    )


def afwijkingen_for(regio: Regio | None) -> dict[str, dict[str, Any]]:
    return {
        k: {
            "waarde": a.waarde,
            "reden": a.reden,
            "ingevoerd_op": a.ingevoerd_op.isoformat(),
            "ingevoerd_door": str(a.ingevoerd_door) if a.ingevoerd_door else "",
        }
        for k, a in _latest_afwijkingen(regio).items()
    }


def afwijking_history(regio: Regio) -> QuerySet[ParameterAfwijking]:
    return ParameterAfwijking.objects.filter(regio=regio).select_related(
        "ingevoerd_door"
    )


def realisaties_for(regio: Regio) -> dict[tuple[str, str], Realisatie]:
    """The latest year's figure per indicator."""
    latest: dict[tuple[str, str], Realisatie] = {}
    for r in Realisatie.objects.filter(regio=regio).order_by("jaar"):
        latest[(r.basisfunctionaliteit, r.sleutel)] = r
    return latest


def analysis_runs(regio: Regio | None, limit: int = 10) -> QuerySet[AnalysisRun]:
    qs = AnalysisRun.objects.filter(regio=regio).defer("resultaat")
    return qs.order_by("-aangemaakt_op", "-id")[:limit]
