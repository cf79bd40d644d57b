"""`tafollow new`: a commented skeleton that validates as written, never overwriting a file."""

from __future__ import annotations

import os
import re
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHIPPED_DATA
from tafollow.cli import app
from tafollow.build import validate
from tafollow.data.load import load
from tafollow.data.model import Forecast, Goal, Progress, Project
from tafollow.commands.new import skeleton
from tafollow.data.repository import next_number, slug
from tafollow.data.yamlread import read_yaml

SCHEMA_COMMENT = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    return tmp_path / "data"


def new(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["new", *args])


@pytest.mark.parametrize(("name", "expected"), [
    ("Äänestyspalvelu", "aanestyspalvelu"),
    ("Öljylämmitys ja Åbo", "oljylammitys-ja-abo"),
    ("Oma.Helsinki – Asiakkuus 2.0", "oma-helsinki-asiakkuus-2-0"),
    ("Café Müller", "cafe-muller"),
    ("!!!", "projekti"),
    ("Hyvin pitkä nimi jossa on paljon sanoja eikä loppua näy vielä", "hyvin-pitka-nimi-jossa-on-paljon-sanoja"),
])
def test_slug_folds_finnish_letters(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_next_number_steps_by_ten(tmp_path: Path) -> None:
    assert next_number(tmp_path) == 10
    for name in ("10-a.yaml", "20-b.yaml", "25-c.yaml", "notes.yaml"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert next_number(tmp_path) == 30
    (tmp_path / "95-d.yaml").write_text("", encoding="utf-8")
    assert next_number(tmp_path) == 100


def test_new_writes_the_next_file_and_the_folder_still_builds(data: Path) -> None:
    result = new("Uusi äänipalvelu", str(data))
    assert result.exit_code == 0, result.output
    path = data / "projects" / "80-uusi-aanipalvelu.yaml"
    assert f"Created {path}" in result.stdout
    assert validate(data) == []
    round_ = load(data)
    assert round_.projects[-1].project.name == "Uusi äänipalvelu"
    out = data.parent / "deck.pptx"
    built = CliRunner().invoke(app, ["build", str(data), "-o", str(out), "--summary", "-q"])
    assert built.exit_code == 0, built.output


def test_skeleton_points_at_the_repositorys_schema(data: Path) -> None:
    assert CliRunner().invoke(app, ["schema", "--write", str(data.parent / "schema")]).exit_code == 0
    new("Kaavoitus", str(data))
    text = (data / "projects" / "80-kaavoitus.yaml").read_text(encoding="utf-8")
    match = SCHEMA_COMMENT.match(text)
    assert match, text[:200]
    assert match.group(1) == "../../schema/project.schema.json"
    target = (data / "projects" / match.group(1)).resolve()
    assert target.is_file() and target.name == "project.schema.json"


def test_without_a_schema_in_the_repository_the_file_names_none(data: Path) -> None:
    """It once named tafollow's own copy by a path that worked on one machine only."""
    result = new("Kaavoitus", str(data))
    assert result.exit_code == 0, result.output
    text = (data / "projects" / "80-kaavoitus.yaml").read_text(encoding="utf-8")
    assert "$schema" not in text and "site-packages" not in text
    assert "no schema/ folder found" in result.stderr and "tafollow schema --write" in result.stderr
    assert validate(data) == []


def test_in_the_repository_the_schema_path_is_the_shipped_files_one() -> None:
    from tafollow.data.repository import schema_reference

    assert schema_reference(SHIPPED_DATA / "projects") == "../../schema/project.schema.json"
    other = SHIPPED_DATA.parent / "tests" / "data" / "other-division"
    assert schema_reference(other / "projects") == "../../../../schema/project.schema.json"


def test_the_schema_is_looked_for_inside_the_repository_only(tmp_path: Path) -> None:
    from tafollow.data.repository import schema_folder

    def schema_at(folder: Path) -> Path:
        (folder / "schema").mkdir(parents=True)
        (folder / "schema" / "project.schema.json").write_text("{}", encoding="utf-8")
        return folder / "schema"

    outside = schema_at(tmp_path)
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "round" / "data").mkdir(parents=True)
    assert schema_folder(tmp_path / "repo" / "round" / "data") is None  # tmp_path/schema is out of the repository
    inside = schema_at(tmp_path / "repo")
    assert schema_folder(tmp_path / "repo" / "round" / "data") == inside.resolve()
    # Outside any repository: the data folder and the folder holding it, as tafollow init lays them out.
    (tmp_path / "data").mkdir()
    (tmp_path / "a" / "data").mkdir(parents=True)
    assert schema_folder(tmp_path / "data") == outside.resolve()
    assert schema_folder(tmp_path / "a" / "data") is None


def test_skeleton_explains_each_field_in_finnish() -> None:
    text = skeleton("Hanke", "../../schema/project.schema.json", date(2020, 1, 31))
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if re.match(r"[a-z_]+:", line):  # every top-level key has a comment right above it
            assert lines[index - 1].startswith("#"), f"no comment above {line!r}"
    for model in (Project, Goal, Progress, Forecast):
        for field in model.model_fields:
            assert re.search(rf"^\s*(# )?\s*(- )?{field}:", text, re.M), f"{model.__name__}.{field} is not in the skeleton"
    assert "updated: 31.1.2020" in text
    assert "Omistaja" in text and "TEKEMÄTTÄ" in text


def test_skeleton_is_valid_as_written() -> None:
    document = read_yaml(skeleton("Hanke", "x", date(2020, 1, 31)))
    project = Project.model_validate(document.data)
    assert project.name == "Hanke"


@pytest.mark.parametrize("name", ['Hanke: "vaihe 2" #1', "null", "yes", "- lista", "2020", "Nimi # kommentti"])
def test_awkward_names_survive_yaml(name: str) -> None:
    project = Project.model_validate(read_yaml(skeleton(name, "x", date(2020, 1, 1))).data)
    assert project.name == name


def test_new_refuses_to_overwrite(data: Path) -> None:
    assert new("Kaavoitus", str(data)).exit_code == 0
    path = data / "projects" / "80-kaavoitus.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# oma muutos\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    again = new("Kaavoitus", str(data))
    assert again.exit_code == 2
    assert "already exists" in again.stderr
    assert path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in (data / "projects").glob("*kaavoitus*")) == ["80-kaavoitus.yaml"]


