# SPDX-License-Identifier: EUPL-1.2
"""The public search's snapshot of the register, held per process.

"Vind een steunpunt" (page and API) asks for the support points nearest to a
point. Reading them from the database on every request cost 7 queries and
most of the request's CPU; instead each process keeps every LSP that is not
stopped, with what a search answer needs already prepared (the API's
serialised row, the page's model instance and contact route), and the
coordinates as numpy arrays. A search is then: one query for the register's
version token, a vectorised haversine over all points and a partial sort.

Invalidation across processes: every write to a model the answer shows
stores a new random token for the `register` source of `versions`, in the
writing transaction (`register_changed`, called from the register's signal receivers
and services). A process whose snapshot carries another token rebuilds it.
A random token, not a counter, so that a rolled-back write can never make an
old snapshot look current again (`versions/services.py`). Validity (`geldig_van`/`geldig_tot`) is
checked per request against the reference date, so the snapshot does not
depend on the day.

What does not belong here: filters the snapshot cannot answer (regio, free
text) fall back to `selectors.steunpunten_nearby`; writes go through services.
"""

import threading
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection

import numpy as np

from dekkend.regions import geo
from dekkend.register import afstand
from dekkend.register.constants import VERSION_SOURCE
from dekkend.register.contact import Contact, contact_for
from dekkend.versions.selectors import token_sql
from dekkend.versions.services import data_changed

# Dates as ordinals; "no bound" as the extremes.
_MIN_DAY, _MAX_DAY = date.min.toordinal(), date.max.toordinal()


def register_changed() -> None:
    """Store a new version token; call inside the transaction that writes."""
    data_changed(VERSION_SOURCE)


def _token_sql() -> str:
    return token_sql(VERSION_SOURCE)


