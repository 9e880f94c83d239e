# SPDX-License-Identifier: EUPL-1.2
"""`lspmonitor.questionnaire` is plain Python: every module is imported in a
fresh interpreter that must end without `django` in `sys.modules`, and no
module's source imports Django or another part of `dekkend` (even inside a
function). Its user-facing messages reach Django's gettext only through
`sys.modules`, never by importing it."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import dekkend.lspmonitor.questionnaire as questionnaire_package

PACKAGE = "dekkend.lspmonitor.questionnaire"
PACKAGE_DIR = Path(questionnaire_package.__file__).resolve().parent

IMPORT_ALL = f"""
import importlib, json, pkgutil, sys
import {PACKAGE} as package
names = [package.__name__] + [
    f"{{package.__name__}}.{{m.name}}" for m in pkgutil.iter_modules(package.__path__)
]
for name in names:
    importlib.import_module(name)
from {PACKAGE}.definition import vragenlijst_latest
from {PACKAGE}.engine import valideer
vl = vragenlijst_latest()
errors = valideer(vl, {{"rol": {{"keuze": "xx"}}}}, volledig=False)
print(json.dumps({{
    "imported": names,
    "errors": errors,
    "django": sorted(m for m in sys.modules if m.split(".")[0] == "django"),
}}))
"""


def _modules() -> list[Path]:
    return sorted(PACKAGE_DIR.glob("*.py"))


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


def test_every_questionnaire_module_imports_and_works_without_django() -> None:
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
    # Messages stay Dutch without Django.
    assert report["errors"] == {
        "rol": "Vraag 2: 'xx' is geen antwoordoptie van deze vraag."
    }


def test_questionnaire_sources_import_neither_django_nor_other_apps() -> None:
    modules = _modules()
    assert {p.stem for p in modules} >= {
        "definition",
        "engine",
        "formulier",
        "weergave",
        "aggregate",
    }
    offending = []
    for path in modules:
        for name in _imported_names(path):
            top = name.split(".", 1)[0]
            framework = top in {"django", "rest_framework", "drf_spectacular"}
            other = top == "dekkend" and not (
                name == PACKAGE or name.startswith(f"{PACKAGE}.")
            )
            if framework or other:
                offending.append(f"{path.name}: {name}")
    assert offending == []


def test_package_parents_are_free_of_django() -> None:
    for init in (
        PACKAGE_DIR.parent / "__init__.py",
        PACKAGE_DIR.parents[1] / "__init__.py",
    ):
        assert all(not n.startswith("django") for n in _imported_names(init)), init
