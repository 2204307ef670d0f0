import django.db.models.deletion
from django.db import migrations, models

# SQLite: an external-content FTS5 table over sitesearch_entry, kept in step by the triggers
# the SQLite documentation gives for such tables (rowid = page id).
SQLITE = [
    "CREATE VIRTUAL TABLE sitesearch_fts USING fts5("
    "lang, title, body, content='sitesearch_entry', content_rowid='page_id')",
    "CREATE TRIGGER sitesearch_entry_ai AFTER INSERT ON sitesearch_entry BEGIN "
    "INSERT INTO sitesearch_fts(rowid, lang, title, body) "
    "VALUES (new.page_id, new.lang, new.title, new.body); END",
    "CREATE TRIGGER sitesearch_entry_ad AFTER DELETE ON sitesearch_entry BEGIN "
    "INSERT INTO sitesearch_fts(sitesearch_fts, rowid, lang, title, body) "
    "VALUES ('delete', old.page_id, old.lang, old.title, old.body); END",
    "CREATE TRIGGER sitesearch_entry_au AFTER UPDATE ON sitesearch_entry BEGIN "
    "INSERT INTO sitesearch_fts(sitesearch_fts, rowid, lang, title, body) "
    "VALUES ('delete', old.page_id, old.lang, old.title, old.body); "
    "INSERT INTO sitesearch_fts(rowid, lang, title, body) "
    "VALUES (new.page_id, new.lang, new.title, new.body); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS sitesearch_entry_au",
    "DROP TRIGGER IF EXISTS sitesearch_entry_ad",
    "DROP TRIGGER IF EXISTS sitesearch_entry_ai",
    "DROP TABLE IF EXISTS sitesearch_fts",
]
# PostgreSQL: tsvectors computed by the database from the stored words ('simple': no
# stemming or stop words there, the words are ready), each with a GIN index. A low TOAST
# target keeps the long ones out of line, so the rows a match visits stay small.
POSTGRES = [
    "ALTER TABLE sitesearch_entry "
    "ADD COLUMN title_doc tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED, "
    "ADD COLUMN doc tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', body)) STORED",
    "ALTER TABLE sitesearch_entry SET (toast_tuple_target = 256)",
    "CREATE INDEX sitesearch_entry_title_doc ON sitesearch_entry USING gin (title_doc)",
    "CREATE INDEX sitesearch_entry_doc ON sitesearch_entry USING gin (doc)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS sitesearch_entry_doc",
    "DROP INDEX IF EXISTS sitesearch_entry_title_doc",
    "ALTER TABLE sitesearch_entry DROP COLUMN IF EXISTS doc, DROP COLUMN IF EXISTS title_doc",
]


def run(statements):
    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="site_search_entry",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("lang", models.CharField(max_length=32)),
                ("title", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "site search entry",
                "verbose_name_plural": "site search entries",
                "db_table": "sitesearch_entry",
            },
        ),
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
    ]
