"""Output safety: the deck appears complete or not at all, and the same data gives the same bytes."""

from __future__ import annotations

import errno
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tafollow.writer import save
from tafollow.cli import app
from tafollow.errors import OutputError, UsageError
from tafollow.writer.save import write_atomic

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "data"
GOOD = b"PK\x03\x04 the good deck"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith("."))


# --------------------------------------------------------------------------
# write_atomic


def test_writes_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deep" / "deck.pptx"
    assert write_atomic(b"data", target) == target
    assert target.read_bytes() == b"data"
    assert leftovers(target.parent) == []


def test_replaces_and_keeps_the_permissions_of_the_old_deck(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(GOOD)
    target.chmod(0o640)
    write_atomic(b"new", target)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_new_deck_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(b"new", tmp_path / "deck.pptx")
    finally:
        os.umask(old)
    assert (tmp_path / "deck.pptx").stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_old_deck_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      failing: str) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(GOOD)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if failing == "write":
        real_fdopen = os.fdopen

        def fdopen(*args: object, **kwargs: object) -> object:
            stream = real_fdopen(*args, **kwargs)  # type: ignore[call-overload]
            stream.write(b"the first half")
            stream.write = fail
            return stream

        monkeypatch.setattr(save.os, "fdopen", fdopen)
    else:
        monkeypatch.setattr(save.os, failing, fail)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(b"half a deck", target)
    monkeypatch.undo()
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_an_interrupt_while_writing_leaves_the_old_deck_untouched(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "deck.pptx"
    target.write_bytes(GOOD)

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(save.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(b"half a deck", target)
    monkeypatch.undo()
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_unwritable_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(save.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="cannot write in .*Permission denied"):
        write_atomic(b"x", tmp_path / "deck.pptx")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions and a non-root user")
def test_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "deck.pptx").write_bytes(GOOD)
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="Permission denied"):
            write_atomic(b"x", folder / "deck.pptx")
    finally:
        folder.chmod(0o755)
    assert (folder / "deck.pptx").read_bytes() == GOOD


@pytest.mark.parametrize("name, kind, words", [
    ("folder", UsageError, "is a folder; give a file name such as .*folder.pptx/ta-seuranta.pptx"),
    ("deck.txt", UsageError, r"must be saved as a .pptx file \(for example .*deck.pptx\)"),
    ("report.yaml", UsageError, "must be saved as a .pptx file"),
    ("deck", UsageError, r"must be saved as a .pptx file \(for example .*deck/ta-seuranta.pptx\)"),
    ("file/deck.pptx", OutputError, "cannot create the output folder"),
    ("x" * 300 + ".pptx", UsageError, "File name too long"),
])
def test_invalid_output_paths(tmp_path: Path, name: str, kind: type[Exception], words: str) -> None:
    (tmp_path / "folder.pptx").mkdir()
    (tmp_path / "file").write_text("a file, not a folder")
    (tmp_path / "report.yaml").write_text("title: precious data\n")
    target = tmp_path / ("folder.pptx" if name == "folder" else name)
    with pytest.raises(kind, match=words):
        write_atomic(b"x", target)
    assert (tmp_path / "report.yaml").read_text() == "title: precious data\n"
    assert leftovers(tmp_path) == []


# --------------------------------------------------------------------------
# Through the command line


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED, tmp_path / "data")
    return tmp_path / "data"


def run_build(data_dir: Path, output: Path) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(app, ["build", str(data_dir), "-o", str(output), "--quiet"])
    return result.exit_code, result.stdout + result.stderr, result.exception


def test_a_failing_build_after_a_good_one_leaves_the_good_deck(data: Path, tmp_path: Path) -> None:
    deck = tmp_path / "out" / "deck.pptx"
    code, output, _ = run_build(data, deck)
    assert code == 0, output
    good = deck.read_bytes()
    project = data / "projects" / "10-harrastuspassi.yaml"
    project.write_text(project.read_text(encoding="utf-8") + "name: twice\n", encoding="utf-8")
    code, output, exception = run_build(data, deck)
    assert code == 1 and isinstance(exception, SystemExit), output
    assert "is given twice" in output and "Traceback" not in output
    assert deck.read_bytes() == good
    assert leftovers(deck.parent) == []


