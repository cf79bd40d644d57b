#!/usr/bin/env python3
"""Time tafollow as whole processes against the stack's floor and pandoc, at several data sizes.

    .venv/bin/python tools/bench.py                       # print the report
    .venv/bin/python tools/bench.py --output docs/performance.md
    make bench                                            # the same, into docs/performance.md

What it measures, each as the median over rounds of a ratio taken within
one round (paired runs), so that a change in the machine's load hits both
sides of a ratio alike:

* **the seed against the stack floor**: `tafollow build` and `tafollow
  validate` on the shipped projects against `bench/floor.py build` and
  `validate` on the same folder. The floor is the least a program on
  tafollow's stack (typer, PyYAML, pydantic, python-pptx) does for the job;
* **252 projects against pandoc**: `tafollow build` on 252 projects against
  `pandoc` making a .pptx of the same text as Markdown (bench/seed.md, one
  `---`-separated slide per slide of the shipped deck, repeated 36 times);
* **growth**: the build of 252 projects against the build of 28 (9× the work);
* **memory**: the build's peak RSS at 252 projects (its own ru_maxrss).

How:

* makes data sets of N projects in a temporary folder (default N = 7, 28,
  84, 252): copies of data/projects/*.yaml, each copy after the first with
  " (k)" appended to its top-level `name:` so names stay unique, and
  checks each set with `tafollow validate`;
* writes pandoc's input for each N: bench/seed.md repeated N/7 times,
  joined with "\\n\\n---\\n\\n";
* runs every command once untimed (warm-up), then K rounds (`--runs`,
  default 7). Every round runs every command once, in reversed order on odd
  rounds (ABBA), and the two sides of each ratio run next to each other;
* runs them with Python's bytecode cache on (in the temporary folder),
  as in an ordinary installation, even if PYTHONDONTWRITEBYTECODE is set;
* prints a Markdown report (tables, the ratios against the targets, the
  machine) and, with `--output`, writes it to a file followed by
  bench/analysis.md (what profiling found, written by people).

Only the standard library is used; tafollow is run as a user would run it:
the `tafollow` console script next to the running Python (so run this with
the venv's python), or `python -m tafollow` when there is none. The floor
runs with the same Python.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SEED = REPO / "bench" / "seed.md"
FLOOR = REPO / "bench" / "floor.py"
SEPARATOR = "\n\n---\n\n"
DEFAULT_SIZES = (7, 28, 84, 252)
DEFAULT_RUNS = 7
MIB = 1024 * 1024

# The targets.
FLOOR_BUILD_RATIO = 1.2  # the shipped deck vs the floor's build
FLOOR_VALIDATE_RATIO = 1.2  # validate on the shipped data vs the floor's validate
CITY_PROJECTS = 252
CITY_RATIO = 0.15  # 252 projects vs pandoc on the seed text x36
GROWTH_FROM = 28
GROWTH_LIMIT = 9.0  # 28 -> 252 projects is 9x the work
PEAK_LIMIT_MIB = 400.0


# --------------------------------------------------------------------------- data sets

_TOP_NAME = re.compile(r"^name[ \t]*:(?=[ \t\r\n]|$)", re.MULTILINE)
_TOP_PROJECTS = re.compile(r"^projects[ \t]*:.*(?:\r?\n(?:[ \t].*|[ \t]*)(?=\r?\n|$))*", re.MULTILINE)


def rename(text: str, suffix: str) -> str:
    """`text` (a project file) with `suffix` appended to the value of its top-level `name:`.

    Works on the text, keeping comments and layout: the value may be plain,
    single- or double-quoted (possibly over several lines) or a literal or
    folded block scalar (`|`, `>-`, ...), and may start on the next line.
    `suffix` must need no escaping in any of those (plain characters and
    parentheses, as " (2)").
    """
    match = _TOP_NAME.search(text)
    if match is None:
        raise ValueError("no top-level 'name:' key")
    pos = match.end()
    while True:  # skip spaces, line breaks and comments before the value
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos < len(text) and text[pos] == "#":
            pos = _line_end(text, pos)
            continue
        break
    if pos >= len(text):
        raise ValueError("'name:' has no value")
    first = text[pos]
    if first in "'\"":
        end = _closing_quote(text, pos)
        return text[:end] + suffix + text[end:]
    if first in "|>":
        lines_start = _line_end(text, pos)
        last = None  # end of the last non-blank content line
        cursor = lines_start
        while cursor < len(text):
            start = cursor + 1
            stop = _line_end(text, start)
            line = text[start:stop]
            if line.strip() and not line[:1] in " \t":
                break  # back at the top level
            if line.strip():
                last = start + len(line.rstrip())
            cursor = stop
        if last is None:
            raise ValueError("'name:' is an empty block scalar")
        return text[:last] + suffix + text[last:]
    if first in "[{&*!%@`":
        raise ValueError(f"'name:' value starting with {first!r} is not a plain string")
    # A plain scalar: to the end of the line or a " #" comment, continued on
    # more-indented lines until a blank line, a comment or the next key.
    last = _plain_end(text, pos, _line_end(text, pos))
    cursor = _line_end(text, pos)
    while cursor < len(text):
        start = cursor + 1
        stop = _line_end(text, start)
        line = text[start:stop]
        if not line[:1] in " \t" or not line.strip() or line.strip().startswith("#"):
            break
        last = _plain_end(text, start + len(line) - len(line.lstrip()), stop)
        cursor = stop
    return text[:last] + suffix + text[last:]


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _plain_end(text: str, start: int, stop: int) -> int:
    """Where the plain-scalar content of text[start:stop] ends (before a comment and trailing blanks)."""
    line = text[start:stop]
    comment = re.search(r"[ \t]#", line)
    if comment:
        line = line[: comment.start()]
    return start + len(line.rstrip())


def _closing_quote(text: str, pos: int) -> int:
    quote = text[pos]
    i = pos + 1
    while i < len(text):
        c = text[i]
        if quote == "'" and c == "'":
            if text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i
        if quote == '"':
            if c == "\\":
                i += 2
                continue
            if c == '"':
                return i
        i += 1
    raise ValueError("'name:' has an unterminated quoted value")


def make_dataset(target: Path, count: int, source: Path = DATA) -> Path:
    """A data folder at `target` with `count` projects: copies of `source`'s, with unique names.

    Everything but projects/ is copied as is (report.yaml, a template it
    names); a `projects:` selection in report.yaml is removed, so every
    copy is in the deck. Copy k (from 0) of a file is named
    `<k>-<original name>`, so the deck shows the shipped projects in their
    order, then the next copy, and so on; copy 0 keeps the original names.
    """
    originals = sorted(p for p in (source / "projects").iterdir()
                       if p.suffix == ".yaml" and not p.name.startswith((".", "#", "~")))
    if not originals:
        raise ValueError(f"{source}/projects has no .yaml files")
    shutil.copytree(source, target, ignore=lambda folder, names: ["projects"] if Path(folder) == source else [])
    report = target / "report.yaml"
    if report.is_file():
        report.write_text(_TOP_PROJECTS.sub("", report.read_text(encoding="utf-8")), encoding="utf-8")
    projects = target / "projects"
    projects.mkdir()
    copies = -(-count // len(originals))
    width = max(2, len(str(copies - 1)))
    texts = [p.read_text(encoding="utf-8") for p in originals]
    for index in range(count):
        copy, which = divmod(index, len(originals))
        text = texts[which] if copy == 0 else rename(texts[which], f" ({copy + 1})")
        (projects / f"{copy:0{width}d}-{originals[which].name}").write_text(text, encoding="utf-8")
    return target


def seed_text(times: int, seed: Path = SEED) -> str:
    """The pandoc reference input: the seed deck's Markdown repeated `times` times."""
    return SEPARATOR.join([seed.read_text(encoding="utf-8").strip("\n")] * times) + "\n"


