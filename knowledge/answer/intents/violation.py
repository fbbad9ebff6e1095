"""Violation degrees: "is missing the individual work plan a significant violation", "на дому не провели
профориентацию" → the risk criterion and its degree in a line or two (a yes/no verdict when a degree was asked);
"what is a gross violation" → the order's definition of the degree and the criteria that carry it.

A question is read as an incident (knowledge.answer.incident): its object is searched, its action weighs with it,
the setting it names keeps the search to that setting's criteria. The same requirement is listed in several sections
of the criteria annex (found at an inspection visit, in monitoring data, in complaints ...), sometimes with another
degree, and in several settings: such look-alikes are shown together, each with what tells it apart, rather than
offered as choices.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import zip_longest

from knowledge.answer import compose, incident
from knowledge.answer.catalogue import requirement_words
from knowledge.answer.compose import ANNEX, ITEM, cite, label, truncate
from knowledge.answer.context import Context, localised_name
from knowledge.answer.index import Hit, Target
from knowledge.answer.policy import (
    ANSWER,
    ANSWER_SCORE,
    CLARIFY,
    CLARIFY_SCORE,
    COMPARE,
    MAX_CHOICES,
    NOT_FOUND,
    TIE,
    Decision,
    decide,
)
from knowledge.answer.service_kinds import failed_kinds, required_kind
from knowledge.answer.understand import Understood
from knowledge.domain import DEGREE_KK, Answer, Citation, Result
from knowledge.i18n import gettext
from knowledge.text import loose, tokens

SHOWN_ALONGSIDE = 2  # near-equal criteria of the same degree quoted with the best one
SHOWN = 4  # criteria in one answer at most (the best one, its near-equals and its look-alikes)
LOOK_ALIKE = 0.6  # share of the shorter criterion's words the other one repeats: the same requirement
SECTION_BONUS = 0.1  # a criterion of the section the question names the way of, ahead of its look-alikes
SECTION_PENALTY = 0.2  # ... and one of a section needing a way the question does not say, behind the others
NAMED_ONLY = frozenset({"complaints", "internet", "reports"})  # sections whose criteria hold only when said so
VISIT = "visit"  # the section of what an inspection visit finds
INSPECTED = 0.01  # ... a plain look-alike of one of them leads it by this much
KIND_SCORE = 0.3  # a tariff service found this well names the kind of service the incident is about
KIND_BONUS = 0.1  # ... and puts the criteria requiring that kind (in the setting asked) this far ahead
KIND_NAMED = 0.05  # a criterion requiring the kind of services the question names ("психологические услуги")
SETTING_PENALTY = 0.08  # a criterion naming no setting, behind a near-equal naming the setting asked
NAMED_SHARE = 0.6  # a criterion this much of whose words a found service's name says is the one naming that service
NAMED_BONUS = 0.15  # ... and leads the other criteria of the kind
NAMED_LEAD = 0.05  # ... by at least this much (up to an answerable score)
TOLD = 2  # content words beyond these tell a case, not a question about what a degree is


class Violations:
    name = "violation"

    def best_score(self, u: Understood, ctx: Context) -> float:
        hits = _search(u, ctx)
        return hits[0].score if hits else 0.0

    def matches_incident(self, u: Understood, ctx: Context) -> bool:
        """Whether a criterion matches the question well on its object: an answerable score with at least one of
        the object's own words (not a setting or a position word) found as the same word or stem."""
        reading = incident.read(u)
        hits = _search(u, ctx, reading)
        return bool(hits) and hits[0].score >= ANSWER_SCORE and incident.object_found(reading, hits[0])

    def answer(self, u: Understood, reply: Answer, ctx: Context) -> bool:
        lang = reply.lang
        reading = incident.read(u)
        hits = _search(u, ctx, reading)
        catalogue = ctx.catalogue

        def same(hit: Hit, top: Hit) -> bool:
            return _same_degree(hit, top) or look_alike(hit, top, catalogue.named_settings)

        decision = decide(hits, reading.words, same=same, alongside=SHOWN_ALONGSIDE)
        if decision.status == ANSWER and not incident.object_found(reading, decision.best):
            decision = Decision(CLARIFY, hits)  # a shared setting or job title is no match of what was asked
        if decision.status == CLARIFY:
            choices: list = []
            for hit in decision.hits[:MAX_CHOICES]:
                choice = ctx.criterion_choice(hit.target, lang)
                choices += [choice] if choice not in choices else []
            # no choice between one: the only requirement found is offered as the nearest thing, nothing answered
            reply.intent, reply.status = self.name, CLARIFY if len(choices) > 1 else NOT_FOUND
            reply.text = label("clarify" if len(choices) > 1 else "not_found", lang)
            reply.choices = choices
            return True
        if decision.status != ANSWER:
            # the degree's definition answers "what is a gross violation", never an incident the criteria did not
            # match ("nobody washed the clothes: is it gross?" is asked back or not found, not defined)
            return bool(u.degree) and not incident.report(u) and _asks_the_degree(u) and self._degree(u.degree, reply, ctx)
        chosen = decision.hits
        if not u.filters.setting:  # no setting said: of near-equals of one degree, one for every setting leads
            chosen = sorted(chosen, key=lambda h: bool(_settings(h, catalogue.named_settings)))
        else:  # a setting said: of near-equals of one degree in one section, the one naming that setting leads
            section = chosen[0].target.rows[0]["section"]
            chosen = sorted(chosen, key=lambda h: (h.target.rows[0]["section"] != section,
                                                   u.filters.setting not in _settings(h, catalogue.named_settings)))
        shown = _with_look_alikes(chosen, hits, catalogue.named_settings)
        reply.intent, reply.status = self.name, ANSWER
        reply.results = [_result(h, lang, ctx) for h in shown]
        degrees = {h.target.rows[0]["degree"] for h in shown}
        lines = _criterion_lines(shown, lang, ctx)
        if u.degree:
            # the best-matching criterion gives the verdict; look-alikes of another degree (found another way, in
            # another setting) follow on their own lines, each saying what gives it its degree
            reply.verdict = "yes" if shown[0].target.rows[0]["degree"] == u.degree else "no"
            lines[0] = f"{label(reply.verdict, lang)}: {lines[0]}"  # "Yes: significant (елеулі) — criterion 31: ..."
        elif len(degrees) > 1:
            lines.insert(0, label("depends", lang))
        lines = [line[:1].upper() + line[1:] for line in lines]
        lines.append(f"{label('source', lang)}: {cite_all([r.citation for r in reply.results], lang)}")
        if _asks_meaning(u, shown[0].target):
            definition = _definition(shown[0].target.rows[0]["degree"], ctx)
            if definition:
                lines.append(f"{label('definition', lang)}: {compose.excerpt(definition['text'], 400, lang)}")
        reply.text = "\n".join(lines)
        return True

    def _degree(self, degree: str, reply: Answer, ctx: Context) -> bool:
        """"What is a gross violation?": the order's definition of the degree and the criteria that carry it."""
        lang = reply.lang
        criteria = [t.rows[0] for t in ctx.catalogue.criteria if t.rows[0]["degree"] == degree]
        if not criteria:
            return False
        reply.intent, reply.status = self.name, ANSWER
        lines = [f"{compose.degree_text(degree, DEGREE_KK[degree], lang).capitalize()}:"]
        definition = _definition(degree, ctx)
        if definition:
            citation = ctx.citation(definition["document"], definition.get("annex"), definition.get("item"), lang)
            reply.results.append(Result(type="passage", citation=citation, score=1.0,
                                        fields={"kind": "definition", "text": definition["text"]}))
            lines.append(f"{label('definition', lang)}: {compose.excerpt(definition['text'], 600, lang)}")
        items = [row["item"] for row in criteria]
        lines.append(label("degree_criteria", lang).format(count=len(items), items=", ".join(map(str, items))))
        reply.results += [Result(type="criterion", citation=ctx.citation(row["document"], row["annex"], row["item"], lang),
                                 score=1.0, fields=_fields(row)) for row in criteria[:MAX_CHOICES]]
        lines.append(f"{label('source', lang)}: {cite(reply.results[0].citation, lang)}")
        reply.text = "\n".join(lines)
        return True


