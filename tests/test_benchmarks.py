"""The benchmarks still run and print what RESULTS.md reports (quick sizes).

Timing is never asserted: these check that every benchmark finishes and its
JSON carries sane figures.  Run when ``SEARCHAPP_BENCHMARK_TESTS=1`` (CI sets
it); about a minute and a half.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import BENCH, ROOT

pytestmark = pytest.mark.skipif(os.environ.get("SEARCHAPP_BENCHMARK_TESTS") != "1",
                                reason="set SEARCHAPP_BENCHMARK_TESTS=1 to run the benchmarks")
# The 88 real news pages and their ground truth live beside the clone (CI has them).
needs_shared_pages = pytest.mark.skipif(
    not (BENCH / "html").is_dir(),
    reason=f"the extraction benchmark's pages are not here ({BENCH}): "
           "a clone without ../shared beside it")


def bench(name: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / name), *args, "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def test_bench_search_10k(tmp_path):
    out = bench("bench_search.py", "--paragraphs", "10000", "--queries", "16",
                "--work", str(tmp_path))
    assert 9_000 <= out["paragraphs"] <= 11_000
    for key in ("index_paragraphs_per_s", "search_p50_ms", "search_p95_ms", "naive_p95_ms",
                "tantivy_p95_ms", "incremental_one_file_s", "peak_rss_mb"):
        assert out[key] > 0, key
    assert out["search_p50_ms"] <= out["search_p95_ms"]
    assert set(out["per_query_p50_ms"]) == {
        "common term", "rare term", "two-term AND", "phrase", "wildcard", "person filter",
        "person + date range", "source filter, no query"}
    # the A/B of two checkouts, here this one against itself on the same index
    index, corpus = str(tmp_path / "index-10000"), str(tmp_path / "corpus-10000")
    ab = bench("bench_ab.py", "--a", str(ROOT), "--a-index", index, "--b-index", index,
               "--corpus", corpus, "--rounds", "2")
    assert ab["requests_per_side"] == 16 and ab["facet_groups"] == {"a": 7, "b": 7}  # every facet, speakers too
    assert ab["totals_differ"] == {} and ab["b_over_a_median_paired"] > 0
    assert set(ab["per_query"]) == set(out["per_query_p50_ms"])


@needs_shared_pages
def test_bench_ingest_html_and_text():
    out = bench("bench_ingest.py", "--pages", "30", "--paragraphs", "2000", "--repeat", "1")
    for kind in ("html", "text"):
        rows = {row["jobs"]: row for row in out[kind]}
        assert set(rows) == {1, 2}
        # one process or two: the same files and paragraphs end up in the index
        assert rows[1]["paragraphs"] == rows[2]["paragraphs"] > 0
        assert rows[1]["files"] == rows[2]["files"]
        assert all(row["paragraphs_per_s"] > 0 for row in rows.values())
    assert out["html"][0]["files"] == 30


def test_bench_gui():
    out = bench("bench_gui.py", "--copies", "3")
    assert out["paragraphs"] > 200 and out["files"] == 15
    assert out["window_visible_ms"] > 0 and out["keystroke_to_results_p50_ms"] > 0
    assert out["stall_typing_ms"] >= 0 and out["stall_indexing_ms"] >= 0
    assert out["stall_idle_ms"] >= 0
    for what in ("typing", "idle", "indexing"):  # a stall less what the machine shared
        assert 0 <= out[f"own_stall_{what}_ms"] <= out[f"stall_{what}_ms"] + 0.1


@needs_shared_pages
def test_bench_extraction():
    out = bench("bench_extraction.py", "--repeat", "1")
    for era in ("2019", "2025"):  # ahead of trafilatura as shipped on both (deterministic)
        rows = {row["extractor"]: row for row in out[era]}
        ours, shipped = rows["searchapp article text"], rows["trafilatura.extract as shipped"]
        assert ours["f1"] > shipped["f1"]
        assert ours["pages_per_s"] > 0 and ours["vs_shipped"] > 0
    assert any("rs_trafilatura" in row["extractor"] for row in out["2019"])


@needs_shared_pages
def test_bench_extraction_page_by_page_keeps_the_chosen_extractors():
    out = bench("bench_extraction.py", "--repeat", "1", "--sets", "2019", "--per-page",
                "--only", "load_document")
    rows = {row["extractor"]: row for row in out["2019"] if row["pages_per_s"]}
    assert set(rows) == {"searchapp load_document (whole ingestion)",
                         "trafilatura.extract as shipped"}
    whole = rows["searchapp load_document (whole ingestion)"]
    assert whole["f1"] > 0.9 and whole["vs_shipped"] > 0
    assert rows["trafilatura.extract as shipped"]["vs_shipped"] == 1.0


@needs_shared_pages
@pytest.mark.skipif(os.environ.get("SEARCHAPP_LONG_BENCHMARKS") != "1",
                    reason="the cross-validation over both eras (388 pages, every candidate "
                           "rule on every fold) takes 15-40 min on 2 cores: set "
                           "SEARCHAPP_LONG_BENCHMARKS=1")
def test_bench_extraction_cross_validated():
    out = bench("bench_extraction_cv.py", "--folds", "5", "--no-pipeline")
    for era, mean in out["mean"].items():  # rules chosen on training folds, held-back F1
        assert mean["ours (rules chosen on training folds)"][0] > \
            mean["trafilatura as shipped"][0], era
    assert out["hand_written"]["ours (shipped rules)"][2] >= 0.95  # nothing much lost


@needs_shared_pages
def test_bench_findable_2019():
    """Every mixed-case word our text holds is found as written (RESULTS.md: 110/110)."""
    out = bench("bench_findable.py", "--sets", "old")["old"]
    assert out["pages"] == 88 and out["pairs_in_our_text"] >= 100
    assert out["found_in_our_text"] == out["pairs_in_our_text"], out["missed_in_our_text"]


@needs_shared_pages
def test_bench_persons():
    out = bench("bench_persons.py", "--paragraphs", "300")
    # Deterministic for a given model and rules (RESULTS.md "Persons without a registry").
    assert out["seeds"]["precision"] >= 0.97 and out["seeds"]["recall"] >= 0.95
    tuning = out["pages"]["extraction/tuning"]  # 76 annotated 2019 news pages
    assert tuning["precision"] >= 0.95 and tuning["recall"] >= 0.87
    assert not tuning["wrong_merges"] and tuning["places"]["precision"] >= 0.94
    held = out["pages"]["extraction-modern/held-out"]  # annotated after the rules were frozen
    assert held["pages"] >= 10 and not held["wrong_merges"] and not held["splits"]
    assert out["speed"]["recognize_paragraphs_per_s"] > 0 and out["peak_rss_mb"] > 0


@pytest.mark.skipif(not (BENCH.parent / "extraction-modern" / "html").is_dir(),
                    reason="the modern pages are not here: a clone without ../shared beside it")
def test_bench_persons_trials_held_out():
    out = bench("bench_persons_trials.py", "--set", "held-out")
    # Deterministic for a given model and rules (RESULTS.md "Round four"): with main's
    # extraction of 2026-12-06 (bylines as their own paragraphs) and spaCy 3.8.7.
    assert out["pages"] == 73 and not out["unlabeled"]
    assert out["top"]["precision"] >= 0.86 and out["place"]["precision"] >= 0.86
    assert out["all_persons"]["right"] >= 179  # recall: not below main's rules on the same spans
    # read by hand: two Millers are two persons, not a split
    assert {frozenset(pair) for pair in out["splits"]} <= {frozenset(("Lee Miller", "Laura Miller"))}
    # "Van Gogh" -> "Vincent van Gogh" ("Ark" -> "Cyber Ark" before camel-case words stayed whole)
    assert {(name, text) for name, text, *_ in out["merges"]} <= {
        ("Cyber Ark", "Ark"), ("Vincent van Gogh", "Van Gogh")}


def test_bench_persons_trials_fresh():
    """Round four's fresh pages: 16 written for the trial (in the repository) and, where
    ../shared is here, the 12 unannotated pages of bench/extraction."""
    out = bench("bench_persons_trials.py", "--set", "fresh")
    assert out["pages"] in (16, 28) and not out["unlabeled"]
    # measured 0.88 / 0.86 / 69 (RESULTS "Round four"): a margin for a model's patch release
    assert out["top"]["precision"] >= 0.85 and out["place"]["precision"] >= 0.82
    assert out["all_persons"]["right"] >= 65
    assert not out["splits"]
    assert {why for *_, why, _, _ in out["merges"]} <= {"initials (same article)", "spelling"}


def test_bench_persons_trials_fresh4():
    """fresh4: 16 pages written and labeled for the trial by a session that read no rule (in
    the repository). Round eight was tuned on it (RESULTS "Round eight": top 100 1.0, places
    0.946, 129 true persons, no split); every merge has a rule's reason, none by spelling
    across documents."""
    out = bench("bench_persons_trials.py", "--set", "fresh4")
    assert out["pages"] == 16 and not out["unlabeled"]
    assert out["top"]["precision"] >= 0.97 and out["place"]["precision"] >= 0.93
    assert out["all_persons"]["right"] >= 127
    assert not out["splits"]
    assert all(docs == 1 for *_, docs in out["merges"])  # within one article each
    assert {why for *_, why, _, _ in out["merges"]} <= {
        "native script (beside the romanized name)", "middle name", "spelling", "same article",
        "family name (the only one in the collection)"}


def test_bench_persons_trials_fresh5():
    """fresh5: 16 pages written and labeled for the trial by a session that read no rule (in
    the repository), measured once before and once after round eight; round nine was tuned
    on it (RESULTS "Round nine": every person 0.968, places 0.979, no split); every merge
    within one article."""
    out = bench("bench_persons_trials.py", "--set", "fresh5")
    assert out["pages"] == 16 and not out["unlabeled"]
    assert out["top"]["precision"] >= 0.95 and out["place"]["precision"] >= 0.95
    assert out["all_persons"]["right"] >= 91
    assert not out["splits"]
    assert all(docs == 1 for *_, docs in out["merges"])


def test_bench_formats():
    out = bench("bench_formats.py", "--pages", "8", "--files", "4", "--repeat", "1")
    assert out["pdf"]["pages"] == 8
    assert out["pdf"]["ours_pages_per_s"] > 0 and out["pdf"]["pypdfium2_raw_pages_per_s"] > 0
    for kind in ("docx", "epub", "eml"):
        assert out[kind]["files"] == 4 and out[kind]["files_per_s"] > 0


def test_bench_collection_quick():
    """A 30-file mixed folder (PDF, DOCX, ODT, EPUB, e-mail, RTF, an MP3, pages when
    ../shared is here): indexed on 2 processes, the first search finds a PDF page."""
    out = bench("bench_collection.py", "--files", "30", "--repeat", "1")
    s = out["searchable"]
    counts = out["collection"]["counts"]
    assert sum(counts.values()) == 30 and counts["pdf"] > 0
    assert s["failed"] == 0, s["failed_examples"]
    assert s["skipped"] == counts["mp3"]  # unsupported files are reported, not indexed
    assert s["files"] == 30 - counts["mp3"] and s["paragraphs"] > 500
    assert s["searchable_s"] > 0 and s["peak_rss_self_mb"] > 0
    assert s["hits"] > 0 and any(page and page > 1 for _, page in s["pdf_hits_with_page"])
    fmt = out["formats"]
    assert fmt["pdf"]["ours_pages_per_s"] > 0 and fmt["pdf"]["pypdfium2_raw_pages_per_s"] > 0
    for kind in ("docx", "epub", "e-mail"):
        assert fmt[kind]["files_per_s"] > 0


def test_bench_persons_stage_quick():
    """The persons stage beside spaCy's nlp.pipe (ours and as shipped) on 600 paragraphs:
    every paragraph recognized once, one new file's alone, the engine with and without."""
    out = bench("bench_persons_stage.py", "--paragraphs", "600", "--sample", "100")
    # every paragraph the stage reads (all but bylines) recognized once
    assert out["stage_recognized"] == out["stage_paragraphs"] >= 590
    assert out["paragraphs"] >= 600
    assert out["after_one_new_file"]["recognized"] == 6 and out["persons"] > 20
    assert out["recognizer_matrix_library"] in ("blis", "numpy")
    assert out["quotes"]["quotations"] > 0 and out["quotes"]["attribution_s"] >= 0
    for key in ("stage_paragraphs_per_s", "spacy_pipe_paragraphs_per_s",
                "spacy_as_shipped_paragraphs_per_s", "peak_rss_mb"):
        assert out[key] > 0, key
    with_persons = out["engine_ms"]["with_persons"]
    assert with_persons["open_and_first_again_ms"] > 0 and with_persons["person"]["p50"] > 0


