"""The error cases of tests/errors/ laid out as data folders, and the CLI run on them.

Shared by the loader's tests and the hostile-input tests: each case is the
base data with the case's files laid over it (see tests/errors/README.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from tafollow.cli import app

ERRORS = Path(__file__).resolve().parents[1] / "errors"
BASE = ERRORS / "_base"
CASES = sorted(p.name for p in ERRORS.iterdir() if p.is_dir() and not p.name.startswith("_"))

CONTROL_FILES = {"expected.txt", "remove.txt", "setup.txt", "order.txt"}
"""Files of a case that describe it rather than being part of its data."""


def materialize(case: Path | None, dest: Path) -> Path:
    """The base data with the case's files laid over it (see tests/errors/README.md)."""
    shutil.copytree(BASE, dest)
    if case is None:
        return dest
    for path in sorted(case.rglob("*")):
        relative = path.relative_to(case)
        if path.is_dir() or str(relative) in CONTROL_FILES:
            continue
        target = dest / "projects" / "a.yaml" if str(relative) == "input.yaml" else dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    remove = case / "remove.txt"
    if remove.exists():
        for name in remove.read_text(encoding="utf-8").split():
            target = dest / name
            shutil.rmtree(target) if target.is_dir() else target.unlink()
    return dest


def invoke(*args: str) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout + result.stderr, result.exception


def error_lines(output: str) -> list[str]:
    return [line[len("error: "):] for line in output.splitlines() if line.startswith("error: ")]


def assert_clean_failure(code: int, output: str, exception: BaseException | None) -> None:
    assert isinstance(exception, SystemExit), f"crashed with {exception!r}:\n{output}"
    assert code == 1, output
    assert "Traceback" not in output, output
