"""Speakers the persons stage did not keep, taken as persons on the evidence of a clear
pattern of speech.

The recognizer misses names it has never seen, or types them as places and
organisations ("Yvonne" GPE, "Declan Furey" GPE, "Jasper" GPE of "Jasper ten Brink"),
and the persons stage keeps a single given name nowhere.  A name-shaped phrase in a
clear pattern of speech is a person all the same -- the pattern is the evidence:

* after a quotation, a verb of speech, a role and a name closing the clause
  ('"...," said councillor Magnus Lindqvist-Ahola.');
* a name with a personal cue, then a verb of speech: a title or role before it
  ("Conservative councillor Jasper ten Brink, who voted against, said"), or an
  apposition of a role, an age or "who" after it ("Yvonne, a retired nurse ..., said",
  "Kwabena, 24, who sells ...");
* a line "Name, role:" right before a paragraph that is a quotation;
* Korean and Chinese: a family name and given name with a title
  ("정민호 차관은 ... 밝혔다", "董事长韩志远在...表示"), in a sentence of speech.

A phrase the recognizer typed as something else needs a personal cue (a title, a role,
an age, "who"), never the verb alone: an organisation speaks too ("Harcastle Estates
said").  Its later mentions in the document (the family name alone, "정 차관") are the
same person.  :func:`speech_persons` returns the mentions to add; the persons stage
adds them to its own (so ``person:``, ``said:`` and the Speaker facet know them), and
the attribution reads them like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from searchapp.ingest.entities import Mention
from searchapp.ingest.persons.words import NATIVE_TITLES, ORG_WORDS
from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.marks import quote_spans
from searchapp.ingest.quotes.text import Word, sentences, words
from searchapp.lexicon import (
    HAN,
    HANGUL_SYLLABLES,
    MONTHS,
    NAME_PARTICLES,
    TITLE_WORDS,
    WEEKDAYS,
)

#: Finite verbs of speech that attribute a quotation or a clause to a name next to them.
_SAID = frozenset(w for w in lx.SAY | lx.REPORT if not w.endswith("ing")) - {
    "read", "reads", "ordered", "offered", "offers", "posted", "shared"}
_GLUED = lx.GLUED_NAME
_NOT_NAMES = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS)) | frozenset(
    "the a an this that these those i we you he she it they mr mrs ms dr".split())
#: Recognizer labels of things that speak too: a phrase so labelled needs a personal cue.
_THING_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT")


def _name_word(w: Word) -> bool:
    t = w.text
    if t.lower() in _NOT_NAMES or t in ORG_WORDS or not t[:1].isupper() or t.isupper() \
            and len(t) > 1 or t.endswith(("'s", "’s", "'", "’")):
        return False  # "Maxi Moving's": an owner, no name of its own
    if w.lower in lx.ROLE_NOUNS or w.lower.rstrip(".") in TITLE_WORDS \
            or w.lower in lx.SOURCE_NOUNS or w.lower in lx.GROUP_HEADS:
        return False  # "Vice President", "Councillor", "Critics": no name
    return all(c.isalpha() or c in "-'’." for c in t) and any(c.islower() for c in t)


def _run_after(ws: Sequence[Word], k: int) -> int:
    """The end (exclusive) of a name's words from ``ws[k]`` ("Jasper ten Brink",
    "Hamid al-Rashidi", "Marit van der Linde-Osei"), or ``k`` when none starts there."""
    n = k
    while n < len(ws):
        w = ws[n]
        if _name_word(w) or _GLUED.match(w.text) and n > k:
            n += 1
            continue
        if w.lower in NAME_PARTICLES and n > k:  # "ten Brink", "van der Linde-Osei"
            m = n
            while m < len(ws) and ws[m].lower in NAME_PARTICLES:
                m += 1
            if m < len(ws) and (_name_word(ws[m]) or _GLUED.match(ws[m].text)):
                n = m
                continue
        break
    return n


def _core(ws: Sequence[Word]) -> list[Word]:
    return [w for w in ws if w.lower not in NAME_PARTICLES]


def _role_word(w: Word) -> bool:
    return w.text.islower() and (lx.role_noun(w.text) or w.lower in lx.SOURCE_NOUNS
                                 or w.lower in ("councillor", "councilor")) \
        or w.text[:1].isupper() and len(w.text) > 1 and w.lower.rstrip(".") in TITLE_WORDS


def _apposition_cue(ws: Sequence[Word], n: int) -> bool:
    """After a name at ``ws[n]``: ", a retired nurse", ", 24,", ", who", ", the
    chamber's trade director,"."""
    if n >= len(ws) or ws[n].text != ",":
        return False
    rest = ws[n + 1:n + 9]
    if not rest:
        return False
    if rest[0].lower in ("who", "whose") or rest[0].text.isdigit() and len(rest[0].text) <= 3:
        return True
    if rest[0].lower in ("a", "an", "the", "his", "her"):
        for w in rest:
            if w.text in (",", ".", ";", ":"):
                break
            if _role_word(w):
                return True
    return False


