"""The wheel's list of packages, computed: a language is a folder under templates/, and nothing else names it.

pyproject.toml holds the rest of the packaging. The list is computed here
only because setuptools wants every folder of files that Python could
import (templates/fi, templates/sv …) named as a package: a language added
as a folder is then packaged without a line added anywhere.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def packages() -> list[str]:
    """tafollow's Python packages, and templates/ and schema/ with every folder below them."""
    code = sorted(".".join(folder.relative_to(ROOT).parts) for folder in [ROOT / "tafollow", *(ROOT / "tafollow").rglob("*")]
                  if folder.is_dir() and folder.name.isidentifier() and not folder.name.startswith("_"))
    data = [f"tafollow.templates.{folder.name}" for folder in sorted((ROOT / "templates").iterdir())
            if folder.is_dir() and folder.name.isidentifier() and not folder.name.startswith("_")]
    return [*code, "tafollow.templates", *data, "tafollow.schemas"]


if __name__ == "__main__":
    from setuptools import setup

    setup(packages=packages())
