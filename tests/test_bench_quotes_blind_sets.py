"""The blind quote-attribution sets (benchmarks/quotes_pages_blind2/, quotes_pages_blind3/,
quotes_pages_blind4/, quotes_pages_blind5/, quotes_pages_blind6/, quotes_pages_blind7/,
quotes_pages_blind8/, quotes_pages_blind9/) are whole and readable.

Only each set's gold file and pages are checked here: every line parses, every annotated
span lies in its paragraph as ``bench_quotes.py`` reads the page, and the set is wired as
``--set blind2`` / ``--set blind3`` / ``--set blind4`` / ``--set blind5`` /
``--set blind6`` / ``--set blind7`` / ``--set blind8`` / ``--set blind9``.  The
attribution is never run on these pages here: each set is measured once, by
``bench_quotes.py --set NAME``.  Needs nothing beside the clone.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

BENCH_QUOTES = ROOT / "benchmarks" / "bench_quotes.py"
#: each blind set: its name in bench_quotes.py and the ordinal its pages' comment gives it
BLIND_SETS = {"blind2": "second", "blind3": "third", "blind4": "fourth", "blind5": "fifth",
              "blind6": "sixth", "blind7": "seventh", "blind8": "eighth",
              "blind9": "ninth"}


def _folder(name: str) -> Path:
    return ROOT / "benchmarks" / f"quotes_pages_{name}"


@pytest.fixture(scope="module")
def bq():
    """benchmarks/bench_quotes.py as a module (it imports the app, runs nothing)."""
    if not BENCH_QUOTES.is_file():
        pytest.skip("bench_quotes.py is not in this checkout")
    spec = importlib.util.spec_from_file_location("bench_quotes_blind_check", BENCH_QUOTES)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


@pytest.fixture(params=sorted(BLIND_SETS))
def name(request) -> str:
    """One blind set's name; skipped where its folder is not in this checkout."""
    if not (_folder(request.param) / "gold.txt").is_file():
        pytest.skip(f"the {request.param} set is not in this checkout")
    return request.param


def _headers(path: Path) -> dict[str, tuple[str, str]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("== "):
            _, page, split, site = line.split()
            out[page] = (split, site)
    return out


def test_the_set_is_wired(bq, name):
    assert bq.SETS[name] == (_folder(name) / "gold.txt", _folder(name))
    assert name in bq.ALL_SPLITS
    assert f"``--set {name}``" in bq.__doc__


def test_every_line_parses_and_every_span_lies_in_its_paragraph(bq, name):
    counts, problems = bq.check_gold(*bq.SETS[name])
    assert problems == []
    assert counts["pages"] == 20
    assert counts["skipped"] == 0
    assert counts["judged"] >= 300
    assert counts["persons"] < counts["judged"]  # unnamed sources are judged too


def test_read_gold_gives_each_span_as_annotated(bq, name):
    folder = _folder(name)
    pages, items, texts = bq.read_gold(*bq.SETS[name])
    assert {p["split"] for p in pages.values()} == {name}
    assert {f.name for f in folder.glob("*.html")} == set(pages) == set(texts)
    lines = [line.split("|") for line in (folder / "gold.txt").read_text("utf-8").splitlines()
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


def test_four_to_six_korean_or_chinese_pages_and_every_kind_of_speaker(bq, name):
    pages, items, _ = bq.read_gold(*bq.SETS[name])
    assert 4 <= sum(k.startswith(("ko-", "zh-")) for k in pages) <= 6
    tags = {t for it in items for t in it.tags}
    for tag in ("pronoun", "title", "cont", "nested", "unnamed", "other", "reported", "cjk"):
        assert tag in tags, tag
    assert {"-", "x", "?"} <= {it.speaker for it in items}


def test_every_page_says_it_was_written_for_the_set(name):
    mark = f"Written for the {BLIND_SETS[name]} blind quote-attribution set"
    for page in _folder(name).glob("*.html"):
        assert mark in page.read_text("utf-8"), page.name


def test_no_page_or_site_of_the_set_is_in_another_set(name):
    mine = _headers(_folder(name) / "gold.txt")
    others = [ROOT / "benchmarks" / "quotes_gold.txt",
              *(ROOT / "benchmarks").glob("quotes_pages*/gold.txt")]
    for path in others:
        if path.parent == _folder(name):
            continue
        theirs = _headers(path)
        assert not set(mine) & set(theirs), path
        assert not {s for _, s in mine.values()} & {s for _, s in theirs.values()}, path


def test_check_gold_reports_a_span_that_is_not_in_its_paragraph(bq, name, tmp_path):
    gold = (_folder(name) / "gold.txt").read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(gold) if line[:1].isdigit())
    para, speaker, _, tags = gold[first].split("|")
    gold[first] = f"{para}|{speaker}|words that are on no page of the set|{tags}"
    gold.append("not a gold line")
    broken = tmp_path / "gold.txt"
    broken.write_text("\n".join(gold) + "\n", encoding="utf-8")
    counts, problems = bq.check_gold(broken, _folder(name))
    assert len(problems) == 2
    assert "span not in paragraph" in problems[0]
    assert "not PARAGRAPH|SPEAKER|SPAN|TAGS" in problems[1]


@pytest.mark.slow
def test_check_gold_on_the_command_line(name):
    proc = subprocess.run([sys.executable, str(BENCH_QUOTES), "--set", name, "--check-gold"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "20 pages" in proc.stdout and "0 problems" in proc.stdout


@pytest.mark.parametrize("which", ["blind4", "blind5", "blind6", "blind7", "blind8",
                                   "blind9"])
def test_every_speaker_is_named_in_full_on_its_page(bq, which):
    """A person speaker is written as the page names them (full name, or the one name the
    page gives), so a scorer matching names never has to guess a spelling."""
    if not (_folder(which) / "gold.txt").is_file():
        pytest.skip(f"the {which} set is not in this checkout")
    pages, items, texts = bq.read_gold(*bq.SETS[which])
    speakers = {(it.page, it.speaker) for it in items if it.speaker not in ("-", "x", "?")}
    assert len({s for _, s in speakers}) >= 80
    missing = [(page, s) for page, s in sorted(speakers) if s not in "\n".join(texts[page])]
    assert missing == []
