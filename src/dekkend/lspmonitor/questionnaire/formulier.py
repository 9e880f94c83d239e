# SPDX-License-Identifier: EUPL-1.2
"""Parsing POSTed form fields into answers.

`antwoorden_uit_formulier` reads the fields that `_vraag.html` renders (names
in README.md: `v_<key>`, `v_<key>_anders`, `v_<key>_<row>`, ...) from a
`Mapping[str, list[str]]` or a Django `QueryDict`, and returns the answers in
their stored shapes plus a Dutch message per question that could not be read.
The answers of a question with an error are left out, so nothing half-read is
saved. An answer that parses is also checked with `engine.valideer_antwoord`
(shape only); required questions are checked by `engine.valideer`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from dekkend.lspmonitor.questionnaire._i18n import _
from dekkend.lspmonitor.questionnaire.definition import (
    ENKELE_KEUZE,
    GETAL,
    GETALLEN_PER_CATEGORIE,
    LOCATIE_TEKSTVELDEN,
    LOCATIES_BEVESTIGEN,
    MATRIX,
    MEERDERE_KEUZE,
    REGIO,
    STEUNPUNTEN_LIJST,
    TEKST,
    Vraag,
    Vragenlijst,
)
from dekkend.lspmonitor.questionnaire.engine import (
    MAX_STEUNPUNTEN,
    STEUNPUNT_VELDEN,
    locatie_veld_fout,
    valideer_antwoord,
    vraag_naam,
)

_GETAL = re.compile(r"^[0-9]+$")
_NEGATIEF = re.compile(r"^-\s*[0-9]+([.,][0-9]+)?$")
_DECIMAAL = re.compile(r"^[0-9]+[.,][0-9]+$")


class _Fout(Exception):
    """A field could not be read; the message names the question."""


def _values(data: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(data, "getlist", None)
    raw = getlist(name) if callable(getlist) else data.get(name, [])
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list | tuple):
        return []
    return [str(v) for v in raw]


def _one(data: Mapping[str, Any], name: str, vraag: Vraag) -> str:
    values = [v.strip() for v in _values(data, name)]
    values = [v for v in values if v]
    if len(values) > 1:
        raise _Fout(_("%(vraag)s: kies één antwoord.") % {"vraag": vraag_naam(vraag)})
    return values[0] if values else ""


_STUURTEKENS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _text(data: Mapping[str, Any], name: str) -> str:
    """A text field, stripped, with Windows line ends and control characters
    (which JSON in PostgreSQL cannot always store) removed. Several values for
    one text field (a tampered form): the last, as Django's QueryDict does."""
    values = _values(data, name)
    if not values:
        return ""
    text = values[-1].replace("\r\n", "\n").replace("\r", "\n")
    return _STUURTEKENS.sub("", text).strip()


