"""An e-mail's own text is its body; the earlier messages it quotes (``>`` lines, the
"On ... wrote:" line above them, an "Original Message" block under a top-posted reply)
are kept and searchable as ``quote`` paragraphs -- the kind a web page's blockquote gets
-- their markers stripped, one paragraph per quoted paragraph and depth, never the
sender's own text."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from searchapp.ingest.pipeline import load_document

HEADERS = ("From: Ines Okafor <ines@example.net>\nTo: Desk <desk@example.net>\n"
           "Subject: Re: Port figures\nDate: Wed, 04 Mar 2026 10:15:00 +0100\n"
           "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n")


def _eml(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "reply.eml"
    path.write_bytes((HEADERS + body).encode("utf-8"))
    doc = load_document(path)
    return [(p.kind, p.text) for p in doc.paragraphs if p.kind not in ("title", "byline")]


def test_a_reply_quoting_below_keeps_its_own_text_as_body_and_the_quote_apart(tmp_path):
    paras = _eml(tmp_path, (
        "Hello Marek,\n\nThe harbour office confirmed the tonnage this morning. The figure "
        "covers bulk cargo only.\n\nRegards,\nInes\n\n"
        "On Tue, 3 Mar 2026 at 17:40, Marek Lind <marek@example.net> wrote:\n"
        "> Ines, could you check the tonnage with the harbour office before\n"
        "> we run it? It looks high to me.\n>\n"
        "> And ask whether the ferry strike is over.\n>\n> Marek\n"))
    assert paras == [
        ("body", "Hello Marek,"),
        ("body", "The harbour office confirmed the tonnage this morning. The figure covers "
                 "bulk cargo only."),
        ("body", "Regards,"), ("body", "Ines"),
        ("quote", "On Tue, 3 Mar 2026 at 17:40, Marek Lind <marek@example.net> wrote:"),
        ("quote", "Ines, could you check the tonnage with the harbour office before we run "
                  "it? It looks high to me."),
        ("quote", "And ask whether the ferry strike is over."),
        ("quote", "Marek")]


def test_a_top_posted_reply_with_nested_quotes_keeps_each_depth_apart(tmp_path):
    paras = _eml(tmp_path, (
        "Agreed, we hold the story until Friday.\n\n"
        "On 3 March 2026 17:40, Marek Lind wrote:\n"
        "> Shall we wait for the ministry?\n"
        ">\n"
        "> On 3 March 2026 12:02, Sara Holm wrote:\n"
        "> > The ministry says it will publish the\n"
        "> > figures on Friday.\n"
        ">> Its spokesman said \"nothing before Friday\".\n"))
    assert paras[0] == ("body", "Agreed, we hold the story until Friday.")
    assert paras[1:] == [
        ("quote", "On 3 March 2026 17:40, Marek Lind wrote:"),
        ("quote", "Shall we wait for the ministry?"),
        ("quote", "On 3 March 2026 12:02, Sara Holm wrote:"),
        ("quote", "The ministry says it will publish the figures on Friday."),
        ("quote", "Its spokesman said \"nothing before Friday\".")]
    assert not any(">" in text for _, text in paras)


def test_an_original_message_block_under_a_top_posted_reply_is_quoted(tmp_path):
    for separator in ("-----Original Message-----\n", ""):
        paras = _eml(tmp_path, (
            "Thanks, the numbers are in the draft now.\n\n" + separator +
            "From: Marek Lind\nSent: Tuesday, March 3, 2026 5:40 PM\nTo: Ines Okafor\n"
            "Subject: Port figures\n\nCould you check the tonnage with the harbour office?\n"))
        assert paras[0] == ("body", "Thanks, the numbers are in the draft now.")
        assert {k for k, _ in paras[1:]} == {"quote"}
        assert ("quote", "Could you check the tonnage with the harbour office?") in paras


def test_a_message_that_mentions_from_or_wrote_is_all_body(tmp_path):
    paras = _eml(tmp_path, (
        "From: the harbour office, figures for March.\n\n"
        "The minister wrote: the port stays open.\n\nIt reopened on Monday.\n"))
    assert {k for k, _ in paras} == {"body"}


def test_an_html_reply_keeps_its_blockquote_as_a_quote(tmp_path):
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "Ines Okafor <ines@example.net>", \
        "desk@example.net", "Re: Port figures"
    msg["Date"] = "Wed, 04 Mar 2026 10:15:00 +0100"
    msg.set_content("plain version")
    msg.add_alternative(
        "<html><body><div dir='ltr'><p>The harbour office confirmed the tonnage this morning; "
        "the figure covers bulk cargo only, not the containers, which it counts apart.</p>"
        "</div><div class='gmail_quote'><div class='gmail_attr'>On Tue, 3 Mar 2026 at 17:40, "
        "Marek Lind &lt;marek@example.net&gt; wrote:<br></div><blockquote class='gmail_quote'>"
        "<p>Could you check the tonnage with the harbour office before we run it? It looks "
        "high to me, and the desk wants a second source on it.</p></blockquote></div>"
        "</body></html>", subtype="html")
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(msg))
    paras = [(p.kind, p.text) for p in load_document(path).paragraphs
             if p.kind not in ("title", "byline")]
    assert paras[0][0] == "body" and paras[0][1].startswith("The harbour office confirmed")
    assert ("quote", "Could you check the tonnage with the harbour office before we run it? "
            "It looks high to me, and the desk wants a second source on it.") in paras
    assert all(k == "quote" for k, t in paras if "Marek" in t or "Could you" in t)


@pytest.mark.slow  # a real index build and the persons stage
def test_quoted_text_is_found_as_a_quote_and_never_the_senders_words(tmp_path):
    from searchapp.config import Settings
    from searchapp.index.persons_stage import resolve_persons
    from searchapp.index.update import update_index
    from searchapp.model import SearchRequest
    from searchapp.search.engine import SearchEngine

    corpus = tmp_path / "mail"
    corpus.mkdir()
    (corpus / "reply.eml").write_bytes((HEADERS + (
        "Marek, the harbour office confirmed the tonnage this morning.\n\n"
        "On Tue, 3 Mar 2026 at 17:40, Marek Lind <marek@example.net> wrote:\n"
        "> The harbour master, Tove Sandqvist, told me \"the tonnage figure is wrong\"\n"
        "> when we spoke on Monday.\n")).encode("utf-8"))
    s = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    update_index(s)
    resolve_persons(s)
    with SearchEngine.open(s) as engine:
        quoted = engine.search(SearchRequest(query='"tonnage figure is wrong"'))
        own = engine.search(SearchRequest(query="confirmed tonnage"))
    assert [h.kind for h in quoted.hits] == ["quote"] and ">" not in quoted.hits[0].text
    assert [h.kind for h in own.hits] == ["body"]
    speakers = {q["speaker"] for h in quoted.hits for q in h.quotes}
    assert "Ines Okafor" not in speakers


@pytest.mark.parametrize("body, closing", [
    ("Hello all,\n\nThe options we discussed:\n--\nOption one: widen the quay.\nOption two: "
     "dredge the berth.\n--\n\nLet me know which you prefer by Friday.\nAnn\n",
     "Let me know which you prefer by Friday."),
    ("The vote was close\n--\nseven to five\n--\nand the chair abstained.\n",
     "and the chair abstained.")])
def test_dash_lines_inside_a_message_are_no_signature(tmp_path, body, closing):
    """Two bare "--" lines set text apart inside the message: neither is the signature
    delimiter, and the text under the last one stays the sender's body."""
    paras = _eml(tmp_path, body)
    assert not [t for k, t in paras if k == "credit"]
    assert any(k == "body" and closing in t for k, t in paras)


