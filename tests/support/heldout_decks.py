"""Held-out TA-seuranta decks: typed the way a stranger might, from the format's description alone.

This generator was written from the description of the report format and the
text of one real round, without reading the importer. It is the judge the
importer was not shaped around: `heldout_round(seed)` returns the data a deck
says (a report and its projects, as they would be written in YAML) and
`heldout_deck(data, seed)` types that data into a deck, each way of typing
drawn independently of the others:

- slide size (16:9 or 4:3), cover in placeholders or in loose boxes;
- the kicker "TA-seuranta" and the project's name in one box (line break,
  vertical tab, a second paragraph) or in two boxes;
- the labels Omistaja / Projektipäällikkö(t) / Päivitetty with a colon, a
  comma, a dash, a tab or a space, in any case, in one box or one each; the
  updated date with or without its label;
- the footer: none, one box, three boxes, or the slide number alone;
- bullets typed, drawn by PowerPoint or none; numbered steps typed "1." or
  "1)" or numbered by PowerPoint, details indented under them;
- phases as chevrons, pentagons, rectangles or rounded rectangles, in the
  city's colours or Office's, loose or grouped, the percent on the same line
  or the next;
- the legend as coloured squares with words, as one line of text, or none;
  the 0 %–100 % scale or none;
- the verdict on its own line, as a bold coloured heading, or run into the
  first paragraph of the narrative; the status shown by a traffic light, by
  the verdict's colour, or by its words alone; the verdict in the usual or
  in other words (the latter only where a light or a colour says the status);
- risks numbered, bulleted or dashed, their mitigation in the same
  paragraph, the next, or none;
- the order of shapes on each slide shuffled.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

# --- words of the format ----------------------------------------------------------------

VERDICTS = {  # the usual sentence per status
    "on_track": "Tavoite on toteutumassa.",
    "at_risk": "Tavoitteen toteutuminen on vaarassa.",
    "off_track": "Tavoite ei toteudu.",
    "achieved": "Tavoite on toteutunut.",
}
OTHER_VERDICTS = {  # the same in a writer's own words
    "on_track": ["Työ etenee suunnitellusti ja tavoite saavutetaan.", "Tavoite saavutetaan vuoden loppuun mennessä."],
    "at_risk": ["Tavoitteen saavuttaminen on epävarmaa.", "Aikataulu on vaarassa venyä."],
    "off_track": ["Tavoitetta ei saavuteta tänä vuonna.", "Tavoite jää toteutumatta."],
    "achieved": ["Tavoite saavutettiin jo syyskuussa.", "Kaikki osatavoitteet on saavutettu."],
}
LIGHT = {"on_track": "009246", "at_risk": "FFC61E", "off_track": "BD2719", "achieved": "0072C6"}
CITY = {"done": "009246", "doing": "FFC61E", "todo": "DEDFE1"}
OFFICE = {"done": "00B050", "doing": "FFC000", "todo": "A6A6A6"}
LEGEND = [("TEKEMÄTTÄ", "todo"), ("TEKEILLÄ", "doing"), ("TEHTY", "done")]

# --- content pools ----------------------------------------------------------------------

FIRST = ["Mikko", "Suvi", "Tommi", "Kaarle", "Leevi", "Mika", "Sanna", "Anna-Liisa", "Jussi", "Päivi", "Olli",
         "Riikka", "Heikki", "Johanna", "Ville", "Elina", "Antti", "Minna"]
LAST = ["Vatka", "Ervamaa", "Laitio", "Kurki", "Kuokkanen", "Leivo", "Heikkinen", "Mäkelä", "Nieminen",
        "Lindqvist", "Korhonen", "Salo", "Björklund", "Räsänen", "Åberg", "Ojala"]
NAMES = ["Harrastuspassin käyttöönotto", "Palveluverkon suunnitteluperiaatteet", "Oma.Helsinki -asiakkuus",
         "Tilavarausjärjestelmän uudistus", "Pikapalautelaitteet kirjastoihin", "Nuorisotalojen aukioloajat",
         "Liikuntapaikkojen esteettömyys", "Kulttuurikeskusten lipunmyynti", "Avoimet kirjastot",
         "Museoiden digitaaliset kokoelmat", "Uimahallien energiansäästö", "Kesätapahtumien luvitus",
         "Asiakaspalautteen käsittely", "Ulkoilureittien kunnostus", "Taideopetuksen saavutettavuus"]
GOALS = [
    "KuVan tuloskortti 2019: ”Helsingissä on houkuttelevaa ja helppoa lähteä liikkeelle.”",
    "Uusi toimintamalli on otettu käyttöön kaikissa palvelukokonaisuuksissa (sitova mittari).",
    "Vähintään kaksi kolmesta asiakastietojärjestelmästä on kytketty asiakkuuteen.",
    "Suunnitteluperiaatteet on hyväksytty lautakunnassa vuoden loppuun mennessä.",
    "Asiakastyytyväisyys nousee vähintään 4,2:een asteikolla 1–5.",
    "Kaikki tilat ovat varattavissa verkossa ja puolet niistä on esteettömiä.",
]
CONTEXT = [
    "Kriteerinä on asiakastiedon kytkeminen profiiliin valituilta toiminnoilta.",
    "Hanke toteutetaan yhdessä kaupunkiympäristön toimialan kanssa.",
    "Resurssit: OKM on myöntänyt hankkeelle 185 000 euroa.",
    "Työ jatkuu vuonna 2020 toisessa vaiheessa.",
    "Pilotointi tehdään ensin kahdessa kirjastossa ja yhdessä nuorisotalossa.",
]
BULLETS = [
    "Sovellus on yläkoululaisille suunnattu valtakunnallinen palvelu.",
    "Yhdistykset voivat ladata palveluun omia tapahtumiaan.",
    "Tilat näkyvät myös palvelukartalla.",
    "Palautetta kerätään sekä laitteilla että verkossa.",
    "Henkilöstö koulutetaan keväällä.",
]
PHASES = ["TIEDONKERUU", "TOIMINNAN MALLINNUS", "TOIMINNAN KEHITTÄMINEN", "INNOVAATIOKILPAILU JA HANKINTA",
          "KEHITYS JA SISÄLLÖNTUOTANTO", "JULKAISU JA JALKAUTUS", "PILOTOINTI", "KÄYTTÖÖNOTTO", "ARVIOINTI",
          "MÄÄRITTELY", "KILPAILUTUS"]
STEPS = [
    "Valitaan palvelut, joilla toimintamallia pilotoidaan",
    "Määritellään käyttötapaukset ja tallennettava tietosisältö",
    "Kuullaan keskeisiä sidosryhmiä",
    "Toteutetaan esiselvitys tietotarpeista",
    "Kilpailutetaan toimittaja ja tehdään sopimus",
    "Koulutetaan henkilöstö ja tiedotetaan asukkaille",
    "Arvioidaan pilotin tulokset ja päätetään jatkosta",
]
DETAILS = [
    "Pilotissa mukana neljä toimipistettä.",
    "Työ on aloitettu syyskuussa.",
    "Sidosryhmille järjestettiin kaksi keskustelutilaisuutta.",
]
NARRATIVE = [
    "Ensimmäisinä liitettävät palvelut on valittu ja määrittelytyö on alkanut.",
    "Sovelluksen koekäyttö on marraskuun ensimmäisellä viikolla.",
    "60 pikapalautelaitetta on asennettu kirjastoihin ja uimahalleihin.",
    "Periaatteiden valmistelu on edennyt yhtaikaisesti monella eri tasolla.",
    "Rekisteröitymisen ja kirjautumisen määrittely on käynnissä.",
    "Hankinta viivästyi kaksi kuukautta valitusten vuoksi.",
]
RISKS = [
    "Tietokantojen integraatio viivästyy ensi vuoden puolelle.",
    "Yläkoululaiset eivät ota sovellusta käyttöön.",
    "Lautakunta ei hyväksy linjausta vuoden loppuun mennessä.",
    "Toimittajan resurssit eivät riitä aikatauluun.",
    "Henkilöstön vaihtuvuus hidastaa käyttöönottoa.",
]
MITIGATIONS = [
    "Aikataulua seurataan kuukausittain.",
    "Sovellus jalkautetaan yhteistyössä koulujen kanssa.",
    "Työn etenemistä esitellään lautakunnalle.",
    "Sopimukseen on kirjattu sanktiot.",
]
UNITS = ["Kehittämispalvelut", "Hallinto- ja kehittämispalvelut", "Kulttuurin ja vapaa-ajan toimiala"]


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.{year}"


def _people(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " ja " + names[-1]


def heldout_round(seed: int) -> dict[str, Any]:
    """A round of 2 to 5 projects: {'report': {...}, 'projects': [{...}, ...]} as YAML would hold them."""
    rng = random.Random(seed)
    year = rng.choice([2019, 2020, 2021])
    people = rng.sample([f"{f} {l}" for f in FIRST for l in LAST], 40)
    report = {"title": f"Sitovat toiminnalliset tavoitteet {year}", "as_of": _date(rng, year),
              "unit": rng.choice(UNITS), "footer_date": _date(rng, year), "language": "fi"}
    projects = []
    for name in rng.sample(NAMES, rng.randint(2, 5)):
        goal: dict[str, Any] = {"paragraphs": [rng.choice(GOALS), *rng.sample(CONTEXT, rng.randint(0, 2))]}
        if rng.random() < 0.6:
            goal["subheading"] = "Sitovat osatavoitteet"
        if rng.random() < 0.5:
            goal["bullets"] = rng.sample(BULLETS, rng.randint(1, 3))
        lanes = []
        for _ in range(rng.choice([1, 1, 2])):
            phases = []
            for phase_name in rng.sample(PHASES, rng.randint(2, 4)):
                status = rng.choice(["todo", "doing", "done"])
                phase: dict[str, Any] = {"name": phase_name, "status": status}
                if status == "doing" and rng.random() < 0.6:
                    phase["percent"] = rng.choice([20, 35, 50, 70, 85])
                phases.append(phase)
            lanes.append({"phases": phases})
        steps: list[Any] = []
        for text in rng.sample(STEPS, rng.randint(2, 5)):
            steps.append({"text": text, "details": rng.sample(DETAILS, 1)} if rng.random() < 0.25 else text)
        status = rng.choice(list(VERDICTS))
        risks: list[Any] = []
        for text in rng.sample(RISKS, rng.randint(1, 3)):
            risks.append({"risk": text, "mitigation": rng.choice(MITIGATIONS)} if rng.random() < 0.4 else text)
        projects.append({
            "name": name, "owner": people.pop(), "managers": [people.pop() for _ in range(rng.choice([1, 1, 2, 3]))],
            "updated": _date(rng, year), "goal": goal, "progress": {"lanes": lanes, "steps": steps},
            "forecast": {"status": status, "narrative": rng.sample(NARRATIVE, rng.randint(1, 3))},
            "risks": risks,
        })
    return {"report": report, "projects": projects}


# --- typing it in ------------------------------------------------------------------------


@dataclass
class Style:
    """One deck's ways of typing, each drawn on its own."""

    wide: bool
    cover_in_placeholders: bool
    kicker: str  # "vt", "br-paragraph", "two-boxes"
    separator: str
    upper_labels: bool
    labels_in_one_box: bool
    updated_label: bool
    footer: str  # "none", "one", "three", "number"
    bullet: str  # "typed", "drawn", "none"
    numbering: str  # "1.", "1)", "auto"
    phase_shape: MSO_SHAPE
    palette: dict[str, str]
    grouped: bool
    percent_next_line: bool
    legend: str  # "shapes", "text", "none"
    scale: bool
    verdict_place: str  # "line", "heading", "run-in"
    risk_mark: str  # "number", "bullet", "dash"
    mitigation_next: bool
    title_in_placeholder: bool


