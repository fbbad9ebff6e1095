"""Understanding a question from its words and its form: language, filters (setting, area, jurisdiction, position),
intent cues, numbers, and the content words left for service / criterion matching.

The form of a question is read by rules, not by listing questions: a price asked outright ("сколько стоит", "қанша
тұрады") makes a tariff question; something not done ("не провели", "жүргізілмеді", "did not") an incident, a
violation question; a fine or penalty asked about a sanction question; a topic the base does not hold (another
region, pension amounts, taxi, weather) out of scope. The question's negations are read once, by
knowledge.answer.negation: whether and how it reports an incident is decided there and nowhere else (a negation in a
condition or a relative clause describes a case, it reports none). Latin-script Kazakh and transliterated Russian are
read in Cyrillic like the words typed in it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from knowledge.answer.everyday import load_everyday
from knowledge.answer.glossary import Glossary, Match, Term, load_glossary
from knowledge.answer.negation import NOT_DONE, OR_WORDS, read_negations, split_fused
from knowledge.domain import Filters
from knowledge.text import (
    KAZAKH_LETTERS,
    KAZAKH_NOT,
    dictionary_key,
    english_key,
    is_latin,
    kazakh_negation,
    keys,
    lemma,
    loose,
    to_cyrillic,
    tokens,
    unprefixed,
    verb_lemma,
)

MAX_QUESTION_CHARS = 600  # longer input is cut: nobody types a tariff question this long
MAX_TOKENS = 40
_KAZAKH_LATIN = re.compile(r"[qğäöüıñūáǵńóúý]")  # Kazakh letters of the 2021 and the 2018 Latin alphabets
_DIGITS = re.compile(r"\d+")
_TAG = re.compile(r"<[^<>]{0,200}>")  # HTML tags pasted from a web page
# "No. 401", "No 401": the number sign, not the English "no" of something missing
_NUMERO = re.compile(r"\b(?:No\.?|no\.)\s*(?=\d)")
_TOWN = re.compile(r"(?<![\w.])(?<!\d\s)г\.\s*[А-ЯЁӘҒҚҢӨҰҮҺІ]")  # "г. Аксай": a town by name ("2026 г." is a year)
# Ordinary words that also carry a staffing cue only when a head count is asked ("керек", "need", ...); "ставка"
# is a post and a rate alike ("ставка психолога, село": a rate, where an area is asked).
_WEAK_STAFFING = {"керек", "кажет", "нужно", "нужен", "нужна", "требуется", "положено", "need", "needed", "required",
                  "how many", "per 100", "units", "posts", "ставк", "ставок"}
# Words before a place that make it where someone comes from or goes back to, not the table asked (loose forms)
_STORY_PLACE = frozenset(["баска", "другои", "другого", "другом", "другую", "another", "other", "туган", "оз",
                          "родное", "родную", "родном", "родного", "роднои", "родныи"])
# letters and groups English spells with and Kazakh or Russian typed in Latin letters hardly ever does
_ENGLISH_SPELLING = re.compile(r"c(?!h)|w|x|ph|th|tion|ee|oo|ck|ou")
_WEIGHED = "weighed"  # the cue of two things weighed against each other ("дешевле", "vs", "қымбат")
_EVENT = "shar"  # Latin "is-shara" (іс-шара, an event): its "is" is no English "is"
_COUNT_ASKED = frozenset(["канша", "неше", "сколко", "many"])  # a number asked for (loose)
_DEGREE_CUES = {"degree_gross": "gross", "degree_significant": "significant", "degree_minor": "minor"}
# before a degree word: how bad ("канша ауыр бұзушылық": how grave a violation, typed "канщалыкты" too)
_HOW_BAD = frozenset(["насколко", "каншалыкты", "каншалык", "канщалыкты", "канша", "how", "qanshalyqty", "qanshalyq",
                      "qansha", "kansha"])
_NEGATION = frozenset(["не", "ни"])  # Russian particles that negate the verb after them
_OR = OR_WORDS | {"алде"}  # and Kazakh "әлде" (loose): "мелочь или серьёзно" asks which degree, not yes or no
# Negating words read in Cyrillic ("no" is "но", "not" "нот"): markers of an incident, never content words
_NEGATING = _NEGATION | {"нет", "жоқ", "жок", "но", "нот"}
MIN_PLACE = 4  # letters of a place's name at least (shorter words beside "district" are particles)
PLACE_LIKE = 75  # a name this like a place of the base (rapidfuzz ratio) is that place misspelt
MARKER_WEIGHT = 0.35  # an incident's own words ("provided", "missing"), counted only where they match
_NAMED = "in_name"  # a phrase of a service's name holding a filter's word ("city telephone"): the name, no filter
_DISORDER = "disorder"  # "нарушения ОДА": the disorder's words are searched, "нарушение" is no violation
# cues whose words stay content words, counted where they match (names use them: "special social services" too)
_MARKERS = frozenset(["incident", "not_done", "how_to", "field"])
INCIDENT_CUES = frozenset(["not_done", "incident"])  # the cues of an incident reported (see knowledge.answer.negation)


@dataclass
class Word:
    text: str  # loose form (Cyrillic for Latin-script words when transliterated)
    alt: str | None  # loose transliteration of a Latin word (matching tries both)
    weight: float  # 1 for content, lower for position words kept as content
    roots: tuple[str, ...] = ()  # its search keys from the word as typed (knowledge.text.keys); () : from `text`
    position: bool = False  # a word of a job title the question names ("психолог", "врача")
    negated: bool = False  # a verb the question negates ("не помогли", "тартпаған", "did not organise")
    missing: bool = False  # the thing the question says is missing ("нет пандуса", "пандус жоқ")
    setting: str | None = None  # the setting a setting word names (`Understood.filter_words`)


@dataclass
class Understood:
    question: str
    lang: str  # detected language of the question (kk | ru | en)
    filters: Filters
    cues: set[str]  # tariff, violation, checklist, staffing, document
    degree: str | None  # gross | significant | minor, when the question names one
    numbers: list[str]
    words: list[Word]  # content words for matching services, criteria, requirements
    filter_words: list[Word] = field(default_factory=list)  # setting words (kept for criteria matching)
    intent: str = "unknown"
    empty: bool = False  # nothing usable in the question
    # how the question reports an incident, read once (knowledge.answer.negation): NOT_DONE ("не провели",
    # "жүргізілмеді", "did not"), ABSENT ("нет", "жоқ", "missing"), 0 none (a negation describing a case is none)
    incident: int = 0
    scope: str | None = None  # a topic the base does not hold (glossary `scope`: other_region, benefit, taxi...)
    tokens: list[str] = field(default_factory=list)  # the question's word tokens as typed, read once for every matcher
    # every setting named outright, in order (the first is `filters.setting`): a service's own name may hold another
    # setting's words ("помощь в устройстве в стационар" is a home-care service)
    settings: list[str] = field(default_factory=list)
    # searches done for this question, by what they depend on: an intent ranked, then answering, searches once
    searched: dict = field(default_factory=dict, repr=False, compare=False)


def understand(question: str, glossary: Glossary | None = None) -> Understood:
    glossary = glossary or load_glossary()
    text = _NUMERO.sub("№ ", _TAG.sub(" ", (question or "")[:MAX_QUESTION_CHARS]))
    printed = tokens(text)
    raw = split_fused(printed)[:MAX_TOKENS]
    words = [loose(t) for t in raw]
    roots = [keys(t) for t in raw]
    russian = [(k,) if (k := dictionary_key(t)) else () for t in raw]
    matches = glossary.match(words, russian)
    taken = [None] * len(words)
    for m in matches:
        for i in range(m.start, m.end):
            taken[i] = m
    # Latin words the glossary did not know get a second chance in Cyrillic ("meyirger", "qala"); their intent cues
    # count too unless the text is English (whose words, transliterated, may spell Russian ones: "no" → "но")
    translit = [to_cyrillic(t) if is_latin(t) else None for t in raw]
    # a Kazakh word typed with the "э" that looks like its "ә" ("элеуметтик"), which no Russian dictionary knows, is
    # read with "ә" too, as a Latin-typed word is in Cyrillic: by the glossary ("элеуметтик жумыс маманы") and search
    translit = [t if t is not None or "э" not in w or lemma(w) else w.replace("э", "ә")
                for t, w in zip(translit, raw, strict=True)]
    alt_words = [loose(t) if t else w for t, w in zip(translit, words, strict=True)]
    english = _looks_english(raw, matches, glossary)
    if english:  # an English word by its light stem too ("helping" meets "help"); Latin-typed Kazakh is no English
        roots = [found + ((k,) if (k := english_key(t)) else ()) for found, t in zip(roots, raw, strict=True)]
    if not english:  # transliterated Russian: "chlenov semi" is "членов семьи", not the English "semi" (stationary)
        for m in [m for m in matches if _spells_russian(m, raw, glossary)]:
            matches.remove(m)
            for i in range(m.start, m.end):
                taken[i] = None
    if any(t for t in translit):
        extra = glossary.match(alt_words, russian)
        for m in extra:
            if m.term.category == "cues" and english:
                continue
            inside = {taken[i] for i in range(m.start, m.end)} - {None}
            # free words, or a longer spelling of the same term read as written ("Borli audany" is "Бөрлі ауданы",
            # "uide kutim" is "үйде күтім": the place and the setting, with no word left over)
            if all(_within(o, m) for o in inside):
                for o in inside:
                    matches.remove(o)
                matches.append(m)
                for i in range(m.start, m.end):
                    taken[i] = m
    if (slot := _degree_slot(words, taken, matches, glossary)) is not None:
        matches.append(slot)
        taken[slot.start] = slot
    filters = Filters()
    settings: list[str] = []
    weak_settings: list[str] = []
    cues: set[str] = set()
    degrees: list[str] = []
    scopes: list[str] = []
    named_city = False
    typo_position = False
    story_places: set[int] = set()  # where a place said as someone's way there or back starts: no word to search
    areas: set[str] = set()  # the areas named
    named = {m.term.key for m in matches if m.term.category == "settings" and m.term.words not in glossary.weak_settings}
    for m in sorted(matches, key=lambda m: m.start):
        term = m.term
        if term.category == "settings" and term.words in glossary.weak_settings and named - {term.key}:
            # "үй жағдайында үйрету ... жартылай стационар": the setting is the one named outright, this one only a
            # candidate (the table that holds the service decides, knowledge.answer.intents.tariff)
            weak_settings.append(term.key)
            continue
        if term.category == "scope":
            scopes.append(term.key)
        elif term.category == "settings":
            filters.setting = filters.setting or term.key
            settings += [term.key] if term.key not in settings else []
        elif term.category in ("areas", "jurisdictions") and _after_a_story_word(words, alt_words, m.start):
            # "басқа облыстан келген", "туған ауылына", "from another region": where someone comes from or goes
            # back to, no filter; "тарифы другой области", "басқа облыстың": another region's tables, not held
            if term.category == "jurisdictions" and not _from_there(words, alt_words, m.start, m.end, term.lang):
                scopes.insert(0, "other_place")
            story_places.add(m.start)
            continue
        elif term.category == "areas":
            filters.area = term.key  # the last one said wins ("городская телефонная связь ... село")
            areas.add(term.key)
        elif term.category == "jurisdictions":
            filters.jurisdiction = filters.jurisdiction or term.key
            named_city = named_city or term.words in glossary.city_terms
        elif term.category == "positions":
            # a position read off a misspelt word ("заңгрелік" ~ "заңгер") yields to one spelt out in full
            if filters.position is None or (typo_position and not m.typo):
                filters.position, typo_position = term.key, m.typo
        elif term.key in _DEGREE_CUES:
            if _how_bad_before(words, alt_words, taken, m.start):
                cues.add("violation")  # "насколько это грубо": how bad, no yes-or-no about a degree
                continue
            if _weighed_against(words, m.start, m.end):
                degrees.append("")  # "это мелочь или серьёзно?": which one, no yes-or-no about this degree
            degrees.append(_DEGREE_CUES[term.key])
        elif term.key == "staffing" and " ".join(term.words).rstrip("*") in _WEAK_STAFFING:
            cues.add("staffing_weak")
        elif term.key in ("price", "tariff_named"):
            cues.update((term.key, "tariff"))
        elif term.key not in INCIDENT_CUES:  # the negations are read together, below
            cues.add(term.key)
            cues.update(glossary.implies.get(term.key, ()))
    if filters.jurisdiction is None and _unknown_place(words, alt_words, matches, taken, glossary):
        scopes.insert(0, "other_place")  # "Zhanibek district": a place of the oblast the base holds no acts of
    if (named_city or _TOWN.search(text)) and filters.area is None:
        filters.area = "city"  # "полустационар в Уральске", "г. Аксай": the oblast's city, or a town, is the city area
    # "в селе дешевле или в городе?", "city vs village": both areas weighed against each other, both shown
    weighed_areas = len(areas) > 1 and _WEIGHED in cues
    if weighed_areas:
        filters.area = None
    # "болмашы ма әлде өрескел ме?": two degrees named ask which one it is, not whether it is either
    degree = degrees[0] if len(set(degrees)) == 1 else None
    negations = read_negations(text, raw, translit, matches, taken, glossary)
    if negations.incident:
        cues.add("not_done" if negations.incident == NOT_DONE else "incident")
    elif negations.described:
        cues.add("described")
    if "checklist_weak" in cues:  # "check" asks for a checklist unless something is reported not done
        cues.discard("checklist_weak")
        if not negations.incident:
            cues.add("checklist")
    content: list[Word] = []
    filter_words: list[Word] = []
    everyday = load_everyday()
    for index, word in enumerate(words):
        m = taken[index]
        alt = alt_words[index] if translit[index] else None
        if m is not None and m.start in story_places and m.term.category in ("areas", "jurisdictions"):
            continue
        if m is not None and m.term.key == _DISORDER and index == m.start:
            continue  # "нарушениями" of "нарушениями ОДА" names no violation, nor anything to search for
        if m is not None and m.term.key in glossary.reads:
            if index == m.start:  # "с опозданием": the deadline the acts print ("мерзім"), searched as a word asked
                content.append(Word(glossary.reads[m.term.key], None, 1.0, ()))
            continue
        if m is not None and (m.term.category == "scope" or m.term.key in _MARKERS or m.term.key in (_NAMED, _DISORDER)):
            # the words of a topic or an incident also name things ("пособий", "not provided"); an incident's count
            # only where they match (optional, like a position): "done" must not make "laundry not done" the answer
            if alt_words[index] not in _NEGATING and not glossary.is_stopword(word):
                weight = MARKER_WEIGHT if m.term.key in _MARKERS else 1.0
                content.append(Word(word, alt, weight, roots[index]))
            continue
        if m is None:
            if len(word) < 2 or word.isdigit() or glossary.is_stopword(word) or alt_words[index] in _NEGATING:
                continue
            if index and _helps(alt_words[index], alt_words[index - 1]):
                continue  # "жазып беру": writing for someone, "беру" (give) is no service's word here
            if alt and not english and glossary.is_stopword(alt, loosely=True):
                continue  # "boiynsha", "neshe": Latin-script Kazakh stopwords
            # "ауруханада", "auruhanada": also as the acts print it (a Latin-typed word by its Cyrillic reading)
            said = alt_words if alt else words
            printed_as = None if english else everyday.printed(said, index)
            if printed_as and everyday.in_phrase(said, index):
                # "есту аппараты" is a hearing aid, not hearing: the phrase's word is read as printed only; a phrase
                # denied by the "емес" after it ("жатып қалған емес": not bedridden) names nothing asked
                if KAZAKH_NOT not in words[index + 1:index + 3]:
                    content.append(Word(printed_as, None, 1.0, (), negated=index in negations.verbs))
                continue
            alt = printed_as or alt  # a Latin-typed everyday word's Cyrillic reading names nothing printed
            made = None if printed_as else _done_for_someone(alt_words, index)
            if made:
                alt = made  # "хат жазып-оқып беру": the service is "жазу", "оқу" (writing, reading)
            if not alt and index and words[index - 1] == "не":
                made = alt = _as_verb(raw[index])  # "не мыла": not washed (the dictionary reads "мыла" as soap)
            if not alt and (plain := unprefixed(raw[index])):
                alt = loose(plain)  # "не проконсультировали": the consultations not given
            # a negated Kazakh verb is mostly a generic one ("берілмеді", "жүргізбеді"): it counts where it matches,
            # unless it is the everyday word for a service ("жуындырмады": bathing)
            weight = MARKER_WEIGHT if index in negations.kazakh_verbs and not printed_as else 1.0
            # a reading made here (printed, verbal noun, verb) is looked up by its own keys ("сараптама" meets
            # "сараптаманы", "алу" meets "алуға"), not the typed word's
            content.append(Word(word, alt, weight, () if printed_as or made else roots[index],
                                negated=index in negations.verbs,
                                missing=index in negations.missing))
        elif m.term.category == "positions":
            content.append(Word(word, alt, 0.35, roots[index], position=True))
        elif m.term.category == "settings":
            # a setting other than the one asked about is what was due ("устройство в дом-интернат" from temporary
            # stay): also read as the acts print the setting ("стационар"), so a requirement naming it is met
            kazakh = glossary.setting_words.get(m.term.key) if m.term.key != filters.setting else None
            filter_words.append(Word(word, kazakh or alt, 1.0, roots[index], setting=m.term.key))
        elif m.term.category == "areas" and m.term.key != filters.area and not weighed_areas:
            content.append(Word(word, alt, 1.0, roots[index]))  # the other area word is part of a name ("city telephone")
    if {"how_to", "documents_list"} <= cues:  # "как оформить ..., какие документы?": the papers to gather
        cues.discard("documents_list")
        scopes.append("paperwork")
    if {"price", "tariff_named"} & cues and (filters.setting or filters.position):
        # a service's price asked in a setting or of a position asks no list of acts, whatever the story says ("все
        # документы потерял ... какой тариф на восстановление документов")
        cues.discard("documents_list")
    numbers = _DIGITS.findall(text)
    understood = Understood(question=question, lang=detect_language(raw, words, matches, glossary, english),
                            filters=filters, cues=cues, degree=degree, numbers=numbers, words=content,
                            filter_words=filter_words, empty=not raw, tokens=printed[:MAX_TOKENS],
                            settings=settings + [s for s in dict.fromkeys(weak_settings) if s not in settings],
                            incident=negations.incident,
                            # a weak topic word ("пособие") names a service's object when a setting is named or
                            # something is reported not done ("не помогли оформить пособие"), not an amount asked
                            # a fine asked in MRP is a sanction question: the base holds neither
                            scope=next((s for s in scopes if "sanction" not in cues and (s not in glossary.weak_scope
                                        or not (filters.setting or negations.incident))), None))
    understood.intent = guess_intent(understood)
    return understood


def _within(one: Match, other: Match) -> bool:
    """Whether a match lies inside a longer one naming the same thing."""
    return (other.start <= one.start and one.end <= other.end and one.end - one.start < other.end - other.start
            and (one.term.category, one.term.key) == (other.term.category, other.term.key))


def _as_verb(token: str) -> str | None:
    """A Russian word's verb reading when its dictionary form is another word ("мыла" → "мыть", not "мыло")."""
    verb = verb_lemma(token)
    return loose(verb) if verb and verb != lemma(token) else None


