"""The words quote attribution reads: verbs of speech, pronouns, roles, sources.

General vocabulary of news writing in English, Korean and Chinese -- never names of
particular persons, outlets or pages.  One place for each list; the rest of
:mod:`searchapp.ingest.quotes` imports them.
"""

from __future__ import annotations

import re

from searchapp.ingest.persons.words import ROLE_NOUNS as PERSON_ROLES
from searchapp.lexicon import ELLIPSIS, STOPS, WEEKDAYS


def _forms(*stems: str) -> frozenset[str]:
    """Each verb in the forms news writing uses: ``"say said says saying"`` style lists
    are written out whole (irregular English does not derive well)."""
    return frozenset(w for s in stems for w in s.split())


#: Verbs that attribute words to a speaker before or after a direct quote
#: ("..., Volker said", 'Morrison told the committee, "...', "said Aseem Prakash").
#: Forms that are as often nouns ("claim", "claims", "reports", "notes") are left out
#: where a noun would mislead: "the ministry's claim is 'absolutely not true'".
SAY = _forms(
    "say says said saying", "tell tells told telling", "add adds added adding",
    "ask asks asked asking", "answered", "replied", "responded responds",
    "explain explains explained explaining", "noted noting", "write writes wrote writing",
    "tweeted", "posted", "continued continues", "argue argues argued arguing",
    "warn warns warned warning", "insist insists insisted", "claimed", "stated",
    "testify testifies testified", "recalled recalls recalling", "recounted recounts", "speculate speculates speculated",
    "remarked", "commented", "observed observes", "declared declares", "announced announces",
    "acknowledged acknowledges", "admitted admits", "conceded concedes", "confirmed confirms",
    "denied denies", "reiterated reiterates", "stressed stresses",
    "emphasized emphasizes emphasised emphasises", "joked jokes", "quipped quips",
    "laughed laughs", "chuckled chuckles", "sighed sighs", "shouted", "yelled", "screamed",
    "cried", "exclaimed exclaims", "whispered whispers", "chanted", "urged urges",
    "begged", "advised advises", "cautioned cautions", "predicted predicts", "promised",
    "pledged", "vowed vows", "suggested suggests", "agreed agrees", "inquired", "wondered wonders",
    "reported", "revealed reveals", "shared", "maintained maintains", "contended contends",
    "hinted hints", "mentioned mentions", "countered", "interjected", "ordered", "retorted",
    "boasted boasts", "complained complains", "concluded concludes", "clarified clarifies",
    "instructed instructs", "affirmed affirms", "asserted asserts", "mused muses",
    "reflected reflects", "recommended recommends", "offered offers",
    # plural subjects: '"...," the authors conclude'
    "conclude", "emphasise emphasize", "stress", "explain", "suggest", "agree",
    "observe", "admit", "acknowledge", "reveal", "recall", "recount", "clarify",
    "read", "reads",  # '"...," the statement read'
)
#: Present forms that are as often nouns ("the notes", "United States", "company shares"):
#: verbs of speech only right after a pronoun or a person's name ('"...," she shares').
SAY_AFTER_SUBJECT = _forms("notes states shares claims reports remarks comments answers replies")
#: Verbs after which a clause without quote marks is the speaker's words ("Volker said
#: he had no knowledge ...").  Those of :data:`REPORT_THAT` need "that" first.
REPORT = _forms(
    "say says said saying", "tell tells told telling",
    "testify testifies testified", "insist insists insisted", "claimed",
    "warn warns warned warning", "argue argues argued arguing", "stated", "tweeted",
    "add adds added adding",
)
REPORT_THAT = _forms(
    "explain explains explained explaining", "noted noting", "confirm confirmed confirms confirming",
    "deny denied denies denying", "reveal revealed reveals revealing", "shared", "reported",
    "suggest suggested suggests suggesting", "agree agreed agrees", "announce announced announces announcing",
    "pledged", "promised", "admit admitted admits admitting", "acknowledge acknowledged acknowledges acknowledging",
    "joked", "quipped quip", "hinted", "recalled recalls",
    "emphasize emphasise emphasized emphasizes emphasised emphasises",
    "stress stressed stresses", "reiterate reiterated reiterates", "concede conceded concedes",
    "predict predicted predicts", "pointed points pointing", "remind reminded reminds",
    "assert asserted asserts", "maintain maintained maintains", "contend contended contends",
    "caution cautioned", "declare declared declares", "vowed", "complain complained complains",
    "mentioned mentions", "observe observed observes", "note notes",
    "indicate indicated indicates", "advise advised", "conclude concluded concludes",
    "allege alleged alleges", "claims reports",  # "the claims that", "its reports that": no subject to speak
    "write writes wrote",  # "wrote hundreds of songs": a clause only after "that"
    "replied replies", "responded responds", "answered answers", "countered", "retorted",
)
#: Gestures a feature writes before a speaker's words ('Marchal shrugs. "We have ..."').
GESTURES = _forms(
    "shrug shrugs shrugged", "smile smiles smiled", "grin grins grinned", "nod nods nodded",
    "pause pauses paused", "wince winces winced", "frown frowns frowned",
    "beam beams beamed", "gasp gasps gasped", "hesitate hesitates hesitated",
)
#: Verbs that quote a few words as a speaker's characterization ("called it a
#: 'disaster'", "described the idea as 'certainly absurd'").
CHARACTERIZE = _forms(
    "called calling", "describe describes described describing", "dubbed", "labeled labelled",
    "termed", "branded", "hailed", "praised", "rejected", "dismissed", "introduced",
    "characterized characterised", "derided", "decried", "slammed", "criticized criticised",
)
ALL_VERBS = SAY | REPORT | REPORT_THAT | CHARACTERIZE
#: Finite verbs of speech that attribute a quotation or a clause to a name next to them
#: ("Lund said", '..., she told the Review'): not the forms as often other verbs' or
#: a text's ("read", "ordered", "offered", "posted", "shared").
SAID = frozenset(w for w in SAY | REPORT if not w.endswith("ing")) - {
    "read", "reads", "ordered", "offered", "offers", "posted", "shared"}

