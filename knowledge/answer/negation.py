"""The negations of a question, read once: whether it reports an incident, and how, or describes a case.

`understand` calls `read_negations` and keeps what it says (Understood.incident and the cues "not_done", "incident",
"described"); everything else (routing, knowledge.answer.incident's matching) goes by that one reading. The rules:
- something NOT DONE: a negated finite verb or short participle ("не провели", "не обеспечены", "жүргізбеді",
  "көрсетпеген", "etpedi"), English "not" before a participle ("not ensured", "was not carried out"), "did not",
  "failed to", "no ... was done", "no ... for";
- something ABSENT: "нет", "не было", "отсутствует", "жоқ", "missing", "never", a bare English "not", and verbs that,
  negated, say what is not or cannot be rather than what was not done (glossary `negation.weak`: "не могут",
  "болмады", "не имеется"); the word said missing ("нет пандуса", "пандус жоқ") is what the incident is about;
- no incident either: something missing whose only content word is a job title ("не было врача", "дәрігер жоқ",
  "nurse missing"): staff are the staffing norms' matter, no requirement of the criteria, so no ground to answer a
  violation on;
- a case DESCRIBED, no incident: a negation inside a condition or a reason ("если ... не", "при отсутствии", "в
  случае", "когда", "потому что", "if / unless / when / because ... not", Kazakh "егер", "себебі", the conditional
  -са/-се "берілмесе", "болмаса", "жоқ болса", "болмаған жағдайда") or a relative clause ("которые не могут", "у
  кого нет", "who do not", the Kazakh participles "жүре алмайтын", "кәмелетке толмаған балалар") says who or what a
  service is for; it reports nothing not done.
A negation that is asked about ("жоқ па", "нет ли") is none of these. When a question has several, the strongest
reported one counts (not done over absent); described ones count only when nothing is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.answer.glossary import Glossary, Match
from knowledge.text import (
    PARTICIPLE_ENDINGS,
    is_latin,
    is_russian_verb,
    kazakh_negation,
    lemma,
    loose,
    russian_pos,
    to_cyrillic,
    tokens,
    verb_lemma,
)

ABSENT, NOT_DONE = 1, 2  # how a question reports an incident (Understood.incident); 0: it reports none
DESCRIBED = -1  # a negation describing a case (a condition, a relative clause): no incident

_RUSSIAN_NOT = frozenset(["не", "ни"])  # particles that negate the verb after them
_REPORTING = frozenset(["VERB", "PRTS"])  # Russian finite verbs and short participles report; others describe
_HABITUAL = ("йтын", "йтін", "итын", "итин")  # a Kazakh participle: "жүре алмайтын" (who cannot walk)
_KAZAKH_NONE = frozenset(["жок", "zhoq", "zhok", "joq"])  # "жоқ" (loose): before a noun, a relative clause too
# Question particles: "жоқ па", "нет ли" ask whether something exists; they report nothing missing.
_QUESTION_PARTICLES = frozenset(["ма", "ме", "ба", "бе", "па", "пе", "ли", "ma", "me", "ba", "be", "pa", "pe", "li"])
# "или нет", "or not": the other half of a yes-or-no question ("действует или нет?"), nothing reported missing
OR_WORDS = frozenset(["или", "либо", "ili", "or"])
# Words opening a condition or a reason: a negation after them in the same clause describes a case ("если нет
# родственников", "because he is not allowed on public transport": who the service is for).
_CONDITION = frozenset(["если", "ежели", "когда", "случае", "егер", "if", "unless", "when", "whenever", "because",
                        "since", "потому", "посколку", "себеби"])
# Relative words: the same, unless they open the question, where they ask ("кто не получил", "which ... is not").
_RELATIVE = frozenset(["который", "которая", "которое", "которые", "которых", "которым", "которыми", "которого",
                       "которому", "кто", "кого", "кому", "кем", "чей", "чья", "чьи", "где", "who", "whom", "whose",
                       "which"])
_RUSSIAN_WHEN = "при"  # "при отсутствии": a condition only right before the negation ("при стационаре" is a place)
# Kazakh words after a negation that make it a condition: "жоқ болса", "болмаған жағдайда", "жоқ кезде".
_CLOSES_CASE = frozenset(["болса", "жагдаида", "кезде", "кезинде"])  # loose forms, Latin-script read in Cyrillic
# loose forms, Latin-script read in Cyrillic (each word is looked at as typed and as read in Cyrillic)
_DURING = frozenset(["кезде", "кезинде", "барысында"])  # "тексеру кезінде": during
_BE_KK = "бол"  # "болған", "болатын": a form of "to be" between a negation and its closing word
_KAZAKH_CONDITIONAL = {"са": "ды", "се": "ді"}  # "берілмесе" is read like its past tense, "берілмеді"
CASE_REACH = 6  # words back from a negation in which its condition or relative word stands
# English "not" before these sets a limit or adds ("not more than 10", "not only"): no negation of a fact.
_NOT_A_FACT = frozenset(["more", "less", "fewer", "later", "earlier", "only", "exceeding", "over", "under", "above",
                         "below", "sure"])
_IRREGULAR = frozenset(["held", "done", "given", "kept", "taught", "made", "drawn", "shown", "brought", "met", "paid",
                        "sent", "set", "put", "built", "run", "seen", "taken", "got", "gotten"])
# past forms that are no participle (the participles, `_IRREGULAR`, are past forms too)
_IRREGULAR_PAST = frozenset(["did", "gave", "took", "came", "told", "bought", "went", "showed", "helped", "let"])
# Words that may stand between "not" and its participle ("not been carried out", "not yet drawn up").
_BEFORE_PARTICIPLE = frozenset(["be", "been", "being", "yet", "properly", "fully", "always", "ever", "even", "once"])
_BE = frozenset(["was", "were", "is", "are", "been", "got"])
NO_REACH = 8  # words after English "no" in which its verb or "for" stands
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\n—–]+")


@dataclass
class Negations:
    incident: int = 0  # ABSENT, NOT_DONE or 0
    described: bool = False  # a negation describes a case (and nothing is reported)
    kazakh_verbs: set[int] = field(default_factory=set)  # token indices of negated Kazakh verbs (generic words)
    verbs: set[int] = field(default_factory=set)  # token indices of the verbs negated, in any language
    missing: set[int] = field(default_factory=set)  # token indices of the things said missing ("нет пандуса")


def read_negations(text: str, raw: list[str], translit: list[str | None], matches: list[Match],
                   taken: list[Match | None], glossary: Glossary) -> Negations:
    """The question's negations read: `raw` its tokens, `translit` their Cyrillic (Latin tokens), `matches` and
    `taken` the glossary's matches (the cue terms "incident" and "not_done" among them)."""
    # each word as typed and, for a Latin one, in Cyrillic ("if" stays "if", "eger" is "егер")
    words = [(loose(token), loose(t) if t else "") for token, t in zip(raw, translit, strict=True)]
    clause = _clauses(text, len(raw))
    found = Negations()

    def negation(start: int, how: int, end: int | None = None) -> None:
        """One negation at [start, end): in a condition or relative clause it describes; a job title missing is none."""
        if how == DESCRIBED or _describes(words, clause, start):
            found.described = True
        elif how == NOT_DONE or not _job_title_missing(words, clause, taken, glossary, start, end or start + 1):
            found.incident = max(found.incident, how)

    for m in matches:
        # a cue that is also "not done" ("с опозданием": done late) reports it like "not_done" itself
        kind = "not_done" if "not_done" in glossary.implies.get(m.term.key, ()) else m.term.key
        if m.term.category == "cues" and kind in ("incident", "not_done"):
            if m.end < len(raw) and raw[m.end] in _QUESTION_PARTICLES:
                continue  # "бар ма, жоқ па": asked, not reported
            if _asked_or_not(raw, clause, m.start, m.end):
                continue
            if m.term.words[-1] in _KAZAKH_NONE and _qualifies(words, clause, taken, glossary, m.end - 1):
                negation(m.start, DESCRIBED)  # "туыстары жоқ қарттарға"
            else:
                negation(m.start, NOT_DONE if kind == "not_done" else ABSENT, m.end)
                if (thing := _missing_thing(raw, clause, taken, m)) is not None:
                    found.missing.add(thing)
                at = m.end - 2 if raw[m.end - 1] == "t" and m.end - 2 >= m.start else m.end - 1  # "hasn't": "hasn" "t"
                verb = None
                if _english_not(raw, at):
                    verb = _negated_word(raw, at)  # "did not" + "invite"
                elif raw[at] == "never" and at + 1 < len(raw) and _past(raw[at + 1]):
                    verb = at + 1  # "never showed", "never taught": the verb it negates
                if verb is not None:
                    found.verbs.add(verb)
                    if glossary.is_stopword(loose(raw[verb])) and (thing := _got(raw, clause, verb, glossary)):
                        found.missing.add(thing)  # "never got his typhlo devices": what was not got
    for index, token in enumerate(raw):
        if taken[index] is not None:
            continue
        word = (translit[index] or token).casefold()
        previous = (translit[index - 1] or raw[index - 1]).casefold() if index else ""
        if previous in _RUSSIAN_NOT and (action_noun(word) or _misspelt_action_noun(previous + word, word)):
            found.verbs.add(index)
            negation(index, NOT_DONE)  # "не обеспечение", "необеспечение" (split by `split_fused`)
        elif previous in _RUSSIAN_NOT and is_russian_verb(word):
            found.verbs.add(index)
            weak = loose(lemma(word) or "") in glossary.weak_negation
            negation(index, NOT_DONE if russian_pos(word) in _REPORTING and not weak else ABSENT)
        elif previous in _RUSSIAN_NOT and russian_pos(word) == "NOUN" and (verb := verb_lemma(word)) is not None:
            # a verb the dictionary reads first as a noun ("не вели": a name first, "вести" too): after "не" Russian
            # puts its verbs (not its pronouns: "не моя работа")
            found.verbs.add(index)
            negation(index, ABSENT if loose(verb) in glossary.weak_negation else NOT_DONE)
        elif lemma(word) is None and (kazakh := _kazakh_negated(word)) is not None:
            found.kazakh_verbs.add(index)
            found.verbs.add(index)
            verbal_noun, conditional = kazakh
            participle = word.endswith(PARTICIPLE_ENDINGS) and _qualifies(words, clause, taken, glossary, index)
            if conditional or word.endswith(_HABITUAL) or participle:
                negation(index, DESCRIBED)
            else:  # "болмады", "жүре алмайды": something not there, or not possible
                negation(index, ABSENT if loose(verbal_noun) in glossary.weak_negation else NOT_DONE)
        elif _english_not(raw, index):
            if index + 1 < len(raw) and raw[index + 1] in _NOT_A_FACT or _asked_or_not(raw, clause, index, index + 1):
                continue
            if (verb := _negated_word(raw, index)) is not None:
                found.verbs.add(verb)
            negation(index, NOT_DONE if _participle_follows(raw, index) else ABSENT)
        elif token == "no" and _no_for(raw, index):
            negation(index, NOT_DONE)
    found.described = found.described and not found.incident
    return found


