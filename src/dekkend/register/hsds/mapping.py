# SPDX-License-Identifier: EUPL-1.2
"""Register records as HSDS 3.0 objects (plain dicts, ready for JSON).

Organisatie → organization, Locatie → location (+ address), Aanbod → service,
Aanbod at its Locatie → service_at_location, Openingsdagdeel → schedule, and
everything with a choice list → attributes with a taxonomy term. Empty values
are left out rather than sent as "" or null: the HSDS schemas type them as
plain strings, many with a format (uri, email, uuid).

Call these inside `translation.override("nl")`: display labels are Dutch.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

from dekkend.register import lsp_type
from dekkend.register.constants import (
    DAGDEEL_TIJDEN,
    AanbodStatus,
    Dagdeel,
    Doelgroep,
    Herstelaanbod,
)
from dekkend.register.hsds import taxonomies as tx
from dekkend.register.hsds.ids import derived_id
from dekkend.register.hsds.selectors import province_names, service_at_location_id
from dekkend.register.models import Aanbod, Locatie, Organisatie, Steunpunt
from dekkend.register.models.base import RegisterRecord

HSDS_VERSION = "3.0"
COUNTRY = "NL"

# "in oprichting" (being set up, not open yet) has no HSDS equivalent; it is
# not "temporarily closed" (never opened), so it is "inactive".
STATUS: dict[str, str] = {
    AanbodStatus.ACTIEF: "active",
    AanbodStatus.IN_OPRICHTING: "inactive",
    AanbodStatus.GESTOPT: "defunct",
}

# ISO weekday (1 = Monday) → iCalendar BYDAY.
BYDAY = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}

_url_validator = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class Context:
    """What every object of one response shares."""

    peildatum: date
    provinces: dict[int, str] = field(default_factory=dict)  # gemeente_id → name


def compact(obj: dict[str, Any]) -> dict[str, Any]:
    """`obj` without None and "" values (lists, also empty ones, stay)."""
    return {k: v for k, v in obj.items() if v is not None and v != ""}


def uri(value: str) -> str | None:
    """An absolute http(s) URL, or None. "www.example.nl" gets "https://"."""
    value = (value or "").strip()
    if not value:
        return None
    if "://" not in value:
        value = f"https://{value}"
    try:
        _url_validator(value)
    except ValidationError:
        return None
    return value


def email(value: str) -> str | None:
    value = (value or "").strip()
    try:
        validate_email(value)
    except ValidationError:
        return None
    return value


def date_time(value: datetime | None) -> str | None:
    """RFC 3339 in UTC with milliseconds, e.g. 2025-03-15T10:30:45.123Z."""
    if value is None:
        return None
    return (
        value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def _is_valid(record: RegisterRecord, peildatum: date) -> bool:
    return (record.geldig_van is None or record.geldig_van <= peildatum) and (
        record.geldig_tot is None or record.geldig_tot > peildatum
    )


def _steunpunt(aanbod: Aanbod) -> Steunpunt | None:
    try:
        return aanbod.steunpunt
    except Steunpunt.DoesNotExist:
        return None


def _location_of(aanbod: Aanbod, ctx: Context) -> Locatie | None:
    locatie = aanbod.locatie
    return (
        locatie if locatie is not None and _is_valid(locatie, ctx.peildatum) else None
    )


# -- taxonomies ---------------------------------------------------------------


def taxonomy(t: tx.Taxonomy) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "description": t.description}


def taxonomy_term(term: tx.Term, *, detail: bool = False) -> dict[str, Any]:
    t = tx.taxonomy_of(term)
    out: dict[str, Any] = {
        "id": term.id,
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "taxonomy": t.name,
        "taxonomy_id": t.id,
        "language": tx.LANGUAGE,
    }
    if detail:
        out["taxonomy_detail"] = taxonomy(t)
    return out


def attribute(
    link_entity: str, link_id: str, term: tx.Term | None, value: str | None = None
) -> dict[str, Any] | None:
    if term is None:
        return None
    return compact(
        {
            "id": derived_id(
                "attribute", link_entity, link_id, term.taxonomy_key, term.code
            ),
            "link_id": link_id,
            "link_type": term.taxonomy_key,
            "link_entity": link_entity,
            "taxonomy_term_id": term.id,
            "taxonomy_term": taxonomy_term(term),
            "value": value,
        }
    )


def _ordered(codes: set[str], choices: list[str]) -> list[str]:
    known = [c for c in choices if c in codes]
    return known + sorted(codes - set(known))


def service_attributes(aanbod: Aanbod, ctx: Context) -> list[dict[str, Any]]:
    """Attributes of a service: its kind, doelgroepen and, for an LSP, its type,
    elements, kenmerken, herstelaanbod and figures."""
    sid = str(aanbod.uuid)

    def attr(key: str, code: object, value: str | None = None) -> dict[str, Any] | None:
        return attribute("service", sid, tx.term(key, code), value)

    out = [attr(tx.SOORT_AANBOD, aanbod.soort)]
    steunpunt = _steunpunt(aanbod)
    if steunpunt is not None:
        out.append(attr(tx.LSP_TYPE, steunpunt.lsp_type))
        out.extend(
            attr(tx.LSP_ELEMENT, e)
            for e in lsp_type.ELEMENTS
            if getattr(steunpunt, f"element_{e}")
        )
        out.extend(
            attr(tx.KENMERK, k.kenmerk, str(k.get_status_display()))
            for k in sorted(steunpunt.kenmerken.all(), key=lambda k: k.kenmerk)
        )
        herstel = {h.soort for h in steunpunt.herstelaanbod.all()}
        if steunpunt.herstelaanbod_overig:
            herstel.add(Herstelaanbod.OVERIG)
        out.extend(
            attr(
                tx.HERSTELAANBOD,
                code,
                steunpunt.herstelaanbod_overig
                if code == Herstelaanbod.OVERIG
                else None,
            )
            for code in _ordered(herstel, Herstelaanbod.values)
        )
        hoofd = steunpunt.hoofdsteunpunt
        if hoofd is not None and _is_valid(hoofd.aanbod, ctx.peildatum):
            value = str(hoofd.aanbod.uuid)
            out.append(attr(tx.LSP_GEGEVENS, tx.SATELLIET_VAN, value))
        if steunpunt.bezoekers_per_dag is not None:
            value = str(steunpunt.bezoekers_per_dag)
            out.append(attr(tx.LSP_GEGEVENS, tx.BEZOEKERS_PER_DAG, value))
        if steunpunt.unieke_bezoekers_per_jaar is not None:
            value = str(steunpunt.unieke_bezoekers_per_jaar)
            out.append(attr(tx.LSP_GEGEVENS, tx.UNIEKE_BEZOEKERS_PER_JAAR, value))
    doelgroepen = {d.doelgroep for d in aanbod.doelgroepen.all()}
    out.extend(attr(tx.DOELGROEP, d) for d in _ordered(doelgroepen, Doelgroep.values))
    return [a for a in out if a is not None]


# -- schedules ----------------------------------------------------------------


def _utc_offset(day: date) -> timedelta:
    offset = datetime.combine(
        day, time(12), tzinfo=ZoneInfo(settings.TIME_ZONE)
    ).utcoffset()
    return offset if offset is not None else timedelta(0)


def _hours(offset: timedelta) -> float | int:
    hours = offset.total_seconds() / 3600
    return int(hours) if hours.is_integer() else hours


def _clock(hhmm: str, offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{hhmm}{sign}{hours:02d}:{mins:02d}"


def schedules(aanbod: Aanbod, ctx: Context, **links: str) -> list[dict[str, Any]]:
    """One weekly schedule per opening half-day of `aanbod`.

    Times are the indicative times of the dagdeel (constants.DAGDEEL_TIJDEN)
    in Dutch local time, with the UTC offset of `ctx.peildatum`. `links` are
    the ids the schedules hang from (service_id, service_at_location_id, …).
    """
    offset = _utc_offset(ctx.peildatum)
    valid_to = aanbod.geldig_tot - timedelta(days=1) if aanbod.geldig_tot else None
    common = {
        **links,
        "valid_from": aanbod.geldig_van.isoformat() if aanbod.geldig_van else None,
        "valid_to": valid_to.isoformat() if valid_to else None,
        "timezone": _hours(offset),
        "notes": aanbod.openingstijden_toelichting,
    }
    out = []
    order = {code: i for i, code in enumerate(Dagdeel.values)}
    dagdelen = sorted(
        aanbod.dagdelen.all(), key=lambda d: (d.weekdag, order[d.dagdeel])
    )
    for dagdeel in dagdelen:
        opens, closes = DAGDEEL_TIJDEN[dagdeel.dagdeel]
        byday = BYDAY[dagdeel.weekdag]
        out.append(
            compact(
                {
                    "id": derived_id(
                        "schedule", aanbod.uuid, dagdeel.weekdag, dagdeel.dagdeel
                    ),
                    **common,
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "byday": byday,
                    "opens_at": _clock(opens, offset),
                    "closes_at": _clock(closes, offset),
                    # Not an HSDS field: the same rule as one iCalendar RRULE.
                    "rrule": f"FREQ=WEEKLY;BYDAY={byday}",
                    "description": (
                        f"{dagdeel.get_weekdag_display()}{dagdeel.get_dagdeel_display()}"
                    ),
                }
            )
        )
    if not out and aanbod.openingstijden_toelichting:
        # No half-days known, but a note on the hours: keep it as free text.
        out.append(
            compact(
                {
                    "id": derived_id("schedule", aanbod.uuid, "toelichting"),
                    **links,
                    "description": aanbod.openingstijden_toelichting,
                }
            )
        )
    return out


# -- organizations and locations ------------------------------------------------


def _phone(owner: str, owner_id: str, number: str) -> list[dict[str, Any]]:
    number = (number or "").strip()
    if not number:
        return []
    return [
        {
            "id": derived_id("phone", owner, owner_id),
            f"{owner}_id": owner_id,
            "number": number,
            "type": "voice",
        }
    ]


def _contacts(aanbod: Aanbod, sid: str) -> list[dict[str, Any]]:
    """The contact person of a service, with the service's e-mail and phone."""
    naam = (aanbod.contactpersoon or "").strip()
    if not naam:
        return []
    cid = derived_id("contact", sid)
    phones = [
        {**p, "id": derived_id("phone", "contact", cid), "contact_id": cid}
        for p in _phone("service", sid, aanbod.telefoon)
    ]
    for p in phones:
        p.pop("service_id", None)
    return [
        compact(
            {
                "id": cid,
                "service_id": sid,
                "name": naam,
                "email": email(aanbod.email),
                "phones": phones,
            }
        )
    ]