#: A verb form only a clause can follow: "That said," and "said to have" are not speech.
PASSIVE_BEFORE = frozenset("is are was were be been being am get gets got so-called".split())

#: Pronouns that stand for one person, with the sex they name.
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
#: Subject pronouns that stand for a group, an organisation or nobody in particular:
#: the speaker is unnamed.
GROUP_PRONOUNS = frozenset({"they", "it"})
#: Words that open a noun phrase ("the claims that ...", "restarted the agent").
DETERMINERS = frozenset("the a an his her its their our these those such any no".split())
#: Speakers who are the writer or the reader: never attributed.
SELF_PRONOUNS = frozenset({"i", "we", "you"})
#: Titles before a name that say the person's sex.
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "emperor", "father"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady", "queen",
                           "princess", "empress", "mother", "sister"})
#: Nouns of kin that say a person's sex ("her son, Hiroshi X" is a man; "a daughter,
#: Mariko X" a woman): the document's own evidence, as a title is.
KIN_SEX = {**dict.fromkeys("""son husband father brother grandson grandfather nephew uncle
stepson stepfather widower boyfriend fiance""".split(), "m"),
           **dict.fromkeys("""daughter wife mother sister granddaughter grandmother niece aunt
stepdaughter stepmother widow girlfriend fiancee""".split(), "f")}

#: Words that begin a noun phrase naming no one in particular ("a senior official",
#: "two people familiar with the talks"): such a speaker is unnamed.
INDEFINITE = frozenset("""
a an one another some several two three four five many most other others few any each
numerous multiple various both all
""".split())
#: Nouns of roles a person is named by ("the governor said" after "Gov. Eric Holcomb"):
#: a definite one stands for a person of that role named in the document.  The persons'
#: list (searchapp.ingest.persons.words), and the roles of news about crimes, courts and
#: crowds it does not need; :func:`role_noun` also knows agent nouns by their shape.
ROLE_NOUNS = PERSON_ROLES | frozenset("""
administrator admiral alumna alumnus chancellor customer defendant graduate insider migrant
neighbor neighbour nominee organiser plaintiff premier protester refugee source speaker star
survivor suspect tester trainee user vice-president victim witness
""".split())
#: Roles that are sources by nature: "the source said" with nobody of that role named
#: is an unnamed source, never a person mentioned nearby.
SOURCE_NOUNS = frozenset("""
source sources official officials spokesman spokeswoman spokesperson spokespeople insider
insiders witness witnesses aide aides person people expert experts analyst analysts
observer observers diplomat diplomats tester testers researcher researchers resident
residents employee employees staffer staffers member members customer customers user users
participant participants respondent respondents student students teacher teachers
parent parents doctor doctors officer officers agent agents lawyer lawyers attorney
attorneys scientist scientists economist economists investor investors trader traders
executive executives worker workers authorities authority police prosecutors investigators
critics supporters opponents protesters organizers organisers advocates authors man woman
men women media
""".split())

