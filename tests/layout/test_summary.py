"""The overview slide (`build --summary`): a row per project, every text fitted, split when long.

Also the build command's terminal behaviour: the one-line summary and `--quiet`.
"""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation
from typer.testing import CliRunner

import rendercheck
from conftest import SHIPPED_DATA, render_pages
from tafollow.build import DEFAULT_TEMPLATE, deck_bytes
from tafollow.cli import app
from tafollow.layout.fit import box_height
from tafollow.design.style import LIGHTS
from tafollow.design.style import STATUS_FILL as COLORS
from tafollow.data.load import load
from tafollow.data.model import Round, done_share, phase_statuses
from tafollow.layout.plan import Shape, Slide, TextBox
from tafollow.writer.template import frames, open_template
from tafollow.layout.summary import summary_slides
from tafollow.languages import labels

MIN_PT = 9.0


@pytest.fixture(scope="module")
def shipped() -> Round:
    return load(SHIPPED_DATA)


@pytest.fixture(scope="module")
def slide_frames():  # type: ignore[no-untyped-def]
    return frames(open_template(DEFAULT_TEMPLATE))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(SHIPPED_DATA, tmp_path / "data")
    return tmp_path / "data"


def many(round_: Round, count: int, long_names: bool = False) -> Round:
    """`count` projects made from the shipped ones, with distinct (optionally very long) names."""
    files = []
    for i in range(count):
        file = round_.projects[i % len(round_.projects)]
        name = f"{file.project.name} {i}" + (" ja hyvin pitkä lisänimi, joka ei mahdu yhdelle riville" if long_names else "")
        files.append(replace(file, project=file.project.model_copy(update={"name": name})))
    return Round(round_.data_dir, round_.report, files)


def texts(slide: Slide, name: str) -> list[str]:
    return [p.text for item in slide.items if isinstance(item, TextBox) and item.name == name for p in item.paragraphs]


def assert_fits(slides: list[Slide], body) -> None:  # type: ignore[no-untyped-def]
    for number, slide in enumerate(slides, start=1):
        for item in slide.items:
            if isinstance(item, TextBox):
                assert box_height(item.paragraphs, item.rect.w, item.inset_x) <= item.rect.h + 0.01, (number, item)
                assert all(p.size >= MIN_PT for p in item.paragraphs), (number, item)
            if item.name.startswith("Summary"):
                rect = item.rect
                assert body.x - 0.01 <= rect.x and rect.right <= body.right + 0.01, (number, item)
                assert body.y - 0.01 <= rect.y and rect.bottom <= body.bottom + 0.01, (number, item)


def test_done_share_counts_phases_done(shipped: Round) -> None:
    by_name = {f.project.name: f.project for f in shipped.projects}
    assert done_share(by_name["Harrastuspassi"]) == pytest.approx(100 / 3)
    assert done_share(by_name["Oma.Helsinki - Asiakkuus"]) == pytest.approx(20.0)  # drawn from its steps
    assert [len(lane) for lane in phase_statuses(by_name["Tilavaraus"])] == [2, 2]


def test_one_slide_with_a_row_per_project(shipped: Round, slide_frames) -> None:  # type: ignore[no-untyped-def]
    slides = summary_slides(shipped, labels("fi"), slide_frames)
    assert len(slides) == 1
    slide = slides[0]
    assert slide.kind == "summary"
    assert texts(slide, "Title") == ["Yhteenveto"]
    assert texts(slide, "Summary project") == [f.project.name for f in shipped.projects]
    assert texts(slide, "Summary owner") == [f.project.owner for f in shipped.projects]
    assert texts(slide, "Summary header") == ["Projekti", "Omistaja", "Ennuste", "Valmiina", "Vaiheet"]
    assert texts(slide, "Summary progress")[0] == "33 %"
    lights = [item for item in slide.items if isinstance(item, Shape) and item.name.startswith("Summary light")]
    assert [light.fill for light in lights] == [LIGHTS[f.project.forecast.status] for f in shipped.projects]
    cells = [item for item in slide.items if isinstance(item, Shape) and item.name.startswith("Summary phase")]
    expected = [COLORS[s] for f in shipped.projects for lane in phase_statuses(f.project) for s in lane]
    assert [cell.fill for cell in cells] == expected
    assert_fits(slides, slide_frames.body)


