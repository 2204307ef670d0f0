"""Wagtail's starter names in Chinese: the role groups, the moderation workflow and its task,
the root collection and the root page.

Wagtail prints these names as stored (group lists, the user form, "Submit to …" in the page
editor, collection choices, the explorer's top level) with no translation step, so the stored
name is what a Chinese editor reads. Why data and not a display override:
docs/decisions/0018-admin-in-chinese.md. A name someone already changed is left alone.
"""

from django.db import migrations

# (model, field, {English: Chinese}); the groups as pressroom.security.roles names them.
RENAMES = [
    ("auth.Group", "name", {"Editors": "编辑", "Moderators": "审核员", "Administrators": "管理员"}),
    ("wagtailcore.Workflow", "name", {"Moderators approval": "审核员审批"}),
    ("wagtailcore.Task", "name", {"Moderators approval": "审核员审批"}),
    ("wagtailcore.Collection", "name", {"Root": "根目录"}),
]
ROOT_PAGE = {"Root": "根目录"}


def rename_all(apps, backwards=False):
    for label, field, names in RENAMES:
        Model = apps.get_model(label)
        for old, new in names.items():
            old, new = (new, old) if backwards else (old, new)
            if not Model.objects.filter(**{field: new}).exists():
                Model.objects.filter(**{field: old}).update(**{field: new})
    Page = apps.get_model("wagtailcore.Page")
    for old, new in ROOT_PAGE.items():
        old, new = (new, old) if backwards else (old, new)
        Page.objects.filter(depth=1, title=old).update(title=new, draft_title=new)


def forwards(apps, schema_editor):
    rename_all(apps)


def backwards(apps, schema_editor):
    rename_all(apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("security", "0002_rate_window"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
