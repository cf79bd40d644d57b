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


def test_the_ci_example_in_docs_is_what_init_writes(repository: Path) -> None:
    written = (repository / ".github" / "workflows" / "deck.yml").read_text(encoding="utf-8")
    assert (REPO_ROOT / "docs" / "ci-example.yml").read_text(encoding="utf-8") == written


def test_pre_commit_runs_tafollows_own_hook_pinned_like_ci(repository: Path) -> None:
    config = yaml.safe_load((repository / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = config["repos"][0]["hooks"]
    offered = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert config["repos"][0]["repo"] == "local"
    assert {key: hook[key] for key in offered if key != "description"} == \
           {key: value for key, value in offered.items() if key != "description"}
    assert hook["additional_dependencies"] == [f"tafollow=={tafollow.__version__}"]
    assert hook["args"] == ["data"]


def test_with_tafollows_repository_pre_commit_and_ci_take_it_from_there(tmp_path: Path) -> None:
    url = "https://git.example.org/city/tafollow.git"
    init(tmp_path, repository=url, rev="v9.9.9", today=date(2020, 1, 31))
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert config["repos"] == [{"repo": url, "rev": "v9.9.9", "hooks": [{"id": "tafollow-validate", "args": ["data"]}]}]
    runs = [step.get("run", "") for step in workflow(tmp_path)["jobs"]["deck"]["steps"]]
    assert f'python -m pip install "tafollow @ git+{url}@v9.9.9"' in runs


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
