"""The published PDF: tagged PDF/UA from `build --pdf`, and `tafollow check` on any PDF.

The slow tests build the shipped data (fi and sv, with the overview) and
the other division's data (en) through LibreOffice and read the result
with pikepdf directly, not through tafollow's checker: the facts a screen
reader depends on are counted here a second way. The fast tests give
tafollow's checker hand-made PDFs with known faults.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from typer.testing import CliRunner

from conftest import SHIPPED_DATA
from tafollow.commands import preview
from tafollow.cli import app
from tafollow.check.pdf import check_pdf
from tafollow.commands.pdftags import finish_page

OTHER = SHIPPED_DATA.parent / "tests" / "data" / "other-division"
DECKS = {
    # name: data, --lang, language tag of the PDF, title, author
    "shipped-fi": (SHIPPED_DATA, "fi", "fi-FI", "Sitovat toiminnalliset tavoitteet 2019", "Kehittämispalvelut"),
    "shipped-sv": (SHIPPED_DATA, "sv", "sv-FI", "Sitovat toiminnalliset tavoitteet 2019", "Kehittämispalvelut"),
    "other-division-en": (OTHER, "en", "en-GB", "Binding operational goals 2021",
                          "Education Division, Development Services"),
}


# --------------------------------------------------------------------------
# Hand-made PDFs


def _pdf(path: Path, *, tagged: bool = True, lang: str | None = "fi-FI", ua: bool = True, title: str = "Kierros",
         shown: bool = True, pages: int = 2, figure_alt: str | None = None, header: bool = False,
         headings: tuple[int, ...] = (0,)) -> Path:
    """A PDF of `pages` pages; when tagged, page 1 has a figure and a table, and `headings` name pages with an H."""
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(960, 540))
    if lang:
        pdf.Root.Lang = lang
    if shown:
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        if title:
            meta["dc:title"] = title
        if ua:
            meta.register_xml_namespace("http://www.aiim.org/pdfua/ns/id/", "pdfuaid")
            meta["pdfuaid:part"] = "1"
    if tagged:
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array()))
        pdf.Root.StructTreeRoot = root

        def element(kind: str, page: int, **more: Any) -> Any:
            made = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + kind),
                                                        P=root, Pg=pdf.pages[page].obj, K=pikepdf.Array(), **more))
            return made

        for page in headings:
            root.K.append(element("H", page))
        figure = element("Figure", 0, **({"Alt": figure_alt} if figure_alt else {}))
        table = element("Table", 0)
        row = element("TR", 0)
        row.K.append(element("TH" if header else "TD", 0))
        row.K.append(element("TD", 0))
        table.K.append(row)
        root.K.append(figure)
        root.K.append(table)
    pdf.save(path)
    return path


def _rules(path: Path, lang: str | None = None) -> Counter[tuple[int, str]]:
    return Counter((p.slide, p.rule) for p in check_pdf(path, lang).problems)


def test_a_pdf_without_faults_has_no_problems(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "ok.pdf", figure_alt="Liikennevalo: vihreä", header=True, headings=(0, 1))
    assert _rules(path, "fi") == Counter()


def test_an_untagged_pdf_gets_every_document_problem(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "plain.pdf", tagged=False, lang=None, ua=False, shown=False)
    assert _rules(path) == Counter({(0, "untagged"): 1, (0, "pdfua-identifier"): 1, (0, "pdf-language"): 1,
                                    (0, "title-not-shown"): 1})


def test_a_title_that_is_not_shown_or_missing_is_reported(tmp_path: Path) -> None:
    hidden = _pdf(tmp_path / "hidden.pdf", shown=False, figure_alt="x", header=True, headings=(0, 1))
    untitled = _pdf(tmp_path / "untitled.pdf", title="", figure_alt="x", header=True, headings=(0, 1))
    assert _rules(hidden) == Counter({(0, "title-not-shown"): 1})
    assert _rules(untitled) == Counter({(0, "title-not-shown"): 1})


def test_the_wrong_language_is_reported_when_the_right_one_is_given(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "en.pdf", lang="en-US", figure_alt="x", header=True, headings=(0, 1))
    assert _rules(path) == Counter()  # a stated, well-formed language is all a checker can know alone
    assert _rules(path, "fi") == Counter({(0, "pdf-language"): 1})
    assert _rules(path, "en") == Counter()


def test_structure_faults_are_found_on_their_pages(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "faults.pdf", pages=3, headings=(0,))
    assert _rules(path) == Counter({(1, "missing-alt-text"): 1, (1, "table-header"): 1,
                                    (2, "page-without-heading"): 1, (3, "page-without-heading"): 1})


def test_a_role_mapped_heading_counts(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "mapped.pdf", pages=1, headings=(), figure_alt="x", header=True)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        root = pdf.Root.StructTreeRoot
        root.RoleMap = pikepdf.Dictionary(Otsikko=pikepdf.Name.H1)
        root.K.append(pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name("/Otsikko"), P=root,
                                                           Pg=pdf.pages[0].obj)))
        pdf.save(path)
    assert _rules(path) == Counter()


def test_a_structure_tree_that_loops_is_walked_once(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "loop.pdf", pages=1, figure_alt="x", header=True)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        first = pdf.Root.StructTreeRoot.K[0]
        first.K.append(pdf.Root.StructTreeRoot.K[1])
        pdf.Root.StructTreeRoot.K[1].K.append(first)
        pdf.save(path)
    assert _rules(path) == Counter()


def test_the_command_reports_a_pdf_like_a_deck(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "faults.pdf", pages=2, headings=(0,))
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{path}: dia 1, muoto 'Figure': kuvalta tai muodolta puuttuu vaihtoehtoinen teksti " \
           "(tai merkintä koristeeksi) [missing-alt-text]" in lines
    assert f"{path}: dia 2: sivulla ei ole otsikkoa [page-without-heading]" in lines
    assert "3 saavutettavuusongelmaa 2 diassa" in result.stderr
    as_json = CliRunner().invoke(app, ["check", str(path), "--format", "json"])
    assert {entry["rule"] for entry in json.loads(as_json.stdout)} == {"missing-alt-text", "table-header",
                                                                      "page-without-heading"}
    clean = _pdf(tmp_path / "ok.pdf", figure_alt="x", header=True, headings=(0, 1))
    result = CliRunner().invoke(app, ["check", str(clean)])
    assert result.exit_code == 0
    assert "Ei saavutettavuusongelmia (2 diaa)" in result.stdout


def test_a_broken_pdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2  # not checked, which is not "problems found"
    assert "not a readable PDF" in result.stderr
    assert "Traceback" not in result.output


def test_loose_painting_and_doomed_marks_become_artifacts() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    page.obj.Contents = pdf.make_stream(
        b"0 0 1 rg 0 0 10 10 re f q 1 0 0 rg 5 5 2 2 re f Q "
        b"/Figure <</MCID 0>> BDC 1 1 1 1 re f EMC /P <</MCID 1>> BDC BT /F1 12 Tf (a) Tj ET EMC")
    finish_page(pdf, page, {0: "Layout"})
    marks = [(list(operands), str(operator)) for operands, operator in pikepdf.parse_content_stream(page)
             if str(operator) in ("BMC", "BDC", "EMC")]
    assert marks == [
        ([pikepdf.Name.Artifact], "BMC"), ([], "EMC"),  # the background, before q
        ([pikepdf.Name.Artifact], "BMC"), ([], "EMC"),  # inside q … Q
        ([pikepdf.Name.Artifact, pikepdf.Dictionary(Type=pikepdf.Name.Layout)], "BDC"), ([], "EMC"),
        ([pikepdf.Name.P, pikepdf.Dictionary(MCID=1)], "BDC"), ([], "EMC"),
    ]


# --------------------------------------------------------------------------
# Our PDFs, through LibreOffice


@pytest.fixture(scope="module")
def built(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf")
    made = {}
    for name, (data, lang, *_) in DECKS.items():
        deck = out / f"{name}.pptx"
        result = CliRunner().invoke(app, ["build", str(data), "-o", str(deck), "--lang", lang, "--summary", "--pdf",
                                          "--quiet"])
        assert result.exit_code == 0, result.output
        made[name] = deck.with_suffix(".pdf")
    return made


def _elements(pdf: Any) -> list[tuple[str, int, Any]]:
    """Every structure element: its type, its page (1-based) and itself."""
    pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
    out = []
    stack = [(pdf.Root.StructTreeRoot, 0, True)]
    while stack:
        element, page, root = stack.pop()
        where = element.get("/Pg")
        page = pages.get(where.objgen, page) if where is not None else page
        if not root:
            out.append((str(element.S), page, element))
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                stack.append((kid, page, False))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", DECKS)
def test_our_pdf_is_tagged_pdf_ua_in_the_decks_language(name: str, built: dict[str, Path]) -> None:
    _, lang, tag, title, author = DECKS[name]
    with pikepdf.open(built[name]) as pdf:
        assert bool(pdf.Root.MarkInfo.Marked)
        assert str(pdf.Root.Lang) == tag
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        with pdf.open_metadata() as meta:
            assert meta["pdfuaid:part"] == "1"
            assert meta["dc:title"] == title
            assert author in str(meta.get("dc:creator"))
        elements = _elements(pdf)
        count = len(pdf.pages)
    assert count == 30  # 29 slides or 28 and the overview … and no pages of speaker notes
    kinds = Counter(kind for kind, _, _ in elements)
    assert {page for kind, page, _ in elements if kind == "/H"} == set(range(1, count + 1))
    assert [page for kind, page, e in elements if kind == "/Figure" and not str(e.get("/Alt", "")).strip()] == []
    assert kinds["/Figure"] >= 7  # the traffic lights and milestones speak
    tables = [e for kind, _, e in elements if kind == "/Table"]
    assert tables and all(any(k == "/TH" for k, _, _ in _below(t)) for t in tables)
    assert kinds["/L"] > 0 and kinds["/LI"] == kinds["/LBody"] > 0


def _below(element: Any) -> list[tuple[str, int, Any]]:
    out = []
    stack = [element]
    while stack:
        current = stack.pop()
        kids = current.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                out.append((str(kid.S), 0, kid))
                stack.append(kid)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", DECKS)
def test_check_finds_no_problem_in_our_pdf(name: str, built: dict[str, Path]) -> None:
    lang = DECKS[name][1]
    result = CliRunner().invoke(app, ["check", str(built[name]), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [{"fi": "Ei saavutettavuusongelmia (30 diaa)",
                                           "sv": "Inga tillgänglighetsproblem (30 bilder)",
                                           "en": "No accessibility problems (30 slides)"}[lang]]


@pytest.mark.slow
def test_libreoffices_own_exports_get_their_problems_reported(built: dict[str, Path], soffice: str,
                                                              tmp_path: Path) -> None:
    deck = built["shipped-fi"].with_suffix(".pptx")

    def export(how: str, folder: str) -> Path:
        target = tmp_path / folder
        subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                        "--convert-to", how, "--outdir", str(target), str(deck)], check=True, capture_output=True,
                       timeout=300)
        return target / deck.with_suffix(".pdf").name

    plain = _rules(export("pdf", "plain"), "fi")
    assert set(rule for _, rule in plain) == {"untagged", "pdfua-identifier", "pdf-language", "title-not-shown"}
    # Tagged, but neither in the deck's language nor with the decoration made artifacts.
    raw = _rules(export(preview.export_filter(), "raw"), "fi")
    assert raw[(0, "pdf-language")] == 1
    assert sum(n for (_, rule), n in raw.items() if rule == "missing-alt-text") >= 30
    assert set(rule for _, rule in raw) == {"pdf-language", "missing-alt-text"}
    result = CliRunner().invoke(app, ["check", str(tmp_path / "plain" / deck.with_suffix(".pdf").name)])
    assert result.exit_code == 1


@pytest.mark.slow
def test_the_pdf_looks_as_before_the_tags_were_mended(built: dict[str, Path], soffice: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Artifacts change what is read, never what is drawn: every page renders to the same pixels."""
    from tafollow.commands import pdftags

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("needs pdftoppm (poppler-utils)")
    deck = built["shipped-fi"].with_suffix(".pptx")
    # LibreOffice's export as tafollow asks for it, in the deck's language, left as LibreOffice made it.
    monkeypatch.setattr(pdftags, "finish", lambda made, pptx, out: shutil.copy(made, out))
    raw_pdf = preview.to_pdf(deck, tmp_path / "raw")
    with pikepdf.open(raw_pdf) as pdf:
        assert any(kind == "/Figure" and "/Alt" not in e for kind, _, e in _elements(pdf))  # there was work to do
    for name, pdf_path in (("raw", raw_pdf), ("ours", built["shipped-fi"])):
        subprocess.run([pdftoppm, "-r", "30", "-png", str(pdf_path), str(tmp_path / name)], check=True, timeout=300)
    raw = sorted(tmp_path.glob("raw-*.png"))
    assert len(raw) == 30
    for page in raw:
        assert page.read_bytes() == (tmp_path / page.name.replace("raw-", "ours-")).read_bytes(), page.name