def test_legend_names_every_light_and_status(shipped: Round, slide_frames) -> None:  # type: ignore[no-untyped-def]
    legend = texts(summary_slides(shipped, labels("fi"), slide_frames)[0], "Summary legend")
    # Statuses carry the mark the cells do, a cue besides colour.
    assert legend == ["Toteutumassa", "Vaarassa", "Ei toteudu", "Toteutunut", "TEKEMÄTTÄ", "\u2192\u00a0TEKEILLÄ",
                      "\u2713\u00a0TEHTY"]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_many_projects_split_over_slides(shipped: Round, slide_frames, language: str) -> None:  # type: ignore[no-untyped-def]
    round_ = many(shipped, 60, long_names=True)
    slides = summary_slides(round_, labels(language), slide_frames)
    assert len(slides) > 1
    heading = labels(language)("summary_heading")
    assert texts(slides[0], "Title") == [heading]
    assert all(texts(s, "Title") == [labels(language)("continued", heading, number, len(slides))]
               for number, s in enumerate(slides[1:], start=2))
    assert len({texts(s, "Title")[0] for s in slides}) == len(slides), "every overview slide has its own title"
    rows = [name for slide in slides for name in texts(slide, "Summary project")]
    assert rows == [f.project.name for f in round_.projects]
    assert_fits(slides, slide_frames.body)


def test_rows_fill_the_slide_before_splitting(shipped: Round, slide_frames) -> None:  # type: ignore[no-untyped-def]
    slides = summary_slides(many(shipped, 14), labels("fi"), slide_frames)
    assert len(slides) == 1
    assert_fits(slides, slide_frames.body)


def test_summary_slide_follows_the_cover(data: Path) -> None:
    out = data.parent / "deck.pptx"
    result = CliRunner().invoke(app, ["build", str(data), "-o", str(out), "--summary"])
    assert result.exit_code == 0, result.output
    slides = list(Presentation(io.BytesIO(out.read_bytes())).slides)
    assert len(slides) == 30
    titles = [shape.text_frame.text for shape in slides[1].shapes if shape.name == "Title"]
    assert titles == ["Yhteenveto"]


def test_summary_true_in_report_yaml_and_no_summary_overrides(data: Path) -> None:
    report = data / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "summary: true\n", encoding="utf-8")
    runner = CliRunner()
    assert "30 slides" in runner.invoke(app, ["build", str(data), "-o", str(data.parent / "a.pptx")]).output
    assert "29 slides" in runner.invoke(app, ["build", str(data), "-o", str(data.parent / "b.pptx"),
                                              "--no-summary"]).output


def test_build_prints_one_summary_line(data: Path) -> None:
    out = data.parent / "deck.pptx"
    result = CliRunner().invoke(app, ["build", str(data), "-o", str(out)])
    assert result.exit_code == 0
    assert re.fullmatch(rf"7 projects, 29 slides → {re.escape(str(out))} \(\d+\.\d s\)\n", result.stdout)


def test_build_quiet_prints_nothing(data: Path) -> None:
    result = CliRunner().invoke(app, ["build", str(data), "-o", str(data.parent / "deck.pptx"), "--quiet"])
    assert result.exit_code == 0
    assert result.output == ""


@pytest.mark.slow
def test_summary_renders_without_overlap(shipped: Round, soffice: str, tmp_path: Path) -> None:
    deck = deck_bytes(shipped, summary=True)
    page = render_pages(deck, tmp_path, soffice)[1]
    assert rendercheck.off_page_words(page) == []
    assert rendercheck.overlapping_words(page) == []
    for file in shipped.projects:
        assert file.project.name.split()[0] in page.text