def organization(org: Organisatie) -> dict[str, Any]:
    """The one-to-one fields of an organization (organization_list.json)."""
    return compact(
        {
            "id": str(org.uuid),
            "name": org.naam,
            # Required by HSDS; the kind of organisation when we have no text.
            "description": org.omschrijving or str(org.get_soort_display()),
            "email": email(org.email),
            "website": uri(org.website),
        }
    )


def organization_full(org: Organisatie, ctx: Context) -> dict[str, Any]:
    """An organization with its phones, kind, locations and services; expects
    `selectors.organization_details`."""
    oid = str(org.uuid)
    attrs = [attribute("organization", oid, tx.term(tx.SOORT_ORGANISATIE, org.soort))]
    return {
        **organization(org),
        "phones": _phone("organization", oid, org.telefoon),
        "attributes": [a for a in attrs if a is not None],
        "locations": [location(loc, ctx) for loc in org.locaties.all()],
        "services": [service(a, with_organization=False) for a in org.aanbod.all()],
    }


def address(locatie: Locatie, ctx: Context) -> dict[str, Any] | None:
    """The physical address, when street or postcode is known."""
    if not (locatie.straat or locatie.postcode):
        return None
    return {
        "id": derived_id("address", locatie.uuid),
        "location_id": str(locatie.uuid),
        "address_1": " ".join(p for p in (locatie.straat, locatie.huisnummer) if p),
        "city": locatie.plaats or locatie.gemeente.naam,
        "region": locatie.gemeente.naam,
        # Required by HSDS; "" when the province division is not loaded.
        "state_province": ctx.provinces.get(locatie.gemeente_id, ""),
        "postal_code": locatie.postcode,
        "country": COUNTRY,
        "address_type": "physical",
    }


