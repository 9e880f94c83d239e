# SPDX-License-Identifier: EUPL-1.2
"""Importing a FHIR ServiceRequest as a new referral.

Reads the resource (`importer.read`), finds the gemeente and the referring
organisation, and creates the referral through `services.verwijzing_create`,
the only way to write referrals. Everything runs in one transaction: a
resource that fails anywhere leaves no rows behind. Every failure is a
`FhirError` whose issues name the FHIR element.
"""

import contextlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.referrals import selectors, services
from dekkend.referrals.constants import Leesreden
from dekkend.referrals.fhir import codes, importer
from dekkend.referrals.fhir.outcome import (
    DUPLICATE,
    FORBIDDEN,
    INVALID,
    REQUIRED,
    FhirError,
    Issue,
)
from dekkend.referrals.fhir.reading import VerwijzingInvoer
from dekkend.referrals.models import Verwijzing, VerwijzingIdentifier
from dekkend.referrals.selectors import HerkomstFout


def _herkomst(*, user: Any, invoer: VerwijzingInvoer) -> selectors.Herkomst:
    """Organisation and gemeente by `selectors.verwijzing_herkomst`, each
    failure on the element that carried it: an organisation that is unknown
    or not the user's is forbidden (403), as is naming none without being a
    member of exactly one."""
    try:
        return selectors.verwijzing_herkomst(
            user=user,
            organisatie_uuid=invoer.organisatie_uuid,
            gemeente_code=invoer.gemeente_code,
            postcode=invoer.postcode,
        )
    except selectors.HerkomstFout as fout:
        if fout.veld == "organisatie":
            path = invoer.paths["requester"]
            if fout.reden in (HerkomstFout.GEEN_ORGANISATIE, HerkomstFout.MEERDERE):
                message = _(
                    "%(fout)s Geef de verwijzende organisatie in requester "
                    "(identifier %(system)s)."
                ) % {"fout": fout.message, "system": codes.ORGANISATIE_SYSTEM}
                raise FhirError([Issue(path, message, REQUIRED)]) from None
            message = _("U mag namens deze organisatie niet verwijzen.")
            raise FhirError([Issue(path, message, FORBIDDEN)], 403) from None
        key = "gemeente_code" if fout.veld == "gemeente" else "inwoner_postcode"
        raise FhirError([Issue(invoer.paths[key], fout.message, INVALID)]) from None


def _bestaand(invoer: VerwijzingInvoer) -> Verwijzing | None:
    """The referral an earlier import (or Dekkend itself) made of this
    ServiceRequest, found by any of its identifiers."""
    q = Q(pk__in=[])
    for system, value in invoer.identifiers:
        q |= Q(identifiers__system=system, identifiers__value=value)
        if system == codes.VERWIJZING_SYSTEM:
            with contextlib.suppress(ValueError):
                q |= Q(uuid=uuid.UUID(value))
    if not invoer.identifiers:
        return None
    return Verwijzing.objects.filter(q).order_by("pk").first()


def _al_ingelezen(
    *, user: Any, invoer: VerwijzingInvoer, bestaand: Verwijzing
) -> Verwijzing:
    """The earlier referral for the referrer who made it; anyone else learns
    only that the identifier is taken (409), not what it holds."""
    try:
        verwijzing = selectors.verwijzing_get(
            user=user, uuid=bestaand.uuid, reden=Leesreden.UITWISSELING
        )
    except Verwijzing.DoesNotExist:
        verwijzing = None
    if verwijzing is None or verwijzing.verwijzer_id != user.pk:
        message = _("Een verwijzing met deze identifier is al ingelezen.")
        raise FhirError([Issue(invoer.paths["identifier"], message, DUPLICATE)], 409)
    return verwijzing


@dataclass(frozen=True)
class Import:
    """The referral of an imported ServiceRequest; `created` is False when
    an earlier import of the same ServiceRequest is answered."""

    verwijzing: Verwijzing
    created: bool


@transaction.atomic
def verwijzing_import(*, user: Any, data: Any, now: datetime | None = None) -> Import:
    """A new referral from a FHIR ServiceRequest (or a Bundle shaped like
    the export), created by `user` on behalf of their organisation.

    `data` is the parsed JSON. Idempotent on `ServiceRequest.identifier`: a
    ServiceRequest with an identifier already imported (or Dekkend's own
    identifier of one of its referrals) is not created again; the referrer
    who made it gets that referral (`created` False, nothing written but the
    read's audit event), anyone else a 409. The sender's identifiers and
    `authoredOn` are kept. A `performer` naming a Dekkend organisation must be
    the one that takes the resident's gemeente.

    Raises FhirError (status 400; 403 when the user may not refer for the
    organisation; 409 for an identifier of someone else's referral), with
    one issue per problem. Audits `verwijzing.imported` besides the service's
    `verwijzing.created`.
    """
    invoer = importer.read(data)
    bestaand = _bestaand(invoer)
    if bestaand is not None:
        return Import(_al_ingelezen(user=user, invoer=invoer, bestaand=bestaand), False)
    herkomst = _herkomst(user=user, invoer=invoer)
    try:
        verwijzing = services.verwijzing_create(
            user=user,
            verwijzer_organisatie=herkomst.organisatie,
            gemeente=herkomst.gemeente,
            inwoner=invoer.inwoner(),
            problemen=invoer.problemen,
            voorwaarden=invoer.voorwaarden_(),
            warme_overdracht=invoer.warme_overdracht,
            toestemming=invoer.toestemming(),
            toelichting=invoer.toelichting,
            now=now,
        )
    except ValidationError as exc:
        raise FhirError(importer.service_issues(invoer, exc.message_dict)) from None
    except PermissionDenied as exc:
        raise FhirError(
            [Issue(invoer.paths["requester"], str(exc), FORBIDDEN)], 403
        ) from None
    ontvanger = verwijzing.ontvanger_organisatie
    if invoer.ontvanger_uuid is not None and invoer.ontvanger_uuid != ontvanger.uuid:
        message = _(
            "Verwijzingen voor deze gemeente gaan naar %(organisatie)s; "
            "laat performer weg of noem die organisatie."
        ) % {"organisatie": ontvanger.naam}
        raise FhirError([Issue(invoer.paths["performer"], message, INVALID)])
    _bron_save(verwijzing=verwijzing, invoer=invoer)
    record("verwijzing.imported", user, verwijzing, {"formaat": "fhir"})
    return Import(verwijzing, True)


def _bron_save(*, verwijzing: Verwijzing, invoer: VerwijzingInvoer) -> None:
    """Keep what the sender said about its ServiceRequest. Dekkend's own
    identifier of this referral is its uuid and is not stored twice."""
    if invoer.opgesteld_op is not None:
        verwijzing.opgesteld_op = invoer.opgesteld_op
        verwijzing.save(update_fields=["opgesteld_op"])
    rows = [
        VerwijzingIdentifier(verwijzing=verwijzing, system=system, value=value)
        for system, value in invoer.identifiers
    ]
    try:
        with transaction.atomic():
            VerwijzingIdentifier.objects.bulk_create(rows)
    except IntegrityError:
        # Another import of the same ServiceRequest committed in between.
        message = _("Een verwijzing met deze identifier is al ingelezen.")
        raise FhirError(
            [Issue(invoer.paths["identifier"], message, DUPLICATE)], 409
        ) from None
