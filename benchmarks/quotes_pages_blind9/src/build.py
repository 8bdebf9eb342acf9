#!/usr/bin/env python3
"""Build the blind9 pages and gold.txt from the source files beside this script.

A source file (``*.txt``) starts with ``@key value`` header lines (key, site, outlet, lang,
section, author, date, visible), then one paragraph per line, its kind first:
``H`` headline, ``S`` standfirst, ``X`` subhead, ``P`` body paragraph, ``Q`` bold question,
each followed by its annotations as ``> SPEAKER|SPAN|TAGS``.  The page is written from this
set's own template, read back with ``load_document`` (bylines left out, as
``bench_quotes.py`` reads a page), every annotation placed in the loaded paragraph equal to
its source paragraph, every span checked, and ``gold.txt`` written.

    python benchmarks/quotes_pages_blind9/src/build.py
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
ROOT = OUT.parent.parent
sys.path.insert(0, str(ROOT))

MARK = ("Written for the ninth blind quote-attribution set of searchapp (issue 30, set "
        "blind9; the tenth set written without reading the rules): an invented story, "
        "invented people, an invented outlet.")

NAV = {"en": ["News", "World", "Business", "Sport", "Culture", "Science"],
       "ko": ["뉴스", "정치", "경제", "사회", "스포츠", "문화"],
       "zh": ["要闻", "国内", "国际", "财经", "社会", "体育"],
       "zh-tw": ["焦點", "政治", "社會", "生活", "財經", "國際"],
       "ja": ["ニュース", "政治", "経済", "社会", "国際", "スポーツ"]}
MORE = {"en": ["Tide tables", "Obituaries", "Puzzles"],
        "ko": ["주말 날씨", "독자 투고", "오늘의 운세"],
        "zh": ["周末天气", "读者来信", "今日油价"],
        "zh-tw": ["週末天氣", "讀者投書", "今日油價"],
        "ja": ["週末の天気", "読者の声", "今日の運勢"]}
HEADER = """# Quotes and their speakers on the 20 pages of this folder (the "blind9" set of
# benchmarks/bench_quotes.py: `python benchmarks/bench_quotes.py --set blind9`).
# Written and annotated by a helper who had not read the attribution rules
# (searchapp/quotes, searchapp/ingest/quotes, searchapp/ingest/persons, tests/test_quote*)
# nor any other annotated set (beyond the format heads named in README.md), and who never
# ran the attribution on these pages.  Conventions in README.md beside this file.
# Made by src/build.py from src/*.txt (rebuilds pages and gold identically).
#
# Same format as benchmarks/quotes_gold.txt.  One line per quote:
#   PARAGRAPH | SPEAKER | SPAN | TAGS
#   PARAGRAPH  0-based, over the paragraphs searchapp.ingest's load_document gives for the
#              page, bylines left out (as bench_quotes.py's written_paragraphs reads them)
#   SPEAKER    the person as the page names them in full; "-" an unnamed source, an
#              organisation or a group; "x" not speech (a name, title, slogan or term in
#              quote marks): any attribution is wrong; "?" not judged (a headline, subhead
#              or standfirst repeating a quote, a term someone is asked about)
#   SPAN       an exact substring of the paragraph, or "START~~END"
#   TAGS       see README.md
#
# == PAGE-KEY SPLIT SITE
"""


def parse(path: Path) -> tuple[dict, list]:
    meta, paras = {}, []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            k, v = line[1:].split(" ", 1)
            meta[k] = v.strip()
        elif line.startswith("> "):
            parts = line[2:].split("|")
            if len(parts) != 3:
                raise SystemExit(f"{path.name}:{n}: bad annotation {line!r}")
            paras[-1][2].append(parts)
        else:
            kind, text = line[0], line[2:]
            if kind not in "HSXPQ" or line[1] != " ":
                raise SystemExit(f"{path.name}:{n}: bad line {line!r}")
            paras.append((kind, text, []))
    return meta, paras


def page_html(meta: dict, paras: list) -> str:
    e = lambda s: html.escape(s, quote=False)  # noqa: E731
    lang = meta["lang"]
    nav = "".join(f'<li><a href="/section/{i}">{e(w)}</a></li>' for i, w in enumerate(NAV[lang]))
    more = "".join(f'<li><a href="/read/{i}">{e(w)}</a></li>' for i, w in enumerate(MORE[lang]))
    head = next(t for k, t, _ in paras if k == "H")
    deck = "".join(f'<h2 class="intro">{e(t)}</h2>\n' for k, t, _ in paras if k == "S")
    body = []
    for k, t, _ in paras:
        if k == "P":
            body.append(f"<p>{e(t)}</p>")
        elif k == "Q":
            body.append(f"<p><strong>{e(t)}</strong></p>")
        elif k == "X":
            body.append(f'<h3 class="crosshead">{e(t)}</h3>')
    by = (f'<div class="meta"><span class="author">{e(meta["author"])}</span> \u2014 '
          f'<time datetime="{meta["date"]}">{e(meta["visible"])}</time></div>\n'
          if meta.get("author") else "")
    html_lang = "zh-Hant" if lang == "zh-tw" else lang
    return f"""<!DOCTYPE html>
