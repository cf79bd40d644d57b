"""Files → validated models, with every problem of every file reported at once.

Each problem is an `Issue` naming the file, line and column of the key or
value at fault, in words a project manager can act on. Nothing here raises
for bad data except `DataError`, which carries all the issues found.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DataError, Issue, UsageError
from .model import Project, Report, Table
from .yamlread import Document, Path_, Position, YamlProblem, read_yaml

MAX_FILE_BYTES = 5 * 1024 * 1024
"""No project file comes near this; a bigger one is a mistake (or an attack)."""

REPORT_FILE = "report.yaml"
PROJECTS_DIR = "projects"


@dataclass(frozen=True)
class ProjectFile:
    """A project and the file it came from (for messages and speaker notes)."""

    path: Path
    project: Project
    document: Document

    @property
    def stem(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Round:
    """One reporting round: report.yaml and its projects in deck order."""

    data_dir: Path
    report: Report
    projects: list[ProjectFile]


def load(data_dir: Path) -> Round:
    """Load and check a data folder; raise `DataError` listing every problem."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise UsageError(f"{data_dir}: no such data folder")
    issues: list[Issue] = []
    report_path = data_dir / REPORT_FILE
    report_doc = _read(report_path, issues)
    report = _validate(Report, report_doc, report_path, issues) if report_doc else None

    project_paths = sorted((data_dir / PROJECTS_DIR).glob("*.yaml"))
    if not project_paths:
        issues.append(Issue(data_dir / PROJECTS_DIR, 0, 0, "no project files (*.yaml) found"))
    files: list[ProjectFile] = []
    for path in project_paths:
        document = _read(path, issues)
        if document is None:
            continue
        project = _validate(Project, document, path, issues)
        if project is not None:
            files.append(ProjectFile(path, project, document))
            issues.extend(_check_tables(path, project, document))
    issues.extend(_check_unique_names(files))
    if report is not None and report_doc is not None and report.projects is not None:
        files = _select(files, project_paths, report.projects, report_path, report_doc, issues)
    if issues or report is None:
        raise DataError(issues)
    return Round(data_dir, report, files)


def validate(data_dir: Path) -> list[Issue]:
    """Every problem in a data folder; an empty list means it builds."""
    try:
        load(data_dir)
    except DataError as error:
        return error.issues
    return []


def _read(path: Path, issues: list[Issue]) -> Document | None:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        issues.append(Issue(path, 0, 0, "file not found"))
        return None
    except OSError as exc:
        issues.append(Issue(path, 0, 0, f"cannot read the file: {exc.strerror}"))
        return None
    if len(raw) > MAX_FILE_BYTES:
        issues.append(Issue(path, 0, 0, f"the file is larger than {MAX_FILE_BYTES // 1024 // 1024} MB"))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        issues.append(
            Issue(path, line, column, "the file is not UTF-8 text: save it as UTF-8 in your editor")
        )
        return None
    try:
        document = read_yaml(text)
    except YamlProblem as problem:
        issues.append(Issue(path, problem.line, problem.column, problem.message))
        return None
    if document.data is None:
        issues.append(Issue(path, 1, 0, "the file is empty"))
        return None
    if not isinstance(document.data, dict):
        issues.append(Issue(path, 1, 1, "expected keys such as 'name:' at the top of the file, not a list or text"))
        return None
    return document


def _validate(model: type[BaseModel], document: Document, path: Path, issues: list[Issue]) -> Any:
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        seen: set[tuple[int, int, str]] = set()
        for detail in error.errors(include_url=False):
            position, message = _explain(detail, document)
            key = (position.line, position.column, message)
            if key not in seen:
                seen.add(key)
                issues.append(Issue(path, position.line, position.column, message))
        return None


def _locate(loc: tuple[Any, ...], document: Document) -> Path_:
    """Follow a pydantic error location through the data actually written.

    Shorthands (a risk written as plain text, a single manager without a
    list) and union members add location parts that are not in the file;
    those are skipped so the position is the nearest thing the user wrote.
    """
    node = document.data
    path: list[str | int] = []
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
    return tuple(path)


