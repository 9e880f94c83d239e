# SPDX-License-Identifier: EUPL-1.2
"""Goals, milestones, parties and the financial plan of a werkagenda.

The plan itself (goals, milestone rows, parties, amounts) is frozen at
adoption; progress is not: a milestone's status and the realised values of a
goal the region measures itself are recorded on the adopted version too,
because that is how the region shows progress from 2027
(docs/werkagenda.md, "Vastgesteld en voortgang").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dekkend.audit.services import record
from dekkend.register.models import Organisatie
from dekkend.werkagenda.constants import MijlpaalStatus, PartijRol
from dekkend.werkagenda.measures import MAATSTAVEN
from dekkend.werkagenda.models import (
    DoelRealisatie,
    FinancieelPlanRegel,
    IngroeipadJaar,
    Mijlpaal,
    Partij,
    Projectdoelstelling,
    Werkagenda,
)
from dekkend.werkagenda.services.common import locked, onderdeel_of, writable

KWARTAAL = re.compile(r"^(\d{4})-K([1-4])$")


def _periode(wa: Werkagenda) -> str:
    return f"{wa.periode_van}–{wa.periode_tot}"


def doelstelling_validate(
    wa: Werkagenda,
    *,
    onderdeel: str,
    omschrijving: str,
    maatstaf: str,
    maatstaf_label: str,
    uiterlijk: date | None,
    ingroeipad: Sequence[tuple[int, float]],
    verantwoordelijke: str,
) -> None:
    """A goal needs a description, a measure (a known one or a named one of
    its own), a date within the period and ingroeipad years inside it."""
    kop = onderdeel_of(wa, onderdeel, soort="aanpak").kop
    errors: dict[str, str] = {}
    if not omschrijving.strip():
        errors["omschrijving"] = _("%(kop)s: beschrijf de doelstelling.") % {"kop": kop}
    if maatstaf and maatstaf not in MAATSTAVEN:
        errors["maatstaf"] = _("%(kop)s: onbekende maatstaf %(m)s.") % {
            "kop": kop,
            "m": maatstaf,
        }
    elif not maatstaf and not maatstaf_label.strip():
        errors["maatstaf"] = _(
            "%(kop)s: kies een maatstaf of geef een eigen maatstaf op."
        ) % {"kop": kop}
    if uiterlijk is None:
        errors["uiterlijk"] = _(
            "%(kop)s: geef aan wanneer het doel uiterlijk is bereikt."
        ) % {"kop": kop}
    elif not wa.periode_van <= uiterlijk.year <= wa.periode_tot:
        errors["uiterlijk"] = _(
            "%(kop)s: de datum %(datum)s ligt buiten de periode %(periode)s."
        ) % {"kop": kop, "datum": uiterlijk.isoformat(), "periode": _periode(wa)}
    if not verantwoordelijke.strip():
        errors["verantwoordelijke"] = _("%(kop)s: wie is verantwoordelijk?") % {
            "kop": kop
        }
    jaren = [j for j, _w in ingroeipad]
    buiten = [j for j in jaren if not wa.periode_van <= j <= wa.periode_tot]
    if buiten or len(set(jaren)) != len(jaren):
        errors["ingroeipad"] = _(
            "%(kop)s: het ingroeipad heeft één waarde per jaar van %(periode)s."
        ) % {"kop": kop, "periode": _periode(wa)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def doelstelling_save(
    *,
    user: Any,
    werkagenda: Werkagenda,
    onderdeel: str,
    omschrijving: str,
    maatstaf: str,
    maatstaf_label: str = "",
    streefwaarde: float | None,
    eenheid: str = "",
    uiterlijk: date | None,
    verantwoordelijke: str,
    ingroeipad: Sequence[tuple[int, float]] = (),
    doelstelling: Projectdoelstelling | None = None,
) -> Projectdoelstelling:
    """Create (or, with `doelstelling`, update) a SMART goal with its ingroeipad.

    Raises:
        ValidationError: field errors naming the onderdeel (see
            `doelstelling_validate`).
        WerkagendaVastgesteld: the werkagenda is adopted.
    """
    wa = writable(werkagenda)
    doelstelling_validate(
        wa,
        onderdeel=onderdeel,
        omschrijving=omschrijving,
        maatstaf=maatstaf,
        maatstaf_label=maatstaf_label,
        uiterlijk=uiterlijk,
        ingroeipad=ingroeipad,
        verantwoordelijke=verantwoordelijke,
    )
    assert uiterlijk is not None
    if doelstelling is not None and doelstelling.werkagenda_id != wa.pk:
        raise ValidationError(_("Deze doelstelling hoort bij een andere werkagenda."))
    obj = doelstelling or Projectdoelstelling(werkagenda=wa)
    obj.onderdeel = onderdeel
    obj.omschrijving = omschrijving.strip()
    obj.maatstaf = maatstaf
    obj.maatstaf_label = maatstaf_label.strip() or (
        str(MAATSTAVEN[maatstaf].label) if maatstaf else ""
    )
    obj.streefwaarde = streefwaarde
    obj.eenheid = eenheid.strip() or (MAATSTAVEN[maatstaf].eenheid if maatstaf else "")
    obj.uiterlijk = uiterlijk
    obj.verantwoordelijke = verantwoordelijke.strip()
    if doelstelling is None:
        obj.volgorde = wa.doelstellingen.filter(onderdeel=onderdeel).count()
    obj.save()
    obj.ingroeipad.all().delete()
    IngroeipadJaar.objects.bulk_create(
        IngroeipadJaar(doelstelling=obj, jaar=j, waarde=w)
        for j, w in sorted(ingroeipad)
    )
    record(
        "doelstelling.saved",
        user,
        wa,
        {"doelstelling": str(obj.uuid), "onderdeel": onderdeel, "maatstaf": maatstaf},
    )
    return obj


@transaction.atomic
def doelstelling_delete(*, user: Any, doelstelling: Projectdoelstelling) -> None:
    wa = writable(doelstelling.werkagenda)
    record("doelstelling.deleted", user, wa, {"doelstelling": str(doelstelling.uuid)})
    doelstelling.delete()


@transaction.atomic
def doel_realisatie_record(
    *, user: Any, doelstelling: Projectdoelstelling, jaar: int, waarde: float, bron: str
) -> DoelRealisatie:
    """A realised value for a goal on a measure of the region's own (also on
    an adopted werkagenda: this is progress, not plan)."""
    wa = locked(doelstelling.werkagenda)
    if doelstelling.maatstaf in MAATSTAVEN:
        raise ValidationError({"waarde": _("Deze maatstaf rekent Dekkend zelf uit.")})
    if not wa.periode_van - 1 <= jaar <= wa.periode_tot:
        raise ValidationError(
            {"jaar": _("Het jaar ligt buiten de periode %(p)s.") % {"p": _periode(wa)}}
        )
    if not bron.strip():
        raise ValidationError({"bron": _("Geef de bron van de waarde.")})
    obj, _created = DoelRealisatie.objects.update_or_create(
        doelstelling=doelstelling,
        jaar=jaar,
        defaults={
            "waarde": waarde,
            "bron": bron.strip()[:300],
            "ingevoerd_door": user
            if getattr(user, "is_authenticated", False)
            else None,
        },
    )
    record(
        "doelrealisatie.recorded",
        user,
        wa,
        {"doelstelling": str(doelstelling.uuid), "jaar": jaar},
    )
    return obj


def mijlpaal_validate(
    wa: Werkagenda, *, onderdeel: str, kwartaal: str, activiteiten: str, status: str
) -> None:
    kop = onderdeel_of(wa, onderdeel, soort="aanpak").kop
    errors: dict[str, str] = {}
    match = KWARTAAL.match(kwartaal.strip())
    if not match:
        errors["kwartaal"] = _(
            "%(kop)s, mijlpalenplanning: schrijf het kwartaal als 2027-K1."
        ) % {"kop": kop}
    elif not wa.periode_van <= int(match.group(1)) <= wa.periode_tot:
        errors["kwartaal"] = _(
            "%(kop)s, mijlpalenplanning: kwartaal %(k)s ligt buiten de periode "
            "%(periode)s."
        ) % {"kop": kop, "k": kwartaal, "periode": _periode(wa)}
    if not activiteiten.strip():
        errors["activiteiten"] = _(
            "%(kop)s, mijlpalenplanning: beschrijf de activiteiten."
        ) % {"kop": kop}
    if status not in MijlpaalStatus.values:
        errors["status"] = _("Onbekende status.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def mijlpaal_save(
    *,
    user: Any,
    werkagenda: Werkagenda,
    onderdeel: str,
    kwartaal: str,
    activiteiten: str,
    verantwoordelijke: str,
    deelresultaat: str = "",
    status: str = MijlpaalStatus.GEPLAND,
    mijlpaal: Mijlpaal | None = None,
) -> Mijlpaal:
    """Create (or update) a row of the mijlpalenplanning; the quarter must
    lie within the period."""
    wa = writable(werkagenda)
    mijlpaal_validate(
        wa,
        onderdeel=onderdeel,
        kwartaal=kwartaal,
        activiteiten=activiteiten,
        status=status,
    )
    if mijlpaal is not None and mijlpaal.werkagenda_id != wa.pk:
        raise ValidationError(_("Deze mijlpaal hoort bij een andere werkagenda."))
    obj = mijlpaal or Mijlpaal(werkagenda=wa)
    obj.onderdeel = onderdeel
    obj.kwartaal = kwartaal.strip()
    obj.activiteiten = activiteiten.strip()
    obj.verantwoordelijke = verantwoordelijke.strip()
    obj.deelresultaat = deelresultaat.strip()
    obj.status = status
    obj.save()
    record(
        "mijlpaal.saved", user, wa, {"mijlpaal": str(obj.uuid), "onderdeel": onderdeel}
    )
    return obj


@transaction.atomic
def mijlpaal_status_set(*, user: Any, mijlpaal: Mijlpaal, status: str) -> Mijlpaal:
    """Progress of a milestone; allowed on an adopted werkagenda too."""
    locked(mijlpaal.werkagenda)
    if status not in MijlpaalStatus.values:
        raise ValidationError({"status": _("Onbekende status.")})
    mijlpaal.status = status
    mijlpaal.save(update_fields=["status"])
    record(
        "mijlpaal.status_changed",
        user,
        mijlpaal.werkagenda,
        {"mijlpaal": str(mijlpaal.uuid), "status": status},
    )
    return mijlpaal


@transaction.atomic
def mijlpaal_delete(*, user: Any, mijlpaal: Mijlpaal) -> None:
    wa = writable(mijlpaal.werkagenda)
    record("mijlpaal.deleted", user, wa, {"mijlpaal": str(mijlpaal.uuid)})
    mijlpaal.delete()


@transaction.atomic
def partij_save(
    *,
    user: Any,
    werkagenda: Werkagenda,
    onderdeel: str,
    rol: str,
    organisatie: Organisatie | None = None,
    naam: str = "",
) -> Partij:
    """A financier or uitvoeringspartij of a leefgebied: an organisation of
    the register, or a name typed in."""
    wa = writable(werkagenda)
    kop = onderdeel_of(wa, onderdeel, soort="leefgebied").kop
    if rol not in PartijRol.values:
        raise ValidationError({"rol": _("%(kop)s: onbekende rol.") % {"kop": kop}})
    if organisatie is None and not naam.strip():
        raise ValidationError(
            {
                "naam": _(
                    "%(kop)s: kies een organisatie uit het register of typ een naam."
                )
                % {"kop": kop}
            }
        )
    obj = Partij.objects.create(
        werkagenda=wa,
        onderdeel=onderdeel,
        rol=rol,
        organisatie=organisatie,
        naam="" if organisatie else naam.strip()[:200],
    )
    record("partij.saved", user, wa, {"partij": str(obj.uuid), "onderdeel": onderdeel})
    return obj


@transaction.atomic
def partij_delete(*, user: Any, partij: Partij) -> None:
    wa = writable(partij.werkagenda)
    record("partij.deleted", user, wa, {"partij": str(partij.uuid)})
    partij.delete()


@transaction.atomic
def financieel_plan_save(
    *,
    user: Any,
    werkagenda: Werkagenda,
    onderdeel: str,
    jaar: int,
    bedrag: Decimal,
    toelichting: str = "",
) -> FinancieelPlanRegel:
    """The planned amount (euro) of an aanpak for one year of the period."""
    wa = writable(werkagenda)
    kop = onderdeel_of(wa, onderdeel, soort="aanpak").kop
    if not wa.periode_van <= jaar <= wa.periode_tot:
        raise ValidationError(
            {
                "jaar": _("%(kop)s: het jaar ligt buiten de periode %(p)s.")
                % {"kop": kop, "p": _periode(wa)}
            }
        )
    if bedrag < 0:
        raise ValidationError(
            {"bedrag": _("%(kop)s: het bedrag is negatief.") % {"kop": kop}}
        )
    obj, _created = FinancieelPlanRegel.objects.update_or_create(
        werkagenda=wa,
        onderdeel=onderdeel,
        jaar=jaar,
        defaults={
            "bedrag": bedrag,
            "toelichting": toelichting.strip()[:300],
            "gewijzigd_door": user
            if getattr(user, "is_authenticated", False)
            else None,
        },
    )
    record("financieelplan.saved", user, wa, {"onderdeel": onderdeel, "jaar": jaar})
    return obj
