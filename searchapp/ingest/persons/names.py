"""Person names compared without a registry: spelling variants, order, native script.

Romanized names vary in ways that are regular: hyphens and spaces inside
given names ("Jong-un" / "Jong Un" / "Jongun"), family name first or last
("Kishida Fumio" / "Fumio Kishida"), and romanization systems ("Suk" /
"Seok", "Duck" / "Deok", "Zelensky" / "Zelenskiy").  :func:`same_person`
decides whether two spellings name one person:

1. *exact*: the names are equal once case, hyphens, spaces, dots and
   initials are ignored, in either order;
2. *variant*: after folding romanization (oo/eo/ou -> u, ck -> k, a final
   -y/-iy/-yy -> -i ...), Jaro-Winkler similarity of the keys is at least
   :data:`SIMILARITY` **and** the consonant skeletons agree (consonants in
   classes such as g=k, d=t, b=p; vowels dropped).  The skeleton keeps
   "Kim Jong-un" apart from "Kim Jong-il" and "Jake" from "Jane", which
   similarity alone would merge.

:func:`cluster_names` groups the spellings of a collection and picks the
most frequent full form as the display name.  :func:`native_key` reads
Chinese characters (pinyin, and the Korean reading of hanja) and Hangul so
that 习近平, 시진핑 and 尹錫悅 meet their romanized forms; Japanese readings
need a GPL reader (pykakasi) and are left to the curated registry.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from searchapp import lexicon
from searchapp.ingest.text import fold_letters
from searchapp.lexicon import HANGUL_SYLLABLES, NAME_HYPHEN_CHARS

#: Jaro-Winkler similarity of folded keys at or above which two spellings may
#: be one person (the consonant skeletons must agree as well).
SIMILARITY = 0.95
HYPHENS = NAME_HYPHEN_CHARS
HAN = re.compile(f"[{lexicon.HAN}]")
HANGUL = re.compile(f"[{HANGUL_SYLLABLES}]")
NATIVE_RUN = re.compile(f"[{lexicon.HAN}]+|[{HANGUL_SYLLABLES}]+")
_INITIAL = re.compile(r"^[A-Z]\.?$|^[A-Z]\.[A-Z]\.?$")
_SPLIT = re.compile(r"[\s\u00a0]+")
# (with the modifier letters written as apostrophes in names: the Hawaiian ʻokina, ʼ, ʾ, ʿ)
_DROP = re.compile(rf"[{HYPHENS}.'’`\u02bb\u02bc\u02be\u02bf]")


def tokens(name: str) -> list[str]:
    """The words of a name, without middle initials ("Donald J. Trump", not "J.J. Abrams")."""
    words = [w.strip(",") for w in _SPLIT.split(name.strip()) if w.strip(",")]
    kept = words[:1] + [w for w in words[1:] if not _INITIAL.match(w)]
    return kept if len(kept) > 1 or len(words) == 1 else words


@lru_cache(maxsize=65536)
def plain(word: str) -> str:
    """A word folded for comparison: accents, case, hyphens, dots and apostrophes removed, and the
    Latin letters no accent makes folded as the index folds them ("Aydınlı",
    "Wałęsa", "Øster" as "aydinli", "walesa", "oster": :func:`fold_letters`)."""
    return fold_letters(_DROP.sub("", word))


def orders(name: str) -> list[list[str]]:
    """The name's words as written, and rotated (family name first or last)."""
    words = [plain(w) for w in tokens(name)]
    out = [words]
    if len(words) > 1:
        out.append(words[-1:] + words[:-1])
        out.append(words[1:] + words[:1])
    return out


def exact_keys(name: str) -> set[str]:
    """Keys equal for spellings that differ only in case, hyphens, spaces and order."""
    return {"".join(ws) for ws in orders(name)}


