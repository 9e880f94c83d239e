# SPDX-License-Identifier: EUPL-1.2
"""Every read of referrals for pages, API and exchange.

Visibility is decided inside the query by the same rules as
`permissions.can_view_verwijzing`: the referring verwijzer sees their own
referrals; members of the receiving organisation see the referrals sent to
it while consent holds. Nobody else sees a referral, superusers included.

Reading personal data is audited here, not in the views: `verwijzing_get`
records `verwijzing.viewed` and `verwijzingen_read_record` records one event
per referral shown on a list page, each with the reason (`Leesreden`).
Indicators are not read here; they come from `monitoring`.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from dekkend.audit.models import AuditEvent
from dekkend.audit.services import record, record_many
from dekkend.referrals.constants import Leesreden
from dekkend.referrals.models import RegioInstelling, Verwijzing, Werkgebied
from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import OngeldigePostcode, postcode_punt
from dekkend.register.models import Organisatie
from dekkend.register.permissions import user_organisatie_ids, user_organisaties


def visible_q(user: Any) -> Q:
    """The rows `user` may see, as a filter (never all rows)."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    q = Q(pk__in=[])
    if user.has_perm("referrals.add_verwijzing"):
        q |= Q(verwijzer_id=user.pk)
    if user.has_perm("referrals.change_verwijzing"):
        q |= Q(
            ontvanger_organisatie_id__in=user_organisatie_ids(user),
            toestemming__ingetrokken_op__isnull=True,
        )
    return q


def _base(user: Any) -> QuerySet[Verwijzing]:
    return (
        Verwijzing.objects.filter(visible_q(user))
        .select_related(
            "toestemming",
            "gemeente",
            "verwijzer",
            "verwijzer_organisatie",
            "ontvanger_organisatie",
        )
        .defer("gemeente__geometrie")
    )


@dataclass(frozen=True)
class VerwijzingFilter:
    """Filters of the list pages and the API; all optional."""

    status: tuple[str, ...] = ()
    # "verstuurd": referrals the user sent; "ontvangen": the organisation's inbox.
    richting: str = ""
    gemeente: str = ""  # CBS code
    aangemaakt_vanaf: date | None = None
    aangemaakt_tot: date | None = None
    # Open referrals whose first feedback is overdue (see services).
    terugkoppeling_te_laat: bool = False


def verwijzing_list(
    *, user: Any, filters: VerwijzingFilter | None = None
) -> QuerySet[Verwijzing]:
    """Referrals `user` may see, newest first. Does not audit: call
    `verwijzingen_read_record` with the rows actually shown."""
    f = filters or VerwijzingFilter()
    qs = _base(user)
    if f.richting == "verstuurd":
        qs = qs.filter(verwijzer_id=user.pk)
    elif f.richting == "ontvangen":
        qs = qs.filter(ontvanger_organisatie_id__in=user_organisatie_ids(user))
    if f.status:
        qs = qs.filter(status__in=f.status)
    if f.gemeente:
        qs = qs.filter(gemeente__code=f.gemeente)
    if f.aangemaakt_vanaf:
        qs = qs.filter(aangemaakt_op__date__gte=f.aangemaakt_vanaf)
    if f.aangemaakt_tot:
        qs = qs.filter(aangemaakt_op__date__lte=f.aangemaakt_tot)
    if f.terugkoppeling_te_laat:
        qs = qs.filter(
            eerste_terugkoppeling_op__isnull=True,
            herinnering_verstuurd_op__isnull=False,
        )
    return qs.order_by("-aangemaakt_op", "-id")


def verwijzing_get(*, user: Any, uuid: UUID | str, reden: str) -> Verwijzing:
    """One referral with its history, for someone allowed to see it.

    Records `verwijzing.viewed` with `reden` (a `Leesreden` value). Raises
    `Verwijzing.DoesNotExist` when the referral does not exist *or* the user
    may not see it (no difference is revealed), and ValueError for an
    unknown reason.
    """
    if reden not in Leesreden.values:
        raise ValueError(f"unknown read reason {reden!r}")
    verwijzing = (
        _base(user)
        .prefetch_related(
            "statussen", "contacten", "verbindingen__aanbod", "terugkoppelingen"
        )
        .get(uuid=uuid)
    )
    record("verwijzing.viewed", user, verwijzing, {"reden": reden})
    return verwijzing


