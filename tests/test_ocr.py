"""Scanned documents: pages found, read by OCR, indexed after the text documents.

The scans are made here (``tests/scan_fixtures.py``): pages typeset in a real font
and made to look scanned.  Tests that read pages need Tesseract and its language
files (``.ci/run`` installs them) and skip, saying so, without them; the end-to-end
runs are marked slow.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest
import scan_fixtures as sf
from conftest import ROOT, run_cli
from PIL import Image

from searchapp.ingest.ocr import DEBIAN_PACKAGES, IMAGE_SUFFIXES
from searchapp.ingest.ocr.engine import join_lines, words_to_lines
from searchapp.ingest.ocr.engine import unavailable as missing
from searchapp.ingest.ocr.pages import image_page
from searchapp.ingest.ocr.prepare import greyscale, skew_angle
from searchapp.ingest.pipeline import load_documents
from searchapp.ingest.read import LoadError

needs_fonts = pytest.mark.skipif(not sf.fonts_available(),
                                 reason="the CJK font is missing (apt-get install fonts-noto-cjk)")
needs_ocr = pytest.mark.skipif(bool(missing()), reason=missing() or "OCR is installed")

MIXED_TYPED = [
    "A typed page about the trade talks between Seoul and Beijing, held in March with both "
    "delegations present and a long agenda.",
    "The last typed page says the talks will resume in the autumn in Seoul, as agreed by "
    "both sides at the close of the meeting.",
]


def make_corpus(folder: Path) -> Path:
    """A folder with a text note, a two-page scan, a mixed PDF (a scanned Japanese page
    between typed ones), a photo (JPEG saying 72 dpi, turned 3°) and a Korean page."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "note.txt").write_text("Typed note\n\nThe typed note mentions the summit in "
                                     "Seoul and nothing else of interest.\n", "utf-8")
    sf.scanned_pdf(folder / "two-page-scan.pdf", [
        sf.render_page(sf.TEXTS["en"][:2], "en", dpi=200),
        sf.render_page(sf.TEXTS["en"][2:], "en", dpi=200, skew=2, speckle=0.001)], dpi=200)
    sf.mixed_pdf(folder / "mixed.pdf", MIXED_TYPED,
                 sf.render_page(sf.TEXTS["ja"], "ja", dpi=200), dpi=200)
    photo = sf.render_page(sf.TEXTS["en"][1:2], "en", dpi=150, skew=-3).convert("RGB")
    (folder / "photo.jpg").write_bytes(sf.image_bytes(photo, "JPEG", dpi=72))
    (folder / "korean.png").write_bytes(
        sf.image_bytes(sf.render_page(sf.TEXTS["ko"], "ko", dpi=200), "PNG", dpi=200))
    return folder


# -- fast: no OCR needed -------------------------------------------------------------


def test_lines_are_joined_as_each_script_writes():
    assert join_lines(["本网杭州5月14日电 中韩两国", "外交部门 13日"]) == "本网杭州5月14日电中韩两国外交部门13日"
    assert join_lines(["the diplo-", "matic calendar"]) == "the diplomatic calendar"
    assert join_lines(["a China-", "Korea forum"]) == "a China- Korea forum"  # capital: kept
    assert join_lines(["양국 관계의", "안정적 관리"]) == "양국 관계의 안정적 관리"


def test_korean_syllables_cut_by_tesseract_are_joined_by_their_gaps():
    # "회 담 을 열고": syllables 2 px apart are one word; a 14 px gap is a real space
    words = [("회", (0, 0, 30, 30)), ("담을", (32, 0, 90, 30)), ("열고", (104, 0, 160, 30)),
             ("7", (175, 0, 185, 30)), ("일", (187, 0, 215, 30))]
    assert words_to_lines([words]) == ["회담을 열고 7일"]
    assert words_to_lines([[("New", (0, 0, 40, 20)), ("York", (42, 0, 80, 20))]]) == ["New York"]


@needs_fonts
@pytest.mark.parametrize("angle", [-4.0, 2.5, 0.0])
def test_skew_is_measured_on_the_page(angle):
    page = greyscale(sf.render_page(sf.TEXTS["en"], "en", dpi=150, skew=angle))
    assert abs(skew_angle(page) + angle) <= 0.3  # turned back by the opposite angle


@needs_fonts
def test_only_pages_without_text_are_scans(tmp_path):
    from reportlab.pdfgen import canvas

    mixed = sf.mixed_pdf(tmp_path / "mixed.pdf", MIXED_TYPED, sf.render_page(["x"], "en", dpi=100))
    docs = load_documents(mixed)  # nothing read yet: the scanned page waits
    assert docs[0].scans == [2]
    assert [p.page for p in docs[0].paragraphs] == [1, 3] and not any(p.scan for p in docs[0].paragraphs)
    c = canvas.Canvas(str(tmp_path / "drawing.pdf"))
    c.rect(100, 100, 300, 400, fill=1)  # a drawing, no image, no text: not a scan
    c.showPage()
    c.save()
    with pytest.raises(LoadError, match="no text layer and no scanned pages"):
        load_documents(tmp_path / "drawing.pdf")


