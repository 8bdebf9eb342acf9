"""Build the blind7 pages and gold.txt from the source forms in this folder (*.txt).

Source form: a header block (key: value lines) then, after a line '---', paragraphs:
  'H text'    the headline (first), 'S text' a standfirst, 'X text' a subhead, 'P text' body,
  'Q text'    a bold question (interview);
  '> SPEAKER|SPAN|TAGS' lines after a paragraph annotate it.
The page is read back with load_document (bylines left out, as bench_quotes.py reads it),
each annotation placed in the loaded paragraph equal to its source paragraph.
"""
from __future__ import annotations

import html
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
ROOT = OUT.parent.parent
sys.path.insert(0, str(ROOT))
from searchapp.ingest.pipeline import load_document  # noqa: E402

MARK = ("Written for the seventh blind quote-attribution set of searchapp (issue 30, set "
        "blind7; the eighth set written without reading the rules): an invented story, "
        "invented people, an invented outlet.")


def parse(path: Path):
    head, body = path.read_text("utf-8").split("\n---\n", 1)
    meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
    paras = []
    for line in body.splitlines():
        if not line.strip():
            continue
        if line.startswith("> "):
            paras[-1][2].append(line[2:])
        else:
            kind, text = line[0], line[2:].strip()
            paras.append((kind, text, []))
    return meta, paras


def render(meta, paras) -> str:
    e = html.escape
    h1 = next(t for k, t, _ in paras if k == "H")
    out = []
    stand = "".join(f'<h2 class="summary">{e(t)}</h2>\n' for k, t, _ in paras if k == "S")
    for kind, text, _ in paras:
        if kind == "P":
            out.append(f"<p>{e(text)}</p>")
        elif kind == "Q":  # a bold question (interview)
            out.append(f"<p><strong>{e(text)}</strong></p>")
        elif kind == "X":
            out.append(f'<h3 class="inter">{e(text)}</h3>')
    body = "\n".join(out)
    nav = "".join(f'<a href="/{i}/">{e(w)}</a> ' for i, w in enumerate(meta["nav"].split(",")))
    return f"""<!doctype html>
<html lang="{meta['lang']}">
<head>
<meta charset="utf-8">
<title>{e(h1)} | {e(meta['outlet'])}</title>
<meta name="author" content="{e(meta['author'])}">
<meta property="article:published_time" content="{meta['date']}">
<meta property="og:site_name" content="{e(meta['outlet'])}">
<!-- {MARK} -->
</head>
<body>
<header class="topbar"><span class="brand">{e(meta['outlet'])}</span>
<nav class="sections">{nav}</nav></header>
<main id="content">
<article class="story">
<div class="story-head">
<span class="kicker">{e(meta['kicker'])}</span>
<h1 class="headline">{e(h1)}</h1>
{stand}<p class="byline">{e(meta['author'])} · <time datetime="{meta['date']}">{e(meta['shown'])}</time></p>
</div>
<div class="story-text">
{body}
</div>
<div class="tags">{e(meta['kicker'])}</div>
</article>
<aside class="rail"><h4>{e(meta['more'])}</h4><ul><li><a href="/a/">{e(meta['rail1'])}</a></li><li><a href="/b/">{e(meta['rail2'])}</a></li></ul></aside>
</main>
<footer class="foot">© 2026 {e(meta['outlet'])}</footer>
</body>
</html>
"""


def main() -> int:
    gold = [(HERE / "gold_head.txt").read_text("utf-8").rstrip("\n"), ""]
    bad = 0
    for src in sorted(HERE.glob("*.txt")):
        if src.name == "gold_head.txt":
            continue
        meta, paras = parse(src)
        page = OUT / (src.stem + ".html")
        page.write_text(render(meta, paras), "utf-8")
        loaded = [p.text for p in load_document(page).paragraphs if p.kind != "byline"]
        gold.append(f"== {page.name} blind7 {meta['site']}")
        for kind, text, notes in paras:
            if text not in loaded:
                print(f"{page.name}: source paragraph not loaded: {text[:60]!r}")
                bad += 1
                continue
            i = loaded.index(text)
            for n in notes:
                sp, span, tags = n.split("|")
                first, _, last = span.partition("~~")
                at = text.find(first)
                if at < 0 or (last and text.find(last, at + len(first)) < 0):
                    print(f"{page.name}:{i}: span not in paragraph: {span!r}")
                    bad += 1
                gold.append(f"{i}|{sp}|{span}|{tags}")
        src_texts = {t for _, t, _ in paras}
        for j, t in enumerate(loaded):
            if t not in src_texts:
                print(f"{page.name}: loaded paragraph {j} not from the source: {t[:60]!r}")
                bad += 1
        gold.append("")
    (OUT / "gold.txt").write_text("\n".join(gold).rstrip("\n") + "\n", "utf-8")
    print("problems:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
