# SPDX-License-Identifier: EUPL-1.2
"""Settings for benchmark servers only: the development settings the bench
already serves with, plus a URLconf that adds the floor endpoint. Lives in
bench/, never on the package path, so production cannot mount it."""

from dekkend.conf.dev import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
