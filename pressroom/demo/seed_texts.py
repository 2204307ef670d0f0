"""What the articles of `pressroom seed` say: a pump and valve maker's news, in two languages.

Each article is put together from the short phrase lists below, chosen by a
``random.Random`` seeded with the article's number: the same number always gives the same
article, and neighbouring numbers differ. Every phrase is a (Chinese, English) pair filled in
with the same values, so the English article says what the Chinese one says.

The Chinese title of article N contains N (a model number, a course or bulletin number), so
no two seeded articles share a title.
"""

import random
from dataclasses import dataclass

ZH, EN = 0, 1

PRODUCTS = [
    ("高效离心泵", "high-efficiency centrifugal pump"),
    ("不锈钢多级泵", "stainless steel multistage pump"),
    ("智能电动调节阀", "smart electric control valve"),
    ("低泄漏蝶阀", "low-leakage butterfly valve"),
    ("潜水排污泵", "submersible sewage pump"),
    ("变频供水机组", "variable-speed water supply unit"),
    ("管道增压泵", "inline booster pump"),
    ("耐腐蚀化工泵", "corrosion-resistant chemical pump"),
]
SERIES = ["QH", "QS", "HF", "LV", "MP", "DX"]
CITIES = [
    ("上海", "Shanghai"),
    ("广州", "Guangzhou"),
    ("成都", "Chengdu"),
    ("武汉", "Wuhan"),
    ("杭州", "Hangzhou"),
    ("西安", "Xi’an"),
    ("青岛", "Qingdao"),
    ("郑州", "Zhengzhou"),
]
INDUSTRIES = [
    ("市政供水", "municipal water supply"),
    ("污水处理", "wastewater treatment"),
    ("楼宇暖通", "building services"),
    ("石油化工", "petrochemicals"),
    ("食品饮料", "food and beverage"),
    ("农田灌溉", "farm irrigation"),
]
# Trade fairs, each in its own city.
FAIRS = [
    (("华东泵阀展", "East China Pump and Valve Fair"), ("上海", "Shanghai")),
    (("国际水处理技术展", "International Water Treatment Technology Show"), ("广州", "Guangzhou")),
    (("智能制造装备博览会", "Smart Manufacturing Equipment Expo"), ("武汉", "Wuhan")),
    (("西部给排水设备展", "Western China Water Equipment Fair"), ("成都", "Chengdu")),
]
CERTIFICATES = [
    ("CE认证", "CE certification"),
    ("节能产品认证", "energy-saving product certification"),
    ("防爆认证", "explosion-proof certification"),
    ("涉水产品卫生许可", "sanitary approval for drinking-water equipment"),
]
SKILLS = [
    ("安全生产", "workplace safety"),
    ("精益生产", "lean production"),
    ("焊接技能", "welding"),
    ("数控加工", "CNC machining"),
    ("质量检验", "quality inspection"),
    ("设备维护保养", "equipment maintenance"),
]
# Where the volunteers went, and what they did there.
VISITS = [
    (
        ("社区敬老院", "the local care home"),
        (
            "为老人检修水电设施、打扫房间，并陪老人聊天",
            "checked the plumbing and wiring, cleaned the rooms and spent time with the residents",
        ),
    ),
    (
        ("山区小学", "a village school in the hills"),
        (
            "为学校安装了净水设备，并给学生们上了一堂节约用水的科学课",
            "installed water purifiers and gave the pupils a science lesson on saving water",
        ),
    ),
    (
        ("城郊河道", "the river outside the city"),
        (
            "清理了两公里河岸上的垃圾，并检查了沿岸的排水口",
            "cleared litter from two kilometres of riverbank and checked the outfalls along it",
        ),
    ),
    (
        ("街道社区服务中心", "the neighbourhood community center"),
        (
            "为居民免费检修家用水泵和阀门，并讲解了冬季防冻知识",
            "repaired residents' household pumps and valves free of charge and explained how "
            "to keep pipes from freezing in winter",
        ),
    ),
    (
        ("市中心血站", "the city blood center"),
        (
            "参加了无偿献血活动",
            "donated blood",
        ),
    ),
]
QUARTERS = [("一", "first"), ("二", "second"), ("三", "third"), ("四", "fourth")]
WHEN = [
    ("下个月", "next month"),
    ("本季度内", "this quarter"),
    ("年底前", "before the end of the year"),
]
AUTHORS = [
    ("王建国", "Wang Jianguo"),
    ("陈思远", "Chen Siyuan"),
    ("刘晓雯", "Liu Xiaowen"),
    ("赵明", "Zhao Ming"),
    ("周婷", "Zhou Ting"),
    ("孙浩", "Sun Hao"),
    ("黄佳怡", "Huang Jiayi"),
    ("吴磊", "Wu Lei"),
    ("品牌部", "Brand Department"),
    ("综合办公室", "General Office"),
]
# Publishers an article may come from: (Chinese name, English name, address or "").
SOURCES = [
    ("泵阀行业观察", "Pump and Valve Industry Observer", "https://www.example.com/news/{n}.html"),
    ("制造业时报", "Manufacturing Times", "https://times.example.org/articles/{n}"),
    ("工业技术评论", "Industrial Technology Review", "https://review.example.org/{n}/"),
    ("本市日报", "City Daily", ""),
    ("行业协会简报", "Trade Association Bulletin", ""),
]

