# SPDX-License-Identifier: EUPL-1.2
"""schemathesis hooks for scripts/schemathesis: the CSRF cookie and header.

The session cookie is schemathesis' own business (`cookieAuth` in the
generated config), so it can leave it out on purpose; the CSRF token that
Django wants beside it on unsafe methods is added to every call here.
"""

import os
from typing import Any

import schemathesis

CSRF = os.environ.get("DEKKEND_CSRF_TOKEN", "")


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    if CSRF:
        case.cookies = {**(case.cookies or {}), "csrftoken": CSRF}
        case.headers = {**(case.headers or {}), "X-CSRFToken": CSRF}