def _unknown_place(words: list[str], alt_words: list[str], matches: list, taken: list, glossary: Glossary) -> bool:
    """Whether a district word stands after a name no term of the glossary or the base knows ("Жәнібек ауданы",
    "Zhanibek district", "Теректинский район"). A Russian name after it ("район Жанибек") is not told from the service
    asked next ("в районе массаж"): not read."""
    def a_name(i: int) -> bool:
        word = words[i]
        return taken[i] is None and len(word) >= MIN_PLACE and word.isalpha() and not glossary.is_stopword(word)

    def a_place_of_the_base(word: str) -> bool:  # spelt otherwise ("Börlı", "Бурли")
        return any(fuzz.ratio(word[:len(known) + 1], known) >= PLACE_LIKE for known in glossary.place_words)

    def a_way_there(m: Match) -> bool:  # "уехать в другой район": where someone goes, no district asked about
        return _after_a_story_word(words, alt_words, m.start) and _from_there(words, alt_words, m.start - 1, m.end,
                                                                              m.term.lang)

    return any(m.term.key == "district" and m.start and a_name(m.start - 1)
               and not a_place_of_the_base(words[m.start - 1]) and not a_place_of_the_base(alt_words[m.start - 1])
               and not a_way_there(m) for m in matches)


def _looks_english(raw: list[str], matches: list, glossary: Glossary) -> bool:
    """Latin text with an English function word or an English-only glossary term ("taxi price to Oral"), rather than
    transliterated Russian or Kazakh ("skolko stoit massazh", "psiholog diagnostika ne provel")."""
    english_words = glossary.stopwords.get("en", set())
    if any(is_latin(t) and t in english_words and t not in glossary.kk_latin and not _reads_russian(t, glossary)
           and not (t == "is" and raw[i + 1:i + 2] and raw[i + 1].startswith(_EVENT))
           for i, t in enumerate(raw)):  # "i", "a", "no", "to" also spell Russian words ("и", "а", "но", "то")
        return True
    # an English-only term whose words all spell Russian ones ("semi" is "семьи") is no evidence on its own, nor is
    # a place name, spelt alike in every Latin transliteration ("Burlinskiy"), nor a term the same words name in
    # Cyrillic too ("polustacionar", "logopedtin": transliterated, not English)
    return any(m.term.lang == "en" and m.term.category != "jurisdictions" and all(is_latin(t) for t in raw[m.start:m.end])
               and not _spells_russian(m, raw, glossary) and not _transliterated(m, raw, glossary) for m in matches)


