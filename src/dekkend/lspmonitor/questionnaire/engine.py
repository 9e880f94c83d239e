# SPDX-License-Identifier: EUPL-1.2
"""Routing, skip rules and validation of one response's answers.

`zichtbare_vragen` decides what a respondent sees: the general part, the part
their role routes to, minus questions whose skip rule holds. `valideer` checks
stored answers (a `{question key: answer}` object, shapes in README.md):
with `volledig=False` (save and resume) only the shape of what was given, with
`volledig=True` (submit) also the required visible questions and the
"Anders, namelijk" texts. `antwoorden_voor_indienen` drops what a submitted
response must not keep: answers to hidden questions and to unknown keys.

Parsing of POSTed form fields is in `formulier` and re-exported here as
`antwoorden_uit_formulier`. Nothing here touches a database.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from dekkend.lspmonitor.questionnaire._i18n import _
from dekkend.lspmonitor.questionnaire.definition import (
    ALGEMEEN,
    DAGDELEN,
    ELEMENTEN,
    ENKELE_KEUZE,
    GETAL,
    GETALLEN_PER_CATEGORIE,
    LOCATIE_TEKSTVELDEN,
    LOCATIE_VELDEN,
    LOCATIES_BEVESTIGEN,
    MATRIX,
    MEERDERE_KEUZE,
    REGIO,
    STEUNPUNTEN_LIJST,
    TEKST,
    WEEKDAGEN,
    Vraag,
    Vragenlijst,
)

MAX_TEKST = 5000
MAX_KORT = 300
MAX_STEUNPUNTEN = 50
MAX_GETAL = 100_000
STEUNPUNT_VELDEN = ("naam", "gemeente", "organisatie", "toelichting")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$")
_TELEFOON = re.compile(r"^[0-9+()\- ]{6,30}$")
_WEBSITE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def vraag_naam(vraag: Vraag) -> str:
    """How messages name a question: "Vraag 5"."""
    if vraag.nummer:
        return _("Vraag %(nummer)s") % {"nummer": vraag.nummer}
    return vraag.tekst


# --- routing -----------------------------------------------------------------


def gekozen_codes(vraag: Vraag, antwoord: Any) -> frozenset[str]:
    """The option codes an answer chose (for skip rules and counting); empty
    for an unanswered question or a malformed answer."""
    if vraag.type == ENKELE_KEUZE and isinstance(antwoord, Mapping):
        keuze = antwoord.get("keuze")
        return frozenset({keuze}) if isinstance(keuze, str) and keuze else frozenset()
    if vraag.type == MEERDERE_KEUZE and isinstance(antwoord, Mapping):
        keuzes = antwoord.get("keuzes")
        if isinstance(keuzes, list):
            return frozenset(k for k in keuzes if isinstance(k, str))
        return frozenset()
    if vraag.type == STEUNPUNTEN_LIJST and isinstance(antwoord, list):
        return frozenset({"ja" if antwoord else "nee"})
    return frozenset()


def gekozen_deel(vl: Vragenlijst, antwoorden: Mapping[str, Any]) -> str | None:
    """The part the role answer routes to, or None while the role is not
    (validly) answered."""
    rolvraag = vl.rolvraag
    if rolvraag is None:
        return None
    for code in gekozen_codes(rolvraag, antwoorden.get(rolvraag.sleutel)):
        optie = rolvraag.optie(code)
        if optie is not None and optie.deel:
            return optie.deel
    return None


def zichtbare_vragen(vl: Vragenlijst, antwoorden: Mapping[str, Any]) -> list[Vraag]:
    """The items a respondent with these answers sees, in order: the general
    part, the part the role routes to, without questions whose skip rule holds.

    A skip rule holds when its earlier question is itself visible and its
    answer chose one of the rule's codes; an unanswered earlier question never
    hides anything.
    """
    deel = gekozen_deel(vl, antwoorden)
    routed = vl.rolvraag is not None
    zichtbaar: list[Vraag] = []
    zichtbare_sleutels: set[str] = set()
    for vraag in vl.vragen:
        if routed and vraag.deel != ALGEMEEN and vraag.deel != deel:
            continue
        regel = vraag.overslaan
        if regel is not None and regel.vraag in zichtbare_sleutels:
            bron = vl.vraag(regel.vraag)
            if gekozen_codes(bron, antwoorden.get(regel.vraag)) & set(regel.waarden):
                continue
        zichtbaar.append(vraag)
        zichtbare_sleutels.add(vraag.sleutel)
    return zichtbaar


def is_leeg(vraag: Vraag, antwoord: Any) -> bool:
    """Whether nothing at all was given: None, blank text, an empty object,
    a choice without code, "anders" text or comment. For a new/stopped list
    an empty list is the answer "Nee" and so is not empty. A malformed answer
    is not empty (validation reports it)."""
    if antwoord is None:
        return True
    if vraag.type == STEUNPUNTEN_LIJST:
        return False
    if vraag.type in (ENKELE_KEUZE, MEERDERE_KEUZE) and isinstance(antwoord, Mapping):
        return not any(
            antwoord.get(k) for k in ("keuze", "keuzes", "anders", "toelichting")
        )
    if isinstance(antwoord, str):
        return not antwoord.strip()
    if isinstance(antwoord, Mapping | list):
        return not antwoord
    return False


def is_beantwoord(vraag: Vraag, antwoord: Any) -> bool:
    """Whether a required question counts as answered: a choice made, a
    region chosen, some number, row or text given."""
    if is_leeg(vraag, antwoord):
        return False
    if vraag.type == ENKELE_KEUZE:
        return isinstance(antwoord, Mapping) and bool(antwoord.get("keuze"))
    if vraag.type == MEERDERE_KEUZE:
        return isinstance(antwoord, Mapping) and bool(antwoord.get("keuzes"))
    if vraag.type == REGIO:
        return isinstance(antwoord, Mapping) and bool(antwoord.get("regio"))
    return True


def antwoorden_voor_indienen(
    vl: Vragenlijst, antwoorden: Mapping[str, Any]
) -> dict[str, Any]:
    """The answers a submitted response keeps: those to visible questions
    that carry an answer and are not empty. Answers to hidden questions (other
    part, skipped) and unknown keys are dropped."""
    return {
        v.sleutel: antwoorden[v.sleutel]
        for v in zichtbare_vragen(vl, antwoorden)
        if v.heeft_antwoord
        and v.sleutel in antwoorden
        and not is_leeg(v, antwoorden[v.sleutel])
    }


# --- validation ----------------------------------------------------------------


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_getal(naam: str, value: Any) -> str | None:
    if isinstance(value, str):
        return _("%(vraag)s: vul een getal in, geen tekst.") % {"vraag": naam}
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not _is_int(value):
        return _("%(vraag)s: vul een heel getal in.") % {"vraag": naam}
    if value < 0:
        return _("%(vraag)s: het getal mag niet negatief zijn.") % {"vraag": naam}
    if value > MAX_GETAL:
        return _("%(vraag)s: het getal is groter dan %(max)s.") % {
            "vraag": naam,
            "max": MAX_GETAL,
        }
    return None


# Control characters other than tab and newline; PostgreSQL cannot store NUL
# in JSON at all.
_STUURTEKENS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _check_tekst(naam: str, value: Any, *, max_lengte: int = MAX_TEKST) -> str | None:
    if _is_int(value) or isinstance(value, float):
        return _("%(vraag)s: vul hier tekst in, geen getal.") % {"vraag": naam}
    if not isinstance(value, str):
        return _("%(vraag)s: vul hier tekst in.") % {"vraag": naam}
    if _STUURTEKENS.search(value):
        return _("%(vraag)s: de tekst bevat ongeldige tekens.") % {"vraag": naam}
    if len(value) > max_lengte:
        return _("%(vraag)s: de tekst is langer dan %(max)s tekens.") % {
            "vraag": naam,
            "max": max_lengte,
        }
    return None


def _check_keys(
    naam: str, antwoord: Mapping[str, Any], allowed: set[str]
) -> str | None:
    extra = sorted(set(antwoord) - allowed)
    if extra:
        return _("%(vraag)s: onbekend onderdeel '%(veld)s' in het antwoord.") % {
            "vraag": naam,
            "veld": extra[0],
        }
    return None


def _check_keuze(vraag: Vraag, antwoord: Any, *, volledig: bool) -> str | None:
    naam = vraag_naam(vraag)
    if not isinstance(antwoord, Mapping):
        return _("%(vraag)s: kies een van de antwoordopties.") % {"vraag": naam}
    allowed = {"keuze" if vraag.type == ENKELE_KEUZE else "keuzes", "anders"}
    if vraag.opmerking:
        allowed.add("toelichting")
    fout = _check_keys(naam, antwoord, allowed)
    if fout:
        return fout
    if vraag.type == ENKELE_KEUZE:
        keuze = antwoord.get("keuze", "")
        if not isinstance(keuze, str):
            return _("%(vraag)s: kies een van de antwoordopties.") % {"vraag": naam}
        codes = [keuze] if keuze else []
    else:
        keuzes = antwoord.get("keuzes", [])
        if not isinstance(keuzes, list) or not all(isinstance(k, str) for k in keuzes):
            return _("%(vraag)s: kies een of meer van de antwoordopties.") % {
                "vraag": naam
            }
        if len(set(keuzes)) != len(keuzes):
            return _("%(vraag)s: een antwoordoptie is twee keer gekozen.") % {
                "vraag": naam
            }
        codes = keuzes
    for code in codes:
        if vraag.optie(code) is None:
            return _("%(vraag)s: '%(optie)s' is geen antwoordoptie van deze vraag.") % {
                "vraag": naam,
                "optie": code,
            }
    for veld in ("anders", "toelichting"):
        if veld in antwoord:
            fout = _check_tekst(naam, antwoord[veld], max_lengte=MAX_KORT * 4)
            if fout:
                return fout
    anders_tekst = str(antwoord.get("anders", "")).strip()
    anders_gekozen = [
        vraag.optie(c) for c in codes if (o := vraag.optie(c)) and o.anders
    ]
    if anders_tekst and not anders_gekozen:
        return _(
            "%(vraag)s: je vulde een toelichting bij '%(optie)s' in, maar koos die "
            "optie niet."
        ) % {"vraag": naam, "optie": _anders_label(vraag)}
    if volledig and anders_gekozen and not anders_tekst:
        optie = anders_gekozen[0]
        assert optie is not None
        return _("%(vraag)s: vul bij '%(optie)s' in wat je bedoelt.") % {
            "vraag": naam,
            "optie": optie.label,
        }
    return None


def _anders_label(vraag: Vraag) -> str:
    return next((o.label for o in vraag.opties if o.anders), _("Anders, namelijk"))


def _check_steunpunten(vraag: Vraag, antwoord: Any) -> str | None:
    naam = vraag_naam(vraag)
    if not isinstance(antwoord, list):
        return _("%(vraag)s: kies 'Nee' of vul de steunpunten in.") % {"vraag": naam}
    if len(antwoord) > MAX_STEUNPUNTEN:
        return _("%(vraag)s: vul hooguit %(max)s steunpunten in.") % {
            "vraag": naam,
            "max": MAX_STEUNPUNTEN,
        }
    for i, item in enumerate(antwoord, start=1):
        where = _("%(vraag)s, steunpunt %(nr)s") % {"vraag": naam, "nr": i}
        if not isinstance(item, Mapping):
            return _("%(vraag)s: onleesbaar antwoord.") % {"vraag": where}
        fout = _check_keys(where, item, set(STEUNPUNT_VELDEN))
        if fout:
            return fout
        for veld in STEUNPUNT_VELDEN:
            if veld in item:
                fout = _check_tekst(
                    where,
                    item[veld],
                    max_lengte=MAX_TEKST if veld == "toelichting" else MAX_KORT,
                )
                if fout:
                    return fout
        if not str(item.get("naam", "")).strip():
            return _("%(vraag)s: vul de naam van het steunpunt in.") % {"vraag": where}
    return None


def locatie_veld_fout(veld: str, value: Any) -> str | None:
    """Check one proposed location field; a Dutch message without the
    question's name, or None."""
    if veld in LOCATIE_TEKSTVELDEN:
        if not isinstance(value, str):
            return _("vul hier tekst in")
        if _STUURTEKENS.search(value):
            return _("de tekst bevat ongeldige tekens")
        if len(value) > MAX_KORT:
            return _("de tekst is te lang")
        if not value:
            return None
        if veld == "email" and not _EMAIL.match(value):
            return _("dit is geen geldig e-mailadres")
        if veld == "postcode" and not _POSTCODE.match(value):
            return _("vul een postcode in als 1234 AB")
        if veld == "telefoon" and not _TELEFOON.match(value):
            return _("dit is geen geldig telefoonnummer")
        if veld == "website" and not _WEBSITE.match(value):
            return _("vul een webadres in dat begint met https://")
        return None
    if veld == "dagdelen":
        if not isinstance(value, list) or not all(isinstance(d, str) for d in value):
            return _("kies de dagdelen uit de lijst")
        for d in value:
            if d not in DAGDEEL_CODES:
                return _("'%(dagdeel)s' is geen dagdeel") % {"dagdeel": d}
        return None
    if veld == "elementen":
        if not isinstance(value, list) or not all(isinstance(e, str) for e in value):
            return _("kies de elementen uit de lijst")
        for e in value:
            if e not in ELEMENTEN:
                return _("'%(element)s' is geen element") % {"element": e}
        return None
    return _("onbekend veld '%(veld)s'") % {"veld": veld}


