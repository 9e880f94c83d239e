# SPDX-License-Identifier: EUPL-1.2
"""Users. Roles are groups (see `roles.py`); organisations live in `register`."""

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    def __str__(self) -> str:
        return self.get_full_name() or self.username
