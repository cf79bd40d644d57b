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

from tafollow.errors import SetupError


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
