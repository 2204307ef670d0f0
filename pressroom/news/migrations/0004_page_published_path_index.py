"""An index on Wagtail's page table for the order of every list of articles.

Lists are ordered newest first, then by place in the tree (``NEWEST_FIRST``): both columns
are the page table's, so this index gives the order and a list page reads ten index entries
instead of sorting every article of its news center. The index belongs to Wagtail's table,
which this app cannot declare in its models: it is added and removed through the schema
editor, and the migration state knows nothing of it (``makemigrations`` leaves it alone).
"""

from django.db import migrations, models

INDEX = models.Index(fields=["first_published_at", "path"], name="news_page_published_path")


def add_index(apps, schema_editor):
    schema_editor.add_index(apps.get_model("wagtailcore", "Page"), INDEX)


def remove_index(apps, schema_editor):
    schema_editor.remove_index(apps.get_model("wagtailcore", "Page"), INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_body_images_read_prepared"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_index, remove_index, elidable=False)]
