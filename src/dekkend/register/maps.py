# SPDX-License-Identifier: EUPL-1.2
"""Map contexts for register pages: support points, nearby gemeenten and a
region's gemeenten, with names, scale, legend and an accessible name that
says what the map shows (ADR 0018)."""

import dataclasses
from collections.abc import Collection, Sequence
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from dekkend.regions import geo, svgmap
from dekkend.regions.models import Gemeente
from dekkend.register.models import Steunpunt

KLASSE = {"groot": "punt punt--groot", "middel": "punt", "klein": "punt punt--klein"}
NEARBY_WIDTH = 400.0  # maps sit in a column about 350-550 px wide
REGIO_WIDTH = 400.0


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


def lijst(namen: Sequence[str]) -> str:
    """'A, B en C' (Dutch enumeration)."""
    namen = list(namen)
    if len(namen) < 2:
        return "".join(namen)
    return _("%(eerste)s en %(laatste)s") % {
        "eerste": ", ".join(namen[:-1]),
        "laatste": namen[-1],
    }


MAX_IN_TITEL = 12


def _kort(namen: Sequence[str]) -> str:
    """At most MAX_IN_TITEL names; the description has them all."""
    if len(namen) <= MAX_IN_TITEL:
        return lijst(namen)
    return _("%(namen)s en %(n)d andere") % {
        "namen": ", ".join(namen[:MAX_IN_TITEL]),
        "n": len(namen) - MAX_IN_TITEL,
    }


def punt_legenda(steunpunten: Sequence[Steunpunt]) -> list[tuple[str, str, str]]:
    """Legend lines for the kinds of point that are on the map."""
    types = {s.lsp_type for s in steunpunten}
    items = []
    if "groot" in types:
        items.append(("punt", KLASSE["groot"], _("LSP groot")))
    if types - {"groot", "klein"}:
        items.append(("punt", "punt", _("LSP middel of type onbekend")))
    if "klein" in types:
        items.append(("punt", KLASSE["klein"], _("LSP klein")))
    return items


def nearby_map(
    steunpunten: Sequence[Steunpunt],
    herkomst: svgmap.Punt | None,
    *,
    gekozen: str | None = None,
    min_km: float | None = None,
) -> svgmap.Kaart:
    """The points and the gemeenten whose centre lies within their frame.

    With a search location (`herkomst`) the points are numbered in the order
    of the result list; a single support point (its own page) is shown with
    at least `min_km` (default 5) around it, so the map shows where it lies.
    """
    punten = [
        dataclasses.replace(steunpunt_punt(s), tekst=str(i) if herkomst else "")
        for i, s in enumerate(steunpunten, start=1)
    ]
    if herkomst is not None:
        punten.insert(0, dataclasses.replace(herkomst, tekst=_("Zoeklocatie")))
    min_lon, min_lat, max_lon, max_lat = svgmap.bounds([], punten)
    # Show at least a few km around the centre, so one point is not a dot on white.
    midden = herkomst or (punten[0] if punten else None)
    if midden is not None:
        km = min_km if min_km is not None else (8 if herkomst is not None else 5)
        a, b, c, d = geo.bounding_box(midden.lat, midden.lon, km)
        min_lat, max_lat, min_lon, max_lon = (
            min(min_lat, a),
            max(max_lat, b),
            min(min_lon, c),
            max(max_lon, d),
        )
    margin = 0.15
    gemeenten = list(
        Gemeente.objects.filter(
            popw_lat__gte=min_lat - margin,
            popw_lat__lte=max_lat + margin,
            popw_lon__gte=min_lon - margin,
            popw_lon__lte=max_lon + margin,
            geometrie__isnull=False,
        ).only("code", "naam", "geometrie")
    )
    eigen = {
        s.aanbod.locatie.gemeente.code
        for s in steunpunten
        if s.aanbod.locatie is not None and s.aanbod.locatie.gemeente_id is not None
    }
    if gekozen is None and herkomst is None and len(eigen) == 1:
        gekozen = next(iter(eigen))
    vlakken = [
        (g.geometrie, g.naam, "gemeente--gekozen" if g.code == gekozen else "")
        for g in gemeenten
        if g.geometrie
    ]
    voorrang = [g.naam for g in gemeenten if g.code == gekozen or g.code in eigen]
    legenda: list[tuple[str, str, str]] = []
    if herkomst is not None:
        legenda.append(("punt", "herkomst", _("uw zoeklocatie")))
    legenda += punt_legenda(steunpunten)
    if gekozen is not None:
        legenda.append(
            (
                "vlak",
                "gemeente--gekozen",
                _("gekozen gemeente") if herkomst else _("gemeente van het steunpunt"),
            )
        )
    kaart = svgmap.render(
        vlakken,
        punten,
        bbox=(min_lon, min_lat, max_lon, max_lat),
        width=NEARBY_WIDTH,
        namen=True,
        voorrang=voorrang,
        legenda=legenda,
        schaal=True,
    )
    kaart.titel, kaart.beschrijving = _nearby_text(steunpunten, herkomst, kaart)
    return kaart


