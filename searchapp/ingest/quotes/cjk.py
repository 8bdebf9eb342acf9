"""Quotations and reported speech in Korean and Chinese news.

Korean puts the verb of speech last: ``박 장관은 “…”라고 말했다`` (the quotation,
then 라고/고, then 말했다, 밝혔다, 강조했다 ... -- or any verb closing the sentence: 라고
and 라며 are themselves "saying": ``“…”이라며 눈시울을 붉혔다``), and reports speech as a clause
ending in 고 before the same verbs (``정부 소식통은 … 협의했다고 설명했다``); the
speaker is the topic or subject before it (은/는/이/가, after a title).  Chinese
puts the speaker and the verb first: ``中方表示，…。``, ``习近平强调：“…”``,
``据外交部介绍，…``.  A person is a mention the persons stage resolved (习近平,
시진핑, 윤석열); any other speaker ("中方", "정부 소식통", "한 전문가") is unnamed, and
他/她/그/그녀 are the person named or quoted last.  Persons named only in Hangul or
Chinese characters are found by :mod:`.cjk_names` (the speech-persons step).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from searchapp.ingest.quotes import lexicon as lx
from searchapp.ingest.quotes.cjk_japanese import (
    JA_TITLES,
    japanese,
    japanese_reported,
    japanese_speakers,
)
from searchapp.ingest.quotes.cjk_names import ZH_ROLE_END
from searchapp.ingest.quotes.interviews import korean_turns
from searchapp.ingest.quotes.marks import quote_spans
from searchapp.ingest.quotes.quote import Quote
from searchapp.ingest.quotes.speakers import Person
from searchapp.lexicon import CJK_CHAR, HAN, HANGUL, STOPS

_HANGUL = re.compile(f"[{HANGUL}]")
# a sentence: up to its stops (a Latin full stop only before a space: not in "3.5")
_SENTENCE = re.compile(f"(?:[^{STOPS}]|\\.(?!\\s|$))*(?:[{STOPS.replace('.', '')}]+|\\.(?=\\s|$)|$)")
_KO_SAY = "|".join(sorted(map(re.escape, lx.KO_SAY), key=len, reverse=True))
_KO_QUOTE_TAIL = re.compile(rf"\s*(?:이?라고|고|이?라며|며|이?라면서|면서)\s*(?P<mid>.{{0,40}}?)\s*"
                            rf"(?<![{HANGUL}])(?:{_KO_SAY})"  # a word: not 했다 of 피했다
                            r"|\s*(?:이?라며|이?라면서|며|면서)(?P<as>\s)"  # "“…”이라며 눈시울을 붉혔다": saying
                            r"|\s*(?:이?라고|고)\s*(?P<then>(?:[^“”\"\s]+(?<![는던])\s+){0,3}"
                            r"[^“”\"\s]*(?:었|았|였|했|렸|켰|혔)다)\s*[.。]?\s*$")
_KO_REPORTED = re.compile(rf"(?:다|라|냐|자|까)고\s*(?:{_KO_SAY})\s*[.。]?\s*$")
_KO_TOPIC = re.compile(rf"(?P<np>[{HANGUL}{HAN}A-Za-z0-9 ·()]{{1,24}}?)(?:{'|'.join(lx.KO_SUBJECT)})"
                       r"(?=\s)")
#: "박 국장에 따르면 ...": according to a source, the rest of the sentence is theirs.
_KO_ACCORDING = re.compile(rf"\s*(?P<np>[{HANGUL}{HAN}A-Za-z0-9 ·()]{{1,30}}?)에 따르면\s*")
#: "“...”며 요금 인상이 불가피하다고 밝혔다": a reported clause after a quotation.
_KO_CLAUSE_AFTER = re.compile(rf"\s*(?:이?라며|며|이?라면서|면서)\s*(?P<clause>[^“”\"「」]{{4,}}?"
                              rf"(?:다|라|냐|자|까))고\s*(?:{_KO_SAY})")
#: Pronouns of a speaker: Korean 그/그녀 (as a topic: "그는", "그녀는"), Chinese 他/她.
_PRONOUNS = {p: {"그녀": "f", "她": "f", "他": "m"}.get(p, "") for p in lx.CJK_PERSON_PRONOUNS}
#: Words that open a Korean sentence before its topic: connectives and times ("그러면서
#: 그는", "이날 정부 관계자는").
_KO_LEAD = re.compile(r"^(?:(?:그러면서|이어|또|또한|특히|한편|그러나|하지만|이에|이날|앞서|아울러|다만|"
                      r"그리고|반면|당시|최근|지난달|지난해|지난주|오전|오후|\d{1,2}일|\d{1,2}월)\s+)+")
#: What follows 他/她 in a speaker's phrase before the verb ("他对记者说", "她在会上表示").
_ZH_PRONOUN_THEN = "对對向跟在也还還则則又同"
#: How long a phrase 他/她 opens may be and still be the pronoun ("他笑著說": its manner).
_ZH_PRONOUN_PHRASE = 3
#: How a Chinese unnamed source ends ("一位不愿透露姓名的行业人士"): such a phrase may be
#: long.
_ZH_SOURCE_ENDS = ("人士", "官员", "官員", "专家", "專家", "负责人", "負責人", "人员", "人員",
                   "发言人", "發言人", "消息", "分析师", "分析師", "学者", "學者")
_ZH_SAY = "|".join(sorted(map(re.escape, lx.ZH_SAY), key=len, reverse=True))
_ZH_SPEAKER = re.compile(rf"(?P<who>[^，,：:；;。！？“”「」『』]{{1,24}}?)(?P<verb>{_ZH_SAY})"
                         r"(?:(?<=告诉|告訴)[^，,：:；;。“”「」]{1,6}?)?\s*[，,：:]\s*")
#: Whom the words were said to, between a speaker and the verb ("一位人士对财衡记者称",
#: "办公室回复记者称", "员工私下向记者表示"): not the speaker.
_ZH_SAID_TO = re.compile(r"(?:私下|同时|同時)?(?:对|對|向|跟|回复|回覆)[^，,：:。“”]{0,8}?"
                         r"(?:记者|記者|媒体|媒體|本报|本報)$")
_ZH_ACCORDING = re.compile(rf"^(?:{'|'.join(lx.ZH_ACCORDING)})(?P<who>[^，,。]{{1,20}}?)"
                           rf"(?:{_ZH_SAY}|报道|報導|消息)?\s*[，,]")


_HAN_ONLY = re.compile(f"[{HAN}]+")
#: A speaker's phrase that quotes someone else ("引述X的話"): not the phrase's subject's.
_QUOTING = re.compile("引述|引用|转述|轉述")
#: A quoted clause before 는 ("무슨 말을 했느냐는 질문에", "준다는 말"): the contracted
#: quotative -냐는/-다는 (-냐고 하는, -다고 하는) modifies the noun after it; that 는 marks
#: no topic.
_KO_QUOTATIVE_NOUN = re.compile(rf"[{HANGUL}](?:느?냐|[는었았였했겠한이]다)$")
#: A Korean phrase ending in a finite verb ("… 데 그쳤다"): a clause, no speaker.
_KO_VERB_END = re.compile(rf"[{HANGUL}]다$")


def is_cjk(texts: Sequence[str]) -> bool:
    """Most of the document's letters are Chinese, Japanese or Korean."""
    sample = "".join(texts)[:4000]
    letters = sum(1 for c in sample if c.isalpha())
    return letters > 0 and sum(1 for c in sample if CJK_CHAR.match(c)) / letters > 0.5


