# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LspMonitorConfig(AppConfig):
    name = "dekkend.lspmonitor"
    label = "lspmonitor"
    verbose_name = _("Landelijke LSP-monitor")
