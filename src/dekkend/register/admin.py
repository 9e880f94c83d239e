# SPDX-License-Identifier: EUPL-1.2
"""The beheerder keeps everything through the admin. Saves of support points
and their half-days go through the same type derivation as the services."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from dekkend.audit.services import record
from dekkend.register.models import (
    Aanbod,
    AanbodDoelgroep,
    Afweging,
    KenmerkZelfbeoordeling,
    Locatie,
    MonitorTelling,
    Openingsdagdeel,
    Organisatie,
    OrganisatieLid,
    Steunpunt,
    SteunpuntHerstelaanbod,
)
from dekkend.register.services import steunpunt_recompute_type


class OrganisatieLidInline(admin.TabularInline[OrganisatieLid, Organisatie]):
    model = OrganisatieLid
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin[Organisatie]):
    list_display = ["naam", "soort", "bron", "geldig_van", "geldig_tot"]
    list_filter = ["soort"]
    search_fields = ["naam"]
    inlines = [OrganisatieLidInline]


@admin.register(Locatie)
class LocatieAdmin(admin.ModelAdmin[Locatie]):
    list_display = [
        "naam",
        "organisatie",
        "gemeente",
        "postcode",
        "coordinaat_benaderd",
        "positie_bron",
    ]
    list_filter = ["coordinaat_benaderd", "positie_bron"]
    search_fields = ["naam", "postcode", "plaats"]
    list_select_related = ["organisatie", "gemeente"]
    autocomplete_fields = ["organisatie", "gemeente"]


class DagdeelInline(admin.TabularInline[Openingsdagdeel, Aanbod]):
    model = Openingsdagdeel
    extra = 0


class DoelgroepInline(admin.TabularInline[AanbodDoelgroep, Aanbod]):
    model = AanbodDoelgroep
    extra = 0


@admin.register(Aanbod)
class AanbodAdmin(admin.ModelAdmin[Aanbod]):
    list_display = [
        "naam",
        "soort",
        "status",
        "organisatie",
        "geldig_van",
        "geldig_tot",
    ]
    list_filter = ["soort", "status"]
    search_fields = ["naam", "organisatie__naam"]
    list_select_related = ["organisatie"]
    autocomplete_fields = ["organisatie", "locatie"]
    inlines = [DagdeelInline, DoelgroepInline]

    def save_related(
        self, request: HttpRequest, form: Any, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        steunpunt = Steunpunt.objects.filter(aanbod=form.instance).first()
        if steunpunt is not None:
            steunpunt_recompute_type(steunpunt=steunpunt)
        record(
            "aanbod.updated" if change else "aanbod.created",
            request.user,
            form.instance,
            {"via": "admin"},
        )


class HerstelaanbodInline(admin.TabularInline[SteunpuntHerstelaanbod, Steunpunt]):
    model = SteunpuntHerstelaanbod
    extra = 0


class KenmerkInline(admin.TabularInline[KenmerkZelfbeoordeling, Steunpunt]):
    model = KenmerkZelfbeoordeling
    extra = 0


class AfwegingInline(admin.StackedInline[Afweging, Steunpunt]):
    model = Afweging
    extra = 0
    readonly_fields = ["op_basislijst"]


@admin.register(Steunpunt)
class SteunpuntAdmin(admin.ModelAdmin[Steunpunt]):
    list_display = ["__str__", "lsp_type", "dagdelen_per_week", "type_handmatig"]
    list_filter = [
        "lsp_type",
        "element_inloop",
        "element_door_en_voor",
        "element_herstelaanbod",
        "element_groeivijver",
    ]
    search_fields = ["aanbod__naam", "aanbod__organisatie__naam"]
    list_select_related = ["aanbod"]
    readonly_fields = ["dagdelen_per_week", "type_afgeleid", "lsp_type"]
    autocomplete_fields = ["aanbod", "hoofdsteunpunt"]
    inlines = [HerstelaanbodInline, KenmerkInline, AfwegingInline]

    def save_model(
        self, request: HttpRequest, obj: Steunpunt, form: Any, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        steunpunt_recompute_type(steunpunt=obj)

    def save_formset(
        self, request: HttpRequest, form: Any, formset: Any, change: bool
    ) -> None:
        from dekkend.register import afwegingskader

        for obj in formset.save(commit=False):
            if isinstance(obj, Afweging):
                obj.op_basislijst = afwegingskader.op_basislijst(
                    {f: getattr(obj, f) for f in afwegingskader.QUESTION_FIELDS}
                )
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(MonitorTelling)
class MonitorTellingAdmin(admin.ModelAdmin[MonitorTelling]):
    list_display = [
        "regio",
        "jaar",
        "groot",
        "middel",
        "klein",
        "respons_lsp",
        "respons_regiocoordinatoren",
    ]
    list_filter = ["jaar"]
