"""What reaches the terminal: file names, folders and text from the data, never raw control characters.

Every command prints through `cli._echo`. Each case below puts hostile text
where a command prints it — an escape sequence that would clear the screen
or recolour it, the C1 "CSI" (U+009B) that some terminals obey like ESC [,
a right-to-left override (U+202E) that turns the rest of a line around —
and checks that the output carries it only escaped.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHIPPED_DATA
from tafollow.cli import app

RAW = ("\x1b", "\x9b", "\u202e", "\x07")
CLEAR = "\x1b[2J"
HARRASTUS = "projects/10-harrastuspassi.yaml"

pytestmark = pytest.mark.skipif(os.name == "nt", reason="control characters in POSIX file names")


def copy(tmp_path: Path, name: str = "data") -> Path:
    target = tmp_path / name
    shutil.copytree(SHIPPED_DATA, target)
    return target


def validate_folder(tmp_path: Path) -> list[str]:
    return ["validate", str(copy(tmp_path, f"data{CLEAR}"))]


def validate_file_name(tmp_path: Path) -> list[str]:
    data = copy(tmp_path)
    shutil.copy(data / HARRASTUS, data / f"projects/80-{CLEAR}\x9b31m.yaml")
    return ["validate", str(data)]


def build_folder(tmp_path: Path) -> list[str]:
    return ["build", str(copy(tmp_path, f"data{CLEAR}")), "-o", str(tmp_path / f"out{CLEAR}" / "deck.pptx")]


def diff_file_name(tmp_path: Path) -> list[str]:
    new = copy(tmp_path, "new")
    shutil.copy(new / HARRASTUS, new / f"projects/80-{CLEAR}red.yaml")
    return ["diff", str(SHIPPED_DATA), str(new)]


def diff_project_name(tmp_path: Path) -> list[str]:
    new = copy(tmp_path, "new")
    path = new / HARRASTUS
    path.write_text(path.read_text(encoding="utf-8").replace("name: Harrastuspassi", "name: \"Harrastus\u202epassi\""),
                    encoding="utf-8")
    return ["diff", str(SHIPPED_DATA), str(new)]


def diff_markdown(tmp_path: Path) -> list[str]:
    return [*diff_project_name(tmp_path), "--markdown"]


def new_folder(tmp_path: Path) -> list[str]:
    return ["new", "Uusi hanke", str(copy(tmp_path, f"data{CLEAR}"))]


# Each: how the command line is made, and what the output must show instead of the raw characters.
CASES: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "validate: data folder": (validate_folder, "data\\x1b[2J: OK"),
    "validate: project file name": (validate_file_name, "80-\\x1b[2J\\x9b31m.yaml: the file name contains"),
    "build: folders": (build_folder, "out\\x1b[2J/deck.pptx"),
    "diff: file name": (diff_file_name, "80-\\x1b[2Jred (80-\\x1b[2Jred.yaml): does not validate"),
    "diff: project name": (diff_project_name, "name: Harrastuspassi → Harrastus\\u202epassi"),
    "diff --markdown": (diff_markdown, "Harrastus\\u202epassi"),
    "new: data folder": (new_folder, f"Created {'{tmp}'}/data\\x1b[2J/projects/80-uusi-hanke.yaml"),
}


@pytest.mark.parametrize("case", CASES)
def test_output_shows_hostile_text_only_escaped(tmp_path: Path, case: str) -> None:
    make, expected = CASES[case]
    result = CliRunner().invoke(app, make(tmp_path))
    output = result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert not [c for c in RAW if c in output], repr(output)
    assert expected.replace("{tmp}", str(tmp_path)) in output, output


def test_json_output_is_escaped_and_still_the_same_json(tmp_path: Path) -> None:
    data = copy(tmp_path)
    name = f"80-{CLEAR}\udce4\u202e.yaml"  # \udce4: a byte that is not UTF-8, as Python holds it
    shutil.copy(data / HARRASTUS, data / "projects" / name)
    result = CliRunner().invoke(app, ["validate", str(data), "--format", "json"])
    assert not [c for c in RAW if c in result.stdout], repr(result.stdout)
    [issue] = json.loads(result.stdout)
    assert issue["file"] == str(data / "projects" / name)


def test_the_spinner_shows_a_folder_named_like_markup_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal, "Reading [/x] …" made rich raise MarkupError (a traceback): messages are plain text."""
    import sys

    from rich.status import Status

    from tafollow.cli import _progress

    shown: list[str] = []
    update = Status.update

    def record(self: Status, status: object = None, **options: object) -> None:
        shown.append(getattr(status, "plain", str(status)))
        update(self, status, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Status, "update", record)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    with _progress(quiet=False) as step:
        step(f"Reading [/x]{CLEAR} …")
        step("Writing [bold]deck[/bold] …")
    # Shown as written, the brackets kept and the escape sequence made visible rather than obeyed.
    assert shown == ["Reading [/x]\\x1b[2J …", "Writing [bold]deck[/bold] …"]
