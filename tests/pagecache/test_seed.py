import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from pressroom.news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


def test_seed_adds_live_articles_visitors_see(company, news_index):
    Client().get("/news/")  # cached before the seed
    call_command("seed", "--articles", "25")
    assert NewsArticlePage.objects.published().count() == 25
    listing = Client().get("/news/page/3/")
    assert listing.status_code == 200
    assert "样例新闻 25" in listing.content.decode()
    assert "样例新闻 1<" in Client().get("/news/").content.decode()


def test_seed_refuses_silly_counts(home):
    with pytest.raises(CommandError):
        call_command("seed", "--articles", "0")
