"""E-mail: ``.eml`` messages, ``.mbox`` mailboxes (one document per message) and
``.mhtml`` saved web pages, with the standard library's :mod:`email`.

* The body is the message's HTML part when it has one, else its plain-text
  part (:meth:`email.message.EmailMessage.get_body`): of a
  multipart/alternative only one version is read, so the same text is never
  indexed twice; attachments in a format searchapp reads are documents of their
  own (:mod:`searchapp.ingest.formats.attachments`, ``.eml`` and ``.mbox``).
* Charsets come from the MIME headers (``Content-Type: ...; charset=``),
  with our detector (:func:`searchapp.ingest.read.decode_bytes`) for parts
  that declare none or a wrong one.  Headers are RFC 2047-decoded.
* HTML goes through our web-page cleaner; then newsletter furniture —
  "Unsubscribe", "Manage preferences", "View in browser", "You received
  this because...", postal addresses — is dropped, and the rest of the
  message after such a footer starts in its second half.
* Subject is the title, the sender's name the source and author, the Date
  header the date (for ``.mhtml`` the page's own metadata first: its Date
  header is when the page was saved, the date of a page that gives none).
* An ``.mbox`` is split at its ``From `` lines (mboxrd ``>From`` quoting
  undone), at most :data:`MAX_MESSAGES` messages per file; each message's
  ``part`` is its Message-ID (else its position), so each has its own id.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Callable
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from searchapp.ingest import text as textclean
from searchapp.ingest.bylines import author_names
from searchapp.ingest.formats.extracted import Extracted
from searchapp.ingest.html.extract import extract_article
from searchapp.ingest.metadata import Metadata, parse_date
from searchapp.ingest.read import LoadError, decode_bytes
from searchapp.lexicon import WEEKDAYS

MAX_MESSAGES = 5000
#: What else a message holds, as documents (its attachments): given the parsed message
#: and its body's document (formats.extract passes the attachment reader).
More = Callable[[EmailMessage, Extracted], list[Extracted]]

# lines that only a newsletter's footer has: the rest of the message after one goes too
_FOOTER = re.compile(
    r"\b(?:unsubscribe|manage (?:your )?(?:e-?mail |subscription )?(?:preferences|settings)|"
    r"update (?:your )?(?:e-?mail )?preferences|e-?mail preferences|"
    r"view (?:this (?:e-?mail|message|newsletter) |it )?(?:in (?:your |a |the )?browser|online)|"
    r"you(?:'re| are) receiving this|you received this|this (?:e-?mail|message) was sent to|"
    r"no longer (?:wish|want) to receive)\b", re.I)
# furniture that may also sit at the top: dropped alone
_FURNITURE = re.compile(
    r"^\W*(?:forward (?:this (?:e-?mail )?)?to a friend|add us to your address book|"
    r"opt[ -]out(?: here)?|having trouble (?:viewing|reading) this)\b.{0,60}$", re.I)
_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w.]*\s+){1,4}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|"
    r"Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Way|Place|Pl\.?|Square|Suite|Floor)\b.*?"
    r"(?:\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b\d{4,6}\b)")
# "From sender Mon Apr  1 09:00:00 2024": a body line "From the floor..." is not one
_DAYS = "|".join(day[:3] for day in WEEKDAYS).encode("ascii")  # asctime's "Mon"
_FROM_LINE = re.compile(rb"^From \S+ +(?:" + _DAYS + rb")\b[^\n]*\n", re.M)
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.M)
#: The kind of a paragraph an e-mail quotes from an earlier message: the kind a web
#: page's ``<blockquote>`` gets (searchable, shown apart from the body, never the
#: sender's own text).
QUOTED_KIND = "quote"
# a quoted line's markers: ">", "> >", ">>" (and the space after them)
_QUOTE_MARKS = re.compile(r"^[ \t]*>(?:[ \t]*>)*[ \t]?")
# the line a mail program writes above the message it quotes, in the languages most
# programs ship ("wrote:", "schrieb:", "a écrit :", "escribió:", "schreef:", "ha scritto:",
# "escreveu:", "napisał:")
_WROTE = re.compile(r"\b(?:wrote|writes|schrieb|a écrit|escribió|schreef|ha scritto|escreveu|"
                    r"napisał\(a\)|napisał)\s*:\s*$", re.I)
# "-----Original Message-----", "---------- Forwarded message ---------"
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(?:original message|forwarded message|"
                       r"ursprüngliche nachricht|message d'origine)\s*-{2,}\s*$", re.I)
#: The signature's delimiter: "-- " (RFC 3676, section 4.3: dash, dash, space) and "--"
#: as many programs and people type it without the space; a line that is only that.
_SIG_DELIMITER = re.compile(r"^--[ \t]?$")
#: The most lines a signature under a delimiter runs to (the convention is four; a
#: company's is longer): a "--" line with more of the sender's text after it is prose.
SIGNATURE_LINES = 10
#: An HTML signature delimiter on a line of its own inside a block ("<p>-- <br>Ann Lee"):
#: marked (a word no message writes), since the block's text joins its lines.
_MARK = "searchapp-signature-mark"
_DELIMITER_BR = re.compile(r"(^|>)\s*--(?:[ \t]|&nbsp;|&#160;)?\s*<br\s*/?>", re.I)
#: The kind of the signature's paragraph: who signed, not the message's text.
SIGNATURE_KIND = "credit"
_HEADER_FROM = re.compile(r"^\s*\*?(?:from|von|de)\*?\s*:\s*\S", re.I)
_HEADER_FIELD = re.compile(r"^\s*\*?(sent|date|to|subject|gesendet|an|betreff|envoyé|à|objet)"
                           r"\*?\s*:", re.I)


def load_eml(raw: bytes) -> Extracted:
    """One e-mail message (its body; see :func:`load_eml_with`)."""
    return _message(_parse(raw), mhtml=False)


def load_eml_with(raw: bytes, more: More) -> list[Extracted]:
    """One e-mail message and the documents ``more`` finds in it (its attachments)."""
    msg = _parse(raw)
    message = _message(msg, mhtml=False)
    return [message, *more(msg, message)]


def load_mhtml(raw: bytes) -> Extracted:
    """A web page saved as MHTML (a multipart/related message)."""
    return _message(_parse(raw), mhtml=True)


def load_mbox(path: Path, raw: bytes | None = None, more: More | None = None
              ) -> list[Extracted]:
    """Every message of a mailbox (up to :data:`MAX_MESSAGES`), each its own document,
    each followed by what ``more`` finds in it (its attachments)."""
    raw = path.read_bytes() if raw is None else raw
    starts = [m.start() for m in _FROM_LINE.finditer(raw)
              if m.start() == 0 or raw[m.start() - 1:m.start()] == b"\n"]
    if not starts:
        raise LoadError("not an mbox mailbox (no 'From ' separator lines)")
    total = len(starts)
    out: list[Extracted] = []
    parts: set[str] = set()
    for n, start in enumerate(starts[:MAX_MESSAGES], start=1):
        end = starts[n] if n < total else len(raw)
        chunk = raw[start:end]
        chunk = _QUOTED_FROM.sub(rb"\1", chunk[chunk.index(b"\n") + 1:])
        try:
            msg = _parse(chunk)
            ex = _message(msg, mhtml=False)
        except LoadError:
            continue  # a damaged message: the others are still indexed
        ex.part = _part_name(msg, n, parts)
        out.extend([ex, *(more(msg, ex) if more else ())])
    if total > MAX_MESSAGES and out:
        out[0].warnings.append(f"only the first {MAX_MESSAGES} of {total} messages were read "
                               "(message limit per mailbox)")
    if not out:
        raise LoadError("no readable message in the mailbox")
    return out


def _part_name(msg: EmailMessage, n: int, taken: set[str]) -> str:
    mid = " ".join(str(msg.get("Message-ID", "") or "").split()).strip("<>")[:200]
    name = mid or f"message-{n}"
    if name in taken:
        name = f"{name}-{n}"
    taken.add(name)
    return name


def _parse(raw: bytes) -> EmailMessage:
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as exc:  # the parser is lenient; this is a true failure
        raise LoadError(f"damaged e-mail ({type(exc).__name__}: {exc})") from exc
    if not msg.keys():
        raise LoadError("not an e-mail message (no headers)")
    return msg


def _header(msg: EmailMessage, name: str) -> str:
    try:
        return " ".join(str(msg.get(name, "") or "").split())
    except Exception:  # an undecodable header (unknown charset) is left out
        return ""


def _message(msg: EmailMessage, mhtml: bool) -> Extracted:
    meta = Metadata(title=_header(msg, "Subject"))
    sender = _header(msg, "From")
    name, addr = (getaddresses([sender]) or [("", "")])[0]
    meta.source = name or addr
    meta.authors = author_names(name) if name else ([addr] if addr else [])
    meta.date = _date(_header(msg, "Date"))
    body = _body_part(msg)
    if body is None:
        raise LoadError("e-mail has no text or HTML body")
    text, encoding = _decode(body)
    if body.get_content_subtype() == "html":
        blocks, page_meta = html_blocks(_DELIMITER_BR.sub(rf"\1-- {_MARK} <br>", text),
                                        date_search=mhtml)  # a message has its Date
        if mhtml:
            meta.title = page_meta.title or re.sub(r"^saved page:\s*", "", meta.title, flags=re.I)
            meta.authors = page_meta.authors
            meta.source = page_meta.source
            meta.date = page_meta.date or meta.date  # else when the page was saved
            meta.url = _header(msg, "Snapshot-Content-Location") or \
                _header(body, "Content-Location") or page_meta.url
        meta.language = page_meta.language
        blocks = _html_signature(blocks)
    else:
        blocks = plain_blocks(text)
    blocks = _drop_footer(_mark_reply_header(blocks))
    return Extracted(blocks=blocks, meta=meta, extractor="email", encoding=encoding)


def _date(value: str) -> str:
    try:
        return parsedate_to_datetime(value).date().isoformat() if value else ""
    except (TypeError, ValueError, IndexError):
        return parse_date(value)


def _body_part(msg: EmailMessage):
    try:
        return msg.get_body(preferencelist=("html", "plain"))
    except Exception:
        return None


def _decode(part) -> tuple[str, str]:
    """A part's text, by its declared charset when that decodes it cleanly."""
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            pass
    if not payload.strip():
        return "", "ascii"
    try:
        decoded = decode_bytes(payload, html=part.get_content_subtype() == "html")
    except LoadError:
        return payload.decode("utf-8", errors="replace"), "utf-8"
    return decoded.text, decoded.encoding


