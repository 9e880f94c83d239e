# SPDX-License-Identifier: EUPL-1.2
"""The answers of the referral write endpoints, built as plain dicts.

`verwijzing_detail()` gives exactly what `VerwijzingDetailSerializer` gives
for a referral and a role, and `statuswijziging()` what
`StatuswijzigingSerializer` gives for one status record: the same keys in
the same order, the same values. A DRF serializer costs more CPU than the
rest of a status step (each instantiation deep-copies its declared fields,
nested ones too), so the create and status-step answers, which every
referral write returns, are built here; reads keep the serializers, which
also drive the OpenAPI schema. `test_api_answers.py` checks both agree for
every role and for referrals with contacts, connections, feedback and
withdrawn consent. When a serializer field changes, change it here too.

Nothing is read here that the serializer would not read, and no queries of
its own beyond the related rows the serializer would read as well.
"""

from datetime import date, datetime
from typing import Any

from rest_framework import serializers

from dekkend.referrals import workflow
from dekkend.referrals.models import StatusWijziging, Verwijzing

# DRF's own formatting (ISO 8601, datetimes in the current time zone, "Z" for
# UTC), from unbound field instances: formatting reads no serializer state.
_DATETIME = serializers.DateTimeField()
_DATE = serializers.DateField()


def _dt(value: datetime | None) -> str | None:
    return None if value is None else _DATETIME.to_representation(value)


def _d(value: date | None) -> str | None:
    return None if value is None else _DATE.to_representation(value)


def statuswijziging(stap: StatusWijziging, rol: workflow.Rol | None) -> dict[str, Any]:
    """`StatuswijzigingSerializer(stap, context={"rollen": {…: rol}}).data`."""
    data: dict[str, Any] = {
        "van": str(stap.van),
        "naar": str(stap.naar),
        "actie": str(stap.actie),
        "reden": str(stap.reden),
        "op": _dt(stap.op),
    }
    if (
        rol != workflow.Rol.BRUGFUNCTIONARIS
        and stap.actie not in workflow.REDEN_VOOR_VERWIJZER
    ):
        del data["reden"]
    return data


def verwijzing_detail(v: Verwijzing, rol: workflow.Rol | None) -> dict[str, Any]:
    """`VerwijzingDetailSerializer(v, context={"rollen": {v.pk: rol}}).data`.

    Expects what the serializer reads: `gemeente`, both organisations and
    `toestemming` (or their cached rows), and for a party to the referral
    `verwijzer` and the related rows (`statussen`, `terugkoppelingen`, and
    for the receiving organisation `contacten`, `verbindingen__aanbod`)."""
    gemeente = v.gemeente
    van, naar = v.verwijzer_organisatie, v.ontvanger_organisatie
    try:
        t = v.toestemming
    except Verwijzing.toestemming.RelatedObjectDoesNotExist:
        toestemming = None
    else:
        toestemming = {
            "gegevenDoor": t.gegeven_door,
            "gegevenOp": _dt(t.gegeven_op),
            "wijze": t.wijze,
            "doel": str(t.doel),
            "ingetrokkenOp": _dt(t.ingetrokken_op),
        }
    data: dict[str, Any] = {
        "uuid": str(v.uuid),
        "rol": rol.value if rol is not None else None,
        "status": v.status,
        "statusSinds": _dt(v.status_sinds),
        "aangemaaktOp": _dt(v.aangemaakt_op),
        "gemeente": {"code": str(gemeente.code), "naam": str(gemeente.naam)},
        "verwijzerOrganisatie": {"uuid": str(van.uuid), "naam": str(van.naam)},
        "ontvangerOrganisatie": {"uuid": str(naar.uuid), "naam": str(naar.naam)},
        "toestemming": toestemming,
        "uitkomst": v.uitkomst or None,
        "afgeslotenOp": _dt(v.afgesloten_op),
        "toegestaneActies": (
            []
            if rol is None
            else [
                a.value
                for a in workflow.toegestane_acties(workflow.Status(v.status), rol)
            ]
        ),
    }
    if rol is None:
        return data
    data.update(
        {
            "verwijzer": {"naam": str(v.verwijzer)},
            "inwoner": {
                "naam": str(v.inwoner_naam),
                "geboortedatum": _d(v.inwoner_geboortedatum),
                "telefoon": str(v.inwoner_telefoon),
                "email": str(v.inwoner_email),
                "postcode": str(v.inwoner_postcode),
                "bsn": str(v.inwoner_bsn),
            },
            "problemen": list(v.problemen),
            "voorwaarden": {
                "nietAlleenMedisch": bool(v.voorwaarde_niet_alleen_medisch),
                "geenGgz": bool(v.voorwaarde_geen_ggz),
                "vraagverhelderingNodig": bool(v.voorwaarde_vraagverheldering_nodig),
                "onvoldoendeEigenRegie": bool(v.voorwaarde_onvoldoende_eigen_regie),
            },
            "warmeOverdracht": v.warme_overdracht,
            "toelichting": str(v.inwoner_toelichting),
            "eersteContactOp": _dt(v.eerste_contact_op),
            "eersteTerugkoppelingOp": _dt(v.eerste_terugkoppeling_op),
            "statussen": [statuswijziging(s, rol) for s in v.statussen.all()],
            "terugkoppelingen": [
                {
                    "soort": k.soort,
                    "aanDeSlagMet": str(k.aan_de_slag_met),
                    "geholpen": k.geholpen,
                    "verstuurdOp": _dt(k.verstuurd_op),
                    "gelezenOp": _dt(k.gelezen_op),
                }
                for k in v.terugkoppelingen.all()
            ],
        }
    )
    if rol != workflow.Rol.BRUGFUNCTIONARIS:
        return data
    data["contacten"] = [
        {
            "soort": c.soort,
            "datum": _d(c.datum),
            "duurMinuten": int(c.duur_minuten),
            "leefgebieden": [str(g) for g in c.leefgebieden],
            "vastgelegdOp": _dt(c.vastgelegd_op),
        }
        for c in v.contacten.all()
    ]
    data["verbindingen"] = [
        {
            "aanbod": (
                None
                if b.aanbod is None
                else {"uuid": str(b.aanbod.uuid), "naam": str(b.aanbod.naam)}
            ),
            "soort": b.soort,
            "omschrijving": str(b.omschrijving),
            "datum": _d(b.datum),
        }
        for b in v.verbindingen.all()
    ]
    return data
