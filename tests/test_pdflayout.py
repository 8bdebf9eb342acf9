"""The PDF layout rules on hand-placed lines (searchapp.ingest.formats.pdflayout)."""

from __future__ import annotations

import format_fixtures as fx
import pytest

from searchapp.ingest.formats.pdflayout import (
    Hyphenation,
    Line,
    drop_furniture,
    order_page,
    order_pages,
    paragraphs,
)
from searchapp.ingest.pipeline import load_document

SIZE, PITCH = 10.0, 12.0


def column(page: int, x0: float, width: float, top: float, texts: list[str],
           indent: set[int] = frozenset(), short: set[int] = frozenset()) -> list[Line]:
    """Lines of one column from ``top`` down; ``indent``/``short``: line numbers
    indented by 2 ems / ending at half the width."""
    out = []
    for i, text in enumerate(texts):
        y = top - i * PITCH
        left = x0 + (2 * SIZE if i in indent else 0)
        right = x0 + (width / 2 if i in short else width)
        out.append(Line(page, left, y - SIZE, right, y, SIZE, text))
    return out


def read(pages: list[list[Line]]) -> list[tuple[int, str]]:
    lines = [ln for page in pages for ln in order_page(page)]
    return [(p.page, p.text) for p in paragraphs(lines)]


def test_three_columns_under_a_spanning_headline():
    head = [Line(1, 50, 700, 560, 720, 18.0, "Headline across the page")]
    cols = [column(1, 50 + k * 180, 150, 680, [f"c{k} line {i}" for i in range(8)],
                   short={7}) for k in range(3)]
    # draw order scrambled: the reading order comes from positions
    page = cols[2] + head + cols[0] + cols[1]
    order = [ln.text for ln in order_page(page)]
    assert order[0] == "Headline across the page"
    assert order[1:9] == [f"c0 line {i}" for i in range(8)]
    assert order[-1] == "c2 line 7"


def test_indented_paragraphs_continue_across_a_column_break_after_a_full_stop():
    left = column(1, 50, 200, 700, ["First paragraph starts here and", "runs on to the end.",
                                    "Second one begins and it", "ends the column here."],
                  indent={0, 2})
    right = column(1, 300, 200, 700, ["It goes on in the next column", "for a while",
                                      "and stops."], short={2})
    assert [t for _, t in read([left + right])] == [
        "First paragraph starts here and runs on to the end.",
        "Second one begins and it ends the column here. It goes on in the next column for a "
        "while and stops."]


def test_a_last_page_with_few_lines_keeps_the_columns_of_the_page_before():
    first = column(1, 50, 200, 700, [f"left {i}" for i in range(5)]) + \
        column(1, 300, 200, 700, [f"right {i}" for i in range(5)])
    last = column(2, 50, 200, 700, ["left end of the story"], short={0}) + \
        column(2, 300, 200, 700, ["a boxed note at the side"], short={0})
    last[1].top, last[1].bottom = 705, 695  # a little higher than the left line
    order = [ln.text for ln in order_pages([first, last])]
    assert order[-2:] == ["left end of the story", "a boxed note at the side"]


def test_a_right_column_of_one_line_is_a_column_without_a_page_before():
    left = column(1, 50, 200, 700, ["The story runs down the left column", "and down it",
                                    "to its foot where it does", "not end but"])
    right = column(1, 300, 200, 700, ["ends here."], short={0})
    assert [t for _, t in read([right + left])] == [
        "The story runs down the left column and down it to its foot where it does not end "
        "but ends here."]


def test_ragged_lines_and_a_right_aligned_line_are_one_column():
    # line ends at many places and a date set flush right: no white band down the page
    ragged = [Line(1, 50, 700 - i * PITCH - SIZE, 50 + w, 700 - i * PITCH, SIZE, f"line {i}")
              for i, w in enumerate([400, 380, 395, 250, 400, 390, 300, 400])]
    dated = Line(1, 380, 720 - SIZE, 450, 720, SIZE, "March 3, 2024")
    order = [ln.text for ln in order_page(ragged + [dated])]
    assert order == ["March 3, 2024"] + [f"line {i}" for i in range(8)]