_LOCATIE_SLEUTEL = re.compile(r"^[0-9A-Za-z-]{1,64}$")
DAGDEEL_CODES = tuple(f"{w}:{d}" for w in WEEKDAGEN for d in DAGDELEN)


def _check_locaties(
    vraag: Vraag, antwoord: Any, locatie_uuids: Collection[str] | None
) -> str | None:
    naam = vraag_naam(vraag)
    if not isinstance(antwoord, Mapping):
        return _("%(vraag)s: onleesbaar antwoord.") % {"vraag": naam}
    for uuid, item in antwoord.items():
        if not isinstance(uuid, str) or not _LOCATIE_SLEUTEL.match(uuid):
            return _("%(vraag)s: onleesbaar antwoord.") % {"vraag": naam}
        if locatie_uuids is not None and uuid not in locatie_uuids:
            return _(
                "%(vraag)s: '%(locatie)s' is geen locatie van jouw organisatie."
            ) % {
                "vraag": naam,
                "locatie": uuid,
            }
        if not isinstance(item, Mapping) or set(item) - {"bevestigd", "wijzigingen"}:
            return _("%(vraag)s: onleesbaar antwoord.") % {"vraag": naam}
        if not isinstance(item.get("bevestigd", False), bool):
            return _("%(vraag)s: onleesbaar antwoord.") % {"vraag": naam}
        wijzigingen = item.get("wijzigingen", {})
        if not isinstance(wijzigingen, Mapping):
            return _("%(vraag)s: onleesbaar antwoord.") % {"vraag": naam}
        for veld, value in wijzigingen.items():
            if veld not in LOCATIE_VELDEN:
                return _("%(vraag)s: onbekend veld '%(veld)s'.") % {
                    "vraag": naam,
                    "veld": veld,
                }
            fout = locatie_veld_fout(veld, value)
            if fout:
                return _("%(vraag)s, %(veld)s: %(fout)s.") % {
                    "vraag": naam,
                    "veld": veld,
                    "fout": fout,
                }
    return None


