"""Layout keeps everything on the slide, however much the data holds."""

from __future__ import annotations

from pathlib import Path

from tafollow.build import DEFAULT_TEMPLATE
from tafollow.layout.deck import layout
from tafollow.data.load import ProjectFile, Round
from tafollow.data.model import Project, Report
from tafollow.layout.plan import Shape, Table, TextBox
from tafollow.writer.render import frames
from tafollow.writer.template import open_template
from tafollow.languages import labels
from tafollow.data.yamlread import Document

FRAMES = frames(open_template(DEFAULT_TEMPLATE))


def _deck(progress: dict, tables: list | None = None):
    data = {"name": "P", "owner": "O", "managers": ["M"], "updated": "1.1.2020", "goal": {"paragraphs": ["x"]},
            "progress": progress, "forecast": {"status": "on_track"}, "tables": tables or []}
    project = Project.model_validate(data)
    report = Report.model_validate({"title": "T", "as_of": "1.1.2020", "unit": "U"})
    return layout(Round(Path("."), report, [ProjectFile(Path("p.yaml"), project, Document(data))]),
                  labels("fi"), FRAMES)


def _inside_body(deck) -> list[str]:
    body = FRAMES.body
    problems = []
    for number, slide in enumerate(deck.slides, start=1):
        for item in slide.items:
            if isinstance(item, (Shape, Table)) or (isinstance(item, TextBox) and item.placeholder is None):
                if item.rect.bottom > body.bottom + 0.01 or item.rect.y < body.y - 0.01:
                    problems.append(f"slide {number}: {getattr(item, 'name', 'table')} at {item.rect}")
    return problems


def test_a_chart_of_many_lanes_continues_on_the_next_slide() -> None:
    lanes = [{"name": f"Kaista {i}", "phases": [{"name": f"VAIHE {i}", "status": "done"},
                                                 {"name": "B", "status": "todo"}]} for i in range(14)]
    deck = _deck({"lanes": lanes, "span": {"name": "SPAN", "status": "doing"},
                  "milestones": [{"name": "M", "at": 100}], "steps": ["Askel"]})
    phases = [sum(1 for item in slide.items if isinstance(item, Shape) and item.name.startswith("Phase"))
              for slide in deck.slides]
    assert sum(phases) == 28  # every phase drawn once
    assert len([count for count in phases if count]) >= 2  # over more than one slide
    assert _inside_body(deck) == []


def test_a_long_table_splits_between_rows_with_the_header_repeated() -> None:
    rows = [{"label": f"r{i}", "values": [i, i]} for i in range(60)]
    deck = _deck({"lanes": [{"phases": [{"name": "A", "status": "done"}]}], "steps": ["Askel"]},
                 [{"title": "Taulu", "columns": ["A", "B"], "rows": rows, "total": {"label": "Yht."}}])
    chunks = [item for slide in deck.slides for item in slide.items if isinstance(item, Table)]
    assert len(chunks) >= 2
    assert all(chunk.rows[0] == ("", "A", "B") for chunk in chunks)
    assert [row[0] for chunk in chunks for row in chunk.rows[1:]] == [f"r{i}" for i in range(60)] + ["Yht."]
    assert _inside_body(deck) == []
