# SPDX-License-Identifier: EUPL-1.2
"""The referral workflow as an explicit transition table (003 §4).

Plain Python: states, actions, who may take them and the guards. One service
(`services.verwijzing_transition`) applies it under a row lock and appends a
status record. The states map onto the FHIR R4 Task statuses of the
closed-loop referral pattern (Gravity SDOH Clinical Care).
"""

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    VERSTUURD = "verstuurd"  # sent with consent, waiting for the bridging organisation
    GEACCEPTEERD = "geaccepteerd"
    TERUGGESTUURD = "teruggestuurd"  # returned to the referrer with a reason
    IN_BEHANDELING = "in_behandeling"  # first contact made
    GEPAUZEERD = "gepauzeerd"
    AFGESLOTEN = "afgesloten"
    INGETROKKEN = "ingetrokken"  # by the referrer, or consent withdrawn


FHIR_TASK_STATUS = {
    Status.VERSTUURD: "requested",
    Status.GEACCEPTEERD: "accepted",
    Status.TERUGGESTUURD: "rejected",
    Status.IN_BEHANDELING: "in-progress",
    Status.GEPAUZEERD: "on-hold",
    Status.AFGESLOTEN: "completed",
    Status.INGETROKKEN: "cancelled",
}

FINAL = frozenset({Status.TERUGGESTUURD, Status.AFGESLOTEN, Status.INGETROKKEN})


class Actie(StrEnum):
    ACCEPTEREN = "accepteren"
    TERUGSTUREN = "terugsturen"
    INTREKKEN = "intrekken"
    EERSTE_CONTACT = "eerste_contact"
    PAUZEREN = "pauzeren"
    HERVATTEN = "hervatten"
    AFSLUITEN = "afsluiten"
    TOESTEMMING_INGETROKKEN = "toestemming_ingetrokken"


class Rol(StrEnum):
    VERWIJZER = "verwijzer"
    BRUGFUNCTIONARIS = "brugfunctionaris"
    SYSTEEM = "systeem"  # consequences of another record (contact, consent)


class Uitkomst(StrEnum):
    VERBONDEN = "verbonden"  # connected and going
    GEHOLPEN = "geholpen"
    ZELF_VERDER = "zelf_verder"  # can continue alone
    NIET_BEREIKT = "niet_bereikt"
    AFGEZIEN = "afgezien"  # declined
    TERUG_NAAR_HUISARTS = "terug_naar_huisarts"


# Closing before any contact only fits these outcomes.
UITKOMST_ZONDER_CONTACT = frozenset({Uitkomst.NIET_BEREIKT, Uitkomst.AFGEZIEN})


@dataclass(frozen=True)
class Overgang:
    van: frozenset[Status]
    actie: Actie
    naar: Status
    rol: Rol
    reden_verplicht: bool = False


# Running: taken by the receiving organisation, not ended.
ACTIVE = frozenset({Status.GEACCEPTEERD, Status.IN_BEHANDELING, Status.GEPAUZEERD})
# Not ended: everything but FINAL.
OPEN = frozenset({Status.VERSTUURD}) | ACTIVE

OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(
        frozenset({Status.VERSTUURD}),
        Actie.ACCEPTEREN,
        Status.GEACCEPTEERD,
        Rol.BRUGFUNCTIONARIS,
    ),
    Overgang(
        frozenset({Status.VERSTUURD, Status.GEACCEPTEERD}),
        Actie.TERUGSTUREN,
        Status.TERUGGESTUURD,
        Rol.BRUGFUNCTIONARIS,
        reden_verplicht=True,
    ),
    Overgang(
        frozenset({Status.VERSTUURD}),
        Actie.INTREKKEN,
        Status.INGETROKKEN,
        Rol.VERWIJZER,
        reden_verplicht=True,
    ),
    Overgang(
        frozenset({Status.GEACCEPTEERD}),
        Actie.EERSTE_CONTACT,
        Status.IN_BEHANDELING,
        Rol.SYSTEEM,
    ),
    Overgang(
        frozenset({Status.GEACCEPTEERD, Status.IN_BEHANDELING}),
        Actie.PAUZEREN,
        Status.GEPAUZEERD,
        Rol.BRUGFUNCTIONARIS,
        reden_verplicht=True,
    ),
    Overgang(
        frozenset({Status.GEPAUZEERD}),
        Actie.HERVATTEN,
        Status.IN_BEHANDELING,
        Rol.BRUGFUNCTIONARIS,
    ),
    Overgang(ACTIVE, Actie.AFSLUITEN, Status.AFGESLOTEN, Rol.BRUGFUNCTIONARIS),
    Overgang(OPEN, Actie.TOESTEMMING_INGETROKKEN, Status.INGETROKKEN, Rol.SYSTEEM),
)


