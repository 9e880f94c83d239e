# SPDX-License-Identifier: EUPL-1.2
"""The queries behind the HSDS endpoints.

Lists show what is on the public register on `peildatum`: records valid that
day and offers that have not stopped. A single service (or service at
location) is also found when it has stopped, so that its status can say
"defunct". The `*_details` helpers add the prefetches the nested HSDS objects
need, so a page costs a fixed handful of queries.
"""

import functools
import operator
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Prefetch, Q, QuerySet

from dekkend.regions.constants import INDELING_PROVINCIE
from dekkend.regions.models import RegioGemeente
from dekkend.register import lsp_type
from dekkend.register.constants import AanbodStatus, Herstelaanbod
from dekkend.register.hsds import taxonomies as tx
from dekkend.register.hsds.ids import derived_id
from dekkend.register.models import (
    Aanbod,
    AanbodDoelgroep,
    KenmerkZelfbeoordeling,
    Locatie,
    Organisatie,
    SteunpuntHerstelaanbod,
)
from dekkend.register.models.base import valid_on


@dataclass(frozen=True)
class ServiceFilter:
    search: str | None = None
    taxonomy_term_id: UUID | None = None
    taxonomy_id: UUID | None = None
    organization_id: UUID | None = None


def service_at_location_id(aanbod_uuid: UUID, locatie_uuid: UUID) -> str:
    """The HSDS id of an offer at its location (an offer has one location)."""
    return derived_id("service_at_location", aanbod_uuid, locatie_uuid)


def _services(*, peildatum: date, include_stopped: bool = False) -> QuerySet[Aanbod]:
    qs = Aanbod.objects.filter(valid_on(peildatum)).select_related(
        "organisatie", "locatie__gemeente", "locatie__organisatie"
    )
    if not include_stopped:
        qs = qs.exclude(status=AanbodStatus.GESTOPT)
    return qs.order_by("naam", "pk")


def _term_q(term: tx.Term) -> Q:
    """Offers that carry an attribute with `term` (see mapping.service_attributes)."""
    key, code = term.taxonomy_key, term.code
    if key == tx.SOORT_AANBOD:
        return Q(soort=code)
    if key == tx.SOORT_ORGANISATIE:
        return Q(organisatie__soort=code)
    if key == tx.LSP_TYPE:
        return Q(steunpunt__lsp_type=code)
    if key == tx.LSP_ELEMENT and code in lsp_type.ELEMENTS:
        return Q(**{f"steunpunt__element_{code}": True})
    if key == tx.KENMERK:
        kenmerken = KenmerkZelfbeoordeling.objects.filter(kenmerk=int(code))
        return Q(pk__in=kenmerken.values("steunpunt_id"))
    if key == tx.DOELGROEP:
        return Q(
            pk__in=AanbodDoelgroep.objects.filter(doelgroep=code).values("aanbod_id")
        )
    if key == tx.HERSTELAANBOD:
        rows = SteunpuntHerstelaanbod.objects.filter(soort=code)
        q = Q(pk__in=rows.values("steunpunt_id"))
        if code == Herstelaanbod.OVERIG:
            q |= Q(steunpunt__herstelaanbod_overig__gt="")
        return q
    if key == tx.LSP_GEGEVENS:
        field = {
            tx.SATELLIET_VAN: "hoofdsteunpunt",
            tx.BEZOEKERS_PER_DAG: "bezoekers_per_dag",
            tx.UNIEKE_BEZOEKERS_PER_JAAR: "unieke_bezoekers_per_jaar",
        }[code]
        return Q(**{f"steunpunt__{field}__isnull": False})
    return Q(pk__in=[])


def _any_q(qs: Iterable[Q]) -> Q:
    return functools.reduce(operator.or_, qs, Q(pk__in=[]))


def _filter_services(qs: QuerySet[Aanbod], f: ServiceFilter) -> QuerySet[Aanbod]:
    if f.search:
        qs = qs.filter(
            Q(naam__icontains=f.search)
            | Q(omschrijving__icontains=f.search)
            | Q(organisatie__naam__icontains=f.search)
            | Q(locatie__plaats__icontains=f.search)
            | Q(locatie__gemeente__naam__icontains=f.search)
        )
    if f.organization_id:
        qs = qs.filter(organisatie__uuid=f.organization_id)
    if f.taxonomy_term_id:
        term = tx.term_get(str(f.taxonomy_term_id))
        qs = qs.filter(_term_q(term)) if term else qs.none()
    if f.taxonomy_id:
        taxonomy = tx.taxonomy_get(str(f.taxonomy_id))
        qs = (
            qs.filter(_any_q(_term_q(t) for t in taxonomy.terms))
            if taxonomy
            else qs.none()
        )
    return qs


