"""Tests for the master template templates/ta-seuranta.pptx and its generator."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

REPO_ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = REPO_ROOT / "templates" / "ta-seuranta.pptx"
GENERATOR = REPO_ROOT / "tools" / "make_template.py"

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

EXPECTED_LAYOUTS = {
    "Cover": {
        "Title": PP_PLACEHOLDER.CENTER_TITLE,
        "Subtitle": PP_PLACEHOLDER.SUBTITLE,
    },
    "Project title": {
        "Kicker": PP_PLACEHOLDER.BODY,
        "Title": PP_PLACEHOLDER.TITLE,
        "Details": PP_PLACEHOLDER.BODY,
        "Date": PP_PLACEHOLDER.DATE,
        "Footer": PP_PLACEHOLDER.FOOTER,
        "Slide Number": PP_PLACEHOLDER.SLIDE_NUMBER,
    },
    "Content": {
        "Title": PP_PLACEHOLDER.TITLE,
        "Body": PP_PLACEHOLDER.BODY,
        "Date": PP_PLACEHOLDER.DATE,
        "Footer": PP_PLACEHOLDER.FOOTER,
        "Slide Number": PP_PLACEHOLDER.SLIDE_NUMBER,
    },
}
FOOTER_NAMES = {
    PP_PLACEHOLDER.DATE: "Date",
    PP_PLACEHOLDER.FOOTER: "Footer",
    PP_PLACEHOLDER.SLIDE_NUMBER: "Slide Number",
}


@pytest.fixture(scope="module")
def prs():
    return Presentation(str(TEMPLATE))


@pytest.fixture(scope="module")
def theme(prs):
    part = prs.slide_master.part.part_related_by(RT.THEME)
    return etree.fromstring(part.blob)


def layout_by_name(prs, name):
    return next(layout for layout in prs.slide_layouts if layout.name == name)


def has_slidenum_field(shape) -> bool:
    return any(fld.get("type") == "slidenum" for fld in shape._element.iter(f"{A}fld"))


def test_slide_size_is_16_9(prs):
    assert prs.slide_width == 12192000
    assert prs.slide_height == 6858000


def test_exactly_the_three_layouts(prs):
    assert [layout.name for layout in prs.slide_layouts] == list(EXPECTED_LAYOUTS)
    # one master, and it relates to exactly these three layouts
    assert len(prs.slide_masters) == 1
    master_part = prs.slide_master.part
    layout_rels = [r for r in master_part.rels.values() if r.reltype == RT.SLIDE_LAYOUT]
    assert len(layout_rels) == 3


@pytest.mark.parametrize("layout_name", list(EXPECTED_LAYOUTS))
def test_layout_placeholders(prs, layout_name):
    layout = layout_by_name(prs, layout_name)
    found = {ph.name: ph.placeholder_format.type for ph in layout.placeholders}
    assert found == EXPECTED_LAYOUTS[layout_name]

    names = [shape.name for shape in layout.shapes]
    assert len(names) == len(set(names)), "shape names must be unique within a layout"
    ids = [shape.shape_id for shape in layout.shapes]
    assert len(ids) == len(set(ids)), "shape ids must be unique within a layout"

    # every placeholder has an explicit position inside the slide
    for ph in layout.placeholders:
        assert ph.left >= 0 and ph.top >= 0
        assert ph.left + ph.width <= prs.slide_width
        assert ph.top + ph.height <= prs.slide_height


@pytest.mark.parametrize("layout_name", ["Project title", "Content"])
def test_content_layouts_have_footer_placeholders(prs, layout_name):
    layout = layout_by_name(prs, layout_name)
    by_type = {ph.placeholder_format.type: ph for ph in layout.placeholders}
    for ph_type, name in FOOTER_NAMES.items():
        assert ph_type in by_type
        assert by_type[ph_type].name == name
    assert has_slidenum_field(by_type[PP_PLACEHOLDER.SLIDE_NUMBER])


def test_master_has_footer_placeholders(prs):
    by_type = {ph.placeholder_format.type: ph for ph in prs.slide_master.placeholders}
    for ph_type, name in FOOTER_NAMES.items():
        assert by_type[ph_type].name == name
    assert has_slidenum_field(by_type[PP_PLACEHOLDER.SLIDE_NUMBER])


def test_no_autofit_on_text_placeholders(prs):
    parts = [prs.slide_master, *prs.slide_layouts]
    for part in parts:
        for ph in part.placeholders:
            body_pr = ph._element.find(f".//{A}bodyPr")
            assert body_pr.find(f"{A}normAutofit") is None
            assert body_pr.find(f"{A}spAutoFit") is None


def test_theme_fonts_are_arial(theme):
    font_scheme = theme.find(f"{A}themeElements/{A}fontScheme")
    assert font_scheme.find(f"{A}majorFont/{A}latin").get("typeface") == "Arial"
    assert font_scheme.find(f"{A}minorFont/{A}latin").get("typeface") == "Arial"


def test_theme_colours(theme):
    scheme = theme.find(f"{A}themeElements/{A}clrScheme")
    assert scheme.get("name") == "Helsinki"

    def colour(slot):
        return scheme.find(f"{A}{slot}/{A}srgbClr").get("val").upper()

    assert colour("accent1") == "0000BF"
    assert colour("accent2") == "0072C6"
    assert colour("dk1") == "000000"
    assert colour("lt1") == "FFFFFF"


def test_core_properties(prs):
    core = prs.core_properties
    assert core.title == "TA-seuranta"
    assert core.author == "tafollow"
    assert core.revision == 1
    assert core.created.year == 2019 and core.modified.year == 2019


def test_generator_is_deterministic(tmp_path):
    outputs = []
    for name in ("first.pptx", "second.pptx"):
        out = tmp_path / name
        subprocess.run([sys.executable, str(GENERATOR), "-o", str(out)], check=True,
                       capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_committed_template_is_up_to_date(tmp_path):
    out = tmp_path / "fresh.pptx"
    subprocess.run([sys.executable, str(GENERATOR), "-o", str(out)], check=True,
                   capture_output=True)
    # Compare entries rather than raw bytes: another zlib build may deflate
    # the same content differently.
    assert zip_entries(out) == zip_entries(TEMPLATE), (
        "templates/ta-seuranta.pptx is stale: run tools/make_template.py")


def zip_entries(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]