def html_blocks(html: str, date_search: bool = True
                 ) -> tuple[list[tuple[str, str, None]], Metadata]:
    art = extract_article(html, date_search=date_search)
    meta = Metadata(title=art.title, source=art.source, url=art.url,
                    date=parse_date(art.date), authors=art.authors, language=art.language)
    return [(b.kind if b.kind in ("heading", QUOTED_KIND) else "body",
             textclean.repair_glued_words(b.text), None) for b in art.blocks], meta


def plain_blocks(text: str) -> list[tuple[str, str, None]]:
    """A plain-text message's paragraphs: its own text as ``body``; the earlier
    messages it quotes as ``quote`` paragraphs (:data:`QUOTED_KIND`), their ``>``
    markers stripped, a paragraph for each run of lines at one quoting depth (``>``,
    ``> >`` ...), and everything after an "Original Message" or "Forwarded message"
    line or an Outlook-style header block (From:, Sent:, To:, Subject:)."""
    chunks: list[tuple[str, list[str]]] = []  # (kind and depth, lines)
    quoted_rest = False
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        if not quoted_rest and (_ORIGINAL.match(line) or _header_block(lines, i)):
            quoted_rest = True
        marks = _QUOTE_MARKS.match(line)
        depth = marks.group(0).count(">") if marks else 0
        if marks:
            line = line[marks.end():]
        key = f"quote{depth}" if depth or quoted_rest else "body"
        if not chunks or chunks[-1][0] != key:
            chunks.append((key, []))
        chunks[-1][1].append(line)
    return [block for key, chunk in chunks for block in _chunk_blocks(key, chunk)]


