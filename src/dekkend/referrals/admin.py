# SPDX-License-Identifier: EUPL-1.2
"""Only the configuration of sociaal verwijzen is in the admin. Referrals
themselves hold personal data and are deliberately not: the beheerder sees
them only through the audited pages, with a reason."""

from django.contrib import admin

from dekkend.referrals.models import RegioInstelling, Werkgebied


@admin.register(RegioInstelling)
class RegioInstellingAdmin(admin.ModelAdmin[RegioInstelling]):
    list_display = [
        "regio",
        "termijn_eerste_terugkoppeling_werkdagen",
        "bewaartermijn_maanden",
        "bsn_toegestaan",
    ]
    autocomplete_fields = ["regio"]


@admin.register(Werkgebied)
class WerkgebiedAdmin(admin.ModelAdmin[Werkgebied]):
    list_display = ["gemeente", "organisatie"]
    autocomplete_fields = ["gemeente", "organisatie"]
    search_fields = ["gemeente__naam", "organisatie__naam"]
