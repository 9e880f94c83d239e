# SPDX-License-Identifier: EUPL-1.2
"""Read-only admin views of the werkagenda: every write goes through the
services (locking, history, audit), so the admin only shows."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from dekkend.werkagenda.models import (
    Bevriezing,
    Collegebesluit,
    Mijlpaal,
    Projectdoelstelling,
    SectieWijziging,
    SpukBedrag,
    Verdeelsleutel,
    Werkagenda,
)


class AlleenLezen(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Werkagenda)
class WerkagendaAdmin(AlleenLezen):
    list_display = [
        "regio",
        "periode_van",
        "periode_tot",
        "versie",
        "status",
        "vastgesteld_op",
    ]
    list_filter = ["status", "regio__indeling"]


@admin.register(SectieWijziging)
class SectieWijzigingAdmin(AlleenLezen):
    list_display = ["sectie", "revisie", "gewijzigd_op", "gewijzigd_door"]


@admin.register(Projectdoelstelling)
class ProjectdoelstellingAdmin(AlleenLezen):
    list_display = ["werkagenda", "onderdeel", "maatstaf", "streefwaarde", "uiterlijk"]


@admin.register(Mijlpaal)
class MijlpaalAdmin(AlleenLezen):
    list_display = ["werkagenda", "onderdeel", "kwartaal", "status"]


@admin.register(Collegebesluit)
class CollegebesluitAdmin(AlleenLezen):
    list_display = ["werkagenda", "gemeente", "datum", "uitkomst"]


@admin.register(Bevriezing)
class BevriezingAdmin(AlleenLezen):
    list_display = ["werkagenda", "peildatum"]
    exclude = ["gegevens"]


@admin.register(SpukBedrag)
class SpukBedragAdmin(AlleenLezen):
    list_display = ["regeling", "onderdeel", "jaar", "bedrag", "bron"]


@admin.register(Verdeelsleutel)
class VerdeelsleutelAdmin(AlleenLezen):
    list_display = ["naam", "gemeente", "aandeel"]
    list_filter = ["naam"]