def service_list(
    *, peildatum: date, filters: ServiceFilter | None = None
) -> QuerySet[Aanbod]:
    """Offers of every kind on the register on `peildatum`."""
    return _filter_services(_services(peildatum=peildatum), filters or ServiceFilter())


def service_details(qs: QuerySet[Aanbod]) -> QuerySet[Aanbod]:
    """`qs` with everything a full HSDS service needs, fetched per page."""
    return qs.select_related("steunpunt__hoofdsteunpunt__aanbod").prefetch_related(
        "dagdelen",  # sorted by mapping.schedules
        "doelgroepen",
        "steunpunt__herstelaanbod",
        "steunpunt__kenmerken",
    )


def service_get(*, uuid: UUID, peildatum: date) -> Aanbod:
    """One offer valid on `peildatum`, also when stopped; raises Aanbod.DoesNotExist."""
    return service_details(_services(peildatum=peildatum, include_stopped=True)).get(
        uuid=uuid
    )


def _at_location(qs: QuerySet[Aanbod], peildatum: date) -> QuerySet[Aanbod]:
    return qs.filter(valid_on(peildatum, "locatie__"), locatie__isnull=False)


def service_at_location_list(
    *, peildatum: date, filters: ServiceFilter | None = None
) -> QuerySet[Aanbod]:
    """Offers on the register that have a location valid on `peildatum`."""
    return _at_location(service_list(peildatum=peildatum, filters=filters), peildatum)


def service_at_location_get(*, id: str, peildatum: date) -> Aanbod:
    """The offer behind a service-at-location id; raises Aanbod.DoesNotExist.

    The id is derived from the offer and location uuids, so it is looked up by
    deriving it for every candidate: one narrow query, fine for the register's
    size (thousands of offers).
    """
    candidates = _at_location(
        _services(peildatum=peildatum, include_stopped=True), peildatum
    )
    for pk, aanbod_uuid, locatie_uuid in candidates.values_list(
        "pk", "uuid", "locatie__uuid"
    ).order_by():
        if service_at_location_id(aanbod_uuid, locatie_uuid) == id:
            return service_details(candidates).get(pk=pk)
    raise Aanbod.DoesNotExist


def organization_list(
    *, peildatum: date, search: str | None = None
) -> QuerySet[Organisatie]:
    """Organisations valid on `peildatum`."""
    qs = Organisatie.objects.filter(valid_on(peildatum))
    if search:
        qs = qs.filter(Q(naam__icontains=search) | Q(omschrijving__icontains=search))
    return qs.order_by("naam", "pk")


def organization_details(
    qs: QuerySet[Organisatie], peildatum: date
) -> QuerySet[Organisatie]:
    """`qs` with its valid locations and its offers on the register."""
    return qs.prefetch_related(
        Prefetch(
            "locaties",
            queryset=Locatie.objects.filter(valid_on(peildatum))
            .select_related("gemeente")
            .order_by("naam", "pk"),
        ),
        Prefetch(
            "aanbod",
            queryset=Aanbod.objects.filter(valid_on(peildatum))
            .exclude(status=AanbodStatus.GESTOPT)
            .select_related("locatie")
            .order_by("naam", "pk"),
        ),
    )


def organization_get(*, uuid: UUID, peildatum: date) -> Organisatie:
    """One organisation valid on `peildatum`; raises Organisatie.DoesNotExist."""
    return organization_details(organization_list(peildatum=peildatum), peildatum).get(
        uuid=uuid
    )


def province_names(gemeente_ids: Iterable[int]) -> dict[int, str]:
    """Province name per gemeente, from the province division when loaded."""
    ids = set(gemeente_ids)
    if not ids:
        return {}
    return dict(
        RegioGemeente.objects.filter(
            indeling__naam=INDELING_PROVINCIE, gemeente_id__in=ids
        ).values_list("gemeente_id", "regio__naam")
    )
