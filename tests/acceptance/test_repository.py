"""A division's data repository works on its first day, offline: pre-commit, CI's steps, a clean workflow lint.

What a new user does after `pip install tafollow-….whl`: `tafollow init`
by each route, then `pre-commit run --all-files` with no package index
(PIP_NO_INDEX=1), then what CI does. CI's workflow is run here step by
step as GitHub would run its `run:` steps (bash, -e, pipefail): the
`uses:` steps (checkout, setup-python, upload) are GitHub's and are
skipped, and `sudo` is a shim that notes what it was asked, since the
packages it would install are what the render tests need here anyway.
Every workflow, the written one and this repository's own, is linted with
`zizmor --offline`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import tafollow
from conftest import REPO_ROOT, WHEEL_SOURCES, fresh_venv, require_render_tools

POSIX_ONLY = pytest.mark.skipif(os.name == "nt", reason="the data repository's CI runs on Linux (bash, sudo); "
                                                        "the shimmed run needs a POSIX shell")


def zizmor() -> str:
    """zizmor, from the test dependencies (pip install -e '.[test]')."""
    found = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert found, "zizmor is one of the test dependencies: pip install -e '.[test]'"
    return found


def zizmor_findings(*workflows: Path) -> list[Any]:
    result = subprocess.run([zizmor(), "--offline", "--format", "json", *map(str, workflows)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr  # 1x: findings of that severity
    findings: list[Any] = json.loads(result.stdout)
    return findings


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def git(cwd: Path, *args: str) -> str:
    return ok(run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main",
                   "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args], cwd))


def offline(scripts: Path, home: Path) -> dict[str, str]:
    """The environment of a person without a package index: tafollow from the wheel first on PATH."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV", "PIP_"))}
    env.update(PIP_NO_INDEX="1", PRE_COMMIT_HOME=str(home / "pre-commit"), XDG_CACHE_HOME=str(home / "cache"),
               PATH=os.pathsep.join([str(scripts), env.get("PATH", "")]))
    return env


# --------------------------------------------------------------------------
# The workflows pass a workflow linter


def test_the_workflow_init_writes_has_no_zizmor_findings(tmp_path: Path) -> None:
    from tafollow.commands.init import init

    init(tmp_path)
    workflow = tmp_path / ".github" / "workflows" / "deck.yml"
    assert zizmor_findings(workflow) == []


def test_this_repositorys_workflows_have_no_zizmor_findings() -> None:
    workflows = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
    assert [path.name for path in workflows] == ["release.yml", "tests.yml"]
    assert zizmor_findings(*workflows) == []


def test_zizmor_does_find_what_the_written_workflow_avoids(tmp_path: Path) -> None:
    """The lint is not blind: the workflow as it was before (tags, no permissions, stored credentials) fails it."""
    old = tmp_path / "old.yml"
    old.write_text("name: deck\non: [push]\njobs:\n  deck:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - uses: actions/checkout@v4\n      - run: echo hi\n", encoding="utf-8")
    audits = {finding["ident"] for finding in zizmor_findings(old)}
    assert {"unpinned-uses", "artipacked", "excessive-permissions"} <= audits


# --------------------------------------------------------------------------
# init by each route, then pre-commit with no package index


