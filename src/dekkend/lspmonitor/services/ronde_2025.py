# SPDX-License-Identifier: EUPL-1.2
"""The 2025 round as the first round in Dekkend (001, loaded beside the 2025
register by `register.importers.lsp_2025`).

Its base list is the loaded register (Annex A: one candidate per location,
on the list); its Tables 2 and 4 are the published per-region figures
(`register.MonitorTelling`), flagged by `gepubliceerde_cijfers`. Answers the
report did not publish are not invented: the round holds no responses. The
annex gives no size per location, so every candidate's size is `onbekend`;
the published size split per region comes from `MonitorTelling` only.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from dekkend.audit.services import record
from dekkend.lspmonitor.constants import (
    STANDAARD_INDELING,
    Besluit,
    KandidaatBron,
    RondeStatus,
)
from dekkend.lspmonitor.models import Kandidaat, Ronde
from dekkend.regions.models import Indeling, RegioGemeente
from dekkend.register.importers.lsp_2025 import BRON, PEILDATUM
from dekkend.register.models import MonitorTelling, Steunpunt

JAAR = 2025
OPEN_OP = date(2025, 9, 29)  # 001 §3: open 29 September – 20 October 2025
SLUIT_OP = date(2025, 10, 20)


class Register2025Ontbreekt(Exception):
    """The 2025 register or its published figures are not loaded."""


@dataclass(frozen=True)
class Ronde2025Verslag:
    aangemaakt: bool
    kandidaten_toegevoegd: int
    kandidaten: int


@transaction.atomic
def ronde_2025_load() -> Ronde2025Verslag:
    """Create or complete the 2025 round; a second run changes nothing.
    Raises Register2025Ontbreekt when `load-lsp-2025` has not run."""
    indeling = Indeling.objects.filter(naam=STANDAARD_INDELING).first()
    if indeling is None or not MonitorTelling.objects.filter(jaar=JAAR).exists():
        raise Register2025Ontbreekt("run `dekkend load-lsp-2025` first")
    ronde, created = Ronde.objects.get_or_create(
        jaar=JAAR,
        defaults={
            "open_op": OPEN_OP,
            "sluit_op": SLUIT_OP,
            "indeling": indeling,
            "peildatum": PEILDATUM,
            "vragenlijst_versie": "2025",
            "status": RondeStatus.GEPUBLICEERD,
            "gepubliceerde_cijfers": True,
            "bron": "Monitor Laagdrempelige steunpunten 2025 (tabel 2, tabel 4, bijlage A)",
        },
    )
    membership = dict(
        RegioGemeente.objects.filter(indeling=indeling).values_list(
            "gemeente_id", "regio_id"
        )
    )
    present = set(
        ronde.kandidaten.filter(steunpunt__isnull=False).values_list(
            "steunpunt_id", flat=True
        )
    )
    new = []
    for sp in (
        Steunpunt.objects.filter(aanbod__bron_sleutel__startswith="lsp-2025:")
        .select_related("aanbod__organisatie", "aanbod__locatie")
        .order_by("aanbod__naam")
    ):
        locatie = sp.aanbod.locatie
        if locatie is None or sp.pk in present:
            continue
        new.append(
            Kandidaat(
                ronde=ronde,
                steunpunt=sp,
                naam=sp.aanbod.naam,
                organisatie_naam=sp.aanbod.organisatie.naam,
                gemeente_id=locatie.gemeente_id,
                regio_id=membership.get(locatie.gemeente_id),
                bron=KandidaatBron.REGISTER,
                bron_toelichting=BRON,
                besluit=Besluit.OP_LIJST,
                # Annex A gives no size per location (data README).
                lsp_type="onbekend",
                dagdelen_per_week=None,
            )
        )
    Kandidaat.objects.bulk_create(new)
    if created or new:
        record("ronde.loaded", None, ronde, {"jaar": JAAR, "kandidaten": len(new)})
    return Ronde2025Verslag(
        aangemaakt=created,
        kandidaten_toegevoegd=len(new),
        kandidaten=ronde.kandidaten.count(),
    )
