"""Who said what: quotations and reported speech attributed to their speakers.

Run by the persons stage (:mod:`searchapp.index.persons_stage`) once persons are
resolved; served as the Speaker facet, ``said:`` and each hit's ``quotes``.

* :mod:`.marks` -- quote marks and the spans they enclose (straight, curly, single,
  guillemets, CJK corners; quotations continued across paragraphs);
* :mod:`.text` -- sentences and words, quotations kept whole;
* :mod:`.speakers` -- who a speaker phrase names (a person, a pronoun or role
  standing for one, an unnamed source); :mod:`.salience` -- whom a document has been
  talking about, and the roles and sexes it gives persons; :mod:`.antecedents` -- the
  subject of the sentence before a pronoun, read before proximity;
* :mod:`.nested` -- quotations inside quotations, never the outer speaker's;
* :mod:`.attribute` -- the patterns of English news; :mod:`.cjk` -- Korean and Chinese;
* :mod:`.unkept` -- names the persons stage did not keep ("Margaret", a name typed as a
  body), :mod:`.crowds` -- chants, neither given to the last speaker;
* :mod:`.families` -- a bare family name of one person of the document is theirs; a
  body or venue the stage kept as a person speaks as a body; :mod:`.shared_families`
  -- a bare family name two persons share is the one its title, apposition or pronoun
  names, else nobody's;
* :mod:`.evidenced` -- speakers taken as persons on the evidence of a pattern of speech
  (the cues around a name: :mod:`.cues`),
  :mod:`.cjk_names` -- Korean and Chinese persons by the shapes news names them in;
* :mod:`.lexicon` -- the verbs and nouns they read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from searchapp.ingest.quotes.attribute import english_quotes
from searchapp.ingest.quotes.cjk import cjk_quotes, is_cjk
from searchapp.ingest.quotes.quote import Quote, tidy
from searchapp.ingest.quotes.shared_families import shared_families
from searchapp.ingest.quotes.speakers import Person

__all__ = ["Quote", "find_quotes"]


def find_quotes(paragraphs: Sequence[tuple[str, str, str]],
                mentions: Mapping[str, Sequence],
                labels: Mapping[str, Sequence] | None = None) -> dict[str, list[Quote]]:
    """The quotations and reported speech of one document, by paragraph id.

    ``paragraphs`` are ``(paragraph id, kind, text)`` in document order; ``mentions``
    the persons stage's resolved mentions by paragraph id (objects with ``start``,
    ``end``, ``name`` and ``kind``: :class:`searchapp.ingest.entities.Mention`);
    ``labels`` optionally the recognizer's raw spans (``start``, ``end``, ``label``),
    which tell an organisation ("Nissan says") from a person it did not keep.
    Paragraphs without quotations are left out."""
    texts = [t for _, _, t in paragraphs]
    persons = [[Person(m.start, m.end, m.name) for m in mentions.get(pid, ())
                if m.kind == "person"] for pid, _, _ in paragraphs]
    if is_cjk(texts):
        found = cjk_quotes(texts, persons)
    else:
        lab = [[(r.start, r.end, r.label) for r in ({} if labels is None else labels).get(pid, ())]
               for pid, _, _ in paragraphs]
        found = english_quotes(texts, [k for _, k, _ in paragraphs],
                               shared_families(texts, persons), lab)
    out: dict[str, list[Quote]] = {}
    for (pid, _, _), quotes in zip(paragraphs, found, strict=True):
        if quotes:
            out[pid] = tidy(quotes)
    return out
