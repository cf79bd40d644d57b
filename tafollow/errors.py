"""What can go wrong, in the terms the CLI reports.

Each kind has its own exit status, so scripts and CI can tell them apart:

1. `DataError`: the data files are invalid; it carries every problem found,
   each with a file and a position, so one run shows them all.
2. `UsageError`: tafollow was called wrongly: a missing data folder or
   template, an output name that is not a .pptx file, a file `new` or
   `init` will not overwrite. (Options tafollow does not know, or values it
   does not take, are refused by the command line with the same status.)
3. `SetupError`: something tafollow needs from the machine is missing or
   broken: LibreOffice or poppler, a folder or disk it cannot write to,
   tafollow's own installation. The data is not at fault.

Anything else is a bug.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Control characters, undecodable bytes, and the invisible ones that make two keys look alike
# (zero-width spaces, direction marks, a byte order mark pasted mid-file).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def printable(text: str) -> str:
    """`text` safe for a terminal line: control characters and undecodable bytes as escapes."""
    return _UNPRINTABLE.sub(_escape, text)


def show(text: str, limit: int = 60) -> str:
    """`text` fit for a one-line message: control characters escaped, long text cut."""
    shown = printable(text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def printable_json(text: str) -> str:
    """JSON `text` safe for a terminal, and still the same JSON: those characters as \\uXXXX escapes.

    json.dumps already escapes control characters inside strings, so a raw
    line break or tab is layout between values and stays. Inside strings
    \\uXXXX means the character itself (a lone surrogate, from a file name
    that is not UTF-8, included), so a program reading the output gets
    exactly the text.
    """
    return _UNPRINTABLE.sub(lambda m: m.group() if m.group() in "\t\n\r" else f"\\u{ord(m.group()):04x}", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in one file, at a 1-based line and column (0 when unknown)."""

    path: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        where = printable(str(self.path))
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {printable(self.message)}"


class Interrupted(BaseException):
    """A signal (Ctrl-C, SIGTERM) asked tafollow to stop.

    Raised from the signal handler wherever the program is, so that every
    cleanup on the way out runs: the temporary deck file is removed,
    LibreOffice is stopped, temporary folders are deleted. A BaseException,
    like KeyboardInterrupt, so that no `except Exception` swallows it.
    """

    def __init__(self, signum: int) -> None:
        import signal

        self.signum = signum
        self.name = signal.Signals(signum).name
        super().__init__(self.name)


class TafollowError(Exception):
    """Base of the errors the CLI turns into messages instead of tracebacks."""

    exit_code = 1


class DataError(TafollowError):
    """The data files are invalid; `issues` lists every problem found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = sorted(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


class UsageError(TafollowError):
    """tafollow was called wrongly: a missing folder or template, an output name that is not a .pptx, …"""

    exit_code = 2


class DeckError(TafollowError):
    """A file given to `tafollow import` is not a TA-seuranta deck tafollow can read; nothing is written."""

    exit_code = 1


class SetupError(TafollowError):
    """Something tafollow needs from the machine is missing or broken; the data is not at fault."""

    exit_code = 3


class OutputError(SetupError):
    """A file could not be written, or a converter failed; the previous deck is left as it was."""


class TemplateError(UsageError):
    """A template that cannot be used; `reason` says why, without the path (report.yaml names it its own way)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{printable(str(path))}: {reason}")
