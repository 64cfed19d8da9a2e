"""The words the figure readers look for, each list written once.

Cue words decide a reading: bound words give a figure its qualifier, change words make a percent a growth
rate (and a decline negative), projection words mark targets, month names make a number a date. The
English lists are matched against lower-cased text. Tables that belong to one reader stay with it:
cities and companies (:mod:`entities`), trade partners (:mod:`matcher`), currencies and scale words
(:mod:`measures`, :mod:`numbers`), the grammar of counted nouns (:mod:`units`).

NOTE: several lists overlap on purpose (a decline word is also a "not a subject" word); each list is what
one decision reads, and changing one changes the extractor's output (bump ``EXTRACTOR_VERSION``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _words(text: str) -> tuple[str, ...]:
    """Whitespace-separated words, in order."""
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    """Comma-separated phrases, in order."""
    return tuple(phrase.strip() for phrase in text.split(","))


def alternation(words: Iterable[str]) -> str:
    """Regex source matching any of ``words``, tried in the order given.

    Args:
        words: literal words or phrases.

    Returns:
        The escaped alternatives joined with ``|`` (no group around them).
    """
    return "|".join(re.escape(word) for word in words)


# --- months ----------------------------------------------------------------------------------------------

MONTHS = _words("january february march april may june july august september october november december")
MONTH_ABBREVIATIONS = _words("jan feb mar apr jun jul aug sept sep oct nov dec")
"""Written with or without a dot ("Jan.", "Sept"); "may" is a whole month name, never an abbreviation."""
MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(MONTHS, start=1)}
"""The first three letters of a month name -> its number."""

# --- bound words: the qualifier of a figure (docs/architecture.md "qualifier") -----------------------------

QUALIFIERS_BEFORE_EN: dict[str, tuple[str, ...]] = {
    "over": _phrases(
        "more than, over, above, at least, exceed, exceeded, exceeds, exceeding, surpass, surpassed, "
        "surpasses, surpassing, to top, topped, tops, topping, in excess of, upwards of, no less than, "
        "not less than, greater than, beyond"
    ),
    "under": _phrases(
        "less than, fewer than, under, below, nearly, almost, close to, just under, no more than, "
        "not more than, shy of"
    ),
    "approx": _phrases("about, around, roughly, approximately, some, an estimated, approx., circa"),
}
QUALIFIERS_AFTER_EN: dict[str, tuple[str, ...]] = {
    "over": _phrases("or more, or above, and above"),
    "under": _phrases("or less"),
    "approx": _phrases("or so"),
}
# why: 至少有 before 至少 and 超过 before 超: at one offset the longer word is tried first
QUALIFIERS_BEFORE_ZH: dict[str, tuple[str, ...]] = {
    "over": _words("超过 超出 超 逾 突破 多于 高于 不少于 不低于 至少有 至少"),
    "under": _words("不到 不足 将近 接近 近 低于 少于"),
    "approx": _words("约合 大约 约 近乎"),
}
QUALIFIERS_AFTER_ZH: dict[str, tuple[str, ...]] = {
    "over": _words("以上 之多"),
    "under": _words("以下 以内"),
    "approx": _words("左右 上下"),
}
QUALIFIER_OF: dict[str, str] = {
    word: kind
    for table in (QUALIFIERS_BEFORE_EN, QUALIFIERS_AFTER_EN, QUALIFIERS_BEFORE_ZH, QUALIFIERS_AFTER_ZH)
    for kind, words in table.items()
    for word in words
}
"""Every bound word (lower case, single spaces) -> ``over``, ``under`` or ``approx``."""

TO_BOUNDS_EN = _phrases("over, more than, about, nearly, almost, around")
"""Bound words between "to" and the number of a change ("rose to over 5 billion")."""
FROM_BOUNDS_EN = _phrases("about, around")
"""Bound words between "from" and the number of a change ("from about 3 billion")."""
CONVERSION_BOUNDS = _phrases(
    "about, around, approximately, roughly, some, nearly, almost, 约合, 约, 合, 折合"
)
"""Bound words opening a conversion ("(about $41 billion)", 约合); 合 and 折合 only mean "in"."""
COUNT_LEAD_ZH = _words(
    "超过 超 逾 突破 不少于 至少有 至少 不到 不足 将近 接近 近 约 大约 达到 达 为 共计 力争达到"
)
"""Bounds and verbs between a Chinese count's noun and its number (充电桩逾40万个)."""
FRACTION_CUES_EN = _words("by about nearly almost than over roughly")
"""Words that make "a third" a figure when it is not followed by "of"."""
HALF_CUES_EN = _phrases(
    "nearly, almost, about, around, roughly, over, than, accounting for, accounted for, account for, "
    "accounts for, made up, make up, makes up, by"
)
"""Words that make "half" a figure when it is not followed by "of"."""

