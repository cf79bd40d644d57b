"""The files tafollow ships beside its code, found wherever tafollow is installed.

The master template, the label and skeleton templates (`templates/` in the
repository) and the JSON Schemas (`schema/`) are installed as the packages
`tafollow.templates` and `tafollow.schemas` (pyproject.toml maps the two
folders into the package), so a wheel, `pip install .` and an editable
install all find them through importlib.resources in the same way.

Looking a folder up never fails here: a broken installation is reported,
as such and with exit status 3, by `require` when a file is needed.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from tafollow.errors import SetupError

if TYPE_CHECKING:
    import jinja2


def _folder(package: str) -> Path:
    try:
        found = files(package)
    except ModuleNotFoundError:
        # Where the folder would be: `require` then names the missing file.
        return Path(__file__).resolve().parent / package.rsplit(".", 1)[1]
    # tafollow is installed as files (never zipped), so this is a real folder that
    # python-pptx and jinja2 can read from.
    return Path(str(found))


TEMPLATES = _folder("tafollow.templates")
"""The master (ta-seuranta.pptx) and templates/<language>/*.j2."""
SCHEMAS = _folder("tafollow.schemas")
"""project.schema.json and report.schema.json."""


def require(path: Path) -> Path:
    """`path`, a file tafollow ships; a clear error when the installation lacks it."""
    if not path.is_file():
        raise SetupError(f"{path}: missing from tafollow's installation; reinstall tafollow "
                         "(pip install --force-reinstall tafollow)")
    return path


def template_environment(keep_trailing_newline: bool = False, templates: Path = TEMPLATES) -> jinja2.Environment:
    """The one jinja2 environment over the shipped templates (labels, skeletons, repository files).

    No autoescaping: the output is slide text and YAML, not HTML, and data
    reaches a template only as an argument, never as template source. A
    name a template lacks is an error, not an empty string. Compiled
    templates are cached, keyed by their source's checksum: compiling costs
    ~50 ms a run. jinja2 is imported here, when a template is needed, not
    when tafollow starts (`--help` does not need it).
    """
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                              bytecode_cache=_bytecode_cache(keep_trailing_newline), autoescape=False,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=keep_trailing_newline)


def _bytecode_cache(keep_trailing_newline: bool) -> jinja2.BytecodeCache | None:
    import os
    import tempfile

    import jinja2

    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tafollow" / "jinja2"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    if not os.access(folder, os.W_OK):
        return None
    # jinja2 keys its cache by template name only, and code compiled keeping the trailing newline
    # differs from code that drops it: each setting has its own files.
    pattern = "__jinja2_keep_%s.cache" if keep_trailing_newline else "__jinja2_%s.cache"
    return jinja2.FileSystemBytecodeCache(str(folder), pattern)