def _gemeente_naam(steunpunt: Steunpunt) -> str:
    locatie = steunpunt.aanbod.locatie
    return locatie.gemeente.naam if locatie is not None else ""


def _nearby_text(
    steunpunten: Sequence[Steunpunt], herkomst: svgmap.Punt | None, kaart: svgmap.Kaart
) -> tuple[str, str]:
    getoond = lijst(
        sorted({lb.tekst for lb in kaart.labels if lb.klasse == "kaart__naam"})
    )
    if herkomst is not None:
        titel = ngettext(
            "Kaart van uw zoeklocatie en het dichtstbijzijnde steunpunt",
            "Kaart van uw zoeklocatie en de %(n)d dichtstbijzijnde steunpunten",
            len(steunpunten),
        ) % {"n": len(steunpunten)}
        regels = [
            _("%(nr)d: %(naam)s in %(gemeente)s")
            % {"nr": i, "naam": s.aanbod.naam, "gemeente": _gemeente_naam(s)}
            for i, s in enumerate(steunpunten, start=1)
        ]
        beschrijving = _(
            "%(herkomst)s. Steunpunten genummerd in de volgorde van de lijst: "
            "%(regels)s. Gemeenten op de kaart: %(namen)s."
        ) % {"herkomst": herkomst.label, "regels": "; ".join(regels), "namen": getoond}
        return titel, beschrijving
    if len(steunpunten) == 1:
        s = steunpunten[0]
        titel = _("Kaart: %(naam)s ligt in de gemeente %(gemeente)s") % {
            "naam": s.aanbod.naam,
            "gemeente": _gemeente_naam(s),
        }
    else:
        titel = ngettext(
            "Kaart van %(n)d steunpunt", "Kaart van %(n)d steunpunten", len(steunpunten)
        ) % {"n": len(steunpunten)}
    beschrijving = _("Omliggende gemeenten: %(namen)s. Schaal: %(schaal)s.") % {
        "namen": getoond,
        "schaal": kaart.schaal.tekst if kaart.schaal else "",
    }
    return titel, beschrijving


def regio_map(
    *,
    naam: str,
    gemeenten: Sequence[tuple[dict[str, Any], str]],
    zonder: Collection[str],
    punten: Sequence[svgmap.Punt],
    steunpunten: Sequence[Steunpunt] = (),
    width: float = REGIO_WIDTH,
    alle_namen: bool = True,
) -> svgmap.Kaart:
    """A region's (or the country's) gemeenten, those without an LSP marked.

    `gemeenten` is `(geometry, naam)`, `zonder` the names without an LSP. The
    accessible name says how many gemeenten lack an LSP and which. Without
    `alle_namen` (the whole country) only those without an LSP are named.
    """
    zonder_namen = sorted(n for _g, n in gemeenten if n in zonder)
    legenda: list[tuple[str, str, str]] = [
        ("vlak", "", _("gemeente met LSP")),
        ("vlak", "gemeente--zonder", _("gemeente zonder LSP")),
    ]
    if punten:
        legenda += punt_legenda(steunpunten) or [("punt", "punt", _("LSP-locatie"))]
    kaart = svgmap.render(
        [(g, n, "gemeente--zonder" if n in zonder else "") for g, n in gemeenten],
        punten,
        width=width,
        namen=True,
        voorrang=zonder_namen,
        alleen_voorrang=not alle_namen,
        legenda=legenda,
        schaal=True,
    )
    n = len(gemeenten)
    titel = ngettext(
        "Kaart van %(naam)s: %(n)d gemeente",
        "Kaart van %(naam)s: %(n)d gemeenten",
        n,
    ) % {"naam": naam, "n": n}
    if zonder_namen:
        titel += ngettext(
            ", %(k)d zonder LSP: %(namen)s",
            ", %(k)d zonder LSP: %(namen)s",
            len(zonder_namen),
        ) % {"k": len(zonder_namen), "namen": _kort(zonder_namen)}
    else:
        titel += _(", alle met een LSP")
    kaart.titel = titel + "."
    delen = []
    if zonder_namen:
        delen.append(_("Oranje vlakken: gemeenten zonder LSP."))
        if len(zonder_namen) > MAX_IN_TITEL:
            delen.append(_("Zonder LSP: %(namen)s.") % {"namen": lijst(zonder_namen)})
    if punten:
        delen.append(
            ngettext(
                "%(k)d LSP-locatie als stip.",
                "%(k)d LSP-locaties als stip.",
                len(kaart.punten),
            )
            % {"k": len(kaart.punten)}
        )
    if kaart.schaal:
        delen.append(_("Schaal: %(schaal)s.") % {"schaal": kaart.schaal.tekst})
    kaart.beschrijving = " ".join(delen)
    return kaart