def _asks_meaning(u: Understood, target: Target) -> bool:
    """Whether the question asks what the degree means, by words other than the criterion's own: "определения" in
    "сроки оценки и определения потребности" names the requirement, it asks for no definition."""
    if not incident.asks_meaning(u):
        return False
    own = {loose(t) for name in target.names for t in tokens(name)}
    return incident.asks_meaning(replace(u, tokens=[t for t in u.tokens if loose(t) not in own]))


def _search(u: Understood, ctx: Context, reading: incident.Reading | None = None) -> list[Hit]:
    """Criteria matching the question's object (and action), in the setting it names; of those, the ones of the
    section the question names the way of ("две жалобы": complaints) lead their look-alikes of other sections."""
    memo = ("criteria", u.filters.setting, len(u.words))
    if memo in u.searched:
        return u.searched[memo]
    reading = reading or incident.read(u)
    only = incident.in_setting(ctx.catalogue, "criterion", u.filters.setting)
    lexicon = incident.load_lexicon()
    way = lexicon.way_words(tuple(u.tokens))  # how it came to light: no object word
    hits = incident.search(ctx.catalogue.criterion_index, reading, only=only)
    if not reading.relative_taught:  # a lesson the family was not given: what it was about is no service due
        hits = _of_the_failed_kind(_with_service_kind(hits, u, ctx, reading, only, way), u, ctx, reading, way)
    named, mentioned = incident.sections_named(u), incident.sections_named(u, mentioned=True)
    if VISIT in named:  # the visit said outright: records both compare with ("е-собес") allow no other way
        mentioned = named
    setting = u.filters.setting
    found = [replace(h, score=h.score + (KIND_NAMED if _kind_named(reading, h) else 0.0)
                     + _section_weight(lexicon.section(h.target.rows[0]["section"] or ""), named, mentioned)
                     - (SETTING_PENALTY if setting and not _settings(h, ctx.catalogue.named_settings) else 0.0))
             for h in hits]
    if not setting:
        found = _settings_left_open(found, ctx.catalogue.named_settings)
    found = sorted(_inspected(found, named | mentioned, ctx), key=lambda h: -h.score)
    u.searched[memo] = found if setting else _for_every_setting_first(_object_found_first(found, reading),
                                                                        ctx.catalogue.named_settings)
    return u.searched[memo]


