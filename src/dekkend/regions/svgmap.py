# SPDX-License-Identifier: EUPL-1.2
"""A small server-rendered map: GeoJSON polygons and points projected to SVG.

Plain Python, no Django, no tiles and no JavaScript, so maps work offline,
print well and can be described to screen readers. The projection is
equirectangular around the map's mean latitude, which at the scale of a region
distorts less than 1 %; one kilometre is therefore the same number of pixels
in both directions, which is what the scale bar uses.

Besides the shapes, `render` places what makes a map readable (ADR 0018): the
gemeente names (greedy, without overlaps: the ones that matter first, then the
larger ones), a short text beside marked points, a scale bar in km and a
legend, both in a band under the map so they never cover it. The caller gives
the texts (the Django side translates them); this module only measures and
places them.
"""

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

WIDTH = 600.0
KM_PER_DEGREE_LAT = 111.32
FONT_PX = 14.0  # gemeente names, in viewBox units
CHAR_WIDTH = 0.56  # average glyph width of a sans-serif font, as a share of its size
LEGEND_PX = 13.0
BAND_ROW_PX = 24.0  # one row of the band with scale bar and legend
NICE_KM = (0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200)


@dataclass(frozen=True)
class Vlak:
    d: str
    naam: str
    klasse: str = ""


@dataclass(frozen=True)
class Punt:
    lat: float
    lon: float
    label: str
    klasse: str = "punt"
    href: str = ""
    tekst: str = ""  # short text drawn beside the point ("1", "Zoeklocatie")


@dataclass(frozen=True)
class PlacedPunt:
    x: float
    y: float
    label: str
    klasse: str
    href: str
    tekst: str = ""


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    tekst: str
    klasse: str = "kaart__naam"
    anker: str = "middle"  # SVG text-anchor


@dataclass(frozen=True)
class Schaal:
    """A scale bar: `lengte_px` pixels are `km` kilometres."""

    x: float
    y: float
    lengte_px: float
    km: float

    @property
    def tekst(self) -> str:
        return f"{self.km:g} km".replace(".", ",")

    @property
    def x_eind(self) -> float:
        return round(self.x + self.lengte_px, 1)

    @property
    def y_streep(self) -> float:
        return round(self.y - 5, 1)

    @property
    def tekst_x(self) -> float:
        return round(self.x_eind + 6, 1)


@dataclass(frozen=True)
class LegendaItem:
    """`vorm` is "vlak" (a square swatch) or "punt" (a circle)."""

    vorm: str
    klasse: str
    tekst: str
    x: float = 0.0
    y: float = 0.0

    @property
    def tekst_x(self) -> float:
        return round(self.x + 20, 1)

    @property
    def midden_x(self) -> float:
        return round(self.x + 7, 1)

    @property
    def midden_y(self) -> float:
        return round(self.y + 7, 1)

    @property
    def tekst_y(self) -> float:
        return round(self.y + 12, 1)


@dataclass
class Kaart:
    width: float
    height: float  # of the map itself; the band with scale and legend lies below
    vlakken: list[Vlak] = field(default_factory=list)
    punten: list[PlacedPunt] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    schaal: Schaal | None = None
    legenda: list[LegendaItem] = field(default_factory=list)
    band_height: float = 0.0
    titel: str = ""
    beschrijving: str = ""
    px_per_km: float = 0.0
    # The drawing as markup, when a presenter rendered it once to keep it
    # (templates/kaart_inhoud.html); empty: the template draws it.
    inhoud: str = ""

    @property
    def total_height(self) -> float:
        return self.height + self.band_height

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.width:.0f} {self.total_height:.0f}"


def _rings(geometry: dict[str, Any]) -> Iterable[Sequence[Sequence[float]]]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def _outer_rings(geometry: dict[str, Any]) -> Iterable[Sequence[Sequence[float]]]:
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"][0]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield polygon[0]


def bounds(
    geometries: Iterable[dict[str, Any]], punten: Iterable[Punt]
) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) of everything to be drawn."""
    lons: list[float] = []
    lats: list[float] = []
    for geometry in geometries:
        for ring in _rings(geometry):
            lons.extend(p[0] for p in ring)
            lats.extend(p[1] for p in ring)
    for punt in punten:
        lons.append(punt.lon)
        lats.append(punt.lat)
    if not lons:
        return 3.3, 50.7, 7.3, 53.6  # the Netherlands
    return min(lons), min(lats), max(lons), max(lats)


def _area_centroid(ring: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    """(|area|, cx, cy) of a closed ring in projected pixels (shoelace formula)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def _crossings(ring: Sequence[tuple[float, float]], y: float) -> list[float]:
    xs = []
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        if (y0 <= y < y1) or (y1 <= y < y0):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    return sorted(xs)


