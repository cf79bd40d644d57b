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
    tools/tafollow-….whl             with --wheel: the tafollow CI installs

It never overwrites a file: what is already there is left alone and named.

Where CI takes tafollow from is the one choice made here (`Source`):
the package index, a wheel kept in the repository, or tafollow's git
repository at a tag or commit that exists there. pre-commit runs the
tafollow installed on the person's machine whatever the choice, so it
works offline right after `init`.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tafollow import __version__
from tafollow.errors import OutputError, UsageError
from tafollow.commands.new import SKELETON, skeleton
from tafollow.languages import DEFAULT
from tafollow.data.repository import PROJECT_SCHEMA_FILE, REPORT_SCHEMA_FILE, SCHEMA_DIR, SCHEMA_FILES, slug
from tafollow.resources import SCHEMAS, TEMPLATES, require, template_environment

DATA_DIR = "data"
EXAMPLE_PROJECT = "Esimerkkihanke"
WHEEL_DIR = "tools"
"""Where `--wheel` keeps the tafollow wheel in the data repository."""
WHEEL_NAME = re.compile(r"tafollow-(?P<version>[0-9][^-]*)-[^/\\]+\.whl")
"""A wheel's file name as pip and build write it (PEP 427): tafollow-0.1.0-py3-none-any.whl."""
GIT_TIMEOUT = 60.0
_REPOSITORY_FILES = {
    ".pre-commit-config.yaml": "repository/pre-commit-config.yaml.j2",
    ".github/workflows/deck.yml": "repository/deck.yml.j2",
    ".gitignore": "repository/gitignore.j2",
}


@dataclass(frozen=True)
class Source:
    """Where CI (and the person, once) installs tafollow from."""

    kind: str
    """"index", "wheel" or "repository"."""
    requirement: str
    """What pip installs: tafollow==0.1.0, ./tools/tafollow-….whl or tafollow @ git+URL@REV."""
    repository: str | None = None
    rev: str | None = None
    wheel: Path | None = None
    """With --wheel: the wheel given, copied into WHEEL_DIR."""

    @property
    def install(self) -> str:
        """The command a person runs once, so that pre-commit finds this tafollow."""
        return f'pip install "{self.requirement}"'


@dataclass
class Setup:
    """What `init` did, paths relative to the repository."""

    root: Path
    source: Source
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """Files that were there already and were left alone."""


def init(root: Path, *, repository: str | None = None, rev: str | None = None, wheel: Path | None = None,
         today: date | None = None) -> Setup:
    """Write a data repository's files into `root` (created if needed); never overwrites a file.

    Where tafollow comes from is settled before anything is written: a
    wheel that is not one, or a repository whose release cannot be
    pinned, leaves the folder as it was.
    """
    root = Path(root)
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root}: is a file, not a folder for the data repository")
    source = choose_source(repository=repository, rev=rev, wheel=wheel)
    today = today or date.today()
    setup = Setup(root, source)
    if source.wheel is not None:
        _copy(setup, Path(WHEEL_DIR) / source.wheel.name, source.wheel)
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
    upgrade = {"index": "change the version below",
               "wheel": f"put the new wheel in {WHEEL_DIR}/ and name it below",
               "repository": "change the tag or commit below"}[source.kind]
    for target, template in _REPOSITORY_FILES.items():
        _write(setup, Path(target), _render(template, requirement=source.requirement, install=source.install,
                                            upgrade=upgrade, data=DATA_DIR))
    return setup


