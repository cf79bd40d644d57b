"""The layout of a data repository: where files go, how they are named, where the schemas are.

`new`, `init` and `import` all write into a data repository, and each must
lay it out as the others expect: project files numbered on a step of ten
with a file-name-safe slug, and every `$schema` comment pointing at the
repository's own copy of the schemas, by a path relative to the file.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

from tafollow.data.load import project_paths
from tafollow.errors import OutputError, UsageError

SCHEMA_DIR = "schema"
PROJECT_SCHEMA_FILE = "project.schema.json"
REPORT_SCHEMA_FILE = "report.schema.json"
NUMBER_STEP = 10
"""Project files are numbered 10, 20, 30 …, leaving room to slot one in between."""
SLUG_MAX = 40
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "a", "Ä": "a", "Ö": "o", "ß": "ss"})
_PLAIN = re.compile(r"[^\W\d_][\w .,()/&+'’–-]*", re.UNICODE)
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}
SCHEMA_FILES = (PROJECT_SCHEMA_FILE, REPORT_SCHEMA_FILE)


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


def write_schemas(folder: Path) -> list[tuple[Path, str]]:
    """Write this tafollow's JSON Schemas into `folder`: each path with 'written', 'updated' or 'unchanged'.

    Generated from the models, as `tafollow schema` prints them (the same
    text as the copies the package ships): in a data repository after an
    upgrade, and in tafollow's own checkout after a change to the models.
    """
    from tafollow.data.schema import dumps, project_schema, report_schema

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: is a file, not a folder for the schemas")
    done = []
    for name, schema in zip(SCHEMA_FILES, (project_schema(), report_schema())):
        text = dumps(schema)
        path = folder / name
        try:
            before = path.read_text(encoding="utf-8") if path.is_file() else None
            if before == text:
                done.append((path, "unchanged"))
                continue
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise OutputError(f"{path}: cannot write ({getattr(exc, 'strerror', None) or exc})") from None
        done.append((path, "written" if before is None else "updated"))
    return done
