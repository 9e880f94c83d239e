# SPDX-License-Identifier: EUPL-1.2
"""The register as Open Referral HSDS 3.0, read-only under /api/hsds/.

`taxonomies` holds our own taxonomies, `selectors` the queries, `mapping` turns
register records into HSDS objects and `views` serves them (see docs/hsds.md).
"""
