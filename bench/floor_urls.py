# SPDX-License-Identifier: EUPL-1.2
"""The project's routes plus *floor* endpoints for the benchmarks.

A floor is the cheapest request the same stack can serve: the same
middleware (session, CSRF, authentication, 2FA, locale), the same DRF
authentication and permission classes as the endpoint it stands beside, the
request body parsed, and then an answer read from a file prepared by the
benchmark (a real answer of the endpoint, so of the same size), without a
single query of its own. What the real endpoint costs above its floor is
what our code costs. Mounted only by `floor_settings` (bench/).

The answers file is `DEKKEND_BENCH_FLOOR_ANSWERS` (JSON: name → status,
content type, body), read on the first request of a floor.
"""

import json
import os
from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import path

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from dekkend.referrals.api.common import KanVerwijzen, KanVerwijzingenZien
from dekkend.urls import urlpatterns as project_urlpatterns


@cache
def _answers() -> dict[str, Any]:
    with open(os.environ["DEKKEND_BENCH_FLOOR_ANSWERS"], encoding="utf-8") as f:
        answers: dict[str, Any] = json.load(f)
    return answers


def _answer(name: str) -> HttpResponse:
    a = _answers()[name]
    return HttpResponse(
        a["body"].encode("utf-8"), status=a["status"], content_type=a["content_type"]
    )


class _ApiFloor(APIView):
    name = ""

    def post(self, request: Request, **kwargs: Any) -> HttpResponse:
        request.data  # noqa: B018 - parse the body as the real endpoint does
        return _answer(self.name)


class VerwijzingCreateFloor(_ApiFloor):
    name = "create"
    permission_classes: list[type[BasePermission]] = [KanVerwijzen]


class StatusFloor(_ApiFloor):
    name = "status"
    permission_classes: list[type[BasePermission]] = [KanVerwijzingenZien]


def page_floor(request: HttpRequest, name: str) -> HttpResponse:
    """An HTML page of the same size as page `name`, prepared beforehand."""
    return _answer(f"page:{name}")


urlpatterns = [
    path("api/v1/bench-floor/verwijzingen/", VerwijzingCreateFloor.as_view()),
    path("api/v1/bench-floor/statussen/<uuid:uuid>/", StatusFloor.as_view()),
    path("bench-floor/pagina/<str:name>/", page_floor),
    *project_urlpatterns,
]
