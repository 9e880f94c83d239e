# SPDX-License-Identifier: EUPL-1.2
"""The import rule of STYLE.md §2 for `dekkend.monitoring.indicators` and the
neutral `dekkend.werkdagen` it uses.

Every module is imported in a fresh interpreter that must end without
`django` in `sys.modules`, and every source file is parsed so an import of
Django, or of another part of `dekkend` that may pull it in, is named even
inside a function. No database is needed.
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import dekkend.monitoring.indicators as indicators_package

PACKAGE = "dekkend.monitoring.indicators"
# Neutral plain-Python modules the indicators may import.
NEUTRAL = ("dekkend.werkdagen",)
INDICATORS_DIR = Path(indicators_package.__file__).resolve().parent
WERKDAGEN = INDICATORS_DIR.parents[1] / "werkdagen.py"
# Package roots run on import; they must stay free of Django too.
ROOT_INITS = (
    INDICATORS_DIR.parents[1] / "__init__.py",  # dekkend
    INDICATORS_DIR.parent / "__init__.py",  # dekkend.monitoring
)

IMPORT_ALL = f"""
import importlib, json, pkgutil, sys
import {PACKAGE} as package
names = [package.__name__] + [
    f"{{package.__name__}}.{{m.name}}" for m in pkgutil.iter_modules(package.__path__)
]
for name in names + {list(NEUTRAL)!r}:
    importlib.import_module(name)
print(json.dumps({{
    "imported": names,
    "django": sorted(m for m in sys.modules if m.split(".")[0] == "django"),
    "frameworks": sorted(
        m for m in sys.modules
        if m.split(".")[0] in ("rest_framework", "drf_spectacular")
    ),
}}))
"""


def _imported_names(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: use absolute imports"
            assert node.module is not None
            names.append(node.module)
    return names


def test_every_indicator_module_imports_without_loading_django() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    completed = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", IMPORT_ALL],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    modules = {p.stem for p in INDICATORS_DIR.glob("*.py")} - {"__init__"}
    assert set(report["imported"]) == {PACKAGE} | {f"{PACKAGE}.{m}" for m in modules}
    assert {"model", "referrals", "suppression"} <= modules
    assert report["django"] == []
    assert report["frameworks"] == []


def test_indicator_sources_import_neither_django_nor_other_apps() -> None:
    offending = []
    paths = sorted(INDICATORS_DIR.glob("*.py")) + [WERKDAGEN]
    for path in paths:
        for name in _imported_names(path):
            top = name.split(".", 1)[0]
            framework = top in {"django", "rest_framework", "drf_spectacular"}
            own = name.startswith(f"{PACKAGE}.") or (
                name in NEUTRAL and path != WERKDAGEN
            )
            other_app = top == "dekkend" and not own
            if framework or other_app:
                offending.append(f"{path.name}: {name}")
    assert offending == []


def test_package_roots_are_free_of_django() -> None:
    for init in ROOT_INITS:
        names = _imported_names(init)
        assert all(not name.startswith(("django", "rest_framework")) for name in names)
