# SPDX-License-Identifier: EUPL-1.2
"""Just enough PDF reading for the tests, without a PDF library: the
uncompressed text of all Flate streams (object streams hold the catalog,
the structure tree and the XMP metadata) next to the raw file."""

import re
import zlib


def inflated(pdf: bytes) -> bytes:
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", inflated(pdf)))
