"""A live blog's posts keep their times: each post's first paragraph starts with the
time its header shows (a relative "2 hours ago" as the stamp's own datetime), so a
passage can be cited with when it was posted; an article's lone date line is not
a post and gains nothing."""

from __future__ import annotations

from pathlib import Path

from searchapp.ingest.pipeline import load_document

POSTS = [
    ("2025-06-01T09:05:00Z", "09:05 BST",
     "Polling stations opened across the region at seven, with queues reported outside "
     "several schools in the north of the city."),
    ("2025-06-01T10:20:00Z", "10:20 BST",
     "The electoral commission says turnout by ten o'clock was higher than at the last "
     "election, at just under eighteen percent."),
    ("2025-06-01T11:45:00Z", "2 hours ago",
     "A councillor told reporters that two polling stations had run out of ballot papers "
     "and were waiting for a delivery from the town hall."),
    ("2025-06-01T12:30:00Z", "12:30 BST",
     "Voting was briefly suspended at one station after a fire alarm; it resumed within "
     "twenty minutes, officials said."),
]


def _load(tmp_path: Path, html: str) -> list[tuple[str, str]]:
    path = tmp_path / "page.html"
    path.write_text("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                    "<title>Local elections live</title></head><body>"
                    "<h1>Local elections live</h1>" + html + "</body></html>",
                    encoding="utf-8")
    return [(p.kind, p.text) for p in load_document(path).paragraphs if p.kind == "body"]


def test_each_post_keeps_its_time_with_its_first_paragraph(tmp_path):
    html = "<div class='live-feed'>" + "".join(
        f"<article class='post'><header><time datetime='{when}'>{shown}</time>"
        f"<h3>Update</h3></header><p>{text}</p><p>More on this soon.</p></article>"
        for when, shown, text in POSTS) + "</div>"
    body = [t for _, t in _load(tmp_path, html)]
    for (_, shown, text) in POSTS:
        stamp = "2025-06-01 11:45" if shown == "2 hours ago" else shown
        assert f"{stamp} — {text}" in body
    assert not any(t in ("09:05 BST", "2 hours ago") for t in body)


def test_a_stamp_named_by_its_class_opens_a_post_too(tmp_path):
    html = "<section>" + "".join(
        f"<div class='entry'><span class='entry-timestamp'>{shown}</span><p>{text}</p></div>"
        for _, shown, text in POSTS if shown != "2 hours ago") + "</section>"
    body = [t for _, t in _load(tmp_path, html)]
    assert body[0] == f"09:05 BST — {POSTS[0][2]}" and len(body) == 3


def test_an_article_with_one_time_line_is_left_as_it_is(tmp_path):
    html = ("<article><div class='meta'><time datetime='2025-06-01T09:05:00Z'>09:05 BST"
            "</time></div>" + "".join(f"<p>{text}</p>" for _, _, text in POSTS) + "</article>")
    body = [t for _, t in _load(tmp_path, html)]
    assert body == [text for _, _, text in POSTS]


def test_two_stamped_blocks_are_no_live_blog(tmp_path):
    html = "<div>" + "".join(
        f"<div class='teaser'><time>{shown}</time><p>{text}</p></div>"
        for _, shown, text in POSTS[:2]) + "</div>"
    body = [t for _, t in _load(tmp_path, html)]
    assert not any(t.startswith(("09:05", "10:20")) for t in body)


def test_posts_whose_times_are_paragraphs_keep_them_as_paragraphs(tmp_path):
    """A stamp written as a paragraph stays one, the first post's too (a page of posts:
    its times are content, not an article's date line)."""
    html = "<div class='feed'>" + "".join(
        f"<div class='post'><p class='post-time'>{shown}</p><p>{text}</p></div>"
        for _, shown, text in POSTS if shown != "2 hours ago") + "</div>"
    body = [t for _, t in _load(tmp_path, html)]
    assert body[:2] == ["09:05 BST", POSTS[0][2]] and "12:30 BST" in body
