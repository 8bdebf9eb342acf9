"""Lines at a document's edges that are page furniture, not body.

Above an article's first paragraph and below its last, pages print lines that are no
part of the text: when it was posted or updated ("2026/03/28 12:40", "Updated: 10:42
BST", "2025年1月8日 10:23", "3 hours ago") and the editors' sign-off ("（责任编辑：张静）",
"【编辑：李明】", "（编辑 王芳）", "박서연 기자 syp@example.kr", "(Editing by Ann Roe)").
Left as body they are found by word searches and read as the article's first or
last sentence.  :func:`edge_furniture` takes them out of the body, keeping what
they say and where they stand (the paragraphs keep their numbers): a sign-off becomes
a ``credit`` paragraph, a date or time line a ``label`` (both shown, searchable, not
body), and a date line gives the document its date when nothing else did.

Only at the edges -- the lines before the first paragraph of prose and after the
last one (:func:`searchapp.ingest.metadata.is_prose`): between two paragraphs such a
line is content (a timeline's "March 3, 2024", a live blog's "10:42",
:func:`searchapp.ingest.html.markup.keep_post_times`); and a document of posts, with
:data:`POSTS` such lines or more, keeps them at its edges too.
"""

from __future__ import annotations

import re

from searchapp.ingest.metadata import KOREAN_NAMES, Metadata, is_prose, may_be_stamp, stamp_line
from searchapp.ingest.persons.words import KOREAN_ROLES_AFTER
from searchapp.ingest.text import normalize_space
from searchapp.lexicon import STOPS

#: Credit roles an editors' sign-off names, as Chinese (simplified and traditional),
#: Japanese and Korean pages print them before the name ("责任编辑：张静", "記者 王明").
SIGNOFF_ROLES = ("责任编辑", "責任編輯", "值班编辑", "值班編輯", "责编", "責編", "编辑", "編輯",
                 "校对", "校對", "审校", "審校", "审核", "審核", "监制", "監製", "主编", "主編",
                 "编审", "編審", "记者", "記者", "撰稿", "撰文", "翻译", "翻譯", "编译", "編譯",
                 "实习生", "實習生", "通讯员", "通訊員", "来源", "來源", "稿源", "摄影", "攝影",
                 "编集", "編集", "撮影", "取材", "文", "图", "圖", "편집", "사진", "취재", "글",
                 "기자", "정리")
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_OPEN, _CLOSE = r"[（(【\[〔<＜]?", r"[）)】\]〕>＞]?"
# a name after a role: a few characters, no sentence punctuation or brackets
_NAME = rf"[^\s:：{STOPS}，,；;（）()【】\[\]〔〕<>＜＞]{{1,16}}"
_ROLE = "(?:" + "|".join(sorted(map(re.escape, SIGNOFF_ROLES), key=len, reverse=True)) + ")"
_PAIR = rf"{_ROLE}\s*(?:[:：/／=]\s*|\s+){_NAME}(?:\s*[、,，/／]\s*{_NAME})*(?:\s+{_EMAIL})?"
_CJK_SIGNOFF = re.compile(rf"{_OPEN}\s*{_PAIR}(?:\s*[\s|｜/／;；]\s*{_PAIR})*\s*{_CLOSE}")
_NAME_ROLE = re.compile(rf"{_OPEN}\s*{KOREAN_NAMES}\s*(?:{'|'.join(KOREAN_ROLES_AFTER)})"
                        rf"(?:\s*=)?(?:\s*{_EMAIL})?\s*{_CLOSE}")
# "(Reporting by Ann Roe in Seoul; Editing by Lee Poe)", "Edited by Ann Roe"
_EN_ROLE = (r"(?:additional |further )?(?:reporting|editing|edited|writing|compiled|"
            r"produced|translated|translation|research|fact-checking|graphics)\s+by")
_EN_SIGNOFF = re.compile(rf"\(?\s*{_EN_ROLE}\s+[^;()]{{2,90}}"
                         rf"(?:[;,]\s*(?:and\s+)?{_EN_ROLE}\s+[^;()]{{2,90}})*\s*\)?\.?", re.I)
_SIGNOFF_LENGTH = 200
#: A document with this many lines of a date or time alone, one of them between
#: paragraphs, is a series of posts (a live blog written in plain paragraphs): its
#: times are content, at the edges too.
POSTS = 3


def is_signoff(text: str) -> bool:
    """Whether ``text`` is only an editors' or reporters' sign-off (see the module)."""
    if len(text) > _SIGNOFF_LENGTH and \
            len(text.split(None, _SIGNOFF_LENGTH // 2)) > _SIGNOFF_LENGTH // 2:
        return False  # a paragraph's words: no collapsing brings it under the length
    line = normalize_space(text)
    return len(line) <= _SIGNOFF_LENGTH and bool(
        _CJK_SIGNOFF.fullmatch(line) or _NAME_ROLE.fullmatch(line)
        or _EN_SIGNOFF.fullmatch(line))


def edge_furniture(blocks: list[tuple], meta: Metadata) -> list[tuple]:
    """``blocks`` (``(kind, text, ...)``) with the date and time lines before the
    first paragraph of prose and after the last as ``label`` blocks (their date
    becoming ``meta.date`` where it has none) and the sign-offs there as ``credit``
    blocks."""
    def prose(i: int) -> bool:  # "(Reporting by ...; Editing by ...)" reads as one
        kind, text = blocks[i][0], blocks[i][1]
        return kind == "body" and is_prose(text) and not is_signoff(text)

    first = next((i for i in range(len(blocks)) if prose(i)), None)
    if first is None:
        return blocks
    last = next(i for i in range(len(blocks) - 1, first - 1, -1) if prose(i))
    stamps = [i for i, b in enumerate(blocks) if b[0] == "body" and may_be_stamp(b[1])
              and stamp_line(b[1]) is not None]
    if len(stamps) >= POSTS and any(first < i < last for i in stamps):
        return [b if b[0] != "body" or not is_signoff(b[1]) or first <= i <= last
                else ("credit", *b[1:]) for i, b in enumerate(blocks)]  # a live blog's posts
    out = []
    for i, block in enumerate(blocks):
        kind, text = block[0], block[1]
        if (i < first or i > last) and kind in ("body", "credit"):
            when = stamp_line(text)
            if when is not None:
                if when and not meta.date:
                    meta.date = when
                    meta.year = int(when[:4])
                block = ("label", *block[1:])
            elif kind == "body" and is_signoff(text):
                block = ("credit", *block[1:])
        out.append(block)
    return out
