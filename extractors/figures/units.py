"""What a count figure counts: the noun after (or before) the number, in English and Chinese."""

from __future__ import annotations

import re

# Plural-looking words that are not counted nouns.
_NOT_PLURAL = frozenset(
    [
        "is",
        "was",
        "has",
        "does",
        "its",
        "this",
        "thus",
        "as",
        "us",
        "plus",
        "less",
        "across",
        "always",
        "overseas",
        "various",
        "numerous",
        "previous",
        "famous",
        "serious",
        "perhaps",
        "whereas",
        "yes",
        "his",
        "hers",
        "ours",
        "yours",
        "theirs",
        "towards",
        "afterwards",
        "besides",
        "totals",
        "reaches",
        "tops",
        "exceeds",
        "hits",
        "stands",
        "remains",
        "ranks",
        "accounts",
        "makes",
        "takes",
        "says",
        "includes",
        "means",
        "news",
        "sales-wise",
        "percents",
        "aims",
        "seeks",
        "wants",
        "hopes",
        "expects",
        "shows",
    ]
)
_IRREGULAR = frozenset(["people", "personnel", "staff"])
# Nouns a number is not counted in: periods, multipliers, sessions.
_NOT_COUNTS = frozenset(
    ["times", "sessions", "months", "quarters", "weeks", "decades", "centuries", "pm", "am"]
)
_STOP = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "from",
        "by",
        "and",
        "or",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "per",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "since",
        "during",
        "between",
        "among",
        "while",
        "whereas",
        "but",
        "also",
        "each",
        "year-on-year",
        "respectively",
    ]
)
COMPOUNDS = frozenset(
    [
        "square metres",
        "square meters",
        "square kilometres",
        "square kilometers",
        "cubic metres",
        "cubic meters",
        "industrial robots",
        "service robots",
        "charging piles",
        "charging stations",
        "base stations",
        "pilot zones",
        "air conditioners",
        "equivalent units",  # "twenty-foot equivalent units (TEUs)"
    ]
)
_SIZE_CLASS = re.compile(r"^(?:thousand|million|billion|trillion)-(?:yuan|dollar|dollars|rmb|usd)$", re.I)
_TOKEN = re.compile(r"\s*[\"“”'‘’]?([A-Za-z][A-Za-z'-]*)[\"“”'‘’]?")
_AND_REGIONS = re.compile(r"\s+and\s+regions\b", re.I)
_STREAK_RUN = re.compile(
    r"\s+(?:(?:consecutive|straight|successive|running)\s+(years|quarters|months)\b"
    r"|(years|quarters|months)\s+(?:running|in\s+a\s+row)\b)",
    re.I,
)

ZH_SPECIFIC_MEASURES = [
    "平方公里",
    "平方米",
    "千瓦时",
    "千瓦",
    "人次",
    "辆次",
    "辆",
    "套",
    "台",
    "人",
    "吨",
    "分钟",
    "兆瓦时",
    "兆瓦",
    "吉瓦时",
    "吉瓦",
    "轮",
    "小时",
    "公里",
    "艘",
    "部",
    "件",
    "亩",
    "张",
    "颗",
    "只",
    "架次",
    "标准箱",
    "标箱",
    "宗",
    "次",
    "平方千米",
    "千米",
    "米",
]
ZH_GENERIC_MEASURES = ["家", "户", "个", "名", "条", "架", "款", "项", "座", "种", "所", "位", "批", "列"]
_ZH_HEADS = [
    "国家和地区",
    "经营主体",
    "市场主体",
    "企业",
    "集群",
    "公司",
    "国家",
    "地区",
    "采购商",
    "无人机",
    "航线",
    "车型",
    "城市",
    "项目",
    "平台",
    "园区",
    "基地",
    "工厂",
    "门店",
    "店铺",
    "品牌",
    "产品",
    "专利",
    "客户",
    "商家",
    "展商",
    "机构",
    "充电桩",
    "机器人",
    "独角兽",
    "起降点",
    "海外仓",
]
_ZH_STOP = re.compile(
    r"[的与及、，,。；;：:！？!?“”\"（）()\[\]《》\s\dA-Za-z在是为将已被从向对到至比较占共由增达]"
)
_ZH_MODIFIERS = re.compile(r"^(?:新|试点|战略性|支柱|[\u4e00-\u9fff]{0,3}级)+")
_ZH_LEADING = re.compile(
    r"^(?:全省|全市|全国|我国|广东省|广东|目前|其中|今年|去年|另有|共有|已有|拥有|集聚|聚集|培育|新增|规模以上|"
    # a place before the noun: two or three characters ending a run before 市/区 are stripped with them
    + r"|[\u4e00-\u9fff]{2,3}(?:市|区)|市|有|已建成|建成|已建|新建|建设|累计)+"
)
_ZH_FROM_YEAR = re.compile(r"(?:从|由)?(?:\d{4}年(?:底|末)?的?)?(?:从|由)?$")
_ZH_TRAILING = re.compile(
    r"(?:增至|增加到|增长到|数量|总数|规模|中有|中|共计|累计|力争|达到|超过|突破|约|有|达|为|逾|近|超|至少)+$"
)


