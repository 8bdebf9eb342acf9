"""Places written in Chinese characters, Japanese or Hangul, where news puts them.

The recognizer is an English model: in Chinese, Japanese or Korean text it finds no
place.  News in these languages writes a place in a few fixed slots, and the slot is
the evidence (never a list of places):

* a byline's place: "記者 王小明／高雄報導" (Chinese: the place between the slash
  and "reports"), "(한솔=연합뉴스)" opening a paragraph (Korean: the place before the agency; not a
  credit, "(사진=연합뉴스)");
* a name before an administrative unit: "台中市", "屏東縣", "前鎮區", "廣東省";
  in Japanese "東京都", "大阪府", "長野県", "札幌市", "港区" (省 is a ministry there,
  "外務省"; 都 and 府 are words of their own in Chinese, "all" and "office").  The
  name must start where a word does: after punctuation, a script change, a word of
  place ("在", "從", "赴", "視察" ...) or another unit ("岡山市前鎮區").  The place is
  the name without its unit ("東京都" is 東京, as a byline's "高雄" is 高雄市).
"""

from __future__ import annotations

import re

from searchapp.ingest.entities import Mention
from searchapp.ingest.persons.memo import per_document
from searchapp.ingest.persons.resolve import DocText
from searchapp.lexicon import HAN, HANGUL_SYLLABLES, KANA

_H = HANGUL_SYLLABLES
#: Chinese: the place of a byline ("／高雄報導", "/北京报道", "／東京電").
_ZH_BYLINE = re.compile(rf"[／/][ \u3000]*(?P<place>[{HAN}]{{2,4}}?)[ \u3000]*"
                        rf"(?:報導|报道|報道|電|电|訊|讯)(?![{HAN}])")
#: Korean: the place of a dateline ("(한솔=뉴스통신)", "[서울=뉴스1]").
_KO_DATELINE = re.compile(rf"^\s*[(\[（](?P<place>[{_H}]{{2,4}})=[^)\]）]{{1,20}}[)\]）]")
#: What a bracket of the same shape credits instead ("(사진=연합뉴스)": a photo's source).
_KO_CREDITS = frozenset({"사진", "자료", "그래픽", "출처", "영상", "제공", "그림", "편집", "디자인"})
#: Words a place follows in Chinese and Japanese text ("在高雄", "從屏東", "視察岡山市").
_BEFORE_PLACE = ("在", "從", "从", "到", "赴", "往", "於", "于", "至", "自", "視察", "视察",
                 "訪問", "访问", "前往", "抵達", "抵达", "位於", "位于", "來自", "来自", "經", "经")
_ZH_UNITS = "市縣县區区省"
_JA_UNITS = "都府県市区"
#: A name's last character that makes the unit a common word, not a place's ("科學園區",
#: "北部地區", "社區", "香港特區", "選區").
_NOT_STEM_END = frozenset("園园地社特選选災灾營营軍军校本全該该各此新")
#: What after a unit makes a word of its own ("市場" market, "區域" area, "市值").
_NOT_AFTER = "場场值況况域"
_START = re.compile(rf"[{HAN}]")


_ZH_UNIT = re.compile(
    rf"(?P<place>[{HAN}]{{2,3}}?)(?P<unit>[{_ZH_UNITS}])(?![{_NOT_AFTER}])")
_JA_UNIT = re.compile(
    rf"(?P<place>[{HAN}]{{2,3}}?)(?P<unit>[{_JA_UNITS}])(?![{_NOT_AFTER}])")
_KANA = re.compile(f"[{KANA}]")


def _starts_a_word(text: str, at: int, ends: set[int]) -> bool:
    """Whether a name may start at ``text[at]``: after no Chinese character, right after a
    place and its unit ("岡山市前鎮區") or after a word places follow ("視察岡山市")."""
    if at == 0 or not _START.match(text, at - 1) or at in ends:
        return True
    return any(text.endswith(w, 0, at) for w in _BEFORE_PLACE)


def _unit_places(text: str, rx: re.Pattern) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    ends: set[int] = set()  # where a place and its unit end
    for at in range(len(text)):
        if not _START.match(text, at) or not _starts_a_word(text, at, ends) \
                or any(text.startswith(w, at) for w in _BEFORE_PLACE):
            continue
        m = rx.match(text, at)
        if m is None or m.group("place")[-1] in _NOT_STEM_END \
                or any(s < m.end() and at < e for s, e, _ in out):
            continue
        out.append((m.start("place"), m.end("place"), m.group("place")))
        ends.add(m.end())
    return out


@per_document
def native_places(doc: DocText) -> dict[str, list[Mention]]:
    """Place mentions by paragraph id that the slots above vouch for in ``doc`` (a
    document in Chinese, Japanese or Korean; nothing in one the model reads)."""
    texts = [text for _, _, text in doc.paragraphs]
    japanese = any(_KANA.search(t) for t in texts)
    rx = _JA_UNIT if japanese else _ZH_UNIT
    out: dict[str, list[Mention]] = {}
    for pid, _, text in doc.paragraphs:
        if not re.search(f"[{HAN}{_H}]", text):
            continue
        found = [(m.start("place"), m.end("place"), m.group("place"))
                 for m in (*_ZH_BYLINE.finditer(text), *_KO_DATELINE.finditer(text))
                 if m.group("place") not in _KO_CREDITS]
        found += [f for f in _unit_places(text, rx)
                  if not any(s < f[1] and f[0] < e for s, e, _ in found)]
        if found:
            out[pid] = [Mention(s, e, name, "place", "where places stand (native script)")
                        for s, e, name in sorted(found)]
    return out
