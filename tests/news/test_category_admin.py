"""News categories in the admin: copying one never changes the one copied."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from pressroom.news.models import NewsCategory
from tests.factories import NewsCategoryFactory

pytestmark = pytest.mark.django_db

ADMIN = "/" + settings.PRESSROOM_ADMIN_PATH


@pytest.fixture
def chief(client):
    user = get_user_model().objects.create_superuser("chief", "", "a-long-test-password-1")
    client.force_login(user)
    return client


def test_a_category_cannot_be_copied_over_itself(chief):
    """Wagtail 8.0.1's generic copy view saves its form over the object it copies: posting
    "copy" of 公司新闻 as 行业动态 renamed 公司新闻. Categories are added with "Add", so the
    copy address is gone and the original keeps its name."""
    original = NewsCategoryFactory(name="公司新闻", name_en="Company news", slug="company")
    listing = chief.get(f"{ADMIN}snippets/news/newscategory/")
    assert listing.status_code == 200
    assert "/copy/" not in listing.content.decode()

    response = chief.post(
        f"{ADMIN}snippets/news/newscategory/copy/{original.pk}/",
        {"name": "行业动态", "name_en": "Industry", "slug": "industry", "sort_order": 2},
    )

    assert response.status_code == 404
    original.refresh_from_db()
    assert (original.name, original.slug) == ("公司新闻", "company")
    assert NewsCategory.objects.count() == 1
