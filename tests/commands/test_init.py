"""`tafollow init` sets up a data repository that works as written; `schema --write` keeps its schemas current."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import tafollow
from conftest import REPO_ROOT
from tafollow.cli import app
from tafollow.commands.init import init
from tafollow.build import validate
from tafollow.data.schema import project_schema, report_schema
from schemaviews import schema_problems

WRITTEN = ["data/report.yaml", "data/projects/10-esimerkkihanke.yaml", "schema/project.schema.json",
           "schema/report.schema.json", ".pre-commit-config.yaml", ".github/workflows/deck.yml", ".gitignore"]
SCHEMA_COMMENT = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    result = invoke("init", str(tmp_path / "division"))
    assert result.exit_code == 0, result.output
    return tmp_path / "division"


def test_init_writes_a_repository_that_validates_and_builds(repository: Path) -> None:
    assert sorted(str(p.relative_to(repository)) for p in repository.rglob("*") if p.is_file()) == sorted(WRITTEN)
    assert validate(repository / "data") == []
    built = invoke("build", str(repository / "data"), "-o", str(repository / "build" / "deck.pptx"), "-q")
    assert built.exit_code == 0, built.output


def test_init_says_what_it_wrote_and_what_comes_next(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path / "division"))
    lines = result.stdout.splitlines()
    assert lines[0] == f"Created in {tmp_path / 'division'}:"
    assert [line.strip() for line in lines[1:1 + len(WRITTEN)]] == WRITTEN
    assert lines[-1].startswith(f"Next: cd {tmp_path / 'division'} && tafollow new")


def test_every_schema_comment_points_to_a_file_in_the_repository(repository: Path) -> None:
    new = invoke("new", "Toinen hanke", str(repository / "data"))
    assert new.exit_code == 0, new.output
    files = [repository / "data" / "report.yaml", *(repository / "data" / "projects").glob("*.yaml")]
    assert len(files) == 3
    for path in files:
        match = SCHEMA_COMMENT.search(path.read_text(encoding="utf-8"))
        assert match, path
        target = (path.parent / match.group(1)).resolve()
        assert not Path(match.group(1)).is_absolute() and target.is_file(), path
        assert target.parent == (repository / "schema").resolve()


def test_the_written_data_satisfies_the_schemas_as_editors_read_them(repository: Path) -> None:
    assert schema_problems((repository / "data" / "report.yaml").read_text(encoding="utf-8"), report_schema()) == []
    example = repository / "data" / "projects" / "10-esimerkkihanke.yaml"
    assert schema_problems(example.read_text(encoding="utf-8"), project_schema()) == []


def test_the_schemas_written_are_the_installed_ones(repository: Path) -> None:
    for name in ("project.schema.json", "report.schema.json"):
        assert (repository / "schema" / name).read_bytes() == (REPO_ROOT / "schema" / name).read_bytes()


def test_init_never_overwrites_and_names_what_it_left_alone(tmp_path: Path) -> None:
    (tmp_path / "data" / "projects").mkdir(parents=True)
    (tmp_path / "data" / "report.yaml").write_text("title: Oma\n", encoding="utf-8")
    (tmp_path / "data" / "projects" / "10-oma.yaml").write_text("name: Oma\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("secret/\n", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "Left alone (already there): data/report.yaml, .gitignore" in result.stdout
    assert (tmp_path / "data" / "report.yaml").read_text(encoding="utf-8") == "title: Oma\n"
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "secret/\n"
    assert not (tmp_path / "data" / "projects" / "10-esimerkkihanke.yaml").exists()  # projects are there already
    assert (tmp_path / ".github" / "workflows" / "deck.yml").is_file()
    again = invoke("init", str(tmp_path))
    assert again.exit_code == 0 and "Created" not in again.stdout


def test_init_on_a_file_is_wrong_usage(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = invoke("init", str(tmp_path / "file"))
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.stderr


# --------------------------------------------------------------------------
# CI and pre-commit


def workflow(repository: Path) -> dict[Any, Any]:
    return yaml.safe_load((repository / ".github" / "workflows" / "deck.yml").read_text(encoding="utf-8"))


def test_the_workflow_installs_a_pinned_tafollow_validates_builds_and_keeps_the_deck(repository: Path) -> None:
    steps = workflow(repository)["jobs"]["deck"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert f'python -m pip install "tafollow=={tafollow.__version__}"' in runs
    assert not any("-e ." in run for run in runs)
    assert "tafollow validate data" in runs
    assert "tafollow build data -o build/ta-seuranta.pptx --pdf" in runs
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"].split() == ["build/ta-seuranta.pptx", "build/ta-seuranta.pdf"]
    assert upload["with"]["if-no-files-found"] == "error"
    assert workflow(repository)[True] == {"push": None, "pull_request": None}  # `on:` is true to YAML 1.1


def test_the_workflow_reads_only_and_a_pull_request_gets_its_changes_on_the_summary_page(repository: Path) -> None:
    written = workflow(repository)
    assert written["permissions"] == {"contents": "read"}
    job = written["jobs"]["deck"]
    assert job["timeout-minutes"] > 0
    checkout = job["steps"][0]
    assert checkout["with"]["persist-credentials"] is False and checkout["with"]["fetch-depth"] == 2
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]) for step in job["steps"] if "uses" in step)
    [summary] = [step for step in job["steps"] if "GITHUB_STEP_SUMMARY" in step.get("run", "")]
    assert summary["if"] == "github.event_name == 'pull_request'"
    assert summary["run"] == 'tafollow diff HEAD^1 HEAD --data data --markdown >> "$GITHUB_STEP_SUMMARY"'


def test_the_ci_example_in_docs_is_what_init_writes(repository: Path) -> None:
    written = (repository / ".github" / "workflows" / "deck.yml").read_text(encoding="utf-8")
    assert (REPO_ROOT / "docs" / "ci-example.yml").read_text(encoding="utf-8") == written


def test_pre_commit_runs_the_installed_tafollow_with_the_hook_this_repository_offers(repository: Path) -> None:
    """A local hook: nothing to fetch from a package index, so it works offline right after init."""
    text = (repository / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    [hook] = config["repos"][0]["hooks"]
    offered = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert config["repos"][0]["repo"] == "local"
    assert hook["language"] == "system" and "additional_dependencies" not in hook
    assert {key: hook[key] for key in offered if key not in ("description", "language")} == \
           {key: value for key, value in offered.items() if key not in ("description", "language")}
    assert hook["args"] == ["data"]
    # The comment says how to install the very tafollow CI installs.
    assert f'#   pip install "tafollow=={tafollow.__version__}"' in text.splitlines()


def test_init_says_in_one_line_that_ci_takes_tafollow_from_the_package_index(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path))
    assert f"CI installs tafollow=={tafollow.__version__} from the package index; without one, run init with " \
           "--wheel PATH or --repository URL instead." in result.stdout.splitlines()


def test_with_tafollows_repository_ci_takes_it_from_there(tmp_path: Path) -> None:
    url = "https://git.example.org/city/tafollow.git"
    init(tmp_path, repository=url, rev="v9.9.9", today=date(2020, 1, 31))
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["repo"] == "local"
    runs = [step.get("run", "") for step in workflow(tmp_path)["jobs"]["deck"]["steps"]]
    assert f'python -m pip install "tafollow @ git+{url}@v9.9.9"' in runs
    assert f'pip install "tafollow @ git+{url}@v9.9.9"' in (tmp_path / ".pre-commit-config.yaml").read_text("utf-8")


def fake_wheel(folder: Path, version: str = tafollow.__version__) -> Path:
    """A file with a wheel's name: init copies it and names it; pip is not asked here (test_repository is)."""
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"tafollow-{version}-py3-none-any.whl"
    wheel.write_bytes(b"PK\x05\x06" + bytes(18))
    return wheel


