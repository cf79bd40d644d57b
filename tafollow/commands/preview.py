"""See the deck without PowerPoint: PDF, one PNG per slide and a contact sheet.

LibreOffice (headless) turns the .pptx into a PDF; poppler's `pdftoppm`
rasterises each page; Pillow (which python-pptx already needs) lays the
pages out on one contact sheet, the quickest way to spot a slide that
looks wrong. LibreOffice is started with a throw-away user profile, so a
running office suite or a stale profile cannot make the conversion
silently do nothing, and in its own process group, so a hung conversion is
killed whole on timeout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tafollow.errors import OutputError, SetupError, UsageError, printable
from tafollow.writer.save import held_open

TIMEOUT = 300.0
STOP_GRACE = 5.0
"""Seconds LibreOffice gets to end on SIGTERM before it is killed, when tafollow is stopped."""
DPI = 96
SHEET_COLUMNS = 4
THUMB_WIDTH = 400
SHEET_GAP = 16
DECK_NAME = "ta-seuranta"
_KNOWN_PLACES = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
_PROGRAM_FOLDERS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA")
"""Environment variables naming where Windows installers put programs: LibreOffice's installer does not
add it to PATH. LOCALAPPDATA is a per-user install's (LOCALAPPDATA\\Programs)."""


class MissingTool(SetupError):
    """A program the preview needs is not installed (exit status 3)."""


@dataclass(frozen=True)
class Preview:
    deck: Path
    pdf: Path
    slides: list[Path]
    sheet: Path


def find_soffice() -> str | None:
    """LibreOffice's executable: on PATH as soffice or libreoffice, else where installers put it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    places = [*_KNOWN_PLACES, *(str(place) for place in _windows_places())]
    return next((place for place in places if os.path.isfile(place) and os.access(place, os.X_OK)), None)


def _windows_places() -> list[Path]:
    """soffice.exe under Program Files (64- and 32-bit) and a per-user install, newest-named folder first.

    The installer's folder is "LibreOffice", older ones "LibreOffice 5" and
    the like; the drive is the one Windows was installed on, as the
    environment says, not always C:.
    """
    places: list[Path] = []
    for variable in _PROGRAM_FOLDERS:
        folder = os.environ.get(variable)
        if not folder:
            continue
        base = Path(folder) / "Programs" if variable == "LOCALAPPDATA" else Path(folder)
        try:
            installs = sorted(base.glob("LibreOffice*"), reverse=True)
        except OSError:
            continue
        places += [install / "program" / "soffice.exe" for install in installs]
    return places


def require_soffice() -> str:
    soffice = find_soffice()
    if soffice is None:
        raise MissingTool(
            "LibreOffice is not installed (no soffice or libreoffice found); it turns the deck into a PDF. "
            "Install it, e.g. 'sudo apt-get install libreoffice-impress', 'brew install --cask libreoffice' "
            "or, on Windows, the installer from libreoffice.org, then run the command again."
        )
    return soffice


EXPORT_OPTIONS = {
    "UseTaggedPDF": True,  # the structure tree: headings, lists, tables, figures with their alt text
    "PDFUACompliance": True,  # the PDF/UA-1 identifier, and the title shown instead of the file name
    "DisplayPDFDocumentTitle": True,
    "ExportNotes": False,  # comments would become annotations a reader meets between the slides
    "ExportNotesPages": False,  # the speaker notes are the presenter's, not the published document
}
"""LibreOffice's PDF export options; the JSON form on the command line is read by LibreOffice 7.4 and later."""
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def export_filter() -> str:
    """The --convert-to argument: Impress's PDF export with `EXPORT_OPTIONS`."""
    options = {name: {"type": "boolean", "value": "true" if on else "false"} for name, on in EXPORT_OPTIONS.items()}
    return "pdf:impress_pdf_Export:" + json.dumps(options, separators=(",", ":"))


def deck_language(pptx: Path) -> str | None:
    """The language the deck's properties state (fi-FI, sv-FI, en-GB …), or None."""
    try:
        with zipfile.ZipFile(pptx) as archive:
            core = archive.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    found = re.search(rb"<dc:language>([^<]*)</dc:language>", core)
    tag = found.group(1).decode("ascii", "replace").strip() if found else ""
    return tag if _LANGUAGE_TAG.fullmatch(tag) else None


