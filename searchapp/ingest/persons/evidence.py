"""Is a capitalized name a person's?  The evidence a collection gives, and the verdict.

A recognizer labels spans one sentence at a time and is often wrong about person-shaped names
of things: "Nintendo Switch", "Blue Moon" (a lander), "Dick Clark Productions", "Kennedy
Space" (cut from "Kennedy Space Center"), "Thank Biden" (an imperative glued to a family
name).  What surrounds a name says much more, and a collection says it many times over:

* **for** a person -- a title or a role before it ("Sen.", "host", "analyst"), a
  verb of speech ("said X", "X told"), an age ("X, 55,"), ", who", an apposition
  naming a role ("X, the former envoy"), a person's belongings ("X's wife"), a
  personal pronoun later in the sentence;
* **against** -- an article ("the X", "a X"), a thing's noun after it ("X rocket",
  "X cosmetics"), an organisation's or place's word after it ("X Center"), a
  capitalized word before it that is no title (the model took the tail of a longer
  name: "Star [Wars Jedi]"), quotes around it, a price or a model number after it,
  an apposition naming a thing ("X, the U.S. military operation"), a place after it
  in a list of venues ("X, Paris (2016);").

:func:`cues` reads one occurrence; :class:`NameEvidence` adds up a name's
occurrences over the collection (plain counts: it can be kept per document and
summed); :func:`verdict` decides and says why.  Opening and headline positions
prove nothing by themselves: a name seen only there needs a cue for it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from searchapp.ingest.persons.firm_cues import (
    AT_BEFORE,
    CLOSED_AFTER,
    KIND_APPOSITION_BEFORE,
    KIND_BEFORE,
    MADE_BY_IT,
    OBJECT_OF,
    ONE_NAME_AFTER,
    ORG_ONLY,
    ORG_PASSIVE,
    ORG_STAFF,
    PART_OF,
    PLURAL_ROLE_BEFORE,
    ROLE_AT,
    SHARES_IN,
    WHICH,
    WHOSE_ORG_ONLY,
)
from searchapp.ingest.persons.rules import PLACE_TAIL, TITLE_FIELD_BEFORE, after_title_of
from searchapp.ingest.persons.words import (
    CREDENTIALS,
    FIRM_ROLES,
    FIRM_WORDS,
    FUNCTION_WORDS,
    KIN_NOUNS,
    LIFE_VERBS,
    ORG_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    SPEECH_BEFORE,
    SPEECH_VERBS,
    THING_BELONGINGS,
    THING_NOUNS,
    THING_VERBS,
    USE_VERBS,
)
from searchapp.lexicon import (
    ADDRESS_WORDS_BEFORE,
    APOSTROPHES,
    BEFORE_A_SENTENCE,
    CLOSERS,
    LATIN_CAPITALS,
    MONTHS,
    POSSESSIVE,
    STOPS,
    TITLE_WORDS,
    TITLES,
    WEEKDAYS,
)

#: Cues for a person, and against.  "pronoun" is weak: it counts only where nothing
#: speaks against the name.
FOR = frozenset({"title", "role", "speech", "age", "who", "kin", "apposition", "pronoun",
                 "byline", "listed", "short_name", "life", "credential", "pronoun_next",
                 "made_by", "thanked", "authors", "relation"})
STRONG = FOR - {"pronoun", "listed", "short_name", "pronoun_next", "made_by", "thanked"}
#: Strong cues only a person has: an organisation speaks too ("Acme Catering says").
PERSONAL = STRONG - {"speech"}
AGAINST = frozenset({"article", "thing", "org_after", "quoted", "price", "number",
                     "thing_apposition", "run_cut", "located", "listed_with_things",
                     "thing_verb", "used", "belongings", "at_org", "in_place", "which",
                     "kind", "works_at", "org_only", "org_part"})
#: Neither for nor against by itself: a role a firm takes too, after a determiner ("the
#: developer X", "the broker X said"); :func:`verdict` reads it with the rest.
FIRM_ROLE = "firm_role"
#: Neither for nor against by itself: an occurrence where a place stands -- after a
#: preposition of place, in a list of places, with an apposition naming a town.
PLACED = "placed"
#: Where a person named before is from ("a teacher from X", "Ann Roe, 70, from X"): a
#: place's cue, decisive with nothing personal said of X elsewhere.
ORIGIN = "origin"
#: Cues against that decide only where they are most of what is known of a name.
SOFT = frozenset({"article", "run_cut", "in_place"})

_TITLE_BEFORE = re.compile(rf"(?:{TITLES})\s+$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’.-]*)(,?)[ \t]+$")
_ARTICLE_BEFORE = re.compile(r"(?:^|[^\w'’])(?:[Tt]he|THE|[Aa]n?|[Oo]ur|[Yy]our|[Tt]heir|[Ii]ts|[Mm]y|"
                             r"[Tt]his|[Tt]hese|[Tt]hose|[Ee]ach|[Ee]very)[ \t]+$")
_SPEECH_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(SPEECH_BEFORE)) + r")[ \t]+$", re.I)
_SPEECH_AFTER = re.compile(r"^[ \t]*(?:,[^,.;]{0,40},[ \t]*)?(?:(?:also|then|later|again|"
                           r"has|had|have|once|previously|recently|who)[ \t]+)?("
                           + "|".join(sorted(SPEECH_VERBS)) + r")\b")
# verbs of speech that as often take an object ("adds features", "notes the date"): speech
# only before what a saying has after it -- a quote, "that", a stop, "in a statement"
_OBJECT_VERBS = frozenset({"add", "adds", "added", "note", "notes", "noted", "continue",
                           "continues", "continued", "state", "states", "stated", "confirm",
                           "confirms", "confirmed", "announce", "announces", "announced",
                           "declare", "declares", "declared", "suggest", "suggests",
                           "suggested", "acknowledge", "acknowledges", "acknowledged"})
_SAYING = re.compile(r"[ \t]*(?:[,.:;!?\"“”'‘’—–-]|$|that\b|in[ \t]+(?:a|an|the|his|her)\b|on[ \t]+"
                     r"(?:" + "|".join(WEEKDAYS) + r"|Twitter|X)\b)")
# "a reader from X writes", "officials in X said": the speaker is the noun before
_FROM_BEFORE = re.compile(r"\b[a-z]+[ \t]+(?:from|in|at|of)[ \t]+$")
# "a teacher from X, said", "Ann Roe, 70, from X, said": where a person is from -- what
# follows (speech, "who", a pronoun) is that person's, not X's
_ORIGIN_BEFORE = re.compile(r"(?:\b([a-z-]+)|\d{1,3}[ \t]*,|[A-Za-z][\w'’.-]*[ \t]*,)"
                            r"[ \t]+from[ \t]+$")
# "In the village of X, the farmer Ann Roe ...": what follows the comma is the subject's
_PLACE_OPENING = re.compile(rf"(?:^|[{STOPS}][{CLOSERS}]?[ \t]+)(?:[A-Z][a-z]+[ \t]+)?"
                            r"(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Oo]utside|[Ii]nside|[Aa]cross|[Tt]hroughout)[ \t]+"
                            r"(?:the[ \t]+(?:[a-z-]+[ \t]+){0,2}of[ \t]+)?$")
_AGE = re.compile(r"^\s*(?:,\s*\d{1,3}\s*[,)]|\(\d{1,3}\))")
_WHO = re.compile(r"^\s*,?\s*who\b")
# ", Sir Ann Roe-Lee," after a name: a title and a name of capitalized words, another person
_NAMED_APPOSITION = re.compile(rf"^\s*,\s*(?:{TITLES})\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’.-]*)*\s*,")
# "his predecessor, Ann Roe", "her lawyer, Ann Roe": someone's relation, named after it
_RELATION_BEFORE = re.compile(r"\b(?:[Hh]is|[Hh]er)[ \t]+(?:[a-z-]+[ \t]+)?([a-z]+),[ \t]*$")
_KIN = re.compile(rf"^{POSSESSIVE}?\s+(?:\w+\s+)?(" + "|".join(sorted(KIN_NOUNS)) + r")\b")
_APPOSITION = re.compile(r"^\s*,\s*((?:[^,.;:()\"“”—–]|(?<=\b[A-Z])\.(?!$)|\.(?!\s|$))+)")
# a thing's noun right after the name, maybe after one short modifier ("pro controller")
# what may follow the noun ending an apposition ("X, the U.S. military operation, ...",
# "X, a tool for ..."), not a verb ("X, the show blended ...")
_AFTER_A_NOUN = frozenset({"", "of", "for", "from", "that", "which", "with", "by", "in", "on",
                           "at", "to", "and", "or", "called", "named", "known", "behind",
                           "owned", "run", "based", "made", "built", "registered",
                           "headquartered", "listed", "founded", "whose"})
_THING_AFTER = re.compile(r"^[ \t]+([a-z]+)\b")
#: Words an apposition opens with before its noun ("X, the former ...", "X, whose ...").
_APPOSITION_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "whose",
                                 "now", "then", "formerly", "also", "once", "himself",
                                 "herself", "both", "each", "my", "your", "who"})
#: Prepositions that end an apposition's own noun phrase ("chief executive of Acme").
_APPOSITION_STOPS = frozenset({"of", "for", "at", "in", "on", "with", "from", "by", "to",
                               "into", "about", "over", "under", "after", "before",
                               "against", "between", "among", "during", "since"})
_THING_AFTER_2 = re.compile(r"^[ \t]+(?![a-z]*(?:ed|s)\b)[a-z]{2,5}[ \t]+([a-z]+)\b")
_DEMONYM_ISH = re.compile(r"(?:an|ese|ish|ic|[A-Z]{2,})$")
_CAPITAL_AFTER = re.compile(r"^[ \t]+([A-Z][\w'’-]*)")
# An entry of a list of venues: "Tate Modern, London;", "Huis Marseille, Amsterdam (2017)".
_PLACE_WORDS = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}"
_LOCATED_AFTER = re.compile(rf"^,[ \t]+{_PLACE_WORDS}(?:,[ \t]+{_PLACE_WORDS})?[ \t]*"
                            r"(?:\((?:19|20)\d\d\)|;)")
# An entry of such a list with no place of its own: "Paris; Kunsthaus Bregenz; and".
_SEMICOLON_BEFORE = re.compile(r";[ \t]+(?:and[ \t]+)?(?:the[ \t]+)?$")
_SEMICOLON_AFTER = re.compile(r"^[ \t]*;")
_VENUE_ENTRY = re.compile(rf"[\w.)],[ \t]+{_PLACE_WORDS}[ \t]*(?:\((?:19|20)\d\d\)[ \t]*)?;")
# The tail of a name in another language cut at its small word: "Museum für [Moderne
# Kunst]", "Haus der [Kunst]", "Museum der bildenden [Künste]".
_PARTICLE_BEFORE = re.compile(r"[A-Z][\w'’-]+[ \t]+(?:für|fur|voor|van|von|der|den|des|del|"
                              r"della|di|da|do|dos|du|de|la|le|les|y|och|og)"
                              r"(?:[ \t]+[a-zäöüéèàáíóú]+)?[ \t]+$")
_QUOTE_BEFORE = re.compile(r"[“\"‘'][ \t]*$")
_QUOTE_AFTER = re.compile(r"^[ \t]*[”\"’']")
_PRICE = re.compile(r"^[ \t]*(?:[\w-]+[ \t]+){0,5}?(?:for|at|from|costs?)[ \t]+[$€£¥]\s?\d"
                    r"|^[ \t]*\(?[$€£¥]\s?\d")
_NUMBER = re.compile(r"^[ \t]+(?:\d{1,4}|[IVX]{2,4})\b(?![-–:/.,]?\d)(?![ \t]*%)(?![ \t]+\d)")
_PASSIVE_THING = re.compile(r"^[ \t]+(?:was|were|is|are|will[ \t]+be|has[ \t]+been)[ \t]+"
                            r"(?:launched|released|unveiled|priced|shipped|discontinued|"
                            r"available|manufactured|downloaded|installed|streaming)\b")
_IS_A_THING = re.compile(r"^[ \t]+(?:is|was|are|were)[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+,?[ \t]+){0,3}?("
                         + "|".join(sorted(THING_NOUNS)) + r")\b(?=[ \t]*(?:[,.;:!?)]|$|"
                         r"(?:of|that|which|with|for|from|in|on|by|and|to|where|when|named|called|known|"
                         r"based|owned|run|opened|founded)\b))")
_SENTENCE_REST = re.compile(f"^[^{STOPS}]{{0,160}}")
# role nouns an organisation is called too ("a leader in cloud storage", "a key player")
_ORG_ROLES = frozenset({"leader", "player", "partner", "member", "host", "owner", "champion",
                        "agent", "resident", "citizen", "worker", "employee", "general",
                        "chief", "head", "vice", "officer", "manager", "director", "fellow",
                        "friend", "keeper", "forward", "pioneer", "veteran"})
#: Roles a firm holds as often as a person, named before the name and a comma ("the mine's
#: owner, X", "its developer, X"): neither for nor against by themselves.
_HELD_BY_FIRMS = FIRM_ROLES | {"owner", "owners"}
_IS_A_ROLE = re.compile(r"^[ \t]+(?:is|was|became|has[ \t]+been|serves[ \t]+as|served[ \t]+as)"
                        r"[ \t]+(?:a|an|the)[ \t]+((?:[\w-]+[ \t]*){1,5})")
# the first word of the next sentence: "He", "Her", "It", "Its"
_NEXT_SENTENCE = re.compile(rf"^[^{STOPS}]{{0,160}}[{STOPS}][\"”’)]*\s+[\"“]?([A-Z][a-z]*)\b")
# life dates or a birth after a name: "(1931–2007", "(b. 1934, Aberdeen)", "(born 1950)"
_LIFE = re.compile(r"^[ \t]*\((?:(?:b\.|born|née|nee)[ \t]*(?:in[ \t]+)?(?:1[5-9]|20)\d\d"
                   r"|(?:1[5-9]|20)\d\d[ \t]*[–—-][ \t]*(?:(?:1[5-9]|20)\d\d)?[ \t]*[,;)])"
                   r"|^,[ \t]+(?:who[ \t]+was[ \t]+)?born[ \t]+(?:in|on)\b")
_LIFE_VERB = re.compile(r"^[ \t]+(?:(?:was|is|has|had|have|then|later)[ \t]+)?(?:"
                        + "|".join(sorted(LIFE_VERBS)) + r")\b(?:[ \t]+(?:up|away|in|at|on|from))?")
# "Roe et al.": the first of a paper's authors
_ET_AL = re.compile(r"^,?[ \t]+et[ \t]+al\b")
_CREDENTIAL = re.compile(rf"^,?[ \t]+(?:{CREDENTIALS})(?![\w-])")
_THING_VERB = re.compile(r"^[ \t]+(?:also[ \t]+|now[ \t]+|currently[ \t]+)?(?:"
                         + "|".join(sorted(THING_VERBS)) + r")\b")
# "Acme is ideal for beginners", "Nimbus is also suitable for teams": what a product is for
_IS_FOR = re.compile(r"^[ \t]+(?:is|are)[ \t]+(?:also[ \t]+|especially[ \t]+|not[ \t]+)?"
                     r"(?:ideal|perfect|great|best|suitable|suited|designed|built|made|a[ \t]+good[ \t]+fit)"
                     r"[ \t]+for\b")
# a website or a publisher cited before its address: "“Title.” Acme Bank, https://..."
_URL_AFTER = re.compile(r"^,[ \t]*(?:https?://|www\.)")
_USED_BEFORE = re.compile(rf"\b(?:{USE_VERBS})[ \t]+(?:the[ \t]+)?$", re.I)
_IN_BEFORE = re.compile(r"\b(?:in|across|throughout|near|outside|inside|around)[ \t]+$")
# "from Vila Serrana", "towards Santo Amaro da Serra", "in Alcor, Vila Serrana and Poço",
# "residents of Vila Serrana":
# where something happens or comes from -- a preposition of place before the name or before
# the list of names it ends ("according to X", "a letter to X" are no such places)
_PLACE_PREP = re.compile(r"\b(?:[Ii]n|[Ff]rom|[Nn]ear|[Oo]utside|[Ii]nside|[Tt]owards?|[Aa]round|"
                         r"[Aa]cross|[Tt]hroughout|[Ii]nto|[Vv]ia|(?i:residents|inhabitants|town|"
                         r"city|village|mayor|outskirts|centre|center|streets|province|region|"
                         r"district|municipality|port|suburbs?)[ \t]+of)[ \t]+(?:"
                         rf"[{LATIN_CAPITALS}][\w'’.-]*(?:[ \t]+(?:de|da|do|dos|das|del|di|la|le|"
                         rf"[{LATIN_CAPITALS}][\w'’.-]*))*"
                         r"(?:[ \t]*,[ \t]+|[ \t]+(?:and|or)[ \t]+))*(?:(?:and|or)[ \t]+)?$")
# "X, the three marble towns", "X, a village in the hills": an apposition naming a place
# "[X] province", "in A, [X] and B provinces": the kind of place a name (or a list) is
_PLACE_KIND_AFTER = re.compile(
    rf"^(?:(?:[ \t]*,|[ \t]+(?:and|or))[ \t]+[{LATIN_CAPITALS}][\w'’-]*"
    rf"(?:[ \t]+[{LATIN_CAPITALS}][\w'’-]*){{0,3}})*[ \t]+(?:provinces?|districts?|counties|county|"
    r"municipalit(?:y|ies)|prefectures?|communes?|townships?|villages|towns|cities|regions)\b"
    rf"(?![{APOSTROPHES}-])(?![ \t]+(?:{'|'.join(sorted(ROLE_NOUNS))})\b)")
_PLACE_APPOSITION = re.compile(
    r"^[ \t]*,[ \t]+(?:the|a|an|its|their)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:town|towns|village|"
    r"villages|city|cities|capital|region|province|municipality|suburb|district|county|"
    rf"island|islands|hamlet|commune|parish|port)\b(?![{APOSTROPHES}-])"  # not "the town's mayor"
    rf"(?![ \t]+(?:{'|'.join(sorted(ROLE_NOUNS))})\b)")  # not "the village elder"
_THANKED = re.compile(r"\b(?:[Tt]hanks|[Tt]hank[ \t]+you|[Tt]hanked|[Gg]rateful)[ \t]+(?:to[ \t]+)?$")
_POSSESSIVE_AFTER = re.compile(rf"^[{APOSTROPHES}]s?(?![\w{APOSTROPHES}])")
_BELONGINGS = re.compile(rf"^[{APOSTROPHES}]s?[ \t]+([a-z-]+)(?:[ \t]+([a-z]+))?")
# a gloss after a colon or a dash, as list items give one ("Nimbus: a note-taking app")
_GLOSS = re.compile(r"^[ \t]*(?::|[–—]|-(?=[ \t]))[ \t]*((?:[^,.;:()\"“”—–]){1,80})")
_SENTENCE_END = re.compile(f"[{BEFORE_A_SENTENCE}]\\s*$|^\\s*$|\\n\\s*$")
_NOT_A_NAME_WORD = {*WEEKDAYS, *MONTHS, "I", "A", *ADDRESS_WORDS_BEFORE}  # "Daw [Aye Mya]"
_PARTICIPLE = re.compile(r"[a-z](?:ing|ed)$")
# role nouns that before a name are adjectives ("official Mag Safe", "fellow Republican X")
_ADJECTIVES = frozenset({"official", "fellow", "general", "vice", "chief", "head", "member",
                         "partner", "resident", "citizen", "worker", "employee", "volunteer",
                         "agent", "friend", "lady", "lord", "sir", "dame", "forward"})
_CREDIT_LABEL = re.compile(r"[A-Za-z]_$")
_ROLE_COLON = re.compile(r"\b([A-Za-z]+)[ \t]*:[ \t]*$")
_EXAMPLE_OF = re.compile(r"\b([A-Za-z][a-z]+)[ \t]+(?:like|such[ \t]+as|including)[ \t]+"
                         r"(?:[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*"
                         r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|or)[ \t]+|[ \t]*,[ \t]*(?:and|or)[ \t]+))*$")
_BY = re.compile(r"\b(?:[Bb]y|BY)[ \t]*:?[ \t]+$")
# a byline or an author's credit: "By Ann Roe" opening a line, "written by", "(2007) by",
# "“Title” by" -- not any "by" ("a dress by Acme", "provided by Acme")
_BYLINE = re.compile(rf"(?:^|[{STOPS}|•·:;]\s*|\n\s*)(?:[Bb]y|BY)[ \t]*:?[ \t]+$|"
                     r"\b(?:[Ww]ritten|[Rr]eported|"
                     r"[Ee]dited|[Rr]eviewed|[Ff]act-checked|[Pp]osted|[Pp]ublished|[Aa]uthored|"
                     r"[Cc]ompiled|[Tt]ranslated|[Nn]arrated|[Ii]llustrated|[Dd]esigned|[Cc]reated|"
                     r"[Dd]irected|[Cc]omposed|[Ww]ritten[ \t]+and[ \t]+\w+|[Ii]nterview(?:ed)?|"
                     r"(?:[Aa]dditional[ \t]+)?[Rr]eporting|[Ee]diting|[Ww]riting)"
                     r"[ \t]+by[ \t]*:?[ \t]+$|(?:\)|[”\"])[ \t]+by[ \t]+$")


def _with_next(words: list[str]) -> list[tuple[str, str]]:
    """Each word with the word after it ("" after the last)."""
    return list(zip(words, [*words[1:], ""][:len(words)], strict=True))


def _singular(word: str) -> set[str]:
    """A noun as written and without a plural ending ("partners", "actresses")."""
    return {word, word[:-1] if word.endswith("s") else word,
            word[:-2] if word.endswith("es") else word}


def opening(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens its sentence (or its paragraph)."""
    return bool(_SENTENCE_END.search(text, 0, start) or not text[:start].strip())


