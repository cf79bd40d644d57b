"""`tafollow diff OLD NEW`: what changed between two rounds, project by project.

A reviewer of a data pull request, or the person compiling a round, wants
the substance of a change (a forecast gone from on_track to at_risk, a
phase done, a risk added) rather than a YAML line diff. OLD and NEW are
data folders or git revisions of the data folder; a revision is read with
`git ls-tree` and `git show` into a temporary folder, so both sides are
read the same way. Files that do not validate are reported, not fatal: an
old round may predate a rule.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tafollow.errors import UsageError
from tafollow.data.load import MAX_FILE_BYTES, PROJECTS_DIR, REPORT_FILE, file_order, project_paths, read_project, read_report
from tafollow.data.model import Project, Report
from tafollow.layout.summary import done_share

SHORTEN = 90
"""Longer step and risk texts are cut here (with …) so that each change stays one line."""


@dataclass
class Side:
    """One side of the comparison: the report and each project file by stem."""

    label: str
    report: Report | None
    projects: dict[str, Project | None]
    """None: the file exists but does not validate."""


@dataclass(frozen=True)
class Change:
    subject: str
    old: str | None
    new: str | None
    code: bool = False
    """The values are names from the data's vocabulary (statuses): shown as code in Markdown."""


@dataclass
class ProjectChanges:
    name: str
    old_file: str | None
    new_file: str | None
    changes: list[Change] = field(default_factory=list)
    valid: bool = True
    """False for a project added or dropped whose file does not validate: its name is the file's."""


@dataclass
class Diff:
    old: str
    new: str
    report: list[Change]
    added: list[ProjectChanges]
    dropped: list[ProjectChanges]
    changed: list[ProjectChanges]
    unchanged: int


# --------------------------------------------------------------------------
# Reading either side


def read_side(spec: str, data: Path = Path("data"), cwd: Path | None = None) -> Side:
    """A data folder when `spec` is one, else a git revision whose `data` folder is read."""
    if Path(spec).is_dir():
        return _read_folder(Path(spec), spec)
    with tempfile.TemporaryDirectory(prefix="tafollow-diff-") as temporary:
        folder = _export(spec, data, Path(temporary), cwd or Path.cwd())
        return _read_folder(folder, spec)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise UsageError("git is not installed: give OLD and NEW as data folders") from None


def _export(revision: str, data: Path, target: Path, cwd: Path) -> Path:
    """Write the data folder as it was at `revision` into `target`; return the copy's path."""
    top = _git(["rev-parse", "--show-toplevel"], cwd)
    if top.returncode != 0:
        raise UsageError(f"'{revision}' is not a data folder, and {cwd} is not in a git repository")
    root = Path(top.stdout.decode().strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root).returncode != 0:
        raise UsageError(f"'{revision}' is neither a data folder nor a git revision")
    try:
        inside = (cwd / data).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"{data} is not inside the git repository {root}") from None
    listing = _git(["ls-tree", "-r", "-l", "-z", revision, "--", inside], root)
    prefix = "" if inside == "." else inside + "/"
    wanted: list[tuple[str, str]] = []  # (name, size) of each file blob
    for entry in listing.stdout.decode("utf-8", "surrogateescape").split("\0"):
        info, _, name = entry.partition("\t")
        fields = info.split()
        if len(fields) == 4 and fields[1] == "blob" and (
                name == prefix + REPORT_FILE or re.fullmatch(re.escape(prefix + PROJECTS_DIR) + r"/[^/]+\.yaml", name)):
            wanted.append((name, fields[3]))
    if not wanted:
        raise UsageError(f"{revision} has no data folder '{inside}' (report.yaml, projects/*.yaml)")
    for name, size in wanted:
        path = target / name[len(prefix):]
        path.parent.mkdir(parents=True, exist_ok=True)
        if int(size) > MAX_FILE_BYTES:
            # Not read out of git: a sparse file of its size, which the loader refuses as validate would.
            with open(path, "wb") as stream:
                stream.truncate(int(size))
            continue
        shown = _git(["show", f"{revision}:{name}"], root)
        if shown.returncode != 0:
            raise UsageError(f"git show {revision}:{name} failed: {shown.stderr.decode(errors='replace').strip()}")
        path.write_bytes(shown.stdout)
    return target


def _read_folder(folder: Path, label: str) -> Side:
    """Both sides are read by the loader `validate` uses: the same files, the same checks."""
    if not (folder / REPORT_FILE).exists() and not (folder / PROJECTS_DIR).is_dir():
        raise UsageError(f"{folder}: not a data folder (no {REPORT_FILE}, no {PROJECTS_DIR}/)")
    report, _, _ = read_report(folder / REPORT_FILE)
    paths, refused = project_paths(folder / PROJECTS_DIR)
    projects: dict[str, Project | None] = {}
    for path in paths:
        file, problems = read_project(path)
        projects[path.stem] = file.project if file is not None and not problems else None
    for issue in refused:  # a .yaml file the loader will not read, e.g. a name a slide cannot hold
        if issue.path.parent == folder / PROJECTS_DIR and issue.path.suffix == ".yaml":
            projects.setdefault(issue.path.stem, None)
    return Side(label, report, projects)