# --- change words: growth rates, declines (docs/architecture.md "sign") ------------------------------------

PRICE_WORDS = re.compile(
    r"\b(?:retails?|retailed|sold for|sells? for|selling for|priced (?:at|from|above)|wholesale prices?|"
    r"retail prices?|a catty|per catty|a kg|per kg|a box|a pack|fetch(?:es|ed|ing)?|start(?:s|ed)? at)\b"
    r"|\bcosts?\s+(?:about\s+|around\s+|roughly\s+|from\s+)?(?=\d|HK\$|US\$|\$|RMB)"
    r"|零售价|批发价|出厂价|收购价|售价|售约|每斤|每只|每个|每磅|每担|每盒|每公斤|每扎|每盆|每平方米"
    # 每个售18元, 售168元: sells for (never 销售额, 出售, 售出)
    r"|(?<![销出])售(?=\d|约|价)",
    re.I,
)
"""Words that quote a price of goods ("retails at", "a catty", 批发价, 每斤): a point in a market, not a
flow."""

SENT_ABROAD_VERBS_EN = _words("shipped sold sent exported")
"""Verbs that are exports when "abroad"/"overseas" closes their clause ("shipped 3.74 billion yuan of them
abroad", "sold knives abroad worth 6.84 billion yuan")."""
ABROAD_WORDS_EN = _words("abroad overseas")

RISE_WORDS_EN = _words("up rose rise grew grow increased increase jumped surged expanded climbed gained")
DECLINE_WORDS_EN = _words(
    "down fell fall falls falling dropped drop declined decline decreased decrease slid slipped shrank "
    "contracted dipped"
)
GROWTH_WORDS_EN = (
    *RISE_WORDS_EN,
    *DECLINE_WORDS_EN,
    *_words(
        "rises rising grows growing growth increases increasing jump surge expand expanding edged climb lift "
        "lifted raise raised year-on-year by gain gains"
    ),
)
"""Words before a percent that make it a growth rate ("rose 6.1%", "up by 2 percent")."""
RISE_CUES_EN = (*RISE_WORDS_EN, "edged up")
# NOTE: "plunged" and the others are read as declines but not as growth cues (GROWTH_WORDS_EN); adding
# them there changes the output
DECLINE_CUES_EN = (
    *DECLINE_WORDS_EN,
    *_words(
        "drops declines plunged tumbled dipped dip sank slip slipping eased easing narrowed narrowing shaved"
    ),
)
"""Words before a growth rate that say which way it went; the last one before the figure wins."""
RISE_NOUNS_EN = _words("increase rise growth gain jump higher more expansion above")
DECLINE_NOUNS_EN = _words("decline drop decrease fall lower less fewer below")
GROWTH_NOUNS_EN = (*RISE_NOUNS_EN, *DECLINE_NOUNS_EN)
"""Words right after a percent that make it a growth rate ("a 3% drop", "6 percent higher", "27 per cent more
than in the same period")."""
COMPARISON_WORDS_EN = _phrases("from, than, over, compared with")
"""Words that put a comparison base right after a rate ("2.8 percent from a year earlier", "from October")."""
RATE_COMPARED_EN = _phrases(
    "than, from, outpacing, outpaced, beating, beat, compared with, compared to, versus, vs, ahead of, "
    "above, below, exceeding, outstripping, topping, against"
)
"""Words between two rates that make the second the first one's comparison ("grew 3.9 percent, slower than
the national rate of 5.2 percent", "outpacing Zhuhai's 3.8 percent")."""
RATE_COMPARED_ZH = _words("高于 低于 快于 慢于 则增长 则下降 则增 季增 月增 季减 月减 环比增长 环比下降")
"""The same in Chinese, with a rate of another basis right after the first ("年增4.8%，季增1.1%")."""
DECLINE_AFTER_EN = (*DECLINE_NOUNS_EN, "contraction", "cheaper")
"""Words right after a growth rate that make it a decline."""
# 年增 / 年减 / 成长 (月增, 季增 for a month or quarter) are how Taiwan's press writes a rise or fall
RISE_WORDS_ZH = _words(
    "增长 提高 提升 上升 年增 月增 季增 成长 大增 激增 猛增 飙升 上涨 回升 高出 多出 同期多 扩大 "
    "增多 微增 上扬 攀升 走高 跃升 抬升"
)
DECLINE_WORDS_ZH = _words("下降 减少 下滑 回落 降低 下跌 年减 月减 季减 大跌 下挫 衰退 微降 走低 缩减 萎缩")
GROWTH_WORDS_ZH = (*RISE_WORDS_ZH, *DECLINE_WORDS_ZH, *_words("增速 增幅 同比 涨幅 按年 按月 按季"))
WITH_GUANGDONG_ZH = ("与广东", "同广东")
"""A partner's trade with Guangdong written after the partner (塞浦路斯与广东之间的货物贸易): the trade's two
sides."""

