# SPDX-License-Identifier: EUPL-1.2
"""A counter that says the register changed: each process keeps the public
search's snapshot until it sees a higher number (see register/search.py)."""

from django.db import models


class RegisterVersie(models.Model):
    """One row (pk 1); `versie` only ever goes up."""

    versie = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "registerversie"
        verbose_name_plural = "registerversie"

    def __str__(self) -> str:
        return str(self.versie)
