"""The languages tafollow speaks: one folder each under `templates/`, and the only place one is named.

A language is data: `templates/<code>/labels.j2` holds every word and
sentence the deck adds to the data, as jinja2 macros, and
`templates/<code>/language.yaml` what is not a sentence (the tag written
into the deck, how numbers are grouped, the words the import also accepts).
Adding a language means adding such a folder; nothing in the code names it.
Data reaches a macro only as an argument: it is substituted, never evaluated.

Finding the languages reads only folder names, so `tafollow --help` lists
them without loading jinja2 or YAML.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from tafollow.errors import UsageError
from tafollow.resources import TEMPLATES, require

DEFAULT = "fi"
"""A round's language when report.yaml names none: the division's own."""
FALLBACK = "en"
"""What tafollow speaks where nothing says which language to use (a stranger's deck)."""
LABELS = "labels.j2"
FACTS = "language.yaml"


def codes(templates: Path = TEMPLATES) -> tuple[str, ...]:
    """Every language with a folder of labels and facts: the default first, the fallback last."""
    try:
        found = sorted(entry.name for entry in os.scandir(templates)
                       if entry.is_dir() and (Path(entry.path) / LABELS).is_file()
                       and (Path(entry.path) / FACTS).is_file())
    except OSError:
        found = []
    first = [code for code in (DEFAULT,) if code in found]
    last = [code for code in (FALLBACK,) if code in found and code not in first]
    return (*first, *[code for code in found if code not in first + last], *last)


LANGUAGES = codes()


@dataclass(frozen=True)
class Facts:
    """What `language.yaml` says of a language."""

    tag: str
    """BCP 47 tag, written into the deck and its PDF."""
    name: str
    thousands_separator: str
    goal_headings: tuple[str, ...]
    total_words: tuple[str, ...]


@lru_cache(maxsize=None)
def facts(language: str, templates: Path = TEMPLATES) -> Facts:
    """The facts of `language`; raises `UsageError` for a language tafollow does not have."""
    import yaml

    _known(language)
    path = require(templates / language / FACTS)
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Facts(tag=str(raw["tag"]), name=str(raw["name"]),
                 thousands_separator=str(raw.get("thousands_separator", " ")),
                 goal_headings=tuple(str(word) for word in raw.get("goal_headings", ())),
                 total_words=tuple(str(word) for word in raw.get("total_words", ())))


class Labels:
    """One language's labels; `labels("owner", name)` renders a macro."""

    def __init__(self, language: str, module: Any) -> None:
        self.language = language
        self._module = module

    def __call__(self, key: str, *args: Any) -> str:
        macro = getattr(self._module, key, None)
        if macro is None:
            raise UsageError(f"templates/{self.language}/{LABELS} has no '{key}' macro")
        return str(macro(*args))

    def keys(self) -> set[str]:
        return {name for name in dir(self._module) if not name.startswith("_")}

    @property
    def tag(self) -> str:
        return facts(self.language).tag


def _bytecode_cache() -> Any:
    """Compiled templates, keyed by their source's checksum: compiling costs ~50 ms a run."""
    import tempfile

    import jinja2

    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tafollow" / "jinja2"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    if not os.access(folder, os.W_OK):
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


def _known(language: str) -> None:
    if language not in LANGUAGES:
        raise UsageError(f"'{language}' is not a language tafollow has: use {', '.join(LANGUAGES)}")


@lru_cache(maxsize=None)
def labels(language: str, templates: Path = TEMPLATES) -> Labels:
    """The labels of `language`; raises `UsageError` for an unknown language."""
    import jinja2

    _known(language)
    require(templates / language / LABELS)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=_bytecode_cache(),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    module = environment.get_template(f"{language}/{LABELS}").module
    return Labels(language, module)