# Sentences any article may end with, whatever it is about.
GENERAL = [
    (
        "公司成立以来，始终专注于泵阀产品的研发和制造。",
        "Since its founding, the company has concentrated on developing and making pumps and "
        "valves.",
    ),
    (
        "目前，公司产品已销往全国{provinces}个省份和{countries}个国家和地区。",
        "Its products are now sold in {provinces} provinces across China and in {countries} "
        "countries and regions.",
    ),
    (
        "公司将继续坚持质量第一，为用户提供可靠的产品和及时的服务。",
        "The company will continue to put quality first and give its customers reliable "
        "products and prompt service.",
    ),
    (
        "如需了解详情，欢迎联系公司各地办事处。",
        "For details, please contact the company's regional offices.",
    ),
    (
        "公司技术中心现有研发人员{engineers}人，每年的研发投入占营业收入的{rd}%以上。",
        "The company's technology center employs {engineers} engineers, and research spending "
        "is over {rd}% of revenue every year.",
    ),
    (
        "下一步，公司还将在节能和智能化方面加大投入。",
        "Next, the company plans to invest more in energy saving and smart features.",
    ),
]

TOPICS = {
    "launch": {
        "title": ("公司发布{code}-{n}型{product}", "Company launches the {code}-{n} {product}"),
        "summary": (
            "{code}-{n}型{product}面向{industry}用户，整机效率比上一代提升约{pct}%，"
            "目前已开始接受订货。",
            "The {code}-{n} {product} is designed for {industry} customers. Its overall "
            "efficiency is about {pct}% higher than the previous model, and orders are now "
            "being taken.",
        ),
        "lead": (
            "近日，公司在{city}举行新品发布会，正式推出{code}-{n}型{product}。"
            "来自{industry}行业的{guests}位客户代表参加了发布会，并观看了现场性能测试。",
            "The company recently held a launch event in {city} to introduce the {code}-{n} "
            "{product}. It was attended by {guests} customer representatives from "
            "{industry}, who watched live performance tests.",
        ),
        "headings": [
            ("性能全面提升", "Better performance all round"),
            ("为用户节省运行成本", "Lower running costs for users"),
            ("下一步计划", "Next steps"),
        ],
        "sentences": [
            (
                "新产品由公司技术中心历时{months}个月自主开发。",
                "The new product was developed in-house by the company's technology center "
                "over {months} months.",
            ),
            (
                "在额定工况下，整机效率比上一代提升约{pct}%，运行噪声降低约{db}分贝。",
                "At the rated duty point, overall efficiency is about {pct}% higher than the "
                "previous generation, and noise is about {db} decibels lower.",
            ),
            (
                "产品预留了通信接口，可以接入用户的自控系统或公司的远程运维平台。",
                "A built-in communication interface connects it to the customer's control "
                "system or to the company's remote operations platform.",
            ),
            (
                "按每天运行十六小时计算，一台设备每年可节约电费约{saving}元。",
                "Running sixteen hours a day, one unit saves about {saving} yuan of "
                "electricity a year.",
            ),
            (
                "首批产品将于{when}交付{city}的用户。",
                "The first units will be delivered to customers in {city} {when}.",
            ),
            (
                "产品已在公司实验室通过了{hours}小时连续运行试验。",
                "The product has passed a {hours}-hour continuous running test in the "
                "company's laboratory.",
            ),
        ],
    },
    "fair": {
        "title": (
            "公司携{code}-{n}型{product}亮相{fair_city}{fair}",
            "Company shows the {code}-{n} {product} at the {fair} in {fair_city}",
        ),
        "summary": (
            "在{fair_city}举办的{fair}上，公司展台接待客户{visitors}余批，"
            "{code}-{n}型{product}受到广泛关注。",
            "At the {fair} in {fair_city}, the company's stand received more than {visitors} "
            "groups of customers, and the {code}-{n} {product} drew wide interest.",
        ),
        "lead": (
            "为期{days}天的{fair}近日在{fair_city}开幕。公司以“高效、可靠、智能”为主题参展，"
            "展出了{code}-{n}型{product}等{exhibits}款产品。",
            "The {days}-day {fair} opened recently in {fair_city}. Under the theme “efficient, "
            "reliable, smart”, the company showed {exhibits} products, among them the "
            "{code}-{n} {product}.",
        ),
        "headings": [
            ("展台人气旺", "A busy stand"),
            ("现场达成合作意向", "Agreements at the fair"),
            ("把握行业新趋势", "Keeping up with the industry"),
        ],
        "sentences": [
            (
                "展会期间，公司展台共接待国内外客户{visitors}余批。",
                "During the fair the stand welcomed more than {visitors} groups of customers "
                "from China and abroad.",
            ),
            (
                "技术人员在现场演示了设备的远程监测和故障预警功能。",
                "Engineers demonstrated remote monitoring and early fault warnings on the stand.",
            ),
            (
                "公司与{deals}家{industry}企业签订了合作意向书。",
                "The company signed letters of intent with {deals} companies in {industry}.",
            ),
            (
                "不少观众表示，节能和智能运维已经成为采购时的重要考虑。",
                "Many visitors said energy saving and smart maintenance now weigh heavily in "
                "their purchasing decisions.",
            ),
            (
                "在同期举办的技术论坛上，公司总工程师介绍了泵站节能改造的经验。",
                "At the technical forum held alongside the fair, the company's chief engineer "
                "spoke about energy-saving retrofits of pumping stations.",
            ),
            (
                "展会结束后，公司将安排专人跟进每一位客户的需求。",
                "After the fair, dedicated staff will follow up with every customer.",
            ),
        ],
    },
    "certificate": {
        "title": (
            "{code}-{n}型{product}获得{certificate}",
            "{code}-{n} {product} gains {certificate}",
        ),
        "summary": (
            "经过{weeks}周的审核和检测，公司{code}-{n}型{product}获得{certificate}，"
            "可以进入更多市场。",
            "After {weeks} weeks of audits and tests, the company's {code}-{n} {product} has "
            "gained {certificate}, which opens more markets to it.",
        ),
        "lead": (
            "近日，公司{code}-{n}型{product}顺利通过审核，获得{certificate}。"
            "这是公司今年获得的第{count}项产品认证。",
            "The company's {code}-{n} {product} has passed its audit and gained {certificate}. "
            "It is the company's {count} product certification this year.",
        ),
        "headings": [
            ("严格的审核过程", "A thorough audit"),
            ("质量体系持续改进", "Continuous improvement of the quality system"),
            ("认证带来的机会", "What the certification opens up"),
        ],
        "sentences": [
            (
                "审核组对产品设计、原材料采购、生产过程和出厂检验进行了全面检查。",
                "The auditors examined product design, materials purchasing, production and "
                "final inspection.",
            ),
            (
                "样机在第三方实验室完成了{tests}项性能和安全测试。",
                "Sample units passed {tests} performance and safety tests in a third-party "
                "laboratory.",
            ),
            (
                "质量部为此修订了{docs}份作业指导书，并对一线员工进行了培训。",
                "The quality department revised {docs} work instructions and trained "
                "front-line staff on them.",
            ),
            (
                "获得认证后，该产品可以参加更多{industry}项目的投标。",
                "With the certification, the product can now be offered in more {industry} "
                "tenders.",
            ),
            (
                "公司将按照认证要求，做好每年的监督审核。",
                "The company will prepare for the yearly surveillance audits the certification "
                "requires.",
            ),
            (
                "质量负责人表示，认证不是终点，而是改进的起点。",
                "The head of quality said that certification is not the finish line but a "
                "starting point for improvement.",
            ),
        ],
    },
    "training": {
        "title": ("第{n}期{skill}培训班顺利结业", "{skill} training course no. {n} completed"),
        "summary": (
            "{trainees}名一线员工参加了为期{days}天的{skill}培训，全部通过结业考核。",
            "All {trainees} front-line employees who took the {days}-day course in {skill} "
            "passed the final assessment.",
        ),
        "lead": (
            "为提升员工的{skill}水平，公司人力资源部组织了第{n}期{skill}培训班，"
            "来自{workshops}个车间的{trainees}名员工参加了培训。",
            "To improve employees' skills in {skill}, the company's human resources department "
            "ran training course no. {n}. It was attended by {trainees} employees from "
            "{workshops} workshops.",
        ),
        "headings": [
            ("理论与实操结合", "Theory and hands-on practice"),
            ("以考促学", "Learning through assessment"),
            ("把培训成果用在岗位上", "Putting the training to work"),
        ],
        "sentences": [
            (
                "课程由公司内部讲师和外请专家共同讲授，理论课和实操课各占一半。",
                "The course was taught by in-house trainers and outside experts, with equal "
                "time for theory and practice.",
            ),
            (
                "学员们在实训车间逐项练习，讲师现场指出问题并示范正确做法。",
                "Trainees practised each task in the training workshop while instructors "
                "pointed out mistakes and showed the right way.",
            ),
            (
                "结业考核包括笔试和实操两部分，平均成绩为{score}分。",
                "The final assessment had a written and a practical part; the average score "
                "was {score} points.",
            ),
            (
                "今年公司已开展各类培训{courses}场，累计参训{attendances}人次。",
                "So far this year the company has run {courses} training sessions, with "
                "{attendances} attendances in all.",
            ),
            (
                "参训员工表示，课程内容贴近实际，回到岗位就能用上。",
                "Participants said the course was practical and they could use it in their "
                "jobs straight away.",
            ),
            (
                "培训成绩将计入员工的技能等级评定。",
                "The results will count towards employees' skill grade assessments.",
            ),
        ],
    },
    "community": {
        "title": (
            "公司志愿服务队第{n}次走进{place}",
            "Company volunteers at {place}: visit no. {n}",
        ),
        "summary": (
            "公司{volunteers}名志愿者来到{place}，{activity}。",
            "A group of {volunteers} company volunteers went to {place}, where they {activity}.",
        ),
        "lead": (
            "近日，公司工会组织{volunteers}名志愿者来到{place}，{activity}。"
            "这是公司志愿服务队成立以来的第{n}次活动。",
            "The company's trade union recently took a group of {volunteers} volunteers to "
            "{place}, where they {activity}. It was visit no. {n} of the company's volunteer "
            "team since it was founded.",
        ),
        "headings": [
            ("用行动回馈社区", "Giving back to the community"),
            ("让志愿服务成为习惯", "Making volunteering a habit"),
        ],
        "sentences": [
            (
                "志愿者们提前一周做好分工，准备了工具和物资。",
                "The volunteers shared out the tasks a week in advance and prepared tools and "
                "supplies.",
            ),
            (
                "活动中，公司还捐赠了价值{value}元的物资。",
                "The company also donated supplies worth {value} yuan.",
            ),
            (
                "不少志愿者是第一次参加活动，他们表示以后还会再来。",
                "Many of the volunteers were taking part for the first time and said they would "
                "come again.",
            ),
            (
                "据公司工会介绍，志愿服务队现有成员{members}人，每月至少组织一次活动。",
                "According to the trade union, the volunteer team now has {members} members and "
                "goes out at least once a month.",
            ),
            (
                "公司希望通过这些活动，让员工在工作之余也为所在城市做些实事。",
                "The company hopes these activities let employees do something useful for their "
                "city outside work as well.",
            ),
        ],
    },
    "results": {
        "title": (
            "第{n}号经营简报：第{quarter}季度营业收入同比增长{growth}%",
            "Business bulletin no. {n}: revenue up {growth}% year on year in the {quarter} quarter",
        ),
        "summary": (
            "第{quarter}季度，公司营业收入同比增长{growth}%，新签订单{orders}份，"
            "其中出口订单占{export}%。",
            "In the {quarter} quarter the company's revenue grew {growth}% year on year. It "
            "signed {orders} new orders, {export}% of them for export.",
        ),
        "lead": (
            "公司近日召开第{quarter}季度经营分析会，通报了本季度的生产经营情况。"
            "本季度营业收入同比增长{growth}%，其中{product}销量增长最快。",
            "At its recent business review of the {quarter} quarter, the company reported on "
            "production and sales. Revenue grew {growth}% year on year, and sales of the "
            "{product} grew fastest.",
        ),
        "headings": [
            ("主要经营数据", "Key figures"),
            ("市场开拓", "New markets"),
            ("下季度重点工作", "Priorities for next quarter"),
        ],
        "sentences": [
            (
                "本季度新签订单{orders}份，其中出口订单占{export}%。",
                "The company signed {orders} new orders this quarter, {export}% of them for "
                "export.",
            ),
            (
                "产品一次交验合格率达到{passed}%，比上季度提高{better}个百分点。",
                "The first-time acceptance rate reached {passed}%, {better} percentage points "
                "higher than last quarter.",
            ),
            (
                "{industry}行业的需求保持稳定，是订单增长的主要来源。",
                "Steady demand from {industry} was the main source of new orders.",
            ),
            (
                "公司在{city}新设了销售服务网点，售后响应时间进一步缩短。",
                "A new sales and service office in {city} has shortened after-sales response "
                "times further.",
            ),
            (
                "下季度，公司将重点做好新产品量产和年度订单交付。",
                "Next quarter the company will concentrate on volume production of new products "
                "and on delivering this year's orders.",
            ),
            (
                "原材料价格波动仍是主要风险，采购部将与供应商签订更多长期协议。",
                "Fluctuating raw material prices remain the main risk; purchasing will sign "
                "more long-term agreements with suppliers.",
            ),
        ],
    },
}
TOPIC_NAMES = list(TOPICS)


