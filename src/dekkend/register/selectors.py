# SPDX-License-Identifier: EUPL-1.2
"""Every read of the register for pages, API and documents.

The register is public: support points that are valid on the reference date
and not stopped are visible to everyone. Editing lists filter by the rules of
`permissions.py`.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

import numpy as np

from dekkend.regions import geo
from dekkend.regions.models import Indeling, RegioGemeente
from dekkend.register import lsp_type
from dekkend.register.constants import AanbodSoort, AanbodStatus
from dekkend.register.models import (
    Aanbod,
    AanbodDoelgroep,
    Openingsdagdeel,
    Steunpunt,
    SteunpuntHerstelaanbod,
)
from dekkend.register.models.base import valid_on
from dekkend.register.permissions import user_organisatie_ids


def lsp_queryset() -> QuerySet[Steunpunt]:
    """Every LSP that has not stopped, whatever its validity, with the rows a
    register answer shows (organisation, location, gemeente, dagdelen); the
    search snapshot (`register/search.py`) holds all of them and filters on
    validity in memory."""
    return (
        Steunpunt.objects.filter(aanbod__soort=AanbodSoort.LSP)
        .exclude(aanbod__status=AanbodStatus.GESTOPT)
        .select_related("aanbod__organisatie", "aanbod__locatie__gemeente")
        # A gemeente's boundary is a GeoJSON document: decoding it for every
        # row costs more than the rest of the row; maps read it separately.
        .defer("aanbod__locatie__gemeente__geometrie")
        .prefetch_related(
            Prefetch(
                "aanbod__dagdelen",
                queryset=Openingsdagdeel.objects.order_by("weekdag", "dagdeel"),
            )
        )
    )


def steunpunt_queryset(*, peildatum: date) -> QuerySet[Steunpunt]:
    """Support points on the register on `peildatum` (valid and not stopped)."""
    return (
        lsp_queryset().filter(valid_on(peildatum, "aanbod__")).order_by("aanbod__naam")
    )


@dataclass(frozen=True)
class SteunpuntFilter:
    gemeente: str | None = None  # CBS code
    regio: UUID | None = None
    lsp_type: str | None = None
    organisatie: UUID | None = None
    element: str | None = None
    doelgroep: str | None = None
    zoekterm: str | None = None


def steunpunt_list(
    *, peildatum: date, filters: SteunpuntFilter | None = None
) -> QuerySet[Steunpunt]:
    qs = steunpunt_queryset(peildatum=peildatum)
    f = filters or SteunpuntFilter()
    if f.gemeente:
        qs = qs.filter(aanbod__locatie__gemeente__code=f.gemeente)
    if f.regio:
        qs = qs.filter(aanbod__locatie__gemeente__regiogemeente__regio__uuid=f.regio)
    if f.lsp_type:
        qs = qs.filter(lsp_type=f.lsp_type)
    if f.organisatie:
        qs = qs.filter(aanbod__organisatie__uuid=f.organisatie)
    if f.element in lsp_type.ELEMENTS:
        qs = qs.filter(**{f"element_{f.element}": True})
    if f.doelgroep:
        qs = qs.filter(
            aanbod__in=AanbodDoelgroep.objects.filter(doelgroep=f.doelgroep).values(
                "aanbod"
            )
        )
    if f.zoekterm:
        qs = qs.filter(
            Q(aanbod__naam__icontains=f.zoekterm)
            | Q(aanbod__organisatie__naam__icontains=f.zoekterm)
        )
    return qs


def steunpunt_get(*, uuid: UUID) -> Steunpunt:
    """One support point by the uuid of its offer, also when stopped (pages
    show the status); raises Steunpunt.DoesNotExist."""
    return (
        Steunpunt.objects.select_related(
            "aanbod__organisatie", "aanbod__locatie__gemeente", "hoofdsteunpunt__aanbod"
        )
        .prefetch_related(
            Prefetch(
                "aanbod__dagdelen",
                queryset=Openingsdagdeel.objects.order_by("weekdag", "dagdeel"),
            ),
            "aanbod__doelgroepen",
            Prefetch(
                "herstelaanbod",
                queryset=SteunpuntHerstelaanbod.objects.order_by("soort"),
            ),
            "kenmerken",
            "afwegingen",
            "satellieten__aanbod",
        )
        .get(aanbod__uuid=uuid)
    )


@dataclass(frozen=True)
class Nabij:
    steunpunt: Steunpunt
    afstand_km: float


# Widening search radii (km): most of the country finds 10 support points
# within 25 km; the last step covers the whole country.
_RADII_KM = (10.0, 25.0, 60.0, 400.0)


def steunpunten_nearby(
    *,
    lat: float,
    lon: float,
    peildatum: date,
    limit: int = 10,
    filters: SteunpuntFilter | None = None,
) -> list[Nabij]:
    """The `limit` support points nearest to (lat, lon), nearest first.

    Prefilters on a bounding box (indexed lat/lon) and widens it until enough
    are found, then ranks by haversine distance in km.
    """
    base = steunpunt_list(peildatum=peildatum, filters=filters)
    # Candidates need (pk, lat, lon) only: no sort, no prefetch.
    coords = base.order_by().prefetch_related(None)
    for radius in _RADII_KM:
        min_lat, max_lat, min_lon, max_lon = geo.bounding_box(lat, lon, radius)
        candidates = list(
            coords.filter(
                aanbod__locatie__lat__gte=min_lat,
                aanbod__locatie__lat__lte=max_lat,
                aanbod__locatie__lon__gte=min_lon,
                aanbod__locatie__lon__lte=max_lon,
            ).values_list("pk", "aanbod__locatie__lat", "aanbod__locatie__lon")
        )
        if not candidates:
            continue
        distances = geo.haversine_km_many(
            lat, lon, [c[1] for c in candidates], [c[2] for c in candidates]
        )
        within = [
            (float(d), c[0])
            for d, c in zip(distances, candidates, strict=True)
            if d <= radius
        ]
        if len(within) >= limit or radius == _RADII_KM[-1]:
            within.sort()
            chosen = within[:limit]
            chosen_pks = [pk for _, pk in chosen]
            by_pk = {s.pk: s for s in base.order_by().filter(pk__in=chosen_pks)}
            return [Nabij(by_pk[pk], round(d, 1)) for d, pk in chosen]
    return []


def steunpunt_zoeken(
    *,
    lat: float,
    lon: float,
    peildatum: date,
    limit: int = 10,
    filters: SteunpuntFilter | None = None,
    herkomst_gemeente_id: int | None = None,
    herkomst_gemeente_code: str | None = None,
    token: int | None = None,
) -> list[Any]:
    """The public search: `limit` support points nearest to (lat, lon) as
    `search.Hit`s (row with the API's serialised support point, the model
    instance and the contact route; distance in km; water crossing).

    Served from the per-process snapshot (`register/search.py`): 1 query when
    it is current, none when the caller passes the `token` it read. Filters the snapshot cannot answer (gemeente, regio, free
    text) take the database path of `steunpunten_nearby`.
    """
    from dekkend.register import afstand, search
    from dekkend.register.api.serializers import SteunpuntSerializer
    from dekkend.register.contact import contact_for

    f = filters or SteunpuntFilter()
    if not (f.gemeente or f.regio or f.zoekterm):
        return search.nearest(
            lat=lat,
            lon=lon,
            peildatum=peildatum,
            limit=limit,
            herkomst_gemeente_id=herkomst_gemeente_id,
            herkomst_gemeente_code=herkomst_gemeente_code,
            lsp_type=f.lsp_type,
            element=f.element if f.element in lsp_type.ELEMENTS else None,
            doelgroep=f.doelgroep,
            organisatie=str(f.organisatie) if f.organisatie else None,
            token=token,
        )
    herkomst = herkomst_gemeente_code
    if herkomst is None and herkomst_gemeente_id is not None:
        from dekkend.regions.models import Gemeente

        herkomst = (
            Gemeente.objects.filter(pk=herkomst_gemeente_id)
            .values_list("code", flat=True)
            .first()
        )
    hits = []
    for n in steunpunten_nearby(
        lat=lat, lon=lon, peildatum=peildatum, limit=limit, filters=f
    ):
        locatie = n.steunpunt.aanbod.locatie
        assert locatie is not None  # the nearby search only finds located ones
        row = search.Row(
            steunpunt=n.steunpunt,
            api=dict(SteunpuntSerializer(n.steunpunt).data),
            contact=contact_for(n.steunpunt.aanbod),
            gemeente_code=locatie.gemeente.code,
            positie_bron=locatie.positie_bron,
        )
        water = afstand.water_crossing(herkomst, row.gemeente_code)
        hits.append(search.Hit(row, n.afstand_km, water))
    return hits


def steunpunten_editable(*, user: Any) -> QuerySet[Steunpunt]:
    """Support points the user may keep up to date."""
    qs = Steunpunt.objects.select_related(
        "aanbod__organisatie", "aanbod__locatie__gemeente"
    )
    if user.has_perm("register.change_any_steunpunt"):
        return qs.order_by("aanbod__naam")
    if not user.has_perm("register.change_steunpunt"):
        return qs.none()
    return qs.filter(aanbod__organisatie_id__in=user_organisatie_ids(user)).order_by(
        "aanbod__naam"
    )


TYPE_KEYS = ("groot", "middel", "klein", "onbekend")


def _counts(types: list[str]) -> dict[str, int]:
    counter = Counter(types)
    out = {k: counter.get(k, 0) for k in TYPE_KEYS}
    out["totaal"] = sum(out.values())
    return out


def lsp_summary(*, indeling: Indeling, peildatum: date) -> dict[str, Any]:
    """LSP locations per region of `indeling` by type, plus organisations.

    Locations in a gemeente outside the division's regions are counted under
    `buiten_indeling` (only possible for an incomplete division).
    """
    membership = dict(
        RegioGemeente.objects.filter(indeling=indeling).values_list(
            "gemeente_id", "regio__naam"
        )
    )
    per_regio: dict[str, list[str]] = defaultdict(list)
    buiten: list[str] = []
    organisaties = set()
    for gemeente_id, type_code, org_id in steunpunt_queryset(
        peildatum=peildatum
    ).values_list("aanbod__locatie__gemeente_id", "lsp_type", "aanbod__organisatie_id"):
        organisaties.add(org_id)
        naam = membership.get(gemeente_id)
        (per_regio[naam] if naam else buiten).append(type_code)
    regios = [
        {"regio": naam, **_counts(per_regio.get(naam, []))}
        for naam in indeling.regios.order_by("naam").values_list("naam", flat=True)
    ]
    result: dict[str, Any] = {
        "division": indeling.naam,
        "peildatum": peildatum.isoformat(),
        "regios": regios,
        "totaal": _counts([t for types in per_regio.values() for t in types] + buiten),
        "organisaties": len(organisaties),
    }
    if buiten:
        result["buiten_indeling"] = _counts(buiten)
    return result


def nearest_distance_km(
    points: list[tuple[float, float]], lat: float, lon: float
) -> float | None:
    if not points:
        return None
    arr = np.asarray(points)
    return float(geo.haversine_km_many(lat, lon, arr[:, 0], arr[:, 1]).min())


@dataclass(frozen=True)
class GemeenteRij:
    code: str
    naam: str
    inwoners: int | None
    per_type: dict[str, int]

    @property
    def totaal(self) -> int:
        return sum(self.per_type.values())

    @property
    def per_100k(self) -> float | None:
        return (
            round(self.totaal / self.inwoners * 100_000, 1) if self.inwoners else None
        )


@dataclass(frozen=True)
class RegioOverzicht:
    gemeenten: list[GemeenteRij]
    totaal: dict[str, int]
    inwoners: int
    zonder_lsp: list[GemeenteRij]
    monitor: Any | None


def regio_lsp_overview(*, regio: Any, peildatum: date) -> RegioOverzicht:
    """Per gemeente of `regio`: inhabitants (latest year) and LSPs by type."""
    from dekkend.regions.selectors import regio_gemeenten
    from dekkend.register.models import MonitorTelling

    gemeenten = list(regio_gemeenten(regio=regio))
    per_gemeente: dict[int, list[str]] = defaultdict(list)
    for gemeente_id, type_code in (
        steunpunt_queryset(peildatum=peildatum)
        .filter(aanbod__locatie__gemeente__in=gemeenten)
        .values_list("aanbod__locatie__gemeente_id", "lsp_type")
    ):
        per_gemeente[gemeente_id].append(type_code)
    rijen = []
    for g in gemeenten:
        counts = _counts(per_gemeente.get(g.pk, []))
        counts.pop("totaal")
        rijen.append(GemeenteRij(g.code, g.naam, getattr(g, "inwoners", None), counts))
    totaal = _counts([t for types in per_gemeente.values() for t in types])
    return RegioOverzicht(
        gemeenten=rijen,
        totaal=totaal,
        inwoners=sum(r.inwoners or 0 for r in rijen),
        zonder_lsp=[r for r in rijen if r.totaal == 0],
        monitor=MonitorTelling.objects.filter(regio=regio).order_by("-jaar").first(),
    )


# -- Offers near a resident (sociaal verwijzen: connecting to the register) --


@dataclass(frozen=True)
class AanbodNabij:
    aanbod: Aanbod
    # None when the offer has no location or the postcode gave no point.
    afstand_km: float | None


def _aanbod_zoek_queryset(
    *, peildatum: date, soort: str | None, zoekterm: str | None
) -> QuerySet[Aanbod]:
    qs = (
        Aanbod.objects.filter(valid_on(peildatum))
        .exclude(status=AanbodStatus.GESTOPT)
        .select_related("organisatie", "locatie__gemeente")
        .defer("locatie__gemeente__geometrie")
    )
    if soort:
        qs = qs.filter(soort=soort)
    if zoekterm and zoekterm.strip():
        term = zoekterm.strip()
        qs = qs.filter(
            Q(naam__icontains=term)
            | Q(organisatie__naam__icontains=term)
            | Q(omschrijving__icontains=term)
            | Q(locatie__plaats__icontains=term)
        )
    return qs


def aanbod_nearby(
    *,
    postcode: str,
    soort: str | None = None,
    zoekterm: str | None = None,
    limit: int = 10,
    peildatum: date | None = None,
) -> list[AanbodNabij]:
    """Offers of any kind (LSPs included) on the register on `peildatum`
    (default today) and not stopped, nearest to the centre of `postcode`'s
    PC4 area first, as `steunpunten_nearby` ranks support points.

    `soort` is an `AanbodSoort` value; `zoekterm` matches the offer's name,
    description, place or organisation. Offers without a location, or every
    offer when the postcode is empty or not in the PC4 register, come after
    the located ones (or alone), by name, with `afstand_km` None. Raises
    `dekkend.regions.selectors.OngeldigePostcode` for input that is no
    postcode. Distances are in km, rounded to 0.1.
    """
    from dekkend.regions.selectors import postcode_punt

    peildatum = peildatum or timezone.localdate()
    base = _aanbod_zoek_queryset(peildatum=peildatum, soort=soort, zoekterm=zoekterm)
    punt = postcode_punt(postcode) if postcode.strip() else None
    result: list[AanbodNabij] = []
    if punt is not None:
        coords = base.order_by().filter(locatie__isnull=False)
        for radius in _RADII_KM:
            min_lat, max_lat, min_lon, max_lon = geo.bounding_box(
                punt.lat, punt.lon, radius
            )
            candidates = list(
                coords.filter(
                    locatie__lat__gte=min_lat,
                    locatie__lat__lte=max_lat,
                    locatie__lon__gte=min_lon,
                    locatie__lon__lte=max_lon,
                ).values_list("pk", "locatie__lat", "locatie__lon")
            )
            if not candidates and radius != _RADII_KM[-1]:
                continue
            distances = geo.haversine_km_many(
                punt.lat,
                punt.lon,
                [c[1] for c in candidates],
                [c[2] for c in candidates],
            )
            within = sorted(
                (float(d), c[0])
                for d, c in zip(distances, candidates, strict=True)
                if d <= radius
            )
            if len(within) >= limit or radius == _RADII_KM[-1]:
                chosen = within[:limit]
                by_pk = {a.pk: a for a in base.filter(pk__in=[pk for _, pk in chosen])}
                result = [AanbodNabij(by_pk[pk], round(d, 1)) for d, pk in chosen]
                break
    if len(result) < limit:
        rest = base.exclude(pk__in=[n.aanbod.pk for n in result])
        if punt is not None:
            rest = rest.filter(locatie__isnull=True)
        result += [
            AanbodNabij(a, None) for a in rest.order_by("naam")[: limit - len(result)]
        ]
    return result


def aanbod_get(*, uuid: UUID | str, peildatum: date | None = None) -> Aanbod:
    """One offer on the register on `peildatum` (default today) and not
    stopped; raises Aanbod.DoesNotExist."""
    return _aanbod_zoek_queryset(
        peildatum=peildatum or timezone.localdate(), soort=None, zoekterm=None
    ).get(uuid=uuid)
