# SPDX-License-Identifier: EUPL-1.2
"""Numbers in Dutch notation: decimal comma, a point between thousands.

Used by the charts (value labels) and the XLSX renderer (a cell of style
"getal" is written as a number when its text parses). Plain Python.
"""

from __future__ import annotations

import math
import re

_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_DUTCH = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$|^[+-]?\d+(,\d+)?$")


def format_getal(value: float, decimals: int | None = None) -> str:
    """`value` in Dutch notation; whole numbers without decimals, others with
    one decimal unless `decimals` says otherwise.

    >>> format_getal(1234.5), format_getal(13), format_getal(-0.25, 2)
    ('1.234,5', '13', '-0,25')
    """
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    negative = value < 0 and any(c not in "0,." for c in text)
    return f"-{text}" if negative else text


def parse_getal(text: str) -> float | int | None:
    """The number written in `text` (Dutch "1.234,5", plain "1234.5", an
    optional "%" which divides by 100 is *not* applied: "%" is refused), or
    None when `text` is not a number.

    A single point with exactly three digits after it ("1.234") is read the
    Dutch way, as a thousands separator.

    >>> parse_getal("1.234,5"), parse_getal("1234.5"), parse_getal("12"), parse_getal("=1+1")
    (1234.5, 1234.5, 12, None)
    """
    # Spaces inside are not thousands separators here: "+31 6 1234" is a
    # telephone number, not 3161234.
    s = text.strip()
    if not s:
        return None
    value: float
    if _DUTCH.match(s):
        value = float(s.replace(".", "").replace(",", "."))
    elif _PLAIN.match(s):
        value = float(s)
    else:
        return None
    if not math.isfinite(value):
        return None
    if (
        value.is_integer()
        and "," not in s
        and "e" not in s.lower()
        and ("." not in s or _DUTCH.match(s))
    ):
        return int(value)
    return value
