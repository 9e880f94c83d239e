# SPDX-License-Identifier: EUPL-1.2
"""Template filters of the referral pages."""

from typing import Any

from django import template

register = template.Library()


@register.filter
def zonder_punt(label: Any) -> str:
    """A label without its closing full stop, to put ": error" after it."""
    return str(label).rstrip(" .")


@register.filter
def fouten_in(form: Any, namen: str) -> bool:
    """Whether any of the comma-separated fields has an error: a folded
    `<details>` with a wrong field in it opens."""
    velden = [naam.strip() for naam in namen.split(",")]
    return any(form[naam].errors for naam in velden if naam in form.fields)
