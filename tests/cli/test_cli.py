"""End to end: `python -m tafollow ...` in a temporary folder holding a copy of data/.

Run as a real subprocess, so that exit statuses, the default paths
(relative to the working folder) and what reaches the terminal are what a
user gets: in particular no Python traceback for bad data or bad usage.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import tafollow
from conftest import SHIPPED_DATA

PROJECT = "projects/10-harrastuspassi.yaml"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cwd / ".cache"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("COLUMNS", None)
    return subprocess.run(
        [sys.executable, "-m", "tafollow", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A working folder with data/ copied from the repository."""
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    return tmp_path


def _edit_line(path: Path, old: str, new: str) -> int:
    """Replace the line `old` by `new` (may be several lines); return the 1-based line number of the edit."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = lines.index(old)
    lines[index:index + 1] = new.split("\n")
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def test_build_writes_the_default_output_relative_to_the_working_folder(workdir: Path) -> None:
    result = run("build", cwd=workdir)
    assert result.returncode == 0, _output(result)
    deck = workdir / "build" / "ta-seuranta.pptx"
    assert deck.is_file()
    with zipfile.ZipFile(deck) as archive:
        slides = [n for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    assert len(slides) == 29
    assert "7 projects, 29 slides" in result.stdout
    assert "Traceback" not in result.stderr


def test_build_with_explicit_data_dir_and_output(workdir: Path) -> None:
    result = run("build", "data", "-o", "out/deck.pptx", "--quiet", cwd=workdir)
    assert result.returncode == 0, _output(result)
    assert (workdir / "out" / "deck.pptx").is_file()
    assert result.stdout == ""


def test_validate_accepts_the_shipped_data(workdir: Path) -> None:
    result = run("validate", cwd=workdir)
    assert result.returncode == 0, _output(result)
    assert "OK" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("command", ["validate", "build"])
def test_bad_indentation_is_reported_with_file_and_line(workdir: Path, command: str) -> None:
    line = _edit_line(workdir / "data" / PROJECT, "owner: Mikko Vatka", " owner: Mikko Vatka")
    result = run(command, cwd=workdir)
    assert result.returncode == 1, _output(result)
    assert re.search(rf"10-harrastuspassi\.yaml:{line}:\d+: ", result.stderr), _output(result)
    assert "Traceback" not in result.stderr + result.stdout
    assert not (workdir / "build").exists(), "a deck was written from invalid data"


@pytest.mark.parametrize("command", ["validate", "build"])
def test_unknown_key_is_reported_with_file_and_line(workdir: Path, command: str) -> None:
    line = _edit_line(workdir / "data" / PROJECT, "owner: Mikko Vatka", "owner: Mikko Vatka\ncolour: blue")
    result = run(command, cwd=workdir)
    assert result.returncode == 1, _output(result)
    assert re.search(rf"10-harrastuspassi\.yaml:{line + 1}:1: unknown key 'colour'", result.stderr), _output(result)
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_json_lists_file_line_and_message(workdir: Path) -> None:
    line = _edit_line(workdir / "data" / PROJECT, "owner: Mikko Vatka", "owner: Mikko Vatka\ncolour: blue")
    result = run("validate", "--format", "json", cwd=workdir)
    assert result.returncode == 1, _output(result)
    issues = json.loads(result.stdout)
    assert [(Path(i["file"]).name, i["line"], i["column"]) for i in issues] == [
        ("10-harrastuspassi.yaml", line + 1, 1)
    ]
    assert "colour" in issues[0]["message"]


@pytest.mark.parametrize("command", ["validate", "build"])
def test_missing_data_dir_is_a_usage_error(tmp_path: Path, command: str) -> None:
    result = run(command, "no-such-folder", cwd=tmp_path)
    assert result.returncode == 2, _output(result)
    assert "no-such-folder" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_unknown_option_is_a_usage_error(workdir: Path) -> None:
    result = run("build", "--no-such-option", cwd=workdir)
    assert result.returncode == 2, _output(result)
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("option", ["--version", "-V"])
def test_version(tmp_path: Path, option: str) -> None:
    result = run(option, cwd=tmp_path)
    assert result.returncode == 0, _output(result)
    assert result.stdout.strip() == f"tafollow {tafollow.__version__}"


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["build", "-h"], ["validate", "-h"]])
def test_short_and_long_help(tmp_path: Path, args: list[str]) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 0, _output(result)
    assert result.stdout.startswith("Usage: tafollow")
    assert "-h, --help" in result.stdout


def test_shell_completion_offers_commands_and_option_values(tmp_path: Path) -> None:
    """What bash's completion script asks tafollow (the script itself: tafollow --show-completion)."""
    def complete(words: str) -> list[str]:
        env = {**os.environ, "_TAFOLLOW_COMPLETE": "complete_bash", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split(" ")) - 1)}
        result = subprocess.run([sys.executable, "-m", "tafollow"], cwd=tmp_path, env=env, capture_output=True,
                                text=True, timeout=60, check=False)
        return result.stdout.split()

    assert "build" in complete("tafollow bu") and "init" in complete("tafollow i")
    assert complete("tafollow build --lang ") == ["fi", "sv", "en"]
    assert "--install-completion" in run("--help", cwd=tmp_path).stdout