# --- projection words (docs/architecture.md "projection") --------------------------------------------------

PROJECTION_WORDS_EN = (
    *_words(
        "expect expects expected expecting aim aims aimed aiming target targets targeted targeting projected "
        "projection forecast forecasts forecasted will goal goals strive strives striving seek seeks seeking "
        "intend intends could would anticipated anticipates"
    ),
    *_phrases(
        "plans to, plan to, planned to, planning to, is set to, are set to, wants to, want to, hopes to, "
        "hope to, estimated to, likely to, on track to"
    ),
)
PROJECTION_WORDS_ZH = _words("预计 预期 力争 目标 计划 有望 争取 规划 将")

# --- function words: subjects, lists, sentence starts ------------------------------------------------

# A wire dateline opening a sentence: "GUANGZHOU, Jan. 13 (Xinhua) -- ", "SHENZHEN, July 16 (Reuters) - "
WIRE_DATELINE_EN = r"[A-Z][A-Za-z .]*,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([^)]*\)\s*(?:--|-|—|–)\s*"
# Any English dateline: the wire's, a bare city ("ZHUHAI -- "), a city and date ("JIANGMEN, Nov 3 -- ")
DATELINE_EN = re.compile(
    rf"^(?:{WIRE_DATELINE_EN}|[A-Z][A-Z .]+(?:,\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*(?:--|—|–)\s*)"
)

