"""Demo content for Pressroom: a fictional pump and valve manufacturer.

Everything here was written for the demo. The company, people, publications, figures,
addresses, telephone numbers and web addresses are invented; web addresses use the
reserved example.com / example.org / example.net domains.

Body blocks are (type, value) tuples: "heading" (text), "paragraph" (simple HTML),
"quote" ({"text", "attribution"}), "image" ({"image": cover index 0..7, "caption"}) and
"table" ({"caption", "rows"}, first row is the header). Dates are local time in
Asia/Shanghai.
"""

COMPANY = {
    "name": "青禾流体科技有限公司",
    "name_en": "Qinghe Fluid Technology Co., Ltd.",
    "welcome": "欢迎来到青禾流体科技有限公司官方网站",
    "welcome_en": "Welcome to the official website of Qinghe Fluid Technology Co., Ltd.",
    "hotline": "400-000-0571",
    "address": "浙江省杭州市禾丰经济开发区纬三路168号",
    "address_en": (
        "No. 168 Weisan Road, Hefeng Economic Development Zone, Hangzhou, Zhejiang, China"
    ),
    "phone": "0571-0000 1001",
    "fax": "0571-0000 1002",
    "email": "info@example.com",
    "icp": "浙ICP备00000000号-1",
    "intro": (
        "<p><strong>青禾流体科技有限公司</strong>创立于2006年，是一家专注于精密工业水泵与阀门研发、"
        "制造和服务的高新技术企业。公司总部位于杭州禾丰经济开发区，"
        "拥有两座现代化生产基地和一支由一百二十余名工程师组成的研发团队，产品涵盖离心泵、计量泵、"
        "电动调节阀、蝶阀和球阀等多个系列。</p><p>多年来，青禾流体始终坚持“精密制造、节能可靠”"
        "的理念，为市政供排水、化工、电力、食品饮料和楼宇暖通等行业提供成套流体控制解决方案。"
        "公司产品销往全国三十多个省、自治区和直辖市，并出口到东南亚、"
        "中东和南美等地区的四十余个国家。</p>"
    ),
    "intro_en": (
        "<p><strong>Qinghe Fluid Technology Co., Ltd.</strong> was founded in 2006 and is a "
        "high-tech enterprise dedicated to the research, development, manufacture and servicing of "
        "precision industrial water pumps and valves. Headquartered in the Hefeng Economic "
        "Development Zone in Hangzhou, the company operates two modern production bases and has an "
        "R&amp;D team of more than 120 engineers. Its products include centrifugal pumps, metering "
        "pumps, electric control valves, butterfly valves and ball valves.</p><p>Over the years, "
        "Qinghe Fluid has stayed true to its philosophy of “precision manufacturing, efficient and "
        "reliable operation”, providing complete fluid control solutions for municipal water "
        "supply and drainage, chemicals, power generation, food and beverage, and building HVAC. "
        "Its products are sold in more than thirty provinces, autonomous regions and "
        "municipalities across China and exported to over forty countries in Southeast Asia, the "
        "Middle East, South America and other regions.</p>"
    ),
}

CATEGORIES = [
    {"slug": "company", "name": "公司新闻", "name_en": "Company news"},
    {"slug": "industry", "name": "行业动态", "name_en": "Industry news"},
]

# Standard pages under the home page.
PAGES = [
    {
        "slug": "about",
        "title": "关于我们",
        "title_en": "About us",
        "summary": "了解青禾流体的发展历程、企业文化和生产能力。",
        "summary_en": (
            "Learn about Qinghe Fluid's history, corporate culture and manufacturing capabilities."
        ),
        "body": [
            ("heading", "公司简介"),
            (
                "paragraph",
                (
                    "<p>青禾流体科技有限公司成立于2006年，总部位于杭州禾丰经济开发区，"
                    "是一家集研发、制造、销售和服务于一体的流体设备企业。公司现有员工八百余人，"
                    "其中工程技术人员一百二十余名，两座生产基地总建筑面积约六万平方米。</p><p>"
                    "公司主要产品包括QH系列高效离心泵、QM系列计量泵、"
                    "QV系列电动调节阀以及各类蝶阀和球阀，广泛应用于市政供排水、化工、电力、"
                    "食品饮料和楼宇暖通等领域。</p>"
                ),
            ),
            ("image", {"image": 0, "caption": "青禾流体禾丰生产基地外景"}),
            ("heading", "发展历程"),
            (
                "table",
                {
                    "caption": "青禾流体发展大事记",
                    "rows": [
                        ["年份", "事件"],
                        ["2006", "公司在杭州成立，首条离心泵生产线投产"],
                        ["2011", "通过ISO 9001质量管理体系认证"],
                        ["2015", "成立阀门事业部，推出QV系列电动调节阀"],
                        ["2019", "第一生产基地完成自动化改造"],
                        ["2023", "技术中心及水力性能试验台投入使用"],
                        ["2025", "第二工厂智能阀门装配线投产"],
                    ],
                },
            ),
            ("heading", "企业文化"),
            (
                "paragraph",
                (
                    "<p>我们相信，好的流体设备应当安静、可靠、省电，让用户几乎感觉不到它的存在。"
                    "</p><ul><li><strong>使命</strong>：让每一滴水的输送更高效</li><li><strong>"
                    "愿景</strong>：成为值得信赖的流体控制解决方案提供者</li><li><strong>"
                    "价值观</strong>：诚信、专注、协作、创新</li></ul>"
                ),
            ),
        ],
        "body_en": [
            ("heading", "Company profile"),
            (
                "paragraph",
                (
                    "<p>Founded in 2006 and headquartered in the Hefeng Economic Development Zone "
                    "in Hangzhou, Qinghe Fluid Technology Co., Ltd. is a fluid equipment company "
                    "that integrates research and development, manufacturing, sales and service. "
                    "The company has more than 800 employees, including over 120 engineers and "
                    "technicians, and its two production bases have a total floor area of about "
                    "60,000 square metres.</p><p>Its main products include the QH series of "
                    "high-efficiency centrifugal pumps, the QM series of metering pumps, the QV "
                    "series of electric control valves and a wide range of butterfly and ball "
                    "valves, which are used in municipal water supply and drainage, chemicals, "
                    "power generation, food and beverage, building HVAC and other sectors.</p>"
                ),
            ),
            (
                "image",
                {"image": 0, "caption": "Exterior view of Qinghe Fluid's Hefeng production base"},
            ),
            ("heading", "Milestones"),
            (
                "table",
                {
                    "caption": "Qinghe Fluid milestones",
                    "rows": [
                        ["Year", "Event"],
                        [
                            "2006",
                            (
                                "Company founded in Hangzhou; first centrifugal pump production "
                                "line starts operation"
                            ),
                        ],
                        ["2011", "Certified to the ISO 9001 quality management system"],
                        [
                            "2015",
                            (
                                "Valve division established; QV series electric control valves "
                                "launched"
                            ),
                        ],
                        ["2019", "Automation upgrade of the first production base completed"],
                        [
                            "2023",
                            "Technology center and hydraulic performance test rig put into service",
                        ],
                        [
                            "2025",
                            "Smart valve assembly line at the second plant goes into production",
                        ],
                    ],
                },
            ),
            ("heading", "Corporate culture"),
            (
                "paragraph",
                (
                    "<p>We believe that good fluid equipment should be quiet, reliable and "
                    "economical with energy, so that users hardly notice it is there.</p><ul><li>"
                    "<strong>Mission</strong>: to move every drop of water more efficiently</li>"
                    "<li><strong>Vision</strong>: to be a trusted provider of fluid control "
                    "solutions</li><li><strong>Values</strong>: integrity, focus, teamwork and "
                    "innovation</li></ul>"
                ),
            ),
        ],
    },
    {
        "slug": "quality",
        "title": "质量与服务",
        "title_en": "Quality and service",
        "summary": (
            "从原材料入厂到产品出厂，再到用户现场，我们用完整的质量体系和服务网络守护每一台设备。"
        ),
        "summary_en": (
            "From incoming materials to finished products and on to the customer's site, a "
            "complete quality system and service network stand behind every unit we make."
        ),
        "body": [
            ("heading", "质量管理体系"),
            (
                "paragraph",
                (
                    "<p>公司建立并运行符合ISO 9001要求的质量管理体系，并通过了ISO "
                    "14001环境管理体系和ISO 45001职业健康安全管理体系认证。"
                    "每一台出厂产品都有唯一的追溯编码，可查询原材料批次、装配记录和出厂检验数据。"
                    "</p>"
                ),
            ),
            ("heading", "检测能力"),
            (
                "paragraph",
                (
                    "<p>公司技术中心配备了完善的试验和检测设备，能够完成产品从研发验证到出厂检验的"
                    "全部关键测试项目。</p>"
                ),
            ),
            (
                "table",
                {
                    "caption": "主要试验与检测设备",
                    "rows": [
                        ["设备名称", "主要用途", "数量"],
                        ["水力性能试验台", "测定水泵流量、扬程、效率和汽蚀余量", "3套"],
                        ["阀门流阻试验装置", "测定阀门流量系数和流阻特性", "1套"],
                        ["压力试验设备", "壳体强度试验和密封试验", "6台"],
                        ["三坐标测量机", "关键零件尺寸和形位公差检测", "2台"],
                        ["光谱分析仪", "原材料化学成分分析", "1台"],
                    ],
                },
            ),
            ("heading", "售后服务"),
            (
                "paragraph",
                (
                    "<p>我们在全国设有二十八个服务网点，提供产品选型、安装指导、调试、"
                    "定期巡检和备件供应等服务。</p><ul><li>全国服务热线全年无休</li><li>"
                    "重点城市四小时内响应，二十四小时内到场</li><li>核心产品质保期为二十四个月</li>"
                    "</ul>"
                ),
            ),
            (
                "quote",
                {
                    "text": "质量不是检验出来的，而是设计和制造出来的。",
                    "attribution": "陈启明，青禾流体总工程师",
                },
            ),
        ],
        "body_en": [
            ("heading", "Quality management system"),
            (
                "paragraph",
                (
                    "<p>The company has established and operates a quality management system that "
                    "meets the requirements of ISO 9001, and it is also certified to ISO 14001 for "
                    "environmental management and ISO 45001 for occupational health and safety. "
                    "Every product that leaves the factory carries a unique traceability code that "
                    "gives access to its raw material batches, assembly records and final "
                    "inspection data.</p>"
                ),
            ),
            ("heading", "Testing capabilities"),
            (
                "paragraph",
                (
                    "<p>The company's technology center is equipped with comprehensive test and "
                    "inspection facilities and can carry out every key test item, from development "
                    "validation to final inspection.</p>"
                ),
            ),
            (
                "table",
                {
                    "caption": "Main test and inspection equipment",
                    "rows": [
                        ["Equipment", "Main purpose", "Quantity"],
                        [
                            "Hydraulic performance test rig",
                            "Measuring pump flow, head, efficiency and NPSH",
                            "3 sets",
                        ],
                        [
                            "Valve flow resistance test unit",
                            "Measuring valve flow coefficient and resistance characteristics",
                            "1 set",
                        ],
                        [
                            "Pressure test equipment",
                            "Shell strength and seat tightness tests",
                            "6 units",
                        ],
                        [
                            "Coordinate measuring machine",
                            "Dimensional and geometric tolerance checks on key parts",
                            "2 units",
                        ],
                        [
                            "Spectrometer",
                            "Chemical composition analysis of raw materials",
                            "1 unit",
                        ],
                    ],
                },
            ),
            ("heading", "After-sales service"),
            (
                "paragraph",
                (
                    "<p>We have 28 service points across China, offering product selection, "
                    "installation guidance, commissioning, regular inspections and spare parts "
                    "supply.</p><ul><li>National service hotline open every day of the year</li>"
                    "<li>Response within four hours and on-site within 24 hours in key cities</li>"
                    "<li>24-month warranty on core products</li></ul>"
                ),
            ),
            (
                "quote",
                {
                    "text": "Quality is not inspected into a product; it is designed and built in.",
                    "attribution": "Chen Qiming, Chief Engineer, Qinghe Fluid",
                },
            ),
        ],
    },
]

CONTACT = {
    "slug": "contact",
    "title": "联系我们",
    "title_en": "Contact us",
    "intro": (
        "<p>如需产品选型、报价或技术支持，欢迎通过以下方式与我们联系，"
        "也可以直接填写下方的留言表单。我们会在一个工作日内回复您。</p>"
    ),
    "intro_en": (
        "<p>For product selection, quotations or technical support, please contact us using the "
        "details below or simply fill in the message form. We will reply within one working "
        "day.</p>"
    ),
}

