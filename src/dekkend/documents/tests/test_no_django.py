# SPDX-License-Identifier: EUPL-1.2
"""The import rule for `dekkend.documents`: the renderers are plain Python.

Every module except `http.py` (responses) and `apps.py` (the app config)
is imported in a fresh interpreter that must end without `django` in
`sys.modules`, and the sources are parsed so that an import of Django, or of
another dekkend app than `dekkend.regions.svgmap` (or the neutral
`dekkend.spreadsheet`), is named even inside a
function. No database is needed.
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import dekkend.documents as documents_package

PACKAGE_DIR = Path(documents_package.__file__).resolve().parent
PACKAGE = "dekkend.documents"
DJANGO_MODULES = {"http", "apps"}
# svgmap, and the neutral plain module for safe spreadsheet cells.
ALLOWED_DEKKEND = ("dekkend", PACKAGE, "dekkend.regions.svgmap", "dekkend.spreadsheet")

IMPORT_ALL = """
import importlib, json, sys
names = json.loads(sys.argv[1])
for name in names:
    importlib.import_module(name)
print(json.dumps({
    "django": sorted(m for m in sys.modules if m.split(".")[0] == "django"),
    "dekkend": sorted(m for m in sys.modules if m.startswith("dekkend.")),
}))
"""


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE_DIR.glob("*.py") if p.stem not in DJANGO_MODULES)


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


def test_renderers_import_without_loading_django() -> None:
    names = [f"{PACKAGE}.{p.stem}" for p in _modules() if p.stem != "__init__"]
    # Render something too, so the imports inside functions run.
    code = IMPORT_ALL + (
        "from dekkend.documents.tests.samples import werkagenda\n"
        "from dekkend.documents.docx import render_docx\n"
        "from dekkend.documents.docx_read import read_docx\n"
        "from dekkend.documents.pdf import render_html\n"
        "read_docx(render_docx(werkagenda())); render_html(werkagenda())\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django']\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    completed = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code, json.dumps(names)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout.strip().splitlines()[0])
    assert report["django"] == []
    others = [
        m
        for m in report["dekkend"]
        if not m.startswith(f"{PACKAGE}.")
        and m not in ("dekkend.regions", *ALLOWED_DEKKEND)
    ]
    assert others == []


def test_sources_import_neither_django_nor_other_apps() -> None:
    modules = _modules()
    assert {p.stem for p in modules} >= {
        "model",
        "docx",
        "docx_read",
        "pdf",
        "xlsx",
        "charts",
        "numbers",
        "text",
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


def test_regions_package_root_is_free_of_django() -> None:
    # Importing dekkend.regions.svgmap runs dekkend/__init__ and
    # dekkend/regions/__init__ first.
    for init in (
        PACKAGE_DIR.parent / "__init__.py",
        PACKAGE_DIR.parent / "regions" / "__init__.py",
    ):
        assert all(not n.startswith("django") for n in _imported_names(init)), init
