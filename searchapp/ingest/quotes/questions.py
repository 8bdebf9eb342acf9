"""Questions put: "X asked (the captain) whether/why/how ...", "X put it to him that ...".

A question put is its asker's reported speech; its span is the clause from the word that
opens it ("whether the children would have walls by winter", "why he had sailed at
all").  The words between the verb and that word (at most eleven: "asked the provincial
director, Lahcen X, on air last week whether") are whom the question was put to and
when, never its speaker; a question word right after a comma opens a relative clause
("asked Y, who ..."), no question.

"Asked whether ..., X said ..." opens with the participle and no subject: the question
is a reporter's or an interviewer's, never the answer's speaker's
(:func:`asked_opening`).

Pure functions over the words of one sentence (:class:`searchapp.ingest.quotes.text.Word`).
"""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.clauses import is_verb
from searchapp.ingest.quotes.text import Word

#: The words that open an indirect question (English grammar's closed class of
#: interrogative complementizers and wh-words).
QUESTION_OPENERS = frozenset("whether if why how what when where who which".split())
#: The forms of "ask" that put a question (not "asking": a participle's subject is
#: the sentence's, read by the clause rules).
ASK = frozenset({"asked", "asks", "ask"})
#: Words after the verb that end the search for the question (an order: "asked him to
#: leave"; a request: "asked for a study"; a topic: "asked about a report").
_NOT_QUESTION = frozenset({"to", "for", "about", "that", "Q", ";", ":", "."})


def question_after(ws: Sequence[Word], k: int) -> tuple[int, int] | None:
    """For the verb ``ws[k]`` ("asked", "put" of "put it to"): (where whom it was put to
    starts, where the question's clause starts), or None when no question follows."""
    w = ws[k]
    if w.lower in ASK:
        n = k + 1
        while n < len(ws) and n - k <= 12:
            low = ws[n].lower
            if low in QUESTION_OPENERS and n + 1 < len(ws):
                if n > k + 1 and ws[n - 1].text == ",":
                    return None  # "asked X, who ...": a relative clause, not a question
                return k + 1, n
            if low in _NOT_QUESTION or ws[n].text in _NOT_QUESTION:
                return None
            n += 1
        return None
    if w.lower in ("put", "puts") and k + 2 < len(ws) and ws[k + 1].lower == "it" \
            and ws[k + 2].lower == "to":
        for n in range(k + 3, min(len(ws), k + 10)):
            if ws[n].lower == "that":
                return k + 3, n + 1
            if ws[n].text in _NOT_QUESTION or ws[n].text == ",":
                return None
    return None


def asked_opening(ws: Sequence[Word]) -> int | None:
    """"Asked whether the contractor would be blacklisted, the minister said ...": the
    index of the comma that closes a sentence-opening question put by nobody named, or
    None."""
    n = 0
    if n < len(ws) and ws[n].lower == "when":
        n += 1
    if n >= len(ws) or ws[n].lower != "asked":
        return None
    for m in range(n + 1, len(ws)):
        if ws[m].text == ",":
            return m
        if ws[m].text in ("Q", ";", ":"):
            return None
    return None


def answered(ws: Sequence[Word], n: int) -> bool:
    """The question opened at ``ws[n]`` closes on a comma and a verb of speech ("X,
    asked after the vote whether she was tired, replied: ..."): "asked" after a comma
    is then the question put to X (a participle), not X's."""
    for m in range(n + 1, len(ws) - 1):
        if ws[m].text in ("Q", ";", ":"):
            return False
        if ws[m].text == ",":
            return is_verb(ws[m + 1], lx.SAY)
    return False
