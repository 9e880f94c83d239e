# SPDX-License-Identifier: EUPL-1.2
"""The bad-input corpus: every file import refuses each file of `invoer/`
(wrong encoding or delimiter, missing and duplicate columns, duplicate and
unknown codes, empty and oversize files, formulas and markup in names) with a
message that names the row and field, and leaves the database unchanged.

"Unchanged" is `fingerprint.database_fingerprint` (row counts and a hash of
every table) compared before and after, the same helper for every case. The
table in docs/invoer.md lists the same cases; set DEKKEND_CORPUS_TABLE to a
file name to have the run write the messages it saw there.
"""

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

import pytest

from dekkend.importing import MAX_BESTAND_BYTES
from dekkend.lspmonitor import services as lspmonitor_services
from dekkend.lspmonitor.tests import factories as monitor_factories
from dekkend.tests.fingerprint import changed_tables, database_fingerprint

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).parent / "invoer"
DATA = Path(settings.DEKKEND_DATA_DIR)
TE_GROOT = "<te groot>"  # generated: a sparse file one byte over the limit


@dataclass(frozen=True)
class Case:
    invoer: str  # which import (a key of RUNNERS)
    bestand: str  # path under invoer/, or TE_GROOT
    melding: str  # part of the expected message
    rij: int | None = None
    veld: str | None = None

    @property
    def id(self) -> str:
        return f"{self.invoer}:{self.bestand}"


