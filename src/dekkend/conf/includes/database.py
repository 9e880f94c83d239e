# SPDX-License-Identifier: EUPL-1.2
"""Database from DATABASE_URL; the embedded default is a local SQLite file."""

import dj_database_url

from dekkend.conf.env import env
from dekkend.conf.includes.paths import VAR_DIR

DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'dekkend.sqlite3'}"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", DEFAULT_SQLITE_URL), conn_max_age=60
    )
}
# Connections are kept between requests (per thread) on both databases: on
# SQLite, opening one and running the pragmas below cost the public search
# more than answering it (bench/README.md). A kept connection is checked
# before it is reused.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the public search read while an import writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