def _person_in(persons: Sequence[Person], a: int, b: int) -> Person | None:
    hits = [p for p in persons if a <= p.start and p.end <= b]
    return hits[-1] if hits else None


#: "살렘 씨": a word and the honorific 씨 written apart.
_GIVEN_SSI = re.compile(rf"([{HANGUL}]{{2,4}}) 씨")


class _Document:
    """One document read sentence by sentence, remembering who was named and quoted,
    for the pronouns (그는, 她说) that stand for them."""

    def __init__(self) -> None:
        #: (paragraph, person) of the persons named and quoted, oldest first
        self.recent: list[tuple[int, str]] = []
        self.sex: dict[str, str] = {}
        self.para = 0
        #: where the sentence being read starts in its paragraph
        self.sentence = 0
        #: (paragraph, speaker, source) of the last quotation attributed
        self.last_quote: tuple[int, str | None, str] | None = None
        #: the few characters before each person's mentions ("…局局長" before 張雅婷)
        self.before_names: dict[str, set[str]] = {}
        #: the few characters after them ("知事は" after 五百旗頭真澄)
        self.after_names: dict[str, set[str]] = {}

    def titled(self, phrase: str) -> str | None:
        """The one person a bare Chinese title stands for ("局長坦言" after "局長張雅婷"):
        of the persons the document writes right after that title, if only one."""
        if not 2 <= len(phrase) <= 3 or not _HAN_ONLY.fullmatch(phrase) \
                or not phrase.endswith(ZH_ROLE_END) or phrase.endswith(_ZH_SOURCE_ENDS):
            return None
        names = {n for before, ns in self.before_names.items() if before.endswith(phrase)
                 for n in ns}
        return names.pop() if len(names) == 1 else None

    def given_ssi(self, phrase: str) -> str | None:
        """"살렘 씨" after "살렘 바와지르-알아물디": a foreign person's first name and 씨
        stand for the one person named so far whose name of several words opens with it."""
        m = _GIVEN_SSI.fullmatch(phrase)
        if m is None:
            return None
        names = {n for _, n in self.recent if " " in n and n.split()[0] == m.group(1)}
        return names.pop() if len(names) == 1 else None

    def titled_after(self, phrase: str) -> str | None:
        """The one person a bare Japanese title stands for ("知事は" after "五百旗頭真澄
        知事"): of the persons the document writes right before that title, if only one."""
        if not 1 <= len(phrase) <= 4 or not _HAN_ONLY.fullmatch(phrase) \
                or not phrase.endswith(JA_TITLES):
            return None
        names = {n for after, ns in self.after_names.items() if after.startswith(phrase)
                 for n in ns}
        return names.pop() if len(names) == 1 else None

    def speaker(self, text: str, a: int, b: int, persons: Sequence[Person]
                ) -> tuple[str | None, str]:
        """Who the phrase ``text[a:b]`` names: a person in it, a person right before a
        title or 씨 it is ("김도윤(52)씨는": the phrase read is "씨"), the person a pronoun
        stands for, else an unnamed source (None, the phrase)."""
        p = _person_in(persons, a, b)
        if p is None and text[a - 1:a] == "-":  # "산토로-브레넌은": the phrase read is the
            p = next((q for q in persons if q.start < a < q.end <= b), None)  # name's end
        if p is None:  # "김도윤(52)씨", "이하은 씨": the name just before the phrase
            p = next((q for q in reversed(persons) if q.end <= a and re.fullmatch(
                r"(?:\(\d{1,3}\))?\s*", text[q.end:a])), None)
        if p is not None:
            return p.name, text[p.start:p.end]
        phrase = _KO_LEAD.sub("", text[a:b].strip())
        if _QUOTING.search(phrase) or _KO_VERB_END.search(phrase):
            # "她也引述已故創辦人X的話": another's words, whose we cannot tell for sure;
            # "… 오르는 데 그쳤다": a clause, no speaker's phrase
            return None, ""
        pronoun = phrase if phrase in _PRONOUNS else phrase[:1] if (
            phrase[:1] in "他她" and (phrase[1:2] in _ZH_PRONOUN_THEN
                                     or len(phrase) <= _ZH_PRONOUN_PHRASE)) else None
        title = self.titled(phrase) or self.given_ssi(phrase)
        if title is not None:
            return title, phrase
        if pronoun is not None:  # "她说", "他对记者说", "그는"
            local = [q.name for q in persons if self.sentence <= q.start and q.end <= a]
            name = local[-1] if local else self.pronoun(_PRONOUNS[pronoun])
            if local and _PRONOUNS[pronoun]:  # "她表示" after her name: a woman
                self.sex.setdefault(name, _PRONOUNS[pronoun])
            # a pronoun that stands for nobody sure: no speaker ("" -- not an unnamed one)
            return (name, phrase) if name is not None else (None, "")
        return None, phrase

    def pronoun(self, sex: str) -> str | None:
        """The last person named or quoted in this paragraph or the one before, of that
        sex when the document told it (a 她 once is a woman)."""
        for para, name in reversed(self.recent):
            if para < self.para - 1:
                break
            if not sex or self.sex.get(name, sex) == sex:
                if sex:
                    self.sex.setdefault(name, sex)
                return name
        return None

    def saw(self, quotes: Sequence[Quote], persons: Sequence[Person], a: int, b: int) -> None:
        """Remember the persons a sentence names (outside quotations) and its speakers,
        in the order written."""
        if quotes:
            q = quotes[-1]
            self.last_quote = (self.para, q.speaker, q.source)
        named = [(p.start, p.name) for p in persons if a <= p.start < b]
        named += [(q.start, q.speaker) for q in quotes if q.speaker]
        for _, name in sorted(named, key=lambda x: x[0]):
            self.recent.append((self.para, name))


