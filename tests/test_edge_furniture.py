"""A line that is only a date or a time, or an editors' sign-off, above an article's first
paragraph or below its last is page furniture, not body: the sign-off is kept as a
``credit`` paragraph, the date or time line as a ``label`` (paragraph numbers stay), and
the date feeds the document's date when it has none.  Between
paragraphs of prose the same lines are content (a timeline's dates)."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.ingest.furniture import is_signoff
from searchapp.ingest.pipeline import load_document

ZH_BODY = ("<p>财政部发言人周三在记者会上表示，新的减税措施将于下个月起实施，预计惠及数百万家小微企业。</p>"
           "<p>该发言人说，具体细则将在本周内公布，地方政府需要在三十天内完成配套政策的制定工作。</p>"
           "<p>分析人士认为，此举有助于稳定就业，但财政收入压力将进一步加大，需要其他渠道弥补缺口。</p>")
EN_BODY = ("<p>The port authority said on Wednesday that container traffic fell for a third "
           "month, as shipping lines diverted vessels away from the strait.</p>"
           "<p>Officials expect volumes to recover by the summer, when the new terminal opens "
           "and two of the largest carriers resume their weekly calls.</p>"
           "<p>Dock workers' unions said they had not been consulted on the new shift patterns "
           "and would meet the management next week.</p>")


def _page(tmp_path: Path, before: str, body: str, after: str, lang: str = "en",
          dated: bool = False) -> list[tuple[str, str]]:
    meta = '<meta property="article:published_time" content="2025-11-02T09:15:00Z">' \
        if dated else ""
    html = (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
            f"<title>Port traffic falls</title>{meta}</head><body><article>"
            f"<h1>Port traffic falls</h1>{before}{body}{after}</article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    doc = load_document(path)
    return [(p.kind, p.text) for p in doc.paragraphs if p.kind != "title"], doc.meta.date


@pytest.mark.parametrize("signoff", ["（责任编辑：王芳）", "【责任编辑：李明】", "（编辑 陈刚）",
                                     "责任编辑：赵磊", "（記者 林美玲／台北報導）",
                                     "編輯：吳志明 校對：陳怡"])
def test_a_chinese_editors_signoff_below_the_article_is_a_credit(tmp_path, signoff):
    paras, _ = _page(tmp_path, "", ZH_BODY, f"<p>{signoff}</p>", lang="zh")
    assert paras[-1] == ("credit", signoff)
    assert [k for k, _ in paras[:-1]] == ["body"] * 3


def test_a_korean_reporters_footer_and_an_english_signoff_are_credits(tmp_path):
    paras, _ = _page(tmp_path, "", EN_BODY,
                     "<p>(Reporting by Ann Roe in Busan; Editing by Lee Poe)</p>")
    assert paras[-1] == ("credit", "(Reporting by Ann Roe in Busan; Editing by Lee Poe)")
    assert is_signoff("김민준 기자 kmj@example.kr") and is_signoff("이서윤 특파원")


@pytest.mark.parametrize("stamp", ["2025/11/02 09:15", "Updated: 2 November 2025 09:15 GMT",
                                   "2025年11月2日 09:15", "Nov. 2, 2025"])
def test_a_date_line_above_the_article_is_a_label_and_dates_it(tmp_path, stamp):
    paras, date = _page(tmp_path, f"<p>{stamp}</p>", EN_BODY, "")
    assert paras[0] == ("label", stamp) and [k for k, _ in paras[1:]] == ["body"] * 3
    assert date == "2025-11-02"


def test_time_lines_below_the_article_are_labels_and_the_pages_date_stands(tmp_path):
    paras, date = _page(tmp_path, "", EN_BODY, "<p>14:05 BST</p><p>3 hours ago</p>", dated=True)
    assert [k for k, _ in paras] == ["body"] * 3 + ["label"] * 2 and date == "2025-11-02"


def test_dates_between_paragraphs_are_content(tmp_path):
    """A timeline: its dates stand between paragraphs of prose and stay body."""
    paras, _ = _page(tmp_path, "", EN_BODY[:EN_BODY.index("<p>Officials")]
                     + "<p>March 3, 2024</p>" + EN_BODY[EN_BODY.index("<p>Officials"):], "")
    assert ("body", "March 3, 2024") in paras


@pytest.mark.parametrize("text", ["文在寅", "The talks were edited by nobody.",
                                  "编辑部认为，这项政策需要进一步讨论。", "Reporting", "10:42 was late"])
def test_prose_and_words_are_no_signoff(text):
    assert not is_signoff(text)


def test_a_plain_text_article_ends_without_its_signoff_as_body(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Port traffic falls\n\nThe port authority said on Wednesday that container "
                    "traffic fell for a third month, as shipping lines diverted vessels.\n\n"
                    "Officials expect volumes to recover by the summer, when the new terminal "
                    "opens.\n\n(Editing by Lee Poe)\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.paragraphs[-1].kind == "credit" and "Editing by" not in " ".join(doc.body)
