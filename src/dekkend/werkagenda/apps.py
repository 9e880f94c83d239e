# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WerkagendaConfig(AppConfig):
    name = "dekkend.werkagenda"
    label = "werkagenda"
    verbose_name = _("Werkagenda")
