"""From positioned text lines to paragraphs: the layout half of the PDF loader.

Pure Python over :class:`Line` records (no PDF library here), so each rule can
be tested and reasoned about on its own.  The steps, in order:

1. **Columns**, per page (:func:`order_pages`): a gutter is a vertical band
   of white down the page, crossed by few lines (a headline, a caption) and
   with text on both sides; however few lines a column holds (the end of an
   article: one line in the right column), it is a column.  A page with one
   column whose lines fit the previous page's columns keeps those.
   Lines crossing a gutter (a title, a full-width figure note) are
   "spanning".  Reading order goes down the page in bands: spanning lines
   as they come, and between two spanning lines, each column top to bottom,
   left column first.
2. **Running headers and footers** (:func:`drop_furniture`): a line in the
   top or bottom 12% of a page whose text (digits masked) repeats at about
   the same height (within 8 pt of its median) on at least two pages and a
   third of the pages is page furniture; so are page numbers there ("7",
   "- 7 -", "Page 3 of 10", "iv"), and margin lines that begin or end with
   the printed page number (a number that follows the page index on at least
   three pages and a third of them: "Chapter 2: Handling 4").
3. **Paragraphs** (:func:`paragraphs`): consecutive lines are one paragraph
   unless the font size changes, the vertical gap exceeds 1.35 line pitches,
   the line is indented (not a list item's hanging indent), the line starts
   with a bullet or item number, or the line before stopped short of the
   column's right edge.  A page's foot set in smaller type (footnotes: its last
   lines, below all the others, at most 92% of the body's size) is set apart, its
   paragraphs (notes) after the paragraph that ends the page's text.  At a
   column or page break the paragraph continues unless the
   line before was short, the new line is indented, or the line before ended
   a sentence in a document without first-line indents (with indents, an
   unindented line continues).  So a paragraph crossing a column or page
   break is one paragraph, and its page is the page of its first line.
4. **Hyphens at line ends** (:class:`Hyphenation`), for "left-" + "right":
   the hyphen is kept when ``right`` does not start with a lower-case letter
   ("China-Korea", "COVID-19"), when the hyphenated form occurs inside a line
   elsewhere in the document ("two-track"), or when both parts are words of
   three or more letters found elsewhere and the joined form is not;
   otherwise the halves are joined ("diplo-" + "matic" -> "diplomatic").
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from searchapp.lexicon import CJK_CHAR, SENTENCE_ENDS, WORD_HYPHENS

#: Characters a PDF line may end with when a word was broken there (PDFium
#: reports hyphens it recognises as U+0002).
LINE_HYPHENS = "-\u00ad\u2010\x02"
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}:]$")  # a colon ends a line of prose too
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—(\[]?\s*(?:\d{1,5}|[ivxlcdm]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:of|/)\s*\d{1,5})?$", re.I)
_BULLET = re.compile(r"^(?:[•◦▪▫■□●○◆◇▶►–—*·]\s|\(?(?:\d{1,2}|[a-z])[.)]\s)")
_WORD = re.compile(rf"[^\W\d_]+(?:[{WORD_HYPHENS}][^\W\d_]+)*")
_HYPHEN = re.compile(f"[{WORD_HYPHENS}]")
MARGIN = 0.12  # top and bottom share of the page where furniture lives


@dataclass
class Line:
    """One line of text on a page; coordinates in PDF points, y growing upwards."""

    page: int  # 1-based
    x0: float
    bottom: float
    x1: float
    top: float
    size: float
    text: str
    column: int = -1  # -1: spanning (or a single-column page)
    col_left: float = 0.0
    col_right: float = 0.0

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass
class Para:
    """A paragraph rebuilt from lines: its text, page, and font size."""

    text: str
    page: int
    size: float
    lines: list[Line] = field(default_factory=list)
    foot: bool = False  # in the block of smaller type at its page's foot (footnotes)


# --- 1. columns and reading order -------------------------------------------------------


def order_pages(pages: list[list[Line]]) -> list[Line]:
    """All lines in reading order, page by page.  A page with too few lines to
    show its columns (the end of an article) takes the previous page's columns
    when its lines fit them."""
    out: list[Line] = []
    previous: list[tuple[float, float]] = []
    for lines in pages:
        ordered, bounds = _order(lines, previous)
        out += ordered
        previous = bounds if len(bounds) > 1 else previous
    return out


def order_page(lines: list[Line]) -> list[Line]:
    """The lines of one page in reading order, each given its column."""
    return _order(lines, [])[0]


def _fits(lines: list[Line], bounds: list[tuple[float, float]]) -> bool:
    inside = sum(1 for ln in lines if any(ln.x0 >= a - 2 and ln.x1 <= b + 2 for a, b in bounds))
    return inside >= 0.8 * len(lines)


def _order(lines: list[Line], previous: list[tuple[float, float]]
           ) -> tuple[list[Line], list[tuple[float, float]]]:
    if not lines:
        return [], []
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    bounds = _column_bounds(lines, left, right)
    if len(bounds) == 1 and len(previous) > 1 and _fits(lines, previous):
        bounds = previous
    for ln in lines:
        ln.column, ln.col_left, ln.col_right = -1, left, right
        for i, (a, b) in enumerate(bounds):
            if ln.x0 >= a - 2 and ln.x1 <= b + 2:
                ln.column, ln.col_left, ln.col_right = i, a, b
                break
    out: list[Line] = []
    band: list[Line] = []
    for ln in sorted(lines, key=lambda ln: (-ln.top, ln.x0)):
        if ln.column < 0 and len(bounds) > 1:
            out.extend(sorted(band, key=lambda b: (b.column, -b.top, b.x0)))
            band = []
            out.append(ln)
        else:
            band.append(ln)
    out.extend(sorted(band, key=lambda b: (b.column, -b.top, b.x0)))
    return out, bounds


def _column_bounds(lines: list[Line], left: float, right: float) -> list[tuple[float, float]]:
    """The columns' (left, right) edges, found from the gutters between them.

    A gutter is a vertical band of white down the page, from where lines end
    to where lines begin (no line begins or ends inside it), at least
    :data:`GUTTER_WIDTH` ems wide, and crossed only by lines (a headline, a
    caption across the columns) holding at most :data:`GUTTER_CROSSING` of the
    page's text by height.  Line counts do not matter: a right column
    holding one line is a column.  One pass over the lines' sorted edges."""
    if len(lines) < 2:
        return [(left, right)]
    change: dict[float, float] = defaultdict(float)
    total = 0.0
    for ln in lines:
        weight = max(ln.top - ln.bottom, 1.0)
        change[ln.x0] += weight
        change[ln.x1] -= weight
        total += weight
    ends = {ln.x1 for ln in lines}  # a gutter begins where text ends ...
    starts = {ln.x0 for ln in lines}  # ... and ends where text begins
    narrowest = GUTTER_WIDTH * statistics.median(ln.size for ln in lines)
    edges = [left]
    covered = 0.0
    xs = sorted(change)
    for a, b in zip(xs, xs[1:], strict=False):
        covered += change[a]
        if b - a >= narrowest and a in ends and b in starts and \
                covered <= GUTTER_CROSSING * total:
            edges += [a, b]
    edges.append(right)
    return [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


#: A gutter may be crossed by lines holding at most this share of a page's text.
GUTTER_CROSSING = 0.3
#: The narrowest gutter, in ems of the page's usual font size.
GUTTER_WIDTH = 0.8


# --- 2. running headers, footers and page numbers ---------------------------------------


def drop_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """``pages`` without running headers, footers and page numbers."""
    def in_margin(ln: Line, height: float) -> bool:
        return ln.bottom > (1 - MARGIN) * height or ln.top < MARGIN * height

    def key(ln: Line) -> str:
        return re.sub(r"\d+", "#", ln.text.casefold()).strip()

    seen: dict[str, list[tuple[int, float]]] = defaultdict(list)  # text -> (page, top)
    for lines, height in zip(pages, heights, strict=True):
        for ln in lines:
            if in_margin(ln, height):
                seen[key(ln)].append((ln.page, ln.top))
    needed = max(2, sum(1 for lines in pages if lines) / 3)
    repeated: dict[str, float] = {}  # text -> the height it repeats at
    for text, places in seen.items():
        usual = statistics.median(top for _, top in places)
        if len({page for page, top in places if abs(top - usual) <= 8}) >= needed:
            repeated[text] = usual

    offsets = _page_number_offsets(pages, heights, in_margin, needed)

    def furniture(ln: Line, height: float) -> bool:
        if not in_margin(ln, height):
            return False
        usual = repeated.get(key(ln))
        return (usual is not None and abs(ln.top - usual) <= 8) or \
            bool(_PAGE_NUMBER.match(ln.text.strip())) or \
            any(ln.page - n in offsets for n in _edge_numbers(ln.text))

    return [[ln for ln in lines if not furniture(ln, height)]
            for lines, height in zip(pages, heights, strict=True)]


_EDGE_NUMBER = re.compile(r"^\s*(\d{1,5})\b|\b(\d{1,5})\s*$")


def _edge_numbers(text: str) -> list[int]:
    """Numbers at the start or end of a line ("12 | Annual Report", "Chapter 2 ... 4")."""
    return [int(g) for m in _EDGE_NUMBER.finditer(text) for g in m.groups() if g]


def _page_number_offsets(pages: list[list[Line]], heights: list[float], in_margin,
                         needed: float) -> set[int]:
    """Differences between the PDF's page index and a number printed at the edge
    of a margin line that hold on enough pages: those numbers are printed page
    numbers, and their lines (whatever the chapter title beside them) furniture."""
    pages_by_offset: dict[int, set[int]] = defaultdict(set)
    for lines, height in zip(pages, heights, strict=True):
        for ln in lines:
            if in_margin(ln, height):
                for n in _edge_numbers(ln.text):
                    pages_by_offset[ln.page - n].add(ln.page)
    return {off for off, found in pages_by_offset.items() if len(found) >= max(3, needed)}


# --- 3. paragraphs ----------------------------------------------------------------------


def body_size(lines: list[Line]) -> float:
    """The font size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _pitch(lines: list[Line], size: float) -> float:
    """The usual distance between the baselines of consecutive body lines."""
    steps = [a.bottom - b.bottom for a, b in zip(lines, lines[1:], strict=False)
             if a.page == b.page and a.column == b.column and abs(a.size - size) < 0.5
             and abs(b.size - size) < 0.5 and 0.8 * size < a.bottom - b.bottom < 2.5 * size]
    return statistics.median(steps) if steps else 1.2 * size


def _indent(ln: Line, size: float) -> bool:
    return 0.8 * size < ln.x0 - ln.col_left < 6 * size


def _short(ln: Line) -> bool:
    """Stopped well before the column's right edge (a word broken with a hyphen
    at the end of a line is never a paragraph's end)."""
    if ln.text[-1:] in LINE_HYPHENS and ln.text[-2:-1].isalpha():
        return False
    return ln.x1 < ln.col_right - max(0.2 * (ln.col_right - ln.col_left), 3 * ln.size)


def _pushed_down(prev: Line, ln: Line) -> bool:
    """``prev`` stopped short only because the first word of ``ln`` did not fit in
    the room left (at ``prev``'s mean character width), and it ends no sentence: a
    long word wrapped ("... recommends a" / "moratorium on ..."), not a paragraph's
    end.  A word with a CJK character counts as its first character (Chinese and Japanese
    break lines anywhere)."""
    words = ln.text.split(maxsplit=1)
    if not words or not prev.text or _SENTENCE_END.search(prev.text.rstrip()):
        return False
    word = words[0][0] if CJK_CHAR.search(words[0]) else words[0]
    char = prev.width / len(prev.text)
    return prev.x1 + (len(word) + 1) * char > prev.col_right


def paragraphs(lines: list[Line]) -> list[Para]:
    """Paragraphs from all lines of the document in reading order (see module doc)."""
    if not lines:
        return []
    size = body_size(lines)
    pitch = _pitch(lines, size)
    indents = sum(1 for ln in lines if _indent(ln, size))
    indent_style = indents >= 2 and indents >= 0.03 * len(lines)
    justified = _justified(lines)
    hyph = Hyphenation(lines)
    feet = _page_feet(lines, size)
    footed = {id(ln) for foot in feet.values() for ln in foot}
    out: list[Para] = []
    current: list[Line] = []
    for ln in (ln for ln in lines if id(ln) not in footed):
        if current and _breaks(current[-1], ln, size, pitch, indent_style, justified):
            out.append(_para(current, hyph))
            current = []
        current.append(ln)
    if current:
        out.append(_para(current, hyph))
    return _with_feet(out, {page: _foot_paras(foot, pitch, hyph) for page, foot in feet.items()})


#: How much smaller than the body's a page's foot is set ("smaller type").
FOOT_SIZE = 0.92
# a note's number or mark opening its line: "1 Minutes of ...", "* See ...", "† Died 1990"
_NOTE_MARK = re.compile(r"^(?:\d{1,3}[.)]?|[*†‡§])\s")


def _page_feet(lines: list[Line], size: float) -> dict[int, list[Line]]:
    """The block of smaller type at the foot of each page (footnotes, a source note), by
    page: the page's last lines in reading order, set at most :data:`FOOT_SIZE` of the
    body's size, below all of its other lines, with text of the body's size above them,
    the first opening with a note's mark (:data:`_NOTE_MARK`): smaller type without one
    is a block quotation or a caption, the body's."""
    pages: dict[int, list[Line]] = defaultdict(list)
    for ln in lines:
        pages[ln.page].append(ln)
    feet: dict[int, list[Line]] = {}
    for page, page_lines in pages.items():
        n = len(page_lines)
        while n and page_lines[n - 1].size <= FOOT_SIZE * size:
            n -= 1
        foot, above = page_lines[n:], page_lines[:n]
        if foot and _NOTE_MARK.match(foot[0].text) \
                and any(abs(ln.size - size) < 0.05 * size for ln in above) \
                and max(ln.top for ln in foot) < min(ln.bottom for ln in above):
            feet[page] = foot
    return feet


def _foot_paras(foot: list[Line], pitch: float, hyph: Hyphenation) -> list[Para]:
    """A page foot's paragraphs: a new one at each note's number after a sentence's end."""
    groups: list[list[Line]] = []
    for ln in foot:
        prev = groups[-1][-1] if groups else None
        if prev is None or _NOTE_MARK.match(ln.text) and _SENTENCE_END.search(prev.text) \
                or _breaks(prev, ln, ln.size, pitch * ln.size / foot[0].size, False):
            groups.append([ln])
        else:
            groups[-1].append(ln)
    return [dataclasses.replace(_para(group, hyph), foot=True) for group in groups]


def _with_feet(paras: list[Para], feet: dict[int, list[Para]]) -> list[Para]:
    """Each page foot's paragraphs after the paragraph that ends its page's body text (a
    paragraph going on over the page stays one paragraph, the notes after it)."""
    out: list[Para] = []
    for i, para in enumerate(paras):
        out.append(para)
        last = paras[i + 1].page - 1 if i + 1 < len(paras) else max(feet, default=0)
        out += [note for page in range(para.page, last + 1) for note in feet.pop(page, [])]
    return out + [note for page in sorted(feet) for note in feet[page]]


def _justified(lines: list[Line]) -> bool:
    """Whether the document's text is justified: most lines end flush with their
    column's right edge (in ragged text a few do).  There a line left short ends its
    paragraph, whatever the next line's first word: the justifier stretches every other
    line to the edge, so no word was pushed down (a caption or a list item that ends
    without punctuation stays apart from the paragraph under it)."""
    flush = sum(1 for ln in lines if ln.x1 >= ln.col_right - 0.5 * ln.size)
    return len(lines) >= 12 and flush >= 0.6 * len(lines)


def _breaks(prev: Line, ln: Line, size: float, pitch: float, indent_style: bool,
            justified: bool = False) -> bool:
    """Whether ``ln`` starts a new paragraph after ``prev``."""
    if abs(prev.size - ln.size) > 0.15 * max(prev.size, ln.size):
        return True
    if ln.size > 1.15 * size:  # heading lines: one heading unless far apart
        return ln.page != prev.page or prev.bottom - ln.bottom > 1.6 * ln.size
    if _short(prev) and (justified or not _pushed_down(prev, ln)):
        return True
    if _BULLET.match(ln.text):
        return True
    if ln.page == prev.page and (ln.column < 0) != (prev.column < 0):
        return True  # from a line across the columns into one of them, or back
    same_flow = ln.page == prev.page and ln.column == prev.column and ln.top < prev.bottom
    if same_flow:
        if prev.bottom - ln.bottom > 1.35 * pitch:
            return True
        # an indented line starts a paragraph, unless it continues a list item
        # (a hanging indent: the item's first line starts further left)
        return _indent(ln, size) and ln.x0 > prev.x0 + 0.8 * size and \
            not _BULLET.match(prev.text)
    if _indent(ln, size):
        return True
    if _SENTENCE_END.search(prev.text.rstrip()):
        return not indent_style
    return False


def _para(lines: list[Line], hyph: Hyphenation) -> Para:
    text = lines[0].text.strip()
    for ln in lines[1:]:
        text = hyph.join(text, ln.text.strip())
    text = text.replace("\x02", "-")
    return Para(text=text, page=lines[0].page, size=max(ln.size for ln in lines), lines=lines)


# --- 4. hyphens at line ends ------------------------------------------------------------


class Hyphenation:
    """Joins a line to the next, deciding about a hyphen at the line end (module doc, 4)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self._words: Counter[str] | None = None

    @property
    def words(self) -> Counter[str]:
        """Word counts of the document (built on first use: most PDFs have few
        hyphenated line ends), without the halves of words broken at line ends;
        a hyphenated compound counts as itself and as its parts."""
        if self._words is None:
            text = "\n".join(ln.text for ln in self.lines).replace("\x02", "-").casefold()
            tokens = _WORD.findall(_HYPHEN.sub("-", text))
            words = Counter(tokens)
            words.update(part for tok in tokens if "-" in tok for part in tok.split("-"))
            for i, ln in enumerate(self.lines[:-1]):
                if ln.text[-1:] in LINE_HYPHENS:  # the broken word's two halves
                    for half in (_WORD.findall(ln.text[:-1].casefold())[-1:] +
                                 _WORD.findall(self.lines[i + 1].text.casefold())[:1]):
                        words[half] -= 1
            self._words = words
        return self._words

    def keep_hyphen(self, left: str, right: str) -> bool:
        """Whether "left-" at a line end + "right" is a real compound."""
        if not right[:1].islower() or not left[-1:].isalpha():
            return True
        lo, r = left.casefold(), right.casefold()
        words = self.words
        if words[f"{lo}-{r}"] > 0:
            return True
        if words[lo + r] > 0:
            return False
        return len(lo) >= 3 and len(r) >= 3 and words[lo] > 0 and words[r] > 0

    def join(self, text: str, nxt: str) -> str:
        """``text`` followed by the next line ``nxt``."""
        if not nxt:
            return text
        if text[-1:] in LINE_HYPHENS and len(text) > 1 and text[-2].isalnum():
            m_left = re.search(r"(\w+)$", text[:-1])
            m_right = re.match(r"(\w+)", nxt)
            if m_left and m_right:
                if text[-1] == "\u00ad" or not self.keep_hyphen(m_left.group(1), m_right.group(1)):
                    return text[:-1] + nxt
                return text[:-1] + "-" + nxt
        return f"{text} {nxt}"
