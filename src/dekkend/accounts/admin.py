# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from dekkend.accounts.models import User


@admin.register(User)
class DekkendUserAdmin(UserAdmin):
    search_fields = ["username", "first_name", "last_name", "email"]
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "beroep",
        "is_staff",
    ]
    list_filter = [*UserAdmin.list_filter, "beroep"]
    fieldsets = [*(UserAdmin.fieldsets or ()), (_("Beroep"), {"fields": ["beroep"]})]
    add_fieldsets = [
        *UserAdmin.add_fieldsets,
        (_("Beroep"), {"fields": ["beroep"]}),
    ]
