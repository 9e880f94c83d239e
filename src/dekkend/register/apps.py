# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "dekkend.register"
    label = "register"
    verbose_name = _("Register (sociale kaart)")

    def ready(self) -> None:
        # Cache invalidation, not a business rule: any write to a model the
        # public search shows gives the register a new version token, also
        # from the admin and the importers (register/search.py, ADR 0012).
        from django.db.models.signals import post_delete, post_save

        from dekkend.register import models

        for model in (
            models.Organisatie,
            models.Locatie,
            models.Aanbod,
            models.Steunpunt,
            models.Openingsdagdeel,
            models.AanbodDoelgroep,
        ):
            post_save.connect(_changed, sender=model, dispatch_uid=f"search-{model}")
            post_delete.connect(
                _changed, sender=model, dispatch_uid=f"search-del-{model}"
            )


def _changed(**kwargs: object) -> None:
    from dekkend.register.search import register_changed

    register_changed()
