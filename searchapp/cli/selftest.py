"""``searchapp --self-test``: prove an installed or frozen build works, without a window.

Builds a fresh index of the bundled corpus in a temporary folder, runs a
keyword search and a person search (by a variant spelling) and checks they
return the expected documents; indexes one small file of every binary format
(PDF, DOCX, ODT, EPUB, e-mail, RTF: :mod:`searchapp.cli.selftest_files`) and finds
each by its own phrase, the PDF's hit with its page number; reads a scanned page
by OCR (when Tesseract is there) and finds it; then, unless told not to, opens the main window
offscreen (never shown) over that index and waits for its first results, which
proves Qt and its platform plugin load.  Nothing is written outside the
temporary folder.  Exit code 0 only if every check passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from searchapp.config import Settings, bundled_corpus

# What the bundled seed corpus must answer.
KEYWORD = ('"Camp David"', {"000_0dc450cfe91bf595.txt", "001_6e950df1518cea22.txt",
                            "002_6bafb76b517a826e.txt"})
PERSON = ("Han Deok-soo", {"000_0dc450cfe91bf595.txt", "002_6bafb76b517a826e.txt",
                           "004_54eee05145188ad1.txt"})


def run_self_test(gui: bool = True, say: Callable[[str], None] = print) -> int:
    corpus = bundled_corpus()
    failures = 0

    def check(name: str, ok: bool, detail: str) -> None:
        nonlocal failures
        failures += not ok
        say(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")

    with tempfile.TemporaryDirectory(prefix="searchapp-selftest-") as tmp:
        settings = Settings(corpus=corpus, index=Path(tmp) / "index", data_dir=Path(tmp) / "data")
        from searchapp.index.update import update_index
        from searchapp.search.engine import SearchEngine, SearchRequest

        start = time.perf_counter()
        report = update_index(settings)
        check("index", report.total_files == 5 and not report.failed,
              f"{report.total_files} files, {report.total_paragraphs} paragraphs from {corpus} "
              f"in {time.perf_counter() - start:.1f} s"
              + (f"; failed: {report.failed}" if report.failed else ""))
        with SearchEngine.open(settings) as engine:
            query, want = KEYWORD
            got = _paths(engine.search(SearchRequest(query=query, page_size=100)))
            check("keyword search", got == want, f"{query} -> {sorted(got)}")
            person, want = PERSON
            got = _paths(engine.search(SearchRequest(persons=[person], page_size=100)))
            check("person search", got == want, f"person {person} -> {sorted(got)}")
        _formats_check(Path(tmp), check)
        _scan_check(Path(tmp), check, say)
        _recognizer_check(check, say)
        if gui:
            try:
                total = _gui_check(settings)
                check("desktop app", total == report.total_paragraphs,
                      f"window built offscreen, first results: {total} paragraphs")
            except Exception as exc:  # reported as a failed check
                check("desktop app", False, f"{type(exc).__name__}: {exc}")
    say("self-test passed" if not failures else f"self-test FAILED ({failures} checks)")
    return 0 if not failures else 1


def _formats_check(tmp: Path, check: Callable[[str, bool, str], None]) -> None:
    """Index one small file of each format (written by :mod:`searchapp.cli.selftest_files`)
    and find each by its own phrase; the PDF's hit must carry its page number."""
    from searchapp.cli.selftest_files import write_samples
    from searchapp.index.update import update_index
    from searchapp.search.engine import SearchEngine, SearchRequest

    settings = Settings(corpus=tmp / "formats", index=tmp / "formats-index",
                        data_dir=tmp / "data")
    phrases = write_samples(settings.corpus)
    start = time.perf_counter()
    report = update_index(settings, jobs=1)
    check("formats index", report.total_files == len(phrases) and not report.failed,
          f"{report.total_files} files ({', '.join(sorted(phrases))}), "
          f"{report.total_paragraphs} paragraphs in {time.perf_counter() - start:.1f} s"
          + (f"; failed: {report.failed}" if report.failed else ""))
    with SearchEngine.open(settings) as engine:
        for name, (phrase, page) in phrases.items():
            hits = engine.search(SearchRequest(query=f'"{phrase}"', page_size=10)).hits
            got = [(h.path, h.page) for h in hits]
            ok = bool(hits) and {h.path for h in hits} == {name} and \
                all(h.page == page for h in hits)
            where = f", page {page}" if page else ""
            check(f"read {name.rsplit('.', 1)[1].upper()}", ok,
                  f'"{phrase}" -> {got or "no hit"} (want {name}{where})')
def _scan_check(tmp: Path, check: Callable[[str, bool, str], None], say) -> None:
    """A scanned page is read by OCR (Tesseract and its language files) and found."""
    from searchapp.cli.selftest_files import SCAN, scan_png
    from searchapp.index.ocr_stage import run_ocr_stage
    from searchapp.index.update import update_index
    from searchapp.ingest.ocr.engine import unavailable as missing
    from searchapp.search.engine import SearchEngine, SearchRequest

    why = missing()
    if why:
        say(f"skip read a scan: {why}")
        return
    settings = Settings(corpus=tmp / "scans", index=tmp / "scans-index", data_dir=tmp / "data")
    settings.corpus.mkdir(parents=True, exist_ok=True)
    name, phrase = SCAN
    (settings.corpus / name).write_bytes(scan_png())
    update_index(settings, jobs=1)
    start = time.perf_counter()
    report = run_ocr_stage(settings, lower_priority=False)
    with SearchEngine.open(settings) as engine:
        hits = engine.search(SearchRequest(query=f'"{phrase}"', page_size=10)).hits
    got = [(h.path, h.page, h.scan) for h in hits]
    check("read a scan", got == [(name, 1, True)] and not report.failed,
          f'{report.pages} page read by OCR in {time.perf_counter() - start:.1f} s; '
          f'"{phrase}" -> {got or "no hit"}' + (f"; failed: {report.failed}"
                                                 if report.failed else ""))


#: A sentence whose person the recognizer (not the registry) must find.
RECOGNIZED = ("Joe Biden met Fumio Kishida in Washington.", "Fumio Kishida")


def _recognizer_check(check, say) -> None:
    """The person recognizer (spaCy and its model) loads and finds a person."""
    from searchapp.ingest.persons.recognize import Recognizer

    recognizer = Recognizer()
    if not recognizer.available:
        say(f"skip person recognizer: {recognizer.reason}")
        return
    text, want = RECOGNIZED
    got = [m.text for m in recognizer.recognize_texts([text])[0] if m.label == "PERSON"]
    check("person recognizer", want in got, f"{recognizer.fingerprint}: {text!r} -> {got}")


def _paths(result) -> set[str]:
    return {h.path for h in result.hits}


def _gui_check(settings: Settings, timeout: float = 60.0) -> int:
    """Open the main window without showing it; the total of its first search."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from searchapp.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(settings)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            app.processEvents()
            if window.result is not None and not window.session.indexing \
                    and window.session.engine is not None:
                return window.result.total
            time.sleep(0.02)
        raise TimeoutError(f"no results after {timeout:.0f} s")
    finally:
        window.close()  # closes its session and bookmark store
        window.deleteLater()
        app.processEvents()
