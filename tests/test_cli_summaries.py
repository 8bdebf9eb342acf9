"""What ``searchapp index`` and ``searchapp persons --unknown`` print: counts in the
singular when one, every file that could not be read told before the summary lines,
and the review queue saying what it is."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import scan_fixtures as sf
from conftest import ROOT

from searchapp.index.ocr_stage import OcrReport
from searchapp.ingest.ocr.engine import unavailable as missing
from searchapp.model import counted


def test_counts_are_singular_when_one():
    assert counted(1, "page") == "1 page" and counted(2, "page") == "2 pages"
    assert counted(0, "file") == "0 files" and counted(1200, "paragraph") == "1,200 paragraphs"
    assert OcrReport(pages=1, files=1, paragraphs=1).summary().startswith(
        "scans: 1 page of 1 file read, 1 paragraph")
    assert OcrReport(pages=0, failed=[("a.png", "damaged")]).summary() == \
        "scans: none read (1 file could not be read)"


def _run(env: dict, *args: str) -> subprocess.CompletedProcess:
    """``searchapp ARGS`` with stderr merged into stdout, as a terminal shows them."""
    return subprocess.run([sys.executable, "-m", "searchapp", *args], cwd=ROOT, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600,
                          env={**os.environ, **env})


@pytest.mark.slow
@pytest.mark.skipif(bool(missing()), reason=missing() or "OCR is installed")
@pytest.mark.skipif(not sf.fonts_available(), reason="the CJK font is missing")
def test_index_tells_every_unread_file_before_its_summary(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text(
        "Harbour vote\n\nThe harbour board met on Tuesday and Margit Oyelowo-Brandt, its "
        "chair, said the new quay would open in spring.\n", "utf-8")
    (corpus / "garbled.html").write_bytes(bytes(range(256)) * 8)  # not text: refused
    page = sf.image_bytes(sf.render_page(sf.TEXTS["en"][:1], "en", dpi=200), "PNG", dpi=200)
    (corpus / "scan.png").write_bytes(page)
    (corpus / "cut.png").write_bytes(page[:2000])  # a truncated scan: refused when read
    env = {"SEARCHAPP_CORPUS": str(corpus), "SEARCHAPP_INDEX": str(tmp_path / "index"),
           "SEARCHAPP_DATA_DIR": str(tmp_path / "data")}
    proc = _run(env, "index")
    assert proc.returncode == 0, proc.stdout
    lines = proc.stdout.splitlines()
    told = [i for i, line in enumerate(lines) if line.startswith("searchapp: ")]
    summary = [i for i, line in enumerate(lines) if not line.startswith("searchapp: ")]
    assert any("garbled.html" in lines[i] for i in told), proc.stdout
    assert any("cut.png" in lines[i] for i in told), proc.stdout
    assert max(told) < min(summary), proc.stdout
    assert any(line.startswith("scans: 1 page of 1 file read") for line in lines), proc.stdout

    everyone = _run(env, "persons")
    queue = _run(env, "persons", "--unknown")
    assert everyone.returncode == 0 and queue.returncode == 0, queue.stdout
    head = queue.stdout.splitlines()[0]
    assert " not curated yet " in head and "most mentioned first" in head, head
    assert queue.stdout != everyone.stdout
    assert queue.stdout.splitlines()[1:] == [
        line for line in everyone.stdout.splitlines()]  # nothing curated: everyone
