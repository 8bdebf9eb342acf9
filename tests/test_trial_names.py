"""A new user's trial (session 19): files whose names or layout the earlier trials
did not try, through the command line on folders made in the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT, run_cli


def _index(tmp_path, folder, timeout: float = 300):
    env = {"SEARCHAPP_CORPUS": str(folder), "SEARCHAPP_INDEX": str(tmp_path / "index"),
           "SEARCHAPP_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "searchapp", "index", "--json", "--no-persons"],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env},
                          timeout=timeout)
    return proc, env


def test_a_file_name_that_is_not_utf8_is_reported_and_the_rest_indexed(tmp_path):
    """A name written in Latin-1 (as old archives unpack) once made the whole run fail
    writing its manifest, so nothing of the folder was ever recorded."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "call.txt").write_text("Call log\n\nThe harbour pilot Wendeline Quarrow "
                                     "confirmed the dredging contract.\n", "utf-8")
    odd = os.path.join(os.fsencode(folder), b"r\xe9sum\xe9.txt")
    with open(odd, "wb") as f:
        f.write(b"Summary\n\nThe ferry inspector found rust on the gangway.\n")
    sub = os.path.join(os.fsencode(folder), b"\xe9t\xe9")  # a folder named so, too
    os.mkdir(sub)
    with open(os.path.join(sub, b"inside.txt"), "wb") as f:
        f.write(b"Inside\n\nThe lighthouse keeper logged the storm.\n")

    proc, env = _index(tmp_path, folder)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    assert report["added"] == 1
    failed = {f["path"]: f["error"] for f in report["failed"]}
    assert set(failed) == {"r\ufffdsum\ufffd.txt", "\ufffdt\ufffd"}
    assert all("not valid UTF-8" in reason for reason in failed.values())
    assert "searchapp: r\ufffdsum\ufffd.txt: name is not valid UTF-8" in proc.stderr

    found = run_cli("search", "--json", "--no-history", "Quarrow", env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] == 1
    again, _ = _index(tmp_path, folder)  # the manifest was written: nothing read again
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["unchanged"] == 1


def test_a_text_file_of_one_line_is_indexed_whatever_its_script(tmp_path):
    """A one-line note was taken for its own title and the file refused as 'no article
    text found'; a one-line Japanese text ending in '。' (in Shift_JIS) too."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("Meeting with Wendeline Quarrow at the harbour office",
                                     "utf-8")
    (folder / "tokyo.txt").write_bytes(
        "港区の防災計画について、区長は予算を三百億円に増やすと発表した。\n".encode("shift_jis"))
    proc, env = _index(tmp_path, folder)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["failed"] == [] and report["added"] == 2
    for query in ("Quarrow", "防災計画"):
        found = run_cli("search", "--json", "--no-history", query, env=env)
        assert json.loads(found.stdout)["total"] == 1, query
    docs = {d["path"]: d for d in (json.loads(line) for line in run_cli(
        "extract", "--json", "--no-persons", str(folder / "todo.txt"),
        str(folder / "tokyo.txt")).stdout.splitlines())}
    assert docs[str(folder / "todo.txt")]["title"] == \
        "Meeting with Wendeline Quarrow at the harbour office"
    assert docs[str(folder / "tokyo.txt")]["title"] == ""  # a sentence, not a headline


def test_a_file_saved_under_another_formats_extension_is_read_as_what_it_is(tmp_path):
    """A PDF named .txt was refused as 'binary data (PDF document)', an HTML page named
    .pdf as a damaged PDF, a DOCX named .odt as a damaged ODT: each is read as what its
    bytes are; a text named .pdf is still a damaged PDF, said so."""
    import format_fixtures as fx

    made = tmp_path / "made"
    made.mkdir()
    folder = tmp_path / "docs"
    folder.mkdir()
    fx.make_pdf(made / "a.pdf", ["The salvage crew of the Oderwind raised the hull on "
                                 "Tuesday after three weeks of work in the estuary."])
    (folder / "salvage.txt").write_bytes((made / "a.pdf").read_bytes())
    (folder / "page.pdf").write_text(
        "<!DOCTYPE html><html><head><title>Quay strike</title></head><body><article>"
        "<h1>Quay strike</h1><p>Stevedores led by Ilvana Perrault-Szymanski walked out at "
        "dawn over the new shift rota, halting the ferries.</p></article></body></html>",
        "utf-8")
    fx.make_docx(made / "b.docx")
    (folder / "memo.odt").write_bytes((made / "b.docx").read_bytes())
    (folder / "notes.pdf").write_text("Just some notes about the strike.\n", "utf-8")

    proc, env = _index(tmp_path, folder)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["added"] == 3
    assert [f["path"] for f in report["failed"]] == ["notes.pdf"]
    assert "PDF" in report["failed"][0]["error"]
    for query, path in (("Oderwind", "salvage.txt"), ("Perrault-Szymanski", "page.pdf"),
                        ('"Alliance Costs in Review"', "memo.odt")):
        found = json.loads(run_cli("search", "--json", "--no-history", query, env=env).stdout)
        assert [h["path"] for h in found["hits"]][:1] == [path], query


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_with_a_document_name_is_reported_not_waited_on(tmp_path):
    """A named pipe called 'feed.txt' made the indexer wait forever for a writer."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "call.txt").write_text("Call log\n\nThe harbour pilot Wendeline Quarrow "
                                     "confirmed the dredging contract.\n", "utf-8")
    os.mkfifo(folder / "feed.txt")
    proc, env = _index(tmp_path, folder, timeout=60)  # it waited: TimeoutExpired
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["added"] == 1
    assert report["failed"] == [{"path": "feed.txt", "error": "not a regular file (named pipe)"}]