def _role_before(ws: Sequence[Word], k: int) -> bool:
    """A title or role right before the name at ``ws[k]`` ("councillor", "Dr.",
    "managing director")."""
    return k > 0 and _role_word(ws[k - 1])


def _labelled_thing(name: tuple[int, int], labels: Sequence[tuple[int, int, str]]) -> bool:
    a, b = name
    return any(s < b and a < e and label in _THING_LABELS for s, e, label in labels)


#: A paragraph worth reading for a speaker: a verb of speech, a line closed by a colon, a
#: signature closing it.
_MAY_SPEAK = re.compile(r"\b(?:" + "|".join(sorted(_SAID, key=len, reverse=True))
                        + r")\b|:\s*$|[—–-]\s*[^\W\d][\w'’. -]{0,40}$")


#: A quotation's signature that is a name alone, closing its paragraph: '"..." - Jennifer'.
_NAME_SIGNATURE = re.compile(r"[\"”’']\s*(?:--|[—–-])\s*"
                             r"(?P<who>[^\W\d][\w'’.-]*(?: [\w'’.-]+){0,3})\s*$")


_VERB = re.compile(r"\b(?:" + "|".join(sorted(_SAID, key=len, reverse=True)) + r")\b")
_LINE_CUES = re.compile(r"^[^\W\d_a-z][\w'’.-]*(?: [\w'’.-]+){0,5},[^:\n]{0,150}:\s*$|"
                        r"[\"”’']\s*(?:--|[—–-])\s*[^\W\d][\w'’. -]{0,40}$")
#: Words that open a sentence or stand for a speaker without naming one.
_NOT_NAMING = frozenset("the a an he she it they we i you his her its their this that but and "
                        "in on at as for if when while after before so yet or our my".split())
_CAPITALISED = re.compile(r"(?<![\w'’-])[^\W\d_a-z][\w'’-]*")


def _unresolved_speech(text: str, persons: Sequence[tuple[int, int]]) -> bool:
    """Worth reading for a speaker the persons stage did not find: a verb of speech with
    no resolved person right before it ("Lund said") or just after it ("said Dr. Lund"),
    or a line a signature or an interview turn may be.  Most paragraphs of news name
    their speakers where the stage found them: they are not read again."""
    if _LINE_CUES.search(text):
        return True
    for m in _VERB.finditer(text):
        if any(m.start() - 3 <= e <= m.start() or m.end() <= s <= m.end() + 25
               for s, e in persons):
            continue
        a, b = max(0, m.start() - 100), m.end() + 60
        for w in _CAPITALISED.finditer(text, a, b):
            if w.group(0).lower() not in _NOT_NAMING and not any(
                    s <= w.start() < e for s, e in persons):
                return True  # a capitalised word near the verb that is nobody yet
    return False