def count_slides(pptx: Path) -> int:
    with zipfile.ZipFile(pptx) as archive:
        return sum(1 for name in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name))


# --------------------------------------------------------------------------- running


def tafollow_command() -> list[str]:
    """How a user runs tafollow with this Python: its console script, else `python -m tafollow`."""
    folder = Path(sys.executable).parent
    for name in ("tafollow", "tafollow.exe"):
        script = folder / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script)]
    return [sys.executable, "-m", "tafollow"]


@dataclass
class Timing:
    """The runs of one command."""

    label: str
    command: list[str]
    expect: int = 0
    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mib(self) -> float | None:
        return max(self.peak_kib) / 1024 if self.peak_kib else None


class CommandFailed(RuntimeError):
    pass


def child_environment(cache: Path) -> dict[str, str]:
    """The environment of timed processes: ours, with Python's bytecode cache on (in `cache`).

    An ordinary installation runs from cached bytecode. A shell with
    PYTHONDONTWRITEBYTECODE set (common in containers and CI) would make
    every run compile tafollow's modules from source again, which is not
    what a user sees; the cache goes to a temporary folder, not the repo.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def run_once(timing: Timing, record: bool = True, env: dict[str, str] | None = None) -> float:
    """Run the command once as a child process; record wall time and its own peak RSS."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(timing.command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=errors, cwd=REPO, env=env)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
            # Linux reports KiB, macOS bytes.
            peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
        else:  # pragma: no cover (Windows: no per-child rusage)
            process.wait()
            elapsed = time.perf_counter() - started
            peak = None
        if process.returncode != timing.expect:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()
            raise CommandFailed(f"{' '.join(timing.command)} exited with {process.returncode}:\n{message}")
    if record:
        timing.seconds.append(elapsed)
        if peak is not None:
            timing.peak_kib.append(peak)
    return elapsed