NOT_SUBJECT_EN = frozenset(
    _words(
        "while whereas and but up down rose grew fell hit reached totaled totalled came to was were is are "
        "growing rising accounting accounted for a an or with of the by increase percent could would reach "
        "remained stood at year-on-year higher lower compared than after expanding expanded climbed jumped "
        "surged dropped declined edged in its it their reaching worth now alone making made over more about "
        "nearly almost around some roughly approximately less below above exceeded surpassed topped hitting "
        "totaling totalling edging inching contracted contracting shrank shrinking slipped slipping soared "
        "soaring falling gaining gained climbing coming increasing decreasing declining dropping jumping "
        "surging rebounded rebounding year on from a year earlier growth quickened slowed accelerated eased "
        "pace rate"
    )
)
"""Words that do not name a subject: a clause made of them takes the subject of an earlier clause."""
NOT_SUBJECT_ZH = _words(
    "同比 比上年 较上年 增长 下降 增 降 达到 达 占 约 为 是 其中 提高 提升 上升 实现 超过 超 突破 居 "
    "分别 累计 共计 合计 减少 回落 下滑 比 较 逾 近 接近 将近 不到 不足 至少 "
    "按年 按月 按季 年增 年减 成长 环比 下跌 跌 上升 升 急升 大升 回升 微升 下挫 "
    # the method of a growth rate, not its subject: 按可比价计算增长4.1%
    "按可比价计算 按可比价格计算 按不变价计算 扣除价格因素"
)
"""Words that open a Chinese clause without naming its subject (同比增长, 约占)."""
PERIOD_WORD_EN = re.compile(
    rf"(?:{alternation(MONTHS)})s?|(?:first|second|third|fourth)-(?:quarter|half)|half-year|[a-z]+-month",
    re.I,
)
"""A period written as a word before a trade phrase ("October trade", "fourth-quarter exports"): not goods."""
BEFORE_WHOLE_PHRASE_EN = frozenset(
    _words(
        "the its their his her our total national provincial nationwide global overall annual combined "
        "and of in on with while whereas though although yet that which as but by for to from whose year "
        "full-year quarterly "
        "monthly last this a an said where when province city country nation lift boost raise drive "
        "promote expand increase grow help support stabilise stabilize keep make "
        # verbs of a target or a report: "will pursue GDP growth of around 5 percent", "targets export growth"
        "pursue pursues seek seeks target targets aim aims set sets expect expects forecast forecasts "
        "project projects see sees saw post posts posted report reports record records recorded achieve "
        "achieves deliver delivers registered logged had has have earned earns generated generates booked "
        # the subject as a pronoun: "what it bought from Namibia", "what they shipped to Chile"
        "it they what"
    )
)
"""Words that may stand right before a catalogue phrase without making it a subset ("total exports", "the
industry had revenue of ...")."""
INDUSTRY_WORDS_EN = _words("industry industries cluster clusters sector sectors manufacturing")
INDUSTRY_WORDS_ZH = _words("产业 集群 工业 行业 制造业 企业")
LIST_BREAKERS_EN = _words(
    "rose grew fell reached totaled totalled hit up down was were is are has have had increased decreased "
    "dropped jumped surged declined exported imported earned generated while with from"
)
"""Words that make the text between two figures a clause of its own rather than a list separator."""
SENTENCE_STARTERS_EN = frozenset(
    _words(
        "in by for with over about around some nearly almost more less only just the a an and but while "
        "roughly approximately at to of from between up down last this total since during as after before "
        "among"
    )
)
"""Capitalised words before a number that do not make it part of a name ("About 300 firms")."""
YEAR_PREPOSITIONS_EN = frozenset(
    _words("in by since until through from of before after during and to end the for between as")
)
"""Capitalised words before a year that do not make it part of a name ("In 2025" but "Fortune 500")."""
ABBREVIATIONS_EN = frozenset(
    (
        *MONTH_ABBREVIATIONS,
        *_words(
            "mr mrs ms dr prof no nos co ltd inc corp st vs etc e.g i.e u.s u.k approx fig vol gov rep jr sr "
            "dept est"
        ),
    )
)
"""Words whose trailing dot does not end a sentence."""

