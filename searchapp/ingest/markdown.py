"""Markdown files into blocks (kind, text): headings, quotes, paragraphs and code."""

from __future__ import annotations

from markdown_it import MarkdownIt

from searchapp.ingest import text as textclean
from searchapp.ingest.metadata import Metadata, take_front_matter, take_metadata_lines

_MD = MarkdownIt("commonmark")


def markdown_blocks(text: str, meta: Metadata) -> list[tuple[str, str]]:
    """A Markdown file's blocks as (kind, text); its front matter and header lines fill
    ``meta``, a first heading is its title."""
    tokens = _MD.parse(take_front_matter(text, meta))
    raw: list[tuple[str, str]] = []
    kind = "body"
    for tok in tokens:
        if tok.type == "heading_open":
            kind = "heading"
        elif tok.type == "blockquote_open":
            kind = "quote"
        elif tok.type in ("heading_close",):
            kind = "body"
        elif tok.type == "blockquote_close":
            kind = "body"
        elif tok.type == "inline":
            plain = "".join(_md_plain(c) for c in (tok.children or []))
            raw.append((kind, textclean.normalize_space(plain)))
        elif tok.type in ("fence", "code_block"):
            raw.append(("body", textclean.normalize_space(tok.content)))
    body = take_metadata_lines([t for _, t in raw], meta)
    kept = set(body)
    blocks = []
    for k, t in raw:
        if t not in kept or not t:
            continue
        if k == "heading":
            blocks.append(("heading", textclean.repair_glued_words(t)))
        else:
            cls = textclean.classify([t])
            if cls:
                blocks.append((cls[0].kind if cls[0].kind != "heading" else "body", cls[0].text))
    if blocks and blocks[0][0] == "heading":
        meta.title = meta.title or blocks[0][1]
    return blocks


def _md_plain(tok) -> str:
    if tok.type in ("text", "code_inline"):
        return tok.content
    if tok.type in ("softbreak", "hardbreak"):
        return " "
    if tok.type == "image":
        return ""
    return ""
