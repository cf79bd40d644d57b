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

import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tafollow.errors import UsageError
from tafollow.data.load import (PROJECTS_DIR, REPORT_FILE, check_project_text, project_paths, read_document, read_report,
                   same_name_key)
from tafollow.resources import TEMPLATES, require
from tafollow.data.yamlread import _show as show

SKELETON = "fi/new-project.yaml.j2"
SCHEMA_DIR = "schema"
PROJECT_SCHEMA_FILE = "project.schema.json"
REPORT_SCHEMA_FILE = "report.schema.json"
NUMBER_STEP = 10
"""Project files are numbered 10, 20, 30 …, leaving room to slot one in between."""
SLUG_MAX = 40
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o", "ß": "ss"})
_PLAIN = re.compile(r"[^\W\d_][\w .,()/&+'’–-]*", re.UNICODE)
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}


@dataclass(frozen=True)
class NewProject:
    path: Path
    listed: bool
    """False when report.yaml's `projects:` list selects projects and does not name this one yet."""
    schema: str | None
    """Where the file's `$schema` comment points; None when the repository has no schema to point to."""


def slug(name: str) -> str:
    """A file-name-safe form of `name`: lower case, å/ä/ö folded to a/a/o, words joined by '-'."""
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", ascii_only)
    text = "-".join(words)
    if len(text) > SLUG_MAX:
        text = text[:SLUG_MAX].rsplit("-", 1)[0] if "-" in text[:SLUG_MAX] else text[:SLUG_MAX]
    return text or "projekti"


def next_number(projects_dir: Path) -> int:
    """The next free number after every numbered file in `projects_dir`, on the step of ten."""
    paths, _ = project_paths(projects_dir)
    numbers = [int(m.group(1)) for p in paths if (m := re.match(r"(\d+)-", p.name))]
    return (max(numbers, default=0) // NUMBER_STEP + 1) * NUMBER_STEP


def yaml_text(value: str) -> str:
    """`value` as a YAML scalar that reads back as the same text: plain when safe, else double-quoted."""
    if _PLAIN.fullmatch(value) and value.lower() not in _YAML_WORDS and not value.endswith(" "):
        return value
    return json.dumps(value, ensure_ascii=False)


def skeleton(name: str, schema: str | None, today: date) -> str:
    """The text of a new project file."""
    import jinja2

    require(TEMPLATES / SKELETON)
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=False,
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    labels = environment.get_template("fi/labels.j2").module
    return environment.get_template(SKELETON).render(
        name=yaml_text(name), schema=schema, updated=labels.date(today))  # type: ignore[attr-defined]


def schema_folder(data_dir: Path) -> Path | None:
    """The repository's `schema/` folder for `data_dir`, if it has one holding project.schema.json.

    Looked for in the data folder and the folders above it, up to the root
    of the git repository that holds them; outside a repository only in the
    data folder and the folder that holds it (the layout `tafollow init`
    writes). A path out of the repository would work on one machine only.
    """
    folder = Path(data_dir).resolve()
    candidates = [folder, *folder.parents]
    top = next((i for i, candidate in enumerate(candidates) if (candidate / ".git").exists()), 1)
    for candidate in candidates[:top + 1]:
        if (candidate / SCHEMA_DIR / PROJECT_SCHEMA_FILE).is_file():
            return candidate / SCHEMA_DIR
    return None


def schema_reference(projects_dir: Path) -> str | None:
    """What a project file's `$schema` comment says: the repository's schema, relative to the file.

    None when the repository has no schema: a reference to tafollow's own
    copy would name a folder on this machine only.
    """
    return reference(Path(projects_dir), Path(projects_dir).parent, PROJECT_SCHEMA_FILE)


def reference(file_dir: Path, data_dir: Path, schema_file: str) -> str | None:
    """`schema_file` in the repository's schema folder for `data_dir`, relative to `file_dir`; None if absent."""
    folder = schema_folder(data_dir)
    if folder is None or not (folder / schema_file).is_file():
        return None
    try:
        return Path(os.path.relpath(folder / schema_file, Path(file_dir).resolve())).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        return None


def create(name: str, data_dir: Path, today: date | None = None) -> NewProject:
    """Write `projects/<nn>-<slug>.yaml` under `data_dir`; never overwrites a file."""
    name = name.strip()
    _refuse_name(name)
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise UsageError(f"{data_dir}: no such data folder")
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
