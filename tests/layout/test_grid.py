"""The designed deck, checked on the plan: type scale, grid, balanced pages, whole words, lists, structure.

The render tests (test_render_quality.py) judge the pages LibreOffice
draws; these check the layout stage's own promises directly and fast, on
the three data sets and on small hand-made cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tafollow.design import measure
from tafollow.design import style
from tafollow.build import DEFAULT_TEMPLATE
from tafollow.layout.fit import Block, Text, flow, keeps_words
from tafollow.layout.deck import layout
from tafollow.data.load import load
from tafollow.data.model import Project, ProjectFile, Report, Round
from tafollow.layout.plan import Paragraph, Shape, Table, TextBox
from tafollow.layout.progress import columns
from tafollow.writer.template import frames, open_template
from tafollow.languages import labels
from tafollow.data.yamlread import Document

REPO = Path(__file__).resolve().parents[2]
DATA_SETS = {"shipped": REPO / "data", "other-division": REPO / "tests" / "data" / "other-division",
             "stress": REPO / "tests" / "data" / "stress"}
FRAMES = frames(open_template(DEFAULT_TEMPLATE))


def _deck(path: Path, language: str | None = None):
    round_ = load(path)
    return layout(round_, labels(language or round_.report.language), FRAMES)


def _paragraphs(deck) -> list[Paragraph]:
    found = []
    for slide in deck.slides:
        for item in slide.items:
            if isinstance(item, TextBox):
                found += item.paragraphs
            elif isinstance(item, Shape):
                found += item.text
    return found


@pytest.mark.parametrize("name", DATA_SETS)
def test_every_text_size_is_on_the_type_scale(name: str) -> None:
    deck = _deck(DATA_SETS[name])
    sizes = {p.size for p in _paragraphs(deck)}
    sizes |= {item.size for slide in deck.slides for item in slide.items if isinstance(item, Table)}
    assert sizes <= set(style.SCALE), sorted(sizes - set(style.SCALE))
    assert len(style.SCALE) <= 10


@pytest.mark.parametrize("name", DATA_SETS)
def test_the_risks_column_starts_at_one_x(name: str) -> None:
    deck = _deck(DATA_SETS[name])
    xs = {item.rect.x for slide in deck.slides for item in slide.items
          if isinstance(item, TextBox) and item.name == "Risks"}
    assert xs == {columns(FRAMES.body)[1].x}


@pytest.mark.parametrize("name", DATA_SETS)
def test_content_starts_at_one_left_margin(name: str) -> None:
    """Free text, chart, tables and titles on content slides never start left of the body's edge."""
    deck = _deck(DATA_SETS[name])
    margin = FRAMES.body.x
    lefts = {round(item.rect.x, 1) for slide in deck.slides if slide.kind not in ("cover", "title")
             for item in slide.items if not (isinstance(item, TextBox) and item.name.startswith("Milestone"))}
    assert min(lefts) == margin
    titles = {item.rect.x for slide in deck.slides for item in slide.items
              if isinstance(item, TextBox) and item.placeholder == "Title"}
    assert titles <= {FRAMES.title.x, FRAMES.cover_title.x, FRAMES.project_title.x}


@pytest.mark.parametrize("name", DATA_SETS)
def test_words_stay_whole_in_every_box(name: str) -> None:
    deck = _deck(DATA_SETS[name])
    broken = [p.text for slide in deck.slides for item in slide.items if isinstance(item, TextBox)
              for p in item.paragraphs if not keeps_words(p, item.rect.w, item.inset_x)]
    assert broken == []


def test_a_list_hangs_by_its_widest_number() -> None:
    deck = _deck(DATA_SETS["other-division"])
    numbered = [p for p in _paragraphs(deck) if p.bullet == "number" and p.number >= 10]
    assert numbered, "the data set has a list of ten or more"
    for p in numbered:
        assert p.hang >= measure.text_width(f"{p.number}.", p.size) + 0.4 * p.size, p


def _blocks(count: int, words: int = 30) -> list[Block]:
    return [Block((Text(" ".join(["riski"] * words), bullet="number", number=n),), gap=0.5)
            for n in range(1, count + 1)]


def test_continuation_pages_carry_a_fair_share() -> None:
    """Twelve equal risks that need two pages at the floor go six and six, not eleven and one."""
    blocks = _blocks(12)
    pages = flow(blocks, (300.0, 380.0), (300.0, 380.0), style.BODY)
    assert len(pages) == 2
    assert [len(page.blocks) for page in pages] == [6, 6]


def test_each_continuation_page_is_fitted_on_its_own() -> None:
    """Seven long risks: too many for one page at the floor, so 4 + 3, and the lighter page is set larger."""
    pages = flow(_blocks(7, 60), (300.0, 380.0), (300.0, 380.0), style.BODY)
    assert [len(page.blocks) for page in pages] == [4, 3]
    assert pages[1].size > pages[0].size > style.BODY.floor