def draw_style(rng: random.Random) -> Style:
    return Style(
        wide=rng.random() < 0.5,
        cover_in_placeholders=rng.random() < 0.5,
        kicker=rng.choice(["vt", "br-paragraph", "two-boxes"]),
        separator=rng.choice([": ", ", ", " – ", "\t", " "]),
        upper_labels=rng.random() < 0.2,
        labels_in_one_box=rng.random() < 0.5,
        updated_label=rng.random() < 0.6,
        footer=rng.choice(["none", "one", "three", "number"]),
        bullet=rng.choice(["typed", "drawn", "none"]),
        numbering=rng.choice(["1.", "1)", "auto"]),
        phase_shape=rng.choice([MSO_SHAPE.CHEVRON, MSO_SHAPE.PENTAGON, MSO_SHAPE.RECTANGLE,
                                MSO_SHAPE.ROUNDED_RECTANGLE]),
        palette=rng.choice([CITY, OFFICE]),
        grouped=rng.random() < 0.4,
        percent_next_line=rng.random() < 0.5,
        legend=rng.choice(["shapes", "text", "none"]),
        scale=rng.random() < 0.5,
        verdict_place=rng.choice(["line", "heading", "run-in"]),
        risk_mark=rng.choice(["number", "bullet", "dash"]),
        mitigation_next=rng.random() < 0.5,
        title_in_placeholder=rng.random() < 0.6,
    )