def _transliterated(m: Match, raw: list[str], glossary: Glossary) -> bool:
    """Whether the Latin words of an English term's match, read in Cyrillic, are a Russian or Kazakh term's words
    for the same thing."""
    cyrillic = [loose(to_cyrillic(t)) for t in raw[m.start:m.end]]
    return any(o.term.key == m.term.key and o.term.lang != "en" and o.start == 0 for o in glossary.match(cyrillic))


def _spells_russian(m: Match, raw: list[str], glossary: Glossary) -> bool:
    """A one-word English-only glossary term whose Latin word reads as a Russian word once transliterated."""
    return m.term.lang == "en" and m.end - m.start == 1 and _reads_russian(raw[m.start], glossary)


def _reads_russian(token: str, glossary: Glossary) -> bool:
    """A Latin word that, transliterated, is a Russian word or function word ("semi" семьи, "i" и)."""
    if not is_latin(token):
        return False
    word = loose(to_cyrillic(token))
    return lemma(word) is not None or word in glossary.stopwords.get("ru", ())


def detect_language(raw: list[str], words: list[str], matches: list, glossary: Glossary,
                    english: bool = True) -> str:
    votes: Counter[str] = Counter()
    plain: list[str] = []  # Cyrillic words with no Kazakh letter that nothing else tells the language of
    matched = {}
    for m in matches:
        for i in range(m.start, m.end):
            matched[i] = m
    for index, token in enumerate(raw):
        if token.isdigit():
            continue
        if is_latin(token):
            if token in glossary.kk_latin or _KAZAKH_LATIN.search(token):
                votes["kk"] += 1.5
            elif english:
                votes["en"] += 1
            elif index in matched:  # transliterated: the glossary term's languages
                langs = matched[index].term.lang.split()
                for lang in langs:
                    votes[lang] += 0.75 / len(langs)
            elif lemma(to_cyrillic(token)):
                votes["ru"] += 1  # a Russian word in Latin letters ("stoit", "provel")
            else:
                # a Latin word no dictionary knows, in a text with no English word: English by its spelling
                # ("physiotherapy"), else Kazakh typed in Latin letters ("eki shagym tusti ... rastaldy")
                votes["en" if _ENGLISH_SPELLING.search(token) else "kk"] += 0.5
        elif KAZAKH_LETTERS.intersection(token):
            votes["kk"] += 2
        elif index in matched:
            langs = matched[index].term.lang.split()
            for lang in langs:
                votes[lang] += 0.75 / len(langs)
        elif words[index] in glossary.stopwords.get("kk", ()):
            votes["kk"] += 1
        elif re.search(r"[а-я]", token):
            plain.append(token)
    # Cyrillic words without Kazakh letters: Russian, or Kazakh typed on a Russian keyboard ("кызмет", "берилмеди").
    # When most of them (two or more) are words the Russian dictionary does not know, they are Kazakh; a Russian
    # question's misspelt or technical words ("масаж", "дарсонвализация") are fewer than the ones it knows.
    unknown = [len(token) >= 3 and not lemma(token) for token in plain]  # "в", "у" tell nothing either way
    kazakh = sum(unknown) >= 2 and 2 * sum(unknown) > sum(len(token) >= 3 for token in plain)
    for strange in unknown:
        if kazakh and strange:
            votes["kk"] += 0.5
        else:
            votes["ru"] += 0.6
    if not votes:
        return "kk"
    best = max(votes.values())
    for lang in ("kk", "ru", "en"):  # ties go to Kazakh, then Russian
        if votes[lang] == best:
            return lang
    return "kk"


