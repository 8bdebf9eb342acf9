"""Writing many paragraphs into a Whoosh index quickly.

Whoosh's ``SegmentWriter.add_document`` runs every token of every field
through its analyzer chain one ``Token`` at a time, pushes every posting as a
tuple into an external-sort pool (pickled to temporary runs and merged back
with a heap), and at commit feeds them one by one to the codec, reading each
posting's field length back from disk.  Profiled on 10k paragraphs, 90 % of
indexing time was there.  :class:`SegmentBuilder` produces the same segment
files through the same codec, with three shortcuts:

* a body word is analyzed once per distinct raw token (the chain is per
  token: lower-case, accent fold, CJK bigrams, stop words, Porter stem), its
  positions numbered exactly as Whoosh's ``StopFilter(renumber=False)`` does
  (a stop word keeps its place);
  fields whose values repeat across paragraphs (title, source, authors,
  dates, facet values) are analyzed once per distinct value;
* postings are grouped per term in memory (a segment is flushed every
  ``max_docs`` documents, which bounds memory) and handed to the codec a block
  at a time;
* the spelling field (``spell_body``, used only for its word list by "did you
  mean") gets one posting per word per segment instead of one per paragraph.

Beside each segment it writes the body's word positions in a form numpy reads
in bulk (:func:`write_positions`, :class:`PositionStore`): Whoosh keeps them
as one pickle per posting, so checking a phrase cost a ``pickle.loads`` per
candidate paragraph and word.  The file is named after the segment, so Whoosh
deletes it with the segment; a segment without one (merged by Whoosh) is
searched through Whoosh's positions.

Terms, postings, positions, weights, stored fields, lengths and columns are
identical to Whoosh's own writer (``tests/test_bulkwrite.py`` compares every
one on the real corpus), segment by segment: as in Whoosh, a segment where no
document has a field (a source, say) has no length column for it, and Whoosh's
reader gives 0 for such a document there, None in a segment with the column.  Segments are written beside the index and only
become part of it when :func:`commit` writes the new table of contents with
them, so an interrupted run leaves the previous index as it was.
"""

from __future__ import annotations

import os
import re
import struct
from array import array
from collections import defaultdict
from pathlib import Path

import numpy as np
from whoosh import formats
from whoosh.analysis import IDTokenizer
from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.fields import TEXT
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

_MEMO_LIMIT = 20_000  # distinct values remembered per repeating field
_TOKEN_MEMO_LIMIT = 1_000_000


class _BodyIndexer:
    """``field.index(value)`` for a positions-format TEXT field, memoized per raw token."""

    def __init__(self, field) -> None:
        self.analyzer = field.analyzer
        pattern = field.analyzer.items[0].expression  # the RegexTokenizer's
        # the same matches without a capturing group, so findall gives whole tokens
        self.findall = re.compile(pattern.pattern.replace("(", "(?:").replace("(?:?", "(?"),
                                  pattern.flags).findall
        self.boost = field.format.field_boost
        self.encode = field.format.encode
        # raw token -> its analyzed pieces: a str (one kept piece), None (one stop
        # word) or, for a token the CJK or camel-case filter splits, the pieces as
        # ((str | None, place after the token's first), ...) and the places it takes
        self.memo: dict[str, str | None | tuple] = {}
        self.single: dict[int, bytes] = {}  # encoded posting value of one position

    def _pieces(self, raw: str):
        toks = tuple((None if t.stopped else t.text, t.pos)
                     for t in self.analyzer(raw, removestops=False, positions=True))
        hit = toks[0][0] if len(toks) == 1 and toks[0][1] == 0 else \
            (toks, max(at for _, at in toks) + 1)
        if len(self.memo) < _TOKEN_MEMO_LIMIT:
            self.memo[raw] = hit
        return hit

    def index(self, value: str) -> tuple[list, int, list[str]]:
        """(items as ``field.index`` gives them, field length, raw tokens)."""
        poses: dict[str, list[int]] = {}
        memo = self.memo
        pos = 0  # every piece's place, stop words included (StopFilter renumber=False)
        raws = self.findall(value)
        for raw in raws:
            hit = memo.get(raw, _MISSING)
            if hit is _MISSING:
                hit = self._pieces(raw)
            if hit is None or isinstance(hit, str):
                pieces, width = ((hit, 0),), 1
            else:
                pieces, width = hit
            for text, at in pieces:
                if text is not None:
                    plist = poses.get(text)
                    if plist is None:
                        poses[text] = [pos + at]
                    else:
                        plist.append(pos + at)
            pos += width
        boost, encode, single = self.boost, self.encode, self.single
        items = []
        length = 0
        for text, plist in poses.items():
            n = len(plist)
            length += n
            if n == 1:
                vbytes = single.get(plist[0])
                if vbytes is None:
                    vbytes = single[plist[0]] = encode(plist)
            else:
                vbytes = encode(plist)
            items.append((text.encode("utf-8"), n, n * boost, vbytes))
        return items, length, raws, list(poses.values())

    def spelling_words(self, raws) -> set[str]:
        """The unstemmed words of these raw tokens (``spellable_words``)."""
        words: set[str] = set()
        for raw in set(raws):
            words.update(t.text for t in self.analyzer(raw, no_morph=True))
        return words


