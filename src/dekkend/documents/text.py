# SPDX-License-Identifier: EUPL-1.2
"""Text as every renderer may write it.

XML 1.0 (DOCX, XLSX, SVG, and WeasyPrint's parser) cannot hold most control
characters; user text pasted from elsewhere sometimes has them (a vertical
tab from Word, a NUL from a broken export). They are dropped, tabs and line
breaks are kept.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 forbids ("\\r" becomes "\\n").

    >>> xml_safe("a\\x0bb\\r\\nc\\td")
    'ab\\nc\\td'
    """
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