CASES = [
    # load-reference, gemeenten_2025.csv
    Case("load-reference", "gemeenten/latin1.csv", "geen UTF-8-tekst", 3),
    Case("load-reference", "gemeenten/utf16.csv", "UTF-16", 1),
    Case(
        "load-reference",
        "gemeenten/bom-dubbele-code.csv",
        "'GM0014' staat al op rij 2",
        3,
        "gemeentecode",
    ),
    Case("load-reference", "gemeenten/tab.csv", "ander scheidingsteken", 1),
    Case(
        "load-reference",
        "gemeenten/kolom-ontbreekt.csv",
        "kolom ontbreekt: inwoners_2024",
        1,
    ),
    Case(
        "load-reference",
        "gemeenten/kolom-dubbel.csv",
        "kolom staat twee keer",
        1,
        "gemeentenaam",
    ),
    Case(
        "load-reference",
        "gemeenten/onbekende-code.csv",
        "geen CBS-gemeentecode",
        3,
        "gemeentecode",
    ),
    Case("load-reference", "gemeenten/leeg.csv", "het bestand is leeg"),
    Case("load-reference", "gemeenten/alleen-kop.csv", "geen gegevensrijen", 2),
    Case(
        "load-reference",
        "gemeenten/formule.csv",
        "lijkt een formule",
        2,
        "gemeentenaam",
    ),
    Case("load-reference", "gemeenten/opmaak.csv", "bevat opmaak", 2, "gemeentenaam"),
    Case("load-reference", "gemeenten/meer-waarden.csv", "meer waarden", 2),
    Case("load-reference", TE_GROOT, "te groot"),
    # load-reference, pc4_2021.csv (with the good gemeenten file)
    Case(
        "load-reference-pc4",
        "pc4/onbekende-gemeente.csv",
        "onbekende gemeente 'GM9999'",
        2,
        "gemeentecode_2025",
    ),
    Case(
        "load-reference-pc4",
        "pc4/dubbele-pc4.csv",
        "'1011' staat al op rij 2",
        3,
        "pc4",
    ),
    # load-division NAAM BESTAND
    Case("load-division", "indeling/latin1.csv", "geen UTF-8-tekst", 2),
    Case(
        "load-division",
        "indeling/puntkomma-zonder-kolom.csv",
        "kolom ontbreekt: regio",
        1,
    ),
    Case(
        "load-division",
        "indeling/dubbele-gemeente.csv",
        "GM0014 staat al op rij 2",
        3,
        "gemeentecode",
    ),
    Case(
        "load-division",
        "indeling/onbekende-code.csv",
        "onbekende gemeentecode 'GM9999'",
        3,
        "gemeentecode",
    ),
    Case("load-division", "indeling/formule.csv", "lijkt een formule", 2, "regio"),
    Case("load-division", "indeling/opmaak.csv", "bevat opmaak", 2, "regio"),
    Case("load-division", "indeling/leeg.csv", "het bestand is leeg"),
    Case("load-division", "indeling/kolom-dubbel.csv", "twee keer", 1, "regio"),
    # load-cbs-bevolking BESTAND --peiljaar 2025
    Case("load-cbs-bevolking", "cbs/latin1.csv", "geen UTF-8-tekst", 2),
    Case("load-cbs-bevolking", "cbs/utf16.csv", "UTF-16", 1),
    Case("load-cbs-bevolking", "cbs/komma.csv", "geen CBS-kerncijferbestand", 1),
    Case(
        "load-cbs-bevolking",
        "cbs/dubbele-gemeente.csv",
        "'GM0014' staat al op rij 2",
        3,
        "WijkenEnBuurten",
    ),
    Case(
        "load-cbs-bevolking",
        "cbs/onbekende-gemeente.csv",
        "onbekende gemeentecode 'GM9999'",
        3,
        "WijkenEnBuurten",
    ),
    Case(
        "load-cbs-bevolking",
        "cbs/geen-getal.csv",
        "'veel' is geen getal",
        2,
        "AantalInwoners_5",
    ),
    Case("load-cbs-bevolking", "cbs/leeg.csv", "het bestand is leeg"),
    Case("load-cbs-bevolking", TE_GROOT, "te groot"),
    # load-spuk-verdeelsleutel NAAM BESTAND
    Case("load-spuk-verdeelsleutel", "spuk/latin1.csv", "geen UTF-8-tekst", 3),
    Case("load-spuk-verdeelsleutel", "spuk/utf16.csv", "UTF-16", 1),
    Case(
        "load-spuk-verdeelsleutel",
        "spuk/kolom-dubbel.csv",
        "twee keer",
        1,
        "aandeel",
    ),
    Case(
        "load-spuk-verdeelsleutel",
        "spuk/dubbele-code.csv",
        "GM0014 staat er twee keer in",
        3,
        "gemeentecode",
    ),
    Case(
        "load-spuk-verdeelsleutel",
        "spuk/onbekende-code.csv",
        "onbekende gemeente GM9999",
        3,
        "gemeentecode",
    ),
    Case("load-spuk-verdeelsleutel", "spuk/formule.csv", "geen getal", 2, "aandeel"),
    Case("load-spuk-verdeelsleutel", "spuk/meer-waarden.csv", "meer waarden", 2),
    Case("load-spuk-verdeelsleutel", "spuk/leeg.csv", "het bestand is leeg"),
    Case("load-spuk-verdeelsleutel", TE_GROOT, "te groot"),
    # LSP-monitor: candidates from a CSV (service behind the upload form)
    Case("lspmonitor-kandidaten", "kandidaten/latin1.csv", "geen UTF-8-tekst", 2),
    Case("lspmonitor-kandidaten", "kandidaten/utf16.csv", "UTF-16", 1),
    Case(
        "lspmonitor-kandidaten",
        "kandidaten/formule.csv",
        "geen formule of opmaak",
        2,
        "naam",
    ),
    Case(
        "lspmonitor-kandidaten",
        "kandidaten/opmaak.csv",
        "geen formule of opmaak",
        2,
        "organisatie",
    ),
    Case(
        "lspmonitor-kandidaten",
        "kandidaten/kolom-dubbel.csv",
        "twee keer in de kopregel: naam",
        1,
    ),
    Case(
        "lspmonitor-kandidaten",
        "kandidaten/onbekende-gemeente.csv",
        "Onbekende gemeente 'Atlantis'",
        2,
        "gemeente",
    ),
    Case(
        "lspmonitor-kandidaten",
        "kandidaten/komma-in-puntkomma.csv",
        "Kolom ontbreekt: organisatie, gemeente",
    ),
    Case("lspmonitor-kandidaten", "kandidaten/leeg.csv", "het bestand is leeg"),
    # werkagenda-import --regio ZK27 BESTAND (DOCX)
    Case("werkagenda-import", "werkagenda/leeg.docx", "het bestand is leeg"),
    Case(
        "werkagenda-import",
        "werkagenda/geen-docx.docx",
        "geen leesbaar Word-document",
    ),
    Case(
        "werkagenda-import",
        "werkagenda/zip-zonder-document.docx",
        "geen leesbaar Word-document",
    ),
    Case("werkagenda-import", TE_GROOT, "groter dan 20 MB"),
]


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def _reference(tmp_path: Path, gemeenten: Path | None, pc4: Path | None) -> str:
    shutil.copy(
        gemeenten or DATA / "gemeenten_2025.csv", tmp_path / "gemeenten_2025.csv"
    )
    shutil.copy(pc4 or DATA / "pc4_2021.csv", tmp_path / "pc4_2021.csv")
    call_command("load_reference", "--data-dir", str(tmp_path))
    return ""


