"""What the import is unsure of: each item is written as a `# tarkista:` comment and listed on stderr."""

from __future__ import annotations

from dataclasses import dataclass, field

MISSING = "(puuttuu)"
"""Written where the deck lacks a required text, so that the file validates; always with a check."""

FieldPath = tuple[str | int, ...]
"""Where in a file, as keys and list positions: ("forecast", "status"), ("risks", "items", 2)."""


@dataclass(frozen=True)
class Check:
    slide: int
    path: FieldPath
    message: str


@dataclass
class Checks:
    """The items to check for one file."""

    items: list[Check] = field(default_factory=list)

    def add(self, slide: int, path: FieldPath, message: str) -> None:
        self.items.append(Check(slide, path, message))


def quote(text: str, limit: int = 70) -> str:
    """A piece of deck text for a message, on one line, cut with "…" when long (the file keeps it whole)."""
    flat = " ".join(text.split())
    return f"'{flat}'" if len(flat) <= limit else f"'{flat[: limit - 1]}…'"
