"""The build must grow linearly with the number of projects, not quadratically.

`make bench` measures absolute times (docs/performance.md); this guards the
shape of the growth on any machine, without absolute times:

* a timed check: 80 projects (8x the work) must take less than 12x as long
  as 10 projects; quadratic growth would take about 64x;
* deterministic checks, which do not depend on the machine's load: the
  operations that used to be quadratic are counted. python-pptx's
  `_Relationships._get_matching` rebuilds and scans all of a part's
  relationships on every call, so calling it on the presentation part once
  per slide made N slides cost O(N^2) (see tafollow/writer/package.py); the
  relationships it scans must grow with the slides, not their square, and
  it must not run on the presentation part once per slide. And the text
  measuring (`measure.wrap`) must be called at most linearly often.

The data are the shipped projects copied with unique names, made by the
same code as the benchmark's (tools/bench.py).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import sys
import time
from pathlib import Path
from unittest import mock

import pytest
from pptx.opc import package as opc

from tafollow.layout import fit
from tafollow.design import measure
from tafollow.writer import render
from tafollow.build import deck_bytes
from tafollow.data.load import load

REPO = Path(__file__).resolve().parents[2]
SMALL, LARGE = 10, 80  # 8x the work
TIME_LIMIT = 12.0  # linear ~8x; quadratic ~64x
COUNT_LIMIT = 8.5


def _bench_module():
    spec = importlib.util.spec_from_file_location("tafollow_bench", REPO / "tools" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    bench = _bench_module()
    root = tmp_path_factory.mktemp("complexity")
    return {n: bench.make_dataset(root / f"data-{n}", n) for n in (SMALL, LARGE)}


def _forget_caches() -> None:
    """Empty tafollow's memo caches, so each build does the work a fresh process does."""
    for name, module in list(sys.modules.items()):
        if name == "tafollow" or name.startswith("tafollow."):
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()
    fit._WRAPPED.clear()
    fit._TAIL.clear()


def _build(folder: Path) -> bytes:
    return deck_bytes(load(folder))


