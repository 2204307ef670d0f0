import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from pressroom.security.roles import ADMINISTRATORS, EDITORS, ensure_roles


def chinese_user(username, group=None, superuser=False):
    User = get_user_model()
    if superuser:
        user = User.objects.create_superuser(username, password="Dashboard-Pass-42")
    else:
        user = User.objects.create_user(username, password="Dashboard-Pass-42")
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


@pytest.fixture
def roles(home):
    ensure_roles()


@pytest.fixture
def editor(roles):
    return chinese_user("editor", EDITORS)


@pytest.fixture
def administrator(roles):
    return chinese_user("administrator", ADMINISTRATORS)


@pytest.fixture
def boss(home):
    return chinese_user("boss", superuser=True)


@pytest.fixture
def en_news_index(home):
    """The English news center, as `pressroom init` makes it."""
    from pressroom.news.models import NewsIndexPage
    from pressroom.pages.setup import translate_site_tree

    en_home = translate_site_tree(home)[0]
    return NewsIndexPage.objects.child_of(en_home).get()
