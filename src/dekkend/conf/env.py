# SPDX-License-Identifier: EUPL-1.2
"""The one typed helper through which settings read the environment.

Only settings modules call it; application code reads `django.conf.settings`.
"""

import os
from pathlib import Path
from typing import overload


class ImproperlyConfiguredEnv(RuntimeError):
    """A required environment variable is missing or malformed."""


_TRUE = {"1", "true", "yes", "on", "ja"}
_FALSE = {"0", "false", "no", "off", "nee", ""}


@overload
def env(name: str, default: str) -> str: ...
@overload
def env(name: str, default: None = None) -> str | None: ...
def env(name: str, default: str | None = None) -> str | None:
    """Return the variable `name`, or `default` when it is unset."""
    return os.environ.get(name, default)


def env_required(name: str) -> str:
    """Return the variable `name`; refuse to start when it is unset or empty."""
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfiguredEnv(f"Environment variable {name} is required.")
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfiguredEnv(f"{name} must be a boolean, not {value!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default
