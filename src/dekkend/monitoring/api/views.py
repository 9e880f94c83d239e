# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/verwijzingsindicatoren/: the referral indicators of a region,
or of every region of a division for the national monitor. Suppressed
aggregates only, the same JSON as `dekkend referral-indicators --json`."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dekkend.api.errors import ProblemSerializer
from dekkend.monitoring.api.serializers import (
    IndicatorenQuerySerializer,
    VerwijsIndicatorenSerializer,
)
from dekkend.monitoring.permissions import (
    can_view_any_indicatoren,
    can_view_indicatoren,
)
from dekkend.monitoring.selectors import referral_indicators, standaard_jaar
from dekkend.regions.models import Indeling
from dekkend.regions.selectors import indeling_get, regio_find


class CanViewIndicatoren(BasePermission):
    """The region or national role; which region is checked per request."""

    message = gettext_lazy("U mag de verwijsindicatoren niet zien.")

    def has_permission(self, request: Any, view: Any) -> bool:
        return can_view_any_indicatoren(request.user)


class VerwijsIndicatorenView(APIView):
    permission_classes = [IsAuthenticated, CanViewIndicatoren]

    @extend_schema(
        tags=["monitoring"],
        operation_id="verwijzingsindicatoren_retrieve",
        parameters=[IndicatorenQuerySerializer],
        responses={
            200: VerwijsIndicatorenSerializer,
            400: ProblemSerializer,
            403: OpenApiResponse(
                ProblemSerializer,
                description="Niet ingelogd, geen indicatorrol, of een andere regio.",
            ),
            404: ProblemSerializer,
        },
        description=(
            "Verwijsindicatoren van sociaal verwijzen per kalenderjaar: per gemeente "
            "van een regio, of (zonder `regio`, alleen voor de landelijke monitor) per "
            "regio van de indeling. Aantallen zijn per gemeente afgerond op veelvouden "
            "van `afronding` (5); regio's en totalen zijn sommen van de afgeronde "
            "gemeenten. Percentages en medianen over minder dan `drempel` "
            "verwijzingen zijn `null` met `…_onderdrukt: true`. Standaardjaar: het "
            "laatste volledige jaar."
        ),
    )
    def get(self, request: Request) -> Response:
        query = IndicatorenQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        d = query.validated_data
        try:
            indeling = indeling_get(naam=d["indeling"])
        except Indeling.DoesNotExist:
            raise NotFound(_("Indeling niet gevonden.")) from None
        regio = None
        if d.get("regio"):
            regio = regio_find(indeling=indeling.naam, code_of_naam=d["regio"])
            if regio is None:
                raise NotFound(_("Regio niet gevonden in deze indeling."))
        if not can_view_indicatoren(request.user, regio):
            raise PermissionDenied(
                _("U mag de indicatoren van alle regio's niet zien.")
                if regio is None
                else _("U mag de indicatoren van deze regio niet zien.")
            )
        jaar = d.get("jaar") or standaard_jaar(vandaag=timezone.localdate())
        result = referral_indicators(indeling=indeling, regio=regio, jaar=jaar)
        return Response(result.as_dict())