def _missing_thing(raw: list[str], clause: list[int], taken: list[Match | None], m: Match) -> int | None:
    """The word a word of absence says is missing, in its clause: the one before Kazakh "жоқ" ("пандус жоқ"), the one
    after Russian "нет", "отсутствует", "не было" ("нет пандуса"); None when a glossary term stands there (a setting,
    a job title) or the clause ends. English says it too many ways ("missing X", "X is missing") to tell."""
    if m.term.lang == "kk":
        at = m.start - 1
    elif m.term.lang == "ru":
        at = m.end
    else:
        return None
    if not 0 <= at < len(raw) or clause[at] != clause[m.start] or taken[at] is not None or not raw[at].isalpha():
        return None
    return at


_ACTION_NOUN = ("ние", "тие", "вие")  # Russian nouns of action: "обеспечение", "развитие", "содействие"
FUSED_REST = 6  # a fused "не" is split off only before a word at least this long
MISSPELT_REST = 8  # ... and before a word no dictionary knows only when it is this long
_ACTION_NOUN_FORM = re.compile(r"(?:ени|ани|стви|ти)(?:е|я|ю|ем|и)$")  # a noun of action's ending, in any case


def action_noun(word: str) -> bool:
    """A Russian noun of action ("обеспечение", "содействие"), by its dictionary form."""
    found = lemma(word)
    return found is not None and russian_pos(word) == "NOUN" and found.endswith(_ACTION_NOUN)


