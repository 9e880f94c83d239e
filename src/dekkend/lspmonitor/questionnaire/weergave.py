# SPDX-License-Identifier: EUPL-1.2
"""What the question templates show: one `VraagWeergave` per item.

Django templates cannot look up an answer by a variable key, so the page
builds the form's values here, in plain Python, and
`lspmonitor/vragen/_vraag.html` only prints them:

    velden = formulier(vl, vragen=zichtbaar, antwoorden=respons.antwoorden,
                       fouten=fouten, ingevuld=request.POST or None, ...)
    {% for veld in velden %}
      {% include "lspmonitor/vragen/_vraag.html" with vraag=veld %}
    {% endfor %}

Values come from the saved answers, or, after a POST with errors, from what
was posted, so a respondent never loses what they typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dekkend.lspmonitor.questionnaire._i18n import _
from dekkend.lspmonitor.questionnaire.definition import (
    DAGDELEN,
    ELEMENTEN,
    ENKELE_KEUZE,
    GETAL,
    GETALLEN_PER_CATEGORIE,
    LOCATIE_TEKSTVELDEN,
    LOCATIES_BEVESTIGEN,
    MATRIX,
    MEERDERE_KEUZE,
    REGIO,
    REGIO_LIJST,
    STEUNPUNTEN_LIJST,
    TEKST,
    WEEKDAGEN,
    Vraag,
    Vragenlijst,
)
from dekkend.lspmonitor.questionnaire.engine import STEUNPUNT_VELDEN
from dekkend.lspmonitor.questionnaire.formulier import (
    formulier_data,
    steunpunt_rijnummers,
)

# Empty rows offered below the filled-in ones of a new/stopped list; a
# respondent who needs more saves and gets new empty rows (no JavaScript).
LEGE_STEUNPUNT_RIJEN = 3


def _weekdag_labels() -> dict[int, str]:
    return {
        1: _("maandag"),
        2: _("dinsdag"),
        3: _("woensdag"),
        4: _("donderdag"),
        5: _("vrijdag"),
        6: _("zaterdag"),
        7: _("zondag"),
    }


def _dagdeel_labels() -> dict[str, str]:
    return {"ochtend": _("ochtend"), "middag": _("middag"), "avond": _("avond")}


def _element_labels() -> dict[str, str]:
    return {
        "inloop": _("Inloop en ontmoeting"),
        "door_en_voor": _("Door-en-voor-activiteiten"),
        "herstelaanbod": _("Herstelaanbod"),
        "groeivijver": _("Groeivijver"),
    }


def _locatie_veld_labels() -> dict[str, str]:
    return {
        "straat": _("Straat"),
        "huisnummer": _("Huisnummer"),
        "postcode": _("Postcode"),
        "plaats": _("Plaats"),
        "telefoon": _("Telefoon"),
        "email": _("E-mail"),
        "website": _("Website"),
    }


# Display-only types whose partial is not named after the type, because
# `_regio_lijst.html` is the region's list itself (included on its own too).
_TEMPLATES = {REGIO_LIJST: "regio_lijst_item"}

# The `inputmode` of a location field (the input itself stays type="text").
_INPUT_TYPES = {"email": "email", "website": "url", "telefoon": "tel"}


@dataclass(frozen=True)
class OptieWeergave:
    """A radio button or checkbox: `naam` is its field name, `id` its id."""

    code: str
    label: str
    naam: str
    id: str
    gekozen: bool
    anders: bool = False


@dataclass(frozen=True)
class RijWeergave:
    """A matrix row (with its scale points) or a number per category."""

    code: str
    label: str
    naam: str
    id: str
    waarde: str
    punten: tuple[OptieWeergave, ...] = ()


@dataclass(frozen=True)
class TekstVeld:
    """A text input: its field name, id, label, value and input type."""

    naam: str
    id: str
    label: str
    waarde: str
    type: str = "text"
    huidig: str = ""


@dataclass(frozen=True)
class SteunpuntRij:
    nr: int
    velden: tuple[TekstVeld, ...]


@dataclass(frozen=True)
class DagRij:
    weekdag: str
    dagdelen: tuple[OptieWeergave, ...]


@dataclass(frozen=True)
class LocatieWeergave:
    uuid: str
    naam: str
    gemeente: str
    id: str
    getoond_naam: str
    bevestigd: OptieWeergave
    velden: tuple[TekstVeld, ...]
    dagen: tuple[DagRij, ...]
    dagdeel_koppen: tuple[str, ...]
    elementen: tuple[OptieWeergave, ...]


@dataclass(frozen=True)
class VraagWeergave:
    """Everything `_vraag.html` prints for one item."""

    vraag: Vraag
    antwoord: Any
    fout: str
    waarde: str = ""
    anders: TekstVeld | None = None
    opmerking: TekstVeld | None = None
    opties: tuple[OptieWeergave, ...] = ()
    rijen: tuple[RijWeergave, ...] = ()
    schaal: tuple[str, ...] = ()
    steunpunten: tuple[SteunpuntRij, ...] = ()
    locaties: tuple[LocatieWeergave, ...] = ()
    regio_steunpunten: tuple[Any, ...] = ()

    # The question's own attributes, so the template can treat this as the
    # question.
    @property
    def sleutel(self) -> str:
        return self.vraag.sleutel

    @property
    def nummer(self) -> str:
        return self.vraag.nummer

    @property
    def tekst(self) -> str:
        return self.vraag.tekst

    @property
    def type(self) -> str:
        return self.vraag.type

    @property
    def verplicht(self) -> bool:
        return self.vraag.verplicht

    @property
    def toelichting(self) -> str:
        return self.vraag.toelichting

    @property
    def veldnaam(self) -> str:
        return self.vraag.veldnaam

    @property
    def id(self) -> str:
        return self.vraag.html_id

    @property
    def template(self) -> str:
        """The partial for this item's type."""
        return f"lspmonitor/vragen/_{_TEMPLATES.get(self.vraag.type, self.vraag.type)}.html"

    @property
    def anker(self) -> str:
        """The id of the element an error summary links to: the first field,
        or the item itself."""
        if self.vraag.type in (TEKST, GETAL, REGIO):
            return self.id
        if self.opties:
            return self.opties[0].id
        if self.rijen:
            first = self.rijen[0]
            return first.punten[0].id if first.punten else first.id
        if self.locaties:
            return self.locaties[0].bevestigd.id
        return f"{self.id}-vraag"

    @property
    def kop(self) -> str:
        """The question proper: the last paragraph of its text (the legend or
        label)."""
        if not self.vraag.heeft_antwoord:
            return self.vraag.tekst
        return self.vraag.tekst.split("\n\n")[-1]

    @property
    def inleiding(self) -> str:
        """Paragraphs before the question proper (shown above it, not in the
        legend, so a screen reader does not repeat them with every option)."""
        if not self.vraag.heeft_antwoord:
            return ""
        return "\n\n".join(self.vraag.tekst.split("\n\n")[:-1])

    @property
    def inleiding_id(self) -> str:
        return f"{self.id}-inleiding" if self.inleiding else ""

    @property
    def toelichting_id(self) -> str:
        return f"{self.id}-toelichting" if self.vraag.toelichting else ""

    @property
    def fout_id(self) -> str:
        return f"{self.id}-fout" if self.fout else ""

    @property
    def beschreven_door(self) -> str:
        """The ids for `aria-describedby`: preceding text, help and error."""
        ids = (self.inleiding_id, self.toelichting_id, self.fout_id)
        return " ".join(i for i in ids if i)


