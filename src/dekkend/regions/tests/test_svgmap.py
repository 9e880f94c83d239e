# SPDX-License-Identifier: EUPL-1.2
"""The server-rendered SVG map: projection, framing and polygon paths (no database)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dekkend.regions.svgmap import (
    KM_PER_DEGREE_LAT,
    WIDTH,
    Punt,
    bounds,
    label_anchor,
    render,
    scale_km,
)

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[5.0, 52.0], [5.2, 52.0], [5.2, 52.2], [5.0, 52.2], [5.0, 52.0]]],
}

nl_lats = st.floats(min_value=50.7, max_value=53.6, allow_nan=False)
nl_lons = st.floats(min_value=3.3, max_value=7.3, allow_nan=False)


def test_east_lies_right_and_north_lies_up():
    kaart = render([], [Punt(52.0, 5.0, "zuidwest"), Punt(52.1, 5.1, "noordoost")])
    zw, no = kaart.punten
    assert zw.x < no.x
    assert zw.y > no.y  # SVG y grows downwards


@given(
    st.lists(st.tuples(nl_lats, nl_lons), min_size=2, max_size=8, unique=True),
)
def test_projection_keeps_east_west_and_north_south_order(points):
    kaart = render([], [Punt(lat, lon, str(i)) for i, (lat, lon) in enumerate(points)])
    assert len(kaart.punten) == len(points)  # nothing falls off its own frame
    placed = {int(p.label): p for p in kaart.punten}
    for i, (lat_a, lon_a) in enumerate(points):
        for j, (lat_b, lon_b) in enumerate(points):
            # Coordinates are rounded to 0.1 px, so only clear differences count.
            if lon_a < lon_b - 0.01:
                assert placed[i].x <= placed[j].x
            if lat_a < lat_b - 0.01:
                assert placed[i].y >= placed[j].y


@given(
    st.lists(st.tuples(nl_lats, nl_lons), min_size=1, max_size=12),
)
def test_every_numbered_point_gets_its_number_in_one_label(points):
    """Numbers of points drawn on top of each other share a label; grouping
    and reading the groups use the same (drawn) position, whatever the
    rounding (a KeyError here once failed the search page for 1 in 10
    postcodes)."""
    punten = [
        Punt(lat, lon, f"p{i}", tekst=str(i)) for i, (lat, lon) in enumerate(points)
    ]
    kaart = render([], punten)
    shown = [t for label in kaart.labels for t in label.tekst.split(", ")]
    assert len(shown) == len(set(shown))  # no number twice
    assert set(shown) <= {str(i) for i in range(len(points))}


def test_frame_is_the_given_width_and_scaled_by_cos_latitude():
    kaart = render([], [Punt(52.0, 5.0, "a"), Punt(53.0, 6.0, "b")], width=600)
    assert kaart.width == 600
    # Equirectangular around 52.5°: height/width = 1 / cos(52.5°), padding alike.
    assert kaart.height == pytest.approx(600 / math.cos(math.radians(52.5)))
    assert kaart.viewbox == f"0 0 600 {kaart.height:.0f}"


def test_points_outside_the_bounding_box_are_dropped():
    bbox = (5.0, 52.0, 5.2, 52.2)  # min_lon, min_lat, max_lon, max_lat
    punten = [
        Punt(52.1, 5.1, "midden"),
        Punt(52.1, 6.5, "oost"),
        Punt(52.1, 3.5, "west"),
        Punt(53.5, 5.1, "noord"),
    ]
    kaart = render([(SQUARE, "vierkant", "")], punten, bbox=bbox)
    assert [p.label for p in kaart.punten] == ["midden"]
    (midden,) = kaart.punten
    assert 0 < midden.x < kaart.width
    assert 0 < midden.y < kaart.height


def test_points_keep_label_class_and_link():
    kaart = render([], [Punt(52.0, 5.0, "A", "punt punt--groot", "/steunpunten/x/")])
    (punt,) = kaart.punten
    assert (punt.label, punt.klasse, punt.href) == (
        "A",
        "punt punt--groot",
        "/steunpunten/x/",
    )


def test_polygon_becomes_a_closed_path_inside_the_frame():
    kaart = render([(SQUARE, "Vierkant", "gemeente--zonder")], [])
    (vlak,) = kaart.vlakken
    assert (vlak.naam, vlak.klasse) == ("Vierkant", "gemeente--zonder")
    assert vlak.d.startswith("M")
    assert vlak.d.endswith("Z")
    coords = [tuple(map(float, p.split(","))) for p in vlak.d[1:-1].split("L")]
    assert len(coords) == 5  # 4 corners and the closing point
    assert all(0 <= x <= kaart.width and 0 <= y <= kaart.height for x, y in coords)


def test_multipolygon_gives_one_subpath_per_ring():
    multi = {
        "type": "MultiPolygon",
        "coordinates": [
            SQUARE["coordinates"],
            [[[6.0, 53.0], [6.1, 53.0], [6.1, 53.1], [6.0, 53.0]]],
        ],
    }
    (vlak,) = render([(multi, "Eilanden", "")], []).vlakken
    assert vlak.d.count("M") == 2
    assert vlak.d.count("Z") == 2


def test_ring_that_collapses_to_fewer_than_three_pixels_is_left_out():
    tiny = {
        "type": "Polygon",
        "coordinates": [[[5.0, 52.0], [5.00001, 52.0], [5.0, 52.00001], [5.0, 52.0]]],
    }
    kaart = render([(SQUARE, "groot", ""), (tiny, "stip", "")], [])
    assert [v.naam for v in kaart.vlakken] == ["groot"]


def test_bounds_cover_polygons_and_points_and_default_to_the_netherlands():
    assert bounds([SQUARE], [Punt(51.0, 4.0, "p")]) == (4.0, 51.0, 5.2, 52.2)
    assert bounds([], []) == (3.3, 50.7, 7.3, 53.6)


def test_empty_map_still_has_the_default_width():
    kaart = render([], [])
    assert kaart.width == WIDTH
    assert kaart.height >= 120
    assert kaart.punten == []
    assert kaart.vlakken == []


def _square(lon: float, lat: float, size: float) -> dict:
    ring = [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def test_scale_bar_measures_the_projected_distance():
    # Two points 20 km apart north-south: their pixel distance is 20 bar-km.
    dlat = 20 / KM_PER_DEGREE_LAT
    kaart = render([], [Punt(52.0, 5.0, "a"), Punt(52.0 + dlat, 5.0, "b")], schaal=True)
    a, b = kaart.punten
    assert kaart.schaal is not None
    px_per_km = kaart.schaal.lengte_px / kaart.schaal.km
    assert abs(a.y - b.y) == pytest.approx(20 * px_per_km, rel=0.01)
    # Same scale east-west (equirectangular around the mean latitude).
    dlon = 20 / (KM_PER_DEGREE_LAT * math.cos(math.radians(52.0)))
    kaart = render([], [Punt(52.0, 5.0, "a"), Punt(52.0, 5.0 + dlon, "b")], schaal=True)
    a, b = kaart.punten
    assert kaart.schaal is not None
    px_per_km = kaart.schaal.lengte_px / kaart.schaal.km
    assert abs(a.x - b.x) == pytest.approx(20 * px_per_km, rel=0.01)
    assert kaart.schaal.lengte_px <= kaart.width / 4


@pytest.mark.parametrize(("px_per_km", "km"), [(100, 1), (10, 10), (0.5, 200)])
def test_scale_is_a_round_distance_that_fits(px_per_km, km):
    assert scale_km(px_per_km, 150) == km


def test_names_do_not_overlap_and_priority_names_come_first():
    # A row of small squares whose names cannot all fit side by side.
    vlakken = [
        (_square(5.0 + i * 0.02, 52.0, 0.02), f"Gemeente {i}", "") for i in range(12)
    ]
    kaart = render(vlakken, [], namen=True, voorrang=["Gemeente 7"])
    names = [lb for lb in kaart.labels if lb.klasse == "kaart__naam"]
    assert names[0].tekst == "Gemeente 7"
    assert 1 < len(names) < 12
    boxes = []
    for lb in names:
        w = len(lb.tekst) * 14 * 0.56
        boxes.append((lb.x - w / 2, lb.y - 12, lb.x + w / 2, lb.y + 4))
    for i, p in enumerate(boxes):
        for q in boxes[i + 1 :]:
            assert not (p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3])
    only = render(
        vlakken, [], namen=True, voorrang=["Gemeente 3"], alleen_voorrang=True
    )
    assert [lb.tekst for lb in only.labels] == ["Gemeente 3"]


def test_name_of_a_crescent_lies_inside_it():
    # A U shape: its centroid lies in the gap, the name must not.
    ring = [
        (0, 0),
        (30, 0),
        (30, 30),
        (20, 30),
        (20, 10),
        (10, 10),
        (10, 30),
        (0, 30),
        (0, 0),
    ]
    x, y = label_anchor(ring)
    assert not (10 < x < 20 and y > 10)


def test_legend_and_scale_sit_in_a_band_below_the_map():
    kaart = render(
        [(SQUARE, "Vierkant", "gemeente--zonder")],
        [Punt(52.1, 5.1, "p", tekst="1")],
        legenda=[("vlak", "gemeente--zonder", "gemeente zonder LSP")] * 4,
        schaal=True,
    )
    assert kaart.band_height > 0
    assert kaart.viewbox == f"0 0 {kaart.width:.0f} {kaart.total_height:.0f}"
    for item in kaart.legenda:
        assert kaart.height <= item.y <= kaart.total_height - 14
        assert item.tekst_x + len(item.tekst) * 13 * 0.56 <= kaart.width
    assert [lb.tekst for lb in kaart.labels] == ["1"]
