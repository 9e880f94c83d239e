# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/werkagenda/: werkagendas by uuid, their sections (PUT with the
revision; 409 on a stale one), goals, milestones, college decisions, status
transitions as their own resource and the versions of the region.

Reads go through `werkagenda.selectors` (404 for what the caller may not
see); writes through `werkagenda.services` (403 without change rights)."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from dekkend.api.errors import ProblemSerializer
from dekkend.api.permissions import ActionPermissionMixin
from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import gemeente_get
from dekkend.werkagenda import selectors, services
from dekkend.werkagenda.api import serializers as s
from dekkend.werkagenda.format.definition import format_get
from dekkend.werkagenda.models import Werkagenda
from dekkend.werkagenda.permissions import can_change_werkagenda, can_use_werkagenda

UUID_RE = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
P = ProblemSerializer
FOUTEN = {401: P, 403: P, 404: P}
PROBLEM_JSON = "application/problem+json"
VELDNAMEN = {"maatstaf_label": "maatstafLabel", "__all__": "non_field_errors"}


class WerkagendaGebruiker(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return can_use_werkagenda(request.user)


def _veldfouten(exc: DjangoValidationError) -> ValidationError:
    if hasattr(exc, "error_dict"):
        return ValidationError(
            {
                VELDNAMEN.get(k, k): [str(m) for m in v]
                for k, v in exc.message_dict.items()
            }
        )
    return ValidationError({"non_field_errors": [str(m) for m in exc.messages]})


class WerkagendaViewSet(
    ActionPermissionMixin,
    mixins.ListModelMixin,
    viewsets.GenericViewSet[Werkagenda],
):
    queryset = Werkagenda.objects.none()  # for the schema; reads use selectors
    serializer_class = s.WerkagendaSerializer
    lookup_field = "uuid"
    lookup_value_regex = UUID_RE
    filter_backends: list[Any] = []
    permission_by_action = {
        action_name: [WerkagendaGebruiker]
        for action_name in (
            "list",
            "retrieve",
            "secties",
            "sectie",
            "sectie_update",
            "doelstellingen",
            "doelstellingen_create",
            "mijlpalen",
            "mijlpalen_create",
            "collegebesluiten",
            "collegebesluiten_create",
            "statussen",
            "versies",
        )
    }

    def get_queryset(self) -> Any:
        return selectors.werkagenda_list(user=self.request.user).order_by(
            "regio__naam", "versie"
        )

    def _vind(self, uuid: str, *, wijzigen: bool = False) -> Werkagenda:
        try:
            wa = selectors.werkagenda_get(user=self.request.user, uuid=uuid)
        except Werkagenda.DoesNotExist:
            raise NotFound(_("Werkagenda niet gevonden.")) from None
        if wijzigen and not can_change_werkagenda(self.request.user, wa.regio):
            raise PermissionDenied(_("U mag deze werkagenda niet wijzigen."))
        return wa

    @extend_schema(responses={200: s.WerkagendaSerializer, **FOUTEN})
    def retrieve(self, request: Request, uuid: str) -> Response:
        return Response(s.WerkagendaSerializer(self._vind(uuid)).data)

    @extend_schema(
        responses={200: s.SectieSerializer(many=True), **FOUTEN},
        description="Alle ingevulde velden van de werkagenda, met hun revisie.",
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def secties(self, request: Request, uuid: str) -> Response:
        wa = self._vind(uuid)
        return Response(
            s.SectieSerializer(wa.secties.order_by("adres"), many=True).data
        )

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "adres",
                str,
                OpenApiParameter.PATH,
                description="Bijvoorbeeld 2a.situatie",
            )
        ],
        responses={200: s.SectieSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["get"], url_path=r"secties/(?P<adres>[0-9a-z._]+)")
    def sectie(self, request: Request, uuid: str, adres: str) -> Response:
        wa = self._vind(uuid)
        obj = wa.secties.filter(adres=adres).first()
        if obj is None:
            try:
                format_get(wa.format_versie).veld(adres)
            except KeyError:
                raise NotFound(_("Onbekend veld %(a)s.") % {"a": adres}) from None
            return Response(
                {"adres": adres, "tekst": "", "revisie": 0, "gewijzigdOp": None}
            )
        return Response(s.SectieSerializer(obj).data)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "adres",
                str,
                OpenApiParameter.PATH,
                description="Bijvoorbeeld 2a.situatie",
            )
        ],
        request=s.SectieInvoerSerializer,
        responses={
            200: s.SectieSerializer,
            400: P,
            409: OpenApiResponse(
                s.ConflictSerializer,
                description="Iemand anders heeft het veld intussen gewijzigd; beide teksten.",
            ),
            **FOUTEN,
        },
        description="Sla de tekst van een veld op vanaf `revisie`.",
    )
    @sectie.mapping.put
    def sectie_update(self, request: Request, uuid: str, adres: str) -> Response:
        wa = self._vind(uuid, wijzigen=True)
        invoer = s.SectieInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            obj = services.sectie_save(
                user=request.user,
                werkagenda=wa,
                adres=adres,
                tekst=invoer.validated_data["tekst"],
                revisie=invoer.validated_data["revisie"],
            )
        except services.VerouderdeOpslag as exc:
            return Response(
                {
                    "type": "about:blank",
                    "title": "Conflict",
                    "status": 409,
                    "detail": exc.melding,
                    "adres": exc.adres,
                    "revisie": exc.revisie,
                    "huidigeTekst": exc.hun_tekst,
                    "uwTekst": exc.uw_tekst,
                },
                status=status.HTTP_409_CONFLICT,
                content_type=PROBLEM_JSON,
            )
        except DjangoValidationError as exc:
            raise _veldfouten(exc) from None
        return Response(s.SectieSerializer(obj).data)

    @extend_schema(responses={200: s.DoelstellingSerializer(many=True), **FOUTEN})
    @action(detail=True, methods=["get"], pagination_class=None)
    def doelstellingen(self, request: Request, uuid: str) -> Response:
        wa = self._vind(uuid)
        qs = wa.doelstellingen.prefetch_related("ingroeipad")
        return Response(s.DoelstellingSerializer(qs, many=True).data)

    @extend_schema(
        request=s.DoelstellingInvoerSerializer,
        responses={201: s.DoelstellingSerializer, 400: P, **FOUTEN},
        description="Een SMART-projectdoelstelling met ingroeipad; een maatstaf en een datum binnen de periode zijn verplicht.",
    )
    @doelstellingen.mapping.post
    def doelstellingen_create(self, request: Request, uuid: str) -> Response:
        wa = self._vind(uuid, wijzigen=True)
        invoer = s.DoelstellingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        try:
            obj = services.doelstelling_save(
                user=request.user,
                werkagenda=wa,
                onderdeel=d["onderdeel"],
                omschrijving=d["omschrijving"],
                maatstaf=d["maatstaf"],
                maatstaf_label=d["maatstafLabel"],
                streefwaarde=d["streefwaarde"],
                eenheid=d["eenheid"],
                uiterlijk=d["uiterlijk"],
                verantwoordelijke=d["verantwoordelijke"],
                ingroeipad=[(r["jaar"], r["waarde"]) for r in d["ingroeipad"]],
            )
        except DjangoValidationError as exc:
            raise _veldfouten(exc) from None
        return Response(
            s.DoelstellingSerializer(obj).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(responses={200: s.MijlpaalSerializer(many=True), **FOUTEN})
    @action(detail=True, methods=["get"], pagination_class=None)
    def mijlpalen(self, request: Request, uuid: str) -> Response:
        wa = self._vind(uuid)
        return Response(s.MijlpaalSerializer(wa.mijlpalen.all(), many=True).data)

    @extend_schema(
        request=s.MijlpaalInvoerSerializer,
        responses={201: s.MijlpaalSerializer, 400: P, **FOUTEN},
        description="Een rij van de mijlpalenplanning; het kwartaal (2027-K1) ligt binnen de periode.",
    )
    @mijlpalen.mapping.post
    def mijlpalen_create(self, request: Request, uuid: str) -> Response:
        wa = self._vind(uuid, wijzigen=True)
        invoer = s.MijlpaalInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            obj = services.mijlpaal_save(
                user=request.user, werkagenda=wa, **invoer.validated_data
            )
        except DjangoValidationError as exc:
            raise _veldfouten(exc) from None
        return Response(s.MijlpaalSerializer(obj).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.CollegebesluitSerializer(many=True), **FOUTEN})
    @action(detail=True, methods=["get"], pagination_class=None)
    def collegebesluiten(self, request: Request, uuid: str) -> Response:
        wa = self._vind(uuid)
        qs = wa.collegebesluiten.select_related("gemeente")
        return Response(s.CollegebesluitSerializer(qs, many=True).data)

    @extend_schema(
        request=s.CollegebesluitInvoerSerializer,
        responses={201: s.CollegebesluitSerializer, 400: P, **FOUTEN},
        description="Het besluit van het college van een gemeente van de regio.",
    )
    @collegebesluiten.mapping.post
    def collegebesluiten_create(self, request: Request, uuid: str) -> Response:
        wa = self._vind(uuid, wijzigen=True)
        invoer = s.CollegebesluitInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        try:
            gemeente = gemeente_get(code=d["gemeentecode"])
        except Gemeente.DoesNotExist:
            raise ValidationError(
                {"gemeentecode": [_("Onbekende gemeente.")]}
            ) from None
        try:
            obj = services.collegebesluit_record(
                user=request.user,
                werkagenda=wa,
                gemeente=gemeente,
                datum=d["datum"],
                uitkomst=d["uitkomst"],
                kenmerk=d["kenmerk"],
            )
        except DjangoValidationError as exc:
            errors = _veldfouten(exc)
            if isinstance(errors.detail, dict) and "gemeente" in errors.detail:
                errors.detail["gemeentecode"] = errors.detail.pop("gemeente")
            raise errors from None
        return Response(
            s.CollegebesluitSerializer(obj).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        request=s.StatusInvoerSerializer,
        responses={201: s.StatusSerializer, 400: P, **FOUTEN},
        description="Een statusovergang: concept → ter_vaststelling → vastgesteld (alleen als elk college heeft vastgesteld; bevriest de cijfers).",
    )
    @action(detail=True, methods=["post"])
    def statussen(self, request: Request, uuid: str) -> Response:
        wa = self._vind(uuid, wijzigen=True)
        invoer = s.StatusInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            wa = services.werkagenda_status_change(
                user=request.user, werkagenda=wa, status=invoer.validated_data["status"]
            )
        except DjangoValidationError as exc:
            raise _veldfouten(exc) from None
        return Response(
            {"status": wa.status, "vastgesteldOp": wa.vastgesteld_op},
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(
        responses={200: s.WerkagendaSerializer(many=True), **FOUTEN},
        description="Alle versies van de werkagenda van deze regio.",
    )
    @action(detail=True, methods=["get"], pagination_class=None)
    def versies(self, request: Request, uuid: str) -> Response:
        wa = self._vind(uuid)
        qs = selectors.werkagenda_list(user=request.user, regio=wa.regio).order_by(
            "versie"
        )
        return Response(s.WerkagendaSerializer(qs, many=True).data)