def _box(shapes: Any, x: float, y: float, w: float, h: float) -> Any:
    box = shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    box.text_frame.word_wrap = True
    return box


def _para(frame: Any, text: str, *, first: bool, size: int = 14, bold: bool = False,
          colour: str | None = None, level: int = 0) -> Any:
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    paragraph.level = level
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold or None
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    return paragraph


def _lines(frame: Any, texts: list[str], **kwargs: Any) -> None:
    for i, text in enumerate(texts):
        _para(frame, text, first=i == 0, **kwargs)


def _drawn_mark(paragraph: Any, *, char: str | None = None, auto: str | None = None) -> None:
    """A bullet or a number that PowerPoint draws, not typed."""
    pPr = paragraph._p.get_or_add_pPr()
    pPr.set("marL", "342900")
    pPr.set("indent", "-342900")
    if char:
        etree.SubElement(pPr, qn("a:buChar")).set("char", char)
    if auto:
        etree.SubElement(pPr, qn("a:buAutoNum")).set("type", auto)


def _title(slide: Any, style: Style, text: str, width: float) -> None:
    if style.title_in_placeholder and slide.shapes.title is not None:
        slide.shapes.title.text = text
        return
    _para(_box(slide.shapes, 0.5, 0.3, width - 1, 0.8).text_frame, text, first=True, size=26, bold=True)


