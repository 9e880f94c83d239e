# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/dekking/: the coverage analysis of one region (public
aggregates; the run is not stored)."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dekkend.api.errors import ProblemSerializer
from dekkend.coverage.api.serializers import DekkingQuerySerializer, DekkingSerializer
from dekkend.coverage.services import analysis_run
from dekkend.regions.selectors import regio_find


class DekkingView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["dekking"],
        parameters=[DekkingQuerySerializer],
        responses={
            200: DekkingSerializer,
            400: ProblemSerializer,
            404: ProblemSerializer,
        },
        description="Dekkingsanalyse en streefwaarden van een regio, zoals `dekkend coverage --json`.",
    )
    def get(self, request: Request) -> Response:
        query = DekkingQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        d = query.validated_data
        regio = regio_find(indeling=d["division"], code_of_naam=d["regio"])
        if regio is None:
            raise NotFound("Regio niet gevonden in deze indeling.")
        data, _run = analysis_run(
            indeling=regio.indeling, regio=regio, peildatum=d["peildatum"], store=False
        )
        return Response(data)
