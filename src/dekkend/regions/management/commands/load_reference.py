# SPDX-License-Identifier: EUPL-1.2
"""`dekkend load-reference [--data-dir DIR]`: gemeenten, PC4, divisions."""

import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from dekkend.importing import ImportFout
from dekkend.regions.importers.cbs import cbs_bevolking_load
from dekkend.regions.importers.reference import reference_load


class Command(BaseCommand):
    help = (
        "Laadt gemeenten, bevolking, postcodegebieden (PC4) en regio-indelingen uit "
        "de referentiedata. Standaardmap: $DEKKEND_DATA_DIR, anders ../shared/data "
        "naast de checkout. CBS-kerncijferbestanden in <map>/cbs/ met een jaartal "
        "in de naam (bijv. kwb-2025.csv) worden daarna geladen als bevolking van dat jaar."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--data-dir", type=Path, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        data_dir: Path = options["data_dir"] or settings.DEKKEND_DATA_DIR
        try:
            # The reference files and the CBS files are one change: all or none.
            with transaction.atomic():
                report = reference_load(data_dir)
                cbs_dir = data_dir / "cbs"
                cbs_files = sorted(cbs_dir.glob("*.csv")) if cbs_dir.is_dir() else []
                for path in cbs_files:
                    match = re.search(r"(20\d\d)", path.name)
                    if not match:
                        raise ImportFout(
                            path.name,
                            "geen jaartal in de bestandsnaam (bijv. kwb-2025.csv)",
                        )
                    count, changed = cbs_bevolking_load(
                        path, peiljaar=int(match.group(1))
                    )
                    report.changed += changed
                    self.stdout.write(f"CBS {path.name}: {count} gemeenten")
        except ImportFout as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{report.gemeenten} gemeenten ({report.inwoners:,} inwoners op 1-1-2024), "
            f"{report.postcodegebieden} postcodegebieden, indelingen: "
            + ", ".join(f"{k} ({v} regio's)" for k, v in report.indelingen.items())
            + f"; {report.changed} rijen gewijzigd."
        )
