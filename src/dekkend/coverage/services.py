# SPDX-License-Identifier: EUPL-1.2
"""Running and storing analyses, recording deviations and actual figures."""

import hashlib
import time
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

import numpy as np

import dekkend
from dekkend.audit.services import record
from dekkend.coverage.analysis.advisor import AdvisorSettings, Proposal, advise
from dekkend.coverage.analysis.coverage import analyse
from dekkend.coverage.analysis.model import AnalysisInput, AnalysisResult
from dekkend.coverage.analysis.parameters import DEFAULTS_BY_KEY
from dekkend.coverage.analysis.report import result_as_dict
from dekkend.coverage.constants import INDICATOR_BY_KEY, VERSION_SOURCE
from dekkend.coverage.inputs import analysis_input, fingerprint
from dekkend.coverage.models import AnalysisRun, ParameterAfwijking, Realisatie
from dekkend.coverage.permissions import can_change_regio
from dekkend.coverage.selectors import afwijkingen_for, parameters_for
from dekkend.regions.constants import VERSION_SOURCE as REGIONS
from dekkend.regions.models import Gemeente, Indeling, Regio
from dekkend.register.constants import VERSION_SOURCE as REGISTER
from dekkend.versions.cache import cached

_ANALYSIS_DIR = Path(__file__).resolve().parent / "analysis"
# What an analysis reads: gemeenten, population, PC4 areas and divisions;
# the register; the regions' parameters.
ANALYSIS_SOURCES = (REGIONS, REGISTER, VERSION_SOURCE)


def code_version() -> str:
    """Package version plus a short hash of the analysis source, so a stored
    run says exactly which computation produced it."""
    h = hashlib.sha256()
    for path in sorted(_ANALYSIS_DIR.glob("*.py")):
        h.update(path.read_bytes())
    return f"{dekkend.__version__}+{h.hexdigest()[:12]}"


def analysis_compute(
    *, indeling: Indeling, regio: Regio | None, peildatum: date
) -> tuple[AnalysisInput, AnalysisResult]:
    """The analysis for `regio`, or every gemeente of the division when None,
    with the region's current parameters.

    Kept per process until the gemeenten, the register or the region's
    parameters change (`versions.cache`): the pages, exports, werkagenda and
    advisor all ask for the same analysis. The arrays are read-only.
    """
    return cached(
        ("coverage.analysis", indeling.pk, regio.pk if regio else None, peildatum),
        lambda: _analysis(indeling=indeling, regio=regio, peildatum=peildatum),
        sources=ANALYSIS_SOURCES,
    )


def _analysis(
    *, indeling: Indeling, regio: Regio | None, peildatum: date
) -> tuple[AnalysisInput, AnalysisResult]:
    if regio is not None:
        gemeenten = list(
            Gemeente.objects.filter(regiogemeente__regio=regio).order_by("naam")
        )
    else:
        gemeenten = list(
            Gemeente.objects.filter(regiogemeente__indeling=indeling).order_by("naam")
        )
    inp = analysis_input(
        gemeenten,
        peildatum=peildatum,
        parameters=parameters_for(regio),
        aantal_regios=1 if regio is not None else indeling.regios.count(),
    )
    for arrays in (inp.pc4, inp.lsp):
        for value in vars(arrays).values():
            if isinstance(value, np.ndarray):
                value.flags.writeable = False  # shared by every caller
    return inp, analyse(inp)


