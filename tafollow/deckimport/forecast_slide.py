"""The forecast slide(s) of a project → `forecast:` and `risks:`.

The status is the traffic light's colour (the nearest of green, blue,
yellow and red); without a light, the verdict sentence says it ("Tavoite
ei toteudu." → off_track). The verdict is the first paragraph when it is
such a sentence, or bold beside a light; the paragraphs after it are the
narrative, up to a risks heading. Under that heading every paragraph is a
risk (bulleted, numbered, or typed with a dash or a number), and a
"Varautuminen: …" in the same paragraph or the next is its mitigation.
"""

from __future__ import annotations

import re
from typing import Any

from tafollow.deckimport.doubts import Checks, quote
from tafollow.deckimport.palette import LIGHTS, nearest
from tafollow.deckimport.paragraphs import Line, join_pages, lines, list_mark
from tafollow.deckimport.pptxread import Box
from tafollow.deckimport.slides import LIGHT_SHAPES, Page
from tafollow.deckimport.words import all_words, is_risks_heading, same_text, verdict, words

RIGHT_MARGIN = 20.0
"""A box this close to the risks column's left edge is in that column."""
_LABELS = "|".join(re.escape(w.mitigation.rstrip(":")) for w in all_words())
_MITIGATION_START = re.compile(rf"^\s*(?:{_LABELS})\s*[:–-]\s*", re.IGNORECASE)
_MITIGATION_INSIDE = re.compile(rf"\s*\b(?:{_LABELS})\s*:\s*", re.IGNORECASE)


def read_forecast(pages: list[Page], width: float, language: str, checks: Checks
                  ) -> tuple[dict[str, Any], Any]:
    """(the `forecast:` mapping, the `risks:` value or None) of a project's forecast slides."""
    if not pages:
        return {"status": "on_track"}, None
    lights: list[tuple[Box, int]] = []
    told: list[list[Line]] = []
    risk_pages: list[list[Line]] = []
    heading: Line | None = None
    column: float | None = None
    for page in pages:
        number = page.slide.number
        lights += [(box, number) for box in page.boxes if _is_light(box)]
        boxes = [box for box in page.boxes if not _is_light(box) and box.kind != "other"]
        found = lines(boxes, number, width)
        at = next((i for i, line in enumerate(found) if is_risks_heading(line.para)), None)
        if at is not None and heading is None:
            heading = found[at]
            if found[at].box.readable[0] is found[at].para and found[at].box.x >= width * 0.3:
                column = found[at].box.x
            told.append(found[:at])
            risk_pages.append(found[at + 1:])
        elif column is not None:
            told.append([line for line in found if line.box.x < column - RIGHT_MARGIN])
            risk_pages.append([line for line in found if line.box.x >= column - RIGHT_MARGIN])
        elif heading is not None:
            risk_pages.append(found)
        else:
            told.append(found)
    first = pages[0].slide.number if pages else 0
    custom = pages[0].heading if pages and pages[0].heading and not any(
        same_text(pages[0].heading, w.headings["forecast"]) for w in all_words()) else None
    forecast = _forecast(join_pages(told), lights, language, first, checks, custom)
    risks = _risks(heading, join_pages(risk_pages), language, checks) if heading is not None else None
    return forecast, risks


def _is_light(box: Box) -> bool:
    return box.kind == "figure" and box.geometry in LIGHT_SHAPES and box.w <= 72 and not box.text.strip()


def _forecast(told: list[Line], lights: list[tuple[Box, int]], language: str, slide: int,
              checks: Checks, heading: str | None) -> dict[str, Any]:
    said = verdict(told[0].text) if told else None
    is_verdict = bool(told) and (said is not None or (bool(lights) and told[0].para.bold))
    status = _light_status(lights, checks)
    sentence = told[0].text if is_verdict else None
    if status is None:
        if said is not None:
            status = said[0]
            if not said[1]:
                checks.add(slide, ("forecast", "status"),
                           f"no traffic light; {status} read from the sentence {quote(told[0].text)}")
        else:
            status = "on_track"
            checks.add(slide, ("forecast", "status"), "no traffic light and no verdict sentence; written as on_track")
    elif said is not None and said[1] and said[0] != status:
        checks.add(slide, ("forecast", "sentence"), f"the traffic light says {status} but the sentence "
                                                    f"{quote(told[0].text)} says {said[0]}")
    if not is_verdict and lights:
        checks.add(slide, ("forecast", "status"), "no verdict sentence beside the light; the deck will say "
                                                  f"{quote(words(language).verdicts[status])}")
    forecast: dict[str, Any] = {"status": status}
    if sentence is not None and sentence != words(language).verdicts[status]:
        forecast["sentence"] = sentence
    if heading is not None:
        forecast["heading"] = heading
    narrative = [line.text for line in (told[1:] if is_verdict else told)]
    if narrative:
        forecast["narrative"] = narrative
    return forecast


def _light_status(lights: list[tuple[Box, int]], checks: Checks) -> str | None:
    coloured = [(box, slide, nearest(box.fill, LIGHTS)) for box, slide in lights if box.fill]
    if not coloured:
        return None
    sure = [item for item in coloured if item[2].sure] or coloured
    box, slide, found = sure[0]
    if not found.sure:
        checks.add(slide, ("forecast", "status"), f"the traffic light's colour #{box.fill} is not clearly green, "
                                                  f"blue, yellow or red; read as {found.key}")
    elif len({item[2].key for item in sure}) > 1:
        checks.add(slide, ("forecast", "status"), "more than one coloured light; the first is used")
    return found.key


def _risks(heading: Line, found: list[Line], language: str, checks: Checks) -> Any:
    items: list[dict[str, str]] = []
    numbered = 0
    marked = 0
    no_risks = {w.no_risks.casefold() for w in all_words()}
    for line in found:
        if " ".join(line.text.split()).casefold() in no_risks:
            continue
        start = _MITIGATION_START.match(line.text)
        if start:
            rest = line.text[start.end():]
            if items and "mitigation" not in items[-1]:
                items[-1]["mitigation"] = rest
            else:
                items.append({"risk": line.text})
                checks.add(line.slide, ("risks", "items", len(items) - 1),
                           f"{quote(line.text)} is not under a risk of its own; kept as a risk")
            continue
        mark, text = list_mark(line.para)
        if mark is not None:
            marked += 1
            numbered += mark == "number"
        elif marked:
            checks.add(line.slide, ("risks", "items", len(items)),
                       f"{quote(line.text)} has no bullet among bulleted risks; kept as a risk of its own")
        inside = _MITIGATION_INSIDE.search(text)
        if inside and inside.start() > 0 and text[inside.end():].strip():
            items.append({"risk": text[: inside.start()], "mitigation": text[inside.end():]})
        else:
            items.append({"risk": text})
    risks: dict[str, Any] = {}
    standard = words(language).risks_heading
    if heading.text != standard:
        risks["heading"] = heading.text
    if numbered and numbered * 2 >= marked:
        risks["numbered"] = True
    simple = [item if "mitigation" in item else item["risk"] for item in items]
    if not simple and not risks:
        return None
    if not risks:
        return simple
    risks["items"] = simple
    return risks
