"""Nothing that is not public reaches the content API: no draft, unpublished, expired or
private page (by list, detail, find, search or child_of), no draft text of a live page, no
editor's or visitor's data, whoever asks."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from pressroom.pages.models import StandardPage
from tests.api.conftest import get
from tests.factories import MESSAGE_ANSWERS, make_article, make_message, publish

pytestmark = pytest.mark.django_db

# Names no answer may carry, at any depth of its JSON.
DENIED_KEYS = {
    "owner",
    "locked",
    "locked_by",
    "locked_at",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "password",
    "email",
    "username",
    "to_address",
    "from_address",
    "form_data",
    "form_fields",
    "submissions",
    "alias_of",
    "spec_defaults",
    "url_path",
    "path",
    "content_type",
}


def keys_in(data) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {key for value in data.values() for key in keys_in(value)}
    if isinstance(data, list):
        return {key for value in data for key in keys_in(value)}
    return set()


@pytest.fixture
def hidden(home, news_index):
    """A page of each kind that is not public, with a secret word in its title."""
    draft = make_article(news_index, title="草稿机密甲", slug="draft", live=False)
    unpublished = make_article(news_index, title="下线机密乙", slug="unpublished")
    unpublished.unpublish()
    expired = make_article(news_index, title="过期机密丙", slug="expired")
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(hours=1))
    members = publish(home, StandardPage(title="会员专区", slug="members"))
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    under_login = publish(members, StandardPage(title="登录机密丁", slug="inside"))
    vault = publish(home, StandardPage(title="密码专区", slug="vault"))
    PageViewRestriction.objects.create(
        page=vault, restriction_type=PageViewRestriction.PASSWORD, password="s3same"
    )
    under_password = publish(vault, StandardPage(title="密码机密戊", slug="inside"))
    # A live article whose latest revision is a draft with other words.
    edited = make_article(news_index, title="公开标题", slug="edited", summary="公开摘要")
    edited.title, edited.summary = "修订机密己", "修订摘要机密"
    edited.body = [{"type": "paragraph", "value": "<p>修订正文机密</p>"}]
    edited.save_revision()
    return {
        "draft": draft,
        "unpublished": unpublished,
        "expired": expired,
        "members": members,
        "under_login": under_login,
        "vault": vault,
        "under_password": under_password,
        "edited": edited,
    }


SECRETS = ["机密", "会员专区", "密码专区"]


def assert_no_secret(response):
    text = response.content.decode()
    for word in SECRETS:
        assert word not in text, (word, response.request, text[:500])


def every_way_to_ask(hidden, news_index, home):
    """Each address and query a client could use to reach a page, for every hidden page."""
    urls = [
        ("/api/v2/pages/", {"limit": 50}),
        ("/api/v2/pages/", {"limit": 50, "fields": "*"}),
        ("/api/v2/pages/", {"type": "news.NewsArticlePage", "fields": "*"}),
        ("/api/v2/pages/", {"type": "pages.StandardPage", "fields": "*"}),
        ("/api/v2/pages/", {"child_of": news_index.pk, "limit": 50}),
        ("/api/v2/pages/", {"descendant_of": home.pk, "limit": 50}),
        ("/api/v2/pages/", {"search": "机密"}),
        ("/api/v2/pages/", {"search": "修订"}),
        ("/api/v2/pages/", {"search": "专区"}),
        ("/api/v2/pages/", {"type": "news.NewsArticlePage", "slug": "draft"}),
        ("/api/v2/pages/", {"type": "news.NewsArticlePage", "title": "草稿机密甲"}),
        ("/api/v2/pages/", {"order": "-title", "limit": 50}),
    ]
    for page in hidden.values():
        urls += [
            (f"/api/v2/pages/{page.pk}/", {}),
            (f"/api/v2/pages/{page.pk}/", {"fields": "*"}),
            ("/api/v2/pages/find/", {"id": page.pk}),
            ("/api/v2/pages/find/", {"html_path": page.url_path.split("/", 2)[2]}),
            ("/api/v2/pages/", {"child_of": page.pk}),
            ("/api/v2/pages/", {"descendant_of": page.pk}),
            ("/api/v2/pages/", {"ancestor_of": page.pk}),
            ("/api/v2/pages/", {"translation_of": page.pk}),
            ("/api/v2/pages/", {"id": page.pk}),
        ]
    return urls


def test_no_hidden_page_is_reachable_in_any_way(client, hidden, news_index, home):
    for url, params in every_way_to_ask(hidden, news_index, home):
        response = client.get(url, params)
        assert response.status_code in (200, 302, 400, 404), (url, params, response.status_code)
        assert_no_secret(response)
        if response.status_code == 302:  # find: the only page it may lead to is public
            assert f"/{hidden['edited'].pk}/" in response["Location"], (url, params)
    for page in hidden.values():
        if page is not hidden["edited"]:
            assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_a_live_page_shows_its_live_version_not_its_draft(client, hidden):
    edited = hidden["edited"]
    response, data = get(client, f"/api/v2/pages/{edited.pk}/")
    assert response.status_code == 200
    assert data["title"] == "公开标题" and data["summary"] == "公开摘要"
    assert "第" in data["body"] and "修订" not in data["body"]
    response = client.get("/api/v2/pages/find/", {"html_path": "/news/edited/"})
    assert response.status_code == 302


def test_signed_in_editors_and_unlocked_passwords_see_no_more(client, hidden, news_index, home):
    """The API serves strangers only: a session does not widen what it shows."""
    vault_url = hidden["vault"].url
    form = client.get(vault_url)
    assert form.status_code == 200
    # Unlock the password page in this session, as a visitor would.
    restriction = PageViewRestriction.objects.get(page=hidden["vault"])
    unlocked = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{hidden['vault'].pk}/",
        {"password": "s3same", "return_url": vault_url},
    )
    assert unlocked.status_code == 302
    assert "密码专区" in client.get(vault_url).content.decode()
    admin = get_user_model().objects.create_superuser("chief", "chief@example.com", "pw-12345678")
    client.force_login(admin)
    for url, params in every_way_to_ask(hidden, news_index, home):
        response = client.get(url, params)
        assert_no_secret(response)
        assert "chief@example.com" not in response.content.decode()
    # Basic authentication is not read either.
    response = client.get(
        f"/api/v2/pages/{hidden['under_login'].pk}/",
        HTTP_AUTHORIZATION="Basic Y2hpZWY6cHctMTIzNDU2Nzg=",
    )
    assert response.status_code == 404


def test_no_answer_names_an_editor_a_revision_or_a_message(client, every_type, contact_page):
    make_message(contact_page)
    get_user_model().objects.create_superuser("chief", "chief@example.com", "pw-12345678")
    pages = Page.objects.live().filter(depth__gte=2)
    answers = [get(client, "/api/v2/pages/", limit=50, fields="*")]
    for page in pages:
        answers.append(get(client, f"/api/v2/pages/{page.pk}/", fields="*"))
        type_name = f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}"
        answers.append(get(client, "/api/v2/pages/", type=type_name, fields="*"))
    for response, data in answers:
        assert response.status_code == 200, data
        assert not keys_in(data) & DENIED_KEYS, keys_in(data) & DENIED_KEYS
        text = response.content.decode()
        assert "chief" not in text
        for answer in MESSAGE_ANSWERS.values():
            assert answer not in text


PRIVATE_ASKS = [
    {"owner": "1"},
    {"type": "news.NewsArticlePage", "owner": "1"},
    {"type": "news.NewsArticlePage", "locked": "true"},
    {"type": "news.NewsArticlePage", "live": "false"},
    {"type": "news.NewsArticlePage", "has_unpublished_changes": "true"},
    {"type": "news.NewsArticlePage", "owner__password__startswith": "p"},
    {"type": "contact.ContactMessage"},
    {"type": "auth.User"},
    {"type": "wagtailcore.Revision"},
    {"fields": "owner"},
    {"fields": "latest_revision"},
    {"type": "contact.ContactPage", "fields": "to_address"},
    {"type": "news.NewsArticlePage", "fields": "cover_image(file)"},
    {"order": "owner"},
    {"site": "b.test"},
    {"rich_text_format": "db_html"},
]


def test_private_fields_and_models_cannot_be_asked_for(client, every_type):
    for params in PRIVATE_ASKS:
        response, data = get(client, "/api/v2/pages/", **params)
        assert response.status_code == 400, (params, data)
        assert data["message"]


def test_there_is_no_endpoint_but_pages(client, every_type):
    for endpoint in ["images", "documents", "users", "snippets", "revisions", "messages"]:
        assert client.get(f"/api/v2/{endpoint}/").status_code == 404, endpoint
        assert client.get(f"/api/v2/{endpoint}/1/").status_code == 404, endpoint


def test_writes_are_refused(client, every_type):
    article = every_type["article"]
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(
            f"/api/v2/pages/{article.pk}/", data="{}", content_type="application/json"
        )
        assert response.status_code == 405, method
    assert Page.objects.get(pk=article.pk).live
