"""The Chinese interface is complete: every msgid translated, none fuzzy, none missing."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
ZH_PO = LOCALE_DIR / "zh_Hans/LC_MESSAGES/django.po"


def test_every_chinese_msgid_is_translated_and_not_fuzzy():
    catalog = polib.pofile(str(ZH_PO))
    assert len(catalog) > 50
    untranslated = [e.msgid for e in catalog if not e.obsolete and not e.translated()]
    fuzzy = [e.msgid for e in catalog if not e.obsolete and e.fuzzy]
    assert untranslated == [], "add these to ZH in scripts/zh_hans_catalog.py, then make messages"
    assert fuzzy == []


def test_placeholders_survive_translation():
    catalog = polib.pofile(str(ZH_PO))
    for entry in catalog:
        for name in ["%(number)s", "%(total)s", "%(name)s", "%(author)s", "%(year)s"]:
            assert (name in entry.msgid) == (name in entry.msgstr), entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_catalogue_holds_every_string_the_code_uses(tmp_path):
    """A string added to a template or module without `make messages` shows up here."""
    package = Path(settings.PACKAGE_DIR)
    work = tmp_path / "pressroom"
    shutil.copytree(package, work, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pressroom.settings",
        "PRESSROOM_DATA_DIR": str(tmp_path / "data"),
        "SECRET_KEY": "catalogue-test",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pressroom", "makemessages", "-l", "zh_Hans", "--no-obsolete"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    fresh = {e.msgid for e in polib.pofile(str(work / "locale/zh_Hans/LC_MESSAGES/django.po"))}
    committed = {e.msgid for e in polib.pofile(str(ZH_PO)) if not e.obsolete}
    assert sorted(fresh - committed) == [], "run `make messages`"


# --- Our Chinese for Wagtail's own strings (pressroom/wagtail_locale/) -------------------------

SCRIPTS = Path(settings.PACKAGE_DIR).parent / "scripts"
WAGTAIL_PO_DIR = Path(settings.PACKAGE_DIR) / "wagtail_locale/zh_Hans/LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w+\}")


def catalogue_script():
    sys.path.insert(0, str(SCRIPTS))
    try:
        import zh_hans_catalog
        import zh_hans_wagtail
    finally:
        sys.path.remove(str(SCRIPTS))
    return zh_hans_catalog, zh_hans_wagtail


def test_our_catalogues_take_precedence_over_wagtails():
    import wagtail

    wagtail_zh = Path(wagtail.__file__).parent / "admin/locale/zh_Hans/LC_MESSAGES/django.po"
    assert polib.pofile(str(wagtail_zh)).find("Promote").msgstr == "推荐"  # Wagtail's own
    with translation.override("zh-hans"):
        assert translation.gettext("Promote") == "SEO 设置"
        assert translation.gettext("live") == "已发布"
        assert translation.gettext("Search all pages…") == "搜索全部页面…"  # Wagtail has none
        assert translation.gettext("Dashboard") == "仪表盘"  # ours, from pressroom/locale


def test_wagtails_javascript_catalogue_carries_our_strings(client, django_user_model):
    user = django_user_model.objects.create_superuser("js", password="Js-Catalogue-42")
    client.force_login(user)
    with translation.override("zh-hans"):
        body = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "\\u63d2\\u5165\\u5185\\u5bb9\\u5757" in body  # 插入内容块, for "Insert a block"


def test_every_row_of_the_wagtail_table_is_a_string_wagtail_uses():
    script, table = catalogue_script()
    for rows, domain in [(table.WAGTAIL, "django"), (table.WAGTAIL_JS, "djangojs")]:
        catalog, stale = script.framework_catalog(rows, domain)
        assert stale == [], "Wagtail no longer uses these msgids: reword the rows"
        assert len(catalog) == len(rows)


def test_the_wagtail_catalogue_is_written_from_the_table():
    _script, table = catalogue_script()
    for rows, domain in [(table.WAGTAIL, "django"), (table.WAGTAIL_JS, "djangojs")]:
        written = polib.pofile(str(WAGTAIL_PO_DIR / f"{domain}.po"))
        for key, chinese in rows.items():
            context, msgid = key if isinstance(key, tuple) else (None, key)
            entry = written.find(msgid, msgctxt=context)
            assert entry is not None, f"run `make messages`: {msgid!r} is missing"
            assert (entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr) == chinese


def test_wagtail_translations_use_only_the_placeholders_wagtail_fills():
    """A placeholder Wagtail does not pass would break the page that shows the string."""
    script, table = catalogue_script()
    for rows, domain in [(table.WAGTAIL, "django"), (table.WAGTAIL_JS, "djangojs")]:
        sources = script.source_entries(domain)
        for key, chinese in rows.items():
            source = sources[key if isinstance(key, tuple) else (None, key)][1]
            filled = set(PLACEHOLDER.findall(source.msgid + (source.msgid_plural or "")))
            assert set(PLACEHOLDER.findall(chinese)) <= filled, key


def test_no_string_is_translated_twice():
    script, table = catalogue_script()
    assert set(table.WAGTAIL) & set(script.ZH) == set()