def _chunk_blocks(key: str, lines: list[str]) -> list[tuple[str, str, None]]:
    """A run of lines' paragraphs: quoted, or the sender's own with its signature (the
    lines under a delimiter, see :func:`_signature_at`) as one paragraph of its own."""
    if key != "body":
        return [(QUOTED_KIND, p, None) for p in textclean.split_blocks("\n".join(lines))]
    cut = _signature_at(lines)
    # the signature ends at the line introducing a quoted message ("On ... wrote:")
    end = next((i for i in range(cut + 1, len(lines)) if _WROTE.search(lines[i])), len(lines))
    signed = " · ".join(s for line in lines[cut + 1:end] if (s := line.strip()))

    def body(part: list[str]) -> list[tuple[str, str, None]]:
        return [("body", p, None) for p in textclean.split_blocks("\n".join(part))]
    return body(lines[:cut]) + ([(SIGNATURE_KIND, signed, None)] if signed else []) \
        + body(lines[end:])


def _signature_at(lines: list[str]) -> int:
    """Where the sender's signature delimiter is among the lines of their own text (the
    last such line with at most :data:`SIGNATURE_LINES` lines of text under it), or
    ``len(lines)``: a "--" line higher up, or "--" inside a sentence, is prose. A bare "--"
    (no space after) is the delimiter only when no other "--" line is in the text: two
    of them set text apart inside the message."""
    below = 0
    for i in range(len(lines) - 1, -1, -1):
        if _SIG_DELIMITER.match(lines[i]):
            bare = lines[i].rstrip("\n") == "--"
            if bare and sum(bool(_SIG_DELIMITER.match(line)) for line in lines) > 1:
                break
            return i
        below += bool(lines[i].strip())
        if below > SIGNATURE_LINES:
            break
    return len(lines)