def cues(text: str, start: int, end: int) -> frozenset[str]:
    """What the words around ``text[start:end]`` say about it (see the module doc)."""
    before = text[max(0, start - 80):start]
    after = text[end:end + 160]
    out: set[str] = set()
    field = after_title_of(before, len(before), 80) and TITLE_FIELD_BEFORE.search(before)
    # ("Minister of Home Affairs X": the title, its field, the name)
    if _TITLE_BEFORE.search(before) or field:
        out.add("title")
    if _CREDIT_LABEL.search(before):  # "Choreographer_Jeong Hye Jin": a credit's role
        out.add("role")
    m = _ROLE_COLON.search(before)  # "(Instructor: Ann Roe)"
    if m and m.group(1).casefold() in ROLE_NOUNS:
        out.add("role")
    m = None if field else _WORD_BEFORE.search(before)
    if m:
        word = m.group(1)
        if word.casefold().rstrip(".") in ROLE_NOUNS - _ADJECTIVES:
            # "the mine's owner, X": a role a firm holds as often names either
            out.add(FIRM_ROLE if m.group(2) and word in _HELD_BY_FIRMS else "role")
        elif (not m.group(2) and word[0].isupper() and not word.isupper()
              and not before[:m.start()].endswith(("#", "@"))
              and word not in TITLE_WORDS and word not in _NOT_A_NAME_WORD
              and word not in FUNCTION_WORDS):
            out.add("capital_before")
            if not (word.endswith(("'s", "’s", "'", "’", ".")) or word in ORG_WORDS
                    or _DEMONYM_ISH.search(word) or ("-" in word and _PARTICIPLE.search(word))
                    or opening(text, start - len(m.group(0)))):
                out.add("run_cut")  # "Orange [Blossom Comb]": the tail of a longer name
    if _PARTICLE_BEFORE.search(before):
        out.add("run_cut")
    if _LOCATED_AFTER.match(after) or (
            (_SEMICOLON_BEFORE.search(before) or _SEMICOLON_AFTER.match(after))
            and len(_VENUE_ENTRY.findall(text)) >= 2):
        out.add("located")
    if _ARTICLE_BEFORE.search(before):
        out.add("article")
    if _BYLINE.search(before):
        out.add("byline")
    elif _BY.search(before):
        out.add("made_by")  # "a dress by Acme", "a book by Ann Roe": weak
    m = _SPEECH_AFTER.match(after)
    named = _NAMED_APPOSITION.match(after)  # "the member for X, Sir Ann Roe, asked": not X
    if _SPEECH_BEFORE.search(before) or (m and not named and not (
            m.group(1) in _OBJECT_VERBS and not _SAYING.match(after, m.end()))
            and not _FROM_BEFORE.search(before)):
        out.add("speech")  # not "Acme adds stream processing", "a reader from Acme writes"
    m = _EXAMPLE_OF.search(before)  # "tools like Cursor and Claude Code": an instance of what
    if m:
        kind = m.group(1).casefold()
        kinds = {kind, kind[:-1] if kind.endswith("s") else kind,
                 kind[:-2] if kind.endswith("es") else kind}
        if kinds & THING_NOUNS:
            out.add("thing")
        elif kinds & ROLE_NOUNS:
            out.add("role")
    if _AGE.match(after):
        out.add("age")
    if _LIFE.match(after) or _LIFE_VERB.match(after):
        out.add("life")
    if _CREDENTIAL.match(after):
        out.add("credential")
    if _ET_AL.match(after):
        out.add("authors")
    if _THING_VERB.match(after) or _IS_FOR.match(after):
        out.add("thing_verb")
    if _URL_AFTER.match(after):
        out.add("thing")
    if _THANKED.search(before):
        out.add("thanked")  # "thanks to Ann Roe": weak (firms are thanked too)
    if _IN_BEFORE.search(before) and not _POSSESSIVE_AFTER.match(after):
        out.add("in_place")  # "schools in Tamar Nadu": where, not who (soft)
    if _PLACE_PREP.search(before) and not _POSSESSIVE_AFTER.match(after):
        out.add("place_prep")  # neither for nor against by itself
    if PLACE_TAIL.match(after):
        out.add("place_tail")  # "[São Brás] de Alportel": cut from a longer name (neither)
    if _PLACE_APPOSITION.match(after) or _PLACE_KIND_AFTER.match(after):
        out.add("place_apposition")  # "X, the three marble towns": what it is (neither)
    if out & {"place_prep", "place_apposition"}:
        out.add(PLACED)
    if AT_BEFORE.search(before) and not _POSSESSIVE_AFTER.match(after):
        out.add("at_org")
    if " of" in before[-12:] and PART_OF.search(before) and not _POSSESSIVE_AFTER.match(after):
        out.add("org_part")  # "members of X": a body's (for persons; a place has them too)
    m = ROLE_AT.search(before)
    if m and _singular(m.group(1)) & ROLE_NOUNS and not _POSSESSIVE_AFTER.match(after):
        out.add("works_at")  # a person's workplace (for places: often a longer name's start)
    if _USED_BEFORE.search(before) and not _POSSESSIVE_AFTER.match(after):
        out.add("used")  # not "using Ann Roe's method"
    m = _BELONGINGS.match(after)
    if m and (m.group(1) in THING_BELONGINGS or m.group(2) in THING_BELONGINGS) \
            and m.group(2) not in ROLE_NOUNS:  # not "Berlin's interior minister"
        out.add("belongings")  # "Acme's pricing", "Acme's learning tools"
    m = _GLOSS.match(after)
    if m:
        # words as written: a title in capitals after a dash ("Ann Roe – Harbour Music
        # Festival") names the person's work, not what she is
        words = [w.strip("'’.") for w in m.group(1).split()][:6]
        if any(w in ROLE_NOUNS for w in words):
            out.add("apposition")
        elif any(w in THING_NOUNS for w in words):
            out.add("thing_apposition")
    m = _IS_A_ROLE.match(after)
    if m:
        words = m.group(1).casefold().split()
        # the first noun decides: "X is a restaurant named after a woman" is a thing
        first = next((i for i, w in enumerate(words) if w in ROLE_NOUNS or w in THING_NOUNS),
                     None)
        if first is not None and words[first] in THING_NOUNS and words[first] not in ROLE_NOUNS:
            out.add("thing")
        elif any(w in ROLE_NOUNS and w not in _ORG_ROLES for w in words):
            out.add("apposition")
    m = _NEXT_SENTENCE.match(after)
    if m:
        if m.group(1) in ("He", "She", "His", "Her"):
            out.add("pronoun_next")
    if _WHO.match(after):
        out.add("who")
    m = _RELATION_BEFORE.search(before)
    if m and m.group(1) not in THING_NOUNS and m.group(1) not in THING_BELONGINGS:
        out.add("relation")
    if WHICH.match(after) and not OBJECT_OF.search(before):
        out.add("which")
        out.discard("role")  # "the developer Acme Fell, which bought": a kind of firm
    m = KIND_BEFORE.search(before)
    if m and m.group(1) in THING_NOUNS and not MADE_BY_IT.match(after):
        out.add("kind")
    elif m and m.group(1) in FIRM_ROLES and not MADE_BY_IT.match(after):
        out.add(FIRM_ROLE)  # "the developer X": a firm's kind or a person's role
        out.discard("role")
    m = KIND_APPOSITION_BEFORE.search(before)
    if m and m.group(1) in THING_NOUNS and CLOSED_AFTER.match(after):
        out.add("kind")
    m = PLURAL_ROLE_BEFORE.search(before) if before.rstrip().endswith(",") else None
    if m and m.group(1) not in ROLE_NOUNS and m.group(1)[:-1] in ROLE_NOUNS \
            and ONE_NAME_AFTER.match(after):
        out.add("kind")  # "the family's solicitors, Acme Rowe, commissioned": a firm
        out.discard("role")
    if after[:1] in APOSTROPHES and ORG_ONLY.match(after) or WHOSE_ORG_ONLY.match(after) \
            or ORG_PASSIVE.match(after) \
            or SHARES_IN.search(before) and not _POSSESSIVE_AFTER.match(after):
        out.add("org_only")  # "Acme Rowe's chief executive", "Acme, founded by", "shares in X"
    elif ORG_STAFF.match(after):
        out.add("belongings")
    if _KIN.match(after):
        out.add("kin")
    m = _APPOSITION.match(after)
    if m and not _AGE.match(after) and not named:
        words = [w.strip("'’.") for w in m.group(1).casefold().split()]
        if WHOSE_ORG_ONLY.match(after):  # "X, a group whose chief executive ...": no role
            words = words[:words.index("whose")]  # of X's
        # an apposition that opens with neither a determiner nor its noun ("X, liable for
        # steering its employees' money") names no role of X's after a preposition
        head = len(words) if words[:1] and words[0] in _APPOSITION_OPENERS else next(
            (i for i, w in enumerate(words) if w in _APPOSITION_STOPS), len(words))
        own = text[start:end].split()[-1].casefold() if text[start:end].split() else ""
        if words[:1] in (["a"], ["an"], ["the"]) and own in words[1:5]:
            out.add("thing_apposition")  # "Halloran Mill, a small mill in ...": what it is
        roles = {w for w, nxt in _with_next(words[:8])[:head]
                 if w in ROLE_NOUNS and nxt not in ("to", "for", "out", "back", "over", "up")}
        roles = set() if _PLACE_OPENING.search(before) else roles  # "In X, the farmer"
        if roles and roles <= FIRM_ROLES:
            out.add(FIRM_ROLE)  # "X, the independent developer whose game ...": either
        elif roles:
            out.add("apposition")  # not "X, head to our article"
        elif words and words[0] in ("the", "a", "an") and any(
                w in THING_NOUNS and nxt in _AFTER_A_NOUN
                for w, nxt in _with_next(words[:8])):
            out.add("thing_apposition")  # not "Based on the manga by X, the show blended"
    if any((m := rx.match(after)) and m.group(1) in THING_NOUNS
           for rx in (_THING_AFTER, _THING_AFTER_2)):
        out.add("thing")
    if _IS_A_THING.match(after) or _PASSIVE_THING.match(after):
        out.add("thing")
    m = _CAPITAL_AFTER.match(after)
    if m and m.group(1) not in _NOT_A_NAME_WORD:
        word = m.group(1).rstrip("'’s")
        out.add("org_after" if word in ORG_WORDS or word in FIRM_WORDS else "capital_after")
    if _QUOTE_BEFORE.search(before) and _QUOTE_AFTER.match(after):
        out.add("quoted")
    if _PRICE.match(after):
        out.add("price")
    if _NUMBER.match(after):
        out.add("number")
    rest = _SENTENCE_REST.match(after).group(0).casefold()
    for w in re.findall(r"[a-z]+", rest):
        if w in PRONOUNS:
            out.add("pronoun")
            break
        if w in ("it", "its"):
            break
    m = _ORIGIN_BEFORE.search(before) if before.rstrip().endswith("from") else None
    if m and (not m.group(1) or _singular(m.group(1)) & ROLE_NOUNS):
        out -= FOR  # what follows is said of the person the name comes after
        out.add(ORIGIN)
    return frozenset(out)


