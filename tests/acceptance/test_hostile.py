"""Hostile input that git cannot store: pipes, devices, sockets, sparse files, links, template bombs.

`tests/hostile/<case>/` describes each case as data (see its README): what
to make, and the messages expected. Every case runs through `tafollow
validate` and `tafollow build`: a clean refusal (exit status 1, the
messages, no traceback, nothing written) or, for `OK` cases, success; and
each command answers within `LIMIT_SECONDS`.
"""

from __future__ import annotations

import functools
import os
import signal
import socket
import struct
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from errorcases import assert_clean_failure, error_lines, invoke, materialize
from tafollow.data.load import load

HOSTILE = Path(__file__).resolve().parents[1] / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())
LIMIT_SECONDS = 2.0
"""Each refusal must come at once: a pipe must not be waited on, a huge file not be read."""

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX pipes, sockets and links")

# --------------------------------------------------------------------------
# Templates: made from the built-in one, written by hand so that sizes and checksums can lie

BUILT_IN = Path(__file__).resolve().parents[2] / "templates" / "ta-seuranta.pptx"
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
BOMB_MB = 1536
"""1.5 GB of zeros: deflate packs them into 1.5 MB."""

Part = tuple[str, bytes, int, int]
"""name, raw deflate stream, CRC-32, unpacked size as declared."""


def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def base_parts(change: Callable[[str, bytes], bytes] = lambda name, data: data) -> list[Part]:
    parts = []
    with zipfile.ZipFile(BUILT_IN) as archive:
        for name in archive.namelist():
            data = change(name, archive.read(name))
            parts.append((name, deflate(data), zlib.crc32(data), len(data)))
    return parts


@functools.lru_cache(maxsize=1)
def zeros_stream() -> tuple[bytes, int]:
    """BOMB_MB megabytes of zeros as one raw deflate stream, and their CRC-32, made in a second.

    Each megabyte is packed on its own (a full flush starts afresh), so all
    packed megabytes are the same bytes and are packed once.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    megabyte = bytes(1 << 20)
    block = packer.compress(megabyte) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(BOMB_MB):
        crc = zlib.crc32(megabyte, crc)
    return block * BOMB_MB + packer.flush(), crc


def write_zip(path: Path, parts: list[Part]) -> None:
    """A zip of deflated parts, headers written here: zipfile would not write a size that lies."""
    body, directory = bytearray(), bytearray()
    for name, stream, crc, size in parts:
        encoded = name.encode()
        header = (20, 0, 8, 0, 33, crc, len(stream), size, len(encoded))
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *header, 0, 0, 0, 0, 0, len(body)) + encoded
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", *header, 0) + encoded + stream
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(directory), len(body), 0)
    path.write_bytes(bytes(body + directory + end))


def with_picture(declared: int | None = None) -> Callable[[Path], None]:
    """The built-in template whose master shows a 1.5 GB picture (of zeros), honestly declared or not."""

    def make(path: Path) -> None:
        def change(name: str, data: bytes) -> bytes:
            if name == MASTER_RELS:
                return data.replace(b"</Relationships>", f'<Relationship Id="rId99" Type="{IMAGE}" '
                                    'Target="../media/image1.png"/></Relationships>'.encode())
            if name == "[Content_Types].xml":
                return data.replace(b"<Default ", b'<Default Extension="png" ContentType="image/png"/><Default ', 1)
            return data

        stream, crc = zeros_stream()
        size = BOMB_MB << 20 if declared is None else declared
        write_zip(path, [*base_parts(change), ("ppt/media/image1.png", stream, crc, size)])

    return make


def changed(part: str, old: bytes, new: bytes) -> Callable[[Path], None]:
    """The built-in template with one part's text changed."""

    def make(path: Path) -> None:
        def change(name: str, data: bytes) -> bytes:
            if name == part:
                assert old in data, (part, old)
                return data.replace(old, new, 1)
            return data

        write_zip(path, base_parts(change))

    return make


def many_parts(path: Path) -> None:
    empty = deflate(b"")
    write_zip(path, [*base_parts(), *((f"ppt/extra/part{i}.xml", empty, 0, 0) for i in range(1500))])


def foreign(path: Path) -> None:
    """python-pptx's own default template: a real presentation without the layouts tafollow fills."""
    from pptx import Presentation

    Presentation().save(str(path))


MAIN = b"presentationml.presentation.main+xml"
TEMPLATES: dict[str, Callable[[Path], None]] = {
    "bomb": with_picture(),
    "lying-bomb": with_picture(declared=1 << 20),
    "many-parts": many_parts,
    "external-picture": changed(MASTER_RELS, b"</Relationships>", f'<Relationship Id="rId99" Type="{IMAGE}" '
                                'Target="http://example.com/logo.png" TargetMode="External"/></Relationships>'
                                .encode()),
    "doctype": changed("ppt/presentation.xml", b"?>", b'?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">]>'),
    "potx": changed("[Content_Types].xml", MAIN, b"presentationml.template.main+xml"),
    "ppsx": changed("[Content_Types].xml", MAIN, b"presentationml.slideshow.main+xml"),
    "pptm": changed("[Content_Types].xml", b"application/vnd.openxmlformats-officedocument." + MAIN,
                    b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"),
    "foreign": foreign,
}
"""Template makers by the KIND named in setup.txt."""


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
    doc = (Path(__file__).resolve().parents[2] / "docs" / "input-safety.md").read_text(encoding="utf-8")
    missing = [name for name in CASES if f"`{name}`" not in doc]
    assert not missing, f"docs/input-safety.md does not mention: {missing}"


# --------------------------------------------------------------------------
# Time and memory of a refusal, measured on a separate process


def run_measured(args: list[str], cwd: Path) -> tuple[int, float, int, str]:
    """Exit status, seconds and peak memory (bytes) of `python -m tafollow ARGS`."""
    import subprocess
    import sys

    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "tafollow", *args], cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    assert process.stdout is not None
    with process.stdout:
        output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    return process.returncode, seconds, usage.ru_maxrss * 1024, output  # ru_maxrss is in kB on Linux


@pytest.mark.skipif(not os.uname().sysname == "Linux", reason="ru_maxrss in kilobytes")
@pytest.mark.parametrize("kind", ["bomb", "lying-bomb"])
@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_template_bomb_is_refused_in_little_time_and_memory(tmp_path: Path, kind: str, command: str) -> None:
    """1.5 GB unpacked from 1.5 MB: refused within 5 s and 300 MiB (it took 20 s and 3 GB)."""
    data = materialize(HOSTILE / f"template-{kind}", tmp_path / "data")
    TEMPLATES[kind](data / "master.pptx")
    args = [command, "."] + (["-o", str(tmp_path / "deck.pptx")] if command == "build" else [])
    code, seconds, peak, output = run_measured(args, data)
    assert code == 1, output
    assert "template 'master.pptx'" in output
    assert seconds < 5, f"{seconds:.1f} s"
    assert peak < 300 * 1024 * 1024, f"{peak / 1024 / 1024:.0f} MiB"
