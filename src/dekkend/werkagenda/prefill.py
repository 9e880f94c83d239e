# SPDX-License-Identifier: EUPL-1.2
"""Suggestions for the fields of a werkagenda from Dekkend's live figures.

Each suggestion is a text with its source line and date, built from what the
other apps compute (never computed again here):

* `2a.situatie`: the latest stored coverage run of the region
  (`coverage.selectors.analysis_runs`: locations per type per gemeente,
  gemeenten without an LSP, share within 5/10/15 km, capacity against need)
  and Table 4 of the 2025 LSP monitor (`register.selectors.regio_lsp_overview`
  of the region of that name in the monitor's division);
* `2b.situatie`: the referral indicators of the current year
  (`monitoring.selectors.referral_indicators`; suppressed cells stay
  suppressed);
* `<aanpak>.ambitie` of each aanpak with a basisfunctionaliteit: the region's
  streefwaarden and parameters from the same run, with the region's recorded
  deviations and their reasons; for LSP the placement advice
  (`coverage.services.placement_advice`) in words;
* `<aanpak>.situatie` of the other basisfunctionaliteiten: the actual
  figures the region entered (`coverage.selectors.realisaties_for`).

While a werkagenda is a draft these are computed on every read; an adopted
version reads them from its `Bevriezing`. Storing a new run is a write and
belongs to `services.prefill_refresh`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from dekkend.coverage.constants import BASISFUNCTIONALITEITEN, INDICATOR_BY_KEY
from dekkend.coverage.selectors import analysis_runs, realisaties_for
from dekkend.coverage.services import analysis_run, placement_advice
from dekkend.monitoring.selectors import referral_indicators
from dekkend.regions.constants import INDELING_LSP_MONITOR
from dekkend.regions.models import Regio
from dekkend.regions.selectors import regio_find
from dekkend.register.selectors import regio_lsp_overview
from dekkend.werkagenda.format.definition import FormatDefinitie, format_get

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
BRON_STREEFWAARDEN = "004 'Over de basisfunctionaliteiten'"
# Placement advice for the LSP ambition: every gemeente an LSP, this share
# of inhabitants within the region's distance threshold, capacity for all need.
ADVIES_DOEL_AANDEEL = 0.9
ADVIES_CAPACITEIT_AANDEEL = 1.0
# Parameter key prefixes per basisfunctionaliteit (coverage/analysis/parameters.py).
PARAMETER_PREFIX = {
    "lsp": "lsp_",
    "sociaal_verwijzen": "sv_",
    "valpreventie": "vp_",
    "overgewicht_kinderen": "ok_",
    "nu_niet_zwanger": "nnz_",
    "mgn": "mgn_",
}
TYPE_LABELS = (
    ("groot", "groot"),
    ("middel", "middel"),
    ("klein", "klein"),
    ("onbekend", "type onbekend"),
)


def datum_nl(d: date) -> str:
    """ "3 december 2026"."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def getal(value: float, decimals: int = 0) -> str:
    """Dutch number: "6.658", "0,2"."""
    if decimals == 0 and value % 1 and abs(value) < 10:
        decimals = 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def procent(share: float | None) -> str:
    return "—" if share is None else f"{getal(100 * share, 1)}%"


