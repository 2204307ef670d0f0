"""How text is split into index words and queries into search terms."""

import pytest

from pressroom.search.fields import TextSearchField, with_word_splitting
from pressroom.search.text import MAX_QUERY_TERMS, bigrams, index_terms, query_terms


def test_bigrams_cover_every_two_character_word_of_a_run():
    run = "日本与朝鲜举行秘密会谈"
    pairs = bigrams(run)
    assert "朝鲜" in pairs and "会谈" in pairs and "日本" in pairs
    assert len(pairs) == len(run) - 1


def test_index_terms_add_pairs_of_long_runs_and_english_stems():
    extra = index_terms("日本与朝鲜举行秘密会谈. Pumps and valves")
    assert "朝鲜" in extra.split()
    assert {"pump", "valv"} <= set(extra.split())
    # Words the database finds by themselves are not repeated.
    assert "and" not in extra.split()
    assert index_terms("水泵 pump") == ""


def test_index_terms_split_words_that_mix_scripts():
    assert index_terms("QH系列").split() == ["qh", "系列"]
    assert {"2026", "年度", "大会"} <= set(index_terms("2026年度客户大会").split())


def test_query_terms_require_every_pair_of_a_chinese_query():
    assert query_terms("朝鲜会谈") == ["朝鲜", "鲜会", "会谈"]


def test_query_terms_stem_english_and_split_mixed_queries():
    assert query_terms("Centrifugal PUMPS") == ["centrifug", "pump"]
    assert query_terms("QH系列 水泵") == ["qh", "系列", "水泵"]


def test_query_terms_fold_full_width_letters():
    assert query_terms("ＱＨ系列") == ["qh", "系列"]


@pytest.mark.parametrize(
    "query",
    ['"', "*", "%", "' OR 1=1 --", "<script>", "💙", "(((((", "\u200b", "—", "NEAR(", "^"],
)
def test_query_terms_keep_only_letters_and_digits(query):
    for term in query_terms(query):
        assert term.isalnum(), term
    assert "OR" not in query_terms(query)  # FTS5 operators are upper case: never sent


def test_query_terms_are_capped():
    assert len(query_terms("测" * 500)) == 1  # the same pair, once
    assert len(query_terms(" ".join(f"w{n}" for n in range(100)))) == MAX_QUERY_TERMS


@pytest.mark.django_db
def test_text_search_field_indexes_text_with_its_extra_words():
    from pressroom.news.models import NewsArticlePage

    value = TextSearchField("title").get_value(NewsArticlePage(title="日本与朝鲜举行秘密会谈"))
    assert value.startswith("日本与朝鲜举行秘密会谈\n")
    assert "朝鲜" in value.split()


def test_with_word_splitting_keeps_boosts_and_other_fields():
    from wagtail.search import index

    title = index.SearchField("title", boost=2)
    fields = with_word_splitting([title, index.FilterField("live")])
    assert isinstance(fields[0], TextSearchField)
    assert fields[0].boost == 2
    assert fields[0] == title  # stands in for the field it replaces
    assert type(fields[1]) is index.FilterField
