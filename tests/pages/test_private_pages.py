"""Pages an editor makes private: a visitor can sign in or give the password and read them,
and nothing public links to them."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.models import Locale, PageViewRestriction

from pressroom.i18n.tree import translate_page
from pressroom.pages.setup import translate_site_tree
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


@pytest.fixture
def member(db):
    """A visitor with an account but no access to the admin."""
    return get_user_model().objects.create_user("member", "member@example.com", PASSWORD)


@pytest.fixture
def article(news_index):
    return make_article(news_index, title="会员通讯", body=[("paragraph", "<p>仅限会员阅读。</p>")])


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def restrict(page, kind, **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_visitor_signs_in_to_read_a_sign_in_only_page(
    client, company, member, news_index, language
):
    if language == "en":
        translate_site_tree(news_index.get_parent())
        page = make_article(
            news_index.get_translation(Locale.objects.get(language_code="en")),
            title="Members' letter",
        )
    else:
        page = make_article(news_index, title="会员通讯")
    restrict(page, PageViewRestriction.LOGIN)
    url = page.get_url()

    refused = client.get(url)
    assert refused.status_code == 302
    login_url = refused["Location"]
    form_page = client.get(login_url)
    assert form_page.status_code == 200, login_url
    form = soup(form_page).select_one("form[method=post]")
    assert form is not None and form.select_one("input[name=password]") is not None
    # The sign-in page is in the site's layout and language.
    assert soup(form_page).html["lang"] == ("zh-Hans" if language == "zh-hans" else "en")
    assert soup(form_page).select_one(".site-footer") is not None
    heading = soup(form_page).h1.get_text()
    assert heading == ("登录" if language == "zh-hans" else "Sign in")

    wrong = client.post(form["action"], {"username": "member", "password": "nope", "next": url})
    assert wrong.status_code == 200 and client.get(url).status_code == 302

    signed_in = client.post(
        form["action"], {"username": "member", "password": PASSWORD, "next": url}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == url
    shown = client.get(url)
    assert shown.status_code == 200
    assert page.title in soup(shown).h1.get_text()


def test_a_visitor_gives_the_password_to_read_a_password_page(client, company, article):
    restrict(article, PageViewRestriction.PASSWORD, password="s3same")
    url = article.get_url()

    asked = client.get(url)
    assert asked.status_code == 200
    html = soup(asked)
    assert "仅限会员阅读" not in html.get_text()
    form = html.select_one("form[method=post]")
    assert form is not None and form.select_one("input[name=password]") is not None
    assert html.select_one(".site-footer") is not None  # the site's layout, not a bare page

    wrong = client.post(form["action"], {"password": "guess", "return_url": url})
    assert wrong.status_code == 200 and "仅限会员阅读" not in soup(wrong).get_text()

    right = client.post(form["action"], {"password": "s3same", "return_url": url})
    assert right.status_code == 302 and right["Location"] == url
    assert "仅限会员阅读" in soup(client.get(url)).get_text()


def test_the_sign_in_page_sends_nobody_off_the_site(client, company, member):
    response = client.post(
        "/_util/login/",
        {"username": "member", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert not response["Location"].startswith(("http", "//"))


# --- Links to private pages -------------------------------------------------------------


def links_on(client, url):
    html = soup(client.get(url))
    switcher = [a["href"] for a in html.select(".language-switcher a")]
    hreflang = {link["hreflang"]: link["href"] for link in html.select("link[hreflang]")}
    return switcher, hreflang


@pytest.mark.parametrize(
    "kind,fields",
    [
        (PageViewRestriction.LOGIN, {}),
        (PageViewRestriction.PASSWORD, {"password": "x"}),
        (PageViewRestriction.GROUPS, {}),
    ],
)
@pytest.mark.parametrize("private_side", ["zh-hans", "en"])
def test_a_public_page_does_not_link_to_its_private_translation(
    client, company, home, article, kind, fields, private_side
):
    translate_site_tree(home)
    english, _created = translate_page(
        article, Locale.objects.get(language_code="en"), title="Members' letter"
    )
    private, public = (article, english) if private_side == "zh-hans" else (english, article)
    private_url = private.get_url()
    restrict(private, kind, **fields)

    switcher, hreflang = links_on(client, public.get_url())
    assert private_url not in switcher
    assert all(private_url not in href for href in hreflang.values())
    # The switcher leads to the other language's home page instead, and no hreflang pairs
    # a page with nothing.
    assert hreflang == {}


def test_a_private_section_hides_its_pages_translations_too(client, company, home, article):
    """A restriction on the news center covers every article below it."""
    translate_site_tree(home)
    english, _created = translate_page(
        article, Locale.objects.get(language_code="en"), title="Members' letter"
    )
    restrict(article.get_parent(), PageViewRestriction.LOGIN)
    switcher, hreflang = links_on(client, english.get_url())
    assert article.get_url() not in switcher and hreflang == {}