@dataclass(frozen=True)
class Suggestie:
    adres: str
    tekst: str
    bron: str
    peildatum: date

    def as_dict(self) -> dict[str, str]:
        return {
            "adres": self.adres,
            "tekst": self.tekst,
            "bron": self.bron,
            "peildatum": self.peildatum.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> Suggestie:
        return cls(
            data["adres"],
            data["tekst"],
            data["bron"],
            date.fromisoformat(data["peildatum"]),
        )


@dataclass(frozen=True)
class Dekking:
    """The coverage figures a suggestion cites: a stored run, or (when the
    region has none yet) a computation that was not stored."""

    resultaat: dict[str, Any]
    peildatum: date
    run: int | None

    @property
    def bron(self) -> str:
        if self.run is None:
            return _("Dekkingsanalyse van %(datum)s (niet bewaard)") % {
                "datum": datum_nl(self.peildatum)
            }
        return _("Dekkingsanalyse van %(datum)s, run %(run)s") % {
            "datum": datum_nl(self.peildatum),
            "run": self.run,
        }


def dekking_for(regio: Regio, *, vandaag: date) -> Dekking:
    """The latest stored run of `regio`; without one, the analysis of today."""
    latest = list(analysis_runs(regio, limit=1))
    if latest:
        run = latest[0]
        return Dekking(run.resultaat, run.peildatum, run.pk)
    data, _run = analysis_run(
        indeling=regio.indeling, regio=regio, peildatum=vandaag, store=False
    )
    return Dekking(data, vandaag, None)


def _lsp_situatie(regio: Regio, dekking: Dekking) -> Suggestie:
    r = dekking.resultaat
    namen = {g["gemeentecode"]: g["gemeentenaam"] for g in r["gemeenten"]}
    lines = [
        _(
            "Laagdrempelige steunpunten in regio %(regio)s op %(datum)s: "
            "%(totaal)s locaties in %(gemeenten)s gemeenten."
        )
        % {
            "regio": regio.naam,
            "datum": datum_nl(dekking.peildatum),
            "totaal": r["lsp_totaal"],
            "gemeenten": len(r["gemeenten"]),
        },
        "",
        _("Locaties per type per gemeente:"),
    ]
    for g in r["gemeenten"]:
        per_type = ", ".join(
            f"{label} {g['lsp_per_type'].get(key, 0)}" for key, label in TYPE_LABELS
        )
        totaal = sum(g["lsp_per_type"].values())
        lines.append(f"- {g['gemeentenaam']}: {totaal} ({per_type})")
    zonder = [namen.get(c, c) for c in r["gemeenten_zonder_lsp"]]
    lines.append("")
    lines.append(
        _("Gemeenten zonder LSP: %(namen)s.") % {"namen": ", ".join(sorted(zonder))}
        if zonder
        else _("Elke gemeente van de regio heeft ten minste één LSP.")
    )
    aandeel = r["aandeel_inwoners_binnen_km"]
    lines.append(
        _(
            "Aandeel inwoners binnen 5 km van een LSP: %(a5)s; binnen 10 km: "
            "%(a10)s; binnen 15 km: %(a15)s."
        )
        % {
            "a5": procent(aandeel.get("5")),
            "a10": procent(aandeel.get("10")),
            "a15": procent(aandeel.get("15")),
        }
    )
    behoefte, capaciteit = r["behoefte_personen"], r["capaciteit_personen"]
    lines.append(
        _(
            "Capaciteit tegen behoefte: %(capaciteit)s van %(behoefte)s personen "
            "per jaar (%(dekking)s)."
        )
        % {
            "capaciteit": getal(capaciteit),
            "behoefte": getal(behoefte),
            "dekking": procent(capaciteit / behoefte if behoefte else None),
        }
    )
    bron = dekking.bron
    monitor_regio = regio_find(indeling=INDELING_LSP_MONITOR, code_of_naam=regio.naam)
    monitor = (
        regio_lsp_overview(regio=monitor_regio, peildatum=dekking.peildatum).monitor
        if monitor_regio is not None
        else None
    )
    if monitor is not None:
        lines.append(
            _(
                "Landelijke LSP-monitor %(jaar)s (tabel 4): %(groot)s groot, "
                "%(middel)s middel, %(klein)s klein; %(totaal)s in totaal."
            )
            % {
                "jaar": monitor.jaar,
                "groot": monitor.groot,
                "middel": monitor.middel,
                "klein": monitor.klein,
                "totaal": monitor.totaal,
            }
        )
        bron = f"{bron}; {monitor.bron}"
    return Suggestie("2a.situatie", "\n".join(lines), bron, dekking.peildatum)


def _sv_situatie(regio: Regio, vandaag: date) -> Suggestie:
    data = referral_indicators(
        indeling=regio.indeling, regio=regio, jaar=vandaag.year, peildatum=vandaag
    )
    t = data.indicatoren.totaal
    p = data.indicatoren.parameters

    def cel(c: Any, fmt: Any) -> str:
        if c.onderdrukt:
            return _("minder dan 5")
        if c.waarde is None:
            return _("geen gegevens")
        return str(fmt(c.waarde))

    lines = [
        _(
            "Sociaal verwijzen in regio %(regio)s, %(start)s tot en met %(eind)s: "
            "%(n)s verwijzingen, %(per10k)s per 10.000 inwoners per jaar "
            "(streefwaarde %(doel)s per 10.000 inwoners per jaar)."
        )
        % {
            "regio": regio.naam,
            "start": datum_nl(p.start),
            "eind": datum_nl(min(p.end, vandaag)),
            "n": cel(t.verwijzingen, getal),
            "per10k": cel(t.verwijzingen_per_10k, lambda v: getal(v, 1)),
            "doel": getal(p.streefwaarde_per_10k),
        },
        _("Eerste terugkoppeling op tijd (binnen %(termijn)s werkdagen): %(aandeel)s.")
        % {
            "termijn": "/".join(str(n) for n in data.termijnen_werkdagen),
            "aandeel": cel(t.aandeel_eerste_terugkoppeling_op_tijd, procent),
        },
        _("Afgesloten met terugkoppeling: %(aandeel)s.")
        % {"aandeel": cel(t.aandeel_afgesloten_met_terugkoppeling, procent)},
    ]
    bron = _("Indicatoren sociaal verwijzen %(jaar)s, stand %(datum)s") % {
        "jaar": vandaag.year,
        "datum": datum_nl(vandaag),
    }
    return Suggestie("2b.situatie", "\n".join(lines), bron, vandaag)


def _parameter_tekst(entry: Mapping[str, Any], waarde: float) -> str:
    if str(entry["eenheid"]).startswith("aandeel"):
        return f"{procent(waarde)} {str(entry['eenheid']).removeprefix('aandeel ')}"
    return f"{getal(waarde)} {entry['eenheid']}"


def _ambitie(
    regio: Regio, onderdeel: str, bf: str, dekking: Dekking, vandaag: date
) -> Suggestie:
    r = dekking.resultaat
    prefix = PARAMETER_PREFIX[bf]
    params = {k: v for k, v in r["parameters"].items() if k.startswith(prefix)}
    lines = [
        _("Streefwaarden %(bf)s voor regio %(regio)s (%(bron)s):")
        % {
            "bf": str(BASISFUNCTIONALITEITEN[bf]),
            "regio": regio.naam,
            "bron": BRON_STREEFWAARDEN,
        }
    ]
    for entry in params.values():
        lines.append(
            f"- {entry['omschrijving']}: {_parameter_tekst(entry, entry['waarde'])}"
            f" ({entry['bron']})"
        )
    for sw in r["streefwaarden"].get(bf, {}).values():
        lines.append(
            _("- Voor deze regio: %(label)s: %(waarde)s %(eenheid)s")
            % {
                "label": sw["label"],
                "waarde": getal(sw["waarde"]),
                "eenheid": sw["eenheid"],
            }
        )
    afwijkingen = [(k, v) for k, v in params.items() if "afwijking" in v]
    lines.append("")
    if afwijkingen:
        lines.append(_("De regio wijkt gemotiveerd af:"))
        for _key, v in afwijkingen:
            lines.append(
                _(
                    "- %(label)s: %(waarde)s in plaats van %(standaard)s; "
                    "reden: %(reden)s"
                )
                % {
                    "label": v["omschrijving"],
                    "waarde": _parameter_tekst(v, v["waarde"]),
                    "standaard": _parameter_tekst(v, v["standaard"]),
                    "reden": v["afwijking"]["reden"],
                }
            )
    else:
        lines.append(_("De regio wijkt niet af van de landelijke streefwaarden."))
    bron = f"{dekking.bron}; {BRON_STREEFWAARDEN}"
    if bf == "lsp":
        lines.append("")
        lines.extend(_lsp_advies(regio, dekking, vandaag))
        bron = f"{bron}; " + _("plaatsingsadvies van %(datum)s") % {
            "datum": datum_nl(vandaag)
        }
    return Suggestie(f"{onderdeel}.ambitie", "\n".join(lines), bron, dekking.peildatum)


def _lsp_advies(regio: Regio, dekking: Dekking, vandaag: date) -> list[str]:
    afstand = float(dekking.resultaat["parameters"]["afstand_drempel_km"]["waarde"])
    proposal = placement_advice(
        regio=regio,
        peildatum=vandaag,
        doel_aandeel=ADVIES_DOEL_AANDEEL,
        afstand_km=afstand,
        capaciteit_aandeel=ADVIES_CAPACITEIT_AANDEEL,
    )
    namen = {
        g["gemeentecode"]: g["gemeentenaam"] for g in dekking.resultaat["gemeenten"]
    }
    zonder = sorted(namen.get(c, c) for c in dekking.resultaat["gemeenten_zonder_lsp"])
    lines = [
        _(
            "Plaatsingsadvies (ten minste één LSP per gemeente, %(doel)s van de "
            "inwoners binnen %(km)s km, capaciteit voor %(cap)s van de behoefte):"
        )
        % {
            "doel": procent(ADVIES_DOEL_AANDEEL),
            "km": getal(afstand),
            "cap": procent(ADVIES_CAPACITEIT_AANDEEL),
        }
    ]
    if zonder:
        lines.append(_("Een LSP nodig in: %(namen)s.") % {"namen": ", ".join(zonder)})
    for n in proposal.nieuw:
        lines.append(
            _("- Nieuw: %(aantal)s × LSP %(type)s in %(gemeente)s")
            % {
                "aantal": n.aantal,
                "type": n.lsp_type,
                "gemeente": namen.get(n.gemeente_code, n.gemeente_code),
            }
        )
    for u in proposal.upgrades:
        lines.append(
            _("- Opwaarderen in %(gemeente)s: van %(van)s naar %(naar)s")
            % {
                "gemeente": namen.get(u.gemeente_code, u.gemeente_code),
                "van": u.van,
                "naar": u.naar,
            }
        )
    if not proposal.nieuw and not proposal.upgrades:
        lines.append(_("Het huidige netwerk haalt deze eisen; niets toe te voegen."))
    return lines


def _realisaties(
    regio: Regio, onderdeel: str, bf: str, vandaag: date
) -> Suggestie | None:
    rows = [r for (b, _k), r in realisaties_for(regio).items() if b == bf]
    if not rows:
        return None
    lines = [_("Door de regio vastgelegde realisaties:")]
    for r in rows:
        ind = INDICATOR_BY_KEY.get((r.basisfunctionaliteit, r.sleutel))
        label = str(ind.label) if ind else r.sleutel
        bron = f" ({r.bron})" if r.bron else ""
        lines.append(f"- {label} {r.jaar}: {getal(r.waarde)}{bron}")
    return Suggestie(
        f"{onderdeel}.situatie",
        "\n".join(lines),
        _("Realisaties van de regio in Dekkend, stand %(datum)s")
        % {"datum": datum_nl(vandaag)},
        vandaag,
    )


def live_suggesties(
    regio: Regio,
    *,
    definitie: FormatDefinitie,
    vandaag: date | None = None,
) -> dict[str, Suggestie]:
    """Every suggestion for `regio` computed now, keyed by field address."""
    vandaag = vandaag or timezone.localdate()
    dekking = dekking_for(regio, vandaag=vandaag)
    out: dict[str, Suggestie] = {}
    for o in definitie.onderdelen:
        bf = o.basisfunctionaliteit
        if not bf:
            continue
        situatie: Suggestie | None
        if bf == "lsp":
            situatie = _lsp_situatie(regio, dekking)
        elif bf == "sociaal_verwijzen":
            situatie = _sv_situatie(regio, vandaag)
        else:
            situatie = _realisaties(regio, o.sleutel, bf, vandaag)
        if situatie is not None:
            situatie = Suggestie(
                f"{o.sleutel}.situatie",
                situatie.tekst,
                situatie.bron,
                situatie.peildatum,
            )
            out[situatie.adres] = situatie
        ambitie = _ambitie(regio, o.sleutel, bf, dekking, vandaag)
        out[ambitie.adres] = ambitie
    return out


def suggesties(werkagenda: Any, *, vandaag: date | None = None) -> dict[str, Suggestie]:
    """The suggestions of `werkagenda`: live for a draft, frozen for an
    adopted version."""
    bevriezing = getattr(werkagenda, "bevriezing", None) if werkagenda.pk else None
    if werkagenda.vastgesteld and bevriezing is not None:
        return {
            adres: Suggestie.from_dict(s)
            for adres, s in bevriezing.gegevens.get("suggesties", {}).items()
        }
    return live_suggesties(
        werkagenda.regio,
        definitie=format_get(werkagenda.format_versie),
        vandaag=vandaag,
    )
