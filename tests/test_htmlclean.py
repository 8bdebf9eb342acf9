"""HTML article extraction on real pages from the extraction benchmark."""

from __future__ import annotations

import gzip
import json

import pytest
from conftest import BENCH

from searchapp.ingest.html.extract import article_text, extract_article

TRUTH = json.loads((BENCH / "ground-truth.json").read_text()) if BENCH.exists() else {}


def _page(i: int) -> tuple[str, str]:
    key = sorted(TRUTH)[i]
    html = gzip.open(BENCH / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
    return html, TRUTH[key]["articleBody"]


@pytest.mark.skipif(not TRUTH, reason="../shared/bench/extraction not present")
@pytest.mark.parametrize("i", [0, 10, 20, 30, 40, 50, 60, 70, 80])
def test_real_pages_keep_the_article(i):
    from searchapp.ingest.html.rules import Block
    from searchapp.ingest.html.rules import shingles as _shingles

    html, truth = _page(i)
    got = article_text(html)
    want = _shingles([Block("body", truth)])
    have = _shingles([Block("body", got)])
    recall = len(want & have) / len(want)
    precision = len(want & have) / max(1, len(have))
    assert recall > 0.8 and precision > 0.8, (recall, precision)


def test_boilerplate_is_dropped_and_order_kept():
    body = "".join(f"<p>Paragraph {n} of the article about the summit in Lima, with enough words "
                   f"to count as real text for any extractor.</p>" for n in range(1, 7))
    html = f"""<html><head><title>T</title></head><body>
      <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
      <div class="cookie-consent">We use cookies to improve your experience. Accept all cookies.</div>
      <article><h1>Leaders meet</h1><div class="share-bar"><a href="#">Share on Facebook</a></div>
      {body}<h2>What comes next</h2><p>The next meeting is planned for the autumn in Gyeongju, officials said.</p></article>
      <aside class="related-articles"><h3>Related Articles</h3><ul><li><a href="/a">Other story one</a></li></ul></aside>
      <section id="comments"><p>Great article! Totally agree with the author here.</p></section>
      <div class="adblock-notice">Adblock Detected. Please consider supporting us.</div>
      <footer>© 2024 Example News. All rights reserved.</footer></body></html>"""
    art = extract_article(html)
    texts = [b.text for b in art.blocks]
    assert (art.blocks[0].kind, texts[0]) == ("heading", "Leaders meet")
    assert texts[1:7] == [f"Paragraph {n} of the article about the summit in Lima, with enough "
                          f"words to count as real text for any extractor." for n in range(1, 7)]
    assert ("heading", "What comes next") in [(b.kind, b.text) for b in art.blocks]
    joined = " ".join(texts)
    for junk in ("Home", "cookies", "Share on Facebook", "Related Articles", "Great article",
                 "Adblock", "All rights reserved"):
        assert junk not in joined


def test_page_without_p_tags_uses_the_bs4_pass():
    lines = "<br><br>".join(f"Line {n}: the delegation from Seoul arrived in Beijing on schedule, "
                            f"and talks continued late into the evening." for n in range(1, 9))
    html = f"""<html><body><div id="menu"><a href="/">Home</a> | <a href="/n">News</a></div>
      <div id="story">{lines}</div><div class="footer">Contact us</div></body></html>"""
    art = extract_article(html)
    texts = [b.text for b in art.blocks]
    assert len(texts) == 8 and texts[0].startswith("Line 1:") and texts[-1].startswith("Line 8:")


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<p>", "not html at all",
                                  "<div>" * 500 + "deep" + "</div>" * 500])
def test_degenerate_html_does_not_raise(html):
    assert isinstance(article_text(html), str)
