"""`tafollow diff OLD NEW`: per project what changed, between folders or git revisions."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHIPPED_DATA
from tafollow.cli import app

HARRASTUS = "projects/10-harrastuspassi.yaml"
OMA = "projects/30-oma-helsinki.yaml"


def diff(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["diff", *args])


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def change_round(data: Path) -> None:
    """A next round: a forecast, a phase, a percentage, a step, risks and projects change."""
    edit(data / HARRASTUS, "status: on_track", "status: at_risk")
    edit(data / HARRASTUS, "          status: doing\n          percent: 70", "          status: doing\n          percent: 90")
    edit(data / HARRASTUS, "        - name: JULKAISU, VIESTINTÄ JA JALKAUTUS\n          status: todo",
         "        - name: JULKAISU, VIESTINTÄ JA JALKAUTUS\n          status: doing")
    edit(data / HARRASTUS, "risks:\n", "risks:\n  - \"Uusi riski: sovelluskauppa hylkää julkaisun.\"\n")
    edit(data / OMA, "      status: doing\n", "      status: done\n")
    edit(data / OMA, "  - risk: Soveltuvan alustan löytäminen ja hankinta voi osoittautua haastavaksi.\n"
                     "    mitigation: Riskiä hallitaan aloittamalla etsintä ajoissa ja varautumalla omaan kehitykseen\n", "")
    (data / "projects" / "60-pikapalaute.yaml").unlink()
    shutil.copy(data / HARRASTUS, data / "projects" / "80-uusi.yaml")
    edit(data / "projects" / "80-uusi.yaml", "name: Harrastuspassi", "name: Uusi hanke")


@pytest.fixture
def rounds(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SHIPPED_DATA, old)
    shutil.copytree(SHIPPED_DATA, new)
    change_round(new)
    return old, new


def test_folders_text(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    result = diff(str(old), str(new))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Projects added:\n  Uusi hanke (80-uusi.yaml)" in out
    assert "Projects dropped:\n  Pikapalaute (60-pikapalaute.yaml)" in out
    harrastus = out.split("Harrastuspassi (10-harrastuspassi.yaml)\n")[1].split("\n\n")[0]
    assert harrastus.splitlines() == [
        "  forecast: on_track → at_risk",
        "  phase 'KEHITYS JA SISÄLLÖNTUOTANTO': 70% → 90%",
        "  phase 'JULKAISU, VIESTINTÄ JA JALKAUTUS': todo → doing",
        "  risk added: Uusi riski: sovelluskauppa hylkää julkaisun.",
    ]
    oma = out.split("Oma.Helsinki - Asiakkuus (30-oma-helsinki.yaml)\n")[1].split("\n\n")[0]
    assert "  progress (phases done): 20% → 40%" in oma
    assert "  step 2 'Määritellään käyttötapaukset ja kirjautumisen/rekisteröinnin logiikka" in oma
    assert oma.splitlines()[1].endswith("doing → done")
    assert "  risk removed: Soveltuvan alustan löytäminen ja hankinta voi osoittautua haastavaksi." in oma
    assert out.rstrip().endswith("4 projects unchanged.")


def test_folders_markdown(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    result = diff(str(old), str(new), "--markdown")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith(f"### TA-seuranta: changes from `{old}` to `{new}`")
    assert "#### Harrastuspassi" in out
    assert "- forecast: `on_track` → `at_risk`" in out
    assert "**Projects added**\n\n- Uusi hanke (`80-uusi.yaml`)" in out


def test_markdown_escapes_text_from_the_data(rounds: tuple[Path, Path]) -> None:
    old, new = rounds
    edit(new / HARRASTUS, "  - \"Uusi riski:", "  - \"<b>*Uusi*</b> riski:")
    out = diff(str(old), str(new), "--markdown").stdout
    assert r"\<b\>\*Uusi\*\</b\> riski" in out


def test_no_changes(tmp_path: Path) -> None:
    result = diff(str(SHIPPED_DATA), str(SHIPPED_DATA))
    assert result.exit_code == 0
    assert result.stdout.rstrip().endswith("No changes.")


def test_renamed_file_is_matched_by_project_name(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(SHIPPED_DATA, new)
    (new / "projects" / "70-tilavaraus.yaml").rename(new / "projects" / "75-tilavaraus.yaml")
    out = diff(str(SHIPPED_DATA), str(new)).stdout
    assert "Tilavaraus (70-tilavaraus.yaml → 75-tilavaraus.yaml)" in out
    assert "Projects added" not in out and "Projects dropped" not in out


def test_a_file_that_does_not_validate_is_reported_not_fatal(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(SHIPPED_DATA, new)
    edit(new / HARRASTUS, "status: on_track", "status: late")
    result = diff(str(SHIPPED_DATA), str(new))
    assert result.exit_code == 0
    assert "file: valid → does not validate" in result.stdout


def test_report_changes(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(SHIPPED_DATA, new)
    edit(new / "report.yaml", "as_of: 21.10.2019", "as_of: 2.12.2019")
    assert "as_of: 21.10.2019 → 2.12.2019" in diff(str(SHIPPED_DATA), str(new)).stdout


# --------------------------------------------------------------------------
# git revisions


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    shutil.copytree(SHIPPED_DATA, repo / "data")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "round 2019-09")
    git(repo, "tag", "v2019-09")
    change_round(repo / "data")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "round 2019-10")
    monkeypatch.chdir(repo)
    return repo


def test_git_revisions(repo: Path) -> None:
    result = diff("v2019-09", "HEAD")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Changes from v2019-09 to HEAD")
    assert "  forecast: on_track → at_risk" in result.stdout
    assert "Projects dropped:\n  Pikapalaute" in result.stdout


def test_revision_against_the_working_folder(repo: Path) -> None:
    edit(repo / "data" / OMA, "status: on_track", "status: off_track")
    result = diff("HEAD", "data")
    assert result.exit_code == 0
    assert "Oma.Helsinki - Asiakkuus (30-oma-helsinki.yaml)\n  forecast: on_track → off_track" in result.stdout


def test_data_folder_elsewhere_in_the_repository(repo: Path) -> None:
    git(repo, "mv", "data", "rounds")
    git(repo, "commit", "-qm", "move")
    result = diff("HEAD~1", "HEAD", "--data", "rounds")
    assert result.exit_code == 2
    assert "has no data folder 'rounds'" in result.stderr
    assert diff("HEAD", "HEAD", "--data", "rounds").stdout.rstrip().endswith("No changes.")


def test_git_revision_from_a_subfolder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / "data")
    result = diff("v2019-09", "HEAD", "--data", ".")
    assert result.exit_code == 0, result.output
    assert "forecast: on_track → at_risk" in result.stdout


def test_unknown_revision_is_a_usage_error(repo: Path) -> None:
    result = diff("v1999", "HEAD")
    assert result.exit_code == 2
    assert "'v1999' is neither a data folder nor a git revision" in result.stderr


def test_not_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = diff("HEAD~1", "HEAD")
    assert result.exit_code == 2
    assert "not in a git repository" in result.stderr


def _copy_as(data: Path, name: str, encode: str) -> None:
    text = (data / HARRASTUS).read_text(encoding="utf-8").replace("name: Harrastuspassi", "name: Uusi hanke")
    (data / "projects" / name).write_bytes(text.encode(encode))


def _sparse(data: Path, name: str) -> None:
    with open(data / "projects" / name, "wb") as stream:
        stream.truncate(4 << 30)


# Each: how the new round's extra file is made, and what diff says of it. Both sides are read by the
# loader validate uses: the same byte order mark, size, encoding and file-kind checks.
ADDED_FILES = {
    "utf-8 with BOM": (lambda d: _copy_as(d, "80-uusi.yaml", "utf-8-sig"), "  Uusi hanke (80-uusi.yaml)\n"),
    "utf-16": (lambda d: _copy_as(d, "80-uusi.yaml", "utf-16"), "  80-uusi (80-uusi.yaml): does not validate\n"),
    "fifo": (lambda d: os.mkfifo(d / "projects" / "80-uusi.yaml"), "  80-uusi (80-uusi.yaml): does not validate\n"),
    "sparse 4 GB": (lambda d: _sparse(d, "80-uusi.yaml"), "  80-uusi (80-uusi.yaml): does not validate\n"),
    "table sums itself": (lambda d: (d / "projects" / "80-uusi.yaml").write_text(
        (d / HARRASTUS).read_text(encoding="utf-8").replace("name: Harrastuspassi", "name: Uusi")
        + "tables: [{columns: [{name: S, sum: [S]}], rows: [{label: r, values: []}]}]\n", encoding="utf-8"),
        "  80-uusi (80-uusi.yaml): does not validate\n"),
}


@pytest.mark.skipif(os.name == "nt", reason="POSIX pipes and sparse files")
@pytest.mark.parametrize("kind", ADDED_FILES)
def test_both_sides_are_read_as_validate_reads_them(tmp_path: Path, kind: str) -> None:
    make, expected = ADDED_FILES[kind]
    new = tmp_path / "new"
    shutil.copytree(SHIPPED_DATA, new)
    make(new)
    started = time.perf_counter()
    result = diff(str(SHIPPED_DATA), str(new))
    assert time.perf_counter() - started < 2
    assert result.exit_code == 0, result.output
    assert f"Projects added:\n{expected}" in result.stdout


def test_files_validate_ignores_are_not_projects(tmp_path: Path) -> None:
    new = tmp_path / "new"
    shutil.copytree(SHIPPED_DATA, new)
    _copy_as(new, ".80-uusi.yaml", "utf-8")
    _copy_as(new, "80-uusi.yaml~", "utf-8")
    assert diff(str(SHIPPED_DATA), str(new)).stdout.rstrip().endswith("No changes.")


def test_projects_are_listed_in_deck_order(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(SHIPPED_DATA, old)
    shutil.copytree(SHIPPED_DATA, new)
    for data in (old, new):
        (data / "projects" / "60-pikapalaute.yaml").rename(data / "projects" / "100-pikapalaute.yaml")
    edit(new / HARRASTUS, "status: on_track", "status: at_risk")
    edit(new / "projects" / "100-pikapalaute.yaml", "status: on_track", "status: at_risk")
    out = diff(str(old), str(new)).stdout
    assert out.index("(10-harrastuspassi.yaml)") < out.index("(100-pikapalaute.yaml)")


def test_a_revision_with_a_huge_file_is_not_read_out_of_git(repo: Path) -> None:
    """A project file over the size limit in a revision is refused as validate refuses it, unread."""
    (repo / "data" / "projects" / "90-iso.yaml").write_bytes(b"name: Iso\n" + b"#" * (6 << 20) + b"\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a huge file")
    result = diff("v2019-09", "HEAD")
    assert result.exit_code == 0, result.output
    assert "  90-iso (90-iso.yaml): does not validate\n" in result.stdout


def test_markdown_code_spans_hold_backticks_in_file_names() -> None:
    """A file name with a backtick would end the code span early and break the pull-request comment."""
    from tafollow.commands.diff import _code

    assert _code("10-a.yaml") == "`10-a.yaml`"
    assert _code("10-a`b.yaml") == "``10-a`b.yaml``"
    assert _code("`x``") == "``` `x`` ```"


def test_diff_refuses_a_report_linked_out_of_the_data_folder(tmp_path: Path) -> None:
    """diff reads report.yaml as validate does: a link to a file outside the folder is not read."""
    import shutil

    from tafollow.commands.diff import read_side

    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        shutil.copytree(Path(__file__).resolve().parents[2] / "data", folder)
    secret = tmp_path / "secret.yaml"
    secret.write_text((new / "report.yaml").read_text(encoding="utf-8").replace(
        "Sitovat toiminnalliset tavoitteet 2019", "SALAINEN"), encoding="utf-8")
    (new / "report.yaml").unlink()
    (new / "report.yaml").symlink_to(secret)
    assert read_side(str(new)).report is None  # as validate: not read
    assert read_side(str(old)).report is not None
