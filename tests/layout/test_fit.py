"""Fitting text to its box: what a reader sees is every word, whole, at the largest size that fits."""

from __future__ import annotations

from tafollow.design import style
from tafollow.layout.fit import Block, Text, box_height, fitted_box, flow, keeps_words, lines_of, sized
from tafollow.layout.plan import Paragraph, Rect

WIDE = Rect(36.0, 100.0, 600.0, 200.0)


def test_a_short_title_is_set_at_its_designed_size() -> None:
    box = fitted_box(WIDE, "Harrastuspassi", style.SLIDE_TITLE)
    (paragraph,) = box.paragraphs
    assert paragraph.size == style.SLIDE_TITLE.design
    assert box_height(box.paragraphs, box.rect.w) <= box.rect.h


def test_a_long_title_shrinks_along_the_scale_until_it_fits() -> None:
    rect = Rect(36.0, 20.0, 400.0, 80.0)
    text = "Kulttuurin ja vapaa-ajan toimialan asiakaspalautteen kokoaminen ja sen seuraaminen"
    box = fitted_box(rect, text, style.SLIDE_TITLE)
    (paragraph,) = box.paragraphs
    assert paragraph.size in style.sizes(style.SLIDE_TITLE)
    assert paragraph.size < style.SLIDE_TITLE.design
    assert box_height(box.paragraphs, rect.w) <= rect.h
    # One step up the scale would not have fitted: the size is the largest that does.
    larger = style.step(paragraph.size, 1)
    assert larger > paragraph.size
    assert box_height([Paragraph(text, larger)], rect.w) > rect.h


def test_a_long_word_is_kept_whole_at_a_smaller_size_rather_than_broken() -> None:
    word = "Kulttuuripalvelukokonaisuusuudistus"
    rect = Rect(0.0, 0.0, 260.0, 200.0)
    box = fitted_box(rect, word, style.GOAL)
    (paragraph,) = box.paragraphs
    assert keeps_words(paragraph, rect.w)
    assert lines_of(paragraph, rect.w) == (word,)
    assert paragraph.size < style.GOAL.design  # at the designed size the word would have been broken


def test_text_too_long_for_one_page_goes_on_to_the_next_and_loses_nothing() -> None:
    texts = [f"Vaihe {n}: kirjastojen, nuorisotalojen ja liikuntapaikkojen yhteinen varausjärjestelmä." for n in range(40)]
    blocks = [Block((Text(text),)) for text in texts]
    pages = flow(blocks, (300.0, 200.0), (300.0, 200.0), style.BODY)
    assert len(pages) > 1
    written = [p.text for page in pages for p in page.paragraphs()]
    assert written == texts
    for page in pages:
        assert box_height(page.paragraphs(), 300.0) <= 200.0 + 0.01
        assert page.size in style.sizes(style.BODY)


def test_list_paragraphs_carry_their_bullet_font_line_pitch_and_hanging_indent() -> None:
    blocks = [Block((Text("Ensimmäinen", bullet="number", number=1),)), Block((Text("Kohta", bullet="•"),))]
    numbered, bulleted = sized(blocks, 16.0)
    assert numbered.bullet_font == style.NUMBER_FONT and bulleted.bullet_font == style.BULLET_FONT
    assert numbered.line_pitch == style.line_pitch(16.0) == bulleted.line_pitch
    # Both kinds of list hang their text at the same indent, so their text lines up.
    assert numbered.hang == bulleted.hang > 0