_FOLDS = (("ck", "k"), ("eo", "u"), ("oo", "u"), ("ou", "u"), ("eu", "u"), ("ee", "i"),
          ("ph", "f"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("ay", "ai"))
_FINAL = re.compile(r"(?:iy|yy|y|ii)$")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """One word with common romanization differences folded away."""
    w = plain(word)
    for a, b in _FOLDS:
        w = w.replace(a, b)
    w = _FINAL.sub("i", w) if len(w) > 3 else w
    return re.sub(r"(.)\1+", r"\1", w)  # doubled letters


_CLASSES = str.maketrans({"g": "k", "c": "k", "q": "k", "d": "t", "b": "p", "r": "l",
                          "v": "f", "z": "s", "x": "s", "w": "", "h": "", "y": ""})


def skeleton(folded: str) -> str:
    """Consonants in classes, vowels dropped, repeats collapsed."""
    s = re.sub(r"[aeiou]", "", folded).translate(_CLASSES)
    return re.sub(r"(.)\1+", r"\1", s)


def _folded_orders(name: str) -> list[str]:
    return ["".join(fold_word(w) for w in ws) for ws in orders(name)]


def same_person(a: str, b: str) -> bool:
    """Whether two spellings of full names (two or more words) name one person."""
    if exact_keys(a) & exact_keys(b):
        return True
    ta, tb = tokens(a), tokens(b)
    if len(ta) < 2 or len(tb) < 2:
        return False
    fa, fb = _folded_orders(a)[0], _folded_orders(b)
    best = max(fb, key=lambda k: JaroWinkler.similarity(fa, k))
    if fa == best:
        return True
    if JaroWinkler.similarity(fa, best) < SIMILARITY:
        return False
    sa, sb = skeleton(fa), skeleton(best)
    # Equal skeletons, or one spelling cut short by at most one final consonant.
    return sa == sb or (abs(len(sa) - len(sb)) == 1 and (sa.startswith(sb) or sb.startswith(sa)))


_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def family_word(name: str) -> str:
    """The last word of a name that is no suffix ("Carlineo" of "Patrick W. Carlineo Jr.")."""
    words = tokens(name)
    while len(words) > 2 and plain(words[-1]).strip(",") in _SUFFIXES:
        words = words[:-1]
    return words[-1] if words else ""


def family_keys(name: str) -> set[str]:
    """Folded first and last words: the family name is one of them."""
    words = tokens(name)
    return {fold_word(words[0]), fold_word(words[-1]), fold_word(family_word(name))} \
        if words else set()


#: Why two spellings are one person (the strongest first): kept with every merge.
WHY = ("spelling", "romanization", "middle name", "same article", "nickname (same article)",
       "initials (same article)")


def folded_key(name: str) -> str:
    """The name with romanization folded away, words in written order."""
    return " ".join(fold_word(w) for w in tokens(name))


def _romanization(a: str, b: str) -> bool:
    """Equal once romanization rules are applied (in either order): "Han Duck-soo" /
    "Han Deok-su", "Zelensky" / "Zelenskiy"."""
    fa = {"".join(fold_word(w) for w in ws) for ws in orders(a)}
    return bool(fa & {"".join(fold_word(w) for w in ws) for ws in orders(b)})


def _given_family(name: str) -> tuple[str, str, int]:
    words = tokens(name)
    return plain(words[0]), fold_word(words[-1]), len(words)


def _nickname(a: str, b: str) -> bool:
    """"Pat Carlineo" / "Patrick Carlineo", "Josh Apte" / "Joshua Apte": the same family
    word, one given name the beginning of the other (three letters or more)."""
    ga, fa, na = _given_family(a)
    gb, fb, nb = _given_family(b)
    if fa != fb or na != 2 or nb != 2 or ga == gb:
        return False
    short, long_ = sorted((ga, gb), key=len)
    return len(short) >= 3 and long_.startswith(short)


def _initials(a: str, b: str) -> bool:
    """"B. U. Nzeribe" / "Benjamin Nzeribe": an initial for the given name.  A given name
    the initialled spelling writes out must be the other's too: "S. Ramanathan Chettiar"
    is not "Somasundaram Chettiar", nor "J. Robert Roe" "Julius Roe" (in South Indian
    names the initial is the father's name; elsewhere a person goes by one given name,
    and two spellings that each write out another are two persons)."""
    wa, wb = name_words(a), name_words(b)
    if plain(wa[-1]) != plain(wb[-1]) or len(wa) < 2 or len(wb) < 2:
        return False
    ia = [w for w in wa[:-1] if _INITIAL.match(w)]
    ib = [w for w in wb[:-1] if _INITIAL.match(w)]
    if bool(ia) == bool(ib):
        return False
    initial, given = (wa, wb) if ia else (wb, wa)
    written = {plain(w) for w in given[:-1]}
    if any(plain(w) not in written for w in initial[:-1] if not _INITIAL.match(w)):
        return False
    return plain(initial[0])[:1] == plain(given[0])[:1] and not _INITIAL.match(given[0])


def name_words(name: str) -> list[str]:
    """All words of a name, initials included."""
    return [w.strip(",") for w in _SPLIT.split(name.strip()) if w.strip(",")]


def _middle(short: str, long_: str) -> bool:
    """"Mary Evans" / "Mary Ann Evans": the short name is the long one's first and last."""
    s, lg = tokens(short), tokens(long_)
    return (len(s) == 2 and len(lg) > 2 and plain(s[0]) == plain(lg[0])
            and fold_word(s[1]) == fold_word(lg[-1]))


def merge_reason(a: str, b: str, same_document: bool) -> str | None:
    """Why spellings ``a`` and ``b`` are one person, or None.  Across documents only
    rules merge (spelling, romanization); a similar spelling, a nickname or initials
    need the two in one document."""
    if exact_keys(a) & exact_keys(b):
        return "spelling"
    if len(tokens(a)) < 2 or len(tokens(b)) < 2:
        return None
    if _romanization(a, b):
        return "romanization"
    if not same_document:
        return None
    if _nickname(a, b):
        return "nickname (same article)"
    if _initials(a, b):
        return "initials (same article)"
    if same_person(a, b):
        return "same article"
    return None


def cluster_spellings(counts: Counter | dict[str, int],
                      docs: Mapping[str, set[str]] | None = None,
                      kin: frozenset[str] = frozenset(),
                      ) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Group spellings of the same person: ``({display name: [spellings]}, {spelling:
    why it joined})``.

    ``counts`` maps each full-name spelling to how often it was seen, ``docs`` to the
    documents it was seen in (None: compare as if all were in one document).  Two
    spellings join for a reason of :func:`merge_reason`; a short name joins a longer
    one with a middle name ("Mary Evans" / "Mary Ann Evans", "middle name") only when
    that longer name is the only one it could be.  Only names sharing a folded first
    or last word are compared (the work grows with the collection, not its square).
    The display name is the most frequent spelling, ties going to the longer, then
    alphabetically first; each other spelling's reason is that of the link that
    brought it in (the strongest where there are several).  A spelling in ``kin``
    (written as someone's relative: "his father, Juan Roe") never joins a longer name
    it begins ("Juan Roe García", the son).
    """
    names = [n for n in counts if len(tokens(n)) >= 2]
    parent = {n: n for n in names}
    links: dict[str, list[tuple[str, str]]] = {n: [] for n in names}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def link(a: str, b: str, why: str) -> None:
        links[a].append((b, why))
        links[b].append((a, why))
        if find(a) != find(b):
            parent[find(b)] = find(a)

    blocks: dict[str, list[str]] = {}
    for n in names:
        for k in family_keys(n):
            blocks.setdefault(k, []).append(n)
    seen: set[tuple[str, str]] = set()
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                shared = docs is None or bool(docs.get(a, set()) & docs.get(b, set()))
                why = merge_reason(a, b, shared)
                if why:
                    link(a, b, why)
    # Middle names, where unambiguous: the short name's only longer match.
    longer: dict[tuple[str, str], set[str]] = {}
    for n in names:
        words = tokens(n)
        if len(words) > 2:
            longer.setdefault((plain(words[0]), fold_word(words[-1])), set()).add(find(n))
    for n in names:
        words = tokens(n)
        if len(words) == 2:
            hits = longer.get((plain(words[0]), fold_word(words[1])), set())
            groups = {find(h) for h in hits}
            if len(groups) == 1 and find(n) not in groups:
                target = next(h for h in names if find(h) in groups and _middle(n, h))
                link(target, n, "middle name")
    # A name that ends a longer one of the same article ("Ag Ahmadou" beside "Alhassane Ag
    # Ahmadou", the longer one typed otherwise by the model), when only one longer name
    # there ends so and no other person of that family is named there (:func:`kin_beside`):
    # that person.  Likewise a name that begins one, the family name dropped
    # ("Yekaterina Andreyevna" beside "Yekaterina Andreyevna Volkova": a given name and
    # patronymic; "Abdul Sattar" beside "Abdul Sattar Popalzai"), not before a generational
    # suffix ("Robert Roe" and "Robert Roe Jr." are father and son).
    for end in (-1, 0):
        by_word: dict[str, list[str]] = {}
        for n in names:
            by_word.setdefault(fold_word(tokens(n)[end]), []).append(n)
        for n in names:
            part = [fold_word(w) for w in tokens(n)]
            hits = [h for h in by_word[part[end]] if _extends(h, part, end)
                    and (docs is None or docs.get(n, set()) & docs.get(h, set()))]
            groups = {find(h) for h in hits}
            if len(groups) == 1 and find(n) not in groups and not (end == 0 and n in kin) \
                    and not (end and kin_beside(
                    n, hits[0], [k for k in by_word[part[end]] if docs is None
                                 or docs.get(k, set()) & docs.get(n, set())])):
                link(hits[0], n, "same article")
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(find(n), []).append(n)
    out: dict[str, list[str]] = {}
    reasons: dict[str, str] = {}
    for members in groups.values():
        members.sort(key=lambda n: (-counts[n], -len(n), n))
        shown = _written_out(members)
        members.sort(key=lambda n: n != shown)
        out[members[0]] = members
        reasons.update(_reasons(members[0], links))
    return out, reasons


def _written_out(members: list[str]) -> str:
    """The display name among ``members`` (most frequent first): the most frequent
    spelling, or the longest spelling that begins with all its words -- the name
    written out, where the article mostly drops its last words ("Anna Pavlovna" most
    often, "Anna Pavlovna Roe" once: the person is listed as "Anna Pavlovna Roe")."""
    top = [fold_word(w) for w in tokens(members[0])]
    longer = [n for n in members[1:] if _extends(n, top, 0)]
    return max(longer, key=lambda n: (len(tokens(n)), len(n)), default=members[0])


def _extends(long_: str, part: list[str], end: int) -> bool:
    """Whether ``long_`` is a longer name that ends with the folded words ``part``
    (``end`` -1) or begins with them (``end`` 0: not before a generational suffix,
    "Robert Roe Jr." being another person than "Robert Roe")."""
    words = tokens(long_)
    if len(words) <= len(part):
        return False
    if end:
        return [fold_word(w) for w in words[-len(part):]] == part
    return [fold_word(w) for w in words[:len(part)]] == part \
        and plain(words[-1]).strip(",.") not in _SUFFIXES


def kin_beside(short: str, long_: str, names: Iterable[str]) -> bool:
    """Whether an article that writes ``short`` beside ``long_`` (which ends with it) and
    ``names`` names another person of the family too: in a family's article "Saleh Roe"
    beside "Nizar Saleh Roe" and "Fadi Roe" is the father whose given name the son's
    name carries (an Arabic name's chain), not the son.  Spellings of ``long_``'s person
    ("Nizar Roe": its first and last word) are no other person."""
    last, first = fold_word(tokens(short)[-1]), fold_word(tokens(long_)[0])
    return any(k not in (short, long_) and len(tokens(k)) >= 2
               and fold_word(tokens(k)[-1]) == last and fold_word(tokens(k)[0]) != first
               and not long_.endswith(" " + k) for k in names)


def _reasons(root: str, links: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """Each spelling's reason for joining: the strongest link on a path from the
    display name, found breadth first by strength."""
    rank = {w: i for i, w in enumerate(WHY)}
    out: dict[str, str] = {}
    frontier = [root]
    done = {root}
    while frontier:
        nxt = []
        for a in frontier:
            for b, why in sorted(links[a], key=lambda x: rank.get(x[1], 99)):
                if b not in done:
                    done.add(b)
                    out[b] = why
                    nxt.append(b)
        frontier = nxt
    return out


def cluster_names(counts: Counter | dict[str, int]) -> dict[str, list[str]]:
    """:func:`cluster_spellings` without documents (all compared as one document)."""
    return cluster_spellings(counts)[0]


# --- native script ------------------------------------------------------------

# Revised Romanization of Hangul, syllable by syllable (initial, vowel, final).
_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
             "ch", "k", "t", "p", "h")
_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
           "u", "wo", "we", "wi", "yu", "eu", "ui", "i")
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
           "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")
# Family names whose usual spelling is far from the Revised Romanization.
_KOREAN_FAMILY = {"이": "lee", "리": "lee", "김": "kim", "박": "park", "최": "choi", "정": "jung",
                  "조": "cho", "강": "kang", "윤": "yoon", "임": "lim", "오": "oh", "노": "roh",
                  "신": "shin", "권": "kwon", "류": "ryu", "유": "yoo", "우": "woo"}
# Hanja family names read with the initial-sound rule (金 is 김 as a name).
_HANJA_FAMILY = {"金": "김", "李": "이", "林": "임", "柳": "유", "劉": "유", "盧": "노", "羅": "나",
                 "梁": "양", "呂": "여", "廉": "염", "陸": "육", "龍": "용"}


def hangul_syllable(ch: str) -> str:
    """Revised Romanization of one Hangul syllable ("석" -> "seok")."""
    idx = ord(ch) - 0xAC00
    if not 0 <= idx < 11172:
        return ""
    return _INITIALS[idx // 588] + _VOWELS[(idx % 588) // 28] + _FINALS[idx % 28]


@lru_cache(maxsize=16384)
def _han_readings(ch: str) -> tuple[str, ...]:
    """Readings of one Chinese character: pinyin, and the Korean (hanja) reading."""
    out: list[str] = []
    try:
        from pypinyin import lazy_pinyin
        out.append(lazy_pinyin(ch)[0])
    except ImportError:
        pass
    try:
        import hanja
        ko = hanja.translate(ch, "substitution")
        if HANGUL.fullmatch(ko):
            out.append(hangul_syllable(ko))
    except ImportError:
        pass
    return tuple(dict.fromkeys(r for r in out if r and r.isascii()))


_LOOSE = (("ck", "k"), ("zh", "j"), ("ch", "j"), ("x", "s"), ("q", "j"), ("g", "k"), ("d", "t"), ("b", "p"),
          ("r", "l"), ("w", ""), ("eo", "u"), ("eu", "u"), ("oo", "u"), ("ou", "u"), ("o", "u"),
          ("ae", "e"), ("ee", "i"), ("h", ""))


@lru_cache(maxsize=65536)
def loose_key(romanized: str) -> str:
    """A coarse key on which a native-script reading and a romanized name meet."""
    w = re.sub(r"[^a-z]", "", plain(romanized))
    for a, b in _LOOSE:
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


def readings(native: str) -> list[str]:
    """Romanized readings of a name in Chinese characters or Hangul (maybe several)."""
    if HANGUL.fullmatch(native[0]):
        sylls = [hangul_syllable(ch) for ch in native]
        first = _KOREAN_FAMILY.get(native[0])
        out = [" ".join(sylls)]
        if first:
            out.append(" ".join([first, *sylls[1:]]))
        return out
    per_char = []
    for i, ch in enumerate(native):
        rs = list(_han_readings(ch))
        if i == 0 and ch in _HANJA_FAMILY:
            rs.append(hangul_syllable(_HANJA_FAMILY[ch]))
        if not rs:
            return []
        per_char.append(rs)
    # Read the whole name one way (Chinese or Korean), not a mix.
    out = []
    for k in range(max(len(r) for r in per_char)):
        out.append(" ".join(r[min(k, len(r) - 1)] for r in per_char))
    if any(len(r) > 1 for r in per_char[:1]):  # a hanja family name's own reading
        out.append(" ".join([per_char[0][-1]] + [r[-1] for r in per_char[1:]]))
    return list(dict.fromkeys(out))


def native_keys(native: str) -> set[str]:
    """Loose keys of a native-script name's readings."""
    return {loose_key(r) for r in readings(native)}


def romanized_keys(name: str) -> set[str]:
    """Loose keys of a romanized full name, in either order."""
    return {loose_key(" ".join(ws)) for ws in orders(name)}


def native_runs(text: str) -> Iterable[tuple[int, int, str]]:
    """Runs of Chinese characters or of Hangul in ``text``: (start, end, run)."""
    for m in NATIVE_RUN.finditer(text):
        yield m.start(), m.end(), m.group(0)
