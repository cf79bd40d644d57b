"""One set of limits for every reader of a package: template, check and import refuse the same file alike."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tafollow.ooxml.archive import MAX_XML_PART_BYTES, Package, PackageProblem


def _bomb(path: Path) -> Path:
    """A small deck whose one slide part unpacks to more than any slide holds."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/slides/slide1.xml", b" " * (MAX_XML_PART_BYTES + 1))
    return path


def test_a_package_over_a_limit_is_refused_from_its_directory(tmp_path: Path) -> None:
    with pytest.raises(PackageProblem, match="ppt/slides/slide1.xml unpacks to 50 MB, more than a deck holds"):
        Package(_bomb(tmp_path / "bomb.pptx").read_bytes())


def test_template_check_and_import_give_the_same_reason(tmp_path: Path) -> None:
    from tafollow.check.accessibility import check
    from tafollow.deckimport.pptxread import read_deck
    from tafollow.errors import DeckError
    from tafollow.writer.template import TemplateProblem, read_template

    bomb = _bomb(tmp_path / "bomb.pptx")
    reason = "its part ppt/slides/slide1.xml unpacks to 50 MB, more than a deck holds (at most 50 MB a part is read)"
    with pytest.raises(TemplateProblem) as template:
        read_template(bomb)
    with pytest.raises(DeckError) as checked:
        check(bomb)
    with pytest.raises(DeckError) as imported:
        read_deck(bomb)
    assert str(template.value) == reason
    assert str(checked.value) == f"{bomb}: {reason}"
    assert str(imported.value) == f"{bomb}: {reason}"


def test_a_part_is_never_unpacked_past_its_declared_size(tmp_path: Path) -> None:
    path = tmp_path / "deck.pptx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ppt/slides/slide1.xml", b"<a/>" * 1000)
    raw = bytearray(path.read_bytes())
    # Lower the declared size in both headers: zipfile stops there and the checksum no longer matches.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.find(signature)
        raw[at + offset:at + offset + 4] = (10).to_bytes(4, "little")
    package = Package(bytes(raw))
    with pytest.raises(PackageProblem, match="is damaged: its part ppt/slides/slide1.xml does not unpack"):
        package.read("ppt/slides/slide1.xml")