def test_a_table_in_one_column_text_is_read_row_by_row():
    # the white between a table's two columns does not run down the page: the
    # paragraphs above and below cross it
    above = column(1, 50, 400, 700, ["Full width text above the table, line one",
                                     "and line two of it"])
    rows = [Line(1, x, 660 - r * PITCH - SIZE, x + 80, 660 - r * PITCH, SIZE, f"r{r}c{c}")
            for r in range(3) for c, x in enumerate((50, 300))]
    below = column(1, 50, 400, 600, ["Full width text below the table, line one",
                                     "and line two", "and three"])
    order = [ln.text for ln in order_page(below + rows + above)]
    assert order[2:8] == ["r0c0", "r0c1", "r1c0", "r1c1", "r2c0", "r2c1"]


def test_block_paragraphs_break_on_gaps_and_short_lines():
    a = column(1, 50, 400, 700, ["One long line of text that fills the column width",
                                 "and ends short."], short={1})
    b = column(1, 50, 400, 700 - 3 * PITCH, ["Another paragraph after a gap of a line",
                                             "and a second line"])
    assert len(read([a + b])) == 2


def test_bullets_and_hanging_indents():
    lines = column(1, 50, 300, 700, ["• First item that is long enough to wrap", "onto a line",
                                     "• Second item"], indent={1}, short={1})
    assert [t for _, t in read([lines])] == [
        "• First item that is long enough to wrap onto a line", "• Second item"]


def test_furniture_repeating_headers_alternate_pages_and_roman_numbers():
    pages, heights = [], []
    for n in range(1, 7):
        header = "Book Title" if n % 2 else "Chapter One"
        pages.append([Line(n, 50, 760, 200, 770, 8.0, header),
                      Line(n, 50, 400, 500, 410, SIZE, f"Body text on page {n}."),
                      Line(n, 290, 20, 300, 30, 8.0, "xiv" if n == 1 else str(n))])
        heights.append(792.0)
    kept = drop_furniture(pages, heights)
    assert [[ln.text for ln in p] for p in kept] == [[f"Body text on page {n}."]
                                                     for n in range(1, 7)]


def test_a_running_header_a_little_higher_on_some_pages():
    pages = [[Line(n, 50, 757 + (n % 3) * 2.5, 200, 767 + (n % 3) * 2.5, 8.0, "Policy Review"),
              Line(n, 50, 400, 500, 410, SIZE, "Body.")] for n in range(1, 5)]
    assert all([ln.text for ln in p] == ["Body."] for p in drop_furniture(pages, [792.0] * 4))


def test_headers_that_change_by_chapter_but_carry_the_page_number():
    pages = []
    for n in range(1, 7):
        header = f"Chapter {1 + n // 3}: Part {n // 3} {n + 2}" if n % 2 == 0 else \
            f"{n + 2} Section heading {n}"
        pages.append([Line(n, 50, 760, 300, 770, 8.0, header),
                      Line(n, 50, 400, 500, 410, SIZE, f"Body of page {n + 2} in 2024.")])
    assert all(len(p) == 1 and p[0].text.startswith("Body")
               for p in drop_furniture(pages, [792.0] * 6))


def test_a_title_at_the_top_of_one_page_is_not_furniture():
    pages = [[Line(1, 50, 740, 500, 760, 20.0, "The Title"),
              Line(1, 50, 400, 500, 410, SIZE, "Body.")],
             [Line(2, 50, 400, 500, 410, SIZE, "More body.")]]
    assert [ln.text for ln in drop_furniture(pages, [792.0, 792.0])[0]] == ["The Title", "Body."]


def test_hyphenation_rule():
    lines = [Line(1, 0, 0, 100, 10, SIZE, t) for t in
             ("a two-track plan and the track of two", "we rely on information here",
              "post-war era")]
    hy = Hyphenation(lines)
    assert hy.join("the diplo-", "matic talks") == "the diplomatic talks"  # no evidence: joined
    assert hy.join("the China-", "Korea talks") == "the China-Korea talks"  # capital
    assert hy.join("a two-", "track plan") == "a two-track plan"  # written so elsewhere
    assert hy.join("the in-", "formation") == "the information"  # joined form elsewhere
    assert hy.join("a post-", "war era") == "a post-war era"
    assert hy.join("COVID-", "19 cases") == "COVID-19 cases"  # not a lower-case letter
    assert hy.join("end of sentence.", "Next") == "end of sentence. Next"
    assert hy.join("soft\u00ad", "ware") == "software"  # a soft hyphen is always a break


# --- columns found from the gutter, on real PDFs (reportlab draws them line by line) -----

_COL_W, _LEFT, _RIGHT = 240.0, 54.0, 318.0  # two columns with a 24 pt gutter
_WIDE = [fx.PARAGRAPHS[i] for i in (0, 3, 4, 5)]