def test_new_refuses_a_name_another_file_holds(data: Path) -> None:
    result = new("  harrastuspassi ", str(data))
    assert result.exit_code == 2
    assert "10-harrastuspassi.yaml" in result.stderr
    assert new("Pikapalaute 2020", str(data)).exit_code == 0


def test_new_warns_when_report_yaml_selects_projects(data: Path) -> None:
    report = data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "projects: [10-harrastuspassi]\n", encoding="utf-8")
    result = new("Kaavoitus", str(data))
    assert result.exit_code == 0
    assert "add '80-kaavoitus'" in result.stderr


@pytest.mark.parametrize("name", ["", "   ", "kaksi\nriviä"])
def test_new_rejects_empty_or_multiline_names(data: Path, name: str) -> None:
    assert new(name, str(data)).exit_code == 2


def test_new_needs_an_existing_data_folder(tmp_path: Path) -> None:
    result = new("Kaavoitus", str(tmp_path / "missing"))
    assert result.exit_code == 2
    assert "no such data folder" in result.stderr


def test_the_tenth_project_comes_last_in_the_deck(data: Path) -> None:
    """After 90-… `new` numbers 100-…, which character order would put before 20-…."""
    (data / "projects" / "60-pikapalaute.yaml").rename(data / "projects" / "90-pikapalaute.yaml")
    assert new("Kymmenes hanke", str(data)).exit_code == 0
    assert (data / "projects" / "100-kymmenes-hanke.yaml").is_file()
    assert [f.project.name for f in load(data).projects][-1] == "Kymmenes hanke"


