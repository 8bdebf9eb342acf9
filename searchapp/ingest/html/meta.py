"""A web page's title, authors, source, date and language, beside its article.

trafilatura reads a page's metadata in the same pass as its text; this module
checks and completes what it found with what the page states itself:

* **title** -- the page's one headline (``<h1>``) where it has one; else the
  ``<title>``/``og:title`` without the site's name ("The Year in Mathematics |
  Quanta Magazine" -> "The Year in Mathematics").
* **authors** -- the names of the byline (:mod:`searchapp.ingest.bylines`: roles,
  credentials, dates and agencies dropped); where the page's structured data
  (JSON-LD ``author``, repeated ``citation_author``/``author`` tags) names the
  same persons more cleanly or names more of them, those.  The site itself is
  not an author beside persons.  An agency credited by the byline
  ("Associated Press") is the source when the page names no site.
* **date** -- a date on the first of a month that the page never writes (a
  year or a month found alone, "© 2021", "/2020/03/") is no date: dates are
  never guessed.

Rules chosen on half of the sites of ``../shared/bench/extraction-modern`` and
checked on the other half (``benchmarks/bench_metadata.py``).
"""

from __future__ import annotations

import functools
import html as htmllib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from htmldate import find_date
from trafilatura.settings import set_date_params

from searchapp.ingest.bylines import Byline, parse_byline, without_variants
from searchapp.ingest.metadata import iso_date
from searchapp.ingest.persons.words import LEGAL_FORMS
from searchapp.ingest.text import normalize_space, stretches, text_size
from searchapp.lexicon import CJK, MONTHS


class Article(Protocol):
    """What :func:`complete_metadata` reads and sets (an ``HtmlArticle``)."""

    title: str
    authors: list[str]
    byline: str
    date: str
    source: str
    agency: str
    url: str
    language: str

#: A space the join of a byline's pieces put before the punctuation after a link.
_SPACE_BEFORE_MARK = re.compile(r"\s+([,;:.!?)])")
# <meta> names whose values are authors; a tag repeated names several.
_AUTHOR_KEYS = ("citation_author", "citation_authors", "dc.creator", "dcterms.creator",
                "author", "article:author", "parsely-author", "sailthru.author", "byl")
# Between a headline and the site's name in a <title>.
# Chinese and Japanese sites also write "标题_网站" and "タイトル｜サイト" (an underscore
# against a CJK character, a full-width bar).
_TITLE_SEP = re.compile(r"\s+(?:[|\-–—•·»~]|::)\s+|\s*[|•·»｜]\s*"
                        f"|(?<=[{CJK}])_(?=\\S)|(?<=\\S)_(?=[{CJK}])")


