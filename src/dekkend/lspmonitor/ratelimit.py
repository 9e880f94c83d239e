# SPDX-License-Identifier: EUPL-1.2
"""A fixed-window request limit per client address, kept in the cache.

Guards the token pages against guessing: LIMIET requests per VENSTER seconds
per IP address. With several processes the cache must be shared (Redis or
the database cache) for the limit to hold across them.
"""

import time

from django.core.cache import cache
from django.http import HttpRequest

from dekkend.accounts.backends import client_ip

LIMIET = 30
VENSTER_S = 60


def over_limit(request: HttpRequest, *, scope: str, limiet: int = LIMIET) -> bool:
    """Count this request; True when the address went over the limit."""
    ip = client_ip(request) or "onbekend"
    window = int(time.time() // VENSTER_S)
    key = f"ratelimit:{scope}:{ip}:{window}"
    if cache.add(key, 1, timeout=VENSTER_S + 5):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=VENSTER_S + 5)
        return False
    return count > limiet
