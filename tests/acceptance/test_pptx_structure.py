"""Package-level checks on the shipped deck: what PowerPoint's repair dialog would complain about.

The deck's slide bodies are written as XML text (tafollow/writer/slidexml.py),
bypassing python-pptx's object layer, so nothing but these tests keeps the
package consistent: unique shape ids, relationships that resolve, content
types for every part, real slide-number fields, and reproducible bytes.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import SHIPPED_DATA, build_deck_bytes

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
SLIDE = re.compile(r"ppt/slides/slide(\d+)\.xml")
FOOTER_TYPES = ("dt", "ftr", "sldNum")


@pytest.fixture(scope="module")
def archive(shipped_deck: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(shipped_deck))


def _xml(archive: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(archive.read(name))


def _slides_in_order(archive: zipfile.ZipFile) -> list[str]:
    """Slide part names in presentation order (sldIdLst), resolved through presentation.xml.rels."""
    rels = {rel.get("Id"): rel.get("Target") for rel in _xml(archive, "ppt/_rels/presentation.xml.rels")}
    ids = _xml(archive, "ppt/presentation.xml").findall("p:sldIdLst/p:sldId", NS)
    return [posixpath.normpath(posixpath.join("ppt", rels[e.get(f"{{{NS['r']}}}id")])) for e in ids]


def _layout_name(archive: zipfile.ZipFile, slide: str) -> str:
    rels = _xml(archive, _rels_name(slide))
    target = next(r.get("Target") for r in rels if r.get("Type").endswith("/slideLayout"))
    layout = posixpath.normpath(posixpath.join(posixpath.dirname(slide), target))
    return _xml(archive, layout).find("p:cSld", NS).get("name")


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _placeholders(slide: etree._Element, kind: str) -> list[etree._Element]:
    return slide.xpath(f".//p:sp[p:nvSpPr/p:nvPr/p:ph[@type='{kind}']]", namespaces=NS)


def test_zip_has_no_duplicate_entries(archive: zipfile.ZipFile) -> None:
    names = Counter(archive.namelist())
    assert [name for name, count in names.items() if count > 1] == []


def test_deck_has_29_slides_in_order(archive: zipfile.ZipFile) -> None:
    slides = _slides_in_order(archive)
    assert slides == [f"ppt/slides/slide{n}.xml" for n in range(1, 30)]
    assert sorted(n for n in archive.namelist() if SLIDE.fullmatch(n)) == sorted(slides)


def test_slide_ids_are_unique_and_in_range(archive: zipfile.ZipFile) -> None:
    ids = [int(e.get("id")) for e in _xml(archive, "ppt/presentation.xml").findall("p:sldIdLst/p:sldId", NS)]
    assert len(set(ids)) == len(ids)
    assert all(256 <= i < 2**31 for i in ids), ids


def test_shape_ids_are_unique_per_slide(archive: zipfile.ZipFile) -> None:
    problems = []
    for name in sorted(archive.namelist()):
        if not re.fullmatch(r"ppt/(slides/slide|notesSlides/notesSlide)\d+\.xml", name):
            continue
        tree = _xml(archive, name).find("p:cSld/p:spTree", NS)
        ids = Counter(e.get("id") for e in tree.iter(f"{{{NS['p']}}}cNvPr"))
        repeated = {i: n for i, n in ids.items() if n > 1}
        if repeated:
            problems.append(f"{name}: repeated cNvPr ids {repeated}")
        if any(not (i or "").isdigit() for i in ids):
            problems.append(f"{name}: non-numeric cNvPr ids {sorted(ids)}")
    assert not problems, "\n".join(problems)


def test_every_relationship_target_exists(archive: zipfile.ZipFile) -> None:
    names = set(archive.namelist())
    problems = []
    for rels_name in sorted(n for n in names if n.endswith(".rels")):
        folder = posixpath.dirname(posixpath.dirname(rels_name))  # the source part's folder
        ids = Counter()
        for rel in _xml(archive, rels_name):
            ids[rel.get("Id")] += 1
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            resolved = posixpath.normpath(path)
            if resolved not in names:
                problems.append(f"{rels_name}: {rel.get('Id')} -> {target} ({resolved} is not in the package)")
        problems += [f"{rels_name}: relationship id {i} used {n} times" for i, n in ids.items() if n > 1]
    assert not problems, "\n".join(problems)


def test_every_part_has_a_content_type(archive: zipfile.ZipFile) -> None:
    types = _xml(archive, "[Content_Types].xml")
    defaults = {e.get("Extension").lower() for e in types.findall("ct:Default", NS)}
    overrides = {e.get("PartName").lower() for e in types.findall("ct:Override", NS)}
    uncovered = [
        name
        for name in archive.namelist()
        if name != "[Content_Types].xml"
        and not name.endswith("/")
        and "/" + name.lower() not in overrides
        and posixpath.basename(name).rpartition(".")[2].lower() not in defaults  # ".rels" has extension "rels"
    ]
    assert not uncovered, f"parts without a content type: {uncovered}"
    stale = sorted(p for p in overrides if p.lstrip("/") not in {n.lower() for n in archive.namelist()})
    assert not stale, f"Override entries for parts that do not exist: {stale}"


PML = "application/vnd.openxmlformats-officedocument.presentationml."
EXPECTED_TYPES = {
    re.compile(r"ppt/slides/slide\d+\.xml"): PML + "slide+xml",
    re.compile(r"ppt/slideLayouts/slideLayout\d+\.xml"): PML + "slideLayout+xml",
    re.compile(r"ppt/slideMasters/slideMaster\d+\.xml"): PML + "slideMaster+xml",
    re.compile(r"ppt/notesSlides/notesSlide\d+\.xml"): PML + "notesSlide+xml",
    re.compile(r"ppt/notesMasters/notesMaster\d+\.xml"): PML + "notesMaster+xml",
    re.compile(r"ppt/presentation\.xml"): PML + "presentation.main+xml",
}


def test_presentation_parts_have_their_own_content_type(archive: zipfile.ZipFile) -> None:
    """The Default for .xml is application/xml: a slide covered only by it does not open."""
    types = _xml(archive, "[Content_Types].xml")
    overrides = {e.get("PartName").lstrip("/"): e.get("ContentType") for e in types.findall("ct:Override", NS)}
    problems = [
        f"{name}: {overrides.get(name, 'no Override (falls back to the Default)')}, expected {expected}"
        for name in archive.namelist()
        for pattern, expected in EXPECTED_TYPES.items()
        if pattern.fullmatch(name) and overrides.get(name) != expected
    ]
    assert not problems, "\n".join(problems)


def test_slide_number_is_a_field_on_every_content_slide(archive: zipfile.ZipFile) -> None:
    problems = []
    for number, name in enumerate(_slides_in_order(archive), start=1):
        if number == 1:
            continue  # the cover
        placeholders = _placeholders(_xml(archive, name), "sldNum")
        if len(placeholders) != 1:
            problems.append(f"slide {number}: {len(placeholders)} slide-number placeholders")
            continue
        fields = placeholders[0].findall(".//a:fld[@type='slidenum']", NS)
        if len(fields) != 1:
            problems.append(f"slide {number}: no <a:fld type=\"slidenum\"> in the slide-number placeholder")
            continue
        shown = "".join(fields[0].itertext())
        if shown != str(number):
            problems.append(f"slide {number}: the slide-number field shows {shown!r}")
    assert not problems, "\n".join(problems)


def test_content_slides_have_date_and_unit_footers(archive: zipfile.ZipFile) -> None:
    problems = []
    for number, name in enumerate(_slides_in_order(archive), start=1):
        if number == 1:
            continue
        slide = _xml(archive, name)
        for kind, text in (("dt", "17.10.2019"), ("ftr", "Kehittämispalvelut")):
            shown = ["".join(sp.itertext()) for sp in _placeholders(slide, kind)]
            if shown != [text]:
                problems.append(f"slide {number}: {kind} placeholder(s) show {shown}, expected [{text!r}]")
    assert not problems, "\n".join(problems)


def test_cover_has_no_footer(archive: zipfile.ZipFile) -> None:
    cover = _slides_in_order(archive)[0]
    assert _layout_name(archive, cover) == "Cover"
    slide = _xml(archive, cover)
    found = {kind: len(_placeholders(slide, kind)) for kind in FOOTER_TYPES}
    assert found == dict.fromkeys(FOOTER_TYPES, 0)
    assert not slide.findall(".//a:fld", NS)


def test_two_builds_are_byte_identical(shipped_deck: bytes, tmp_path: Path) -> None:
    from tafollow.build import build

    first = build(SHIPPED_DATA, tmp_path / "one" / "deck.pptx").path.read_bytes()
    second = build(SHIPPED_DATA, tmp_path / "two" / "other-name.pptx").path.read_bytes()
    assert first == second
    assert first == shipped_deck
    assert build_deck_bytes(SHIPPED_DATA) == shipped_deck


def test_zip_entries_carry_no_build_time(archive: zipfile.ZipFile) -> None:
    stamps = {info.date_time for info in archive.infolist()}
    assert stamps == {(1980, 1, 1, 0, 0, 0)}