def _misspelt_action_noun(word: str, rest: str) -> bool:
    """"несолбюдение": neither the word nor its rest is in the dictionary, and the rest ends the way nouns of action
    do (a misspelt "несоблюдение"): the typo must not hide what was not done."""
    return (len(rest) >= MISSPELT_REST and lemma(word) is None and lemma(rest) is None
            and _ACTION_NOUN_FORM.search(rest) is not None)


def split_fused(raw: list[str]) -> list[str]:
    """Russian nouns of action negated in one word ("необеспечение", "непредоставление", "несодействие"), the way
    requirements are named as violations, split into "не" and the noun: the noun meets the requirement's own word,
    and "не" + a noun of action reports something not done."""
    found = []
    for token in raw:
        # transliterated Russian ("neobespechenie") is read in Cyrillic and split in its own script
        cyrillic = to_cyrillic(token) if is_latin(token) else token
        rest = cyrillic[2:]
        if cyrillic.startswith("не") and len(rest) >= FUSED_REST and (
                (action_noun(rest) and lemma(cyrillic) != lemma(rest)) or _misspelt_action_noun(cyrillic, rest)):
            found += [token[:2], token[2:]]
        else:
            found.append(token)
    return found


def _kazakh_negated(word: str) -> tuple[str, bool] | None:
    """(verbal noun, conditional) of a negated Kazakh verb form: "жүргізбеді" → ("жүргізу", False); the conditional
    "берілмесе", "болмаса" → ("берілу", True), read by its past-tense twin ("берілмеді")."""
    ending = word[-2:]
    if ending in _KAZAKH_CONDITIONAL:
        verbal_noun = kazakh_negation(word[:-2] + _KAZAKH_CONDITIONAL[ending])
        return (verbal_noun, True) if verbal_noun else None
    verbal_noun = kazakh_negation(word)
    return (verbal_noun, False) if verbal_noun else None


