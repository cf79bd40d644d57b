"""Colours people pick for a phase or a light are read as the palette colour they mean."""

from __future__ import annotations

import pytest
from lxml import etree

from tafollow.ooxml.colour import Theme, colour
from tafollow.deckimport.palette import LIGHTS, PHASES, nearest

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


@pytest.mark.parametrize("fill, status", [
    ("009246", "done"), ("00B050", "done"), ("70AD47", "done"), ("92D050", "done"), ("008000", "done"),
    ("FFC61E", "doing"), ("FFC000", "doing"), ("FFFF00", "doing"), ("FFD966", "doing"),
    ("DEDFE1", "todo"), ("D9D9D9", "todo"), ("BFBFBF", "todo"), ("FFFFFF", "todo"), ("808080", "todo"),
])
def test_phase_colours_that_are_almost_the_palette(fill: str, status: str) -> None:
    found = nearest(fill, PHASES)
    assert (found.key, found.sure) == (status, True)


def test_a_colour_of_no_status_is_a_guess() -> None:
    assert not nearest("4F81BD", PHASES).sure  # Office blue: no phase is blue


@pytest.mark.parametrize("fill, status", [
    ("00B050", "on_track"), ("4472C4", "achieved"), ("FFC000", "at_risk"), ("C00000", "off_track"),
    ("FF0000", "off_track"),
])
def test_traffic_lights(fill: str, status: str) -> None:
    assert nearest(fill, LIGHTS).key == status


def test_an_unlit_grey_light_is_a_guess() -> None:
    assert not nearest("D9D9D9", LIGHTS).sure


def _element(xml: str) -> etree._Element:
    return etree.fromstring(f'<a:root xmlns:a="{A}">{xml}</a:root>')[0]


def test_theme_colours_with_lighter_and_darker_variants() -> None:
    theme = Theme({"lt1": "FFFFFF", "accent6": "70AD47"})
    assert colour(_element('<a:schemeClr val="bg1"><a:lumMod val="75000"/></a:schemeClr>'), theme) == "BFBFBF"
    assert colour(_element('<a:schemeClr val="accent6"/>'), theme) == "70AD47"
    lighter = colour(_element('<a:schemeClr val="accent6"><a:lumMod val="60000"/><a:lumOff val="40000"/>'
                              '</a:schemeClr>'), theme)
    assert lighter is not None and nearest(lighter, PHASES).key == "done"
    assert colour(_element('<a:srgbClr val="ffc000"/>'), None) == "FFC000"
    assert colour(_element('<a:prstClr val="red"/>'), None) == "FF0000"
