"""Interviews printed as questions and answers without "Q:" and "A:" labels.

A magazine sets its questions in bold, which the text loses; a Korean paper opens each
question with a dash ("―한국에 처음 왔을 때 …") and prints the answer in quotation
marks.  What stays in the text is the shape of the exchange:

* **English**: a question addresses the interviewee (a short paragraph ending in "?",
  or one that says "you" outside quotation marks) and the paragraph right after it
  answers in the first person ("I", "my", "we" outside quotation marks).  Three such
  pairs make the document an interview.
* **Korean**: two or more paragraphs opening with a dash, each followed by a paragraph.

The answers are the interviewee's: the one person the paragraphs before the first
question name most (more than anyone else).  The questions are the interviewer's when
the introduction names them as such ("She spoke to X", "interviewed by X", "X 기자가
만났다"), else nobody's (not emitted).  A paragraph that names a speaker of its own
(a quotation with its verb) is read as usual, not as a turn.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from searchapp.lexicon import HANGUL_SYLLABLES

_SECOND = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_FIRST = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|mine|myself|we|our|us)\b")
#: Where an English introduction names the interviewer: "She spoke to X", "talked with
#: X", "interviewed by X", "Interview by X" (a standfirst's credit), "in conversation
#: with X".
INTERVIEWER = re.compile(r"\b(?:spoke|speaks|talked|talks|was speaking)\s+(?:to|with)\s+$"
                          r"|\binterview(?:ed|s)?\s+by\s+$|\bin conversation with\s+$", re.I)
#: A Korean question: a paragraph opening with a dash.
_KO_QUESTION = re.compile(r"^\s*[―—–-]\s*(?=\S)")
#: Where a Korean introduction names the interviewer: "X 기자가 만났다" (the reporter met).
KO_INTERVIEWER = re.compile(rf"(?P<name>[{HANGUL_SYLLABLES}]{{2,4}}) 기자(?:가|이) "
                             r"(?:[^.。]{0,20}?)(?:만났다|인터뷰했다|물었다|들었다)")
_MAX_QUESTION_WORDS = 60
#: Words of a question read as a turn on its shape alone, once a document is an interview.
_SHORT_QUESTION = 25


def _outside(text: str, quotes: Sequence[tuple[int, int]]) -> str:
    if not quotes:
        return text
    out = list(text)
    for a, b in quotes:
        out[a:b] = " " * (b - a)
    return "".join(out)


def _interviewee(intro: Sequence[Sequence[str]], interviewer: str | None) -> str | None:
    """The person the introduction names most, more than anyone else."""
    counts = Counter(n for names in intro for n in names if n != interviewer)
    ranked = counts.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def english_turns(texts: Sequence[str], quotes: Sequence[Sequence[tuple[int, int]]],
                  persons: Sequence[Sequence[tuple[int, int, str]]]
                  ) -> dict[int, tuple[str, str, int, int]]:
    """``{paragraph: (speaker, label, start, end)}`` of the turns of an unlabelled
    English interview, or ``{}``.  ``persons``: per paragraph, ``(start, end, name)`` of
    the persons outside quotation marks."""
    pairs = question_pairs(texts, quotes, persons)
    if not pairs:
        return {}
    first = pairs[0]
    interviewer = None
    for n in range(first):
        for a, _, name in persons[n]:
            if INTERVIEWER.search(texts[n][max(0, a - 30):a]):
                interviewer = name
    answerer = _interviewee([[p[2] for p in persons[n]] for n in range(first)], interviewer)
    if answerer is None:
        return {}
    out: dict[int, tuple[str, str, int, int]] = {}
    for i in pairs:
        if i in out:
            continue
        if interviewer is not None:
            out[i] = (interviewer, "Q", 0, len(texts[i].rstrip()))
        out[i + 1] = (answerer, "A", 0, len(texts[i + 1].rstrip()))
    return out


def question_pairs(texts: Sequence[str], quotes: Sequence[Sequence[tuple[int, int]]],
                   persons: Sequence[Sequence[tuple[int, int, str]]]) -> list[int]:
    """The paragraphs that put a question answered by the next one, when there are three
    such pairs or more (two of the questions ending in "?"), else ``[]``."""
    if sum(t.rstrip().endswith("?") for t in texts) < 2:
        return []  # (most documents: no interview, nothing more to read)
    pairs = []
    for i in range(len(texts) - 1):
        q, a = texts[i].strip(), texts[i + 1]
        if not q or q[0] in "\"“‘'«" or len(q.split()) > _MAX_QUESTION_WORDS:
            continue
        if not (q.endswith("?") or _SECOND.search(_outside(texts[i], quotes[i]))):
            continue
        if a.strip()[:1] in "\"“‘'«" or not _FIRST.search(_outside(a, quotes[i + 1])):
            continue
        if persons[i + 1] and any(p[0] < 40 for p in persons[i + 1]) and not _FIRST.match(a):
            continue  # "Her publisher, X, laughed …": narration, not an answer
        pairs.append(i)
    if len(pairs) < 3 or sum(texts[i].strip().endswith("?") for i in pairs) < 2:
        return []
    # an interview, then: a short question answered by a paragraph that names nobody is
    # a turn too, first person or not ("Does that bother you?" / "It is a manual ...")
    more = [i for i in range(len(texts) - 1) if i not in pairs and i - 1 not in pairs
            and i + 1 not in pairs and texts[i].strip().endswith("?")
            and len(texts[i].split()) <= _SHORT_QUESTION and texts[i + 1].strip()
            and texts[i + 1].strip()[0] not in "\"“‘'«" and not persons[i + 1]
            and not texts[i + 1].strip().endswith("?")]
    return sorted([*pairs, *more])


def korean_turns(texts: Sequence[str], quotes: Sequence[Sequence[tuple[int, int]]],
                 persons: Sequence[Sequence[tuple[int, int, str]]]
                 ) -> dict[int, tuple[str, str, int, int]]:
    """``{paragraph: (speaker, label, start, end)}`` of the turns of a Korean interview
    (questions opening with a dash), or ``{}``: an answer printed as one quotation is
    the words inside the marks."""
    questions = [i for i, t in enumerate(texts[:-1]) if _KO_QUESTION.match(t)
                 and not _KO_QUESTION.match(texts[i + 1])]
    if len(questions) < 2:
        return {}
    first = questions[0]
    # the reporter is a person of the document (:mod:`.cjk_names` reads them so)
    interviewer = next((p[2] for n, t in enumerate(texts[:first])
                        for m in KO_INTERVIEWER.finditer(t) for p in persons[n]
                        if p[0] == m.start("name")), None)
    answerer = _interviewee([[p[2] for p in persons[n]] for n in range(first)], interviewer)
    if answerer is None:
        return {}
    out: dict[int, tuple[str, str, int, int]] = {}
    for i in questions:
        if interviewer is not None:
            out[i] = (interviewer, "―", _KO_QUESTION.match(texts[i]).end(),
                      len(texts[i].rstrip()))
        answer = texts[i + 1]
        whole = [(a, b) for a, b in quotes[i + 1] if a <= len(answer) - len(answer.lstrip()) + 1
                 and b >= len(answer.rstrip()) - 1]
        if whole:
            out[i + 1] = (answerer, "", whole[0][0], whole[0][1])
        elif not persons[i + 1]:
            out[i + 1] = (answerer, "", 0, len(answer.rstrip()))
    return out
