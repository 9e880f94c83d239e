# SPDX-License-Identifier: EUPL-1.2
"""Every error under `/api/` is a problem document, whoever produced it.

DRF's exception handler (`api/errors.py`) shapes the errors of API views.
What happens before a view is reached is Django's: a path that matches no
route (`/api/v1/steunpunten/%C2%84/`) gets the HTML 404 page, an unhandled
exception the HTML 500 page. This middleware replaces such answers by an RFC
9457 problem with the same status and headers. FHIR answers
(`application/fhir+json` OperationOutcome) are left as they are: that is the
error shape FHIR clients expect.
"""

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

PROBLEM_JSON = "application/problem+json"
# Answers that already have the API's (or FHIR's) error shape.
KEPT = (PROBLEM_JSON, "application/fhir+json")
# Headers of the original answer that describe its body, not kept.
BODY_HEADERS = {"content-type", "content-length", "content-disposition"}


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:  # a status Python does not name
        return "Error"


def problem_detail(status: int) -> str:
    """A Dutch explanation for an error that has none of its own."""
    details = {
        400: _("Het verzoek is ongeldig."),
        403: _("U hebt geen toegang."),
        404: _("Niet gevonden."),
        405: _("Deze methode is hier niet toegestaan."),
        500: _("Er ging iets mis aan onze kant. Probeer het later opnieuw."),
    }
    return details.get(status, _phrase(status))


def problem_response(status: int, detail: str | None = None) -> JsonResponse:
    """A bare problem document: `type`, `title`, `status`, `detail`."""
    return JsonResponse(
        {
            "type": "about:blank",
            "title": _phrase(status),
            "status": status,
            "detail": detail or problem_detail(status),
        },
        status=status,
        content_type=PROBLEM_JSON,
    )


class ProblemDetailsMiddleware:
    """Turn any other error answer under `/api/` into a problem document."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code < 400 or not request.path_info.startswith("/api/"):
            return response
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type in KEPT:
            return response
        problem = problem_response(response.status_code)
        # Allow, Retry-After, Vary and the security headers stay.
        for header, value in response.items():
            if header.lower() not in BODY_HEADERS:
                problem[header] = value
        return problem