def test_with_a_wheel_it_is_kept_in_tools_and_ci_installs_that_file(tmp_path: Path) -> None:
    wheel = fake_wheel(tmp_path / "dist")
    result = invoke("init", str(tmp_path / "division"), "--wheel", str(wheel))
    assert result.exit_code == 0, result.output
    kept = tmp_path / "division" / "tools" / wheel.name
    assert kept.read_bytes() == wheel.read_bytes()
    assert f"  tools/{wheel.name}" in result.stdout.splitlines()
    runs = [step.get("run", "") for step in workflow(tmp_path / "division")["jobs"]["deck"]["steps"]]
    assert f'python -m pip install "./tools/{wheel.name}"' in runs
    assert f"CI installs tafollow from ./tools/{wheel.name}." in result.stdout
    assert f'pip install "./tools/{wheel.name}"' in result.stdout


@pytest.mark.parametrize("args, said", [
    (["--wheel", "{wheel}", "--repository", "https://git.example.org/t.git"], "give one of them"),
    (["--rev", "v1.0.0"], "give --repository URL too"),
    (["--wheel", "{folder}/tafollow.zip"], "not a tafollow wheel"),
    (["--wheel", "{folder}/tafollow-0.1.0-py3-none-any.whl"], "no such file"),
    (["--wheel", "{other}"], "and run its init"),
])
def test_options_that_cannot_hold_are_wrong_usage_and_write_nothing(tmp_path: Path, args: list[str],
                                                                      said: str) -> None:
    wheel = fake_wheel(tmp_path / "dist")
    other = fake_wheel(tmp_path / "other", "9.9.9")
    args = [arg.format(wheel=wheel, folder=tmp_path / "nowhere", other=other) for arg in args]
    result = invoke("init", str(tmp_path / "division"), *args)
    assert result.exit_code == 2, result.output
    assert said in result.stderr
    assert not (tmp_path / "division").exists()


