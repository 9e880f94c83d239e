# SPDX-License-Identifier: EUPL-1.2
"""Settings of the benchmark servers only: the development settings plus
`floor_urls`, which mounts the floor endpoints beside the real routes.
Never used in production (it lives outside the package, in bench/)."""

from dekkend.conf.dev import *  # noqa: F403

ROOT_URLCONF = "floor_urls"
