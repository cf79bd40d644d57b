"""The deck's fixed words, read back: labels, headings, verdicts, dates and numbers.

Every fixed text the import looks for comes from the same
`templates/<language>/labels.j2` the build writes with: each macro is
rendered with a marker in place of the data, and what surrounds the marker
is the label. A deck made by hand is matched more loosely than one tafollow
made (case, a missing colon, "Projektipäällikkö" or "Projektipäälliköt",
"Tavoitteet" for "Tavoite"), but never by guessing at the data itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from tafollow.languages import DEFAULT, LANGUAGES, facts, labels

MARK, MARK2 = "\uE000", "\uE001"
"""Private-use characters: stand-ins for data while a label is rendered."""
STATUSES = ("on_track", "at_risk", "off_track", "achieved")
TYPED_NUMBER = re.compile(r"^\s*(\d{1,3})\s*[.)]\s+(?=\S)")
TYPED_BULLET = re.compile(r"^\s*[-–—•▪◦*·]\s+(?=\S)")
PERCENT = re.compile(r"^\s*(\d{1,3}(?:[.,]\d+)?)\s*%\s*$")
TRAILING_PERCENT = re.compile(r"\s+(\d{1,3}(?:[.,]\d+)?)\s*%\s*$")
_FI_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMBER = re.compile(r"^[-−–]?\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?$")


@dataclass(frozen=True)
class Words:
    """One language's fixed texts, as the import needs them."""

    language: str
    owner: str
    managers: tuple[str, ...]
    updated: str
    conjunction: str
    headings: dict[str, str]
    """goal / progress / forecast / summary → the standard slide title."""
    keys: dict[str, tuple[tuple[str, ...], ...]]
    """goal / progress / forecast / summary → the first words that identify that title."""
    risks_heading: str
    no_risks: str
    mitigation: str
    legend: dict[str, str]
    scale: tuple[str, ...]
    verdicts: dict[str, str]
    continued: str
    kicker: str
    cover: str
    notes: str
    months: tuple[str, ...]

    def date_text(self, day: date) -> str:
        return str(labels(self.language)("date", day))

    def number_text(self, value: float) -> str:
        return str(labels(self.language)("number", value))

    def percent_text(self, value: float) -> str:
        return str(labels(self.language)("percent", value))


def _around(rendered: str) -> tuple[str, str]:
    before, _, after = rendered.partition(MARK)
    return before, after


@lru_cache(maxsize=None)
def words(language: str) -> Words:
    say = labels(language)
    one = say("managers", [MARK])
    two = say("managers", [MARK, MARK2])
    conjunction = say("names", [MARK, MARK2]).split(MARK)[1].split(MARK2)[0]
    headings = {"goal": say("goal_heading"), "progress": say("progress_heading"),
                "forecast": say("forecast_heading"), "summary": say("summary_heading")}
    months = tuple(say("date", date(2001, month, 1)) for month in range(1, 13))
    return Words(
        language=language,
        owner=_around(say("owner", MARK))[0].strip(),
        managers=tuple(dict.fromkeys((_around(one)[0].strip(), _around(two)[0].strip()))),
        updated=_around(say("updated", date(2001, 1, 1)).replace(say("date", date(2001, 1, 1)), MARK))[0].strip(),
        conjunction=conjunction,
        headings=headings,
        keys=_keys(headings, facts(language).goal_headings),
        risks_heading=say("risks_heading"),
        no_risks=say("no_risks"),
        mitigation=_around(say("mitigation", MARK))[0].strip(),
        legend={status: say(f"status_{status}") for status in ("todo", "doing", "done")},
        scale=(say("scale_start"), say("scale_end")),
        verdicts={status: say(f"forecast_{status}") for status in STATUSES},
        continued=_around(say("continued", MARK))[1],
        kicker=say("kicker"),
        cover=_around(say("cover_subtitle", date(2001, 1, 1)).replace(say("date", date(2001, 1, 1)), MARK))[0],
        notes=_around(say("notes", MARK, date(2001, 1, 1)))[0],
        months=tuple(re.sub(r"[\d\s.]", "", month) for month in months),
    )