def _for_every_setting_first(hits: list[Hit], named_settings: dict) -> list[Hit]:
    """No setting named, and the best requirement is one setting's: a requirement for every setting of the same
    degree, of a plain section, found for sure (two words or more) well enough to be asked back, leads it. The one
    setting's requirement is ahead only by what the question did not say (the home or the residential home) or by
    what every setting's requirements share around the thing not given (the rehabilitation programme)."""
    if not hits or not _settings(hits[0], named_settings):
        return hits
    top = hits[0]
    lexicon = incident.load_lexicon()
    at = next((i for i, hit in enumerate(hits[1:], 1)
               if not _settings(hit, named_settings) and _same_degree(hit, top) and hit.sure >= 2
               and hit.score >= CLARIFY_SCORE and _finds_more(hit, top)
               and lexicon.section(hit.target.rows[0]["section"] or "") not in NAMED_ONLY), None)
    if at is None:
        return hits
    return [replace(hits[at], score=top.score + INSPECTED)] + hits[:at] + hits[at + 1:]


def _finds_more(hit: Hit, top: Hit) -> bool:
    """Whether `hit` finds for sure a question word `top` does not: the thing not given ("hearing aids", "кресло"),
    not only what the two share ("лица с инвалидностью")."""
    return any(mine >= incident.SURE and theirs < incident.SURE
               for mine, theirs in zip(hit.matched, top.matched, strict=False))


def _object_found_first(hits: list[Hit], reading: incident.Reading) -> list[Hit]:
    """No setting named: the thing the question says was not given (its one stressed word: "wheelchair" of "hasn't
    received the wheelchair") found for sure by a requirement a little (COMPARE) behind candidates that all miss it:
    that requirement leads them by INSPECTED. The ones ahead matched what every setting's requirements share (the
    rehabilitation programme) or the story around it ("бір жылдан бері")."""
    stressed = [i for i, word in enumerate(reading.words) if word.weight > 1]
    if len(stressed) != 1 or not hits:
        return hits  # several things not given: a story of neglect, each word weighs in the search alone

    def finds(hit: Hit) -> bool:
        return all(i < len(hit.matched) and hit.matched[i] >= incident.SURE for i in stressed)

    at = next((i for i, hit in enumerate(hits) if finds(hit)), None)
    if not at or hits[at].score < hits[0].score - COMPARE:  # none finds it, the first does, or it is far behind
        return hits
    lifted = replace(hits[at], score=hits[0].score + INSPECTED)
    return [lifted] + hits[:at] + hits[at + 1:]


