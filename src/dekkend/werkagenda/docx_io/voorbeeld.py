# SPDX-License-Identifier: EUPL-1.2
"""A complete, realistic-sized werkagenda built in Python, without a database:
for the benchmark and for tests of the exporter."""

from __future__ import annotations

import random
from datetime import date

from dekkend.werkagenda.content import (
    MIJLPAAL_STATUSSEN,
    Mijlpaal,
    OnderdeelInhoud,
    Projectdoelstelling,
    WerkagendaInhoud,
)
from dekkend.werkagenda.format.definition import FormatDefinitie

_WOORDEN = [
    "de",
    "regio",
    "werkt",
    "samen",
    "met",
    "gemeenten",
    "zorgverzekeraar",
    "huisartsen",
    "welzijn",
    "GGD",
    "wijkteams",
    "inwoners",
    "steunpunt",
    "sociaal",
    "verwijzen",
    "valpreventie",
    "netwerk",
    "ambitie",
    "aanbod",
    "dekkend",
    "capaciteit",
    "bereik",
    "doelgroep",
    "monitoring",
    "afspraken",
    "financiering",
    "coördinatie",
    "uitvoering",
    "kwartaal",
    "planning",
    "evaluatie",
    "kennis",
    "leren",
    "data",
    "gezondheid",
    "preventie",
    "kwetsbare",
    "ouderen",
    "jongeren",
    "gezinnen",
    "kansrijke",
    "start",
    "overgewicht",
    "leefstijl",
    "samenhang",
    "verantwoordelijkheid",
    "eigenaarschap",
    "borging",
    "structureel",
    "implementatie",
    "pilot",
    "opschaling",
    "werkgroep",
    "stuurgroep",
]


def tekst(rng: random.Random, woorden: int) -> str:
    """`woorden` words of plausible running text in paragraphs of ~80 words."""
    alineas = []
    over = woorden
    while over > 0:
        n = min(over, rng.randint(60, 100))
        zin = " ".join(rng.choice(_WOORDEN) for _ in range(n))
        alineas.append(zin[0].upper() + zin[1:] + ".")
        over -= n
    return "\n".join(alineas)


def volledige_werkagenda(
    definitie: FormatDefinitie,
    *,
    regio: str = "Voorbeeldregio",
    woorden: tuple[int, int] = (300, 800),
    doelen: int = 5,
    mijlpalen: int = 12,
    seed: int = 2026,
) -> WerkagendaInhoud:
    """Every field filled with `woorden` (min, max) words, `doelen` goals
    and `mijlpalen` milestones per aanpak, partners per leefgebied."""
    rng = random.Random(seed)
    onderdelen = []
    for onderdeel in definitie.onderdelen:
        velden = {
            v.sleutel: tekst(rng, rng.randint(*woorden)) for v in onderdeel.velden
        }
        doelstellingen: tuple[Projectdoelstelling, ...] = ()
        planning: tuple[Mijlpaal, ...] = ()
        financiers: tuple[str, ...] = ()
        partijen: tuple[str, ...] = ()
        if onderdeel.soort == "aanpak":
            doelstellingen = tuple(
                Projectdoelstelling(
                    omschrijving=f"Doel {n} voor {onderdeel.titel}: " + tekst(rng, 20),
                    maatstaf="",
                    maatstaf_label=f"Maatstaf {n} ({onderdeel.nummer})",
                    streefwaarde=float(rng.randint(1, 100)),
                    eenheid="%",
                    uiterlijk=date(2030, 12, 31),
                    verantwoordelijke="Mandaatgemeente en zorgverzekeraar",
                    ingroeipad=tuple(
                        (jaar, float(10 * (jaar - 2026))) for jaar in range(2027, 2031)
                    ),
                )
                for n in range(1, doelen + 1)
            )
            planning = tuple(
                Mijlpaal(
                    kwartaal=f"{2027 + n // 4}-K{n % 4 + 1}",
                    activiteiten=tekst(rng, 25),
                    verantwoordelijke="Regiocoördinator",
                    deelresultaat=tekst(rng, 15),
                    status=MIJLPAAL_STATUSSEN[n % len(MIJLPAAL_STATUSSEN)],
                )
                for n in range(mijlpalen)
            )
        if onderdeel.heeft_partijen:
            financiers = ("Mandaatgemeente", "Preferente zorgverzekeraar")
            partijen = tuple(f"Uitvoeringspartij {n}" for n in range(1, 7))
        onderdelen.append(
            OnderdeelInhoud(
                sleutel=onderdeel.sleutel,
                velden=velden,
                doelstellingen=doelstellingen,
                mijlpalen=planning,
                financiers=financiers,
                uitvoeringspartijen=partijen,
            )
        )
    return WerkagendaInhoud(
        format_versie=definitie.versie,
        regio=regio,
        periode_van=2027,
        periode_tot=2030,
        status="concept",
        versie=1,
        onderdelen=tuple(onderdelen),
    )
