# SPDX-License-Identifier: EUPL-1.2
"""/api/v1/verwijzingen/: referrals, and their workflow steps, contacts,
connections, feedback and consent withdrawal as sub-resources.

Reads go through `referrals.selectors` (which audit them), writes through
`referrals.services`. A referral the caller may not see is a 404, the same as
one that does not exist; a step that is not for the caller's role is a 403.
Which fields a referral shows depends on the caller's role on it (see
`serializers`). The viewset is assembled from `basis` (finding and reading),
`stappen` (workflow steps, consent) and `uitvoering` (contacts, connections,
feedback); this module holds the referral itself and who may use which
action. The FHIR routes of the same referrals are in `referrals.fhir`.
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from dekkend.api.permissions import ActionPermissionMixin
from dekkend.referrals import selectors, services
from dekkend.referrals.api import answers, inputs
from dekkend.referrals.api.basis import FOUTEN, LEZEN, P
from dekkend.referrals.api.common import (
    KanBehandelen,
    KanVerwijzen,
    KanVerwijzingenZien,
    rollen_voor,
    veldfouten,
)
from dekkend.referrals.api.serializers import (
    VerwijzingDetailSerializer,
    VerwijzingSerializer,
)
from dekkend.referrals.api.stappen import StappenMixin
from dekkend.referrals.api.uitvoering import UitvoeringMixin
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.permissions import reden_voor, rol_for


@extend_schema(tags=["verwijzingen"])
class VerwijzingViewSet(ActionPermissionMixin, StappenMixin, UitvoeringMixin):
    """Verwijzingen van sociaal verwijzen (003 §4), voor verwijzer en brugfunctionaris."""

    permission_by_action: dict[str, list[type[BasePermission]]] = {
        "list": [KanVerwijzingenZien],
        "create": [KanVerwijzen],
        "retrieve": [KanVerwijzingenZien],
        "statussen": [KanVerwijzingenZien],
        "statussen_create": [KanVerwijzingenZien],
        "contacten": [KanBehandelen],
        "contacten_create": [KanBehandelen],
        "verbindingen": [KanBehandelen],
        "verbindingen_create": [KanBehandelen],
        "terugkoppelingen": [KanVerwijzingenZien],
        "terugkoppelingen_create": [KanBehandelen],
        "toestemming_intrekking": [KanVerwijzingenZien],
    }

    @extend_schema(
        parameters=[inputs.VerwijzingQuerySerializer],
        responses={200: VerwijzingSerializer(many=True), 400: P, 403: P},
        description="De verwijzingen die u verstuurde en die uw organisatie ontving "
        "(zolang de toestemming geldt), nieuwste eerst. Elke getoonde rij wordt "
        "met de leesreden in het auditlog vastgelegd.",
    )
    def list(self, request: Request) -> Response:
        query = inputs.VerwijzingQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        d = query.validated_data
        filters = selectors.VerwijzingFilter(
            status=tuple(sorted(d.get("status", ()))),
            richting=d.get("richting", ""),
            gemeente=d.get("gemeente", "").upper(),
            aangemaakt_vanaf=d.get("aangemaaktVanaf"),
            aangemaakt_tot=d.get("aangemaaktTot"),
            terugkoppeling_te_laat=d["terugkoppelingTeLaat"],
        )
        page = self.paginate_queryset(
            selectors.verwijzing_list(user=request.user, filters=filters)
        )
        rows = list(page or [])
        rollen = rollen_voor(request.user, rows)
        per_reden: dict[str, list[Verwijzing]] = {}
        for row in rows:
            reden = d.get("reden") or reden_voor(rollen[row.pk])
            per_reden.setdefault(reden, []).append(row)
        for reden, shown in per_reden.items():
            selectors.verwijzingen_read_record(
                user=request.user, verwijzingen=shown, reden=reden
            )
        data = VerwijzingSerializer(rows, many=True, context={"rollen": rollen}).data
        return self.get_paginated_response(data)

    @extend_schema(
        request=inputs.VerwijzingInvoerSerializer,
        responses={201: VerwijzingDetailSerializer, 400: P, 403: P},
        description="Verstuur een verwijzing met de vastgelegde toestemming van de "
        "inwoner naar de brugorganisatie van de woongemeente. Fouten noemen het veld "
        "(`inwoner.naam`, `voorwaarden.geenGgz`, …).",
    )
    def create(self, request: Request) -> Response:
        invoer = inputs.VerwijzingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        herkomst = self._herkomst(d)
        toestemming: dict[str, Any] = {
            "gegeven_door": d["toestemming"]["gegevenDoor"],
            "gegeven_op": d["toestemming"]["gegevenOp"],
            "wijze": d["toestemming"]["wijze"],
        }
        if d["toestemming"].get("doel"):
            toestemming["doel"] = d["toestemming"]["doel"]
        voorwaarden = d["voorwaarden"]
        try:
            verwijzing = services.verwijzing_create(
                user=request.user,
                verwijzer_organisatie=herkomst.organisatie,
                gemeente=herkomst.gemeente,
                inwoner=services.Inwoner(**d["inwoner"]),
                problemen=d["problemen"],
                voorwaarden=services.Voorwaarden(
                    niet_alleen_medisch=voorwaarden["nietAlleenMedisch"],
                    geen_ggz=voorwaarden["geenGgz"],
                    vraagverheldering_nodig=voorwaarden["vraagverhelderingNodig"],
                    onvoldoende_eigen_regie=voorwaarden["onvoldoendeEigenRegie"],
                ),
                warme_overdracht=d["warmeOverdracht"],
                toestemming=services.ToestemmingInvoer(**toestemming),
                toelichting=d["toelichting"],
            )
        except DjangoValidationError as exc:
            raise ValidationError(veldfouten(exc)) from None
        location = reverse(
            "verwijzing-detail", kwargs={"uuid": verwijzing.uuid}, request=request
        )
        # The serializer's answer, built directly (`answers`): cheaper.
        return Response(
            answers.verwijzing_detail(verwijzing, rol_for(request.user, verwijzing)),
            status=status.HTTP_201_CREATED,
            headers={"Location": location},
        )

    def _herkomst(self, d: dict[str, Any]) -> selectors.Herkomst:
        """Organisation and gemeente by `selectors.verwijzing_herkomst`: 403
        for an organisation the caller does not belong to (or none at all),
        400 on the field otherwise."""
        try:
            return selectors.verwijzing_herkomst(
                user=self.request.user,
                organisatie_uuid=d.get("verwijzerOrganisatie"),
                gemeente_code=d["gemeente"],
                postcode="",
            )
        except selectors.HerkomstFout as fout:
            if fout.reden in (
                selectors.HerkomstFout.GEEN_LID,
                selectors.HerkomstFout.GEEN_ORGANISATIE,
            ):
                raise PermissionDenied(fout.message) from None
            veld = {"organisatie": "verwijzerOrganisatie"}.get(fout.veld, fout.veld)
            raise ValidationError({veld: [fout.message]}) from None

    @extend_schema(
        parameters=LEZEN,
        responses={200: VerwijzingDetailSerializer, 400: P, **FOUTEN},
        description="Eén verwijzing met statushistorie en terugkoppelingen; voor de "
        "ontvangende organisatie ook contacten en verbindingen. Het lezen wordt met "
        "de reden vastgelegd.",
    )
    def retrieve(self, request: Request, uuid: str) -> Response:
        verwijzing, rol = self._lees(uuid)
        return Response(
            VerwijzingDetailSerializer(
                verwijzing, context={"rollen": {verwijzing.pk: rol}}
            ).data
        )
