"""Slides are known by what they say: labels, titles (with a project name or a continued mark), content."""

from __future__ import annotations

from pathlib import Path

import pytest

from slidebits import figure, para, slide, table, text, title

from tafollow.data.model import SlideKind
from tafollow.deckimport.pptxread import Deck
from tafollow.deckimport.slides import group


def _deck(*slides: object) -> Deck:
    return Deck(tuple(slides), 720.0, 540.0)  # type: ignore[arg-type]


def _footer(number: int) -> list:
    return [text(36, 500, 100, 20, "17.10.2019"), text(250, 500, 200, 20, "Kehittämispalvelut"),
            text(640, 500, 40, 20, str(number))]


def test_cover_projects_and_continued_slides() -> None:
    deck = _deck(
        slide(1, title("Sitovat tavoitteet 2019"), text(36, 200, 600, 40, "Ennuste toteutumisesta 21.10.2019")),
        slide(2, title("Harrastuspassi"), text(36, 300, 600, 90, "Omistaja: Mikko Vatka", "Projektipäällikkö: Suvi",
                                                "Päivitetty 9.10.2019"), *_footer(2),
              notes="Lähde: 10-harrastuspassi.yaml, päivitetty 9.10.2019"),
        slide(3, title("Tavoitteet – Harrastuspassi"), text(36, 100, 600, 300, "Goal text"), *_footer(3)),
        slide(4, title("Tavoitteet – Harrastuspassi (jatkuu)"), text(36, 100, 600, 300, "More"), *_footer(4)),
        slide(5, title("Vaiheet"), figure(36, 100, 200, 50, "009246", "A"), figure(236, 100, 200, 50, "FFC000", "B"),
              *_footer(5)),
        slide(6, title("Ennuste – Harrastuspassi"), figure(36, 100, 16, 16, "009246", geometry="ellipse"),
              text(60, 100, 300, 300, "Tavoite on toteutumassa."), *_footer(6), notes="Kerro kiitos."),
    )
    grouped = group(deck)
    assert grouped.cover is not None and grouped.cover.heading == "Sitovat tavoitteet 2019"
    assert (grouped.footer.date, grouped.footer.unit, grouped.language) == ("17.10.2019", "Kehittämispalvelut", "fi")
    [project] = grouped.projects
    assert project.title is not None and project.title.heading == "Harrastuspassi"
    assert project.source == "10-harrastuspassi.yaml"
    goal = project.pages[SlideKind.GOAL]
    assert [(p.heading, p.continued) for p in goal] == [("Tavoitteet", False), ("Tavoitteet", True)]
    assert [p.slide.number for p in project.pages[SlideKind.PROGRESS]] == [5]
    assert [p.slide.number for p in project.pages[SlideKind.FORECAST]] == [6]
    assert project.notes == [(6, "Kerro kiitos.")]
    assert all(not any(b.text == "Kehittämispalvelut" for b in p.boxes) for p in goal)


def test_projects_without_title_slides_take_their_name_from_a_title() -> None:
    deck = _deck(
        slide(1, title("Tavoite – Eka"), text(36, 100, 600, 100, "Yksi")),
        slide(2, title("Ennuste tavoitteiden toteutumisesta ja riskit – Eka"), text(36, 100, 600, 100, "x")),
        slide(3, title("Tavoite – Toka"), text(36, 100, 600, 100, "Kaksi")),
        slide(4, title("Yhteenveto"), table(36, 100, ("Projekti", "Omistaja"), ("Eka", "A"))),
    )
    grouped = group(deck)
    assert grouped.cover is None and grouped.summary
    assert [p.name for p in grouped.projects] == ["Eka", "Toka"]


def test_labels_on_a_slide_without_a_title_placeholder() -> None:
    deck = _deck(slide(1, text(36, 300, 600, 90, para("Owner: Hanna Rautio\nProject managers: A and B"),
                               "Updated 14 October 2021"), text(36, 100, 600, 60, para("Trees", size=36.0))))
    grouped = group(deck)
    [project] = grouped.projects
    assert project.title is not None and project.title.heading is None and grouped.language == "en"


def test_a_cover_of_loose_text_boxes_is_the_cover_not_a_forecast_slide(tmp_path: Path) -> None:
    """Its subtitle "Ennuste toteutumisesta …" starts with the forecast heading's first word."""
    import io

    from pptx import Presentation
    from pptx.util import Pt

    from conftest import SHIPPED_DATA, build_deck_bytes
    from tafollow.deckimport import import_deck

    presentation = Presentation(io.BytesIO(build_deck_bytes(SHIPPED_DATA)))
    cover = presentation.slides[0]
    texts = [shape.text_frame.text for shape in cover.shapes if shape.has_text_frame]
    for shape in list(cover.shapes):
        shape._element.getparent().remove(shape._element)
    for number, text in enumerate(texts):
        cover.shapes.add_textbox(Pt(60), Pt(100 + 150 * number), Pt(800), Pt(80)).text_frame.text = text
    deck = tmp_path / "deck.pptx"
    presentation.save(str(deck))
    result = import_deck(deck, tmp_path / "data")
    report = (tmp_path / "data" / "report.yaml").read_text(encoding="utf-8")
    assert "title: Sitovat toiminnalliset tavoitteet 2019" in report
    assert result.projects == 7


@pytest.mark.parametrize(("line", "kind", "value"), [
    ("Omistaja: Sanna Heikkinen", "owner", "Sanna Heikkinen"),
    ("Omistaja, Sanna Heikkinen", "owner", "Sanna Heikkinen"),
    ("OMISTAJA – Sanna Heikkinen", "owner", "Sanna Heikkinen"),
    ("Omistaja\tSanna Heikkinen", "owner", "Sanna Heikkinen"),
    ("Omistaja Sanna Heikkinen", "owner", "Sanna Heikkinen"),
    ("Projektipäälliköt, A ja B", "managers", "A ja B"),
    ("Project managers: A and B", "managers", "A and B"),
    ("Ägare, Sanna Heikkinen", "owner", "Sanna Heikkinen"),
])
def test_labels_take_any_separator_and_case(line: str, kind: str, value: str) -> None:
    from tafollow.deckimport.slides import is_label_line, label_value

    assert is_label_line(line) == kind
    assert label_value(line) == value


def test_a_goal_paragraph_that_starts_with_a_label_word_is_no_label() -> None:
    from tafollow.deckimport.slides import is_label_line

    assert is_label_line("Omistaja on vastuussa siitä, että tavoite toteutuu.") is None


@pytest.mark.parametrize(("typed", "parts"), [
    ("17.4.2020   Kehittämispalvelut   3", ["17.4.2020", "Kehittämispalvelut", "3"]),
    ("17.4.2020\tKehittämispalvelut\t3", ["17.4.2020", "Kehittämispalvelut", "3"]),
    ("17.4.2020 Kehittämispalvelut 3", ["17.4.2020", "Kehittämispalvelut", "3"]),
    ("12", ["12"]),
])
def test_a_footer_typed_in_one_box_falls_into_its_parts(typed: str, parts: list[str]) -> None:
    from tafollow.deckimport.slides import footer_parts

    assert footer_parts(typed) == parts