# Cues that ask about the acts themselves (which act, its status, its entry into force, the list of acts).
DOCUMENT_CUES = frozenset({"document", "effective", "documents_list", "repealed_status", "which_act"})
STRONG_DOCUMENT_CUES = frozenset({"effective", "documents_list", "repealed_status", "which_act"})


# Forms of "беру" (to give) that, after a converb ("жазып", "апарып", "оқып"), only say it is done for someone
_HELPING = frozenset({"беру", "беруге", "береди", "берди", "берип", "берсе", "беретин", "берген", "беремиз", "бересиз"})


_OR_WHAT = frozenset(["not", "как", "что", "what"])  # "мелочь или как?", "minor or what": yes or no, nothing weighed


def _how_bad_before(words: list[str], alt_words: list[str], taken: list, start: int) -> bool:
    """"насколько (это) грубо": how bad, asked just before the degree word, with no cue between ("насколько
    серьёзно, значительное?": the how-bad is the first phrase's, the degree after it asks yes or no)."""
    for back in (1, 2):
        at = start - back
        if at < 0:
            return False
        if words[at] in _HOW_BAD or alt_words[at] in _HOW_BAD:
            return True
        if taken[at] is not None and taken[at].term.category == "cues":
            return False  # a degree word, or a how-bad phrase of its own ("насколько серьёзно")
    return False