def test_a_crash_while_rendering_leaves_the_good_deck(data: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    deck = tmp_path / "deck.pptx"
    assert run_build(data, deck)[0] == 0
    good = deck.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in rendering")

    import tafollow.writer.render

    monkeypatch.setattr(tafollow.writer.render, "render", broken)
    code, _, exception = run_build(data, deck)
    assert code != 0 and isinstance(exception, RuntimeError)
    assert deck.read_bytes() == good
    assert leftovers(tmp_path) == []


def test_a_failing_write_through_the_cli_is_a_clear_error(data: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(GOOD)

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(save.os, "fsync", full)
    code, output, exception = run_build(data, deck)
    assert code == 3 and isinstance(exception, SystemExit), output
    assert "cannot write the deck (No space left on device)" in output
    assert deck.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("output", ["out.txt", "folder"])
def test_invalid_output_path_through_the_cli_is_wrong_usage(data: Path, tmp_path: Path, output: str) -> None:
    (tmp_path / "folder").mkdir()
    code, text, exception = run_build(data, tmp_path / output)
    assert code == 2 and isinstance(exception, SystemExit), text
    assert text.startswith("error: ") and "Traceback" not in text


# --------------------------------------------------------------------------
# Determinism


def build_bytes(data_dir: Path) -> bytes:
    from tafollow.build import deck_bytes
    from tafollow.data.load import load

    return deck_bytes(load(data_dir))


def test_same_data_same_bytes_whatever_the_clock_and_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    first = build_bytes(SHIPPED)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    later = time.time() + 10 * 365 * 86400
    monkeypatch.setattr(time, "time", lambda: later)
    try:
        second = build_bytes(SHIPPED)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert first == second


def test_zip_entries_carry_no_time_or_machine(tmp_path: Path) -> None:
    deck = build_bytes(SHIPPED)
    with zipfile.ZipFile(io.BytesIO(deck)) as archive:
        entries = archive.infolist()
        assert archive.testzip() is None
        parts = b"".join(archive.read(entry) for entry in entries)
    assert entries[0].filename == "[Content_Types].xml"
    for entry in entries:
        assert entry.date_time == (1980, 1, 1, 0, 0, 0), entry.filename
        assert entry.create_system == 3 and entry.external_attr == 0o100644 << 16, entry.filename
    host = socket.gethostname().encode()
    if len(host) >= 6:
        assert host not in parts
    home = str(Path.home()).encode()
    if len(home) >= 6:
        assert home not in parts


def test_core_properties_come_from_the_data() -> None:
    from pptx import Presentation

    from tafollow.data.load import load

    report = load(SHIPPED).report
    core = Presentation(io.BytesIO(build_bytes(SHIPPED))).core_properties
    moment = datetime(report.as_of.year, report.as_of.month, report.as_of.day)
    assert core.title == report.title
    assert core.author == report.unit and core.last_modified_by == report.unit
    assert core.created == moment and core.modified == moment
    assert core.revision == 1
    assert core.last_printed is None


def test_a_title_too_long_for_the_cover_is_a_clean_error(tmp_path: Path) -> None:
    """A 570-character title once crashed python-pptx's core properties (255 at most); it cannot fit
    the cover either, so validation refuses it with its line and nothing is written."""
    from typer.testing import CliRunner

    from tafollow.cli import app

    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    report = data / "report.yaml"
    long = "Sitovat tavoitteet " * 30
    report.write_text(report.read_text(encoding="utf-8").replace(
        "title: Sitovat toiminnalliset tavoitteet 2019", f"title: {long.strip()}"), encoding="utf-8")
    out = tmp_path / "deck.pptx"
    result = CliRunner().invoke(app, ["build", str(data), "-o", str(out)])
    assert result.exit_code == 1
    assert "report.yaml:" in result.output and "at most 150 fit on the slide" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_two_builds_of_the_shipped_data_are_byte_identical(tmp_path: Path) -> None:
    """The acceptance check, as a user runs it: two processes, different time zones and users."""
    outputs = []
    for index, zone in enumerate(("UTC", "America/St_Johns")):
        output = tmp_path / f"deck{index}.pptx"
        env = {**os.environ, "TZ": zone, "USER": f"user{index}", "LOGNAME": f"user{index}",
               "XDG_CACHE_HOME": str(tmp_path / f"cache{index}")}
        subprocess.run([sys.executable, "-m", "tafollow", "build", str(SHIPPED), "-o", str(output), "--quiet"],
                       check=True, env=env, cwd=tmp_path, timeout=120)
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]


def test_relationship_targets_are_relative_as_relpath_makes_them() -> None:
    """The deck's .rels name each target relative to its source's folder, exactly as posixpath.relpath does."""
    import posixpath
    import random

    from tafollow.writer.save import _relative

    rng = random.Random(20261203)
    segments = ["ppt", "slides", "notesSlides", "slideLayouts", "media", "_rels", "slide1.xml", "a"]
    cases = [("/ppt/slides/slide7.xml", "/ppt"), ("/ppt/notesSlides/notesSlide7.xml", "/ppt/slides"),
             ("/ppt/presentation.xml", "/"), ("/ppt/slides", "/ppt/slides"), ("/ppt/../x.xml", "/ppt"),
             ("/ppt//x.xml", "/ppt"), ("ppt/x.xml", "/ppt")]
    for _ in range(3000):
        cases.append(("/" + "/".join(rng.choice(segments) for _ in range(rng.randint(1, 5))),
                      "/" + "/".join(rng.choice(segments) for _ in range(rng.randint(0, 4)))))
    for target, base in cases:
        assert _relative(target, base) == posixpath.relpath(target, base), (target, base)


# --------------------------------------------------------------------------
# A deck open in PowerPoint on Windows: Windows refuses to replace it


@pytest.fixture
def open_in_powerpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows, as replacing a deck PowerPoint holds open fails there: PermissionError from os.replace."""
    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(save, "WINDOWS", True)
    monkeypatch.setattr(save.os, "replace", refuse)


def test_a_deck_open_in_powerpoint_is_left_as_it_was_and_the_message_says_to_close_it(
        tmp_path: Path, open_in_powerpoint: None) -> None:
    target = tmp_path / "ta-seuranta.pptx"
    target.write_bytes(GOOD)
    with pytest.raises(OutputError) as raised:
        write_atomic(b"new deck", target)
    assert "close the deck in PowerPoint and run again" in str(raised.value)
    assert "previous deck is unchanged" in str(raised.value)
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_build_into_a_deck_open_in_powerpoint_says_so_without_a_traceback(
        tmp_path: Path, open_in_powerpoint: None) -> None:
    target = tmp_path / "ta-seuranta.pptx"
    target.write_bytes(GOOD)
    result = CliRunner().invoke(app, ["build", str(SHIPPED), "-o", str(target)])
    assert result.exit_code == 3, result.output
    assert f"error: {target}: the deck is open in PowerPoint" in result.stderr
    assert "close the deck in PowerPoint and run again" in result.stderr
    assert "Traceback" not in result.output
    assert target.read_bytes() == GOOD
    assert leftovers(tmp_path) == []


def test_the_powerpoint_message_is_for_windows_only(tmp_path: Path, open_in_powerpoint: None,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Elsewhere an open deck is replaced without complaint: a PermissionError there is the folder's rights."""
    monkeypatch.setattr(save, "WINDOWS", False)
    target = tmp_path / "ta-seuranta.pptx"
    target.write_bytes(GOOD)
    with pytest.raises(OutputError) as raised:
        write_atomic(b"new deck", target)
    assert "PowerPoint" not in str(raised.value) and "Permission denied" in str(raised.value)
    assert target.read_bytes() == GOOD


def test_a_pdf_open_in_a_reader_on_windows_is_left_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """build --pdf: the PDF beside the deck, held open by a PDF reader, is not replaced; the message says why."""
    from tafollow.commands import preview

    deck = tmp_path / "ta-seuranta.pptx"
    deck.write_bytes(GOOD)
    pdf = tmp_path / "ta-seuranta.pdf"
    pdf.write_bytes(b"%PDF- the old one")

    def convert(command: list[str], timeout: float, what: str, env: dict[str, str]) -> str:
        outdir = Path(command[command.index("--outdir") + 1])
        (outdir / "ta-seuranta.pdf").write_bytes(b"%PDF- the new one")
        return ""

    def refuse(source: str, target: object) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(preview, "require_soffice", lambda: "soffice")
    monkeypatch.setattr(preview, "_run", convert)
    from tafollow.commands import pdftags

    monkeypatch.setattr(pdftags, "finish", lambda made, pptx, finished: shutil.copyfile(made, finished))
    monkeypatch.setattr(preview.shutil, "move", refuse)
    monkeypatch.setattr(save, "WINDOWS", True)
    with pytest.raises(OutputError, match="close the PDF there and run again"):
        preview.to_pdf(deck)
    assert pdf.read_bytes() == b"%PDF- the old one"
