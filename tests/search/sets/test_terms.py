"""The terms a page is found by and a query word needs (generator/search/sets/terms.py); sets.js has the same rules,
which tests/search/sets/test_sets_browser.py checks in the browser."""

from __future__ import annotations

from generator.search.sets.terms import page_terms, word_terms


def test_chinese_is_characters_and_neighbouring_pairs() -> None:
    assert page_terms("行政许可") == {"行", "政", "许", "可", "行政", "政许", "许可"}


def test_pairs_never_cross_punctuation_or_other_text() -> None:
    terms = page_terms("投诉：12345热线，ABC证")
    assert {"投诉", "12345", "热线", "abc", "证"} <= terms
    assert {"诉：", "5热", "线，", "c证"}.isdisjoint(terms)


def test_a_query_word_needs_its_pairs_or_its_character() -> None:
    assert word_terms("营业执照") == ["营业", "业执", "执照"]
    assert word_terms("证") == ["证"]
    assert word_terms("12345") == ["12345"]
    assert word_terms("ICP备案") == ["icp", "备案"]
    assert word_terms("，") == []


def test_every_term_of_a_word_is_a_term_of_a_page_holding_it() -> None:
    text = "对未取得食品经营许可从事食品经营活动的行政处罚（12345）"
    for word in ("食品经营许可", "行政处罚", "罚", "12345", "经营活动"):
        assert set(word_terms(word)) <= page_terms(text)
