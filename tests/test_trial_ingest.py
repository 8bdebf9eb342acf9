"""Defects a new user's trial found in reading files and in the CLI's output: bylines
of plain text, CJK bylines with their desk, "Site :: Headline" titles, a DOCX's
template date against the date its memo states, quoted e-mail paragraphs in
``search``'s text output, persons in ``extract --json``, a text with stray NULs."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.cli.commands import main as cli_main
from searchapp.config import Settings
from searchapp.errors import LoadError
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


def _text_with_nuls(nuls: list[int]) -> bytes:
    sentence = ("The harbour office confirmed the tonnage figures on Tuesday, and the union "
                "said the strike would continue until the overtime was paid. ")
    raw = bytearray(("Harbour strike\n\n" + "\n\n".join(
        sentence * 3 for _ in range(20_000 // (3 * len(sentence))))).encode())
    for at in sorted(nuls, reverse=True):
        raw[at:at] = b"\x00"
    return bytes(raw)


def test_a_text_with_a_few_stray_nuls_is_read_and_says_so(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(_text_with_nuls([3000, 9000, 15000]))
    doc = load_document(path)
    assert "\x00" not in "".join(p.text for p in doc.paragraphs)
    assert any("union said the strike" in p.text for p in doc.paragraphs)
    assert doc.warnings == ["3 NUL bytes dropped (not text; the rest was read)"]


def test_a_file_read_in_part_is_told_apart_from_the_files_not_used(tmp_path, capsys):
    """Indexed with a few stray NULs dropped: the summary says "read in part", never
    "failed" (an empty file is the one failed), in the text and in --json, and again
    when nothing changed."""
    import json

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.txt").write_bytes(_text_with_nuls([3000, 9000]))
    (corpus / "empty.txt").write_text("")
    where = ["--corpus", str(corpus), "--index", str(tmp_path / "index"),
             "--data-dir", str(tmp_path / "data"), "--no-persons", "--no-ocr"]
    cli_main(["index", *where])
    out, err = capsys.readouterr()
    assert "1 added, 0 updated, 0 removed, 1 failed, 1 read in part, 0 unchanged" in out
    assert "notes.txt: 2 NUL bytes dropped" in err and "empty.txt" in err
    cli_main(["index", *where, "--json"])  # nothing changed: the same files are told
    data = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in data["failed"]] == ["empty.txt"]
    assert data["partial"] == [{"path": "notes.txt",
                                "error": "2 NUL bytes dropped (not text; the rest was read)"}]


def test_a_text_padded_with_nuls_is_read_but_random_bytes_stay_refused(tmp_path):
    padded = tmp_path / "padded.txt"  # 4% NULs, in pairs, the rest clean UTF-8 text
    raw = _text_with_nuls([])
    padded.write_bytes(b"".join(raw[i:i + 50] + b"\x00\x00" for i in range(0, len(raw), 50)))
    doc = load_document(padded)
    assert doc.warnings and doc.warnings[0].startswith(f"{2 * -(-len(raw) // 50)} NUL bytes")
    import random

    noise = tmp_path / "noise.txt"
    noise.write_bytes(random.Random(3).randbytes(20_000))
    with pytest.raises(LoadError, match="binary data"):
        load_document(noise)
    many = tmp_path / "many.txt"  # a tenth NULs: binary, whatever the rest
    many.write_bytes(b"".join(raw[i:i + 20] + b"\x00\x00" for i in range(0, len(raw), 20)))
    with pytest.raises(LoadError, match="binary data"):
        load_document(many)


def test_the_index_report_names_the_dropped_nuls(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.txt").write_bytes(_text_with_nuls([3000, 9000, 15000]))
    settings = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    report = update_index(settings)
    assert report.added == 1 and report.total_paragraphs > 1
    assert not report.failed  # read, in part: not "failed"
    assert report.partial == [("notes.txt", "3 NUL bytes dropped (not text; the rest was read)")]


MEMO_BODY = ("Attacks on tankers off the coast fell by half in the first six months of the "
             "year, according to the regional reporting centre.")


def _memo_docx(path: Path, lines: list[str], created=None) -> Path:
    import docx

    d = docx.Document()  # its core properties: python-docx's template stamp, 2013-12-23
    d.core_properties.author = "Ngozi Adebayo"
    if created is not None:
        d.core_properties.created = created
    d.add_paragraph("Memo: piracy in the gulf", style="Title")
    for line in lines:
        d.add_paragraph(line)
    d.add_paragraph(MEMO_BODY)
    d.save(str(path))
    return path


@pytest.mark.parametrize(("lines", "expected"), [
    (["To: Director, Maritime Programme. From: Ngozi Adebayo. Date: 12 March 2025."],
     "2025-03-12"),
    (["To: Director", "From: Ngozi Adebayo", "Date: 12 March 2025"], "2025-03-12"),
    (["日期：2025年3月12日"], "2025-03-12"),
    (["날짜: 2025-03-12"], "2025-03-12"),
    ([], None),  # the template's stamp is no document's date
])
def test_a_docx_memo_date_beats_the_template_properties(tmp_path, lines, expected):
    doc = load_document(_memo_docx(tmp_path / "memo.docx", lines))
    assert doc.meta.date == (expected or "")
    assert any(MEMO_BODY in p.text for p in doc.paragraphs)


def test_a_docx_properties_date_is_kept_when_the_text_writes_none(tmp_path):
    import datetime

    path = _memo_docx(tmp_path / "memo.docx", [], datetime.datetime(2024, 6, 3, 8, 0))
    assert load_document(path).meta.date == "2024-06-03"


def test_an_rtf_date_line_beats_its_creation_time(tmp_path):
    path = tmp_path / "memo.rtf"
    path.write_text(r"{\rtf1\ansi\deff0{\info{\title Memo}{\creatim\yr2015\mo1\dy2}}"
                    r"Memo on piracy\par\par Date: 12 March 2025\par\par " + MEMO_BODY
                    + r"\par}", "ascii")
    assert load_document(path).meta.date == "2025-03-12"


ARTICLE = ("<p>SANTIAGO — When the president announced that the state copper company would "
           "take a majority stake in every new lithium project, investors shrugged. Prices "
           "were high and the salt flats seemed inexhaustible.</p>"
           "<p>Two years later, the mood has soured. Lithium carbonate trades at a third of "
           "its peak, and the chief executive warned shareholders that the partnership must "
           "be rebalanced or it will not survive the decade.</p>"
           "<p>Analysts expect the government to offer tax relief rather than cede control, "
           "and say a decision is due before the end of the year.</p>")


def _page(tmp_path: Path, title: str, head: str = "", home: str = "Meridian Review",
          headline: str = "Chile's lithium gamble enters its hardest year") -> Path:
    path = tmp_path / "page.html"
    path.write_text(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                    f"<title>{title}</title>{head}</head><body>"
                    f'<div id="hdr"><a href="/">{home}</a> | Energy | Podcasts</div>'
                    f'<div id="content"><h2 class="headline">{headline}</h2>{ARTICLE}</div>'
                    f"</body></html>", "utf-8")
    return path


HEADLINE = "Chile's lithium gamble enters its hardest year"


@pytest.mark.parametrize("title", [
    f"Meridian Review :: {HEADLINE}",
    f"{HEADLINE} | Meridian Review",
    f"{HEADLINE} - Meridian Review",
    f"Meridian Review — {HEADLINE}",
    f"{HEADLINE} · Meridian Review",
])
def test_a_title_with_the_site_on_one_side_gives_headline_and_source(tmp_path, title):
    doc = load_document(_page(tmp_path, title))
    assert doc.meta.title == HEADLINE
    assert doc.meta.source == "Meridian Review"


def test_the_site_side_is_known_by_og_site_name_too(tmp_path):
    doc = load_document(_page(tmp_path, f"Meridian :: {HEADLINE}", home="Start",
                              head='<meta property="og:site_name" content="Meridian">'))
    assert (doc.meta.title, doc.meta.source) == (HEADLINE, "Meridian")


def test_a_headline_that_holds_a_dash_is_not_cut(tmp_path):
    headline = "Lithium prices rise - and the salt flats pay for it"
    doc = load_document(_page(tmp_path, headline, headline=headline))
    assert doc.meta.title == headline
    assert doc.meta.source == ""


INTERVIEW = ("Harbour strike enters its second week\nRecorded by Thandiwe Mokoena\n\n"
             "Sipho Ndlovu, shop steward for the dockworkers' union, spoke to me at the gate. "
             "He said the union would not accept the offer.\n\n"
             "Asked about the port authority's offer, Ndlovu said the increase would not cover "
             "the rise in fares.\n\n"
             "Later I met Lerato Dube, a spokeswoman for the port operator. Dube said the "
             "company had made its best offer.\n")


@pytest.mark.slow
def test_extract_json_lists_the_persons_found_in_the_file(tmp_path):
    from conftest import run_cli

    pytest.importorskip("spacy")
    from searchapp.ingest.persons.recognize import Recognizer

    if not Recognizer().available:
        pytest.skip("no spaCy pipeline installed")
    one, two = tmp_path / "interview.txt", tmp_path / "mail.eml"
    one.write_text(INTERVIEW, "utf-8")
    two.write_text(MAIL, "utf-8")
    env = {"SEARCHAPP_DATA_DIR": str(tmp_path / "data")}
    proc = run_cli("extract", "--json", str(one), str(two), env=env)
    assert proc.returncode == 0, proc.stderr
    import json

    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    found = {r["name"]: r for r in docs[0]["persons_found"]}
    assert found["Sipho Ndlovu"]["spellings"] == ["Sipho Ndlovu", "Ndlovu"]
    number = {b["text"][:20]: b["num"] for b in docs[0]["blocks"]}
    assert found["Sipho Ndlovu"]["paragraphs"] == [number["Sipho Ndlovu, shop s"],
                                                   number["Asked about the port"]]
    text_of = {b["num"]: b["text"] for b in docs[0]["blocks"]}
    for row in found.values():  # each paragraph listed writes one of the spellings
        assert all(any(s in text_of[n] for s in row["spellings"]) for n in row["paragraphs"])
    assert "Oskar Berg" in {r["name"] for r in docs[1]["persons_found"]}  # the second file
    text = run_cli("extract", str(one), env=env).stdout
    assert "found:    Sipho Ndlovu (as Ndlovu; ¶" in text
    off = run_cli("extract", "--json", "--no-persons", str(one), env=env)
    assert json.loads(off.stdout)["persons_found"] is None