# --------------------------------------------------------------------------
# --repository without --rev: a tag that exists, or a refusal


def git(cwd: Path, *args: str) -> str:
    import subprocess

    return subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args], cwd=cwd,
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def tafollow_clone(tmp_path: Path) -> Path:
    """A git repository standing for tafollow's, with one commit and no tags yet."""
    clone = tmp_path / "tafollow.git"
    clone.mkdir()
    git(clone, "init", "-q")
    (clone / "README.md").write_text("tafollow\n", encoding="utf-8")
    git(clone, "add", "README.md")
    git(clone, "commit", "-q", "-m", "first")
    return clone


def test_without_rev_init_pins_this_versions_tag_when_the_repository_has_it(tafollow_clone: Path,
                                                                            tmp_path: Path) -> None:
    tag = f"v{tafollow.__version__}"
    git(tafollow_clone, "tag", "-a", tag, "-m", "release")
    url = tafollow_clone.as_uri()
    result = invoke("init", str(tmp_path / "division"), "--repository", url)
    assert result.exit_code == 0, result.output
    assert f"CI installs tafollow from {url} at {tag}." in result.stdout
    runs = [step.get("run", "") for step in workflow(tmp_path / "division")["jobs"]["deck"]["steps"]]
    assert f'python -m pip install "tafollow @ git+{url}@{tag}"' in runs


def test_without_rev_init_refuses_a_repository_without_that_tag_and_names_the_tags_it_has(
        tafollow_clone: Path, tmp_path: Path) -> None:
    for tag in ("v0.0.9", "v0.0.10", "nightly"):
        git(tafollow_clone, "tag", tag)
    result = invoke("init", str(tmp_path / "division"), "--repository", str(tafollow_clone))
    assert result.exit_code == 2, result.output
    assert f"has no tag v{tafollow.__version__}" in result.stderr
    assert "its newest tags: nightly, v0.0.9, v0.0.10" in result.stderr
    assert "Pass --rev with a tag or commit of it, e.g. --rev v0.0.10" in result.stderr
    assert not (tmp_path / "division").exists()


def test_without_rev_init_refuses_a_repository_git_cannot_read(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path / "division"), "--repository", str(tmp_path / "no-such-repository"))
    assert result.exit_code == 2, result.output
    assert "cannot read the tags of" in result.stderr and "pass --rev" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "division").exists()


def test_a_repository_url_that_reads_as_an_option_is_refused(tmp_path: Path) -> None:
    result = invoke("init", str(tmp_path / "division"), "--repository=--upload-pack=touch x")
    assert result.exit_code == 2, result.output
    assert "not a repository URL" in result.stderr


# --------------------------------------------------------------------------
# tafollow schema --write


def test_schema_write_refreshes_the_repositorys_schemas(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repository)
    stale = repository / "schema" / "project.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    result = invoke("schema", "--write")
    assert result.exit_code == 0, result.output
    assert result.stdout == "schema/project.schema.json: updated\nschema/report.schema.json: unchanged\n"
    assert stale.read_bytes() == (REPO_ROOT / "schema" / "project.schema.json").read_bytes()


def test_schema_write_into_a_new_folder(tmp_path: Path) -> None:
    result = invoke("schema", "--write", str(tmp_path / "editor-schemas"))
    assert result.exit_code == 0, result.output
    assert result.stdout.count(": written") == 2
    assert sorted(p.name for p in (tmp_path / "editor-schemas").iterdir()) == ["project.schema.json",
                                                                               "report.schema.json"]


def test_the_cli_names_the_same_wheel_folder_as_init() -> None:
    """The CLI keeps its own copy so that --help does not load init's imports; they must agree."""
    from tafollow import cli
    from tafollow.commands import init as init_module

    assert cli.WHEEL_DIR == init_module.WHEEL_DIR
