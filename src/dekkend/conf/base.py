# SPDX-License-Identifier: EUPL-1.2
"""Settings shared by every environment; one include per concern."""

import django_stubs_ext

from dekkend.conf.includes.apps import *  # noqa: F403
from dekkend.conf.includes.auth import *  # noqa: F403
from dekkend.conf.includes.database import *  # noqa: F403
from dekkend.conf.includes.email import *  # noqa: F403
from dekkend.conf.includes.i18n import *  # noqa: F403
from dekkend.conf.includes.paths import *  # noqa: F403
from dekkend.conf.includes.rest import *  # noqa: F403
from dekkend.conf.includes.security import *  # noqa: F403
from dekkend.conf.includes.templates import *  # noqa: F403

# Lets runtime code write generic classes such as ModelAdmin[Model].
django_stubs_ext.monkeypatch()
