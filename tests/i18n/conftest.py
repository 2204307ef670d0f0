import pytest

from pressroom.news.models import NewsIndexPage
from pressroom.pages.setup import translate_site_tree


@pytest.fixture
def en_home(home):
    """The English home page and skeleton, as `pressroom init` makes them."""
    return translate_site_tree(home)[0]


@pytest.fixture
def en_news_index(en_home):
    return NewsIndexPage.objects.child_of(en_home).get()
