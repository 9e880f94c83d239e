# SPDX-License-Identifier: EUPL-1.2
"""What the receiving organisation records on a referral (003 §4 steps
2–4): contacts, connections to offers, feedback to the verwijzer. The
verwijzer reads the feedback, not the contacts or connections."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from dekkend.referrals import services
from dekkend.referrals.api import inputs
from dekkend.referrals.api.basis import FOUTEN, LEZEN, P, VerwijzingBasis
from dekkend.referrals.api.common import service_refusal
from dekkend.referrals.api.serializers import (
    ContactSerializer,
    TerugkoppelingSerializer,
    VerbindingSerializer,
)
from dekkend.register import selectors as register_selectors
from dekkend.register.models import Aanbod


class UitvoeringMixin(VerwijzingBasis):
    @extend_schema(
        parameters=LEZEN,
        responses={200: ContactSerializer(many=True), 400: P, **FOUTEN},
        description="Contacten met de inwoner (alleen de ontvangende organisatie).",
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def contacten(self, request: Request, uuid: str) -> Response:
        verwijzing, _rol = self._lees(uuid, alleen_brug=True)
        return Response(ContactSerializer(verwijzing.contacten.all(), many=True).data)

    @extend_schema(
        request=inputs.ContactInvoerSerializer,
        responses={201: ContactSerializer, 400: P, 409: P, **FOUTEN},
        description="Leg een contact vast; het eerste contact zet de verwijzing in "
        "behandeling. 409 als de verwijzing niet (meer) loopt.",
    )
    @contacten.mapping.post
    def contacten_create(self, request: Request, uuid: str) -> Response:
        verwijzing = self._vind(uuid)
        invoer = inputs.ContactInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        try:
            contact = services.contact_record(
                user=request.user,
                verwijzing=verwijzing,
                soort=d["soort"],
                datum=d["datum"],
                duur_minuten=d["duurMinuten"],
                leefgebieden=d["leefgebieden"],
            )
        except DjangoValidationError as exc:
            return service_refusal(exc)
        return Response(ContactSerializer(contact).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=LEZEN,
        responses={200: VerbindingSerializer(many=True), 400: P, **FOUTEN},
        description="Verbindingen met aanbod (alleen de ontvangende organisatie).",
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def verbindingen(self, request: Request, uuid: str) -> Response:
        verwijzing, _rol = self._lees(uuid, alleen_brug=True)
        return Response(
            VerbindingSerializer(verwijzing.verbindingen.all(), many=True).data
        )

    @extend_schema(
        request=inputs.VerbindingInvoerSerializer,
        responses={201: VerbindingSerializer, 400: P, 409: P, **FOUTEN},
        description="Leg een verbinding met aanbod vast: `aanbod` (uuid uit de sociale "
        "kaart) of `soort` met `omschrijving`. 409 vóór het eerste contact of na "
        "het afsluiten.",
    )
    @verbindingen.mapping.post
    def verbindingen_create(self, request: Request, uuid: str) -> Response:
        verwijzing = self._vind(uuid)
        invoer = inputs.VerbindingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        aanbod: Aanbod | None = None
        if d["aanbod"] is not None:
            try:
                aanbod = register_selectors.aanbod_get(uuid=d["aanbod"])
            except Aanbod.DoesNotExist:
                raise ValidationError(
                    {"aanbod": [_("Dit aanbod staat niet (meer) in de sociale kaart.")]}
                ) from None
        try:
            verbinding = services.verbinding_record(
                user=request.user,
                verwijzing=verwijzing,
                datum=d["datum"],
                aanbod=aanbod,
                soort=d["soort"],
                omschrijving=d["omschrijving"],
            )
        except DjangoValidationError as exc:
            return service_refusal(exc)
        return Response(
            VerbindingSerializer(verbinding).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        parameters=LEZEN,
        responses={200: TerugkoppelingSerializer(many=True), 400: P, **FOUTEN},
        description="Terugkoppelingen aan de verwijzer, oudste eerst.",
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def terugkoppelingen(self, request: Request, uuid: str) -> Response:
        verwijzing, _rol = self._lees(uuid)
        data = TerugkoppelingSerializer(
            verwijzing.terugkoppelingen.all(), many=True
        ).data
        # The referrer has now read it (a no-op for the receiving organisation).
        services.terugkoppelingen_mark_read(
            user=request.user, verwijzingen=[verwijzing]
        )
        return Response(data)

    @extend_schema(
        request=inputs.TerugkoppelingInvoerSerializer,
        responses={201: TerugkoppelingSerializer, 400: P, **FOUTEN},
        description="Koppel terug aan de verwijzer (alleen de ontvangende organisatie, "
        "na het eerste contact; `afsluiting` pas na het afsluiten).",
    )
    @terugkoppelingen.mapping.post
    def terugkoppelingen_create(self, request: Request, uuid: str) -> Response:
        verwijzing = self._vind(uuid)
        invoer = inputs.TerugkoppelingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        try:
            terugkoppeling = services.terugkoppeling_send(
                user=request.user,
                verwijzing=verwijzing,
                soort=d["soort"],
                aan_de_slag_met=d["aanDeSlagMet"],
                geholpen=d["geholpen"],
            )
        except DjangoValidationError as exc:
            return service_refusal(exc)
        return Response(
            TerugkoppelingSerializer(terugkoppeling).data,
            status=status.HTTP_201_CREATED,
        )