# --------------------------------------------------------------------------
# Comparing


def compare(old: Side, new: Side) -> Diff:
    """Every change from `old` to `new`, projects matched by file name, then by project name."""
    pairs, only_old, only_new = _pair(old.projects, new.projects)
    diff = Diff(old.label, new.label, _report_changes(old.report, new.report), [], [], [], 0)
    for stem in only_new:
        project = new.projects[stem]
        diff.added.append(ProjectChanges(_name(project, stem), None, f"{stem}.yaml", valid=project is not None))
    for stem in only_old:
        project = old.projects[stem]
        diff.dropped.append(ProjectChanges(_name(project, stem), f"{stem}.yaml", None, valid=project is not None))
    for old_stem, new_stem in pairs:
        before, after = old.projects[old_stem], new.projects[new_stem]
        entry = ProjectChanges(_name(after or before, new_stem), f"{old_stem}.yaml", f"{new_stem}.yaml")
        if before is None or after is None:
            if before is not after:
                entry.changes.append(Change("file", "does not validate" if before is None else "valid",
                                            "does not validate" if after is None else "valid"))
        else:
            entry.changes = project_changes(before, after)
        if entry.changes or old_stem != new_stem:
            diff.changed.append(entry)
        else:
            diff.unchanged += 1
    return diff


def _pair(old: dict[str, Project | None], new: dict[str, Project | None]
          ) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    pairs = [(stem, stem) for stem in old if stem in new]
    only_old = [stem for stem in old if stem not in new]
    only_new = [stem for stem in new if stem not in old]
    by_name = {_key(new[stem].name): stem for stem in only_new if new[stem] is not None}  # type: ignore[union-attr]
    for stem in list(only_old):
        project = old[stem]
        match = by_name.pop(_key(project.name), None) if project is not None else None
        if match is not None:
            pairs.append((stem, match))
            only_old.remove(stem)
            only_new.remove(match)
    return sorted(pairs, key=lambda pair: file_order(pair[1])), only_old, only_new


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _name(project: Project | None, stem: str) -> str:
    return project.name if project is not None else stem


def _day(value: date | None) -> str | None:
    return None if value is None else f"{value.day}.{value.month}.{value.year}"


def _percent(value: float) -> str:
    return f"{value:.0f}%" if float(value).is_integer() or value >= 10 else f"{value:.1f}%"


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHORTEN else flat[: SHORTEN - 1].rstrip() + "…"


def _report_changes(old: Report | None, new: Report | None) -> list[Change]:
    if old is None or new is None:
        return [] if old is new else [Change("report.yaml", "does not validate" if old is None else "valid",
                                             "does not validate" if new is None else "valid")]
    changes = []
    for key in ("title", "unit", "language"):
        if getattr(old, key) != getattr(new, key):
            changes.append(Change(key, getattr(old, key), getattr(new, key)))
    for key in ("as_of", "footer_date"):
        if getattr(old, key) != getattr(new, key):
            changes.append(Change(key, _day(getattr(old, key)), _day(getattr(new, key))))
    return changes


def project_changes(old: Project, new: Project) -> list[Change]:
    """What changed in one project, in reading order of its slides."""
    changes: list[Change] = []
    for key in ("name", "owner"):
        if getattr(old, key) != getattr(new, key):
            changes.append(Change(key, getattr(old, key), getattr(new, key)))
    if old.managers != new.managers:
        changes.append(Change("managers", ", ".join(old.managers), ", ".join(new.managers)))
    if old.updated != new.updated:
        changes.append(Change("updated", _day(old.updated), _day(new.updated)))
    if old.forecast.status != new.forecast.status:
        changes.append(Change("forecast", old.forecast.status, new.forecast.status, code=True))
    before, after = done_share(old), done_share(new)
    if round(before, 1) != round(after, 1):
        changes.append(Change("progress (phases done)", _percent(before), _percent(after)))
    changes += _phase_changes(old, new)
    changes += _step_changes(old, new)
    changes += _texts("risk", [r.risk for r in old.risks.items], [r.risk for r in new.risks.items])
    return changes


def _phases(project: Project) -> dict[tuple[int, str], Any]:
    return {(lane_index, _key(phase.name)): phase
            for lane_index, lane in enumerate(project.progress.lanes) for phase in lane.phases}


def _phase_changes(old: Project, new: Project) -> list[Change]:
    changes: list[Change] = []
    before, after = _phases(old), _phases(new)
    for key, phase in after.items():
        if key not in before:
            changes.append(Change("phase", None, phase.name))
            continue
        previous = before[key]
        if previous.status != phase.status:
            changes.append(Change(f"phase '{phase.name}'", previous.status, phase.status, code=True))
        if previous.percent != phase.percent and previous.progress != phase.progress:
            changes.append(Change(f"phase '{phase.name}'", _percent(previous.progress), _percent(phase.progress)))
    changes += [Change("phase", phase.name, None) for key, phase in before.items() if key not in after]
    old_span, new_span = old.progress.span, new.progress.span
    if old_span is not None and new_span is not None and old_span.status != new_span.status:
        changes.append(Change(f"span '{new_span.name}'", old_span.status, new_span.status, code=True))
    old_marks = {_key(m.name): m for m in old.progress.milestones}
    for milestone in new.progress.milestones:
        previous = old_marks.get(_key(milestone.name))
        if previous is not None and previous.status != milestone.status:
            changes.append(Change(f"milestone '{milestone.name}'", previous.status, milestone.status, code=True))
    return changes


