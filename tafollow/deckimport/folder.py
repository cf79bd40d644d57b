"""Drafts → DIR/report.yaml and DIR/projects/NN-slug.yaml, checked by the loader before they land.

The files are written to a folder beside DIR first and read back with
`tafollow.data.load.load`, the loader every command uses; only then are they
moved into DIR. Existing files are never overwritten unless asked
(--force), and a deck that cannot be read leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tafollow.errors import DataError, Issue, UsageError
from tafollow.data.load import PROJECTS_DIR, PROJECT_SUFFIX, REPORT_FILE, load, project_paths
from tafollow.data.repository import (PROJECT_SCHEMA_FILE, REPORT_SCHEMA_FILE, SCHEMA_DIR, reference, schema_folder,
                                      schema_reference, write_schemas)
from tafollow.deckimport.assemble import Draft
from tafollow.deckimport.doubts import Check
from tafollow.deckimport.yamlout import dump


@dataclass(frozen=True)
class Flag:
    """A `# tarkista:` item: the file and line of its comment, and the check."""

    path: Path
    line: int
    check: Check

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: slide {self.check.slide}: {self.check.message}"


@dataclass
class Written:
    folder: Path
    files: list[Path]
    flags: list[Flag] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    """Problems the loader found in the written files (text longer than the format allows)."""
    others: list[Path] = field(default_factory=list)
    """Project files that were in projects/ already and were left as they were (--force)."""


def targets(folder: Path, projects: list[Draft]) -> list[Path]:
    return [folder / REPORT_FILE, *(folder / PROJECTS_DIR / f"{d.stem}{PROJECT_SUFFIX}" for d in projects)]


def refuse_overwrite(folder: Path, projects: list[Draft], force: bool) -> list[Path]:
    """Raise `UsageError` when files would be overwritten or mixed with others; return the others (--force)."""
    ours = set(targets(folder, projects))
    existing = [path for path in sorted(ours) if path.exists()]
    # The project files the loader would read beside ours: an editor's backup or a hidden file is none.
    listed, _ = project_paths(folder / PROJECTS_DIR) if (folder / PROJECTS_DIR).is_dir() else ([], [])
    others = [path for path in listed if path not in ours]
    if force:
        return others
    if existing:
        shown = ", ".join(str(path) for path in existing[:3]) + (" …" if len(existing) > 3 else "")
        raise UsageError(f"{shown}: already exists; import into a new folder with -o, or add --force to overwrite")
    if others:
        raise UsageError(f"{folder / PROJECTS_DIR} already holds other project files ({others[0].name} …), which "
                         "would go into the same deck; import into a new folder with -o, or add --force")
    return others


def write(folder: Path, report: Draft, projects: list[Draft], header: str, force: bool = False) -> Written:
    """Write the drafts into `folder` (created if need be), validated by the loader on the way."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: is a file; give a folder to write the data into")
    others = refuse_overwrite(folder, projects, force)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.import-", dir=folder.parent))
    except OSError as exc:
        raise UsageError(f"{folder}: cannot write ({exc.strerror})") from None
    try:
        flags = _write_drafts(staging, folder, report, projects, header)
        issues = _validate(staging, folder)
        files = _move(staging, folder)
    except OSError as exc:
        raise UsageError(f"{folder}: cannot write ({exc.strerror})") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Written(folder, files, flags, issues, others)


def _write_drafts(staging: Path, folder: Path, report: Draft, projects: list[Draft], header: str) -> list[Flag]:
    (staging / PROJECTS_DIR).mkdir()
    flags: list[Flag] = []
    # As tafollow new writes them: the repository's own schemas, relative to each file. Where the
    # folder has none, they are written beside the data (schema/), so every line points at a file.
    if schema_folder(folder) is None:
        write_schemas(staging / SCHEMA_DIR)
        schemas: dict[str, str | None] = {REPORT_FILE: f"{SCHEMA_DIR}/{REPORT_SCHEMA_FILE}",
                                          PROJECTS_DIR: f"../{SCHEMA_DIR}/{PROJECT_SCHEMA_FILE}"}
    else:
        schemas = {REPORT_FILE: reference(folder, folder, REPORT_SCHEMA_FILE),
                   PROJECTS_DIR: schema_reference(folder / PROJECTS_DIR)}
    for draft, name in [(report, REPORT_FILE), *((d, f"{PROJECTS_DIR}/{d.stem}{PROJECT_SUFFIX}") for d in projects)]:
        schema = schemas[REPORT_FILE if draft is report else PROJECTS_DIR]
        lines = [*([f"yaml-language-server: $schema={schema}"] if schema else []), header]
        trailing = [f"{heading}\n" + _indented(text) for heading, text in draft.trailing]
        written = dump(draft.data, draft.checks.items, lines, trailing)
        (staging / name).write_text(written.text, encoding="utf-8", newline="\n")
        flags += [Flag(folder / name, line, check) for check, line in sorted(written.lines.items(),
                                                                            key=lambda item: item[1])]
    return flags


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.split("\n"))


def _validate(staging: Path, folder: Path) -> list[Issue]:
    try:
        load(staging)
    except DataError as error:
        return [Issue(folder / issue.path.relative_to(staging), issue.line, issue.column, issue.message)
                for issue in error.issues]
    return []


def _move(staging: Path, folder: Path) -> list[Path]:
    (folder / PROJECTS_DIR).mkdir(parents=True, exist_ok=True)
    moved = []
    schemas = sorted((staging / SCHEMA_DIR).iterdir()) if (staging / SCHEMA_DIR).is_dir() else []
    if schemas:
        (folder / SCHEMA_DIR).mkdir(exist_ok=True)
    for source in [*schemas, staging / REPORT_FILE, *sorted((staging / PROJECTS_DIR).iterdir())]:
        target = folder / source.relative_to(staging)
        os.replace(source, target)
        moved.append(target)
    return moved