def _settings_left_open(hits: list[Hit], named_settings: dict) -> list[Hit]:
    """The same requirement in two settings, matched alike, when the question names no setting: the question did not
    say which, so both fall SETTING_PENALTY behind a requirement for every setting ("санаторий-курорттық емдеу
    берілмеді": criterion 65, not the assistance of 13 in stationary care or of 26 at home)."""
    def open_between(hit: Hit) -> bool:
        own = _settings(hit, named_settings)
        return bool(own) and any(abs(other.score - hit.score) <= TIE and _settings(other, named_settings) not in
                                 (own, frozenset()) and look_alike(other, hit, named_settings) for other in hits)

    return [replace(h, score=h.score - SETTING_PENALTY) if open_between(h) else h for h in hits]


def _inspected(hits: list[Hit], said: frozenset[str], ctx: Context) -> list[Hit]:
    """A requirement of a section needing a way the question does not say (complaints, the media, reports) that
    matched a little (COMPARE) ahead of its look-alike of a plain section lends it its score: the wheelchair not given is what an
    inspection finds (criterion 64), however fully the complaints' criterion 89 words the rehabilitation programme."""
    lexicon = incident.load_lexicon()

    def plain(hit: Hit) -> bool:
        kind = lexicon.section(hit.target.rows[0]["section"] or "")
        return kind not in NAMED_ONLY or kind in said

    lent = {}
    for hit in hits:
        if plain(hit):
            continue
        for other in hits:
            if plain(other) and hit.score - COMPARE <= other.score < hit.score \
                    and look_alike(other, hit, ctx.catalogue.named_settings):
                lent[other.target.ident] = max(lent.get(other.target.ident, 0.0), hit.score + INSPECTED)
    return [replace(h, score=lent[h.target.ident]) if h.target.ident in lent else h for h in hits]


def _with_service_kind(hits: list[Hit], u: Understood, ctx: Context, reading: incident.Reading,
                       only: frozenset[int] | None, way: frozenset[str]) -> list[Hit]:
    """The criteria requiring the kind of service the incident names, KIND_BONUS ahead: a service of the tariffs
    found by the incident's object words (KIND_SCORE or more) in the setting asked is of a kind (social-household,
    social-legal ...), and the criterion requiring that kind in that setting is the one broken, even when its text
    lists the service by other words or not at all ("тырнағын алмаған": nail cutting, a social-household service).
    Only with a setting named: the criteria of kinds are each of one setting, and without one the services of every
    setting would speak for criteria of settings the incident is not about."""
    catalogue = ctx.catalogue
    if not u.filters.setting:
        return hits
    services = incident.search(catalogue.service_index, reading, only=catalogue.services_in(u.filters.setting, None),
                               limit=3)
    # a service explaining more of the incident's words than any requirement does ("ЛФК" of the cabinets whose
    # passports are missing is no sign the incident is about therapy)
    said = max((_sure_of_object(reading, h, way) for h in hits), default=0)
    found = [s for s in services if s.score >= KIND_SCORE and _sure_of_object(reading, s, way) > said
             and incident.object_found(reading, s)]
    kind = next((k for k in (catalogue.kinds.of_service(s.target) for s in found) if k), None)
    if kind is None:
        return hits
    of_kind = frozenset(i for i in catalogue.kinds.criteria(kind) if only is None or i in only)
    if not of_kind:
        return hits
    # a service found for sure (ANSWER_SCORE) keeps its kind's criteria among the choices even when their text has
    # none of the question's words ("не стригли ногти": the social-household criteria, to choose from)
    floor = CLARIFY_SCORE if found[0].score >= ANSWER_SCORE else 0.0
    boosted = {h.target.ident: replace(h, score=max(h.score + KIND_BONUS, floor))
               for h in incident.search(catalogue.criterion_index, reading, only=of_kind, limit=len(of_kind))}
    if floor:  # those the search did not find (none of their words asked) are choices all the same
        for index in sorted(of_kind):
            target = catalogue.criteria[index]
            if target.ident not in boosted:
                boosted[target.ident] = Hit(target, floor, matched=(0.0,) * len(reading.words))
    named = _named_by_service(found[0].target, [h.target for h in boosted.values()])
    if named in boosted:
        # the service's name says the object words for it: they are the evidence the criterion is answered on
        hit = boosted[named]
        matched = _lent_evidence(hit.matched, found[0].matched)
        rivals = [h.score for ident, h in boosted.items() if ident != named]
        lead = max([h.score for h in hits if h.target.ident != named] + rivals, default=0.0)
        score = max(hit.score + NAMED_BONUS, min(lead, ANSWER_SCORE) + NAMED_LEAD)
        boosted[named] = replace(hit, score=score, matched=matched)
    merged = {h.target.ident: h for h in hits}
    for ident, h in boosted.items():
        if ident not in merged or merged[ident].score < h.score:
            merged[ident] = h
    return sorted(merged.values(), key=lambda h: -h.score)