def _describes(words: list[tuple[str, str]], clause: list[int], index: int) -> bool:
    """Whether the negation at `index` stands in a condition or a relative clause: a condition word before it in the
    same clause ("если ... не", "if ... not"), a relative word there that does not open the question ("получатели,
    которые не могут", "who do not"), "при" right before it ("при отсутствии"), or a Kazakh word after it making it
    a condition ("жоқ болса", "болмаған жағдайда")."""
    for back in range(max(0, index - CASE_REACH), index):
        if clause[back] != clause[index]:
            continue
        if _CONDITION.intersection(words[back]):
            return True
        if _RELATIVE.intersection(words[back]) and back > 0:
            return True
    if index and _RUSSIAN_WHEN in words[index - 1]:
        return True
    # right after it, or after "болған" / "болатын" ("жоқ болған кезде"); after another word the closing word is that
    # word's ("пандус жоқ тексеру кезінде анықталды": found during the inspection, a report)
    return any(_CLOSES_CASE.intersection(words[after]) and clause[after] == clause[index]
               and (after == index + 1 or any(w.startswith(_BE_KK) for w in words[index + 1] if w))
               for after in range(index + 1, min(index + 3, len(words))))


def _qualifies(words: list[tuple[str, str]], clause: list[int], taken: list[Match | None], glossary: Glossary,
               index: int) -> bool:
    """Whether a Kazakh negated participle or "жоқ" stands before a word it qualifies, as a relative clause does
    ("кәмелетке толмаған балалар", children not of age; "туыстары жоқ қарттар", the elderly with no relatives); at the
    end of its clause, or before a cue, a question word or a setting, area or district, it reports ("жоспар
    жасалмаған", "берілмеген, қандай бұзушылық", "пандус жоқ стационарда")."""
    following = index + 1
    if following >= len(words) or clause[following] != clause[index]:
        return False
    after, m = words[following][0], taken[following]
    if following + 1 < len(words) and _DURING.intersection(words[following + 1]):
        return False  # "пандус жоқ тексеру кезінде анықталды": the next word opens when it was found
    return (not glossary.is_stopword(after) and after not in _QUESTION_PARTICLES and not after.isdigit()
            and (m is None or m.term.category == "positions"))


