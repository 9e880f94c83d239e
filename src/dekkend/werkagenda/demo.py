# SPDX-License-Identifier: EUPL-1.2
"""A demo werkagenda for one region, written through the services: a few
texts, the suggestions for 2a and 2b accepted, a SMART goal on the number of
gemeenten with an LSP (all of them by 2030, with an ingroeipad), one on
referrals, milestones (one delayed, so the overview shows it as overdue),
parties, a financial plan and college decisions of most gemeenten.

Idempotent: a region that has a werkagenda is left alone. Refused unless
settings.DEKKEND_DEMO_ALLOWED.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from dekkend.accounts.models import User
from dekkend.regions.models import Regio, RegioLid
from dekkend.regions.selectors import regio_gemeenten
from dekkend.register.selectors import steunpunt_queryset
from dekkend.werkagenda import services
from dekkend.werkagenda.constants import (
    CollegeUitkomst,
    MijlpaalStatus,
    PartijRol,
    WerkagendaStatus,
)
from dekkend.werkagenda.models import Werkagenda

DEMO_USER = "demo-regio"

TEKSTEN = {
    "rpi.toelichting": (
        "De regio werkt sinds het regioplan IZA samen in één regiotafel van de "
        "dertien gemeenten, de preferente zorgverzekeraar, de GGD en de "
        "welzijnsorganisaties. De mandaatgemeente voert het secretariaat."
    ),
    "2.gezondheidsdoelen": (
        "Minder inwoners met psychische klachten die te laat hulp vinden; iedere "
        "inwoner vindt binnen de eigen gemeente een laagdrempelig steunpunt."
    ),
    "2a.urgentie": (
        "Vier gemeenten hebben nog geen laagdrempelig steunpunt en de capaciteit "
        "dekt maar een klein deel van de geschatte behoefte. Op de eilanden is de "
        "reisafstand voor inwoners zonder auto een drempel."
    ),
    "2a.ontwerp": (
        "Eén LSP groot in de stedelijke kernen, middelgrote steunpunten in de "
        "centrumgemeenten en kleine inlooppunten in de dorpen, met "
        "ervaringsdeskundigen in elk team."
    ),
    "2b.urgentie": (
        "Huisartsen verwijzen nog weinig naar het sociaal domein; de "
        "terugkoppeling aan de verwijzer is niet overal geregeld."
    ),
}


def _user(regio: Regio) -> User | None:
    user = User.objects.filter(username=DEMO_USER).first()
    if user is not None:
        RegioLid.objects.get_or_create(user=user, regio=regio)
    return user


@transaction.atomic
def demo_werkagenda_create(regio: Regio) -> tuple[Werkagenda, bool]:
    """The demo werkagenda of `regio` and whether it was created now."""
    if not getattr(settings, "DEKKEND_DEMO_ALLOWED", False):
        raise ImproperlyConfigured(
            "Een demo-werkagenda is met deze instellingen niet toegestaan "
            "(alleen in dev en ci)."
        )
    user = _user(regio)
    bestaand = Werkagenda.objects.filter(regio=regio).order_by("-versie").first()
    if bestaand is not None:
        return bestaand, False
    services.spuk_bedragen_load()
    wa = services.werkagenda_create(user=user, regio=regio)
    for adres, tekst in TEKSTEN.items():
        services.sectie_save(
            user=user, werkagenda=wa, adres=adres, tekst=tekst, revisie=0
        )
    for adres in ("2a.situatie", "2a.ambitie", "2b.situatie"):
        services.prefill_accept(user=user, werkagenda=wa, adres=adres, revisie=0)
    n = regio_gemeenten(regio=regio).count()
    services.doelstelling_save(
        user=user,
        werkagenda=wa,
        onderdeel="2a",
        omschrijving="Elke gemeente van de regio heeft ten minste één laagdrempelig steunpunt.",
        maatstaf="lsp.gemeenten_met_lsp",
        streefwaarde=n,
        uiterlijk=date(wa.periode_tot, 12, 31),
        verantwoordelijke="Mandaatgemeente, met de gemeenten zonder LSP",
        ingroeipad=[
            (wa.periode_van, max(n - 3, 0)),
            (wa.periode_van + 1, max(n - 2, 0)),
            (wa.periode_van + 2, max(n - 1, 0)),
            (wa.periode_tot, n),
        ],
    )
    services.doelstelling_save(
        user=user,
        werkagenda=wa,
        onderdeel="2b",
        omschrijving="Huisartsen en POH-GGZ verwijzen 60 inwoners per 10.000 per jaar.",
        maatstaf="sv.verwijzingen_per_10000",
        streefwaarde=60,
        uiterlijk=date(wa.periode_tot, 12, 31),
        verantwoordelijke="Preferente zorgverzekeraar en welzijnsorganisaties",
        ingroeipad=[
            (wa.periode_van, 20),
            (wa.periode_van + 1, 35),
            (wa.periode_tot, 60),
        ],
    )
    mijlpalen = [
        (
            "2a",
            f"{wa.periode_van}-K1",
            "Kwartiermaker LSP aanstellen",
            "Mandaatgemeente",
            "Kwartiermaker aan de slag",
            MijlpaalStatus.VERTRAAGD,
        ),
        (
            "2a",
            f"{wa.periode_van}-K2",
            "Locaties zoeken in de gemeenten zonder LSP",
            "Gemeenten",
            "Locatie per gemeente",
            MijlpaalStatus.GEPLAND,
        ),
        (
            "2a",
            f"{wa.periode_van + 1}-K4",
            "Vier nieuwe steunpunten open",
            "Welzijnsorganisaties",
            "Elke gemeente een LSP",
            MijlpaalStatus.GEPLAND,
        ),
        (
            "2b",
            f"{wa.periode_van}-K1",
            "Afspraken over terugkoppeling met huisartsen",
            "Zorgverzekeraar",
            "Werkafspraak vastgesteld",
            MijlpaalStatus.BEZIG,
        ),
    ]
    for onderdeel, kwartaal, act, wie, res, status in mijlpalen:
        services.mijlpaal_save(
            user=user,
            werkagenda=wa,
            onderdeel=onderdeel,
            kwartaal=kwartaal,
            activiteiten=act,
            verantwoordelijke=wie,
            deelresultaat=res,
            status=status,
        )
    services.partij_save(
        user=user,
        werkagenda=wa,
        onderdeel="2",
        rol=PartijRol.FINANCIER,
        naam="Preferente zorgverzekeraar",
    )
    services.partij_save(
        user=user,
        werkagenda=wa,
        onderdeel="2",
        rol=PartijRol.FINANCIER,
        naam="Gemeenten (SPUK AZWA)",
    )
    steunpunt = (
        steunpunt_queryset(peildatum=timezone.localdate())
        .filter(aanbod__locatie__gemeente__regiogemeente__regio=regio)
        .first()
    )
    if steunpunt is not None:
        services.partij_save(
            user=user,
            werkagenda=wa,
            onderdeel="2",
            rol=PartijRol.UITVOERINGSPARTIJ,
            organisatie=steunpunt.aanbod.organisatie,
        )
    for jaar, bedrag in ((wa.periode_van, 250_000), (wa.periode_van + 1, 400_000)):
        services.financieel_plan_save(
            user=user,
            werkagenda=wa,
            onderdeel="2a",
            jaar=jaar,
            bedrag=Decimal(bedrag),
            toelichting="Kwartiermaker en nieuwe steunpunten",
        )
    services.werkagenda_status_change(
        user=user, werkagenda=wa, status=WerkagendaStatus.TER_VASTSTELLING
    )
    vandaag = timezone.localdate()
    gemeenten = list(regio_gemeenten(regio=regio))
    for i, g in enumerate(gemeenten[: max(len(gemeenten) - 3, 0)]):
        services.collegebesluit_record(
            user=user,
            werkagenda=wa,
            gemeente=g,
            datum=vandaag - timedelta(days=20 + i),
            uitkomst=CollegeUitkomst.VASTGESTELD,
            kenmerk=f"B&W {vandaag.year}/{100 + i}",
        )
    if len(gemeenten) > 3:
        services.collegebesluit_record(
            user=user,
            werkagenda=wa,
            gemeente=gemeenten[-3],
            datum=vandaag - timedelta(days=5),
            uitkomst=CollegeUitkomst.AANGEHOUDEN,
            kenmerk="Terug naar de raad",
        )
    return wa, True
