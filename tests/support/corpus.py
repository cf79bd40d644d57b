"""Run tafollow's deck readers (import, check, check --format json) over a folder of strangers' decks.

Each deck runs in a worker process with its memory bounded; what comes back
is what a user would see: exit status, stdout, stderr, whether a folder was
left behind, and how long it took. Used by tests/acceptance/test_corpus.py, and by hand:

    .venv/bin/python tests/support/corpus.py FOLDER
"""

from __future__ import annotations

import json
import multiprocessing
import re
import resource

import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

MEMORY_LIMIT = 3 * 1024**3  # bytes of address space per worker
PER_DECK_SECONDS = 60  # a deck that takes longer has hung


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    crashed: str | None  # the exception a CLI run ended with, where it was not a clean exit


@dataclass
class DeckResult:
    deck: str
    seconds: float
    imported: Run
    left_behind: list[str]
    checked: Run
    checked_json: Run
    strict: bool = False
    slides_listed: int = 0
    """Slides presentation.xml lists."""
    slides_checked: int | None = None
    """Slides `check` read; None where it refused the file."""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _invoke(args: list[str]) -> Run:
    from typer.testing import CliRunner

    from tafollow.cli import app

    result = CliRunner().invoke(app, args)
    crashed = None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crashed = f"{type(result.exception).__name__}: {result.exception}"
    return Run(result.exit_code, result.stdout, result.stderr, crashed)


def read_deck(path: str) -> DeckResult:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "data"
        imported = _invoke(["import", path, "-o", str(out)])
        left = sorted(str(p.relative_to(scratch)) for p in Path(scratch).rglob("*")) if imported.exit_code else []
    checked = _invoke(["check", path])
    checked_json = _invoke(["check", path, "--format", "json"])
    result = DeckResult(Path(path).name, time.perf_counter() - started, imported, left, checked, checked_json)
    try:
        with zipfile.ZipFile(path) as archive:
            presentation = archive.read("ppt/presentation.xml")
        result.strict = b"http://purl.oclc.org/ooxml/" in presentation
        result.slides_listed = len(re.findall(rb"<(?:\w+:)?sldId\b", presentation))
    except (zipfile.BadZipFile, KeyError, OSError):
        pass
    if checked.exit_code in (0, 1):
        from tafollow.check.accessibility import check

        result.slides_checked = check(Path(path)).slides
    return result


def read_corpus(folder: Path, workers: int = 2, per_deck: float = PER_DECK_SECONDS) -> tuple[list[DeckResult], list[str]]:
    """Every deck's result, and the decks that did not finish within `per_deck` seconds each (hangs)."""
    decks = sorted(str(p) for p in folder.iterdir() if p.is_file())
    context = multiprocessing.get_context("spawn")
    results: list[DeckResult] = []
    hung: list[str] = []
    with context.Pool(workers, initializer=_limit_memory, maxtasksperchild=20) as pool:
        pending = [(deck, pool.apply_async(read_deck, (deck,))) for deck in decks]
        deadline = time.monotonic() + per_deck * (len(decks) / workers + 1)
        for deck, future in pending:
            try:
                results.append(future.get(timeout=max(1.0, min(per_deck * len(decks), deadline - time.monotonic()))))
            except multiprocessing.TimeoutError:
                hung.append(Path(deck).name)
        pool.terminate()
    return results, hung


def problems(result: DeckResult) -> list[str]:
    """What a user of this deck would call a fault in tafollow, one line each."""
    out = []
    for what, run in (("import", result.imported), ("check", result.checked), ("check --format json", result.checked_json)):
        text = run.stdout + run.stderr
        if run.crashed:
            out.append(f"{what}: crashed: {run.crashed}")
        if run.exit_code not in (0, 1, 2):
            out.append(f"{what}: exit status {run.exit_code}")
        if "Traceback" in text or "0x" in text or _python_words(text):
            out.append(f"{what}: Python internals in {text.strip()!r}")
        refused = run.exit_code == 2 if what.startswith("check") else run.exit_code == 1
        if refused and len(run.stderr.strip().splitlines()) != 1:
            out.append(f"{what}: a refusal in {len(run.stderr.strip().splitlines())} lines: {run.stderr.strip()!r}")
    if result.imported.exit_code == 0:
        out.append(f"import: a deck that is not TA-seuranta was imported: {result.imported.stdout.strip()!r}")
    if result.left_behind:
        out.append(f"import: refused but left {result.left_behind[:3]}")
    try:
        json.loads(result.checked_json.stdout)
    except ValueError:
        out.append(f"check --format json: stdout is not JSON: {result.checked_json.stdout[:80]!r}")
    if "1.00:1" in result.checked.stdout:
        out.append("check: text in a colour on itself (1.00:1)")
    if "nothing was built" in result.checked.stderr:
        out.append("check: says 'nothing was built'")
    if result.slides_checked is not None and result.slides_checked != result.slides_listed:
        out.append(f"check: read {result.slides_checked} of {result.slides_listed} slides")
    return out


_PYTHON_WORDS = ("KeyError", "ValueError", "TypeError", "AttributeError", "BadZipFile", "IndexError",
                 "XMLSyntaxError", "PackageNotFoundError", "_io.", "lxml", "object at")


def _python_words(text: str) -> bool:
    return any(word in text for word in _PYTHON_WORDS)


def main(folder: str) -> int:
    started = time.perf_counter()
    results, hung = read_corpus(Path(folder))
    faults = 0
    for result in sorted(results, key=lambda r: r.deck):
        for line in problems(result):
            faults += 1
            print(f"{result.deck}: {line}")
    slowest = max(results, key=lambda r: r.seconds)
    codes = {}
    for r in results:
        codes[(r.imported.exit_code, r.checked.exit_code)] = codes.get((r.imported.exit_code, r.checked.exit_code), 0) + 1
    strict = [r for r in results if r.strict]
    print(f"{len(strict)} Strict decks, {sum(r.slides_checked == r.slides_listed for r in strict)} of them read "
          "with all their slides")
    print(f"{len(results)} decks read, {len(hung)} hung {hung}; {faults} faults; "
          f"slowest {slowest.deck} {slowest.seconds:.1f} s; (import, check) exit codes {codes}; "
          f"{time.perf_counter() - started:.0f} s in all")
    return 1 if faults or hung else 0


if __name__ == "__main__":

    sys.exit(main(sys.argv[1]))
