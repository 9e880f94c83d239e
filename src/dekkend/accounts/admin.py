# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from dekkend.accounts.models import User


@admin.register(User)
class DekkendUserAdmin(UserAdmin):
    search_fields = ["username", "first_name", "last_name", "email"]