def cjk_quotes(texts: Sequence[str], persons: Sequence[Sequence[Person]]) -> list[list[Quote]]:
    spans = quote_spans(list(texts))
    out: list[list[Quote]] = []
    doc = _Document()
    in_japanese = any(japanese(t) for t in texts)
    before: Quote | None = None  # the speech of the sentence before, if it had a speaker
    for text, ps in zip(texts, persons, strict=True):
        for p in ps:
            doc.before_names.setdefault(text[max(0, p.start - 8):p.start], set()).add(p.name)
            doc.after_names.setdefault(text[p.end:p.end + 6], set()).add(p.name)
    turns = korean_turns(texts, [[(s.start, s.end) for s in sp] for sp in spans],
                         [[(p.start, p.end, p.name) for p in ps] for ps in persons]) \
        if any(_HANGUL.search(t) for t in texts[:3]) else {}
    for n, (text, sp, ps) in enumerate(zip(texts, spans, persons, strict=True)):
        doc.para = n
        quotes = [(s.start, s.end) for s in sp]
        ps = [p for p in ps if not any(a <= p.start < b for a, b in quotes)]
        korean = bool(_HANGUL.search(text))
        if n in turns:  # a question or an answer of an interview
            who, label, a, b = turns[n]
            got = [Quote(a, b, who, label or who, "direct")]
            doc.saw(got, ps, 0, len(text))
            out.append(got)
            before = None
            continue
        found: list[Quote] = []
        for a, b in _sentences(text, quotes):
            doc.sentence = a
            inside = [(s, e) for s, e in quotes if a <= s < b]
            if korean:
                got = _korean(doc, text, a, b, inside, ps)
            elif in_japanese:
                got = _japanese(doc, text, a, b, inside, ps)
            else:
                got = _chinese(doc, text, a, b, inside, ps)
            if not got and before is not None and len(inside) == 1 \
                    and _quotation_only(text, a, b, inside[0]):
                # a sentence that is a quotation alone, right after one whose speech has
                # a speaker (in this paragraph or closing the one before): they go on
                got = [Quote(*inside[0], before.speaker, before.source, "direct")]
            doc.saw(got, ps, a, b)
            found += got
            before = got[-1] if got and (got[-1].speaker or got[-1].source) else None
        out.append(found)
    return out