def _weighed_against(words: list[str], start: int, end: int) -> bool:
    """A degree set against something else by "or" ("мелочь или серьёзно", "serious or minor"), not against its
    own denial ("грубое или нет", "minor or not": those ask yes or no)."""
    after = words[end + 1] if end + 1 < len(words) and words[end] in _OR else None
    before = words[start - 2] if start >= 2 and words[start - 1] in _OR else None
    return any(other is not None and other not in _NEGATING and other not in _OR_WHAT for other in (after, before))


def _helps(word: str, before: str) -> bool:
    return word in _HELPING and _converb_form(before)


def _done_for_someone(words: list[str], index: int) -> str | None:
    """The verbal noun of a converb doing something for someone ("жазып беру", "жазып-оқып беру": a chain of converbs
    before "беру"), by which the acts name the service ("хаттарды жазу", "оқу"); None for any other word."""
    chain = index
    while chain + 1 < len(words) and _converb(words[chain + 1]):
        chain += 1
    if not _converb(words[index]) or chain + 1 >= len(words) or words[chain + 1] not in _HELPING:
        return None
    word = words[index]
    root = word[:-2] if word.endswith(("ып", "ип")) else word[:-1]
    return root + "у"


def _converb(word: str) -> bool:
    """A converb of a verb other than "беру" (that one says for whom)."""
    return _converb_form(word) and word not in _HELPING