@dataclass
class PageTags:
    """What a page says about itself, read before trafilatura prunes the tree."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    article: dict = field(default_factory=dict)  # the JSON-LD article object
    page: dict = field(default_factory=dict)  # the JSON-LD web page object
    headlines: list[str] = field(default_factory=list)  # the <h1> texts
    title: str = ""  # the <title>
    lang: str = ""
    bylines: list[str] = field(default_factory=list)  # byline elements' texts, in page order

    def first(self, *keys: str) -> str:
        """The first value of the first of ``keys`` the page has, or ``""``."""
        for key in keys:
            if self.meta.get(key):
                return self.meta[key][0]
        return ""


def page_tags(tree) -> PageTags:
    """``<meta>`` tags, JSON-LD, ``<h1>`` headlines and ``<html lang>`` of a parsed page."""
    tags = PageTags(lang=tree.get("lang") or "")
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        content = (m.get("content") or "").strip()
        if key and content:
            tags.meta.setdefault(key, []).append(content)
    for item in _ld_items(tree):
        kind = str(item.get("@type", ""))
        if not tags.article and ("Article" in kind or "Posting" in kind):
            tags.article = item
        elif not tags.page and "WebPage" in kind:
            tags.page = item
    element = tree.find(".//title")
    tags.title = normalize_space(element.text_content()) if element is not None else ""
    for h in tree.iter("h1"):
        text = normalize_space(_spaced_text(h))
        if text:
            tags.headlines.append(text)
    tags.bylines = _byline_texts(tree)
    return tags


#: A page saved by Word or Excel keeps the file's properties in an ``<xml>`` island,
#: inside a conditional comment (``<!--[if gte mso 9]><xml><o:DocumentProperties>``):
#: its author and when the file was made, as ``<meta>`` tags would give them.
_OFFICE_PROPERTY = re.compile(r"<o:(Author|Created)>([^<]{1,200})</o:\1>")


def _office_properties(page: str, meta: dict[str, list[str]]) -> None:
    """The author and created date of a Word-saved page's ``o:DocumentProperties``
    (``page``: its source), where no ``<meta>`` tag gives them."""
    if not any(v.lower().startswith(("word.", "excel.")) for v in meta.get("progid", ())) \
            and not any("microsoft" in v.lower() for v in meta.get("generator", ())):
        return
    for name, value in _OFFICE_PROPERTY.findall(page):
        key = "author" if name == "Author" else "date"
        value = htmllib.unescape(value).strip()
        if not meta.get(key) and value and not (key == "author" and _firm(value)):
            meta[key] = [value]


def _firm(name: str) -> bool:
    """Whether ``name`` ends in a company's legal form ("HP Inc.", "Kestrel Ltd"): a
    licence holder Word writes as the author, no person."""
    words = re.findall(r"[^\W_]+", name)
    return len(words) > 1 and words[-1] in LEGAL_FORMS


# An element marked as a byline (class, id, data-component, itemprop).
_BYLINE_MARK = re.compile(r"byline", re.I)


class _Marked(dict):
    """Whether an attribute value holds ``byline`` (``_BYLINE_MARK``), remembered per
    value (a page repeats its class names); cleared when full."""

    def __missing__(self, value: str) -> bool:
        if len(self) >= 4096:
            self.clear()
        found = self[value] = _BYLINE_MARK.search(value) is not None
        return found


_MARKED = _Marked()
# An element whose text is a byline: "By Jane Doe ...", "Posted on 3 May 2024 by Jane Doe".
_BYLINE_TEXT = re.compile(r"^(?:by|words by|written by|(?:posted|published)\b[^|]{0,50}?\bby)"
                          r"\s+[^\W\d_]", re.I)
# The words an element's own text opens with when the element is a byline.
_BYLINE_LEAD = re.compile(r"\s*(?:by|words|written|posted|published)\b", re.I)
_BYLINE_MAX = 200  # characters: longer is a paragraph that opens with "By"
# Elements whose pieces are the parts of a byline ("<p>Name</p><p>Outlet, role</p>").
_BYLINE_PARTS = frozenset(("p", "div", "span", "li", "a", "b", "strong", "address"))


def _byline_texts(tree) -> list[str]:
    """Texts of the page's byline elements: those marked ``byline`` and short
    elements that read as one ("By Jane Doe | Bureau Chief"), pieces separated
    by ``|`` where the element puts its names and roles in elements of their own."""
    out: list[str] = []
    for el in tree.iter("p", "div", "span", "font", "address", "section", "header"):
        get = el.get
        # each value alone ("byline" holds no space to span two of them), answers remembered
        c, i, d, p = get("class"), get("id"), get("data-component"), get("itemprop")
        marked = bool(c is not None and _MARKED[c] or i is not None and _MARKED[i]
                      or d is not None and _MARKED[d] or p is not None and _MARKED[p])
        if not marked:
            first = el.text  # the first of itertext(), where it is not blank
            if not (first and first.strip()):
                first = next(filter(str.strip, el.itertext()), "")
            if not _BYLINE_LEAD.match(first):
                continue  # (the text of every element would cost a page's size per element)
        # "<p>Written by</p>Jane Doe"; no space before the punctuation after a link
        text = _SPACE_BEFORE_MARK.sub(r"\1", normalize_space(" ".join(el.itertext())))
        if not text or len(text) > _BYLINE_MAX:
            continue
        if marked:
            parts = [normalize_space(c.text_content()) for c in el
                     if isinstance(c.tag, str) and c.tag.lower() in _BYLINE_PARTS]
            if len(parts) > 1 and all(parts) and not (el.text or "").strip():
                text = " | ".join(parts)
            out.append(text)
        elif _BYLINE_TEXT.match(text):
            out.append(text)
    return list(dict.fromkeys(out))


# Elements that break a heading's text into words of their own ("WEEKEND<br>CODING").
_BREAKS = frozenset(("br", "div", "p", "li", "time", "small"))


def _spaced_text(el) -> str:
    """An element's text with a space where a line break or an inner element
    separates its pieces (``text_content`` runs them together)."""
    parts = [el.text or ""]
    for child in el:
        spaced = isinstance(child.tag, str) and child.tag.lower() in _BREAKS
        parts += [" " if spaced else "", _spaced_text(child), " " if spaced else "",
                  child.tail or ""]
    return "".join(parts)


def complete_metadata(art: Article, tags: PageTags, page: str) -> None:
    """Check and complete trafilatura's metadata in ``art`` from ``tags`` (``page``:
    the page's source, where a date must be written to count)."""
    _office_properties(page, tags.meta)
    ld = tags.article
    pub = ld.get("publisher")
    art.url = art.url or tags.first("og:url")
    found = _not_headline(normalize_space(art.source), tags)
    # a bare host name (trafilatura's last resort) only when no title names the site
    hostname = bool(found) and _fold(found) == _fold(_host(art.url))
    art.source = normalize_space(
        (pub.get("name") if isinstance(pub, dict) else "")
        or tags.first("og:site_name", "application-name")) \
        or (found if not hostname else "") \
        or title_site(tags.title, tags.headlines, _host(art.url)) \
        or title_site(tags.title, (), "", home_link_names(page)) or found
    title = art.title
    printed = _printed_side(title, tags.title, page)
    if printed:  # "Valley Gazette - Mill fire destroys landmark", the headline in <b>
        art.source, title = art.source or title, printed
    if not title or _site_like(title, art.source, _host(art.url)):  # the site's name alone
        title = str(ld.get("headline") or "") or tags.first("og:title", "twitter:title") \
            or tags.title
    art.title = choose_title(title, tags.headlines, art.source, art.url,
                             (tags.first("og:title"), tags.title))
    byline, printed = _page_byline(_authors(art.byline, tags), tags)
    art.byline = printed or art.byline
    art.authors = _without_site(byline.names, art.source)
    art.source = art.source or byline.agency
    art.agency = byline.agency
    date = next(filter(None, map(iso_date, (
        art.date, ld.get("datePublished"), tags.first("article:published_time", "date")))), "")
    art.date = date if date and written_or_precise(date, page) else ""
    if not art.language:
        lang = tags.lang or tags.first("og:locale", "content-language")
        art.language = lang.replace("_", "-").split("-")[0].lower()