# The trade a Chinese company name ends with, and its English word: 粤澄电器 is "Yuecheng Appliances", the
# name by which English copy and the gazetteer know such firms (the trade name in pinyin, then the trade).
COMPANY_TRADES_ZH = {
    "电器": "Appliances", "家电": "Appliances", "电子": "Electronics", "微电子": "Microelectronics",
    "科技": "Technology", "精密": "Precision", "智能": "Intelligent", "新能源": "New Energy",
    "储能": "Energy Storage", "电池": "Battery", "锂电": "Lithium", "汽车": "Motors", "玩具": "Toys",
    "家居": "Homeware", "家具": "Furniture", "百货": "Department Store", "机器人": "Robotics",
    "半导体": "Semiconductor", "物流": "Logistics", "航运": "Shipping", "医药": "Pharma",
    "材料": "Materials", "光电": "Optoelectronics", "电气": "Electric", "电机": "Motor", "实业": "Industrial",
    "动力": "Power", "通信": "Communications", "照明": "Lighting", "陶瓷": "Ceramics", "纺织": "Textiles",
    "服饰": "Apparel", "食品": "Foods", "机械": "Machinery", "装备": "Equipment", "制造": "Manufacturing",
    "光伏": "Solar", "芯片": "Chips", "无人机": "Drones", "家纺": "Home Textiles",
    "卫浴": "Sanitaryware", "冷链": "Cold Chain", "供应链": "Supply Chain", "光学": "Optics",
    "医疗": "Medical", "生物": "Biotech", "重工": "Heavy Industry", "航空": "Aviation", "五金": "Hardware",
    "厨电": "Kitchen Appliances", "化工": "Chemicals", "药业": "Pharmaceutical", "显示": "Display",
    "通讯": "Communications", "新材料": "New Materials", "摩托": "Motorcycle", "互动": "Interactive",
    "互娱": "Interactive Entertainment", "游戏": "Games", "动漫": "Animation", "制衣": "Garments",
    "生物医药": "Biopharmaceutical", "数控": "CNC", "机床": "Machine Tool", "船舶": "Shipbuilding",
    "造船": "Shipbuilding", "电声": "Acoustics", "声学": "Acoustics", "鞋业": "Shoes", "茶业": "Tea",
    "珠宝": "Jewellery", "服装": "Apparel", "纸业": "Paper", "钢铁": "Steel", "铝业": "Aluminium",
    "建材": "Building Materials", "能源": "Energy", "电力": "Power", "港务": "Port",
    "水产": "Aquatic Products", "皮具": "Leather Goods", "灯饰": "Lighting", "洁具": "Sanitaryware",
    "厨具": "Kitchenware", "增材": "Additive", "影像": "Imaging", "内衣": "Lingerie", "金属": "Metals",
    "再生金属": "Renewable Metals", "电力电子": "Power Electronics", "包装": "Packaging",
    "糖业": "Sugar", "酒业": "Wine", "塑业": "Plastics", "塑胶": "Plastics", "日化": "Daily Chemicals",
    "电缆": "Cable", "线缆": "Cable", "铜业": "Copper", "印务": "Printing", "种业": "Seeds",
    "牧业": "Livestock", "饲料": "Feed", "水泥": "Cement", "玻璃": "Glass", "传媒": "Media",
    "环保": "Environmental", "果业": "Fruit", "家私": "Furniture",
    "钟表": "Watches", "乳业": "Dairy", "粮油": "Grain and Oil", "纸品": "Paper Products",
    "电路": "Circuit", "茶饮": "Tea", "饮品": "Beverages", "咖啡": "Coffee", "文具": "Stationery",
    "新材": "New Materials", "海工": "Marine", "电梯": "Elevator", "导航": "Navigation", "工具": "Tools",
    "音响": "Audio", "调味": "Seasoning", "家品": "Home",
}  # fmt: skip
# Words that introduce a company by what it is: 家电企业粤澄电器, 锂电池制造商华南电池, 连接器厂璟达精密
COMPANY_INTRODUCERS_ZH = _words(
    "企业 车企 药企 房企 厂商 大厂 厂 制造商 生产商 供应商 龙头 品牌商 品牌 公司 集团 名为 名叫 旗下的"
    " 设计商 批发商 零售商 运营商 服务商 开发商 贸易商 出口商 经销商 代工商"
)
# A company's registered form after its trade: 湾区储能科技股份有限公司
COMPANY_FORMS_ZH = _words("股份有限公司 有限公司 集团 控股")
# Two characters before a trade that are a description, not a trade name (消费电子, 全省电子信息, 家用电器)
NOT_TRADE_NAMES_ZH = frozenset(
    _words(
        "全省 全市 全国 全区 消费 家用 小家 智能 新能 汽车 电子 信息 产业 行业 企业 国产 本地 龙头 相关 其他"
        " 主要 海外 出口 进口 外贸 广东 深圳 广州 东莞 佛山 中山 珠海 惠州 汕头 江门 肇庆 湛江 茂名 梅州 清远"
        " 韶关 河源 阳江 潮州 揭阳 云浮 汕尾 香港 澳门 中国 全球 国内 国际 高端 新型 传统 工业 服务 数字 绿色"
        " 以及 其中 包括 带动 推动 发展 生产 制造 研发 销售 通过 实现 完成 重点 骨干 领军 头部 民营 外资 国有"
        " 全年 今年 去年 上年 前年 当年 本年 同期 年内 期内"
    )
)