@needs_shared_pages
def test_bench_metadata_on_the_2019_set():
    out = bench("bench_metadata.py", "--set", "2019", "--only", "searchapp")
    parts = out["2019"]["searchapp"]
    assert parts["all"]["url"][1] == 88 and 0 < parts["all"]["url"][0] <= 1
    assert parts["pages_per_s"] > 0


def test_bench_binary_one_seed():
    out = bench("bench_binary.py", "--seeds", "1")
    assert len(out["random"]) == 10 and all(r["files"] == 6 for r in out["random"].values())
    assert out["real"]["sentences UTF-8"]["refused"] == 0


@needs_shared_pages
def test_bench_copies_quick(tmp_path):
    """The copies stage on 2,000 paragraphs with copies added: groups found, a new file
    joins them, search folded and unfolded; and the labelled set scores the rules."""
    out = bench("bench_copies.py", "speed", "--paragraphs", "2000", "--work", str(tmp_path))
    assert out["copy_files_added"] > 0 and out["groups"] > 0
    assert out["stage_cpu_s"] > 0 and out["keyword_index_cpu_s"] > 0
    assert "passages" in out["sample"]
    labels = bench("bench_copies.py", "labels")
    for fold in labels[0]["folds"]:
        assert fold["paragraph_recall"] > 0.99 and fold["false_paragraph_folds"] == 0


