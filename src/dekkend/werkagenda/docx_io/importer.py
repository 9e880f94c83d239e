# SPDX-License-Identifier: EUPL-1.2
"""A DOCX in the national werkagenda format read back into content.

Reads our own export (whose tables carry keys) and a document a region wrote
itself in Word: sections are recognised by their heading text ("2a.
Laagdrempelige steunpunten", tolerant of case, numbering and the "(optioneel
…)" suffix), tables by their header row and the labels of the *Onderdelen*
column, leefgebied paragraphs by their lead ("Gezondheidsdoelen", ...).
Whatever cannot be placed is reported with its section heading and paragraph
number. Pure: it writes nothing.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from dekkend.documents.model import (
    Block,
    BulletList,
    Cell,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from dekkend.werkagenda.constants import PERIODE_TOT, PERIODE_VAN, MijlpaalStatus
from dekkend.werkagenda.content import (
    Mijlpaal,
    OnderdeelInhoud,
    Projectdoelstelling,
    WerkagendaInhoud,
)
from dekkend.werkagenda.docx_io import common
from dekkend.werkagenda.format.definition import (
    FormatDefinitie,
    OnbekendFormat,
    OnderdeelDefinitie,
    VeldDefinitie,
    format_get,
    format_latest,
)

# Documents and messages are in the language of the national format.
TAAL = "nl"


class WerkagendaImportFout(Exception):
    """The file is not a DOCX or not a werkagenda in the format; `melding`
    is the Dutch message for the user."""

    def __init__(self, melding: str, sectie: str = "", veld: str = ""):
        super().__init__(melding)
        self.melding = melding
        self.sectie = sectie
        self.veld = veld


@dataclass(frozen=True)
class NietGeplaatst:
    """Text that has no place in the format: under which heading (`sectie`)
    and as which block of that section (`alinea`, counted from 1)."""

    sectie: str
    alinea: int
    tekst: str


@dataclass(frozen=True)
class ImportResultaat:
    inhoud: WerkagendaInhoud
    niet_geplaatst: tuple[NietGeplaatst, ...] = ()


def werkagenda_import(
    data: bytes,
    *,
    definitie: FormatDefinitie | None = None,
    maatstaven: Mapping[str, str] | None = None,
) -> ImportResultaat:
    """Read `data` (DOCX bytes). `maatstaven` maps measure keys to their
    labels, so that a goal's printed measure is found back as its key."""
    from dekkend.documents.docx_read import DocumentLeesfout, read_docx

    try:
        blokken = read_docx(data)
    except DocumentLeesfout as exc:
        with translation.override(TAAL):
            melding = _(
                "Het bestand is geen leesbaar Word-document (DOCX): %(reden)s"
            ) % {"reden": exc}
        raise WerkagendaImportFout(melding) from exc
    return werkagenda_import_blokken(
        blokken, definitie=definitie, maatstaven=maatstaven
    )


def werkagenda_import_blokken(
    blokken: Iterable[Block],
    *,
    definitie: FormatDefinitie | None = None,
    maatstaven: Mapping[str, str] | None = None,
) -> ImportResultaat:
    """The same as `werkagenda_import`, on blocks already read."""
    with translation.override(TAAL):
        return _Lezer(tuple(blokken), definitie, maatstaven or {}).lees()


# -- text normalisation ------------------------------------------------------

_OPTIONEEL = re.compile(r"\(\s*optioneel[^)]*\)", re.IGNORECASE)
_HAAKJES = re.compile(r"\([^)]*\)")
_NUMMERING = re.compile(
    r"^(?P<n>\d+)?\s*(?P<l>[a-z])?\s*\.?\s*(?P<s>\d+)?\s*[.:)]?\s+(?=\S)",
    re.IGNORECASE,
)


def normaliseer(tekst: str) -> str:
    tekst = tekst.lower().replace("\u00a0", " ")
    tekst = re.sub(r"[-–—/]", " ", tekst)
    tekst = " ".join(tekst.split())
    return tekst.strip(" :.")


