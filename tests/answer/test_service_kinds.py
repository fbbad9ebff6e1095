"""The kind of a social service (knowledge.answer.service_kinds): read from a tariff table's heading and from the end
of a criterion's requirement, and an incident about a service of one kind led to the criteria requiring that kind."""

from __future__ import annotations

import pytest

from knowledge.answer.index import Target
from knowledge.answer.service_kinds import Kinds, failed_kinds, required_kind, service_kind
from knowledge.text import loose


def service(item: int, category: str, table: str = "borli") -> Target:
    return Target("service", ("001", 1, item), [f"service {item}"], [{"category": category}], jurisdiction=table,
                  setting="home")


def criterion(item: int, text: str) -> Target:
    return Target("criterion", (item,), [text], [{"item": item}])


@pytest.mark.parametrize("heading, kind", [
    ("Әлеуметтік-тұрмыстық қызметтер", "тұрмыстық"),
    ("Әлеуметтік - медициналық қызметтер", "медициналық"),  # spaced hyphen as one decree prints it
    ("Әлеуметтік-еңбек қызметтері", "еңбек"),
    ("Басқа қызметтер", None),
])
def test_a_service_kind_is_its_table_heading(heading, kind):
    assert service_kind(service(1, heading)) == (loose(kind) if kind else None)


def test_a_criterion_requires_the_kind_its_requirement_ends_with():
    ends = criterion(23, "Үйде қызмет көрсету жағдайларында жеке қызмет көрсетушінің әлеуметтік-тұрмыстық және "
                         "гигиеналық сипаттағы қызметтерді көрсету бойынша әлеуметтік-тұрмыстық қызметтерді ұсыну")
    assert required_kind(ends) == loose("тұрмыстық")
    # a complaint naming several kinds, a deadline: no kind required
    complaints = criterion(85, "Әлеуметтік-тұрмыстық, әлеуметтік- медициналық қызметтердің кепілдік берілген "
                               "көлемінің орындалмауына екі және одан да көп шағымдардың болуы")
    assert required_kind(complaints) is None
    assert required_kind(criterion(1, "Бағалау жүргізу мерзімдерінің сақталуы")) is None


def test_a_table_under_one_heading_tells_no_kind():
    # one decree prints a single heading over every item: that heading says nothing of what each item is
    one_heading = [service(i, "Әлеуметтік-тұрмыстық қызметтер") for i in (1, 2, 3)]
    headed = [service(i, h, "baiterek") for i, h in ((1, "Әлеуметтік - тұрмыстық қызметтер"),
                                                      (2, "Әлеуметтік - құқықтық қызметтер"))]
    kinds = Kinds(one_heading + headed, [criterion(23, "... бойынша әлеуметтік-тұрмыстық қызметтерді ұсыну"),
                                         criterion(36, "... бойынша әлеуметтік-құқықтық қызметтерді ұсыну")])
    assert all(kinds.of_service(t) is None for t in one_heading)
    assert [kinds.of_service(t) for t in headed] == [loose("тұрмыстық"), loose("құқықтық")]
    assert kinds.criteria(loose("құқықтық")) == frozenset({1})


def test_an_incident_about_a_service_no_criterion_names_offers_the_criteria_of_its_kind(engine):
    # nail cutting is a tariff service (social-household) no criterion's text names: the social-household
    # requirements of the stationary setting are what the user chooses from, not a tariff, not "not found"
    answer = engine.ask("в доме-интернате не стригли ногти бабушке, это грубое нарушение?", "ru")
    catalogue = engine.context.catalogue
    household = {catalogue.criteria[i].ident[0] for i in catalogue.kinds.criteria(loose("тұрмыстық"))}
    assert answer.status == "clarify" and answer.choices
    first = answer.choices[0].query
    followed = engine.ask(first, "ru")
    assert followed.results and followed.results[0].type == "criterion"
    assert followed.results[0].fields["item"] in household


