"""Chinese (zh-hans) translations of Pressroom's interface strings, applied to the .po file.

Run after `pressroom makemessages`: python scripts/zh_hans_catalog.py
Strings missing here stay untranslated, and the catalogue test reports them.

It also writes pressroom/wagtail_locale/, the Chinese of Wagtail's own strings where Wagtail's
catalogue has none or a poor one (the table in scripts/zh_hans_wagtail.py): a catalogue of its
own, so that `makemessages` never touches it, listed in LOCALE_PATHS ahead of the apps'.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "pressroom/locale/zh_Hans/LC_MESSAGES/django.po"
WAGTAIL_PO_DIR = ROOT / "pressroom/wagtail_locale/zh_Hans/LC_MESSAGES"

ZH = {
    # The home page's banners and sections
    "How many": "显示数量",
    "Certificates": "资质证书",
    "site icon": "网站图标",
    "A square picture (at least 180×180) for browser tabs, bookmarks and phone home screens. Empty: Pressroom's icon.": "正方形图片（至少 180×180），用于浏览器标签页、书签和手机主屏幕。留空则使用 Pressroom 的图标。",
    "Certificates from": "证书取自",
    "Text": "正文",
    "Say “illustration” (示意图) when the picture is not a photo.": "图片不是实拍照片时，请注明“示意图”。",
    "“Read more” leads to": "“了解更多”链接到",
    "Figure": "数字",
    "e.g. 120": "例如 120",
    "e.g. 万台": "例如 万台",
    "What it counts": "说明",
    "e.g. 年产量": "例如 年产量",
    "e.g. the cases page: its newest pages are shown.": "例如工程案例页面：显示其下最新的页面。",
    "Latest pages of a section": "栏目最新内容",
    "A column for each; none: the latest news of every category.": "每个分类一栏；不选则显示所有分类的最新新闻。",
    "Articles in each column.": "每栏显示的文章数。",
    "Each category only once.": "每个分类只能选择一次。",
    "Logo": "标志",
    "Logos": "标志",
    "Partner logos": "合作单位",
    "Links": "链接",
    "What the home page shows below its banners, in this order.": "首页横幅下方依次显示的栏目。",
    "Banners": "横幅",
    "Wide, at least 1600 × 600 pixels; the middle stays visible on phones.": "宽幅图片，至少 1600 × 600 像素；手机上显示中间部分。",
    "title": "标题",
    "text": "文字",
    "or to a web address": "或链接到网址",
    "button text": "按钮文字",
    "Link": "链接",
    "banner": "横幅",
    "banners": "横幅",
    "Link to a page or to a web address, not both.": "请选择链接到页面或网址，不能同时填写。",
    "Read more": "了解更多",
    "carousel": "轮播",
    "Highlights": "焦点图",
    "slide": "幻灯片",
    "Learn more": "了解更多",
    "Pause the slides": "暂停轮播",
    "Choose a slide": "选择幻灯片",
    "Slide %(n)s": "第 %(n)s 张",
    "See all": "查看全部",
    # The frame: phone menu, phone bar, WeChat QR code
    "WeChat QR code": "微信二维码",
    "The company's WeChat account QR code: shown in the footer and the contact block.": "公司微信公众号二维码：显示在页脚和联系方式中。",
    "Menu": "菜单",
    "Scan to follow us on WeChat": "微信扫一扫，关注我们",
    "Call": "电话",
    "WeChat": "微信",
    "Message us": "留言",
    "Quick contact": "快捷联系",
    # Cases (工程案例) and honours (资质荣誉)
    "Cases and honours": "案例与荣誉",
    "Enter a year from %(first)s to %(last)s.": "请输入 %(first)s 到 %(last)s 之间的年份。",
    "cases page": "工程案例页面",
    "cases pages": "工程案例页面",
    "client": "客户",
    "place": "地点",
    "year": "年份",
    "Shown in lists and first on the page.": "显示在列表中，并排在页面图片的第一张。",
    "products used": "使用的产品",
    "story": "项目介绍",
    "The project": "项目信息",
    "case": "工程案例",
    "cases": "工程案例",
    "Certificates and awards": "证书与奖项",
    "honours page": "资质荣誉页面",
    "honours pages": "资质荣誉页面",
    "issued by": "颁发机构",
    "certificate number": "证书编号",
    "valid until": "有效期至",
    "Empty: does not expire.": "留空表示长期有效。",
    "certificate or award": "证书或奖项",
    "certificates and awards": "证书与奖项",
    "No cases here yet.": "暂无工程案例。",
    "Client": "客户",
    "Place": "地点",
    "Year": "年份",
    "Products used": "使用的产品",
    "Full size:": "查看大图：",
    "Issued by": "颁发机构",
    "Number": "证书编号",
    "Valid until": "有效期至",
    "(expired)": "（已过期）",
    "No certificates here yet.": "暂无证书。",
    "Author:": "作者：",
    "Picture": "图片",
    "Products from": "产品来自",
    "The product center, or one category of it.": "产品中心，或其中的一个分类。",
    "Show its categories": "显示其分类",
    "Figures": "数字",
    "Pages from": "内容来自",
    "Web address": "网址",
    "Friend links": "友情链接",
    "sections": "栏目",
    "link to a page": "链接到页面",
    "Empty: “Learn more”.": "留空时显示“了解更多”。",
    "%(n)s of %(total)s": "第 %(n)s 张，共 %(total)s 张",
    "Nothing here yet.": "暂无内容。",
    "No products yet.": "暂无产品。",
    "Partner": "合作单位",
    "Site name": "网站名称",
    "Empty: the company introduction from the company info.": "留空时显示公司信息中的公司简介。",
    "Products": "产品中心",
    "Parameter": "参数名称",
    "Value": "数值",
    "Unit": "单位",
    "Specification row": "参数行",
    "File": "文件",
    "Title shown": "显示标题",
    "Empty: the file's title.": "留空时使用文件标题。",
    "Download": "下载",
    "picture": "图片",
    "Shown on the product center's list of categories.": "显示在产品中心的分类列表中。",
    "product center": "产品中心",
    "product centers": "产品中心",
    "default specification rows": "默认参数行",
    "One row per line: name | unit, e.g. “流量 | m³/h”. New products start with them.": "每行一项：名称 | 单位，例如“流量 | m³/h”。新建产品时自动带入这些参数行。",
    "product category": "产品分类",
    "product categories": "产品分类",
    "model": "型号",
    "main picture": "主图",
    "Shown in lists and first in the gallery.": "显示在列表中，并作为图集的第一张。",
    "specifications": "技术参数",
    "description": "产品介绍",
    "downloads": "资料下载",
    "related products": "相关产品",
    "related news": "相关新闻",
    "Article": "文章",
    "More pictures": "更多图片",
    "Downloads and related pages": "资料下载与相关内容",
    "product": "产品",
    "products": "产品",
    "caption": "图片说明",
    "No products here yet.": "这里还没有产品。",
    "Product categories": "产品分类",
    "All products": "全部产品",
    "Pictures": "产品图片",
    "Picture %(number)s": "第 %(number)s 张图片",
    "Model:": "型号：",
    "Request a quote": "在线询价",
    "Specifications": "技术参数",
    "Description": "产品介绍",
    "Downloads": "资料下载",
    "Related products": "相关产品",
    "Related news": "相关新闻",
    "Your request is about:": "您咨询的产品：",
    "Quote request for: %(product)s": "询价产品：%(product)s",
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
    "Source and tags": "来源与标签",
    "Publication date": "发布日期",
    "Empty: the moment it is first published. A past date files an older article among the news of its time. To publish later, schedule it instead.": "留空则为首次发布的时间。填写过去的日期，可把旧文章按当时的日期归入新闻列表。如需以后发布，请使用定时发布。",
    "This date is in the future. To publish the article later, schedule it (“Schedule to publish”) and leave the publication date empty.": "这是一个将来的日期。如需以后发布，请使用“定时发布”，并将发布日期留空。",
    "news article": "新闻文章",
    "news articles": "新闻文章",
    "Pages": "页面",
    "headline": "主标题",
    "home page": "首页",
    "home pages": "首页",
    "standard pages": "普通页面",
    "HTML sitemap pages": "网站地图页面",
    "news centers": "新闻中心",
    "contact pages": "联系页面",
    "standard page": "普通页面",
    "HTML sitemap page": "网站地图页面",
    "Chinese": "中文",
    "English": "英文",
    "Page not found": "页面不存在",
    "Sorry, there is no page at this address. It may have moved or been removed.": "抱歉，这个网址没有对应的页面，它可能已被移动或删除。",
    "Back to the home page": "返回首页",
    "The server's disk is full": "服务器磁盘已满",
    "Nothing you sent was saved: there is no space left on the server. Please tell the site's administrator, then send it again once space has been freed.": "您提交的内容没有保存：服务器已没有剩余空间。请告知网站管理员，待空间释放后再提交一次。",
    "Back": "返回",
    "Time zone: %(zone)s": "时区：%(zone)s",
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
    "Received": "收到时间",
    "Name": "姓名",
    "Message": "留言内容",
    "Messages": "留言",
    "Delivery": "邮件通知",
    "Handled": "已处理",
    "New message from the website": "网站新留言",
    "A visitor left a message on %(page)s:": "访客在 %(page)s 留言：",
    "Received: %(time)s": "收到时间：%(time)s",
    "In the admin: %(url)s": "在后台查看：%(url)s",
    "Enter a phone number such as 138 0000 0000, 0571-8888 8888 or +1 202 555 0100.": "请输入有效的电话号码，例如 138 0000 0000、0571-8888 8888 或 +1 202 555 0100。",
    "Please write this on one line, without line breaks or control characters.": "请在一行内填写，不要包含换行或控制字符。",
    "The text contains control characters.": "内容包含控制字符。",
    "Leave this field empty": "此项请留空",
    "Please give a phone number or an email address so that we can reply.": "请至少填写电话号码或邮箱，以便我们回复您。",
    "This form has expired. Please check your message and send it again.": "表单已过期，请检查留言后重新提交。",
    "That was very fast. Please check your message and send it again.": "提交得太快了，请检查留言后重新提交。",
    "Use lower-case letters, digits and underscores, starting with a letter.": "请使用小写字母、数字和下划线，并以字母开头。",
    "This name is reserved.": "此名称为系统保留。",
    "Machine name that keys the stored answers; name, phone, email, company and message are understood by the site. Do not change it once messages have come in.": "保存留言时使用的英文字段名；网站识别 name、phone、email、company 和 message。收到留言后请勿修改。",
    "form heading": "表单标题",
    "Empty: “Leave a message”.": "留空时显示“在线留言”。",
    "privacy note": "隐私说明",
    "Shown under the form: what is kept, for how long and why.": "显示在表单下方：保存哪些信息、保存多久以及用途。",
    "thank-you text": "感谢语",
    "Shown after a message is sent.": "留言提交后显示。",
    "Form fields": "表单字段",
    "Notification email": "通知邮件",
    "waiting to be sent": "等待发送",
    "sending": "正在发送",
    "failed, will retry": "发送失败，稍后重试",
    "sent": "已发送",
    "failed, gave up": "发送失败，已放弃",
    "held for review": "待审核",
    "%(subject)s: messages held for review (%(count)s)": "%(subject)s：待审核的留言（%(count)s 条）",
    "More messages than the site-wide limit came in on %(page)s. They are stored but were not mailed one by one; please read them in the admin.": "%(page)s 收到的留言超过了全站上限。这些留言均已保存，但没有逐条发送邮件，请在后台查看。",
    "… and %(count)s more.": "……另有 %(count)s 条。",
    "delivery": "邮件通知",
    "delivery attempts": "发送次数",
    "next attempt": "下次尝试",
    "last delivery error": "最近一次发送错误",
    "sent at": "发送时间",
    "handled": "已处理",
    "message": "留言",
    "messages": "留言",
    "yes": "是",
    "no": "否",
    "Thank you. Your message has been received and we will reply soon.": "谢谢！我们已收到您的留言，会尽快回复您。",
    "Leave a message": "在线留言",
    "Send message": "提交留言",
    "Back to the contact page": "返回联系我们",
    "Too many messages were sent from your connection. Please wait a few minutes and try again, or call us.": "您的网络提交留言过于频繁，请稍等几分钟再试，或直接致电我们。",
    "Your message could not be saved just now. Please send it again.": "暂时无法保存您的留言，请重新提交。",
    "Language": "语言",
    "Languages": "语言",
    "Read this page in %(language)s": "阅读本页的%(language)s版",
    "Visit the %(language)s website": "访问%(language)s网站",
    "Translate the parent page into that language first.": "请先把上级页面翻译成该语言。",
    # SEO: robots.txt, attribution
    "Search engines and feeds": "搜索引擎与订阅",
    "robots.txt": "robots.txt",
    "Rules for search engine crawlers. Empty: allow everything but the admin. A “Sitemap:” line naming this site's sitemap.xml is added when missing.": "给搜索引擎爬虫的规则。留空时允许抓取除管理后台外的全部内容。缺少“Sitemap:”行时会自动加上本站 sitemap.xml 的地址。",
    "search engines": "搜索引擎",
    "original is the canonical version": "以原文为规范版本",
    "Tell search engines that the source link is the original of this article, so the original ranks instead of this copy.": "告诉搜索引擎来源链接是本文的原文，让原文而不是本站的转载出现在搜索结果中。",
    "Name the publisher of the original article: its link points to another site.": "请填写原文的发布者：来源链接指向其他网站。",
    "Give the source link of the original article first.": "请先填写原文的来源链接。",
    "Security": "安全",
    "Operations": "运维",
    "Temporarily unavailable": "暂时无法访问",
    "Media storage unavailable": "媒体存储暂时不可用",
    "The media storage did not answer, so the file was not saved. Please try again in a few minutes.": "媒体存储没有响应，文件未保存。请几分钟后再试。",
    "The site cannot reach its database just now. Please try again in a minute. If you were sending a form, it was not received: please send it again.": "网站暂时无法连接数据库，请稍后再试。如果您刚才在提交表单，表单没有被收到，请重新提交。",
    "Too many sign-in attempts": "登录尝试次数过多",
    "Sign-in from this address is paused after too many failed attempts. Trying again sooner does not shorten the wait, and the pause grows each time it happens again.": "由于失败次数过多，来自此地址的登录已暂停。提前重试不会缩短等待时间；再次出现这种情况时，暂停时间会更长。",
    "You can try again in about %(minutes)s min.": "约 %(minutes)s 分钟后可以再试。",
    "Please wait before signing in": "请稍候再登录",
    "This account has had many failed sign-in attempts, so sign-in to it from a new address waits a little. Your password was not checked.": "此账户最近有多次失败的登录尝试，因此从新地址登录此账户需要稍等片刻。您的密码尚未被核对。",
    "Trying again sooner does not shorten the wait. A browser that has signed in to this account before is not kept waiting.": "提前重试不会缩短等待时间。曾经登录过此账户的浏览器无需等待。",
    "The username “%(existing)s” is already taken: names that differ only in upper and lower case, full-width letters or spaces at either end count as the same.": "用户名“%(existing)s”已被使用：只有大小写、全角字母或首尾空格不同的用户名视为同一个用户名。",
    "username (normal form)": "用户名（规范形式）",
    "may try from": "可重试时间",
    "sign-in delay": "登录等待",
    "sign-in delays": "登录等待",
    "key": "键",
    "window started": "时间窗口开始",
    "requests": "请求次数",
    "request count": "请求计数",
    "request counts": "请求计数",
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
    # Two-factor sign-in
    "That code was not accepted. Check the time on your phone, wait a few seconds and try again, or use one of your backup codes.": "验证码未被接受。请检查手机时间，稍等几秒后重试，或使用一个备用码。",
    "Code": "验证码",
    "Two-factor sign-in": "两步验证登录",
    "Set up two-factor sign-in": "设置两步验证登录",
    "Two-factor sign-in is on.": "两步验证登录已开启。",
    "Backup codes": "备用码",
    "New backup codes made; the old ones no longer work.": "已生成新的备用码，旧的备用码已失效。",
    "This site requires two-factor sign-in; it cannot be turned off.": "本网站要求使用两步验证登录，不能关闭。",
    "Two-factor sign-in is off.": "两步验证登录已关闭。",
    "Turn off two-factor sign-in": "关闭两步验证登录",
    "On: a code from your phone is asked after the password.": "已开启：输入密码后还需输入手机上的验证码。",
    "Off: add a code from your phone to the password.": "未开启：可在密码之外增加手机验证码。",
    "Sign-in code": "登录验证码",
    "Enter the six-digit code from the authenticator app on your phone, or one of your backup codes.": "请输入手机身份验证器应用显示的六位验证码，或一个备用码。",
    "Continue": "继续",
    "Sign in": "登录",
    "Your account cannot open this page. Sign in with an account that can.": "您的账号无权打开此页面，请换一个有权限的账号登录。",
    "This page is for signed-in visitors. Please sign in to read it.": "此页面仅供已登录的访客阅读，请先登录。",
    "The username and password did not match. Please try again.": "用户名和密码不匹配，请重试。",
    "Password required": "需要密码",
    "This page is protected by a password. Enter it to read the page.": "此页面受密码保护，请输入密码后阅读。",
    "Sign out": "退出登录",
    "Two-factor sign-in is on: after your password, the admin asks for a code from the authenticator app on your phone.": "两步验证登录已开启：输入密码后，后台还会要求输入手机身份验证器应用上的验证码。",
    "Unused backup codes: %(count)s": "未使用的备用码：%(count)s 个",
    "Show backup codes": "查看备用码",
    "Two-factor sign-in is off. With it on, someone who learns your password still cannot sign in without your phone.": "两步验证登录未开启。开启后，即使别人知道了您的密码，没有您的手机也无法登录。",
    "This site requires two-factor sign-in for everyone who uses the admin. Set it up to continue.": "本网站要求所有后台用户使用两步验证登录。请先完成设置再继续。",
    "Install an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP).": "在手机上安装一个身份验证器应用（例如 Microsoft Authenticator、Google Authenticator 或 FreeOTP）。",
    "Scan this QR code with the app, or type in the key below it.": "用该应用扫描下面的二维码，或手动输入二维码下方的密钥。",
    "Enter the six-digit code the app shows.": "输入应用显示的六位验证码。",
    "Key:": "密钥：",
    "Turn on": "开启",
    "Each backup code signs you in once, in place of a code from your phone. Keep them somewhere safe, away from your phone.": "每个备用码可代替手机验证码登录一次。请将它们保存在安全的地方，不要和手机放在一起。",
    "You have no unused backup codes left. Make a new set.": "您的备用码已全部用完。请生成一组新的备用码。",
    "Make new backup codes": "生成新的备用码",
    "Back to two-factor sign-in": "返回两步验证登录",
    "To turn off two-factor sign-in, enter a current code from your phone or a backup code. Your authenticator and backup codes will stop working.": "要关闭两步验证登录，请输入手机上当前的验证码或一个备用码。关闭后，身份验证器和备用码都将失效。",
    "Turn off": "关闭",
    # Roles: who may manage whom (security/staff.py, refusal.py)
    "Superuser": "超级用户",
    "A superuser can do everything, including managing other superusers. This is not the Administrators group.": "超级用户可以做任何事，包括管理其他超级用户。这与“管理员”用户组不同。",
    "Also in: %(groups)s. Only a superuser can change that.": "另属于：%(groups)s。只有超级用户可以更改这一点。",
    "Only a superuser can make a user a superuser (the “%(field)s” field).": "只有超级用户才能把用户设为超级用户（“%(field)s”一项）。",
    "You cannot delete your own account.": "您不能删除自己的账户。",
    "%(name)s is a superuser. Only a superuser can manage a superuser.": "%(name)s 是超级用户。只有超级用户才能管理超级用户。",
    "%(name)s can manage users or groups, or holds permissions you do not hold. Only a superuser can manage them.": "%(name)s 可以管理用户或用户组，或拥有您没有的权限。只有超级用户才能管理此用户。",
    "You can give a group only permissions you hold yourself, on the pages, collections and sites where you hold them, and never the management of users or groups.": "您只能把自己拥有的权限授予用户组，而且只能在您拥有这些权限的页面、集合和站点上授予；用户和用户组的管理权限则永远不能授予。",
    "The group %(name)s carries permissions you do not hold, or the management of users or groups. Only a superuser can change or delete it.": "用户组 %(name)s 带有您没有的权限，或带有用户、用户组的管理权限。只有超级用户才能修改或删除它。",
    "The group %(name)s carries permissions you do not hold, or the management of users or groups. Only a superuser can give it to someone.": "用户组 %(name)s 带有您没有的权限，或带有用户、用户组的管理权限。只有超级用户才能把它授予他人。",
    "Only a superuser can change or delete these users: %(names)s.": "只有超级用户才能修改或删除这些用户：%(names)s。",
    "Not allowed": "不允许",
    "Nothing was changed.": "没有做任何更改。",
    "Back to the dashboard": "返回仪表盘",
    # Roles: media the live site shows (security/live_media.py)
    "the site logo": "网站标志",
    "This image is shown on the live site (%(uses)s). A new file would change those pages at once, without review, so only a moderator can replace it. Upload the new picture as a new image instead.": "这张图片正在线上网站中显示（%(uses)s）。更换文件会立即改变这些页面，而不经过审核，因此只有审核员才能更换。请把新图片作为新的图片上传。",
    "This document is offered on the live site (%(uses)s). A new file would change those pages at once, without review, so only a moderator can replace it. Upload the new file as a new document instead.": "这份文档正在线上网站中提供（%(uses)s）。更换文件会立即改变这些页面，而不经过审核，因此只有审核员才能更换。请把新文件作为新的文档上传。",
    # Roles: deleting published pages (security/live_pages.py)
    # The admin: sign-in, dashboard, menu (pressroom/dashboard)
    "Password": "密码",
    "Sign in to %(name)s": "登录%(name)s网站后台",
    "Dashboard": "仪表盘",
    "Company info": "公司信息",
    "Waiting for you": "待办事项",
    "Unhandled messages": "未处理留言",
    "Waiting for approval": "待审核",
    "Scheduled to publish": "定时发布",
    "English pages to update": "英文版待更新",
    "goes live %(time)s": "%(time)s 上线",
    "the Chinese page changed %(time)s": "中文版 %(time)s 有修改",
    "Publish news": "发布新闻",
    "Changed this? Update “{twin}” as well.": "修改后请同时更新“{twin}”。",
    "Add a product": "添加产品",
    "Only an administrator can delete a page that is live, has been published, or has such a page below it: %(pages)s. You can unpublish it instead.": "已上线、曾经发布过、或其下有这类页面的页面，只有管理员才能删除：%(pages)s。您可以改为取消发布。",
    # The 留言 inbox (contact/admin_*.py, templates/contact/admin/)
    "Time": "时间",
    "(no name)": "（未留姓名）",
    "Product": "产品",
    "Summary": "摘要",
    "Status": "状态",
    "Unread": "未读",
    "Not handled": "未处理",
    "Spam": "垃圾留言",
    "spam": "垃圾留言",
    "All but spam": "全部（不含垃圾留言）",
    "Mail": "邮件通知",
    "Note": "销售备注",
    "note": "销售备注",
    "Page": "页面",
    "mail not configured": "邮件未配置",
    "first opened": "首次查看",
    "For the sales team only.": "仅供销售团队查看。",
    "Marked as handled.": "已标记为已处理。",
    "Marked as not handled.": "已标记为未处理。",
    "Marked as spam.": "已标记为垃圾留言。",
    "Marked as not spam.": "已取消垃圾留言标记。",
    "Say what to change: handled, spam or note.": "请说明要修改哪一项：处理状态、垃圾留言或备注。",
    "“%(field)s” must be 0 or 1.": "“%(field)s”只能是 0 或 1。",
    "Note saved.": "备注已保存。",
    "Mark handled": "标记为已处理",
    "Mark not handled": "标记为未处理",
    "Not spam": "不是垃圾留言",
    "Reply by email": "回复邮件",
    "Call %(phone)s": "拨打 %(phone)s",
    "Save note": "保存备注",
    "For the sales team only: visitors never see it.": "仅供销售团队查看，访客看不到。",
    "Mail notification": "邮件通知",
    "The site has no mail server: this message was kept here and mailed to nobody. The dashboard says how to turn notifications on.": "网站没有配置邮件服务器：这条留言只保存在这里，没有发邮件给任何人。仪表盘上说明了如何开启邮件通知。",
    "Sent": "发送时间",
    "Attempts": "发送次数",
    "Last error": "最近一次错误",
    "Next attempt": "下次尝试",
    "Sent from": "来自页面",
    "First opened": "首次查看",
    "Message notifications are off": "留言邮件通知未开启",
    "No mail server is configured, so new messages are not mailed to anyone: they are only kept here, under Messages, where they show “mail not configured”.": "网站没有配置邮件服务器，新留言不会通过邮件通知任何人，只保存在后台“留言”中，并显示“邮件未配置”。",
    "To turn notifications on, whoever runs the server sets <code>EMAIL_URL</code> (for example <code>smtp://user:password@smtp.example.com:465/?ssl=True</code>) and <code>DEFAULT_FROM_EMAIL</code> in the site's environment and restarts the site (docs/contact.md, “Where the mail goes”).": "开启方法：请负责服务器的人员在网站的运行环境中设置 <code>EMAIL_URL</code>（例如 <code>smtp://user:password@smtp.example.com:465/?ssl=True</code>）和 <code>DEFAULT_FROM_EMAIL</code>，然后重启网站（详见 docs/contact.md 中的“Where the mail goes”一节）。",
    "No address to notify: neither the contact page nor the company info names an email address.": "没有收件地址：联系页面和公司信息中都没有填写邮箱。",
    "Fill in the company email": "填写公司邮箱",
    "Ask an administrator to fill in the company email.": "请联系管理员填写公司邮箱。",
    "Read the messages": "查看留言",
}


def source_entries(domain: str) -> dict[tuple[str | None, str], tuple[str, polib.POEntry]]:
    """Every msgid of the installed Wagtail in ``domain``, by (context, msgid): the entries of
    its English catalogues, which list each string its code and templates use."""
    import wagtail

    package = Path(wagtail.__file__).resolve().parent
    entries = {}
    for po_path in sorted(package.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")):
        app = po_path.parent.parent.parent.parent.relative_to(package.parent)
        for entry in polib.pofile(str(po_path)):
            entries.setdefault((entry.msgctxt, entry.msgid), (str(app), entry))
    return entries


def framework_catalog(table: dict, domain: str) -> tuple[polib.POFile, list]:
    """Our translations of Wagtail's strings as a catalogue, and the table's keys that the
    installed Wagtail no longer uses (a string reworded upstream needs its row rewritten)."""
    sources = source_entries(domain)
    catalog = polib.POFile(wrapwidth=100)
    catalog.header = (
        "Chinese for Wagtail's own strings, written by scripts/zh_hans_catalog.py from the table\n"
        "in scripts/zh_hans_wagtail.py: edit the table, then run `make messages`."
    )
    catalog.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": "zh_Hans",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    stale = []
    for key, msgstr in table.items():
        context, msgid = key if isinstance(key, tuple) else (None, key)
        if (context, msgid) not in sources:
            stale.append(key)
            continue
        app, source = sources[(context, msgid)]
        entry = polib.POEntry(
            msgctxt=context,
            msgid=msgid,
            occurrences=[(f"{app}/{path}", line) for path, line in source.occurrences],
            flags=[flag for flag in source.flags if flag.endswith("-format")],
        )
        if source.msgid_plural:
            entry.msgid_plural = source.msgid_plural
            entry.msgstr_plural = {0: msgstr}
        else:
            entry.msgstr = msgstr
        catalog.append(entry)
    return catalog, stale


def write_wagtail_catalogues() -> list:
    """Write django.po and djangojs.po of pressroom/wagtail_locale; returns the stale keys."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from zh_hans_wagtail import WAGTAIL, WAGTAIL_JS

    both = sorted(set(WAGTAIL) & set(ZH), key=str)
    if both:
        raise SystemExit(f"translated both in ZH and in zh_hans_wagtail.py: {both}")
    WAGTAIL_PO_DIR.mkdir(parents=True, exist_ok=True)
    stale = []
    for table, domain in [(WAGTAIL, "django"), (WAGTAIL_JS, "djangojs")]:
        catalog, unused = framework_catalog(table, domain)
        catalog.save(str(WAGTAIL_PO_DIR / f"{domain}.po"))
        stale += unused
        print(f"wagtail_locale {domain}: {len(catalog)} strings")
    return stale


def main() -> None:
    stale = write_wagtail_catalogues()
    for key in stale:
        print("  no longer used by Wagtail:", key)
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
    # A fuzzy entry is makemessages' guess from a similar string: never shown, so missing.
    missing = [
        e.msgid
        for e in catalog
        if (not e.msgstr or "fuzzy" in e.flags) and not e.obsolete and e.msgid
    ]
    print(f"{len(catalog) - len(missing)} translated, {len(missing)} missing")
    for msgid in missing:
        print("  missing:", msgid)
    if stale:
        raise SystemExit("rewrite or remove the rows of scripts/zh_hans_wagtail.py named above")


if __name__ == "__main__":
    main()
