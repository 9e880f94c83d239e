# SPDX-License-Identifier: EUPL-1.2
"""A questionnaire version as frozen dataclasses, loaded from JSON.

Each yearly version lives in `lspmonitor/data/vragenlijst-<versie>.json`, so a
new year's questionnaire is a new file, not new code. Loading validates the
file and names the question at fault: keys are unique, option codes are unique
within a question, every type is known and carries what it needs (options,
rows, a scale), and a skip rule refers to an earlier question and to codes that
question offers.

Routing, validation of answers and parsing of form data live in `engine`;
nothing here reads answers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_FILE_PATTERN = re.compile(r"^vragenlijst-(?P<versie>[0-9A-Za-z_-]+)\.json$")

# Parts of a questionnaire. "algemeen" is seen by everyone; the role question
# routes to one of the other two.
ALGEMEEN = "algemeen"
LSP = "lsp"
COORDINATOR = "coordinator"
DELEN = (ALGEMEEN, LSP, COORDINATOR)

# Question types. Answer shapes are documented in README.md.
ENKELE_KEUZE = "enkele_keuze"
MEERDERE_KEUZE = "meerdere_keuze"
GETAL = "getal"
GETALLEN_PER_CATEGORIE = "getallen_per_categorie"
MATRIX = "matrix"
TEKST = "tekst"
REGIO = "regio"
STEUNPUNTEN_LIJST = "steunpunten_lijst"
LOCATIES_BEVESTIGEN = "locaties_bevestigen"
# Display-only items: no answer.
INFORMATIE = "informatie"
REGIO_LIJST = "regio_lijst"

TYPES_MET_OPTIES = frozenset({ENKELE_KEUZE, MEERDERE_KEUZE, STEUNPUNTEN_LIJST})
TYPES_MET_RIJEN = frozenset({GETALLEN_PER_CATEGORIE, MATRIX})
TYPES_ZONDER_ANTWOORD = frozenset({INFORMATIE, REGIO_LIJST})
TYPES = frozenset(
    {
        ENKELE_KEUZE,
        MEERDERE_KEUZE,
        GETAL,
        GETALLEN_PER_CATEGORIE,
        MATRIX,
        TEKST,
        REGIO,
        STEUNPUNTEN_LIJST,
        LOCATIES_BEVESTIGEN,
        INFORMATIE,
        REGIO_LIJST,
    }
)

# What a question is used for elsewhere (`Vraag.doel`): candidates and removals
# for the base list, the LSP's own size class, the self-assessment.
DOEL_BIJGEKOMEN = "bijgekomen"
DOEL_GESTOPT = "gestopt"
DOEL_GROOTTE_ZELF = "grootte_zelf"
DOEL_KENMERKEN = "kenmerken"
DOELEN = frozenset(
    {"", DOEL_BIJGEKOMEN, DOEL_GESTOPT, DOEL_GROOTTE_ZELF, DOEL_KENMERKEN}
)

# The fields a respondent may confirm or complete per location
# (type `locaties_bevestigen`); element codes follow register.constants.Element.
LOCATIE_TEKSTVELDEN = (
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
    "telefoon",
    "email",
    "website",
)
LOCATIE_VELDEN = (*LOCATIE_TEKSTVELDEN, "dagdelen", "elementen")
ELEMENTEN = ("inloop", "door_en_voor", "herstelaanbod", "groeivijver")
WEEKDAGEN = (1, 2, 3, 4, 5, 6, 7)
DAGDELEN = ("ochtend", "middag", "avond")

_CODE = re.compile(r"^[A-Za-z0-9_]{1,40}$")
_SLEUTEL = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)?$")


class VragenlijstFout(ValueError):
    """A questionnaire file is missing or invalid; the message names the
    question (developer-facing, English)."""


@dataclass(frozen=True)
class Optie:
    """An answer option, matrix row, category or scale point.

    `anders` marks an option that asks for a text ("Anders, namelijk");
    `deel` is set on the role question's options only: the part it routes to.
    """

    code: str
    label: str
    anders: bool = False
    deel: str = ""


@dataclass(frozen=True)
class Conditie:
    """Skip rule: the question is skipped (hidden) when the answer to the
    earlier question `vraag` chose one of `waarden`."""

    vraag: str
    waarden: tuple[str, ...]


@dataclass(frozen=True)
class Vraag:
    """One item of a questionnaire.

    `sleutel` is the key in the stored answers ("lsp.5", "coord.6", "rol",
    "regio"); `nummer` the number printed in the questionnaire ("" for
    display-only items). `toelichting` is help text; `opmerking` is the label of
    an optional free-text comment stored in the answer as "toelichting"
    ("Eventuele toelichting"). `grafiek` names the report graph it feeds,
    `kort` a short label for tables and graphs, `doel` what the answer is used
    for (see DOELEN).
    """

    sleutel: str
    nummer: str
    deel: str
    tekst: str
    type: str
    verplicht: bool = False
    opties: tuple[Optie, ...] = ()
    rijen: tuple[Optie, ...] = ()
    schaal: tuple[Optie, ...] = ()
    overslaan: Conditie | None = None
    toelichting: str = ""
    opmerking: str = ""
    grafiek: str = ""
    kort: str = ""
    doel: str = ""

    @property
    def heeft_antwoord(self) -> bool:
        return self.type not in TYPES_ZONDER_ANTWOORD

    @property
    def veldnaam(self) -> str:
        """Base name of this question's form fields: `v_<sleutel>`."""
        return f"v_{self.sleutel}"

    @property
    def html_id(self) -> str:
        """Base id for this question's elements (no dots, so CSS-safe)."""
        return "v-" + self.sleutel.replace(".", "-").replace("_", "-")

    @property
    def label(self) -> str:
        """The number and text, as shown to the respondent."""
        return f"{self.nummer}. {self.tekst}" if self.nummer else self.tekst

    def optie(self, code: str) -> Optie | None:
        return next((o for o in self.opties if o.code == code), None)

    def rij(self, code: str) -> Optie | None:
        return next((r for r in self.rijen if r.code == code), None)

    def schaalpunt(self, code: str) -> Optie | None:
        return next((s for s in self.schaal if s.code == code), None)


