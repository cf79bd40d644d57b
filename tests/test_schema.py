"""The JSON Schemas: generated from the models, committed in sync, and true to what tafollow accepts.

Also `validate`'s two outputs, the readable list and `--format json`.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import SHIPPED_DATA
from tafollow.cli import app
from tafollow.new import skeleton
from tafollow.schema import PROJECT_SCHEMA, REPORT_SCHEMA, dumps, project_schema, report_schema

REGENERATE = ("run: tafollow schema > schema/project.schema.json && "
              "tafollow schema --report > schema/report.schema.json, then review the diff")


def check(instance: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$") -> list[str]:
    """The JSON Schema keywords the generated schemas use, checked the way an editor does."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return check(instance, target, root, where)
    if "anyOf" in schema:
        results = [check(instance, option, root, where) for option in schema["anyOf"]]
        return [] if any(not r for r in results) else [f"{where}: matches no alternative: {results}"]
    problems: list[str] = []
    kind = schema.get("type")
    types = {"string": str, "number": (int, float), "integer": int, "boolean": bool, "array": list,
             "object": dict, "null": type(None)}
    if kind is not None:
        if isinstance(instance, bool) and kind in ("number", "integer"):
            return [f"{where}: expected {kind}"]
        if not isinstance(instance, types[kind]):
            return [f"{where}: expected {kind}, got {type(instance).__name__}"]
    if "enum" in schema and instance not in schema["enum"]:
        problems.append(f"{where}: {instance!r} not in {schema['enum']}")
    if isinstance(instance, str):
        if len(instance) < schema.get("minLength", 0):
            problems.append(f"{where}: too short")
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            problems.append(f"{where}: {instance!r} does not match {schema['pattern']}")
    if isinstance(instance, (int, float)) and not isinstance(instance, bool):
        if instance < schema.get("minimum", float("-inf")) or instance > schema.get("maximum", float("inf")):
            problems.append(f"{where}: {instance} out of range")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            problems.append(f"{where}: too few items")
        for i, item in enumerate(instance):
            problems += check(item, schema.get("items", {}), root, f"{where}[{i}]")
    if isinstance(instance, dict):
        properties = schema.get("properties", {})
        problems += [f"{where}: '{key}' is required" for key in schema.get("required", []) if key not in instance]
        for key, value in instance.items():
            if key in properties:
                problems += check(value, properties[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{where}: '{key}' is not allowed")
            elif isinstance(schema.get("additionalProperties"), dict):
                problems += check(value, schema["additionalProperties"], root, f"{where}.{key}")
    return problems


def as_editor_reads(text: str) -> Any:
    """YAML as the editor's (YAML 1.2) parser reads it: dates stay text."""
    def plain(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    return plain(yaml.safe_load(text))


def test_committed_project_schema_is_in_sync() -> None:
    assert PROJECT_SCHEMA.read_text(encoding="utf-8") == dumps(project_schema()), REGENERATE


def test_committed_report_schema_is_in_sync() -> None:
    assert REPORT_SCHEMA.read_text(encoding="utf-8") == dumps(report_schema()), REGENERATE


@pytest.mark.parametrize(("args", "path"), [([], PROJECT_SCHEMA), (["--report"], REPORT_SCHEMA)])
def test_schema_command_prints_the_committed_schema(args: list[str], path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", *args])
    assert result.exit_code == 0
    assert result.stdout == path.read_text(encoding="utf-8")
    assert json.loads(result.stdout)["$schema"].startswith("https://json-schema.org/")


@pytest.mark.parametrize("schema", [project_schema(), report_schema()], ids=["project", "report"])
def test_every_field_is_described(schema: dict[str, Any]) -> None:
    bodies = [("root", schema), *schema.get("$defs", {}).items()]
    undescribed = [f"{name}.{field}" for name, body in bodies
                   for field, prop in body.get("properties", {}).items() if not prop.get("description")]
    assert undescribed == []
    assert all(body.get("description") for _, body in bodies)


@pytest.mark.parametrize("path", sorted((SHIPPED_DATA / "projects").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_project_files_name_the_schema_and_satisfy_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/project.schema.json"
    assert (path.parent / "../../schema/project.schema.json").resolve() == PROJECT_SCHEMA
    schema = project_schema()
    assert check(as_editor_reads(text), schema, schema) == []


def test_shipped_report_satisfies_its_schema() -> None:
    schema = report_schema()
    assert check(as_editor_reads((SHIPPED_DATA / "report.yaml").read_text(encoding="utf-8")), schema, schema) == []


def test_skeleton_satisfies_the_schema() -> None:
    schema = project_schema()
    document = as_editor_reads(skeleton("Hanke", "x", date(2020, 1, 31)))
    assert check(document, schema, schema) == []


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d.update(ownr="X"), "'ownr' is not allowed"),
    (lambda d: d["forecast"].update(status="late"), "not in"),
    (lambda d: d.update(updated="31.2"), "does not match"),
    (lambda d: d["progress"]["lanes"][0]["phases"][0].update(percent=120), "out of range"),
])
def test_the_schema_catches_what_validate_catches(edit: Any, message: str) -> None:
    schema = project_schema()
    document = as_editor_reads((SHIPPED_DATA / "projects" / "10-harrastuspassi.yaml").read_text(encoding="utf-8"))
    edit(document)
    assert message in " ".join(check(document, schema, schema))


def test_shorthands_tafollow_accepts_are_not_flagged() -> None:
    schema = project_schema()
    document = as_editor_reads(skeleton("Hanke", "x", date(2020, 1, 31)))
    document.update(managers="Yksi Nimi", risks={"heading": "Riskit", "numbered": True, "items": ["Riski"]})
    document["progress"]["steps"] = ["Pelkkä teksti", {"text": "Vaihe", "details": "Yksi kappale"}]
    document["tables"] = [{"columns": ["A", {"name": "S", "sum": ["A"]}],
                           "rows": [{"label": "x", "values": ["-"]}, {"label": "y", "values": ["1,5"]}]}]
    assert check(document, schema, schema) == []


# --------------------------------------------------------------------------
# validate: a readable list for people, JSON for machines


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    path = tmp_path / "data" / "projects" / "10-harrastuspassi.yaml"
    text = path.read_text(encoding="utf-8").replace("status: on_track", "status: late").replace("owner:", "ownr:")
    path.write_text(text, encoding="utf-8")
    return tmp_path / "data"


def test_validate_lists_every_problem_one_per_line(broken: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    problems = [line for line in lines if line.startswith("error: ")]
    assert len(problems) >= 2
    assert all(re.match(r"error: \S+10-harrastuspassi\.yaml:\d+:\d+: ", line) for line in problems)
    assert lines[-1] == f"{len(problems)} problems found."


def test_validate_json_for_machines(broken: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(broken), "--format", "json"])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert {"file", "line", "column", "message"} <= set(problems[0])
    assert any("late" in p["message"] for p in problems)


def test_validate_ok(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(SHIPPED_DATA)])
    assert result.exit_code == 0
    assert result.stdout.endswith(": OK\n")


# --------------------------------------------------------------------------
# The light commands stay light: checked as `python -X importtime` sees it


def imported(*args: str, cwd: Path) -> str:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "tafollow", *args], cwd=cwd,
                            capture_output=True, text=True, timeout=120, check=False)
    return result.stderr


def test_help_imports_neither_pydantic_nor_pptx(tmp_path: Path) -> None:
    modules = imported("--help", cwd=tmp_path)
    assert "pydantic" not in modules and "pptx" not in modules


@pytest.mark.parametrize("args", [["validate", str(SHIPPED_DATA)], ["schema"], ["diff", str(SHIPPED_DATA), str(SHIPPED_DATA)]],
                         ids=["validate", "schema", "diff"])
def test_checking_commands_do_not_import_pptx(tmp_path: Path, args: list[str]) -> None:
    assert " pptx" not in imported(*args, cwd=tmp_path)


def test_new_does_not_import_pptx(tmp_path: Path) -> None:
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    assert " pptx" not in imported("new", "Kevyt hanke", str(tmp_path / "data"), cwd=tmp_path)
    assert (tmp_path / "data" / "projects" / "80-kevyt-hanke.yaml").is_file()