_MISSING = object()


class SegmentBuilder:
    """Collects documents and writes them as new segments of ``ix`` (not yet committed).

    Use :meth:`add` per document (the same fields as ``add_document``), then
    :meth:`finish` for the list of written segments to pass to :func:`commit`;
    :meth:`cancel` removes whatever was written.
    """

    def __init__(self, ix, max_docs: int = 50_000) -> None:
        self.ix = ix
        self.max_docs = max_docs
        self.schema = ix.schema
        self.segments: list = []
        self._plans: dict[str, tuple] = {}
        for name in self.schema.names():
            field = self.schema[name]
            if field.vector:
                raise ValueError(f"field {name!r} has term vectors: not supported here")
            body = None
            if isinstance(field, TEXT) and isinstance(field.format, formats.Positions) \
                    and field.separate_spelling():
                body = _BodyIndexer(field)
            self._plans[name] = (field, field.indexed, body, field.stored, field.column_type,
                                 {})  # memo: value -> (items, length)
        self._writer = None

    # -- documents ----------------------------------------------------------------

    def _start(self) -> None:
        self._writer = SegmentWriter(self.ix, _lk=False)
        self._docnum = 0
        self._postings: dict[str, dict[bytes, tuple]] = defaultdict(dict)
        self._raws: dict[str, set] = defaultdict(set)  # body field -> raw tokens seen
        self._lengths: dict[str, dict[int, int]] = defaultdict(dict)
        # body field -> term -> the positions of all its postings, in posting order
        self._positions: dict[str, dict[bytes, array]] = defaultdict(dict)

    @staticmethod
    def _index(field, value) -> tuple[list, int]:
        """``field.index(value)`` and the field length (its token count if scorable)."""
        items = list(field.index(value))
        return items, (sum(freq for _, freq, _, _ in items) if field.scorable else 0)

    @classmethod
    def _index_memo(cls, field, value, memo: dict) -> tuple[list, int]:
        """:meth:`_index`, remembered per distinct (hashable) value."""
        hit = memo.get(value)
        if hit is None:
            hit = cls._index(field, value)
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[value] = hit
        return hit

    def add(self, fields: dict) -> None:
        """Add one document (the keyword arguments ``add_document`` would take)."""
        if self._writer is None:
            self._start()
        perdoc = self._writer.perdocwriter
        docnum = self._docnum
        postings = self._postings
        plans = self._plans
        perdoc.start_doc(docnum)
        for name in sorted(fields):
            value = fields[name]
            if value is None or name.startswith("_"):
                continue
            try:
                field, indexed, body, stored, column, memo = plans[name]
            except KeyError:
                raise ValueError(f"no field named {name!r} in the schema") from None
            length = 0
            if indexed:
                if body is not None:
                    items, length, raws, plists = body.index(value)
                    self._raws[name].update(raws)
                    positions = self._positions[name]
                    for item, plist in zip(items, plists, strict=True):
                        p = positions.get(item[0])
                        if p is None:
                            positions[item[0]] = array("I", plist)
                        else:
                            p.extend(plist)
                elif isinstance(value, (str, int)):
                    items, length = self._index_memo(field, value, memo)
                else:
                    items, length = self._index(field, value)
                terms = postings[name]
                for tbytes, _, weight, vbytes in items:
                    plist = terms.get(tbytes)
                    if plist is None:
                        terms[tbytes] = (array("I", (docnum,)), array("f", (weight,)), [vbytes])
                    else:
                        plist[0].append(docnum)
                        plist[1].append(weight)
                        plist[2].append(vbytes)
                if length:
                    self._lengths[name][docnum] = byte_to_length(length_to_byte(length))
            # "_stored_NAME" stores another value than the one indexed, as add_document does
            kept = fields.get(f"_stored_{name}", value)
            perdoc.add_field(name, field, kept if stored else None, length)
            if column:
                perdoc.add_column_value(name, column, field.to_column_value(value))
        perdoc.finish_doc()
        self._docnum += 1
        if self._docnum >= self.max_docs:
            self._flush()

    # -- segments -----------------------------------------------------------------

    def _flush(self) -> None:
        writer = self._writer
        if writer is None:
            return
        self._writer = None
        writer.perdocwriter.close()
        for name, raws in self._raws.items():
            field, _, body, _, _, _ = self._plans[name]
            spelling = field.spelling_fieldname(name)
            terms = self._postings[spelling]
            once = _value_once(self.schema[spelling])
            for word in body.spelling_words(raws):
                terms[word.encode("utf-8")] = (array("I", [0]), array("f", [1.0]), [once])
        fw: W3FieldWriter = writer.fieldwriter
        for name in sorted(self._postings):
            field = self.schema[name]
            lengths = self._lengths.get(name, {})
            fw.start_field(name, field)
            terms = self._postings[name]
            for tbytes in sorted(terms):
                ids, weights, values = terms[tbytes]
                fw.start_term(tbytes)
                _add_postings(fw._postwriter, ids, weights, values, lengths)
                fw.finish_term()
            fw.finish_field()
        self._postings = None
        writer.docnum = self._docnum
        writer._close_segment()
        writer._assemble_segment()  # folds every file named after the segment into it:
        folder = getattr(self.ix.storage, "folder", None)  # the positions come after
        if folder is not None:
            for name, positions in self._positions.items():
                write_positions(positions_path(folder, writer.newsegment.segment_id(), name),
                                positions)
        self._positions = None
        self.segments.append(writer.get_segment())
        writer.is_closed = True  # the temporary folder is shared: the main writer removes it

    def finish(self) -> list:
        """Write what is left; the new segments, to pass to :func:`commit`."""
        self._flush()
        return self.segments

    def cancel(self) -> None:
        """Remove every segment file this builder wrote, the unfinished one too."""
        written = self.segments
        if self._writer is not None:
            self._writer._close_segment()
            self._writer.is_closed = True
            written = written + [self._writer.get_segment()]
            self._writer = None
        delete_segments(self.ix.storage, written)
        self.segments = []


