"""`tafollow check DECK.pdf`: the accessibility problems of a published PDF, ours or anyone's.

The city publishes the round as PDF as well, and a PDF is read by a
screen reader through its structure tree, not its drawing. The rules are
those of PDF/UA-1 (ISO 14289-1) that a program can decide, numbered as in
the Matterhorn Protocol; docs/accessibility.md lists each with its source.
pikepdf reads the file: judging the file as any reader gets it, like
`check` does for a .pptx.

The problems are reported as `check.Problem`s: the page in place of the
slide (0 for the whole document) and the element's structure type in
place of the shape's name, so the command prints both kinds alike.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tafollow.check.accessibility import Problem, Report
from tafollow.errors import DeckError
from tafollow.languages import FALLBACK

RULES = ("untagged", "pdfua-identifier", "pdf-language", "title-not-shown", "page-without-heading",
         "missing-alt-text", "table-header")
HEADINGS = {"/H", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6"}
MAX_ELEMENTS = 1_000_000
"""A deck of a thousand slides has some 100,000 elements; a tree that claims more is not walked to its end."""
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def is_pdf(path: Path) -> bool:
    """Whether the file at `path` starts as a PDF does (its name may say otherwise).

    Only a regular file is opened: opening a named pipe would wait for a writer for ever.
    """
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as stream:
            return b"%PDF-" in stream.read(1024)
    except OSError:
        return False


def check_pdf(path: Path, language: str | None = None) -> Report:
    """Every accessibility problem of the PDF at `path`; `language` (fi, sv-FI …) is the one it should be in.

    Raises `DeckError` for a file that is no readable PDF: it was not checked, which is not a problem found.
    """
    import pikepdf

    from tafollow.files import Unreadable, require_regular

    try:
        require_regular(path)
    except Unreadable as problem:
        raise DeckError(f"{path}: {problem}") from None
    try:
        with pikepdf.open(path) as document:
            return _Document(document).report(language)
    except pikepdf.PasswordError:
        raise DeckError(f"{path}: the PDF is protected with a password; save a copy without it") from None
    except (pikepdf.PdfError, ValueError, TypeError, KeyError, AttributeError):
        raise DeckError(f"{path}: not a readable PDF; it is damaged, or not a PDF at all") from None


class _Document:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.root = document.Root

    def report(self, wanted: str | None) -> Report:
        problems: list[Problem] = []
        tree = self.root.get("/StructTreeRoot")
        marked = self.root.get("/MarkInfo", {}).get("/Marked", False)
        tagged = tree is not None and bool(marked)
        if not tagged:
            problems.append(Problem(0, "", "untagged"))
        if self._ua_part() is None:
            problems.append(Problem(0, "", "pdfua-identifier"))
        lang = str(self.root.get("/Lang", "")).strip()
        if not _LANGUAGE_TAG.fullmatch(lang):
            problems.append(Problem(0, "", "pdf-language", lang or "-"))
        elif wanted and lang.split("-")[0].lower() != wanted.split("-")[0].lower():
            problems.append(Problem(0, "", "pdf-language", f"{lang} ≠ {wanted}"))
        shown = self.root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)
        if not bool(shown) or not self._title():
            problems.append(Problem(0, "", "title-not-shown"))
        if tagged:
            problems += self._structure_problems(tree)
        main = lang.split("-")[0].lower() if lang else FALLBACK
        return Report(main, len(self.document.pages), problems)

    def _ua_part(self) -> str | None:
        with self.document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            part = str(meta.get("pdfuaid:part") or "").strip()
        return part or None

    def _title(self) -> str:
        with self.document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            title = meta.get("dc:title")
        return str(title or "").strip()

    def _structure_problems(self, tree: Any) -> list[Problem]:
        import pikepdf

        roles = {str(k): str(v) for k, v in tree.get("/RoleMap", {}).items()}
        pages = {page.objgen: number for number, page in enumerate(self.document.pages, start=1)}
        with_heading: set[int] = set()
        problems: list[Problem] = []
        seen: set[tuple[int, int]] = set()
        stack: list[tuple[Any, int]] = [(tree, 0)]
        walked = 0
        while stack and walked < MAX_ELEMENTS:
            element, page = stack.pop()
            walked += 1
            kind = _standard(str(element.get("/S", "")), roles)
            where = element.get("/Pg")
            if isinstance(where, pikepdf.Dictionary):
                page = pages.get(where.objgen, page)
            kids = element.get("/K")
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
            if not page:  # an element without /Pg is on the page of its first marked content
                page = next((pages.get(kid.Pg.objgen, 0) for kid in kids if isinstance(kid, pikepdf.Dictionary)
                             and isinstance(kid.get("/Pg"), pikepdf.Dictionary)), 0)
            if kind in HEADINGS and page:
                with_heading.add(page)
            elif kind == "/Figure" and not _alt(element):
                problems.append(Problem(page, "Figure", "missing-alt-text"))
            elif kind == "/Table" and not _has_header(element, roles):
                problems.append(Problem(page, "Table", "table-header"))
            for kid in reversed(kids):
                if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    if kid.is_indirect:
                        if kid.objgen in seen:
                            continue
                        seen.add(kid.objgen)
                    stack.append((kid, page))
        problems += [Problem(number, "", "page-without-heading") for number in range(1, len(pages) + 1)
                     if number not in with_heading]
        return sorted(problems, key=lambda p: p.slide)


def _standard(kind: str, roles: dict[str, str]) -> str:
    """The standard structure type a (possibly custom) type is mapped to through the role map."""
    for _ in range(len(roles) + 1):
        if kind not in roles:
            return kind
        kind = roles[kind]
    return kind


def _alt(element: Any) -> bool:
    return bool(str(element.get("/Alt", "")).strip() or str(element.get("/ActualText", "")).strip())


def _has_header(table: Any, roles: dict[str, str]) -> bool:
    """Whether a header cell (TH) is anywhere in the table."""
    import pikepdf

    stack = [table]
    seen: set[tuple[int, int]] = set()
    while stack and len(seen) < MAX_ELEMENTS:
        element = stack.pop()
        kids = element.get("/K")
        for kid in list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]:
            if not isinstance(kid, pikepdf.Dictionary) or "/S" not in kid:
                continue
            if kid.is_indirect:
                if kid.objgen in seen:
                    continue
                seen.add(kid.objgen)
            if _standard(str(kid.S), roles) == "/TH":
                return True
            stack.append(kid)
    return False
