# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "dekkend.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring en indicatoren")
