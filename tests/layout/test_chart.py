"""The progress chart: every phase drawn once, in order, coloured and marked by its status."""

from __future__ import annotations

import pytest

from tafollow.data.model import Progress
from tafollow.design import style
from tafollow.languages import labels
from tafollow.layout.chart import LEGEND_H, chart
from tafollow.layout.plan import Rect, Shape, TextBox

AREA = Rect(36.0, 90.0, 648.0, 380.0)
SAY = labels("fi")


def progress(**fields: object) -> Progress:
    return Progress.model_validate(fields)


def phases(items: list) -> list[Shape]:  # type: ignore[type-arg]
    return [i for i in items if isinstance(i, Shape) and i.name.startswith("Phase") and " " not in i.name[6:]]


def test_phases_are_drawn_once_in_order_coloured_and_marked_by_status() -> None:
    lane = {"phases": [{"name": "Suunnittelu", "status": "done"}, {"name": "Toteutus", "status": "doing"},
                       {"name": "Käyttöönotto", "status": "todo"}]}
    (items, height), = chart(progress(lanes=[lane]), SAY, AREA)
    drawn = phases(items)
    assert [shape.name for shape in drawn] == ["Phase 1", "Phase 2", "Phase 3"]
    assert [shape.fill for shape in drawn] == [style.STATUS_FILL[s] for s in ("done", "doing", "todo")]
    # Not colour alone: a done phase carries a check mark, a phase under way an arrow.
    labels_ = [shape.text[0].text for shape in drawn]
    assert labels_ == ["\u2713\u00a0Suunnittelu", "\u2192\u00a0Toteutus", "Käyttöönotto"]
    assert all(shape.alt for shape in drawn)
    # Left to right, each starting where the one before it ends (less the point that reaches into it).
    assert [s.rect.x for s in drawn] == sorted(s.rect.x for s in drawn)
    assert 0 < height <= AREA.h
    assert all(item.rect.bottom <= AREA.y + height for item in items)


def test_a_doing_phase_with_a_percent_shows_a_bar_filled_that_far() -> None:
    lane = {"phases": [{"name": "Toteutus", "status": "doing", "percent": 40}, {"name": "Arviointi", "status": "todo"}]}
    (items, _), = chart(progress(lanes=[lane]), SAY, AREA)
    track = next(i for i in items if isinstance(i, Shape) and i.name == "Phase 1 track")
    done = next(i for i in items if isinstance(i, Shape) and i.name.startswith("Phase 1 done"))
    assert done.rect.w == pytest.approx(track.rect.w * 0.4)
    assert done.rect.x == track.rect.x
    first = phases(items)[0]
    assert [p.text for p in first.text][1] == SAY("percent", 40)
    assert not any(isinstance(i, Shape) and i.name.startswith("Phase 2 ") for i in items)


def test_a_chart_drawn_from_the_steps_numbers_its_phases() -> None:
    steps = [{"text": "Tarvekartoitus", "status": "done"}, {"text": "Pilotti", "status": "todo"}]
    (items, _), = chart(progress(steps=steps), SAY, AREA)
    assert [s.text[0].text for s in phases(items)] == ["\u2713\u00a01", "2"]


def test_many_lanes_go_on_to_more_pages_each_with_its_legend() -> None:
    lanes = [{"name": f"Kaista {n}", "phases": [{"name": "Vaihe", "status": "todo"}]} for n in range(12)]
    pages = chart(progress(lanes=lanes), SAY, AREA)
    assert len(pages) > 1
    names = [i.paragraphs[0].text for items, _ in pages for i in items
             if isinstance(i, TextBox) and i.paragraphs[0].text.startswith("Kaista")]
    assert names == [f"Kaista {n}" for n in range(12)]
    for items, _ in pages:
        assert all(item.rect.bottom <= AREA.bottom for item in items)  # nothing runs off the slide
        legend = [i for i in items if isinstance(i, Shape) and i.name.startswith("Legend")]
        assert len(legend) == 3 and all(i.rect.y < AREA.y + LEGEND_H for i in legend)


def test_span_and_milestones_come_under_the_lanes_at_their_place_on_the_scale() -> None:
    lane = {"phases": [{"name": "Suunnittelu", "status": "done"}, {"name": "Toteutus", "status": "todo"}]}
    (items, _), = chart(progress(lanes=[lane], span={"name": "Sidosryhmät", "status": "doing"},
                                 milestones=[{"name": "Lautakunta", "at": 100}, {"name": "Aloitus", "at": 0}]), SAY, AREA)
    lane_bottom = max(s.rect.bottom for s in phases(items))
    span = next(i for i in items if isinstance(i, Shape) and i.name == "Span")
    diamonds = [i for i in items if isinstance(i, Shape) and i.name == "Milestone"]
    assert span.rect.y > lane_bottom and all(d.rect.y > span.rect.y for d in diamonds)
    centres = sorted(d.rect.x + d.rect.w / 2 for d in diamonds)
    assert centres == [AREA.x, AREA.right]
    # A label reads away from the nearer end: left of a diamond past the middle.
    label = next(i for i in items if isinstance(i, TextBox) and i.paragraphs[0].text == "Lautakunta")
    assert label.rect.right <= AREA.right and label.paragraphs[0].align == "right"