def _of_the_failed_kind(hits: list[Hit], u: Understood, ctx: Context, reading: incident.Reading,
                        way: frozenset[str]) -> list[Hit]:
    """Complaints, the media and the reports each split the failure of the guaranteed volume in two degrees by kind of
    service (social-household and social-medical are gross, the others significant): when the question names such a
    way ("две жалобы: продукты не приносили"), the one of that way listing the kind of the requirement its object words
    match best (criterion 24, social-household services at home) leads that requirement, by NAMED_LEAD, however few of
    the question's words its own text holds."""
    lexicon = incident.load_lexicon()
    named = lexicon.ways_for_sure(tuple(u.tokens))
    if not named or not hits:
        return hits
    sure = [_sure_of_object(reading, h, way) for h in hits]
    # of the requirements matching as many object words, the one whose kind the question says by name ("не оказывали
    # психологическую помощь": the psychological one, not a medical one matching "помощь" and a story word as well)
    rank = [(sure[i], _kind_named(reading, hits[i])) for i in range(len(hits))]
    top = max(rank)
    if not top[0]:
        return hits
    # of the plain requirements found equally well and for sure, the first the named way's criteria list ("жұмыс"
    # finds the work plan and the clubs' work alike: complaints list the clubs' social-cultural services, not the plan)
    first = rank.index(top)
    tied = [hits[first]] + ([h for i, h in enumerate(hits) if rank[i] == top and i != first
                             and lexicon.section(h.target.rows[0]["section"] or "") not in NAMED_ONLY]
                            if top[0] >= 2 else [])
    for best in tied:
        of_way = frozenset(i for i in _of_ways(best.target, ctx)
                           if lexicon.section(ctx.catalogue.criteria[i].rows[0]["section"] or "") in named)
        if of_way:
            break
    else:
        return hits
    idents = {ctx.catalogue.criteria[i].ident for i in of_way}
    lead = best.score
    if not required_kind(best.target):
        # the way's criterion listing the very object found (not a kind of service inferred) leads the way's others
        # too, matching only story words ("кассаға, гардеробқа арбамен ...": the service zones', not the aids')
        lead = max([lead] + [h.score for h in hits if h.target.ident not in idents
                             and lexicon.section(h.target.rows[0]["section"] or "") in named])
    lead += NAMED_LEAD
    # one the search left out (its text shares few of the question's words) is found again among those of the way
    listed = {h.target.ident for h in hits}
    hits = hits + [h for h in incident.search(ctx.catalogue.criterion_index, reading, only=of_way, limit=len(of_way))
                   if h.target.ident not in listed]

    def leading(hit: Hit) -> Hit:  # the requirement's words matched are its evidence too, as for a named service
        return replace(hit, score=max(hit.score + KIND_BONUS, lead), matched=_lent_evidence(hit.matched, best.matched),
                       sure=max(hit.sure, best.sure))

    return sorted((leading(h) if h.target.ident in idents else h for h in hits), key=lambda h: -h.score)


