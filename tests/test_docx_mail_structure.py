"""What a DOCX or an e-mail holds beyond plain paragraphs, read as shown: a content
control inside a table cell, a vertically merged cell, ruby readings, and a message
forwarded whole as an attachment."""

from __future__ import annotations

from email.message import EmailMessage

from conftest import extract_json


def _texts(path) -> list[str]:
    return [p for doc in extract_json(path) for p in doc["paragraphs"]]


def test_a_table_cell_s_content_control_and_a_vertical_merge_are_read(tmp_path):
    import docx
    from docx.oxml import OxmlElement

    d = docx.Document()
    d.add_paragraph("Inspection of the river ferry Calloway Star, second deck.")
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Hull"
    table.cell(1, 1).text = "Rust on frames"
    table.cell(2, 0).text = "Engine"
    table.cell(2, 1).text = "Sound"
    table.cell(0, 0).merge(table.cell(1, 0))  # "Hull" spans the first two rows
    cell = table.cell(0, 1)._tc  # a content control holding the cell's paragraph
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    para = cell.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")[0]
    cell.remove(para)
    content.append(para)
    sdt.append(content)
    cell.append(sdt)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "Bulkhead cracked"
    run.append(t)
    para.append(run)
    path = tmp_path / "ferry.docx"
    d.save(path)
    text = _texts(path)
    assert "Hull | Bulkhead cracked" in text
    assert "Hull | Rust on frames" in text  # the merged cell as python-docx reads it
    assert "Engine | Sound" in text


def test_ruby_readings_are_not_read_into_the_text(tmp_path):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph("週末に")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(parse_xml(
        f'<w:r {w}><w:ruby><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt>'
        f'<w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby></w:r>'))
    p.add_run("へ行った。港の倉庫が開いた。")
    path = tmp_path / "ruby.docx"
    d.save(path)
    text = "\n".join(_texts(path))
    assert "週末に東京へ行った。" in text and "とうきょう" not in text


def test_a_message_forwarded_as_an_attachment_is_read(tmp_path):
    inner = EmailMessage()
    inner["Subject"] = "Quarry inspection"
    inner["From"] = "Ines Valcourt-Ode <ines@example.org>"
    inner["Date"] = "Tue, 03 Jun 2025 09:12:00 +0000"
    inner.set_content("The quarry inspection found cracked benches on level four.\n")
    outer = EmailMessage()
    outer["Subject"] = "Fwd: Quarry inspection"
    outer["From"] = "desk@example.org"
    outer["Date"] = "Wed, 04 Jun 2025 10:00:00 +0000"
    outer.set_content("See the memo below.\n")
    outer.add_attachment(inner)  # message/rfc822, no file name
    path = tmp_path / "fwd.eml"
    path.write_bytes(outer.as_bytes())
    docs = extract_json(path)
    assert any("cracked benches on level four" in p for d in docs for p in d["paragraphs"])
    assert any(d.get("title") == "Quarry inspection" for d in docs)
