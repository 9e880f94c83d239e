# SPDX-License-Identifier: EUPL-1.2
"""Map contexts for register pages: support points and nearby gemeenten."""

from collections.abc import Sequence

from django.urls import reverse

from dekkend.regions import geo, svgmap
from dekkend.regions.models import Gemeente
from dekkend.register.models import Steunpunt

KLASSE = {"groot": "punt punt--groot", "middel": "punt", "klein": "punt punt--klein"}


def steunpunt_punt(steunpunt: Steunpunt) -> svgmap.Punt:
    locatie = steunpunt.aanbod.locatie
    assert locatie is not None
    return svgmap.Punt(
        locatie.lat,
        locatie.lon,
        f"{steunpunt.aanbod.naam} ({steunpunt.get_lsp_type_display()})",
        KLASSE.get(steunpunt.lsp_type, "punt"),
        reverse("register:detail", kwargs={"uuid": steunpunt.aanbod.uuid}),
    )


def nearby_map(
    steunpunten: Sequence[Steunpunt],
    herkomst: svgmap.Punt | None,
    *,
    gekozen: str | None = None,
) -> svgmap.Kaart:
    """The points and the gemeenten whose centre lies within their frame."""
    punten = [steunpunt_punt(s) for s in steunpunten]
    if herkomst is not None:
        punten.insert(0, herkomst)
    min_lon, min_lat, max_lon, max_lat = svgmap.bounds([], punten)
    # Show at least ~8 km around the origin, so one nearby point is not a dot on white.
    if herkomst is not None:
        a, b, c, d = geo.bounding_box(herkomst.lat, herkomst.lon, 8)
        min_lat, max_lat, min_lon, max_lon = (
            min(min_lat, a),
            max(max_lat, b),
            min(min_lon, c),
            max(max_lon, d),
        )
    margin = 0.15
    gemeenten = Gemeente.objects.filter(
        popw_lat__gte=min_lat - margin,
        popw_lat__lte=max_lat + margin,
        popw_lon__gte=min_lon - margin,
        popw_lon__lte=max_lon + margin,
        geometrie__isnull=False,
    ).only("code", "naam", "geometrie")
    vlakken = [
        (g.geometrie, g.naam, "gemeente--gekozen" if g.code == gekozen else "")
        for g in gemeenten
        if g.geometrie
    ]
    return svgmap.render(vlakken, punten, bbox=(min_lon, min_lat, max_lon, max_lat))