# --- title ----------------------------------------------------------------------------


def choose_title(title: str, headlines: list[str], source: str = "", url: str = "",
                 others: tuple[str, ...] = ()) -> str:
    """The document's title: its one headline where the page has one (unless the
    headline is ``title`` or one of ``others`` -- the ``<title>``, ``og:title`` --
    after a few words more: a date, a label), else ``title`` without the site's
    name on either side."""
    title = _unescape(title)
    heads = list(dict.fromkeys(_unescape(h) for h in headlines))
    host = _host(url)
    real = [h for h in heads if not _site_like(h, source, host) and _headline_sized(h)]
    bare = _without_site_name(title, source, host)
    if len(real) == 1:
        head = _fold(real[0])
        for candidate in (bare, *(_without_site_name(_unescape(o), source, host) for o in others)):
            inside = _fold(candidate)
            extra = real[0][: len(real[0]) - len(candidate)] if head.endswith(inside) else ""
            if inside and inside != head and head.endswith(inside) and \
                    _headline_sized(candidate) and len(extra.split()) <= 4:
                return candidate  # "Dec 18 2025 <title>", "Opinion: <title>"
        return real[0]
    folded = _fold(title)
    for h in heads:  # "<h1> | Site" or "Site: <h1>"
        fh = _fold(h)
        if fh and fh != folded and len(fh) >= 0.3 * len(folded) and \
                (folded.startswith(fh) or folded.endswith(fh)):
            return h
    return bare