def analysis_run(
    *,
    indeling: Indeling,
    regio: Regio | None,
    peildatum: date,
    user: Any | None = None,
    store: bool = True,
) -> tuple[dict[str, Any], AnalysisRun | None]:
    """Run the coverage analysis and, with `store`, keep it with its
    parameters, input fingerprint and code version. Returns (result dict, run)."""
    started = time.perf_counter()
    inp, result = analysis_compute(indeling=indeling, regio=regio, peildatum=peildatum)
    parameters = inp.parameters
    data = result_as_dict(
        result,
        regio=regio.naam if regio else indeling.titel,
        division=indeling.naam,
        afwijkingen=afwijkingen_for(regio),
    )
    elapsed_ms = int((time.perf_counter() - started) * 1000)
    run = None
    if store:
        run = AnalysisRun.objects.create(
            indeling=indeling,
            regio=regio,
            peildatum=peildatum,
            parameters=parameters,
            input_fingerprint=fingerprint(inp),
            code_version=code_version(),
            resultaat=data,
            duur_ms=elapsed_ms,
            aangemaakt_door=user if getattr(user, "is_authenticated", False) else None,
        )
        data["analyse"] = {
            "run": run.pk,
            "uuid": str(run.uuid),
            "codeversie": run.code_version,
            "vingerafdruk": run.input_fingerprint,
        }
    return data, run


def placement_advice(
    *,
    regio: Regio,
    peildatum: date,
    doel_aandeel: float,
    afstand_km: float,
    capaciteit_aandeel: float,
) -> Proposal:
    """What to add at least in `regio` so that every gemeente has an LSP, the
    capacity covers `capaciteit_aandeel` of need and `doel_aandeel` of the
    inhabitants live within `afstand_km` (coverage/analysis/advisor.py)."""
    inp, _result = analysis_compute(
        indeling=regio.indeling, regio=regio, peildatum=peildatum
    )
    settings = AdvisorSettings(
        doel_aandeel_binnen_km=doel_aandeel,
        afstand_km=afstand_km,
        capaciteit_doel_aandeel=capaciteit_aandeel,
        time_limit_s=10.0,
    )
    return advise(inp, settings)


@transaction.atomic
def parameter_afwijking_record(
    *, user: Any, regio: Regio, sleutel: str, waarde: float | None, reden: str
) -> ParameterAfwijking:
    """Deviate from a default (or restore it with waarde=None), with a reason."""
    if not can_change_regio(user, regio):
        raise PermissionDenied(
            _("U mag de uitgangspunten van deze regio niet wijzigen.")
        )
    if sleutel not in DEFAULTS_BY_KEY:
        raise ValidationError({"sleutel": _("Onbekende parameter.")})
    if not reden.strip():
        raise ValidationError({"reden": _("Geef een reden voor de afwijking.")})
    if waarde is not None and waarde < 0:
        raise ValidationError({"waarde": _("Mag niet negatief zijn.")})
    if waarde is not None and sleutel.startswith(("aandeel", "vp_")) and waarde > 1:
        raise ValidationError({"waarde": _("Een aandeel ligt tussen 0 en 1.")})
    afwijking = ParameterAfwijking.objects.create(
        regio=regio,
        sleutel=sleutel,
        waarde=waarde,
        reden=reden.strip(),
        ingevoerd_door=user,
    )
    record("parameterafwijking.recorded", user, regio, {"sleutel": sleutel})
    return afwijking


@transaction.atomic
def realisatie_record(
    *,
    user: Any,
    regio: Regio,
    basisfunctionaliteit: str,
    sleutel: str,
    jaar: int,
    waarde: float,
    bron: str = "",
) -> Realisatie:
    if not can_change_regio(user, regio):
        raise PermissionDenied(_("U mag de gegevens van deze regio niet wijzigen."))
    if (basisfunctionaliteit, sleutel) not in INDICATOR_BY_KEY:
        raise ValidationError({"sleutel": _("Onbekende indicator.")})
    if waarde < 0:
        raise ValidationError({"waarde": _("Mag niet negatief zijn.")})
    if not 2000 <= jaar <= 2100:
        raise ValidationError({"jaar": _("Onjuist jaar.")})
    realisatie, _created = Realisatie.objects.update_or_create(
        regio=regio,
        basisfunctionaliteit=basisfunctionaliteit,
        sleutel=sleutel,
        jaar=jaar,
        defaults={"waarde": waarde, "bron": bron, "ingevoerd_door": user},
    )
    record(
        "realisatie.recorded",
        user,
        regio,
        {"indicator": f"{basisfunctionaliteit}.{sleutel}", "jaar": jaar},
    )
    return realisatie
