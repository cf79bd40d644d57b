"""Fixed labels and sentences, per language, from jinja2 templates.

Every word the deck adds to the data lives in `templates/<lang>/labels.j2`
as a macro, so a translator edits templates, never Python. Data reaches a
macro only as an argument: it is substituted, never evaluated.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from tafollow.errors import UsageError
from tafollow.resources import TEMPLATES, require, template_environment

LANGUAGES = ("fi", "sv", "en")


class Labels:
    """One language's labels; `labels("owner", name)` renders a macro."""

    def __init__(self, language: str, module: Any) -> None:
        self.language = language
        self._module = module

    def __call__(self, key: str, *args: Any) -> str:
        macro = getattr(self._module, key, None)
        if macro is None:
            raise UsageError(f"templates/{self.language}/labels.j2 has no '{key}' macro")
        return str(macro(*args))

    def keys(self) -> set[str]:
        return {name for name in dir(self._module) if not name.startswith("_")}


@lru_cache(maxsize=None)
def labels(language: str, templates: Path = TEMPLATES) -> Labels:
    """The labels of `language`; raises `UsageError` for an unknown language."""
    if language not in LANGUAGES:
        raise UsageError(f"'{language}' is not a language tafollow has: use {', '.join(LANGUAGES)}")
    require(templates / language / "labels.j2")
    module = template_environment(templates=templates).get_template(f"{language}/labels.j2").module
    return Labels(language, module)