def _values(data: Mapping[str, Any], name: str) -> list[str]:
    getlist = getattr(data, "getlist", None)
    raw = getlist(name) if callable(getlist) else data.get(name, [])
    if isinstance(raw, str):
        return [raw]
    return [str(v) for v in raw] if isinstance(raw, list | tuple) else []


def _first(data: Mapping[str, Any], name: str) -> str:
    values = _values(data, name)
    return values[-1] if values else ""


def _opties(vraag: Vraag, data: Mapping[str, Any]) -> tuple[OptieWeergave, ...]:
    gekozen = set(_values(data, vraag.veldnaam))
    return tuple(
        OptieWeergave(
            code=o.code,
            label=o.label,
            naam=vraag.veldnaam,
            id=f"{vraag.html_id}-{o.code}",
            gekozen=o.code in gekozen,
            anders=o.anders,
        )
        for o in vraag.opties
    )


def _steunpunt_rijen(vraag: Vraag, data: Mapping[str, Any]) -> tuple[SteunpuntRij, ...]:
    labels = {
        "naam": _("Naam van het steunpunt"),
        "gemeente": _("Gemeente"),
        "organisatie": _("Organisatie"),
        "toelichting": _("Toelichting"),
    }
    gevuld = [
        nr
        for nr in steunpunt_rijnummers(vraag, data)
        if any(_first(data, f"{vraag.veldnaam}_{nr}_{v}") for v in STEUNPUNT_VELDEN)
    ]
    laatste = max(gevuld, default=0)
    nummers = [*gevuld, *range(laatste + 1, laatste + 1 + LEGE_STEUNPUNT_RIJEN)]
    rijen = []
    for rij_nr, nr in enumerate(nummers, start=1):
        rijen.append(
            SteunpuntRij(
                nr=rij_nr,
                velden=tuple(
                    TekstVeld(
                        naam=f"{vraag.veldnaam}_{nr}_{v}",
                        id=f"{vraag.html_id}-{nr}-{v}",
                        label=labels[v],
                        waarde=_first(data, f"{vraag.veldnaam}_{nr}_{v}"),
                    )
                    for v in STEUNPUNT_VELDEN
                ),
            )
        )
    return tuple(rijen)


