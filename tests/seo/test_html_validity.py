"""Every page type, in both languages, is valid HTML according to the Nu HTML Checker.

Needs Java and vnu.jar (`npm install` at the repository root installs it from package.json);
the test is skipped, saying which is missing, when either is absent.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pressroom.pages.models import PrivacyPage, StandardPage
from tests.factories import (
    NewsCategoryFactory,
    every_block_body,
    make_article,
    make_image,
    publish,
)
from tests.seo.conftest import translate

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
VNU_JAR = Path(
    os.environ.get("PRESSROOM_VNU_JAR", REPO / "node_modules/vnu-jar/build/dist/vnu.jar")
)


@pytest.fixture
def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.skip("Nu HTML Checker needs Java: apt-get install default-jre-headless")
    if not VNU_JAR.exists():
        pytest.skip(f"Nu HTML Checker not installed ({VNU_JAR}): run `npm install` in {REPO}")
    return [java, "-Xss8m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]


@pytest.fixture
def every_page_type(company, home, news_index, english):
    """URLs of one page of each type, in Chinese and English, with every body block."""
    company.logo = make_image(title="标志", size=(300, 120))
    # Every entry of the service bar: call, WeChat QR, QQ, WeCom, message, top.
    company.wechat_qr = make_image(title="二维码", size=(200, 200))
    company.qq = "123456789"
    company.wecom_url = "https://work.weixin.qq.com/kfid/kfc0123456789abcdef"
    company.save()
    category = NewsCategoryFactory(slug="company", name="公司新闻", name_en="Company news")
    image = make_image(size=(1600, 1000))
    article = make_article(
        news_index,
        title="新厂房投产",
        summary="新厂房今日投产。",
        category=category,
        cover_image=image,
        source_name="示例日报",
        source_url="https://news.example.com/a.html",
        body=every_block_body(
            image, paragraph='<p>新生产线<a href="https://example.com/">全面</a>运行。</p>'
        ),
    )
    article.tags.add("投产")
    article.save_revision().publish()
    make_article(news_index, title="上一篇", category=category)
    about = publish(home, StandardPage(title="关于我们", slug="about", summary="公司简介。"))
    en_article = translate(article, title="New plant opens", summary="It opened.")
    en_about = translate(about, title="About us")
    translate(PrivacyPage.objects.child_of(home).get(), title="Privacy policy")
    urls = ["/", "/news/", "/news/category/company/", "/news/tag/投产/", article.url, about.url]
    urls += ["/contact/", "/sitemap/", "/privacy/", "/no-such-page/"]
    urls += ["/en/", "/en/news/", en_article.url, en_about.url, "/en/contact/", "/en/sitemap/"]
    urls += ["/en/privacy/"]
    return urls


def test_every_page_type_is_valid_html(vnu_command, client, every_page_type, tmp_path):
    command = vnu_command
    files = {}
    for number, url in enumerate(every_page_type):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        path = tmp_path / f"page-{number}.html"
        path.write_bytes(response.content)
        files[path.name] = url
    result = subprocess.run(
        [*command, *(str(tmp_path / name) for name in files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [
        f"{files.get(message.get('url', '').rsplit('/', 1)[-1])}:{message.get('lastLine')}: "
        f"{message.get('message')} [{message.get('extract', '').strip()}]"
        for message in report["messages"]
        if message["type"] in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)
    assert len(files) == len(every_page_type)