@pytest.fixture(scope="module")
def wheel_venv(tafollow_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scripts folder of a fresh environment with tafollow installed from its wheel, as a user has it."""
    return fresh_venv(tafollow_wheel, tmp_path_factory.mktemp("user") / "venv")


@pytest.fixture(scope="module")
def tafollow_clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository of tafollow's sources, with this version's release tag, as a division mirrors it."""
    clone = tmp_path_factory.mktemp("mirror") / "tafollow"
    clone.mkdir()
    for name in WHEEL_SOURCES:
        path = REPO_ROOT / name
        if path.is_dir():
            shutil.copytree(path, clone / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(path, clone / name)
    git(clone, "init", "-q")
    git(clone, "add", ".")
    git(clone, "commit", "-q", "-m", "tafollow")
    git(clone, "tag", "-a", f"v{tafollow.__version__}", "-m", "release")
    return clone


def _init(scripts: Path, folder: Path, *options: str) -> str:
    env = offline(scripts, folder.parent)
    said = ok(run([str(scripts / "tafollow"), "init", str(folder), *options], folder.parent, env))
    git(folder, "init", "-q")
    git(folder, "add", ".")
    return said


def _pre_commit(scripts: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"], folder,
               offline(scripts, folder.parent))


ROUTES = ["default", "wheel", "repository", "repository --rev"]


@pytest.mark.slow
@POSIX_ONLY
@pytest.mark.parametrize("route", ROUTES)
def test_right_after_init_pre_commit_passes_offline_and_stops_a_mistake(
        route: str, wheel_venv: Path, tafollow_wheel: Path, tafollow_clone: Path, tmp_path: Path) -> None:
    folder = tmp_path / "division"
    options = {"default": [],
               "wheel": ["--wheel", str(tafollow_wheel)],
               "repository": ["--repository", tafollow_clone.as_uri()],
               "repository --rev": ["--repository", tafollow_clone.as_uri(),
                                    "--rev", git(tafollow_clone, "rev-parse", "HEAD").strip()]}[route]
    said = _init(wheel_venv, folder, *options)
    assert "pre-commit runs the tafollow on your PATH" in said

    result = _pre_commit(wheel_venv, folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^tafollow validate\.+Passed$", result.stdout, re.M), result.stdout

    example = folder / "data" / "projects" / "10-esimerkkihanke.yaml"
    example.write_text(example.read_text(encoding="utf-8").replace("name:", "nimi:", 1), encoding="utf-8")
    stopped = _pre_commit(wheel_venv, folder)
    assert stopped.returncode == 1
    assert re.search(r"^tafollow validate\.+Failed$", stopped.stdout, re.M), stopped.stdout
    assert "10-esimerkkihanke.yaml:" in stopped.stdout


@pytest.mark.slow
@POSIX_ONLY
def test_without_rev_init_pins_the_release_tag_the_clone_has(wheel_venv: Path, tafollow_clone: Path,
                                                             tmp_path: Path) -> None:
    said = _init(wheel_venv, tmp_path / "division", "--repository", tafollow_clone.as_uri())
    tag = f"v{tafollow.__version__}"
    assert f"at {tag}." in said
    git(tafollow_clone, "rev-parse", "--verify", f"refs/tags/{tag}")  # it exists where it is pinned


# --------------------------------------------------------------------------
# CI's run: steps, in order, on a --wheel repository


def run_steps(workflow: Path, folder: Path, env: dict[str, str], event: str) -> list[str]:
    """Run the workflow's `run:` steps as GitHub does, for `event`; returns what each did ("skipped", "ran")."""
    steps = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["deck"]["steps"]
    done = []
    for step in steps:
        if "uses" in step:
            done.append(f"skipped {step['uses'].split('@')[0]}")
            continue
        condition = step.get("if")
        if condition is not None:
            assert condition == "github.event_name == 'pull_request'", f"a condition this runner does not know: {condition}"
            if event != "pull_request":
                done.append(f"skipped (not a pull request): {step['name']}")
                continue
        assert "${{" not in step["run"], "data of the event goes through env:, never into the script"
        result = run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], folder,
                     {**env, **step.get("env", {}), "GITHUB_EVENT_NAME": event})
        assert result.returncode == 0, f"{step['name']}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
        done.append(f"ran {step['name']}")
    return done


@pytest.mark.slow
@POSIX_ONLY
def test_the_workflows_run_steps_build_the_deck_the_pdf_and_the_pull_request_summary(
        tafollow_wheel: Path, wheel_venv: Path, tmp_path: Path) -> None:
    require_render_tools()
    folder = tmp_path / "division"
    # The division's copy of tafollow: init from the wheel, as the README says.
    _init(wheel_venv, folder, "--wheel", str(tafollow_wheel))
    git(folder, "commit", "-q", "-m", "TA-seuranta")
    example = folder / "data" / "projects" / "10-esimerkkihanke.yaml"
    text = example.read_text(encoding="utf-8")
    changed = text.replace("percent: 50", "percent: 80", 1)
    assert changed != text
    example.write_text(changed, encoding="utf-8")
    git(folder, "commit", "-q", "-am", "Uusi nimi")

    # The runner: a fresh Python with pip and no tafollow (setup-python's), sudo shimmed.
    runner = fresh_venv(tafollow_wheel, tmp_path / "runner", with_pip=True)
    shims = tmp_path / "shims"
    shims.mkdir()
    (shims / "sudo").write_text('#!/bin/sh\necho "$*" >> "$SUDO_LOG"\n', encoding="utf-8")
    (shims / "sudo").chmod(0o755)
    env = offline(runner, tmp_path)
    summary = tmp_path / "summary.md"
    env.update(PATH=os.pathsep.join([str(shims), env["PATH"]]), SUDO_LOG=str(tmp_path / "sudo.log"),
               GITHUB_STEP_SUMMARY=str(summary), CI="true")
    assert not (runner / "tafollow").exists()

    done = run_steps(folder / ".github" / "workflows" / "deck.yml", folder, env, "pull_request")
    assert done == ["skipped actions/checkout", "skipped actions/setup-python",
                    "ran LibreOffice and fonts (for the PDF)", "ran Install tafollow", "ran Check the data",
                    "ran Build the deck and the PDF", "ran What the pull request changes, on the run's summary page",
                    "skipped actions/upload-artifact"]
    assert (tmp_path / "sudo.log").read_text(encoding="utf-8").splitlines() == [
        "apt-get update -qq",
        "apt-get install -y -qq --no-install-recommends libreoffice-impress fonts-liberation2"]
    # tafollow came from the wheel in tools/, into the runner's Python.
    assert (runner / "tafollow").exists()
    installed = ok(run([str(runner / "python"), "-c", "import tafollow; print(tafollow.__file__)"], tmp_path, env))
    assert installed.startswith(str(tmp_path / "runner"))
    deck, pdf = folder / "build" / "ta-seuranta.pptx", folder / "build" / "ta-seuranta.pdf"
    assert deck.read_bytes()[:2] == b"PK" and pdf.read_bytes()[:5] == b"%PDF-"
    said = summary.read_text(encoding="utf-8")
    assert "Esimerkkihanke" in said and "SUUNNITTELU" in said and "50% → 80%" in said, said
    # On a push the summary step is skipped (its condition is the one run_steps knows, checked there).
