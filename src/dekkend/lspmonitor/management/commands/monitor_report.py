# SPDX-License-Identifier: EUPL-1.2
"""`dekkend monitor-report --ronde JJJJ --format pdf|docx|xlsx [--indeling NAAM]
--output FILE`.

Generates the report of a monitor round from its data: the PDF or DOCX of
the whole report, or the XLSX with every table on a sheet of its own. With
`--indeling` Table 4 is also given per region of that division. The 2025
round without a round in Dekkend is built from the loaded register and its
published figures. The report holds no respondent's name or e-mail address.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import translation

from dekkend.lspmonitor.questionnaire.definition import VragenlijstFout
from dekkend.lspmonitor.report.document import rapport_document, rapport_xlsx
from dekkend.lspmonitor.report.inputs import RondeOnbekend, rapport_invoer
from dekkend.regions.models import Indeling

FORMATS = ("pdf", "docx", "xlsx")


class Command(BaseCommand):
    help = (
        "Genereer het rapport van een monitorronde laagdrempelige steunpunten "
        "uit de gegevens: PDF of DOCX, of een XLSX met elke tabel."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--ronde", type=int, required=True, help="jaar van de ronde"
        )
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument(
            "--indeling",
            default=None,
            help="ook tabel 4 naar deze regio-indeling, bijv. zorgkantoorregio-2025",
        )
        parser.add_argument("--output", required=True, help="bestand om te schrijven")

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"Map '{output.parent}' bestaat niet.")
        with translation.override("nl"), transaction.atomic():
            # One snapshot: a response submitted meanwhile is in all tables or
            # in none (repeatable reads where the database offers them).
            try:
                invoer = rapport_invoer(
                    ronde=options["ronde"], indeling=options["indeling"]
                )
            except RondeOnbekend:
                raise CommandError(
                    f"Er is geen monitorronde {options['ronde']}."
                ) from None
            except Indeling.DoesNotExist:
                known = ", ".join(Indeling.objects.values_list("naam", flat=True))
                raise CommandError(
                    f"Onbekende indeling '{options['indeling']}'. Bekend: {known}."
                ) from None
            except VragenlijstFout as exc:
                raise CommandError(
                    f"De vragenlijst van ronde {options['ronde']} ontbreekt: {exc}"
                ) from None
            data = self._render(invoer, options["format"])
        output.write_bytes(data)
        self.stdout.write(
            f"Rapport {invoer.jaar} ({options['format']}, {len(data)} bytes) "
            f"geschreven naar {output}."
        )

    @staticmethod
    def _render(invoer: Any, fmt: str) -> bytes:
        if fmt == "xlsx":
            return rapport_xlsx(invoer)
        document = rapport_document(invoer)
        if fmt == "pdf":
            from dekkend.documents.pdf import render_pdf

            return render_pdf(document)
        from dekkend.documents.docx import render_docx

        return render_docx(document)