def _zonder_nummering(tekst: str) -> tuple[str, str]:
    """ "2a. Laagdrempelige steunpunten" → ("2a", "Laagdrempelige steunpunten")."""
    tekst = " ".join(tekst.split())
    match = _NUMMERING.match(tekst)
    if match and (match.group("n") or match.group("l")):
        nummer = "".join(part for part in (match.group("n"), match.group("l")) if part)
        if match.group("s"):
            nummer += "." + match.group("s")
        return nummer.lower(), tekst[match.end() :]
    return "", tekst


def _leeg(tekst: str) -> bool:
    return not tekst.strip() or normaliseer(tekst) == normaliseer(common.leeg_tekst())


_OPSOMMING = re.compile(r"^\s*[-•*–]\s+")


def _regels(tekst: str, *, opsomming: bool = True) -> list[str]:
    """The non-empty lines of `tekst`; with `opsomming`, without a leading
    bullet ("- ", "• ") as people type them."""
    uit = []
    for regel in tekst.split("\n"):
        if opsomming:
            regel = _OPSOMMING.sub("", regel)
        if regel.strip():
            uit.append(regel.strip())
    return uit


@dataclass
class _Staat:
    velden: dict[str, str] = field(default_factory=dict)
    doelen: list[Projectdoelstelling] = field(default_factory=list)
    mijlpalen: list[Mijlpaal] = field(default_factory=list)
    financiers: list[str] = field(default_factory=list)
    partijen: list[str] = field(default_factory=list)