@dataclass(frozen=True)
class ArticleText:
    """One language version of a seeded article: the fields an editor would fill in."""

    title: str
    summary: str
    author: str
    source_name: str
    source_url: str
    body: list  # StreamField blocks: {"type": ..., "value": ...}


SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    suffix = "th" if number % 100 in (11, 12, 13) else SUFFIXES.get(number % 10, "th")
    return f"{number}{suffix}"


def _values(rng: random.Random, number: int) -> dict:
    """Everything an article of ``number`` may mention: a (Chinese, English) pair each."""
    visit, activity = rng.choice(VISITS)
    fair, fair_city = rng.choice(FAIRS)
    count = rng.randint(2, 9)
    picked = {
        "product": rng.choice(PRODUCTS),
        "city": rng.choice(CITIES),
        "industry": rng.choice(INDUSTRIES),
        "fair": fair,
        "fair_city": fair_city,
        "certificate": rng.choice(CERTIFICATES),
        "skill": rng.choice(SKILLS),
        "place": visit,
        "activity": activity,
        "quarter": rng.choice(QUARTERS),
        "when": rng.choice(WHEN),
        "count": (str(count), _ordinal(count)),
    }
    numbers = {
        "n": number,
        "code": rng.choice(SERIES),
        "pct": rng.randint(3, 12),
        "guests": rng.randrange(30, 160, 10),
        "months": rng.randint(8, 30),
        "db": rng.randint(2, 6),
        "saving": rng.randrange(4000, 30000, 500),
        "hours": rng.choice((500, 1000, 2000, 3000)),
        "visitors": rng.randrange(80, 600, 10),
        "days": rng.randint(2, 5),
        "exhibits": rng.randint(6, 20),
        "deals": rng.randint(3, 15),
        "weeks": rng.randint(4, 16),
        "tests": rng.randint(12, 40),
        "docs": rng.randint(5, 30),
        "trainees": rng.randint(20, 120),
        "workshops": rng.randint(3, 9),
        "score": rng.randint(82, 95),
        "courses": rng.randint(12, 60),
        "attendances": rng.randrange(300, 2500, 10),
        "volunteers": rng.randint(12, 60),
        "value": rng.randrange(5000, 80000, 1000),
        "members": rng.randint(60, 240),
        "growth": rng.randint(3, 25),
        "orders": rng.randint(120, 900),
        "export": rng.randint(8, 40),
        "passed": f"{rng.randint(970, 998) / 10:.1f}",
        "better": f"{rng.randint(1, 9) / 10:.1f}",
        "provinces": rng.randint(20, 31),
        "countries": rng.randint(15, 60),
        "engineers": rng.randint(40, 180),
        "rd": rng.randint(3, 6),
    }
    zh = {**numbers, **{name: pair[ZH] for name, pair in picked.items()}}
    en = {**numbers, **{name: pair[EN] for name, pair in picked.items()}}
    return {ZH: zh, EN: en}


