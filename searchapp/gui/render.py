"""Rich text for the results list and the document viewer.

Everything that comes from a document is HTML-escaped here; the only markup
is ours (highlight spans, paragraph anchors, star and person links), so an
article containing HTML or script is shown as text.
"""

from __future__ import annotations

import html
from urllib.parse import quote, unquote

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette

from searchapp.search.highlight import render_snippet

MARK_BG = "#ffd84d"
MARK_FG = "#000000"
MARK_OPEN = f"<span style='background-color:{MARK_BG};color:{MARK_FG};'>"
# words one version of a story has and the other lacks (side by side): underlined in red
DIFF_COLOR = "#d1495b"
DIFF_OPEN = (f"<span style='text-decoration:underline;color:{DIFF_COLOR};"
             f"font-weight:600;'>")


def qt_snippet(hit, quote_bg: str = "") -> str:
    """A hit's snippet as Qt rich text: its highlight spans marked, its quotations tinted
    ``quote_bg`` with the speaker as their tooltip, all else escaped."""
    layers = [(q["start"], q["end"], q) for q in getattr(hit, "quotes", ())] if quote_bg else []
    return render_snippet(hit.text, hit.marks, lambda s: MARK_OPEN + html.escape(s) + "</span>",
                          escape=html.escape, layers=layers,
                          wrap=lambda piece, q: quote_span(piece, q, quote_bg))


def quote_tip(q: dict) -> str:
    """Who said a quotation, as its tooltip says it."""
    who = q.get("speaker") or f"{q.get('source') or 'someone'} (not named)"
    return f"{who} — {'reported speech' if q.get('kind') == 'reported' else 'quoted'}"


def quote_span(piece: str, q: dict, bg: str) -> str:
    """A rendered piece of a quotation: tinted, with who said it on hover."""
    return (f"<span title='{html.escape(quote_tip(q), quote=True)}' "
            f"style='background-color:{bg};'>{piece}</span>")


def quote_color(palette: QPalette, selected: bool = False) -> str:
    """A faint tint for quotations, apart from the yellow highlight and the focus tint
    (the link colour over the base, so it follows a dark palette too; on a selected row
    the highlighted text's colour over the highlight)."""
    if selected:
        return _mix(palette.color(QPalette.ColorRole.HighlightedText),
                    palette.color(QPalette.ColorRole.Highlight), 1, 4)
    return _mix(palette.color(QPalette.ColorRole.Link), palette.color(QPalette.ColorRole.Base),
                1, 6)


def said_href(name: str) -> str:
    return "said:" + quote(name, safe="")


def speakers_html(quotes, link_color: str, muted: str) -> str:
    """"quoted: Xi Jinping, a senior official": each named speaker a ``said:`` link
    (a click filters by what they said); "" without quotations."""
    names: dict[str, str] = {}
    for q in quotes:
        if q.get("speaker"):
            name = q["speaker"]
            names.setdefault(name, f"<a href='{said_href(name)}' style='color:{link_color};"
                                   f"text-decoration:none;'>{html.escape(name)}</a>")
        elif q.get("source"):
            names.setdefault("~" + q["source"], html.escape(q["source"]))
    if not names:
        return ""
    return (f"<span style='color:{muted};font-size:small'>quoted: "
            f"{', '.join(names.values())}</span>")


def _mix(a: QColor, b: QColor, wa: int, wb: int) -> str:
    """The colour ``wa`` parts ``a`` to ``wb`` parts ``b``, as ``#rrggbb``."""
    total = wa + wb
    return QColor((a.red() * wa + b.red() * wb) // total,
                  (a.green() * wa + b.green() * wb) // total,
                  (a.blue() * wa + b.blue() * wb) // total).name()


def mid_color(palette: QPalette, selected: bool = False) -> str:
    """A muted text colour that reads on the palette's base (light or dark), or on
    its highlight for a selected row."""
    if selected:
        return _mix(palette.color(QPalette.ColorRole.HighlightedText),
                    palette.color(QPalette.ColorRole.Highlight), 5, 1)
    return _mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base),
                3, 2)


def tint_color(palette: QPalette) -> str:
    """A faint highlight behind the current paragraph."""
    return _mix(palette.color(QPalette.ColorRole.Highlight),
                palette.color(QPalette.ColorRole.Base), 1, 5)


def person_href(name: str) -> str:
    return "person:" + quote(name, safe="")


def href_person(href: str) -> str:
    """The name of a ``person:`` or ``said:`` link."""
    return unquote(href.split(":", 1)[1])


def paragraph_html(text: str, marks: list[tuple[int, int]], persons: list[tuple[int, int, str]],
                   first_hit: int, link_color: str, diff: list[tuple[int, int]] = (),
                   quotes=(), quote_bg: str = "") -> tuple[str, int]:
    """``text`` with ``marks`` highlighted (each numbered ``h<n>`` from
    ``first_hit``), person mentions turned into ``person:`` links, the words in
    ``diff`` (not in the version beside it) underlined and ``quotes`` (a hit's
    ``quotes``) tinted ``quote_bg`` with their speaker on hover.
    Returns the HTML and the number of highlights."""
    cuts = {0, len(text)}
    for s, e in [*marks, *diff]:
        cuts.update((s, e))
    for s, e, _ in persons:
        cuts.update((s, e))
    for q in quotes:
        cuts.update((q["start"], q["end"]))
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[str] = []
    n = 0
    marks = sorted(marks)
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a == b:
            continue
        piece = html.escape(text[a:b])
        in_mark = next(((s, e) for s, e in marks if s <= a and b <= e), None)
        person = next((name for s, e, name in persons if s <= a and b <= e), None)
        if any(s <= a and b <= e for s, e in diff):
            piece = f"{DIFF_OPEN}{piece}</span>"
        if in_mark is not None:
            anchor = f"<a name='h{first_hit + n}'></a>" if in_mark[0] == a else ""
            if in_mark[0] == a:
                n += 1
            piece = f"{anchor}{MARK_OPEN}{piece}</span>"
        if person is not None:
            piece = (f"<a href='{person_href(person)}' style='color:{link_color};"
                     f"text-decoration:none;'>{piece}</a>")
        q = next((q for q in quotes if q["start"] <= a and b <= q["end"]), None)
        if q is not None and quote_bg:
            piece = quote_span(piece, q, quote_bg)
        out.append(piece)
    return "".join(out), n


def paint_empty(view, text: str) -> None:
    """Say in an item view without rows why it is empty (call after its own painting)."""
    if not text or view.model() is None or view.model().rowCount():
        return
    rect = view.viewport().rect().adjusted(12, 0, -12, 0)
    metrics = view.fontMetrics()
    painter = QPainter(view.viewport())
    painter.setPen(QColor(mid_color(view.palette())))
    if rect.height() < 3 * metrics.lineSpacing():  # a short view: one line, in its middle
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter),
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
    else:
        painter.drawText(rect.adjusted(0, 12, 0, -8),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap), text)
    painter.end()
