"""`tafollow import`: the files, the messages and the exit status a user gets."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHIPPED_DATA
from tafollow.cli import app
from tafollow.data.load import load
from tafollow.data.yamlread import read_yaml

from make_handmade import handmade


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("deck") / "käsin tehty.pptx"
    path.write_bytes(handmade(load(SHIPPED_DATA)))
    return path


def _import(*args: str) -> object:
    return CliRunner().invoke(app, ["import", *args])


def test_import_writes_a_folder_that_validates_and_lists_what_to_check(deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    result = _import(str(deck), "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.yaml"))
    assert files[0] == "projects/10-harrastuspassi.yaml" and files[-1] == "report.yaml" and len(files) == 8
    assert len(load(out).projects) == 7
    text = (out / "projects" / "20-kulttuurin-ja-vapaa-ajan-olosuhteiden.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and "# tarkista: slide 9: no traffic light" in text
    stdout, stderr = result.stdout, result.stderr  # type: ignore[attr-defined]
    assert "tarkista: " in stderr and "20-kulttuurin-ja-vapaa-ajan-olosuhteiden.yaml:" in stderr and "slide 9" in stderr
    assert stdout.startswith("7 projects, 29 slides → ") and " to check (# tarkista)" in stdout
    assert list(tmp_path.iterdir()) == [out]  # nothing left beside it


def test_existing_files_are_never_overwritten_without_force(deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    assert _import(str(deck), "-o", str(out)).exit_code == 0  # type: ignore[attr-defined]
    report = out / "report.yaml"
    report.write_text("# mine\n", encoding="utf-8")
    refused = _import(str(deck), "-o", str(out))
    assert refused.exit_code == 2 and "already exists" in refused.stderr  # type: ignore[attr-defined]
    assert report.read_text(encoding="utf-8") == "# mine\n"
    forced = _import(str(deck), "-o", str(out), "--force")
    assert forced.exit_code == 0 and report.read_text(encoding="utf-8") != "# mine\n"  # type: ignore[attr-defined]


def test_other_project_files_are_not_mixed_in(deck: Path, tmp_path: Path) -> None:
    (tmp_path / "projects").mkdir()
    (tmp_path / "projects" / "99-oma.yaml").write_text("name: x\n", encoding="utf-8")
    result = _import(str(deck), "-o", str(tmp_path))
    assert result.exit_code == 2 and "other project files" in result.stderr  # type: ignore[attr-defined]
    assert not (tmp_path / "report.yaml").exists()
    forced = _import(str(deck), "-o", str(tmp_path), "--force")
    assert forced.exit_code == 0 and "99-oma.yaml was there before" in forced.stderr  # type: ignore[attr-defined]
    assert (tmp_path / "projects" / "99-oma.yaml").read_text(encoding="utf-8") == "name: x\n"


@pytest.mark.parametrize("content, message", [
    (b"not a deck", "not a PowerPoint file (.pptx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"), "protected with a password"),
])
def test_bad_input_is_a_clear_message_and_nothing_is_written(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(content)
    result = _import(str(bad), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and message in result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()  # type: ignore[attr-defined]


def test_a_deck_not_in_this_format(tmp_path: Path) -> None:
    from pptx import Presentation

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Quarterly sales"
    slide.placeholders[1].text = "Up 4 %"
    prs.save(str(tmp_path / "sales.pptx"))
    result = _import(str(tmp_path / "sales.pptx"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "no TA-seuranta project found" in result.stderr  # type: ignore[attr-defined]
    assert not (tmp_path / "out").exists()


def test_more_than_the_format_allows_is_written_and_listed(tmp_path: Path) -> None:
    from pptx import Presentation

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.shapes.title.text = "Hanke " + "pitkä " * 30
    slide.placeholders[1].text = "Omistaja: A\vProjektipäällikkö: B\vPäivitetty 1.2.2020"
    prs.save(str(tmp_path / "long.pptx"))
    result = _import(str(tmp_path / "long.pptx"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "'name' is 186 characters" in result.stderr and "do not validate yet" in result.stderr  # type: ignore
    assert "slide 0" not in result.stderr  # type: ignore[attr-defined]
    written = tmp_path / "out" / "projects" / "10-hanke-pitka-pitka-pitka-pitka-pitka.yaml"
    assert read_yaml(written.read_text(encoding="utf-8")).data["name"] == "Hanke " + "pitkä " * 30


def test_a_deck_that_unpacks_to_gigabytes_is_refused_before_unpacking(tmp_path: Path) -> None:
    """A 1 MB file whose one part unpacks to 1 GB would fill memory when python-pptx opened it."""
    import subprocess
    import zipfile

    bomb = tmp_path / "bomb.pptx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("ppt/media/filler.bin", "w", force_zip64=True) as stream:
            block = b"\0" * (1 << 20)
            for _ in range(1024):
                stream.write(block)
    code = ("import sys, resource; from tafollow.cli import main; sys.argv = ['tafollow', 'import', sys.argv[1], "
            "'-o', sys.argv[2]]\ntry: main()\nexcept SystemExit as e: print('exit', e.code); "
            "print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", code, str(bomb), str(tmp_path / "out")], capture_output=True,
                            text=True, timeout=120)
    assert "exit 1" in result.stdout, result.stdout + result.stderr
    assert "unpacks to 1024 MB" in result.stderr
    peak_kib = int(result.stdout.split("peak")[1])
    assert peak_kib < 300 * 1024, f"peak {peak_kib // 1024} MiB"
    assert not (tmp_path / "out").exists()


def test_a_named_pipe_given_as_the_deck_is_refused_at_once(tmp_path: Path) -> None:
    """It used to wait for ever for a writer."""
    import os
    import subprocess

    pipe = tmp_path / "deck.pptx"
    os.mkfifo(pipe)
    result = subprocess.run([sys.executable, "-m", "tafollow", "import", str(pipe), "-o", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 2
    assert "named pipe" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_editors_backup_beside_the_projects_is_no_other_project(deck: Path, tmp_path: Path) -> None:
    """Files the loader ignores (a backup, a hidden file) do not stop the import: they go into no deck."""
    (tmp_path / "projects").mkdir()
    for name in (".piilo.yaml", "10-harrastuspassi.yaml~"):
        (tmp_path / "projects" / name).write_text("name: x\n", encoding="utf-8")
    result = _import(str(deck), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert "was there before" not in result.stderr  # type: ignore[attr-defined]


def test_a_deck_of_ten_projects_keeps_its_file_names_in_the_loaders_order(tmp_path: Path) -> None:
    """…, 90-, 100-: the loader's order is the deck's, so tafollow's own file names are kept."""
    from tafollow.deckimport.assemble import Draft, _name_files
    from tafollow.deckimport.slides import ProjectSlides

    stems = [f"{n * 10}-oma-nimi-{n}" for n in range(1, 11)]  # not what the names would slug to
    slides = [ProjectSlides(first=index, source=f"{stem}.yaml") for index, stem in enumerate(stems)]
    drafts = [Draft("", {"name": f"P{n}"}) for n in range(1, 11)]
    _name_files(drafts, slides)
    assert [d.stem for d in drafts] == stems


def test_the_covers_speaker_notes_are_headed_as_speaker_notes(tmp_path: Path) -> None:
    """They were kept in report.yaml under "Text of slide 1, in no project:", as if typed on the slide."""
    from pptx import Presentation

    deck = tmp_path / "deck.pptx"
    presentation = Presentation(io.BytesIO(handmade(load(SHIPPED_DATA))))
    presentation.slides[0].notes_slide.notes_text_frame.text = "Avaussanat: tervetuloa."
    presentation.save(str(deck))
    out = tmp_path / "data"
    assert _import(str(deck), "-o", str(out)).exit_code == 0  # type: ignore[attr-defined]
    report = (out / "report.yaml").read_text(encoding="utf-8")
    assert "# Speaker notes, slide 1:\n#   Avaussanat: tervetuloa." in report
    assert "Text of slide 1, in no project" not in report