def parse_getal(naam: str, text: str) -> int | None:
    """A non-negative whole number from a form field; None when empty.
    Raises _Fout with a message naming the question."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if _GETAL.match(text):
        return int(text)
    if _NEGATIEF.match(text):
        raise _Fout(_("%(vraag)s: het getal mag niet negatief zijn.") % {"vraag": naam})
    if _DECIMAAL.match(text):
        raise _Fout(_("%(vraag)s: vul een heel getal in.") % {"vraag": naam})
    raise _Fout(_("%(vraag)s: vul een getal in, geen tekst.") % {"vraag": naam})


def _keuze(vraag: Vraag, data: Mapping[str, Any]) -> Any:
    naam = vraag_naam(vraag)
    veld = vraag.veldnaam
    anders = _text(data, f"{veld}_anders")
    anders_optie = next((o for o in vraag.opties if o.anders), None)
    if vraag.type == ENKELE_KEUZE:
        keuze = _one(data, veld, vraag)
        if not keuze and anders and anders_optie is not None:
            # The text of "Anders, namelijk" typed without ticking its option.
            keuze = anders_optie.code
        codes = [keuze] if keuze else []
    else:
        codes = []
        for code in (v.strip() for v in _values(data, veld)):
            if code and code not in codes:
                codes.append(code)
        if anders and anders_optie is not None and anders_optie.code not in codes:
            codes.append(anders_optie.code)
    for code in codes:
        if vraag.optie(code) is None:
            raise _Fout(
                _("%(vraag)s: '%(optie)s' is geen antwoordoptie van deze vraag.")
                % {"vraag": naam, "optie": code}
            )
    toelichting = _text(data, f"{veld}_toelichting") if vraag.opmerking else ""
    if not codes and not toelichting:
        return None
    antwoord: dict[str, Any]
    if vraag.type == ENKELE_KEUZE:
        antwoord = {"keuze": codes[0] if codes else ""}
    else:
        antwoord = {"keuzes": codes}
    if anders:
        antwoord["anders"] = anders
    if toelichting:
        antwoord["toelichting"] = toelichting
    return antwoord


def _categorieen(vraag: Vraag, data: Mapping[str, Any]) -> Any:
    antwoord: dict[str, int] = {}
    for rij in vraag.rijen:
        value = parse_getal(
            f"{vraag_naam(vraag)}, {rij.label}",
            _text(data, f"{vraag.veldnaam}_{rij.code}"),
        )
        if value is not None:
            antwoord[rij.code] = value
    return antwoord or None


def _matrix(vraag: Vraag, data: Mapping[str, Any]) -> Any:
    antwoord: dict[str, str] = {}
    for rij in vraag.rijen:
        value = _one(data, f"{vraag.veldnaam}_{rij.code}", vraag)
        if not value:
            continue
        if vraag.schaalpunt(value) is None:
            raise _Fout(
                _(
                    "%(vraag)s, '%(rij)s': '%(optie)s' is geen antwoordoptie van deze vraag."
                )
                % {"vraag": vraag_naam(vraag), "rij": rij.label, "optie": value}
            )
        antwoord[rij.code] = value
    return antwoord or None


_LOCATIE_SLEUTEL = re.compile(r"^[0-9A-Za-z-]{1,64}$")
_RIJ_VELD = re.compile(r"^(?P<nr>[0-9]{1,3})_(?P<veld>[a-z]+)$")


def steunpunt_rijnummers(vraag: Vraag, data: Mapping[str, Any]) -> list[int]:
    """The row numbers of a new/stopped list present in the posted fields."""
    prefix = f"{vraag.veldnaam}_"
    nummers: set[int] = set()
    for key in data:
        if key.startswith(prefix):
            match = _RIJ_VELD.match(key[len(prefix) :])
            if match and match["veld"] in STEUNPUNT_VELDEN:
                nummers.add(int(match["nr"]))
    return sorted(nummers)


def _steunpunten(vraag: Vraag, data: Mapping[str, Any]) -> Any:
    naam = vraag_naam(vraag)
    keuze = _one(data, vraag.veldnaam, vraag)
    if keuze and vraag.optie(keuze) is None:
        raise _Fout(
            _("%(vraag)s: '%(optie)s' is geen antwoordoptie van deze vraag.")
            % {"vraag": naam, "optie": keuze}
        )
    rijen: list[dict[str, str]] = []
    for nr in steunpunt_rijnummers(vraag, data):
        item = {
            veld: value
            for veld in STEUNPUNT_VELDEN
            if (value := _text(data, f"{vraag.veldnaam}_{nr}_{veld}"))
        }
        if not item:
            continue
        if "naam" not in item:
            raise _Fout(
                _("%(vraag)s, steunpunt %(nr)s: vul de naam van het steunpunt in.")
                % {"vraag": naam, "nr": len(rijen) + 1}
            )
        rijen.append(item)
    if len(rijen) > MAX_STEUNPUNTEN:
        raise _Fout(
            _("%(vraag)s: vul hooguit %(max)s steunpunten in.")
            % {"vraag": naam, "max": MAX_STEUNPUNTEN}
        )
    if keuze == "nee":
        if rijen:
            raise _Fout(
                _("%(vraag)s: je koos 'Nee' maar vulde ook steunpunten in.")
                % {"vraag": naam}
            )
        return []
    if keuze == "ja" and not rijen:
        raise _Fout(
            _("%(vraag)s: vul bij 'Ja, namelijk' minstens één steunpunt in.")
            % {"vraag": naam}
        )
    return rijen or None


def normaliseer_locatie_veld(veld: str, value: str) -> str:
    """Normal form of a location text field: postcode "1234 AB", website with
    a scheme."""
    value = value.strip()
    if veld == "postcode":
        compact = value.replace(" ", "").upper()
        if len(compact) == 6:
            return f"{compact[:4]} {compact[4:]}"
        return value.upper()
    if veld == "website" and value and "://" not in value:
        return f"https://{value}"
    if veld == "email":
        return value.lower()
    return value


def _locatie_waarden(
    vraag: Vraag, data: Mapping[str, Any], uuid: str
) -> dict[str, Any]:
    base = f"{vraag.veldnaam}_{uuid}"
    waarden: dict[str, Any] = {
        veld: normaliseer_locatie_veld(veld, _text(data, f"{base}_{veld}"))
        for veld in LOCATIE_TEKSTVELDEN
    }
    waarden["dagdelen"] = sorted({v for v in _values(data, f"{base}_dagdelen") if v})
    waarden["elementen"] = sorted({v for v in _values(data, f"{base}_elementen") if v})
    return waarden


def _vergelijkbaar(veld: str, value: Any) -> Any:
    if veld in ("dagdelen", "elementen"):
        return sorted(str(v) for v in (value or []))
    return normaliseer_locatie_veld(veld, str(value or ""))


def _locaties(
    vraag: Vraag,
    data: Mapping[str, Any],
    locaties: Mapping[str, Mapping[str, Any]] | None,
) -> Any:
    naam = vraag_naam(vraag)
    prefix = f"{vraag.veldnaam}_"
    getoond = {
        key[len(prefix) : -len("_getoond")]
        for key in data
        if key.startswith(prefix) and key.endswith("_getoond")
    }
    vreemd = sorted(u for u in getoond if not _LOCATIE_SLEUTEL.match(u))
    if vreemd:
        raise _Fout(_("%(vraag)s: onleesbaar antwoord.") % {"vraag": naam})
    if locaties is not None:
        onbekend = sorted(getoond - set(locaties))
        if onbekend:
            raise _Fout(
                _("%(vraag)s: '%(locatie)s' is geen locatie van jouw organisatie.")
                % {"vraag": naam, "locatie": onbekend[0]}
            )
    antwoord: dict[str, Any] = {}
    for uuid in sorted(getoond):
        waarden = _locatie_waarden(vraag, data, uuid)
        locatie_naam = str((locaties or {}).get(uuid, {}).get("naam", uuid))
        for veld, value in waarden.items():
            fout = locatie_veld_fout(veld, value)
            if fout:
                raise _Fout(
                    _("%(vraag)s, %(locatie)s, %(veld)s: %(fout)s.")
                    % {
                        "vraag": naam,
                        "locatie": locatie_naam,
                        "veld": veld,
                        "fout": fout,
                    }
                )
        huidig = (locaties or {}).get(uuid)
        if huidig is None:
            wijzigingen = {k: v for k, v in waarden.items() if v}
        else:
            wijzigingen = {
                k: v
                for k, v in waarden.items()
                if _vergelijkbaar(k, v) != _vergelijkbaar(k, huidig.get(k))
            }
        bevestigd = bool(_text(data, f"{prefix}{uuid}_bevestigd"))
        if bevestigd or wijzigingen:
            antwoord[uuid] = {"bevestigd": bevestigd, "wijzigingen": wijzigingen}
    return antwoord or None


def antwoord_uit_formulier(
    vraag: Vraag,
    data: Mapping[str, Any],
    *,
    regio_codes: Collection[str] | None = None,
    locaties: Mapping[str, Mapping[str, Any]] | None = None,
) -> Any:
    """The answer to one question from the posted fields, or None when left
    empty. Raises ValueError with a Dutch message naming the question."""
    try:
        if vraag.type in (ENKELE_KEUZE, MEERDERE_KEUZE):
            antwoord = _keuze(vraag, data)
        elif vraag.type == GETAL:
            antwoord = parse_getal(vraag_naam(vraag), _text(data, vraag.veldnaam))
        elif vraag.type == TEKST:
            antwoord = _text(data, vraag.veldnaam) or None
        elif vraag.type == GETALLEN_PER_CATEGORIE:
            antwoord = _categorieen(vraag, data)
        elif vraag.type == MATRIX:
            antwoord = _matrix(vraag, data)
        elif vraag.type == REGIO:
            regio = _one(data, vraag.veldnaam, vraag)
            antwoord = {"regio": regio} if regio else None
        elif vraag.type == STEUNPUNTEN_LIJST:
            antwoord = _steunpunten(vraag, data)
        elif vraag.type == LOCATIES_BEVESTIGEN:
            antwoord = _locaties(vraag, data, locaties)
        else:
            return None
    except _Fout as exc:
        raise ValueError(str(exc)) from exc
    if antwoord is None:
        return None
    fout = valideer_antwoord(
        vraag,
        antwoord,
        volledig=False,
        regio_codes=regio_codes,
        locatie_uuids=None if locaties is None else set(locaties),
    )
    if fout:
        raise ValueError(fout)
    return antwoord


def antwoorden_uit_formulier(
    vl: Vragenlijst,
    data: Mapping[str, Any],
    *,
    vragen: Sequence[Vraag] | None = None,
    regio_codes: Collection[str] | None = None,
    locaties: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Parse the posted fields of `vragen` (default: every question of `vl`).

    Returns `(antwoorden, fouten)`: answers in their stored shapes for the
    questions that were filled in and could be read, and question key → Dutch
    message for those that could not. A question without an answer in either
    was left empty; merge with `engine.antwoorden_samenvoegen`.

    `regio_codes` restricts the region question to those codes. `locaties`
    maps each location uuid the respondent may confirm to its current register
    values (keys of `definition.LOCATIE_VELDEN` plus "naam"); with it, only
    changed fields are proposed and other uuids are refused.
    """
    antwoorden: dict[str, Any] = {}
    fouten: dict[str, str] = {}
    for vraag in vl.vragen if vragen is None else vragen:
        if not vraag.heeft_antwoord:
            continue
        try:
            antwoord = antwoord_uit_formulier(
                vraag, data, regio_codes=regio_codes, locaties=locaties
            )
        except ValueError as exc:
            fouten[vraag.sleutel] = str(exc)
            continue
        if antwoord is not None:
            antwoorden[vraag.sleutel] = antwoord
    return antwoorden, fouten


