"""A made-up WordPress export of any size, for the import benchmark and its profile.

Posts of an invented valve maker, in Chinese, with categories (nested), tags, authors,
excerpts, links between posts, a few pictures (featured and in bodies) and a few documents
(PDF attachments and links to them), written item by item so memory does not grow with the
file. The same arguments always make the same file.
"""

import random
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image as PILImage

BASE = "https://old.bench-valves.test"
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>示例阀门</title>
	<link>{base}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{base}</wp:base_site_url>
	<wp:author><wp:author_login>lin</wp:author_login>
		<wp:author_display_name>林晓</wp:author_display_name></wp:author>
	<wp:author><wp:author_login>mark</wp:author_login>
		<wp:author_display_name>Mark Hollis</wp:author_display_name></wp:author>
"""
CATEGORIES = [
    ("company", "公司动态", ""),
    ("expo", "展会活动", "company"),
    ("industry", "行业资讯", ""),
    ("products", "产品新闻", ""),
    ("tech", "技术文章", "industry"),
]
TAGS = ["蝶阀", "球阀", "闸阀", "截止阀", "止回阀", "安全阀", "调节阀", "减压阀", "Valves", "Expo"]
WORDS = [
    "公司",
    "新厂区",
    "正式",
    "投产",
    "阀门",
    "生产线",
    "自动化",
    "质量",
    "检测",
    "客户",
    "订单",
    "交付",
    "展会",
    "技术",
    "研发",
    "标准",
    "认证",
    "出口",
    "市场",
    "合作",
    "伙伴",
    "服务",
    "培训",
    "安装",
    "维护",
    "管道",
    "压力",
    "流量",
    "温度",
    "材料",
]


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(WORDS) for _ in range(words)) + "。"


def post_body(rng: random.Random, number: int, pictures: list[str], documents: list[str]) -> str:
    paragraphs = [
        f"<p>{sentence(rng, 12)}{sentence(rng, 10)}</p>" for _ in range(rng.randint(3, 6))
    ]
    if number > 1 and rng.random() < 0.3:
        other = rng.randint(1, number - 1)
        paragraphs.insert(1, f'<p>另见<a href="{BASE}/?p={other}">上一篇</a>。</p>')
    if pictures and number % 50 == 0:
        paragraphs.insert(2, f'<p><img src="{rng.choice(pictures)}" alt="车间"></p>')
    if documents and number % 200 == 0:
        paragraphs.append(f'<p><a href="{rng.choice(documents)}">下载产品手册</a></p>')
    return "\n".join(paragraphs)


def attachment(post_id: int, title: str, url: str) -> str:
    return (
        f"\t<item><title>{cdata(title)}</title><wp:post_id>{post_id}</wp:post_id>"
        "<wp:status>inherit</wp:status><wp:post_parent>0</wp:post_parent>"
        "<wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url>{cdata(url)}</wp:attachment_url></item>\n"
    )


def post(rng: random.Random, number: int, pictures, documents, picture_ids) -> str:
    day = 1 + number % 28
    month = 1 + (number // 28) % 12
    year = 2015 + number // 400 % 10
    when = f"{year}-{month:02d}-{day:02d} {number % 24:02d}:{number % 60:02d}:00"
    title = f"{sentence(rng, 6)[:-1]} {number}"
    categories = rng.sample(CATEGORIES, rng.choice([1, 1, 2]))
    tags = rng.sample(TAGS, rng.randint(1, 3))
    terms = "".join(
        f'<category domain="category" nicename="{slug}">{cdata(name)}</category>'
        for slug, name, _parent in categories
    ) + "".join(
        f'<category domain="post_tag" nicename="tag-{TAGS.index(tag)}">{cdata(tag)}</category>'
        for tag in tags
    )
    meta = ""
    if picture_ids and number % 20 == 0:
        meta = (
            "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
            f"<wp:meta_value>{rng.choice(picture_ids)}</wp:meta_value></wp:postmeta>"
        )
    return (
        f"\t<item><title>{cdata(title)}</title><link>{BASE}/news/{number}/</link>"
        f"<dc:creator>{'lin' if number % 3 else 'mark'}</dc:creator>"
        f"<content:encoded>{cdata(post_body(rng, number, pictures, documents))}</content:encoded>"
        f"<excerpt:encoded>{cdata(sentence(rng, 8))}</excerpt:encoded>"
        f"<wp:post_id>{number}</wp:post_id><wp:post_date>{when}</wp:post_date>"
        f"<wp:post_date_gmt>{when}</wp:post_date_gmt><wp:post_name>news-{number}</wp:post_name>"
        f"<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>{terms}{meta}</item>\n"
    )


def make_uploads(folder: Path, pictures: int, documents: int) -> tuple[list[str], list[str]]:
    """Small pictures and PDFs in ``folder`` (a copy of the old uploads); their old addresses."""
    picture_urls, document_urls = [], []
    for number in range(pictures):
        name = f"2020/01/photo-{number}.png"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (64, 48), (number * 11 % 255, 90, 140)).save(folder / name)
        picture_urls.append(f"{BASE}/wp-content/uploads/{name}")
    for number in range(documents):
        name = f"2020/02/manual-{number}.pdf"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"%PDF-1.4\n% bench manual\n%%EOF\n")
        document_urls.append(f"{BASE}/wp-content/uploads/{name}")
    return picture_urls, document_urls


def write_wxr(
    path: Path, posts: int, uploads: Path | None = None, pictures: int = 20, documents: int = 5
) -> Path:
    """A WXR with ``posts`` published posts (ids 1..posts) and the attachments, at ``path``."""
    rng = random.Random(18)
    picture_urls, document_urls = ([], [])
    if uploads is not None:
        picture_urls, document_urls = make_uploads(uploads, pictures, documents)
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD.format(base=BASE))
        for slug, name, parent in CATEGORIES:
            out.write(
                f"\t<wp:category><wp:category_nicename>{slug}</wp:category_nicename>"
                f"<wp:category_parent>{parent}</wp:category_parent>"
                f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
            )
        first = posts + 1
        picture_ids = list(range(first, first + len(picture_urls)))
        for post_id, url in zip(picture_ids, picture_urls, strict=True):
            out.write(attachment(post_id, f"照片 {post_id}", url))
        for offset, url in enumerate(document_urls):
            out.write(attachment(first + len(picture_urls) + offset, f"手册 {offset}", url))
        for number in range(1, posts + 1):
            out.write(post(rng, number, picture_urls, document_urls, picture_ids))
        out.write("</channel>\n</rss>\n")
    return path


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1])
    write_wxr(target, int(sys.argv[2]), target.parent / "uploads")
    print(escape(str(target)))
