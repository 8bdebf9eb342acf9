"""What the words around a name say of a firm or an organisation: its kind before it ("the
insurer X"), what only an organisation has ("X's chief executive", "members of X"), a
workplace ("a partner at X") -- the patterns :func:`searchapp.ingest.persons.evidence.cues`
reads, kept apart from it.
"""

from __future__ import annotations

import re

from searchapp.lexicon import APOSTROPHES, POSSESSIVE, STOPS

# "the insurer Acme Rowe", "at the bank Acme Grant", "the equipment maker Acme": what kind of
# firm or thing the name is, right before it -- a determiner, up to two modifiers, a noun
# of things (not "the company chairman Ann Roe": the word right before is a role)
KIND_BEFORE = re.compile(r"(?:^|[^\w'’])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|"
                         r"[Tt]his|[Rr]ival|[Ww]hose)[ \t]+(?:[\w-]+[ \t]+){0,2}?([a-z]+)[ \t]+$")
# "the company behind it, Acme Rowe, ships ...", "her cooperative, Acme Rowe, is ...": an
# apposition before the name naming a thing, closed after it
KIND_APPOSITION_BEFORE = re.compile(
    r"(?:^|[,;:.]\s+|\b(?:and|but)[ \t]+)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|"
    r"[Mm]y)[ \t]+"
    r"(?:[\w-]+[ \t]+){0,2}?([a-z]+)(?:[ \t]+[a-z]+){0,3},[ \t]*$")
CLOSED_AFTER = re.compile(r"^[ \t]*(?:,|\))")
# "the family's solicitors, Acme Rowe, commissioned ...": many persons' role, one name
# (not "the lawyers, Ann Roe and Bo Li"; not "her lawyers, Ann Roe, Bo Li, ...")
PLURAL_ROLE_BEFORE = re.compile(r"(?:[Tt]he|[Ii]ts|[Tt]heir|[{APOSTROPHES}]s?)[ \t]+"
                                r"(?:[a-z-]+[ \t]+)?([a-z]+s),[ \t]*$".replace("{APOSTROPHES}",
                                                                              APOSTROPHES))
ONE_NAME_AFTER = re.compile(r"^[ \t]*(?:,[ \t]+(?!and\b|or\b)[a-z]|[.;)])")
# "the company Ann Roe founded", "the studio Bo Li runs": a person's relative clause
MADE_BY_IT = re.compile(r"^[ \t]+(?:co-?founded|cofounded|founded|started|built|created|"
                        r"owns|owned|leads|heads|headed|chairs|chaired|joined|directed|"
                        r"designed|wrote|set[ \t]+up)\b")
# "Acme Freight, which raised ...": a relative clause a person never takes -- unless the
# name ends a phrase the clause is about ("a spin-off from Ann Roe, which ...")
WHICH = re.compile(r"^[ \t]*,[ \t]*which\b")
OBJECT_OF = re.compile(r"\b(?:from|by|of|with|for|about|to|starring|featuring)[ \t]+$", re.I)
# "Acme Grant's chief executive", "Acme's co-founder and", "Acme's shareholders": what only
# an organisation has (a person has a chief of staff, not a chief executive)
# (a chief executive, founders, shareholders, a board of directors: ``ORG_ONLY``; staff and
# employees a person's business has too: belongings)
ORG_ONLY_ROLES = (r"(?:[a-z]+[ \t]+)?(?:chief[ \t]+(?:executive|"
                  r"financial|operating|technology|marketing|product|people)|managing[ \t]+"
                  r"(?:director|partner)s?|co-?founders?|"
                  r"cofounders?|founders?|board[ \t]+of[ \t]+directors|shareholders|"
                  r"stockholders|(?:senior[ \t]+|executive[ \t]+)?vice[ \t-]+presidents?"
                  r"[ \t]+(?:for|of))\b")
ORG_ONLY = re.compile(rf"^{POSSESSIVE}[ \t]+{ORG_ONLY_ROLES}")
# "X, a telecoms group whose chief executive, Ann Roe, ...": the same in an apposition
WHOSE_ORG_ONLY = re.compile(rf"^[ \t]*,[ \t]+(?:a|an|the)[ \t]+[^,.;:()]{{0,60}}?\bwhose[ \t]+"
                            rf"{ORG_ONLY_ROLES}")
# "Acme Rowe, founded by ...", "Acme Rowe is owned by ...", "X was incorporated in":
# what is done only to an organisation or a property -- nobody founds, owns or controls a
# person (not "backed", "bought", "managed": candidates, players and boxers are too)
ORG_PASSIVE = re.compile(r"^(?:[ \t]*,[ \t]*(?:(?:which|that)[ \t]+(?:is|was)[ \t]+)?|[ \t]+"
                         r"(?:is|was|are|were|has[ \t]+been|had[ \t]+been)[ \t]+)"
                         r"(?:(?:wholly|partly|majority|jointly|privately|publicly|still|now|"
                         r"also|later|originally)[ \t]+)?"
                         r"(?:co-?founded|founded|owned|controlled|incorporated|headquartered)"
                         r"[ \t]+(?:by|in|at)\b")
# "shares in X", "a stake in X": a firm's (not "a stake in Ann Roe's firm": the caller
# checks for a possessive after the name)
SHARES_IN = re.compile(r"\b(?:[Ss]hares|[Ss]tock|[Ss]takes?|[Ss]hareholders?|[Ss]hareholding)"
                       r"[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?$")
# "members of X", "the founder of X": a body's members and officers -- X is the body
# -- and "the mayor of X", "the paramount chief of X": an office held over a place or a
# body (no one is the chief or the mayor of a person)
PART_OF = re.compile(r"\b(?:members|membership|leadership|co-?founders?|founders?|"
                     r"shareholders|employees|board|chief|chiefs|headman|chieftain|mayor|"
                     r"governor|emir|sultan|ruler|chairman|chairwoman|president|premier)"
                     r"[ \t]+of[ \t]+(?:the[ \t]+)?$")
ORG_STAFF = re.compile(rf"^{POSSESSIVE}[ \t]+(?:\d[\d,.]*[ \t]+(?:[a-z]+[ \t]+)?(?:employees|"
                       r"workers|staff|people)\b|(?:[a-z]+[ \t]+)?(?:chief[ \t]+(?:executive|financial|"
                       r"operating|technology|marketing|product|people)|co-?founders?|"
                       r"cofounders?|founders?|chairman|chairwoman|board[ \t]+of[ \t]+directors|"
                       r"shareholders|stockholders|employees|workforce|admissions|"
                       r"(?:senior[ \t]+|executive[ \t]+)?vice[ \t-]+presidents?[ \t]+(?:for|of))\b|"
                       r"board\b"
                       r"(?![ \t]+(?:game|games|meeting)))")

# "At Acme, we ...", "works at Acme": an organisation or a place, not a person
AT_BEFORE = re.compile(rf"(?:^|[{STOPS}:;\"“]\s*)At[ \t]+$|"
                       r"\b(?:work|works|worked|working|job|"
                       r"jobs|career|internship|intern|position|role|staff|team|employees?|"
                       r"engineers?|researchers?|scientists?|developers?|analysts?|[Hh]ere)[ \t]+at[ \t]+$")
# "a partner at Acme Rowe", "an economist at Acme Grant": where a person works
ROLE_AT = re.compile(r"\b([a-z-]+)[ \t]+at[ \t]+(?:the[ \t]+)?$")