_UNIT_SYMBOLS = frozenset({"teus", "teu", "gwh"})
"""Units written with capitals that count like nouns ("4.6 million TEUs", "21.6 GWh")."""


def is_plural(word: str) -> bool:
    """Whether an English word looks like a plural noun that can be counted.

    Args:
        word: one lower-case token.

    Returns:
        True for "firms", "countries", "people"; False for "its", "overseas", "business".
    """
    if word in _IRREGULAR:
        return True
    if word in _NOT_PLURAL or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    return len(word) > 2


def english_noun_after(text: str, pos: int) -> tuple[str | None, bool]:
    """Find the counted noun after a number ("60,000 foreign trade firms" -> "firms").

    Args:
        text: the sentence.
        pos: offset just after the number (and its scale word).

    Returns:
        (noun or None, is_streak) where is_streak marks "N consecutive years" (or quarters, months), the
        noun being "years", "quarters" or "months".
    """
    streak = _STREAK_RUN.match(text, pos)
    if streak:
        return (streak.group(1) or streak.group(2)).lower(), True
    words: list[str] = []
    cursor = pos
    head: int | None = None
    for _ in range(6):
        match = _TOKEN.match(text, cursor)
        if match is None:
            break
        token = match.group(1)
        lower = token.lower()
        if _SIZE_CLASS.match(token):
            cursor = match.end()
            continue
        if lower in _STOP:
            if lower == "and" and words and head is None and not is_plural(words[-1].lower()):
                cursor = match.end()
                continue
            break
        if head is not None and not (token.islower() and is_plural(lower)):
            break
        words.append(token)
        if (token[0].islower() and is_plural(lower) and not lower.endswith("'s")) or lower in _UNIT_SYMBOLS:
            head = len(words) - 1
        cursor = match.end()
    if head is None:
        return None, False
    noun = words[head].lower()
    if noun in _NOT_COUNTS or noun == "years":
        return None, False
    if head > 0 and f"{words[head - 1].lower()} {noun}" in COMPOUNDS:
        noun = f"{words[head - 1].lower()} {noun}"
    if noun == "countries" and _AND_REGIONS.match(text, cursor):
        noun = "countries and regions"  # why: one count of trade partners, as 国家和地区 is
    return noun, False


_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")


def english_noun_before(text: str, pos: int) -> str | None:
    """Find the counted noun before a bare number ("charging piles surpassed 400,000" -> "charging piles").

    Args:
        text: the sentence.
        pos: offset where the number (with its qualifier) starts.

    Returns:
        The nearest plural noun to the left in the sentence, or None.
    """
    window = text[max(0, pos - 200) : pos]
    tokens = _WORDS.findall(window)
    sentence_start = pos <= 200 and bool(tokens) and window.lstrip().startswith(tokens[0])
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index]
        lower = word.lower()
        if (word[0].isupper() and not (index == 0 and sentence_start)) or lower in _NOT_COUNTS or "'" in word:
            continue
        if is_plural(lower):
            if index > 0 and f"{tokens[index - 1].lower()} {lower}" in COMPOUNDS:
                return f"{tokens[index - 1].lower()} {lower}"
            return lower
    return None


def chinese_noun_after(text: str, pos: int) -> str | None:
    """Find the noun after a Chinese measure word ("2000家中小企业" -> "中小企业").

    Args:
        text: the sentence.
        pos: offset just after the measure word.

    Returns:
        The noun without leading modifiers (新, 试点, X级), or None.
    """
    run = []
    for ch in text[pos : pos + 12]:
        if _ZH_STOP.match(ch) or not ("\u4e00" <= ch <= "\u9fff"):
            break
        run.append(ch)
    noun = "".join(run)
    if not noun or noun.startswith(("左右", "以上", "以下", "上下", "以内")):
        return None
    found = [(noun.find(h), -len(h), h) for h in _ZH_HEADS if h in noun]
    if found:
        position, _, head = min(found)
        noun = noun[: position + len(head)]
    else:
        noun = noun[:4]
    noun = _ZH_MODIFIERS.sub("", noun) or noun
    return noun or None


_NOUN_BREAK_ZH = re.compile(r"[的元”]")


def chinese_noun_before(text: str, pos: int) -> str | None:
    """Find the noun a Chinese count refers back to ("充电桩逾40万个" -> "充电桩").

    Args:
        text: the sentence.
        pos: offset where the number starts.

    Returns:
        The noun phrase before the number, stripped of scope words and verbs, or None.
    """
    # "新增航线：9条": a label and its colon before the count
    left = _ZH_FROM_YEAR.sub("", text[max(0, pos - 30) : pos]).rstrip("：: ")
    run: list[str] = []
    for ch in reversed(left):
        if "\u4e00" <= ch <= "\u9fff":
            run.append(ch)
            continue
        break
    phrase = "".join(reversed(run))
    phrase = _NOUN_BREAK_ZH.split(phrase)[-1]
    phrase = _ZH_TRAILING.sub("", phrase)
    ends = [(phrase.rfind(h) + len(h), len(h)) for h in _ZH_HEADS if h in phrase]
    if ends:
        phrase = phrase[: max(ends)[0]]
    phrase = _ZH_LEADING.sub("", phrase)
    phrase = _ZH_MODIFIERS.sub("", phrase) or phrase
    return phrase or None