def label_anchor(ring: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """A point inside the ring near its centre, for a name.

    The centroid when it lies inside; otherwise the middle of the widest
    inside stretch of the horizontal line through it (a crescent or an
    L-shaped gemeente).

    >>> label_anchor([(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)])
    (5.0, 5.0)
    """
    _area, cx, cy = _area_centroid(ring)
    xs = _crossings(ring, cy)
    spans = list(zip(xs[::2], xs[1::2], strict=False))
    if any(a <= cx <= b for a, b in spans) or not spans:
        return round(cx, 1), round(cy, 1)
    a, b = max(spans, key=lambda s: s[1] - s[0])
    return round((a + b) / 2, 1), round(cy, 1)


def text_width(tekst: str, size: float = FONT_PX) -> float:
    return len(tekst) * size * CHAR_WIDTH


def scale_km(px_per_km: float, max_px: float) -> float:
    """The longest round distance whose bar fits in `max_px`.

    >>> scale_km(10.0, 150)
    10
    >>> scale_km(1.0, 150)
    100
    """
    fitting = [km for km in NICE_KM if km * px_per_km <= max_px]
    return fitting[-1] if fitting else NICE_KM[0]


Box = tuple[float, float, float, float]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def render(
    vlakken: Sequence[tuple[dict[str, Any], str, str]],
    punten: Sequence[Punt],
    *,
    bbox: tuple[float, float, float, float] | None = None,
    width: float = WIDTH,
    namen: bool = False,
    voorrang: Collection[str] = (),
    alleen_voorrang: bool = False,
    legenda: Sequence[tuple[str, str, str]] = (),
    schaal: bool = False,
    titel: str = "",
    beschrijving: str = "",
) -> Kaart:
    """Project `(geometry, naam, klasse)` polygons and points into one SVG frame.

    With `namen`, gemeente names are placed without overlapping each other or
    the texts of points: first the names in `voorrang`, then by area, larger
    first (with `alleen_voorrang` only those in `voorrang`); a name that does
    not fit is left out (the accessible description
    and the table beside the map name every gemeente). `legenda` is a list of
    `(vorm, klasse, tekst)`; with `schaal` or a legend the map gets a band
    below it for them.

    >>> k = render([], [Punt(52.0, 5.0, "A"), Punt(52.1, 5.1, "B")])
    >>> k.punten[0].x < k.punten[1].x and k.punten[0].y > k.punten[1].y
    True
    """
    min_lon, min_lat, max_lon, max_lat = bbox or bounds(
        (g for g, _, _ in vlakken), punten
    )
    pad_lon = max(0.01, (max_lon - min_lon) * 0.05)
    pad_lat = max(0.01, (max_lat - min_lat) * 0.05)
    min_lon, max_lon = min_lon - pad_lon, max_lon + pad_lon
    min_lat, max_lat = min_lat - pad_lat, max_lat + pad_lat
    kx = math.cos(math.radians((min_lat + max_lat) / 2))
    span_x = (max_lon - min_lon) * kx
    span_y = max_lat - min_lat
    scale = width / span_x
    height = max(120.0, span_y * scale)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - min_lon) * kx * scale, (max_lat - lat) * scale

    kaart = Kaart(
        width=width,
        height=height,
        titel=titel,
        beschrijving=beschrijving,
        px_per_km=scale / KM_PER_DEGREE_LAT,
    )
    anchors: list[tuple[float, float, float, str]] = []  # area, x, y, naam
    for geometry, naam, klasse in vlakken:
        parts = []
        for ring in _rings(geometry):
            coords, last = [], None
            for lon, lat in ring:
                x, y = xy(lon, lat)
                point = (round(x, 1), round(y, 1))
                if point != last:
                    coords.append(f"{point[0]},{point[1]}")
                    last = point
            if len(coords) >= 3:
                parts.append("M" + "L".join(coords) + "Z")
        if parts:
            kaart.vlakken.append(Vlak("".join(parts), naam, klasse))
        if namen:
            projected = [
                [xy(lon, lat) for lon, lat in ring] for ring in _outer_rings(geometry)
            ]
            projected = [r for r in projected if len(r) >= 4]
            if projected:
                largest = max(projected, key=lambda r: _area_centroid(r)[0])
                area = sum(_area_centroid(r)[0] for r in projected)
                x, y = label_anchor(largest)
                anchors.append((area, x, y, naam))

    taken: list[Box] = []
    texts: dict[tuple[float, float], list[str]] = {}
    for punt in punten:
        x, y = xy(punt.lon, punt.lat)
        if 0 <= x <= width and 0 <= y <= height:
            placed = PlacedPunt(
                round(x, 1), round(y, 1), punt.label, punt.klasse, punt.href, punt.tekst
            )
            kaart.punten.append(placed)
            taken.append((x - 6, y - 6, x + 6, y + 6))
            if punt.tekst:
                # Points drawn on top of each other share one text ("8, 9, 10");
                # the key from the drawn (rounded) position, as read below.
                key = (round(placed.x / 4), round(placed.y / 4))
                texts.setdefault(key, []).append(punt.tekst)
    seen: set[tuple[float, float]] = set()
    for p in kaart.punten:
        key = (round(p.x / 4), round(p.y / 4))
        if p.tekst and key not in seen:
            seen.add(key)
            label = _point_label(p, ", ".join(texts[key]), width, height, taken)
            if label is not None:
                kaart.labels.append(label)

    if namen:
        first = set(voorrang)
        anchors.sort(key=lambda a: (a[3] not in first, -a[0]))
        for _area, x, y, naam in anchors:
            if alleen_voorrang and naam not in first:
                break
            w = text_width(naam)
            for dx, dy in (
                (0.0, 0.0),
                (0.0, -FONT_PX),
                (0.0, FONT_PX),
                (-w / 3, 0.0),
                (w / 3, 0.0),
            ):
                box = (
                    x - w / 2,
                    y + dy - FONT_PX * 0.8,
                    x + w / 2,
                    y + dy + 0.3 * FONT_PX,
                )
                inside = box[0] >= 2 and box[2] <= width - 2 and box[1] >= 2
                if (
                    inside
                    and box[3] <= height - 2
                    and not any(_overlaps(box, t) for t in taken)
                ):
                    taken.append(box)
                    kaart.labels.append(Label(round(x + dx, 1), round(y + dy, 1), naam))
                    break

    _band(kaart, legenda, schaal)
    return kaart