def alternate(timings: list[Timing], runs: int, progress: bool, env: dict[str, str] | None = None) -> None:
    """One untimed warm-up of each command, then `runs` rounds, reversed on odd rounds (ABBA)."""
    for timing in timings:
        run_once(timing, record=False, env=env)
    for round_ in range(runs):
        order = timings if round_ % 2 == 0 else timings[::-1]
        for timing in order:
            run_once(timing, env=env)
        if progress:
            print(f"  round {round_ + 1}/{runs} done", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- the machine


def _output(command: list[str]) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return "unknown"


def _load() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def machine(pandoc: str | None, tafollow: list[str]) -> dict[str, str]:
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    commit = _output(["git", "rev-parse", "--short", "HEAD"])
    if commit and _output(["git", "status", "--porcelain", "--untracked-files=no"]):
        commit += " with uncommitted changes"
    return {
        "CPU": _cpu_model(),
        "Cores": f"{cores}" + (f" ({usable} usable)" if usable != cores else ""),
        "Memory": _memory(),
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "tafollow": (_output(tafollow + ["--version"]) or "unknown") + (f" (git {commit})" if commit else ""),
        "pandoc": (_output([pandoc, "--version"]) or "").splitlines()[0] if pandoc else "not installed",
        "Date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def stack_versions() -> str:
    """The versions of the stack the floor is made of, as the running Python has them."""
    from importlib import metadata

    found = []
    for name in ("typer", "pydantic", "PyYAML", "python-pptx"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} not installed")
    return ", ".join(found)


# --------------------------------------------------------------------------- the report


@dataclass
class Pair:
    """A ratio taken within each round: `ours` / `reference`, both run next to each other."""

    name: str
    ours: Timing
    reference: Timing
    limit: float

    @property
    def ratios(self) -> list[float]:
        return [a / b for a, b in zip(self.ours.seconds, self.reference.seconds)]

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)


@dataclass
class Size:
    projects: int
    slides: int
    build: Timing
    validate: Timing
    pandoc: Timing | None
    seed_times: int | None
    pandoc_slides: int | None


def _seconds(t: Timing | None) -> str:
    return f"{t.median:.3f}" if t else "–"


def _spread(t: Timing) -> str:
    return f"{min(t.seconds):.3f}–{max(t.seconds):.3f}"


def report(sizes: list[Size], pairs: list[Pair], others: list[Timing], runs: int, box: dict[str, str],
           load_before: str, load_after: str) -> str:
    by_n = {s.projects: s for s in sizes}
    lines = [
        "# Performance",
        "",
        "Whole-process wall time of `tafollow build DIR -o OUT --quiet` and `tafollow validate DIR` "
        "for N projects (the shipped projects copied, names made unique), against two references "
        "measured in the same run: the stack's floor (`bench/floor.py`: a typer command with "
        "`build`'s options, `yaml.safe_load` of every project file, a small pydantic model, "
        "python-pptx opening the master, one slide per project and a save; its `validate` stops "
        "after the model) and `pandoc` building the same text as Markdown (`bench/seed.md`, one "
        "`---`-separated slide per slide of the shipped deck, repeated N/7 times). "
        "Made by `make bench` (`tools/bench.py`).",
        "",
        f"Method: one untimed warm-up of every command, then {runs} round{'s' if runs != 1 else ''}; "
        "each round runs every command once, in reversed order on odd rounds, and the two sides of "
        "each ratio run next to each other. A ratio is the median over the rounds of the ratio "
        "within each round (paired runs), so a change in the machine's load while the benchmark "
        "runs hits both sides alike; times are medians of the rounds. Peak memory is the largest "
        "ru_maxrss of the build process over the rounds. Compare ratios from one run rather than "
        "absolute seconds across runs. The timed processes use Python's bytecode cache, as an "
        "ordinary installation does (the warm-up fills it), even where PYTHONDONTWRITEBYTECODE is set.",
        "",
        "## Ratios",
        "",
        "| Ratio (median of paired runs) | tafollow (s) | Reference (s) | Median ratio | Ratio range "
        "| Target | Verdict |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for pair in pairs:
        ratios = pair.ratios
        lines.append(
            f"| {pair.name} | {pair.ours.median:.3f} | {pair.reference.median:.3f} | {pair.median:.2f}× "
            f"| {min(ratios):.2f}–{max(ratios):.2f}× | ≤ {pair.limit:g}× "
            f"| {'met' if pair.median <= pair.limit else '**not met**'} |"
        )
    city = by_n.get(CITY_PROJECTS)
    peak = city.build.peak_mib if city else None
    if peak is not None:
        lines.append(f"| peak memory of the build at {CITY_PROJECTS} projects | {peak:.0f} MiB | | | "
                     f"| ≤ {PEAK_LIMIT_MIB:g} MiB | {'met' if peak <= PEAK_LIMIT_MIB else '**not met**'} |")
    lines += [
        "",
        "## By size",
        "",
        "| Projects | Slides | Build (s) | Build range (s) | ms/slide | Peak RSS (MiB) | Validate (s) "
        "| pandoc input | pandoc (s) | Build / pandoc |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for s in sizes:
        b = s.build
        peak_s = f"{b.peak_mib:.0f}" if b.peak_mib is not None else "–"
        if s.pandoc:
            pandoc_in = f"seed ×{s.seed_times} ({s.pandoc_slides} slides)"
            ratio = f"{statistics.median(x / y for x, y in zip(b.seconds, s.pandoc.seconds)):.2f}×"
        else:
            pandoc_in = ratio = "–"
        lines.append(
            f"| {s.projects} | {s.slides} | {b.median:.3f} | {_spread(b)} "
            f"| {1000 * b.median / s.slides:.1f} | {peak_s} | {s.validate.median:.3f} | {pandoc_in} "
            f"| {_seconds(s.pandoc)} | {ratio} |"
        )
    lines += [
        "",
        "| Other command | Median (s) | Range (s) | Peak RSS (MiB) |",
        "|---|---:|---:|---:|",
    ]
    for t in others:
        peak_s = f"{t.peak_mib:.0f}" if t.peak_mib is not None else "–"
        lines.append(f"| `{t.label}` | {t.median:.3f} | {_spread(t)} | {peak_s} |")
    lines += ["", "## Machine", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in box.items()]
    lines += [f"| Load average (1/5/15 min) | {load_before} before, {load_after} after |", ""]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="project counts, comma-separated (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS,
                        help="timed rounds (default: %(default)s)")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--no-pandoc", action="store_true", help="do not time pandoc even if installed")
    parser.add_argument("--tafollow", metavar="COMMAND",
                        help="the command to time as tafollow, e.g. another checkout's (default: the console "
                             "script next to this Python)")
    args = parser.parse_args(argv)
    sizes = sorted({int(n) for n in args.sizes.split(",") if n.strip()})
    if not sizes or sizes[0] < 1 or args.runs < 1:
        parser.error("sizes and runs must be positive")

    tafollow = shlex.split(args.tafollow) if args.tafollow else tafollow_command()
    floor = [sys.executable, str(FLOOR)]
    pandoc = None if args.no_pandoc else shutil.which("pandoc")
    shipped = len([p for p in (DATA / "projects").glob("*.yaml") if not p.name.startswith((".", "#", "~"))])
    if pandoc is None:
        print("pandoc not found: no ratio against pandoc", file=sys.stderr)
    load_before = _load()

    with tempfile.TemporaryDirectory(prefix="tafollow-bench-") as tmp:
        work = Path(tmp)
        env = child_environment(work / "pycache")
        rows: list[tuple[int, Timing, Timing, Timing | None, int | None]] = []
        for n in sizes:
            folder = make_dataset(work / f"data-{n}", n)
            build = Timing(f"tafollow build {n}", tafollow + ["build", str(folder), "-o", str(work / f"deck-{n}.pptx"),
                                                             "--quiet"])
            validate = Timing(f"tafollow validate {n}", tafollow + ["validate", str(folder)])
            try:
                run_once(validate, record=False, env=env)  # the copies must be valid data
            except CommandFailed as error:
                print(f"the generated {n}-project data set does not validate:\n{error}", file=sys.stderr)
                return 1
            times = n // shipped if n % shipped == 0 else None
            reference = None
            if pandoc and times:
                source = work / f"seed-x{times}.md"
                source.write_text(seed_text(times), encoding="utf-8")
                reference = Timing(f"pandoc ×{times}", [pandoc, str(source), "-o", str(work / f"pandoc-{n}.pptx")])
            rows.append((n, build, validate, reference, times))

        # The seed is the shipped data itself; the floor reads the same folder.
        seed_build = Timing("tafollow build data", tafollow + ["build", str(DATA), "-o", str(work / "seed.pptx"),
                                                                "--quiet"])
        floor_build = Timing("floor build data", floor + ["build", str(DATA), "-o", str(work / "floor.pptx"),
                                                          "--quiet"])
        seed_validate = Timing("tafollow validate data", tafollow + ["validate", str(DATA)])
        floor_validate = Timing("floor validate data", floor + ["validate", str(DATA)])
        help_ = Timing("tafollow --help", tafollow + ["--help"])
        floor_help = Timing("floor --help", floor + ["--help"])
        pairs = [
            Pair("seed build / floor build", seed_build, floor_build, FLOOR_BUILD_RATIO),
            Pair("seed validate / floor validate", seed_validate, floor_validate, FLOOR_VALIDATE_RATIO),
        ]
        by_n = {n: (b, p) for n, b, _, p, _ in rows}
        if CITY_PROJECTS in by_n and by_n[CITY_PROJECTS][1]:
            pairs.append(Pair(f"{CITY_PROJECTS} projects / pandoc on the seed text ×{CITY_PROJECTS // shipped}",
                              by_n[CITY_PROJECTS][0], by_n[CITY_PROJECTS][1], CITY_RATIO))
        if CITY_PROJECTS in by_n and GROWTH_FROM in by_n:
            pairs.append(Pair(f"growth: {CITY_PROJECTS} / {GROWTH_FROM} projects (9× the work)",
                              by_n[CITY_PROJECTS][0], by_n[GROWTH_FROM][0], GROWTH_LIMIT))

        # Each ratio's two sides next to each other; in reverse on odd rounds, so each goes first as often.
        everything = [seed_build, floor_build, seed_validate, floor_validate, help_, floor_help]
        for _, b, v, p, _ in rows:
            everything += [t for t in (b, p, v) if t]
        print(f"timing {len(everything)} commands, {args.runs} rounds: {', '.join(t.label for t in everything)}",
              file=sys.stderr, flush=True)
        try:
            alternate(everything, args.runs, progress=True, env=env)
        except CommandFailed as error:
            print(error, file=sys.stderr)
            return 1
        results = [
            Size(n, count_slides(work / f"deck-{n}.pptx"), b, v, p, times,
                 count_slides(work / f"pandoc-{n}.pptx") if p else None)
            for n, b, v, p, times in rows
        ]
    box = machine(pandoc, tafollow)
    box["Stack"] = stack_versions()
    others = [help_, floor_help]
    text = report(results, pairs, others, args.runs, box, load_before, _load())
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        analysis = REPO / "bench" / "analysis.md"  # written by people, kept across runs
        if analysis.is_file():
            text = text.rstrip("\n") + "\n\n" + analysis.read_text(encoding="utf-8")
        args.output.write_text(text, encoding="utf-8")
        print(f"written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
