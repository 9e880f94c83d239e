# SPDX-License-Identifier: EUPL-1.2
"""Great-circle distances and the bounding box of a search radius (no database)."""

import math

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dekkend.regions.geo import (
    EARTH_RADIUS_KM,
    bounding_box,
    haversine_km,
    haversine_km_many,
)

# One degree of arc on the mean-radius sphere: 6371.0088 km × π / 180.
KM_PER_DEGREE = 111.19508

lats = st.floats(min_value=-80, max_value=80, allow_nan=False)
lons = st.floats(min_value=-180, max_value=180, allow_nan=False)
# The Netherlands and the North Sea next to it.
nl_lats = st.floats(min_value=50.5, max_value=54.0, allow_nan=False)
nl_lons = st.floats(min_value=3.0, max_value=7.5, allow_nan=False)


def _destination(
    lat: float, lon: float, km: float, bearing: float
) -> tuple[float, float]:
    """The point `km` from (lat, lon) in direction `bearing` (degrees from north)."""
    p1, l1 = math.radians(lat), math.radians(lon)
    d, t = km / EARTH_RADIUS_KM, math.radians(bearing)
    p2 = math.asin(
        math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(t)
    )
    l2 = l1 + math.atan2(
        math.sin(t) * math.sin(d) * math.cos(p1),
        math.cos(d) - math.sin(p1) * math.sin(p2),
    )
    return math.degrees(p2), math.degrees(l2)


def test_amsterdam_rotterdam_from_the_docstring_points_is_57_3_km():
    # Hand check on the flat approximation, good to 0.1 % at this scale:
    # 0.45° of latitude = 50.04 km; 0.41° of longitude at 52.145° =
    # 0.41 × 111.195 × cos(52.145°) = 27.97 km; √(50.04² + 27.97²) = 57.33 km.
    # (The docstring of haversine_km says 57.9, which these points are not.)
    assert round(haversine_km(52.37, 4.89, 51.92, 4.48), 1) == 57.3


def test_one_degree_of_latitude_is_111_2_km():
    assert haversine_km(52.0, 5.0, 53.0, 5.0) == pytest.approx(KM_PER_DEGREE, abs=1e-3)


def test_one_degree_of_longitude_on_the_equator_is_111_2_km():
    assert haversine_km(0.0, 5.0, 0.0, 6.0) == pytest.approx(KM_PER_DEGREE, abs=1e-3)


def test_one_degree_of_longitude_at_60_degrees_is_about_half():
    # cos(60°) = 0.5; over one degree the great circle is a hair shorter
    # than the parallel.
    assert haversine_km(60.0, 5.0, 60.0, 6.0) == pytest.approx(
        KM_PER_DEGREE / 2, rel=1e-4
    )


def test_antipodes_are_half_the_circumference_apart():
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(
        math.pi * EARTH_RADIUS_KM
    )


@given(lats, lons)
def test_distance_to_the_same_point_is_zero(lat, lon):
    assert haversine_km(lat, lon, lat, lon) == 0.0


@given(lats, lons, lats, lons)
def test_distance_is_symmetric_and_never_negative(lat1, lon1, lat2, lon2):
    there = haversine_km(lat1, lon1, lat2, lon2)
    assert there >= 0
    assert there == pytest.approx(haversine_km(lat2, lon2, lat1, lon1), abs=1e-9)


@given(nl_lats, nl_lons, nl_lats, nl_lons, nl_lats, nl_lons)
def test_triangle_inequality_holds(lat1, lon1, lat2, lon2, lat3, lon3):
    direct = haversine_km(lat1, lon1, lat3, lon3)
    via = haversine_km(lat1, lon1, lat2, lon2) + haversine_km(lat2, lon2, lat3, lon3)
    assert direct <= via + 1e-9


@given(lats, lons, st.lists(st.tuples(lats, lons), min_size=1, max_size=20))
def test_vectorised_distances_equal_the_scalar_ones(lat, lon, points):
    many = haversine_km_many(lat, lon, [p[0] for p in points], [p[1] for p in points])
    assert many.shape == (len(points),)
    expected = [haversine_km(lat, lon, p[0], p[1]) for p in points]
    np.testing.assert_allclose(many, expected, rtol=1e-9, atol=1e-9)


def test_vectorised_distances_of_no_points_are_empty():
    assert haversine_km_many(52.0, 5.0, [], []).shape == (0,)


def test_bounding_box_is_centred_and_wider_in_longitude_by_one_over_cos_latitude():
    min_lat, max_lat, min_lon, max_lon = bounding_box(52.0, 5.0, 111.195)
    assert (min_lat + max_lat) / 2 == pytest.approx(52.0)
    assert (min_lon + max_lon) / 2 == pytest.approx(5.0)
    assert max_lat - min_lat == pytest.approx(2.0, rel=1e-4)  # 1° each way
    # At 52° a degree of longitude is cos(52°) = 0.6157 of one of latitude.
    assert max_lon - min_lon >= 2.0 / math.cos(math.radians(52.0)) * (1 - 1e-4)


@example(lat=52.0, lon=5.0, radius=400.0, bearing=85.4, fraction=1.0)
@given(
    nl_lats,
    nl_lons,
    st.floats(min_value=0.1, max_value=400.0),
    st.floats(min_value=0.0, max_value=360.0),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_every_point_within_the_radius_lies_in_the_bounding_box(
    lat, lon, radius, bearing, fraction
):
    point_lat, point_lon = _destination(lat, lon, radius * fraction, bearing)
    assert haversine_km(lat, lon, point_lat, point_lon) == pytest.approx(
        radius * fraction, abs=1e-6
    )
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius)
    assert min_lat <= point_lat <= max_lat
    assert min_lon <= point_lon <= max_lon


@pytest.mark.parametrize("radius", [10.0, 25.0, 60.0, 400.0])
def test_box_encloses_the_whole_circle_of_each_search_radius(radius):
    """`steunpunten_nearby` prefilters on this box with these radii and then
    keeps what lies within the radius, so a point of the circle outside the
    box is a support point the search silently misses."""
    lat, lon = 52.0, 5.0
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius)
    outside = []
    for tenth in range(3600):
        point_lat, point_lon = _destination(lat, lon, radius, tenth / 10)
        over = max(
            point_lat - max_lat,
            min_lat - point_lat,
            point_lon - max_lon,
            min_lon - point_lon,
        )
        if over > 0:
            outside.append((tenth / 10, over))
    worst = max(outside, key=lambda o: o[1], default=None)
    assert not outside, (
        f"{len(outside)} of 3600 points on the {radius:.0f} km circle lie outside "
        f"the box; worst at bearing {worst[0]}°, {worst[1]:.6f}° of longitude "
        f"({worst[1] * 111.195 * math.cos(math.radians(lat)) * 1000:.0f} m)"
    )
