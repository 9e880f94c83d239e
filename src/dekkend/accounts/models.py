# SPDX-License-Identifier: EUPL-1.2
"""Users. Roles are groups (see `roles.py`); organisations live in `register`.

The custom permission `persoonsgegevens_verwerken` marks users who work with
personal data: they must pass two-factor verification (see `middleware.py`).
Two-factor devices are django-otp's own `otp_totp.TOTPDevice`.
"""

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from dekkend.accounts.constants import Beroep


class User(AbstractUser):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    beroep = models.CharField(
        _("beroep"),
        max_length=30,
        choices=Beroep.choices,
        blank=True,
        help_text=_("Bepaalt onder meer of iemand in een regio mag verwijzen."),
    )

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"
        permissions = [
            (
                "persoonsgegevens_verwerken",
                "Werkt met persoonsgegevens; tweestapsverificatie verplicht",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username
