"""A page with article text never comes out empty: short, CJK, <br>-only and link-heavy pages.

The pages are in ``benchmarks/extraction_pages`` (written by hand, with the
article text each should give in ``ground-truth.json``); they are also the
second unseen check of ``benchmarks/bench_extraction_cv.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from searchapp.ingest.html.extract import extract_article
from searchapp.ingest.html.rules import (
    DEFAULT_RULES,
    Block,
    Candidates,
    Rules,
    choose,
    clean_blocks,
)
from searchapp.ingest.pipeline import _ensure_body, load_document
from searchapp.ingest.text import text_size

PAGES = ROOT / "benchmarks" / "extraction_pages"
TRUTH = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
# The brief's four: a short Japanese blog post, a two-paragraph news item, text in
# <div>s and <br>s only, a long list of links around a short article; and more.
SHORT_PAGES = ["ja_blog.html", "news_short.html", "div_br.html", "links_short.html",
               "zh_news.html", "ko_news_br.html"]


def _paragraphs(name: str) -> list[str]:
    return TRUTH[name]["articleBody"].split("\n\n")


@pytest.mark.parametrize("name", SHORT_PAGES)
def test_load_document_keeps_every_paragraph(name):
    doc = load_document(PAGES / name, PAGES)
    body = "\n".join(doc.body)
    missing = [p for p in _paragraphs(name) if p not in body]
    assert not missing


# The pages written before the rules were chosen; the later ones (builder_costs,
# newsletter_port, liveblog_strike, interview_delta, tutorial_backup) are scored
# by benchmarks/bench_extraction_cv.py only: a check no rule was fitted to.
FIRST_PAGES = ["ja_blog.html", "news_short.html", "links_short.html", "zh_news.html",
               "en_analysis.html", "interview_de.html", "div_br.html", "ko_news_br.html"]


@pytest.mark.parametrize("name", FIRST_PAGES)
def test_extract_article_finds_the_article(name):
    text = extract_article((PAGES / name).read_text(encoding="utf-8")).text
    for paragraph in _paragraphs(name):
        assert paragraph in text


def test_cli_extract_json_gives_the_article(tmp_path):
    names = ["ja_blog.html", "news_short.html", "div_br.html", "links_short.html"]
    env = {**os.environ, "SEARCHAPP_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "searchapp", "extract", "--json",
                           *(str(PAGES / n) for n in names)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(docs) == len(names)
    for name, doc in zip(names, docs, strict=True):
        body = "\n".join(doc["paragraphs"])
        assert all(p in body for p in _paragraphs(name)), name


def test_cjk_sentences_are_not_taken_for_trailing_headlines():
    blocks = [Block("body", "市交通运输局表示，夜间公交线路将增加到二十条。"),
              Block("body", "不少市民对此表示欢迎，认为能省下不少交通费。")]
    assert clean_blocks(blocks, Rules(tail=120)) == blocks  # the rule, if switched on
    assert text_size("夜间公交") == 12 and text_size("night") == 5


def _candidates(primary, estimate=0, recall=(), second=()):
    return Candidates({DEFAULT_RULES.primary: list(primary)}, estimate, lambda: (None, 0),
                      lambda html: [], lambda: list(recall), lambda: list(second))


def test_nothing_found_falls_back_to_trafilaturas_recall_mode():
    recall = [Block("body", "A short item that only the recall mode found, complete.")]
    blocks, extractor = choose(_candidates([], estimate=300, recall=recall))
    assert blocks == recall and extractor == "trafilatura-recall"


def test_cleaning_never_removes_most_of_an_extractors_output():
    # lines without a sentence end: the trailing-headline rule (if on) would drop them all
    lines = [Block("body", f"Item {n} of the programme in the town hall") for n in range(6)]
    blocks, _ = choose(_candidates(lines, estimate=100), Rules(tail=120))
    assert blocks == lines


def test_far_less_than_the_visible_text_consults_the_recall_mode():
    junk = [Block("body", "Cookie settings and a short line of page furniture here.") for _ in range(4)]
    article = [Block("body", "The article itself, which only the recall mode kept. " * 30)]
    blocks, extractor = choose(_candidates(junk, estimate=20000, recall=article))
    assert extractor == "trafilatura-recall" and blocks == article


def test_a_page_of_captions_and_credits_keeps_them_as_body():
    blocks = [("title", "Port strike ends"), ("credit", "Dock workers, Port Authority Director"),
              ("caption", "Ships wait offshore (Photo/Reuters)")]
    assert _ensure_body(blocks) == [("title", "Port strike ends"),
                                    ("body", "Dock workers, Port Authority Director"),
                                    ("body", "Ships wait offshore (Photo/Reuters)")]
    assert _ensure_body([("body", "x"), ("caption", "y")]) == [("body", "x"), ("caption", "y")]


def test_a_sentence_naming_a_professor_is_body_not_a_credit():
    from searchapp.ingest.text import classify

    # HTML blocks are classified one at a time, so every one is "near the edge"
    sentences = ["Professor Kim, who led the study, declined to comment.",
                 "The Center for Strategic Studies published its annual report on Tuesday."]
    assert [b.kind for b in classify(sentences)] == ["body", "body"]
    assert classify(["Kim Min-ji, Professor of Economics, Seoul National University"])[0].kind \
        == "credit"


def test_a_japanese_post_of_one_short_sentence_per_paragraph_is_kept_whole():
    # Many Japanese blogs put each sentence in its own <p>: every one is short
    # (< 40 characters) and ends in 。, which the trailing-headline rule took for
    # a headline, one after another, until nothing was left.
    sentences = [f"今日は{n}番目の話として、近所の公園で見つけた季節の花について書きます。"
                 for n in range(1, 25)]
    body = "".join(f"<p>{s}</p>" for s in sentences)
    html = (f"<html lang='ja'><body><nav><a href='/'>ホーム</a><a href='/a'>記事一覧</a></nav>"
            f"<article><h1>公園の花</h1>{body}</article>"
            f"<footer>© 2024 散歩ブログ</footer></body></html>")
    text = extract_article(html).text
    assert all(s in text for s in sentences)
    with_rule = extract_article(html, rules=Rules(tail=120)).text  # the rule on: 。 ends a sentence
    assert all(s in with_rule for s in sentences)


def _counting(blocks, calls: list):
    def run():
        calls.append(1)
        return list(blocks)
    return run


def test_agreement_takes_the_candidate_the_others_agree_with():
    """trafilatura kept an FAQ box; its fast recall mode and the bs4 pass both found
    the article: two of three agree, so the article wins."""
    faq = [Block("body", f"Question {n}: do you deliver on Sundays? Yes, in the city centre "
                         "only, between nine and five.") for n in range(4)]
    article = [Block("body", f"Paragraph {n} of the article about the harbour's new "
                             f"terminal, which moved more containers than expected.")
               for n in range(8)]
    c = Candidates({DEFAULT_RULES.primary: faq}, 5000, lambda: ("<div/>", 5000),
                   lambda html: list(article), lambda: [], lambda: list(article))
    blocks, extractor = choose(c)
    assert blocks == article and extractor == "trafilatura-fast-recall"


def test_agreement_is_not_asked_when_the_article_holds_the_pages_text():
    article = [Block("body", "The whole text of the page is this article, nothing else. " * 6)]
    calls: list = []
    c = Candidates({DEFAULT_RULES.primary: article}, 100, lambda: (None, 0), lambda html: [],
                   lambda: [], _counting([Block("body", "other")], calls))
    assert choose(c) == (article, "trafilatura") and not calls
    # ... and an empty candidate never wins, however the others disagree
    c = Candidates({DEFAULT_RULES.primary: article}, 10000, lambda: (None, 0),
                   lambda html: [], lambda: [], _counting([], calls))
    assert choose(c)[0] == article and calls


def test_an_unclosed_button_does_not_take_the_article_with_it():
    """A header's ``<button>`` left unclosed nests the whole page inside it; the
    extractors delete buttons, so the article went with it ("no article text
    found" where trafilatura's fallback, on its uncleaned copy, found it)."""
    story = "".join(f"<p>Paragraph {i} of the story on the harbour strike, with the unions, "
                    f"the port authority and the shipping lines all giving their side.</p>"
                    for i in range(12))
    # "<div></button>": the div is never closed, so the parser ignores </button>
    html = ("<html><body><header><div><button class='menu'><div>Menu<div></button></div>"
            "<script>var x = 1;</script>"
            "<nav><a href='/a'>Home</a> <a href='/b'>News</a></nav></div></header>"
            f"<main><article><h1>Harbour strike enters its second week</h1>{story}"
            "</article></main><footer>© 2025 The Harbour Post</footer></body></html>")
    text = extract_article(html, with_metadata=False).text
    assert "Paragraph 0 of the story" in text and "Paragraph 11 of the story" in text
    assert "var x" not in text  # the button's script still goes
    # a real footer or aside holding a little of the page is still deleted
    aside = html.replace("<button class='menu'><div>Menu<div></button></div>",
                         "<aside><h1>Most read</h1><article><p>Another story teaser of "
                         "the day.</p></article></aside>")
    assert "Another story teaser" not in extract_article(aside, with_metadata=False).text