def _printed_side(chosen: str, title: str, page: str) -> str:
    """The other side of a two-sided ``<title>`` ("Site - Headline") whose one side was
    ``chosen``, when the page prints that other side as the whole text of an element (a
    headline set in ``<b>``/``<font>`` by a page without ``<h1>``) and not ``chosen``."""
    parts = [p.strip() for p in _TITLE_SEP.split(_unescape(title))]
    if len(parts) != 2 or _fold(chosen) not in map(_fold, parts) or not all(parts):
        return ""
    other = parts[1] if _fold(parts[0]) == _fold(chosen) else parts[0]
    if not _headline_sized(other):
        return ""
    body = page[page.lower().find("</title"):]
    return other if _element_text(other).search(body) and \
        not _element_text(chosen).search(body) else ""


def _element_text(text: str) -> re.Pattern:
    """``text`` as the whole text of an element (tags around it, any white space)."""
    words = (re.escape(htmllib.escape(w, quote=False)) for w in text.split())
    return re.compile(r">\s*" + r"\s+".join(words) + r"\s*<", re.I)


def _without_site_name(title: str, source: str, host: str) -> str:
    parts = _TITLE_SEP.split(title)
    seps = _TITLE_SEP.findall(title)
    while len(parts) > 1 and _site_like(parts[-1], source, host):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _site_like(parts[0], source, host):
        parts.pop(0)
        seps.pop(0)
    return parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True))


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.") if url else ""


def _site_like(text: str, source: str, host: str) -> bool:
    """Whether ``text`` names the site: its name, part of it, or its host name."""
    f = _fold(text)
    if not f:
        return True
    site = _fold(source)
    return f == site or len(f) >= 3 and (f in site or f in _fold(host))


def _headline_sized(text: str) -> bool:
    return len(text.split()) >= 3 or text_size(text) >= 15


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _unescape(text: str) -> str:
    """Text with entities left escaped in the source ("SQL &#x26; AI") decoded."""
    return normalize_space(htmllib.unescape(text or ""))


def title_site(title: str, headlines: list[str] | tuple[str, ...], host: str = "",
               names: tuple[str, ...] = ()) -> str:
    """The site's side of a "headline | Site", "Site :: headline" or "Site - headline"
    ``title``, or ``""``.

    The site is the short side whose other side is the page's headline (an
    ``<h1>``), or the side naming the page's host ("Yonhap" in yna.co.kr is not
    matched; "TechPulse" in techpulse.example is), or the side the page names its
    home page by (``names``: :func:`home_link_names`).  Never the headline itself."""
    title = _unescape(title)
    seps = list(_TITLE_SEP.finditer(title))
    if not seps:
        return ""
    heads = {_fold(_unescape(h)) for h in headlines} - {""}
    core = _fold(host.split(".")[0]) if host else ""
    homes = {_fold(n) for n in names} - {""}
    for site, rest in ((title[seps[-1].end():], title[:seps[-1].start()]),
                       (title[:seps[0].start()], title[seps[0].end():])):
        site = site.strip()
        if not site or len(site.split()) > 6 or len(site) >= len(rest):
            continue
        if _fold(rest) in heads or core and len(core) >= 3 and core in _fold(site) \
                or _fold(site) in homes:
            return site
    return ""


#: A link to the site's home page ("/", "https://host/", "index.html") and what it holds:
#: the site's name as the page prints it, or its logo's alt text.
_HOME_LINK = re.compile(r"""<a\s[^>]{0,300}?href\s*=\s*["']?(?:https?://[^/"'\s>]+)?/?"""
                        r"""(?:index\.html?)?["'\s>][^>]{0,300}>(.{1,300}?)</a\s*>""", re.I | re.S)