def test_without_a_setting_the_kind_of_a_service_says_nothing(engine):
    # the criteria of kinds are each of one setting: a question naming none is searched on its own words only
    from knowledge.answer import incident
    from knowledge.answer.intents.violation import _with_service_kind
    from knowledge.answer.understand import understand

    context = engine.context
    for question, changed in (("в доме-интернате не стригли ногти бабушке", True), ("не стригли ногти бабушке", False)):
        u = understand(question, engine.glossary)
        reading = incident.read(u)
        only = incident.in_setting(context.catalogue, "criterion", u.filters.setting)
        plain = incident.search(context.catalogue.criterion_index, reading, only=only)
        way = incident.load_lexicon().way_words(tuple(u.tokens))
        assert (_with_service_kind(plain, u, context, reading, only, way) != plain) is changed


def test_the_criterion_a_found_service_names_leads_its_kind(engine):
    """Bathing, dressing, feeding at home: the tariff item "... жуыну, тамақ ішу ... жеке қызмет көрсету және
    гигиеналық сипаттағы әлеуметтік-тұрмыстық қызметтер" says most of criterion 23's words (the personal helper's
    social-household and hygienic services), not the household chores of criterion 24."""
    answer = engine.ask("үйде әлеуметтік қызметкер қарияны жуындырмады, киіндірмеді — дәрежесі қандай?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 23


def test_a_failure_of_the_guaranteed_volume_lists_its_kinds():
    """Complaints, the media and the reports split the failure of the guaranteed volume by kind of service: the
    social-household and social-medical one, and the one of the other kinds."""
    gross = criterion(85, "Әлеуметтік-тұрмыстық, әлеуметтік- медициналық қызметтердің кепілдік берілген көлемінің "
                          "орындалмауына екі және одан да көп шағымдардың болуы")
    significant = criterion(86, "Әлеуметтік-психологиялық, әлеуметтік-құқықтық қызметтердің кепілдік берілген "
                                "көлемінің орындалмауына екі және одан да көп шағымдардың болуы")
    provided = criterion(23, "... бойынша әлеуметтік-тұрмыстық қызметтерді ұсыну")
    assert failed_kinds(gross) == (loose("тұрмыстық"), loose("медициналық"))
    assert failed_kinds(significant) == (loose("психологиялық"), loose("құқықтық"))
    assert failed_kinds(provided) == ()  # a requirement to provide one kind lists none
    kinds = Kinds([], [gross, significant, provided])
    assert kinds.failed(loose("тұрмыстық")) == frozenset({0})
    assert kinds.failed(loose("құқықтық")) == frozenset({1})
    assert kinds.criteria(loose("тұрмыстық")) == frozenset({0, 2})


@pytest.mark.parametrize(("question", "item"), [
    ("Две подтверждённые жалобы от родных: на дому продукты не приносили и не убирали. Какая степень?", 85),
    ("екі шағым түсті: үйде әлеуметтік қызметкер азық-түлік әкелмеді, қандай дәреже?", 85),
    ("Две жалобы: в доме-интернате психолог не проводил консультации. Степень?", 86),
    ("в газете написали, что в доме-интернате не проводили психологические консультации. какая степень?", 73),
    ("по данным мониторинга на дому не оказывали юридические консультации. степень?", 80)])
def test_a_way_named_with_the_kind_of_what_was_not_done_finds_its_degree(engine, question, item):
    """The requirement the object words match (groceries: social-household services at home, 24) tells the kind;
    the criterion of the way named listing that kind is the one, however few of the question's words it prints."""
    answer = engine.ask(question)
    assert answer.status == "answer" and answer.results[0].fields["item"] == item


def test_one_person_complaining_is_no_count_of_complaints(engine):
    """"бабушка жаловалась" tells the story: the criteria of two complaints or more do not take the lead."""
    answer = engine.ask("Соцработник на дому месяц не покупал продукты, бабушка жаловалась. Какая степень?")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 24


def test_a_way_named_leads_to_its_criterion_through_the_requirement_it_lists_of_those_found_alike(engine):
    # "жұмыс" finds the work plan (3) and the clubs' work (19) for sure alike: complaints list the social-cultural
    # services of 19, so two complaints lead to the complaints' criterion for them (86), not to a visit's criterion
    answer = engine.ask("стационардағы психолог қызмет алушылармен жұмыс істемейді деп екі шағым түсті, қандай дәреже")
    assert answer.status == "answer" and answer.results[0].fields["item"] == 86