@lru_cache(maxsize=1)
def total_words() -> frozenset[str]:
    """Labels that mark a table's total row in any language (with the numbers adding up, which is what decides)."""
    return frozenset(word for language in LANGUAGES for word in facts(language).total_words)


def all_words() -> list[Words]:
    return [words(language) for language in LANGUAGES]


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))


def _keys(headings: dict[str, str], goal_variants: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The fewest first words that tell each title from the others ("Goal" and "Goal fulfilment")."""
    tokens = {kind: _tokens(text) for kind, text in headings.items()}
    keys: dict[str, tuple[tuple[str, ...], ...]] = {}
    for kind, own in tokens.items():
        others = [t for k, t in tokens.items() if k != kind]
        length = next((n for n in range(1, len(own) + 1)
                       if all(t[:n] != own[:n] or len(t) < n for t in others)), len(own))
        variants = [own[:length]] + ([_tokens(v) for v in goal_variants] if kind == "goal" else [])
        keys[kind] = tuple(variants)
    return keys


# --------------------------------------------------------------------------
# Titles


def strip_title(title: str, project: str | None = None) -> tuple[str, bool]:
    """A slide title without a continued mark ("(jatkuu)") or a trailing " – <project name>".

    The rest is kept as typed (line breaks and spaces too): it may be a
    heading of the data's own.
    """
    text = title.strip()
    marks = [_continued_pattern(w.continued) for w in all_words() if w.continued.strip()]
    patterns = [re.compile(rf"\s*(?:{'|'.join(marks)})\s*$")]
    if project and project.split():
        name = r"\s+".join(map(re.escape, project.split()))
        patterns.append(re.compile(rf"\s+[–—-]\s+{name}\s*$"))
    continued = False
    changed = True
    while changed:
        changed = False
        for index, pattern in enumerate(patterns):
            found = pattern.search(text)
            if found and found.start() > 0:
                text, changed = text[: found.start()], True
                continued = continued or index == 0
    return text, continued


def _continued_pattern(mark: str) -> str:
    """The continued mark as a pattern: "(jatkuu)", and "(jatkuu 2/3)" as a deck of more pages numbers it."""
    pattern = r"\s+".join(map(re.escape, mark.split()))
    if mark.rstrip().endswith(")"):
        pattern = pattern[: -len(re.escape(")"))] + r"(?:\s+\d+\s*/\s*\d+)?\)"
    return pattern


def is_cover_subtitle(text: str) -> bool:
    """"Ennuste toteutumisesta 21.10.2019": the cover's subtitle, which starts like the forecast heading."""
    line = " ".join(text.split()).casefold()
    return any(w.cover.strip() and line.startswith(" ".join(w.cover.split()).casefold()) for w in all_words())


def same_text(a: str | None, b: str) -> bool:
    """Equal but for how spaces and line breaks fall: a title is the standard one however it wraps."""
    return a is not None and a.split() == b.split()


def title_kind(title: str) -> tuple[str, str, str] | None:
    """(kind, language, what follows a standard title after a dash) when `title` is a known slide title.

    Kinds: goal, progress, forecast, summary. The longest matching key wins,
    so "Goal fulfilment by part" is the progress slide, not the goal slide.
    """
    tokens = _tokens(title)
    best: tuple[int, str, Words] | None = None
    for w in all_words():
        for kind, keys in w.keys.items():
            for key in keys:
                if tokens[: len(key)] == key and (best is None or len(key) > best[0]):
                    best = (len(key), kind, w)
    if best is None:
        return None
    _, kind, w = best
    standard = r"\s+".join(map(re.escape, w.headings[kind].split()))
    after = re.match(rf"\s*{standard}\s+[–—-]\s+(\S.*)$", title, re.DOTALL)
    return kind, w.language, after.group(1).strip() if after else ""


# --------------------------------------------------------------------------
# Verdicts, dates, numbers


def is_risks_heading(paragraph: Any) -> bool:
    """A paragraph that heads the risks: "Riskit ja niihin varautuminen", "RISKIT", "Risks:" …"""
    text = " ".join(paragraph.text.split())
    if paragraph.bullet is not None or not text or len(text) > 100 or text.endswith(".") or TYPED_NUMBER.match(text):
        return False
    first = _tokens(text)[:1]
    return any(first == _tokens(w.risks_heading)[:1] for w in all_words())


def verdict(text: str) -> tuple[str, bool] | None:
    """(status, exact) when `text` says how the goal stands; exact for a standard sentence."""
    plain = " ".join(text.split())
    for w in all_words():
        for status, sentence in w.verdicts.items():
            if plain.casefold() == sentence.casefold():
                return status, True
    found = set(_tokens(plain))
    best: tuple[int, str] | None = None
    tie = False
    for w in all_words():
        sentences = {status: set(_tokens(sentence)) for status, sentence in w.verdicts.items()}
        for status, own in sentences.items():
            unique = own - set().union(*(s for k, s in sentences.items() if k != status))
            hits = len(unique & found)
            if hits and (best is None or hits > best[0]):
                best, tie = (hits, status), False
            elif hits and best is not None and hits == best[0] and status != best[1]:
                tie = True
    if best is None or tie:
        return None
    return best[1], False


def find_date(text: str) -> tuple[date, str] | None:
    """The first date in `text` (9.10.2019, 2019-10-09 or 9 October 2019) and the text it was read from."""
    candidates = []
    for pattern, order in ((_FI_DATE, (2, 1, 0)), (_ISO_DATE, (0, 1, 2))):
        for match in pattern.finditer(text):
            year, month, day = (int(match.group(i + 1)) for i in order)
            candidates.append((match.start(), year, month, day, match.group()))
    for w in all_words():
        if not any(w.months):
            continue
        names = "|".join(re.escape(m) for m in w.months if m)
        for match in re.finditer(rf"(?<!\d)(\d{{1,2}})\.?\s+({names})\s+(\d{{4}})(?!\d)", text, re.IGNORECASE):
            month = [m.casefold() for m in w.months].index(match.group(2).casefold()) + 1
            candidates.append((match.start(), int(match.group(3)), month, int(match.group(1)), match.group()))
    for _, year, month, day, source in sorted(candidates):
        try:
            return date(year, month, day), source
        except ValueError:
            continue
    return None


def number(text: str, language: str = DEFAULT) -> int | float | None:
    """A table cell's number: "1 234", "3,5", "−2"; None when the cell is not a plain number."""
    plain = text.strip().replace("\u2212", "-").replace("–", "-")
    if not _NUMBER.match(plain):
        return None
    plain = re.sub(r"[ \u00a0\u202f]", "", plain)
    if facts(language).thousands_separator == "," and re.fullmatch(r"-?\d{1,3}(,\d{3})+", plain):
        plain = plain.replace(",", "")
    plain = plain.replace(",", ".")
    value = float(plain)
    return int(value) if "." not in plain else value


def percent(text: str) -> float | None:
    match = PERCENT.match(text)
    return float(match.group(1).replace(",", ".")) if match else None


def split_names(text: str) -> list[str]:
    """ "A, B ja C" → [A, B, C], with any language's "and"."""
    parts = [text]
    for w in all_words():
        joined = []
        for part in parts:
            head, sep, tail = part.rpartition(w.conjunction)
            joined += [head, tail] if sep and head.strip() and tail.strip() else [part]
        parts = joined
    names = []
    for part in parts:
        names += [name.strip() for name in re.split(r"[,;/]| & ", part)]
    return [name for name in names if name]