def _locatie_weergaven(
    vraag: Vraag,
    data: Mapping[str, Any],
    locaties: Mapping[str, Mapping[str, Any]],
) -> tuple[LocatieWeergave, ...]:
    result = []
    veld_labels = _locatie_veld_labels()
    weekdagen = _weekdag_labels()
    dagdelen = _dagdeel_labels()
    for index, (uuid, huidig) in enumerate(locaties.items(), start=1):
        base = f"{vraag.veldnaam}_{uuid}"
        id_ = f"{vraag.html_id}-l{index}"
        gekozen_dagdelen = set(_values(data, f"{base}_dagdelen"))
        gekozen_elementen = set(_values(data, f"{base}_elementen"))
        result.append(
            LocatieWeergave(
                uuid=uuid,
                naam=str(huidig.get("naam", "")),
                gemeente=str(huidig.get("gemeente", "")),
                id=id_,
                getoond_naam=f"{base}_getoond",
                bevestigd=OptieWeergave(
                    code="1",
                    label=_("Deze gegevens kloppen"),
                    naam=f"{base}_bevestigd",
                    id=f"{id_}-bevestigd",
                    gekozen=bool(_first(data, f"{base}_bevestigd")),
                ),
                velden=tuple(
                    TekstVeld(
                        naam=f"{base}_{v}",
                        id=f"{id_}-{v}",
                        label=veld_labels[v],
                        waarde=_first(data, f"{base}_{v}"),
                        type=_INPUT_TYPES.get(v, "text"),
                        huidig=str(huidig.get(v, "") or ""),
                    )
                    for v in LOCATIE_TEKSTVELDEN
                ),
                dagen=tuple(
                    DagRij(
                        weekdag=weekdagen[w],
                        dagdelen=tuple(
                            OptieWeergave(
                                code=f"{w}:{d}",
                                label=f"{weekdagen[w]} {dagdelen[d]}",
                                naam=f"{base}_dagdelen",
                                id=f"{id_}-d{w}-{d}",
                                gekozen=f"{w}:{d}" in gekozen_dagdelen,
                            )
                            for d in DAGDELEN
                        ),
                    )
                    for w in WEEKDAGEN
                ),
                dagdeel_koppen=tuple(dagdelen[d] for d in DAGDELEN),
                elementen=tuple(
                    OptieWeergave(
                        code=e,
                        label=label,
                        naam=f"{base}_elementen",
                        id=f"{id_}-e-{e}",
                        gekozen=e in gekozen_elementen,
                    )
                    for e, label in _element_labels().items()
                    if e in ELEMENTEN
                ),
            )
        )
    return tuple(result)


