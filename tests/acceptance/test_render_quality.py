"""Render quality of three data sets, as the layout issue measures it (see tests/support/quality.py).

For each data set in DATA_SETS -- the shipped data/, the stress data
(tests/data/stress/: every prose field four times longer) and another
division's English round (tests/data/other-division/) -- the deck is built
once and rendered once by LibreOffice; pdftotext reads every word with its
box. Then one test per criterion and data set:

(a) no source word lost, or broken inside a word;
(b) no overlapping word boxes, no word off the page;
(c) no list number glued to its text;
(d) no heading with nothing under it in its column, no content page with
    a title only;
(e) no continuation page with under a quarter of the body words of the
    page before it;
(f) no page of 20+ body words set under 11 pt that fills under half of the
    body area's height;

and on the shipped deck only: (g) at most 10 distinct text sizes, (h) the
risks column starts at one x (+-2 pt) on every forecast slide.

`test_zz_figures` prints every figure for every data set in every run
(past pytest's capture), failing or not. A data set folder that does not
exist fails its tests with a message saying so; nothing is skipped but for
the missing LibreOffice that the `soffice` fixture reports.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

import quality
import rendercheck
from conftest import REPO_ROOT, build_deck_bytes, describe_word, render_pages
from quality import BrokenWord, Continuation, GluedNumber, SlideInfo, TextFill

pytestmark = pytest.mark.slow

DATA_SETS: dict[str, Path] = {
    "shipped": REPO_ROOT / "data",
    "stress": REPO_ROOT / "tests" / "data" / "stress",
    "other-division": REPO_ROOT / "tests" / "data" / "other-division",
}
SHIPPED = "shipped"
MAX_TEXT_SIZES = 10
RISKS_X_TOLERANCE = 2.0
GEOMETRY = quality.template_geometry()


class MissingDataSet(Exception):
    """A data set's folder (or its report.yaml) does not exist."""


@dataclass
class Measured:
    """One data set built, rendered and measured against every criterion."""

    name: str
    folder: Path
    slides: list[SlideInfo]
    pages: list[rendercheck.Page]
    words_total: int = 0
    lost: list[tuple[str, str]] = field(default_factory=list)  # (project, word)
    broken: list[tuple[str, BrokenWord]] = field(default_factory=list)
    overlaps: list[tuple[int, rendercheck.Word, rendercheck.Word]] = field(default_factory=list)
    off_page: list[tuple[int, rendercheck.Word]] = field(default_factory=list)
    glued: list[tuple[int, GluedNumber]] = field(default_factory=list)
    lone: list[tuple[int, list[rendercheck.Word]]] = field(default_factory=list)
    title_only: list[int] = field(default_factory=list)
    continued: list[Continuation] = field(default_factory=list)
    sparse: list[tuple[int, TextFill]] = field(default_factory=list)
    sizes: dict[float, list[str]] = field(default_factory=dict)
    risks_x: list[tuple[int, float | None]] = field(default_factory=list)  # (page, x of the heading)

    def where(self, index: int) -> str:
        """'page 12 "Tavoite (jatkuu)"' for a 0-based page index."""
        title = self.slides[index].title if index < len(self.slides) else "?"
        return f"page {index + 1} {title!r}"