<html lang="{html_lang}">
<head>
<meta charset="utf-8">
<title>{e(head)} - {e(meta["outlet"])}</title>
<meta name="author" content="{e(meta.get("author", ""))}">
<meta property="article:published_time" content="{meta["date"]}">
<meta property="og:site_name" content="{e(meta["outlet"])}">
<!-- {MARK} -->
</head>
<body>
<div id="page">
<div class="masthead"><span class="logo"><a href="/">{e(meta["outlet"])}</a></span>
<ul class="menu">{nav}</ul></div>
<article class="newsitem">
<div class="category"><a href="/c/{meta["site"]}">{e(meta["section"])}</a></div>
<h1 class="newsitem-title">{e(head)}</h1>
{deck}{by}<div class="newsitem-body">
{chr(10).join(body)}
</div>
</article>
<section class="related"><h4>Related</h4><ol>{more}</ol></section>
<footer class="colophon">{e(meta["outlet"])} 2026</footer>
</div>
</body>
</html>
"""


def main() -> int:
    from searchapp.ingest.pipeline import load_document

    out = [HEADER]
    problems = []
    for src in sorted(HERE.glob("*.txt")):
        meta, paras = parse(src)
        page = OUT / meta["key"]
        page.write_text(page_html(meta, paras), encoding="utf-8")
        loaded = [p.text for p in load_document(page).paragraphs if p.kind != "byline"]
        src_texts = [t for _, t, _ in paras]
        for i, t in enumerate(loaded):
            if t not in src_texts:
                problems.append(f"{page.name}: loaded paragraph {i} not in source: {t[:60]!r}")
        out.append(f"\n== {meta['key']} blind9 {meta['site']}")
        for _, t, anns in paras:
            if t not in loaded:
                if anns:
                    problems.append(f"{page.name}: annotated paragraph lost: {t[:60]!r}")
                continue
            idx = loaded.index(t)
            for speaker, span, tags in anns:
                if meta["lang"] != "en" and speaker not in ("x", "?") and "cjk" not in tags:
                    tags += ",cjk"  # every judged item of a Korean, Chinese or Japanese page
                parts = span.split("~~")
                ok = (span in t) if len(parts) == 1 else (
                    parts[0] in t and parts[1] in t[t.index(parts[0]) + len(parts[0]):])
                if not ok:
                    problems.append(f"{page.name} ¶{idx}: span not found: {span!r}")
                if speaker not in ("-", "x", "?") and speaker not in "\n".join(loaded):
                    problems.append(f"{page.name}: speaker not on page: {speaker!r}")
                out.append(f"{idx}|{speaker}|{span}|{tags}")
    (OUT / "gold.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    for p in problems:
        print(p)
    print(f"{len(list(HERE.glob('*.txt')))} pages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