def _value_once(field) -> bytes:
    """What ``field``'s format stores for a word seen once (Frequency: the count 1), as
    Whoosh's writer stores it for a spelling word.  Never empty where the format's values
    have a fixed size: a posting list written without them is read past its end when
    Whoosh merges the segment (every later update of the index failed)."""
    return next(iter(field.format.word_values("x", IDTokenizer())))[3]


def _add_postings(pw, ids: array, weights: array, values: list, lengths: dict) -> None:
    """``W3PostingsWriter.add_posting`` for a whole posting list, a block at a time."""
    limit = pw._blocklimit
    for start in range(0, len(ids), limit):
        if len(pw._ids):
            pw._write_block()
        end = start + limit
        chunk = ids[start:end]
        pw._ids.extend(chunk)
        w = weights[start:end]
        pw._weights.extend(w)
        pw._maxweight = max(pw._maxweight, max(w))
        pw._values.extend(v for v in values[start:end] if v)
        if lengths:
            found = [n for n in map(lengths.get, chunk) if n]
            if found:
                low, high = min(found), max(found)
                if pw._minlength is None or low < pw._minlength:
                    pw._minlength = low
                if high > pw._maxlength:
                    pw._maxlength = high


# -- word positions beside a segment ----------------------------------------------

_POS_MAGIC = b"SAPOS\x01\x00\x00"
_POS_HEADER = struct.Struct("<8s4Q")  # magic, terms, term width, positions, item size