@dataclass(frozen=True)
class Vragenlijst:
    """A versioned questionnaire: its items in the order shown."""

    versie: str
    titel: str
    inleiding: str
    vragen: tuple[Vraag, ...]

    def vraag(self, sleutel: str) -> Vraag:
        """The question with this key; KeyError if there is none."""
        for v in self.vragen:
            if v.sleutel == sleutel:
                return v
        raise KeyError(sleutel)

    def heeft(self, sleutel: str) -> bool:
        return any(v.sleutel == sleutel for v in self.vragen)

    def vragen_met_doel(self, doel: str) -> list[Vraag]:
        return [v for v in self.vragen if v.doel == doel]

    def vragen_voor_grafiek(self, grafiek: str) -> list[Vraag]:
        return [v for v in self.vragen if v.grafiek == grafiek]

    @property
    def rolvraag(self) -> Vraag | None:
        """The question whose options route to a part, if any."""
        for v in self.vragen:
            if any(o.deel for o in v.opties):
                return v
        return None


# --- loading ---------------------------------------------------------------


def _str(raw: Mapping[str, Any], name: str, where: str, *, required: bool) -> str:
    value = raw.get(name, "")
    if not isinstance(value, str):
        raise VragenlijstFout(f"{where}: '{name}' must be a string")
    if required and not value.strip():
        raise VragenlijstFout(f"{where}: '{name}' is missing")
    return value