def verwijzingen_read_record(
    *, user: Any, verwijzingen: list[Verwijzing], reden: str
) -> int:
    """Audit the rows of a list page that shows personal data (one event
    per referral, `verwijzing.listed`). Returns the number recorded."""
    if reden not in Leesreden.values:
        raise ValueError(f"unknown read reason {reden!r}")
    return record_many("verwijzing.listed", user, list(verwijzingen), {"reden": reden})


def inwoner_log(
    *, user: Any, naam: str, geboortedatum: date, reden: str
) -> QuerySet[AuditEvent]:
    """Every audit event on the referrals of one resident (matched on name
    and date of birth), for an access request under the GDPR.

    Needs `referrals.view_inzagelog`; the search itself is audited
    (`inwoner_log.viewed`, with the reason and the referral ids, never the
    name). Raises PermissionDenied otherwise, ValueError without a reason.
    """
    if not getattr(user, "is_authenticated", False) or not user.has_perm(
        "referrals.view_inzagelog"
    ):
        raise PermissionDenied
    if not reden.strip():
        raise ValueError("a reason is required")
    ids = [
        str(u)
        for u in Verwijzing.objects.filter(
            inwoner_naam__iexact=naam.strip(), inwoner_geboortedatum=geboortedatum
        ).values_list("uuid", flat=True)
    ]
    record("inwoner_log.viewed", user, None, {"reden": reden, "verwijzingen": ids})
    return AuditEvent.objects.filter(
        object_type=Verwijzing._meta.label_lower, object_id__in=ids
    ).select_related("actor")


def gemeenten_met_brugorganisatie() -> set[int]:
    """Ids of gemeenten whose residents can be referred (a Werkgebied)."""
    return set(Werkgebied.objects.values_list("gemeente_id", flat=True))


def bsn_regio_namen() -> list[str]:
    """Regions that switched the BSN on (RegioInstelling.bsn_toegestaan)."""
    return sorted(
        RegioInstelling.objects.filter(bsn_toegestaan=True).values_list(
            "regio__naam", flat=True
        )
    )


def termijnen_per_gemeente(*, veld: str) -> dict[int, int]:
    """A regional term (`RegioInstelling.<veld>`) per gemeente id, for the
    gemeenten of regions that set one. A gemeente can lie in regions of
    several divisions; the shortest term then applies (the strictest for
    retention, the earliest reminder for feedback). Reminders, retention and
    the indicators all use this one rule."""
    terms: dict[int, int] = {}
    for gemeente_id, value in RegioInstelling.objects.values_list(
        "regio__gemeenten", veld
    ):
        if gemeente_id is not None:
            terms[gemeente_id] = min(value, terms.get(gemeente_id, value))
    return terms


class HerkomstFout(Exception):
    """Why `verwijzing_herkomst` could not decide.

    `veld` is the input at fault: "organisatie", "gemeente" or "postcode".
    `reden` is one of the `HerkomstFout.*` values below; each caller maps the
    pair onto its own error shape (API field, FHIR element, form field) and
    status. `message` is the Dutch text for the user.
    """

    ONBEKEND = "onbekend"  # a uuid, CBS code or postcode nobody knows
    GEEN_LID = "geen_lid"  # an organisation the user does not belong to
    GEEN_ORGANISATIE = "geen_organisatie"  # the user belongs to none
    MEERDERE = "meerdere"  # none named, and the user belongs to several
    ONTBREEKT = "ontbreekt"  # neither gemeente nor postcode given
    ONGELDIG = "ongeldig"  # a postcode that is no postcode

    def __init__(self, veld: str, reden: str, message: str) -> None:
        super().__init__(message)
        self.veld = veld
        self.reden = reden
        self.message = message


@dataclass(frozen=True)
class Herkomst:
    """Who refers and where the resident lives."""

    organisatie: Organisatie
    gemeente: Gemeente


