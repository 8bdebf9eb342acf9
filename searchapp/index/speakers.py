"""Who said what, for ``persons.json``: the quotations of every document by paragraph.

The persons stage (:mod:`searchapp.index.persons_stage`) calls :func:`quote_rows`
once persons are resolved.  Attribution (:func:`searchapp.ingest.quotes.find_quotes`)
reads a whole document -- a quotation may open in one paragraph and close in a
later one, "he said" needs the persons named before it -- so it runs per document,
and only for documents that are new or whose text or resolved persons changed: the
others keep the rows of the last run (a fingerprint per document says which).

A row is ``[start, end, speaker, source, kind]``: character offsets in the
paragraph, the speaker's index in the sidecar's person list (-1: an unnamed source
such as "a senior official"), how the text names the speaker, and 0 for a direct
quotation (in quote marks), 1 for reported speech.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Container, Iterable, Mapping

from searchapp.ingest.persons.memo import Memo, RawStore, per_document, using
from searchapp.ingest.quotes import find_quotes
from searchapp.ingest.quotes.evidenced import speech_persons, with_speech_persons

#: Bumped when the attribution rules change what they find in the same text: every
#: document is read again at the next run.
#: 6: a Korean reporter's dateline credit is no speaker; 7: round seven (pronouns by the
#: subject before them, nested quotations, Korean and Chinese phrases); 8: a wire
#: dateline is no part of reported speech; 9: round eight (a pronoun abstains when another of its
#: sex is in the running, roles of a named body, bare family names, bodies kept as
#: persons, Korean and Chinese honorifics and family names); 10: a full name between commas
#: after a role, then its verb, speaks though the recognizer typed it as a body; a person
#: after "told" is no speaker; a native name with its romanized form in brackets; a
#: foreign name in Hangul with a hyphenated family name and a title; 11: round nine
#: (a pronoun after "X asked her ..." or an unresolved name is nobody's; no unnamed source
#: for someone named; Chinese names of any family vouched for twice; a Korean trade
#: before a name; a name after a kind of body is a body); 12: round ten (a double-barrelled
#: name in a speech slot is a person whatever its label; ", and X's chief executive, Y,
#: warned that"; a family name two persons share decided by title, apposition or pronoun,
#: else nobody's; "A caller, X," and "put it to her"; Korean 서장, a hyphenated foreign name
#: in Hangul before a verb of speech, Chinese names with a middle dot); 13: round eleven
#: (a name in a speech slot whose other spelling the document writes -- a family name
#: closing one full name, a full name whose family name stands alone -- is a person
#: whatever its label, so the speech persons and the persons' mentions change; a
#: capitalised common word opening a sentence is no given name; one name in a speech
#: slot written in apposition to a noun of kin or a role ("Her daughter, Walburga,") is
#: a person; a gesture's he/she after "X asks him whether" is nobody's sure; "Prosecuting,
#: X said" is X's; "The chief executive would not ..." is a role subject; "the fire chief
#: of Larkhall Valley County, X," gives X the role); 14: round twelve (Korean names of any
#: family: a three-syllable word with 씨 written apart, a word with an age in brackets, a
#: name before a title whose family syllable the document writes alone before a title;
#: a trade word ending in a title before a name; -냐는/-다는 is no topic; Japanese kanji
#: names of six or seven characters whose family part stands alone before a title, the
#: family part read as that person; a Japanese は-topic before a が-subject, its head after
#: の/に/で, and a bare title topic for the one person written with it -- so the speech
#: persons, the persons' mentions and the attribution change); 15: round thirteen (a
#: question put -- "X asked Y whether ...", "X put it to Y that ..." -- is X's reported
#: speech, "Asked whether ..., X said" not X's, and the pronoun after a question put to
#: someone named or by role nobody's sure; a first family name in a speech slot is the
#: full name it opens ("Céspedes said" after "Reinier Céspedes Arencibia": the speech
#: persons and the persons' mentions change); "according to a ... agent, X," is X's; roles
#: in apposition after a title of address or to a verb's object, a vice chair no "chair";
#: a nested quotation whose he/she is a role or kin noun after an article is an unnamed
#: source's; "X wrote to Y that ..." is X's -- so the speech persons, the persons'
#: mentions and the attribution change);
#: 16: round fourteen (a speaker's name cut at the wrong place: a trade or a clause's 的
#: before a Chinese dotted foreign name cut off, its given part alone that person, 并/並
#: after a name opening speech, a name of any family between a role and its verb; a
#: Japanese person running into a long topic, 副 titles, "name・body title"; a Korean name
#: after an apposition in 인; the Gaelic prefix "Ó" a word of a name -- so the speech
#: persons, the persons' mentions and the attribution change)
#: 17: round fifteen (he/she: a full name labelled a person the stage did not keep, named
#: before it in its paragraph, or "X himself was", leaves it unsure, and so does first-person
#: text before it; "X's mother, Y," as a subject is the kin, never the owner; "During a break
#: she said" opens its sentence; inside a quotation "my brother ... He said, '...'" is an
#: unnamed source's; a lede's role is the person the next paragraph names first; a quotation
#: read from a document is the document's; "Interview by X" names the interviewer; a Korean
#: foreign name with its age is whole, "given-name 씨" that person -- so the speech persons
#: and the attribution change)
#: 18 (review): a lede's source is not given to the next paragraph's person described by
#: another role; one's own statement or notes read out stay one's own; "X's mother" with
#: no one named beside her no longer rules X out as "she"
QUOTES_VERSION = 18
KINDS = ("direct", "reported")


def _fingerprint(paragraphs, mentions: Mapping[str, Iterable]) -> str:
    """What a document's quotations were found from: its paragraph ids and resolved
    mentions (hashed as one string: 4,000 documents at every run)."""
    parts = [f"q{QUOTES_VERSION}"]
    for pid, _kind, _text in paragraphs:
        parts.append(pid)
        parts.extend(f"\0{m.start}:{m.end}:{m.name}:{m.kind}" for m in mentions.get(pid, ()))
        parts.append("\1")
    return hashlib.sha1("".join(parts).encode()).hexdigest()[:20]


def quote_rows(docs, mentions: Mapping[str, Iterable], raw: Mapping[str, Iterable],
               persons: list[dict], old: dict | None = None,
               kept: Mapping[str, tuple[str, bytes]] | None = None
               ) -> tuple[dict, dict, dict]:
    """``({pid: [row, ...]}, {doc_id: fingerprint}, computed)`` for ``docs``
    (:class:`~searchapp.ingest.persons.resolve.DocText`), the resolved ``mentions`` and
    raw recognizer ``raw`` spans by paragraph id, and the sidecar's ``persons`` list.
    The last run's rows are kept for unchanged documents: from ``kept`` (each
    document's fingerprint and its rows with speakers by name, pickled: what
    ``computed`` returned then, as the persons memo's store keeps it) or, without it,
    from ``old``, the previous ``persons.json``.  ``computed``: ``{doc_id:
    (fingerprint, rows)}`` of the documents read in this run, speakers by name."""
    index = {p["name"]: i for i, p in enumerate(persons)}
    old = old or {}
    old_rows: dict = old.get("quotes") or {}
    old_prints: dict = old.get("quote_docs") or {}
    old_persons = [p["name"] for p in old.get("persons", ())]
    rows: dict[str, list] = {}
    prints: dict[str, str] = {}
    computed: dict[str, tuple[str, dict]] = {}
    for doc in docs:
        fp = _fingerprint(doc.paragraphs, mentions)
        prints[doc.doc_id] = fp
        if kept is not None:
            last = kept.get(doc.doc_id)
            if last is not None and last[0] == fp:
                for pid, named in pickle.loads(last[1]).items():
                    if pid not in rows:
                        rows[pid] = [[r[0], r[1], index.get(r[2], -1) if r[2] else -1, *r[3:]]
                                     for r in named]
                continue
        elif old_prints.get(doc.doc_id) == fp:  # (all of them kept by name from now on)
            named = {}
            for pid, _, _ in doc.paragraphs:
                kept_rows = old_rows.get(pid)
                if kept_rows and pid not in rows:
                    rows[pid] = [_reindex(r, old_persons, index) for r in kept_rows]
                if kept_rows:
                    named[pid] = [[r[0], r[1], _name(r[2], old_persons), *r[3:]]
                                  for r in kept_rows]
            computed[doc.doc_id] = (fp, named)
            continue
        try:
            found = find_quotes(doc.paragraphs, mentions, raw)
        except Exception:  # noqa: BLE001 -- one odd document never stops the stage:
            found = {}  # its quotes are left unattributed, the others go on
        named: dict[str, list] = {}
        for pid, quotes in found.items():
            named[pid] = [[q.start, q.end, q.speaker, q.source, KINDS.index(q.kind)]
                          for q in quotes if q.speaker is None or q.speaker in index]
            if pid not in rows:
                rows[pid] = [[r[0], r[1], index[r[2]] if r[2] else -1, *r[3:]]
                             for r in named[pid]]
        computed[doc.doc_id] = (fp, named)
    return rows, prints, computed


def add_speech_persons(docs, found, raw: Mapping[str, Iterable], registry=None,
                       memo: Memo | None = None) -> None:
    """Speakers the recognizer missed, taken as persons on the evidence of a clear
    pattern of speech (:mod:`searchapp.ingest.quotes.evidenced`): added to ``found``
    (:class:`~searchapp.ingest.persons.people.Persons`, its mentions and spellings) so
    that the sidecar lists them and ``person:``/``said:`` find them.  A spelling of a
    person already known (found, or in the ``registry`` with the user's curation) is
    that person; a name curation hid is never added.  With a ``memo`` (the persons
    stage's, :mod:`searchapp.ingest.persons.memo`) a document's speech persons are
    computed again only when its text, its resolved mentions or the answers it had for
    the spellings it looked up changed."""
    from searchapp.ingest.persons.names import exact_keys

    spelled = {k: name for name, spellings in found.persons.items()
               for s in (name, *spellings) for k in exact_keys(s)}
    hidden = {k for n in getattr(registry, "not_persons", ()) for k in exact_keys(n)}
    if memo is not None:  # recording views: a document reads the spellings it asks for
        raw = raw if isinstance(raw, RawStore) else RawStore(raw)  # read by paragraph
        spelled, hidden = memo.table("speech.spelled", spelled), memo.table("speech.hidden",
                                                                              hidden)
    # new containers: what resolution returned may be its memo's own (kept for the next
    # run), and the speech persons added here must not end up in it
    found.mentions = dict(found.mentions)
    found.persons = {name: list(spellings) for name, spellings in found.persons.items()}
    found.evidence = dict(found.evidence)
    with using(memo):
        for doc in docs:
            here = {pid: found.mentions[pid] for pid in doc.pids if pid in found.mentions}
            speech = document_speech_persons(doc, here, raw, spelled, hidden, registry)
            added = with_speech_persons(doc.paragraphs, found.mentions, raw, added=speech)
            for name, spellings in added.items():
                listed = found.persons.setdefault(name, [name])
                listed.extend(s for s in spellings if s not in listed)
            if added:
                _speech_evidence(doc, found, set(added))


@per_document
def document_speech_persons(doc, mentions: Mapping[str, list], raw: Mapping[str, Iterable],
                            spelled: Mapping[str, str], hidden: Container[str], registry
                            ) -> dict[str, list]:
    """:func:`~searchapp.ingest.quotes.evidenced.speech_persons` of one document, given its
    resolved ``mentions`` by paragraph, the collection's person ``spelled`` by each
    spelling's exact keys and the keys curation ``hidden``."""
    from searchapp.ingest.persons.names import exact_keys

    def known(surface: str) -> str | None:
        keys = exact_keys(surface)
        if any(k in hidden for k in keys):
            return ""
        if registry is not None and (name := registry.canonical_person(surface)):
            return name
        return next((spelled[k] for k in keys if k in spelled), None)

    return speech_persons(doc.paragraphs, mentions, raw, known)


#: Why a spelling is its person when the pattern of speech vouched for it.
SPEECH_WHY = "speaker of a quotation"


def _speech_evidence(doc, found, names: set[str]) -> None:
    """The evidence of persons the speech patterns of ``doc`` added (or gave a new
    spelling): each spelling they stand on in it, with its count, and the document --
    so the Persons tab and ``persons --json`` say where such a person comes from."""
    counts: dict[tuple[str, str], int] = {}
    for pid, _kind, text in doc.paragraphs:
        for m in found.mentions.get(pid, ()):
            if m.kind == "person" and m.name in names and m.why == "speech":
                key = (m.name, " ".join(text[m.start:m.end].split()))
                counts[key] = counts.get(key, 0) + 1
    for name in names:
        ev = found.evidence.get(name) or {"spellings": [], "documents": []}
        rows = [dict(r) for r in ev.get("spellings", [])]
        for (who, surface), n in counts.items():
            if who != name:
                continue
            row = next((r for r in rows if r["text"] == surface and r["why"] == SPEECH_WHY),
                       None)
            if row is None:
                rows.append({"text": surface, "mentions": n, "documents": 1, "why": SPEECH_WHY})
            else:
                row["mentions"] += n
                row["documents"] += 1
        documents = sorted({*ev.get("documents", []), doc.doc_id})
        found.evidence[name] = {"spellings": rows, "documents": documents}


def _name(k: int, persons: list[str]) -> str | None:
    """The speaker an index of a person list names (None: unnamed)."""
    return persons[k] if 0 <= k < len(persons) else None


def _reindex(row: list, old_persons: list[str], index: Mapping[str, int]) -> list:
    """A kept row with its speaker's index in the new person list."""
    name = _name(row[2], old_persons)
    return [row[0], row[1], index.get(name, -1) if name else -1, *row[3:]]