def _footer(slide: Any, style: Style, report: dict[str, Any], number: int, width: float, height: float) -> None:
    y = height - 0.45
    if style.footer == "one":
        gap = style.separator if style.separator == "\t" else "   "
        _para(_box(slide.shapes, 0.4, y, width - 0.8, 0.35).text_frame,
              f"{report['footer_date']}{gap}{report['unit']}{gap}{number}", first=True, size=9)
    elif style.footer == "three":
        _para(_box(slide.shapes, 0.4, y, 1.6, 0.35).text_frame, report["footer_date"], first=True, size=9)
        _para(_box(slide.shapes, width / 2 - 1.5, y, 3, 0.35).text_frame, report["unit"], first=True, size=9)
        _para(_box(slide.shapes, width - 1.0, y, 0.6, 0.35).text_frame, str(number), first=True, size=9)
    elif style.footer == "number":
        _para(_box(slide.shapes, width - 1.0, y, 0.6, 0.35).text_frame, str(number), first=True, size=9)


def _label(style: Style, word: str, value: str) -> str:
    word = word.upper() if style.upper_labels else word
    return f"{word}{style.separator}{value}"


def _shuffle(slide: Any, rng: random.Random) -> None:
    """Shapes in another order than they were typed: the reading order is not the XML order."""
    tree = slide.shapes._spTree
    shapes = [child for child in tree if child.tag in {qn("p:sp"), qn("p:grpSp"), qn("p:graphicFrame")}]
    rng.shuffle(shapes)
    for shape in shapes:
        tree.remove(shape)
        tree.append(shape)