def _profile(folder: Path, language: str | None) -> Path:
    """A throw-away LibreOffice profile whose locale is the deck's language.

    LibreOffice 7.4 takes the PDF's document language from its locale
    setting, not from the .pptx (measured: a Finnish deck came out en-US
    however its texts and default text style were tagged). A profile of
    its own per conversion sets it without touching the user's.
    """
    if language:
        settings = folder / "user" / "registrymodifications.xcu"
        settings.parent.mkdir(parents=True)
        settings.write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">'
            f"<value>{language}</value></prop></item>\n"
            '<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="DefaultLocale" oor:op="fuse">'
            f"<value>{language}</value></prop></item>\n"
            "</oor:items>\n", encoding="utf-8")
    return folder


def to_pdf(pptx: Path, outdir: Path | None = None, timeout: float = TIMEOUT) -> Path:
    """Convert `pptx` to a tagged PDF/UA document `<outdir>/<stem>.pdf` (beside the deck by default).

    Headless LibreOffice exports it (`EXPORT_OPTIONS`, in the deck's
    language); `pdftags` then makes its decoration and footers artifacts.
    """
    import pikepdf

    from tafollow.commands.pdftags import finish

    soffice = require_soffice()
    pptx = Path(pptx)
    outdir = Path(outdir) if outdir is not None else pptx.parent
    outdir.mkdir(parents=True, exist_ok=True)
    pdf = outdir / f"{pptx.stem}.pdf"
    with tempfile.TemporaryDirectory(prefix="tafollow-lo-") as scratch:
        # Convert into a scratch folder and move the result: a failed run never leaves a stale PDF looking new.
        profile = _profile(Path(scratch) / "profile", deck_language(pptx))
        command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                   "--convert-to", export_filter(), "--outdir", scratch, str(pptx.resolve())]
        # LibreOffice's own temporary files (lu*.tmp) go into the scratch folder too: removed with it, even
        # when LibreOffice is stopped before it can remove them itself.
        inside = {name: scratch for name in ("TMPDIR", "TMP", "TEMP")}
        output = _run(command, timeout, "LibreOffice", {**os.environ, **inside})
        made = Path(scratch) / f"{pptx.stem}.pdf"
        if not made.is_file() or made.stat().st_size == 0:
            raise OutputError(f"LibreOffice made no PDF of {pptx.name}:\n{output.strip()}")
        finished = Path(scratch) / "finished.pdf"
        try:
            finish(made, pptx, finished)
        except (pikepdf.PdfError, OSError, ValueError, KeyError) as exc:
            raise OutputError(f"cannot finish the PDF LibreOffice made of {pptx.name}: {exc}") from None
        try:
            shutil.move(str(finished), pdf)
        except OSError as exc:
            if held_open(exc, pdf):
                raise OutputError(f"{printable(str(pdf))}: the PDF is open in another program, which keeps it "
                                  "locked; close the PDF there and run again. The previous PDF is unchanged") from None
            raise OutputError(f"{printable(str(pdf))}: cannot write the PDF ({exc.strerror})") from None
    return pdf