def _paragraph(sentences: list, language: int, values: dict) -> dict:
    joiner = "" if language == ZH else " "
    text = joiner.join(sentence[language] for sentence in sentences).format(**values)
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _body(rng: random.Random, topic: dict) -> list[tuple[str, list]]:
    """The body's plan, the same for both languages: ("heading", pair) and ("paragraph", pairs).

    3 to 6 blocks: a lead paragraph, then paragraphs of two or three sentences, and in most
    articles a heading or two, each before one of those paragraphs.
    """
    size = rng.randint(3, 6)
    headings = {3: int(rng.random() < 0.4), 4: 1, 5: rng.randint(1, 2), 6: 2}[size]
    paragraphs = size - headings
    # Taken from the end: the topic's own sentences first, the general ones to close.
    sentences = rng.sample(GENERAL, len(GENERAL))
    sentences += rng.sample(topic["sentences"], len(topic["sentences"]))
    lead = [topic["lead"], sentences.pop()] if rng.random() < 0.5 else [topic["lead"]]
    plan = [("paragraph", lead)]
    titles = rng.sample(topic["headings"], headings)
    before = set(rng.sample(range(1, paragraphs), headings))
    for i in range(1, paragraphs):
        if i in before:
            plan.append(("heading", titles.pop()))
        plan.append(("paragraph", [sentences.pop() for _ in range(rng.randint(2, 3))]))
    return plan


def seed_texts(number: int) -> tuple[ArticleText, ArticleText]:
    """Article ``number``'s Chinese and English versions, always the same for a number."""
    rng = random.Random(number)
    topic = TOPICS[rng.choice(TOPIC_NAMES)]
    values = _values(rng, number)
    author = rng.choice(AUTHORS)
    source = rng.choice(SOURCES) if rng.random() < 0.2 else ("", "", "")
    source_url = source[2].format(n=number)
    plan = _body(rng, topic)
    texts = []
    for language in (ZH, EN):
        given = values[language]
        title = topic["title"][language].format(**given)
        body = [
            {"type": "heading", "value": part[language]}
            if kind == "heading"
            else _paragraph(part, language, given)
            for kind, part in plan
        ]
        texts.append(
            ArticleText(
                title=title[0].upper() + title[1:],
                summary=topic["summary"][language].format(**given),
                author=author[language],
                source_name=source[language],
                source_url=source_url,
                body=body,
            )
        )
    return texts[0], texts[1]