def formulier_data(
    vraag: Vraag,
    antwoord: Any,
    *,
    locaties: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, list[str]]:
    """The form fields that would post this answer: the inverse of
    `antwoord_uit_formulier`, used to fill in a form from a saved answer.
    For `locaties_bevestigen`, fields of `locaties` not changed in the
    answer show their current register value."""
    veld = vraag.veldnaam
    data: dict[str, list[str]] = {}
    if vraag.type in (ENKELE_KEUZE, MEERDERE_KEUZE) and isinstance(antwoord, Mapping):
        if vraag.type == ENKELE_KEUZE:
            keuze = antwoord.get("keuze")
            data[veld] = [str(keuze)] if keuze else []
        else:
            data[veld] = [str(k) for k in antwoord.get("keuzes", []) or []]
        for sub in ("anders", "toelichting"):
            if antwoord.get(sub):
                data[f"{veld}_{sub}"] = [str(antwoord[sub])]
    elif vraag.type in (GETAL, TEKST) and antwoord is not None:
        data[veld] = [str(antwoord)]
    elif vraag.type in (GETALLEN_PER_CATEGORIE, MATRIX) and isinstance(
        antwoord, Mapping
    ):
        for code, value in antwoord.items():
            data[f"{veld}_{code}"] = [str(value)]
    elif vraag.type == REGIO and isinstance(antwoord, Mapping):
        if antwoord.get("regio"):
            data[veld] = [str(antwoord["regio"])]
    elif vraag.type == STEUNPUNTEN_LIJST and isinstance(antwoord, list):
        data[veld] = ["ja" if antwoord else "nee"]
        for nr, item in enumerate(antwoord, start=1):
            if isinstance(item, Mapping):
                for sub in STEUNPUNT_VELDEN:
                    if item.get(sub):
                        data[f"{veld}_{nr}_{sub}"] = [str(item[sub])]
    elif vraag.type == LOCATIES_BEVESTIGEN:
        gegeven = antwoord if isinstance(antwoord, Mapping) else {}
        uuids = list(locaties) if locaties is not None else list(gegeven)
        for uuid in uuids:
            base = f"{veld}_{uuid}"
            item = gegeven.get(uuid)
            item = item if isinstance(item, Mapping) else {}
            wijzigingen = item.get("wijzigingen")
            wijzigingen = wijzigingen if isinstance(wijzigingen, Mapping) else {}
            huidig = (locaties or {}).get(uuid, {})
            data[f"{base}_getoond"] = ["1"]
            if item.get("bevestigd"):
                data[f"{base}_bevestigd"] = ["1"]
            for sub in LOCATIE_TEKSTVELDEN:
                value = wijzigingen.get(sub, huidig.get(sub, ""))
                if value:
                    data[f"{base}_{sub}"] = [str(value)]
            for sub in ("dagdelen", "elementen"):
                values = wijzigingen.get(sub, huidig.get(sub, [])) or []
                data[f"{base}_{sub}"] = [str(v) for v in values]
    return data
