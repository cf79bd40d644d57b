"""Text measuring: widths, line pitch and wrapping with Liberation Sans metrics."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from tafollow.design.measure import fits, line_height, paragraph_height, text_width, wrap

SENTENCE = "Sitovat toiminnalliset tavoitteet ja niiden toteutuminen vuonna 2025"
EPSILON = 1e-9


def test_empty_text_has_no_width():
    assert text_width("", 12) == 0
    assert text_width("", 12, bold=True) == 0


def test_longer_text_is_wider():
    assert text_width("Tavoitteet", 12) > text_width("Tavoite", 12) > 0


def test_bold_is_wider_than_regular():
    assert text_width(SENTENCE, 12, bold=True) > text_width(SENTENCE, 12)


def test_width_scales_linearly_with_size():
    ten = text_width(SENTENCE, 10)
    assert text_width(SENTENCE, 20) == pytest.approx(2 * ten)
    assert text_width(SENTENCE, 7.5) == pytest.approx(0.75 * ten)


def test_letters_differ_in_width():
    assert text_width("W", 12) > text_width("i", 12)
    assert text_width("WWW", 12) > 3 * text_width("iii", 12)


def test_width_is_the_sum_of_its_parts():
    whole = text_width(SENTENCE, 11)
    parts = sum(text_width(word, 11) for word in SENTENCE.split(" "))
    assert whole == pytest.approx(parts + SENTENCE.count(" ") * text_width(" ", 11))


@pytest.mark.parametrize("char", ["𝕏", "漢", "😀"])
def test_characters_the_font_lacks_count_one_em(char):
    assert text_width(char, 10) == pytest.approx(10)
    assert text_width(f"a{char}b", 10) == pytest.approx(text_width("ab", 10) + 10)


@pytest.mark.parametrize("mark", ["\u0301", "\u20dd", "\u200b", "\u200d", "\ufe0f", "\u2060"])
def test_combining_and_format_characters_have_no_width(mark):
    assert text_width(f"e{mark}", 10) == text_width("e", 10)


def test_decomposed_accent_measures_like_the_base_letter():
    assert text_width("Ha\u0308meenlinna", 10) == text_width("Hameenlinna", 10)


def test_tab_counts_four_spaces():
    assert text_width("a\tb", 10) == pytest.approx(text_width("a    b", 10))


def test_text_with_newlines_measures_its_widest_line():
    assert text_width("lyhyt\nhuomattavasti pidempi\nx", 10) == text_width(
        "huomattavasti pidempi", 10
    )


def test_line_height_is_single_spacing():
    # 1.2 em: what LibreOffice 7.4 drew for a .pptx, see line_height().
    assert line_height(10) == pytest.approx(12)
    assert line_height(20) == pytest.approx(2 * line_height(10))
    # Never less than the font's own pitch, hhea 2355/2048 em.
    assert line_height(10) >= 10 * 2355 / 2048


def test_short_text_is_one_line():
    assert wrap("Tavoite", 100, 10) == ["Tavoite"]


def test_empty_text_is_one_empty_line():
    assert wrap("", 100, 10) == [""]
    assert paragraph_height("", 100, 10) == line_height(10)


@pytest.mark.parametrize(
    ("text", "width", "size", "bold", "lines"),
    [
        # How LibreOffice 7.4 broke these in text boxes without insets.
        (
            "Sitovat toiminnalliset tavoitteet ja niiden toteutuminen vuonna 2025 sekä "
            "seuraavien vuosien arvioidut kehitysnäkymät tulosalueittain",
            200, 14, False,
            ["Sitovat toiminnalliset tavoitteet", "ja niiden toteutuminen vuonna",
             "2025 sekä seuraavien vuosien", "arvioidut kehitysnäkymät", "tulosalueittain"],
        ),
        (
            "Sitovat toiminnalliset tavoitteet ja niiden toteutuminen vuonna 2025 sekä "
            "seuraavien vuosien arvioidut kehitysnäkymät tulosalueittain",
            200, 14, True,
            ["Sitovat toiminnalliset", "tavoitteet ja niiden", "toteutuminen vuonna 2025",
             "sekä seuraavien vuosien", "arvioidut kehitysnäkymät", "tulosalueittain"],
        ),
        (
            "WWWW iiii WWWW iiii WAVE AWAY Tavoite täyttyy yli odotusten kaikilla mittareilla",
            150, 18, False,
            ["WWWW iiii", "WWWW iiii WAVE", "AWAY Tavoite", "täyttyy yli",
             "odotusten kaikilla", "mittareilla"],
        ),
        (
            "Lyhyt Erittäinpitkäsanajokaeimahdumillään yhdellerivillelaatikossa loppu",
            120, 16, False,
            ["Lyhyt", "Erittäinpitkäsana", "jokaeimahdumill", "ään",
             "yhdellerivillelaati", "kossa loppu"],
        ),
    ],
)
def test_wrap_breaks_where_libreoffice_does(text, width, size, bold, lines):
    assert wrap(text, width, size, bold) == lines


def test_newline_forces_a_break():
    assert wrap("a\nb", 1000, 10) == ["a", "b"]
    assert wrap("a\n\nb", 1000, 10) == ["a", "", "b"]


def test_wrap_keeps_every_character():
    # Every word fits these widths (the longest is about 58 pt at 10 pt).
    for width in (60, 80, 120, 200, 1000):
        lines = wrap(SENTENCE, width, 10)
        assert " ".join(lines) == SENTENCE


def test_wrap_keeps_repeated_spaces():
    text = "alku  keski   loppu"
    for width in (25, 40, 60, 1000):
        assert " ".join(wrap(text, width, 10)) == text
    # The extra spaces hang at the end of a line, as in LibreOffice.
    assert wrap(text, 40, 10) == ["alku ", "keski  ", "loppu"]


def test_wrap_breaks_an_overlong_word_without_losing_characters():
    word = "Tulosalueittaintarkasteltuna"
    lines = wrap(f"ja {word} ok", 50, 10)
    assert len(lines) > 2
    assert lines[0] == "ja"
    assert "".join(lines).replace(" ", "") == f"ja{word}ok"
    assert all(text_width(line, 10) <= 50 + EPSILON for line in lines)


def test_wrap_keeps_a_combining_mark_with_its_letter():
    word = "a\u0308" * 30
    for line in wrap(word, 20, 10):
        assert not line.startswith("\u0308")


def test_wrap_makes_progress_when_a_letter_is_wider_than_the_box():
    assert wrap("WW", 1, 10) == ["W", "W"]


def test_no_line_is_wider_than_the_box():
    rng = random.Random(20250101)
    vocabulary = SENTENCE.split() + ["WWW", "i", "Åland", "ääkköset", "x" * 40, "漢字", "-"]
    for _ in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 30)))
        width, size = rng.uniform(20, 400), rng.choice([8, 10, 11.5, 14, 24])
        bold = rng.random() < 0.5
        lines = wrap(text, width, size, bold)
        assert all(text_width(line, size, bold) <= width + EPSILON for line in lines), text
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_narrower_box_needs_at_least_as_many_lines():
    counts = [len(wrap(SENTENCE, width, 10)) for width in (400, 200, 100, 50)]
    assert counts == sorted(counts)
    assert counts[0] == 1 and counts[-1] > 1


def test_paragraph_height_is_lines_times_line_height():
    lines = wrap(SENTENCE, 80, 10)
    assert paragraph_height(SENTENCE, 80, 10) == pytest.approx(len(lines) * line_height(10))


def test_fits():
    assert fits(SENTENCE, 1000, line_height(10), 10)
    assert not fits(SENTENCE, 80, line_height(10), 10)


@pytest.mark.parametrize(("width", "size"), [(0, 10), (-5, 10), (100, 0)])
def test_wrap_rejects_nonpositive_width_or_size(width, size):
    with pytest.raises(ValueError):
        wrap("x", width, size)


def test_metrics_carry_the_font_license():
    data = json.loads(
        resources.files("tafollow.design").joinpath("fonts/liberation-sans.json").read_text()
    )
    assert "SIL Open Font License" in data["license"]
    assert "Red Hat" in data["license"]


def _liberation_sans(style: str) -> Path | None:
    name = f"LiberationSans-{style}.ttf"
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", f"Liberation Sans:style={style}"],
            capture_output=True, text=True, check=False,
        ).stdout.strip()
        if Path(found).name == name:
            return Path(found)
    for directory in ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"):
        if (Path(directory) / name).is_file():
            return Path(directory) / name
    return None


@pytest.mark.parametrize(("style", "bold"), [("Regular", False), ("Bold", True)])
def test_width_agrees_with_the_font_file(style, bold):
    ttlib = pytest.importorskip("fontTools.ttLib", reason="fontTools is not installed")
    path = _liberation_sans(style)
    if path is None:
        pytest.skip(f"LiberationSans-{style}.ttf is not installed (fonts-liberation2)")
    font = ttlib.TTFont(path)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    upem = font["head"].unitsPerEm
    text = "Sitovat toiminnalliset tavoitteet"
    expected = sum(hmtx[cmap[ord(c)]][0] for c in text) * 10 / upem
    assert text_width(text, 10, bold) == pytest.approx(expected, abs=1e-9)
    # And the table holds every character of the font, at its width.
    for codepoint, glyph in list(cmap.items())[::7]:
        assert text_width(chr(codepoint), upem, bold) == pytest.approx(hmtx[glyph][0])
