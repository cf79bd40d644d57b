"""tafollow installed from a wheel works anywhere: the templates and schemas travel inside it.

A division installs tafollow as a tool in a repository that holds only its
data. The slow test here does what such a user does: it builds the wheel,
installs it into a fresh virtual environment and runs a whole round in an
empty folder outside the source tree.
"""

from __future__ import annotations

import os
import runpy
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from conftest import REPO_ROOT, require_render_tools

PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
PACKAGES = runpy.run_path(str(REPO_ROOT / "setup.py"), run_name="packages")["packages"]()
"""The packages setup.py gives setuptools."""
SOURCES = ("pyproject.toml", "setup.cfg", "setup.py", "README.md", "tafollow", "templates", "schema")
"""What building the wheel needs from the repository."""


def _package_folder(package: str) -> Path:
    """The repository folder that setuptools installs as `package` (pyproject's package-dir mapping)."""
    mapping = SETUPTOOLS.get("package-dir", {})
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in mapping:
            return REPO_ROOT / mapping[prefix] / Path(*parts[cut:])
    return REPO_ROOT / Path(*parts)


def _shipped_data() -> set[Path]:
    """Every data file the packages and package-data patterns in pyproject.toml take into the wheel."""
    shipped = set()
    for package in PACKAGES:
        folder = _package_folder(package)
        for pattern in SETUPTOOLS["package-data"].get(package, []):
            shipped |= {path for path in folder.glob(pattern) if path.is_file()}
    return shipped


@pytest.mark.parametrize("folder", ["templates", "schema", "tafollow/design/fonts"])
def test_every_file_of_the_resource_folders_is_packaged(folder: str) -> None:
    """A new language folder or template must be named in pyproject.toml, or the wheel lacks it."""
    files = {path for path in (REPO_ROOT / folder).rglob("*")
             if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts}
    missing = sorted(str(path.relative_to(REPO_ROOT)) for path in files - _shipped_data())
    assert missing == [], "add their kind of file to [tool.setuptools.package-data] in pyproject.toml"


def test_every_python_package_is_packaged() -> None:
    """A subpackage of tafollow (tafollow/deckimport) left out of the list is missing from the wheel."""
    found = {".".join(path.parent.relative_to(REPO_ROOT).parts) for path in (REPO_ROOT / "tafollow").rglob("__init__.py")}
    assert found - set(PACKAGES) == set()


def test_packaging_scratch_space_is_not_the_decks_folder() -> None:
    """`pip install .` once left build/lib and build/bdist.* beside the deck in build/."""
    config = (REPO_ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert "build_base = .build" in config
    assert ".build/" in (REPO_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_the_package_reads_its_files_through_importlib_resources() -> None:
    """The code finds its files in the installed package, never beside the source tree."""
    from tafollow import resources

    assert (resources.TEMPLATES / "ta-seuranta.pptx").is_file()
    assert (resources.SCHEMAS / "project.schema.json").is_file()
    for module in (REPO_ROOT / "tafollow").glob("*.py"):
        assert "parent.parent" not in module.read_text(encoding="utf-8"), module.name


# --------------------------------------------------------------------------
# The wheel, installed into a fresh virtual environment


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh virtual environment holding tafollow from its wheel, and no source tree.

    The wheel is built with this environment's setuptools (no download) from a copy of the files
    it needs. Its dependencies come from this environment through a path entry: the test is about
    what the wheel carries, and stays offline and fast.
    """
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    for name in SOURCES:
        path = REPO_ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(path, source / name)
    wheels = base / "dist"
    pip = [sys.executable, "-m", "pip", "--quiet", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(wheels), str(source)],
                   check=True, timeout=300)
    wheel = next(wheels.glob("tafollow-*.whl"))
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
                   check=True, timeout=300)
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    # A plain path entry: the .pth files in there (this checkout's editable install) are not run.
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    shutil.rmtree(source)
    return venv / "bin"


def _run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["XDG_CACHE_HOME"] = str(cwd.parent / "cache")
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run([str(bin_dir / "tafollow"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.slow
def test_the_wheel_runs_a_whole_round_from_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    """init → new → validate → build → build --pdf → preview → schema, as a division runs them."""
    where = subprocess.run([str(installed / "python"), "-c", "import tafollow; print(tafollow.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert where.startswith(str(installed.parent)), f"tafollow imported from {where}, not from the wheel"

    division = tmp_path / "division"
    division.mkdir()
    assert "data/report.yaml" in _ok(_run(installed, division, "init"))
    assert "Created data/projects/20-uusi-hanke.yaml" in _ok(_run(installed, division, "new", "Uusi hanke"))
    first = (division / "data" / "projects" / "20-uusi-hanke.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/project.schema.json"
    assert _ok(_run(installed, division, "validate")) == "data: OK\n"
    assert "2 projects, 9 slides → build/ta-seuranta.pptx" in _ok(_run(installed, division, "build"))
    assert "9 slides → en.pptx" in _ok(_run(installed, division, "build", "--lang", "en", "-o", "en.pptx"))
    assert '"$schema"' in _ok(_run(installed, division, "schema"))
    deck = division / "build" / "ta-seuranta.pptx"
    imported = _run(installed, division, "import", str(deck), "-o", "imported")
    assert imported.returncode == 0, imported.stderr
    assert _ok(_run(installed, division, "validate", "imported")) == "imported: OK\n"
    assert _ok(_run(installed, division, "schema", "--write")).count(": unchanged") == 2

    require_render_tools()
    assert "+ ta-seuranta.pdf" in _ok(_run(installed, division, "build", "--pdf"))
    assert (division / "build" / "ta-seuranta.pdf").stat().st_size > 0
    assert "9 slides → " in _ok(_run(installed, division, "preview"))
    assert (division / "build" / "preview" / "contact-sheet.png").is_file()
