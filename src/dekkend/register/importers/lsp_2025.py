# SPDX-License-Identifier: EUPL-1.2
"""Load the 2025 national LSP list (001 annex A) and its per-region counts
(001 Table 4 and Table 2) from the reviewed files in `data/lsp_2025/`.

Creates the organisations, one support point per location (six unnamed ones
where the annex counts a row more than once; see the data README), the
division `lsp-monitor-2025` with membership taken from the annex (incomplete:
gemeenten without an LSP are not in it), and the Table 4 snapshot.

Locations have no address in the source: they get the gemeente's
population-weighted centre, flagged as approximate. A second run creates
nothing and never overwrites what LSP staff have since entered.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from dekkend.importing import ImportFout, analyze_after_commit, read_csv
from dekkend.regions.constants import INDELING_LSP_MONITOR
from dekkend.regions.importers.divisions import RegioSpec, division_save
from dekkend.regions.models import Gemeente, Regio
from dekkend.register.constants import (
    VERSION_SOURCE,
    AanbodSoort,
    AanbodStatus,
    OrganisatieSoort,
    PositieBron,
)
from dekkend.register.models import (
    Aanbod,
    Locatie,
    MonitorTelling,
    Organisatie,
    Steunpunt,
)
from dekkend.versions.services import one_change

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "lsp_2025"
BRON = "Monitor Laagdrempelige steunpunten 2025, bijlage A"
BRON_TABEL4 = (
    "Monitor Laagdrempelige steunpunten 2025, tabel 4 (oktober 2025) en tabel 2"
)
PEILDATUM = date(2025, 10, 1)  # Table 4: "oktober 2025"
JAAR = 2025


@dataclass
class Lsp2025Report:
    locaties: int = 0
    organisaties: int = 0
    regios: int = 0
    aangemaakt: int = 0


def _regio_code(naam: str) -> str:
    return slugify(naam.replace("/", " "))


@transaction.atomic
@one_change(VERSION_SOURCE)  # one new register token, not one per row
def lsp_2025_load(data_dir: Path = DATA_DIR) -> Lsp2025Report:
    """Load the list; raise ImportFout naming file, row and field on bad input."""
    gemeenten = {g.code: g for g in Gemeente.objects.all()}
    if not gemeenten:
        raise ImportFout(
            "gemeenten", "laad eerst de referentiedata: dekkend load-reference"
        )
    report = Lsp2025Report()

    tellingen = {}
    for row in read_csv(data_dir / "regios.csv", ["regio", "groot", "middel", "klein"]):
        tellingen[row.text("regio")] = row
    regios: dict[str, RegioSpec] = {
        naam: RegioSpec(code=_regio_code(naam), naam=naam, rij=row.nummer)
        for naam, row in tellingen.items()
    }

    locaties = list(
        read_csv(
            data_dir / "locaties.csv",
            ["regio", "organisatie", "locatie", "gemeentecode", "aantal"],
        )
    )
    for row in locaties:
        regio = row.text("regio")
        if regio not in regios:
            raise row.fout("regio", f"regio '{regio}' staat niet in regios.csv")
        code = row.text("gemeentecode")
        if code not in gemeenten:
            raise row.fout("gemeentecode", f"onbekende gemeentecode '{code}'")
        if code not in regios[regio].gemeentecodes:
            regios[regio].gemeentecodes.append(code)
        aantal = row.integer("aantal")
        if aantal is None or aantal < 1:
            raise row.fout("aantal", "moet 1 of meer zijn")

    report.regios, _ = division_save(
        naam=INDELING_LSP_MONITOR,
        titel="LSP-monitorregio's 2025",
        regios=list(regios.values()),
        bestand="locaties.csv",
        volledig=False,
        bron=BRON,
        peildatum=PEILDATUM,
        omschrijving=(
            "De 42 regio's van de landelijke LSP-monitor 2025. Het lidmaatschap komt "
            "uit bijlage A en is onvolledig: gemeenten zonder LSP staan er niet in."
        ),
    )
    regio_obj = {
        r.naam: r for r in Regio.objects.filter(indeling__naam=INDELING_LSP_MONITOR)
    }
    for naam, row in tellingen.items():
        values = {
            "groot": row.integer("groot"),
            "middel": row.integer("middel"),
            "klein": row.integer("klein"),
            "respons_lsp": row.integer("respons_lsp", required=False),
            "respons_regiocoordinatoren": row.integer(
                "respons_regiocoordinatoren", required=False
            ),
            "bron": BRON_TABEL4,
            "opmerking": row.text("opmerking", required=False),
        }
        MonitorTelling.objects.update_or_create(
            jaar=JAAR, regio=regio_obj[naam], defaults=values
        )

    organisaties = {}
    for naam in sorted({row.text("organisatie") for row in locaties}):
        org, _ = Organisatie.objects.get_or_create(
            naam=naam,
            defaults={
                "soort": OrganisatieSoort.LSP,
                "bron": BRON,
                "bron_peildatum": PEILDATUM,
            },
        )
        organisaties[naam] = org
    report.organisaties = len(organisaties)

    existing = set(
        Aanbod.objects.filter(bron_sleutel__startswith="lsp-2025:").values_list(
            "bron_sleutel", flat=True
        )
    )
    for row in locaties:
        aantal = row.integer("aantal") or 1
        gemeente = gemeenten[row.text("gemeentecode")]
        for k in range(1, aantal + 1):
            naam = (
                row.text("locatie")
                if k == 1
                else f"{row.text('locatie')} (locatie {k} van {aantal})"
            )
            sleutel = f"lsp-2025:{_regio_code(row.text('regio'))}:{slugify(naam)}"
            report.locaties += 1
            if sleutel in existing:
                continue
            _steunpunt_create(
                organisatie=organisaties[row.text("organisatie")],
                gemeente=gemeente,
                naam=naam,
                sleutel=sleutel,
                omschrijving=(
                    f"Bijlage A van de monitor 2025 telt {aantal} locaties onder "
                    f"'{row.text('locatie')}' maar noemt deze niet bij naam."
                    if k > 1
                    else ""
                ),
            )
            existing.add(sleutel)
            report.aangemaakt += 1
    analyze_after_commit(Organisatie, Locatie, Aanbod, Steunpunt, MonitorTelling)
    return report


def _steunpunt_create(
    *,
    organisatie: Organisatie,
    gemeente: Gemeente,
    naam: str,
    sleutel: str,
    omschrijving: str,
) -> None:
    lat = gemeente.popw_lat or gemeente.centroid_lat
    lon = gemeente.popw_lon or gemeente.centroid_lon
    if lat is None or lon is None:
        raise ImportFout("gemeenten", f"gemeente {gemeente.code} heeft geen middelpunt")
    provenance = {"bron": BRON, "bron_peildatum": PEILDATUM}
    locatie = Locatie.objects.create(
        organisatie=organisatie,
        naam=naam,
        gemeente=gemeente,
        lat=lat,
        lon=lon,
        coordinaat_benaderd=True,
        positie_bron=PositieBron.GEMEENTE,
        **provenance,
    )
    aanbod = Aanbod.objects.create(
        organisatie=organisatie,
        locatie=locatie,
        soort=AanbodSoort.LSP,
        naam=naam,
        omschrijving=omschrijving,
        status=AanbodStatus.ACTIEF,
        bron_sleutel=sleutel,
        **provenance,
    )
    Steunpunt.objects.create(aanbod=aanbod)