_ALT = re.compile(r"""\balt\s*=\s*["']([^"']{1,100})["']""", re.I)
_TAG = re.compile(r"<[^>]*>")


def home_link_names(page: str) -> tuple[str, ...]:
    """What the page's links to its own home page say: the site's name ("Meridian
    Review" in ``<a href="/">Meridian Review</a>``) or its logo's alt text."""
    out = []
    for m in _HOME_LINK.finditer(page):
        inner = m.group(1)
        text = normalize_space(htmllib.unescape(_TAG.sub(" ", inner)))
        alt = _ALT.search(inner)
        for name in (text, normalize_space(htmllib.unescape(alt.group(1))) if alt else ""):
            if name and len(name.split()) <= 6:
                out.append(name)
    return tuple(dict.fromkeys(out))


def _not_headline(source: str, tags: PageTags) -> str:
    """``source`` unless it is the page's headline or title (trafilatura takes the
    long side of a "headline | Site" title for the site at times)."""
    f = _fold(source)
    if not f:
        return ""
    heads = {_fold(_unescape(h)) for h in tags.headlines} | {_fold(tags.title)}
    sides = {_fold(p) for p in _TITLE_SEP.split(tags.title)} if tags.title else set()
    if f in heads or any(len(h) > len(f) and h.startswith(f) for h in heads if h):
        return ""
    if len(sides) > 1 and f == max(sides, key=len):
        return ""
    return source


# --- authors -----------------------------------------------------------------------


def _page_byline(found: Byline, tags: PageTags) -> tuple[Byline, str]:
    """``found`` completed from the page's byline elements: their names where
    ``found`` has none, or where they name the same persons and more of them
    ("By A, Correspondent, and B" where trafilatura kept A); and the byline
    element's text as printed ("" if the page has none naming a person)."""
    for text in tags.bylines:
        b = parse_byline(text)
        if not b.names:
            continue
        agency = found.agency or b.agency
        if not found.names or len(b.names) > len(found.names) and all(
                any(_same_person(n, o) for o in b.names) for n in found.names):
            return Byline(b.names, agency), text
        return Byline(found.names, agency), text
    return found, ""


def _authors(byline: str, tags: PageTags) -> Byline:
    """The byline's names, or the structured data's where they are the same persons
    written more cleanly ("Jordana Cepelewicz December" -> "Jordana Cepelewicz") or
    more of them (one name in the byline, six in ``citation_author`` tags)."""
    found = parse_byline(byline)
    agency = found.agency
    structured: list[str] = []
    for value in _structured_bylines(tags):
        b = parse_byline(value)
        agency = agency or b.agency
        structured += [n for n in b.names if n.casefold() not in map(str.casefold, structured)]
    names = found.names
    if structured and all(any(_same_person(n, s) for s in structured) for n in names):
        names = structured
    return Byline(without_variants(names), agency)


def _structured_bylines(tags: PageTags) -> list[str]:
    """Author strings from JSON-LD and ``<meta>`` tags, one per author."""
    out = _ld_names(tags.article.get("author") or tags.page.get("author"))
    for key in _AUTHOR_KEYS:
        for value in tags.meta.get(key, []):
            if value.startswith(("http://", "https://", "@")):
                continue  # a profile page or a social handle
            if key.startswith("citation_") and value.count(",") == 1:
                family, given = (v.strip() for v in value.split(","))
                value = f"{given} {family}"  # Highwire's "Family, Given"
            out.append(value)
    return out


def _ld_names(value) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _ld_names(v)]
    if isinstance(value, dict):
        name = value.get("name")
        return _ld_names(name) if name else []
    return [str(value)] if isinstance(value, str) else []


def _same_person(name: str, other: str) -> bool:
    """``name`` is ``other`` followed by more words ("Jordana Cepelewicz December"),
    or part of it ("Huber" of "Huber, Jennifer" split apart)."""
    a, b = name.casefold().split(), other.casefold().split()
    return a[:len(b)] == b or set(a) <= set(b)