# --------------------------------------------------------------------------
# A generator of tagged PDFs with faults chosen at random


@pytest.mark.slow
def test_the_checker_finds_exactly_the_faults_a_generator_put_in(tmp_path_factory: pytest.TempPathFactory) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    page_spec = st.fixed_dictionaries({
        "heading": st.sampled_from(["none", "H", "H2", "mapped"]),
        "figures": st.lists(st.sampled_from(["alt", "actual", "bare", "blank"]), max_size=3),
        "tables": st.lists(st.sampled_from(["TH", "TD", "nested-TH"]), max_size=2),
    })

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(page_spec, min_size=1, max_size=5), st.booleans())
    def run(pages: list[dict[str, Any]], nested: bool) -> None:
        pdf = pikepdf.new()
        expected: Counter[tuple[int, str]] = Counter()
        root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array(),
                                                    RoleMap=pikepdf.Dictionary(Otsikko=pikepdf.Name.H1)))
        top = root
        if nested:  # everything inside one Document element, as some writers do
            top = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Document, P=root, K=pikepdf.Array()))
            root.K.append(top)
        for number, spec in enumerate(pages, start=1):
            pdf.add_blank_page()
            page = pdf.pages[-1].obj

            def add(parent: Any, kind: str, **more: Any) -> Any:
                made = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name("/" + kind), P=parent, Pg=page,
                                                            K=pikepdf.Array(), **more))
                parent.K.append(made)
                return made

            heading = {"H": "H", "H2": "H2", "mapped": "Otsikko"}.get(spec["heading"])
            if heading:
                add(top, heading)
            else:
                expected[(number, "page-without-heading")] += 1
            for figure in spec["figures"]:
                extra = {"alt": {"Alt": "Kuvaus"}, "actual": {"ActualText": "Teksti"}, "bare": {},
                         "blank": {"Alt": "  "}}[figure]
                add(top, "Figure", **extra)
                if figure in ("bare", "blank"):
                    expected[(number, "missing-alt-text")] += 1
            for table in spec["tables"]:
                made = add(top, "Table")
                row = add(add(made, "TBody") if table == "nested-TH" else made, "TR")
                add(row, "TH" if table in ("TH", "nested-TH") else "TD")
                if table == "TD":
                    expected[(number, "table-header")] += 1
        pdf.Root.StructTreeRoot = root
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        pdf.Root.Lang = "sv-FI"
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = "Rond"
            meta.register_xml_namespace("http://www.aiim.org/pdfua/ns/id/", "pdfuaid")
            meta["pdfuaid:part"] = "1"
        path = tmp_path_factory.mktemp("generated") / "deck.pdf"
        pdf.save(path)
        assert _rules(path, "sv") == expected

    run()