def _explain(detail: Any, document: Document) -> tuple[Position, str]:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    path = _locate(loc, document)
    position = document.values.get(path, Position(1, 1))
    field = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        position = document.keys.get(path, position)
        message = f"unknown key '{field}'"
        suggestion = difflib.get_close_matches(field, sorted(_vocabulary()), n=1, cutoff=0.7)
        if suggestion:
            message += f": did you mean '{suggestion[0]}'?"
        return position, message
    if kind == "missing":
        where = f" in '{path[-1]}'" if path else ""
        return position, f"missing required key '{field}'{where}"
    if value is None and kind in {"string_type", "model_type", "list_type", "dict_type", "date_type"}:
        return position, f"'{_name(path)}' is empty: write a value or remove the key"
    if kind == "string_type":
        return position, f"expected text for '{_name(path)}', not {_kind_of(value)}"
    if kind in {"list_type"}:
        return position, f"expected a list for '{_name(path)}' (lines starting with '- '), not {_kind_of(value)}"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return position, f"expected keys under '{_name(path)}', not {_kind_of(value)}"
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        return position, f"'{value}' is not allowed for '{_name(path)}': use {expected}"
    if kind in {"int_parsing", "float_parsing", "int_type", "float_type", "int_from_float"}:
        return position, f"expected a number for '{_name(path)}', got '{value}'"
    if kind == "bool_parsing":
        return position, f"expected true or false for '{_name(path)}', got '{value}'"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return position, f"'{_name(path)}' must be between 0 and 100, got {value}"
    if kind == "too_short":
        return position, f"'{_name(path)}' needs at least one item"
    message = str(detail["msg"])
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return position, message if not path else f"{_name(path)}: {message}"


def _name(path: Path_) -> str:
    return ".".join(str(part) if isinstance(part, str) else f"[{part + 1}]" for part in path).replace(".[", "[")


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    return f"'{value}'"


_VOCABULARY: set[str] = set()


def _vocabulary() -> set[str]:
    """Every key any model accepts, for "did you mean" suggestions."""
    if not _VOCABULARY:
        pending: list[type[BaseModel]] = [Report, Project]
        while pending:
            model = pending.pop()
            for name, info in model.model_fields.items():
                _VOCABULARY.add(name)
                for candidate in _models_in(info.annotation):
                    if candidate.__name__ not in {m.__name__ for m in pending}:
                        pending.append(candidate)
    return _VOCABULARY


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(argument))
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and getattr(annotation, "__metadata__", None):
        found.extend(_models_in(origin))
    return found


def _check_tables(path: Path, project: Project, document: Document) -> list[Issue]:
    """Hand-typed sums must agree with the computed ones."""
    issues: list[Issue] = []
    for t, table in enumerate(project.tables):
        for r, row in enumerate(table.rows):
            cells = table.cells(row)
            for name, typed in row.computed.items():
                if cells[name] != typed:
                    at = document.values.get(("tables", t, "rows", r, "computed", name), Position(0, 0))
                    issues.append(
                        Issue(path, at.line, at.column,
                              f"row '{row.label}': '{name}' is typed as {_number(typed)} but the "
                              f"columns add up to {_number(cells[name])}; remove the typed value")
                    )
        if table.total is not None:
            totals = table.totals()
            for name, typed in table.total.expect.items():
                if totals.get(name, _column_total(table, name)) != typed:
                    at = document.values.get(("tables", t, "total", "expect", name), Position(0, 0))
                    actual = totals.get(name, _column_total(table, name))
                    issues.append(
                        Issue(path, at.line, at.column,
                              f"the total of '{name}' is typed as {_number(typed)} but the rows "
                              f"add up to {_number(actual)}")
                    )
    return issues


def _column_total(table: Table, name: str) -> float:
    return sum((table.cells(row).get(name) or 0) for row in table.rows)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _check_unique_names(files: list[ProjectFile]) -> list[Issue]:
    issues: list[Issue] = []
    first: dict[str, ProjectFile] = {}
    for file in files:
        key = " ".join(file.project.name.split()).casefold()
        if key in first:
            other = first[key]
            at = file.document.values.get(("name",), Position(1, 1))
            other_at = other.document.values.get(("name",), Position(1, 1))
            issues.append(
                Issue(file.path, at.line, at.column,
                      f"the project name '{file.project.name}' is also used in "
                      f"{other.path.name} (line {other_at.line}); each project needs its own name")
            )
        else:
            first[key] = file
    return issues


def _select(files: list[ProjectFile], paths: list[Path], wanted: list[str], report_path: Path,
            report_doc: Document, issues: list[Issue]) -> list[ProjectFile]:
    """Apply report.yaml's `projects:` list: select and order by file stem."""
    by_stem = {file.stem: file for file in files}
    stems = [path.stem for path in paths]
    chosen: list[ProjectFile] = []
    for i, stem in enumerate(wanted):
        name = stem[:-5] if stem.endswith(".yaml") else stem
        if name in by_stem:
            chosen.append(by_stem[name])
        elif name not in stems:
            at = report_doc.values.get(("projects", i), Position(0, 0))
            message = f"no project file '{name}.yaml' in {PROJECTS_DIR}/"
            close = difflib.get_close_matches(name, stems, n=1, cutoff=0.6)
            if close:
                message += f": did you mean '{close[0]}'?"
            issues.append(Issue(report_path, at.line, at.column, message))
    return chosen