def valideer_antwoord(
    vraag: Vraag,
    antwoord: Any,
    *,
    volledig: bool,
    regio_codes: Collection[str] | None = None,
    locatie_uuids: Collection[str] | None = None,
) -> str | None:
    """Check one given (non-None) answer's shape against its question; with
    `volledig`, also the texts that a submit needs. A Dutch message naming the
    question, or None."""
    naam = vraag_naam(vraag)
    if not vraag.heeft_antwoord:
        return _("%(vraag)s: hier hoort geen antwoord bij.") % {"vraag": naam}
    if vraag.type in (ENKELE_KEUZE, MEERDERE_KEUZE):
        return _check_keuze(vraag, antwoord, volledig=volledig)
    if vraag.type == GETAL:
        return _check_getal(naam, antwoord)
    if vraag.type == TEKST:
        return _check_tekst(naam, antwoord)
    if vraag.type == GETALLEN_PER_CATEGORIE:
        if not isinstance(antwoord, Mapping):
            return _("%(vraag)s: vul per categorie een aantal in.") % {"vraag": naam}
        for code, value in antwoord.items():
            rij = vraag.rij(code)
            if rij is None:
                return _(
                    "%(vraag)s: '%(categorie)s' is geen categorie van deze vraag."
                ) % {
                    "vraag": naam,
                    "categorie": code,
                }
            fout = _check_getal(f"{naam}, {rij.label}", value)
            if fout:
                return fout
        return None
    if vraag.type == MATRIX:
        if not isinstance(antwoord, Mapping):
            return _("%(vraag)s: kies per regel een antwoord.") % {"vraag": naam}
        for code, value in antwoord.items():
            rij = vraag.rij(code)
            if rij is None:
                return _("%(vraag)s: '%(rij)s' is geen regel van deze vraag.") % {
                    "vraag": naam,
                    "rij": code,
                }
            if not isinstance(value, str) or vraag.schaalpunt(value) is None:
                return _(
                    "%(vraag)s, '%(rij)s': '%(optie)s' is geen antwoordoptie van deze vraag."
                ) % {"vraag": naam, "rij": rij.label, "optie": value}
        if volledig and vraag.verplicht:
            open_rijen = [r for r in vraag.rijen if r.code not in antwoord]
            if open_rijen and antwoord:
                return _("%(vraag)s: kies ook een antwoord bij '%(rij)s'.") % {
                    "vraag": naam,
                    "rij": open_rijen[0].label,
                }
        return None
    if vraag.type == REGIO:
        if not isinstance(antwoord, Mapping) or set(antwoord) - {"regio"}:
            return _("%(vraag)s: kies een regio.") % {"vraag": naam}
        regio = antwoord.get("regio", "")
        if not isinstance(regio, str):
            return _("%(vraag)s: kies een regio.") % {"vraag": naam}
        if regio and regio_codes is not None and regio not in regio_codes:
            return _("%(vraag)s: '%(regio)s' is geen regio van deze monitor.") % {
                "vraag": naam,
                "regio": regio,
            }
        return None
    if vraag.type == STEUNPUNTEN_LIJST:
        return _check_steunpunten(vraag, antwoord)
    if vraag.type == LOCATIES_BEVESTIGEN:
        return _check_locaties(vraag, antwoord, locatie_uuids)
    raise AssertionError(f"unhandled question type {vraag.type}")  # pragma: no cover