AFTER_PRODUCT_EN = frozenset(
    _words(
        "from to in into at by for with during over under worth amid via on across through such which that "
        "who as while whereas but or was were is are rose grew fell jumped surged climbed gained declined "
        "dropped slipped edged increased decreased expanded reached hit totaled totalled amounted stood came "
        "made accounted posted saw logged registered remained topped exceeded more than between a an per "
        "each every last this year annually"
    )
)
"""Words that end a product's name written after "exports of": a preposition, a verb of the report, "such"."""
NOT_PRODUCT_HEADS_EN = frozenset(
    _words(
        "total whole value volume worth the its their a an this that about around roughly approximately some "
        "nearly almost over up at least close just below under only them it which these those all such"
    )
)
"""Words after "exports of" that open no product: the whole, or a bound before the number ("export growth of
about 3 per cent")."""
HANDLED_WORDS_EN = frozenset(
    _words(
        "handled handles handle moved processed recorded posted saw logged reached hit totalled totaled "
        "was were of the its a an in at during for by over port ports terminal terminals total first "
        "second third fourth half year quarter quarters month months nine six three ten eleven eight "
        "seven two four five period same this last end alone and record neighbouring neighboring nearby "
        "throughput container containers boxes cargo ranked among world's with aims aim to plans plan "
        "expects expect targets target is are set"
    )
)
"""The words of a clause that says only who handled a count, and when ("Shenzhen Port handled", "in the first
half, the port handled"): a count of TEUs after them is the port's container throughput."""

# --- measures with no catalogue metric, as written (:mod:`written_measures`) -------------------------------

REPORTING_VERBS_EN = _phrases(
    "rose, grew, fell, climbed, jumped, surged, soared, increased, decreased, declined, dropped, slipped, "
    "slid, edged up, edged down, picked up, expanded, shrank, contracted, reached, totaled, totalled, stood, "
    "accounted, made up, was, were, is, are, hit, numbered, came to, amounted, doubled, topped, exceeded, "
    "rebounded, plunged, tumbled, dipped, gained"
)
"""Verbs that end an English subject and report its figure ("Peak load hit", "Durian accounted for")."""
NOT_A_MEASURE_EN = frozenset(
    _words(
        "it they company group firm city province country region district town county village port airport "
        "fair show economy revenue revenues sales turnover trade exports imports total figure number value "
        "amount rate share proportion growth increase rise decline which this that"
    )
)
"""Subject words that name an owner or a whole, not a measure of it ("The province had", "Sales rose")."""
NOT_IN_A_MEASURE_EN = frozenset(
    _words(
        "said says say expects expect plans plan is are was were has have had will would one two three four "
        "five six seven eight nine ten both all percent per cent"
    )
)
"""Words no measure's name holds: another clause's verb ("said its orders rose"), a count ("three groups")."""
MEASURE_ENDINGS_ZH = _words(
    "产量 销量 出货量 交付量 销售额 交易额 成交额 产值 票房 投资额 投资 面积 客流量 吞吐量 发电量 "
    "用电量 装机容量 装机量 产能 运量 货量 人次 规模 总量 存量 余额 保有量 订单 完工量 接单量 税收 "
    "支出 消费 价格 均价 授权量 申请量 旅客 游客 采购商 开支 经费 进港量 到港量 货值 出口量 进口量"
)
"""What a Chinese measure's name ends with (水泥产量, 全省票房, 连锁便利店销售额); a company's 营业额 is its
whole and not here."""

# Goods named by a mass noun: "tea exports" are of tea, while "yacht exports" are of yachts
MASS_NOUNS_EN = frozenset(
    _words(
        "tea denim furniture seafood steel clothing footwear equipment machinery hardware jewellery jewelry "
        "salmon shrimp squid tuna cod gear luggage cutlery lighting "
        "pork beef mutton poultry rice software apparel cement glass paper aluminium aluminum copper oil gas "
        "coal silk cotton food grain wine timber fish luggage porcelain bamboo rubber plastic leather "
        "kitchenware tableware cookware sanitaryware glassware homeware silverware ware knitwear sportswear "
        "underwear eyewear headwear nightwear swimwear produce fruit tobacco sugar salt meat milk livestock "
        "aquaculture lumber wood iron zinc nickel lithium silicon ore electricity power energy water "
        "stationery cargo freight merchandise infant formula"
    )
)
"""Product words whose plural is themselves; a product written as a noun adjunct ("motorcycle exports")
is otherwise named in the plural ("motorcycles"), as every label and the catalogue name goods."""