def _job_title_missing(words: list[tuple[str, str]], clause: list[int], taken: list[Match | None],
                       glossary: Glossary, start: int, end: int) -> bool:
    """Whether what the negation at [start, end) says is missing is a job title: the first word naming something
    after it in its clause ("не было врача"), or when none follows, the last one before it ("врача не было в
    стационаре", "дәрігер болмады", "nurse missing"). A setting, area or district word says where, a cue word
    asks: neither is the thing."""
    def names(index: int) -> bool:
        word, m = words[index][0], taken[index]
        return (clause[index] == clause[start] and len(word) > 1 and not word.isdigit()
                and not glossary.is_stopword(word) and (m is None or m.term.category == "positions"))

    after = next((i for i in range(end, len(words)) if names(i)), None)
    thing = after if after is not None else next((i for i in range(start - 1, -1, -1) if names(i)), None)
    return thing is not None and taken[thing] is not None and taken[thing].term.category == "positions"


def _asked_or_not(raw: list[str], clause: list[int], start: int, end: int) -> bool:
    """"действует или нет?", "valid or not?": one word of negation after "or", ending its clause, is the other half
    of a yes-or-no question, nothing reported missing."""
    return (end - start == 1 and start > 0 and raw[start - 1].casefold() in OR_WORDS
            and (end == len(raw) or clause[end] != clause[start]))


def _clauses(text: str, count: int) -> list[int]:
    """The clause number of each of the question's first `count` tokens (punctuation ends a clause); one clause for
    all when the pieces do not tokenise like the whole."""
    numbers: list[int] = []
    for number, piece in enumerate(_CLAUSE_BREAK.split(text)):
        numbers += [number] * len(tokens(piece))
        if len(numbers) >= count:
            return numbers[:count]
    return [0] * count


def _english_not(raw: list[str], index: int) -> bool:
    """English "not", or the "n't" of "isn't", "can't" (typed as two tokens, "isn" "t")."""
    token = raw[index]
    return token == "not" or (token.endswith("n") and len(token) > 2 and raw[index + 1:index + 2] == ["t"])


def _negated_word(raw: list[str], index: int) -> int | None:
    """The index of the word "not" (or "n't") at `index` negates, over "be", "been", "yet" ...: "not ensured", "did
    not organise", "not been carried out"; None when nothing follows within three words."""
    start = index + 1 if raw[index] == "not" else index + 2  # the "t" of "n't"
    return next((i for i in range(start, min(index + 4, len(raw))) if raw[i] not in _BEFORE_PARTICIPLE), None)


def _participle_follows(raw: list[str], index: int) -> bool:
    """A past participle after "not": "not ensured", "not been carried out"."""
    verb = _negated_word(raw, index)
    return verb is not None and _participle(raw[verb])


def _got(raw: list[str], clause: list[int], verb: int, glossary: Glossary) -> int | None:
    """The first content word after a verb of no content ("got", "had"), in its clause: the thing not got."""
    return next((i for i in range(verb + 1, min(verb + 4, len(raw)))
                 if clause[i] == clause[verb] and raw[i].isalpha() and not glossary.is_stopword(loose(raw[i]))), None)


def _past(word: str) -> bool:
    """An English verb in the past, by its ending or as a common irregular one ("showed", "taught", "came")."""
    return _participle(word) or word in _IRREGULAR_PAST


def _participle(word: str) -> bool:
    """An English past participle, by its ending or as one of the common irregular ones."""
    return word.endswith(("ed", "en", "ne")) or word in _IRREGULAR


def _no_for(raw: list[str], index: int) -> bool:
    """English "no ... for" ("no individual plan for the recipient") or "no ... was <done>" ("no vocational guidance
    was carried out", "no interpreter was provided"): something reported not done or missing, not a plain "no"."""
    after = raw[index + 2:index + 2 + NO_REACH]
    return "for" in after or any(word in _BE and _participle(following)
                                 for word, following in zip(after, after[1:], strict=False))