def location(locatie: Locatie, ctx: Context, *, full: bool = True) -> dict[str, Any]:
    out = compact(
        {
            "id": str(locatie.uuid),
            "location_type": "physical",
            "organization_id": str(locatie.organisatie.uuid),
            "name": locatie.naam,
            "description": (
                "De coördinaten zijn benaderd en wijzen niet naar het adres."
                if locatie.coordinaat_benaderd
                else None
            ),
            "latitude": locatie.lat,
            "longitude": locatie.lon,
        }
    )
    if full:
        adres = address(locatie, ctx)
        out["addresses"] = [adres] if adres else []
    return out


# -- services -----------------------------------------------------------------


def service(aanbod: Aanbod, *, with_organization: bool = True) -> dict[str, Any]:
    """The one-to-one fields of a service (service_list.json)."""
    modified = [aanbod.gewijzigd_op, aanbod.organisatie.gewijzigd_op]
    if aanbod.locatie is not None:
        modified.append(aanbod.locatie.gewijzigd_op)
    out = compact(
        {
            "id": str(aanbod.uuid),
            "organization_id": str(aanbod.organisatie.uuid),
            "name": aanbod.naam,
            "description": aanbod.omschrijving,
            "url": uri(aanbod.website),
            "email": email(aanbod.email),
            "status": STATUS.get(aanbod.status, "inactive"),
            "assured_date": aanbod.bron_peildatum.isoformat()
            if aanbod.bron_peildatum
            else None,
            "last_modified": date_time(max(d for d in modified if d is not None)),
        }
    )
    if with_organization:
        out["organization"] = organization(aanbod.organisatie)
    return out