def _opties(raw: Any, where: str, what: str) -> tuple[Optie, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise VragenlijstFout(f"{where}: '{what}' must be a list")
    result: list[Optie] = []
    seen: set[str] = set()
    for i, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise VragenlijstFout(f"{where}: {what} #{i} must be an object")
        code = item.get("code")
        if not isinstance(code, str) or not _CODE.match(code):
            raise VragenlijstFout(
                f"{where}: {what} #{i} has an invalid code {code!r} "
                "(letters, digits and _ only)"
            )
        if code in seen:
            raise VragenlijstFout(f"{where}: {what} code '{code}' occurs twice")
        seen.add(code)
        label = _str(item, "label", f"{where}, {what} '{code}'", required=True)
        anders = item.get("anders", False)
        if not isinstance(anders, bool):
            raise VragenlijstFout(
                f"{where}: {what} '{code}': 'anders' must be true/false"
            )
        deel = _str(item, "deel", f"{where}, {what} '{code}'", required=False)
        if deel and deel not in (LSP, COORDINATOR):
            raise VragenlijstFout(
                f"{where}: {what} '{code}' routes to unknown part {deel!r}"
            )
        unknown = set(item) - {"code", "label", "anders", "deel"}
        if unknown:
            raise VragenlijstFout(
                f"{where}: {what} '{code}' has unknown fields {sorted(unknown)}"
            )
        result.append(Optie(code=code, label=label, anders=anders, deel=deel))
    return tuple(result)


_VRAAG_VELDEN = frozenset(
    {
        "sleutel",
        "nummer",
        "deel",
        "tekst",
        "type",
        "verplicht",
        "opties",
        "rijen",
        "schaal",
        "overslaan",
        "toelichting",
        "opmerking",
        "grafiek",
        "kort",
        "doel",
    }
)


def _vraag(raw: Any, index: int, eerder: Mapping[str, Vraag]) -> Vraag:
    if not isinstance(raw, dict):
        raise VragenlijstFout(f"item #{index} must be an object")
    sleutel = raw.get("sleutel")
    if not isinstance(sleutel, str) or not _SLEUTEL.match(sleutel):
        raise VragenlijstFout(f"item #{index}: invalid key {sleutel!r}")
    where = f"question '{sleutel}'"
    if sleutel in eerder:
        raise VragenlijstFout(f"{where}: key occurs twice")
    unknown = set(raw) - _VRAAG_VELDEN
    if unknown:
        raise VragenlijstFout(f"{where}: unknown fields {sorted(unknown)}")
    type_ = _str(raw, "type", where, required=True)
    if type_ not in TYPES:
        raise VragenlijstFout(f"{where}: unknown type {type_!r}")
    deel = _str(raw, "deel", where, required=True)
    if deel not in DELEN:
        raise VragenlijstFout(f"{where}: unknown part {deel!r}")
    verplicht = raw.get("verplicht", False)
    if not isinstance(verplicht, bool):
        raise VragenlijstFout(f"{where}: 'verplicht' must be true/false")
    doel = _str(raw, "doel", where, required=False)
    if doel not in DOELEN:
        raise VragenlijstFout(f"{where}: unknown doel {doel!r}")
    opties = _opties(raw.get("opties"), where, "option")
    rijen = _opties(raw.get("rijen"), where, "row")
    schaal = _opties(raw.get("schaal"), where, "scale point")
    nummer = _str(raw, "nummer", where, required=False)

    if type_ in TYPES_ZONDER_ANTWOORD:
        if verplicht:
            raise VragenlijstFout(f"{where}: a {type_} item has no answer to require")
        if nummer:
            raise VragenlijstFout(f"{where}: a {type_} item carries no number")
    elif not nummer:
        raise VragenlijstFout(f"{where}: 'nummer' is missing")
    if type_ in TYPES_MET_OPTIES and len(opties) < 2:
        raise VragenlijstFout(f"{where}: a {type_} question needs at least 2 options")
    if type_ not in TYPES_MET_OPTIES and opties:
        raise VragenlijstFout(f"{where}: a {type_} question has no options")
    if type_ in TYPES_MET_RIJEN and not rijen:
        raise VragenlijstFout(f"{where}: a {type_} question needs rows")
    if type_ not in TYPES_MET_RIJEN and rijen:
        raise VragenlijstFout(f"{where}: a {type_} question has no rows")
    if type_ == MATRIX and len(schaal) < 2:
        raise VragenlijstFout(f"{where}: a matrix needs a scale of at least 2 points")
    if type_ != MATRIX and schaal:
        raise VragenlijstFout(f"{where}: only a matrix has a scale")
    if type_ == STEUNPUNTEN_LIJST:
        codes = [o.code for o in opties]
        if codes != ["nee", "ja"]:
            raise VragenlijstFout(
                f"{where}: options must be 'nee' and 'ja', in that order"
            )
    if type_ == MEERDERE_KEUZE and sum(o.anders for o in opties) > 1:
        raise VragenlijstFout(f"{where}: at most one 'anders' option")
    if type_ == ENKELE_KEUZE and sum(o.anders for o in opties) > 1:
        raise VragenlijstFout(f"{where}: at most one 'anders' option")
    if any(o.deel for o in opties) and type_ != ENKELE_KEUZE:
        raise VragenlijstFout(
            f"{where}: only a single-choice question routes to a part"
        )
    if any(o.deel for o in opties) and deel != ALGEMEEN:
        raise VragenlijstFout(f"{where}: the routing question belongs to 'algemeen'")

    overslaan: Conditie | None = None
    raw_overslaan = raw.get("overslaan")
    if raw_overslaan is not None:
        if not isinstance(raw_overslaan, dict) or set(raw_overslaan) != {
            "vraag",
            "waarden",
        }:
            raise VragenlijstFout(
                f"{where}: skip rule needs exactly 'vraag' and 'waarden'"
            )
        doelvraag = raw_overslaan["vraag"]
        waarden = raw_overslaan["waarden"]
        if not isinstance(doelvraag, str) or doelvraag not in eerder:
            raise VragenlijstFout(
                f"{where}: skip rule refers to {doelvraag!r}, which is not an "
                "earlier question"
            )
        bron = eerder[doelvraag]
        if bron.type not in TYPES_MET_OPTIES:
            raise VragenlijstFout(
                f"{where}: skip rule refers to '{doelvraag}', which has no options"
            )
        if (
            not isinstance(waarden, list)
            or not waarden
            or not all(isinstance(w, str) for w in waarden)
        ):
            raise VragenlijstFout(
                f"{where}: skip rule 'waarden' must be a list of codes"
            )
        for w in waarden:
            if bron.optie(w) is None:
                raise VragenlijstFout(
                    f"{where}: skip rule value '{w}' is not an option of '{doelvraag}'"
                )
        if bron.deel not in (ALGEMEEN, deel):
            raise VragenlijstFout(
                f"{where}: skip rule refers to '{doelvraag}' of another part"
            )
        overslaan = Conditie(vraag=doelvraag, waarden=tuple(waarden))

    return Vraag(
        sleutel=sleutel,
        nummer=nummer,
        deel=deel,
        tekst=_str(raw, "tekst", where, required=True),
        type=type_,
        verplicht=verplicht,
        opties=opties,
        rijen=rijen,
        schaal=schaal,
        overslaan=overslaan,
        toelichting=_str(raw, "toelichting", where, required=False),
        opmerking=_str(raw, "opmerking", where, required=False),
        grafiek=_str(raw, "grafiek", where, required=False),
        kort=_str(raw, "kort", where, required=False),
        doel=doel,
    )


def vragenlijst_from_dict(raw: Mapping[str, Any]) -> Vragenlijst:
    """Build and validate a questionnaire from its JSON object.

    Raises VragenlijstFout naming the question at fault.
    """
    if not isinstance(raw, Mapping):
        raise VragenlijstFout("the questionnaire must be a JSON object")
    unknown = set(raw) - {"versie", "titel", "inleiding", "vragen"}
    if unknown:
        raise VragenlijstFout(f"unknown top-level fields {sorted(unknown)}")
    versie = _str(raw, "versie", "questionnaire", required=True)
    items = raw.get("vragen")
    if not isinstance(items, list) or not items:
        raise VragenlijstFout("questionnaire: 'vragen' must be a non-empty list")
    eerder: dict[str, Vraag] = {}
    nummers: dict[tuple[str, str], str] = {}
    for index, item in enumerate(items, start=1):
        vraag = _vraag(item, index, eerder)
        if vraag.nummer:
            seen = nummers.get((vraag.deel, vraag.nummer))
            if seen is not None:
                raise VragenlijstFout(
                    f"question '{vraag.sleutel}': number {vraag.nummer} of part "
                    f"'{vraag.deel}' is already used by '{seen}'"
                )
            nummers[(vraag.deel, vraag.nummer)] = vraag.sleutel
        eerder[vraag.sleutel] = vraag
    vragen = tuple(eerder.values())
    routers = [v for v in vragen if any(o.deel for o in v.opties)]
    if len(routers) > 1:
        raise VragenlijstFout(
            "questionnaire: more than one routing question: "
            + ", ".join(v.sleutel for v in routers)
        )
    if routers:
        router = routers[0]
        missing = [o.code for o in router.opties if not o.deel]
        if missing:
            raise VragenlijstFout(
                f"question '{router.sleutel}': options {missing} route to no part"
            )
    elif any(v.deel != ALGEMEEN for v in vragen):
        raise VragenlijstFout("questionnaire: parts without a routing question")
    return Vragenlijst(
        versie=versie,
        titel=_str(raw, "titel", "questionnaire", required=True),
        inleiding=_str(raw, "inleiding", "questionnaire", required=False),
        vragen=vragen,
    )


def vragenlijst_load(path: Path) -> Vragenlijst:
    """Load and validate one questionnaire file; the version in the file must
    match the file name."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise VragenlijstFout(f"{path.name}: cannot be read: {exc}") from exc
    try:
        vl = vragenlijst_from_dict(raw)
    except VragenlijstFout as exc:
        raise VragenlijstFout(f"{path.name}: {exc}") from exc
    match = _FILE_PATTERN.match(path.name)
    if match and match["versie"] != vl.versie:
        raise VragenlijstFout(
            f"{path.name}: the file says version {vl.versie!r}, its name {match['versie']!r}"
        )
    return vl


def _versie_sort_key(versie: str) -> tuple[int, str]:
    digits = re.match(r"^\d+", versie)
    return (int(digits.group()) if digits else -1, versie)


def vragenlijst_versies(data_dir: Path = DATA_DIR) -> list[str]:
    """The versions present, oldest first."""
    versies = [
        m["versie"]
        for p in data_dir.glob("vragenlijst-*.json")
        if (m := _FILE_PATTERN.match(p.name))
    ]
    return sorted(versies, key=_versie_sort_key)


@lru_cache(maxsize=16)
def _cached(versie: str, data_dir: Path) -> Vragenlijst:
    return vragenlijst_load(data_dir / f"vragenlijst-{versie}.json")


def vragenlijst_get(versie: str, *, data_dir: Path = DATA_DIR) -> Vragenlijst:
    """The questionnaire of this version (e.g. "2025").

    Raises VragenlijstFout for an unknown version or an invalid file.
    """
    if not isinstance(versie, str) or not re.match(r"^[0-9A-Za-z_-]+$", versie):
        raise VragenlijstFout(f"invalid questionnaire version {versie!r}")
    if versie not in vragenlijst_versies(data_dir):
        raise VragenlijstFout(f"no questionnaire of version {versie!r}")
    return _cached(versie, data_dir)


def vragenlijst_latest(*, data_dir: Path = DATA_DIR) -> Vragenlijst:
    """The newest questionnaire version present."""
    versies = vragenlijst_versies(data_dir)
    if not versies:
        raise VragenlijstFout(f"no questionnaire files in {data_dir}")
    return vragenlijst_get(versies[-1], data_dir=data_dir)


def nummers_per_deel(vl: Vragenlijst) -> dict[str, list[str]]:
    """The printed question numbers per part, in order."""
    result: dict[str, list[str]] = {d: [] for d in DELEN}
    for v in vl.vragen:
        if v.nummer:
            result[v.deel].append(v.nummer)
    return result


def vragen_van_deel(vl: Vragenlijst, deel: str) -> Sequence[Vraag]:
    return [v for v in vl.vragen if v.deel == deel]
