"""`tafollow preview` and `build --pdf`: LibreOffice renders, or a clear message and exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from conftest import SHIPPED_DATA
from tafollow.commands import preview as preview_module
from tafollow.cli import app
from tafollow.commands.preview import contact_sheet


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def no_libreoffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview_module, "find_soffice", lambda: None)


def test_preview_without_libreoffice_exits_3(data: Path, no_libreoffice: None) -> None:
    out = data.parent / "preview"
    result = CliRunner().invoke(app, ["preview", str(data), "-o", str(out)])
    assert result.exit_code == 3
    assert "LibreOffice is not installed" in result.stderr
    assert "libreoffice-impress" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_build_pdf_without_libreoffice_exits_3_but_keeps_the_deck(data: Path, no_libreoffice: None) -> None:
    out = data.parent / "deck.pptx"
    result = CliRunner().invoke(app, ["build", str(data), "-o", str(out), "--pdf"])
    assert result.exit_code == 3
    assert "LibreOffice is not installed" in result.stderr
    assert f"{out} was written; the PDF was not." in result.stderr
    assert out.is_file()


def test_contact_sheet_lays_out_numbered_thumbnails(tmp_path: Path) -> None:
    slides = []
    for number, colour in enumerate(["red", "green", "blue", "yellow", "black"], start=1):
        path = tmp_path / f"slide-{number:02d}.png"
        Image.new("RGB", (960, 540), colour).save(path)
        slides.append(path)
    sheet = contact_sheet(slides, tmp_path / "sheet.png", columns=4, thumb_width=200)
    with Image.open(sheet) as image:
        assert image.width == 4 * (200 + 16) + 16
        assert image.height == 2 * (round(540 * 200 / 960) + 22 + 16) + 16
        assert image.getpixel((16 + 100, 16 + 50)) == (255, 0, 0)
        assert image.getpixel((16 + 216 + 100, 16 + 50)) == (0, 128, 0)


@pytest.fixture(scope="module")
def previewed(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    work = tmp_path_factory.mktemp("preview")
    shutil.copytree(SHIPPED_DATA, work / "data")
    result = CliRunner().invoke(app, ["preview", str(work / "data"), "-o", str(work / "out"), "--summary"])
    assert result.exit_code == 0, result.output
    return work / "out", result.stdout


@pytest.mark.slow
def test_preview_writes_pdf_pngs_and_contact_sheet(previewed: tuple[Path, str]) -> None:
    out, stdout = previewed
    assert (out / "ta-seuranta.pptx").is_file()
    assert (out / "ta-seuranta.pdf").read_bytes().startswith(b"%PDF")
    slides = sorted(out.glob("slide-*.png"))
    assert [p.name for p in slides[:2]] == ["slide-01.png", "slide-02.png"]
    assert len(slides) == 30
    with Image.open(slides[0]) as first:
        assert abs(first.width - 1280) <= 1 and abs(first.height - 720) <= 1  # 960 x 540 pt at 96 dpi
    with Image.open(out / "contact-sheet.png") as sheet:
        assert sheet.width > 4 * 400 and sheet.height > 8 * 225
    assert stdout.startswith("30 slides → ")
    from tafollow.check.pdf import check_pdf

    assert check_pdf(out / "ta-seuranta.pdf", "fi").problems == []  # tagged PDF/UA in Finnish, as build --pdf


@pytest.mark.slow
def test_preview_removes_stale_slide_images(previewed: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = previewed
    (out / "slide-99.png").write_bytes(b"old")
    preview_module.to_pngs(out / "ta-seuranta.pdf", out)
    assert not (out / "slide-99.png").exists()


@pytest.mark.slow
def test_build_pdf_writes_the_pdf_beside_the_deck(data: Path, soffice: str) -> None:
    out = data.parent / "decks" / "round.pptx"
    result = CliRunner().invoke(app, ["build", str(data), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    assert (out.parent / "round.pdf").read_bytes().startswith(b"%PDF")
    assert "+ round.pdf" in result.stdout


# --------------------------------------------------------------------------
# The pre-commit hook and the CI example


REPO = SHIPPED_DATA.parent


def test_pre_commit_hook_runs_validate() -> None:
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "tafollow-validate")
    assert hook["entry"] == "tafollow validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False


def test_ci_example_builds_and_uploads_deck_and_pdf() -> None:
    import yaml

    workflow = yaml.safe_load((REPO / "docs" / "ci-example.yml").read_text(encoding="utf-8"))
    assert "push" in workflow[True]  # YAML 1.1 reads the key `on` as True
    steps = workflow["jobs"]["deck"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "libreoffice-impress" in runs
    assert "tafollow build" in runs and "--pdf" in runs
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert "build/ta-seuranta.pptx" in upload["with"]["path"] and "build/ta-seuranta.pdf" in upload["with"]["path"]
    assert "docs/ci-example.yml" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("names", [["slide-99.png"], ["contact-sheet.png"], ["ta-seuranta.pdf"],
                                   ["ta-seuranta.pptx"], ["slide-01.png", "contact-sheet.png"]])
def test_preview_refuses_folders_named_like_its_files(data: Path, monkeypatch: pytest.MonkeyPatch,
                                                      names: list[str]) -> None:
    """A clear error before any work, not an IsADirectoryError traceback after it."""
    monkeypatch.setattr(preview_module, "find_soffice", lambda: "/bin/false")  # never reached
    out = data.parent / "preview"
    for name in names:
        (out / name).mkdir(parents=True)
    result = CliRunner().invoke(app, ["preview", str(data), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert f"error: {out}: holds {'a folder' if len(names) == 1 else 'folders'} named " in result.stderr
    assert all(name in result.stderr for name in names)
    assert sorted(p.name for p in out.iterdir()) == sorted(names)


# --------------------------------------------------------------------------
# Finding LibreOffice where Windows installers put it (not on PATH)


def _install(folder: Path) -> Path:
    soffice = folder / "program" / "soffice.exe"
    soffice.parent.mkdir(parents=True)
    soffice.write_bytes(b"")
    soffice.chmod(0o755)
    return soffice


@pytest.fixture
def windows_machine(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No soffice on PATH nor in the Unix places; Program Files folders as Windows' environment names them."""
    monkeypatch.setattr(preview_module.shutil, "which", lambda name: None)
    monkeypatch.setattr(preview_module, "_KNOWN_PLACES", ())
    for variable, folder in (("ProgramFiles", "Program Files"), ("ProgramW6432", "Program Files"),
                             ("ProgramFiles(x86)", "Program Files (x86)"), ("LOCALAPPDATA", "AppData/Local")):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(variable, str(tmp_path / folder))
    return tmp_path


def test_libreoffice_is_found_under_program_files(windows_machine: Path) -> None:
    assert preview_module.find_soffice() is None
    soffice = _install(windows_machine / "Program Files" / "LibreOffice")
    assert preview_module.find_soffice() == str(soffice)


def test_libreoffice_is_found_under_the_32_bit_program_files_and_an_older_folder_name(windows_machine: Path) -> None:
    soffice = _install(windows_machine / "Program Files (x86)" / "LibreOffice 5")
    assert preview_module.find_soffice() == str(soffice)


def test_libreoffice_installed_for_one_user_is_found(windows_machine: Path) -> None:
    soffice = _install(windows_machine / "AppData" / "Local" / "Programs" / "LibreOffice")
    assert preview_module.find_soffice() == str(soffice)


def test_without_libreoffice_the_message_says_how_to_install_it_on_windows(windows_machine: Path) -> None:
    with pytest.raises(preview_module.MissingTool, match="on Windows, the installer from libreoffice.org"):
        preview_module.require_soffice()
