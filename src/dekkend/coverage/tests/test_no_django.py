# SPDX-License-Identifier: EUPL-1.2
"""The import rule of STYLE.md §2: `dekkend.coverage.analysis` is plain Python.

Two independent checks: every module is imported in a fresh interpreter that
must end without `django` in `sys.modules`, and the source of every module is
parsed so an import of Django, or of another part of `dekkend` that may pull
it in, is named even when it sits inside a function. No database is needed.
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import dekkend.coverage.analysis as analysis_package

ANALYSIS_DIR = Path(analysis_package.__file__).resolve().parent
PACKAGE = "dekkend.coverage.analysis"
# Outside the analysis package only the package root may be imported: it only
# holds the version string.
ALLOWED_DEKKEND = ("dekkend", PACKAGE)

IMPORT_ALL = f"""
import importlib, json, pkgutil, sys
import {PACKAGE} as package
names = [package.__name__] + [
    f"{{package.__name__}}.{{m.name}}" for m in pkgutil.iter_modules(package.__path__)
]
for name in names:
    importlib.import_module(name)
print(json.dumps({{
    "imported": names,
    "django": sorted(m for m in sys.modules if m.split(".")[0] == "django"),
}}))
"""


def _modules() -> list[Path]:
    return sorted(ANALYSIS_DIR.glob("*.py"))


def _imported_names(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: use absolute imports"
            assert node.module is not None
            names.append(node.module)
    return names


def test_every_analysis_module_imports_without_loading_django() -> None:
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
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    expected = {f"{PACKAGE}.{p.stem}" for p in _modules() if p.stem != "__init__"}
    assert set(report["imported"]) == expected | {PACKAGE}
    assert report["django"] == []


def test_analysis_sources_import_neither_django_nor_other_apps() -> None:
    modules = _modules()
    assert {p.stem for p in modules} >= {
        "model",
        "parameters",
        "distance",
        "coverage",
        "targets",
        "aggregate",
        "report",
    }
    offending = []
    for path in modules:
        for name in _imported_names(path):
            top = name.split(".", 1)[0]
            framework = top in {"django", "rest_framework", "drf_spectacular"}
            other_app = top == "dekkend" and not (
                name in ALLOWED_DEKKEND or name.startswith(f"{PACKAGE}.")
            )
            if framework or other_app:
                offending.append(f"{path.name}: {name}")
    assert offending == []


def test_package_root_is_free_of_django_too() -> None:
    root = Path(analysis_package.__file__).resolve().parents[2] / "__init__.py"
    assert all(not name.startswith("django") for name in _imported_names(root)), (
        "importing dekkend.coverage.analysis runs dekkend/__init__.py first"
    )
    coverage_init = ANALYSIS_DIR.parent / "__init__.py"
    assert all(not name.startswith("django") for name in _imported_names(coverage_init))