def _step_changes(old: Project, new: Project) -> list[Change]:
    changes: list[Change] = []
    before = {_key(step.text): step for step in old.progress.steps}
    for number, step in enumerate(new.progress.steps, start=1):
        previous = before.get(_key(step.text))
        if previous is not None and previous.status != step.status:
            changes.append(Change(f"step {number} '{_short(step.text)}'", previous.status or "none",
                                  step.status or "none", code=True))
    changes += _texts("step", [s.text for s in old.progress.steps], [s.text for s in new.progress.steps])
    return changes


def _texts(subject: str, old: list[str], new: list[str]) -> list[Change]:
    """Items added and removed, compared with whitespace folded (a re-wrapped line is no change)."""
    before, after = {_key(t) for t in old}, {_key(t) for t in new}
    return ([Change(subject, None, _short(t)) for t in new if _key(t) not in before]
            + [Change(subject, _short(t), None) for t in old if _key(t) not in after])


# --------------------------------------------------------------------------
# Writing


def _line(change: Change, markdown: bool) -> str:
    def show(value: str) -> str:
        if markdown:
            return _code(value) if change.code else _escape(value)
        return value

    subject = _escape(change.subject) if markdown else change.subject
    if change.old is not None and change.new is not None:
        return f"{subject}: {show(change.old)} → {show(change.new)}"
    if change.new is not None:
        return f"{subject} added: {show(change.new)}"
    return f"{subject} removed: {show(change.old or '')}"


def _escape(text: str) -> str:
    """Markdown-inert text: no emphasis, links, HTML or table breaks from the data."""
    return re.sub(r"([\\`*_\[\]<>|#~])", r"\\\1", text)


def _code(text: str) -> str:
    """`text` as a Markdown code span, whatever backticks it holds: fenced by a longer run of them."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def _files(entry: ProjectChanges) -> str:
    if entry.old_file and entry.new_file and entry.old_file != entry.new_file:
        return f"{entry.old_file} → {entry.new_file}"
    return entry.new_file or entry.old_file or ""


def _invalid(entry: ProjectChanges) -> str:
    """Said of an added or dropped file that does not validate, whose name could not be read from it."""
    return "" if entry.valid else ": does not validate"


def as_text(diff: Diff) -> str:
    lines = [f"Changes from {diff.old} to {diff.new}"]
    if diff.report:
        lines += ["", "report.yaml", *(f"  {_line(c, False)}" for c in diff.report)]
    if diff.added:
        lines += ["", "Projects added:", *(f"  {e.name} ({_files(e)}){_invalid(e)}" for e in diff.added)]
    if diff.dropped:
        lines += ["", "Projects dropped:", *(f"  {e.name} ({_files(e)}){_invalid(e)}" for e in diff.dropped)]
    for entry in diff.changed:
        lines += ["", f"{entry.name} ({_files(entry)})"]
        lines += [f"  {_line(c, False)}" for c in entry.changes] or ["  file renamed"]
    lines += ["", _closing(diff)]
    return "\n".join(lines) + "\n"


def as_markdown(diff: Diff) -> str:
    lines = [f"### TA-seuranta: changes from `{diff.old}` to `{diff.new}`"]
    if diff.report:
        lines += ["", "**report.yaml**", "", *(f"- {_line(c, True)}" for c in diff.report)]
    if diff.added:
        lines += ["", "**Projects added**", "",
                  *(f"- {_escape(e.name)} ({_code(_files(e))}){_invalid(e)}" for e in diff.added)]
    if diff.dropped:
        lines += ["", "**Projects dropped**", "",
                  *(f"- {_escape(e.name)} ({_code(_files(e))}){_invalid(e)}" for e in diff.dropped)]
    for entry in diff.changed:
        lines += ["", f"#### {_escape(entry.name)}", "", f"`{_files(entry)}`", ""]
        lines += [f"- {_line(c, True)}" for c in entry.changes] or ["- file renamed"]
    lines += ["", f"_{_closing(diff)}_"]
    return "\n".join(lines) + "\n"


def _closing(diff: Diff) -> str:
    if not (diff.report or diff.added or diff.dropped or diff.changed):
        return "No changes."
    return f"{diff.unchanged} project{'s' if diff.unchanged != 1 else ''} unchanged."


def run(old: str, new: str, data: Path = Path("data"), markdown: bool = False) -> str:
    """The report `tafollow diff` prints."""
    result = compare(read_side(old, data), read_side(new, data))
    return as_markdown(result) if markdown else as_text(result)
