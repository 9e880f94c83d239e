# SPDX-License-Identifier: EUPL-1.2
"""Download responses: content type by extension, RFC 6266 disposition
with an ASCII fallback and filename*, nosniff."""

import pytest

from dekkend.documents.http import file_response, safe_filename


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [
        (
            "a.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("a.PDF", "application/pdf"),
        ("a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_content_type_from_extension(filename: str, content_type: str) -> None:
    response = file_response(b"data", filename=filename)
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Length"] == "4"
    assert response.content == b"data"


def test_ascii_name_is_plain() -> None:
    response = file_response(b"", filename="werkagenda-ZK27-2026.docx")
    assert response["Content-Disposition"] == (
        'attachment; filename="werkagenda-ZK27-2026.docx"'
    )


def test_non_ascii_name_gets_filename_star() -> None:
    response = file_response(b"", filename="Regio's Zeeland – één.pdf")
    assert response["Content-Disposition"] == (
        'attachment; filename="Regio-s-Zeeland-een.pdf"; '
        "filename*=UTF-8''Regio-s-Zeeland-%C3%A9%C3%A9n.pdf"
    )


def test_path_quotes_and_header_injection_are_removed() -> None:
    response = file_response(b"", filename='../../etc/"x"\r\nSet-Cookie: a=b.xlsx')
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert ".." not in disposition and "/" not in disposition.replace("UTF-8''", "")
    assert disposition.startswith('attachment; filename="etc-x-Set-Cookie-a-b.xlsx"')
    assert safe_filename(".docx") == "document.docx"


def test_unknown_extension_is_refused() -> None:
    with pytest.raises(ValueError, match="no content type"):
        file_response(b"", filename="a.exe")
