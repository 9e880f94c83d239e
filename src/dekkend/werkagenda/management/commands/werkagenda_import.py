# SPDX-License-Identifier: EUPL-1.2
"""`dekkend werkagenda-import --regio NAME [--indeling D] FILE`: read a DOCX
in the national format into the region's draft werkagenda (created when the
region has none). Prints what could not be placed; writes nothing when the
file is not a DOCX or not in the format."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from dekkend.regions.selectors import regio_find
from dekkend.werkagenda import services
from dekkend.werkagenda.docx_io.importer import WerkagendaImportFout, werkagenda_import
from dekkend.werkagenda.format.definition import format_get
from dekkend.werkagenda.measures import maatstaf_choices
from dekkend.werkagenda.selectors import werkagenda_current

DIVISION = "zorgkantoorregio-2025"
# The same limit as the upload form.
MAX_BYTES = 20 * 1024 * 1024


class Command(BaseCommand):
    help = "Leest een werkagenda (DOCX, landelijk format) in bij een regio."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--regio", required=True, help="code of naam, bijv. ZK27")
        parser.add_argument("--indeling", default=DIVISION)
        parser.add_argument("bestand")

    def handle(self, *args: Any, **options: Any) -> None:
        regio = regio_find(indeling=options["indeling"], code_of_naam=options["regio"])
        if regio is None:
            raise CommandError(
                f"Geen regio '{options['regio']}' in indeling '{options['indeling']}'."
            )
        path = Path(options["bestand"])
        if not path.is_file():
            raise CommandError(f"Bestand niet gevonden: {path}")
        size = path.stat().st_size
        if size == 0:
            raise CommandError(f"{path.name}: het bestand is leeg.")
        if size > MAX_BYTES:
            raise CommandError(
                f"{path.name}: het bestand is groter dan {MAX_BYTES // 2**20} MB."
            )
        try:
            with transaction.atomic():
                wa = werkagenda_current(regio)
                if wa is None:
                    wa = services.werkagenda_create(user=None, regio=regio)
                resultaat = werkagenda_import(
                    path.read_bytes(),
                    definitie=format_get(wa.format_versie),
                    maatstaven=dict(maatstaf_choices()),
                )
                teller = services.import_store(
                    user=None, werkagenda=wa, resultaat=resultaat
                )
        except WerkagendaImportFout as exc:
            waar = ", ".join(x for x in (exc.sectie, exc.veld) if x)
            raise CommandError(
                f"{path.name}: {waar + ': ' if waar else ''}{exc.melding}"
            ) from exc
        except ValidationError as exc:
            raise CommandError(f"{path.name}: {' '.join(exc.messages)}") from exc
        self.stdout.write(
            f"{wa}: {teller['velden']} velden, {teller['doelstellingen']} doelstellingen, "
            f"{teller['mijlpalen']} mijlpalen, {teller['partijen']} partijen."
        )
        for n in resultaat.niet_geplaatst:
            self.stdout.write(
                f"  niet geplaatst: {n.sectie or '—'}, alinea {n.alinea}: {n.tekst[:120]}"
            )