def _html_signature(blocks: list[tuple]) -> list[tuple]:
    """An HTML message's signature: the blocks of the sender's text under a block that
    is the delimiter (``<p>--</p>``), or the block that opens with it on a line of its own
    (``-- <br>Ann Lee<br>...``, marked by :data:`_DELIMITER_BR`; "<p>-- Wednesday: ...</p>"
    is a list item), among its last :data:`SIGNATURE_LINES`, as one ``credit`` block."""
    blocks = [(b[0], re.sub(rf"\s*{_MARK}\s*", "\n", b[1]), *b[2:]) for b in blocks]
    own = next((i for i, b in enumerate(blocks) if b[0] == QUOTED_KIND), len(blocks))
    for i in range(own - 1, max(own - SIGNATURE_LINES, 0) - 1, -1):
        first, _, rest = blocks[i][1].strip().partition("\n")
        if _SIG_DELIMITER.match(first):
            signed = " · ".join(b[1].replace("\n", " ").strip() for b in ([("", rest)]
                                + blocks[i + 1:own]) if b[1].strip())
            return blocks[:i] + [(SIGNATURE_KIND, signed, None)] * bool(signed) + blocks[own:]
    return blocks


def _header_block(lines: list[str], i: int) -> bool:
    """Whether line ``i`` opens the header block Outlook and others put above the
    message a top-posted reply quotes: "From: ..." with "Sent:"/"Date:" and "To:" or
    "Subject:" on the lines right after it."""
    if not _HEADER_FROM.match(lines[i]):
        return False
    following = {m.group(1).lower() for ln in lines[i + 1 : i + 6]
                 if (m := _HEADER_FIELD.match(ln))}
    return bool(following & {"sent", "date"}) and bool(following & {"to", "subject"})


def _mark_reply_header(blocks: list[tuple]) -> list[tuple]:
    """The line introducing a quoted message ("On Mon, 17 Nov 2025, Ann Lee wrote:")
    belongs to the quotation it opens: a short ``body`` block ending so, right before a
    ``quote`` block, becomes one too."""
    out = list(blocks)
    for i in range(len(out) - 1):
        kind, text, page = out[i]
        if kind == "body" and out[i + 1][0] == QUOTED_KIND and len(text) < 400 \
                and _WROTE.search(text):
            out[i] = (QUOTED_KIND, text, page)
    return out


def is_newsletter_footer(text: str) -> bool:
    """A newsletter's footer line: unsubscribe and preferences links, "view in
    browser", "you received this", a postal address."""
    return len(text) < 300 and bool(_FOOTER.search(text) or _ADDRESS.search(text))


def _drop_footer(blocks: list[tuple]) -> list[tuple]:
    """Blocks without newsletter furniture; a footer line in the second half of
    the message ends it (what follows is more footer: addresses, legal lines)."""
    out: list[tuple] = []
    for i, block in enumerate(blocks):
        if is_newsletter_footer(block[1]):
            if i >= len(blocks) / 2:
                break
            continue
        if len(block[1]) < 200 and _FURNITURE.search(block[1]):
            continue
        out.append(block)
    return out