def _of_ways(requirement: Target, ctx: Context) -> frozenset[int]:
    """The criteria of the ways of coming to light that a plain requirement's failure falls under: those listing its
    kind of services as not rendered (social-household ...), else those listing its object (wheelchairs, ramps)."""
    kind = required_kind(requirement)
    if kind:
        return ctx.catalogue.kinds.failed(kind)
    return frozenset(ctx.catalogue.counterparts.listing(requirement.ident).values())


KIND_STEM = 6  # letters a kind's name shares with its Russian word ("психологиялық", "психологический")


def _kind_named(reading: incident.Reading, hit: Hit) -> bool:
    """Whether a question word the requirement matched for sure is the name of a kind it requires (or, for the
    guaranteed volume not fulfilled, lists)."""
    kind = required_kind(hit.target)
    stems = {k[:KIND_STEM] for k in ((kind,) if kind else failed_kinds(hit.target))}
    return any(sim >= incident.SURE and stems & {word.text[:KIND_STEM], (word.alt or "")[:KIND_STEM]}
               for word, sim in zip(reading.words, hit.matched, strict=False))


def _lent_evidence(own: tuple[float, ...], lent: tuple[float, ...]) -> tuple[float, ...]:
    """Per question word, the better of a criterion's own match and the one another target lends it."""
    return tuple(max(a, b) for a, b in zip_longest(own, lent, fillvalue=0.0))


def _sure_of_object(reading: incident.Reading, hit: Hit, way: frozenset[str] = frozenset()) -> int:
    """The question's object words a candidate matched for sure: job titles ("күтім жөніндегі әлеуметтік
    қызметкер"), story and setting words ("бір апта", "үйдегі") say who failed, when and where, and the `way` it came
    to light ("две жалобы") how it was found, not what was not done."""
    return sum(1 for word, sim in zip(reading.words, hit.matched, strict=False) if sim >= incident.SURE
               and word.weight >= 1 and word.text not in way)


def _asks_the_degree(u: Understood) -> bool:
    """Whether a question naming a degree asks what it is ("что такое грубое нарушение", "list of gross violations"),
    not whether a case it tells is one ("... диеталық ас тағайындаған, бірақ асхана жалпы тамақ берді. Өрескел ме?"):
    a case no criterion matched gets no definition as its answer."""
    return incident.asks_meaning(u) or sum(1 for w in u.words if w.weight >= 1) <= TOLD


def _named_by_service(service: Target, criteria: list[Target]) -> tuple | None:
    """The criterion whose requirement the service's name words (NAMED_SHARE of its words or more, more than any
    other's): "... жуыну, тамақ ішу ... жеке қызмет көрсету және гигиеналық сипаттағы әлеуметтік-тұрмыстық
    қызметтер" (a tariff item) is what "жеке қызмет көрсетушінің әлеуметтік-тұрмыстық және гигиеналық сипаттағы
    қызметтерді ұсыну" (criterion 23) requires, not the household chores of criterion 24."""
    said = requirement_words(service.names[0])
    shares = sorted(((len(words & said) / len(words), c.ident) for c in criteria
                     if (words := requirement_words(c.names[0]))), reverse=True)
    if not shares or shares[0][0] < NAMED_SHARE or (len(shares) > 1 and shares[1][0] >= shares[0][0]):
        return None
    return shares[0][1]


def _section_weight(kind: str | None, named: frozenset[str], mentioned: frozenset[str]) -> float:
    """A criterion of the section the question names the way of leads; one of a section that needs a way the
    question neither names nor mentions the records of (complaints received, a report in the media, the monitoring
    of reports) falls behind: a plain incident is what an inspection finds."""
    if kind in named:
        return SECTION_BONUS
    return -SECTION_PENALTY if kind in NAMED_ONLY and kind not in mentioned else 0.0


def _same_degree(hit: Hit, top: Hit) -> bool:
    return hit.target.rows[0]["degree"] == top.target.rows[0]["degree"]


def look_alike(hit: Hit, top: Hit, named_settings: dict) -> bool:
    """The same requirement in another section of the annex or another setting: most words of the shorter one
    (without the setting it opens with) are repeated by the other."""
    a, b = hit.target.rows[0], top.target.rows[0]
    if a["section"] == b["section"] and _settings(hit, named_settings) == _settings(top, named_settings):
        return False
    words_a, words_b = requirement_words(a["criterion"]), requirement_words(b["criterion"])
    shorter = min(len(words_a), len(words_b))
    return shorter > 0 and len(words_a & words_b) >= LOOK_ALIKE * shorter


