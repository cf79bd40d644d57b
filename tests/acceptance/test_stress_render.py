"""The stress deck (tests/data/stress/: every prose field 4x longer) as a reader sees it.

Text that no longer fits must shrink to the floor size and continue on
slides titled "... (jatkuu)", and nothing may be lost on the way: every
word of each project's prose must be visible in the PDF (over all of the
project's pages), no word may straddle the slide edge, no two words may
overlap and no text may run down into the footer band. One build and one
LibreOffice conversion for the module.

Regenerate the data with tests/support/make_stress.py after changing data/.
"""

from __future__ import annotations

import re

import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation

import rendercheck
from conftest import SHIPPED_DATA, build_deck_bytes, describe_word, render_pages, text_below_body

STRESS = Path(__file__).resolve().parents[1] / "data" / "stress"
SHIPPED_SLIDES = 29
MIN_COVERAGE = 0.99
CONTINUED = " (jatkuu)"
CONTINUED_RE = re.compile(r" \(jatkuu(?: \d+/\d+)?\)$")
"""The continued mark: "(jatkuu)", or "(jatkuu 2/3)" when there are more than two pages."""


@dataclass(frozen=True)
class SlideInfo:
    number: int  # 1-based
    layout: str
    title: str


def prose(data_dir: Path) -> dict[str, str]:
    """Every prose text of every project in `data_dir`, by project name (in deck order)."""
    from tafollow.data.load import load

    texts_by_name: dict[str, str] = {}
    for file in load(data_dir).projects:
        project = file.project
        texts = [*project.goal.paragraphs, *project.goal.bullets]
        for step in project.progress.steps:
            texts += [step.text, *step.details]
        texts += project.progress.notes
        texts += project.forecast.narrative
        for risk in project.risks.items:
            texts += [risk.risk, *([risk.mitigation] if risk.mitigation else [])]
        texts_by_name[project.name] = "\n".join(texts)
    return texts_by_name


PROSE = prose(STRESS)


@pytest.fixture(scope="module")
def stress_deck() -> bytes:
    return build_deck_bytes(STRESS)


@pytest.fixture(scope="module")
def slides(stress_deck: bytes) -> list[SlideInfo]:
    presentation = Presentation(io.BytesIO(stress_deck))
    infos = []
    for number, slide in enumerate(presentation.slides, start=1):
        title = next((shape.text_frame.text for shape in slide.shapes if shape.name == "Title"), "")
        infos.append(SlideInfo(number, slide.slide_layout.name, title))
    return infos


@pytest.fixture(scope="module")
def pages(stress_deck: bytes, soffice: str, tmp_path_factory: pytest.TempPathFactory) -> list[rendercheck.Page]:
    return render_pages(stress_deck, tmp_path_factory.mktemp("stress-render"), soffice, name="stress")


def project_pages(slides: list[SlideInfo], pages: list[rendercheck.Page]) -> dict[str, rendercheck.Page]:
    """Each project's pages (its title slide up to the next one) joined into one page, words in order."""
    joined: dict[str, rendercheck.Page] = {}
    current: str | None = None
    for info, page in zip(slides, pages):
        if info.layout == "Project title":
            current = info.title
            joined[current] = rendercheck.Page(page.width, page.height, [])
        if current is not None:
            joined[current].words.extend(page.words)
    return joined


def repetition_coverage(text: str, page: rendercheck.Page) -> tuple[float, list[str]]:
    """Like `rendercheck.coverage`, but counting: a word written n times must be visible n times.

    Presence alone cannot notice that the fourth repetition of a paragraph
    fell off the slide while the first three are shown. A word counts as
    seen as often as it is a page word, or, failing that, as often as its
    letters occur in the page's letters run together (so a word broken over
    two lines still counts; short words are over-counted, long ones not).
    """
    wanted = Counter(rendercheck.normalise_words(text))
    page_words = rendercheck.normalise_words(rendercheck.page_text(page))
    have = Counter(page_words)
    compact = "".join(ch for ch in "".join(page_words) if ch.isalnum())
    missing: list[str] = []
    for word, count in wanted.items():
        key = "".join(ch for ch in word if ch.isalnum())
        seen = max(have[word], compact.count(key) if key else count)
        missing += [word] * max(0, count - seen)
    total = sum(wanted.values())
    return (1.0 - len(missing) / total if total else 1.0), missing


