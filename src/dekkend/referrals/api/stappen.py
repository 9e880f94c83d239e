# SPDX-License-Identifier: EUPL-1.2
"""Workflow steps of a referral as resources: the status history
(`statussen`, POST a step) and the consent withdrawal."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from dekkend.referrals import services, workflow
from dekkend.referrals.api import answers, inputs
from dekkend.referrals.api.basis import FOUTEN, LEZEN, P, VerwijzingBasis
from dekkend.referrals.api.common import transition_refusal, veldfouten
from dekkend.referrals.api.serializers import (
    StatuswijzigingSerializer,
    VerwijzingDetailSerializer,
)
from dekkend.referrals.permissions import can_view_verwijzing, rol_for


class StappenMixin(VerwijzingBasis):
    @extend_schema(
        parameters=LEZEN,
        responses={200: StatuswijzigingSerializer(many=True), 400: P, **FOUTEN},
        description="De statushistorie, oudste eerst.",
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def statussen(self, request: Request, uuid: str) -> Response:
        verwijzing, rol = self._lees(uuid)
        return Response(
            StatuswijzigingSerializer(
                verwijzing.statussen.all(),
                many=True,
                context={"rollen": {verwijzing.pk: rol}},
            ).data
        )

    @extend_schema(
        request=inputs.StatuswijzigingInvoerSerializer,
        responses={
            201: StatuswijzigingSerializer,
            400: OpenApiResponse(P, description="Reden of uitkomst ontbreekt."),
            409: OpenApiResponse(
                P, description="Deze stap kan niet bij de huidige status."
            ),
            **FOUTEN,
        },
        description="Zet een stap in de workflow (accepteren, terugsturen, intrekken, "
        "pauzeren, hervatten, afsluiten). Een stap voor de andere rol geeft 403.",
    )
    @statussen.mapping.post
    def statussen_create(self, request: Request, uuid: str) -> Response:
        invoer = inputs.StatuswijzigingInvoerSerializer(data=request.data)
        if not invoer.is_valid():
            # A referral the caller may not see is a 404 before any 400.
            self._vind(uuid)
            raise ValidationError(invoer.errors)
        d = invoer.validated_data
        actie = workflow.Actie(d["actie"])
        try:
            # Finds the referral as the caller may see it and locks it in
            # one query (no separate find first).
            nieuw = services.statuswijziging_create_visible(
                user=request.user,
                uuid=uuid,
                actie=actie,
                reden=d["reden"],
                uitkomst=workflow.Uitkomst(d["uitkomst"]) if d["uitkomst"] else None,
            )
        except DjangoValidationError as exc:
            refusal = transition_refusal(exc, actie=actie)
            if refusal is None:
                raise ValidationError(veldfouten(exc)) from None
            return refusal
        if nieuw is None:
            raise NotFound(_("Verwijzing niet gevonden."))
        # The caller's role on the referral (a step changes no role), and
        # the serializer's answer built directly (`answers`): cheaper.
        rol = rol_for(request.user, nieuw.verwijzing)
        return Response(
            answers.statuswijziging(nieuw, rol), status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=None,
        responses={200: VerwijzingDetailSerializer, **FOUTEN},
        description="De inwoner trekt de toestemming in (vastgelegd door verwijzer of "
        "ontvangende organisatie): een open verwijzing wordt ingetrokken en de "
        "ontvangende organisatie verliest de toegang. Antwoordt met de verwijzing "
        "zoals u die daarna nog ziet.",
    )
    @action(detail=True, methods=["post"], url_path="toestemming-intrekking")
    def toestemming_intrekking(self, request: Request, uuid: str) -> Response:
        verwijzing = services.toestemming_withdraw(
            user=request.user, verwijzing=self._vind(uuid)
        )
        if can_view_verwijzing(request.user, verwijzing):
            # The answer shows personal data again: read it as any read is.
            verwijzing, _rol = self._lees(uuid)
        return Response(self._detail(verwijzing))
