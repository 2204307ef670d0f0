"""Previous/next links follow the news list's order and show only what the list shows.

``NewsArticlePage.neighbours`` reads both in one SQL statement; these tests hold it to
``ArticleQuerySet.published()``, the one definition of what a visitor may see, on trees with
drafts, expired, private and same-second articles.
"""

import random
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pressroom.news.models import NewsArticlePage
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def expected_neighbours(article):
    """What the news list shows either side of ``article`` (newest first)."""
    order = list(
        NewsArticlePage.objects.sibling_of(article).published().values_list("title", "slug")
    )
    at = order.index((article.title, article.slug))
    older = order[at + 1] if at + 1 < len(order) else None
    newer = order[at - 1] if at > 0 else None
    return older, newer


def as_tuples(pair):
    return tuple(tuple(n) if n else None for n in pair)


def test_neighbours_are_the_articles_beside_it_in_the_list(news_index):
    now = timezone.now()
    oldest = make_article(news_index, title="最早", when=now - timedelta(days=3))
    middle = make_article(news_index, title="中间", when=now - timedelta(days=2))
    newest = make_article(news_index, title="最新", when=now - timedelta(days=1))

    assert as_tuples(middle.neighbours()) == (("最早", oldest.slug), ("最新", newest.slug))
    assert as_tuples(oldest.neighbours()) == (None, ("中间", middle.slug))
    assert as_tuples(newest.neighbours()) == (("中间", middle.slug), None)


def test_neighbours_skip_drafts_expired_and_private_articles(news_index):
    now = timezone.now()
    first = make_article(news_index, title="第一篇", when=now - timedelta(days=5))
    make_article(news_index, title="草稿", live=False)
    expired = make_article(news_index, title="已过期", when=now - timedelta(days=4))
    NewsArticlePage.objects.filter(pk=expired.pk).update(expire_at=now - timedelta(hours=1))
    private = make_article(news_index, title="内部", when=now - timedelta(days=3))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    last = make_article(news_index, title="最后一篇", when=now - timedelta(days=2))

    assert as_tuples(first.neighbours()) == (None, ("最后一篇", last.slug))
    assert as_tuples(last.neighbours()) == (("第一篇", first.slug), None)


def test_an_article_expiring_later_is_still_a_neighbour(news_index):
    now = timezone.now()
    first = make_article(news_index, title="甲", when=now - timedelta(days=2))
    later = make_article(news_index, title="乙", when=now - timedelta(days=1))
    NewsArticlePage.objects.filter(pk=later.pk).update(expire_at=now + timedelta(days=1))

    assert as_tuples(first.neighbours()) == (None, ("乙", later.slug))


def test_neighbours_match_the_list_on_a_mixed_tree(news_index):
    """Same-second articles (ordered by place in the tree), drafts, expiry and a private
    article at random: every article's neighbours are the list's."""
    rng = random.Random(20261205)
    now = timezone.now().replace(microsecond=0)
    articles = []
    for n in range(24):
        when = now - timedelta(hours=rng.choice([1, 2, 2, 3, 5, 5, 5, 8]))
        if rng.random() < 0.15:
            make_article(news_index, title=f"草稿 {n}", live=False)
            continue
        article = make_article(news_index, title=f"新闻 {n}", when=when)
        if rng.random() < 0.15:
            NewsArticlePage.objects.filter(pk=article.pk).update(
                expire_at=now - timedelta(minutes=1)
            )
        elif rng.random() < 0.1:
            PageViewRestriction.objects.create(page=article, restriction_type="login")
        else:
            articles.append(article)
    assert len(articles) > 10
    for article in articles:
        article.refresh_from_db()
        assert as_tuples(article.neighbours()) == expected_neighbours(article), article.title


def test_a_single_article_and_an_unpublished_one_have_none(news_index):
    only = make_article(news_index, title="唯一")
    draft = make_article(news_index, title="草稿", live=False)

    assert only.neighbours() == (None, None)
    assert draft.neighbours() == (None, None)