def _converb_form(word: str) -> bool:
    """A loose word ending as a Kazakh converb does ("жазып", "оқып", "тазалап")."""
    return len(word) > 3 and word.endswith(("ып", "ип", "п"))


_FROM = frozenset(["из", "from", "iz"])
_TO = frozenset(["в", "во", "к", "to", "into", "back"])  # a way there ("уехать в другой район"): with no ending below
_IN_OR_OF = ("е", "и", "ом", "ого")  # Russian "в другом районе", "другой области": where or whose, no way there
# the Kazakh ablative and dative (loose): "облыстан" (from), "ауылына" (to)
_FROM_OR_TO_ENDINGS = ("тан", "тен", "дан", "ден", "нан", "нен", "ына", "ине", "на", "не", "га", "ге", "ка", "ке",
                       "а", "е")


_VIOLATION_NOUNS = ("бузушылы", "нарушен", "violation", "buzushyl")  # loose: the noun a degree word stands before
DEGREE_SLOT_LIKENESS = 70  # a misspelt word before "бұзушылық" this like a degree's word is that degree ...
DEGREE_SLOT_LEAD = 8  # ... when it is this much more like it than like any other degree's word


def _degree_slot(words: list[str], taken: list[Match | None], matches: list[Match],
                 glossary: Glossary) -> Match | None:
    """A word no term matched, right before the word "violation" ("оскелел бузушылык па?"), read as the degree it
    looks most like: that is the place of a degree, and a misspelling too far for a typo elsewhere is still told
    apart from the other two degrees' words there. None when a degree was read already."""
    if any(m.term.key in _DEGREE_CUES for m in matches):
        return None
    for m in matches:
        at = m.start - 1
        if m.term.key != "violation" or not m.term.words[0].startswith(_VIOLATION_NOUNS) or at < 0 \
                or taken[at] is not None or len(words[at]) < 5 or glossary.is_stopword(words[at]) \
                or lemma(words[at]) or kazakh_negation(words[at]):
            continue
        likeness = sorted(((_likeness(words[at], term), term) for term in glossary.terms
                           if term.key in _DEGREE_CUES and len(term.words) == 1), key=lambda pair: -pair[0])
        best = likeness[0] if likeness else None
        other = next((score for score, term in likeness if term.key != best[1].key), 0.0) if best else 0.0
        if best and best[0] >= DEGREE_SLOT_LIKENESS and best[0] - other >= DEGREE_SLOT_LEAD:
            return Match(best[1], at, at + 1, typo=True)
    return None