def heldout_deck(data: dict[str, Any], seed: int) -> bytes:
    rng = random.Random(seed * 7919 + 1)
    style = draw_style(rng)
    report = data["report"]
    deck = Presentation()
    width, height = (13.333, 7.5) if style.wide else (10.0, 7.5)
    deck.slide_width, deck.slide_height = Inches(width), Inches(height)
    blank, title_only, title_slide = deck.slide_layouts[6], deck.slide_layouts[5], deck.slide_layouts[0]
    subtitle = f"Ennuste toteutumisesta {report['as_of']}"
    if style.cover_in_placeholders:
        cover = deck.slides.add_slide(title_slide)
        cover.shapes.title.text = report["title"]
        cover.placeholders[1].text = subtitle
    else:
        cover = deck.slides.add_slide(blank)
        _para(_box(cover.shapes, 1, 2.2, width - 2, 1.2).text_frame, report["title"], first=True, size=36, bold=True)
        _para(_box(cover.shapes, 1, 3.6, width - 2, 0.6).text_frame, subtitle, first=True, size=20)
    number = 1
    layout = title_only if style.title_in_placeholder else blank
    for project in data["projects"]:
        number += 1
        _title_slide(deck.slides.add_slide(blank), style, project, width)
        _footer(deck.slides[-1], style, report, number, width, height)
        for make in (_goal_slide, _progress_slide, _forecast_slide):
            number += 1
            slide = deck.slides.add_slide(layout)
            make(slide, style, project, width, height)
            _footer(slide, style, report, number, width, height)
    for slide in deck.slides:
        _shuffle(slide, rng)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _title_slide(slide: Any, style: Style, project: dict[str, Any], width: float) -> None:
    if style.kicker == "two-boxes":
        _para(_box(slide.shapes, 0.8, 1.0, width - 1.6, 0.5).text_frame, "TA-seuranta", first=True, size=20)
        _para(_box(slide.shapes, 0.8, 1.5, width - 1.6, 1.0).text_frame, project["name"], first=True, size=32,
              bold=True)
    else:
        frame = _box(slide.shapes, 0.8, 1.0, width - 1.6, 1.5).text_frame
        if style.kicker == "vt":
            paragraph = _para(frame, "TA-seuranta", first=True, size=30, bold=True)
            paragraph.add_line_break()
            run = paragraph.add_run()
            run.text = project["name"]
            run.font.size, run.font.bold = Pt(30), True
        else:
            _lines(frame, ["TA-seuranta", project["name"]], size=30, bold=True)
    managers = project["managers"]
    manager_word = "Projektipäällikkö" if len(managers) == 1 else "Projektipäälliköt"
    updated = _label(style, "Päivitetty", project["updated"]) if style.updated_label else project["updated"]
    lines = [_label(style, "Omistaja", project["owner"]), _label(style, manager_word, _people(managers)), updated]
    if style.labels_in_one_box:
        _lines(_box(slide.shapes, 0.8, 3.2, width - 1.6, 2).text_frame, lines, size=16)
    else:
        for i, line in enumerate(lines):
            _para(_box(slide.shapes, 0.8, 3.2 + 0.6 * i, width - 1.6, 0.5).text_frame, line, first=True, size=16)


