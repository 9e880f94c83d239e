# SPDX-License-Identifier: EUPL-1.2
"""Every kind of resource Dekkend sends, validated by the official HL7 FHIR
validator (org.hl7.fhir.validation.cli, R4 4.0.1, offline: `-tx n/a`), in one JVM run per
test session, against the R4 core package and Dekkend's own published
definitions (`-ig`). The result must have 0 errors per resource type.

`scripts/ensure-fhir-validator` (called by `scripts/test`) installs the
validator and the core package into a cache. Without them this test fails,
unless the script recorded why they could not be fetched on this machine:
then it is skipped with that reason, visibly, never passed.
"""

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from dekkend.referrals.fhir import conformance
from dekkend.referrals.tests.fhir_corpus import corpus

pytestmark = pytest.mark.django_db

VALIDATOR_VERSION = "6.9.5"  # as in scripts/ensure-fhir-validator
CORE = "hl7.fhir.r4.core#4.0.1"
MAIN = "org.hl7.fhir.validation.ValidatorCli"
FILE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/operationoutcome-file"


def _cache() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return Path(
        os.environ.get("DEKKEND_FHIR_VALIDATOR_DIR", default / "dekkend/fhir-validator")
    )


def _validator() -> Path:
    """The directory of the validator's jars (its classpath)."""
    cache = _cache()
    lib = cache / f"lib-{VALIDATOR_VERSION}"
    core = cache / ".fhir/packages" / CORE / "package/package.json"
    if (lib / ".complete").is_file() and core.is_file():
        return lib
    unavailable = cache / "UNAVAILABLE"
    if unavailable.is_file():
        pytest.skip(
            "BLOCKED: the HL7 FHIR validator could not be installed here: "
            + unavailable.read_text().strip().replace("\n", "; ")
        )
    pytest.fail(
        f"The HL7 FHIR validator is missing from {cache}: run "
        "scripts/ensure-fhir-validator (scripts/test does)."
    )


def _resource_type(resource: dict[str, Any], expression: list[str]) -> str:
    """The type of the resource an issue is about (inside a Bundle: the
    entry's)."""
    if resource["resourceType"] == "Bundle" and expression:
        head = expression[0]
        if head.startswith("Bundle.entry["):
            index = int(head[len("Bundle.entry[") :].split("]", 1)[0])
            return resource["entry"][index]["resource"]["resourceType"]
    return resource["resourceType"]


def tally(
    result: dict[str, Any], sent: dict[str, dict[str, Any]]
) -> tuple[Counter[str], Counter[str], Counter[str], list[str]]:
    """Files, errors and warnings per resource type, and the error messages,
    from the validator's `-output`: one OperationOutcome per file (a Bundle
    of them for several files), each naming its file in an extension."""
    outcomes = (
        [e["resource"] for e in result.get("entry", [])]
        if result["resourceType"] == "Bundle"
        else [result]
    )
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    files: Counter[str] = Counter()
    messages: list[str] = []
    for outcome in outcomes:
        file_name = next(
            Path(e["valueString"]).name
            for e in outcome.get("extension", [])
            if e["url"] == FILE_EXTENSION
        )
        resource = sent[file_name]
        files[resource["resourceType"]] += 1
        for issue in outcome.get("issue", []):
            kind = _resource_type(resource, issue.get("expression", []))
            if issue["severity"] in ("error", "fatal"):
                errors[kind] += 1
                messages.append(
                    f"{file_name}: {issue.get('expression')} {issue.get('diagnostics')}"
                )
            elif issue["severity"] == "warning":
                warnings[kind] += 1
    return files, errors, warnings, messages


def test_the_tally_reads_the_validator_s_output():
    sent = {
        "b.json": {
            "resourceType": "Bundle",
            "entry": [
                {"resource": {"resourceType": "ServiceRequest"}},
                {"resource": {"resourceType": "Task"}},
            ],
        },
        "c.json": {"resourceType": "CodeSystem"},
    }

    def outcome(name: str, *issues: tuple[str, str]) -> dict[str, Any]:
        return {
            "resourceType": "OperationOutcome",
            "extension": [{"url": FILE_EXTENSION, "valueString": f"/tmp/x/{name}"}],
            "issue": [
                {"severity": sev, "code": "invalid", "expression": [expr]}
                for sev, expr in issues
            ],
        }

    result = {
        "resourceType": "Bundle",
        "entry": [
            {
                "resource": outcome(
                    "b.json",
                    ("error", "Bundle.entry[1].resource.status"),
                    ("warning", "Bundle.entry[0].resource.code"),
                    ("information", "Bundle"),
                )
            },
            {"resource": outcome("c.json", ("fatal", "CodeSystem.url"))},
        ],
    }

    files, errors, warnings, messages = tally(result, sent)

    assert files == {"Bundle": 1, "CodeSystem": 1}
    assert errors == {"Task": 1, "CodeSystem": 1}
    assert warnings == {"ServiceRequest": 1}
    assert len(messages) == 2


def test_the_hl7_validator_finds_no_errors(tmp_path, capsys):
    lib = _validator()
    sent = corpus()
    instances, ig = tmp_path / "instances", tmp_path / "ig"
    instances.mkdir()
    ig.mkdir()
    for name, resource in sent.items():
        target = ig if resource["resourceType"] in conformance.RESOURCE_TYPES else None
        (target or instances).joinpath(name).write_text(json.dumps(resource))
        if target is not None:  # the definitions are validated too
            instances.joinpath(name).write_text(json.dumps(resource))
    output = tmp_path / "outcome.json"
    command = [
        "java",
        f"-Duser.home={_cache()}",
        "-cp",
        str(lib / "*"),
        MAIN,
        "-version",
        "4.0.1",
        "-tx",
        "n/a",
        "-ig",
        str(ig),
        "-output",
        str(output),
        *sorted(str(p) for p in instances.iterdir()),
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=900)  # noqa: S603
    assert output.is_file(), run.stdout[-4000:] + run.stderr[-4000:]
    result = json.loads(output.read_text())
    files, errors, warnings, messages = tally(result, sent)
    outcomes = sum(files.values())
    summary = [f"HL7 FHIR validator {VALIDATOR_VERSION}, {outcomes} files"]
    summary += [
        f"  {kind:20} files {files[kind]:3}  errors {errors[kind]:3}  "
        f"warnings {warnings[kind]:3}"
        for kind in sorted(set(files) | set(errors) | set(warnings))
    ]
    with capsys.disabled():
        sys.stdout.write("\n" + "\n".join(summary) + "\n")
    assert not messages, "\n".join(messages[:50])


def test_a_validator_never_installed_fails_and_a_blocked_one_says_why(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("DEKKEND_FHIR_VALIDATOR_DIR", str(tmp_path))
    with pytest.raises(pytest.fail.Exception, match="ensure-fhir-validator"):
        _validator()
    (tmp_path / "UNAVAILABLE").write_text("Unknown host\n")
    with pytest.raises(pytest.skip.Exception, match="BLOCKED.*Unknown host"):
        _validator()
