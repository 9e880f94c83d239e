# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "dekkend.referrals"
    label = "referrals"
    verbose_name = _("Sociaal verwijzen")
