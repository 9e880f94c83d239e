# SPDX-License-Identifier: EUPL-1.2
"""Where the project, its state and the reference data live."""

from pathlib import Path

from dekkend.conf.env import env_path

PACKAGE_DIR = Path(__file__).resolve().parents[2]
# The checkout root when running from source (src/dekkend -> root).
PROJECT_DIR = PACKAGE_DIR.parents[1]
VAR_DIR = env_path("DEKKEND_VAR_DIR", PROJECT_DIR / "var")
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Reference data (municipalities, population, divisions): `../shared/data`
# beside the checkout unless DEKKEND_DATA_DIR says otherwise.
DEKKEND_DATA_DIR = env_path("DEKKEND_DATA_DIR", PROJECT_DIR.parent / "shared" / "data")