def test_the_attachments_of_a_mail_are_searched_as_documents_of_its_file(tmp_path):
    """A researcher's mail carries the documents: a text file and a PDF attached to an
    .eml (and to a message of an .mbox) were never read."""
    from email.message import EmailMessage

    import format_fixtures as fx

    folder = tmp_path / "mail"
    folder.mkdir()
    fx.make_pdf(tmp_path / "minutes.pdf", ["The dredging panel of Oster Haven met twice "
                                          "and approved the Quellmoor contract unanimously."])
    msg = EmailMessage()
    msg["From"] = "Corvin Aldermere <corvin@example.org>"
    msg["To"] = "desk@example.net"
    msg["Subject"] = "Tender papers"
    msg["Date"] = "Tue, 17 Jun 2025 16:42:10 +0200"
    msg.set_content("Hi,\n\nThe papers are attached, read them before Thursday.\n\nCorvin\n")
    msg.add_attachment(b"Notes on the tender.\n\nOne panel member, Isolde Brantwick, once "
                       b"sat on the board of the bidder.\n", maintype="text",
                       subtype="plain", filename="notes.txt")
    msg.add_attachment((tmp_path / "minutes.pdf").read_bytes(), maintype="application",
                       subtype="pdf", filename="minutes.pdf")
    msg.add_attachment(b"%PDF-1.4 cut short", maintype="application", subtype="pdf",
                       filename="broken.pdf")
    (folder / "tender.eml").write_bytes(bytes(msg))
    (folder / "box.mbox").write_bytes(b"From corvin@example.org Tue Jun 17 16:42:10 2025\n"
                                      + bytes(msg).replace(b"Tender papers", b"Boxed papers")
                                      + b"\n")

    proc, env = _index(tmp_path, folder)
    assert proc.returncode == 0, proc.stderr
    assert "broken.pdf not read: damaged or truncated PDF" in proc.stderr
    for query, titles in (
            ("Brantwick", {"notes.txt (attached to: Tender papers)",
                           "notes.txt (attached to: Boxed papers)"}),
            ("Quellmoor", None)):
        found = json.loads(run_cli("search", "--json", "--no-history", "--all-copies", query,
                                   env=env).stdout)
        assert {h["path"] for h in found["hits"]} == {"tender.eml", "box.mbox"}, query
        if titles:
            assert {h["title"] for h in found["hits"]} == titles
            assert {h["date"] for h in found["hits"]} == {"2025-06-17"}
    body = json.loads(run_cli("search", "--json", "--no-history", "Thursday", env=env).stdout)
    assert body["total"] >= 1 and body["hits"][0]["title"] in ("Tender papers", "Boxed papers")


def _tracked(paragraph, inserted: str, deleted: str) -> None:
    """Append to a python-docx paragraph a tracked insertion and a tracked deletion."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for tag, text_tag, text in (("w:del", "w:delText", deleted), ("w:ins", "w:t", inserted)):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1" if tag == "w:del" else "2")
        change.set(qn("w:author"), "Editor")
        run, t = OxmlElement("w:r"), OxmlElement(text_tag)
        t.text = text
        run.append(t)
        change.append(run)
        paragraph._p.append(change)


def test_a_docx_with_tracked_changes_and_content_controls_reads_as_shown(tmp_path):
    """Text inserted with changes tracked (w:ins), in a content control (w:sdt) or in a
    table cell's tracked insertion was lost; deleted text stays out."""
    import docx
    from docx.oxml import OxmlElement

    d = docx.Document()
    d.add_heading("Ferry safety memo", 1)
    _tracked(d.add_paragraph("The inspectors found "), "severe corrosion", "minor rust")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Deck"
    _tracked(table.cell(0, 1).paragraphs[0], "Bulkhead cracked", "Sound")
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(content)
    inner = d.add_paragraph("Signed off by the harbour master Oriel Fenwick-Assad.")
    content.append(inner._p)  # the paragraph moves into the content control
    d.element.body.insert(len(d.element.body) - 1, sdt)  # before the section properties
    path = tmp_path / "memo.docx"
    d.save(path)

    from conftest import extract_json

    text = [p for doc in extract_json(path) for p in doc["paragraphs"]]
    assert "The inspectors found severe corrosion" in text
    assert "Deck | Bulkhead cracked" in text
    assert "Signed off by the harbour master Oriel Fenwick-Assad." in text
    assert not any("minor rust" in p or "Sound" in p for p in text)


