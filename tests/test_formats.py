"""PDF, DOCX, ODT, EPUB, e-mail and RTF files, through load_documents, the CLI and the index.

Every fixture is a real file generated here (tests/format_fixtures.py)."""

from __future__ import annotations

import json
import time
import zipfile

import format_fixtures as fx
import pytest
from conftest import extract_json, run_cli

from searchapp.ingest.formats import pdf as pdf_loader
from searchapp.ingest.pipeline import load_document, load_documents
from searchapp.ingest.read import LoadError, scan_corpus


def _blocks(doc):
    return [(p.kind, p.text) for p in doc.paragraphs]


def _loads_error(path) -> str:
    with pytest.raises(LoadError) as err:
        load_documents(path)
    return str(err.value)


# --- PDF ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    return fx.make_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf")


def test_pdf_paragraphs_follow_the_columns_and_cross_page_breaks(report_pdf):
    doc = load_document(report_pdf)
    body = [p for p in doc.paragraphs if p.kind == "body"]
    expected = [p.replace("-|", "-").replace("|", "") for p in fx.PARAGRAPHS]
    expected[1] = expected[1].replace("diplo-matic", "diplomatic")
    assert [p.text for p in body] == expected
    # "Trade officials ..." starts at the foot of page 1 and ends on page 2: one paragraph
    trade = body[3]
    assert trade.text.startswith("Trade officials") and trade.text.endswith("licences.")
    assert trade.page == 1 and body[-1].page == 2
    assert [p.page for p in body] == [1, 1, 1, 1, 2, 2]


def test_pdf_line_end_hyphens(report_pdf):
    text = " ".join(load_document(report_pdf).body)
    assert "diplomatic calendar" in text  # a broken word is joined
    assert "China-Korea consultations" in text  # an upper-case second half keeps its hyphen
    assert "two-track design" in text  # the hyphenated form is used elsewhere


def test_pdf_running_header_and_page_numbers_are_not_body(report_pdf):
    doc = load_document(report_pdf)
    texts = [p.text for p in doc.paragraphs]
    assert not any(fx.HEADER in t or "Page 1 of" in t or "Page 2 of" in t for t in texts)


def test_pdf_metadata_from_the_first_page(report_pdf):
    doc = load_document(report_pdf)
    # the info dictionary says "Microsoft Word - draft3.docx", "anonymous", 2000-01-01
    assert doc.meta.title == fx.TITLE
    assert doc.meta.authors == ["Jane Doe"]
    assert doc.meta.date == "2024-03-03" and doc.meta.year == 2024
    assert doc.paragraphs[0].kind == "title" and doc.paragraphs[0].page == 1
    # the byline is a paragraph of its own (found by a plain search), not body text
    assert [p.kind for p in doc.paragraphs if "Jane Doe" in p.text] == ["byline"]
    assert not any("Jane Doe" in t or "March 3" in t for t in doc.body)


def test_pdf_info_dictionary_when_the_page_has_no_title(tmp_path):
    path = fx.make_pdf(tmp_path / "plain.pdf", title="", byline=None, dateline=None,
                       info_title="Fishing Rights Briefing", header=None)
    doc = load_document(path)
    assert doc.meta.title == "Fishing Rights Briefing"
    assert doc.meta.date == "2000-01-01"  # CreationDate: only when no date is printed


def test_pdf_single_column_pages(tmp_path):
    path = fx.make_pdf(tmp_path / "one.pdf", columns=1, column_lines=30)
    body = load_document(path).body
    assert body[0].startswith("The two governments") and len(body) == len(fx.PARAGRAPHS)


