# SPDX-License-Identifier: EUPL-1.2
"""Nearest-point distances with a k-d tree on the unit sphere.

Points become 3-D unit vectors; the straight (chord) distance found by
scipy's cKDTree is turned into the great-circle distance, which equals the
haversine distance, without a double loop.
"""

import numpy as np
from scipy.spatial import cKDTree

from dekkend.coverage.analysis.model import FloatArray

EARTH_RADIUS_KM = 6371.0088


def to_xyz(lat: FloatArray, lon: FloatArray) -> FloatArray:
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack(
        (np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi))
    )


def chord_to_km(chord: FloatArray) -> FloatArray:
    result: FloatArray = 2 * EARTH_RADIUS_KM * np.arcsin(np.clip(chord / 2, 0.0, 1.0))
    return result


def nearest_km(
    from_lat: FloatArray, from_lon: FloatArray, to_lat: FloatArray, to_lon: FloatArray
) -> FloatArray:
    """For every `from` point the distance in km to the nearest `to` point;
    `inf` when there are no `to` points.

    >>> import numpy as np
    >>> d = nearest_km(np.array([52.0]), np.array([5.0]), np.array([52.0, 53.0]), np.array([5.0, 5.0]))
    >>> float(d[0])
    0.0
    """
    if len(to_lat) == 0:
        return np.full(len(from_lat), np.inf)
    tree = cKDTree(to_xyz(to_lat, to_lon))
    chord, _ = tree.query(to_xyz(from_lat, from_lon), k=1)
    return chord_to_km(np.asarray(chord, dtype=np.float64))
