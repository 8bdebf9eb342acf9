"""Loaders and encodings, through ``searchapp extract`` and the core API."""

from __future__ import annotations

import gzip
import json

import pytest
from conftest import HTML_PAGES, SEEDS, extract_json, run_cli

from searchapp.ingest.read import LoadError, decode_bytes, iter_corpus, read_source

KOREAN = "윤석열 대통령과 시진핑 주석이 정상회의에서 만났다. 한중 관계의 미래에 대해 논의했다."
CHINESE = "习近平主席在杭州会见了韩国总理韩德洙。双方讨论了中韩关系的发展与合作前景。"
JAPANESE = "岸田文雄首相は日米韓首脳会談に出席した。三か国の協力について話し合った。"
FRENCH = "Le président coréen a rencontré le dirigeant chinois à Lima; élégance, façade, naïveté — “déjà vu”."


@pytest.mark.parametrize(
    "encoding,text",
    [
        ("utf-8", KOREAN + " " + FRENCH),
        ("utf-16", KOREAN + " " + FRENCH),  # Python writes a BOM
        ("cp1252", FRENCH * 3),
        ("euc-kr", KOREAN * 3),
        ("gb18030", CHINESE * 3),
        ("shift_jis", JAPANESE * 3),
    ],
)
def test_each_encoding_decodes(tmp_path, encoding, text):
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(f"Title line\n\n{text}\n".encode(encoding))
    [doc] = extract_json(path)
    body = " ".join(doc["paragraphs"])
    assert text.split()[0] in body
    assert text.strip()[-10:] in body
    assert "\ufffd" not in body


def test_html_with_declared_charset(tmp_path):
    html = f"""<html><head><meta charset="euc-kr"><title>한중 정상회의</title></head>
    <body><article><h1>한중 정상회의</h1><p>{KOREAN}</p><p>{KOREAN}</p></article></body></html>"""
    path = tmp_path / "korean.html"
    path.write_bytes(html.encode("euc-kr"))
    assert read_source(path).encoding == "cp949"
    [doc] = extract_json(path)
    assert KOREAN[:20] in " ".join(doc["paragraphs"])


def test_html_gz_is_read(tmp_path):
    [page] = [p for p in HTML_PAGES if p.name == "lima-summit.html.gz"]
    raw = gzip.open(page).read()
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(raw))
    [doc] = extract_json(path)
    assert len(" ".join(doc["paragraphs"])) > 300
    assert doc["source"] == "The Harbour Ledger" and doc["authors"] == ["Daniel Ortiz"]
    assert not any("Subscribe" in p or "All rights reserved" in p for p in doc["paragraphs"])


def test_markdown_headings_and_text(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Summit notes\n\nBy Jane Roe\n\n## Lima\n\nPresident **Yoon** met "
                    "[Xi Jinping](https://example.org) in Lima.\n\n- one point\n- another point\n",
                    encoding="utf-8")
    [doc] = extract_json(path)
    assert doc["title"] == "Summit notes"
    assert doc["authors"] == ["Jane Roe"]
    assert "President Yoon met Xi Jinping in Lima." in doc["paragraphs"]
    kinds = {b["text"]: b["kind"] for b in doc["blocks"]}
    assert kinds["Lima"] == "heading"
    assert {"Xi Jinping", "Yoon Suk Yeol"} <= set(doc["persons"])


def test_bad_files_are_reported_and_others_still_print(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    missing = tmp_path / "missing.txt"
    proc = run_cli("extract", "--json", str(empty), str(SEEDS["000"]), str(binary), str(missing))
    assert proc.returncode != 0
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [d["path"] for d in lines] == ["000_0dc450cfe91bf595.txt"]
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 3
    assert "empty.txt: empty file" in errors[0]
    assert "binary.txt: binary data" in errors[1]
    assert "missing.txt" in errors[2]
    assert "Traceback" not in proc.stderr


def test_truncated_html_still_gives_text(tmp_path):
    page = ("<html><head><title>Cut off</title></head><body><nav><a href='/'>Home</a></nav>"
            "<article><h1>Cut off</h1>" + "<p>The summit in Lima ended with a statement on "
            "regional security and trade between the two countries.</p>" * 6 + "<p>And then the fi")
    path = tmp_path / "truncated.html"
    path.write_text(page, encoding="utf-8")
    [doc] = extract_json(path)
    assert any("summit in Lima" in p for p in doc["paragraphs"])
    assert "Home" not in doc["paragraphs"]


def test_huge_single_line_is_split_into_paragraphs(tmp_path):
    sentence = "Officials in Seoul and Beijing discussed the summit agenda at length. "
    path = tmp_path / "huge.txt"
    path.write_text(sentence * 30000, encoding="utf-8")  # ~2 MB on one line
    [doc] = extract_json(path)
    assert len(doc["paragraphs"]) > 100
    assert all(len(p) <= 4000 for p in doc["paragraphs"])
    assert {"Seoul", "Beijing"} <= set(doc["places"])


def test_decode_rejects_binary_and_detects_utf16_without_bom():
    with pytest.raises(LoadError):
        decode_bytes(b"\x00\x01\x02\x03" * 100)
    assert decode_bytes("Hello Seoul".encode("utf-16-le")).text == "Hello Seoul"


def test_iter_corpus_skips_hidden_and_catalog(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "catalog.toml").write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("x")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    (tmp_path / "clip.mp3").write_bytes(b"ID3\x03")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")  # a page image: read by OCR
    assert [p.relative_to(tmp_path).as_posix() for p in iter_corpus(tmp_path)] == [
        "a.txt", "image.png", "sub/b.html"]
