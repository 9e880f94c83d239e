# SPDX-License-Identifier: EUPL-1.2
"""Adoption: college decisions, the status workflow and VWS submission.

concept → ter_vaststelling → vastgesteld (and back from ter_vaststelling to
concept). "vastgesteld" needs a "vastgesteld" decision of the college of
every gemeente of the region; it freezes the prefilled figures with their
date in a `Bevriezing`, after which the plan cannot change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.regions.models import Gemeente
from dekkend.regions.selectors import regio_gemeenten
from dekkend.werkagenda import prefill
from dekkend.werkagenda.constants import (
    STATUS_OVERGANGEN,
    CollegeUitkomst,
    WerkagendaStatus,
)
from dekkend.werkagenda.measures import Metingen, doel_voortgang
from dekkend.werkagenda.models import Bevriezing, Collegebesluit, Werkagenda
from dekkend.werkagenda.services.common import locked, writable


@transaction.atomic
def collegebesluit_record(
    *,
    user: Any,
    werkagenda: Werkagenda,
    gemeente: Gemeente,
    datum: date,
    uitkomst: str,
    kenmerk: str = "",
) -> Collegebesluit:
    """Record (or replace) the decision of the college of `gemeente`.

    Raises:
        ValidationError: `gemeente` is not a gemeente of the region, the
            outcome is unknown or the date lies in the future.
        WerkagendaVastgesteld: the werkagenda is adopted.
    """
    wa = writable(werkagenda)
    if not regio_gemeenten(regio=wa.regio).filter(pk=gemeente.pk).exists():
        raise ValidationError(
            {
                "gemeente": _("%(gemeente)s hoort niet bij regio %(regio)s.")
                % {"gemeente": gemeente.naam, "regio": wa.regio.naam}
            }
        )
    if uitkomst not in CollegeUitkomst.values:
        raise ValidationError({"uitkomst": _("Onbekende uitkomst.")})
    if datum > timezone.localdate():
        raise ValidationError(
            {
                "datum": _(
                    "%(gemeente)s: de datum van het besluit ligt in de toekomst."
                )
                % {"gemeente": gemeente.naam}
            }
        )
    obj, _created = Collegebesluit.objects.update_or_create(
        werkagenda=wa,
        gemeente=gemeente,
        defaults={
            "datum": datum,
            "uitkomst": uitkomst,
            "kenmerk": kenmerk.strip()[:100],
            "vastgelegd_door": user
            if getattr(user, "is_authenticated", False)
            else None,
        },
    )
    record(
        "collegebesluit.recorded",
        user,
        wa,
        {"gemeente": gemeente.code, "uitkomst": uitkomst},
    )
    return obj


def colleges_zonder_vaststelling(werkagenda: Werkagenda) -> list[Gemeente]:
    """Gemeenten of the region whose college has not adopted `werkagenda`."""
    vastgesteld = set(
        werkagenda.collegebesluiten.filter(
            uitkomst=CollegeUitkomst.VASTGESTELD
        ).values_list("gemeente_id", flat=True)
    )
    return [
        g for g in regio_gemeenten(regio=werkagenda.regio) if g.pk not in vastgesteld
    ]


def bevriezing_gegevens(werkagenda: Werkagenda, *, vandaag: date) -> dict[str, Any]:
    """Every prefilled value with its source and date, and every goal's
    realised values, as they stand on `vandaag`."""
    metingen = Metingen(werkagenda.regio, vandaag)
    doelen = {}
    for d in werkagenda.doelstellingen.prefetch_related("ingroeipad", "realisaties"):
        voortgang = doel_voortgang(d, metingen)
        doelen[str(d.uuid)] = {
            "status": voortgang.status,
            "samenvatting": voortgang.samenvatting,
            "jaren": [
                {
                    "jaar": j.jaar,
                    "ingroeipad": j.ingroeipad,
                    "realisatie": j.realisatie,
                    "tekst": j.tekst,
                    "bron": j.bron,
                    "status": j.status,
                }
                for j in voortgang.jaren
            ],
        }
    return {
        "peildatum": vandaag.isoformat(),
        "suggesties": {
            adres: s.as_dict()
            for adres, s in prefill.suggesties(werkagenda, vandaag=vandaag).items()
        },
        "doelstellingen": doelen,
    }


@transaction.atomic
def werkagenda_status_change(
    *, user: Any, werkagenda: Werkagenda, status: str
) -> Werkagenda:
    """Move `werkagenda` to `status` along `constants.STATUS_OVERGANGEN`.

    Raises:
        ValidationError: a transition not in the table, or "vastgesteld"
            while a college has not adopted it (naming the gemeenten).
    """
    wa = locked(werkagenda)
    if status not in STATUS_OVERGANGEN.get(wa.status, ()):
        raise ValidationError(
            {
                "status": _("Van %(van)s naar %(naar)s kan niet.")
                % {
                    "van": WerkagendaStatus(wa.status).label,
                    "naar": WerkagendaStatus(status).label
                    if status in WerkagendaStatus.values
                    else status,
                }
            }
        )
    if status == WerkagendaStatus.VASTGESTELD:
        ontbreekt = colleges_zonder_vaststelling(wa)
        if ontbreekt:
            raise ValidationError(
                {
                    "status": _(
                        "Vaststellen kan pas als het college van elke gemeente de "
                        "werkagenda heeft vastgesteld; nog niet: %(namen)s."
                    )
                    % {"namen": ", ".join(g.naam for g in ontbreekt)}
                }
            )
        vandaag = timezone.localdate()
        Bevriezing.objects.create(
            werkagenda=wa,
            peildatum=vandaag,
            gegevens=bevriezing_gegevens(wa, vandaag=vandaag),
        )
        wa.vastgesteld_op = vandaag
    van = wa.status
    wa.status = status
    wa.save(update_fields=["status", "vastgesteld_op"])
    record("werkagenda.status_changed", user, wa, {"van": van, "naar": status})
    return wa


@transaction.atomic
def vws_submission_record(
    *, user: Any, werkagenda: Werkagenda, datum: date
) -> Werkagenda:
    """Record the date the adopted werkagenda was submitted to VWS."""
    wa = locked(werkagenda)
    if not wa.vastgesteld:
        raise ValidationError(
            {"datum": _("Alleen een vastgestelde werkagenda wordt bij VWS ingediend.")}
        )
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("De datum ligt in de toekomst.")})
    if wa.vastgesteld_op and datum < wa.vastgesteld_op:
        raise ValidationError({"datum": _("De datum ligt vóór de vaststelling.")})
    wa.ingediend_bij_vws_op = datum
    wa.save(update_fields=["ingediend_bij_vws_op"])
    record("werkagenda.submitted", user, wa, {"datum": datum.isoformat()})
    return wa


__all__ = [
    "collegebesluit_record",
    "colleges_zonder_vaststelling",
    "vws_submission_record",
    "werkagenda_status_change",
]