def _japanese(doc: _Document, text: str, a: int, b: int, quotes, persons) -> list[Quote]:
    """A Japanese sentence's quotations (a quotation with no subject is the last
    speaker's, in this paragraph or the one before), else its reported speech."""
    got = []
    for s, e, who, source in japanese_speakers(text, a, b, quotes, persons, doc.titled_after):
        if not source:
            last = doc.last_quote
            if last is None or last[0] < doc.para - 1 or last[1] is None:
                continue
            who, source = last[1], last[2]
        got.append(Quote(s, e, who, source, "direct"))
    if got or quotes:
        return got
    return [Quote(s, e, who, source, "reported")
            for s, e, who, source in japanese_reported(text, a, b, persons, doc.titled_after)]


def _quotation_only(text: str, a: int, b: int, quote: tuple[int, int]) -> bool:
    """The sentence ``text[a:b]`` is the quotation and its stop, nothing else."""
    rest = (text[a:quote[0]] + text[quote[1]:b]).strip()
    return rest == "" or len(rest) == 1 and rest in STOPS


def _sentences(text: str, quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of a paragraph, a quotation kept whole: a full stop inside it
    ("“…更清楚。”她补充道。") ends no sentence."""
    out: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        if out and any(s < a < e for s, e in quotes):
            out[-1] = (out[-1][0], b)
        elif text[a:b].strip():
            out.append((a, b))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _korean(doc: _Document, text: str, a: int, b: int, quotes, persons) -> list[Quote]:
    out = []
    for s, e in quotes:
        m = _KO_QUOTE_TAIL.match(text, e, b)
        if not m:
            continue
        topic = None
        for t in _KO_TOPIC.finditer(text, a, s):
            if not any(qs <= t.start("np") < qe for qs, qe in quotes) and not any(
                    p.start < t.end("np") < p.end for p in persons) and not (
                    text[t.end("np")] == "는" and _KO_QUOTATIVE_NOUN.search(t.group("np"))):
                topic = t  # not a word of an earlier quotation, nor "은" of "이하은"
        named = _named_before(text, persons, topic.end() if topic is not None else a, s,
                              quotes)
        if named is not None and (topic is None or _person_in(
                persons, topic.start("np"), topic.end("np")) is None):
            # "같은 동네 주민 양재석(67)씨도 “…”": the person right before the quotation,
            # not a phrase cut at a particle of a word before them ("같은")
            out.append(Quote(s, e, named.name, text[named.start:named.end], "direct"))
            continue
        if topic is None:
            group = "mid" if m.group("mid") is not None else ""  # a speaker after a verb
            t = _KO_TOPIC.search(m.group(group) + " ") if group else None  # of speech only
            if t is None:
                # "“…”라고 덧붙였다." with no subject: Korean leaves out a subject that goes
                # on -- the speaker of the last quotation, here or in the paragraph before,
                # when nobody else is named before this one (after a verb of speech only)
                last = doc.last_quote
                if group != "mid" or last is None or last[0] < doc.para - 1 or any(
                        a <= p.start < s for p in persons):
                    continue
                out.append(Quote(s, e, last[1], last[2], "direct"))
                continue
            base = m.start(group)
            who = doc.speaker(text, base + t.start("np"), base + t.end("np"), persons)
        else:
            who = doc.speaker(text, topic.start("np"), topic.end("np"), persons)
        if who[1]:
            out.append(Quote(s, e, who[0], who[1], "direct"))
    if out:
        clause = _KO_CLAUSE_AFTER.match(text, quotes[-1][1], b)
        if clause:  # "“...”며 요금 인상이 불가피하다고 밝혔다": the clause is theirs too
            last = out[-1]
            out.append(Quote(clause.start("clause"), clause.end("clause"), last.speaker,
                             last.source, "reported"))
    if out or quotes:
        return out
    said = _KO_REPORTED.search(text, a, b)
    according = _KO_ACCORDING.match(text, a, b)
    if according:  # "박 국장에 따르면 ...": the rest of the sentence
        who = doc.speaker(text, according.start("np"), according.end("np"), persons)
        end = b - 1 if text[b - 1] in ".。" else b
        if who[1] and end - according.end() > 4:
            return [Quote(according.end(), end, who[0], who[1], "reported")]
    if said:
        topics = list(_KO_TOPIC.finditer(text, a, said.start()))
        # "북구에 사는 최순자(81)씨는 …": the topic that names a person, else the first
        topic = next((t for t in topics if _person_in(persons, t.start("np"), t.end("np"))
                      or doc.speaker(text, t.start("np"), t.end("np"), persons)[0]),
                     topics[0] if topics else None)
        if topic is not None:
            who = doc.speaker(text, topic.start("np"), topic.end("np"), persons)
            start = topic.end()
            while start < b and text[start].isspace():
                start += 1
            end = said.start() + 1  # the clause, up to "...다" before "고 밝혔다"
            if who[1] and end - start > 4:
                out.append(Quote(start, end, who[0], who[1], "reported"))
    return out


def _named_before(text: str, persons: Sequence[Person], a: int, s: int,
                  quotes: Sequence[tuple[int, int]]) -> Person | None:
    """The person named last between ``a`` and a quotation at ``s`` with nothing but a
    title, 씨, an age or a particle (도, 은/는, 이/가) between them and the mark."""
    for p in reversed(persons):
        if a <= p.start and p.end <= s and not any(qs <= p.start < qe for qs, qe in quotes):
            gap = text[p.end:s]
            if re.fullmatch(rf"(?:\(\d{{1,3}}\))?\s?(?:씨|[{HANGUL}]{{1,4}})?"
                            r"(?:도|은|는|이|가|께서)\s*", gap):
                return p
            return None
    return None


def _long_source(who: tuple[str | None, str]) -> bool:
    """No speaker: a pronoun for nobody sure, or a phrase too long to be a speaker unless
    it ends as an unnamed source does."""
    return who[0] is None and not who[1] or who[0] is None and len(who[1]) > 12 and not (
        len(who[1]) <= 24 and who[1].endswith(_ZH_SOURCE_ENDS))


def _chinese(doc: _Document, text: str, a: int, b: int, quotes, persons) -> list[Quote]:
    sentence = text[a:b]
    m = _ZH_ACCORDING.match(sentence)
    if m and m.group("who") not in lx.ZH_NO_SOURCE:
        who = doc.speaker(text, a + m.start("who"), a + m.end("who"), persons)
        end = b - 1 if text[b - 1] in "。！？" else b
        return [Quote(a + m.end(), end, who[0], who[1], "reported")] if who[1] else []
    m = next((m for m in _ZH_SPEAKER.finditer(text, a, b)
              if not any(s <= m.start("verb") < e for s, e in quotes)), None)
    if not m:  # (a verb inside a quotation is the speaker's own words: "我可以明确地说，")
        for s, e in quotes:  # "“…”，习近平说。"
            tail = re.match(rf"\s*[，,]?\s*(?P<who>[^，,。“”]{{1,16}}?)(?:{_ZH_SAY})\s*[。.]?",
                            text[e:b])
            if tail:
                who = doc.speaker(text, e + tail.start("who"), e + tail.end("who"), persons)
                return [] if _long_source(who) else [Quote(s, e, who[0], who[1], "direct")]
        return []
    said_to = _ZH_SAID_TO.search(text, m.start("who"), m.end("who"))
    who = doc.speaker(text, m.start("who"), said_to.start() if said_to else m.end("who"),
                      persons)
    if _long_source(who):
        return []
    start = m.end()
    # "「我們明白居民的焦急，」張雅婷說，「…」": the quotation right before the speaker too
    # (a quotation whose words end in a comma or a stop, or a comma after it: a name
    # in marks right before the name, "「阿蒲」蒲詠晴", is a nickname, no speech)
    before = [Quote(s, e, who[0], who[1], "direct") for s, e in quotes
              if who[0] and e <= m.start("who") and not text[e:m.start("who")].strip(" ，,")
              and (text[e - 2:e - 1] in "，,。！？!?." or text[e:m.start("who")].strip())]
    following = [(s, e) for s, e in quotes if s >= start - 1]
    if following and following[0][0] <= start + 1:
        s, e = following[0]
        got = [*before, Quote(s, e, who[0], who[1], "direct")]
        if b - e > 3:  # "…說：「…。」他說，…": the words after the quotation go on
            doc.saw(got, persons, a, e)
            got += _chinese(doc, text, e, b, [q for q in quotes if q[0] >= e], persons)
        return got
    end = b - 1 if text[b - 1] in "。！？" else b
    return [*before, *([Quote(start, end, who[0], who[1], "reported")] if end - start > 3
                       else [])]