def valideer(
    vl: Vragenlijst,
    antwoorden: Mapping[str, Any],
    *,
    volledig: bool,
    regio_codes: Collection[str] | None = None,
    locatie_uuids: Collection[str] | None = None,
) -> dict[str, str]:
    """Check a response's answers: question key → Dutch message naming it.

    `volledig=False` (save and resume): each given answer has the shape of its
    question (options in the list, numbers ≥ 0 where numbers go, text where
    text goes); answers to hidden questions are allowed, as routing may still
    change. `volledig=True` (submit): the same for the visible questions, plus
    every visible required question answered and a text with each chosen
    "Anders, namelijk". Unknown keys are an error in both modes.
    `regio_codes` and `locatie_uuids`, when given, restrict the region answer
    and the confirmed locations to these.
    """
    fouten: dict[str, str] = {}
    for sleutel in antwoorden:
        if not vl.heeft(sleutel):
            fouten[sleutel] = _("Onbekende vraag '%(sleutel)s'.") % {"sleutel": sleutel}
    if volledig:
        te_controleren: Sequence[Vraag] = zichtbare_vragen(vl, antwoorden)
    else:
        te_controleren = vl.vragen
    for vraag in te_controleren:
        if not vraag.heeft_antwoord:
            continue
        antwoord = antwoorden.get(vraag.sleutel)
        if not is_leeg(vraag, antwoord):
            fout = valideer_antwoord(
                vraag,
                antwoord,
                volledig=volledig,
                regio_codes=regio_codes,
                locatie_uuids=locatie_uuids,
            )
            if fout:
                fouten[vraag.sleutel] = fout
                continue
        if volledig and vraag.verplicht and not is_beantwoord(vraag, antwoord):
            fouten[vraag.sleutel] = _("%(vraag)s is verplicht: geef een antwoord.") % {
                "vraag": vraag_naam(vraag)
            }
    return fouten


