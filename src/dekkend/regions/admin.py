# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.contrib import admin

from dekkend.regions.models import (
    Bevolking,
    Gemeente,
    Indeling,
    Postcodegebied,
    Regio,
    RegioGemeente,
    RegioLid,
)


class BevolkingInline(admin.TabularInline[Bevolking, Gemeente]):
    model = Bevolking
    extra = 0


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin[Gemeente]):
    list_display = ["code", "naam", "stedelijkheid", "opp_land_km2"]
    search_fields = ["code", "naam"]
    list_filter = ["stedelijkheid"]
    exclude = ["geometrie"]
    inlines = [BevolkingInline]


@admin.register(Postcodegebied)
class PostcodegebiedAdmin(admin.ModelAdmin[Postcodegebied]):
    list_display = ["pc4", "plaats", "gemeente", "inwoners"]
    search_fields = ["pc4", "plaats"]
    list_select_related = ["gemeente"]


class RegioGemeenteInline(admin.TabularInline[RegioGemeente, Regio]):
    model = RegioGemeente
    extra = 0
    autocomplete_fields = ["gemeente"]
    fields = ["gemeente"]


@admin.register(Indeling)
class IndelingAdmin(admin.ModelAdmin[Indeling]):
    list_display = ["titel", "naam", "volledig", "peildatum", "bron"]


@admin.register(Regio)
class RegioAdmin(admin.ModelAdmin[Regio]):
    list_display = ["naam", "code", "indeling"]
    list_filter = ["indeling"]
    search_fields = ["naam", "code"]
    exclude = ["geometrie"]
    inlines = [RegioGemeenteInline]

    def save_formset(self, request: Any, form: Any, formset: Any, change: bool) -> None:
        for obj in formset.save(commit=False):
            obj.indeling = form.instance.indeling
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()


@admin.register(RegioLid)
class RegioLidAdmin(admin.ModelAdmin[RegioLid]):
    list_display = ["user", "regio"]
    list_filter = ["regio__indeling"]
    autocomplete_fields = ["user", "regio"]