# --- what a count counts, an industry's name, a trader's goods (docs/architecture.md, "Parts") --------------

NOT_COUNTED_EN = frozenset(
    _words(
        "times years months days weeks hours minutes percent points units items pieces people persons as "
        "was is has this its countries regions economies firms companies enterprises businesses workers "
        "employees consumers residents households kilowatts metres meters products goods models clusters "
        "jobs cities towns members partners markets overseas business abroad"
    )
)
"""Words after an English count that name no measure of their own: durations and generic units, places, firms
and people counted as such ("223 countries and regions"), and adverbs ("2,600 overseas")."""
MEASURE_WORDS_EN = frozenset(
    _words(
        "pairs sets units tons tonnes kilograms kilogrammes litres liters barrels cartons boxes crates teus "
        "metres meters kilometres kilometers gigawatt-hours kilowatt-hours megawatt-hours"
    )
)
"""Words after an English count that measure the things counted rather than name them ("146 million pairs of
jeans", "moving 2.51 million tonnes"): the things are what follows "of", when written."""
AFTER_THINGS_EN = frozenset(
    _words(
        "in to from for at on with worth last this that and or up down during over were was is are by a an "
        "the each per abroad overseas so more than"
    )
)
"""Words that end the name of the things a measure word measures ("pairs of jeans in the first months")."""
PERIOD_REST_AFTER_DIGITS_ZH = re.compile(r"^(?:个月|个季度|季度|月份|月|年|季)")
"""The rest of a period written with a digit that opens a run of Chinese (前10个月广东钟表出口 -> 个月): no
part of the subject's name."""
HEADLINE_VERBS_EN = frozenset(
    _words(
        "finds find rides ride heats heat brushes brush blows blow makes make lights light looks look "
        "hits hit tops top rises rise gains gain grows grow climbs climb wins win goes go takes take sees "
        "see sets set cuts cut casts cast digs dig trims trim strikes strike steps step courts court "
        "prints print flood floods reach reaches lift lifts sell sells ship ships surge surges soar soars "
        "boom booms stitch stitches"
    )
)
"""Verbs a feature headline puts right after its subject ("toothbrushes brush up", "kitchenware heats up"):
where the goods a headline names end."""
VERBS_AND_ADVERBS_EN = frozenset(
    _words(
        "brought bought sold took made saw hit rose fell grew set came went led paid won put got held kept "
        "left met ran sent spent stood told drew gave alone also only just even still together again already"
    )
)
"""Verbs whose past does not end in -ed and adverbs without -ly: before a trade phrase they name no goods
("October alone brought bilateral trade of ...") and leave it the whole's."""
NOT_OTHER_GOODS_EN = frozenset(
    _words(
        "exports imports shipments sales trade prices price profit profits revenue revenues output orders "
        "value volume volumes figure rate growth demand investment spending production earnings it they he "
        "she we share shares stock stocks index market markets economy gdp"
    )
)
"""Words that make a clause's subject something other than goods ("while prices fell 2 percent")."""
NOT_IN_GOODS_EN = frozenset(_words("on in to by at for with from via through under were was is are been"))
"""Words no goods written before "worth" hold: a preposition or a verb ("Goods exported on the service were
worth ...")."""
NOT_A_COUNT_NAME_START_EN = frozenset(_words("such more new other these those the its their"))
"""Words that open a count of some of the things counted before, or of more of them ("500 such firms")."""
NOT_IN_AN_INDUSTRY_NAME_EN = frozenset(
    _words(
        "the its their his her a an of in for from to by with that which this these whose on at as and or "
        "is are was were has have had saw said says whole entire overall local city province district town "
        "county country nation national provincial municipal total targets target aims aim wants expects "
        "plans reported posted generated reached"
    )
)
"""Words that end the name of an industry read backwards from "industry": determiners, possessives, places and
the verbs of a report ("Zhuhai's aviation industry posted revenue ...")."""
NOT_TRADERS_GOODS_EN = frozenset(
    ("foreign", "trade", "foreign trade", "local", "new", "such", "these", "the", "of")
)
"""What stands before "enterprises with export records" without naming the traders' goods."""
