# SPDX-License-Identifier: EUPL-1.2
"""Dekkend's URLs plus `/bench/floor/`: a DRF view on the same stack
(middleware, renderer, permissions, gunicorn) that returns a prepared answer
read once from the JSON file in DEKKEND_BENCH_FLOOR_JSON. Its server CPU per
request is the floor the search is compared with (bench/search_api.py)."""

import json
import os
from typing import Any

from django.urls import path

from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dekkend.urls import urlpatterns as dekkend_urlpatterns

_answer: list[Any] = []


class FloorView(APIView):
    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        if not _answer:
            with open(os.environ["DEKKEND_BENCH_FLOOR_JSON"], encoding="utf-8") as f:
                _answer.append(json.load(f))
        return Response(_answer[0])


urlpatterns = [path("bench/floor/", FloorView.as_view()), *dekkend_urlpatterns]