def test_the_standard_delimiter_still_opens_the_signature(tmp_path):
    paras = _eml(tmp_path, "The figures are in.\n--\nsee above\n\nThanks,\n-- \nAnn Roe\n"
                           "Harbour desk\n")
    assert ("credit", "Ann Roe · Harbour desk") in paras


def _html_eml(tmp_path: Path, html: str) -> list[tuple[str, str]]:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "Ines Okafor <ines@example.net>", \
        "desk@example.net", "Site visits"
    msg.set_content("plain version")
    msg.add_alternative(f"<html><body>{html}</body></html>", subtype="html")
    path = tmp_path / "visits.eml"
    path.write_bytes(bytes(msg))
    return [(p.kind, p.text) for p in load_document(path).paragraphs
            if p.kind not in ("title", "byline")]


def test_an_html_paragraph_opening_with_a_dash_is_a_list_item_not_a_signature(tmp_path):
    paras = _html_eml(tmp_path, "<p>The schedule for the week is set.</p><p>-- Wednesday: "
                                "inspection by the county engineer.</p><p>Thanks, Ann</p>")
    assert not [t for k, t in paras if k == "credit"]
    assert ("body", "-- Wednesday: inspection by the county engineer.") in paras


def test_an_html_delimiter_on_a_line_of_its_own_opens_the_signature(tmp_path):
    paras = _html_eml(tmp_path, "<p>The schedule for the week is set.</p>"
                                "<p>-- <br>Ann Roe<br>County desk</p>")
    assert [k for k, t in paras if "Ann Roe" in t] == ["credit"]