@needs_fonts
def test_an_image_waits_for_ocr_and_bad_images_are_refused(tmp_path):
    (tmp_path / "page.webp").write_bytes(sf.image_bytes(sf.render_page(["x"], "en", dpi=100),
                                                        "WEBP"))
    doc = load_documents(tmp_path / "page.webp")[0]
    assert doc.format == "image" and doc.scans == [1] and doc.paragraphs == []
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    with pytest.raises(LoadError, match="damaged or unreadable image"):
        load_documents(tmp_path / "broken.png")
    (tmp_path / "noise.tif").write_bytes(b"not an image at all " * 20)
    with pytest.raises(LoadError, match=r"^damaged or unreadable image \(not an image Pillow"):
        load_documents(tmp_path / "noise.tif")  # one plain line, no object's repr
    # a phone's 54-megapixel photo: decoded at half its size (its dpi halved), not refused
    (tmp_path / "phone.jpg").write_bytes(sf.image_bytes(Image.new("RGB", (9000, 6000), "white"),
                                                        "JPEG", dpi=600))
    assert load_documents(tmp_path / "phone.jpg")[0].scans == [1]
    photo, dpi = image_page((tmp_path / "phone.jpg").read_bytes(), 1)
    assert photo.size == (4500, 3000) and dpi == 300
    # a small real PNG whose header says 20,000 × 20,000 pixels: refused before decoding
    png = bytearray(sf.image_bytes(sf.render_page(["x"], "en", dpi=30), "PNG"))
    chunk = b"IHDR" + struct.pack(">II", 20_000, 20_000) + bytes(png[24:29])
    png[12:29] = chunk
    png[29:33] = struct.pack(">I", zlib.crc32(chunk))
    (tmp_path / "bomb.png").write_bytes(bytes(png))
    with pytest.raises(LoadError, match="image too large"):
        load_documents(tmp_path / "bomb.png")
    assert set(IMAGE_SUFFIXES) == {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp"}


def test_one_line_says_what_is_missing_and_how_to_install_it(monkeypatch, tmp_path):
    import sys

    from searchapp.ingest.ocr import engine

    empty = tmp_path / "no-tessdata"
    empty.mkdir()
    try:
        monkeypatch.setitem(sys.modules, "tesserocr", None)  # the binding is not installed
        monkeypatch.setenv("TESSDATA_PREFIX", str(empty))  # nor are the language files
        engine._probe.cache_clear()
        both = engine.unavailable()
        assert both.startswith("scanned: OCR not installed (install: sudo apt-get install "
                               "tesseract-ocr tesseract-ocr-eng")
        assert both.endswith(" and pip install tesserocr)") and "\n" not in both
        monkeypatch.delenv("TESSDATA_PREFIX")
        engine._probe.cache_clear()
        if engine.tessdata_dir() is not None:  # Debian's language files are here
            assert engine.unavailable() == ("scanned: OCR not installed (Tesseract's Python "
                                            "binding is missing; install: pip install "
                                            "tesserocr)")
        monkeypatch.delitem(sys.modules, "tesserocr")  # the binding is back
        monkeypatch.setenv("TESSDATA_PREFIX", str(empty))
        engine._probe.cache_clear()
        if not engine.unavailable().startswith("scanned: OCR not installed (install"):
            assert engine.unavailable() == ("scanned: OCR not installed (no Tesseract "
                                            "language files; install: sudo apt-get install "
                                            + " ".join(DEBIAN_PACKAGES) + ")")
    finally:
        engine._probe.cache_clear()


def test_the_readme_and_ci_install_the_ocr_packages():
    readme = (ROOT / "README.md").read_text("utf-8")
    [line] = [ln for ln in readme.splitlines() if "sudo apt-get install python3-venv" in ln]
    assert set(DEBIAN_PACKAGES) <= set(re.findall(r"[\w.+-]+", line))
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert set(DEBIAN_PACKAGES) | {"fonts-noto-cjk"} <= set(re.findall(r"[\w.+-]+", ci))


# -- reading pages ------------------------------------------------------------------------


@needs_ocr
@needs_fonts
@pytest.mark.slow
@pytest.mark.parametrize("lang", sf.LANGUAGES)
def test_each_language_is_read_in_its_own_model(lang):
    from rapidfuzz.distance import Levenshtein

    from searchapp.ingest.ocr.engine import Reader

    expected = {"en": "eng", "ko": "kor", "zh-Hans": "chi_sim", "zh-Hant": "chi_tra",
                "ja": "jpn"}[lang]
    with Reader() as reader:
        got = reader.read(sf.render_page(sf.TEXTS[lang], lang, dpi=200, skew=1.5), 200)
    assert got.error == "" and got.language == expected
    truth = "".join(sf.page_text(lang).split())
    text = "".join("".join(got.paragraphs).split())
    assert Levenshtein.distance(text, truth) / len(truth) < 0.1
    assert abs(got.angle + 1.5) <= 0.3


@needs_ocr
@needs_fonts
@pytest.mark.slow
def test_a_page_over_the_time_limit_is_one_line_and_never_read_again(tmp_path):
    import hashlib

    from searchapp.ingest.ocr.cache import CachedScans, OcrCache, ReadingScans
    from searchapp.ingest.ocr.engine import Reader

    path = tmp_path / "slow.png"
    path.write_bytes(sf.image_bytes(sf.render_page(sf.TEXTS["zh-Hant"], "zh-Hant", dpi=300)))
    digest = hashlib.sha1(path.read_bytes()).hexdigest()
    with OcrCache(tmp_path / "cache.sqlite3") as cache, Reader(page_seconds=0.05) as reader:
        why = "no text found by OCR (page 1: OCR gave up after 0.05 s (time limit per page))"
        with pytest.raises(LoadError) as failed:
            load_documents(path, scans=ReadingScans(cache, digest, reader))
        assert str(failed.value) == why
        with pytest.raises(LoadError) as again:  # kept in the cache: not tried again
            load_documents(path, scans=CachedScans(cache, digest))
        assert str(again.value) == why


# -- the CLI end to end ------------------------------------------------------------------


def _env(tmp_path: Path, corpus: Path, **more) -> dict:
    return {"SEARCHAPP_CORPUS": str(corpus), "SEARCHAPP_INDEX": str(tmp_path / "index"),
            "SEARCHAPP_DATA_DIR": str(tmp_path / "data"), **more}


def _search(env: dict, query: str) -> dict:
    proc = run_cli("search", "--json", "--no-history", query, env=env)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@needs_ocr
@needs_fonts
@pytest.mark.slow
def test_index_reads_scans_after_the_text_and_never_twice(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    env = _env(tmp_path, corpus)
    first = run_cli("index", "--no-persons", "--no-ocr", env=env)
    assert first.returncode == 0, first.stderr
    assert "scans: 5 scanned pages in 4 files left unread (--no-ocr)" in first.stdout
    assert _search(env, "trade talks")["total"] == 1  # the typed pages: searchable at once
    assert _search(env, "Camp David")["total"] == 0  # the scans: not yet

    # one run: the persons stage over the text, the scans read, the later stages again
    proc = run_cli("index", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["scans"]["pages"] == 5 and report["scans"]["pending"] == 0
    assert report["failed"] == []

    # page 1 of the scan, and the photo of the same paragraph: copies, folded as such
    found = _search(env, '"Camp David"')
    assert [(h["path"], h["page"], h["scan"]) for h in found["hits"]] == [
        ("two-page-scan.pdf", 1, True)]
    assert [c["path"] for c in found["hits"][0]["copies"]] == ["photo.jpg"]
    assert [(h["page"], h["scan"]) for h in _search(env, "cautious researcher")["hits"]] == \
        [(2, True)]  # page 2, turned 2° and speckled
    assert [(h["path"], h["page"], h["scan"]) for h in _search(env, "喫茶店")["hits"][:1]] == \
        [("mixed.pdf", 2, True)]
    assert {(h["page"], h["scan"]) for h in _search(env, "trade talks")["hits"]} == {(1, False)}
    korean = _search(env, "회담")
    assert {h["path"] for h in korean["hits"]} == {"korean.png"}
    # the text of scans went through the persons stage like any other
    xi = _search(env, 'person:"Xi Jinping"')
    assert {(h["path"], h["scan"]) for h in xi["hits"]} >= {("two-page-scan.pdf", True)}

    # moved and renamed: found again without reading anything
    (corpus / "archive").mkdir()
    shutil.move(corpus / "photo.jpg", corpus / "archive" / "old-photo.jpg")
    again = run_cli("index", "--json", "--no-persons", env=env)
    assert json.loads(again.stdout)["scans"]["pages"] == 0
    every = run_cli("search", "--json", "--no-history", "--all-copies", '"Camp David"', env=env)
    assert {h["path"] for h in json.loads(every.stdout)["hits"]} == {
        "two-page-scan.pdf", "archive/old-photo.jpg"}
    # a rebuild reads nothing again either: the cache is kept by content
    rebuilt = run_cli("index", "--json", "--no-persons", "--rebuild", env=env)
    assert json.loads(rebuilt.stdout)["scans"]["pages"] == 0
    assert _search(env, "회담")["total"] == korean["total"]
    text = run_cli("search", "--no-history", "喫茶店", env=env).stdout
    assert "(read from a scan)" in text and "p. 2" in text


@needs_ocr
@needs_fonts
@pytest.mark.slow
def test_reading_scans_is_interrupted_and_goes_on_where_it_stopped(tmp_path):
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    corpus = make_corpus(tmp_path / "corpus")
    env = _env(tmp_path, corpus)
    assert run_cli("index", "--no-persons", "--no-ocr", env=env).returncode == 0
    cache = tmp_path / "data" / "ocr-cache.sqlite3"

    def pages_read() -> int:
        if not cache.exists():
            return 0
        with sqlite3.connect(cache) as db:
            try:
                return db.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
            except sqlite3.OperationalError:
                return 0

    import os

    proc = subprocess.Popen([sys.executable, "-m", "searchapp", "index", "--no-persons"],
                            env={**os.environ, **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 300
    while pages_read() < 1 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)  # Ctrl-C while the scans are read
    out, err = proc.communicate(timeout=120)
    read_before = pages_read()
    assert 1 <= read_before < 5, (out, err)
    assert proc.returncode == 130 and "reading scans interrupted; the pages read are kept" in err
    rest = json.loads(run_cli("index", "--json", "--no-persons", env=env).stdout)
    assert rest["scans"]["pages"] == 5 - read_before  # only what was left
    # the photo of the scan's first page is a copy of it: one hit, the other under it
    folded = _search(env, '"Camp David"')
    assert folded["total"] == 1 and len(folded["hits"][0]["copies"]) == 1


@needs_fonts
@pytest.mark.slow
def test_without_ocr_scans_are_listed_and_the_rest_is_indexed(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    empty = tmp_path / "no-tessdata"
    empty.mkdir()
    env = _env(tmp_path, corpus, TESSDATA_PREFIX=str(empty))
    proc = run_cli("index", "--json", "--no-persons", env=env)
    assert proc.returncode == 0, proc.stderr
    failed = {f["path"]: f["error"] for f in json.loads(proc.stdout)["failed"]}
    assert failed == {
        "two-page-scan.pdf": "scanned: OCR not installed (2 pages not read)",
        "mixed.pdf": "scanned: OCR not installed (1 page not read)",
        "photo.jpg": "scanned: OCR not installed (1 page not read)",
        "korean.png": "scanned: OCR not installed (1 page not read)"}
    hint = [ln for ln in proc.stderr.splitlines() if "apt-get install" in ln]
    assert len(hint) == 1 and "tesseract-ocr-kor" in hint[0]
    assert _search(env, "trade talks")["total"] == 1  # the typed pages of the mixed PDF
    extract = run_cli("extract", str(corpus / "korean.png"), env=env)
    assert extract.returncode == 2 and "scanned: OCR not installed" in extract.stderr
    # the language files there but not Tesseract's Python binding: the one line says so
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "tesserocr.py").write_text("raise ImportError('not installed')\n", "utf-8")
    env = _env(tmp_path, corpus, PYTHONPATH=str(hide))
    again = run_cli("index", "--no-persons", env=env)
    assert again.returncode == 0, again.stderr
    hints = [ln for ln in (again.stdout + again.stderr).splitlines() if "install:" in ln]
    if sf.fonts_available() and not missing():  # Debian's language files are here
        assert hints == ["scanned: OCR not installed (Tesseract's Python binding is missing; "
                         "install: pip install tesserocr)"]
    assert "searchapp: korean.png: scanned: OCR not installed (1 page not read)" in \
        again.stderr.splitlines()


@needs_ocr
@pytest.mark.slow
def test_a_scanned_first_pages_printed_date_is_the_documents(tmp_path):
    """A scanned press release says "Oslo, 3 December 2025" under its heading: that is its
    date, not the day the scanner made the file (its CreationDate)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sf.scanned_pdf(corpus / "release.pdf", [sf.render_page([
        "Press Release No. 47/2025",
        "Oslo, 3 December 2025",
        "The ministry announced on Wednesday that the fisheries talks with the delegation "
        "would resume next month, after a pause of almost a year in the negotiations."],
        "en", dpi=200)], dpi=200)
    env = _env(tmp_path, corpus)
    proc = run_cli("index", "--no-persons", env=env)
    assert proc.returncode == 0, proc.stderr
    [hit] = _search(env, "fisheries talks")["hits"]
    assert hit["date"] == "2025-12-03"
