# SPDX-License-Identifier: EUPL-1.2
"""The national SPUK amounts of 004 §4 as reference data."""

from typing import Any

from django.db import migrations


def load(apps: Any, schema_editor: Any) -> None:
    from dekkend.werkagenda.constants import SPUK_BEDRAGEN, SPUK_BRON

    SpukBedrag = apps.get_model("werkagenda", "SpukBedrag")
    for regeling, onderdeel, per_jaar in SPUK_BEDRAGEN:
        for jaar, miljoen in per_jaar.items():
            SpukBedrag.objects.update_or_create(
                regeling=regeling,
                onderdeel=str(onderdeel),
                jaar=jaar,
                defaults={"bedrag": miljoen * 1_000_000, "bron": SPUK_BRON},
            )


class Migration(migrations.Migration):
    dependencies = [("werkagenda", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
