# SPDX-License-Identifier: EUPL-1.2
"""Template filters of the werkagenda pages."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def anker(adres: str) -> str:
    """ "3a.1.situatie" → "3a-1-situatie" (an id without dots)."""
    return str(adres).replace(".", "-")


@register.filter
def euro(value: Decimal | float | None) -> str:
    """ "€ 1.234.567"; "—" when unknown."""
    if value is None:
        return "—"
    text = f"{value:,.0f}".replace(",", ".")
    return f"€ {text}"


@register.filter
def procent(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{100 * value:.0f}%"
