# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "dekkend.register"
    label = "register"
    verbose_name = _("Register (sociale kaart)")