class _Lezer:
    def __init__(
        self,
        blokken: tuple[Block, ...],
        definitie: FormatDefinitie | None,
        maatstaven: Mapping[str, str],
    ):
        self.blokken = blokken
        self.definitie_gegeven = definitie
        self.definitie = definitie or format_latest()
        self.maatstaf_sleutels = {
            normaliseer(label): sleutel for sleutel, label in maatstaven.items()
        }
        self.niet_geplaatst: list[NietGeplaatst] = []
        self.periode = (PERIODE_VAN, PERIODE_TOT)
        # Where we are.
        self.sectie: OnderdeelDefinitie | None = None
        self.sectie_naam = _("Titelpagina")
        self.modus = "titel"  # titel, inhoudsopgave, onbekend, sectie
        self.alinea = 0
        self.veld: str | None = None  # field being filled by paragraphs
        self.lijst: str | None = None  # "financiers" / "partijen"
        self.staten: dict[str, _Staat] = {}
        self.gevonden = False
        self.status_labels = {
            normaliseer(str(s.label)): s.value for s in MijlpaalStatus
        }
        self.status_labels.update({s.value: s.value for s in MijlpaalStatus})
        self.h_leeg = normaliseer(common.leeg_tekst())

    # -- result -----------------------------------------------------------

    def lees(self) -> ImportResultaat:
        self.format_kiezen()
        for blok in self.blokken:
            self.blok(blok)
        if not self.gevonden:
            raise WerkagendaImportFout(
                _(
                    "Het document volgt het format van de werkagenda niet: er staat geen kop "
                    "van het format in (zoals “2a. Laagdrempelige steunpunten”)."
                )
            )
        onderdelen = []
        for onderdeel in self.definitie.onderdelen:
            staat = self.staten.get(onderdeel.sleutel, _Staat())
            onderdelen.append(
                OnderdeelInhoud(
                    sleutel=onderdeel.sleutel,
                    velden={
                        v.sleutel: staat.velden.get(v.sleutel, "").strip()
                        for v in onderdeel.velden
                    },
                    doelstellingen=tuple(staat.doelen),
                    mijlpalen=tuple(staat.mijlpalen),
                    financiers=tuple(staat.financiers),
                    uitvoeringspartijen=tuple(staat.partijen),
                )
            )
        inhoud = WerkagendaInhoud(
            format_versie=self.definitie.versie,
            regio="",
            periode_van=self.periode[0],
            periode_tot=self.periode[1],
            status="concept",
            versie=1,
            onderdelen=tuple(onderdelen),
        )
        return ImportResultaat(inhoud=inhoud, niet_geplaatst=tuple(self.niet_geplaatst))

    def format_kiezen(self) -> None:
        """Take the format version the title page names, unless one was given."""
        for blok in self.blokken:
            if isinstance(blok, Heading) and blok.level > 0:
                break
            if isinstance(blok, Paragraph):
                match = re.search(
                    r"periode\s*:?\s*(\d{4})\s*[-–—]\s*(\d{4})",
                    blok.text,
                    re.IGNORECASE,
                )
                if match:
                    self.periode = (int(match.group(1)), int(match.group(2)))
                match = re.search(
                    r"format\b.*\((\d{4}-\d{2}-\d{2})\)", blok.text, re.IGNORECASE
                )
                if match and self.definitie_gegeven is None:
                    with contextlib.suppress(OnbekendFormat):
                        self.definitie = format_get(match.group(1))

    def meld(self, tekst: str) -> None:
        if tekst.strip():
            self.niet_geplaatst.append(
                NietGeplaatst(
                    sectie=self.sectie_naam, alinea=self.alinea, tekst=tekst.strip()
                )
            )

    def staat(self, sleutel: str) -> _Staat:
        return self.staten.setdefault(sleutel, _Staat())

    # -- blocks -----------------------------------------------------------

    def blok(self, blok: Block) -> None:
        if isinstance(blok, PageBreak):
            return
        if isinstance(blok, Heading):
            self.kop(blok.text)
            return
        self.alinea += 1
        if self.modus in ("titel", "inhoudsopgave"):
            return
        if isinstance(blok, Table):
            self.tabel(blok)
        elif isinstance(blok, Paragraph):
            self.paragraaf(blok)
        elif isinstance(blok, BulletList):
            self.lijst_items(blok.items)
        elif isinstance(blok, Figure):
            self.meld(
                _("Afbeelding niet overgenomen: %(alt)s")
                % {"alt": blok.alt or blok.caption or "—"}
            )

    def kop(self, tekst: str) -> None:
        onderdeel = self.onderdeel_bij_kop(tekst)
        self.veld = None
        self.lijst = None
        if onderdeel is not None:
            self.sectie = onderdeel
            self.sectie_naam = tekst.strip()
            self.modus = "sectie"
            self.alinea = 0
            self.gevonden = True
            self.staat(onderdeel.sleutel)
            return
        norm = normaliseer(tekst)
        if (
            norm.startswith(normaliseer(self.definitie.tekst("inhoudsopgave")))
            or norm == "inhoudsopgave"
        ):
            self.modus = "inhoudsopgave"
            self.sectie = None
            return
        if self.sectie is not None and norm in (
            normaliseer(self.definitie.tekst("mijlpalen")),
            normaliseer(common.doelen_kop()),
        ):
            # Sub-headings of an aanpak that the format has.
            return
        if self.modus == "titel" and norm.startswith("werkagenda"):
            return
        # A heading the format does not have: report it and what follows.
        self.sectie = None
        self.modus = "onbekend"
        self.alinea = 0
        self.sectie_naam = tekst.strip()
        self.meld(tekst)

    def onderdeel_bij_kop(self, tekst: str) -> OnderdeelDefinitie | None:
        _nummer, titel = _zonder_nummering(_OPTIONEEL.sub(" ", tekst))
        kandidaat = normaliseer(titel)
        for status in (
            "basisfunctionaliteit",
            "ontwikkelagenda_lopend",
            "ontwikkelagenda_nieuw",
        ):
            label = normaliseer(self.definitie.status_label(status))
            if kandidaat.startswith(label + ":") or kandidaat.startswith(label + " "):
                kandidaat = kandidaat[len(label) :].strip(" :")
        for onderdeel in self.definitie.onderdelen:
            if kandidaat in _titel_varianten(onderdeel.titel):
                return onderdeel
        return None

    # -- paragraphs -------------------------------------------------------

    def paragraaf(self, blok: Paragraph) -> None:
        tekst = blok.text
        if blok.style == "bron" or re.match(
            r"^bron bij [^:]+:", tekst.strip(), re.IGNORECASE
        ):
            return
        if self.modus != "sectie" or self.sectie is None:
            self.meld(tekst)
            return
        if self.sectie.soort == "aanpak" and normaliseer(tekst).startswith(
            normaliseer(_("Status in het AZWA"))
        ):
            return
        lead = self.lead(tekst)
        if lead is not None:
            sleutel, rest = lead
            if sleutel in ("financiers", "partijen"):
                self.veld = None
                self.lijst = sleutel
                self.namen(rest)
            else:
                self.lijst = None
                self.veld = sleutel
                self.veld_toevoegen(sleutel, rest, nieuw=True)
            return
        if self.lijst is not None:
            self.namen(tekst)
            return
        if self.veld is not None:
            self.veld_toevoegen(self.veld, tekst, nieuw=False)
            return
        self.meld(tekst)

    def lead(self, tekst: str) -> tuple[str, str] | None:
        """ "Gezondheidsdoelen (vraag)" → ("gezondheidsdoelen", ""); "Urgentie:
        tekst" → ("urgentie", "tekst"); None if the paragraph has no lead."""
        assert self.sectie is not None
        kandidaten: list[tuple[str, str, str]] = [
            (v.sleutel, v.label, v.vraag) for v in self.sectie.velden
        ]
        if self.sectie.heeft_partijen:
            kandidaten += [
                ("financiers", self.definitie.tekst("financierders"), ""),
                ("partijen", self.definitie.tekst("uitvoeringspartijen"), ""),
            ]
        begin = tekst.lstrip()
        for sleutel, label, vraag in kandidaten:
            label = label.rstrip(": ")
            match = re.match(
                rf"^{re.escape(label)}\s*(?:\(\s*optioneel\s*\))?\s*(?P<sep>:|\(|$)",
                begin,
                re.IGNORECASE,
            )
            if not match:
                continue
            rest = (
                begin[match.start("sep") :]
                if match.group("sep") == "("
                else begin[match.end() :]
            )
            return sleutel, _zonder_vraag(rest, vraag)
        return None

    def veld_toevoegen(self, sleutel: str, tekst: str, *, nieuw: bool) -> None:
        assert self.sectie is not None
        staat = self.staat(self.sectie.sleutel)
        if nieuw:
            if staat.velden.get(sleutel):
                # The field has been filled before: do not merge silently.
                self.veld = None
                self.meld(tekst)
                return
            staat.velden[sleutel] = ""
        if normaliseer(tekst) == self.h_leeg:
            return
        bestaand = staat.velden.get(sleutel, "")
        if not bestaand:
            # Blank paragraphs before the first text are no part of it.
            staat.velden[sleutel] = tekst.strip()
        else:
            staat.velden[sleutel] = f"{bestaand}\n{tekst}"

    def namen(self, tekst: str) -> None:
        assert self.sectie is not None
        staat = self.staat(self.sectie.sleutel)
        doel = staat.financiers if self.lijst == "financiers" else staat.partijen
        for regel in _regels(tekst):
            if not _leeg(regel):
                doel.append(regel)

    def lijst_items(self, items: tuple[str, ...]) -> None:
        if self.modus == "sectie" and self.sectie is not None:
            if self.lijst is not None:
                for item in items:
                    self.namen(item)
                return
            if self.veld is not None:
                self.veld_toevoegen(
                    self.veld, "\n".join(f"- {item}" for item in items), nieuw=False
                )
                return
        self.meld("\n".join(items))

    # -- tables -----------------------------------------------------------

    def tabel(self, tabel: Table) -> None:
        soort, onderdeel = self.tabel_soort(tabel)
        if soort is None or onderdeel is None:
            self.meld(_tabel_tekst(tabel))
            return
        self.veld = None
        self.lijst = None
        if soort in ("istsollgap", "rpi"):
            self.velden_tabel(onderdeel, tabel)
        elif soort == "partijen":
            self.partijen_tabel(onderdeel, tabel)
        elif soort == "doelen":
            self.doelen_tabel(onderdeel, tabel)
        elif soort == "mijlpalen":
            self.mijlpalen_tabel(onderdeel, tabel)

    def tabel_soort(self, tabel: Table) -> tuple[str | None, OnderdeelDefinitie | None]:
        soort = _soort_uit_kop(tabel.columns, self.definitie)
        if soort is None:
            soort = self.soort_uit_rijen(tabel)
        onderdeel = self.sectie if self.modus == "sectie" else None
        sleutel = tabel.key
        if sleutel:
            prefix, _punt, suffix = sleutel.rpartition(".")
            if sleutel == common.SLEUTEL_RPI:
                prefix, suffix = common.SLEUTEL_RPI, "rpi"
            if prefix in self.definitie.sleutels and suffix in ("rpi", *_SUFFIXEN):
                onderdeel = self.definitie.onderdeel(prefix)
                soort = soort or suffix
        if soort is None or onderdeel is None:
            return None, None
        past = {
            "rpi": onderdeel.soort == "rpi",
            "istsollgap": onderdeel.soort == "aanpak",
            "doelen": onderdeel.soort == "aanpak",
            "mijlpalen": onderdeel.heeft_mijlpalen,
            "partijen": onderdeel.heeft_partijen,
        }[soort]
        return (soort, onderdeel) if past else (None, None)

    def soort_uit_rijen(self, tabel: Table) -> str | None:
        """A table without the format's header: known labels in its rows."""
        if self.sectie is None or self.sectie.soort not in ("rpi", "aanpak"):
            return None
        treffers = 0
        for rij in (tuple(Cell(c) for c in tabel.columns), *tabel.rows):
            for cel in rij:
                if self.veld_bij_label(self.sectie, cel.text) is not None:
                    treffers += 1
        if treffers >= 2:
            return "rpi" if self.sectie.soort == "rpi" else "istsollgap"
        return None

    def veld_bij_label(
        self, onderdeel: OnderdeelDefinitie, tekst: str
    ) -> tuple[VeldDefinitie, str] | None:
        label, dubbelepunt, rest = tekst.partition(":")
        if not dubbelepunt:
            label, rest = tekst, ""
        norm = normaliseer(_OPTIONEEL.sub(" ", label))
        for veld in onderdeel.velden:
            if norm == normaliseer(veld.label):
                return veld, rest
        return None

    def velden_tabel(self, onderdeel: OnderdeelDefinitie, tabel: Table) -> None:
        staat = self.staat(onderdeel.sleutel)
        # A header that is itself a field row (table without a header row).
        rijen = list(tabel.rows)
        if (
            self.veld_bij_label(
                onderdeel, tabel.columns[-2] if len(tabel.columns) >= 2 else ""
            )
            is not None
        ):
            rijen.insert(0, tuple(Cell(c) for c in tabel.columns))
        for nummer, rij in enumerate(rijen, start=1):
            cellen = [c.text for c in rij]
            if len(cellen) < 2:
                if any(t.strip() for t in cellen):
                    self.meld(
                        _("Rij %(rij)s: %(tekst)s")
                        % {"rij": nummer, "tekst": " | ".join(cellen)}
                    )
                continue
            vraag, antwoord = cellen[-2], cellen[-1]
            gevonden = self.veld_bij_label(onderdeel, vraag)
            if gevonden is None:
                if any(t.strip() for t in cellen) and not all(
                    _groep_cel(t) for t in cellen[:-1] if t.strip()
                ):
                    self.meld(
                        _("Rij %(rij)s: %(tekst)s")
                        % {"rij": nummer, "tekst": " | ".join(cellen)}
                    )
                continue
            veld, _vraag = gevonden
            tekst = antwoord.strip()
            if veld.sleutel == "projectdoelstellingen":
                verwijzing = common.doelen_verwijzing()
                if tekst.endswith(verwijzing):
                    tekst = tekst[: -len(verwijzing)].rstrip()
            if _leeg(tekst):
                tekst = ""
            if staat.velden.get(veld.sleutel):
                if tekst:
                    self.meld(
                        _("Rij %(rij)s: %(tekst)s")
                        % {"rij": nummer, "tekst": " | ".join(cellen)}
                    )
                continue
            staat.velden[veld.sleutel] = tekst

    def partijen_tabel(self, onderdeel: OnderdeelDefinitie, tabel: Table) -> None:
        staat = self.staat(onderdeel.sleutel)
        kolommen = [normaliseer(k) for k in tabel.columns]
        fin = normaliseer(self.definitie.tekst("financierders"))
        uit = normaliseer(self.definitie.tekst("uitvoeringspartijen"))
        for rij in tabel.rows:
            for kolom, cel in zip(kolommen, rij, strict=False):
                doel = (
                    staat.financiers
                    if kolom.startswith(fin)
                    else staat.partijen
                    if kolom.startswith(uit)
                    else None
                )
                if doel is None:
                    continue
                # Our own export (a keyed table) has one name per line, as is.
                for regel in _regels(cel.text, opsomming=not tabel.key):
                    if not _leeg(regel):
                        doel.append(regel)

    def kolom_index(self, kolommen: tuple[str, ...], *namen: str) -> int | None:
        genormaliseerd = [normaliseer(k) for k in kolommen]
        for naam in namen:
            naam = normaliseer(naam)
            for index, kolom in enumerate(genormaliseerd):
                if kolom == naam or kolom.startswith(naam):
                    return index
        return None

    def doelen_tabel(self, onderdeel: OnderdeelDefinitie, tabel: Table) -> None:
        staat = self.staat(onderdeel.sleutel)
        k = tabel.columns
        kol = {
            "omschrijving": self.kolom_index(k, _("Doelstelling"), _("Omschrijving")),
            "maatstaf": self.kolom_index(k, _("Maatstaf")),
            "streefwaarde": self.kolom_index(k, _("Streefwaarde")),
            "uiterlijk": self.kolom_index(k, _("Uiterlijk"), _("Datum")),
            "verantwoordelijke": self.kolom_index(k, _("Verantwoordelijke")),
            "ingroeipad": self.kolom_index(k, _("Ingroeipad")),
        }
        for nummer, rij in enumerate(tabel.rows, start=1):
            cellen = [c.text for c in rij]

            def cel(naam: str, cellen: list[str] = cellen) -> str:
                index = kol[naam]
                return (
                    cellen[index].strip()
                    if index is not None and index < len(cellen)
                    else ""
                )

            if not any(t.strip() for t in cellen):
                continue
            regel = " | ".join(cellen)
            uiterlijk = common.datum_lezen(cel("uiterlijk"))
            if uiterlijk is None:
                self.meld(
                    _(
                        "Doelstelling %(rij)s: datum “%(datum)s” niet leesbaar: %(tekst)s"
                    )
                    % {"rij": nummer, "datum": cel("uiterlijk"), "tekst": regel}
                )
                continue
            streef = (
                common.waarde_met_eenheid_lezen(cel("streefwaarde"))
                if cel("streefwaarde")
                else (None, "")
            )
            if streef is None:
                self.meld(
                    _(
                        "Doelstelling %(rij)s: streefwaarde “%(waarde)s” niet leesbaar: %(tekst)s"
                    )
                    % {"rij": nummer, "waarde": cel("streefwaarde"), "tekst": regel}
                )
                continue
            pad = common.ingroeipad_lezen(cel("ingroeipad"))
            if pad is None:
                self.meld(
                    _("Doelstelling %(rij)s: ingroeipad “%(pad)s” niet leesbaar")
                    % {"rij": nummer, "pad": cel("ingroeipad")}
                )
                pad = ()
            label = cel("maatstaf")
            staat.doelen.append(
                Projectdoelstelling(
                    omschrijving=cel("omschrijving"),
                    maatstaf=self.maatstaf_sleutels.get(normaliseer(label), ""),
                    maatstaf_label=label,
                    streefwaarde=streef[0],
                    eenheid=streef[1],
                    uiterlijk=uiterlijk,
                    verantwoordelijke=cel("verantwoordelijke"),
                    ingroeipad=pad,
                )
            )

    def mijlpalen_tabel(self, onderdeel: OnderdeelDefinitie, tabel: Table) -> None:
        staat = self.staat(onderdeel.sleutel)
        k = tabel.columns
        d = self.definitie
        kol = {
            "kwartaal": self.kolom_index(k, d.tekst("mijlpalen_kwartaal")),
            "activiteiten": self.kolom_index(
                k, d.tekst("mijlpalen_activiteiten"), _("Activiteit")
            ),
            "verantwoordelijke": self.kolom_index(
                k, d.tekst("mijlpalen_verantwoordelijke")
            ),
            "deelresultaat": self.kolom_index(k, d.tekst("mijlpalen_deelresultaat")),
            "status": self.kolom_index(k, common.mijlpalen_status_kolom()),
        }
        for nummer, rij in enumerate(tabel.rows, start=1):
            cellen = [c.text for c in rij]

            def cel(naam: str, cellen: list[str] = cellen) -> str:
                index = kol[naam]
                return (
                    cellen[index].strip()
                    if index is not None and index < len(cellen)
                    else ""
                )

            gevuld = [t for t in cellen if t.strip()]
            if not gevuld or (len(gevuld) == 1 and _leeg(gevuld[0])):
                continue
            regel = " | ".join(cellen)
            kwartaal = common.kwartaal_lezen(cel("kwartaal"))
            if kwartaal is None:
                self.meld(
                    _(
                        "Mijlpaal %(rij)s: kwartaal “%(kwartaal)s” niet leesbaar: %(tekst)s"
                    )
                    % {"rij": nummer, "kwartaal": cel("kwartaal"), "tekst": regel}
                )
                continue
            status = "gepland"
            if cel("status"):
                gelezen = self.status_labels.get(normaliseer(cel("status")))
                if gelezen is None:
                    self.meld(
                        _(
                            "Mijlpaal %(rij)s: status “%(status)s” onbekend, als “gepland” overgenomen"
                        )
                        % {"rij": nummer, "status": cel("status")}
                    )
                else:
                    status = gelezen
            staat.mijlpalen.append(
                Mijlpaal(
                    kwartaal=kwartaal,
                    activiteiten=cel("activiteiten"),
                    verantwoordelijke=cel("verantwoordelijke"),
                    deelresultaat=cel("deelresultaat"),
                    status=status,
                )
            )