def vraag_weergave(
    vraag: Vraag,
    *,
    antwoord: Any = None,
    fout: str = "",
    ingevuld: Mapping[str, Any] | None = None,
    regio_opties: Sequence[tuple[str, str]] = (),
    steunpunten: Sequence[Any] = (),
    locaties: Mapping[str, Mapping[str, Any]] | None = None,
) -> VraagWeergave:
    """The display of one item. Values come from `ingevuld` (posted data)
    when given, else from the saved `antwoord`.

    `regio_opties`: (code, name) of the regions for the region question;
    `steunpunten`: the region's current list for a `regio_lijst` item (objects
    or dicts with naam, gemeente, type); `locaties`: uuid → current register
    values for `locaties_bevestigen` (see `formulier.antwoorden_uit_formulier`).
    """
    data: Mapping[str, Any] = (
        ingevuld
        if ingevuld is not None
        else formulier_data(vraag, antwoord, locaties=locaties)
    )
    veld = vraag.veldnaam
    kwargs: dict[str, Any] = {}
    if vraag.type in (ENKELE_KEUZE, MEERDERE_KEUZE, STEUNPUNTEN_LIJST):
        kwargs["opties"] = _opties(vraag, data)
        anders = next((o for o in vraag.opties if o.anders), None)
        if anders is not None and vraag.type != STEUNPUNTEN_LIJST:
            kwargs["anders"] = TekstVeld(
                naam=f"{veld}_anders",
                id=f"{vraag.html_id}-{anders.code}-tekst",
                label=anders.label,
                waarde=_first(data, f"{veld}_anders"),
            )
        if vraag.opmerking:
            kwargs["opmerking"] = TekstVeld(
                naam=f"{veld}_toelichting",
                id=f"{vraag.html_id}-opmerking",
                label=vraag.opmerking,
                waarde=_first(data, f"{veld}_toelichting"),
            )
    if vraag.type == STEUNPUNTEN_LIJST:
        kwargs["steunpunten"] = _steunpunt_rijen(vraag, data)
    elif vraag.type == REGIO:
        gekozen = _first(data, veld)
        kwargs["opties"] = tuple(
            OptieWeergave(
                code=code,
                label=naam,
                naam=veld,
                id=f"{vraag.html_id}-{i}",
                gekozen=code == gekozen,
            )
            for i, (code, naam) in enumerate(regio_opties, start=1)
        )
        kwargs["waarde"] = gekozen
    elif vraag.type == MATRIX:
        kwargs["schaal"] = tuple(s.label for s in vraag.schaal)
        kwargs["rijen"] = tuple(
            RijWeergave(
                code=r.code,
                label=r.label,
                naam=f"{veld}_{r.code}",
                id=f"{vraag.html_id}-{r.code}",
                waarde=_first(data, f"{veld}_{r.code}"),
                punten=tuple(
                    OptieWeergave(
                        code=s.code,
                        label=s.label,
                        naam=f"{veld}_{r.code}",
                        id=f"{vraag.html_id}-{r.code}-{s.code}",
                        gekozen=_first(data, f"{veld}_{r.code}") == s.code,
                    )
                    for s in vraag.schaal
                ),
            )
            for r in vraag.rijen
        )
    elif vraag.type == GETALLEN_PER_CATEGORIE:
        kwargs["rijen"] = tuple(
            RijWeergave(
                code=r.code,
                label=r.label,
                naam=f"{veld}_{r.code}",
                id=f"{vraag.html_id}-{r.code}",
                waarde=_first(data, f"{veld}_{r.code}"),
            )
            for r in vraag.rijen
        )
    elif vraag.type == LOCATIES_BEVESTIGEN:
        kwargs["locaties"] = _locatie_weergaven(vraag, data, locaties or {})
    elif vraag.type not in (ENKELE_KEUZE, MEERDERE_KEUZE):
        kwargs["waarde"] = _first(data, veld)
    if vraag.type == REGIO_LIJST:
        kwargs["regio_steunpunten"] = tuple(steunpunten)
    return VraagWeergave(vraag=vraag, antwoord=antwoord, fout=fout, **kwargs)


def formulier(
    vl: Vragenlijst,
    *,
    vragen: Sequence[Vraag] | None = None,
    antwoorden: Mapping[str, Any] | None = None,
    fouten: Mapping[str, str] | None = None,
    ingevuld: Mapping[str, Any] | None = None,
    regio_opties: Sequence[tuple[str, str]] = (),
    steunpunten: Sequence[Any] = (),
    locaties: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[VraagWeergave]:
    """The display of `vragen` (default: every item of `vl`) with the saved
    `antwoorden`, the `fouten` per key, and after a POST the posted data
    `ingevuld` (so what was typed stays). Other arguments as in
    `vraag_weergave`."""
    antwoorden = antwoorden or {}
    fouten = fouten or {}
    return [
        vraag_weergave(
            v,
            antwoord=antwoorden.get(v.sleutel),
            fout=fouten.get(v.sleutel, ""),
            ingevuld=ingevuld,
            regio_opties=regio_opties,
            steunpunten=steunpunten,
            locaties=locaties,
        )
        for v in (vl.vragen if vragen is None else vragen)
    ]