def _goal_slide(slide: Any, style: Style, project: dict[str, Any], width: float, height: float) -> None:
    goal = project["goal"]
    _title(slide, style, "Tavoite", width)
    frame = _box(slide.shapes, 0.6, 1.4, width - 1.2, height - 2.2).text_frame
    first = True
    if goal.get("subheading"):
        _para(frame, goal["subheading"], first=True, size=18, bold=True)
        first = False
    for text in goal["paragraphs"]:
        _para(frame, text, first=first)
        first = False
    for text in goal.get("bullets", []):
        if style.bullet == "typed":
            _para(frame, "• " + text, first=first)
        else:
            paragraph = _para(frame, text, first=first)
            if style.bullet == "drawn":
                _drawn_mark(paragraph, char="•")
        first = False


def _progress_slide(slide: Any, style: Style, project: dict[str, Any], width: float, height: float) -> None:
    progress = project["progress"]
    _title(slide, style, "Ositettu tavoitteiden toteutuminen", width)
    left, right = 0.6, width - 0.6
    top = 1.5
    if style.legend == "shapes":
        x = right - 4.2
        for word, status in LEGEND:
            square = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x), Inches(1.1), Inches(0.18), Inches(0.18))
            square.fill.solid()
            square.fill.fore_color.rgb = RGBColor.from_string(style.palette[status])
            square.line.fill.background()
            _para(_box(slide.shapes, x + 0.2, 1.02, 1.2, 0.3).text_frame, word, first=True, size=9)
            x += 1.4
    elif style.legend == "text":
        _para(_box(slide.shapes, right - 4.2, 1.02, 4.2, 0.3).text_frame, "■ TEKEMÄTTÄ ■ TEKEILLÄ ■ TEHTY",
              first=True, size=9)
    lane_height = 0.75
    for l, lane in enumerate(progress["lanes"]):
        y = top + l * (lane_height + 0.15)
        phase_width = (right - left) / len(lane["phases"])
        drawn = []
        for p, phase in enumerate(lane["phases"]):
            shape = slide.shapes.add_shape(style.phase_shape, Inches(left + p * phase_width), Inches(y),
                                           Inches(phase_width * 0.97), Inches(lane_height))
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor.from_string(style.palette[phase["status"]])
            frame = shape.text_frame
            frame.word_wrap = True
            percent = phase.get("percent")
            if percent is not None and style.percent_next_line:
                _lines(frame, [phase["name"], f"{percent} %"], size=10, bold=True, colour="000000")
            else:
                text = f"{phase['name']} {percent} %" if percent is not None else phase["name"]
                _para(frame, text, first=True, size=10, bold=True, colour="000000")
            drawn.append(shape)
        if style.grouped:
            group = slide.shapes.add_group_shape(drawn)
            group.name = f"Kaista {l + 1}"
    below = top + len(progress["lanes"]) * (lane_height + 0.15)
    if style.scale:
        _para(_box(slide.shapes, left, below, 0.6, 0.3).text_frame, "0%", first=True, size=9)
        _para(_box(slide.shapes, right - 0.7, below, 0.7, 0.3).text_frame, "100 %", first=True, size=9)
    frame = _box(slide.shapes, left, below + 0.4, right - left, height - below - 1.2).text_frame
    first = True
    for n, step in enumerate(progress["steps"], start=1):
        text = step if isinstance(step, str) else step["text"]
        if style.numbering == "auto":
            _drawn_mark(_para(frame, text, first=first, size=12), auto="arabicPeriod")
        else:
            _para(frame, f"{n}{style.numbering[-1]} {text}", first=first, size=12)
        first = False
        for detail in [] if isinstance(step, str) else step.get("details", []):
            _para(frame, detail, first=False, size=11, level=1)


