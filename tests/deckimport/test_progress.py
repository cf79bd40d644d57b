"""Steps, details and notes: numbered by typing or automatically, details under their step."""

from __future__ import annotations

from slidebits import para, slide, table, text

from tafollow.deckimport.doubts import Checks
from tafollow.deckimport.progress_slide import read_progress
from tafollow.deckimport.slides import Page


def _page(number: int, *boxes: object, heading: str = "Ositettu tavoitteiden toteutuminen",
          continued: bool = False) -> Page:
    made = slide(number, *boxes)  # type: ignore[arg-type]
    return Page(made, "progress", heading, continued, list(made.boxes))


def test_typed_numbers_indented_details_and_a_note() -> None:
    steps = text(36, 200, 300, 300, "1. Innovaatiokilpailu", para("Hankinta tehty", level=1),
                 "2) Kehitys", para("Tuotanto", indent=18.0), para("Koekäyttö", indent=18.0), "3. Julkaisu",
                 para("Lautakunta päättää joulukuussa.", bold=True))
    checks = Checks()
    progress, tables = read_progress([_page(4, steps)], 720, "fi", checks)
    assert progress["steps"] == [
        {"text": "Innovaatiokilpailu", "status": "todo", "details": ["Hankinta tehty"]},
        {"text": "Kehitys", "status": "todo", "details": ["Tuotanto", "Koekäyttö"]},
        {"text": "Julkaisu", "status": "todo"}]
    assert progress["notes"] == ["Lautakunta päättää joulukuussa."]
    assert tables == [] and "heading" not in progress
    assert [c.path for c in checks.items] == [("progress", "steps")]  # no chart: every step todo


def test_automatic_numbering_keeps_typed_looking_text() -> None:
    steps = text(36, 200, 300, 300, para("2019: valmistelu", bullet="number"), para("1. osa", bullet="number"))
    progress, _ = read_progress([_page(4, steps, heading="Vaiheet")], 720, "fi", Checks())
    assert [s["text"] for s in progress["steps"]] == ["2019: valmistelu", "1. osa"]
    assert progress["heading"] == "Vaiheet"


def test_a_table_continued_on_the_next_slide_with_its_caption() -> None:
    header = ("", "A", "B")
    first = _page(5, text(36, 200, 300, 100, "1. Vaihe"), text(380, 180, 300, 18, "Tilat alueittain"),
                  table(380, 200, header, ("x", "1", "2")))
    second = _page(6, text(380, 80, 300, 18, "Tilat alueittain"), table(380, 100, header, ("y", "3", "4")),
                   heading="Ositettu tavoitteiden toteutuminen", continued=True)
    _, tables = read_progress([first, second], 720, "fi", Checks())
    assert tables == [{"title": "Tilat alueittain", "columns": ["A", "B"],
                       "rows": [{"label": "x", "values": [1, 2]}, {"label": "y", "values": [3, 4]}]}]


def test_text_before_the_steps_is_kept_as_a_note_and_marked() -> None:
    checks = Checks()
    progress, _ = read_progress([_page(4, text(36, 100, 300, 300, "Tilanne lokakuussa", "1. Vaihe"))], 720, "fi",
                                checks)
    assert progress["notes"] == ["Tilanne lokakuussa"] and progress["steps"] == [{"text": "Vaihe", "status": "todo"}]
    assert ("progress", "notes") in [c.path for c in checks.items]
