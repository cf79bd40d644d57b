"""The render-quality measurements of tests/support/quality.py on small hand-made pages (no LibreOffice).

Each measurement is shown to find its defect and to pass a clean page, so
that a criterion passing in tests/acceptance/test_render_quality.py means the defect
is absent, not that the measurement is blind.
"""

from __future__ import annotations

import io
import zipfile

import pytest

import quality
from quality import Geometry, SlideInfo
from rendercheck import Page, Word

GEOMETRY = Geometry(body_top=110.0, body_bottom=490.0, footer_top=500.0)
SPACE = 0.28  # Liberation Sans' space, in em
CHAR = 0.5  # an average letter, in em


def line(text: str, x: float, y: float, size: float = 16.0, space: float = SPACE) -> list[Word]:
    """The words of `text` set on one line from (x, y) at `size` pt, boxes as pdftotext reports them."""
    words = []
    for token in text.split():
        width = len(token) * CHAR * size
        words.append(Word(token, x, y, x + width, y + quality.BOX_PER_POINT * size))
        x += width + space * size
    return words


def column(lines: list[str], x: float, y: float, size: float = 16.0) -> list[Word]:
    """Lines of text, one under the other at 1.2 x the size."""
    return [word for i, text in enumerate(lines) for word in line(text, x, y + i * 1.2 * size, size)]


def page(*words: list[Word]) -> Page:
    return Page(960, 540, [word for group in words for word in group])


TITLE = line("Ennuste tavoitteiden toteutumisesta ja riskit", 43, 29, 28)
FOOTER = line("17.10.2019", 36, 507, 10) + line("Kehittämispalvelut", 440, 507, 10) + line("5", 918, 507, 10)


# --------------------------------------------------------------------------
# Geometry, slides, body words


def test_template_geometry_reads_the_content_layout() -> None:
    geometry = quality.template_geometry()
    assert geometry.body_top < geometry.body_bottom <= geometry.footer_top
    assert geometry.body_height == pytest.approx(geometry.body_bottom - geometry.body_top)


def test_body_words_leave_out_title_and_footer() -> None:
    body = line("Sovellus valmistuu viikolla 52", 43, 120)
    assert quality.body_words(page(TITLE, body, FOOTER), GEOMETRY) == body


def test_font_size_from_the_box_height() -> None:
    assert quality.font_size(line("Riski", 0, 0, 13.5)[0]) == pytest.approx(13.5)


def test_project_pages_run_from_a_title_slide_to_the_next() -> None:
    slides = [SlideInfo(1, "Cover", "Round"), SlideInfo(2, "Content", "Yhteenveto"),
              SlideInfo(3, "Project title", "A"), SlideInfo(4, "Content", "Tavoite"),
              SlideInfo(5, "Project title", "B"), SlideInfo(6, "Content", "Tavoite"),
              SlideInfo(7, "Content", "Tavoite (jatkuu)")]
    assert quality.project_pages(slides) == {"A": [2, 3], "B": [4, 5, 6]}


def test_slide_infos_read_layout_and_title() -> None:
    from pptx import Presentation

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[0])
    slide.shapes.title.text = "Kansi"
    raw = io.BytesIO()
    presentation.save(raw)
    assert quality.slide_infos(raw.getvalue()) == [SlideInfo(1, "Title Slide", "Kansi")]


# --------------------------------------------------------------------------
# (a) source words lost or broken


def test_source_texts_take_every_typed_text_and_no_computed_cell() -> None:
    from tafollow.data.model import Project

    project = Project.model_validate({
        "name": "Tilavaraus", "owner": "Mikko Vatka", "managers": ["Marika Westman"], "updated": "17.10.2019",
        "goal": {"subheading": "Sitovat osatavoitteet", "paragraphs": ["Tilat Varaamoon."]},
        "progress": {"lanes": [{"name": "Kaista", "phases": [{"name": "KERUU", "status": "done"}]}],
                     "span": {"name": "KUULEMINEN", "status": "doing"},
                     "milestones": [{"name": "HYVÄKSYNTÄ"}],
                     "steps": [{"text": "Prosessit kuvattu", "details": ["Lähes kaikki."]}], "notes": ["Huom."]},
        "tables": [{"title": "Tilat", "label_header": "Alue",
                    "columns": ["Valmis", "Aiemmin", {"name": "Yht.", "sum": ["Valmis", "Aiemmin"]}],
                    "rows": [{"label": "KIR", "values": [9, 0.5]}],
                    "total": {"label": "Yhteensä", "unit": "tilaa"}}],
        "forecast": {"status": "on_track", "sentence": "Oma lause.", "narrative": ["Kerronta."]},
        "risks": {"heading": "RISKIT", "items": [{"risk": "Hidasta.", "mitigation": "Ohjaus."}]},
    })
    texts = quality.source_texts(project, lambda value: str(value).replace(".", ","))
    for expected in ("Tilavaraus", "Mikko Vatka", "Marika Westman", "Sitovat osatavoitteet", "Tilat Varaamoon.",
                     "Kaista", "KERUU", "KUULEMINEN", "HYVÄKSYNTÄ", "Prosessit kuvattu", "Lähes kaikki.", "Huom.",
                     "Tilat", "Alue", "Valmis", "Aiemmin", "Yht.", "KIR", "9", "0,5", "Yhteensä", "tilaa",
                     "Oma lause.", "Kerronta.", "RISKIT", "Hidasta.", "Ohjaus."):
        assert expected in texts, expected
    assert "9,5" not in texts  # the computed cell