def test_bench_ocr_quick():
    """Two generated scans (English, Korean) read by the app's reader: CER and pages/s."""
    from searchapp.ingest.ocr.engine import unavailable as missing

    if missing():
        pytest.skip(missing())
    out = bench("bench_ocr.py", "--quick")
    by_lang = out["engines"]["searchapp"]["by_lang"]
    assert set(by_lang) == {"en", "ko"}
    assert all(0 <= row["cer_median"] < 0.2 and row["pages_per_s"] > 0
               for row in by_lang.values())
    assert out["carried_mb"]["tessdata total"] > 0


def test_ingest_snapshot_gives_every_document_twice_alike(tmp_path):
    outs = []
    for name in ("a.json", "b.json"):
        proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ingest_snapshot.py"),
                               str(tmp_path / name)], cwd=ROOT, capture_output=True, text=True,
                              timeout=900)
        assert proc.returncode == 0, proc.stderr[-3000:]
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]  # deterministic: a difference after a change is the change's
    docs = json.loads(outs[0])
    page = docs["benchmarks/extraction_pages/" + sorted(
        p.name for p in (ROOT / "benchmarks" / "extraction_pages").glob("*.html"))[0]]
    assert page["meta"]["title"] and page["paragraphs"][0][2]  # a title; paragraph ids
