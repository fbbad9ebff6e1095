"""Reply text pieces: tariff lines, citations, degrees, warnings and titles, in each reply language."""

from __future__ import annotations

import pytest

from knowledge.answer.compose import cite, degree_text, flag_warning, label, short_title, tariff_line, truncate
from knowledge.domain import Citation

TWO_RATES = {"service": "Массаж", "position": "Мейіргер", "rate_city": 903.0, "rate_rural": 0.0, "rate": None,
             "unit": "day"}
ONE_RATE = {"service": "Хат жазу", "position": "Әлеуметтік қызметкер", "rate": 371.25, "rate_city": None,
            "rate_rural": None, "unit": "day"}


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_asked_area_comes_first_and_zero_is_no_tariff(lang):
    rural_first = tariff_line(TWO_RATES, "rural", lang)
    city_first = tariff_line(TWO_RATES, "city", lang)
    rural, city = label("rural", lang), label("city", lang)
    assert rural_first.index(rural) < rural_first.index(city)
    assert city_first.index(city) < city_first.index(rural)
    assert label("no_tariff", lang) in rural_first and "0,00" not in rural_first and "0.00 " not in rural_first
    assert label("day", lang) in rural_first


def test_a_one_rate_row_shows_one_figure_in_the_locale():
    assert tariff_line(ONE_RATE, None, "ru").endswith("371,25\xa0₸ (на одного получателя в день)")
    assert "371.25" in tariff_line(ONE_RATE, None, "en")


def test_citation_names_the_annex_and_item_in_the_reply_language():
    citation = Citation("000", "постановление № 286", 2, "63", "in_force")
    assert cite(citation, "ru") == "постановление № 286, приложение 2, пункт 63"
    assert cite(Citation("003", "T", None, None, "repealed"), "en") == "T"


def test_degree_keeps_the_printed_kazakh_word():
    assert degree_text("significant", "елеулі", "kk") == "елеулі"
    assert degree_text("significant", "елеулі", "ru") == "значительное («елеулі»)"
    assert degree_text("gross", None, "en") == "gross"


def test_a_misprint_candidate_and_a_reconstructed_layout_warn_differently():
    misprint, layout = flag_warning("rate_pattern(x1.0314)", "en"), flag_warning("split_rates", "en")
    assert misprint != layout and "misprint" in misprint and "layout" in layout


def test_short_title_takes_the_issuer_of_the_reply_language():
    document = {"act_type": "decree", "number": "286", "date": "2025-12-25", "issuer_ru": "Акимат ЗКО",
                "issuer_kk": "БҚО әкімдігі"}
    # the date as Russian writes it (Babel's narrow no-break space before "г.")
    assert " ".join(short_title(document, "ru").replace("\u202f", " ").split()) == (
        "постановление № 286 от 25 декабря 2025 г. (Акимат ЗКО)")
    assert "БҚО әкімдігі" in short_title(document, "kk")


def test_unknown_label_key_is_shown_as_it_is_and_long_text_is_cut():
    assert label("no_such_key", "ru") == "no_such_key"
    assert truncate("a" * 300, 60).endswith("…") and len(truncate("a" * 300, 60)) == 60
    assert truncate("short", 60) == "short"