def positions_path(folder, segment_id: str, fieldname: str) -> Path:
    """Where a segment's positions of ``fieldname`` are kept.  The name starts with
    the segment's id, so Whoosh's clean-up deletes it together with the segment."""
    return Path(folder) / f"{segment_id}.{fieldname}_positions"


def _pad8(n: int) -> int:
    return -n % 8


def write_positions(path: Path, positions: dict[bytes, array]) -> None:
    """Write the terms (sorted) and, for each, the positions of all its postings in
    posting order; flushed to disk before the segment is committed.  (A term
    ending in a NUL byte, which no analyzer here produces, means no file.)"""
    terms = sorted(positions)
    if any(t.endswith(b"\0") for t in terms):  # numpy's fixed-width bytes would drop
        return  # it: no file, this segment's phrases are checked through Whoosh
    width = max((len(t) for t in terms), default=1) or 1
    counts = np.fromiter((len(positions[t]) for t in terms), dtype=np.uint64,
                         count=len(terms))
    starts = np.zeros(len(terms) + 1, dtype=np.uint64)
    np.cumsum(counts, out=starts[1:])
    flat = np.concatenate([np.frombuffer(positions[t], dtype=np.uint32) for t in terms]) \
        if terms else np.zeros(0, dtype=np.uint32)
    if len(flat) and flat.max() < 1 << 16:
        flat = flat.astype(np.uint16)
    term_block = np.array(terms, dtype=f"S{width}").tobytes()
    with open(path, "wb") as f:
        f.write(_POS_HEADER.pack(_POS_MAGIC, len(terms), width, len(flat), flat.itemsize))
        f.write(term_block + b"\0" * _pad8(len(term_block)))
        f.write(starts.tobytes())
        f.write(flat.tobytes())
        f.flush()
        os.fsync(f.fileno())


class PositionStore:
    """A segment's positions of one field as :func:`write_positions` wrote them, read
    through a memory map.  Raises ValueError for a file that is not whole."""

    def __init__(self, path: Path) -> None:
        raw = np.memmap(path, dtype=np.uint8, mode="r")
        if len(raw) < _POS_HEADER.size:
            raise ValueError(f"{path}: too short")
        magic, n, width, npos, size = _POS_HEADER.unpack(raw[:_POS_HEADER.size].tobytes())
        tbytes = n * width
        at = _POS_HEADER.size
        expected = at + tbytes + _pad8(tbytes) + 8 * (n + 1) + npos * size
        if magic != _POS_MAGIC or size not in (2, 4) or len(raw) != expected:
            raise ValueError(f"{path}: not a whole positions file")
        self.terms = raw[at:at + tbytes].view(f"S{width}")
        at += tbytes + _pad8(tbytes)
        self.starts = raw[at:at + 8 * (n + 1)].view(np.uint64)
        at += 8 * (n + 1)
        self.flat = raw[at:].view(np.uint16 if size == 2 else np.uint32)
        self.width = width

    def positions(self, btext: bytes) -> np.ndarray | None:
        """The positions of every posting of the term, in posting order (None: no such
        term in this segment)."""
        if not btext or len(btext) > self.width or btext.endswith(b"\0"):
            return None
        i = int(np.searchsorted(self.terms, btext))
        if i == len(self.terms) or self.terms[i] != btext:
            return None
        return self.flat[int(self.starts[i]):int(self.starts[i + 1])]


def delete_segments(storage, segments: list) -> None:
    """Remove the files of segments that never made it into a table of contents."""
    prefixes = tuple(seg.segment_id() for seg in segments)
    if not prefixes:
        return
    for name in storage.list():
        if name.startswith(prefixes):
            try:
                storage.delete_file(name)
            except OSError:
                pass


def commit(writer: SegmentWriter, segments: list, mergetype=None) -> None:
    """Commit ``writer`` (its deletions, merges and documents) together with ``segments``.

    The same steps as ``SegmentWriter.commit``, with the new segments added to
    the table of contents in the same atomic write.
    """
    writer._check_state()
    final = writer._merge_segments(mergetype, None, None)
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final + list(segments))
    writer.toc_written = True  # from here on the new segments are the index
    writer._finish()
