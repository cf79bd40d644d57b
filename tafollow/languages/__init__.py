"""Fixed labels and sentences, per language, from jinja2 templates.

Every word the deck adds to the data lives in `templates/<lang>/labels.j2`
as a macro, so a translator edits templates, never Python. Data reaches a
macro only as an argument: it is substituted, never evaluated.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from tafollow.errors import UsageError
from tafollow.resources import TEMPLATES, require

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


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates, keyed by their source's checksum: compiling costs ~50 ms a run."""
    import os
    import tempfile

    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tafollow" / "jinja2"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    if not os.access(folder, os.W_OK):
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@lru_cache(maxsize=None)
def labels(language: str, templates: Path = TEMPLATES) -> Labels:
    """The labels of `language`; raises `UsageError` for an unknown language."""
    if language not in LANGUAGES:
        raise UsageError(f"'{language}' is not a language tafollow has: use {', '.join(LANGUAGES)}")
    require(templates / language / "labels.j2")
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=_bytecode_cache(),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    module = environment.get_template(f"{language}/labels.j2").module
    return Labels(language, module)
