"""Persons and places found on hand-annotated pages, scored against the gold.

Used by ``bench_persons.py``.  The gold (``persons_gold.json``) gives, per page, its
persons keyed by one name per person (the same key on two pages is the same
person) with the spellings the page uses, strings that are not persons, and the
page's places.  A found person (a canonical name with its mentions on the page)
is *identified* with the gold person it names: by its canonical name, else by
the full names it was found under on the page, else by any spelling.  From that:

* precision / recall: distinct persons per page, micro-averaged;
* wrong merges: a found person that stands for two gold persons (on one page or
  across pages: "John Smyth" found under "Jon Smith"'s name on another page) --
  each pair of gold persons counted once;
* splits: a gold person found as two or more persons (on one page, or across the
  collection);
* bare family names: gold persons a page names only by a single word ("Biden")
  while their gold key is a full name -- found or not;
* the 100 most mentioned found persons: how many are persons;
* places: precision (and recall) of found places against the page's places.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from searchapp.ingest.persons import names as nm

_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
_TITLE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Rep|Sen|Gov|Gen)\.?\s+)+")
_POSSESSIVE = re.compile(r"['’]s?$")


def clean(name: str) -> str:
    """A name without a title, a possessive, suffixes (Jr.) and middle initials."""
    name = _POSSESSIVE.sub("", _TITLE.sub("", name.strip()))
    words = [w for w in nm.tokens(name) if w.rstrip(".,").casefold() not in _SUFFIX]
    return " ".join(words)


def same(a: str, b: str) -> bool:
    """Two spellings name one person (case, hyphens, order, initials, suffixes aside)."""
    a, b = clean(a), clean(b)
    if not a or not b:
        return False
    return bool(nm.exact_keys(a) & nm.exact_keys(b))


def full(name: str) -> bool:
    return len(clean(name).split()) >= 2


class Page:
    """One annotated page and what was found on it."""

    def __init__(self, key: str, gold: dict, found: Mapping[str, set[str]],
                 places: set[str]) -> None:
        self.key = key
        self.gold: dict[str, list[str]] = gold["persons"]
        self.ignore = list(gold.get("ignore_persons", ()))
        self.found = found  # canonical -> surfaces on this page
        self.places = places
        self.gold_places = {_place(p) for p in gold.get("places", ())}
        self.ignore_places = {_place(p) for p in gold.get("ignore_places", ())}

    def owners(self, surface: str) -> set[str]:
        """Gold persons of this page that this spelling names."""
        return {g for g, sp in self.gold.items() if any(same(surface, s) for s in (g, *sp))}

    def identify(self, canonical: str) -> str | None:
        """The gold person a found person names on this page (None: nobody)."""
        by_name = self.owners(canonical)
        if len(by_name) == 1:
            return next(iter(by_name))
        surfaces = self.found[canonical]
        if full(canonical) and not any(full(s) for s in surfaces):
            words = set(clean(canonical).casefold().split())
            if not any(words <= set(clean(g).casefold().split()) for g in self.gold):
                return None  # a bare name given to a person who is not on this page
        votes = Counter(g for s in surfaces if full(s) for g in self.owners(s))
        if not votes:
            votes = Counter(g for s in surfaces for g in self.owners(s))
        return votes.most_common(1)[0][0] if votes else None

    def ignored(self, canonical: str) -> bool:
        return any(same(canonical, s) or same(x, s) for s in self.ignore
                   for x in self.found[canonical])


def _place(name: str) -> str:
    name = _POSSESSIVE.sub("", re.sub(r"^the\s+", "", name.strip(), flags=re.I))
    return " ".join(name.split()).casefold()


def score(pages: Iterable[Page], paragraph_counts: Counter) -> dict:
    """The figures for a set of pages found as one collection."""
    pages = list(pages)
    tp = fp = fn = 0
    false_pos: list[str] = []
    missed: list[str] = []
    identity: dict[str, Counter] = defaultdict(Counter)  # canonical -> gold persons
    found_as: dict[str, set[str]] = defaultdict(set)  # gold person -> canonicals
    merges: set[tuple[str, str]] = set()
    page_splits: list[str] = []
    bare_found = bare_total = 0
    bare_missed: list[str] = []
    not_person: set[str] = set()
    ignored: set[str] = set()
    ptp = pfp = pfn = 0
    place_fp: list[str] = []
    place_missed: list[str] = []
    for page in pages:
        ids: dict[str, str | None] = {c: page.identify(c) for c in page.found}
        hit: dict[str, set[str]] = defaultdict(set)
        for c, g in ids.items():
            if g is None:
                if page.ignored(c):
                    ignored.add(c)
                    continue
                fp += 1
                not_person.add(c)
                false_pos.append(f"{c} [{'; '.join(sorted(page.found[c]))}]")
                continue
            identity[c][g] += 1
            hit[g].add(c)
            found_as[g].add(c)
            for s in page.found[c]:  # a spelling of another person of the page
                for other in page.owners(s) - {g}:
                    if not any(same(s, x) for x in (g, *page.gold[g])):
                        merges.add(tuple(sorted((g, other))))
        for g, cs in hit.items():
            if len(cs) > 1:
                page_splits.append(f"{g}: {sorted(cs)}")
        tp += len(hit)
        fn += len(page.gold) - len(hit)
        missed += sorted(set(page.gold) - set(hit))
        for g, spellings in page.gold.items():
            if full(g) and all(not full(s) for s in spellings):
                bare_total += 1
                if g in hit:
                    bare_found += 1
                else:
                    bare_missed.append(f"{g} ({', '.join(spellings)})")
        for p in page.places:
            k = _place(p)
            if k in page.ignore_places:
                continue
            if k in page.gold_places:
                ptp += 1
            else:
                pfp += 1
                place_fp.append(p)
        place_missed += sorted(page.gold_places - {_place(p) for p in page.places})
        pfn += len(page.gold_places - {_place(p) for p in page.places})
    for gs in identity.values():  # one found person standing for several gold persons
        names = sorted(gs)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                merges.add((a, b))
    splits = sorted(f"{g}: {sorted(cs)}" for g, cs in found_as.items() if len(cs) > 1)
    ranked = [c for c, _ in paragraph_counts.most_common() if c not in ignored
              and (c in identity or c in not_person)][:100]
    top_wrong = [c for c in ranked if c not in identity]
    return {
        "pages": len(pages),
        "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
        "tp": tp, "fp": fp, "fn": fn,
        "wrong_merges": sorted(f"{a} + {b}" for a, b in merges),
        "splits": splits, "splits_on_a_page": page_splits,
        "bare_family": {"found": bare_found, "of": bare_total, "missed": bare_missed},
        "top100": {"persons": len(ranked), "precision": _ratio(len(ranked) - len(top_wrong),
                                                                len(ranked)),
                   "not_persons": top_wrong},
        "places": {"precision": _ratio(ptp, ptp + pfp), "recall": _ratio(ptp, ptp + pfn),
                   "tp": ptp, "fp": pfp, "fn": pfn, "false_positives": sorted(place_fp),
                   "missed": place_missed},
        "false_positives": false_pos, "missed": missed,
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0
