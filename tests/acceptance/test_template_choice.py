"""A foreign master is used when given, and a lacking one is named, not guessed."""

from __future__ import annotations

import shutil
from pathlib import Path

from pptx import Presentation
from typer.testing import CliRunner

from tafollow.build import DEFAULT_TEMPLATE
from tafollow.cli import app

DATA = Path(__file__).resolve().parents[2] / "data"


def _data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_template_without_our_layouts_is_a_usage_error(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.pptx"
    Presentation().save(str(foreign))  # python-pptx's default: "Title Slide", "Title and Content", …
    result = CliRunner().invoke(app, ["build", str(_data(tmp_path)), "-o", str(tmp_path / "x.pptx"),
                                      "--template", str(foreign)])
    assert result.exit_code == 2
    assert "no slide layout named 'Cover'" in result.output
    assert "Title and Content" in result.output  # says what the template does have
    assert not (tmp_path / "x.pptx").exists()


def test_template_named_in_report_yaml_is_used(tmp_path: Path) -> None:
    data = _data(tmp_path)
    master = Presentation(str(DEFAULT_TEMPLATE))
    for layout in master.slide_layouts:
        if layout.name == "Content":
            rule = next(shape for shape in layout.shapes if not shape.is_placeholder)
            rule.name = "Organisation logo"  # a change we can recognise in the built deck
    master.save(str(data / "oma-pohja.pptx"))
    report = data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "template: oma-pohja.pptx\n", encoding="utf-8")
    out = tmp_path / "deck.pptx"
    result = CliRunner().invoke(app, ["build", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(out))
    names = {shape.name for shape in deck.slides[2].slide_layout.shapes}
    assert "Organisation logo" in names


def test_missing_template_file_is_reported(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(_data(tmp_path)), "-o", str(tmp_path / "x.pptx"),
                                      "--template", str(tmp_path / "nope.pptx")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.pptx'}: template not found" in result.output
    assert "PackageNotFoundError" not in result.output and "Traceback" not in result.output


def test_a_folder_given_as_template_is_named_as_such(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(_data(tmp_path)), "-o", str(tmp_path / "x.pptx"),
                                      "--template", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a folder; give the template's .pptx file" in result.output


def test_template_given_on_the_command_line_is_checked_the_same_way(tmp_path: Path) -> None:
    """--template is wrong usage (exit 2), with the same reason validate gives for report.yaml's template:."""
    from test_hostile import TEMPLATES

    master = tmp_path / "bomb.pptx"
    TEMPLATES["bomb"](master)
    result = CliRunner().invoke(app, ["build", str(_data(tmp_path)), "-o", str(tmp_path / "x.pptx"),
                                      "--template", str(master)])
    assert result.exit_code == 2
    assert f"error: {master}: unpacks to 1.5 GB; at most 100 MB is read" in result.output
    assert not (tmp_path / "x.pptx").exists()


def test_a_potx_template_gives_a_pptx_deck(tmp_path: Path) -> None:
    import zipfile

    from test_hostile import TEMPLATES

    master = tmp_path / "master.potx"
    TEMPLATES["potx"](master)
    out = tmp_path / "deck.pptx"
    result = CliRunner().invoke(app, ["build", str(_data(tmp_path)), "-o", str(out), "--template", str(master)])
    assert result.exit_code == 0, result.output
    types = zipfile.ZipFile(out).read("[Content_Types].xml").decode()
    assert "presentationml.presentation.main+xml" in types and "template.main" not in types
    assert len(Presentation(str(out)).slides) > 0


def test_no_deck_carries_an_external_relationship() -> None:
    """The last line of defence, in saving: a deck referring outside itself is never written."""
    import pytest
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    from tafollow.errors import OutputError
    from tafollow.writer.save import to_bytes

    presentation = Presentation(str(DEFAULT_TEMPLATE))
    presentation.slide_masters[0].part.relate_to("http://example.com/x.png", RT.IMAGE, is_external=True)
    with pytest.raises(OutputError, match="outside it"):
        to_bytes(presentation)