def _without_site(names: list[str], source: str) -> list[str]:
    """The site's own name is not an author beside persons ("Cleveland Clinic");
    alone, it is written as the site writes it."""
    site = _fold(source)
    persons = [n for n in names if not site or _fold(n) != site]
    return persons if persons else [source for _ in names[:1]]


# --- dates -------------------------------------------------------------------------


def written_or_precise(iso: str, page: str) -> bool:
    """Whether a date is to be believed: any day but the first of a month, or a
    first of a month that ``page`` writes (ISO, numeric or with the month's name:
    "2021-03-01", "1/3/2021", "March 1st, 2021", "1 of March 2021", "2021년 3월 1일").

    htmldate completes a year or a month found alone ("© 2021", "/2020/03/")
    to its first day; such a date is not the document's."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not m:
        return False
    y, mo, d = m.groups()
    if d != "01":
        return True
    written = _first_of_month(y, mo)
    # every way of writing it holds the year and reads at most _NEAR_YEAR characters on
    # either side of it: only the stretches around the year's occurrences are searched
    # (a pattern with no literal start scans a page of markup slowly)
    for start, end in stretches(_finds(page, y), _NEAR_YEAR, len(y) + _NEAR_YEAR):
        if written.search(page, start, end):
            return True
    return False


#: How far from the year a written first of a month reaches (each pattern of
#: :func:`_first_of_month` is bounded: at most 331 characters after the year's start, 213
#: before it), with a character to spare on either side for the look-arounds.
_NEAR_YEAR = 340


@functools.lru_cache(maxsize=64)
def _first_of_month(y: str, mo: str) -> re.Pattern:
    """The first of month ``mo`` of year ``y`` written out, any way :func:`written_or_precise`
    believes; space runs of up to 64 and a month's name of up to 12 letters (markup indents
    a date's pieces over lines: runs of a few dozen spaces)."""
    name, mo1 = MONTHS[int(mo) - 1].lower()[:3], mo.lstrip("0")
    sp = r"\s{1,64}"
    ways = (
        rf"{y}[-/.]{mo}[-/.]01(?!\d)", rf"{y}[-/.]{mo1}[-/.]1(?!\d)",
        rf"(?<!\d)0?1[-/.]0?{mo1}[-/.]{y}", rf"(?<!\d)0?{mo1}[-/.]0?1[-/.]{y}",
        rf"(?i:{name}[a-z]{{0,9}}\.?{sp}0?1(?:st)?,?{sp}{y})",
        rf"(?i:(?<!\d)0?1(?:st)?{sp}(?:of{sp})?{name}[a-z]{{0,9}}\.?,?{sp}{y})",
        rf"{y}\s{{0,64}}[년年]\s{{0,64}}0?{mo1}\s{{0,64}}[월月]\s{{0,64}}0?1\s{{0,64}}[일日]",
        rf"(?<!\d){y}{mo}01(?!\d)",
    )
    return re.compile("|".join(f"(?:{w})" for w in ways))


def _finds(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text``, overlapping occurrences too, in order."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def searched_date(tree, url: str, page: str) -> str:
    """The date htmldate's extensive search finds in the text of the parsed page
    ``tree`` ("Dec. 19, 2025" in a byline, read by dateparser), if believed
    (:func:`written_or_precise`), or ``""``.

    The fallback for a page whose URL, meta tags, JSON-LD and ``<time>``
    elements (htmldate without the extensive search, in trafilatura's pass) gave
    no date: the search costs several times as much, and dateparser's first call
    in a process compiles the patterns of every locale it tries (seconds)."""
    found = find_date(tree, **set_date_params(extensive=True), url=url or None)
    date = iso_date(found)
    return date if date and written_or_precise(date, page) else ""


def _ld_items(tree):
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        yield from _flatten(data)


def _flatten(data):
    if isinstance(data, list):
        for d in data:
            yield from _flatten(d)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])