def verwijzing_herkomst(
    *,
    user: Any,
    organisatie_uuid: UUID | str | None,
    gemeente_code: str,
    postcode: str,
) -> Herkomst:
    """The referring organisation and the resident's gemeente of a new
    referral, decided the same way for the API, the FHIR import and the form.

    Args:
        user: the referrer; they must belong to the organisation.
        organisatie_uuid: the organisation named by the referrer; None (or
            "") means the user's only organisation.
        gemeente_code: CBS code (`GM0687`, any case); "" to derive the
            gemeente from `postcode`.
        postcode: the resident's postcode; only read without a code. Its PC4
            area decides.

    Returns the organisation and the gemeente (without geometry).
    Raises HerkomstFout naming the input at fault; the organisation is
    checked before the gemeente.
    """
    # The user's organisations come with the membership check (read once
    # per request); only an organisation that is not one of them is looked
    # up, to tell an unknown one from one the user does not belong to.
    organisaties = user_organisaties(user)
    ids = set(organisaties)
    if organisatie_uuid:
        try:
            gezocht: UUID | None = UUID(str(organisatie_uuid))
        except ValueError:
            gezocht = None
        eigen = [o for o in organisaties.values() if o.uuid == gezocht]
        if eigen:
            organisatie = eigen[0]
        elif gezocht is None or not Organisatie.objects.filter(uuid=gezocht).exists():
            raise HerkomstFout(
                "organisatie",
                HerkomstFout.ONBEKEND,
                _("Deze organisatie kennen we niet."),
            )
        else:
            raise HerkomstFout(
                "organisatie",
                HerkomstFout.GEEN_LID,
                _("U mag namens deze organisatie niet verwijzen."),
            )
    elif not ids:
        raise HerkomstFout(
            "organisatie",
            HerkomstFout.GEEN_ORGANISATIE,
            _("U hoort bij geen organisatie; vraag de beheerder u toe te voegen."),
        )
    elif len(ids) > 1:
        raise HerkomstFout(
            "organisatie",
            HerkomstFout.MEERDERE,
            _("U hoort bij meer organisaties: kies namens welke u verwijst."),
        )
    else:
        organisatie = next(iter(organisaties.values()))
    gemeente = _woongemeente(gemeente_code, postcode)
    return Herkomst(organisatie=organisatie, gemeente=gemeente)


def _woongemeente(code: str, postcode: str) -> Gemeente:
    gemeenten = Gemeente.objects.only("pk", "code", "naam")
    if code.strip():
        gemeente = gemeenten.filter(code=code.strip().upper()).first()
        if gemeente is None:
            raise HerkomstFout(
                "gemeente", HerkomstFout.ONBEKEND, _("Deze gemeente kennen we niet.")
            )
        return gemeente
    if not postcode.strip():
        raise HerkomstFout(
            "gemeente",
            HerkomstFout.ONTBREEKT,
            _("Kies de woongemeente van de inwoner of vul de postcode in."),
        )
    try:
        punt = postcode_punt(postcode)
    except OngeldigePostcode:
        raise HerkomstFout(
            "postcode",
            HerkomstFout.ONGELDIG,
            _("Vul een postcode in als 4331 AB of 4331."),
        ) from None
    gemeente_id = punt.gemeente_id if punt is not None else None
    gemeente = gemeenten.filter(pk=gemeente_id).first() if gemeente_id else None
    if gemeente is None:
        raise HerkomstFout(
            "postcode",
            HerkomstFout.ONBEKEND,
            _("Deze postcode kennen we niet; geef de woongemeente op."),
        )
    return gemeente


def verwijzing_find(*, user: Any, uuid: UUID | str) -> Verwijzing | None:
    """The referral row with its consent if `user` may see it, else None;
    for writes and role checks, which need no related rows (the services
    lock and re-read the row). Does not audit: nothing personal is shown."""
    try:
        return (
            Verwijzing.objects.filter(visible_q(user), uuid=uuid)
            .select_related("toestemming")
            .get()
        )
    except Verwijzing.DoesNotExist:
        return None
