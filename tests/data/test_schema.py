"""The JSON Schemas: generated from the models, committed in sync, and true to what tafollow accepts.

"True to what tafollow accepts" is checked with the `jsonschema` package
reading each file as an editor does, in YAML 1.1 (PyYAML, older tools) and
in YAML 1.2 (VS Code's YAML extension): on every shipped and test data
file, on every error case, and on generated data, the schema and
`tafollow validate` give the same verdict, or at least the schema never
underlines what tafollow accepts.

Also `validate`'s two outputs, the readable list and `--format json`.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import REPO_ROOT, SHIPPED_DATA
from tafollow.cli import app
from tafollow.build import validate
from tafollow.commands.new import skeleton
from tafollow.data.schema import PROJECT_SCHEMA, REPORT_SCHEMA, dumps, project_schema, report_schema
from errorcases import CASES, ERRORS, materialize
from schemaviews import as_editor_reads, as_vscode_reads, check, schema_problems

REGENERATE = "run: tafollow schema --write (from the repository's root), then review the diff"


def test_the_two_readings_differ_where_editors_do() -> None:
    text = "a: 0123\nb: yes\nc: 12:30\nd: 2019-10-09\ne: 0x1F\nf: ~\n"
    assert as_editor_reads(text) == {"a": 83, "b": True, "c": 750, "d": "2019-10-09", "e": 31, "f": None}
    assert as_vscode_reads(text) == {"a": 123, "b": "yes", "c": "12:30", "d": "2019-10-09", "e": 31, "f": None}


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
    assert schema_problems(text, schema) == []


def test_shipped_report_satisfies_its_schema() -> None:
    schema = report_schema()
    assert schema_problems((SHIPPED_DATA / "report.yaml").read_text(encoding="utf-8"), schema) == []


def test_skeleton_satisfies_the_schema() -> None:
    schema = project_schema()
    assert schema_problems(skeleton("Hanke", "x", date(2020, 1, 31)), schema) == []


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d.update(ownr="X"), "$: Additional properties are not allowed ('ownr' was unexpected)"),
    (lambda d: d["forecast"].update(status="late"), "$.forecast.status: 'late' is not one of"),
    (lambda d: d.update(updated="31.2"), "$.updated: '31.2' does not match"),
    (lambda d: d["progress"]["lanes"][0]["phases"][0].update(percent=120),
     "$.progress.lanes[0].phases[0].percent: 120 is not valid under any of the given schemas"),
])
def test_the_schema_catches_what_validate_catches(edit: Any, message: str) -> None:
    schema = project_schema()
    document = as_editor_reads((SHIPPED_DATA / "projects" / "10-harrastuspassi.yaml").read_text(encoding="utf-8"))
    edit(document)
    assert message in " ".join(check(document, schema))


def test_shorthands_tafollow_accepts_are_not_flagged() -> None:
    schema = project_schema()
    document = as_editor_reads(skeleton("Hanke", "x", date(2020, 1, 31)))
    document.update(managers="Yksi Nimi", risks={"heading": "Riskit", "numbered": True, "items": ["Riski"]})
    document["progress"]["steps"] = ["Pelkkä teksti", {"text": "Vaihe", "details": "Yksi kappale"}]
    document["tables"] = [{"columns": ["A", {"name": "S", "sum": ["A"]}],
                           "rows": [{"label": "x", "values": ["-"]}, {"label": "y", "values": ["1,5"]}]}]
    assert check(document, schema) == []


# --------------------------------------------------------------------------
# The schema and `validate` agree: on every data file in the repository, on the error cases,
# on text as a person types it, and on generated data


DATA_FOLDERS = [SHIPPED_DATA, *sorted(p for p in (REPO_ROOT / "tests" / "data").iterdir() if p.is_dir())]


def _schema_of(path: Path) -> dict[str, Any]:
    return report_schema() if path.name == "report.yaml" else project_schema()


@pytest.mark.parametrize("folder", DATA_FOLDERS, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_every_data_file_in_the_repository_satisfies_the_schema_as_it_satisfies_validate(folder: Path) -> None:
    assert validate(folder) == []
    files = [folder / "report.yaml", *sorted((folder / "projects").glob("*.yaml"))]
    problems = {path.name: schema_problems(path.read_text(encoding="utf-8"), _schema_of(path)) for path in files}
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize("case", CASES)
def test_the_schema_underlines_nothing_validate_accepts(case: str, tmp_path: Path) -> None:
    """In each error case, a file the schema finds wrong is one `validate` finds wrong too."""
    data = materialize(ERRORS / case, tmp_path / "data")
    faulted = {issue.path.resolve() for issue in validate(data)}
    # A file validate refuses may be anything (an alias bomb, a binary file); the others must satisfy the schema.
    accepted = [path for path in [data / "report.yaml", *sorted((data / "projects").glob("*.yaml"))]
                if path.is_file() and path.resolve() not in faulted]
    for path in accepted:
        problems = schema_problems(path.read_text(encoding="utf-8"), _schema_of(path))
        assert problems == [], f"{path.name}: validate accepts it; the schema says {problems}"


SKELETON = skeleton("Hanke", "x", date(2020, 1, 31))
TYPED_AS_IS = ["0123", "007", "yes", "No", "ON", "off", "true", "False", "12:30", "1_000", "0x1F", "0o17", "1e3",
               "3.14", "-1", ".inf", "-.Inf", ".NaN", "2019-10-09", "2019-10-09 12:30:00", "=", "[]", "{}", "~", "null",
               "''", '"  "', '"0123"']
"""Values as a person types them after `name: `: numbers, yes/no, times and dates are text to tafollow."""


@pytest.mark.parametrize("typed", TYPED_AS_IS)
@pytest.mark.parametrize("field", ["name: Hanke", "owner: Omistajan Nimi", "  - Projektipäällikön Nimi",
                                   "        - name: SUUNNITTELU", "  - risk: Kuvaa riski."])
def test_schema_and_validate_agree_on_text_as_typed(typed: str, field: str, tmp_path: Path) -> None:
    if ": " in field:
        line = f"{field.split(': ')[0]}: {typed}"
    else:  # a list item
        line = field[:len(field) - len(field.lstrip(" -"))] + typed
    assert field in SKELETON
    text = SKELETON.replace(field, line, 1)
    data = tmp_path / "data"
    (data / "projects").mkdir(parents=True)
    (data / "report.yaml").write_text("title: T\nas_of: 1.1.2020\nunit: U\n", encoding="utf-8")
    (data / "projects" / "10-hanke.yaml").write_text(text, encoding="utf-8")
    accepted = validate(data) == []
    problems = schema_problems(text, project_schema())
    assert accepted == (problems == []), f"validate {'accepts' if accepted else 'refuses'} {line.strip()!r}; " \
                                         f"the schema says {problems or 'nothing'}"


class Plain(str):
    """A value to write into YAML exactly as typed, without quotes: `0123`, `yes`, `12:30`."""


class _Dumper(yaml.SafeDumper):
    pass


def _represent_plain(dumper: yaml.SafeDumper, value: Plain) -> yaml.ScalarNode:
    # Tagged as YAML would read it back, so the emitter writes it plain rather than quoting it.
    tag = dumper.resolve(yaml.ScalarNode, str(value), (True, False))
    return dumper.represent_scalar(tag, str(value))


_Dumper.add_representer(Plain, _represent_plain)

WORD = st.text("abcdefghijklmnopqrstuvwxyzäöåABCÄÖ0123456789 .,-()", min_size=1, max_size=30).filter(
    lambda s: s.strip() and s == s.strip())
TEXT_VALUE = st.one_of(
    WORD,
    st.sampled_from(TYPED_AS_IS[:20]).map(Plain),
    st.integers(-10**6, 10**6).map(str).map(Plain),
    st.floats(-1e6, 1e6, allow_nan=False).map(repr).map(Plain),
    st.booleans(),
    st.dates(date(1990, 1, 1), date(2040, 12, 31)),
)
NOT_TEXT = st.sampled_from([Plain("~"), "", "   ", [], {}])
STATUS = st.sampled_from(["todo", "doing", "done"])
PERCENT = st.one_of(st.integers(0, 100), st.integers(0, 100).map(str), st.sampled_from([Plain("5e1"), Plain("0.5")]))
YES_NO = st.sampled_from([True, False, *map(Plain, ["yes", "no", "on", "off", "True", "FALSE", "1", "0"]), "y", "n"])


@st.composite
def typed_projects(draw: st.DrawFn) -> dict[str, Any]:
    """A project file as a person may type it: the structure right, the values of every kind."""
    def text() -> Any:
        return draw(TEXT_VALUE)

    columns = draw(st.lists(TEXT_VALUE, min_size=1, max_size=3, unique_by=lambda v: str(v).strip()))
    project: dict[str, Any] = {
        "name": text(), "owner": text(), "managers": draw(st.one_of(TEXT_VALUE, st.lists(TEXT_VALUE, min_size=1))),
        "updated": draw(st.sampled_from(["9.10.2019", date(2019, 10, 9), "2019-10-09"])),
        "goal": {"paragraphs": draw(st.one_of(TEXT_VALUE, st.lists(TEXT_VALUE, min_size=1, max_size=3)))},
        "progress": {
            "lanes": [{"phases": [{"name": text(), "status": draw(STATUS), "percent": draw(PERCENT)}]}],
            "steps": draw(st.lists(st.one_of(TEXT_VALUE, st.fixed_dictionaries({"text": TEXT_VALUE})), max_size=3)),
            "milestones": [{"name": text(), "at": draw(PERCENT)}],
        },
        "forecast": {"status": "on_track", "sentence": text(), "narrative": [text()]},
        "risks": {"numbered": draw(YES_NO), "items": [text(), {"risk": text(), "mitigation": text()}]},
        "tables": [{"label_header": draw(st.one_of(TEXT_VALUE, st.just(""))), "columns": columns,
                    "rows": [{"label": text(), "values": [draw(st.one_of(st.integers(0, 99), st.just("-")))
                                                          for _ in columns]}]}],
    }
    if draw(st.booleans()):  # one value that is not text where text belongs, or a key tafollow does not know
        where = draw(st.sampled_from([("owner",), ("forecast", "sentence"), ("progress", "lanes", 0, "phases", 0,
                                                                                "name"), ("colour",)]))
        target = project
        for step in where[:-1]:
            target = target[step]
        target[where[-1]] = draw(NOT_TEXT)
    return project


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed_projects())
def test_schema_and_validate_agree_on_generated_projects(project: dict[str, Any]) -> None:
    text = yaml.dump(project, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch)
        (data / "projects").mkdir()
        (data / "report.yaml").write_text("title: T\nas_of: 1.1.2020\nunit: U\n", encoding="utf-8")
        (data / "projects" / "10-p.yaml").write_text(text, encoding="utf-8")
        issues = validate(data)
    problems = schema_problems(text, project_schema())
    assert (issues == []) == (problems == []), f"{text}\nvalidate: {issues}\nschema: {problems}"


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
