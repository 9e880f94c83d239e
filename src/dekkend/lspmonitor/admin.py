# SPDX-License-Identifier: EUPL-1.2
"""Admin of the LSP monitor. Responses are read-only (answers are written by
respondents through their link only); respondents' names and e-mail
addresses are shown only to users holding `lspmonitor.view_respondenten`."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from dekkend.lspmonitor.models import (
    Beoordeling,
    BezoekersTelling,
    Kandidaat,
    LocatieVoorstel,
    Respons,
    Ronde,
    Uitnodiging,
)

PERSONAL = ("naam", "email")


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Ronde)
class RondeAdmin(ReadOnlyAdmin):
    list_display = ("jaar", "status", "open_op", "sluit_op", "indeling")
    list_filter = ("status",)


@admin.register(Kandidaat)
class KandidaatAdmin(ReadOnlyAdmin):
    list_display = ("naam", "ronde", "regio", "gemeente", "bron", "besluit", "reden")
    list_filter = ("ronde", "bron", "besluit")
    search_fields = ("naam", "organisatie_naam")


@admin.register(Beoordeling)
class BeoordelingAdmin(ReadOnlyAdmin):
    list_display = ("kandidaat", "rol", "beoordeeld_op")
    list_filter = ("rol",)


@admin.register(Uitnodiging)
class UitnodigingAdmin(ReadOnlyAdmin):
    list_filter = ("ronde", "rol")
    exclude = ("token_hash",)

    def _personal(self, request: HttpRequest) -> bool:
        return request.user.has_perm("lspmonitor.view_respondenten")

    def get_list_display(self, request: HttpRequest) -> tuple[str, ...]:
        base = ("ronde", "rol", "regio", "organisatie", "verstuurd_op")
        return (*PERSONAL, *base) if self._personal(request) else ("pk", *base)

    def get_exclude(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        if self._personal(request):
            return ("token_hash",)
        return ("token_hash", *PERSONAL)

    def get_search_fields(self, request: HttpRequest) -> tuple[str, ...]:
        return PERSONAL if self._personal(request) else ()


@admin.register(Respons)
class ResponsAdmin(ReadOnlyAdmin):
    list_display = ("pk", "ronde", "rol", "regio", "status", "ingediend_op")
    list_filter = ("ronde", "rol", "status", "synthetisch")
    exclude = ("uitnodiging",)


@admin.register(LocatieVoorstel)
class LocatieVoorstelAdmin(ReadOnlyAdmin):
    list_display = ("locatie", "status", "aangemaakt_op", "beoordeeld_op")
    list_filter = ("status",)


@admin.register(BezoekersTelling)
class BezoekersTellingAdmin(ReadOnlyAdmin):
    list_display = ("steunpunt", "datum", "dagdeel", "aantal")
    list_filter = ("dagdeel",)
