"""What a name nothing personal vouches for is instead: a town's, a thing's or a firm's.

Read by :func:`searchapp.ingest.persons.people._judge` on each full name's collection
evidence (:class:`searchapp.ingest.persons.evidence.NameEvidence`) before the verdict.
"""

from __future__ import annotations

import re

from searchapp.ingest.persons import evidence as ev
from searchapp.ingest.persons import names as nm
from searchapp.ingest.persons import rules
from searchapp.ingest.persons.candidates import (
    Collection,
    common_word_name,
    thing_family,
    unknown_given_name,
)
from searchapp.ingest.persons.words import PLACE_FIRST_WORDS, PLACE_PARTICLES


def written_as_a_place(name: str, evid: ev.NameEvidence, coll: Collection) -> str | None:
    """Why a name is a town's, or None: every place the collection writes it follows a
    preposition of place ("from Vila Serrana", "towards Santo Amaro da Serra", "in Alcor,
    Vila Serrana and Poço"), nothing anywhere says person -- no title, role, speech,
    pronoun, and its last word never stands alone for it -- and the places stage has a
    word for it: the model calls the name or its first word a place somewhere in the
    collection ("Vila"), or a small word of place names joins its words ("da Serra") or
    goes on after them once ("from São Brás" beside "São Brás de Alportel"), or someone is from it.
    ("everyone from Ann Roe to Bo Li" has neither.)"""
    cues = evid.cue_counts
    if evid.bare or evid.bare_strong or any(cues[c] for c in ev.FOR - {"pronoun", "listed"}):
        return None
    if cues["with_places"] >= max(2, cues["listed"]) and cues["with_places"] * 2 > evid.occurrences:
        # "Mali, Burkina Faso and Niger" in most of its uses, and nothing personal
        return "listed with places in most of its uses, nothing personal"
    if not evid.occurrences or cues[ev.PLACED] < evid.occurrences or cues["listed"]:
        return None
    words = name.split()
    if (coll.place_votes[name] or coll.place_votes[words[0]]
            or any(w in PLACE_PARTICLES for w in words[1:-1])
            or words[0] in PLACE_FIRST_WORDS  # "from Loch Fyne", "near Mount Erebus"
            or any(cues[c] for c in ("place_tail", "with_places", "place_apposition", ev.ORIGIN))):
        return "written only after a preposition of place, nothing personal"
    return None


_GERUND = re.compile(r"[A-Za-z][a-z]{2,}ing$")


def thing_shaped(name: str, evid: ev.NameEvidence, coll: Collection,
                  doc_ids: list[str]) -> str | None:
    """Why a name nothing vouches for is shaped like a thing's, or None: its first word
    begins three or more other names in one document ("Apache Kafka", "Apache Flink",
    "Apache Spark"), its last word is a common word in -ing ("Java Programming") or the
    plural of one ("Gantt Charts"), a place ("Beko Europe"), or one letter ("Saa S"); or a
    word of it is a common word and neither is known as a name (:func:`common_word_name`).  A verb
    of speech vouches for a person except against a last word in -ing: companies speak
    too ("Acme Catering says")."""
    if any(evid.cue_counts[c] for c in ev.PERSONAL):
        return None
    words = name.split()
    first, last = words[0], nm.family_word(name)
    if _GERUND.search(last) and rules.ordinary(last, coll.lowercase):
        return f"its last word is a common word ({last})"
    if evid.strong:
        return None
    common = None if evid.bare_strong else common_word_name(name, coll)
    if common:
        return common
    if not coll.person_votes[first] and any(
            len(coll.first_words.get((d, first), ())) >= 3 for d in doc_ids):
        return f"its first word begins several names of one document ({first} ...)"
    heads = None if evid.bare else organisations_head(name, coll)
    if heads:
        return heads
    family = None if evid.bare_strong else thing_family(name, coll, doc_ids)
    if family:
        return family
    if not (evid.for_ or evid.bare):
        unknown = unknown_given_name(name, coll)
        if unknown:
            return unknown
    if last.endswith("s") and len(last) > 4 and last[:-1].casefold() in coll.lowercase:
        return f"its last word is a common noun's plural ({last})"
    if coll.place_votes[last] >= 2 and not coll.person_votes[last] and not evid.bare:
        return f"its last word is a place ({last})"
    if len(last) == 1:
        return "its last word is one letter"
    return None


def organisations_head(name: str, coll: Collection) -> str | None:
    """Why a name's last word is an organisation's head word the collection shows, or
    None: it ends two or more other names, with different first words, that the model calls
    an organisation or a building ("Acme Energija", "Rowe Energija" -- the trade word of a
    language the recognizer does not know), and no other name the model calls a person has
    it, nor is it one alone (a family name some firm is named with: "Jeffrey Sachs" beside
    "Goldman Sachs")."""
    words = name.split()
    if len(words) < 2:
        return None
    last = words[-1]
    named = coll.org_last.get(last, set()) - {name}
    if len({n.split()[0] for n in named}) < 2 or coll.person_votes[last]:
        return None
    if any(last in n.split() for names in coll.given_of.values() for n in names if n != name):
        return None
    return f"its last word heads names of organisations in the collection ({last})"
