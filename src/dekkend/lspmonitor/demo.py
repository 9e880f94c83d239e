# SPDX-License-Identifier: EUPL-1.2
"""The demo's 2026 round: invitations with synthetic respondents ("Demo
respondent 001", addresses @example.invalid), synthetic answers marked as
such, some afwegingskader reviews and location proposals. Refused unless
settings.DEKKEND_DEMO_ALLOWED (never in production)."""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from dekkend.accounts.models import User
from dekkend.lspmonitor import services
from dekkend.lspmonitor.constants import UitnodigingRol
from dekkend.lspmonitor.models import LocatieVoorstel, Respons, Ronde
from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get
from dekkend.lspmonitor.synthetic import rol_codes, synthetische_antwoorden
from dekkend.regions.models import Regio, RegioLid
from dekkend.register import afwegingskader
from dekkend.register.models import Organisatie, OrganisatieLid

JAAR = 2026
DEMO_REGIO = "zeeland"  # monitor region of the demo regio account
DEMO_TEKST = (
    "DEMO — synthetische gegevens. Deze ronde, de respondenten en hun antwoorden "
    "zijn verzonnen voor de demonstratie."
)


@dataclass(frozen=True)
class DemoVerslag:
    uitnodigingen: int
    responsen: int
    beoordelingen: int
    voorstellen: int


class DemoRondeBestaat(Exception):
    """A 2026 round with real (not synthetic) responses exists."""


@transaction.atomic
def demo_monitor_create(*, seed: int = 2026, responsen: int = 40) -> DemoVerslag:
    """Create (or recreate) the synthetic 2026 round."""
    if not getattr(settings, "DEKKEND_DEMO_ALLOWED", False):
        raise ImproperlyConfigured("demo data is not allowed with these settings")
    landelijk = User.objects.filter(username="demo-landelijk").first()
    if landelijk is None:
        raise ImproperlyConfigured("run `dekkend demo-setup` first")
    bestaand = Ronde.objects.filter(jaar=JAAR).first()
    if bestaand is not None:
        if Respons.objects.filter(ronde=bestaand, synthetisch=False).exists():
            raise DemoRondeBestaat(f"round {JAAR} holds real responses")
        bestaand.delete()
    rng = random.Random(seed)
    today = timezone.localdate()
    ronde = services.ronde_create(
        user=landelijk,
        jaar=JAAR,
        open_op=today - timedelta(days=14),
        sluit_op=today + timedelta(days=14),
        uitnodigingstekst=DEMO_TEKST,
        peildatum=today - timedelta(days=14),
    )
    ronde = services.ronde_open(user=landelijk, ronde=ronde)
    services.basislijst_build(user=landelijk, ronde=ronde)
    vl = vragenlijst_get(ronde.vragenlijst_versie)

    # Candidates by hand, reviewed by the programme and NVZH (one disagreement).
    fields = afwegingskader.QUESTION_FIELDS
    beoordelingen = 0
    for i, (naam, gemeente, nee) in enumerate(
        (
            ("Demo: Herstelcafé De Kade", "GM0687", None),
            ("Demo: Inloop Het Baken", "GM0718", "herstelaanbod_aanwezig"),
            ("Demo: Buurtkamer Oost", "GM0654", "geen_hulpverlening"),
        )
    ):
        k = services.kandidaat_add(
            user=landelijk,
            ronde=ronde,
            gegevens=services.KandidaatGegevens(
                naam=naam, gemeente=gemeente, organisatie="Demo-organisatie"
            ),
        )
        for rol in ("programma", "nvzh"):
            antwoorden: dict[str, bool | None] = dict.fromkeys(fields, True)
            if nee and (rol == "nvzh" or i == 1):
                antwoorden[nee] = False
            services.beoordeling_record(
                user=landelijk,
                kandidaat=k,
                rol=rol,
                antwoorden=antwoorden,
                basis={f: rng.choice(["online", "telefonisch"]) for f in fields},
                toelichting="Synthetische beoordeling (demo).",
            )
            beoordelingen += 1

    regios = list(
        Regio.objects.filter(indeling=ronde.indeling, monitorkandidaten__ronde=ronde)
        .distinct()
        .order_by("code")
    )
    zeeland = next((r for r in regios if r.code == DEMO_REGIO), regios[0])
    demo_lsp = User.objects.filter(username="demo-lsp").first()
    demo_org_ids = (
        set(
            OrganisatieLid.objects.filter(user=demo_lsp).values_list(
                "organisatie_id", flat=True
            )
        )
        if demo_lsp
        else set()
    )
    lsp_codes = rol_codes(vl, "lsp") or ["lsp"]
    coord_codes = rol_codes(vl, "coordinator") or ["vng"]
    n_uitnodigingen = n_responsen = n_voorstellen = 0
    for i in range(1, responsen + 1):
        regio = zeeland if i <= 6 else rng.choice(regios)
        is_lsp = i % 3 != 0
        organisatie = None
        if is_lsp:
            orgs = list(
                Organisatie.objects.filter(
                    aanbod__steunpunt__monitorkandidaten__ronde=ronde,
                    aanbod__steunpunt__monitorkandidaten__regio=regio,
                ).distinct()
            )
            organisatie = orgs[i % len(orgs)] if orgs else None
            if i == 1 and demo_org_ids:
                organisatie = Organisatie.objects.get(pk=min(demo_org_ids))
            if organisatie is None:
                is_lsp = False
        u = services.uitnodiging_create(
            user=landelijk,
            ronde=ronde,
            gegevens=services.UitnodigingGegevens(
                rol=UitnodigingRol.LSP if is_lsp else UitnodigingRol.COORDINATOR,
                naam=f"Demo respondent {i:03d}",
                email=f"demo-respondent-{i:03d}@example.invalid",
                regio=regio,
                organisatie=organisatie,
            ),
        )
        n_uitnodigingen += 1
        if i > responsen * 3 // 4:
            continue  # not answered yet: reminders have someone to remind
        eerste = regio.gemeenten.first()
        antwoorden = synthetische_antwoorden(
            vl,
            rol_code=rng.choice(lsp_codes if is_lsp else coord_codes),
            regio=regio.code,
            gemeente=eerste.code if eerste else "",
            seed=seed + i,
        )
        services.respons_save(uitnodiging=u, antwoorden=antwoorden)
        Respons.objects.filter(uitnodiging=u).update(synthetisch=True)
        respons = services.respons_submit(uitnodiging=u)
        n_responsen += 1
        if is_lsp and organisatie is not None and n_voorstellen < 4:
            sp = (
                organisatie.aanbod.filter(
                    steunpunt__isnull=False, locatie__isnull=False
                )
                .select_related("locatie", "steunpunt")
                .first()
            )
            if sp is not None:
                LocatieVoorstel.objects.get_or_create(
                    respons=respons,
                    locatie=sp.locatie,
                    defaults={
                        "steunpunt": sp.steunpunt,
                        "bevestigd": False,
                        "velden": {
                            "straat": "Demostraat",
                            "huisnummer": str(i),
                            "dagdelen": [
                                "1:ochtend",
                                "1:middag",
                                "3:middag",
                                "5:ochtend",
                            ],
                            "elementen": ["inloop", "door_en_voor"],
                        },
                    },
                )
                n_voorstellen += 1
    demo_regio = User.objects.filter(username="demo-regio").first()
    if demo_regio is not None:
        RegioLid.objects.get_or_create(user=demo_regio, regio=zeeland)
    return DemoVerslag(n_uitnodigingen, n_responsen, beoordelingen, n_voorstellen)
