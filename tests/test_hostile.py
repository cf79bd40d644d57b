"""Hostile input that git cannot store: pipes, devices, sockets, sparse files, links, template bombs.

`tests/hostile/<case>/` describes each case as data (see its README): what
to make, and the messages expected. Every case runs through `tafollow
validate` and `tafollow build`: a clean refusal (exit status 1, the
messages, no traceback, nothing written) or, for `OK` cases, success; and
each command answers within `LIMIT_SECONDS`.
"""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from test_load import assert_clean_failure, error_lines, invoke, materialize
from tafollow.load import load

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())
LIMIT_SECONDS = 2.0
"""Each refusal must come at once: a pipe must not be waited on, a huge file not be read."""

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX pipes, sockets and links")

TEMPLATES: dict[str, Callable[[Path], None]] = {}
"""Template makers by the KIND named in setup.txt (filled in as template checks are added)."""


def lines(path: Path) -> list[str]:
    """The lines of a case's text file, without blank lines and `#` comments."""
    text = path.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _size(text: str) -> int:
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def make(data: Path, line: str, sockets: list[socket.socket]) -> None:
    """Carry out one line of setup.txt in the data folder."""
    what, name, *rest = line.split(" ", 2)
    path = data / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.exists():
        path.unlink()
    if what == "fifo":
        os.mkfifo(path)
    elif what == "socket":
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(path))
        except OSError as exc:  # e.g. a path longer than a socket address holds
            server.close()
            pytest.skip(f"cannot make a socket here: {exc}")
        sockets.append(server)
    elif what == "link":
        os.symlink(rest[0], path)
    elif what == "sparse":
        try:
            with open(path, "wb") as stream:
                stream.truncate(_size(rest[0]))
        except OSError as exc:
            pytest.skip(f"the file system cannot hold a sparse file of {rest[0]}: {exc}")
    elif what == "template":
        TEMPLATES[rest[0]](path)
    else:
        raise AssertionError(f"unknown setup line {line!r}")


@pytest.fixture
def deadline() -> Iterator[None]:
    """Should a fix regress, a pipe would hang the whole test run: fail the test instead."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError("the command did not return within 30 s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def timed(*args: str) -> tuple[int, str, BaseException | None, float]:
    started = time.perf_counter()
    code, output, exception = invoke(*args)
    return code, output, exception, time.perf_counter() - started


@pytest.mark.parametrize("name", CASES)
def test_hostile_case(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deadline: None) -> None:
    case = HOSTILE / name
    expected = lines(case / "expected.txt")
    assert expected, f"{case}/expected.txt lists no message"
    data = materialize(case, tmp_path / "data")
    sockets: list[socket.socket] = []
    setup = case / "setup.txt"
    for line in lines(setup) if setup.exists() else []:
        make(data, line, sockets)
    monkeypatch.chdir(data)
    deck = tmp_path / "out" / "deck.pptx"
    try:
        code, output, exception, seconds = timed("validate", ".")
        assert seconds < LIMIT_SECONDS, f"validate took {seconds:.1f} s"
        if expected == ["OK"]:
            assert code == 0, output
            code, output, exception, seconds = timed("build", ".", "-o", str(deck), "-q")
            assert code == 0, output
            assert sorted(p.name for p in deck.parent.iterdir()) == ["deck.pptx"]
            order = case / "order.txt"
            if order.exists():
                assert [f.stem for f in load(data).projects] == lines(order)
            return
        assert_clean_failure(code, output, exception)
        assert error_lines(output) == expected, output
        code, output, exception, seconds = timed("build", ".", "-o", str(deck))
        assert seconds < LIMIT_SECONDS, f"build took {seconds:.1f} s"
        assert_clean_failure(code, output, exception)
        assert error_lines(output) == expected, output
        assert "nothing was built" in output
        assert not deck.parent.exists() or not any(deck.parent.iterdir())
    finally:
        for server in sockets:
            server.close()


def test_every_hostile_case_is_documented() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "input-safety.md").read_text(encoding="utf-8")
    missing = [name for name in CASES if f"`{name}`" not in doc]
    assert not missing, f"docs/input-safety.md does not mention: {missing}"
