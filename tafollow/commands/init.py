"""`tafollow init`: set up a division's data repository, and keep its schemas current.

A division keeps its project files in a repository of its own and
installs tafollow as a tool. `init` writes what such a repository needs,
laid out as tafollow's own repository is, so every command works there
with its defaults:

    data/report.yaml                 the round, every key explained
    data/projects/10-….yaml          one example project (the `new` skeleton)
    schema/*.schema.json             what every `$schema` comment points to
    .pre-commit-config.yaml          `tafollow validate` before each commit
    .github/workflows/deck.yml       CI: validate, build the deck and its PDF, keep them
    .gitignore                       build/, where the deck is written

It never overwrites a file: what is already there is left alone and named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tafollow import __version__
from tafollow.errors import OutputError, UsageError
from tafollow.commands.new import SKELETON, skeleton
from tafollow.languages import DEFAULT
from tafollow.data.repository import PROJECT_SCHEMA_FILE, REPORT_SCHEMA_FILE, SCHEMA_DIR, SCHEMA_FILES, slug
from tafollow.resources import SCHEMAS, TEMPLATES, require

DATA_DIR = "data"
EXAMPLE_PROJECT = "Esimerkkihanke"
_REPOSITORY_FILES = {
    ".pre-commit-config.yaml": "repository/pre-commit-config.yaml.j2",
    ".github/workflows/deck.yml": "repository/deck.yml.j2",
    ".gitignore": "repository/gitignore.j2",
}


@dataclass
class Setup:
    """What `init` did, paths relative to the repository."""

    root: Path
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """Files that were there already and were left alone."""


def init(root: Path, *, repository: str | None = None, rev: str | None = None,
         today: date | None = None) -> Setup:
    """Write a data repository's files into `root` (created if needed); never overwrites a file."""
    root = Path(root)
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root}: is a file, not a folder for the data repository")
    today = today or date.today()
    setup = Setup(root)
    data = Path(DATA_DIR)
    report = _render(f"{DEFAULT}/report.yaml.j2", schema=f"../{SCHEMA_DIR}/{REPORT_SCHEMA_FILE}", year=today.year,
                     today=f"{today.day}.{today.month}.{today.year}")
    _write(setup, data / "report.yaml", report)
    projects = root / data / "projects"
    if not any(projects.glob("*.yaml")):
        require(TEMPLATES / SKELETON)
        example = data / "projects" / f"10-{slug(EXAMPLE_PROJECT)}.yaml"
        _write(setup, example, skeleton(EXAMPLE_PROJECT, f"../../{SCHEMA_DIR}/{PROJECT_SCHEMA_FILE}", today))
    for name in SCHEMA_FILES:
        _write(setup, Path(SCHEMA_DIR) / name, require(SCHEMAS / name).read_text(encoding="utf-8"))
    rev = rev or f"v{__version__}"
    requirement = f"tafollow @ git+{repository}@{rev}" if repository else f"tafollow=={__version__}"
    for target, template in _REPOSITORY_FILES.items():
        _write(setup, Path(target), _render(template, repository=repository, rev=rev, requirement=requirement,
                                            data=DATA_DIR))
    return setup


def _render(template: str, **variables: object) -> str:
    import jinja2

    require(TEMPLATES / template)
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=False,
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.get_template(template).render(**variables)


def _write(setup: Setup, relative: Path, text: str) -> None:
    """Create `relative` under the repository with `text`, or note that it is there already."""
    path = setup.root / relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        setup.kept.append(relative)
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    setup.written.append(relative)