def _likeness(word: str, term: Term) -> float:
    """How like a one-word term a word is: a stem ("елеул*") by the word's start as long, or a letter longer."""
    stem = term.words[0].rstrip("*")
    if not term.prefix:
        return fuzz.ratio(word, stem)
    return max(fuzz.ratio(word[:size], stem) for size in (len(stem), len(stem) + 1))


def _after_a_story_word(words: list[str], alt_words: list[str], start: int) -> bool:
    """Whether the word before a place is one making it someone's way there or back ("басқа", "другой", "туған")."""
    return start > 0 and bool(_STORY_PLACE & {words[start - 1], alt_words[start - 1]})


def _from_there(words: list[str], alt_words: list[str], start: int, end: int, lang: str) -> bool:
    """Whether a place is said as where someone comes from ("из другой области", "басқа облыстан", "from another
    region") or goes to ("туған ауылына", "уехать в другой район"), rather than whose tables are asked ("другой
    области", "в другом районе", "басқа облыстың")."""
    before = set(words[max(start - 2, 0):start] + alt_words[max(start - 2, 0):start])
    place = [w for w in words[start:end] + alt_words[start:end] if w]
    if _FROM & before:
        return True
    if lang == "kk":
        return any(w.endswith(_FROM_OR_TO_ENDINGS) for w in place)
    return bool(_TO & before) and not any(w.endswith(_IN_OR_OF) for w in place[-1:])


