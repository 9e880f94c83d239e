# SPDX-License-Identifier: EUPL-1.2
"""Reads of municipalities, postcode areas and divisions."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery

from dekkend.regions.models import Bevolking, Gemeente, Indeling, Postcodegebied, Regio


def gemeente_list(*, peiljaar: int | None = None) -> QuerySet[Gemeente]:
    """Gemeenten annotated with `inwoners` of `peiljaar` (default: the latest)."""
    bevolking = Bevolking.objects.filter(gemeente=OuterRef("pk"))
    if peiljaar is not None:
        bevolking = bevolking.filter(peiljaar=peiljaar)
    latest = bevolking.order_by("-peiljaar")
    return Gemeente.objects.annotate(
        inwoners=Subquery(latest.values("inwoners")[:1]),
        inwoners_peiljaar=Subquery(latest.values("peiljaar")[:1]),
    ).order_by("naam")


def bevolking_per_gemeente(
    *, gemeenten: Iterable[Gemeente], jaar: int
) -> dict[int, Bevolking | None]:
    """The population count that applies to `jaar`, per gemeente pk: the one
    of 1 January of the latest year up to `jaar`, or the oldest known when
    all are later; None for a gemeente without any count.

    The one rule for inhabitants in rates, targets and coverage (monitoring,
    coverage inputs, werkagenda and the LSP monitor read it through those).
    """
    ids = [g.pk for g in gemeenten]
    chosen: dict[int, Bevolking | None] = dict.fromkeys(ids)
    for b in Bevolking.objects.filter(gemeente_id__in=ids).order_by(
        "gemeente_id", "peiljaar"
    ):
        # Ascending years: each year up to `jaar` replaces the one before;
        # a year after `jaar` counts only as the oldest known.
        if b.peiljaar <= jaar or chosen[b.gemeente_id] is None:
            chosen[b.gemeente_id] = b
    return chosen


def inwoners_per_gemeente(
    *, gemeenten: Iterable[Gemeente], jaar: int
) -> dict[str, int]:
    """Inhabitants per gemeentecode for `jaar` by `bevolking_per_gemeente`;
    0 for a gemeente without any count."""
    gemeenten = list(gemeenten)
    chosen = bevolking_per_gemeente(gemeenten=gemeenten, jaar=jaar)
    return {
        g.code: (b.inwoners if (b := chosen[g.pk]) is not None else 0)
        for g in gemeenten
    }


def gemeente_get(*, code: str) -> Gemeente:
    return gemeente_list().get(code=code.upper())


def indeling_list() -> QuerySet[Indeling]:
    return Indeling.objects.order_by("titel")


def indeling_get(*, naam: str) -> Indeling:
    return Indeling.objects.get(naam=naam)


def regio_list(*, indeling: Indeling | None = None) -> QuerySet[Regio]:
    qs = Regio.objects.select_related("indeling").order_by("naam")
    return qs.filter(indeling=indeling) if indeling else qs


def regio_get(*, indeling: str, code: str) -> Regio:
    """A region by division name and code; raises Regio.DoesNotExist."""
    return Regio.objects.select_related("indeling").get(
        indeling__naam=indeling, code=code
    )


def regio_find(*, indeling: str, code_of_naam: str) -> Regio | None:
    """A region by code, else by name, as users type it on the command line
    or in an API query."""
    regios = Regio.objects.select_related("indeling").filter(indeling__naam=indeling)
    return (
        regios.filter(code=code_of_naam).first()
        or regios.filter(naam=code_of_naam).first()
    )


def regio_gemeenten(*, regio: Regio) -> QuerySet[Gemeente]:
    return gemeente_list().filter(regiogemeente__regio=regio)


@dataclass(frozen=True)
class Punt:
    lat: float
    lon: float
    omschrijving: str
    gemeente_id: int | None = None


class OngeldigePostcode(ValueError):
    """The input is not a Dutch postcode."""


def postcode_punt(postcode: str) -> Punt | None:
    """The centre of the PC4 area of `postcode` ("4331", "4331 AB", "4331AB").

    Raises OngeldigePostcode for input that is no postcode; returns None for a
    well-formed postcode that is not in the register of PC4 areas.
    """
    cleaned = postcode.replace(" ", "").upper()
    if not (len(cleaned) in (4, 6) and cleaned[:4].isdigit() and cleaned[0] != "0"):
        raise OngeldigePostcode(postcode)
    if len(cleaned) == 6 and not cleaned[4:].isalpha():
        raise OngeldigePostcode(postcode)
    gebied = (
        Postcodegebied.objects.select_related("gemeente")
        .only("pc4", "plaats", "lat", "lon", "gemeente__naam")
        .filter(pc4=cleaned[:4])
        .first()
    )
    if gebied is None:
        return None
    return Punt(
        gebied.lat,
        gebied.lon,
        f"{gebied.pc4} {plaats_in_gemeente(gebied.plaats, gebied.gemeente.naam)}",
        gebied.gemeente_id,
    )


def plaats_in_gemeente(plaats: str, gemeente: str) -> str:
    """The place, with its gemeente only when the names differ: "Middelburg",
    not "Middelburg (Middelburg (Z.))"; but "Ritthem (Vlissingen)".

    CBS tells namesakes apart with a suffix ("Middelburg (Z.)"); a place that
    is its gemeente's namesake needs no gemeente after it.
    """
    if not plaats:
        return gemeente
    if gemeente.split(" (")[0].casefold() == plaats.casefold():
        return plaats
    return f"{plaats} ({gemeente})"


def gemeente_punt(gemeente: Gemeente) -> Punt | None:
    lat = gemeente.popw_lat or gemeente.centroid_lat
    lon = gemeente.popw_lon or gemeente.centroid_lon
    if lat is None or lon is None:
        return None
    return Punt(lat, lon, gemeente.naam)
