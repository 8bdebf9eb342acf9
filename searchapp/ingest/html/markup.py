"""What a page's markup says that every extractor would lose, put into its text before
extraction: two texts a tag sets apart get a space between them
(:func:`separate_glued_texts`), who signs a quotation becomes a paragraph
(:func:`keep_quotation_signatures`), and a live blog's posts keep their times
(:func:`keep_post_times`).  They change the parsed tree in place
(:mod:`searchapp.ingest.html.extract` calls them once per page)."""

from __future__ import annotations

import re

from lxml import etree

from searchapp.ingest.metadata import stamp_line

_SIGNATURES = etree.XPath("//blockquote//footer | //figure[.//blockquote]/figcaption")
_QUOTE_FIGURES = etree.XPath("//figure[.//blockquote and not(.//img | .//video)]")


def keep_quotation_signatures(tree) -> int:
    """Keep who signs a quotation as a paragraph of its own: HTML writes it as a
    ``<footer>`` inside the ``<blockquote>`` (``<footer>— <cite>Name, role</cite>
    </footer>``) or as the ``<figcaption>`` of a ``<figure>`` holding one, and every
    extractor drops footers and captions as page furniture -- the quotation would
    lose its speaker.  The elements become ``<p>``; how many did."""
    found = _SIGNATURES(tree)
    for el in found:
        el.tag = "p"
        el.attrib.clear()  # a class such as "blockquote-footer" reads as furniture
    for el in _QUOTE_FIGURES(tree):  # a figure is an image's to extractors: dropped whole
        el.tag = "div"
    return len(found)


def separate_glued_texts(tree, stamps: list | None = None) -> int:
    """Put a space where two texts meet at a tag with none between them and a
    lower-case letter or a digit runs into a capital (``International
    <a>Relations</a>CICIR``, ``<b>Stay</b><span>Protein</span>``,
    ``<span>1</span>Look for a deal``): the page set them apart with markup (a
    link, a label, a list number, a cell styled as a block) and every extractor
    would glue them into one word.  The texts are changed in ``tree``; how many were.

    Only where the markup ends one text and starts the next: a word the page
    writes in one text (``AirPods``, ``WikiLeaks``, ``watchOS``) is never split.
    On the 388 benchmark pages the ground truth writes ~2,600 such pairs apart and
    16 together (table cells and footnote numbers it ran together itself)
    (``benchmarks/RESULTS.md``).  A capital run into a lower-case letter (a drop
    cap: ``<span>H</span>ong Kong``) or two lower-case letters
    (``<a>MacBook</a>s``) stay joined.

    The walk over the body's elements is also where :func:`keep_post_times` finds its
    time stamps: given a list ``stamps``, the candidates are appended to it (walking
    the page once more cost as much as this whole step).
    """
    body = tree.find("body")
    if body is None:
        return 0
    changed = 0
    prev = ""
    # the body's texts in document order (an element's text at its start, its tail
    # at its end): as ``//body//text()``, without a string object per text node
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if event == "end" and el is body:
            break
        tail = event == "end"
        if stamps is not None and not tail and _may_stamp(el):
            stamps.append(el)
        text = el.tail if tail else el.text
        if not text:
            continue
        if text[:1].isupper() and (prev[-1:].islower() or prev[-1:].isdigit()):
            if tail:
                el.tail = " " + text
            else:
                el.text = " " + text
            changed += 1
        prev = text
    return changed


#: A live blog's posts: at least this many sibling containers alike (tag and class),
#: each with its own time stamp before its text.
LIVE_POSTS = 3
# a stamp: a <time> element, or an element a class names as one ("timestamp",
# "post-time", "entry__time")
_STAMP_CLASS = re.compile(r"(?:^|[\s_-])(?:time|timestamp)(?:$|[\s_-])", re.I)
_STAMP_CLASSES: dict[str, bool] = {}  # a class value -> whether it names a stamp


def _may_stamp(el) -> bool:
    """Whether ``el`` is a ``<time>`` or has a class naming a time stamp (the answer
    for each class value remembered: a page repeats its classes)."""
    if el.tag == "time":
        return True
    c = el.get("class")
    if not c:
        return False
    found = _STAMP_CLASSES.get(c)
    if found is None:
        if len(_STAMP_CLASSES) >= 4096:
            _STAMP_CLASSES.clear()
        found = _STAMP_CLASSES[c] = _STAMP_CLASS.search(c) is not None
    return found
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})")
#: Blocks extractors keep as paragraphs: a stamp written as one stays a paragraph of its own.
_KEPT_BLOCKS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"))
_RELATIVE = re.compile(r"\bago$|^just now$", re.I)


def keep_post_times(tree, stamps: list | None = None) -> int:
    """Keep each live-blog post's time with its text: a page of posts (at least
    :data:`LIVE_POSTS` sibling containers of one tag and class, each holding a time
    stamp and a paragraph after it) writes the time in an element of its own
    (``<time>21:45</time>``) that every extractor drops as furniture, and a
    researcher could not say when something was posted.  The time is put before the
    post's first paragraph ("21:45 — ..."; a relative "2 hours ago" as the stamp's
    ``datetime``); the stamp keeps its attributes for the page's metadata.  A stamp
    written as a paragraph (``<p class="post-time">``) is left as it is (extractors
    keep it), and so is a lone stamp (an article's date line).  ``stamps``: the
    candidates :func:`separate_glued_texts` collected (those since dropped from the page
    or changed are passed over), else they are looked for here.  How many posts were
    stamped."""
    posts: dict[tuple, list[tuple]] = {}
    if stamps is None:
        stamps = [el for el in tree.iter() if _may_stamp(el)]
    for stamp in stamps:
        if not _may_stamp(stamp) or stamp.tag in _KEPT_BLOCKS \
                or stamp.getparent() is None or stamp.getparent().tag in _KEPT_BLOCKS \
                or stamp.getroottree().getroot() is not tree:
            continue  # (a stamp written as a paragraph is kept as one by every extractor)
        shown = _stamp_text(stamp)
        post, para = _post_of(stamp) if shown else (None, None)
        if post is None or post.getparent() is None:
            continue
        key = (post.getparent(), post.tag, post.get("class", ""))
        group = posts.setdefault(key, [])
        if not group or group[-1][0] is not post:  # a post's first stamp only
            group.append((post, stamp, para, shown))
    stamped = 0
    for group in posts.values():
        if len(group) < LIVE_POSTS:
            continue
        for _post, stamp, para, shown in group:
            para.text = f"{shown} — " + (para.text or "").lstrip()
            for child in list(stamp):
                stamp.remove(child)
            stamp.text = None
            stamped += 1
    return stamped


def _stamp_text(stamp) -> str:
    """What a stamp shows, when it is a time or a date ("" otherwise); a relative time
    ("2 hours ago") as its ``datetime`` where it has one."""
    text = " ".join("".join(stamp.itertext()).split())
    if not 0 < len(text) <= 60 or stamp_line(text) is None:
        return ""
    m = _DATETIME.search(stamp.get("datetime") or "")
    if m and _RELATIVE.search(text):
        return f"{m.group(1)} {m.group(2)}"
    return text


def _post_of(stamp):
    """The post a stamp opens: its closest ancestor holding a ``<p>`` after it, and
    that paragraph (or ``(None, None)``)."""
    el = stamp.getparent()
    while el is not None and el.tag not in ("body", "html"):
        seen = False
        for inner in el.iter():
            if inner is stamp:
                seen = True
            elif seen and inner.tag == "p":
                return el, inner
        el = el.getparent()
    return None, None