#: Endings of agent nouns ("nutritionist", "dietitian", "forecaster", "organizer",
#: "correspondent"): nouns of what persons do, when no list knows them.
_AGENT_ENDINGS = ("ist", "ists", "ian", "ians", "er", "ers", "or", "ors", "ant", "ants",
                  "ent", "ents")
#: Common words of those shapes that name no one.
_NOT_AGENTS = frozenset("""
other others number numbers power powers order orders water waters center centers centre
letter letters matter matters paper papers after never ever however over under either
neither rather together whether later former latter upper lower better cancer color colour
major minor error errors factor factors sector sectors floor floors door doors moment
moments percent event events content contents element elements statement statements
government governments agreement agreements department departments plant plants
important instant giant weather winter summer october november december september
computer computers chapter chapters quarter quarters corner border borders answer answers
register counter filter filters layer layers theater theatre dinner shelter monster
banner banners poster posters sticker stickers flyer flyers
recent current different present absent patent talent evident silent
percent segment segments payment payments treatment treatments investment investments
development environment equipment management document documents comment comments
restaurant restaurants meant want wants plant pleasant distant
constant significant relevant ancient efficient sufficient frequent urgent apparent
consistent excellent independent permanent prominent violent decent innocent transparent
median
""".split())


#: A family name with its particle glued on by a hyphen or an apostrophe ("al-Rashidi",
#: "el-Masri", "d'Alema"): a capitalised name word for all that.
GLUED_NAME = re.compile(r"^(?:al|el|ad|an|as|ash|at|az|bin|ibn|abu|ben|bel|d|l|da|de|di|del|"
                        r"della|dos|van|von|ter|ten)[-'’][^\W\d_]")


def role_noun(word: str) -> bool:
    """A noun for a person's role or trade: one of :data:`ROLE_NOUNS`, or a lower-case
    agent noun by its ending ("nutritionist", "forecasters")."""
    w = word.lower().strip(".’'")
    if w in ROLE_NOUNS:
        return True
    if len(w) < 6 or not w.isalpha() or not word[:1].islower() or w in _NOT_AGENTS:
        return False
    return w.endswith(_AGENT_ENDINGS)


#: Words right after a verb of speech that open no reported clause ("said again").
NOT_CLAUSE_OPENERS = frozenset("""
again too also so yes no goodbye hello nothing little much more less repeatedly earlier
later once twice aloud publicly privately
""".split())
#: Words ending in -ly that are no adverbs and may open a clause ("said only ...").
LY_NOT_ADVERBS = frozenset({"only", "early", "family", "italy", "july", "hourly", "daily"})
#: Subordinators that open a clause with its own subject and verb ("When X met Y, ...").
CLAUSE_OPENERS = frozenset("when after as while although though because since before once "
                           "if until unless whereas".split())
#: Nouns of bodies and documents that speak for someone unnamed ("the ministry said",
#: "the report stated", "according to a study").
BODY_NOUNS = frozenset("""
ministry ministries office offices department agency agencies company companies firm firms
government governments administration authority authorities police court committee
commission council union unions group groups party campaign team teams organization
organisation organizations organisations institute university hospital board bank banks
brokerage brokerages report reports study studies survey surveys statement statements
release notice letter filing complaint website site poll polls paper papers analysis
research review newspaper magazine network station channel outlet embassy military army
navy forces force coalition alliance brand platform app label exchange operator operators
manufacturer manufacturers automaker automakers carmaker maker makers retailer chain
agencies outlets documents document memo lawsuit
prosecution defense defence government's spokesperson's statement's minutes transcript
presentation note notes account accounts post tweet video footage article articles piece
charity charities nonprofit nonprofits startup startups subsidiary consortium cooperative
""".split())
#: Heads of noun phrases for groups of people ("those in favor of punishment", "others").
GROUP_HEADS = frozenset("those others some many most several both all few".split())
#: Prepositions after which a name in a speaker phrase is not the speaker ("a spokesman
#: for Senator X", "an expert at Y").
PREPOSITIONS = frozenset("""
of for at from with to by in on about into against among between under over via per
through toward towards near behind beside like than during despite amid amidst following
throughout within without upon across along around
""".split())
#: Words that open a subordinate clause: a speaker phrase holding one is no noun phrase.
SUBORDINATORS = frozenset("""
that which who whom whose when while because if although though since unless whether
where after before until as once so
""".split())
#: Words no speaker's noun phrase holds: finite verbs, object pronouns, "to" ("people
#: began using them for business" is a clause).
NOT_IN_NOUN_PHRASE = frozenset("""
is are was were be been has have had will would can could should may might must do does did
began begins got gets went goes made makes took takes came comes seemed seems became becomes
to them him us me it's there here not n't isn't wasn't don't doesn't didn't
""".split())
#: Adverbs and auxiliaries allowed between a speaker and the verb ("Volker later said",
#: "Morrison also testified", "has said").
LIGHT = frozenset("""
also later then further again previously earlier once recently repeatedly often still
instead since
has have had did does do just only even never always reportedly reiterated publicly
privately separately earlier already first finally quickly simply flatly bluntly openly
tearfully jokingly angrily calmly softly quietly loudly would will could can might may
""".split())
#: Words that open a sentence without being its subject ("However, ...", "And ...").
OPENERS = frozenset("""
and but so yet however still meanwhile moreover instead indeed also then now thus
""".split())