class Weigering(StrEnum):
    """Why a transition was refused; the API answers 403, 409 or 400 by it."""

    ROL = "rol"  # the action is never this role's (it is `voor`'s)
    STATUS = "status"  # this role's action, but not in the current status
    REDEN = "reden"  # a reason is required
    UITKOMST = "uitkomst"  # an outcome is missing or not possible yet


class OvergangGeweigerd(Exception):
    """The action is not allowed in this state, for this role, or misses a
    required reason or outcome. `str()` is a Dutch message for the user;
    `soort` says which, and `voor` whose action it is when `soort` is ROL."""

    def __init__(
        self, message: str, *, soort: Weigering, voor: "Rol | None" = None
    ) -> None:
        super().__init__(message)
        self.soort = soort
        self.voor = voor


def overgang(
    status: Status,
    actie: Actie,
    rol: Rol,
    *,
    reden: str = "",
    uitkomst: Uitkomst | None = None,
    heeft_contact: bool = False,
) -> Status:
    """The next status, or OvergangGeweigerd.

    >>> overgang(Status.VERSTUURD, Actie.ACCEPTEREN, Rol.BRUGFUNCTIONARIS)
    <Status.GEACCEPTEERD: 'geaccepteerd'>
    """
    regels = [o for o in OVERGANGEN if o.actie == actie]
    candidates = [o for o in regels if status in o.van]
    if not candidates:
        # Whose action it is decides the kind: never this role's is ROL.
        eigen = any(o.rol == rol for o in regels)
        raise OvergangGeweigerd(
            f"'{actie.value}' kan niet bij status '{status.value}'.",
            soort=Weigering.STATUS if eigen else Weigering.ROL,
            voor=None if eigen else regels[0].rol,
        )
    rule = candidates[0]
    if rule.rol != rol:
        wie = (
            "applicatie (dit gebeurt automatisch)"
            if rule.rol == Rol.SYSTEEM
            else rule.rol.value
        )
        raise OvergangGeweigerd(
            f"'{actie.value}' is voor de {wie}.", soort=Weigering.ROL, voor=rule.rol
        )
    if rule.reden_verplicht and not reden.strip():
        raise OvergangGeweigerd("Geef een reden.", soort=Weigering.REDEN)
    if actie == Actie.AFSLUITEN:
        if uitkomst is None:
            raise OvergangGeweigerd(
                "Kies een uitkomst om af te sluiten.", soort=Weigering.UITKOMST
            )
        if not heeft_contact and uitkomst not in UITKOMST_ZONDER_CONTACT:
            raise OvergangGeweigerd(
                "Zonder contact kan alleen worden afgesloten als 'niet bereikt' of 'afgezien'.",
                soort=Weigering.UITKOMST,
            )
    if actie == Actie.HERVATTEN and not heeft_contact:
        # Paused before any contact: back to accepted, not "in progress".
        return Status.GEACCEPTEERD
    return rule.naar


def toegestane_acties(status: Status, rol: Rol) -> list[Actie]:
    """Actions a role may take in a state (for buttons and the API)."""
    return [o.actie for o in OVERGANGEN if status in o.van and o.rol == rol]


# Reasons the referrer reads in the history: their own steps and a return.
# Reasons the receiving organisation gives for a pause or resume may hold the
# resident's circumstances and stay with that organisation.
REDEN_VOOR_VERWIJZER = frozenset(
    {"aanmaken", Actie.INTREKKEN.value, Actie.TERUGSTUREN.value}
)
