"""What can go wrong, in the terms the CLI reports.

A `DataError` carries every problem found in the user's files, each with a
file and a position, so one run shows them all. A `UsageError` is a problem
with how tafollow was called (exit status 2). Anything else is a bug.
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


class TafollowError(Exception):
    """Base of the errors the CLI turns into messages instead of tracebacks."""

    exit_code = 1


class DataError(TafollowError):
    """The data files are invalid; `issues` lists every problem found."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = sorted(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues))


class UsageError(TafollowError):
    """tafollow was called wrongly: a missing folder, an unwritable output, …"""

    exit_code = 2


class DeckError(TafollowError):
    """A file given to `tafollow import` is not a TA-seuranta deck tafollow can read; nothing is written."""

    exit_code = 1


class OutputError(TafollowError):
    """The deck could not be written; the previous deck is left as it was."""

    exit_code = 1