def to_pngs(pdf: Path, outdir: Path, dpi: int = DPI, timeout: float = TIMEOUT) -> list[Path]:
    """One PNG per page, `slide-01.png` …; earlier slide PNGs in `outdir` are removed first."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise MissingTool("pdftoppm (poppler) is not installed; it turns the PDF into PNGs. "
                          "Install it, e.g. 'sudo apt-get install poppler-utils' or 'brew install poppler'.")
    for old in outdir.glob("slide-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="tafollow-png-") as scratch:
        _run([pdftoppm, "-png", "-r", str(dpi), str(pdf), str(Path(scratch) / "page")], timeout, "pdftoppm")
        pages = sorted(Path(scratch).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        width = max(2, len(str(len(pages))))
        slides = []
        for number, page in enumerate(pages, start=1):
            target = outdir / f"slide-{number:0{width}d}.png"
            shutil.move(str(page), target)
            slides.append(target)
    if not slides:
        raise OutputError(f"pdftoppm made no images of {pdf}")
    return slides


def contact_sheet(slides: list[Path], out: Path, columns: int = SHEET_COLUMNS, thumb_width: int = THUMB_WIDTH) -> Path:
    """Every slide as a numbered thumbnail on one PNG."""
    from PIL import Image, ImageDraw, ImageFont

    thumbs = []
    for path in slides:
        with Image.open(path) as image:
            height = round(image.height * thumb_width / image.width)
            thumbs.append(image.convert("RGB").resize((thumb_width, height), Image.Resampling.LANCZOS))
    label_h = 22
    cell_h = max(t.height for t in thumbs) + label_h
    rows = -(-len(thumbs) // columns)
    cols = min(columns, len(thumbs))
    sheet = Image.new("RGB", (cols * (thumb_width + SHEET_GAP) + SHEET_GAP, rows * (cell_h + SHEET_GAP) + SHEET_GAP),
                      "white")
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=14)
    for index, thumb in enumerate(thumbs):
        x = SHEET_GAP + (index % columns) * (thumb_width + SHEET_GAP)
        y = SHEET_GAP + (index // columns) * (cell_h + SHEET_GAP)
        sheet.paste(thumb, (x, y))
        draw.rectangle((x - 1, y - 1, x + thumb.width, y + thumb.height), outline="#9FC9EB")
        draw.text((x, y + thumb.height + 4), str(index + 1), fill="black", font=font)
    sheet.save(out, optimize=True)
    return out


def preview(data_dir: Path, outdir: Path, *, template: Path | None = None, language: str | None = None,
            summary: bool | None = None) -> Preview:
    """Build the deck into `outdir` and render it: PDF, slide PNGs, contact sheet."""
    require_soffice()
    from tafollow.build import build

    outdir = Path(outdir)
    _check_outputs(outdir)
    result = build(data_dir, outdir / f"{DECK_NAME}.pptx", template=template, language=language, summary=summary)
    pdf = to_pdf(result.path, outdir)
    try:
        slides = to_pngs(pdf, outdir)
        sheet = contact_sheet(slides, outdir / "contact-sheet.png")
    except OSError as exc:  # e.g. a folder made meanwhile where an image goes
        where = printable(exc.filename if isinstance(exc.filename, str) else str(outdir))
        raise OutputError(f"{where}: cannot write the preview images ({exc.strerror})") from None
    return Preview(result.path, pdf, slides, sheet)


def _check_outputs(outdir: Path) -> None:
    """Every name preview writes, or replaces, in `outdir` must be free or a file: checked before building.

    A folder named slide-99.png or contact-sheet.png made preview end in an
    IsADirectoryError traceback after all the work, and one named
    ta-seuranta.pdf would have received the PDF inside it.
    """
    try:
        names = [f"{DECK_NAME}.pptx", f"{DECK_NAME}.pdf", "contact-sheet.png",
                 *sorted(path.name for path in outdir.glob("slide-*.png"))]
        folders = [outdir / name for name in names if (outdir / name).is_dir()]
    except OSError:
        return  # an output folder that cannot be read or made is reported when the deck is written
    if folders:
        shown = ", ".join(printable(path.name) for path in folders)
        # Wrong usage, like an -o that is not a .pptx: the user chose a folder tafollow cannot write into.
        raise UsageError(f"{printable(str(outdir))}: holds {'folders' if len(folders) > 1 else 'a folder'} named "
                          f"{shown}, where preview writes a file of that name: move "
                          f"{'them' if len(folders) > 1 else 'it'} away, or give another folder with -o")


def _stop(process: subprocess.Popen[str], grace: float) -> None:
    """End `process` and all it started (its process group): SIGTERM, and SIGKILL after `grace` seconds."""
    killpg = getattr(os, "killpg", None)  # not on Windows

    def send(number: int) -> None:
        try:
            killpg(process.pid, number) if killpg else process.kill()
        except (ProcessLookupError, PermissionError):
            pass

    if grace > 0:
        send(signal.SIGTERM)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    send(getattr(signal, "SIGKILL", signal.SIGTERM))  # also whatever the leader left running in its group
    try:
        process.wait(timeout=STOP_GRACE)
    except subprocess.TimeoutExpired:
        pass
    if process.stdout is not None:
        process.stdout.close()


def _run(command: list[str], timeout: float, tool: str, environment: dict[str, str] | None = None) -> str:
    """Run `command` in its own process group; its output, or an error naming `tool`."""
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, text=True, errors="replace", start_new_session=True,
                                   env=environment)
    except OSError as exc:
        raise MissingTool(f"{tool} could not be started ({exc.strerror}): {command[0]}") from None
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process, grace=0.0)
        raise OutputError(f"{tool} did not finish within {timeout:g} s") from None
    except BaseException:
        # Ctrl-C or SIGTERM (tafollow's Interrupted), or a bug: LibreOffice is in a session of its own, so
        # the terminal's Ctrl-C never reaches it. Stopped here, before the caller removes the profile folder
        # it writes to; left running, it went on for about 100 s and then left a tafollow-lo-* folder.
        _stop(process, grace=STOP_GRACE)
        raise
    if process.returncode != 0:
        raise OutputError(f"{tool} failed (exit status {process.returncode}):\n{output.strip()}")
    return output