_SUFFIXEN = (
    common.SUFFIX_ISTSOLLGAP,
    common.SUFFIX_DOELEN,
    common.SUFFIX_MIJLPALEN,
    common.SUFFIX_PARTIJEN,
)


def _titel_varianten(titel: str) -> set[str]:
    varianten = {normaliseer(titel), normaliseer(_HAAKJES.sub(" ", titel))}
    if "/" in titel:
        varianten.add(normaliseer(titel.split("/", 1)[0]))
    return varianten


def _groep_cel(tekst: str) -> bool:
    return normaliseer(tekst).split(" ")[0] in ("ist", "soll", "gap")


def _soort_uit_kop(kolommen: tuple[str, ...], definitie: FormatDefinitie) -> str | None:
    norm = [normaliseer(_OPTIONEEL.sub(" ", k)) for k in kolommen]
    d = definitie
    if len(norm) >= 2 and norm[-2:] == [
        normaliseer(d.tekst("kolom_onderdelen")),
        normaliseer(d.tekst("kolom_uitwerking")),
    ]:
        return "istsollgap"
    if len(norm) >= 2 and norm[-2:] == [
        normaliseer(d.tekst("rpi_kolom_onderdelen")),
        normaliseer(d.tekst("kolom_uitwerking")),
    ]:
        return "rpi"
    if normaliseer(d.tekst("mijlpalen_kwartaal")) in norm and any(
        n.startswith(normaliseer(d.tekst("mijlpalen_activiteiten"))[:9]) for n in norm
    ):
        return "mijlpalen"
    if any(
        n.startswith(normaliseer(d.tekst("financierders")))
        or n.startswith(normaliseer(d.tekst("uitvoeringspartijen")))
        for n in norm
    ):
        return "partijen"
    if (
        any(n.startswith(normaliseer(_("Doelstelling"))) for n in norm)
        and normaliseer(_("Maatstaf")) in norm
    ):
        return "doelen"
    return None


def _zonder_vraag(rest: str, vraag: str) -> str:
    """Drop the format's question text ("(vraag)" or "vraag") at the start."""
    rest = rest.strip()
    if rest.startswith("("):
        diepte = 0
        for index, teken in enumerate(rest):
            diepte += {"(": 1, ")": -1}.get(teken, 0)
            if diepte == 0:
                binnen = rest[1:index]
                if normaliseer(binnen) == normaliseer(vraag) or binnen.strip().endswith(
                    "?"
                ):
                    return rest[index + 1 :].strip()
                break
        return rest
    if vraag and normaliseer(rest).startswith(normaliseer(vraag)):
        return (
            rest[len(vraag) :].strip() if rest.lower().startswith(vraag.lower()) else ""
        )
    return rest


def _tabel_tekst(tabel: Table) -> str:
    regels = [" | ".join(tabel.columns)]
    regels += [" | ".join(c.text for c in rij) for rij in tabel.rows]
    return "\n".join(regels)
