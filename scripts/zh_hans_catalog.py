"""Chinese (zh-hans) translations of Pressroom's interface strings, applied to the .po file.

Run after `pressroom makemessages`: python scripts/zh_hans_catalog.py
Strings missing here stay untranslated, and the catalogue test reports them.
"""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "pressroom/locale/zh_Hans/LC_MESSAGES/django.po"

ZH = {
    "Contact": "联系",
    "introduction": "简介",
    "contact page": "联系页面",
    "Site core": "站点核心",
    "Heading": "小标题",
    "Paragraph": "段落",
    "Image": "图片",
    "Caption": "说明",
    "Alternative text": "替代文字",
    "Describe the picture for people who cannot see it. Empty: the caption.": "为看不到图片的读者描述图片内容。留空时使用图片说明。",
    "Quote": "引文",
    "Attribution": "出处",
    "Table": "表格",
    "company name": "公司名称",
    "company name (English)": "公司名称（英文）",
    "welcome text": "欢迎语",
    "Shown in the top bar, e.g. “欢迎来到…”. Empty: a welcome with the name.": "显示在顶栏，例如“欢迎来到…”。留空时显示带公司名称的欢迎语。",
    "welcome text (English)": "欢迎语（英文）",
    "national hotline": "全国咨询热线",
    "address": "地址",
    "address (English)": "地址（英文）",
    "phone": "电话",
    "fax": "传真",
    "email": "邮箱",
    "company introduction": "公司简介",
    "company introduction (English)": "公司简介（英文）",
    "logo": "标志",
    "ICP licence number": "ICP 备案号",
    "The ICP 备案 number, e.g. 浙ICP备12345678号-1. Empty hides it.": "ICP 备案号，例如 浙ICP备12345678号-1。留空则不显示。",
    "ICP registry link": "备案查询链接",
    "Company": "公司",
    "Top bar": "顶栏",
    "Contact details": "联系方式",
    "Introduction": "简介",
    "Footer": "页脚",
    "company info": "公司信息",
    "Welcome to %(name)s": "欢迎来到%(name)s",
    "Home": "首页",
    "News center": "新闻中心",
    "Contact us": "联系我们",
    "Sitemap": "网站地图",
    "News": "新闻",
    "name": "名称",
    "name (English)": "名称（英文）",
    "slug": "网址别名",
    "Used in the address: /news/category/<slug>/. Latin letters and hyphens.": "用于网址 /news/category/<别名>/，请使用英文字母和连字符。",
    "order": "排序",
    "news category": "新闻分类",
    "news categories": "新闻分类",
    "news center": "新闻中心",
    "No such page.": "没有这一页。",
    "summary": "摘要",
    "One or two sentences shown in lists and search results.": "一两句话，显示在列表和搜索结果中。",
    "cover image": "封面图片",
    "author": "作者",
    "source": "来源",
    "The publisher this article comes from. Empty: the article is our own.": "文章的原出处（媒体名称）。留空表示本站原创。",
    "source link": "来源链接",
    "Address of the original article.": "原文网址。",
    "category": "分类",
    "tags": "标签",
    "body": "正文",
    "Source and filing": "来源与归类",
    "news article": "新闻文章",
    "news articles": "新闻文章",
    "Pages": "页面",
    "headline": "主标题",
    "home page": "首页",
    "standard page": "普通页面",
    "HTML sitemap page": "网站地图页面",
    "Chinese": "中文",
    "English": "英文",
    "Page not found": "页面不存在",
    "Sorry, there is no page at this address. It may have moved or been removed.": "抱歉，这个网址没有对应的页面，它可能已被移动或删除。",
    "Back to the home page": "返回首页",
    "Server error": "服务器错误",
    "Something went wrong": "出错了",
    "The site could not show this page just now. Please try again in a few minutes.": "网站暂时无法显示此页面，请几分钟后再试。",
    "Skip to content": "跳到正文",
    "National hotline:": "全国咨询热线：",
    "National hotline": "全国咨询热线",
    "Main navigation": "主导航",
    "Copyright © %(year)s %(name)s": "Copyright © %(year)s %(name)s 版权所有",
    "Powered by": "技术支持",
    "Breadcrumb": "当前位置",
    "Address": "地址",
    "Phone": "电话",
    "Fax": "传真",
    "Email": "邮箱",
    "Previous": "上一页",
    "Next": "下一页",
    "Pagination": "分页",
    "Page %(number)s of %(total)s": "第 %(number)s 页，共 %(total)s 页",
    "Source:": "来源：",
    "Updated:": "更新时间：",
    "Published:": "发布日期：",
    "By %(author)s": "作者：%(author)s",
    "Category:": "分类：",
    "Tags:": "标签：",
    "More articles": "更多文章",
    "Previous article:": "上一篇：",
    "Next article:": "下一篇：",
    "Page %(number)s": "第 %(number)s 页",
    "Tagged “%(name)s”": "标签“%(name)s”",
    "Categories": "分类",
    "All": "全部",
    "No articles here yet.": "这里还没有文章。",
    "About the company": "公司简介",
    "Latest news": "最新动态",
    "All news": "全部新闻",
    "No news yet.": "暂无新闻。",
    # Site search
    "Site search": "站内搜索",
    "Search": "搜索",
    "Search the site": "站内搜索",
    "Search for": "搜索内容",
    "Search results for “%(query)s”": "“%(query)s”的搜索结果",
    "Results for “%(query)s”: %(count)s": "“%(query)s”的搜索结果：%(count)s 条",
    "Nothing was found for “%(query)s”. Try fewer or other words.": "没有找到与“%(query)s”相关的内容。请减少关键词或换一个词试试。",
    "Type one or more words, in Chinese or English, and press Search.": "请输入一个或多个中文或英文关键词，然后点击“搜索”。",
    "Please shorten your search to %(limit_value)d characters or fewer.": "搜索内容请不要超过 %(limit_value)d 个字符。",
}


def main() -> None:
    catalog = polib.pofile(str(PO))
    for entry in catalog:
        if entry.msgid in ZH:
            entry.msgstr = ZH[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    catalog.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    catalog.metadata["Language"] = "zh_Hans"
    catalog.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    catalog.save()
    missing = [e.msgid for e in catalog if not e.msgstr and not e.obsolete]
    print(f"{len(catalog) - len(missing)} translated, {len(missing)} missing")
    for msgid in missing:
        print("  missing:", msgid)


if __name__ == "__main__":
    main()