def test_a_folder_whose_name_is_not_utf8_is_refused_in_one_line(tmp_path):
    """'folders add' of a folder named in Latin-1 ended in a traceback writing the
    folder list; --corpus is refused alike."""
    odd = os.path.join(os.fsencode(tmp_path), b"dossier-\xe9t\xe9")
    os.mkdir(odd)
    with open(os.path.join(odd, b"note.txt"), "wb") as f:
        f.write(b"Note\n\nThe lock keeper counted the barges.\n")
    folder = os.fsdecode(odd)
    env = {"SEARCHAPP_DATA_DIR": str(tmp_path / "data")}
    for args in (("folders", "add", folder), ("index", "--corpus", folder)):
        proc = run_cli(*args, env=env)
        assert proc.returncode != 0 and "Traceback" not in proc.stderr, args
        assert proc.stderr.strip().count("\n") == 0, proc.stderr
        assert "dossier-\ufffdt\ufffd has a name that is not valid UTF-8" in proc.stderr
    listed = run_cli("folders", "list", env=env)
    assert listed.returncode == 0 and "dossier" not in listed.stdout


def test_a_sites_name_in_the_title_is_its_source_rather_than_its_host_name(tmp_path):
    """An AMP page with a canonical link and no site-name tag was sourced 'host.example'
    though its title and its home link name the site."""
    from conftest import extract_json

    page = tmp_path / "amp.html"
    page.write_text(
        '<!doctype html><html amp lang="en"><head><meta charset="utf-8">'
        "<title>Pier closed after storm cracks pylons - Gullhaven Courier</title>"
        '<link rel="canonical" href="https://gullhavencourier.example/2025/02/03/pier">'
        '</head><body><header><a href="/">Gullhaven Courier</a></header><article>'
        "<h1>Pier closed after storm cracks pylons</h1><p>The council closed the north "
        "pier on Monday after engineers found cracks in four of its pylons, the harbour "
        "master Edda Quillfeather said.</p><p>Repairs are expected to take six weeks and "
        "cost about 1.2 million crowns, according to the council.</p></article>"
        "</body></html>", "utf-8")
    (doc,) = extract_json(page)
    assert doc["source"] == "Gullhaven Courier"
    assert doc["title"] == "Pier closed after storm cracks pylons"


@pytest.mark.parametrize("title,site", [
    ("港口自动化改造提速 码头工人担忧岗位_海湾财经网", "海湾财经网"),
    ("港湾の自動化が加速 労組は反発｜湾岸経済新報", "湾岸経済新報"),
])
def test_a_cjk_sites_name_after_an_underscore_or_a_full_width_bar_is_its_source(
        tmp_path, title, site):
    """'标题_网站' and 'タイトル｜サイト' titles gave no source."""
    from conftest import extract_json

    headline = title.replace("_" + site, "").replace("｜" + site, "")
    page = tmp_path / "page.html"
    page.write_text(
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><article>'
        f"<h1>{headline}</h1><p>{'港口管理局周一宣布，将在明年完成全部四个码头的自动化改造。' * 3}"
        f"</p><p>{'工会表示，此前并未就该计划征求工人意见。' * 3}</p></article></body></html>",
        "utf-8")
    (doc,) = extract_json(page)
    assert (doc["source"], doc["title"]) == (site, headline)


@pytest.mark.parametrize("line", [
    "The café owner's naïve plan for the Bärenfels festival was dropped in March.",
    "Résumé of the meeting: the naïve plan for the Bärenfels dam was rejected.",
])
def test_an_english_note_with_french_and_german_loanwords_in_windows_1252(tmp_path, line):
    """A short windows-1252 note whose loanwords come from two languages (ï of French,
    ä of German) was read as Central European ('naďve'): no one alphabet held both, and
    Slovak holds é, ä and ď.  Each borrowed word is now judged by its own language."""
    from searchapp.ingest.read import decode_bytes

    raw = (line + "\n").encode("cp1252")
    decoded = decode_bytes(raw)
    assert (decoded.encoding, decoded.text.strip()) == ("cp1252", line)
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "note.txt").write_bytes(raw)
    proc, env = _index(tmp_path, folder)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(run_cli("search", "--json", "--no-history", "naïve", env=env).stdout)
    assert found["total"] == 1
