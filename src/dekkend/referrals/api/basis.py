# SPDX-License-Identifier: EUPL-1.2
"""The base of the referral viewset: how a referral is found for the caller
(404 when they may not see it) and read with an audited reason. The actions
are in `views` (the referral), `stappen` (workflow steps, consent) and
`uitvoering` (contacts, connections, feedback)."""

from typing import Any

from django.utils.translation import gettext as _

from rest_framework import viewsets
from rest_framework.exceptions import NotFound, PermissionDenied

from dekkend.api.errors import ProblemSerializer
from dekkend.referrals import selectors, workflow
from dekkend.referrals.api import inputs
from dekkend.referrals.api.serializers import (
    VerwijzingDetailSerializer,
    VerwijzingSerializer,
)
from dekkend.referrals.models import Verwijzing
from dekkend.referrals.permissions import reden_voor, rol_for

UUID_RE = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
P = ProblemSerializer
FOUTEN = {403: P, 404: P}
LEZEN = [inputs.LeesredenQuerySerializer]


class VerwijzingBasis(viewsets.GenericViewSet[Verwijzing]):
    # For the schema's path parameter only; every read goes through selectors.
    queryset = Verwijzing.objects.none()
    serializer_class = VerwijzingSerializer
    lookup_field = "uuid"
    lookup_value_regex = UUID_RE
    filter_backends: list[Any] = []

    def _vind(self, uuid: str) -> Verwijzing:
        """The referral if the caller may see it, without auditing a read
        (for writes, which the services audit)."""
        verwijzing = selectors.verwijzing_find(user=self.request.user, uuid=uuid)
        if verwijzing is None:
            raise NotFound(_("Verwijzing niet gevonden."))
        return verwijzing

    def _lees(
        self, uuid: str, *, alleen_brug: bool = False
    ) -> tuple[Verwijzing, workflow.Rol | None]:
        """The referral with its history, read (and audited) with the reason
        from `?reden=` or the caller's role's default."""
        query = inputs.LeesredenQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        rol = rol_for(self.request.user, self._vind(uuid))
        if alleen_brug and rol != workflow.Rol.BRUGFUNCTIONARIS:
            raise PermissionDenied(
                _("Alleen de ontvangende organisatie ziet contacten en verbindingen.")
            )
        reden = query.validated_data.get("reden") or reden_voor(rol)
        try:
            verwijzing = selectors.verwijzing_get(
                user=self.request.user, uuid=uuid, reden=reden
            )
        except Verwijzing.DoesNotExist:
            raise NotFound(_("Verwijzing niet gevonden.")) from None
        return verwijzing, rol

    def _detail(self, verwijzing: Verwijzing) -> dict[str, Any]:
        rol = rol_for(self.request.user, verwijzing)
        return dict(
            VerwijzingDetailSerializer(
                verwijzing, context={"rollen": {verwijzing.pk: rol}}
            ).data
        )