def _forecast_slide(slide: Any, style: Style, project: dict[str, Any], width: float, height: float) -> None:
    forecast = project["forecast"]
    status = forecast["status"]
    _title(slide, style, "Ennuste tavoitteiden toteutumisesta ja riskit", width)
    verdict = forecast.get("sentence") or VERDICTS[status]
    light = forecast.get("_light", True)
    colour = LIGHT[status] if forecast.get("_coloured") else None
    if light:
        dot = slide.shapes.add_shape(MSO_SHAPE.OVAL, Inches(width - 1.2), Inches(0.35), Inches(0.6), Inches(0.6))
        dot.fill.solid()
        dot.fill.fore_color.rgb = RGBColor.from_string(LIGHT[status])
        dot.line.fill.background()
    narrative = list(forecast["narrative"])
    top = 1.4
    if style.verdict_place == "heading":
        _para(_box(slide.shapes, 0.6, top, width - 2, 0.5).text_frame, verdict, first=True, size=18, bold=True,
              colour=colour)
        top += 0.6
    frame = _box(slide.shapes, 0.6, top, width - 1.2, 2.6).text_frame
    if style.verdict_place == "run-in":
        paragraph = frame.paragraphs[0]
        run = paragraph.add_run()
        run.text = verdict + " "
        run.font.size, run.font.bold = Pt(14), True
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
        rest = paragraph.add_run()
        rest.text = narrative[0]
        rest.font.size = Pt(14)
        _lines_after(frame, narrative[1:])
    else:
        if style.verdict_place == "line":
            _para(frame, verdict, first=True, bold=True, colour=colour)
            _lines_after(frame, narrative)
        else:
            _lines(frame, narrative)
    risks_frame = _box(slide.shapes, 0.6, top + 2.8, width - 1.2, height - top - 3.6).text_frame
    _para(risks_frame, project.get("_risks_heading", "Riskit ja niihin varautuminen"), first=True, bold=True)
    for n, risk in enumerate(project["risks"], start=1):
        text = risk if isinstance(risk, str) else risk["risk"]
        mitigation = None if isinstance(risk, str) else risk["mitigation"]
        mark = {"number": f"{n}. ", "bullet": "• ", "dash": "– "}[style.risk_mark]
        if mitigation and not style.mitigation_next:
            _para(risks_frame, f"{mark}{text} Varautuminen: {mitigation}", first=False, size=12)
        else:
            _para(risks_frame, mark + text, first=False, size=12)
            if mitigation:
                _para(risks_frame, f"Varautuminen: {mitigation}", first=False, size=12, level=1)


def _lines_after(frame: Any, texts: list[str]) -> None:
    for text in texts:
        _para(frame, text, first=False)


def heldout(seed: int) -> tuple[dict[str, Any], bytes]:
    """The data a held-out deck says, and the deck.

    The verdict's form is drawn per project: a light or none, a coloured verdict
    or not, the usual words or other words (only where a light or a colour tells
    the status). The data says what a careful reader of the deck would write: a
    verdict in other words is the project's `sentence`.
    """
    data = heldout_round(seed)
    rng = random.Random(seed * 104729 + 3)
    for project in data["projects"]:
        forecast = project["forecast"]
        light = rng.random() < 0.6
        coloured = rng.random() < 0.5
        if (light or coloured) and rng.random() < 0.4:
            forecast["sentence"] = rng.choice(OTHER_VERDICTS[forecast["status"]])
        forecast["_light"], forecast["_coloured"] = light, coloured
        if rng.random() < 0.3:
            project["_risks_heading"] = "Riskit, niihin varautuminen ja niiden toteutuminen"
    deck = heldout_deck(data, seed)
    for project in data["projects"]:
        project.pop("_risks_heading", None)
        project["forecast"].pop("_light")
        project["forecast"].pop("_coloured")
    return data, deck

