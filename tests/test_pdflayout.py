"""The PDF layout rules on hand-placed lines (searchapp.ingest.formats.pdflayout)."""

from __future__ import annotations

from searchapp.ingest.formats.pdflayout import (
    Hyphenation,
    Line,
    drop_furniture,
    order_page,
    order_pages,
    paragraphs,
)

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