def test_every_word_shown_whole_passes() -> None:
    check = quality.lost_and_broken_words(["Tilojen vienti Varaamoon."],
                                          [page(line("Tilojen vienti Varaamoon.", 43, 120))])
    assert check == quality.WordsCheck(3, [], [])


def test_a_lost_word_and_a_lost_repetition_are_found() -> None:
    shown = page(line("Tilojen vienti Varaamoon", 43, 120))
    check = quality.lost_and_broken_words(["Tilojen vienti Varaamoon on kesken", "Tilojen vienti"], [shown])
    assert sorted(check.lost) == ["kesken", "on", "tilojen", "vienti"]
    assert check.total == 7 and check.broken == []


def test_a_word_broken_inside_is_found_with_its_pieces() -> None:
    shown = page(line("Lähes kaikki tilav", 43, 120), line("araus prosessit", 43, 140))
    check = quality.lost_and_broken_words(["Lähes kaikki tilavaraus prosessit"], [Page(960, 540), shown])
    assert check.lost == []
    assert [(b.word, b.pieces, b.page) for b in check.broken] == [("tilavaraus", ("tilav", "araus"), 1)]
    assert [w.text for w in check.broken[0].words] == ["tilav", "araus"]


def test_a_line_broken_after_the_words_own_hyphen_or_dash_is_no_break() -> None:
    shown = page(line("Kulttuurin ja vapaa-", 43, 120), line("ajan olosuhteet Kallio–", 43, 140),
                 line("Vallila", 43, 160))
    check = quality.lost_and_broken_words(["Kulttuurin ja vapaa-ajan olosuhteet Kallio–Vallila"], [shown])
    assert check == quality.WordsCheck(5, [], [])


def test_a_line_broken_after_a_slash_is_no_break_but_one_beside_the_hyphen_is() -> None:
    shown = page(line("määrittelevät projektipäälliköt/", 43, 120), line("vastuuhenkilöt. Vapaa-a", 43, 140),
                 line("jan tilat", 43, 160))
    check = quality.lost_and_broken_words(["määrittelevät projektipäälliköt/vastuuhenkilöt. Vapaa-ajan tilat"], [shown])
    assert check.lost == [] and [(b.word, b.pieces) for b in check.broken] == [("vapaa-ajan", ("vapaa-a", "jan"))]


def test_a_word_broken_in_a_repeated_header_is_found_though_shown_whole_elsewhere() -> None:
    first = page(line("Agreed Published", 43, 120), line("Agre ed", 500, 300))
    second = page(line("Agre ed", 500, 120))
    check = quality.lost_and_broken_words(["Agreed", "Published", "Agreed"], [first, second])
    assert check.lost == []
    assert [(b.word, b.page) for b in check.broken] == [("agreed", 0), ("agreed", 1)]
    assert [(w.x_min, w.y_min) for w in check.broken[0].words] == [(500, 300), (500 + 4 * CHAR * 16 + SPACE * 16, 300)]


def test_neighbouring_numbers_are_not_taken_for_a_broken_number() -> None:
    shown = page(line("2019 20 19", 43, 120))
    assert quality.lost_and_broken_words(["2019"], [shown]) == quality.WordsCheck(1, [], [])


def test_a_glued_list_number_does_not_hide_its_word() -> None:
    check = quality.lost_and_broken_words(["Costs exceed the budget"], [page(line("10.Costs exceed the budget", 43, 120))])
    assert check == quality.WordsCheck(4, [], [])