def current_token() -> int:
    """The register's version token (0 before the first write). One query,
    plain SQL: building it through the ORM cost more than running it."""
    with connection.cursor() as cursor:
        cursor.execute(_token_sql())
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def postcode_point_and_token(postcode: str) -> tuple[Any, int]:
    """`regions.selectors.postcode_punt(postcode)` and `current_token()` in
    one plain SQL query (the search's hot path). Raises OngeldigePostcode."""
    from dekkend.regions.models import Gemeente, Postcodegebied
    from dekkend.regions.selectors import OngeldigePostcode, Punt, plaats_in_gemeente

    cleaned = postcode.replace(" ", "").upper()
    if not (len(cleaned) in (4, 6) and cleaned[:4].isdigit() and cleaned[0] != "0"):
        raise OngeldigePostcode(postcode)
    if len(cleaned) == 6 and not cleaned[4:].isalpha():
        raise OngeldigePostcode(postcode)
    pc, gm = Postcodegebied._meta.db_table, Gemeente._meta.db_table
    sql = (
        f"SELECT p.pc4, p.plaats, p.lat, p.lon, g.naam, p.gemeente_id, "  # noqa: S608
        f"({_token_sql()}) FROM {pc} p INNER JOIN {gm} g ON g.id = p.gemeente_id "
        f"WHERE p.pc4 = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [cleaned[:4]])
        row = cursor.fetchone()
    if row is None:
        return None, current_token()
    pc4, plaats, lat, lon, naam, gemeente_id, token = row
    label = f"{pc4} {plaats_in_gemeente(plaats, naam)}"
    return Punt(lat, lon, label, gemeente_id), int(token or 0)


@dataclass(frozen=True)
class Row:
    steunpunt: Any  # Steunpunt with aanbod, organisatie, locatie, dagdelen loaded
    api: dict[str, Any]  # SteunpuntSerializer's output
    contact: Contact
    gemeente_code: str
    positie_bron: str


@dataclass(frozen=True)
class Snapshot:
    token: int
    rows: list[Row]
    lat: np.ndarray
    lon: np.ndarray
    van: np.ndarray  # geldig_van ordinal
    tot: np.ndarray  # geldig_tot ordinal (exclusive)
    lsp_type: np.ndarray
    organisatie: np.ndarray  # uuid as str
    elementen: dict[str, np.ndarray]
    doelgroepen: dict[str, np.ndarray]
    # gemeente pk -> code, for the gemeenten in a water zone (the origin's
    # gemeente comes as a pk from the postcode lookup).
    zone_gemeenten: dict[int, str]


def api_row(steunpunt: Any) -> dict[str, Any]:
    """What `SteunpuntSerializer(steunpunt).data` gives, built directly: the
    serializer costs ~0.3 ms a row, too much for a 3,000-row rebuild under
    load. test_search.py checks both agree for every support point."""
    a = steunpunt.aanbod
    org, loc = a.organisatie, a.locatie
    return {
        "uuid": str(a.uuid),
        "naam": a.naam,
        "organisatie": {"uuid": str(org.uuid), "naam": org.naam},
        "status": a.status,
        "lspType": steunpunt.lsp_type,
        "typeHandmatig": bool(steunpunt.type_handmatig),
        "dagdelenPerWeek": steunpunt.dagdelen_per_week,
        "dagdelen": [
            {"weekdag": d.weekdag, "dagdeel": d.dagdeel} for d in a.dagdelen.all()
        ],
        "elementen": steunpunt.elementen,
        "gemeente": {"code": loc.gemeente.code, "naam": loc.gemeente.naam},
        "adres": loc.adres,
        "lat": loc.lat,
        "lon": loc.lon,
        "positieBenaderd": loc.coordinaat_benaderd,
        "positieBron": loc.positie_bron,
        "website": a.website,
        "telefoon": a.telefoon,
        "email": a.email,
        "contactpersoon": a.contactpersoon,
    }


def _load(token: int) -> Snapshot:
    from dekkend.regions.models import Gemeente
    from dekkend.register import lsp_type
    from dekkend.register.selectors import lsp_queryset

    steunpunten = list(
        lsp_queryset()
        .prefetch_related("aanbod__doelgroepen")
        .order_by("aanbod__naam", "pk")
    )
    located = [(s, s.aanbod.locatie) for s in steunpunten if s.aanbod.locatie]
    steunpunten = [s for s, _ in located]
    locaties = [loc for _, loc in located]
    rows = []
    for s, locatie in located:
        rows.append(
            Row(
                steunpunt=s,
                api=api_row(s),
                contact=contact_for(s.aanbod),
                gemeente_code=locatie.gemeente.code,
                positie_bron=locatie.positie_bron,
            )
        )
    aanbod = [s.aanbod for s in steunpunten]
    n = len(steunpunten)
    doelgroep_sets = [{d.doelgroep for d in a.doelgroepen.all()} for a in aanbod]
    all_doelgroepen = set().union(*doelgroep_sets) if doelgroep_sets else set()
    return Snapshot(
        token=token,
        rows=rows,
        lat=np.fromiter((loc.lat for loc in locaties), float, n),
        lon=np.fromiter((loc.lon for loc in locaties), float, n),
        van=np.fromiter(
            (a.geldig_van.toordinal() if a.geldig_van else _MIN_DAY for a in aanbod),
            np.int64,
            n,
        ),
        tot=np.fromiter(
            (a.geldig_tot.toordinal() if a.geldig_tot else _MAX_DAY for a in aanbod),
            np.int64,
            n,
        ),
        lsp_type=np.array([s.lsp_type for s in steunpunten], dtype=object),
        organisatie=np.array([str(a.organisatie.uuid) for a in aanbod], dtype=object),
        elementen={
            e: np.fromiter((getattr(s, f"element_{e}") for s in steunpunten), bool, n)
            for e in lsp_type.ELEMENTS
        },
        doelgroepen={
            d: np.fromiter((d in ds for ds in doelgroep_sets), bool, n)
            for d in all_doelgroepen
        },
        zone_gemeenten=dict(
            Gemeente.objects.filter(code__in=afstand.ZONES).values_list("pk", "code")
        ),
    )


_lock = threading.Lock()
_snapshot: Snapshot | None = None


def snapshot(token: int | None = None) -> Snapshot:
    """The current snapshot: one query (none when the caller read `token`)
    when it is up to date, a rebuild (4 queries) when the register changed
    since it was made."""
    global _snapshot
    if token is None:
        token = current_token()
    snap = _snapshot
    if snap is not None and snap.token == token:
        return snap
    with _lock:
        snap = _snapshot
        if snap is None or snap.token != token:
            # Also inside a transaction: uncommitted writes came with a new
            # token, which a rollback takes away again for good.
            snap = _snapshot = _load(token)
        return snap


def clear() -> None:
    """Forget the snapshot (tests)."""
    global _snapshot
    _snapshot = None


@dataclass(frozen=True)
class Hit:
    row: Row
    afstand_km: float
    # afstand.EILAND / afstand.WESTERSCHELDE when the straight line crosses
    # water without a fixed link; None otherwise.
    over_water: str | None

    @property
    def steunpunt(self) -> Any:
        return self.row.steunpunt


def nearest(
    *,
    lat: float,
    lon: float,
    peildatum: date,
    limit: int,
    herkomst_gemeente_id: int | None = None,
    herkomst_gemeente_code: str | None = None,
    lsp_type: str | None = None,
    element: str | None = None,
    doelgroep: str | None = None,
    organisatie: str | None = None,
    token: int | None = None,
) -> list[Hit]:
    """The `limit` support points valid on `peildatum` nearest to (lat, lon),
    nearest first (ties by name), distances in km rounded to 0.1.

    The origin's gemeente (pk or CBS code) decides whether a distance crosses
    water. Unknown filter values match nothing.
    """
    snap = snapshot(token)
    if not snap.rows:
        return []
    day = peildatum.toordinal()
    mask = (snap.van <= day) & (snap.tot > day)
    if lsp_type:
        mask &= snap.lsp_type == lsp_type
    if element:
        mask &= snap.elementen.get(element, np.zeros_like(mask))
    if doelgroep:
        mask &= snap.doelgroepen.get(doelgroep, np.zeros_like(mask))
    if organisatie:
        mask &= snap.organisatie == str(organisatie)
    idx = np.flatnonzero(mask)
    if idx.size == 0:
        return []
    distances = geo.haversine_km_many(lat, lon, snap.lat[idx], snap.lon[idx])
    if idx.size > limit:
        part = np.argpartition(distances, limit - 1)[:limit]
        idx, distances = idx[part], distances[part]
    # Stable by distance, then by the snapshot's name order.
    order = np.lexsort((idx, distances))
    # "" is the mainland; None: the origin's gemeente is unknown.
    herkomst = herkomst_gemeente_code
    if herkomst is None and herkomst_gemeente_id is not None:
        herkomst = snap.zone_gemeenten.get(herkomst_gemeente_id, "")
    hits = []
    for i in order:
        row = snap.rows[int(idx[i])]
        water = afstand.water_crossing(herkomst, row.gemeente_code)
        hits.append(Hit(row, round(float(distances[i]), 1), water))
    return hits