def test_stress_data_is_up_to_date_with_data() -> None:
    """The committed stress files are what tests/support/make_stress.py makes from the current data/."""
    import make_stress
    from tafollow.data.yamlread import read_yaml

    shipped = sorted(p.relative_to(SHIPPED_DATA) for p in SHIPPED_DATA.rglob("*.yaml"))
    stress = sorted(p.relative_to(STRESS) for p in STRESS.rglob("*.yaml"))
    assert stress == shipped, "rerun tests/support/make_stress.py"
    for relative in shipped:
        data = read_yaml((SHIPPED_DATA / relative).read_text(encoding="utf-8")).data
        if relative.parts[0] == "projects":
            data = make_stress.stretch(data)
        written = read_yaml((STRESS / relative).read_text(encoding="utf-8")).data
        assert written == data, f"tests/data/stress/{relative} is stale: rerun tests/support/make_stress.py"


def test_stress_prose_is_four_times_the_shipped_prose() -> None:
    shipped = prose(SHIPPED_DATA)
    assert list(shipped) == list(PROSE)
    for name, text in PROSE.items():
        assert len(text.split()) == 4 * len(shipped[name].split()), name


def test_stress_deck_continues_on_more_slides(slides: list[SlideInfo]) -> None:
    assert len(slides) > SHIPPED_SLIDES
    continued = [info for info in slides if CONTINUED_RE.search(info.title)]
    assert continued, "no slide title ends with '(jatkuu)'"
    for info in continued:
        previous = slides[info.number - 2]
        assert previous.layout == "Content" and CONTINUED_RE.sub("", previous.title) == CONTINUED_RE.sub(
            "", info.title
        ), f"slide {info.number} '{info.title}' does not continue slide {previous.number} '{previous.title}'"


@pytest.mark.slow
def test_stress_pdf_has_a_page_per_slide(slides: list[SlideInfo], pages: list[rendercheck.Page]) -> None:
    assert len(pages) == len(slides)


@pytest.mark.slow
@pytest.mark.parametrize("project", list(PROSE))
def test_every_word_of_the_prose_is_visible(project: str, slides: list[SlideInfo],
                                            pages: list[rendercheck.Page]) -> None:
    page = project_pages(slides, pages).get(project)
    assert page is not None, f"no title slide for {project!r}"
    share, missing = rendercheck.coverage(PROSE[project], page)
    assert share >= MIN_COVERAGE, f"{project}: coverage {share:.3f}; missing {missing}"


@pytest.mark.slow
@pytest.mark.parametrize("project", list(PROSE))
def test_every_repetition_of_the_prose_is_visible(project: str, slides: list[SlideInfo],
                                                  pages: list[rendercheck.Page]) -> None:
    page = project_pages(slides, pages).get(project)
    assert page is not None, f"no title slide for {project!r}"
    share, missing = repetition_coverage(PROSE[project], page)
    assert share >= MIN_COVERAGE, f"{project}: counted coverage {share:.3f}; missing occurrences {missing}"


@pytest.mark.slow
def test_no_word_off_page(slides: list[SlideInfo], pages: list[rendercheck.Page]) -> None:
    problems = [
        f"page {number} '{info.title}': {describe_word(word)} (page {page.width:.0f} x {page.height:.0f} pt)"
        for number, (info, page) in enumerate(zip(slides, pages), start=1)
        for word in rendercheck.off_page_words(page)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_no_overlapping_words(slides: list[SlideInfo], pages: list[rendercheck.Page]) -> None:
    problems = [
        f"page {number} '{info.title}': {describe_word(a)} overlaps {describe_word(b)}"
        for number, (info, page) in enumerate(zip(slides, pages), start=1)
        for a, b in rendercheck.overlapping_words(page)
    ]
    assert not problems, f"{len(problems)} overlapping pairs:\n" + "\n".join(problems)


@pytest.mark.slow
def test_no_text_overflows_into_the_footer(slides: list[SlideInfo], pages: list[rendercheck.Page]) -> None:
    problems = [
        f"page {number} '{info.title}': {describe_word(word)}"
        for number, (info, page) in enumerate(zip(slides, pages), start=1)
        for word in text_below_body(page, {"17.10.2019", "Kehittämispalvelut", str(number)})
    ]
    assert not problems, "\n".join(problems)


def test_repetition_coverage_notices_a_lost_repetition() -> None:
    page = rendercheck.Page(100, 100, [rendercheck.Word(w, 0, 0, 1, 1) for w in "Varaamo on kesken".split()])
    assert repetition_coverage("Varaamo on kesken", page) == (1.0, [])
    share, missing = repetition_coverage("Varaamo on kesken Varaamo on kesken", page)
    assert missing == ["varaamo", "on", "kesken"] and share == pytest.approx(0.5)
