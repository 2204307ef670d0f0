"""The language hint: hidden in the cached page, shown by the browser to the right visitors."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

pytestmark = pytest.mark.django_db

SCRIPT = Path(settings.PACKAGE_DIR) / "static/js/language-hint.js"

# A minimal stand-in for the browser, enough for the hint script.
HARNESS = """
const [page, langs, hintLangs] = JSON.parse(process.argv[2]);
const hints = hintLangs.map((lang) => ({
  hidden: true, getAttribute: () => lang, lang,
}));
global.document = {
  documentElement: { lang: page },
  querySelectorAll: () => hints,
};
global.navigator = { languages: langs, language: langs[0] };
require(process.argv[3]);
console.log(JSON.stringify(hints.filter((h) => !h.hidden).map((h) => h.lang)));
"""


def test_chinese_page_carries_a_hidden_english_hint(client, company, en_home):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    hint = html.select_one(".language-hint")
    assert hint.has_attr("hidden")
    assert hint["lang"] == "en"
    assert hint.a["href"] == "/en/"
    assert hint.a.get_text() == "Read this page in English"
    assert html.find("script", src="/static/js/language-hint.js")
    # Nothing inline but JSON-LD data (never executed): the CSP stays strict.
    assert not html.select('script:not([src]):not([type="application/ld+json"])')


def test_english_page_offers_chinese_in_chinese(client, company, en_home):
    hint = BeautifulSoup(client.get("/en/news/").content, "html.parser").select_one(
        ".language-hint"
    )
    assert hint["lang"] == "zh-Hans"
    assert hint.a["href"] == "/news/"
    assert hint.a.get_text() == "阅读本页的中文版"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize(
    "page, browser, shown",
    [
        ("zh-Hans", ["en-US", "en"], ["en"]),
        ("zh-Hans", ["zh-CN", "en"], []),
        ("zh-Hans", ["de-DE", "en"], ["en"]),  # first language the site has wins
        ("zh-Hans", ["de-DE"], []),
        ("en", ["zh-TW", "zh"], ["zh-Hans"]),
        ("en", ["en-GB", "zh-CN"], []),
    ],
)
def test_hint_shows_only_to_visitors_preferring_the_other_language(tmp_path, page, browser, shown):
    harness = tmp_path / "harness.js"
    harness.write_text(HARNESS)
    hints = ["en"] if page == "zh-Hans" else ["zh-Hans"]
    done = subprocess.run(
        ["node", str(harness), json.dumps([page, browser, hints]), str(SCRIPT)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == shown