@pytest.mark.parametrize(("language", "tag"), [("fi", "fi-FI"), ("sv", "sv-FI"), ("en", "en-GB")])
def test_the_decks_default_text_language_is_its_own(language: str, tag: str) -> None:
    """Where a reader of the .pptx looks for the document's language first: not the template's Finnish."""
    import io
    import re
    import zipfile

    from tafollow.build import deck_bytes
    from tafollow.data.load import load

    with zipfile.ZipFile(io.BytesIO(deck_bytes(load(SHIPPED_DATA), language=language))) as deck:
        presentation = deck.read("ppt/presentation.xml").decode("utf-8")
        core = deck.read("docProps/core.xml").decode("utf-8")
    assert re.search(r'<p:defaultTextStyle><a:defPPr><a:defRPr lang="([^"]+)"', presentation).group(1) == tag
    assert f"<dc:language>{tag}</dc:language>" in core
    assert preview.deck_language(Path("no-such.pptx")) is None


def test_a_named_pipe_called_pdf_is_refused_at_once(tmp_path: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    pipe = tmp_path / "deck.pdf"
    os.mkfifo(pipe)
    result = CliRunner().invoke(app, ["check", str(pipe)])
    assert result.exit_code == 2  # refused unread: 1 would say "problems found"
    assert "Traceback" not in result.output