def test_an_option_value_tafollow_does_not_take_is_refused_in_plain_words(workdir: Path) -> None:
    result = run("validate", "--format", "xml", cwd=workdir)
    assert result.returncode == 2, _output(result)
    assert "'xml' is not an output format; use text or json" in result.stderr


def test_a_folder_as_output_suggests_a_file_in_it(workdir: Path) -> None:
    (workdir / "out").mkdir()
    result = run("build", "-o", "out", cwd=workdir)
    assert result.returncode == 2, _output(result)
    assert "error: out: is a folder; give a file name such as out/ta-seuranta.pptx" in result.stderr


@pytest.mark.parametrize("option", [["-o", "deck.pdf"], ["--template", "nope.pptx"]])
def test_a_wrong_option_is_said_before_the_data_is_read(workdir: Path, option: list[str]) -> None:
    _edit_line(workdir / "data" / PROJECT, "owner: Mikko Vatka", "ownr: Mikko Vatka")
    result = run("build", *option, cwd=workdir)
    assert result.returncode == 2, _output(result)
    assert result.stderr.splitlines() == [
        "error: deck.pdf: the deck must be saved as a .pptx file (for example deck.pptx)"
        if option[0] == "-o" else "error: nope.pptx: template not found"]


def test_one_project_is_one_project(workdir: Path) -> None:
    for path in sorted((workdir / "data" / "projects").glob("*.yaml"))[1:]:
        path.unlink()
    result = run("build", cwd=workdir)
    assert result.returncode == 0, _output(result)
    assert result.stdout.startswith("1 project, 5 slides")


def test_a_broken_installation_exits_3(workdir: Path) -> None:
    """A master missing from tafollow's own files is not the user's data or usage at fault."""
    code = ("import sys, tafollow.build as b, tafollow.cli as c; from pathlib import Path; "
            "b.DEFAULT_TEMPLATE = Path('gone/ta-seuranta.pptx'); sys.argv = ['tafollow', 'build']; c.main()")
    result = subprocess.run([sys.executable, "-c", code], cwd=workdir, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 3, _output(result)
    assert "gone/ta-seuranta.pptx: missing from tafollow's installation; reinstall tafollow" in result.stderr


def test_build_refuses_to_overwrite_the_template_in_use(tmp_path: Path) -> None:
    import shutil

    from typer.testing import CliRunner

    from tafollow.cli import app

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "data", data)
    master = tmp_path / "master.pptx"
    shutil.copy(Path(__file__).resolve().parents[2] / "templates" / "ta-seuranta.pptx", master)
    before = master.read_bytes()
    result = CliRunner().invoke(app, ["build", str(data), "--template", str(master), "-o", str(master)])
    assert result.exit_code == 2
    assert "template in use" in result.output
    assert master.read_bytes() == before


COMMAND_ARGS = [
    ["build", "--help"], ["validate", "--help"], ["new", "--help"], ["init", "--help"], ["import", "--help"],
    ["schema", "--help"], ["diff", "--help"], ["preview", "--help"], ["check", "--help"],
    ["build", "--lang", "xx"], ["validate", "--format", "yaml"], ["build", "--no-such-option"], ["import"],
    ["validate", "no-such-folder"], ["biuld"], ["--help"], [], ["--version"], ["schema", "--report"],
]


@pytest.mark.parametrize("args", COMMAND_ARGS, ids=lambda args: " ".join(args) or "no arguments")
def test_a_run_of_one_command_answers_as_the_whole_app(args: list[str]) -> None:
    """main() builds only the command named (typer would build all nine): the user sees the same."""
    from typer.testing import CliRunner

    from tafollow.cli import app, command_app

    whole = CliRunner().invoke(app, args, prog_name="tafollow")
    one = CliRunner().invoke(command_app(args), args, prog_name="tafollow")
    assert (one.exit_code, one.output) == (whole.exit_code, whole.output)
    assert whole.output.strip()


def test_only_the_command_named_is_built() -> None:
    from tafollow.cli import app, command_app

    assert [c.name or c.callback.__name__ for c in command_app(["validate", "data"]).registered_commands] == ["validate"]
    assert command_app(["import", "deck.pptx"]).registered_commands[0].callback.__name__ == "import_"
    for args in (["--help"], [], ["-V"], ["biuld"], ["--install-completion", "build"]):
        assert command_app(args) is app


def test_run_inside_the_data_folder_says_where_to_run(tmp_path: Path) -> None:
    """`tafollow validate` typed in data/projects/ names the folder to run from, not only "no such folder"."""
    repository = tmp_path / "repo"
    shutil.copytree(SHIPPED_DATA, repository / "data")
    result = run("validate", cwd=repository / "data" / "projects")
    assert result.returncode == 2
    assert (f"you are inside the data folder {repository / 'data'}: run tafollow from {repository}"
            in result.stderr), result.stderr
    assert run("validate", cwd=repository).returncode == 0
