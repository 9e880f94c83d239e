# SPDX-License-Identifier: EUPL-1.2
"""The plain-Python part of the report (`model`, `tables`, `graphs`, `export`) imports
without Django: each module is imported in a fresh interpreter that must end
without `django` in `sys.modules`, and its source may import only plain
modules of other apps (named below)."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import dekkend.lspmonitor.report as report_package

PLAIN = ("model", "tables", "graphs", "export")
REPORT_DIR = Path(report_package.__file__).resolve().parent
# Plain-Python modules of other apps the report reuses.
ALLOWED = (
    "dekkend.lspmonitor.report",
    "dekkend.lspmonitor.questionnaire",
    "dekkend.monitoring.indicators",
    "dekkend.register.lsp_type",
    "dekkend.register.afwegingskader",
)

IMPORT_PLAIN = f"""
import importlib, json, sys
for name in {[f"dekkend.lspmonitor.report.{m}" for m in PLAIN]!r}:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "django")))
"""


def test_plain_report_modules_import_without_django() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    completed = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", IMPORT_PLAIN],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout.strip().splitlines()[-1]) == []


def test_plain_report_sources_import_only_plain_modules() -> None:
    offending = []
    for stem in PLAIN:
        path = REPORT_DIR / f"{stem}.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                # `from dekkend.register import lsp_type` imports the module
                # dekkend.register.lsp_type (and runs the package root).
                names = [f"{node.module}.{alias.name}" for alias in node.names]
            for name in names:
                top = name.split(".", 1)[0]
                if top in {"django", "rest_framework"} or (
                    top == "dekkend" and not name.startswith(ALLOWED)
                ):
                    offending.append(f"{stem}: {name}")
    assert offending == []