@dataclass
class NameEvidence:
    """A name's occurrences over the collection, counted (sums of per-document counts)."""

    occurrences: int = 0
    #: occurrences in a heading or title-case line, or opening a sentence
    openings: int = 0
    headings: int = 0
    cue_counts: Counter = field(default_factory=Counter)
    #: occurrences with a cue for / against
    for_: int = 0
    strong: int = 0
    against: int = 0
    hard: int = 0  # occurrences with a cue against other than an article or a cut run
    documents: set[str] = field(default_factory=set)
    #: the family name written alone in the name's documents ("Levin says" after
    #: "Michael Levin"), and how many of those uses a strong cue vouches for
    bare: int = 0
    bare_strong: int = 0
    bare_against: int = 0

    def add(self, doc_id: str, found: frozenset[str], is_opening: bool, heading: bool) -> None:
        self.occurrences += 1
        self.openings += is_opening or heading
        self.headings += heading
        self.cue_counts.update(found)
        self.for_ += bool(found & FOR)
        # two different weak cues in one place count as a strong one ("done by X, in his")
        self.strong += bool(found & STRONG) or len(found & FOR) >= 2
        self.against += bool(found & AGAINST)
        self.hard += bool(found & (AGAINST - SOFT))
        self.documents.add(doc_id)

    def add_bare(self, found: frozenset[str]) -> None:
        """One use of the family name alone (its own cues: "Levin says"; "labeled_other":
        the model calls the word something else there).  A use with a cue against a
        person ("Acme offers", "At Acme, we") or that the model calls something else
        counts against the name, not for it."""
        if found & (AGAINST - SOFT) and not found & STRONG:
            self.bare_against += 1
        elif not found & AGAINST:
            self.bare += 1
            self.bare_strong += bool(found & STRONG)

    def merge(self, other: NameEvidence) -> None:
        """Add another document's counts."""
        for f in ("occurrences", "openings", "headings", "for_", "strong", "against", "hard",
                  "bare", "bare_strong", "bare_against"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.cue_counts.update(other.cue_counts)
        self.documents |= other.documents

    @property
    def body(self) -> int:
        """Occurrences in body text (not in headings)."""
        return self.occurrences - self.headings

    def to_json(self) -> dict:
        return {"occurrences": self.occurrences, "openings": self.openings,
                "headings": self.headings, "cues": dict(self.cue_counts),
                "documents": len(self.documents), "bare": self.bare}


@dataclass(frozen=True)
class Verdict:
    """Whether a name is a person's, and the evidence in a few words."""

    person: bool
    why: str


#: A name written this many times in body text with nothing anywhere that says person
#: (no title, role, speech, pronoun, family name used alone ...) is not listed as one:
#: news and analysis name a person in full once or twice and then by the family name.
UNVOUCHED_MENTIONS = 3


def verdict(ev: NameEvidence, person_votes: int = 0, other_votes: int = 0,
            place_votes: int = 0) -> Verdict:
    """Person or not, from a name's evidence and how the model labeled its exact
    string over the collection (as a person, as an organisation/thing, as a place)."""
    said = ", ".join(sorted(c for c in ev.cue_counts if c in FOR)) or "-"
    against = ", ".join(sorted(c for c in ev.cue_counts if c in AGAINST)) or "-"
    strong = ev.strong + ev.bare_strong
    weak = ev.for_ + bool(ev.bare)
    # the family name alone used as a thing's ("Acme offers"), or called one by the model
    against_all = ev.against + ev.bare_against
    if ev.bare:
        said = f"{said}, family name alone" if said != "-" else "family name alone"
    if ev.bare_against:
        against = f"{against}, the last word alone as a thing's ({ev.bare_against})"
    if place_votes > person_votes and not strong:
        return Verdict(False, f"a place (the model: {place_votes} place, {person_votes} person)")
    said_is = [c for c in ("kind", "org_only", "works_at", "place_apposition") if ev.cue_counts[c]]
    if said_is and not any(ev.cue_counts[c] for c in PERSONAL) and not ev.bare_strong:
        # "the insurer Acme Rowe said", "Acme Rowe's chief executive", "a partner at Acme
        # Rowe", "Acme Rowe, a small fishing port": a kind of firm, thing or place named
        # beside it, what only an organisation has, a workplace -- and nothing only a person
        # has anywhere (firms speak too; "analysts said X makes sense")
        what = "a place's" if said_is == ["place_apposition"] else "a firm's or a thing's"
        return Verdict(False, f"{what}, nothing personal ({against})")
    if ev.cue_counts[FIRM_ROLE] and not any(ev.cue_counts[c] for c in PERSONAL) \
            and not (ev.bare or ev.bare_strong or ev.cue_counts["pronoun"]
                     or ev.cue_counts["pronoun_next"]):
        # "the broker Acme Rowe said": a role a firm takes too, and nothing else a person
        # has anywhere -- no title, no other role, no "he/she", never the family name alone
        return Verdict(False, f"a role a firm takes too before it, nothing personal ({against})")
    if strong and strong >= against_all:
        return Verdict(True, f"context: {said}")
    if ev.against and ev.against >= weak and (ev.hard or ev.against * 2 > ev.occurrences) \
            or ev.bare_against and against_all > ev.for_ + ev.bare:
        return Verdict(False, f"context against: {against}")
    if other_votes > person_votes and not weak:
        return Verdict(False, f"the model: {other_votes} other, {person_votes} person")
    if weak:
        return Verdict(True, f"context: {said}")
    if ev.body >= UNVOUCHED_MENTIONS:
        return Verdict(False, f"{ev.body} mentions and nothing that says person")
    return Verdict(True, "the model's label")
