# SPDX-License-Identifier: EUPL-1.2
"""Read API of municipalities and regional divisions (public aggregates)."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from dekkend.api.permissions import ActionPermissionMixin
from dekkend.regions import selectors
from dekkend.regions.api.serializers import (
    GemeenteQuerySerializer,
    GemeenteSerializer,
    IndelingSerializer,
    RegioQuerySerializer,
    RegioSerializer,
)
from dekkend.regions.models import Gemeente, Indeling, Regio

READ_ONLY: dict[str, list[type[BasePermission]]] = {
    "list": [AllowAny],
    "retrieve": [AllowAny],
}


@extend_schema(tags=["gebieden"])
class GemeenteViewSet(ActionPermissionMixin, viewsets.ReadOnlyModelViewSet[Gemeente]):
    """Gemeenten met CBS-code en inwoners (laatste peiljaar)."""

    permission_by_action = READ_ONLY
    serializer_class = GemeenteSerializer
    lookup_field = "code"
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        query = GemeenteQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        qs = selectors.gemeente_list()
        if query.validated_data.get("regio"):
            qs = qs.filter(regiogemeente__regio__uuid=query.validated_data["regio"])
        if query.validated_data.get("q"):
            qs = qs.filter(naam__icontains=query.validated_data["q"])
        return qs

    @extend_schema(parameters=[GemeenteQuerySerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)


@extend_schema(tags=["gebieden"])
class IndelingViewSet(ActionPermissionMixin, viewsets.ReadOnlyModelViewSet[Indeling]):
    """Regio-indelingen (zorgkantoorregio, GGD-regio, provincie, LSP-monitor, IZA …)."""

    permission_by_action = READ_ONLY
    serializer_class = IndelingSerializer
    lookup_field = "naam"
    queryset = Indeling.objects.order_by("titel")
    filter_backends: list[Any] = []


@extend_schema(tags=["gebieden"])
class RegioViewSet(ActionPermissionMixin, viewsets.ReadOnlyModelViewSet[Regio]):
    """Regio's met hun gemeenten."""

    permission_by_action = READ_ONLY
    serializer_class = RegioSerializer
    lookup_field = "uuid"
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        query = RegioQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        qs = (
            Regio.objects.select_related("indeling")
            .prefetch_related("gemeenten")
            .order_by("indeling__naam", "naam")
        )
        if query.validated_data.get("indeling"):
            qs = qs.filter(indeling__naam=query.validated_data["indeling"])
        return qs

    @extend_schema(parameters=[RegioQuerySerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)
