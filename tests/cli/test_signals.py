"""Ctrl-C and SIGTERM: tafollow stops cleanly, leaving no temporary file, LibreOffice or profile folder.

Each test runs tafollow as its own process and sends it a real signal:
the signal handler is installed by `tafollow.cli.main`, which the in-process
CliRunner does not run.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import SHIPPED_DATA
from tafollow.writer.save import STALE_AFTER, remove_stale

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")

SIGNALS = {"SIGTERM": signal.SIGTERM, "SIGINT": signal.SIGINT}

# tafollow's own main, with a signal sent to itself at the worst moment: while the temporary deck file
# is being flushed to disk. Python runs the handler right after os.kill returns.
BUILD_SIGNALLED_WHILE_WRITING = """
import os, signal, sys
real_fsync = os.fsync
def fsync(descriptor):
    os.kill(os.getpid(), signal.{signal})
    real_fsync(descriptor)
os.fsync = fsync
sys.argv = ["tafollow", "build", {data!r}, "-o", {out!r}]
from tafollow.cli import main
main()
"""


def default_signals() -> None:
    """In the child: a test run in the background may ignore SIGINT; tafollow keeps what it inherits."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("name", SIGNALS)
def test_a_signal_while_the_deck_is_written_leaves_the_old_deck_and_no_temporary_file(tmp_path: Path,
                                                                                        name: str) -> None:
    out = tmp_path / "out" / "deck.pptx"
    out.parent.mkdir()
    out.write_bytes(b"the previous deck")
    script = BUILD_SIGNALLED_WHILE_WRITING.format(signal=name, data=str(SHIPPED_DATA), out=str(out))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            preexec_fn=default_signals)
    assert result.returncode == -SIGNALS[name], result.stderr  # ended as killed by it, after cleaning up
    assert f"error: stopped by {name}" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["deck.pptx"]
    assert out.read_bytes() == b"the previous deck"


FAKE_SOFFICE = """\
#!/bin/sh
# Stands in for LibreOffice: notes its process id, writes into its profile folder, and takes its time.
echo $$ > "{pid_file}"
for argument in "$@"; do
  case "$argument" in
    -env:UserInstallation=file://*) profile="${{argument#-env:UserInstallation=file://}}"
                                   mkdir -p "$profile" && touch "$profile/registrymodifications.xcu" ;;
  esac
done
sleep 300 &
wait
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("name", SIGNALS)
def test_a_signal_during_preview_stops_libreoffice_and_removes_its_profile(tmp_path: Path, name: str) -> None:
    bin_dir, temp = tmp_path / "bin", tmp_path / "tmp"
    bin_dir.mkdir()
    temp.mkdir()
    pid_file = tmp_path / "soffice.pid"
    soffice = bin_dir / "soffice"
    soffice.write_text(FAKE_SOFFICE.format(pid_file=pid_file), encoding="utf-8")
    soffice.chmod(0o755)
    environment = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "TMPDIR": str(temp)}
    process = subprocess.Popen([sys.executable, "-m", "tafollow", "preview", str(SHIPPED_DATA), "-o",
                                str(tmp_path / "preview")], env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, preexec_fn=default_signals)
    deadline = time.monotonic() + 30
    while not (pid_file.exists() and pid_file.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pid_file.exists(), "the stand-in LibreOffice was never started"
    office = int(pid_file.read_text())
    assert list(temp.glob("tafollow-lo-*")), "no profile folder while LibreOffice runs"
    started = time.monotonic()
    process.send_signal(SIGNALS[name])
    _, stderr = process.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert process.returncode == -SIGNALS[name], stderr
    assert "Traceback" not in stderr
    time.sleep(0.2)  # the stand-in, orphaned, is reaped by init
    assert not alive(office), "LibreOffice was left running"
    assert list(temp.glob("tafollow-lo-*")) == []


# Each: a file beside deck.pptx, its age in seconds, whether a running build holds it locked, and
# whether a build removes it.
STALE = {
    "left by a killed build": (".deck.pptx.ab12_xyz.tmp", 3600, False, True),
    "being written by a running build": (".deck.pptx.cd34efgh.tmp", 3600, True, False),
    "just made": (".deck.pptx.ij56klmn.tmp", 0, False, False),
    "not of our naming": (".deck.pptx.notes.tmp", 3600, False, False),
    "another deck's": (".other.pptx.op78qrst.tmp", 3600, False, False),
    "a folder of our naming": (".deck.pptx.uv90wxyz.tmp/", 3600, False, False),
}


def test_a_build_removes_only_its_own_stale_temporary_files(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    held = []
    for name, age, locked, _ in STALE.values():
        path = tmp_path / name.rstrip("/")
        path.mkdir() if name.endswith("/") else path.write_bytes(b"partial deck")
        os.utime(path, (time.time() - age, time.time() - age))
        if locked:
            descriptor = os.open(path, os.O_RDONLY)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            held.append(descriptor)
    try:
        removed = remove_stale(out)
    finally:
        for descriptor in held:
            os.close(descriptor)
    assert sorted(p.name for p in removed) == sorted(n for n, _, _, gone in STALE.values() if gone)
    for case, (name, _, _, gone) in STALE.items():
        assert (tmp_path / name.rstrip("/")).exists() != gone, case


def test_build_removes_what_a_killed_build_left(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tafollow.cli import app

    out = tmp_path / "deck.pptx"
    stale = tmp_path / ".deck.pptx.k1ll3d__.tmp"
    stale.write_bytes(b"partial deck")
    os.utime(stale, (time.time() - 2 * STALE_AFTER, time.time() - 2 * STALE_AFTER))
    result = CliRunner().invoke(app, ["build", str(SHIPPED_DATA), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]


def test_a_killed_build_leaves_its_file_unlocked(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the file stays, but its lock goes with the process, so the next build sees it."""
    out = tmp_path / "deck.pptx"
    script = textwrap.dedent(f"""
        import os, signal, sys
        os.fsync = lambda descriptor: os.kill(os.getpid(), signal.SIGKILL)
        sys.argv = ["tafollow", "build", {str(SHIPPED_DATA)!r}, "-o", {str(out)!r}]
        from tafollow.cli import main
        main()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -signal.SIGKILL
    [left] = list(tmp_path.glob(".deck.pptx.*.tmp"))
    os.utime(left, (time.time() - 2 * STALE_AFTER, time.time() - 2 * STALE_AFTER))
    assert remove_stale(out) == [left]
    shutil.rmtree(tmp_path, ignore_errors=True)