# --------------------------------------------------------------------------
# (c) list numbers glued to their text


def test_a_number_run_into_its_word_is_glued() -> None:
    glued = quality.glued_numbers(page(line("10.Costs exceed the budget", 456, 415, 10)))
    assert [(g.number.text, g.next) for g in glued] == [("10.Costs", None)]


def test_a_number_too_close_to_its_word_is_glued() -> None:
    number = line("10.", 456, 415, 10)
    text = line("Costs exceed", number[0].x_max + 0.1 * 10, 415, 10)
    glued = quality.glued_numbers(page(number, text))
    assert len(glued) == 1 and glued[0].next == text[0] and glued[0].gap_em == pytest.approx(0.1)


def test_numbers_with_a_gap_and_typed_numbers_are_not_glued() -> None:
    clean = page(line("9. Supplier's roadmap changes", 456, 400, 10), line("10. Costs exceed", 456, 415, 10),
                 line("Katso 2.Vaihe tästä", 43, 200))
    assert quality.glued_numbers(clean, typed=["Katso 2.Vaihe tästä"]) == []


# --------------------------------------------------------------------------
# (d) headings with nothing under them; where a heading starts

LEFT = column(["Sovelluksen koekäyttö marraskuun", "ensimmäisellä viikolla 2019", "Enemmän yhdessä -hankkeen",
               "nuorten kanssa. Koekäyttö", "koostuu kahdesta osasta."], 43, 380)


def test_a_heading_at_the_bottom_of_its_column_is_lone() -> None:
    risks = column(["• Riski 1: tarjonta on", "useissa tietokannoissa."], 456, 120) + line(
        "Riskit ja niihin varautuminen", 456, 440)
    lone = quality.lone_headings(page(TITLE, LEFT, risks, FOOTER), ["Riskit ja niihin varautuminen"], GEOMETRY)
    assert [[w.text for w in match] for match in lone] == [["Riskit", "ja", "niihin", "varautuminen"]]


def test_a_heading_with_text_under_it_is_not_lone() -> None:
    risks = line("RISKIT", 603, 114) + line("•", 603, 134) + line("Tilojen vieminen on hidasta.", 625, 134)
    assert quality.lone_headings(page(TITLE, LEFT, risks, FOOTER), ["RISKIT"], GEOMETRY) == []


def test_a_heading_alone_in_its_column_while_the_next_column_runs_on_is_lone() -> None:
    heading = line("Risks and mitigation", 603, 114)
    assert len(quality.lone_headings(page(TITLE, LEFT, heading, FOOTER), ["Risks and mitigation"], GEOMETRY)) == 1


def test_a_heading_word_inside_a_sentence_is_not_the_heading() -> None:
    sentence = line("Nämä RISKIT ovat pieniä", 43, 470)
    assert quality.lone_headings(page(TITLE, sentence, FOOTER), ["RISKIT"], GEOMETRY) == []
    assert quality.lone_headings(page(TITLE, line("riskit", 43, 470), FOOTER), ["RISKIT"], GEOMETRY) == []


def test_a_title_over_an_empty_body_is_found() -> None:
    assert quality.title_without_body(page(TITLE, FOOTER), GEOMETRY)
    assert not quality.title_without_body(page(TITLE, LEFT, FOOTER), GEOMETRY)


def test_heading_positions_give_the_first_word_of_each_occurrence() -> None:
    heading = line("Riskit ja niihin varautuminen", 602.8, 114)
    found = quality.heading_positions(page(TITLE, LEFT, heading, FOOTER), "Riskit ja niihin varautuminen", GEOMETRY)
    assert [w.x_min for w in found] == [602.8]


# --------------------------------------------------------------------------
# (e) continuation pages


def test_a_thin_continuation_page_is_measured_against_the_page_before() -> None:
    full = page(TITLE, column(["sana " * 10] * 10, 43, 120), FOOTER)
    thin = page(line("Ennuste (jatkuu)", 43, 29, 28), line("kolme sanaa tässä", 43, 120), FOOTER)
    normal = page(line("Ennuste (jatkuu)", 43, 29, 28), column(["sana " * 10] * 5, 43, 120), FOOTER)
    found = quality.continuations([full, thin, full, normal], ["Ennuste", "Ennuste (jatkuu)", "Ennuste",
                                                               "Ennuste (jatkuu)"], " (jatkuu)", GEOMETRY)
    assert [(c.page, c.words, c.previous_words) for c in found] == [(1, 3, 100), (3, 50, 100)]
    assert found[0].share == pytest.approx(0.03) and found[0].share < quality.MIN_CONTINUATION_SHARE
    assert found[1].share == pytest.approx(0.5)