def _lines(text: str, width: float = _COL_W) -> list[str]:
    return fx._wrap(text, width, "Helvetica", 10.0)


def _paragraphs(path) -> list[str]:
    return [p.text for p in load_document(path).paragraphs]


def _two_columns(left: list, right: list) -> list:
    return [("column", _LEFT, _COL_W, left), ("column", _RIGHT, _COL_W, right)]


@pytest.mark.parametrize("right_lines", [1, 3])
def test_a_right_column_of_one_or_a_few_lines_ends_the_article(tmp_path, right_lines):
    # the end of an article on its last page: the left column full, the right one
    # holding the last line(s) of the last paragraph
    last = _lines(_WIDE[2])
    page = [_two_columns([_WIDE[0], _WIDE[1], last[:-right_lines]], [last[-right_lines:]])]
    path = fx.make_layout_pdf(tmp_path / "end.pdf", [page])
    assert _paragraphs(path) == _WIDE[:3]


def test_a_one_line_right_column_after_a_page_of_full_columns(tmp_path):
    first = [_two_columns([_WIDE[0], _WIDE[1]], [_WIDE[2]])]
    last = _lines(_WIDE[3])
    second = [_two_columns([_WIDE[1], last[:-1]], [last[-1:]])]
    path = fx.make_layout_pdf(tmp_path / "two-pages.pdf", [first, second])
    assert _paragraphs(path) == [_WIDE[0], _WIDE[1], _WIDE[2], _WIDE[1], _WIDE[3]]


def test_full_columns_with_a_paragraph_across_the_column_break(tmp_path):
    crossing = _lines(_WIDE[1])
    page = [_two_columns([_WIDE[0], crossing[:3]], [crossing[3:], _WIDE[2], _WIDE[3]])]
    path = fx.make_layout_pdf(tmp_path / "full.pdf", [page])
    assert _paragraphs(path) == _WIDE


def test_one_column_with_indented_paragraphs_and_a_centred_line(tmp_path):
    page = [[("column", _LEFT, 504.0, _WIDE[:2], 20.0)], [("centre", "Trade and security")],
            [("column", _LEFT, 504.0, _WIDE[2:], 20.0)]]
    path = fx.make_layout_pdf(tmp_path / "single.pdf", [page])
    assert _paragraphs(path) == [*_WIDE[:2], "Trade and security", *_WIDE[2:]]


def test_a_caption_across_both_columns_between_two_bands(tmp_path):
    caption = ("Figure 1: Exports of batteries and semiconductors between the two countries, "
               "2019 to 2024, in billions of dollars")
    page = [_two_columns([_WIDE[0]], [_WIDE[1]]), [("text", _LEFT, caption, 9.0)],
            _two_columns([_WIDE[2]], [_WIDE[3]])]
    path = fx.make_layout_pdf(tmp_path / "caption.pdf", [page])
    assert _paragraphs(path) == [_WIDE[0], _WIDE[1], caption, _WIDE[2], _WIDE[3]]


def test_a_line_left_short_by_a_long_word_that_wrapped_does_not_end_its_paragraph(tmp_path):
    # a new user's trial: "... the board recommends a" / "moratorium on ..." became two
    # paragraphs, the room left on the first line being wide but narrower than the word
    from reportlab.pdfbase.pdfmetrics import stringWidth

    wrapped = ("The harbour board met again and again and asked the ministry for an "
               "interdepartmental counterintelligence review of the tender before the "
               "summer recess ends.")
    lines = _lines(wrapped)
    widths = [stringWidth(ln, "Helvetica", 10.0) for ln in lines[:-1]]
    assert min(widths) < 0.75 * _COL_W  # a line the long word left short
    page = [_two_columns([_WIDE[0], lines], [_WIDE[2]])]
    path = fx.make_layout_pdf(tmp_path / "wrapped.pdf", [page])
    assert _paragraphs(path) == [_WIDE[0], wrapped, _WIDE[2]]
    # a paragraph that ends short with a full stop still ends there, whatever comes next
    ended = _lines("The harbour board met on Monday.")
    nxt = _lines("Counterintelligence officers, the ministry said, reviewed the tender.")
    page = [[("column", _LEFT, 504.0, [ended, nxt])]]
    path = fx.make_layout_pdf(tmp_path / "ended.pdf", [page])
    assert len(_paragraphs(path)) == 2