def choose_source(*, repository: str | None = None, rev: str | None = None, wheel: Path | None = None) -> Source:
    """Where CI installs tafollow from; a `UsageError` for options that do not go together or do not hold."""
    if wheel is not None and repository is not None:
        raise UsageError("--wheel and --repository are two places to take tafollow from; give one of them")
    if rev is not None and repository is None:
        raise UsageError("--rev is a tag or commit of tafollow's git repository; give --repository URL too")
    if wheel is not None:
        wheel = Path(wheel)
        name = WHEEL_NAME.fullmatch(wheel.name)
        if name is None:
            raise UsageError(f"{wheel}: not a tafollow wheel; give a file named like "
                             f"tafollow-{__version__}-py3-none-any.whl, as `python -m build` or `pip wheel` makes it")
        if not wheel.is_file():
            raise UsageError(f"{wheel}: no such file")
        if name["version"] != __version__:
            # The schemas and example init writes are this version's: they must be the wheel's.
            raise UsageError(f"{wheel}: is tafollow {name['version']}, and this is tafollow {__version__}; "
                             f"install the wheel (pip install \"{wheel}\") and run its init")
        return Source("wheel", f"./{WHEEL_DIR}/{wheel.name}", wheel=wheel)
    if repository is not None:
        rev = rev or release_rev(repository)
        return Source("repository", f"tafollow @ git+{repository}@{rev}", repository=repository, rev=rev)
    return Source("index", f"tafollow=={__version__}")


def release_rev(repository: str) -> str:
    """The tag of this tafollow's release in `repository`, as git lists it; a `UsageError` if there is none.

    The default tag (v + the version) is pinned only when the repository
    has it: a pin to a tag that does not exist fails at the first
    pre-commit or CI run, far from its cause.
    """
    wanted = f"v{__version__}"
    tags = remote_tags(repository)
    if wanted in tags:
        return wanted
    known = sorted(tags, key=_version_key)[-5:]
    listed = f"; its newest tags: {', '.join(known)}" if known else "; it has no tags"
    raise UsageError(f"{repository} has no tag {wanted} (this tafollow's release){listed}. "
                     f"Pass --rev with a tag or commit of it, e.g. --rev {known[-1] if known else 'COMMIT'}")


def remote_tags(repository: str) -> set[str]:
    """The tag names of a git repository (a URL or a folder), read with `git ls-remote`."""
    if repository.startswith("-"):
        raise UsageError(f"{repository}: not a repository URL")
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GCM_INTERACTIVE": "never",
                   # Transports that fetch; not ext::, which runs a command named in the URL.
                   "GIT_ALLOW_PROTOCOL": "file:git:http:https:ssh"}
    try:
        listed = subprocess.run(["git", "ls-remote", "--tags", repository], capture_output=True, text=True,
                                env=environment, timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise UsageError(f"git is not installed, so the tags of {repository} cannot be read; "
                         "pass --rev with a tag or commit of it") from None
    except subprocess.TimeoutExpired:
        raise UsageError(f"{repository} did not answer in {GIT_TIMEOUT:.0f} s; "
                         "pass --rev with a tag or commit of it") from None
    if listed.returncode != 0:
        said = (listed.stderr.strip().splitlines() or ["no reason given"])[-1]
        raise UsageError(f"cannot read the tags of {repository} (git: {said}); "
                         "check the URL, or pass --rev with a tag or commit of it")
    tags = set()
    for line in listed.stdout.splitlines():
        _, _, ref = line.partition("\t")
        if ref.startswith("refs/tags/"):
            tags.add(ref.removeprefix("refs/tags/").removesuffix("^{}"))
    return tags


def _version_key(tag: str) -> tuple[bool, tuple[tuple[int, int | str], ...]]:
    """Release tags last and in order (v0.10.0 after v0.9.1), so the newest release is the last."""
    release = re.fullmatch(r"v?\d+(\.\d+)*", tag) is not None
    return release, tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"[.\-]", tag.lstrip("v")))


def _copy(setup: Setup, relative: Path, source: Path) -> None:
    """Copy `source` to `relative` under the repository, or note that a file is there already."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UsageError(f"{source}: cannot read ({exc.strerror})") from None
    path = setup.root / relative
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = open(path, "xb")
    except FileExistsError:
        setup.kept.append(relative)
        return
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with stream:
            stream.write(data)
    except OSError as exc:  # e.g. a full disk: no half wheel for CI to install
        path.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    setup.written.append(relative)


def _render(template: str, **variables: object) -> str:
    require(TEMPLATES / template)
    return template_environment(keep_trailing_newline=True).get_template(template).render(**variables)


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