def _with_look_alikes(chosen: list[Hit], hits: list[Hit], named_settings: dict) -> list[Hit]:
    """The answer's criteria and, close behind the best one, its look-alikes in other sections and settings."""
    top = chosen[0]
    shown = list(chosen)
    for hit in hits:
        if len(shown) >= SHOWN:
            break
        if hit not in shown and (hit.score >= top.score - COMPARE or _finds_all_of(hit, top)) and \
                look_alike(hit, top, named_settings):
            shown.append(hit)
    return shown[:SHOWN]


def _finds_all_of(hit: Hit, top: Hit) -> bool:
    """Whether a candidate finds for sure every word the best one does (a longer wording of the same requirement,
    ranked lower only for its length)."""
    found = [i for i, s in enumerate(top.matched) if s >= incident.SURE]
    return bool(found) and all(i < len(hit.matched) and hit.matched[i] >= incident.SURE for i in found)


def _settings(hit: Hit, named_settings: dict) -> frozenset[str]:
    return named_settings.get(("criterion", hit.target.ident), frozenset())


def _criterion_lines(shown: list[Hit], lang: str, ctx: Context) -> list[str]:
    """One line per criterion: its degree, number and name, and (when the criteria shown differ in it) the section
    of the annex that gives it its degree and the setting it is about."""
    rows = [h.target.rows[0] for h in shown]
    sections = {row["section"] for row in rows}
    settings = {_settings(h, ctx.catalogue.named_settings) for h in shown}
    lexicon = incident.load_lexicon()
    lines = []
    for hit, row in zip(shown, rows, strict=True):
        where = []
        if len(sections) > 1:
            kind = lexicon.section(row["section"] or "")
            where.append(label(f"section_{kind}", lang) if kind else truncate(row["section"] or "", 80))
        named = _settings(hit, ctx.catalogue.named_settings)
        if len(settings) > 1 and named:
            where.append(", ".join(label(s, lang) for s in sorted(named)))
        degree = compose.degree_text(row["degree"], row["degree_kk"], lang)
        place = f" ({'; '.join(where)})" if where else ""
        lines.append(f"{degree} — {label('criterion', lang)} {row['item']}{place}: "
                     f"{truncate(localised_name(hit.target, lang), 160)}")
    return lines


def cite_all(citations: list[Citation], lang: str) -> str:
    """Several criteria of one act and annex cited once: "..., annex 1, items 20, 35, 50"."""
    groups: dict[tuple, list[str]] = {}
    for citation in citations:
        groups.setdefault((citation.title, citation.annex), []).append(citation.item or "")
    parts = []
    for (title, annex), items in groups.items():
        items = [i for i in dict.fromkeys(items) if i]
        text = ", ".join([title] + ([gettext(lang, ANNEX).format(annex=annex)] if annex else []))
        if len(items) == 1:
            text += ", " + gettext(lang, ITEM).format(item=items[0])
        elif items:
            text += ", " + label("items", lang).format(items=", ".join(items))
        parts.append(text)
    return "; ".join(parts)


def _definition(degree: str, ctx: Context) -> dict | None:
    """The order's definition of a degree: the passage that starts with (or is titled by) its Kazakh word."""
    word = DEGREE_KK[degree]
    definitions = ctx.catalogue.definitions
    for passage in definitions:
        if passage["text"].casefold().lstrip("0123456789)\" ").startswith(word) or word in (passage.get("title") or ""):
            return passage
    return next((p for p in definitions if word in p["text"].casefold()[:60]), None)


def _fields(row: dict) -> dict:
    return {name: row[name] for name in ("item", "criterion", "degree", "degree_kk", "section")}


def _result(hit: Hit, lang: str, ctx: Context) -> Result:
    row = hit.target.rows[0]
    fields = {**_fields(row), "name": localised_name(hit.target, lang)}  # the criterion as the reader's language names it
    return Result(type="criterion", citation=ctx.citation(row["document"], row["annex"], row["item"], lang),
                  score=min(hit.score, 1.0), fields=fields)
