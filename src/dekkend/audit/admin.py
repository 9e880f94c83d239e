# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.http import HttpRequest

from dekkend.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ["occurred_at", "event", "actor", "object_type", "object_id"]
    list_filter = ["event", "object_type"]
    search_fields = ["object_id", "event"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
