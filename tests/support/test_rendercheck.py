"""Tests of the render-check helpers themselves.

The deck tests trust these helpers to say what a reader sees, so a helper
that always passes would hide real faults. The unit tests use hand-made
pages and need no LibreOffice; one integration test renders a tiny deck to
prove the LibreOffice -> pdftotext pipeline works on this machine.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rendercheck import (
    Page,
    RenderError,
    Word,
    coverage,
    normalise_words,
    off_page_words,
    overlapping_words,
    parse_bbox_xhtml,
    read_words,
    render_pdf,
    seed_slides,
)

SEED = Path(__file__).resolve().parents[1] / "reference" / "ta-seuranta-2019-10-21.txt"


def line_of_words(text: str, x: float = 10.0, y: float = 10.0, size: float = 10.0) -> list[Word]:
    """Lay `text` out as one line of words, 0.5 * size wide per character, 0.5 * size apart."""
    words = []
    for token in text.split():
        width = 0.5 * size * len(token)
        words.append(Word(token, x, y, x + width, y + 1.3 * size))
        x += width + 0.5 * size
    return words


def page_of(*lines: str, width: float = 960.0, height: float = 540.0) -> Page:
    """A page with each string of `lines` on its own line, 20 pt apart."""
    words: list[Word] = []
    for n, text in enumerate(lines):
        words += line_of_words(text, y=10.0 + 20.0 * n)
    return Page(width, height, words)


# ---------------------------------------------------------------- normalise


def test_normalise_words_lowercases_and_strips_edge_punctuation() -> None:
    text = "Tavoite on toteutumassa. ”Helsingissä on houkuttelevaa” (sitova mittari)."
    assert normalise_words(text) == [
        "tavoite", "on", "toteutumassa", "helsingissä", "on", "houkuttelevaa", "sitova", "mittari",
    ]


def test_normalise_words_keeps_inner_punctuation() -> None:
    text = "Päivitetty 9.10.2019 vapaa-ajan 40:een NPS:n Oma.Helsinki kirjautumisen/rekisteröinnin n. 120"
    assert normalise_words(text) == [
        "päivitetty", "9.10.2019", "vapaa-ajan", "40:een", "nps:n", "oma.helsinki",
        "kirjautumisen/rekisteröinnin", "n", "120",
    ]


def test_normalise_words_drops_punctuation_only_tokens() -> None:
    assert normalise_words("100 % • - – \uf0a0 52 /2019 %0%") == ["100", "52", "2019", "0"]


def test_normalise_words_folds_unicode_forms_and_invisible_characters() -> None:
    decomposed = "Ka\u0308ynnissa\u0308"  # "Käynnissä" with combining diaeresis
    assert normalise_words(decomposed) == ["käynnissä"]
    assert normalise_words("ﬁlosoﬁa\u00a0Tila\u00advaraus") == ["filosofia", "tilavaraus"]
    assert normalise_words("TEKEMÄTTÄ TEKEILLÄ TEHTY") == ["tekemättä", "tekeillä", "tehty"]


def test_normalise_words_of_empty_text() -> None:
    assert normalise_words("") == []
    assert normalise_words(" \n • ") == []


# ---------------------------------------------------------------- coverage


def test_coverage_full_when_every_word_is_shown() -> None:
    page = page_of("Ennuste tavoitteiden toteutumisesta ja riskit", "Tavoite on toteutumassa.")
    share, missing = coverage("Ennuste tavoitteiden toteutumisesta ja riskit\n\nTavoite on toteutumassa.", page)
    assert (share, missing) == (1.0, [])


def test_coverage_reports_missing_occurrences_in_seed_order() -> None:
    page = page_of("Riskit ja niihin varautuminen")
    share, missing = coverage("Riskit ja niihin varautuminen Haltu ei ole vahvistanut Haltu", page)
    assert missing == ["haltu", "ei", "ole", "vahvistanut", "haltu"]
    assert share == pytest.approx(4 / 9)


def test_coverage_tolerates_words_split_by_the_seed_extractor() -> None:
    page = page_of("Valmistelussa Käynnissä Valmis")
    share, missing = coverage("Valmistel\nussa Käynnissä Valmis", page)
    assert (share, missing) == (1.0, [])


def test_coverage_tolerates_words_joined_by_the_seed_extractor() -> None:
    page = page_of("kehitetään jatkossa järjestelmäkehityksen edetessä", "100 % 0%")
    share, missing = coverage("kehitetään jatkossajärjestelmäkehityksen edetessä 100 %0%", page)
    assert (share, missing) == (1.0, [])


def test_coverage_tolerates_words_broken_by_the_renderer() -> None:
    # A hyphenated break and a break between letters without a hyphen.
    page = page_of("vapaa-", "ajan Tilav", "arauspro", "sesseja")
    share, missing = coverage("vapaa-ajan tilavarausprosesseja", page)
    assert (share, missing) == (1.0, [])


def test_coverage_tolerates_inner_punctuation_differences() -> None:
    page = page_of("Riski 1: KuVan oma tarjonta")
    share, missing = coverage("Riski 1:KuVan oma tarjonta", page)
    assert (share, missing) == (1.0, [])


def test_coverage_tolerates_letter_spaced_words() -> None:
    page = page_of("T E K E M Ä T T Ä TEKEILLÄ TEHTY")
    assert coverage("TEKEMÄTTÄ TEKEILLÄ TEHTY", page) == (1.0, [])


def test_coverage_substring_fallback_does_not_cross_into_absent_words() -> None:
    page = page_of("Valmistelussa Käynnissä")
    share, missing = coverage("Valmistelussa Käynnissä Varaamossa aiemmin", page)
    assert missing == ["varaamossa", "aiemmin"]
    assert share == pytest.approx(0.5)


def test_coverage_of_an_empty_page_and_an_empty_seed() -> None:
    assert coverage("Tavoite", Page(960, 540, [])) == (0.0, ["tavoite"])
    assert coverage("  • ", Page(960, 540, [])) == (1.0, [])


# ---------------------------------------------------------------- off page


def test_off_page_words_finds_boxes_crossing_any_edge() -> None:
    inside = Word("inside", 0.0, 0.0, 960.0, 540.0)
    within_tolerance = Word("edge", -0.4, 100.0, 960.4, 120.0)
    right = Word("right", 913.9, 104.4, 965.1, 127.8)
    left = Word("left", -3.0, 200.0, 40.0, 220.0)
    top = Word("top", 100.0, -1.0, 140.0, 20.0)
    bottom = Word("bottom", 100.0, 530.0, 160.0, 541.0)
    page = Page(960.0, 540.0, [inside, within_tolerance, right, left, top, bottom])
    assert off_page_words(page) == [right, left, top, bottom]
    assert off_page_words(page, tolerance=6.0) == []


# ---------------------------------------------------------------- overlap


def test_overlapping_words_finds_text_on_top_of_text() -> None:
    # Two text boxes 5 pt apart, as LibreOffice rendered them.
    a1 = Word("Overlap", 584.6, 309.4, 655.3, 332.8)
    a2 = Word("first", 660.9, 309.4, 696.0, 332.8)
    b1 = Word("Overlap", 594.1, 304.4, 664.9, 327.8)
    b2 = Word("second", 670.5, 304.4, 734.5, 327.8)
    pairs = overlapping_words(Page(960, 540, [a1, a2, b1, b2]))
    # "first" grazes the first "Overlap" by 4 pt (9 % of its box): not reported.
    assert {frozenset(p) for p in pairs} == {frozenset((a1, b1)), frozenset((a2, b2))}


def test_overlapping_words_finds_a_small_word_under_a_big_one() -> None:
    big = Word("Yhteensä", 100.0, 100.0, 300.0, 150.0)
    small = Word("74", 280.0, 120.0, 295.0, 133.0)
    assert overlapping_words(Page(960, 540, [big, small])) == [(big, small)]


def test_overlapping_words_ignores_neighbours_in_a_line() -> None:
    touching = [
        Word("Tilojen", 47.1, 260.2, 106.0, 283.6),
        Word("vieminen", 105.5, 260.2, 194.9, 283.6),  # 0.5 pt kerning overlap
        Word("Varaamoon", 200.6, 260.2, 303.1, 283.6),
    ]
    assert overlapping_words(Page(960, 540, touching)) == []


@pytest.mark.parametrize(
    ("spacing", "expected"),
    [(1.00, False), (0.90, False), (0.85, False), (0.80, True), (0.70, True)],
)
def test_overlapping_words_follows_line_spacing(spacing: float, expected: bool) -> None:
    # pdftotext box = 1.30 x font size, LibreOffice line pitch = 1.20 x size x spacing.
    size = 28.0
    pitch = 1.2 * size * spacing
    upper = Word("jäi", 20.0, 100.0, 60.0, 100.0 + 1.3 * size)
    lower = Word("ÖÖÖ", 25.0, 100.0 + pitch, 90.0, 100.0 + pitch + 1.3 * size)
    assert bool(overlapping_words(Page(960, 540, [upper, lower]))) is expected


def test_overlapping_words_ignores_a_sliver() -> None:
    a = Word("a", 0.0, 0.0, 100.0, 30.0)
    only_one_point_wide = Word("b", 99.0, 0.0, 200.0, 30.0)
    corner = Word("c", 95.0, 25.0, 195.0, 55.0)  # 5 x 5 pt of a 100 x 30 box
    assert overlapping_words(Page(960, 540, [a, only_one_point_wide, corner])) == []


def test_overlapping_words_reports_exact_duplicates() -> None:
    word = Word("Tavoite", 10.0, 10.0, 80.0, 36.0)
    assert overlapping_words(Page(960, 540, [word, word])) == [(word, word)]


def test_overlapping_words_on_a_full_page_is_fast_and_clean() -> None:
    lines = [" ".join(f"sana{n}x{k}" for k in range(15)) for n in range(40)]
    page = page_of(*lines)
    assert len(page.words) == 600
    started = time.perf_counter()
    assert overlapping_words(page) == []
    assert time.perf_counter() - started < 0.5


# ---------------------------------------------------------------- seed + parsing


def test_seed_slides_splits_the_reference_into_29_slides() -> None:
    slides = seed_slides(SEED)
    assert len(slides) == 29
    assert slides[0].startswith("Sitovat toiminnalliset")
    assert slides[0].endswith("Ennuste toteutumisesta 21.10.2019")
    assert slides[1].startswith("TA-seuranta \nHarrastuspassi")
    assert slides[3].startswith("Ositettu tavoitteiden toteutuminen")
    assert "INNOVAATIOKILPAILU JA" in slides[3]
    assert "5. Jalkautus yhteistyössä koulujen kanssa" in slides[3]
    assert all(slide == slide.strip() for slide in slides)


def test_seed_slides_keeps_paragraph_breaks_inside_a_slide(tmp_path: Path) -> None:
    text = "\nOne\n\n\nstill one\n \n\t\n\n\nTwo\r\n\r\n\r\n\r\nThree\n"
    path = tmp_path / "seed.txt"
    path.write_bytes(text.encode("utf-8"))
    assert seed_slides(path) == ["One\n\n\nstill one", "Two", "Three"]


def test_parse_bbox_xhtml_reads_pages_words_and_entities() -> None:
    markup = """<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><doc>
  <page width="960.009449" height="540.000000">
    <flow><block xMin="1" yMin="2" xMax="3" yMax="4"><line xMin="1" yMin="2" xMax="3" yMax="4">
      <word xMin="47.112000" yMin="52.477650" xMax="98.429128" yMax="78.494550">Riski</word>
      <word xMin="130.5" yMin="52.4" xMax="172.2" yMax="78.4">a&lt;b&amp;c</word>
    </line></block></flow>
  </page>
  <page width="960" height="540">
  </page>
