"""Files → validated models, with every problem of every file reported at once.

Each problem is an `Issue` naming the file, line and column of the key or
value at fault, in words a project manager can act on. Nothing here raises
for bad data except `DataError`, which carries all the issues found.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from tafollow.errors import DataError, Issue, UsageError
from tafollow.data.model import Project, ProjectFile, Report, Round
from tafollow.data.explain import explain
from tafollow.data.yamlread import Document, Path_, Position, YamlProblem, read_yaml
from tafollow.errors import show
from tafollow.files import Unreadable, megabytes as _megabytes, read_limited

MAX_FILE_BYTES = 5 * 1024 * 1024
"""No project file comes near this; a bigger one is a mistake (or an attack)."""

MAX_NUMBER = 10**15
"""Table numbers must stay below this (in size): exact as floats, and a cell can show them."""

REPORT_FILE = "report.yaml"
PROJECTS_DIR = "projects"
PROJECT_SUFFIX = ".yaml"
_NEAR_SUFFIXES = {".yaml", ".yml"}
# A file name is shown in speaker notes: it must be text a slide can hold.
_BAD_NAME = re.compile("[\x00-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


TemplateCheck = Callable[[Path], "str | None"]
"""What is wrong with a template file, in the user's words, or None: the writer's to say (build.py passes it)."""


def load(data_dir: Path, template_check: TemplateCheck | None = None) -> Round:
    """Load and check a data folder; raise `DataError` listing every problem.

    With `template_check`, report.yaml's `template:` is opened as build will
    open it, so that a folder that validates also builds.
    """
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise UsageError(missing_folder(data_dir))
    report_path = data_dir / REPORT_FILE
    report, report_doc, issues = read_report(report_path)
    paths, found = project_paths(data_dir / PROJECTS_DIR)
    issues += found
    files: list[ProjectFile] = []
    for path in paths:
        file, found = read_project(path)
        issues += found
        if file is not None:
            files.append(file)
    issues.extend(_check_unique_names(files))
    if report is not None and report_doc is not None:
        issues.extend(_check_template(data_dir, report, report_path, report_doc, template_check))
        if report.projects is not None:
            files = _select(files, paths, report.projects, report_path, report_doc, issues)
    if issues or report is None:
        raise DataError(issues)
    return Round(data_dir, report, files)


def missing_folder(data_dir: Path, here: Path | None = None) -> str:
    """The message for a data folder that is not there, saying where to run tafollow when that can be told.

    A project manager who has just edited a file in data/projects/ runs
    `tafollow validate` there; the folder they mean is then the one above.
    """
    message = f"{data_dir}: no such data folder"
    if Path(data_dir).is_absolute():
        return message
    here = Path.cwd() if here is None else here
    for folder in [here, *here.parents]:
        if (folder / REPORT_FILE).is_file() and (folder / PROJECTS_DIR).is_dir():
            above = folder.parent
            return (f"{message} here; you are inside the data folder {folder}: run tafollow from {above} "
                    f"(the folder that holds {folder.name}/), or name the folder: tafollow validate {folder}")
    return message


def read_document(path: Path) -> tuple[Document | None, list[Issue]]:
    """One YAML file read and parsed, with every check on the file itself (kind, size, encoding, YAML).

    Every command that reads the data reads it here (validate, build, diff,
    new), so each sees the same files the same way.
    """
    issues: list[Issue] = []
    return _read(path, issues), issues


def read_report(path: Path) -> tuple[Report | None, Document | None, list[Issue]]:
    """report.yaml read and checked on its own (its template and project list are `load`'s to check).

    Every command reads report.yaml here, so a link out of the data folder is refused for all of
    them, as `project_paths` refuses one among the projects.
    """
    outside = link_outside(path, path.parent)
    if outside:
        return None, None, [Issue(path, 0, 0, outside)]
    document, issues = read_document(path)
    report = _validate(Report, document, path, issues) if document is not None else None
    return report, document, issues


def read_project(path: Path) -> tuple[ProjectFile | None, list[Issue]]:
    """One project file read and checked on its own, not against the other files.

    The project is returned even when its tables have problems, so that its
    name can still be compared with the other projects'.
    """
    document, issues = read_document(path)
    return _project(document, path, issues)


def check_project_text(raw: bytes, path: Path) -> tuple[ProjectFile | None, list[Issue]]:
    """What `read_project` would say of a file holding `raw` at `path`, before it is written (`new`)."""
    issues: list[Issue] = []
    return _project(_parse(raw, path, issues), path, issues)


def _project(document: Document | None, path: Path, issues: list[Issue]) -> tuple[ProjectFile | None, list[Issue]]:
    if document is None:
        return None, issues
    project = _validate(Project, document, path, issues)
    if project is None:
        return None, issues
    issues.extend(_check_numbers(path, project, document) or _check_tables(path, project, document))
    return ProjectFile(path, project, document), issues


def project_paths(folder: Path) -> tuple[list[Path], list[Issue]]:
    """The project files in deck order; near misses (.yml, odd names) are problems, not skipped silently."""
    issues: list[Issue] = []
    try:
        entries = sorted(folder.iterdir(), key=lambda path: file_order(path.name))
    except FileNotFoundError:
        issues.append(Issue(folder, 0, 0, f"no {PROJECTS_DIR}/ folder: create it and put one .yaml file per project in it"))
        return [], issues
    except OSError as exc:
        issues.append(Issue(folder, 0, 0, f"cannot read the folder: {exc.strerror}"))
        return [], issues
    paths: list[Path] = []
    for path in entries:
        name = path.name
        if is_left_by_an_editor(name) or path.suffix.lower() not in _NEAR_SUFFIXES:
            continue  # notes, READMEs, pictures: not meant as projects
        if path.suffix != PROJECT_SUFFIX:
            issues.append(Issue(path, 0, 0, f"project files must end in '{PROJECT_SUFFIX}': rename it to "
                                              f"'{show(path.stem)}{PROJECT_SUFFIX}' (it is not read now)"))
            continue
        if _BAD_NAME.search(name):
            issues.append(Issue(path, 0, 0, "the file name contains a control character or is not valid "
                                              "UTF-8: rename the file"))
            continue
        outside = link_outside(path, folder.parent)
        if outside:
            issues.append(Issue(path, 0, 0, outside))
            continue
        paths.append(path)
    if not paths and not issues:
        issues.append(Issue(folder, 0, 0, "no project files (*.yaml) found"))
    return paths, issues


def link_outside(path: Path, root: Path) -> str | None:
    """Why a link to a file outside the data folder is not read; None for anything else.

    A data repository is shared: a link committed as `projects/80-x.yaml`
    pointing at `~/.ssh/id_rsa` or another team's files would otherwise be
    read, and its lines quoted in error messages and CI logs. Links inside
    the folder are fine; devices and pipes get their own message on reading.
    """
    try:
        if not path.is_symlink():
            return None
        target = path.resolve()
        if not target.is_file() or target.is_relative_to(root.resolve()):
            return None
    except (OSError, RuntimeError):  # a loop of links: the read says so
        return None
    return ("is a link to a file outside the data folder; tafollow reads only the data folder's own files: "
            "copy the file in instead")


def file_order(name: str) -> tuple[tuple[str | int, ...], str]:
    """Deck order of a project file name: the order file managers show (9-a < 10-b < 100-c, A and a alike).

    Plain character order would put `100-…` before `20-…` (and `tafollow
    new` numbers on: …, 90, 100), so the tenth project would land second
    in the deck. Digits compare as numbers, letters ignoring case; the name
    itself settles ties (`010-a` and `10-a`), so the order never depends on
    the folder's listing order.
    """
    parts = _DIGITS.split(name)
    return tuple(int(part) if i % 2 else part.casefold() for i, part in enumerate(parts)), name


_DIGITS = re.compile(r"([0-9]+)")


def is_left_by_an_editor(name: str) -> bool:
    """Hidden files, backups, swap, lock and auto-save files that editors leave beside the file edited.

    `.a.yaml.swp` (vim), `.#a.yaml` (Emacs's lock link, which points nowhere),
    `#a.yaml#` (Emacs's auto-save), `a.yaml~` (backups), `~$a.yaml` (Office's
    lock), `.~lock.a.yaml#` (LibreOffice's): they are not projects, and some of
    them cannot even be opened.
    """
    return name.startswith((".", "#", "~")) or name.endswith(("~", "#"))


def _read(path: Path, issues: list[Issue]) -> Document | None:
    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except Unreadable as problem:
        issues.append(Issue(path, 0, 0, str(problem)))
        return None
    return _parse(raw, path, issues)


def _parse(raw: bytes, path: Path, issues: list[Issue]) -> Document | None:
    """The bytes of a file, as read from `path`, decoded and parsed."""
    if len(raw) > MAX_FILE_BYTES:
        issues.append(Issue(path, 0, 0, f"the file is larger than {_megabytes(MAX_FILE_BYTES)}"))
        return None
    wide = _wide_encoding(raw)
    if wide is not None:
        issues.append(Issue(path, 1, 1, f"the file is saved as {wide}: save it as UTF-8"))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[start : exc.start].decode("utf-8", "replace")) + 1
        issues.append(
            Issue(path, line, column, f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X} here; saved as "
                                      "Latin-1 or Windows-1252?): save it as UTF-8 in your editor")
        )
        return None
    try:
        document = read_yaml(text)
    except YamlProblem as problem:
        issues.extend(Issue(path, p.line, p.column, p.message) for p in problem.all())
        return None
    if document.data is None:
        issues.append(Issue(path, 1, 0, "the file is empty"))
        return None
    if not isinstance(document.data, dict):
        issues.append(Issue(path, 1, 1, "expected keys such as 'name:' at the top of the file, not a list or text"))
        return None
    return document


def _wide_encoding(raw: bytes) -> str | None:
    """"UTF-16 (…)" or "UTF-32" when the file is saved so, with or without a byte order mark.

    Without a mark, the zero bytes tell: keys, indentation and most letters
    a project is written in are below U+0100, so in UTF-16 every other byte
    is zero, and in UTF-32 three of every four; UTF-8 text has no zero bytes
    at all (a stray one is reported as a control character later). UTF-32's
    mark begins with UTF-16's, so it is looked for first.
    """
    utf16 = "UTF-16 ('Unicode' in Notepad)"
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return utf16
    sample = raw[:4096]
    if 0 not in sample:  # UTF-8 text, as nearly every file is: the counting below is not needed
        return None
    quads = [sample[i : i + 4] for i in range(0, len(sample) - 3, 4)]
    if quads and max(sum(q[2:] == b"\0\0" for q in quads), sum(q[:2] == b"\0\0" for q in quads)) * 2 > len(quads):
        return "UTF-32"
    pairs = len(sample) // 2
    if pairs and max(sample[1::2].count(0), sample[0::2].count(0)) * 2 > pairs:
        return utf16
    return None


def _validate(model: type[BaseModel], document: Document, path: Path, issues: list[Issue]) -> Any:
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        seen: set[tuple[int, int, str]] = set()
        for detail in error.errors(include_url=False):
            position, message = explain(detail, document, model)
            key = (position.line, position.column, message)
            if key not in seen:
                seen.add(key)
                issues.append(Issue(path, position.line, position.column, message))
        return None


def _check_numbers(path: Path, project: Project, document: Document) -> list[Issue]:
    """Table numbers must be real numbers a cell can show: no inf or nan, nothing absurdly large."""
    issues: list[Issue] = []

    def check(value: Any, where: Path_, what: str) -> None:
        if value is None or (math.isfinite(value) and abs(value) < MAX_NUMBER):
            return
        at = document.values.get(where, Position(0, 0))
        problem = "is not a number" if math.isnan(value) else "is too large"
        issues.append(Issue(path, at.line, at.column,
                            f"{what}: {show(str(_source(document, where) or value))} {problem}; "
                            f"table numbers must be below {MAX_NUMBER:,} in size"))

    for t, table in enumerate(project.tables):
        for r, row in enumerate(table.rows):
            for i, value in enumerate(row.values):
                check(value, ("tables", t, "rows", r, "values", i), f"row '{show(row.label)}'")
            for name, value in row.computed.items():
                check(value, ("tables", t, "rows", r, "computed", name), f"row '{show(row.label)}'")
        if table.total is not None:
            for name, value in table.total.expect.items():
                check(value, ("tables", t, "total", "expect", name), f"the total of '{show(name)}'")
    return issues


def _source(document: Document, where: Path_) -> Any:
    """The text written at `where` in the file."""
    node = document.data
    for part in where:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _check_tables(path: Path, project: Project, document: Document) -> list[Issue]:
    """Hand-typed sums must agree with the computed ones."""
    issues: list[Issue] = []
    for t, table in enumerate(project.tables):
        for r, row in enumerate(table.rows):
            cells = table.cells(row)
            for name, typed in row.computed.items():
                if not _same(cells[name], typed):
                    at = document.values.get(("tables", t, "rows", r, "computed", name), Position(0, 0))
                    issues.append(
                        Issue(path, at.line, at.column,
                              f"row '{show(row.label)}': '{show(name)}' is typed as {_number(typed)} but the "
                              f"columns add up to {_number(cells[name])}; remove the typed value")
                    )
        if table.total is not None:
            for name, typed in table.total.expect.items():
                actual = table.column_total(name)
                if not _same(actual, typed):
                    at = document.values.get(("tables", t, "total", "expect", name), Position(0, 0))
                    issues.append(
                        Issue(path, at.line, at.column,
                              f"the total of '{show(name)}' is typed as {_number(typed)} but the rows "
                              f"add up to {_number(actual)}")
                    )
    return issues


def _same(computed: Any, typed: float) -> bool:
    """Equal up to float rounding: 0.1 + 0.2 is typed as 0.3."""
    return math.isclose(computed or 0, typed, rel_tol=1e-9, abs_tol=1e-9)


def _number(value: Any) -> str:
    value = value or 0
    if not math.isfinite(value):
        return str(value)
    return str(int(value)) if float(value).is_integer() else f"{value:.15g}"


def same_name_key(name: str) -> str:
    """Two project names are the same project when they differ only in case and spacing."""
    return " ".join(name.split()).casefold()


def _check_unique_names(files: list[ProjectFile]) -> list[Issue]:
    issues: list[Issue] = []
    first: dict[str, ProjectFile] = {}
    for file in files:
        key = same_name_key(file.project.name)
        if key in first:
            other = first[key]
            at = file.document.values.get(("name",), Position(1, 1))
            other_at = other.document.values.get(("name",), Position(1, 1))
            issues.append(
                Issue(file.path, at.line, at.column,
                      f"the project name '{show(file.project.name)}' is also used in "
                      f"{other.path.name} (line {other_at.line}); each project needs its own name")
            )
        else:
            first[key] = file
    return issues


def _select(files: list[ProjectFile], paths: list[Path], wanted: list[str], report_path: Path,
            report_doc: Document, issues: list[Issue]) -> list[ProjectFile]:
    """Apply report.yaml's `projects:` list: select and order by file stem."""
    if not wanted:
        at = report_doc.values.get(("projects",), Position(0, 0))
        issues.append(Issue(report_path, at.line, at.column,
                            "'projects' lists no project: name the files to show, or remove the key to show all"))
    by_stem = {file.stem: file for file in files}
    stems = [path.stem for path in paths]
    chosen: list[ProjectFile] = []
    for i, stem in enumerate(wanted):
        name = stem[:-5] if stem.endswith(".yaml") else stem
        if name in by_stem:
            chosen.append(by_stem[name])
        elif name not in stems:
            at = report_doc.values.get(("projects", i), Position(0, 0))
            message = f"no project file '{show(name)}.yaml' in {PROJECTS_DIR}/"
            close = difflib.get_close_matches(name, stems, n=1, cutoff=0.6)
            if close:
                message += f": did you mean '{close[0]}'?"
            issues.append(Issue(report_path, at.line, at.column, message))
    return chosen


def _check_template(data_dir: Path, report: Report, report_path: Path, report_doc: Document,
                    template_check: TemplateCheck | None) -> list[Issue]:
    """report.yaml's `template:` must name a file that exists and, checked as build opens it, can be used."""
    if report.template is None:
        return []
    at = report_doc.values.get(("template",), Position(0, 0))
    target = data_dir / report.template
    if _BAD_NAME.search(report.template):
        return [Issue(report_path, at.line, at.column, "the template file name contains a control character")]
    try:
        found = target.exists()
    except (OSError, ValueError):
        found = False
    if not found:
        return [Issue(report_path, at.line, at.column,
                      f"template '{show(report.template)}' not found (looked for {show(str(target), 120)})")]
    reason = template_check(target) if template_check is not None else None
    if reason is not None:
        return [Issue(report_path, at.line, at.column, f"template '{show(report.template)}': {reason}")]
    return []