@pytest.mark.skipif(os.name == "nt", reason="POSIX pipes")
def test_new_reads_the_other_files_as_validate_does(data: Path) -> None:
    """A pipe among the files does not hang `new`; a name in a file saved with a BOM is still seen."""
    os.mkfifo(data / "projects" / "75-putki.yaml")
    text = (data / "projects" / "10-harrastuspassi.yaml").read_text(encoding="utf-8")
    (data / "projects" / "80-bom.yaml").write_bytes(text.replace("name: Harrastuspassi", "name: Bom-hanke")
                                                    .encode("utf-8-sig"))
    (data / "projects" / "90-vanha.yaml~").write_text(text.replace("name: Harrastuspassi", "name: Varmuuskopio"),
                                                      encoding="utf-8")
    started = time.perf_counter()
    refused = new("bom-hanke", str(data))
    assert time.perf_counter() - started < 2
    assert refused.exit_code == 2 and "80-bom.yaml: already holds the project 'Bom-hanke'" in refused.stderr
    made = new("Varmuuskopio", str(data))
    assert made.exit_code == 0, made.output
    assert (data / "projects" / "90-varmuuskopio.yaml").is_file()


# Names `new` must refuse because validate would reject the file, with what the message says;
# before anything is written. Escapes, so that the invisible characters can be seen here.
REFUSED_NAMES = {
    "151 characters": ("x" * 151, "'name' is 151 characters; at most 150 fit on the slide"),
    "line separator": ("Hanke\u2028kaksi", "line breaks (it contains U+2028)"),
    "paragraph separator": ("Hanke\u2029kaksi", "line breaks (it contains U+2029)"),
    "next line": ("Hanke\x85kaksi", "line breaks (it contains U+0085)"),
    "escape sequence": ("\x1b[31mPunainen", "control characters or line breaks (it contains U+001B)"),
    "zero-width space only": ("\u200b", "holds only invisible characters (U+200B)"),
    "invisible mix": ("\u200b\u2060\u200d", "holds only invisible characters (U+200B, U+2060, U+200D)"),
    "hangul filler": ("\u3164", "holds only invisible characters (U+3164)"),
    "not a character": ("Hanke \udcff", "(it contains U+DCFF)"),
}


@pytest.mark.parametrize("case", REFUSED_NAMES)
def test_new_refuses_every_name_validate_rejects_before_writing(data: Path, case: str) -> None:
    name, words = REFUSED_NAMES[case]
    before = sorted(p.name for p in (data / "projects").iterdir())
    result = new(name, str(data))
    assert result.exit_code == 2, result.output
    assert words in result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (data / "projects").iterdir()) == before


def test_new_writes_nothing_at_all_for_a_refused_name(tmp_path: Path) -> None:
    """Not even the projects/ folder."""
    data = tmp_path / "data"
    data.mkdir()
    assert new("x" * 151, str(data)).exit_code == 2
    assert list(data.iterdir()) == []


@pytest.mark.parametrize("name", ["x" * 150, "Hanke\u200bkaksi", "😀", "שלום", "Ärrä #1: \"vaihe\" {{ x }}"])
def test_a_name_new_accepts_validates(data: Path, name: str) -> None:
    result = new(name, str(data))
    assert result.exit_code == 0, result.output
    assert validate(data) == []
    assert load(data).projects[-1].project.name == name


def test_names_that_share_a_file_name_get_their_own_files(data: Path) -> None:
    """"😀" and "🎉" both make the file name "projekti": the second is numbered, not refused."""
    assert new("😀", str(data)).exit_code == 0
    assert new("🎉", str(data)).exit_code == 0
    assert (data / "projects" / "80-projekti.yaml").is_file()
    assert (data / "projects" / "90-projekti-2.yaml").is_file()
    assert validate(data) == []
    again = new("😀", str(data))
    assert again.exit_code == 2 and "80-projekti.yaml: already exists and holds the project" in again.stderr