def service_at_location(
    aanbod: Aanbod, ctx: Context, *, full: bool = True, with_service: bool = True
) -> dict[str, Any]:
    """`aanbod` at its location; the caller checks that it has a valid one."""
    locatie = aanbod.locatie
    if locatie is None:
        raise ValueError(f"{aanbod.uuid} has no location")
    sal_id = service_at_location_id(aanbod.uuid, locatie.uuid)
    out: dict[str, Any] = {
        "id": sal_id,
        "service_id": str(aanbod.uuid),
        "location_id": str(locatie.uuid),
    }
    if full:
        out["schedules"] = schedules(
            aanbod,
            ctx,
            service_id=str(aanbod.uuid),
            location_id=str(locatie.uuid),
            service_at_location_id=sal_id,
        )
    out["location"] = location(locatie, ctx, full=full)
    if with_service:
        out["service"] = (
            service_full(aanbod, ctx, nested=True) if full else service(aanbod)
        )
    return out


def service_full(
    aanbod: Aanbod, ctx: Context, *, nested: bool = False
) -> dict[str, Any]:
    """A service with its phones, schedules, locations and attributes; expects
    `selectors.service_details`. `nested` leaves out service_at_locations (for
    a service inside its own service_at_location)."""
    sid = str(aanbod.uuid)
    locatie = _location_of(aanbod, ctx)
    out = {
        **service(aanbod),
        "phones": _phone("service", sid, aanbod.telefoon),
        "contacts": _contacts(aanbod, sid),
        # With a location, the schedules hang from the service_at_location.
        "schedules": [] if locatie else schedules(aanbod, ctx, service_id=sid),
        "attributes": service_attributes(aanbod, ctx),
    }
    if not nested:
        out["service_at_locations"] = (
            [service_at_location(aanbod, ctx, with_service=False)] if locatie else []
        )
    return out


def context_for(peildatum: date, locaties: list[Locatie | None]) -> Context:
    """A Context with the provinces of `locaties` (one query)."""
    return Context(
        peildatum=peildatum,
        provinces=province_names(
            loc.gemeente_id for loc in locaties if loc is not None
        ),
    )
