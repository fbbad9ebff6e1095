"""The same object in the criteria annex's other sections (knowledge.answer.counterparts): worked out from the texts,
and a failure told with the way it came to light answered with that way's criterion listing its object."""

from __future__ import annotations

import pytest

from knowledge.answer.catalogue import requirement_words
from knowledge.answer.counterparts import Counterparts
from knowledge.answer.index import Target

VISIT, MEDIA, COMPLAINTS = "бару арқылы", "интернет-ресурстарын талдау", "шағымдар"


def criterion(item: int, section: str, text: str) -> Target:
    return Target("criterion", (item,), [text], [{"item": item, "section": section}])


CRITERIA = [
    criterion(61, VISIT, "Мүгедектігі бар адамдарды протездік-ортопедиялық көмекпен қамтамасыз ету"),
    criterion(64, VISIT, "Мүгедектігі бар адамдарды арнайы жүріп-тұру құралдарымен (кресло-арбамен) қамтамасыз ету"),
    criterion(54, VISIT, "Мүгедектігі бар адамдарды қызмет көрсету аймақтарына (гардероб, касса) қолжетімділігін "
                         "қамтамасыз ету"),
    criterion(22, VISIT, "Стационар жағдайында көрсетілетін арнаулы әлеуметтік қызметтердің сапасын сақтау"),
    criterion(76, MEDIA, "БАҚ-тан протездік-ортопедиялық көмекпен, арнайы жүріп-тұру құралдарымен (кресло-арбалармен) "
                         "қамтамасыз ету бөлігінде оңалту іс-шараларының орындалмау фактісі"),
    criterion(75, MEDIA, "БАҚ-тан мүгедектігі бар адамдарға қызмет көрсету аймақтарына қолжетімділігі қамтамасыз "
                         "етілмеу фактісі"),
    criterion(89, COMPLAINTS, "Протездік-ортопедиялық көмекпен, арнайы жүріп-тұру құралдарымен қамтамасыз ету "
                              "бөлігінде екі және одан да көп шағымдардың болуы"),
    criterion(88, COMPLAINTS, "Мүгедектігі бар адамдарға қызмет көрсету аймақтарына қолжетімділігін қамтамасыз етпеу "
                              "бойынша екі және одан да көп шағымдардың болуы"),
]


def listed(item: int) -> dict[str, int]:
    found = Counterparts(CRITERIA, requirement_words).listing((item,))
    return {section: CRITERIA[index].rows[0]["item"] for section, index in found.items()}


def test_each_way_lists_the_object_by_its_words():
    assert listed(64) == {MEDIA: 76, COMPLAINTS: 89}
    assert listed(61) == {MEDIA: 76, COMPLAINTS: 89}
    # the bracketed examples are no part of what the lists repeat
    assert listed(54) == {MEDIA: 75, COMPLAINTS: 88}


def test_a_requirement_no_list_repeats_has_no_counterpart():
    assert listed(22) == {}


def test_the_base_lists_every_aid_and_access_requirement_in_each_way(engine):
    """On the whole annex: the ways' criteria each list the aids and the access requirements of the visit."""
    catalogue = engine.context.catalogue
    def ways(item: int) -> set[int]:
        return {catalogue.criteria[i].rows[0]["item"] for i in catalogue.counterparts.listing((item,)).values()}

    assert ways(64) == ways(62) == {76, 83, 89}  # wheelchairs, hearing aids
    assert ways(54) == {75, 82, 88}  # service zones
    assert ways(68) == {77, 84, 90}  # hygiene products
    assert not ways(22) & {72, 73, 74, 75, 76, 77}  # the quality of services is listed by no way


@pytest.mark.parametrize(("question", "item"), [
    ("две подтверждённые жалобы: колясочник не может попасть в гардероб и кассу, какая степень", 88),
    ("в новостях написали, что инвалидам не выдали кресла-коляски по ИПР — это грубо?", 76),
    ("екі шағым расталды: мүгедектерге гигиеналық құралдар берілмеген, дәрежесі қандай", 90),
])
def test_a_failure_told_with_its_way_leads_with_the_way_s_criterion_listing_it(engine, question, item):
    """Answered with it, or asked back with it first (the visit's requirement and the aids' criterion behind)."""
    answer = engine.ask(question)
    first = answer.results[0].fields["item"] if answer.results else int(answer.choices[0].label.split(".")[0])
    assert first == item, answer.text
