"""The English-leak checker of the admin walk finds what a reader would see."""

import json

from tests.i18n.admin_text import english_words, visible_text


def words(html, content=()):
    return english_words(visible_text(html), content)


def test_text_attributes_templates_and_the_menu_are_read():
    sidebar = {"modules": [{"_args": [{"label": "Reports", "url": "/admin/reports/"}]}]}
    html = f"""<!doctype html><html><body>
        <p>保存 Save</p>
        <button title="Publish" aria-label="发布"></button>
        <input type="submit" value="Search">
        <button type="submit" name="action-publish" value="action-publish">发布</button>
        <input placeholder="Search all pages…">
        <template><span>Autosave is paused</span></template>
        <div data-w-tooltip-content-value="Toggle checks"></div>
        <script id="wagtail-sidebar-props" type="application/json">{json.dumps(sidebar)}</script>
        <script>var hidden = "not read";</script>
        <textarea>content typed by an editor</textarea>
    </body></html>"""
    assert words(html) == {"Save", "Publish", "Search", "all", "pages", "Autosave", "is",
                           "paused", "Toggle", "checks", "Reports"}  # fmt: skip


def test_names_abbreviations_content_and_addresses_are_not_leaks():
    html = """<p>Wagtail 的 SEO 设置</p><p>导出 CSV、PDF</p><p>Quality and service</p>
        <p>网址 https://example.com/news/ 与 /admin/pages/ ，邮箱 hi@example.com</p>
        <p>图片 demo-1.jpg（1200x750）</p><p>Wagtail v8.0.1</p>"""
    assert words(html, content=["Quality and service"]) == set()


def test_wagtails_own_literals_pass_only_as_the_whole_text():
    assert words("<span>Search</span>") == set()
    assert words("<span>Search pages</span>") == {"Search", "pages"}
    assert words("<p>2 locales</p>") == set()


def test_the_admin_language_picker_names_each_language_in_itself():
    html = """<select name="locale-preferred_language"><option>English</option></select>
        <select name="locale"><option>English</option></select>"""
    assert words(html) == {"English"}
