"""The second blind quote-attribution set (benchmarks/quotes_pages_blind2/) is whole and readable.

Only the gold file and the pages are checked here: every line parses, every annotated span
lies in its paragraph as ``bench_quotes.py`` reads the page, and the set is wired as
``--set blind2``.  The attribution is never run on these pages here: the set is measured
once, by ``bench_quotes.py --set blind2``.  Needs nothing beside the clone.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

BLIND2 = ROOT / "benchmarks" / "quotes_pages_blind2"
BENCH_QUOTES = ROOT / "benchmarks" / "bench_quotes.py"


@pytest.fixture(scope="module")
def bq():
    """benchmarks/bench_quotes.py as a module (it imports the app, runs nothing)."""
    if not (BLIND2 / "gold.txt").is_file() or not BENCH_QUOTES.is_file():
        pytest.skip("the blind2 set or bench_quotes.py is not in this checkout")
    spec = importlib.util.spec_from_file_location("bench_quotes_blind2_check", BENCH_QUOTES)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def _headers(path: Path) -> dict[str, tuple[str, str]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            _, page, split, site = line.split()
            out[page] = (split, site)
    return out


def test_the_set_is_wired_as_blind2(bq):
    assert bq.SETS["blind2"] == (BLIND2 / "gold.txt", BLIND2)
    assert "blind2" in bq.ALL_SPLITS
    assert "blind2" in bq.__doc__


def test_every_line_parses_and_every_span_lies_in_its_paragraph(bq):
    counts, problems = bq.check_gold(*bq.SETS["blind2"])
    assert problems == []
    assert counts["pages"] == 20
    assert counts["skipped"] == 0
    assert counts["judged"] >= 300
    assert counts["persons"] < counts["judged"]  # unnamed sources are judged too


def test_read_gold_gives_each_span_as_annotated(bq):
    pages, items, texts = bq.read_gold(*bq.SETS["blind2"])
    assert {p["split"] for p in pages.values()} == {"blind2"}
    assert {f.name for f in BLIND2.glob("*.html")} == set(pages) == set(texts)
    lines = [line.split("|") for line in (BLIND2 / "gold.txt").read_text("utf-8").splitlines()
             if line[:1].isdigit()]
    assert len(lines) == len(items)
    for (para, speaker, anchor, _), it in zip(lines, items, strict=True):
        assert (int(para), speaker) == (it.para, it.speaker)
        found = texts[it.page][it.para][it.start:it.end]
        if "~~" in anchor:
            a, b = anchor.split("~~")
            assert found.startswith(a) and found.endswith(b) and len(found) > len(a) + len(b)
        else:
            assert found == anchor


def test_four_to_six_korean_or_chinese_pages_and_every_kind_of_speaker(bq):
    pages, items, _ = bq.read_gold(*bq.SETS["blind2"])
    assert 4 <= sum(k.startswith(("ko-", "zh-")) for k in pages) <= 6
    tags = {t for it in items for t in it.tags}
    for tag in ("pronoun", "title", "cont", "nested", "unnamed", "other", "reported", "cjk"):
        assert tag in tags, tag
    assert {"-", "x", "?"} <= {it.speaker for it in items}


def test_every_page_says_it_was_written_for_the_set():
    if not BLIND2.is_dir():
        pytest.skip("the blind2 set is not in this checkout")
    for page in BLIND2.glob("*.html"):
        assert "Written for the second blind quote-attribution set" in page.read_text("utf-8")


def test_no_page_or_site_of_blind2_is_in_another_set():
    if not (BLIND2 / "gold.txt").is_file():
        pytest.skip("the blind2 set is not in this checkout")
    mine = _headers(BLIND2 / "gold.txt")
    others = [ROOT / "benchmarks" / "quotes_gold.txt",
              *(ROOT / "benchmarks").glob("quotes_pages*/gold.txt")]
    for path in others:
        if path.parent == BLIND2:
            continue
        theirs = _headers(path)
        assert not set(mine) & set(theirs), path
        assert not {s for _, s in mine.values()} & {s for _, s in theirs.values()}, path


def test_check_gold_reports_a_span_that_is_not_in_its_paragraph(bq, tmp_path):
    gold = (BLIND2 / "gold.txt").read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(gold) if line[:1].isdigit())
    para, speaker, _, tags = gold[first].split("|")
    gold[first] = f"{para}|{speaker}|words that are on no page of the set|{tags}"
    gold.append("not a gold line")
    broken = tmp_path / "gold.txt"
    broken.write_text("\n".join(gold) + "\n", encoding="utf-8")
    counts, problems = bq.check_gold(broken, BLIND2)
    assert len(problems) == 2
    assert "span not in paragraph" in problems[0]
    assert "not PARAGRAPH|SPEAKER|SPAN|TAGS" in problems[1]


@pytest.mark.slow
def test_check_gold_on_the_command_line():
    if not (BLIND2 / "gold.txt").is_file():
        pytest.skip("the blind2 set is not in this checkout")
    proc = subprocess.run([sys.executable, str(BENCH_QUOTES), "--set", "blind2", "--check-gold"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "20 pages" in proc.stdout and "0 problems" in proc.stdout
