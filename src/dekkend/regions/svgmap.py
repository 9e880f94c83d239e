# SPDX-License-Identifier: EUPL-1.2
"""A small server-rendered map: GeoJSON polygons and points projected to SVG.

Plain Python, no Django, no tiles and no JavaScript, so maps work offline,
print well and can be described to screen readers. The projection is
equirectangular around the map's mean latitude, which at the scale of a region
distorts less than 1 %.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

WIDTH = 600.0


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


@dataclass(frozen=True)
class PlacedPunt:
    x: float
    y: float
    label: str
    klasse: str
    href: str


@dataclass
class Kaart:
    width: float
    height: float
    vlakken: list[Vlak] = field(default_factory=list)
    punten: list[PlacedPunt] = field(default_factory=list)

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.width:.0f} {self.height:.0f}"


def _rings(geometry: dict[str, Any]) -> Iterable[Sequence[Sequence[float]]]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


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


def render(
    vlakken: Sequence[tuple[dict[str, Any], str, str]],
    punten: Sequence[Punt],
    *,
    bbox: tuple[float, float, float, float] | None = None,
    width: float = WIDTH,
) -> Kaart:
    """Project `(geometry, naam, klasse)` polygons and points into one SVG frame.

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

    kaart = Kaart(width=width, height=height)
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
    for punt in punten:
        x, y = xy(punt.lon, punt.lat)
        if 0 <= x <= width and 0 <= y <= height:
            kaart.punten.append(
                PlacedPunt(round(x, 1), round(y, 1), punt.label, punt.klasse, punt.href)
            )
    return kaart
