# SPDX-License-Identifier: EUPL-1.2
"""Download responses for generated files (the one Django module here).

`file_response` sets the content type from the file name's extension, an
RFC 6266 `Content-Disposition: attachment` with an ASCII fallback name and
the full name as RFC 5987 `filename*`, and `X-Content-Type-Options: nosniff`.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from django.http import HttpResponse

CONTENT_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".html": "text/html; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)
_ASCII_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(filename: str) -> str:
    """`filename` without path parts, control characters, quotes or
    separators; never empty or hidden.

    >>> safe_filename('../werkagenda "Zeeland"/2026.docx')
    'werkagenda-Zeeland-2026.docx'
    """
    name = filename.replace("\\", "/").replace("/", "-")
    name = _UNSAFE.sub("-", name)
    name = re.sub(r"-{2,}", "-", name.replace(" ", "-"))
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = re.sub(r"\.{2,}", "-", stem)
    stem = re.sub(r"-{2,}", "-", stem).strip("-.") or "document"
    ext = ext.strip("-.")
    return f"{stem}.{ext}" if ext else stem


def ascii_filename(filename: str) -> str:
    """The ASCII fallback of a safe name: accents dropped, the rest replaced."""
    decomposed = unicodedata.normalize("NFKD", filename)
    plain = decomposed.encode("ascii", "ignore").decode("ascii")
    plain = _ASCII_UNSAFE.sub("-", plain)
    plain = re.sub(r"-{2,}", "-", plain).strip("-")
    if not plain or plain.startswith("."):
        plain = "document" + plain
    return plain


def file_response(data: bytes, *, filename: str) -> HttpResponse:
    """`data` as a download named `filename`. Raises ValueError for an
    extension without a known content type."""
    name = safe_filename(filename)
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in CONTENT_TYPES:
        raise ValueError(f"no content type for {filename!r}")
    response = HttpResponse(data, content_type=CONTENT_TYPES[ext])
    fallback = ascii_filename(name)
    disposition = f'attachment; filename="{fallback}"'
    if fallback != name:
        disposition += f"; filename*=UTF-8''{quote(name, safe='')}"
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Length"] = str(len(data))
    return response