def _point_label(
    p: PlacedPunt, tekst: str, width: float, height: float, taken: list[Box]
) -> Label | None:
    """The point's text right of it, else left, above or below: the first
    place that stays in the frame and clear of earlier texts."""
    size = FONT_PX
    w = text_width(tekst, size)
    base = p.y + size * 0.35
    candidates = (
        (
            p.x + 10,
            base,
            "start",
            (p.x + 9, p.y - size / 2, p.x + 10 + w, p.y + size / 2),
        ),
        (
            p.x - 10,
            base,
            "end",
            (p.x - 10 - w, p.y - size / 2, p.x - 9, p.y + size / 2),
        ),
        (p.x, p.y - 10, "middle", (p.x - w / 2, p.y - 10 - size, p.x + w / 2, p.y - 8)),
        (
            p.x,
            p.y + 10 + size * 0.7,
            "middle",
            (p.x - w / 2, p.y + 8, p.x + w / 2, p.y + 10 + size),
        ),
    )
    for x, y, anker, box in candidates:
        inside = (
            box[0] >= 1 and box[2] <= width - 1 and box[1] >= 1 and box[3] <= height - 1
        )
        if inside and not any(_overlaps(box, t) for t in taken if t != _dot(p)):
            taken.append(box)
            return Label(round(x, 1), round(y, 1), tekst, "kaart__puntnaam", anker)
    return None


def _dot(p: PlacedPunt) -> Box:
    return (p.x - 6, p.y - 6, p.x + 6, p.y + 6)


def _band(kaart: Kaart, legenda: Sequence[tuple[str, str, str]], schaal: bool) -> None:
    """Scale bar and legend in rows under the map, wrapping at the map's width."""
    if not schaal and not legenda:
        return
    margin, gap = 10.0, 18.0
    x, row = margin, 0
    if schaal:
        km = scale_km(kaart.px_per_km, kaart.width / 4)
        lengte = round(km * kaart.px_per_km, 1)
        kaart.schaal = Schaal(x, round(kaart.height + 18, 1), lengte, km)
        x += lengte + text_width(kaart.schaal.tekst, LEGEND_PX) + 10 + gap
    for vorm, klasse, tekst in legenda:
        w = 20 + text_width(tekst, LEGEND_PX)
        if x + w > kaart.width - margin and x > margin:
            row += 1
            x = margin
        y = kaart.height + 8 + row * BAND_ROW_PX
        kaart.legenda.append(LegendaItem(vorm, klasse, tekst, round(x, 1), round(y, 1)))
        x += w + gap
    kaart.band_height = (row + 1) * BAND_ROW_PX + 6