def _kandidaten(path: Path, landelijk: Any, ronde: Any) -> str:
    try:
        lspmonitor_services.kandidaten_import_csv(
            user=landelijk, ronde=ronde, inhoud=path.read_bytes(), bron_naam=path.name
        )
    except ValidationError as exc:
        return " ".join(exc.messages)
    return ""


# Each runner gets the file, a scratch dir and what `_context` prepared.
RUNNERS: dict[str, Callable[[Path, Path, Any], Any]] = {
    "load-reference": lambda p, tmp, _: _reference(tmp, p, None),
    "load-reference-pc4": lambda p, tmp, _: _reference(tmp, None, p),
    "load-division": lambda p, tmp, _: call_command("load_division", "corpus", str(p)),
    "load-cbs-bevolking": lambda p, tmp, _: call_command(
        "load_cbs_bevolking", str(p), "--peiljaar", "2025"
    ),
    "load-spuk-verdeelsleutel": lambda p, tmp, _: call_command(
        "load_spuk_verdeelsleutel", "corpus", str(p)
    ),
    "lspmonitor-kandidaten": lambda p, tmp, ctx: _kandidaten(p, *ctx),
    "werkagenda-import": lambda p, tmp, _: call_command(
        "werkagenda_import", "--regio", "ZK27", str(p)
    ),
}


def _context(invoer: str) -> Any:
    """What must exist before an import starts (written before the first
    fingerprint): the round and its manager for the candidates."""
    if invoer == "lspmonitor-kandidaten":
        landelijk = monitor_factories.landelijk("corpus-landelijk")
        return landelijk, monitor_factories.ronde_2026(landelijk)
    return None


OVERSIZE = {"werkagenda-import": 20 * 1024 * 1024 + 1}


def _input_file(case: Case, tmp_path: Path) -> Path:
    if case.bestand == TE_GROOT:
        size = OVERSIZE.get(case.invoer, MAX_BESTAND_BYTES + 1)
        suffix = ".docx" if case.invoer == "werkagenda-import" else ".csv"
        return _sparse(tmp_path / f"te-groot{suffix}", size)
    source = CORPUS / case.bestand
    # The importers see the corpus file under its own name in a scratch dir.
    target = tmp_path / "in" / source.name
    target.parent.mkdir()
    shutil.copy(source, target)
    return target


def _record(case: Case, message: str) -> None:
    out = os.environ.get("DEKKEND_CORPUS_TABLE")
    if out:
        with open(out, "a", encoding="utf-8") as handle:
            handle.write(f"| {case.invoer} | `{case.bestand}` | {message} | ja |\n")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_refused_naming_row_and_field_and_changes_nothing(
    case: Case, tmp_path: Path
) -> None:
    path = _input_file(case, tmp_path)
    context = _context(case.invoer)
    before = database_fingerprint()
    try:
        message = RUNNERS[case.invoer](path, tmp_path, context) or ""
    except CommandError as exc:
        message = str(exc)
    after = database_fingerprint()

    assert message, f"{case.id} was accepted"
    assert case.melding in message, message
    lower = message.lower()
    if case.rij is not None:
        assert f"rij {case.rij}" in lower, message
    if case.veld is not None:
        assert f"veld '{case.veld.lower()}'" in lower, message
    assert changed_tables(before, after) == [], message
    _record(case, message)


def test_corpus_files_are_all_used() -> None:
    used = {c.bestand for c in CASES}
    on_disk = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.*")}
    assert on_disk - {"README.md"} == used - {TE_GROOT}


def test_a_bom_in_front_of_the_good_reference_file_is_read_the_same(
    tmp_path: Path,
) -> None:
    data = (DATA / "gemeenten_2025.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    with_bom = tmp_path / "src" / "gemeenten_2025.csv"
    with_bom.parent.mkdir()
    with_bom.write_bytes(b"\xef\xbb\xbf" + data)
    before = database_fingerprint()
    _reference(tmp_path, with_bom, None)
    assert changed_tables(before, database_fingerprint()) == []


def test_the_fingerprint_sees_a_changed_name() -> None:
    from dekkend.regions.models import Gemeente

    before = database_fingerprint()
    Gemeente.objects.filter(code="GM0014").update(naam="Groningen (gewijzigd)")
    assert changed_tables(before, database_fingerprint()) == ["regions_gemeente"]
