"""An admin request that writes is one transaction: it fails as a whole (AdminWritesMiddleware)."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models.signals import pre_save
from django.test import Client
from wagtail.models import Revision

from pressroom.news.models import NewsArticlePage
from tests.faults.admin_forms import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(home):
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.create_superuser("chief", "", "long-pass-1"))
    return client


class Broken(Exception):
    pass


def fail_on_first_revision(instance, **kwargs):
    if not instance.pk:
        raise Broken("the revision could not be saved")


def test_an_error_after_the_page_row_rolls_back_the_page(editor, news_index):
    """The page row is written before its first revision: an error in between keeps neither."""
    pre_save.connect(fail_on_first_revision, sender=Revision)
    try:
        response = editor.post(
            f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/",
            article_form("半途而废", "half-made"),
        )
    finally:
        pre_save.disconnect(fail_on_first_revision, sender=Revision)
    assert response.status_code == 500
    assert not NewsArticlePage.objects.filter(slug="half-made").exists()


def test_a_successful_admin_write_is_kept(editor, news_index):
    response = editor.post(
        f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/",
        article_form("顺利发布", "published-whole"),
    )
    assert response.status_code == 302
    article = NewsArticlePage.objects.get(slug="published-whole")
    assert article.live and article.revisions.count() == 1


@pytest.fixture
def tree(transactional_db):
    """A site tree in a database that an earlier transactional test may have emptied."""
    from wagtail.models import Page

    from pressroom.core.setup import ensure_locales
    from pressroom.pages.setup import create_site_tree

    ensure_locales()
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    return create_site_tree()


def in_transaction_while(request, statement=""):
    """Whether each query of ``request()`` (that starts with ``statement``) ran inside a
    transaction."""
    seen = []

    def record(execute, sql, params, many, context):
        if sql.startswith(statement):
            seen.append(connection.in_atomic_block)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        request()
    return set(seen)


@pytest.mark.django_db(transaction=True)
def test_writes_hold_a_transaction_and_reads_do_not(tree):
    """On SQLite a transaction takes the write lock: page views and admin reads take none."""
    from pressroom.news.models import NewsIndexPage

    news_index = NewsIndexPage.objects.get()
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("chief", "", "long-pass-1"))
    add = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    Client().get("/news/")  # (the first view of a page may make renditions, in a transaction)
    assert in_transaction_while(lambda: Client().get("/news/?uncached=1")) == {False}
    assert in_transaction_while(lambda: editor.get(add)) == {False}
    publish = lambda: editor.post(add, article_form("整体", "whole"))  # noqa: E731
    # (the page cache's purges read the database after the commit)
    assert in_transaction_while(publish, 'INSERT INTO "wagtailcore_') == {True}
    assert NewsArticlePage.objects.get(slug="whole").live


@pytest.mark.django_db(transaction=True)
def test_a_commit_that_finds_the_disk_full_is_the_507_page_and_keeps_nothing(tree):
    """SQLite may learn only at COMMIT that the file cannot grow: the editor gets the disk-full
    page and the half-written article is rolled back. The error is answered where it happens,
    as a known fault: not raised on to the 500 handler and reported as a crash."""
    from unittest import mock

    from django.db import OperationalError

    from pressroom.news.models import NewsIndexPage

    news_index = NewsIndexPage.objects.get()
    editor = Client()  # re-raises an exception that reached Django's crash handling
    editor.force_login(get_user_model().objects.create_superuser("chief", "", "long-pass-1"))
    full = OperationalError("database or disk is full")
    with mock.patch.object(connection, "commit", side_effect=full):
        response = editor.post(
            f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/",
            article_form("磁盘满时提交", "full-at-commit"),
        )
    assert response.status_code == 507
    assert "磁盘已满" in response.content.decode()
    assert not NewsArticlePage.objects.filter(slug="full-at-commit").exists()
