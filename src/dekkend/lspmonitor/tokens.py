# SPDX-License-Identifier: EUPL-1.2
"""Tokens of the personal questionnaire links.

A token is `secrets.token_urlsafe(32)` (256 random bits); only its SHA-256 is
stored, so a copy of the database gives no working link. Plain Python.
"""

import hashlib
import secrets

TOKEN_BYTES = 32


def token_new() -> tuple[str, str]:
    """A fresh token and the hash to store.

    >>> token, digest = token_new()
    >>> token_hash(token) == digest and len(digest) == 64
    True
    """
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