def test_pdf_encrypted_truncated_scanned(tmp_path):
    enc = fx.make_pdf(tmp_path / "enc.pdf", encrypt="secret")
    assert _loads_error(enc) == "encrypted (password required)"
    raw = fx.make_pdf(tmp_path / "whole.pdf").read_bytes()
    (tmp_path / "cut.pdf").write_bytes(raw[: len(raw) // 2])
    assert "damaged or truncated PDF" in _loads_error(tmp_path / "cut.pdf")
    (tmp_path / "junk.pdf").write_bytes(b"%PDF-1.4\n" + b"garbage " * 100)
    assert "PDF" in _loads_error(tmp_path / "junk.pdf")
    # pages holding only a drawing: no text, and no page image to read by OCR
    assert _loads_error(fx.make_scanned_pdf(tmp_path / "scan.pdf")) == \
        "no text layer and no scanned pages"


def test_pdf_mostly_scanned_is_indexed_with_a_warning(tmp_path):
    doc = load_document(fx.make_scanned_pdf(tmp_path / "mixed.pdf", text_pages=1, pages=4))
    assert doc.body == ["A cover page typed before the scanned pages were added."]
    assert doc.warnings == ["3 of 4 pages have no text"]


def test_pdf_text_is_made_searchable():
    assert pdf_loader.clean_text("\ufb01nancial e\ufb00ort") == "financial effort"
    assert pdf_loader.clean_text("co\xadoperation diplo\ufffe") == "cooperation diplo\x02"


def test_pdf_decompression_bomb_is_refused_before_pdfium_inflates_it(tmp_path):
    path = fx.make_stream_bomb_pdf(tmp_path / "bomb.pdf")
    assert path.stat().st_size < 1 << 20
    start = time.perf_counter()
    assert "decompression bomb" in _loads_error(path)
    assert time.perf_counter() - start < 20


def test_pdf_page_cap_indexes_the_first_pages_and_says_so(tmp_path, monkeypatch):
    path = fx.make_long_pdf(tmp_path / "long.pdf", 12)
    monkeypatch.setattr(pdf_loader, "MAX_PAGES", 5)
    doc = load_document(path)
    assert max(p.page for p in doc.paragraphs) <= 5
    assert doc.warnings == ["only the first 5 of 12 pages were read (page limit)"]
    assert doc.to_json()["warnings"] == doc.warnings


def test_pdf_speed_is_bounded(tmp_path):
    path = fx.make_long_pdf(tmp_path / "long.pdf", 60)
    start = time.perf_counter()
    doc = load_document(path)
    assert time.perf_counter() - start < 6  # >= 10 pages/s even on a loaded CI machine
    assert max(p.page for p in doc.paragraphs) >= 55  # text on (nearly) every page


# --- DOCX, ODT ---------------------------------------------------------------------------


def test_docx_headings_paragraphs_and_tables_in_order(tmp_path):
    doc = load_document(fx.make_docx(tmp_path / "a.docx"))
    assert _blocks(doc) == [
        ("title", "Alliance Costs in Review"),
        ("byline", "By Min-ji Park"),  # the author property, found by a plain search
        ("body", "The cost-sharing agreement was renewed after long negotiations between the "
                 "allies, with a rise tied to the defence budget."),
        ("heading", "The numbers"),
        ("body", "Year | Contribution"),
        ("body", "2023 | 1.2 trillion won"),
        ("body", "Agreed in March"),  # a merged cell, once
        ("body", "Critics said the formula ignores inflation and the cost of land provided "
                 "free of charge to the bases."),
    ]
    assert (doc.meta.authors, doc.meta.date, doc.format) == (["Min-ji Park"], "2023-05-17", "docx")
    assert all(p.page is None for p in doc.paragraphs)


def test_odt_blocks_and_metadata(tmp_path):
    doc = load_document(fx.make_odt(tmp_path / "a.odt"))
    assert doc.meta.title == "Fisheries Dispute Notes"
    assert doc.meta.authors == ["Hae-won Lee"] and doc.meta.date == "2022-11-08"
    assert [t for _, t in _blocks(doc)][1:] == [
        "By Hae-won Lee",
        "Fishing boats crossed the line again in October, and the coast guard seized two of them.",
        "Month | Boats", "October | 2",
        "Both governments promised a joint patrol scheme before the winter season begins."]


def test_zip_bombs_and_deep_xml_are_refused_quickly(tmp_path):
    start = time.perf_counter()
    bomb = fx.make_zip_bomb_docx(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 2 << 20
    assert "zip bomb" in _loads_error(bomb)
    deep = fx.make_deep_xml_docx(tmp_path / "deep.docx")
    assert "nested too deeply" in _loads_error(deep)
    (tmp_path / "bomb.epub").write_bytes(bomb.read_bytes())
    assert "zip bomb" in _loads_error(tmp_path / "bomb.epub")
    (tmp_path / "bomb.odt").write_bytes(bomb.read_bytes())
    assert "zip bomb" in _loads_error(tmp_path / "bomb.odt")
    assert time.perf_counter() - start < 30


LAUGHS = ('<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "haha">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
          + ']><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Laughs: &j;</p>'
          "<p>The armistice line held.</p></body></html>")


def test_entity_expansion_and_deep_xml_in_epub_and_odt(tmp_path):
    book = fx.make_epub(tmp_path / "laughs.epub")
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(tmp_path / "l2.epub", "w") as dst:
        for info in src.infolist():
            data = LAUGHS.encode() if info.filename.endswith("c3.xhtml") else src.read(info)
            dst.writestr(info.filename, data)
    start = time.perf_counter()
    doc = load_document(tmp_path / "l2.epub")  # 10**9 "haha"s if the entities were expanded
    assert time.perf_counter() - start < 10
    # libxml2 stops at the amplification; the other chapters are read
    assert "Talks resumed only in the 1970s." in doc.body
    assert not any("hahaha" in t for t in doc.body)
    odt = fx.make_odt(tmp_path / "ok.odt")
    deep = "<text:p>" * 5000 + "x" + "</text:p>" * 5000
    with zipfile.ZipFile(odt) as src, zipfile.ZipFile(tmp_path / "deep.odt", "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "content.xml":
                data = data.replace(b"<office:text>", b"<office:text>" + deep.encode(), 1)
            dst.writestr(info.filename, data)
    assert "nested too deeply" in _loads_error(tmp_path / "deep.odt")


def test_damaged_containers(tmp_path):
    raw = fx.make_docx(tmp_path / "ok.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(raw[: len(raw) // 3])
    assert "damaged" in _loads_error(tmp_path / "cut.docx")
    (tmp_path / "notzip.odt").write_bytes(b"plain text, not a zip file")
    assert "damaged or truncated ODT" in _loads_error(tmp_path / "notzip.odt")
    raw = fx.make_epub(tmp_path / "ok.epub").read_bytes()
    (tmp_path / "cut.epub").write_bytes(raw[:200])
    assert "damaged or truncated EPUB" in _loads_error(tmp_path / "cut.epub")


# --- EPUB --------------------------------------------------------------------------------


def test_epub_chapters_in_spine_order(tmp_path):
    doc = load_document(fx.make_epub(tmp_path / "book.epub"))
    headings = [p.text for p in doc.paragraphs if p.kind == "heading"]
    assert headings == ["Chapter One: Origins", "Chapter Two: The Long Freeze",
                        "Chapter Three: Thaw"]
    assert doc.body[0] == "The armistice was signed in July 1953."
    assert (doc.meta.title, doc.meta.authors, doc.meta.date, doc.meta.language) == \
        ("A Short History of the Armistice", ["Soo-ah Kim"], "2021-07-27", "en")


def test_drm_epub_and_encrypted_docx_say_so(tmp_path):
    book = fx.make_epub(tmp_path / "drm.epub")
    with zipfile.ZipFile(book, "a") as zf:
        zf.writestr("META-INF/encryption.xml", (
            '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            '<enc:CipherData><enc:CipherReference URI="OEBPS/text/c1.xhtml"/></enc:CipherData>'
            "</enc:EncryptedData></encryption>"))
    assert _loads_error(book) == "encrypted (DRM-protected EPUB)"
    (tmp_path / "locked.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert _loads_error(tmp_path / "locked.docx").startswith("encrypted (password required)")


# --- e-mail ------------------------------------------------------------------------------


def test_newsletter_html_part_once_and_footer_dropped(tmp_path):
    doc = load_document(fx.make_eml(tmp_path / "brief.eml"))
    assert doc.body == [
        "Negotiators from both Koreas met at Panmunjom on Tuesday for the first time in a year.",
        "The agenda covered family reunions and the reopening of the liaison office in Kaesong."]
    text = " ".join(p.text for p in doc.paragraphs)
    for furniture in ("Unsubscribe", "Manage preferences", "View in browser", "Main Street"):
        assert furniture not in text
    assert (doc.meta.title, doc.meta.source, doc.meta.date) == \
        ("Weekly Peninsula Brief", "Peninsula Brief", "2024-05-14")
    assert doc.extractor == "email"


def test_newsletter_furniture_rules_spare_article_sentences():
    from searchapp.ingest.formats.mail import _drop_footer

    blocks = [("body", t, None) for t in (
        "Forward this to a friend", "Citizens may opt out of the scheme, officials said.",
        "The agency will unsubscribe nobody without notice, its head said in a long interview "
        "about the new data rules and what they mean for the people enrolled so far, and "
        "why the old rules were dropped after years of complaints from users and lawyers "
        "and a court ruling that found the consent forms unlawful in 2021.",
        "Second half of the story.", "Manage your preferences", "Legal line")]
    assert [b[1] for b in _drop_footer(blocks)] == [t for _, t, _ in blocks[1:4]]


def test_eml_charset_from_the_mime_headers(tmp_path):
    doc = load_document(fx.make_latin1_eml(tmp_path / "de.eml"))
    assert doc.meta.title == "Gespräche in Genf" and doc.meta.authors == ["Jürgen Müller"]
    assert "äußerten" in doc.body[0] and doc.encoding == "iso-8859-1"


def test_mbox_gives_one_document_per_message(tmp_path):
    docs = load_documents(fx.make_mbox(tmp_path / "inbox.mbox"))
    assert [d.meta.title for d in docs] == [f"Dispatch {i}: talks in Geneva" for i in (1, 2, 3)]
    assert len({d.doc_id for d in docs}) == 3 and all(d.path.endswith("inbox.mbox") for d in docs)
    assert [d.part for d in docs] == [f"dispatch-{i}@example.org" for i in (1, 2, 3)]
    assert docs[1].body[1] == "From the floor, several speakers asked for a timetable."
    assert docs[2].meta.date == "2024-04-03"
    assert load_document(tmp_path / "inbox.mbox").doc_id == docs[0].doc_id


def test_an_unquoted_from_line_in_a_body_does_not_split_the_message(tmp_path):
    path = fx.make_mbox(tmp_path / "plain.mbox", count=2)
    path.write_bytes(path.read_bytes().replace(b">From the floor", b"From the floor"))
    docs = load_documents(path)
    assert len(docs) == 2 and docs[0].body[1].startswith("From the floor")


def test_catalog_entries_for_single_messages(tmp_path):
    from searchapp.ingest.metadata import Catalog

    path = fx.make_mbox(tmp_path / "inbox.mbox")
    catalog = Catalog({"inbox.mbox#dispatch-2@example.org": {"title": "Round two", "year": 2023}})
    docs = load_documents(path, tmp_path, catalog)
    assert [d.meta.title for d in docs] == ["Dispatch 1: talks in Geneva", "Round two",
                                           "Dispatch 3: talks in Geneva"]


def test_a_large_mbox_is_streamed_and_capped(tmp_path, monkeypatch):
    from searchapp.ingest.formats import mail

    monkeypatch.setattr(mail, "MAX_MESSAGES", 50)
    docs = load_documents(fx.make_mbox(tmp_path / "big.mbox", count=2000))
    assert len(docs) == 50
    assert docs[0].warnings == ["only the first 50 of 2000 messages were read "
                                "(message limit per mailbox)"]


def test_mhtml_saved_page(tmp_path):
    doc = load_document(fx.make_mhtml(tmp_path / "page.mhtml"))
    assert doc.meta.title == "Port city expands"
    assert doc.meta.url == "https://news.example/port-city"
    assert doc.body[0].startswith("The port of Busan will add three container berths")
    # the page states no date: the envelope's Date header (when it was saved) is its date
    assert doc.meta.date == "2024-02-09"


# --- RTF, unsupported files, CLI and index ------------------------------------------------


def test_rtf_text_and_info(tmp_path):
    doc = load_document(fx.make_rtf(tmp_path / "notes.rtf"))
    assert (doc.meta.title, doc.meta.authors, doc.meta.date) == \
        ("Notes on the Summit", ["Ji-ho Choi"], "2020-06-15")
    assert doc.body == ["The leaders met in Singapore and agreed on a short statement.",
                        "Café talk afterwards was cordial, aides said."]


def test_unsupported_files_are_reported_by_the_scan(tmp_path):
    (tmp_path / "clip.mp3").write_bytes(b"ID3\x03" + b"\0" * 64)
    (tmp_path / "archive.tar.gz").write_bytes(b"\x1f\x8b")
    (tmp_path / ".hidden.png").write_bytes(b"x")
    (tmp_path / "catalog.toml").write_text("")
    fx.make_rtf(tmp_path / "notes.rtf")
    scan = scan_corpus(tmp_path)
    assert [p.name for p in scan.paths] == ["notes.rtf"]
    assert dict(scan.problems) == {"archive.tar.gz": "unsupported file type (.tar.gz)",
                                   "clip.mp3": "unsupported file type (.mp3)"}
    assert _loads_error(tmp_path / "clip.mp3") == "unsupported file type (.mp3)"


def test_extract_json_for_the_new_formats(tmp_path, report_pdf):
    mbox = fx.make_mbox(tmp_path / "inbox.mbox")
    rows = extract_json(report_pdf, mbox, fx.make_docx(tmp_path / "a.docx"))
    assert [r["format"] for r in rows] == ["pdf", "mbox", "mbox", "mbox", "docx"]
    pdf = rows[0]
    assert pdf["title"] == fx.TITLE and pdf["date"] == "2024-03-03"
    assert {b["page"] for b in pdf["blocks"]} == {1, 2}
    assert all(b["page"] is None for b in rows[-1]["blocks"])
    assert rows[2]["part"] == "dispatch-2@example.org"


@pytest.mark.slow
def test_index_a_folder_of_every_format(tmp_path, report_pdf):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.pdf").write_bytes(report_pdf.read_bytes())
    fx.make_docx(corpus / "costs.docx")
    fx.make_odt(corpus / "fish.odt")
    fx.make_epub(corpus / "book.epub")
    fx.make_eml(corpus / "brief.eml")
    fx.make_mbox(corpus / "inbox.mbox")
    fx.make_mhtml(corpus / "page.mhtml")
    fx.make_rtf(corpus / "notes.rtf")
    fx.make_png(corpus / "photo.png")
    fx.make_pdf(corpus / "locked.pdf", encrypt="pw")
    fx.make_zip_bomb_docx(corpus / "bomb.docx", megabytes=200)
    fx.make_scanned_pdf(corpus / "mixed.pdf", text_pages=1, pages=4)
    env = {"SEARCHAPP_CORPUS": str(corpus), "SEARCHAPP_INDEX": str(tmp_path / "index"),
           "SEARCHAPP_DATA_DIR": str(tmp_path / "data")}
    proc = run_cli("index", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    failed = {f["path"]: f["error"] for f in report["failed"]}
    assert failed["photo.png"].startswith("damaged or unreadable image")  # read as a scan
    assert failed["locked.pdf"] == "encrypted (password required)"
    assert "zip bomb" in failed["bomb.docx"]
    assert report["added"] == 9 and len(failed) == 3
    # indexed, but not whole: told apart from the files not used
    assert report["partial"] == [{"path": "mixed.pdf", "error": "3 of 4 pages have no text"}]
    failed.update((f["path"], f["error"]) for f in report["partial"])

    def search(*words):
        out = run_cli("search", "--json", "--no-history", *words, env=env)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    hits = search("diplomatic")["hits"]
    assert {h["path"] for h in hits} == {"report.pdf"}
    assert search("semiconductors")["total"] == 1  # the paragraph across the page break
    # every PDF hit knows its page: in --json, in the text output, in a bookmark's citation
    pdf_pages = {h["page"] for h in hits}
    assert pdf_pages and all(isinstance(n, int) and n >= 1 for n in pdf_pages)
    assert all(h["page"] is None for h in search("Kaesong")["hits"])  # not a PDF: no page
    hit = hits[0]
    text = run_cli("search", "diplomatic", "--no-history", env=env).stdout
    assert f"¶{hit['para']}, p. {hit['page']}" in text
    assert run_cli("bookmarks", "add", hit["key"], env=env).returncode == 0
    assert f"p. {hit['page']}" in run_cli("bookmarks", "list", env=env).stdout
    exported = run_cli("bookmarks", "export", "--format", "md", env=env).stdout
    assert f"paragraph {hit['para']}, p. {hit['page']}" in exported
    # one per mbox message (paragraphs: the dispatches differ by one word, so the results
    # show them as one story with its copies)
    assert search("delegates")["paragraphs"] == 3
    assert search("Dispatch")["paragraphs"] == 3  # each subject, a paragraph of its own
    assert search("armistice")["total"] >= 1 and search("Kaesong")["total"] == 1
    assert search("unsubscribe")["total"] == 0
    # unchanged files are not read again; the mailbox's documents all stay
    again = json.loads(run_cli("index", "--json", env=env).stdout)
    assert again["unchanged"] == 9 and again["removed"] == 0
    assert {f["path"] for f in again["failed"] + again["partial"]} == set(failed)  # told again
    assert search("delegates")["paragraphs"] == 3
    fx.make_mbox(corpus / "inbox.mbox", count=4)  # a message arrives
    grown = json.loads(run_cli("index", "--json", env=env).stdout)
    assert grown["updated"] == 1 and search("delegates")["paragraphs"] == 4
    (corpus / "inbox.mbox").unlink()
    gone = json.loads(run_cli("index", "--json", env=env).stdout)
    assert gone["removed"] == 4 and search("Geneva")["total"] == 0


def test_the_self_test_reads_a_file_of_every_format():
    """``searchapp --self-test`` (what the built app runs) writes its own PDF, DOCX, ODT,
    EPUB, e-mail and RTF without reportlab or python-docx's writer, and finds each."""
    from searchapp.cli.selftest import run_self_test

    said: list[str] = []
    assert run_self_test(gui=False, say=said.append) == 0, said
    reads = {line.split(":")[0] for line in said if line.startswith("ok   read ")}
    from searchapp.ingest.ocr.engine import unavailable as missing

    scan = set() if missing() else {"ok   read a scan"}  # .ci/run installs Tesseract
    assert reads == {f"ok   read {f}" for f in ("PDF", "DOCX", "ODT", "EPUB", "EML", "RTF")} | scan
    assert any("report.pdf', 2)" in line for line in said)  # the hit carries its page
