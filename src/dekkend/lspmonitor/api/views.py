# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/monitor/…: rounds, base list, reviews (landelijk only) and
the report's tables as JSON (landelijk; a regio for its own region).
Errors are problem+json (dekkend.api.errors)."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dekkend.api.errors import ProblemSerializer
from dekkend.lspmonitor import selectors
from dekkend.lspmonitor.api.serializers import (
    BasislijstQuerySerializer,
    BeoordelingSerializer,
    KandidaatSerializer,
    RondeSerializer,
    TabellenQuerySerializer,
    TabellenSerializer,
)
from dekkend.lspmonitor.models import Beoordeling, Kandidaat, Ronde
from dekkend.lspmonitor.permissions import (
    can_manage_ronde,
    can_view_regio_resultaten,
    user_regio_ids,
)
from dekkend.regions.models import Regio

FOUTEN = {
    403: OpenApiResponse(
        ProblemSerializer, description="Niet ingelogd of geen toegang."
    ),
    404: OpenApiResponse(ProblemSerializer, description="Geen ronde van dat jaar."),
}


class IsLandelijk(BasePermission):
    message = gettext_lazy("Alleen de landelijke monitor ziet dit.")

    def has_permission(self, request: Any, view: Any) -> bool:
        return can_manage_ronde(request.user)


class CanViewResultaten(BasePermission):
    message = gettext_lazy("U mag de monitorresultaten niet zien.")

    def has_permission(self, request: Any, view: Any) -> bool:
        return can_view_regio_resultaten(request.user)


def _ronde(jaar: int) -> Ronde:
    try:
        return selectors.ronde_get(jaar=jaar)
    except Ronde.DoesNotExist:
        raise NotFound(_("Geen monitorronde van dat jaar.")) from None


JAAR = OpenApiParameter(
    "jaar", int, OpenApiParameter.PATH, description="Jaar van de ronde"
)


@extend_schema(tags=["monitor"], responses={200: RondeSerializer(many=True), **FOUTEN})
class RondeListView(generics.ListAPIView[Ronde]):
    """Monitorrondes, nieuwste eerst (landelijk)."""

    permission_classes = [IsAuthenticated, IsLandelijk]
    serializer_class = RondeSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Ronde]:
        return selectors.ronde_list()


@extend_schema(
    tags=["monitor"], parameters=[JAAR], responses={200: RondeSerializer, **FOUTEN}
)
class RondeDetailView(APIView):
    """Eén monitorronde (landelijk)."""

    permission_classes = [IsAuthenticated, IsLandelijk]

    def get(self, request: Request, jaar: int) -> Response:
        return Response(RondeSerializer(_ronde(jaar)).data)


@extend_schema(
    tags=["monitor"],
    parameters=[
        JAAR,
        BasislijstQuerySerializer,
    ],
    responses={200: KandidaatSerializer(many=True), **FOUTEN},
)
class BasislijstView(generics.ListAPIView[Kandidaat]):
    """De basislijst van een ronde: elke kandidaat met besluit en reden
    (landelijk)."""

    permission_classes = [IsAuthenticated, IsLandelijk]
    serializer_class = KandidaatSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Kandidaat]:
        query = BasislijstQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        return selectors.kandidaat_list(
            ronde=_ronde(self.kwargs["jaar"]),
            filters=selectors.KandidaatFilter(
                regio=params.get("regio") or None,
                besluit=params.get("besluit") or None,
                bron=params.get("bron") or None,
            ),
        ).select_related("steunpunt__aanbod")


@extend_schema(
    tags=["monitor"],
    parameters=[JAAR],
    responses={200: BeoordelingSerializer(many=True), **FOUTEN},
)
class BeoordelingListView(generics.ListAPIView[Beoordeling]):
    """Beoordelingen met het afwegingskader in een ronde, per beoordelaar
    (landelijk)."""

    permission_classes = [IsAuthenticated, IsLandelijk]
    serializer_class = BeoordelingSerializer
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Beoordeling]:
        ronde = _ronde(self.kwargs["jaar"])
        return (
            Beoordeling.objects.filter(kandidaat__ronde=ronde)
            .select_related("kandidaat")
            .order_by("kandidaat__naam", "rol")
        )


class TabellenView(APIView):
    permission_classes = [IsAuthenticated, CanViewResultaten]

    @extend_schema(
        tags=["monitor"],
        parameters=[JAAR, TabellenQuerySerializer],
        responses={200: TabellenSerializer, 400: ProblemSerializer, **FOUTEN},
        description=(
            "De cijfers van het rapport van een ronde: methode, tabel 2–4, grafiek 1–6 "
            "en de verandering sinds de vorige ronde. Aantallen respondenten onder de "
            "drempel zijn `null` met `…Onderdrukt: true`. De regiorol krijgt ze voor "
            "de eigen regio (`regio` verplicht); de grafieken gaan dan over de "
            "respondenten van die regio."
        ),
    )
    def get(self, request: Request, jaar: int) -> Response:
        from dekkend.lspmonitor.report.export import rapport_json
        from dekkend.lspmonitor.report.inputs import rapport_invoer

        ronde = _ronde(jaar)
        query = TabellenQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        code = query.validated_data.get("regio")
        regio = None
        if code:
            regio = Regio.objects.filter(
                indeling_id=ronde.indeling_id, code=code
            ).first()
            if regio is None:
                raise NotFound(_("Regio niet gevonden in de indeling van deze ronde."))
        allowed = user_regio_ids(request.user, ronde)
        if allowed is not None and (regio is None or regio.pk not in allowed):
            raise PermissionDenied(_("U ziet alleen de resultaten van uw eigen regio."))
        return Response(rapport_json(rapport_invoer(ronde=ronde), regio=code))
