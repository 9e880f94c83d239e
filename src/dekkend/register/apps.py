# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "dekkend.register"
    label = "register"
    verbose_name = _("Register (sociale kaart)")

    def ready(self) -> None:
        # Any write to a model the public search shows gives the register a
        # new version token, also from the admin and the importers
        # (register/search.py, versions/signals.py).
        from dekkend.register import models
        from dekkend.register.constants import VERSION_SOURCE
        from dekkend.versions.signals import track

        track(
            VERSION_SOURCE,
            (
                models.Organisatie,
                models.Locatie,
                models.Aanbod,
                models.Steunpunt,
                models.Openingsdagdeel,
                models.AanbodDoelgroep,
            ),
        )