def antwoorden_samenvoegen(
    opgeslagen: Mapping[str, Any],
    nieuw: Mapping[str, Any],
    vragen: Sequence[Vraag],
    fouten: Collection[str] = (),
) -> dict[str, Any]:
    """The saved answers with those of the questions on a posted page
    replaced: a question of `vragen` absent from `nieuw` was left empty and
    loses its saved answer, unless it is in `fouten` (it could not be read,
    so the saved answer stays)."""
    sleutels = {v.sleutel for v in vragen if v.heeft_antwoord} - set(fouten)
    result = {k: v for k, v in opgeslagen.items() if k not in sleutels}
    result.update({k: v for k, v in nieuw.items() if k in sleutels})
    return result


def antwoorden_uit_formulier(
    vl: Vragenlijst,
    data: Mapping[str, list[str]],
    *,
    vragen: Sequence[Vraag] | None = None,
    regio_codes: Collection[str] | None = None,
    locaties: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Parse POSTed fields into answers and errors; see
    `formulier.antwoorden_uit_formulier`."""
    from dekkend.lspmonitor.questionnaire import formulier

    return formulier.antwoorden_uit_formulier(
        vl, data, vragen=vragen, regio_codes=regio_codes, locaties=locaties
    )


__all__ = [
    "antwoorden_samenvoegen",
    "antwoorden_uit_formulier",
    "antwoorden_voor_indienen",
    "gekozen_codes",
    "gekozen_deel",
    "is_beantwoord",
    "is_leeg",
    "valideer",
    "valideer_antwoord",
    "vraag_naam",
    "zichtbare_vragen",
]
