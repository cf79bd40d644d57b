"""`tafollow new`: start a project file from a commented skeleton.

A project manager's first contact with the data is usually copying
someone else's file and guessing what each key means. The skeleton
(`templates/fi/new-project.yaml.j2`) explains every field in Finnish, is
valid as written (so `validate` passes straight away and the deck builds),
and points VS Code's YAML extension at the schema for completion: at the
repository's own copy (`tafollow init` and `tafollow schema --write` put it
there), by a path relative to the file, so the line works in every clone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tafollow.errors import UsageError
from tafollow.data.load import (PROJECTS_DIR, REPORT_FILE, check_project_text, missing_folder, project_paths, read_document,
                                read_report, same_name_key)
from tafollow.data.repository import next_number, schema_reference, slug, yaml_text
from tafollow.languages import DEFAULT, LABELS
from tafollow.resources import TEMPLATES, require, template_environment
from tafollow.errors import show

SKELETON = f"{DEFAULT}/new-project.yaml.j2"
"""Written in the division's own language; its comments explain every field."""


@dataclass(frozen=True)
class NewProject:
    path: Path
    listed: bool
    """False when report.yaml's `projects:` list selects projects and does not name this one yet."""
    schema: str | None
    """Where the file's `$schema` comment points; None when the repository has no schema to point to."""


def skeleton(name: str, schema: str | None, today: date) -> str:
    """The text of a new project file."""
    require(TEMPLATES / SKELETON)
    environment = template_environment(keep_trailing_newline=True)
    labels = environment.get_template(f"{DEFAULT}/{LABELS}").module
    return environment.get_template(SKELETON).render(
        name=yaml_text(name), schema=schema, updated=labels.date(today))  # type: ignore[attr-defined]


def create(name: str, data_dir: Path, today: date | None = None) -> NewProject:
    """Write `projects/<nn>-<slug>.yaml` under `data_dir`; never overwrites a file."""
    name = name.strip()
    _refuse_name(name)
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise UsageError(missing_folder(data_dir))
    projects_dir = data_dir / PROJECTS_DIR
    stem = _free_stem(name, slug(name), projects_dir)
    path = projects_dir / f"{next_number(projects_dir):02d}-{stem}.yaml"
    schema = schema_reference(projects_dir)
    text = skeleton(name, schema, today or date.today())
    # The file as validate will read it: whatever validate would reject is refused before anything is written.
    _, issues = check_project_text(text.encode("utf-8"), path)
    if issues:
        raise UsageError("the name cannot be used: " + "; ".join(issue.message for issue in issues))
    try:
        projects_dir.mkdir(exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise UsageError(f"{path}: already exists; tafollow new never overwrites a file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror})") from None
    return NewProject(path, _listed(data_dir, path.stem), schema)


def _refuse_name(name: str) -> None:
    """Names that are no text at all, or not one line of it; the rest is checked as validate checks it."""
    if not name:
        raise UsageError("give the project a name, e.g. tafollow new \"Uusi hanke\"")
    for character in name:
        # Line separators and NEXT LINE are line breaks to YAML: validate refuses them, unseen, in a file.
        if unicodedata.category(character) in ("Cc", "Cs", "Zl", "Zp") or character == "\x85":
            raise UsageError(f"the name must be one line of text without control characters or line breaks "
                             f"(it contains U+{ord(character):04X})")


def _free_stem(name: str, stem: str, projects_dir: Path) -> str:
    """The file name for project `name`: `stem`, or `stem-2`, … when another project has taken it.

    Two different names can share a slug ("😀" and "🎉" both give
    "projekti"), so a taken stem alone is no reason to refuse. Refused: a
    project of the same name in any file (compared as validate compares
    them), and a file with the same stem whose name cannot be read (it may
    well hold this project). The other files are read as `validate` reads
    them: a file it would not read, such as an editor's backup, holds no
    project.
    """
    key = same_name_key(name)
    paths, _ = project_paths(projects_dir) if projects_dir.is_dir() else ([], [])
    taken: set[str] = set()
    for path in paths:
        document, _ = read_document(path)
        data = document.data if document is not None else None
        other = data.get("name") if isinstance(data, dict) else None
        same_stem = re.sub(r"^\d+-", "", path.stem)
        if isinstance(other, str) and same_name_key(other) == key:
            verb = "already exists and holds" if same_stem == stem else "already holds"
            raise UsageError(f"{path}: {verb} the project '{show(other)}'; edit it instead")
        if same_stem == stem and not isinstance(other, str):
            raise UsageError(f"{path}: a project file with this name already exists; edit it instead")
        taken.add(same_stem)
    number = 2
    free = stem
    while free in taken:
        free, number = f"{stem}-{number}", number + 1
    return free


def _listed(data_dir: Path, stem: str) -> bool:
    _, document, _ = read_report(data_dir / REPORT_FILE)
    data = document.data if document is not None else None
    wanted = data.get("projects") if isinstance(data, dict) else None
    if not isinstance(wanted, list):
        return True
    return stem in wanted or f"{stem}.yaml" in wanted
