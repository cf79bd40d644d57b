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
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from tafollow.errors import UsageError
from tafollow.resources import TEMPLATES, require, template_environment

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


_PLAIN = frozenset({str, int, float, bool, date, type(None)})
"""Argument types whose rendering can be remembered: compared by value, and never changed in place."""


class Labels:
    """One language's labels; `labels("owner", name)` renders a macro."""

    def __init__(self, language: str, module: Any) -> None:
        self.language = language
        self._module = module
        self._said: dict[tuple[Any, ...], str] = {}
        """What a macro gave for these arguments: a macro only substitutes them, so it gives it again."""

    def __call__(self, key: str, *args: Any) -> str:
        if not all(type(arg) in _PLAIN for arg in args):  # a list of names, say: rendered every time
            return self._render(key, args)
        # With the types: 1, 1.0 and True are equal keys but are written differently.
        remembered = (key, *args, *map(type, args))
        said = self._said.get(remembered)
        if said is None:
            said = self._said[remembered] = self._render(key, args)
        return said

    def _render(self, key: str, args: tuple[Any, ...]) -> str:
        macro = getattr(self._module, key, None)
        if macro is None:
            raise UsageError(f"templates/{self.language}/{LABELS} has no '{key}' macro")
        return str(macro(*args))

    def keys(self) -> set[str]:
        return {name for name in dir(self._module) if not name.startswith("_")}

    @property
    def tag(self) -> str:
        return facts(self.language).tag


def _known(language: str) -> None:
    if language not in LANGUAGES:
        raise UsageError(f"'{language}' is not a language tafollow has: use {', '.join(LANGUAGES)}")


@lru_cache(maxsize=None)
def labels(language: str, templates: Path = TEMPLATES) -> Labels:
    """The labels of `language`; raises `UsageError` for an unknown language."""
    _known(language)
    require(templates / language / LABELS)
    module = template_environment(templates=templates).get_template(f"{language}/{LABELS}").module
    return Labels(language, module)
