# SPDX-License-Identifier: EUPL-1.2
"""When a straight-line distance is no travel distance: crossings of water
without a fixed link (ADR 0012).

Plain Python without Django, so that the coverage analysis can use the same
rule. A *zone* is a group of gemeenten that one cannot leave over land or a
bridge/dam: each Wadden island with its own ferry, and Zeeuws-Vlaanderen,
whose straight lines to Walcheren and Zuid-Beveland cross the Westerschelde
(the road goes through the toll tunnel, on foot the ferry). Everything else,
the Zeeland islands with their dams and bridges included, is the mainland.
"""

# CBS gemeente code -> zone.
EILAND = "eiland"
WESTERSCHELDE = "westerschelde"
ZONES: dict[str, str] = {
    "GM0448": "texel",
    "GM0096": "vlieland",
    "GM0093": "terschelling",
    "GM0060": "ameland",
    "GM0088": "schiermonnikoog",
    "GM1714": "zeeuws-vlaanderen",  # Sluis
    "GM0715": "zeeuws-vlaanderen",  # Terneuzen
    "GM0677": "zeeuws-vlaanderen",  # Hulst
}
_SOORT = dict.fromkeys(ZONES.values(), EILAND) | {"zeeuws-vlaanderen": WESTERSCHELDE}


def water_crossing(van_gemeente: str | None, naar_gemeente: str | None) -> str | None:
    """The kind of water between two gemeenten (CBS codes), or None.

    `EILAND` when one side lies on a Wadden island without a fixed link and the
    other does not lie on the same island; `WESTERSCHELDE` between
    Zeeuws-Vlaanderen and the rest of the country. None within one zone, on
    the mainland, or when a code is unknown (None).

    >>> water_crossing("GM0448", "GM0400")  # Texel -> Den Helder
    'eiland'
    >>> water_crossing("GM0448", "GM0448") is None
    True
    """
    if van_gemeente is None or naar_gemeente is None:
        return None
    van, naar = ZONES.get(van_gemeente), ZONES.get(naar_gemeente)
    if van == naar:
        return None
    if EILAND in (_SOORT.get(van or ""), _SOORT.get(naar or "")):
        return EILAND
    return WESTERSCHELDE