def _relative(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix() + "/"


def measure(name: str, workdir: Path, soffice: str) -> Measured:
    """Build and render data set `name` once, and apply every measurement of tests/support/quality.py to it."""
    from tafollow.data.load import load
    from tafollow.languages import labels as labels_of

    folder = DATA_SETS[name]
    if not (folder / "report.yaml").is_file():
        raise MissingDataSet(
            f"data set {name!r}: {_relative(folder)}report.yaml does not exist, so this data set cannot be "
            f"measured; create the data set (or remove it from DATA_SETS in {Path(__file__).name})"
        )
    round_ = load(folder)
    labels = labels_of(round_.report.language)
    deck = build_deck_bytes(folder)
    slides = quality.slide_infos(deck)
    pages = render_pages(deck, workdir, soffice, name=name)
    assert len(pages) == len(slides), f"{name}: {len(slides)} slides but {len(pages)} PDF pages"
    result = Measured(name, folder, slides, pages)
    number: Callable[[Any], str] = lambda value: labels("number", value)  # noqa: E731

    projects = {file.project.name: file.project for file in round_.projects}
    all_texts = [text for project in projects.values() for text in quality.source_texts(project, number)]
    for project_name, indexes in quality.project_pages(slides).items():
        project = projects[project_name]
        texts = quality.source_texts(project, number)
        check = quality.lost_and_broken_words(texts, [pages[i] for i in indexes])
        result.words_total += check.total
        result.lost += [(project_name, word) for word in check.lost]
        result.broken += [(project_name, replace(b, page=indexes[b.page])) for b in check.broken]
        headings = [project.risks.heading or labels("risks_heading"), *(t.title for t in project.tables if t.title)]
        headings += [project.goal.subheading] if project.goal.subheading else []
        risks_heading = project.risks.heading or labels("risks_heading")
        forecast_heading = project.forecast.heading or labels("forecast_heading")
        for i in indexes:
            result.lone += [(i, words) for words in quality.lone_headings(pages[i], headings, GEOMETRY)]
            # The forecast slide's title is its heading, then the project's name ("… – Harrastuspassi").
            if slides[i].title == f"{forecast_heading} – {project.name}" and slides[i].layout == "Content":
                found = quality.heading_positions(pages[i], risks_heading, GEOMETRY)
                result.risks_x.append((i, found[0].x_min if found else None))

    for i, (info, page) in enumerate(zip(slides, pages)):
        result.overlaps += [(i, a, b) for a, b in rendercheck.overlapping_words(page)]
        result.off_page += [(i, word) for word in rendercheck.off_page_words(page)]
        result.glued += [(i, glued) for glued in quality.glued_numbers(page, all_texts)]
        if info.layout == "Content":
            if quality.title_without_body(page, GEOMETRY):
                result.title_only.append(i)
            sparse = quality.sparse_small_text(page, GEOMETRY)
            if sparse is not None:
                result.sparse.append((i, sparse))
    result.continued = quality.continuations(pages, [s.title for s in slides], labels("continued", ""), GEOMETRY)
    result.sizes = quality.text_sizes(deck)
    return result


@pytest.fixture(scope="module")
def measured_sets() -> dict[str, Measured | MissingDataSet]:
    """Data sets measured so far in this module: each is built and rendered at most once."""
    return {}


def _measured(name: str, cache: dict[str, Measured | MissingDataSet], soffice: str,
              tmp_path_factory: pytest.TempPathFactory) -> Measured:
    if name not in cache:
        try:
            cache[name] = measure(name, tmp_path_factory.mktemp(f"quality-{name}"), soffice)
        except MissingDataSet as missing:
            cache[name] = missing
    result = cache[name]
    if isinstance(result, MissingDataSet):
        pytest.fail(str(result), pytrace=False)
    return result


@pytest.fixture(scope="module", params=list(DATA_SETS))
def data_set(request: pytest.FixtureRequest, measured_sets: dict[str, Measured | MissingDataSet], soffice: str,
             tmp_path_factory: pytest.TempPathFactory) -> Measured:
    return _measured(request.param, measured_sets, soffice, tmp_path_factory)


@pytest.fixture(scope="module")
def shipped(measured_sets: dict[str, Measured | MissingDataSet], soffice: str,
            tmp_path_factory: pytest.TempPathFactory) -> Measured:
    return _measured(SHIPPED, measured_sets, soffice, tmp_path_factory)


def _report(problems: list[str], what: str, data_set: Measured) -> str:
    return f"{data_set.name} ({_relative(data_set.folder)}): {len(problems)} {what}:\n" + "\n".join(problems)


# --------------------------------------------------------------------------
# Criteria on every data set


def test_a_no_source_word_lost_or_broken(data_set: Measured) -> None:
    problems = [f"{project}: {word!r} is not shown (lost)" for project, word in data_set.lost]
    problems += [
        f"{project}: {data_set.where(b.page)}: {b.word!r} is broken into "
        + " / ".join(repr(piece) for piece in b.pieces)
        + "".join(f"; {describe_word(w)}" for w in b.words)
        for project, b in data_set.broken
    ]
    assert not problems, _report(problems, f"of {data_set.words_total} source words lost or broken", data_set)


def test_b_no_overlapping_words(data_set: Measured) -> None:
    problems = [f"{data_set.where(i)}: {describe_word(a)} overlaps {describe_word(b)}"
                for i, a, b in data_set.overlaps]
    assert not problems, _report(problems, "overlapping word pairs", data_set)


def test_b_no_word_off_the_page(data_set: Measured) -> None:
    problems = [f"{data_set.where(i)}: {describe_word(word)} (page {data_set.pages[i].width:.0f} x "
                f"{data_set.pages[i].height:.0f} pt)" for i, word in data_set.off_page]
    assert not problems, _report(problems, "words off the page", data_set)


def test_c_no_list_number_glued_to_its_text(data_set: Measured) -> None:
    problems = [
        f"{data_set.where(i)}: {describe_word(g.number)} is a number run into its text"
        if g.next is None else
        f"{data_set.where(i)}: {describe_word(g.number)} is {g.gap_em:.2f} em from {describe_word(g.next)} "
        f"(at least {quality.MIN_NUMBER_GAP_EM} em wanted)"
        for i, g in data_set.glued
    ]
    assert not problems, _report(problems, "list numbers glued to their text", data_set)


def test_d_no_heading_without_text_under_it(data_set: Measured) -> None:
    problems = [
        f"{data_set.where(i)}: heading {' '.join(w.text for w in words)!r} from {describe_word(words[0])} "
        f"has no text under it in its column"
        for i, words in data_set.lone
    ]
    problems += [f"{data_set.where(i)}: the title has no text under it (empty body)" for i in data_set.title_only]
    assert not problems, _report(problems, "headings with nothing under them", data_set)


def test_e_continuation_pages_carry_a_quarter_of_the_page_before(data_set: Measured) -> None:
    problems = []
    for c in data_set.continued:
        if c.share < quality.MIN_CONTINUATION_SHARE:
            words = quality.body_words(data_set.pages[c.page], GEOMETRY)
            shown = " ".join(w.text for w in words[:12]) + (" ..." if len(words) > 12 else "")
            problems.append(
                f"{data_set.where(c.page)}: {c.words} body words, {c.share:.0%} of the {c.previous_words} on "
                f"{data_set.where(c.page - 1)}; its text: {shown!r}"
                + (f", from {describe_word(words[0])} to {describe_word(words[-1])}" if words else ""))
    assert not problems, _report(problems, f"continuation pages under {quality.MIN_CONTINUATION_SHARE:.0%} of the "
                                           "page before", data_set)


def test_f_no_sparse_page_of_small_text(data_set: Measured) -> None:
    problems = []
    for i, fill in data_set.sparse:
        words = quality.body_words(data_set.pages[i], GEOMETRY)
        top, bottom = min(w.y_min for w in words), max(w.y_max for w in words)
        problems.append(
            f"{data_set.where(i)}: {fill.words} body words at a median {fill.size:.1f} pt fill "
            f"{fill.fill:.0%} of the body's height (y {top:.1f}-{bottom:.1f} of {GEOMETRY.body_top:.0f}-"
            f"{GEOMETRY.body_bottom:.0f}); first {describe_word(words[0])}, last {describe_word(words[-1])}")
    assert not problems, _report(problems, "pages of small text (under 11 pt) filling under half the body", data_set)


# --------------------------------------------------------------------------
# Criteria on the shipped deck only


def test_g_shipped_deck_uses_at_most_10_text_sizes(shipped: Measured) -> None:
    sizes = shipped.sizes
    listing = "\n".join(f"{size:g} pt: {', '.join(where[:4])}{' ...' if len(where) > 4 else ''}"
                        for size, where in sizes.items())
    assert len(sizes) <= MAX_TEXT_SIZES, f"{len(sizes)} distinct text sizes (at most {MAX_TEXT_SIZES}):\n{listing}"


def test_h_risks_column_starts_at_one_x_on_every_forecast_slide(shipped: Measured) -> None:
    missing = [f"{shipped.where(i)}: no risks heading found" for i, x in shipped.risks_x if x is None]
    xs = [(i, x) for i, x in shipped.risks_x if x is not None]
    assert len(shipped.risks_x) == len(quality.project_pages(shipped.slides)), (
        f"{len(shipped.risks_x)} forecast slides for {len(quality.project_pages(shipped.slides))} projects")
    middle = statistics.median(x for _, x in xs) if xs else 0.0
    off = [f"{shipped.where(i)}: the risks heading starts at x {x:.1f} ({x - middle:+.1f} pt from the median "
           f"{middle:.1f})" for i, x in xs if abs(x - middle) > RISKS_X_TOLERANCE]
    problems = missing + off
    assert not problems, (f"the risks column starts at {len({round(x, 1) for _, x in xs})} different x "
                          f"(+-{RISKS_X_TOLERANCE:g} pt allowed):\n" + "\n".join(problems))


# --------------------------------------------------------------------------
# The figures, printed in every run


def figures(m: Measured) -> list[str]:
    """The figures of one data set, one criterion a line."""
    shares = [c.share for c in m.continued]
    smallest = min(m.continued, key=lambda c: c.share) if m.continued else None
    xs = [x for _, x in m.risks_x if x is not None]
    return [
        f"{m.name} ({_relative(m.folder)}, {len(m.pages)} pages):",
        f"  (a) source words {m.words_total}: lost {len(m.lost)}, broken {len(m.broken)}",
        f"  (b) overlapping pairs {len(m.overlaps)}, words off the page {len(m.off_page)}",
        f"  (c) glued list numbers {len(m.glued)}",
        f"  (d) lone headings {len(m.lone)}, title-only pages {len(m.title_only)}",
        f"  (e) continuation pages {len(shares)}, smallest share "
        + (f"{smallest.share:.2f} ({m.where(smallest.page)})" if smallest else "- (none)")
        + f", under {quality.MIN_CONTINUATION_SHARE:.2f}: {sum(s < quality.MIN_CONTINUATION_SHARE for s in shares)}",
        f"  (f) sparse pages of small text {len(m.sparse)}"
        + (f" (pages {', '.join(str(i + 1) for i, _ in m.sparse)})" if m.sparse else ""),
        f"  (g) distinct text sizes {len(m.sizes)}: {', '.join(f'{s:g}' for s in m.sizes)}",
        f"  (h) risks column x over {len(m.risks_x)} forecast slides: "
        + (f"{min(xs):.1f}-{max(xs):.1f}, spread {max(xs) - min(xs):.1f} pt" if xs else "-")
        + (f", heading not found on {len(m.risks_x) - len(xs)}" if len(xs) < len(m.risks_x) else ""),
    ]


def test_zz_figures(measured_sets: dict[str, Measured | MissingDataSet], soffice: str,
                    tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]) -> None:
    """Every data set is measured, and its figures printed (runs last in the module).

    The criteria fail in their own tests; this one fails when a data set
    could not be measured at all, after printing what was.
    """
    lines = ["", "render quality ((g) and (h) are required of the shipped deck only):"]
    unmeasured = []
    for name in DATA_SETS:
        try:
            lines += figures(_measured(name, measured_sets, soffice, tmp_path_factory))
        except pytest.fail.Exception as missing:
            lines.append(f"{name}: NOT MEASURED: {missing}")
            unmeasured.append(name)
    with capsys.disabled():
        print("\n".join(lines))
    assert unmeasured == []
