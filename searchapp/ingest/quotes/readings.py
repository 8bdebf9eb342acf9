"""Words read out from a document: "She read from a message a driver had sent her: '...'".

The quotation after the colon is the document's -- a letter's, an e-mail's, a listener's
text message -- not the words of the person reading it, who only voices them.  Its writer
is not named there (when they are, "X wrote" attributes it as usual), so it is an unnamed
source's.  Only "read from ..." and "read out ... from ..." count: "read out a statement"
alone may be the reader's own, and so is a reading from one's own prepared words: "He
read from a prepared statement:", "reading from her notes:" -- a statement, notes,
remarks, a speech or a script with no one else named as its author.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.ingest.quotes.clauses import Para
from searchapp.ingest.quotes.quote import Quote

#: "read from a message", "read out an email from a viewer", "read aloud from the letter"
_READ = re.compile(r"\bread(?:ing|s)?\s+(?:(?:out|aloud)\s+)?from\s+(?P<doc>[^,:;]{3,60})|"
                   r"\bread(?:ing|s)?\s+(?:out|aloud)\s+(?P<what>(?:a|an|the|his|her|their)\s"
                   r"[^,:;]{2,40}?)\s+from\b")

#: The reader's own prepared words: "a prepared statement", "his notes", "her remarks".
_OWN = re.compile(r"(?:(?:a|the|his|her|their|its)\s+)?(?:(?:prepared|written|short|brief)\s+)?"
                  r"(?:statement|notes|remarks|speech|script)\s*$", re.IGNORECASE)


def documents_read(paras: Sequence[Para], out: list[list[Quote]]) -> None:
    """A quotation opened right after a colon, in a sentence that reads from a document
    before the colon, is an unnamed source's (the document's), whoever was found."""
    for i, para in enumerate(paras):
        if "read" not in para.text or ":" not in para.text:
            continue
        for start, end in para.quotes:
            colon = para.text.rfind(":", 0, start)
            if colon < 0 or para.text[colon + 1:start].strip():
                continue
            m = _read_before(para, colon)
            if m is None or (m.group("doc") and _OWN.fullmatch(m.group("doc").strip())):
                continue
            doc = " ".join((m.group("doc") or m.group("what")).split()[:6])
            out[i] = [q for q in out[i] if not (q.start < end and start < q.end)]
            out[i].append(Quote(start, end, None, doc, "direct"))


def _read_before(para: Para, colon: int) -> re.Match | None:
    """The reading of a document in the sentence that the colon at ``colon`` ends."""
    since = next((a for a, b in para.sentences if a <= colon < b), 0)
    found = None
    for m in _READ.finditer(para.text, since, colon):
        if not any(a <= m.start() < b for a, b in para.quotes):
            found = m
    return found
