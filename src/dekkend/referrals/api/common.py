# SPDX-License-Identifier: EUPL-1.2
"""What the referral API views share: permission classes per action, the
caller's role on each referral, the read reason that goes with it, and the
translation of service errors into problem details with the API's field
names. No reads or writes of their own beyond the caller's organisations.
"""

from http import HTTPStatus
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from dekkend.referrals import workflow
from dekkend.referrals.models import Verwijzing
from dekkend.register.permissions import user_organisatie_ids

VERWIJZEN = "referrals.add_verwijzing"
BEHANDELEN = "referrals.change_verwijzing"
PROBLEM_JSON = "application/problem+json"

# Service field names → the API's (camelCase, nested with dots).
VELDNAMEN = {
    "inwoner_naam": "inwoner.naam",
    "inwoner_geboortedatum": "inwoner.geboortedatum",
    "inwoner_telefoon": "inwoner.telefoon",
    "inwoner_email": "inwoner.email",
    "inwoner_postcode": "inwoner.postcode",
    "inwoner_bsn": "inwoner.bsn",
    "inwoner_toelichting": "toelichting",
    "warme_overdracht": "warmeOverdracht",
    "voorwaarde_niet_alleen_medisch": "voorwaarden.nietAlleenMedisch",
    "voorwaarde_geen_ggz": "voorwaarden.geenGgz",
    "voorwaarde_vraagverheldering_nodig": "voorwaarden.vraagverhelderingNodig",
    "voorwaarde_onvoldoende_eigen_regie": "voorwaarden.onvoldoendeEigenRegie",
    "verwijzer_organisatie": "verwijzerOrganisatie",
    "duur_minuten": "duurMinuten",
    "aan_de_slag_met": "aanDeSlagMet",
    NON_FIELD_ERRORS: "non_field_errors",
}
ROL_NAMEN = {
    workflow.Rol.VERWIJZER: gettext_lazy("verwijzer"),
    workflow.Rol.BRUGFUNCTIONARIS: gettext_lazy("brugfunctionaris"),
    workflow.Rol.SYSTEEM: gettext_lazy("applicatie (dit gebeurt automatisch)"),
}


class _HeeftEenVan(BasePermission):
    """Logged in and holding at least one of `perms`."""

    perms: tuple[str, ...] = ()

    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        return bool(
            user and user.is_authenticated and any(user.has_perm(p) for p in self.perms)
        )


class KanVerwijzingenZien(_HeeftEenVan):
    """Verwijzers and brugfunctionarissen; which referrals is up to the selectors."""

    perms = (VERWIJZEN, BEHANDELEN)
    message = gettext_lazy("U werkt niet met verwijzingen.")


class KanVerwijzen(_HeeftEenVan):
    perms = (VERWIJZEN,)
    message = gettext_lazy("Alleen verwijzers kunnen een verwijzing versturen.")


class KanBehandelen(_HeeftEenVan):
    perms = (BEHANDELEN,)
    message = gettext_lazy(
        "Alleen de ontvangende organisatie kan dit zien of vastleggen."
    )


def rollen_voor(
    user: Any, verwijzingen: list[Verwijzing]
) -> dict[int, workflow.Rol | None]:
    """The user's role on each referral, as `permissions.rol_for` decides it,
    with the user's organisations read once for the whole page (a test keeps
    the two in step). Expects `toestemming` to be selected with the rows."""
    organisaties = user_organisatie_ids(user)
    brug = user.has_perm(BEHANDELEN)
    verwijzer = user.has_perm(VERWIJZEN)
    rollen: dict[int, workflow.Rol | None] = {}
    for v in verwijzingen:
        toestemming = getattr(v, "toestemming", None)
        if (
            brug
            and v.ontvanger_organisatie_id in organisaties
            and toestemming is not None
            and toestemming.geldig
        ):
            rollen[v.pk] = workflow.Rol.BRUGFUNCTIONARIS
        elif verwijzer and v.verwijzer_id == user.pk:
            rollen[v.pk] = workflow.Rol.VERWIJZER
        else:
            rollen[v.pk] = None
    return rollen


def veldfouten(exc: DjangoValidationError) -> dict[str, list[str]]:
    """A service's ValidationError as API field errors."""
    if not hasattr(exc, "error_dict"):
        return {"non_field_errors": list(exc.messages)}
    return {VELDNAMEN.get(k, k): list(v) for k, v in exc.message_dict.items()}


def problem(status: int, detail: str, errors: dict[str, list[str]]) -> Response:
    """A problem document with field errors and a detail of its own (the
    exception handler gives every 400 the same generic detail)."""
    return Response(
        {
            "type": "about:blank",
            "title": HTTPStatus(status).phrase,
            "status": status,
            "detail": detail,
            "errors": [
                {"field": field, "message": message}
                for field, messages in errors.items()
                for message in messages
            ],
        },
        status=status,
        content_type=PROBLEM_JSON,
    )


def service_refusal(exc: DjangoValidationError) -> Response:
    """A service refused: a refusal about the referral's state (`status`) is
    a 409 Conflict, anything else about the input a 400."""
    errors = veldfouten(exc)
    if "status" in errors:
        return problem(HTTPStatus.CONFLICT, errors["status"][0], errors)
    raise ValidationError(errors)


def transition_refusal(
    exc: DjangoValidationError, *, actie: workflow.Actie
) -> Response | None:
    """Why `verwijzing_transition` refused, as the API reports it, from the
    kind the workflow gave the refusal (`workflow.Weigering`, the error's
    code on `actie`); None when the refusal is not the workflow's.

    - 403 when the action is not for the caller's role (in any state);
    - 409 when the role may take it, but not in the current status;
    - 400 on `reden` or `uitkomst` when the step misses what it needs.
    """
    fouten = getattr(exc, "error_dict", {}).get("actie")
    if not fouten:
        return None
    fout = fouten[0]
    message = str(fout.message)
    soort = workflow.Weigering(fout.code)
    if soort == workflow.Weigering.ROL:
        voor = workflow.Rol(fout.params["voor"])
        raise PermissionDenied(
            _("De actie '%(actie)s' is voor de %(rol)s.")
            % {"actie": actie.value, "rol": ROL_NAMEN[voor]}
        )
    if soort == workflow.Weigering.STATUS:
        detail = _("Deze stap kan nu niet: %(reden)s") % {"reden": message}
        return problem(HTTPStatus.CONFLICT, detail, {"actie": [message]})
    raise ValidationError({soort.value: [message]})