def guess_intent(u: Understood) -> str:
    """The intent the words and the form of the question point to; the engine may still fall back to another search
    when this one finds nothing. A price asked outright is a tariff question even when its words also name a
    criterion; a fine asked about is a sanction question; a checklist named is a checklist question, an incident in it
    the item to find; an incident is a violation question: something not done always, something missing when no
    setting, area or jurisdiction says the question is about a tariff table. A negation describing a case ("если нет
    родственников") or a job title missing ("не было врача") is no incident (knowledge.answer.negation): the question
    stays what its other words make it."""
    cues = u.cues
    has_number = any(len(n) <= 3 for n in u.numbers)
    # "how much is the fine for a significant violation": a price asked of a fine, beside a violation or a degree, is
    # the sanction's amount, which no act of the base sets
    if "sanction" in cues and ("price" not in cues or u.degree or "violation" in cues):
        return "sanction"
    if "which_act" in cues:
        return "document"  # "по какому приказу определяют степень", "which order sets the massage tariff"
    # "положено / керек / required" ask a head count with a number of residents ("на 75 человек"), or with no price
    # asked ("сколько санитарок положено на группу"); "сколько стоит", "қанша тұрады" ask a price, and so does a
    # district or the oblast named (staffing norms are national: "Байтерекский район ... ставка специалиста")
    weak_staffing = "staffing_weak" in cues and (has_number or not ({"price", "tariff_named"} & cues
                                                                    or u.filters.jurisdiction))
    # something reported not done whose degree is asked is a violation ("our staff didn't help ... How serious?"), and
    # so is any question asking a degree ("... as required. Is this gross?"): never a head count
    reported = ("violation" in cues or u.degree is not None) and bool(u.incident or {"not_done", "incident"} & cues)
    # a staffing word beside a price or an area asked ("our staff collects his benefits ... rural tariff?") names who
    # does the service: a rate is asked, unless a head count is given with it
    priced_here = bool({"price", "tariff_named"} & cues or u.filters.area)
    # ... and beside a violation named ("our staff did nothing to help ... How serious is this violation?"), who
    # failed: a violation question, unless a head count is given or asked with it ("қанша ауыр науқасқа бір бірлік")
    judged = "violation" in cues and not _COUNT_ASKED.intersection(loose(t) for t in u.tokens)
    strong = "staffing" in cues and not reported and (has_number or not (priced_here or judged))
    # two areas or things weighed ("city vs rural") are rates compared: a weak staffing word ("I need the city
    # figure") asks no head count then
    if strong or (weak_staffing and u.filters.area is None and u.degree is None
                  and not ({"violation", "document", _WEIGHED} & cues)):
        return "staffing"
    f = u.filters
    # a price or an area is asked only of a tariff: "per doctors' orders" in a service's name is no act asked about,
    # unless the question asks for the list of acts, their status or entry into force
    priced = "price" in cues or f.area is not None
    # nor is an act word in a reported incident ("растайтын құжат жоқ", a paper missing) when its degree is asked
    if (DOCUMENT_CUES & cues) and u.degree is None and (STRONG_DOCUMENT_CUES & cues or not (priced or reported)):
        return "document"
    if {"price", "tariff_named"} & cues and u.degree is None:
        return "tariff"
    # checklists know no districts or areas: "daily health check ... Börli district" names a service
    listed = "checklist" in cues and not (f.jurisdiction or f.area)
    if listed and "violation" not in cues and u.degree is None:
        return "checklist"
    if "not_done" in cues and "tariff" not in cues:
        return "violation"
    if "incident" in cues and "tariff" not in cues and not (f.setting or f.area or f.jurisdiction):
        return "violation"
    if "violation" in cues and (u.degree or not (f.jurisdiction or f.area)):
        return "violation"  # criteria know no districts or areas: "нарушениями ОДА ... Бурлин" is a service
    if u.degree and not ({"tariff"} & cues) and f.area is None and f.jurisdiction is None:
        return "violation"
    if listed:
        return "checklist"
    # "how do I apply for ...", "write me a cover letter ... social worker": a procedure or a task, whatever job it
    # names, when nothing else (a price, a setting, a place, an incident) says the question is about the base
    if cues == {"how_to"} and not (f.area or f.jurisdiction or f.setting or u.incident):
        return "how_to"
    if "tariff" in cues or f.area or f.jurisdiction or f.setting or f.position:
        return "tariff"
    return "unknown"