def _english(text: str, labels: Sequence[tuple[int, int, str]], next_text: str,
             cued: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of names in clear patterns of speech in one paragraph; ``cued`` gets the
    full names with a personal cue but no verb of speech of their own ("the economist
    Yusra el-Amin of the Centre ..."), whose family name may speak later."""
    if not _MAY_SPEAK.search(text):
        return []
    spans = [(s.start, s.end) for s in quote_spans([text])[0]]
    out: list[tuple[int, int]] = []
    for a, b in sentences(text, spans):
        ws = words(text, a, b, spans)
        named = [w.text[:1].isupper() and _name_word(w) for w in ws]
        for k in range(len(ws)):
            if not named[k] or k > 0 and (named[k - 1] or ws[k - 1].lower in NAME_PARTICLES
                                          and k > 1 and named[k - 2]):
                continue  # not the start of a name
            end = _run_after(ws, k)
            core = _core(ws[k:end])
            if not core or len(core) > 4:
                continue
            span = (ws[k].start, ws[end - 1].end)
            signed = _signed_line(text, ws, k, end, next_text)
            cue = _role_before(ws, k) or _apposition_cue(ws, end) or signed
            if _labelled_thing(span, labels) and not cue:
                continue
            if k > 0 and ws[k - 1].lower in lx.DETERMINERS:
                continue
            if end < len(ws) and ws[end].text[:1] in "'’" and ws[end].text[1:2] in ("s", ""):
                continue  # "Harcastle's managing director": an owner, not the speaker
            if len(core) == 1 and _aged(ws, end) and (k == 0 or ws[k - 1].text in (",", "Q")) \
                    and not _labelled_thing(span, labels):
                out.append(span)  # "Kwabena, 24, who sells phone repairs ...": an age
                continue
            if len(core) == 1 and not cue:
                # '"...," says Richter.' -- one word the recognizer typed as nothing else,
                # right after a quotation and its verb, closing the sentence
                if not _labelled_thing(span, labels) and _said_by(ws, k, end) \
                        and (end == len(ws) or ws[end].text in (".", ";")):
                    out.append(span)
                continue
            if _said_by(ws, k, end) or _says(ws, end) or signed \
                    or _aged(ws, end) and not _labelled_thing(span, labels):
                out.append(span)
            elif cue and cued is not None:
                cued.append(span)
    sig = _NAME_SIGNATURE.search(text)
    if sig and spans and text.lstrip()[:1] in "\"“‘'«" and sig.start() >= spans[-1][1] - 1:
        a, b = sig.span("who")
        if not _labelled_thing((a, b), labels) and all(
                _name_word(w) or _GLUED.match(w.text) or w.lower in NAME_PARTICLES
                for w in words(text, a, b, [])):
            out.append((a, b))  # '"..." - Jennifer': a quotation signed by a name alone
    return out


_SAID_WORDS = "|".join(sorted(_SAID, key=len, reverse=True))


def _family_speaks(name: str, paragraphs: Sequence[tuple[str, str, str]]) -> bool:
    """The family name of ``name`` speaks somewhere in the document: 'el-Amin wrote',
    '"...," said el-Amin'."""
    parts = name.split()
    k = len(parts) - 1
    while k > 1 and parts[k - 1].lower() in NAME_PARTICLES:
        k -= 1
    if k < 1:
        return False
    family = re.escape(" ".join(parts[k:]))
    pat = re.compile(rf"(?<![\w'’-]){family},?\s+(?:{_SAID_WORDS})\b|"
                     rf"[”\"’'],?\s+(?:{_SAID_WORDS})\s+{family}(?![\w-])")
    return any(pat.search(text) for _, _, text in paragraphs)


def _aged(ws: Sequence[Word], end: int) -> bool:
    """An age in apposition after the name: "Kwabena, 24, who ..."."""
    return end + 2 < len(ws) and ws[end].text == "," and ws[end + 1].text.isdigit() \
        and len(ws[end + 1].text) <= 3 and ws[end + 2].text == ","


def _said_by(ws: Sequence[Word], k: int, end: int) -> bool:
    """'"...," said councillor X.': a quotation, a verb of speech, a few role words, the
    name closing the clause."""
    j = k - 1
    while j >= 0 and k - j <= 5 and (ws[j].text.islower() and ws[j].lower not in _SAID
                                     or ws[j].text.endswith(("'s", "’s"))):
        j -= 1
    if j < 1 or ws[j].lower not in _SAID:
        return False
    if not (ws[j - 1].text == "Q" or ws[j - 1].text == "," and j > 1 and ws[j - 2].text == "Q"):
        return False
    return end == len(ws) or ws[end].text in (",", ".", ";", ":", "(") or ws[end].lower == "who"


def _says(ws: Sequence[Word], end: int) -> bool:
    """The name is the subject of a verb of speech: "X said", "X, a nurse who ..., said",
    "X, who voted against, said", "X told the committee"."""
    n = end
    if n < len(ws) and ws[n].text == ",":  # an apposition: to its closing comma
        m = n + 1
        while m < len(ws) and m - n <= 24 and ws[m].text not in (",", ".", ";", ":", "Q"):
            m += 1
        if m >= len(ws) or ws[m].text != ",":
            return False
        n = m + 1
    while n < len(ws) and ws[n].lower in lx.LIGHT:
        n += 1
    # "Harcastle Estates said it remained ...": a body speaking of itself
    return n < len(ws) and ws[n].lower in _SAID and not (
        n + 1 < len(ws) and ws[n + 1].lower in ("it", "its", "they", "their"))


def _signed_line(text: str, ws: Sequence[Word], k: int, end: int, next_text: str) -> bool:
    """"Declan Furey, passenger, travelling to a conference:" -- a line naming a person
    and their role, closed by a colon, right before a paragraph that is a quotation."""
    if k != 0 or end >= len(ws) or ws[end].text != "," or not text.rstrip().endswith(":"):
        return False
    if len(_core(ws[k:end])) < 2 or len(ws) > 24 or not any(_role_word(w) for w in ws[end:]):
        return False
    nxt = next_text.lstrip()
    return bool(nxt) and nxt[0] in "\"“‘'«「『"


_TURN = re.compile(r"^(?P<who>[^\W\d][^:\n]{0,40}?):\s+\S")


def _interviewed(paragraphs: Sequence[tuple[str, str, str]], labels: Mapping[str, Sequence]
                 ) -> list[str]:
    """Full names of persons whose answers in an interview are signed by their family
    name ("Armitage-Rhys: It was ..."), two turns or more, and who are named in full in
    the document ("Solveig Armitage-Rhys became director ..."), whatever the recognizer
    made of them."""
    turns: dict[str, int] = {}
    for _pid, _kind, text in paragraphs:
        m = _TURN.match(text)
        if m and all(_name_word(w) or _GLUED.match(w.text) or w.lower in NAME_PARTICLES
                     for w in words(m.group("who"), 0, len(m.group("who")), [])):
            turns[m.group("who")] = turns.get(m.group("who"), 0) + 1
    out = []
    for who, n in turns.items():
        if n < 2:
            continue
        for _pid, _kind, text in paragraphs:
            if " " + who not in text:  # the name cannot end here: not worth reading
                continue
            ws = words(text, 0, len(text), [])
            for k in range(len(ws)):
                end = _run_after(ws, k)
                core = _core(ws[k:end])
                if 2 <= len(core) <= 4 and text[ws[k].start:ws[end - 1].end].endswith(" " + who):
                    out.append(text[ws[k].start:ws[end - 1].end])
                    break
            if out and out[-1].endswith(" " + who):
                break
    return out


# --- Korean and Chinese --------------------------------------------------------------

#: The commonest Korean family names (one syllable; two-syllable ones are rare).
_KO_FAMILY = ("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구"
              "민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어"
              "은편용예경봉사부가복태목형피두감")
#: The commonest Chinese family names (one character).
_ZH_FAMILY = ("王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯"
              "馮邓鄧曹彭曾肖田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范"
              "金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬"
              "钱錢严嚴覃武戴莫孔向汤湯")
#: Korean titles after a name ("정민호 차관", "최영훈 교수"): the persons' list's
#: (searchapp.ingest.persons.words.NATIVE_TITLES), and company and office ranks.
_KO_TITLES = tuple(t for t in NATIVE_TITLES if re.fullmatch(f"[{HANGUL_SYLLABLES} ]+", t)) + (
    "상무", "전무", "부사장", "연구원", "원장", "청장", "처장", "국장", "실장", "본부장", "부장",
    "팀장", "과장", "소장", "센터장", "단장")
#: Chinese roles right before a name ("董事长韩志远", "退休教师郑国华", "教授吴承泽").
_ZH_ROLE_END = ("长", "長", "主任", "书记", "書記", "教授", "教师", "教師", "老师", "老師",
                "经理", "經理", "总裁", "總裁", "主席", "委员", "委員", "负责人", "負責人",
                "发言人", "發言人", "专家", "專家", "研究员", "研究員", "记者", "記者", "医生",
                "醫生", "律师", "律師", "工程师", "工程師", "董事", "代表", "总监", "總監",
                "居民", "村民", "市民", "学者", "學者", "总经理", "總經理", "司机", "司機")
_ZH_AFTER = ("在", "表示", "强调", "強調", "指出", "说", "說", "称", "稱", "认为", "認為",
             "透露", "介绍", "介紹", "分析", "坦言", "告诉", "告訴", "：", ":", "，", ",")
_KO_NAME = re.compile(rf"(?<![{HANGUL_SYLLABLES}])(?P<name>[{_KO_FAMILY}][{HANGUL_SYLLABLES}]{{1,2}}) "
                      rf"(?P<title>{'|'.join(sorted(_KO_TITLES, key=len, reverse=True))})"
                      r"(?=[은는이가의께]|\s|$)")
_ZH_NAME = re.compile(rf"(?:{'|'.join(sorted(_ZH_ROLE_END, key=len, reverse=True))})"
                      rf"(?P<name>[{_ZH_FAMILY}][{HAN}]{{1,2}}?)"
                      rf"(?={'|'.join(map(re.escape, sorted(_ZH_AFTER, key=len, reverse=True)))})")
_CJK_SPEECH = re.compile("|".join(map(re.escape, (*lx.KO_SAY, *lx.ZH_SAY, "“", "「", '"'))))


def _cjk(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of names with a title in sentences of speech."""
    if not _CJK_SPEECH.search(text):
        return []
    out = [(m.start("name"), m.end("name"), m.group("title")) for m in _KO_NAME.finditer(text)]
    out += [(m.start("name"), m.end("name"), "") for m in _ZH_NAME.finditer(text)]
    return out


def _ko_short(text: str, family: str, title: str) -> list[tuple[int, int]]:
    """"정 차관은": the family name and the title alone."""
    pat = re.compile(rf"(?<![{HANGUL_SYLLABLES}]){re.escape(family)} {re.escape(title)}(?=[은는이가의께]|\s|$)")
    return [(m.start(), m.start() + len(family) + 1 + len(title)) for m in pat.finditer(text)]


# --- the document --------------------------------------------------------------------


def speech_persons(paragraphs: Sequence[tuple[str, str, str]],
                   mentions: Mapping[str, Sequence[Mention]],
                   labels: Mapping[str, Sequence] | None = None,
                   known: Callable[[str], str | None] | None = None) -> dict[str, list[Mention]]:
    """Person mentions to add to one document's: names in clear patterns of speech the
    persons stage did not keep, and their later mentions in the document.  Paragraphs
    are ``(id, kind, text)``; ``mentions`` the stage's resolved ones by paragraph id;
    ``labels`` the recognizer's raw spans (``start``, ``end``, ``label``); ``known``
    gives the canonical person a spelling already stands for (a curated or found
    person), "" for a name curation says is no person (never added), None otherwise."""
    labels = {} if labels is None else labels  # a lazy store is empty until read
    known = known or (lambda _name: None)
    found: dict[str, str] = {}  # surface -> canonical
    ko_titles: dict[tuple[str, str], str] = {}  # (family, title) -> canonical
    new: dict[str, list[tuple[int, int, str]]] = {}
    for n, (pid, _kind, text) in enumerate(paragraphs):
        taken = [(m.start, m.end) for m in mentions.get(pid, ()) if m.kind == "person"]
        lab = [(r.start, r.end, r.label) for r in labels.get(pid, ())]
        nxt = paragraphs[n + 1][2] if n + 1 < len(paragraphs) else ""
        cued: list[tuple[int, int]] = []
        english = _english(text, lab, nxt, cued) if _unresolved_speech(text, taken) else []
        spans = [(a, b, "") for a, b in english] + _cjk(text)
        spans += [(a, b, "") for a, b in cued if _family_speaks(text[a:b], paragraphs)]
        for a, b, title in spans:
            if any(s < b and a < e for s, e in taken):
                continue
            surface = " ".join(text[a:b].split())
            if surface not in found:
                canonical = known(surface)
                if canonical == "":
                    continue  # curation: not a person
                found[surface] = canonical or surface
            if title:
                ko_titles.setdefault((surface[0], title), found[surface])
            new.setdefault(pid, []).append((a, b, found[surface]))
    for surface in _interviewed(paragraphs, labels):
        if known(surface) == "":
            continue
        found.setdefault(surface, known(surface) or surface)
        for pid, _kind, text in paragraphs:
            taken = [(m.start, m.end) for m in mentions.get(pid, ()) if m.kind == "person"]
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(surface)}(?![\w-])", text):
                if not any(s < m.end() and m.start() < e for s, e in taken):
                    new.setdefault(pid, []).append((m.start(), m.end(), found[surface]))
    if not found:
        return {}
    # later mentions: the family name alone ("ten Brink", "el-Masri"), a single name
    # again, "정 차관"
    family: dict[str, str] = {}
    for surface, canonical in found.items():
        parts = surface.split()
        if len(parts) == 1:
            family.setdefault(surface, canonical)
            continue
        k = len(parts) - 1
        while k > 1 and parts[k - 1].lower() in NAME_PARTICLES:
            k -= 1
        family.setdefault(" ".join(parts[k:]), canonical)
    out: dict[str, list[Mention]] = {}
    for pid, _kind, text in paragraphs:
        have = [(m.start, m.end) for m in mentions.get(pid, ()) if m.kind == "person"]
        spans = list(new.get(pid, ()))
        for word, canonical in family.items():
            for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-])", text):
                spans.append((m.start(), m.end(), canonical))
        for (fam, title), canonical in ko_titles.items():
            spans += [(a, b, canonical) for a, b in _ko_short(text, fam, title)]
        kept: list[Mention] = []
        for a, b, canonical in sorted(spans, key=lambda s: (s[0], -s[1])):
            if any(s < b and a < e for s, e in have) or any(
                    m.start < b and a < m.end for m in kept):
                continue
            kept.append(Mention(a, b, canonical, "person", "speech"))
        if kept:
            out[pid] = kept
    return out


def with_speech_persons(paragraphs: Sequence[tuple[str, str, str]],
                        mentions: dict[str, list[Mention]],
                        labels: Mapping[str, Sequence] | None = None,
                        known: Callable[[str], str | None] | None = None) -> dict[str, list[str]]:
    """Add :func:`speech_persons` to ``mentions`` in place (a place mention the new
    person overlaps gives way); the canonical names added with their spellings."""
    added = speech_persons(paragraphs, mentions, labels, known)
    spellings: dict[str, list[str]] = {}
    texts = {pid: text for pid, _, text in paragraphs}
    for pid, ms in added.items():
        old = [m for m in mentions.get(pid, ())
               if not any(m.start < n.end and n.start < m.end for n in ms)]
        mentions[pid] = sorted([*old, *ms], key=lambda m: (m.start, m.end))
        for m in ms:
            names = spellings.setdefault(m.name, [m.name])
            surface = texts[pid][m.start:m.end]
            if surface not in names:
                names.append(surface)
    return spellings