ARTICLES = [
    {
        "slug": "qh-series-centrifugal-pump-launch",
        "category": "company",
        "title": "青禾流体发布新一代QH系列高效离心水泵",
        "title_en": (
            "Qinghe Fluid launches new-generation QH series high-efficiency centrifugal pumps"
        ),
        "summary": (
            "6月12日，公司在杭州总部举行新品发布会，正式推出新一代QH系列高效离心水泵。"
            "新产品采用优化的水力模型和永磁同步电机，整机效率比上一代提升约百分之六。"
        ),
        "summary_en": (
            "On 12 June the company held a launch event at its Hangzhou headquarters to introduce "
            "the new-generation QH series of high-efficiency centrifugal pumps. With an optimised "
            "hydraulic design and permanent-magnet synchronous motors, overall efficiency is about "
            "six per cent higher than the previous generation."
        ),
        "author": "林晓岚",
        "author_en": "Lin Xiaolan",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2025-06-12 10:00",
        "updated": "2025-06-12 15:42:18",
        "tags": ["新品发布", "离心泵", "节能"],
        "tags_en": ["product launch", "centrifugal pump", "energy saving"],
        "image": 1,
        "body": [
            (
                "paragraph",
                (
                    "<p>6月12日上午，青禾流体在杭州总部举行新品发布会，"
                    "正式推出新一代QH系列高效离心水泵。来自市政水务、"
                    "化工和楼宇暖通行业的六十余位客户代表参加了发布会，"
                    "并在试验中心现场观看了产品性能测试。</p>"
                ),
            ),
            ("heading", "水力模型全面升级"),
            (
                "paragraph",
                (
                    "<p>QH系列由公司技术中心历时两年自主开发，采用经计算流体力学优化的叶轮和蜗壳，"
                    "并标配永磁同步电机。在额定工况下，整机效率比上一代产品提升约百分之六，"
                    "运行噪声降低约三分贝。产品还预留了通信接口，可以直接接入楼宇自控系统或公司的远"
                    "程运维平台。</p>"
                ),
            ),
            (
                "table",
                {
                    "caption": "QH系列主要技术参数",
                    "rows": [
                        ["参数", "QH-50", "QH-80", "QH-100"],
                        ["额定流量（m³/h）", "25", "50", "100"],
                        ["额定扬程（m）", "32", "36", "40"],
                        ["电机功率（kW）", "4", "7.5", "15"],
                        ["整机效率", "74%", "78%", "81%"],
                    ],
                },
            ),
            ("image", {"image": 1, "caption": "QH系列离心水泵在水力性能试验台上进行测试"}),
            (
                "quote",
                {
                    "text": "我们希望每一台水泵都能在用户现场多运行几年、少耗一度电。",
                    "attribution": "陈启明，青禾流体总工程师",
                },
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>On the morning of 12 June, Qinghe Fluid held a product launch at its "
                    "Hangzhou headquarters to officially introduce the new-generation QH series of "
                    "high-efficiency centrifugal pumps. More than sixty customer representatives "
                    "from municipal water utilities, the chemical industry and building HVAC "
                    "attended the event and watched live performance tests in the test center.</p>"
                ),
            ),
            ("heading", "A completely upgraded hydraulic design"),
            (
                "paragraph",
                (
                    "<p>The QH series was developed in-house by the company's technology center "
                    "over two years. It features an impeller and volute optimised with "
                    "computational fluid dynamics and comes with a permanent-magnet synchronous "
                    "motor as standard. At the rated duty point, overall efficiency is about six "
                    "per cent higher than the previous generation and operating noise is about "
                    "three decibels lower. The pumps also have a built-in communication interface, "
                    "so they can be connected directly to a building automation system or to the "
                    "company's remote operations platform.</p>"
                ),
            ),
            (
                "table",
                {
                    "caption": "Main technical data of the QH series",
                    "rows": [
                        ["Parameter", "QH-50", "QH-80", "QH-100"],
                        ["Rated flow (m³/h)", "25", "50", "100"],
                        ["Rated head (m)", "32", "36", "40"],
                        ["Motor power (kW)", "4", "7.5", "15"],
                        ["Overall efficiency", "74%", "78%", "81%"],
                    ],
                },
            ),
            (
                "image",
                {
                    "image": 1,
                    "caption": (
                        "A QH series centrifugal pump being tested on the hydraulic performance "
                        "test rig"
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "We want every pump to run a few more years at the customer's site and use "
                        "one less kilowatt-hour."
                    ),
                    "attribution": "Chen Qiming, Chief Engineer, Qinghe Fluid",
                },
            ),
        ],
    },
    {
        "slug": "revised-pump-efficiency-standard",
        "category": "industry",
        "title": "新版水泵能效标准解读：三大变化值得关注",
        "title_en": "The revised pump energy efficiency standard: three changes worth noting",
        "summary": (
            "新修订的清水离心泵能效标准提高了能效限定值，扩大了适用范围，并统一了检测方法。"
            "业内人士认为，新标准将加快低效产品退出市场。"
        ),
        "summary_en": (
            "The revised energy efficiency standard for clean-water centrifugal pumps raises "
            "minimum efficiency values, widens its scope and unifies test methods. Industry "
            "insiders expect it to speed up the exit of inefficient products from the market."
        ),
        "author": "方立新",
        "author_en": "Fang Lixin",
        "source_name": "《流体装备周刊》",
        "source_name_en": "Fluid Equipment Weekly",
        "source_url": "https://news.example.org/2025/06/pump-efficiency-standard",
        "published": "2025-06-28 09:30",
        "updated": "2025-06-30 10:15:22",
        "tags": ["能效标准", "水泵", "政策解读"],
        "tags_en": ["efficiency standard", "pumps", "policy analysis"],
        "image": 0,
        "body": [
            (
                "paragraph",
                (
                    "<p>新修订的清水离心泵能效标准日前发布，将在设置过渡期后正式实施。"
                    "与旧版标准相比，新标准在能效限定值、适用范围和检测方法三个方面作出了调整，"
                    "将对泵类制造企业的产品结构产生直接影响。</p>"
                ),
            ),
            ("heading", "三大变化"),
            (
                "table",
                {
                    "caption": "新旧标准主要变化对比",
                    "rows": [
                        ["项目", "旧版标准", "新版标准"],
                        ["能效限定值", "按原有效率曲线确定", "整体提高约两到三个百分点"],
                        ["适用范围", "单级单吸和单级双吸清水泵", "增加多级清水泵"],
                        ["检测方法", "允许采用多种测试方法", "统一测试条件，加强不确定度评定"],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>业内人士分析，能效限定值的提高意味着一部分目前仍在销售的低效产品将无法继续"
                    "生产和销售。对于具备水力研发能力的企业来说，这是扩大市场份额的机会；"
                    "而依赖仿制和低价竞争的企业则将面临较大压力。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>专家建议，泵类企业应尽快对现有产品进行能效摸底测试，优先改进销量大、"
                    "效率偏低的型号，同时关注配套电机能效的同步提升，以整机效率满足用户的节能需求。"
                    "</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>The revised energy efficiency standard for clean-water centrifugal pumps "
                    "has recently been published and will come into force after a transition "
                    "period. Compared with the previous version, the new standard makes changes in "
                    "three areas, namely minimum efficiency values, scope and test methods, and "
                    "will have a direct impact on the product ranges of pump manufacturers.</p>"
                ),
            ),
            ("heading", "Three main changes"),
            (
                "table",
                {
                    "caption": "Main differences between the old and new standards",
                    "rows": [
                        ["Item", "Previous standard", "Revised standard"],
                        [
                            "Minimum efficiency values",
                            "Based on the original efficiency curves",
                            "Raised by about two to three percentage points overall",
                        ],
                        [
                            "Scope",
                            (
                                "Single-stage end-suction and single-stage double-suction "
                                "clean-water pumps"
                            ),
                            "Multistage clean-water pumps added",
                        ],
                        [
                            "Test methods",
                            "Several test methods permitted",
                            "Unified test conditions and stricter uncertainty assessment",
                        ],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>Industry analysts say that higher minimum efficiency values mean some "
                    "inefficient products still on sale today can no longer be manufactured or "
                    "sold. For companies with their own hydraulic design capabilities this is an "
                    "opportunity to gain market share, while companies that rely on copying "
                    "designs and competing on price will come under considerable pressure.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Experts advise pump manufacturers to test the efficiency of their existing "
                    "products as soon as possible, to give priority to improving high-volume "
                    "models with below-average efficiency, and to upgrade the efficiency of the "
                    "motors they use at the same time, so that the efficiency of the complete unit "
                    "meets users' energy-saving needs.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "iso-9001-recertification",
        "category": "company",
        "title": "公司顺利通过ISO 9001质量管理体系复审认证",
        "title_en": "Company passes ISO 9001 quality management system recertification audit",
        "summary": (
            "7月上旬，第三方认证机构审核组对公司质量管理体系进行了为期三天的现场复审。"
            "公司在审核中未出现严重不符合项，顺利通过ISO 9001复审认证。"
        ),
        "summary_en": (
            "In early July, an audit team from a third-party certification body carried out a "
            "three-day on-site recertification audit of the company's quality management system. "
            "No major nonconformities were found and the company successfully renewed its ISO 9001 "
            "certification."
        ),
        "author": "周雨桐",
        "author_en": "Zhou Yutong",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2025-07-08 14:20",
        "updated": "2025-07-09 09:05:33",
        "tags": ["质量管理", "ISO 9001", "认证"],
        "tags_en": ["quality management", "ISO 9001", "certification"],
        "image": 2,
        "body": [
            (
                "paragraph",
                (
                    "<p>7月6日至8日，第三方认证机构的三人审核组来到公司，"
                    "对质量管理体系的运行情况进行复审。审核组先后走访了研发、采购、生产、"
                    "检验和售后服务等十一个部门，并抽查了近一年的过程记录。</p>"
                ),
            ),
            ("heading", "审核结果"),
            (
                "paragraph",
                (
                    "<p>经过三天的现场审核，审核组认为公司质量管理体系运行有效，过程控制记录完整，"
                    "持续改进机制落实到位。本次审核未发现严重不符合项，仅提出两项一般性改进建议，"
                    "公司顺利通过复审认证。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>质量管理部负责人表示，公司将针对审核建议制定整改计划，"
                    "并在一个月内完成闭环管理。两项改进建议分别是：</p><ul><li>"
                    "完善供应商来料检验的抽样规则</li><li>统一各车间不合格品处置记录的格式</li>"
                    "</ul><p>此外，数字化质量追溯系统的建设已被列为下半年的重点工作。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>From 6 to 8 July, a three-member audit team from a third-party "
                    "certification body visited the company to carry out a recertification audit "
                    "of its quality management system. The team visited eleven departments, "
                    "including R&amp;D, purchasing, production, inspection and after-sales "
                    "service, and sampled process records from the past year.</p>"
                ),
            ),
            ("heading", "Audit results"),
            (
                "paragraph",
                (
                    "<p>After three days on site, the audit team concluded that the company's "
                    "quality management system is operating effectively, process control records "
                    "are complete and the continual improvement mechanism is working as intended. "
                    "No major nonconformities were found, only two minor recommendations for "
                    "improvement were made, and the company successfully passed the "
                    "recertification audit.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The head of the Quality Management Department said that the company will "
                    "draw up a corrective action plan based on the auditors' recommendations and "
                    "close out all actions within one month. The two recommendations are:</p><ul>"
                    "<li>refining the sampling rules for incoming inspection of supplier "
                    "materials</li><li>standardising the format of nonconforming product "
                    "disposition records across all workshops</li></ul><p>In addition, building a "
                    "digital quality traceability system has been made a priority for the second "
                    "half of the year.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "wastewater-upgrades-drive-demand",
        "category": "industry",
        "title": "城镇污水处理提标改造带动泵阀市场需求",
        "title_en": (
            "Upgrades of municipal wastewater treatment plants drive demand for pumps and valves"
        ),
        "summary": (
            "随着各地持续推进城镇污水处理厂提标改造，回流、加药和曝气等环节的设备更新需求明显增加，"
            "为泵阀企业带来了稳定而持续的市场空间。"
        ),
        "summary_en": (
            "As municipal wastewater treatment plants across the country continue to be upgraded "
            "to stricter discharge standards, demand for new equipment in recirculation, chemical "
            "dosing and aeration has risen markedly, creating a stable and sustained market for "
            "pump and valve manufacturers."
        ),
        "author": "林晓岚",
        "author_en": "Lin Xiaolan",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2025-07-24 11:00",
        "updated": "2025-07-24 19:48:30",
        "tags": ["污水处理", "市场趋势", "泵阀"],
        "tags_en": ["wastewater treatment", "market trends", "pumps and valves"],
        "image": 2,
        "body": [
            (
                "paragraph",
                (
                    "<p>近年来，各地持续推进城镇污水处理厂提标改造，出水水质要求不断提高。"
                    "与新建项目相比，提标改造项目往往需要在不停产的条件下完成设备更新，"
                    "对泵阀产品的可靠性和安装灵活性提出了更高的要求。</p>"
                ),
            ),
            ("heading", "设备更新集中在三个环节"),
            (
                "paragraph",
                (
                    "<p>从已经实施的项目来看，设备更新需求主要集中在以下环节：</p><ul><li>"
                    "内回流和污泥回流系统中的低扬程大流量泵</li><li>"
                    "深度处理工艺中的精密计量泵和加药阀门</li><li>曝气系统中的调节阀和流量控制装置<"
                    "/li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>业内人士认为，提标改造项目越来越重视设备的全生命周期成本。"
                    "能够提供选型计算、节能评估和长期运维服务的企业，在项目竞争中更具优势。"
                    "与此同时，智能监测功能也逐渐成为招标文件中的常见要求。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>In recent years, municipal wastewater treatment plants across the country "
                    "have been upgraded to meet ever stricter effluent quality requirements. "
                    "Unlike new-build projects, upgrades usually have to replace equipment without "
                    "interrupting operation, which places higher demands on the reliability and "
                    "installation flexibility of pumps and valves.</p>"
                ),
            ),
            ("heading", "Equipment renewal concentrated in three areas"),
            (
                "paragraph",
                (
                    "<p>Projects already completed show that demand for new equipment is "
                    "concentrated in the following areas:</p><ul><li>low-head, high-flow pumps for "
                    "internal recirculation and sludge return</li><li>precision metering pumps and "
                    "dosing valves for advanced treatment processes</li><li>control valves and "
                    "flow control devices in aeration systems</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Industry insiders note that upgrade projects increasingly focus on the "
                    "life-cycle cost of equipment. Companies that can provide selection "
                    "calculations, energy assessments and long-term maintenance services have an "
                    "advantage in competitive bidding. At the same time, smart monitoring "
                    "functions are becoming a common requirement in tender documents.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "smart-manufacturing-three-scenarios",
        "category": "industry",
        "title": "智能制造在泵阀行业的三个落地场景",
        "title_en": (
            "Three practical applications of smart manufacturing in the pump and valve industry"
        ),
        "summary": (
            "泵阀行业产品品种多、批量小，智能制造如何落地一直是企业关心的问题。本文梳理了柔性加工、"
            "在线检测和质量追溯三个已经见到实效的应用场景。"
        ),
        "summary_en": (
            "With many product variants and small batch sizes, pump and valve makers have long "
            "asked how smart manufacturing can work for them. This article looks at three "
            "applications that are already delivering results: flexible machining, in-line testing "
            "and quality traceability."
        ),
        "author": "许文博",
        "author_en": "Xu Wenbo",
        "source_name": "《智造观察》",
        "source_name_en": "Smart Manufacturing Review",
        "source_url": "https://www.example.net/articles/2025/08/smart-factory-valves",
        "published": "2025-08-05 08:30",
        "updated": "2025-08-06 13:27:54",
        "tags": ["智能制造", "数字化", "泵阀"],
        "tags_en": ["smart manufacturing", "digitalization", "pumps and valves"],
        "image": 4,
        "body": [
            (
                "paragraph",
                (
                    "<p>与汽车和电子行业相比，泵阀行业具有品种多、批量小、定制化程度高的特点，"
                    "推进智能制造的难度相对较大。不过，一些企业已经在局部环节找到了投入产出比较高的"
                    "切入点。</p>"
                ),
            ),
            ("heading", "场景一：柔性加工单元"),
            (
                "paragraph",
                (
                    "<p>借助机器人上下料和自动换型夹具，一个加工单元可以在同一班次内切换加工多种规"
                    "格的泵体和阀体。部分企业反映，柔性单元的设备综合效率比传统单机加工提高了两成以"
                    "上。</p>"
                ),
            ),
            ("heading", "场景二：在线检测"),
            (
                "paragraph",
                (
                    "<p>在装配线上配置在线气密和性能检测设备，可以把质量问题拦截在出厂之前，"
                    "并自动保存每一台产品的测试数据。这些数据还可以反过来指导设计和工艺改进。</p>"
                ),
            ),
            ("heading", "场景三：全流程质量追溯"),
            (
                "paragraph",
                (
                    "<p>借助条码或射频标签，企业可以把原材料批次、加工参数、"
                    "装配记录和检测结果串联起来。一旦用户现场出现问题，企业能够在短时间内找到原因，"
                    "并准确划定需要排查的产品范围。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>Compared with the automotive and electronics industries, the pump and "
                    "valve industry has many product variants, small batches and a high degree of "
                    "customisation, which makes smart manufacturing harder to introduce. Even so, "
                    "some companies have found entry points in specific processes that offer a "
                    "good return on investment.</p>"
                ),
            ),
            ("heading", "Application 1: flexible machining cells"),
            (
                "paragraph",
                (
                    "<p>With robotic loading and unloading and automatic quick-change fixtures, a "
                    "single machining cell can switch between pump casings and valve bodies of "
                    "many sizes within the same shift. Some companies report that the overall "
                    "equipment effectiveness of flexible cells is more than twenty per cent higher "
                    "than that of conventional stand-alone machines.</p>"
                ),
            ),
            ("heading", "Application 2: in-line testing"),
            (
                "paragraph",
                (
                    "<p>Installing in-line leak and performance testing equipment on the assembly "
                    "line stops quality problems before products leave the factory and "
                    "automatically stores the test data of every unit. This data can in turn guide "
                    "design and process improvements.</p>"
                ),
            ),
            ("heading", "Application 3: end-to-end quality traceability"),
            (
                "paragraph",
                (
                    "<p>Using barcodes or RFID tags, companies can link raw material batches, "
                    "machining parameters, assembly records and test results. If a problem occurs "
                    "at a customer's site, the company can quickly find the cause and accurately "
                    "define which products need to be checked.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "east-china-pump-valve-expo-2025",
        "category": "company",
        "title": "青禾流体携多款新品亮相华东国际泵阀展会",
        "title_en": (
            "Qinghe Fluid presents new products at the East China International Pump and Valve Expo"
        ),
        "summary": (
            "8月19日至21日，公司携QH系列离心泵、QV系列电动调节阀等多款新品参加华东国际泵阀展会，"
            "三天内接待来访客户四百余批次，达成合作意向三十余项。"
        ),
        "summary_en": (
            "From 19 to 21 August the company exhibited QH series centrifugal pumps, QV series "
            "electric control valves and other new products at the East China International Pump "
            "and Valve Expo, receiving more than 400 visiting customer groups and reaching over "
            "thirty preliminary cooperation agreements in three days."
        ),
        "author": "王建华",
        "author_en": "Wang Jianhua",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2025-08-21 16:45",
        "updated": "2025-08-22 10:12:07",
        "tags": ["展会", "市场推广", "新产品"],
        "tags_en": ["trade fair", "marketing", "new products"],
        "image": 3,
        "body": [
            (
                "paragraph",
                (
                    "<p>8月19日至21日，为期三天的华东国际泵阀展会在会展中心举行。"
                    "青禾流体以“精密流体，节能未来”为主题，搭建了一百二十平方米的展台，"
                    "集中展示了QH系列离心泵、QV系列电动调节阀和智能泵站控制柜等十余款产品。</p>"
                ),
            ),
            ("image", {"image": 3, "caption": "青禾流体展台吸引了众多专业观众驻足交流"}),
            (
                "paragraph",
                (
                    "<p>展会期间，公司展台共接待来访客户四百余批次，其中海外采购商约占三成。"
                    "工程师团队在现场为客户演示了远程监测和故障诊断功能，"
                    "不少水务公司代表详细询问了节能改造方案和投资回收周期。</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "展会是我们倾听客户需求的窗口。今年很多客户不再只问价格，"
                        "而是更关心设备全生命周期的能耗和运维成本。"
                    ),
                    "attribution": "王建华，青禾流体市场部经理",
                },
            ),
            (
                "paragraph",
                (
                    "<p>据统计，公司在本届展会上共达成合作意向三十余项，涉及市政供水、"
                    "工业循环水和食品饮料等领域。市场部将在展会结束后一个月内完成对全部意向客户的回"
                    "访。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>The three-day East China International Pump and Valve Expo took place at "
                    "the exhibition center from 19 to 21 August. Under the theme “Precision "
                    "fluids, an energy-efficient future”, Qinghe Fluid set up a 120-square-metre "
                    "stand showcasing more than ten products, including QH series centrifugal "
                    "pumps, QV series electric control valves and smart pump station control "
                    "cabinets.</p>"
                ),
            ),
            (
                "image",
                {
                    "image": 3,
                    "caption": (
                        "The Qinghe Fluid stand attracted many trade visitors who stopped to talk"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>During the fair, the company's stand received more than 400 visiting "
                    "customer groups, about thirty per cent of them overseas buyers. The "
                    "engineering team gave live demonstrations of remote monitoring and fault "
                    "diagnosis, and many representatives of water utilities asked detailed "
                    "questions about energy-saving retrofit plans and payback periods.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Trade fairs are our window for listening to customers. This year many "
                        "customers were no longer asking only about price; they cared more about "
                        "energy consumption and maintenance costs over the whole life of the "
                        "equipment."
                    ),
                    "attribution": "Wang Jianhua, Marketing Manager, Qinghe Fluid",
                },
            ),
            (
                "paragraph",
                (
                    "<p>In total, the company reached more than thirty preliminary cooperation "
                    "agreements at the fair, covering municipal water supply, industrial "
                    "circulating water, food and beverage and other fields. The Marketing "
                    "Department will follow up with every interested customer within one month "
                    "after the fair.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "energy-audits-vfd-retrofits",
        "category": "industry",
        "title": "工业节能诊断服务走俏 水泵变频改造成热点",
        "title_en": (
            "Industrial energy audits in demand as variable-frequency pump retrofits become a hot "
            "topic"
        ),
        "summary": (
            "在电价上涨和降本增效的双重压力下，越来越多的工业企业开始委托专业机构开展节能诊断，"
            "泵系统的变频改造成为投资回收最快的项目之一。"
        ),
        "summary_en": (
            "Under the twin pressures of rising electricity prices and the drive to cut costs, "
            "more and more industrial companies are commissioning professional energy audits, and "
            "variable-frequency retrofits of pump systems have become one of the fastest-paying "
            "investments."
        ),
        "author": "赵一鸣",
        "author_en": "Zhao Yiming",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2025-09-12 15:20",
        "updated": "2025-09-13 08:58:12",
        "tags": ["节能", "变频改造", "节能诊断"],
        "tags_en": ["energy saving", "variable-frequency retrofit", "energy audit"],
        "image": 5,
        "body": [
            (
                "paragraph",
                (
                    "<p>在电价上涨和降本增效的双重压力下，越来越多的工业企业开始委托专业机构开展节"
                    "能诊断。诊断结果普遍显示，水泵、风机等流体设备是企业节能潜力最大的环节之一。"
                    "</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>许多工厂的水泵在设计时留有较大余量，长期依靠关小阀门来调节流量，"
                    "大量电能被白白消耗在阀门上。采用变频调速后，水泵可以根据实际需求调整转速，"
                    "在部分负荷下的节电效果尤为明显。</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "在我们诊断过的项目中，泵系统变频改造的投资回收期大多在一到两年之间，"
                        "是最容易落地的节能措施。"
                    ),
                    "attribution": "何静，节能诊断工程师",
                },
            ),
            ("heading", "改造需要系统思维"),
            (
                "paragraph",
                (
                    "<p>专家提醒，变频改造并非适用于所有场景。对于流量稳定、长期满负荷运行的水泵，"
                    "更换高效泵或重新选型往往比加装变频器更加有效。企业应在详细测试的基础上，对泵、"
                    "电机、管网和控制方式进行整体评估。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>Under the twin pressures of rising electricity prices and the drive to cut "
                    "costs and improve efficiency, more and more industrial companies are "
                    "commissioning professional bodies to carry out energy audits. The audits "
                    "generally show that pumps, fans and other fluid equipment are among the areas "
                    "with the greatest energy-saving potential.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In many factories, pumps were designed with large safety margins and have "
                    "been throttled with partly closed valves for years to regulate flow, so a "
                    "great deal of electricity is simply wasted across the valves. With "
                    "variable-speed drives, pumps can adjust their speed to actual demand, and the "
                    "savings are especially large at part load.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "In the projects we have audited, variable-frequency retrofits of pump "
                        "systems mostly pay for themselves within one to two years. They are the "
                        "easiest energy-saving measure to put into practice."
                    ),
                    "attribution": "He Jing, energy audit engineer",
                },
            ),
            ("heading", "Retrofits call for a system view"),
            (
                "paragraph",
                (
                    "<p>Experts point out that variable-frequency retrofits are not suitable for "
                    "every situation. For pumps with stable flow that run at full load for long "
                    "periods, replacing them with high-efficiency pumps or reselecting the pump "
                    "size is often more effective than adding a frequency converter. Companies "
                    "should assess the pump, motor, pipe network and control method as a whole, "
                    "based on detailed measurements.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "smart-valve-assembly-line",
        "category": "company",
        "title": "第二工厂智能阀门装配线正式投产",
        "title_en": "Smart valve assembly line at the second plant goes into production",
        "summary": (
            "9月30日，公司第二工厂智能阀门装配线正式投产。新产线集成了自动拧紧、"
            "在线气密检测和条码追溯等功能，设计年产能为八万台套。"
        ),
        "summary_en": (
            "On 30 September the smart valve assembly line at the company's second plant "
            "officially went into production. The new line integrates automatic tightening, "
            "in-line leak testing and barcode traceability, with a design capacity of 80,000 units "
            "a year."
        ),
        "author": "赵一鸣",
        "author_en": "Zhao Yiming",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2025-09-30 09:00",
        "updated": "2025-10-02 11:28:45",
        "tags": ["智能制造", "阀门", "产能"],
        "tags_en": ["smart manufacturing", "valves", "production capacity"],
        "image": 4,
        "body": [
            (
                "paragraph",
                (
                    "<p>9月30日上午，公司第二工厂智能阀门装配线投产仪式在生产车间举行。"
                    "这条产线从规划到投产历时十个月，是公司近年来单项投资规模最大的技术改造项目。"
                    "</p>"
                ),
            ),
            ("heading", "自动化与全程可追溯"),
            (
                "paragraph",
                (
                    "<p>新产线由十二个工位组成，集成了伺服自动拧紧、在线气密检测、"
                    "激光打标和条码追溯等功能。每一台阀门的装配扭矩、试验压力和检验结果都会自动写入"
                    "生产执行系统，客户扫描产品铭牌上的二维码即可查询完整的出厂记录。</p>"
                ),
            ),
            ("image", {"image": 4, "caption": "智能阀门装配线上的在线气密检测工位"}),
            (
                "table",
                {
                    "caption": "新旧产线主要指标对比",
                    "rows": [
                        ["指标", "原有产线", "智能装配线"],
                        ["设计年产能（台套）", "45,000", "80,000"],
                        ["单台装配节拍（秒）", "150", "90"],
                        ["一次交检合格率", "98.2%", "99.6%"],
                        ["现场作业人员", "18人", "10人"],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>公司总经理表示，智能装配线投产后，电动调节阀和蝶阀产品的交货周期将明显缩短"
                    "。原产线的富余员工已全部转岗到设备维护和质量检验岗位，没有出现减员。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>On the morning of 30 September, a ceremony was held in the production "
                    "workshop to mark the start of production on the smart valve assembly line at "
                    "the company's second plant. It took ten months to go from planning to "
                    "production, and the line is the company's largest single technical upgrade "
                    "investment in recent years.</p>"
                ),
            ),
            ("heading", "Automation and end-to-end traceability"),
            (
                "paragraph",
                (
                    "<p>The new line consists of twelve stations and integrates servo-controlled "
                    "automatic tightening, in-line leak testing, laser marking and barcode "
                    "traceability. The assembly torque, test pressure and inspection results of "
                    "every valve are written automatically to the manufacturing execution system, "
                    "and customers can view the complete factory record by scanning the QR code on "
                    "the product nameplate.</p>"
                ),
            ),
            (
                "image",
                {
                    "image": 4,
                    "caption": "The in-line leak testing station on the smart valve assembly line",
                },
            ),
            (
                "table",
                {
                    "caption": "Key figures: old line versus new line",
                    "rows": [
                        ["Indicator", "Previous line", "Smart assembly line"],
                        ["Design capacity (units per year)", "45,000", "80,000"],
                        ["Assembly cycle time per unit (s)", "150", "90"],
                        ["First-pass yield", "98.2%", "99.6%"],
                        ["Operators on the line", "18", "10"],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>The general manager said that the new line will significantly shorten "
                    "delivery times for electric control valves and butterfly valves. All "
                    "operators no longer needed on the old line have moved to equipment "
                    "maintenance and quality inspection roles, and there have been no job cuts.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "pump-valve-exports-first-three-quarters",
        "category": "industry",
        "title": "前三季度泵阀出口形势分析：新兴市场成为增长主力",
        "title_en": (
            "Pump and valve exports in the first three quarters: emerging markets lead growth"
        ),
        "summary": (
            "本刊对八十家泵阀出口企业的抽样调查显示，今年前三季度受访企业出口保持增长，东南亚、"
            "中东和非洲等新兴市场成为主要增长来源，传统市场需求相对平稳。"
        ),
        "summary_en": (
            "A sample survey of eighty pump and valve exporters by this publication shows that the "
            "companies' exports kept growing in the first three quarters, with emerging markets "
            "such as Southeast Asia, the Middle East and Africa providing most of the growth while "
            "demand in traditional markets was relatively flat."
        ),
        "author": "郑佳宁",
        "author_en": "Zheng Jianing",
        "source_name": "《机电贸易观察》",
        "source_name_en": "Electromechanical Trade Observer",
        "source_url": "https://trade.example.com/reports/2025/q3-pumps-valves",
        "published": "2025-10-10 10:10",
        "updated": "2025-10-11 09:33:47",
        "tags": ["出口", "国际贸易", "市场分析"],
        "tags_en": ["exports", "international trade", "market analysis"],
        "image": 6,
        "body": [
            (
                "paragraph",
                (
                    "<p>本刊近期对八十家泵阀出口企业开展了抽样调查。结果显示，"
                    "今年前三季度受访企业的出口额合计同比增长约百分之十二，增速比去年同期有所加快。"
                    "</p>"
                ),
            ),
            (
                "table",
                {
                    "caption": "受访企业前三季度出口额同比变化（按目的地）",
                    "rows": [
                        ["目的地", "同比变化", "主要出口产品"],
                        ["东南亚", "+19%", "离心泵、潜水泵"],
                        ["中东", "+16%", "工业阀门、计量泵"],
                        ["非洲", "+14%", "小型水泵、灌溉泵"],
                        ["欧洲", "+4%", "阀门及零部件"],
                        ["北美", "+1%", "阀门零部件"],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>受访企业普遍认为，新兴市场的基础设施建设和工业化进程带来了持续的需求，"
                    "而欧美市场则更多受到能效法规和本地认证要求的影响，对产品的技术门槛明显提高。"
                    "</p>"
                ),
            ),
            ("heading", "企业面临的挑战"),
            (
                "paragraph",
                (
                    "<p>调查同时显示，汇率波动、海运成本变化以及目标市场认证周期较长，"
                    "是出口企业面临的主要挑战。约六成受访企业表示，正在加大对海外服务网点和本地团队"
                    "的投入。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>This publication recently carried out a sample survey of eighty pump and "
                    "valve exporters. The results show that the combined exports of the surveyed "
                    "companies grew by about 12 per cent year on year in the first three quarters, "
                    "faster than in the same period last year.</p>"
                ),
            ),
            (
                "table",
                {
                    "caption": (
                        "Year-on-year change in surveyed companies' exports, first three quarters "
                        "(by destination)"
                    ),
                    "rows": [
                        ["Destination", "Year-on-year change", "Main export products"],
                        ["Southeast Asia", "+19%", "Centrifugal pumps, submersible pumps"],
                        ["Middle East", "+16%", "Industrial valves, metering pumps"],
                        ["Africa", "+14%", "Small water pumps, irrigation pumps"],
                        ["Europe", "+4%", "Valves and components"],
                        ["North America", "+1%", "Valve components"],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>The surveyed companies generally believe that infrastructure construction "
                    "and industrialisation in emerging markets are generating sustained demand, "
                    "while European and North American markets are shaped more by energy "
                    "efficiency regulations and local certification requirements, which have "
                    "noticeably raised the technical bar for products.</p>"
                ),
            ),
            ("heading", "Challenges facing exporters"),
            (
                "paragraph",
                (
                    "<p>The survey also shows that exchange rate fluctuations, changing shipping "
                    "costs and long certification times in target markets are the main challenges "
                    "for exporters. About sixty per cent of the surveyed companies said they are "
                    "investing more in overseas service points and local teams.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "autumn-skills-training",
        "category": "company",
        "title": "秋季一线员工技能培训圆满结业",
        "title_en": "Autumn skills training for front-line employees concludes",
        "summary": (
            "为期六周的秋季一线员工技能培训日前结业，共有一百三十六名装配、"
            "机加工和检验岗位的员工参加，理论和实操考核通过率约为百分之九十四。"
        ),
        "summary_en": (
            "The six-week autumn skills training programme for front-line employees has concluded. "
            "A total of 136 employees from assembly, machining and inspection took part, and about "
            "94 per cent passed both the written and practical assessments."
        ),
        "author": "周雨桐",
        "author_en": "Zhou Yutong",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2025-10-25 13:30",
        "updated": "2025-10-25 18:06:52",
        "tags": ["培训", "人才培养", "员工"],
        "tags_en": ["training", "talent development", "employees"],
        "image": 5,
        "body": [
            (
                "paragraph",
                (
                    "<p>10月24日，公司秋季一线员工技能培训结业典礼在培训中心举行。"
                    "本期培训为期六周，共有一百三十六名来自装配、机加工和检验岗位的员工参加。</p>"
                ),
            ),
            ("heading", "课程设置"),
            (
                "paragraph",
                (
                    "<p>本期培训采用“课堂讲解加岗位实操”的方式，由公司内部技术骨干和外聘专家共同授"
                    "课，主要课程包括：</p><ul><li>泵阀基础知识与图纸识读</li><li>"
                    "精密量具的正确使用</li><li>装配工艺规范与常见缺陷分析</li><li>"
                    "安全生产与设备点检</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>经过理论考试和实操考核，共有一百二十八名学员顺利结业，"
                    "通过率约为百分之九十四。人力资源部表示，培训成绩将与岗位技能等级评定挂钩，"
                    "明年还将开设面向班组长的管理能力课程。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>On 24 October, the graduation ceremony for the company's autumn skills "
                    "training for front-line employees was held at the training center. The "
                    "programme ran for six weeks and was attended by 136 employees from assembly, "
                    "machining and inspection positions.</p>"
                ),
            ),
            ("heading", "Course content"),
            (
                "paragraph",
                (
                    "<p>The programme combined classroom teaching with hands-on practice at the "
                    "workstation and was taught jointly by the company's senior technical staff "
                    "and external experts. The main courses were:</p><ul><li>pump and valve "
                    "fundamentals and reading technical drawings</li><li>correct use of precision "
                    "measuring instruments</li><li>assembly process standards and analysis of "
                    "common defects</li><li>workplace safety and routine equipment checks</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>After the written examination and practical assessment, 128 trainees "
                    "completed the programme, a pass rate of about 94 per cent. The Human "
                    "Resources Department said the results will count towards job skill grading, "
                    "and a management skills course for team leaders will be added next year.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "low-leakage-valve-sealing-trends",
        "category": "industry",
        "title": "阀门密封材料新趋势：低泄漏成为硬指标",
        "title_en": "New trends in valve sealing materials: low leakage becomes a hard requirement",
        "summary": (
            "随着挥发性有机物治理不断深入，石化等行业对阀门外漏控制的要求日益严格，低泄漏填料、"
            "新型弹性体和动载密封结构正在加快推广应用。"
        ),
        "summary_en": (
            "As controls on volatile organic compounds tighten, petrochemical and other industries "
            "are setting ever stricter limits on external valve leakage, and low-leakage packing, "
            "new elastomers and live-loaded sealing designs are being adopted more quickly."
        ),
        "author": "陈启明",
        "author_en": "Chen Qiming",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2025-11-18 14:40",
        "updated": "2025-11-18 20:02:15",
        "tags": ["阀门", "密封技术", "环保"],
        "tags_en": ["valves", "sealing technology", "environmental protection"],
        "image": 7,
        "body": [
            (
                "paragraph",
                (
                    "<p>阀门泄漏分为内漏和外漏两类。过去，用户更关注阀门关闭后的内漏等级；如今，"
                    "随着挥发性有机物治理的不断深入，阀杆填料和法兰连接处的外漏同样成为石化、"
                    "化工企业关注的重点。</p>"
                ),
            ),
            ("heading", "材料与结构同步升级"),
            (
                "paragraph",
                (
                    "<p>在材料方面，改性石墨填料、低摩擦复合材料和耐高温的新型弹性体正在逐步替代传"
                    "统填料。在结构方面，带碟簧补偿的动载填料结构能够在温度和压力波动时保持稳定的密"
                    "封比压，从而延长维护周期。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>业内人士指出，低泄漏阀门的竞争不仅在于材料本身，"
                    "更在于加工精度和型式试验能力。具备完整逸散性泄漏检测手段的企业，"
                    "更容易进入大型石化项目的合格供应商名单。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>Valve leakage falls into two categories: internal and external. In the "
                    "past, users paid most attention to the internal leakage class of a closed "
                    "valve. Today, as controls on volatile organic compounds continue to tighten, "
                    "external leakage at the stem packing and flange joints has also become a key "
                    "concern for petrochemical and chemical companies.</p>"
                ),
            ),
            ("heading", "Materials and designs upgraded together"),
            (
                "paragraph",
                (
                    "<p>On the materials side, modified graphite packing, low-friction composites "
                    "and new high-temperature elastomers are gradually replacing traditional "
                    "packing. On the design side, live-loaded packing arrangements with disc "
                    "springs keep the sealing stress stable when temperature and pressure "
                    "fluctuate, extending maintenance intervals.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Industry insiders point out that competition in low-leakage valves depends "
                    "not only on the materials themselves but even more on machining precision and "
                    "type-testing capability. Companies with complete fugitive emission testing "
                    "facilities find it easier to get onto the approved supplier lists of large "
                    "petrochemical projects.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "school-water-purifier-donation",
        "category": "company",
        "title": "青禾志愿者走进山区小学 捐建饮用水净化设备",
        "title_en": (
            "Qinghe volunteers visit a mountain primary school and donate drinking water "
            "purification equipment"
        ),
        "summary": (
            "12月初，公司二十名志愿者来到一所山区小学，为学校安装了一套由公司捐赠的饮用水净化设备，"
            "并开展节水科普课堂，让三百多名师生喝上更安全的饮用水。"
        ),
        "summary_en": (
            "In early December, twenty company volunteers visited a primary school in the "
            "mountains, installed a drinking water purification system donated by the company and "
            "gave a water-saving science class, giving more than 300 pupils and teachers safer "
            "drinking water."
        ),
        "author": "林晓岚",
        "author_en": "Lin Xiaolan",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2025-12-03 15:10",
        "updated": "2025-12-04 08:47:19",
        "tags": ["公益", "志愿服务", "饮用水"],
        "tags_en": ["charity", "volunteering", "drinking water"],
        "image": 6,
        "body": [
            (
                "paragraph",
                (
                    "<p>12月2日，由二十名员工组成的青禾志愿服务队驱车三个多小时，"
                    "来到一所位于山区的乡村小学。学校此前主要依靠山泉水作为饮用水源，"
                    "雨季时水质浑浊，师生的饮水安全存在隐患。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>志愿者们与当地施工人员一起，为学校安装了一套由公司捐赠的饮用水净化设备，"
                    "包括增压水泵、多级过滤装置和紫外线消毒模块，每小时可以提供约一立方米的直饮水。"
                    "设备还配有简易的水质显示屏，方便学校进行日常管理。</p>"
                ),
            ),
            ("heading", "一堂特别的节水课"),
            (
                "paragraph",
                (
                    "<p>安装完成后，公司的两名工程师为孩子们上了一堂节水科普课，"
                    "用透明管道和小水泵演示了自来水从水源到水龙头的旅程。孩子们争相动手操作，"
                    "课堂气氛十分热烈。公司工会表示，今后将把这类公益活动常态化，"
                    "每年至少走访两所乡村学校。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>On 2 December, a volunteer team of twenty Qinghe employees drove for more "
                    "than three hours to a rural primary school in the mountains. The school had "
                    "relied mainly on spring water for drinking, which turned cloudy in the rainy "
                    "season and posed a risk to the health of pupils and teachers.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Working with local builders, the volunteers installed a drinking water "
                    "purification system donated by the company. It consists of a booster pump, a "
                    "multi-stage filtration unit and an ultraviolet disinfection module, and can "
                    "supply about one cubic metre of drinking water per hour. The system also has "
                    "a simple water quality display to make day-to-day management easier for the "
                    "school.</p>"
                ),
            ),
            ("heading", "A special lesson on saving water"),
            (
                "paragraph",
                (
                    "<p>After the installation, two of the company's engineers gave the children a "
                    "science class on saving water, using transparent pipes and a small pump to "
                    "show how tap water travels from its source to the tap. The children eagerly "
                    "took turns operating the model, and the classroom was full of excitement. The "
                    "company's trade union said it will make such charity activities a regular "
                    "fixture, visiting at least two rural schools every year.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "rural-water-supply-small-pumps",
        "category": "industry",
        "title": "农村供水工程进入提质阶段 小型水泵迎来新机遇",
        "title_en": (
            "Rural water supply enters a quality-improvement phase, bringing new opportunities for "
            "small pumps"
        ),
        "summary": (
            "农村供水正从“有水喝”向“喝好水”转变，规模化供水和老旧管网改造持续推进，"
            "小型高效水泵和一体化供水设备的需求随之持续增长。"
        ),
        "summary_en": (
            "Rural water supply is shifting from simply having water to having good water. As "
            "large-scale supply schemes and the renovation of old pipe networks continue, demand "
            "for small high-efficiency pumps and integrated water supply units keeps growing."
        ),
        "author": "孙晓梅",
        "author_en": "Sun Xiaomei",
        "source_name": "《乡村水利通讯》",
        "source_name_en": "Rural Water Newsletter",
        "source_url": "https://news.example.org/2025/12/rural-water-supply",
        "published": "2025-12-20 09:00",
        "updated": "2025-12-22 10:40:05",
        "tags": ["农村供水", "水泵", "基础设施"],
        "tags_en": ["rural water supply", "pumps", "infrastructure"],
        "image": 0,
        "body": [
            (
                "paragraph",
                (
                    "<p>经过多年建设，农村供水工程已经基本解决了“有没有水”的问题，"
                    "目前正在向“水好不好、稳不稳”的提质阶段转变。各地纷纷推进城乡供水一体化和规模化"
                    "供水工程，并加快改造老旧管网和小型水厂。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>在这一过程中，小型供水站对水泵的需求呈现出新的特点："
                    "一是更加看重运行能效和维护便利性；二是希望设备能够无人值守，并支持远程监测；"
                    "三是对一体化、模块化成套供水设备的接受度明显提高。</p>"
                ),
            ),
            ("heading", "服务能力决定竞争力"),
            (
                "paragraph",
                (
                    "<p>农村供水站点分散，专业运维人员不足，这对设备供应商的服务网络提出了挑战。"
                    "业内人士建议，企业在提供可靠产品的同时，应加强与地方水务公司的合作，"
                    "通过远程运维和定期巡检降低用户的使用门槛。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>After years of construction, rural water supply schemes have largely "
                    "solved the question of whether there is water at all, and are now moving into "
                    "a phase that focuses on whether the water is good and the supply reliable. "
                    "Local governments are promoting integrated urban-rural water supply and "
                    "large-scale supply schemes and speeding up the renovation of old pipe "
                    "networks and small waterworks.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In this process, small water supply stations have new requirements for "
                    "pumps: first, they care more about operating efficiency and ease of "
                    "maintenance; second, they want equipment that can run unattended and supports "
                    "remote monitoring; and third, they are far more willing to accept integrated, "
                    "modular water supply packages.</p>"
                ),
            ),
            ("heading", "Service capability decides competitiveness"),
            (
                "paragraph",
                (
                    "<p>Rural water supply sites are widely scattered and short of professional "
                    "operators, which challenges equipment suppliers' service networks. Industry "
                    "insiders suggest that, besides providing reliable products, companies should "
                    "work more closely with local water utilities and make equipment easier for "
                    "users to run through remote operations support and regular inspections.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "annual-customer-conference-2026",
        "category": "company",
        "title": "2026年度客户大会召开 携手合作伙伴共谋发展",
        "title_en": "2026 annual customer conference brings partners together to plan for growth",
        "summary": (
            "1月8日，公司2026年度客户大会在杭州召开，一百五十余位客户和供应商代表齐聚一堂，"
            "回顾过去一年的合作成果，共同探讨流体设备行业的发展方向。"
        ),
        "summary_en": (
            "On 8 January the company's 2026 annual customer conference took place in Hangzhou. "
            "More than 150 customer and supplier representatives gathered to review the past "
            "year's cooperation and discuss the direction of the fluid equipment industry."
        ),
        "author": "王建华",
        "author_en": "Wang Jianhua",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-01-09 10:30",
        "updated": "2026-01-09 17:55:03",
        "tags": ["客户大会", "合作伙伴", "服务承诺"],
        "tags_en": ["customer conference", "partners", "service commitment"],
        "image": 7,
        "body": [
            (
                "paragraph",
                (
                    "<p>1月8日，青禾流体2026年度客户大会在杭州召开。"
                    "来自全国各地的一百五十余位客户和供应商代表参加会议，"
                    "共同回顾过去一年的合作成果。</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "过去一年，我们的每一点进步都离不开客户的信任和伙伴的支持。新的一年，"
                        "我们会把更多资源投入到产品可靠性和服务响应速度上。"
                    ),
                    "attribution": "沈国栋，青禾流体董事长",
                },
            ),
            ("heading", "发布新一年服务承诺"),
            (
                "paragraph",
                (
                    "<p>会上，公司发布了新一年的服务承诺：在重点城市实现四小时内响应、"
                    "二十四小时内到场，并将核心产品的质保期由十八个月延长至二十四个月。"
                    "公司还为十家年度优秀合作伙伴颁发了奖牌。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>在下午的分论坛上，技术中心和市场部分别介绍了智能泵站、"
                    "节能改造和海外市场的最新进展，与会代表围绕产品选型和联合开发等话题展开了热烈讨"
                    "论。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>On 8 January, Qinghe Fluid's 2026 annual customer conference was held in "
                    "Hangzhou. More than 150 customer and supplier representatives from across the "
                    "country attended to review the results of the past year's cooperation.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Every bit of progress we made last year depended on the trust of our "
                        "customers and the support of our partners. In the new year we will put "
                        "more resources into product reliability and faster service response."
                    ),
                    "attribution": "Shen Guodong, Chairman, Qinghe Fluid",
                },
            ),
            ("heading", "Service commitments for the new year"),
            (
                "paragraph",
                (
                    "<p>At the conference, the company announced its service commitments for the "
                    "new year: a response within four hours and an engineer on site within 24 "
                    "hours in key cities, and an extension of the warranty on core products from "
                    "18 to 24 months. The company also presented awards to ten outstanding "
                    "partners of the year.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In the afternoon breakout sessions, the technology center and the "
                    "Marketing Department presented the latest developments in smart pump "
                    "stations, energy-saving retrofits and overseas markets, and participants held "
                    "lively discussions on product selection, joint development and other "
                    "topics.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "digital-twin-pump-station-operations",
        "category": "industry",
        "title": "数字孪生技术如何改变泵站运维",
        "title_en": "How digital twin technology is changing pump station operations",
        "summary": (
            "数字孪生技术在虚拟空间中构建泵站的实时映像，帮助运营者开展能耗优化、"
            "故障预测和运行仿真，正在成为智慧水务建设的重要方向。"
        ),
        "summary_en": (
            "Digital twin technology builds a real-time virtual replica of a pump station, helping "
            "operators optimise energy use, predict faults and simulate operations. It is becoming "
            "an important part of smart water management."
        ),
        "author": "郭晨",
        "author_en": "Guo Chen",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-01-27 16:30",
        "updated": "2026-01-28 09:14:39",
        "tags": ["数字孪生", "智慧水务", "泵站"],
        "tags_en": ["digital twin", "smart water", "pump station"],
        "image": 1,
        "body": [
            (
                "paragraph",
                (
                    "<p>所谓数字孪生，是指在计算机中建立一个与实体设备同步运行的虚拟模型。"
                    "对于泵站来说，这一模型融合了水泵性能曲线、管网水力模型和实时运行数据，"
                    "能够直观反映每一台设备的工作状态。</p>"
                ),
            ),
            ("image", {"image": 1, "caption": "泵站数字孪生系统界面示意"}),
            ("heading", "三类典型应用"),
            (
                "paragraph",
                (
                    "<p>目前，数字孪生在泵站中的应用主要有三类：</p><ul><li><strong>"
                    "能耗优化</strong>：根据用水需求自动计算最优的开泵组合和转速</li><li><strong>"
                    "故障预测</strong>：对比模型预测值与实测值，及早发现性能衰退</li><li><strong>"
                    "运行仿真</strong>：在调度方案实施前进行模拟，降低操作风险</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>不过，数字孪生的效果在很大程度上取决于数据质量和模型精度。业内专家建议，"
                    "泵站在建设初期就应统一传感器配置和数据标准，并为老旧设备制定分步改造计划，"
                    "避免出现“重平台、轻数据”的情况。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>A digital twin is a virtual model built on a computer that runs in step "
                    "with the physical equipment. For a pump station, the model combines pump "
                    "performance curves, a hydraulic model of the pipe network and real-time "
                    "operating data, giving a clear picture of how each unit is performing.</p>"
                ),
            ),
            (
                "image",
                {"image": 1, "caption": "Illustration of a pump station digital twin interface"},
            ),
            ("heading", "Three typical applications"),
            (
                "paragraph",
                (
                    "<p>Digital twins are currently used in pump stations in three main ways:</p>"
                    "<ul><li><strong>Energy optimisation</strong>: automatically calculating the "
                    "best combination of running pumps and their speeds based on water demand</li>"
                    "<li><strong>Fault prediction</strong>: comparing predicted and measured "
                    "values to detect performance degradation early</li><li><strong>Operational "
                    "simulation</strong>: simulating dispatch plans before they are carried out to "
                    "reduce operating risks</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>However, the value of a digital twin depends heavily on data quality and "
                    "model accuracy. Industry experts recommend standardising sensor "
                    "configurations and data formats from the early stages of pump station "
                    "construction and drawing up step-by-step upgrade plans for older equipment, "
                    "so as to avoid focusing on the platform while neglecting the data.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "riverside-wastewater-plant-pump-delivery",
        "category": "company",
        "title": "沿江污水处理厂提升泵组项目顺利交付",
        "title_en": (
            "Lift pump package for a riverside wastewater treatment plant delivered ahead of "
            "schedule"
        ),
        "summary": (
            "2月下旬，公司为一座沿江城市污水处理厂提供的进水提升泵组完成安装调试并通过业主验收，"
            "项目包括六台大流量潜水排污泵及配套变频控制系统。"
        ),
        "summary_en": (
            "In late February, the influent lift pump package supplied by the company to a "
            "riverside municipal wastewater treatment plant completed installation and "
            "commissioning and passed the owner's acceptance. The project comprises six high-flow "
            "submersible sewage pumps and a matching variable-frequency control system."
        ),
        "author": "赵一鸣",
        "author_en": "Zhao Yiming",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-02-26 11:15",
        "updated": "2026-02-27 09:30:26",
        "tags": ["污水处理", "项目交付", "潜水排污泵"],
        "tags_en": ["wastewater treatment", "project delivery", "submersible sewage pump"],
        "image": 2,
        "body": [
            (
                "paragraph",
                (
                    "<p>2月25日，公司为一座沿江城市污水处理厂提供的进水提升泵组项目通过业主验收。"
                    "该厂设计处理规模为每日十万立方米，此次改造的目的是提高雨季进水高峰时段的提升能"
                    "力。</p>"
                ),
            ),
            ("heading", "项目概况"),
            (
                "table",
                {
                    "caption": "项目主要设备",
                    "rows": [
                        ["设备", "数量", "主要参数"],
                        ["大流量潜水排污泵", "6台", "流量1200 m³/h，扬程15 m"],
                        ["变频控制柜", "3套", "每套控制两台水泵"],
                        ["液位监测与远程通信模块", "1套", "接入厂区中控系统"],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>由于现场施工必须在不停产的条件下进行，项目团队与业主共同制定了分批切换方案"
                    "，利用夜间低流量时段逐台完成新旧设备的更换。整个安装调试周期为二十六天，"
                    "比合同约定提前四天完成。</p>"
                ),
            ),
            ("image", {"image": 2, "caption": "安装完成的潜水排污泵组和变频控制柜"}),
            (
                "paragraph",
                (
                    "<p>新泵组投入运行后，每立方米污水的提升电耗比原有设备下降约百分之十五。"
                    "在质保期内，公司将每季度安排一次现场巡检，并通过远程平台持续监测设备运行状态。"
                    "</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>On 25 February, the influent lift pump package supplied by the company to "
                    "a riverside municipal wastewater treatment plant passed the owner's "
                    "acceptance. The plant has a design capacity of 100,000 cubic metres per day, "
                    "and the upgrade was intended to increase its pumping capacity during peak "
                    "inflows in the rainy season.</p>"
                ),
            ),
            ("heading", "Project overview"),
            (
                "table",
                {
                    "caption": "Main equipment supplied",
                    "rows": [
                        ["Equipment", "Quantity", "Main parameters"],
                        ["High-flow submersible sewage pump", "6", "Flow 1,200 m³/h, head 15 m"],
                        [
                            "Variable-frequency control cabinet",
                            "3 sets",
                            "Each set controls two pumps",
                        ],
                        [
                            "Level monitoring and remote communication module",
                            "1 set",
                            "Connected to the plant's central control system",
                        ],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>Because the work had to be carried out without interrupting operation, the "
                    "project team and the owner drew up a phased changeover plan, replacing the "
                    "old pumps one at a time during low-flow periods at night. Installation and "
                    "commissioning took 26 days in total, four days ahead of the contract "
                    "schedule.</p>"
                ),
            ),
            (
                "image",
                {
                    "image": 2,
                    "caption": (
                        "The installed submersible sewage pumps and variable-frequency control "
                        "cabinets"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Since the new pumps went into operation, the electricity used to lift each "
                    "cubic metre of wastewater has fallen by about 15 per cent compared with the "
                    "old equipment. During the warranty period the company will carry out an "
                    "on-site inspection every quarter and continuously monitor the equipment "
                    "through its remote platform.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "cooling-water-energy-retrofit-cases",
        "category": "industry",
        "title": "工业园区循环冷却水系统节能改造案例观察",
        "title_en": (
            "Case studies: energy-saving retrofits of cooling water systems in an industrial park"
        ),
        "summary": (
            "循环冷却水系统是工业企业的用电大户。本文通过同一园区内三家企业的改造案例，"
            "分析水泵重新选型、变频控制和管网优化等措施的实际节能效果。"
        ),
        "summary_en": (
            "Circulating cooling water systems are among the largest electricity consumers in "
            "industrial companies. Using retrofit cases at three companies in the same industrial "
            "park, this article examines the real savings from pump reselection, "
            "variable-frequency control and pipe network optimisation."
        ),
        "author": "赵一鸣",
        "author_en": "Zhao Yiming",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-03-11 10:50",
        "updated": "2026-03-11 17:26:03",
        "tags": ["节能", "循环水", "案例分析"],
        "tags_en": ["energy saving", "circulating water", "case study"],
        "image": 2,
        "body": [
            (
                "paragraph",
                (
                    "<p>在化工、冶金和食品等行业，循环冷却水系统的耗电量通常占工厂总用电量的一成以"
                    "上。由于设备运行时间长、负荷变化大，这一系统也成为节能改造的重点对象。</p>"
                ),
            ),
            ("heading", "三个改造案例"),
            (
                "table",
                {
                    "caption": "某工业园区三家企业循环水系统改造效果",
                    "rows": [
                        ["企业类型", "主要改造措施", "年节电量（万千瓦时）", "投资回收期"],
                        ["精细化工企业", "更换高效水泵并重新选型", "42", "1.6年"],
                        ["食品加工企业", "加装变频控制并优化运行台数", "18", "1.1年"],
                        ["金属制品企业", "管网改造与冷却塔风机变频", "27", "2.3年"],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>从案例中可以看出，不同企业的最佳改造路径并不相同。设备选型偏大的企业，"
                    "通过重新选型往往能取得最显著的效果；负荷波动较大的企业，"
                    "则更适合采用变频控制和智能台数调节。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>值得注意的是，三家企业在改造前都进行了两周以上的现场测试，"
                    "掌握了真实的流量、压力和能耗数据。专家认为，“先测试、后改造”"
                    "是确保节能效果的关键。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>In the chemical, metallurgical and food industries, circulating cooling "
                    "water systems typically account for more than a tenth of a plant's total "
                    "electricity use. Because the equipment runs for long hours under widely "
                    "varying loads, these systems have become a key target for energy-saving "
                    "retrofits.</p>"
                ),
            ),
            ("heading", "Three retrofit cases"),
            (
                "table",
                {
                    "caption": (
                        "Results of cooling water system retrofits at three companies in an "
                        "industrial park"
                    ),
                    "rows": [
                        [
                            "Type of company",
                            "Main retrofit measures",
                            "Annual electricity savings (MWh)",
                            "Payback period",
                        ],
                        [
                            "Fine chemicals",
                            "Pumps reselected and replaced with high-efficiency models",
                            "420",
                            "1.6 years",
                        ],
                        [
                            "Food processing",
                            (
                                "Variable-frequency control added and number of running pumps "
                                "optimised"
                            ),
                            "180",
                            "1.1 years",
                        ],
                        [
                            "Metal products",
                            "Pipe network renovation and variable-frequency cooling tower fans",
                            "270",
                            "2.3 years",
                        ],
                    ],
                },
            ),
            (
                "paragraph",
                (
                    "<p>The cases show that the best retrofit path differs from company to "
                    "company. Where equipment is oversized, reselecting the pumps often brings the "
                    "largest savings; where loads fluctuate strongly, variable-frequency control "
                    "and smart control of the number of running pumps are a better fit.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Notably, all three companies carried out more than two weeks of on-site "
                    "measurements before the retrofit to obtain real flow, pressure and energy "
                    "data. Experts consider “measure first, then retrofit” the key to achieving "
                    "the expected savings.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "provincial-rd-center-recognition",
        "category": "company",
        "title": "公司技术中心获评省级企业研发中心",
        "title_en": "Company technology center recognized as a provincial enterprise R&D center",
        "summary": (
            "近日，公司技术中心通过专家评审，获评省级企业研发中心。"
            "这是对公司多年来在高效水力设计和智能控制领域持续投入的肯定，"
            "也为下一步研发工作提供了新的平台。"
        ),
        "summary_en": (
            "The company's technology center has passed an expert review and been recognized as a "
            "provincial enterprise R&D center. The recognition acknowledges the company's "
            "sustained investment in high-efficiency hydraulic design and intelligent control and "
            "provides a new platform for future research."
        ),
        "author": "陈启明",
        "author_en": "Chen Qiming",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-04-02 09:45",
        "updated": "2026-04-03 14:20:11",
        "tags": ["研发", "技术中心", "荣誉"],
        "tags_en": ["research and development", "technology center", "awards"],
        "image": 5,
        "body": [
            (
                "paragraph",
                (
                    "<p>近日，省级主管部门公布了新一批省级企业研发中心名单，"
                    "青禾流体技术中心名列其中。评审专家组对中心的研发投入、人才结构、"
                    "试验条件和成果转化等情况进行了综合评估。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>公司技术中心成立于2023年，现有研发人员一百二十余名，建有水力性能试验台、"
                    "阀门流阻试验装置和电气控制实验室。近三年来，中心累计获得授权专利四十余项，"
                    "主导或参与制定团体标准三项。</p>"
                ),
            ),
            ("heading", "下一步研究方向"),
            (
                "paragraph",
                (
                    "<p>技术中心负责人表示，中心将以此次获评为契机，重点推进以下三个方向的研究："
                    "</p><ul><li>面向中小流量场景的高效水力模型</li><li>"
                    "低泄漏阀门密封结构与新材料</li><li>基于运行数据的泵组故障预测算法</li></ul>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>The provincial authorities recently published a new list of provincial "
                    "enterprise R&amp;D centers, and the Qinghe Fluid technology center was among "
                    "them. The expert panel assessed the center's research investment, staff "
                    "structure, testing facilities and record of turning research into "
                    "products.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Founded in 2023, the technology center has more than 120 research staff "
                    "and is equipped with a hydraulic performance test rig, a valve flow "
                    "resistance test unit and an electrical control laboratory. Over the past "
                    "three years the center has been granted more than forty patents and has led "
                    "or taken part in drafting three association standards.</p>"
                ),
            ),
            ("heading", "Next research priorities"),
            (
                "paragraph",
                (
                    "<p>The head of the technology center said the center will use this "
                    "recognition as an opportunity to focus on three areas of research:</p><ul><li>"
                    "high-efficiency hydraulic designs for small and medium flow applications</li>"
                    "<li>low-leakage valve sealing structures and new materials</li><li>fault "
                    "prediction algorithms for pump sets based on operating data</li></ul>"
                ),
            ),
        ],
    },
    {
        "slug": "hydrogen-storage-special-valves",
        "category": "industry",
        "title": "氢能与储能产业发展拉动特种阀门需求",
        "title_en": (
            "Growth of hydrogen and energy storage industries drives demand for special valves"
        ),
        "summary": (
            "氢能制储运和新型储能项目的建设，对高压、超低温和耐腐蚀特种阀门提出了大量需求。"
            "这一细分市场技术门槛高，国内企业正在加快研发和验证。"
        ),
        "summary_en": (
            "The construction of hydrogen production, storage and transport facilities and new "
            "energy storage projects is creating strong demand for high-pressure, cryogenic and "
            "corrosion-resistant special valves. Technical barriers in this niche are high, and "
            "domestic manufacturers are speeding up development and validation."
        ),
        "author": "周文涛",
        "author_en": "Zhou Wentao",
        "source_name": "《新能源装备评论》",
        "source_name_en": "New Energy Equipment Review",
        "source_url": "https://www.example.com/review/2026/04/hydrogen-valves",
        "published": "2026-04-20 13:15",
        "updated": "2026-04-21 08:49:27",
        "tags": ["特种阀门", "氢能", "新能源"],
        "tags_en": ["special valves", "hydrogen", "new energy"],
        "image": 3,
        "body": [
            (
                "paragraph",
                (
                    "<p>近年来，氢能和新型储能产业快速发展，一批制氢、加氢和储能示范项目相继建成。"
                    "这些项目所用阀门的工作条件与传统工业阀门差异较大，对产品性能提出了新的挑战。"
                    "</p>"
                ),
            ),
            ("heading", "特殊工况带来新要求"),
            (
                "paragraph",
                (
                    "<p>在氢气输送环节，阀门需要在高压条件下长期保持极低的泄漏率，"
                    "同时防止材料发生氢脆；在液氢等低温储运环节，阀门必须经受超低温带来的材料收缩和"
                    "密封失效风险；而液流电池等储能系统则要求阀门具备良好的耐腐蚀性能。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>业内人士表示，特种阀门研发周期长、验证成本高，"
                    "但产品附加值也明显高于通用阀门。对于有意进入这一领域的企业来说，"
                    "与项目业主开展联合试验、积累现场运行数据，是打开市场的重要途径。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>In recent years the hydrogen and new energy storage industries have grown "
                    "rapidly, and a number of demonstration projects for hydrogen production, "
                    "refuelling and energy storage have been completed. The valves used in these "
                    "projects operate under conditions very different from those of conventional "
                    "industrial valves, posing new challenges for product performance.</p>"
                ),
            ),
            ("heading", "Special operating conditions bring new requirements"),
            (
                "paragraph",
                (
                    "<p>In hydrogen transport, valves must maintain extremely low leakage rates "
                    "under high pressure over long periods while preventing hydrogen embrittlement "
                    "of materials. In cryogenic storage and transport, such as for liquid "
                    "hydrogen, valves must withstand the risks of material shrinkage and seal "
                    "failure caused by extremely low temperatures. Energy storage systems such as "
                    "flow batteries, meanwhile, require valves with good corrosion resistance.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Industry insiders say that special valves take a long time to develop and "
                    "are expensive to validate, but they also carry much higher added value than "
                    "general-purpose valves. For companies wishing to enter the field, running "
                    "joint trials with project owners and accumulating field operating data is an "
                    "important way to open up the market.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "southeast-asia-export-growth",
        "category": "company",
        "title": "东南亚订单稳步增长 一季度出口额同比提升两成",
        "title_en": (
            "Orders from Southeast Asia grow steadily as first-quarter exports rise by a fifth"
        ),
        "summary": (
            "今年一季度，公司出口额同比增长约百分之二十一，其中东南亚市场贡献最大。"
            "海外团队通过本地化服务和提前准备市场认证，逐步打开了市政供水和工业项目市场。"
        ),
        "summary_en": (
            "The company's exports grew by about 21 per cent year on year in the first quarter, "
            "with Southeast Asia contributing the most. Through local service and early "
            "preparation of market certifications, the overseas team has gradually opened up "
            "municipal water supply and industrial project markets."
        ),
        "author": "王建华",
        "author_en": "Wang Jianhua",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-05-14 16:00",
        "updated": "2026-05-15 10:41:58",
        "tags": ["出口", "海外市场", "东南亚"],
        "tags_en": ["exports", "overseas markets", "Southeast Asia"],
        "image": 6,
        "body": [
            (
                "paragraph",
                (
                    "<p>根据公司财务部门的统计，今年一季度公司出口额同比增长约百分之二十一，"
                    "占销售总额的比重提升至百分之二十八。其中，东南亚市场增长最为明显，"
                    "已经成为公司最大的海外市场。</p>"
                ),
            ),
            (
                "table",
                {
                    "caption": "一季度出口额分区域构成",
                    "rows": [
                        ["区域", "占出口额比重", "同比变化"],
                        ["东南亚", "46%", "+32%"],
                        ["中东", "21%", "+15%"],
                        ["南美", "17%", "+9%"],
                        ["非洲及其他地区", "16%", "+12%"],
                    ],
                },
            ),
            ("heading", "本地化服务初见成效"),
            (
                "paragraph",
                (
                    "<p>海外业务负责人介绍，公司去年在东南亚设立了两个备件仓库，"
                    "并与当地合作伙伴共建服务网点，客户等待备件的时间由原来的四周缩短到一周以内。"
                    "同时，公司提前完成了多款产品的目标市场认证，为参与市政供水项目投标创造了条件。"
                    "</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>下一步，公司计划在中东市场复制这一模式，并针对高温、"
                    "高含沙等特殊工况开发专用产品。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>According to the company's finance department, exports grew by about 21 "
                    "per cent year on year in the first quarter and rose to 28 per cent of total "
                    "sales. Growth was strongest in Southeast Asia, which has become the company's "
                    "largest overseas market.</p>"
                ),
            ),
            (
                "table",
                {
                    "caption": "First-quarter exports by region",
                    "rows": [
                        ["Region", "Share of exports", "Year-on-year change"],
                        ["Southeast Asia", "46%", "+32%"],
                        ["Middle East", "21%", "+15%"],
                        ["South America", "17%", "+9%"],
                        ["Africa and other regions", "16%", "+12%"],
                    ],
                },
            ),
            ("heading", "Local service begins to pay off"),
            (
                "paragraph",
                (
                    "<p>The head of overseas business explained that last year the company set up "
                    "two spare parts warehouses in Southeast Asia and built service points "
                    "together with local partners, cutting customers' waiting time for spare parts "
                    "from four weeks to less than one. At the same time, the company completed "
                    "target-market certification for several products ahead of time, making it "
                    "possible to bid for municipal water supply projects.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Next, the company plans to replicate this model in the Middle East and to "
                    "develop dedicated products for demanding conditions such as high temperatures "
                    "and water with a high sand content.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "association-skills-training-guidelines",
        "category": "industry",
        "title": "行业协会发布泵阀企业技能培训指南",
        "title_en": (
            "Industry association publishes skills training guidelines for pump and valve companies"
        ),
        "summary": (
            "一家区域性流体机械行业协会近日发布泵阀企业技能培训指南，针对装配、"
            "检测和现场服务等关键岗位提出了分级培训内容和考核建议，引导企业加强技能人才培养。"
        ),
        "summary_en": (
            "A regional fluid machinery industry association has published skills training "
            "guidelines for pump and valve companies, setting out tiered training content and "
            "assessment recommendations for key roles in assembly, testing and field service to "
            "help companies develop skilled workers."
        ),
        "author": "周雨桐",
        "author_en": "Zhou Yutong",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-05-29 09:20",
        "updated": "2026-05-29 14:37:50",
        "tags": ["培训", "技能人才", "行业协会"],
        "tags_en": ["training", "skilled workers", "industry association"],
        "image": 5,
        "body": [
            (
                "paragraph",
                (
                    "<p>近日，一家区域性流体机械行业协会发布了泵阀企业技能培训指南。"
                    "指南针对装配钳工、检测试验员和现场服务工程师等关键岗位，"
                    "提出了分级培训内容和考核建议。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>指南指出，随着产品向高效化、智能化方向发展，"
                    "一线员工不仅需要掌握传统的装配和测量技能，还需要了解变频控制、"
                    "传感器和数据采集等新知识。现场服务人员则应具备能效测试和故障诊断能力。</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "设备可以买，但会用设备、懂工艺的人只能靠自己培养。"
                        "技能人才是泵阀企业最难被复制的竞争力。"
                    ),
                    "attribution": "吴海涛，行业协会专家委员会委员",
                },
            ),
            ("heading", "企业反应积极"),
            (
                "paragraph",
                (
                    "<p>多家企业表示，将参照指南修订内部培训体系，并与职业院校合作开设订单班。"
                    "青禾流体人力资源部也表示，公司将把指南中的分级考核要求纳入明年的员工技能等级评"
                    "定方案。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>A regional fluid machinery industry association recently published skills "
                    "training guidelines for pump and valve companies. The guidelines set out "
                    "tiered training content and assessment recommendations for key roles such as "
                    "assembly fitters, test technicians and field service engineers.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The guidelines note that as products become more efficient and more "
                    "intelligent, front-line employees need not only traditional assembly and "
                    "measurement skills but also new knowledge of variable-frequency control, "
                    "sensors and data acquisition. Field service staff should be able to carry out "
                    "energy efficiency tests and fault diagnosis.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "You can buy equipment, but people who know how to use it and understand "
                        "the process can only be developed in-house. Skilled workers are the "
                        "hardest competitive advantage for a pump and valve company to copy."
                    ),
                    "attribution": "Wu Haitao, member of the association's expert committee",
                },
            ),
            ("heading", "A positive response from companies"),
            (
                "paragraph",
                (
                    "<p>Several companies said they will revise their internal training systems in "
                    "line with the guidelines and work with vocational colleges to run dedicated "
                    "training classes. The Human Resources Department of Qinghe Fluid also said "
                    "the company will build the guidelines' tiered assessment requirements into "
                    "next year's employee skill grading scheme.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "explosion-proof-control-valve-certified",
        "category": "company",
        "title": "QV系列电动调节阀门通过防爆认证",
        "title_en": "QV series electric control valves obtain explosion-proof certification",
        "summary": (
            "公司QV系列电动调节阀的防爆型产品日前通过检验机构的全部型式试验并取得防爆合格证书，"
            "可用于石油化工等存在爆炸性气体环境的场所。"
        ),
        "summary_en": (
            "The explosion-proof version of the company's QV series electric control valves has "
            "passed all type tests at an inspection body and received an explosion-proof "
            "certificate, allowing it to be used in petrochemical plants and other locations with "
            "explosive gas atmospheres."
        ),
        "author": "赵一鸣",
        "author_en": "Zhao Yiming",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-06-18 10:20",
        "updated": "2026-06-18 16:33:40",
        "tags": ["阀门", "防爆", "认证"],
        "tags_en": ["valves", "explosion-proof", "certification"],
        "image": 4,
        "body": [
            (
                "paragraph",
                (
                    "<p>近日，公司QV系列电动调节阀的防爆型产品通过了检验机构的全部型式试验，"
                    "正式取得防爆合格证书。这意味着该产品可以在石油化工、"
                    "精细化工和油气储运等存在爆炸性气体的场所使用。</p>"
                ),
            ),
            ("heading", "历时一年的技术攻关"),
            (
                "paragraph",
                (
                    "<p>为了满足防爆要求，研发团队重新设计了执行机构的外壳和接线腔，"
                    "并对隔爆接合面的加工精度提出了更严格的要求。在一年的开发周期中，"
                    "样机先后经历了耐压试验、内部点燃不传爆试验和温度组别测定等多项检验。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>取得认证后，QV系列防爆型电动调节阀将于今年下半年批量供货。"
                    "公司已与三家化工企业签订试用协议，将在实际工况下进一步验证产品的长期可靠性。"
                    "</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>The explosion-proof version of the company's QV series electric control "
                    "valves recently passed all type tests at an inspection body and has "
                    "officially been granted an explosion-proof certificate. This means the "
                    "product can be used in petrochemical and fine chemical plants, oil and gas "
                    "storage and transport facilities and other locations where explosive gases "
                    "may be present.</p>"
                ),
            ),
            ("heading", "A year of intensive development"),
            (
                "paragraph",
                (
                    "<p>To meet the explosion-protection requirements, the R&amp;D team redesigned "
                    "the actuator housing and terminal compartment and set stricter machining "
                    "tolerances for the flameproof joints. Over the one-year development period, "
                    "prototypes went through a series of tests, including pressure tests, internal "
                    "ignition non-transmission tests and temperature class determination.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>With the certificate in hand, volume deliveries of explosion-proof QV "
                    "series electric control valves will begin in the second half of this year. "
                    "The company has signed trial agreements with three chemical companies to "
                    "further verify the product's long-term reliability under real operating "
                    "conditions.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "safety-month-fire-drill-training",
        "category": "company",
        "title": "安全生产月：公司开展消防演练与全员安全培训",
        "title_en": (
            "Safety month: company holds a fire drill and safety training for all employees"
        ),
        "summary": (
            "6月是安全生产月。公司围绕“人人讲安全、个个会应急”的主题，组织了消防疏散演练、"
            "特种作业人员复训和安全知识竞赛，覆盖全体员工八百余人。"
        ),
        "summary_en": (
            "June is safety month. Under the theme “Safety is everyone's business, everyone can "
            "respond in an emergency”, the company organised a fire evacuation drill, refresher "
            "training for special equipment operators and a safety knowledge contest involving all "
            "of its more than 800 employees."
        ),
        "author": "周雨桐",
        "author_en": "Zhou Yutong",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-06-29 15:30",
        "updated": "2026-06-30 09:12:44",
        "tags": ["安全生产", "培训", "应急演练"],
        "tags_en": ["workplace safety", "training", "emergency drill"],
        "image": 7,
        "body": [
            (
                "paragraph",
                (
                    "<p>6月是安全生产月。公司围绕“人人讲安全、个个会应急”的主题，"
                    "在两个生产基地同步开展了一系列安全活动，覆盖员工八百余人。</p>"
                ),
            ),
            ("heading", "消防疏散演练"),
            (
                "paragraph",
                (
                    "<p>6月26日下午，随着模拟火警警报响起，第一生产基地各车间员工按照预定路线有序撤"
                    "离，全部人员在四分钟内到达集合点。随后，安全管理部讲解了灭火器和室内消火栓的使"
                    "用方法，员工们分组进行了实际操作练习。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>活动期间，公司还组织了叉车、行车和焊接等特种作业人员复训，"
                    "并举办了安全知识竞赛。安全管理部表示，将把演练中发现的疏散通道标识不清等问题纳"
                    "入整改清单，限期完成整改。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>June is safety month. Under the theme “Safety is everyone's business, "
                    "everyone can respond in an emergency”, the company ran a series of safety "
                    "activities at both of its production bases, involving more than 800 "
                    "employees.</p>"
                ),
            ),
            ("heading", "Fire evacuation drill"),
            (
                "paragraph",
                (
                    "<p>On the afternoon of 26 June, when the simulated fire alarm sounded, "
                    "employees in every workshop of the first production base evacuated in an "
                    "orderly manner along the planned routes, and everyone reached the assembly "
                    "point within four minutes. Afterwards, the Safety Management Department "
                    "explained how to use fire extinguishers and indoor fire hydrants, and "
                    "employees practised in groups.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>During the month, the company also held refresher training for forklift, "
                    "overhead crane and welding operators and organised a safety knowledge "
                    "contest. The Safety Management Department said that problems found during the "
                    "drill, such as unclear evacuation route signs, have been added to the list of "
                    "corrective actions and will be fixed by a set deadline.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "overseas-certification-barriers",
        "category": "industry",
        "title": "海外市场认证门槛提高 出口企业如何应对",
        "title_en": "Certification barriers rise in overseas markets: how exporters can respond",
        "summary": (
            "多个目标市场对泵阀产品的能效、材料安全和饮用水接触认证要求不断提高。"
            "专家建议出口企业提前规划认证路径，把合规要求融入产品设计阶段。"
        ),
        "summary_en": (
            "Many target markets are raising their requirements for energy efficiency, material "
            "safety and drinking water contact certification of pumps and valves. Experts advise "
            "exporters to plan their certification path early and build compliance into the "
            "product design stage."
        ),
        "author": "郑佳宁",
        "author_en": "Zheng Jianing",
        "source_name": "《外贸合规参考》",
        "source_name_en": "Export Compliance Digest",
        "source_url": "https://compliance.example.net/2026/07/certification-barriers",
        "published": "2026-07-15 10:40",
        "updated": "2026-07-16 15:55:08",
        "tags": ["认证", "出口", "合规"],
        "tags_en": ["certification", "exports", "compliance"],
        "image": 6,
        "body": [
            (
                "paragraph",
                (
                    "<p>近两年，多个海外市场陆续更新了泵阀产品的准入要求，涉及能效等级、"
                    "饮用水接触材料的安全性、压力设备安全以及产品碳足迹信息披露等方面。"
                    "对出口企业而言，认证已经从“敲门砖”变成了贯穿产品全生命周期的系统工程。</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "很多企业拿到订单后才开始办认证，结果周期一拖就是半年，错过了项目窗口。"
                        "认证规划应该和产品开发同步启动。"
                    ),
                    "attribution": "韩冰，贸易合规顾问",
                },
            ),
            ("heading", "应对建议"),
            (
                "paragraph",
                (
                    "<p>受访专家给出了以下几点建议：</p><ul><li>"
                    "在产品立项阶段梳理目标市场的法规和标准清单</li><li>"
                    "建立完整的原材料成分和供应商资质档案</li><li>选择具备多国资质的检测机构，"
                    "减少重复测试</li><li>安排专人跟踪法规变化，提前做好换证准备</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>专家同时提醒，认证只是进入市场的第一步。后续的工厂检查、"
                    "市场抽检和售后质量表现，同样会影响企业在海外市场的信誉。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>Over the past two years, many overseas markets have updated their market "
                    "access requirements for pumps and valves, covering energy efficiency classes, "
                    "the safety of materials in contact with drinking water, pressure equipment "
                    "safety and the disclosure of product carbon footprints. For exporters, "
                    "certification has turned from a simple door-opener into a systematic effort "
                    "that spans the whole product life cycle.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Many companies only start on certification after they win an order, and "
                        "the process then drags on for six months, so they miss the project "
                        "window. Certification planning should start at the same time as product "
                        "development."
                    ),
                    "attribution": "Han Bing, trade compliance consultant",
                },
            ),
            ("heading", "Recommendations"),
            (
                "paragraph",
                (
                    "<p>The experts interviewed made the following recommendations:</p><ul><li>"
                    "compile a list of the target market's regulations and standards when a "
                    "product project is approved</li><li>keep complete records of raw material "
                    "composition and supplier qualifications</li><li>choose testing bodies "
                    "recognised in several countries to avoid repeat testing</li><li>assign "
                    "dedicated staff to track regulatory changes and prepare for certificate "
                    "renewals in advance</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The experts also caution that certification is only the first step into a "
                    "market. Subsequent factory inspections, market surveillance checks and "
                    "after-sales quality performance all affect a company's reputation abroad.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "secondary-water-supply-renovation",
        "category": "industry",
        "title": "二次供水设施改造提速 变频供水设备需求上升",
        "title_en": (
            "Faster renovation of secondary water supply facilities lifts demand for "
            "variable-frequency booster sets"
        ),
        "summary": (
            "老旧小区二次供水设施改造在多地加速推进，水箱卫生、设备老化和能耗偏高等问题得到集中治理"
            "，变频恒压供水设备和智能泵房的需求明显上升。"
        ),
        "summary_en": (
            "The renovation of secondary water supply facilities in older residential compounds is "
            "accelerating in many cities, tackling problems such as poor tank hygiene, ageing "
            "equipment and high energy use, and demand for variable-frequency constant-pressure "
            "booster sets and smart pump rooms is rising markedly."
        ),
        "author": "林晓岚",
        "author_en": "Lin Xiaolan",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-08-28 11:30",
        "updated": "2026-08-28 18:12:36",
        "tags": ["二次供水", "变频供水", "城市更新"],
        "tags_en": ["secondary water supply", "variable-frequency supply", "urban renewal"],
        "image": 7,
        "body": [
            (
                "paragraph",
                (
                    "<p>二次供水是指通过水箱、水泵等设施对市政供水进行储存和加压，"
                    "再输送到高层住户的供水方式。不少老旧小区的二次供水设施建成时间较早，"
                    "存在水箱卫生条件差、水泵老化和能耗偏高等问题。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>随着城市更新工作的推进，多地将二次供水设施改造列为民生实事，"
                    "由供水企业统一建设和管理改造后的泵房。改造内容通常包括更换不锈钢水箱、"
                    "安装变频恒压供水设备，以及配置视频监控和水质在线监测系统。</p>"
                ),
            ),
            ("image", {"image": 7, "caption": "改造后的智能泵房配备了变频恒压供水设备"}),
            ("heading", "智能泵房成为标配"),
            (
                "paragraph",
                (
                    "<p>业内人士认为，改造后的泵房普遍实现了无人值守和远程监控，对设备的可靠性、"
                    "低噪声和数据接口都提出了更高要求。具备成套设备集成能力和本地服务网络的企业，"
                    "将在这一市场中占据优势。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>Secondary water supply means storing and pressurising municipal water in "
                    "tanks and pumps before delivering it to residents of high-rise buildings. In "
                    "many older residential compounds these facilities were built long ago and "
                    "suffer from poor tank hygiene, ageing pumps and high energy consumption.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>As urban renewal moves forward, many cities have listed the renovation of "
                    "secondary water supply facilities among their priority public service "
                    "projects, with water utilities building and managing the renovated pump "
                    "rooms. Renovation usually involves installing stainless steel tanks and "
                    "variable-frequency constant-pressure booster sets, as well as video "
                    "surveillance and online water quality monitoring systems.</p>"
                ),
            ),
            (
                "image",
                {
                    "image": 7,
                    "caption": (
                        "A renovated smart pump room equipped with variable-frequency "
                        "constant-pressure booster sets"
                    ),
                },
            ),
            ("heading", "Smart pump rooms become standard"),
            (
                "paragraph",
                (
                    "<p>Industry insiders say that renovated pump rooms are now generally "
                    "unattended and remotely monitored, which raises the requirements for "
                    "equipment reliability, low noise and data interfaces. Companies able to "
                    "integrate complete systems and with local service networks will have an edge "
                    "in this market.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "first-european-fluid-technology-fair",
        "category": "company",
        "title": "青禾流体首次赴欧参加国际流体技术展会",
        "title_en": (
            "Qinghe Fluid exhibits at an international fluid technology fair in Europe for the "
            "first time"
        ),
        "summary": (
            "9月中旬，公司首次赴欧洲参加国际流体技术展会，展出了高效离心泵和低泄漏阀门等产品，"
            "与来自二十多个国家的客户和经销商进行了深入交流。"
        ),
        "summary_en": (
            "In mid-September the company exhibited at an international fluid technology fair in "
            "Europe for the first time, showing high-efficiency centrifugal pumps, low-leakage "
            "valves and other products and holding in-depth talks with customers and distributors "
            "from more than twenty countries."
        ),
        "author": "王建华",
        "author_en": "Wang Jianhua",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-09-22 18:00",
        "updated": "2026-09-23 11:04:36",
        "tags": ["展会", "欧洲市场", "出口"],
        "tags_en": ["trade fair", "European market", "exports"],
        "image": 3,
        "body": [
            (
                "paragraph",
                (
                    "<p>9月15日至18日，青禾流体首次在欧洲参加国际流体技术展会。"
                    "公司展台面积为五十四平方米，重点展示了QH系列高效离心泵、"
                    "低泄漏蝶阀和泵组远程监测系统。</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>欧洲客户对产品的能效等级、材料可追溯性和碳足迹数据表现出浓厚兴趣。"
                    "在为期四天的展会中，公司接待了来自二十多个国家的客户和经销商，"
                    "并与两家当地分销商签署了合作备忘录。</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "欧洲市场对能效和环保的要求非常严格，这对我们既是挑战，"
                        "也是推动产品升级的动力。"
                    ),
                    "attribution": "刘思远，青禾流体海外业务总监",
                },
            ),
            ("heading", "展后跟进"),
            (
                "paragraph",
                (
                    "<p>公司海外业务团队将在展后逐一回访意向客户，并着手准备相关产品的欧洲市场认证"
                    "文件。公司计划明年在欧洲设立第一个备件仓库。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>From 15 to 18 September, Qinghe Fluid took part in an international fluid "
                    "technology fair in Europe for the first time. On its 54-square-metre stand, "
                    "the company highlighted QH series high-efficiency centrifugal pumps, "
                    "low-leakage butterfly valves and its remote monitoring system for pump "
                    "sets.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>European customers showed strong interest in energy efficiency ratings, "
                    "material traceability and carbon footprint data. Over the four days of the "
                    "fair, the company met customers and distributors from more than twenty "
                    "countries and signed memoranda of understanding with two local "
                    "distributors.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The European market sets very strict requirements for energy efficiency "
                        "and environmental protection. For us that is both a challenge and a "
                        "driving force for upgrading our products."
                    ),
                    "attribution": "Liu Siyuan, Director of Overseas Business, Qinghe Fluid",
                },
            ),
            ("heading", "Follow-up after the fair"),
            (
                "paragraph",
                (
                    "<p>The company's overseas business team will follow up with each interested "
                    "customer after the fair and has begun preparing European certification "
                    "documents for the relevant products. The company plans to open its first "
                    "spare parts warehouse in Europe next year.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "trade-fair-trends-energy-digital",
        "category": "industry",
        "title": "展会观察：节能与数字化成为今年泵阀展会的共同主题",
        "title_en": (
            "Trade fair observations: energy saving and digitalization are this year's common "
            "themes at pump and valve fairs"
        ),
        "summary": (
            "在今年下半年举办的多场泵阀专业展会上，高效节能产品和数字化运维方案成为参展企业的展示重"
            "点，行业从卖设备向卖服务转型的趋势日益明显。"
        ),
        "summary_en": (
            "At several specialist pump and valve fairs held in the second half of this year, "
            "high-efficiency products and digital operations solutions took centre stage, and the "
            "industry's shift from selling equipment to selling services is becoming increasingly "
            "clear."
        ),
        "author": "王建华",
        "author_en": "Wang Jianhua",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-10-16 17:00",
        "updated": "2026-10-19 09:08:21",
        "tags": ["展会", "节能", "数字化"],
        "tags_en": ["trade fair", "energy saving", "digitalization"],
        "image": 3,
        "body": [
            (
                "paragraph",
                (
                    "<p>今年下半年，国内外举办了多场泵阀行业专业展会。从参展情况来看，"
                    "高效节能产品和数字化运维方案几乎成为各家企业展台的“标配”，"
                    "与往年以展示单机产品为主的情形形成了鲜明对比。</p>"
                ),
            ),
            ("image", {"image": 3, "caption": "观众在展会现场了解泵组远程监测系统"}),
            (
                "paragraph",
                (
                    "<p>在节能方面，永磁电机直驱泵、高效水力模型和低流阻阀门成为热门展品；"
                    "在数字化方面，多家企业展示了设备远程监测、故障预警和能耗分析平台，"
                    "部分企业还推出了按节能效果收费的服务模式。</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "客户买的不再只是一台泵，而是一套能够长期稳定、低能耗运行的系统。"
                        "谁能把服务做深，谁就能赢得客户。"
                    ),
                    "attribution": "王建华，青禾流体市场部经理",
                },
            ),
            ("heading", "行业转型趋势明显"),
            (
                "paragraph",
                (
                    "<p>观察人士认为，泵阀行业正在从“卖设备”向“卖服务”转型。对于中小企业来说，"
                    "与其全面铺开数字化平台建设，不如先从自身的优势产品入手，为客户提供看得见、"
                    "算得清的节能价值。</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>Several specialist pump and valve fairs were held in China and abroad in "
                    "the second half of this year. Judging by the exhibits, high-efficiency "
                    "products and digital operations solutions were almost a standard feature of "
                    "every stand, in sharp contrast with previous years, when companies mainly "
                    "showed individual products.</p>"
                ),
            ),
            (
                "image",
                {
                    "image": 3,
                    "caption": (
                        "Visitors learn about a remote monitoring system for pump sets at the fair"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>On the energy-saving side, direct-drive pumps with permanent-magnet "
                    "motors, high-efficiency hydraulic designs and low-resistance valves were "
                    "popular exhibits. On the digital side, many companies showed platforms for "
                    "remote equipment monitoring, fault warning and energy analysis, and some "
                    "introduced service models in which fees are based on the energy actually "
                    "saved.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Customers are no longer buying just a pump; they are buying a system that "
                        "runs reliably and efficiently for years. Whoever offers the deepest "
                        "service will win the customer."
                    ),
                    "attribution": "Wang Jianhua, Marketing Manager, Qinghe Fluid",
                },
            ),
            ("heading", "A clear trend of transformation"),
            (
                "paragraph",
                (
                    "<p>Observers believe the pump and valve industry is shifting from selling "
                    "equipment to selling services. For small and medium-sized companies, rather "
                    "than building a full-scale digital platform, it makes more sense to start "
                    "with their strongest products and offer customers energy savings they can see "
                    "and calculate.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "remote-pump-station-platform-launch",
        "category": "company",
        "title": "青禾智能泵站远程运维平台正式上线",
        "title_en": "Qinghe smart pump station remote operations platform goes live",
        "summary": (
            "11月12日，公司自主开发的智能泵站远程运维平台正式上线。平台可以实时监测泵组运行状态，"
            "提前预警轴承磨损和汽蚀等故障，首批已接入三百余台在役设备。"
        ),
        "summary_en": (
            "On 12 November the company's in-house smart pump station remote operations platform "
            "went live. It monitors pump sets in real time and gives early warning of faults such "
            "as bearing wear and cavitation; more than 300 pumps in service are already connected."
        ),
        "author": "陈启明",
        "author_en": "Chen Qiming",
        "source_name": "",
        "source_name_en": "",
        "source_url": "",
        "published": "2026-11-12 10:00",
        "updated": "2026-11-13 16:21:09",
        "tags": ["智能运维", "物联网", "泵站"],
        "tags_en": ["smart maintenance", "internet of things", "pump station"],
        "image": 1,
        "body": [
            (
                "paragraph",
                (
                    "<p>11月12日，青禾流体自主开发的智能泵站远程运维平台正式上线。"
                    "首批接入平台的三百余台在役泵组分布在二十多个市政和工业项目中。</p>"
                ),
            ),
            ("heading", "从“坏了再修”到“提前预警”"),
            (
                "paragraph",
                (
                    "<p>平台通过安装在泵组上的振动、温度和压力传感器，每隔几秒采集一次运行数据，"
                    "并利用故障诊断模型识别轴承磨损、叶轮堵塞和汽蚀等典型故障的早期特征。"
                    "一旦发现异常，系统会通过短信和手机应用及时通知客户和公司的服务工程师。</p>"
                ),
            ),
            ("image", {"image": 1, "caption": "服务工程师在监控中心查看泵组运行数据"}),
            (
                "paragraph",
                (
                    "<p>试运行期间，平台成功预警了七起潜在故障，帮助客户避免了非计划停机。"
                    '客户可以登录<a href="https://portal.example.com/pump-station">'
                    "运维平台网页</a>查看设备状态。公司将逐步向所有在保客户免费开放基础监测功能。"
                    "</p>"
                ),
            ),
        ],
        "body_en": [
            (
                "paragraph",
                (
                    "<p>On 12 November, Qinghe Fluid's in-house smart pump station remote "
                    "operations platform officially went live. The first 300-plus pump sets "
                    "connected to the platform are in service at more than twenty municipal and "
                    "industrial projects.</p>"
                ),
            ),
            ("heading", "From “repair after failure” to early warning"),
            (
                "paragraph",
                (
                    "<p>Using vibration, temperature and pressure sensors mounted on the pump "
                    "sets, the platform collects operating data every few seconds and applies "
                    "fault diagnosis models to recognise early signs of typical faults such as "
                    "bearing wear, impeller clogging and cavitation. As soon as an anomaly is "
                    "detected, the system notifies the customer and the company's service "
                    "engineers by text message and mobile app.</p>"
                ),
            ),
            (
                "image",
                {
                    "image": 1,
                    "caption": (
                        "A service engineer checks pump operating data in the monitoring center"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>During the trial period, the platform gave early warning of seven "
                    "potential faults and helped customers avoid unplanned shutdowns. Customers "
                    "can check the status of their equipment by logging in to the "
                    '<a href="https://portal.example.com/pump-station">operations platform '
                    "website</a>. The company will gradually make basic monitoring available free "
                    "of charge to all customers under warranty.</p>"
                ),
            ),
        ],
    },
]