def test_no_continuation_without_the_label() -> None:
    assert quality.continuations([page(TITLE), page(TITLE)], ["Ennuste", "Ennuste"], " (jatkuu)", GEOMETRY) == []


# --------------------------------------------------------------------------
# (f) small text on a half-empty page


def test_small_text_on_a_half_empty_page_is_found() -> None:
    small = column(["pieni teksti " * 5] * 4, 43, 120, 10)  # 40 words at 10 pt in ~60 pt of 380
    fill = quality.sparse_small_text(page(TITLE, small, FOOTER), GEOMETRY)
    assert fill is not None and fill.words == 40 and fill.size == pytest.approx(10) and fill.fill < 0.5


def test_small_text_filling_the_page_large_text_and_few_words_pass() -> None:
    filling = column(["pieni teksti " * 5] * 30, 43, 120, 10)  # 30 lines reach down to ~490
    large = column(["iso teksti " * 5] * 4, 43, 120, 16)
    few = column(["vain muutama sana"] * 6, 43, 120, 10)
    for body in (filling, large, few):
        assert quality.sparse_small_text(page(TITLE, body, FOOTER), GEOMETRY) is None


# --------------------------------------------------------------------------
# (g) text sizes

NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>'
REL = '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}" Target="{}"/>'


def _placeholder(kind: str, body: str, idx: str = "") -> str:
    index = f' idx="{idx}"' if idx else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="{kind}"/><p:cNvSpPr/><p:nvPr><p:ph type="{kind}"{index}/></p:nvPr>'
            f'</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>{body}</p:txBody></p:sp>')


def _deck(slide_body: str) -> bytes:
    slide = f'<p:sld {NS}><p:cSld><p:spTree>{slide_body}</p:spTree></p:cSld></p:sld>'
    layout = (f'<p:sldLayout {NS}><p:cSld><p:spTree>'
              + _placeholder("ftr", '<a:lstStyle><a:lvl1pPr><a:defRPr sz="1000"/></a:lvl1pPr></a:lstStyle><a:p/>', "11")
              + '</p:spTree></p:cSld></p:sldLayout>')
    master = (f'<p:sldMaster {NS}><p:cSld><p:spTree/></p:cSld><p:txStyles><p:titleStyle><a:lvl1pPr>'
              '<a:defRPr sz="3200"/></a:lvl1pPr></p:titleStyle></p:txStyles></p:sldMaster>')
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as archive:
        archive.writestr("ppt/slides/slide1.xml", slide)
        archive.writestr("ppt/slides/_rels/slide1.xml.rels",
                         RELS.format(REL.format("slideLayout", "../slideLayouts/slideLayout1.xml")))
        archive.writestr("ppt/slideLayouts/slideLayout1.xml", layout)
        archive.writestr("ppt/slideLayouts/_rels/slideLayout1.xml.rels",
                         RELS.format(REL.format("slideMaster", "../slideMasters/slideMaster1.xml")))
        archive.writestr("ppt/slideMasters/slideMaster1.xml", master)
    return raw.getvalue()


def test_text_sizes_count_explicit_and_inherited_sizes() -> None:
    body = ('<p:sp><p:nvSpPr><p:cNvPr id="3" name="Text"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr/>'
            '<p:txBody><a:bodyPr/><a:p><a:r><a:rPr sz="1600"/><a:t>teksti</a:t></a:r>'
            '<a:endParaRPr sz="1050"/></a:p></p:txBody></p:sp>')
    footer = _placeholder("ftr", '<a:p><a:r><a:rPr lang="fi-FI"/><a:t>Kehittämispalvelut</a:t></a:r></a:p>', "11")
    title = _placeholder("title", '<a:p><a:r><a:t>Otsikko</a:t></a:r></a:p>')
    sizes = quality.text_sizes(_deck(body + footer + title))
    assert list(sizes) == [10.0, 10.5, 16.0, 32.0]
    assert sizes[16.0] == ["ppt/slides/slide1.xml"]
    assert "inherited" in sizes[10.0][0] and "inherited" in sizes[32.0][0]


def test_text_sizes_skip_inheritance_when_the_slide_sets_the_size() -> None:
    title = _placeholder("title", '<a:p><a:r><a:rPr sz="2800"/><a:t>Otsikko</a:t></a:r></a:p>')
    assert list(quality.text_sizes(_deck(title))) == [28.0]
