"""Defects a new user's trial found in reading files and in the CLI's output: bylines
of plain text, CJK bylines with their desk, "Site :: Headline" titles, a DOCX's
template date against the date its memo states, quoted e-mail paragraphs in
``search``'s text output, persons in ``extract --json``, a text with stray NULs."""

from __future__ import annotations

import pytest

from searchapp.cli.commands import main as cli_main
from searchapp.config import Settings
from searchapp.index.update import update_index
from searchapp.ingest.pipeline import load_document

MAIL = ("From: Oskar Berg <oskar@example.net>\nTo: Mira Holm <mira@example.net>\n"
        "Subject: Re: Harbour figures\nDate: Tue, 17 Nov 2026 09:12:00 +0100\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        "Thanks, the tonnage figure is confirmed by the harbour office.\n\n"
        "Oskar\n\n"
        "On Mon, 16 Nov 2026 at 18:02, Mira Holm <mira@example.net> wrote:\n"
        "> Could you check the tonnage with the harbour office? The dredging\n"
        "> contract looks odd to me.\n")


@pytest.mark.slow
def test_search_text_output_marks_a_quoted_mail_paragraph(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "reply.eml").write_text(MAIL, "utf-8")
    settings = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    assert update_index(settings).added == 1
    where = ["--corpus", str(corpus), "--index", str(settings.index),
             "--data-dir", str(settings.data_dir)]
    assert cli_main(["search", *where, "--no-history", "dredging"]) == 0
    quoted = capsys.readouterr().out
    assert "   [quote] Could you check the tonnage" in quoted
    assert cli_main(["search", *where, "--no-history", "confirmed"]) == 0
    own = capsys.readouterr().out
    assert "   Thanks, the tonnage figure is [confirmed]" in own  # the body: unmarked
    assert "[quote]" not in own


BODY = ("The port authority said on Tuesday that the strike had cost the economy about "
        "three hundred million rand a day, and that ships were being diverted north.\n\n"
        "Union leaders said they would meet the minister on Friday to discuss the offer.\n")


@pytest.mark.parametrize(("line", "authors"), [
    ("Analysis by Daniel Okafor-Reyes", ["Daniel Okafor-Reyes"]),
    ("Recorded by Thandiwe Mokoena, 8 August 2026", ["Thandiwe Mokoena"]),
    ("Reporting by Ana Lima and Piotr Nowak", ["Ana Lima", "Piotr Nowak"]),
    ("Written by Jane Roe, Senior Fellow", ["Jane Roe"]),
    ("Commentary by Li Wei", ["Li Wei"]),
    ("By Malik Haddad", ["Malik Haddad"]),
])
def test_a_plain_text_byline_line_is_the_author_not_a_heading(tmp_path, line, authors):
    path = tmp_path / "note.txt"
    path.write_text(f"Harbour strike enters its second week\n{line}\n\n{BODY}", "utf-8")
    doc = load_document(path)
    assert doc.meta.authors == authors
    kinds = {p.text: p.kind for p in doc.paragraphs}
    printed = next(t for t in kinds if t.startswith(line.split(",")[0]))
    assert kinds[printed] == "byline"  # its own paragraph, not a heading or body text
    if "August" in line:
        assert doc.meta.date == "2026-08-08"


@pytest.mark.parametrize("line", ["Photographs by Ann Lee", "Killed by Police Gunfire"])
def test_a_credit_or_a_headline_with_by_is_no_byline(tmp_path, line):
    path = tmp_path / "note.txt"
    path.write_text(f"Harbour strike enters its second week\n{line}\n\n{BODY}", "utf-8")
    assert load_document(path).meta.authors == []


JA_BODY = ("<p>外務大臣は十日、東京都内で記者会見を開き、近隣諸国との漁業協定の改定交渉を年内に"
           "再開する考えを明らかにした。交渉は三年前から中断している。</p>"
           "<p>政府関係者によると、双方は操業区域の線引きと漁獲量の上限について事前協議を"
           "続けており、来月にも実務者会合を開く見通しだという。</p>")
ZH_BODY = ("<p>中央氣象署今日表示，受鋒面影響，北部山區午後起有局部大雨，民眾外出應注意安全。"
           "各地方政府已完成防汛準備，並提醒民眾避免前往溪邊活動。</p>"
           "<p>農業部指出，近期降雨有助於緩解中南部水情，但部分農作物可能受損，"
           "將視情況啟動救助措施。</p>")


@pytest.mark.parametrize(("byline", "author", "agency"), [
    ("政治部　山田太郎", "山田太郎", ""),
    ("外信部 佐藤花子（共同）", "佐藤花子", "Kyodo"),
    ("記者 王小明／台北報導", "王小明", ""),
])
def test_a_cjk_byline_gives_the_name_without_desk_role_or_agency(tmp_path, byline, author,
                                                                  agency):
    body = ZH_BODY if "報導" in byline else JA_BODY
    lang = "zh-Hant" if "報導" in byline else "ja"
    path = tmp_path / "news.html"
    path.write_text(f'<html lang="{lang}"><head><meta charset="utf-8"><title>漁業協定 交渉再開へ'
                    f'</title></head><body><article><h1>漁業協定 交渉再開へ</h1>'
                    f'<p class="byline">{byline}</p>{body}</article></body></html>', "utf-8")
    doc = load_document(path)
    assert doc.meta.authors == [author]
    assert doc.meta.agency == agency
