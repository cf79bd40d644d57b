"""Five things people do in PowerPoint that the import once misread, in Finnish, Swedish and English decks.

1. The kicker and the name in one title box, after a line break (Shift+Enter).
2. Footers typed as text boxes: one box ("17.4.2020   Kehittämispalvelut   3"),
   three boxes, or the slide number alone.
3. Labels written another way: "Omistaja, Sanna Heikkinen".
4. Verdicts not shaped like tafollow's: a red bold heading with no light; a
   verdict run into the narrative; the at-risk verdict beside a yellow light
   in a corner.
5. The legend typed as text: "■ TEKEMÄTTÄ ■ TEKEILLÄ ■ TEHTY".

Each deck has three projects, one per verdict and footer form; the words
come from the language files, the rest is typed as a person would.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Pt

from tafollow.data.load import load
from tafollow.deckimport import import_deck
from tafollow.languages import labels

UNIT = "Kehittämispalvelut"
FOOTER_DAY = date(2020, 4, 17)
PROJECTS = [  # name, owner, managers, status, verdict form, footer form
    ("Harrastuspassin käyttöönotto", "Sanna Heikkinen", ["Mika Leivo"], "off_track", "red heading", "one box"),
    ("Pikapalaute", "Leevi Kuokkanen", ["Suvi Ervamaa", "Kaarle Kurki"], "achieved", "run in", "three boxes"),
    ("Palvelupolut", "Tommi Laitio", ["Päivi Ojala"], "at_risk", "light in a corner", "number alone"),
]
NARRATIVE = ["60 pikapalautelaitetta on asennettu kirjastoihin.", "Laitteiden tiedot kerätään kuukausittain."]
STEP = "Laitteet hankitaan ja asennetaan"


def _text(slide: Any, x: float, y: float, w: float, text: str, *, size: float = 14, bold: bool = False,
          colour: str | None = None) -> Any:
    frame = slide.shapes.add_textbox(Pt(x), Pt(y), Pt(w), Pt(size * 2)).text_frame
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold = Pt(size), bold or None
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return frame


def _footer(slide: Any, say: Any, number: int, form: str) -> None:
    day = say("date", FOOTER_DAY)
    if form == "one box":
        _text(slide, 30, 505, 660, f"{day}   {UNIT}   {number}", size=9)
    elif form == "three boxes":
        _text(slide, 30, 505, 120, day, size=9)
        _text(slide, 260, 505, 200, UNIT, size=9)
        _text(slide, 650, 505, 40, str(number), size=9)
    else:
        _text(slide, 650, 505, 40, str(number), size=9)


def _deck(language: str, path: Path) -> None:
    say = labels(language)
    prs = Presentation()
    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = "Sitovat toiminnalliset tavoitteet 2020"
    cover.placeholders[1].text = say("cover_subtitle", date(2020, 4, 20))
    number = 1
    for name, owner, managers, status, form, footer in PROJECTS:
        title = prs.slides.add_slide(prs.slide_layouts[0])
        title.shapes.title.text = f"{say('kicker')}\v{name}"  # Shift+Enter between them
        for paragraph, text in enumerate([say("owner", owner).replace(":", ","),
                                          say("managers", managers).replace(":", ","),
                                          say("updated", date(2020, 4, 9))]):
            frame = title.placeholders[1].text_frame
            (frame.paragraphs[0] if paragraph == 0 else frame.add_paragraph()).text = text
        goal = prs.slides.add_slide(prs.slide_layouts[1])
        goal.shapes.title.text = say("goal_heading")
        goal.placeholders[1].text = "Pikapalautelaitteet ovat käytössä kaikissa kirjastoissa (sitova mittari)."
        progress = prs.slides.add_slide(prs.slide_layouts[5])
        progress.shapes.title.text = say("progress_heading")
        legend = " ".join(f"■ {say(f'status_{s}')}" for s in ("todo", "doing", "done"))
        _text(progress, 420, 90, 280, legend, size=9)
        for n, colour in enumerate(("00B050", "FFC000")):
            phase = progress.shapes.add_shape(MSO_SHAPE.CHEVRON, Pt(40 + 320 * n), Pt(130), Pt(300), Pt(50))
            phase.fill.solid()
            phase.fill.fore_color.rgb = RGBColor.from_string(colour)
            phase.text_frame.text = ("HANKINTA", "ASENNUS")[n]
        _text(progress, 40, 220, 600, f"1. {STEP}", size=12)
        forecast = prs.slides.add_slide(prs.slide_layouts[5])
        forecast.shapes.title.text = say("forecast_heading")
        verdict = say(f"forecast_{status}")
        if form == "red heading":
            _text(forecast, 40, 120, 600, verdict, size=20, bold=True, colour="C00000")
            body = _text(forecast, 40, 170, 600, NARRATIVE[0], size=12)
        elif form == "run in":
            body = _text(forecast, 40, 120, 600, f"{verdict} {NARRATIVE[0]}", size=12)
        else:
            light = forecast.shapes.add_shape(MSO_SHAPE.OVAL, Pt(670), Pt(20), Pt(24), Pt(24))
            light.fill.solid()
            light.fill.fore_color.rgb = RGBColor.from_string("FFC000")
            body = _text(forecast, 40, 120, 600, verdict, size=12)
            body.add_paragraph().text = NARRATIVE[0]
        body.add_paragraph().text = NARRATIVE[1]
        risks = _text(forecast, 40, 330, 600, say("risks_heading"), size=14, bold=True)
        risks.add_paragraph().text = "– Toimittaja ei ehdi."
        for slide in (title, goal, progress, forecast):
            number += 1
            _footer(slide, say, number, footer)
    prs.save(str(path))


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_five_cases_are_read_by_what_they_are(language: str, tmp_path: Path) -> None:
    _deck(language, tmp_path / "deck.pptx")
    import_deck(tmp_path / "deck.pptx", tmp_path / "data")
    round_ = load(tmp_path / "data")
    assert round_.report.unit == UNIT
    assert round_.report.language == language
    assert len(round_.projects) == 3  # none made up
    for file, (name, owner, managers, status, _, _) in zip(round_.projects, PROJECTS):
        project = file.project
        assert project.name == name
        assert (project.owner, list(project.managers)) == (owner, managers)
        assert project.updated == date(2020, 4, 9)
        goal = [*project.goal.paragraphs, *project.goal.bullets]  # the placeholder draws a bullet
        assert goal == ["Pikapalautelaitteet ovat käytössä kaikissa kirjastoissa (sitova mittari)."]
        assert [step.text for step in project.progress.steps] == [STEP]
        assert project.progress.notes == []  # the legend typed as text is no note
        assert project.forecast.status == status
        assert project.forecast.sentence is None  # the standard words of its status
        assert project.forecast.narrative == NARRATIVE
        assert [risk.risk for risk in project.risks.items] == ["Toimittaja ei ehdi."]
    texts = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "data").rglob("*.yaml")
                      if not p.name.endswith(".schema.json"))
    assert UNIT not in texts.replace(f"unit: {UNIT}", "")  # the footer is never content
    assert "■" not in texts