</doc></body></html>"""
    pages = parse_bbox_xhtml(markup)
    assert [(p.width, p.height, len(p.words)) for p in pages] == [(960.009449, 540.0, 2), (960.0, 540.0, 0)]
    assert pages[0].words[0] == Word("Riski", 47.112, 52.47765, 98.429128, 78.49455)
    assert pages[0].words[1].text == "a<b&c"
    assert pages[0].text == "Riski a<b&c"


def test_render_pdf_rejects_a_missing_deck(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        render_pdf(tmp_path / "absent.pptx", tmp_path)


def test_render_pdf_reports_libreoffice_output_when_no_pdf_appears(tmp_path: Path) -> None:
    fake = tmp_path / "fake-soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 0\n")
    fake.chmod(0o755)
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"not a deck")
    with pytest.raises(RenderError, match="could not be loaded"):
        render_pdf(deck, tmp_path / "out", soffice=str(fake))


# ---------------------------------------------------------------- LibreOffice


SLIDE_ONE = "Ositettu tavoitteiden toteutuminen"
SLIDE_ONE_BODY = (
    "Valmistelussa Käynnissä Valmis Varaamossa aiemmin. Sovelluksen koekäyttö marraskuun "
    "ensimmäisellä viikolla 2019 Enemmän yhdessä -hankkeen nuorten kanssa 9.10.2019."
)
SLIDE_TWO = "Riskit ja niihin varautuminen"


@pytest.fixture(scope="module")
def tiny_render(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Page], float]:
    """Render a two-slide deck once for the module; return its pages and the seconds taken."""
    from pptx import Presentation
    from pptx.util import Emu, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # 16:9, 960 x 540 pt
    blank = prs.slide_layouts[6]
    first = prs.slides.add_slide(blank)
    title = first.shapes.add_textbox(Pt(40), Pt(30), Pt(880), Pt(50)).text_frame
    title.word_wrap = True
    title.text = SLIDE_ONE
    title.paragraphs[0].runs[0].font.size = Pt(28)
    body = first.shapes.add_textbox(Pt(40), Pt(100), Pt(420), Pt(300)).text_frame
    body.word_wrap = True
    body.text = SLIDE_ONE_BODY
    body.paragraphs[0].line_spacing = 0.9  # lines close together must not count as overlapping
    body.paragraphs[0].runs[0].font.size = Pt(20)
    second = prs.slides.add_slide(blank)
    risks = second.shapes.add_textbox(Pt(40), Pt(30), Pt(880), Pt(50)).text_frame
    risks.word_wrap = True
    risks.text = SLIDE_TWO

    workdir = tmp_path_factory.mktemp("render")
    deck = workdir / "tiny.pptx"
    prs.save(deck)
    started = time.perf_counter()
    pdf = render_pdf(deck, workdir / "pdf", soffice=soffice)
    seconds = time.perf_counter() - started
    return read_words(pdf), seconds


@pytest.mark.slow
def test_libreoffice_render_shows_both_slides(tiny_render: tuple[list[Page], float]) -> None:
    pages, seconds = tiny_render
    print(f"LibreOffice conversion took {seconds:.1f} s")
    assert len(pages) == 2
    first, second = pages
    assert first.width == pytest.approx(960, abs=0.5)
    assert first.height == pytest.approx(540, abs=0.5)

    # The seed's split spelling still counts as shown.
    seed_first = f"{SLIDE_ONE}\n\n{SLIDE_ONE_BODY}".replace("Valmistelussa", "Valmistel\nussa")
    assert coverage(seed_first, first) == (1.0, [])
    assert coverage(SLIDE_TWO, second) == (1.0, [])
    assert {"riskit", "niihin", "varautuminen"} <= set(coverage(SLIDE_TWO, first)[1])

    for page in pages:
        assert off_page_words(page) == []
        assert overlapping_words(page) == []
