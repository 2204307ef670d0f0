"""Wagtail's starter names read in Chinese: role groups, the workflow, the roots (security/0003)."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import Collection, Page, Task, Workflow

from pressroom.security.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_roles

pytestmark = pytest.mark.django_db

migration = importlib.import_module("pressroom.security.migrations.0003_names_in_chinese")


def names():
    return {
        "groups": set(Group.objects.values_list("name", flat=True)),
        "workflows": set(Workflow.objects.values_list("name", flat=True)),
        "tasks": set(Task.objects.values_list("name", flat=True)),
        "root page": Page.get_first_root_node().title,
        "root collection": Collection.get_first_root_node().name,
    }


CHINESE = {
    "groups": {"编辑", "审核员", "管理员"},
    "workflows": {"审核员审批"},
    "tasks": {"审核员审批"},
    "root page": "根目录",
    "root collection": "根目录",
}
ENGLISH = {
    "groups": {"Editors", "Moderators", "Administrators"},
    "workflows": {"Moderators approval"},
    "tasks": {"Moderators approval"},
    "root page": "Root",
    "root collection": "Root",
}


def test_a_new_site_has_the_chinese_names(home):
    ensure_roles()
    assert names() == CHINESE
    assert {EDITORS, MODERATORS, ADMINISTRATORS} == CHINESE["groups"]


def test_an_older_sites_english_names_are_renamed_and_back(home):
    ensure_roles()
    migration.rename_all(apps, backwards=True)
    assert names() == ENGLISH
    migration.rename_all(apps)
    assert names() == CHINESE
    ensure_roles()  # finds the renamed groups: no English ones come back
    assert names()["groups"] == CHINESE["groups"]


def test_a_name_already_taken_is_left_alone(home):
    ensure_roles()
    migration.rename_all(apps, backwards=True)
    Group.objects.create(name="编辑")  # someone made a group of that name meanwhile
    migration.rename_all(apps)
    assert {"Editors", "编辑", "审核员", "管理员"} == names()["groups"]
