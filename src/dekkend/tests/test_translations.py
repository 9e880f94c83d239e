# SPDX-License-Identifier: EUPL-1.2
"""Every Dutch text has its English translation, and the compiled catalogue is current.

Runs Django's `makemessages` on a copy of the source tree (the repository's
catalogue is left alone), then asks GNU gettext which messages of the fresh
catalogue are untranslated or fuzzy. A new `gettext` string without an English
msgstr fails here, naming the string, so the English switch never falls back to
Dutch unnoticed.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1]
CATALOGUE = Path("locale/en/LC_MESSAGES/django.po")


def _msgids(po_text: str) -> list[str]:
    return [
        line.removeprefix("msgid ")
        for line in po_text.splitlines()
        if line.startswith("msgid ") and line != 'msgid ""'
    ]


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("msgattrib") is None:
        pytest.fail("GNU gettext (msgattrib) is missing: apt-get install gettext")
    tree = tmp_path_factory.mktemp("messages") / "dekkend"
    shutil.copytree(
        SRC, tree, ignore=shutil.ignore_patterns("__pycache__", "tests", "*.mo")
    )
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-obsolete"],
        cwd=tree,
        check=True,
        capture_output=True,
    )
    catalogue = tree / CATALOGUE
    # The extraction found the project's texts, not an empty tree.
    assert len(_msgids(catalogue.read_text(encoding="utf-8"))) > 1000
    return catalogue


@pytest.mark.parametrize("kind", ["--untranslated", "--only-fuzzy"])
def test_every_message_has_an_english_translation(
    fresh_catalogue: Path, kind: str
) -> None:
    found = subprocess.run(
        ["msgattrib", kind, "--no-obsolete", str(fresh_catalogue)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    missing = _msgids(found)
    assert not missing, (
        f"{len(missing)} messages without English ({kind}); run `dekkend makemessages "
        f"-l en` in src/dekkend and translate them:\n" + "\n".join(missing[:40])
    )


def test_compiled_catalogue_matches_the_po_file(tmp_path: Path) -> None:
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check", "-o", str(compiled), str(SRC / CATALOGUE)], check=True
    )
    committed = SRC / CATALOGUE.with_suffix(".mo")
    assert compiled.read_bytes() == committed.read_bytes(), (
        "django.mo is stale: run `dekkend compilemessages` (or msgfmt) and commit it"
    )