def _seconds(folder: Path, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        _forget_caches()
        started = time.perf_counter()
        _build(folder)
        best = min(best, time.perf_counter() - started)
    return best


def test_build_time_grows_linearly(data: dict[int, Path]) -> None:
    _build(data[SMALL])  # warm-up: imports, the template, the font table
    small = _seconds(data[SMALL], repeats=5)
    large = _seconds(data[LARGE], repeats=3)
    ratio = large / small
    assert ratio < TIME_LIMIT, (
        f"{LARGE} projects took {large:.2f} s, {ratio:.1f}x the {small:.2f} s of {SMALL} projects "
        f"({LARGE // SMALL}x the work; quadratic would be ~{(LARGE // SMALL) ** 2}x)"
    )


def _count(folder: Path) -> dict[str, int]:
    """Build once from cold caches, counting the quadratic-prone operations."""
    counts = {"prs_calls": 0, "scanned": 0, "wrap": 0, "requests": 0}
    get_matching = opc._Relationships._get_matching
    wrap = measure.wrap
    cached_lines = getattr(fit, "_lines", None)  # wrap's memo: copied text hits it, so count asks too

    def counting_lines(*args, **kwargs):
        counts["requests"] += 1
        return cached_lines(*args, **kwargs)

    def counting_get_matching(self, *args, **kwargs):
        if self._base_uri == "/ppt":  # the presentation part's relationships
            counts["prs_calls"] += 1
        counts["scanned"] += len(self)  # it rebuilds and scans every relationship per call
        return get_matching(self, *args, **kwargs)

    _forget_caches()
    with contextlib.ExitStack() as patches:
        patches.enter_context(mock.patch.object(opc._Relationships, "_get_matching", counting_get_matching))
        counted_wrap = patches.enter_context(mock.patch.object(measure, "wrap", wraps=wrap))
        if cached_lines is not None:
            patches.enter_context(mock.patch.object(fit, "_lines", counting_lines))
        _build(folder)
    counts["wrap"] = counted_wrap.call_count
    return counts


def test_quadratic_prone_operations_grow_linearly(data: dict[int, Path]) -> None:
    small, large = _count(data[SMALL]), _count(data[LARGE])
    # Relating slides to the presentation must not scan its relationships per slide.
    assert large["prs_calls"] == small["prs_calls"], (
        f"_get_matching ran {small['prs_calls']} times on the presentation part for {SMALL} projects and "
        f"{large['prs_calls']} for {LARGE}: relating each slide scans all earlier ones (O(n²)); "
        "use tafollow.writer.package.relate_new"
    )
    scanned = large["scanned"] / max(small["scanned"], 1)
    assert scanned <= COUNT_LIMIT, (
        f"relationships scanned: {small['scanned']} for {SMALL} projects, {large['scanned']} for {LARGE} "
        f"({scanned:.1f}x for {LARGE // SMALL}x the projects)"
    )
    assert small["wrap"] > 0, "measure.wrap was never called: the count guards nothing"
    wraps = large["wrap"] / small["wrap"]
    assert wraps <= COUNT_LIMIT, (
        f"measure.wrap calls: {small['wrap']} for {SMALL} projects, {large['wrap']} for {LARGE} "
        f"({wraps:.1f}x for {LARGE // SMALL}x the projects)"
    )
    assert small["requests"], "fit._lines was not called: the guard no longer measures layout"
    if small["requests"]:  # wrapped lines asked for, memoised or not
        requests = large["requests"] / small["requests"]
        assert requests <= COUNT_LIMIT, (
            f"lines asked of fit: {small['requests']} for {SMALL} projects, {large['requests']} for {LARGE} "
            f"({requests:.1f}x for {LARGE // SMALL}x the projects)"
        )


def test_guards_see_the_quadratic_path(data: dict[int, Path]) -> None:
    """The relationship guard fails if slides are related through python-pptx's scanning path."""
    assert hasattr(render, "relate_new"), "render must relate slides through package.relate_new"
    with mock.patch("tafollow.writer.render.relate_new", lambda source, target, reltype: source.relate_to(target, reltype)):
        small, large = _count(data[SMALL]), _count(data[LARGE])
    assert large["prs_calls"] > small["prs_calls"]
    assert large["scanned"] / small["scanned"] > COUNT_LIMIT


def _one_paragraph_project(folder: Path, length: int) -> Path:
    """A round of one project whose goal is a single paragraph of `length` characters without a space."""
    (folder / "projects").mkdir(parents=True)
    (folder / "report.yaml").write_text("title: T\nas_of: 1.1.2020\nunit: U\n", encoding="utf-8")
    (folder / "projects" / "10-p.yaml").write_text(
        "name: P\nowner: O\nmanagers: [M]\nupdated: 1.1.2020\n"
        f"goal: {{paragraphs: [{'x' * length}]}}\n"
        "progress: {steps: [{text: S, status: done}]}\nforecast: {status: on_track}\n", encoding="utf-8")
    return folder


def test_a_long_paragraph_costs_linear_time(tmp_path: Path) -> None:
    """A paragraph four times as long takes about four times as long, not sixteen (it spans ~50-200 pages)."""
    short = load(_one_paragraph_project(tmp_path / "short", 250_000))
    long = load(_one_paragraph_project(tmp_path / "long", 1_000_000))

    def seconds(round_) -> float:
        best = float("inf")
        for _ in range(2):
            _forget_caches()
            started = time.perf_counter()
            deck_bytes(round_)
            best = min(best, time.perf_counter() - started)
        return best

    ratio = seconds(long) / seconds(short)
    assert ratio < 7.0, f"4x the text took {ratio:.1f}x as long (linear ~4x, quadratic ~16x)"