def test_a_single_line_of_a_paragraph_is_never_left_alone() -> None:
    text = " ".join(["sana"] * 600)
    pages = flow([Block((Text(text),))], (300.0, 200.0), (300.0, 200.0), style.BODY)
    assert len(pages) > 1
    from tafollow.layout.fit import lines_of

    for page in pages:
        paragraph = page.paragraphs(style.BODY.floor)[0]
        assert len(lines_of(paragraph, 300.0)) >= 2


def _project(**changes) -> Round:
    data = {"name": "P", "owner": "O", "managers": ["M"], "updated": "1.1.2020", "goal": {"paragraphs": ["x"]},
            "progress": {"lanes": [{"phases": [{"name": "A", "status": "done"}]}], "steps": ["Askel"]},
            "forecast": {"status": "on_track"}, **changes}
    project = Project.model_validate(data)
    report = Report.model_validate({"title": "T", "as_of": "1.1.2020", "unit": "U"})
    return Round(Path("."), report, [ProjectFile(Path("p.yaml"), project, Document(data))])


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_project_without_risks_says_so(language: str) -> None:
    deck = layout(_project(), labels(language), FRAMES)
    risks = [item for slide in deck.slides for item in slide.items if isinstance(item, TextBox) and item.name == "Risks"]
    assert [p.text for p in risks[0].paragraphs] == [labels(language)("risks_heading"), labels(language)("no_risks")]


def test_a_wide_table_gets_its_own_page_at_the_full_width() -> None:
    columns_ = [f"Sarake{i}" for i in range(9)]
    rows = [{"label": f"rivi {i}", "values": [100 + i] * 9} for i in range(6)]
    deck = layout(_project(tables=[{"columns": columns_, "rows": rows}]), labels("fi"), FRAMES)
    tables = [(index, item) for index, slide in enumerate(deck.slides) for item in slide.items
              if isinstance(item, Table)]
    assert tables
    for index, table in tables:
        assert table.rect.w == FRAMES.body.w
        assert not any(isinstance(item, TextBox) and item.name == "Steps" for item in deck.slides[index].items)


def test_table_columns_keep_header_words_and_totals_whole() -> None:
    deck = _deck(DATA_SETS["other-division"])
    for slide in deck.slides:
        for item in slide.items:
            if isinstance(item, Table):
                for r, row in enumerate(item.rows):
                    bold = r == 0 or (item.total and r == len(item.rows) - 1)
                    for cell, width in zip(row, item.column_widths):
                        paragraph = Paragraph(cell, item.size, bold=bold)
                        assert keeps_words(paragraph, width, item.inset_x), (cell, width)
                        if r and item.numeric and cell and cell[0].isdigit():
                            from tafollow.layout.fit import lines_of

                            assert len(lines_of(paragraph, width, item.inset_x)) == 1, cell


def test_adjacent_phases_keep_a_gap_and_a_percent_is_drawn() -> None:
    lanes = [{"phases": [{"name": "A", "status": "done"}, {"name": "B", "status": "done"},
                         {"name": "C", "status": "doing", "percent": 40}]}]
    deck = layout(_project(progress={"lanes": lanes, "steps": ["s"]}), labels("fi"), FRAMES)
    shapes = [item for slide in deck.slides for item in slide.items if isinstance(item, Shape)]
    phases = [s for s in shapes if s.name in ("Phase 1", "Phase 2", "Phase 3")]
    for left, right in zip(phases, phases[1:]):
        assert left.rect.right < right.rect.x + 14.0  # the point ends short of the next notch's tip
    track = next(s for s in shapes if s.name == "Phase 3 track")
    done = next(s for s in shapes if s.name.startswith("Phase 3 done"))
    assert done.rect.w == pytest.approx(track.rect.w * 0.4)


def test_step_details_are_set_under_and_smaller_than_their_step() -> None:
    steps = [{"text": "Askel", "details": ["Lisätieto"]}]
    deck = layout(_project(progress={"lanes": [{"phases": [{"name": "A", "status": "done"}]}], "steps": steps}),
                  labels("fi"), FRAMES)
    box = next(item for slide in deck.slides for item in slide.items if isinstance(item, TextBox)
               and item.name == "Steps")
    step, detail = box.paragraphs
    assert detail.size < step.size or step.size == style.SCALE[0]
    assert detail.color == style.GREY and detail.indent == step.hang


def test_colours_are_named_only_in_the_style_module() -> None:
    import re

    hex_colour = re.compile(r'"[0-9A-F]{6}"')
    # check/ and ooxml/ read any deck's colours (a theme's default text, DrawingML's preset
    # names); they are not part of the deck's design.
    package = REPO / "tafollow"
    for path in package.rglob("*.py"):
        where = path.relative_to(package).as_posix()
        if where != "design/style.py" and not where.startswith(("check/", "ooxml/")):
            assert not hex_colour.search(path.read_text(encoding="utf-8")), where