#: "The governor, Beatriz Olmedo-Ruiz," / "the bank's chief economist, Ana Duarte,": a
#: role, then a name of two to four capitalised words between commas.
ROLE_APPOSITION = re.compile(r"\b[Tt]he (?:[\w'’-]+ ){0,3}?(?P<role>[a-z][a-z-]+), "
                             r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}),")

# --- Korean and Chinese ---------------------------------------------------------------

#: Korean verbs of speech at a sentence's end, after a quote or a "-고" clause.
KO_SAY = ("말했다", "밝혔다", "강조했다", "전했다", "설명했다", "덧붙였다", "주장했다",
          "지적했다", "언급했다", "발표했다", "물었다", "답했다", "평가했다", "촉구했다",
          "당부했다", "호소했다", "비판했다", "말한다", "밝힌다", "했다", "전망했다",
          "경고했다", "부인했다", "확인했다", "반박했다", "언급한", "말했습니다",
          "밝혔습니다", "강조했습니다", "분석했다", "내다봤다", "예상했다", "우려했다",
          "약속했다", "제안했다", "답변했다", "토로했다", "털어놨다", "꼬집었다")
#: Korean particles marking a sentence's topic or subject ("박 장관은", "시진핑이").
KO_SUBJECT = ("은", "는", "이", "가", "께서", "측은", "측이")
#: Chinese verbs of speech that open the speaker's words ("中方表示，", "习近平强调：").
ZH_SAY = ("表示", "强调", "強調", "指出", "说", "說", "称", "稱", "认为", "認為", "透露",
          "宣布", "介绍", "介紹", "说道", "說道", "回应", "回應", "坦言", "直言", "声明",
          "聲明", "呼吁", "呼籲", "重申", "提到", "告诉", "告訴", "问道", "問道", "答道",
          "补充", "補充", "警告", "承认", "承認", "宣称", "宣稱", "明确表示", "明確表示",
          "提醒", "建议", "建議",
          # writing: 写道 "wrote" (a -道 verb of saying as 说道, 问道, 答道), 发文 "posted"
          "写道", "寫道", "发文", "發文")
#: Korean and Chinese pronouns of one person ("他强调", "그는 …고 말했다"): the
#: person who spoke last.
CJK_PERSON_PRONOUNS = frozenset({"他", "她", "그", "그녀"})
#: Chinese words that introduce a source ("据外交部", "根据报道").
#: Set phrases of 据 that name no source: 据悉 "it is learned", 据了解 "it is understood".
ZH_NO_SOURCE = frozenset({"悉", "了解", "估计", "估計", "统计", "統計", "说", "說"})
ZH_ACCORDING = ("据", "據", "根据", "根據")


#: Tokens that end a sentence (a full stop of any script), and with ';' and ':' a clause.
SENTENCE_STOPS = frozenset(STOPS)
CLAUSE_STOPS = SENTENCE_STOPS | {";", ":"}
#: What ends the words after a reported verb: a comma too.
CLAUSE_BREAKS = CLAUSE_STOPS | {","}
#: A quotation that ends so is a sentence, not a title.
QUOTE_STOPS = tuple(STOPS + ELLIPSIS)
#: Weekday names in lower case: times, not words of the clause.
WEEKDAYS_LOWER = frozenset(day.lower() for day in WEEKDAYS)
