# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.http import HttpRequest

from dekkend.coverage.models import AnalysisRun, ParameterAfwijking, Realisatie


@admin.register(AnalysisRun)
class AnalysisRunAdmin(admin.ModelAdmin[AnalysisRun]):
    list_display = [
        "pk",
        "aangemaakt_op",
        "indeling",
        "regio",
        "peildatum",
        "code_version",
        "duur_ms",
    ]
    list_filter = ["indeling"]
    exclude = ["resultaat"]
    readonly_fields = [
        f.name for f in AnalysisRun._meta.fields if f.name != "resultaat"
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ParameterAfwijking)
class ParameterAfwijkingAdmin(admin.ModelAdmin[ParameterAfwijking]):
    list_display = ["regio", "sleutel", "waarde", "ingevoerd_op", "ingevoerd_door"]
    list_filter = ["sleutel"]

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False  # rows are history: add a new one instead


@admin.register(Realisatie)
class RealisatieAdmin(admin.ModelAdmin[Realisatie]):
    list_display = ["regio", "basisfunctionaliteit", "sleutel", "jaar", "waarde"]
    list_filter = ["basisfunctionaliteit", "jaar"]
