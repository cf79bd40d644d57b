"""Decks saved as Strict Open XML, as slide shows or as templates are read like any .pptx, by check and import.

The Strict copy is made here by renaming every Transitional URI the way
ISO/IEC 29500 Strict spells it and writing some percentages as "NN%", as
PowerPoint's "Strict Open XML Presentation" does; nothing of the reader's
code is used to make it.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHIPPED_DATA
from tafollow.check.accessibility import check
from tafollow.cli import app
from tafollow.ooxml.package import transitional

_NAMESPACE = re.compile(rb"http://schemas\.openxmlformats\.org/(drawingml|presentationml|officeDocument)/2006/"
                        rb"(relationships|main|chart|diagram|picture|extended-properties|docPropsVTypes)")
_STRICT_NAMES = {b"extended-properties": b"extendedProperties"}


def strict_copy(raw: bytes) -> bytes:
    def rename(match: re.Match[bytes]) -> bytes:
        return b"http://purl.oclc.org/ooxml/" + match.group(1) + b"/" + _STRICT_NAMES.get(match.group(2), match.group(2))

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                data = _NAMESPACE.sub(rename, data)
                data = re.sub(rb'(<a:lumMod val=")(\d+)000(")', rb"\g<1>\g<2>%\g<3>", data)
            target.writestr(info, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tafollow.build import deck_bytes
    from tafollow.data.load import load

    path = tmp_path_factory.mktemp("decks") / "ta-seuranta.pptx"
    path.write_bytes(deck_bytes(load(SHIPPED_DATA)))
    return path


def test_a_strict_part_reads_as_transitional() -> None:
    strict = (b'<p:sld xmlns:p="http://purl.oclc.org/ooxml/presentationml/main" '
              b'xmlns:a="http://purl.oclc.org/ooxml/drawingml/main"><a:lumMod val="75%"/></p:sld>')
    assert transitional(strict) == (b'<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
                                    b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                                    b'<a:lumMod val="75000"/></p:sld>')
    rels = b'Type="http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"'
    assert transitional(rels) == b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"'
    plain = b'<a:t>50%</a:t><x val="50%"/>'
    assert transitional(plain) == plain  # a Transitional part is left as it is


def test_check_reads_every_slide_of_a_strict_deck(shipped: Path, tmp_path: Path) -> None:
    strict = tmp_path / "strict.pptx"
    strict.write_bytes(strict_copy(shipped.read_bytes()))
    assert b"http://purl.oclc.org/ooxml/presentationml/main" in zipfile.ZipFile(strict).read("ppt/presentation.xml")
    assert check(strict) == check(shipped)
    assert check(strict).slides == 29


def test_import_reads_a_strict_deck_as_the_deck_it_is(shipped: Path, tmp_path: Path) -> None:
    strict = tmp_path / "strict.pptx"
    strict.write_bytes(strict_copy(shipped.read_bytes()))
    runner = CliRunner()
    assert runner.invoke(app, ["import", str(shipped), "-o", str(tmp_path / "a")]).exit_code == 0
    result = runner.invoke(app, ["import", str(strict), "-o", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    for path in sorted((tmp_path / "a").rglob("*.yaml")):
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        assert twin.read_text(encoding="utf-8").replace("strict.pptx", "ta-seuranta.pptx") == path.read_text(
            encoding="utf-8"), path.name


SHOW = "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"
MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


@pytest.mark.parametrize("suffix", [".ppsx", ".potx"])
def test_a_slide_show_or_template_is_read_as_a_deck(suffix: str, shipped: Path, tmp_path: Path) -> None:
    other = SHOW if suffix == ".ppsx" else SHOW.replace("slideshow", "template")
    out = io.BytesIO()
    with zipfile.ZipFile(shipped) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(MAIN.encode(), other.encode()) if info.filename.startswith("[") else data)
    path = tmp_path / f"deck{suffix}"
    path.write_bytes(out.getvalue())
    result = CliRunner().invoke(app, ["import", str(path), "-o", str(tmp_path / "data")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("7 projects, 29 slides")
