# SPDX-License-Identifier: EUPL-1.2
"""Read API of the public register: support points, search, organisations,
and the per-region LSP summary."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone

from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dekkend.api.errors import ProblemSerializer
from dekkend.api.permissions import ActionPermissionMixin
from dekkend.regions.models import Gemeente, Indeling
from dekkend.regions.selectors import OngeldigePostcode, gemeente_punt
from dekkend.register import search, selectors
from dekkend.register.api.serializers import (
    LspSummaryQuerySerializer,
    LspSummarySerializer,
    OrganisatieSerializer,
    SteunpuntDetailSerializer,
    SteunpuntQuerySerializer,
    SteunpuntSerializer,
    ZoekQuerySerializer,
    ZoekResultaatSerializer,
)
from dekkend.register.models import Organisatie, Steunpunt


def _plain_search_query(params: Any) -> dict[str, Any] | None:
    """The common search `?postcode=…[&limit=…]` read without building the
    query serializer (a fifth of the request's CPU); None for anything else,
    which ZoekQuerySerializer then validates (and words the errors)."""
    if not set(params) <= {"postcode", "limit"}:
        return None
    postcode = params.get("postcode", "").strip()
    limit = params.get("limit", "10").strip()
    if not postcode or len(postcode) > 10 or not limit.isdigit():
        return None
    if not 1 <= int(limit) <= 50:
        return None
    return {
        "postcode": postcode,
        "limit": int(limit),
        "peildatum": timezone.localdate(),
    }


def _filters(params: dict[str, Any]) -> selectors.SteunpuntFilter:
    return selectors.SteunpuntFilter(
        gemeente=(params.get("gemeente") or "").upper() or None,
        regio=params.get("regio"),
        lsp_type=params.get("type"),
        organisatie=params.get("organisatie"),
        element=params.get("element"),
        doelgroep=params.get("doelgroep"),
        zoekterm=params.get("q"),
    )


@extend_schema(tags=["register"])
class SteunpuntViewSet(ActionPermissionMixin, viewsets.ReadOnlyModelViewSet[Steunpunt]):
    """Laagdrempelige steunpunten op het register (openbaar)."""

    permission_by_action: dict[str, list[type[BasePermission]]] = {
        "list": [AllowAny],
        "retrieve": [AllowAny],
        "zoeken": [AllowAny],
    }
    lookup_field = "uuid"
    lookup_value_regex = "[0-9a-f-]{36}"
    filter_backends: list[Any] = []

    def get_serializer_class(self) -> Any:
        return (
            SteunpuntDetailSerializer
            if self.action == "retrieve"
            else SteunpuntSerializer
        )

    def get_queryset(self) -> Any:
        query = SteunpuntQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return selectors.steunpunt_list(
            peildatum=query.validated_data["peildatum"],
            filters=_filters(query.validated_data),
        )

    def get_object(self) -> Steunpunt:
        try:
            return selectors.steunpunt_get(uuid=self.kwargs["uuid"])
        except (Steunpunt.DoesNotExist, DjangoValidationError):
            # 36 characters that are no uuid name no support point either.
            raise NotFound("Steunpunt niet gevonden.") from None

    @extend_schema(
        parameters=[SteunpuntQuerySerializer],
        responses={200: SteunpuntSerializer(many=True), 400: ProblemSerializer},
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(responses={200: SteunpuntDetailSerializer, 404: ProblemSerializer})
    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        parameters=[ZoekQuerySerializer],
        responses={
            200: ZoekResultaatSerializer,
            400: ProblemSerializer,
            404: ProblemSerializer,
        },
        description="De dichtstbijzijnde steunpunten bij een postcode of gemeente, op afstand (km).",
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def zoeken(self, request: Request) -> Response:
        data = _plain_search_query(request.query_params)
        if data is None:
            query = ZoekQuerySerializer(data=request.query_params)
            query.is_valid(raise_exception=True)
            data = query.validated_data
        herkomst_code: str | None
        token: int | None = None
        if data.get("postcode"):
            try:
                punt, token = search.postcode_point_and_token(data["postcode"])
            except OngeldigePostcode:
                raise ValidationError(
                    {
                        "postcode": "Dit is geen geldige postcode (bijvoorbeeld 4331 of 4331 AB)."
                    }
                ) from None
            if punt is None:
                raise NotFound("Deze postcode kennen we niet.")
            herkomst_code = None
            filters = _filters({**data, "gemeente": None})
        else:
            gemeente = (
                Gemeente.objects.defer("geometrie")
                .filter(code=data["gemeente"].upper())
                .first()
            )
            punt = gemeente_punt(gemeente) if gemeente else None
            if gemeente is None or punt is None:
                raise NotFound("Deze gemeente kennen we niet.")
            herkomst_code = gemeente.code
            filters = _filters({**data, "gemeente": None})
        hits = selectors.steunpunt_zoeken(
            lat=punt.lat,
            lon=punt.lon,
            peildatum=data["peildatum"],
            limit=data["limit"],
            filters=filters,
            herkomst_gemeente_id=punt.gemeente_id,
            herkomst_gemeente_code=herkomst_code,
            token=token,
        )
        # Plain values prepared per support point (ZoekResultaatSerializer is
        # the schema of this body; a test checks they agree).
        body = {
            "herkomst": {
                "lat": punt.lat,
                "lon": punt.lon,
                "omschrijving": punt.omschrijving,
            },
            "resultaten": [
                {
                    "afstandKm": hit.afstand_km,
                    "overWater": hit.over_water is not None,
                    "waterovergang": hit.over_water,
                    "steunpunt": hit.row.api,
                }
                for hit in hits
            ],
        }
        return Response(body)


@extend_schema(tags=["register"])
class OrganisatieViewSet(
    ActionPermissionMixin, viewsets.ReadOnlyModelViewSet[Organisatie]
):
    """Organisaties op het register (openbaar)."""

    permission_by_action: dict[str, list[type[BasePermission]]] = {
        "list": [AllowAny],
        "retrieve": [AllowAny],
    }
    serializer_class = OrganisatieSerializer
    lookup_field = "uuid"
    queryset = Organisatie.objects.order_by("naam")
    filter_backends: list[Any] = []


@extend_schema(
    tags=["register"],
    parameters=[LspSummaryQuerySerializer],
    responses={
        200: LspSummarySerializer,
        400: ProblemSerializer,
        404: ProblemSerializer,
    },
    description="LSP-locaties per regio van een indeling, per type (zoals `dekkend lsp-summary --json`).",
)
class LspSummaryView(APIView):
    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        query = LspSummaryQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        indeling = get_object_or_404(Indeling, naam=query.validated_data["division"])
        return Response(
            selectors.lsp_summary(
                indeling=indeling, peildatum=query.validated_data["peildatum"]
            )
        )
