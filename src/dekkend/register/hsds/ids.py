# SPDX-License-Identifier: EUPL-1.2
"""Stable HSDS identifiers for what the register does not store as rows.

Organisations, locations and offers keep their own `uuid`. Taxonomies, terms,
schedules, addresses, phones, attributes and service-at-locations get a UUID5
derived from a fixed namespace and a readable key, so that the same record
always gets the same id and no id needs to be stored.
"""

import uuid

# Fixed for good: changing it changes every derived id.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:dekkend:hsds")


def derived_id(kind: str, *key: object) -> str:
    """UUID5 of "<kind>:<key>:<key>…" in NAMESPACE, as a string.

    >>> derived_id("taxonomy", "lsp_type") == derived_id("taxonomy", "lsp_type")
    True
    >>> derived_id("taxonomy", "lsp_type") != derived_id("taxonomy", "doelgroep")
    True
    """
    return str(uuid.uuid5(NAMESPACE, ":".join([kind, *(str(k) for k in key)])))
