"""Read a figure's context: who it is about (entity), projection cues, growth/share role and declines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gdwatch.extractors.figures.scan import literal_pattern

CITIES: dict[str, str] = {
    "Guangzhou": "广州",
    "Shenzhen": "深圳",
    "Zhuhai": "珠海",
    "Shantou": "汕头",
    "Foshan": "佛山",
    "Shaoguan": "韶关",
    "Heyuan": "河源",
    "Meizhou": "梅州",
    "Huizhou": "惠州",
    "Shanwei": "汕尾",
    "Dongguan": "东莞",
    "Zhongshan": "中山",
    "Jiangmen": "江门",
    "Yangjiang": "阳江",
    "Zhanjiang": "湛江",
    "Maoming": "茂名",
    "Zhaoqing": "肇庆",
    "Qingyuan": "清远",
    "Chaozhou": "潮州",
    "Jieyang": "揭阳",
    "Yunfu": "云浮",
}
COMPANIES: dict[str, tuple[str, ...]] = {
    "BYD": ("BYD", "比亚迪"),
    "DJI": ("DJI", "大疆"),
    "Huawei": ("Huawei", "华为"),
    "Midea": ("Midea", "美的集团", "美的"),
    "Galanz": ("Galanz", "格兰仕"),
    "Xpeng": ("Xpeng", "XPeng", "小鹏"),
    "GAC": ("GAC", "广汽"),
    "EHang": ("EHang", "亿航"),
    "Gree": ("Gree", "格力"),
    "Tencent": ("Tencent", "腾讯"),
    "ZTE": ("ZTE", "中兴"),
    "OPPO": ("OPPO",),
    "vivo": ("vivo",),
    "TCL": ("TCL",),
    "Skyworth": ("Skyworth", "创维"),
    "Xiaomi": ("Xiaomi", "小米"),
}
# Places that are entities only when written as possessives ("Hong Kong's exports").
FOREIGN = ("China", "Hong Kong", "Macao", "Macau")

_ENTITY_TOKENS: list[tuple[str, str, str]] = (
    [(name, name, "city") for name in CITIES]
    + [(zh, name, "city") for name, zh in CITIES.items()]
    + [(written, name, "company") for name, forms in COMPANIES.items() for written in forms]
    + [(name, "China" if name == "China" else name, "foreign") for name in FOREIGN]
    + [("我国", "China", "china_zh"), ("中国", "China", "foreign_zh"), ("全国", "China", "national_zh")]
    + [
        ("Guangdong", "Guangdong", "province"),
        ("广东", "Guangdong", "province"),
        ("全省", "Guangdong", "province"),
    ]
    + [("the province", "Guangdong", "province"), ("The province", "Guangdong", "province")]
    + [("the country", "China", "country_ref"), ("The country", "China", "country_ref")]
    + [("the nation", "China", "country_ref"), ("The nation", "China", "country_ref")]
    + [
        ("the city", "", "city_ref"),
        ("The city", "", "city_ref"),
        ("全市", "", "city_ref"),
        ("该市", "", "city_ref"),
    ]
)
# The alternation of the literals, longest first, written as a trie: the regex engine then skips ahead
# by first character and compares each character once.
_ENTITY_RE = re.compile(literal_pattern(token for token, _, _ in _ENTITY_TOKENS))
_ENTITY_OF = {token: (name, kind) for token, name, kind in _ENTITY_TOKENS}
_GROUP_RE = re.compile(r"\b([A-Z][A-Za-z]+)\s+(?:Group|Co\.|Corp\.?|Inc\.?|Ltd\.?)")
_GROUP_WORDS = ("Group", "Co.", "Corp", "Inc", "Ltd")
_ANAPHOR_RE = re.compile(r"\b[Ii]ts\b|其中|其")
_DENOMINATOR_BEFORE = re.compile(
    r"(?:\bof|\binto\b|\bfor|\bwith(?: a)?|\bto|占|居|对|与|比|向|从|来自)\s*(?:the\s+)?$", re.I
)

# Matched against lower-cased text; word boundaries are checked by projection_cues().
_PROJECTION_WORDS = [
    "expect",
    "expects",
    "expected",
    "expecting",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "target",
    "targets",
    "targeted",
    "targeting",
    "projected",
    "projection",
    "forecast",
    "forecasts",
    "forecasted",
    "will",
    "goal",
    "goals",
    "strive",
    "strives",
    "striving",
    "seek",
    "seeks",
    "seeking",
    "intend",
    "intends",
    "could",
    "would",
    "anticipated",
    "anticipates",
]
_PROJECTION_WORDS += [
    "plans to",
    "plan to",
    "planned to",
    "planning to",
    "is set to",
    "are set to",
    "wants to",
    "want to",
    "hopes to",
    "hope to",
    "estimated to",
    "likely to",
    "on track to",
]
# The alternation of the literals, longest first ("预计|预期|…" never compete at one offset), written as
# a trie (boundaries checked in projection_cues): fast to scan.
_PROJECTION_WORDS_ZH = ["预计", "预期", "力争", "目标", "计划", "有望", "争取", "规划", "将"]
PROJECTION_RE = re.compile(literal_pattern([*_PROJECTION_WORDS, *_PROJECTION_WORDS_ZH]))


def projection_cues(lowered: str) -> list[int]:
    """Offsets of the words that mark a projection (expected, aims to, will, 预计, 力争, 将).

    Args:
        lowered: the sentence with ASCII letters lower-cased (same length as the sentence).

    Returns:
        Start offsets of the cue words.
    """
    cues = []
    for match in PROJECTION_RE.finditer(lowered):
        start = match.start()
        previous = lowered[start - 1 : start] if start else ""
        following = lowered[match.end() : match.end() + 1]
        if match.group() == "将" and (previous == "即" or following == "近"):
            continue
        if match.group().isascii() and (previous.isalpha() or following.isalpha()):
            continue
        cues.append(start)
    return cues


_SHARE_BEFORE = re.compile(
    r"(?:account(?:ed|ing|s)? for|made up|make up|makes up|making up|represent(?:ed|ing|s)?|share of|"
    r"share|proportion|, or|占比|占据|占|比重|份额)[^.;%]{0,60}$",
    re.I,
)
_SHARE_AFTER = re.compile(
    r"^\s*(?:of\s+(?:the|its|their|them|all|total|Guangdong|China|national|the country)|的份额|的比重)", re.I
)
_LEVEL_BEFORE = re.compile(r"(?:\bto|\bat|至|到|为|达)\s*$", re.I)
_GROWTH_BEFORE = re.compile(
    r"\b(?:up|down|rose|rise|rises|rising|grew|grow|grows|growing|growth|increase|increased|increases|"
    r"increasing|jumped|jump|surged|surge|expanded|expand|expanding|fell|fall|falls|falling|dropped|drop|"
    r"declined|decline|decreased|decrease|edged|climbed|climb|gained|slid|slipped|shrank|contracted|"
    r"lift|lifted|raise|raised|year-on-year|by)\b|增长|下降|增速|增幅|同比|减少|下滑|回落|提高|提升|上升|涨幅|降低|下跌",
    re.I,
)
_GROWTH_AFTER = re.compile(
    r"^\s*(?:increase|rise|growth|gain|jump|decline|drop|decrease|fall|higher|lower)\b", re.I
)
_DECLINE_BEFORE = re.compile(
    r"\b(?:down|fell|fall|falls|falling|dropped|drop|drops|declined|decline|declines|decreased|decrease|"
    r"slid|slipped|shrank|contracted|plunged|tumbled|dipped)\b|下降|减少|下滑|回落|降低|下跌",
    re.I,
)
_RISE_BEFORE = re.compile(
    r"\b(?:up|rose|rise|grew|grow|increased|increase|jumped|surged|expanded|climbed|gained|edged up)\b"
    r"|增长|提高|提升|上升",
    re.I,
)
_DECLINE_AFTER = re.compile(r"^\s*(?:decline|drop|decrease|fall|lower|contraction)\b", re.I)


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A city, company, country or province named in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    name: str
    kind: str
    valid: bool
    """False when the mention is a denominator ("of Guangdong's total") or an attribute ("Shenzhen-based")."""


def find_entities(sentence: str) -> list[EntityMention]:
    """Find the places and companies a sentence names.

    Args:
        sentence: one normalized sentence.

    Returns:
        Mentions in order; each says whether it can be the subject of a figure.
    """
    found = []
    for match in _ENTITY_RE.finditer(sentence):
        token = match.group()
        if token.isascii() and (
            sentence[match.start() - 1 : match.start()].isalpha()
            or sentence[match.end() : match.end() + 1].isalpha()
        ):
            continue
        name, kind = _ENTITY_OF[token]
        found.append(_mention(sentence, match.start(), match.end(), name, kind))
    # why: a company suffix is rare, and the scan for it tries every offset
    for match in _GROUP_RE.finditer(sentence) if any(word in sentence for word in _GROUP_WORDS) else ():
        if match.group(1) not in _ENTITY_OF and match.group(1) not in {"The", "China"}:
            found.append(_mention(sentence, match.start(1), match.end(1), match.group(1), "company"))
    found.sort(key=lambda mention: mention.start)
    return found


def _mention(sentence: str, start: int, end: int, name: str, kind: str) -> EntityMention:
    before = sentence[max(0, start - 30) : start]
    after = sentence[end : end + 7]
    possessive = after.startswith(("'s", "’s"))
    valid = not after.startswith(("-based", " province", "-made")) and not _DENOMINATOR_BEFORE.search(before)
    if kind in {"foreign", "country_ref"} and not possessive:
        valid = False
    if kind == "national_zh" and not re.search(r"(?:^|[，,；;。]|\d年)$", before):
        valid = False
    if kind == "foreign_zh" and not after.startswith(("的", "进出口", "出口", "外贸", "货物")):
        valid = False
    if (
        kind == "city"
        and name.isascii()
        and re.search(r"\bin\s+$", before)
        and not re.search(r"[a-z]s\s+in\s+$", before)
    ):
        valid = bool(re.search(r"\b(?:is|are|was|were)\s+\w+\s+in\s+$", before))
    return EntityMention(start, end, name, kind, valid)


def has_anaphor(text: str) -> bool:
    """Whether a clause refers back to an earlier subject ("its imports", 其中).

    Args:
        text: a clause.

    Returns:
        True if it contains "its"/"Its", 其中 or 其.
    """
    if "其" in text:
        return True
    # why: the scan tries every offset; without "its" anywhere it cannot match
    return ("its" in text or "Its" in text) and bool(_ANAPHOR_RE.search(text))


def percent_role(before: str, after: str) -> str:
    """Whether a percent figure is written as a growth rate, a share or a level.

    Args:
        before: the clause text before the figure (since the previous figure).
        after: the text right after the figure.

    Returns:
        "share", "level" or "growth".
    """
    if _SHARE_BEFORE.search(before) or _SHARE_AFTER.match(after):
        return "share"
    if _LEVEL_BEFORE.search(before):
        return "level"
    if _GROWTH_BEFORE.search(before) or _GROWTH_AFTER.match(after):
        return "growth"
    return "level"


def is_decline(before: str, after: str) -> bool:
    """Whether a growth figure is written as a decline ("fell 2.1%", 下降2.1%, "a 3% drop").

    Args:
        before: the clause text before the figure (since the previous figure).
        after: the text right after the figure.

    Returns:
        True for a decline.
    """
    if _DECLINE_AFTER.match(after):
        return True
    declines = list(_DECLINE_BEFORE.finditer(before))
    if not declines:
        return False
    rises = list(_RISE_BEFORE.finditer(before))
    return not rises or rises[-1].start() < declines[-1].start()
