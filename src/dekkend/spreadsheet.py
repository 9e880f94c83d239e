# SPDX-License-Identifier: EUPL-1.2
"""Writing cells of an openpyxl workbook so that text stays text.

Every workbook of Dekkend (coverage, monitoring, the documents module) writes
its cells through here. Numbers, booleans and dates are written as they are;
every string is written as a string cell, never through openpyxl's value
setter, which turns a leading "=" into a formula. A string that a spreadsheet
would read as a formula ("=HYPERLINK(…)", "+31…", "-5", "@SUM(…)", a leading
tab or carriage return: CSV/formula injection) also gets the quote prefix, so
Excel and LibreOffice show it as typed. Characters XML 1.0 forbids are dropped.

A neutral plain module (no Django, no other part of `dekkend`), so that
`coverage`, `monitoring` and `documents` can all use it. What does not belong
here: layout, styles and what goes in which sheet.
"""

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_AS_IS = (bool, int, float, Decimal, date, datetime, time, timedelta)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids ("\\r" becomes "\\n").

    >>> xml_safe("a\\x0bb\\r\\nc\\td")
    'ab\\nc\\td'
    """
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def write_text(cell: Any, text: str) -> None:
    """Write `text` into an openpyxl cell as a string, never as a formula."""
    from openpyxl.cell.cell import Cell

    assert isinstance(cell, Cell)
    quote = str(text).startswith(FORMULA_START)
    # Assign through the data type, not the value setter: the setter turns a
    # leading "=" into a formula.
    cell._value = xml_safe(str(text))
    cell.data_type = "s"
    if quote:
        cell.quotePrefix = True


def write_value(cell: Any, value: Any) -> None:
    """Write `value`: numbers, booleans, dates and None as they are, anything
    else (strings, lazy translations) as text via `write_text`."""
    if value is None or isinstance(value, _AS_IS):
        cell.value = value
    else:
        write_text(cell, str(value))


def write_rows(ws: Any, rows: Iterable[Iterable[Any]], *, first_row: int = 1) -> int:
    """Write `rows` into worksheet `ws` from `first_row` on, like
    `ws.append` but safe for text. Returns the next free row number."""
    r = first_row
    for row in rows:
        for c, value in enumerate(row, start=1):
            write_value(ws.cell(row=r, column=c), value)
        r += 1
    return r
