"""The gazetteer compiled for matching: who a figure can belong to (places, companies, events) and whom a
trade figure is with (partners), from ``config/gazetteer.toml``.

Built once per :class:`engine.FigureExtractor`; nothing here is read at import time, so adding a city or a
partner is an edit of the TOML file. Traditional Chinese text is simplified before matching
(:mod:`script`), so only the English and simplified names are matched; the traditional names are checked
against them when the gazetteer is tested.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gdwatch.config.models import Gazetteer, GazetteerEntry
from gdwatch.extractors.figures.scan import literal_pattern

# Words that are grammar, not gazetteer entries: how Chinese and English name the country, "the city".
_GRAMMAR_TOKENS: tuple[tuple[str, str, str], ...] = (
    ("China", "China", "foreign"),
    ("Hong Kong", "Hong Kong", "foreign"),
    ("Macao", "Macao", "foreign"),
    ("Macau", "Macao", "foreign"),
    ("Taiwan", "Taiwan", "foreign"),
    ("我国", "China", "china_zh"),
    ("中国", "China", "foreign_zh"),
    # Hong Kong, Macao and Taiwan own a figure when their trade is the subject: 香港整体出口, 台湾对广东出口
    ("香港", "Hong Kong", "foreign_zh"),
    ("本港", "Hong Kong", "foreign_zh"),
    # 访港旅客: visitors to Hong Kong are Hong Kong's arrivals
    ("访港", "Hong Kong", "region"),
    ("澳门", "Macao", "foreign_zh"),
    ("台湾", "Taiwan", "foreign_zh"),
    ("全国", "China", "national_zh"),
    ("the country", "China", "country_ref"),
    ("The country", "China", "country_ref"),
    ("the nation", "China", "country_ref"),
    ("The nation", "China", "country_ref"),
    ("the city", "", "city_ref"),
    ("The city", "", "city_ref"),
    ("全市", "", "city_ref"),
    ("该市", "", "city_ref"),
)
# Hong Kong and Macao as Chinese copy abbreviates them in trade and investment: 对港出口, 自港进口, 供港活鸡,
# 粤港贸易, 港资, 港商 (never 港口, 深圳港, 粤港澳 or 澳大利亚): pattern -> the written form's partner
_ABBREVIATED_PARTNERS = (
    (r"(?<=[对自向经供输])港(?![口区澳])", "港", "Hong Kong"),
    (r"粤港(?!澳)", "粤港", "Hong Kong"),
    (r"港资", "港资", "Hong Kong"),
    (r"港商", "港商", "Hong Kong"),
    (r"(?<=[对自向供输])澳(?![门洲大])", "澳", "Macao"),
    (r"粤澳", "粤澳", "Macao"),
    (r"澳资", "澳资", "Macao"),
    # a country or region cut to one character between 对 / 自 and the trade (对英出口, 对俄进出口), as copy
    # writes it after naming the partner in full; nowhere else (英寸, 拉动, 日均, 法人, 加工)
    *(
        (rf"(?<=[对自]){char}(?=进出口|出口|进口|购入|输入|买入)", char, name)
        for char, name in (
            # not 拉 (Latin America, Latvia), 加 (Canada, Ghana) or 印 (India, Indonesia): more than one
            ("英", "UK"),
            ("俄", "Russia"),
            ("日", "Japan"),
            ("韩", "South Korea"),
            ("德", "Germany"),
            ("法", "France"),
            ("泰", "Thailand"),
            ("越", "Vietnam"),
            ("墨", "Mexico"),
            ("非", "Africa"),
            ("欧", "EU"),
            ("台", "Taiwan"),  # 自台进口, 对台出口
        )
    ),
    # names that are parts of other words, matched where they are not: 增加纳税 (Ghana), 内蒙古 (Mongolia)
    (r"(?<![增追参])加纳(?![税入米])", "加纳", "Ghana"),
    (r"(?<!内)蒙古(?![族包语])", "蒙古", "Mongolia"),
    # names that are common words or parts of them (黑山 "black hill", 沿海地区, 马里奥), read as the country
    # only as a trade's partner: after 对 / 与 / 自 ... or in a list of partners, or right before the trade
    *(
        (
            rf"(?<=[对与同自从向往至到和及、粤]){written}|{written}(?=进出口|出口|进口|贸易|双边)",
            written,
            name,
        )
        for written, name in (
            ("黑山", "Montenegro"),
            ("也门", "Yemen"),
            ("马里", "Mali"),
            ("多哥", "Togo"),
            ("汤加", "Tonga"),
            ("海地", "Haiti"),
        )
    ),
)
_KINDS = (("cities", "city"), ("districts", "district"), ("regions", "region"), ("events", "event"))


def _first_characters(variants: list[str], abbreviated: list[tuple[str, str, str]]) -> str:
    """The characters a partner pattern's match can start with, escaped for a character class: each
    variant's first letter, and the first character each abbreviation's pattern consumes (its written form's:
    港 of "(?<=[对自向经])港", 粤 of 粤港)."""
    first = {variant.split()[0][0] for variant in variants} | {written[0] for _, written, _ in abbreviated}
    return "".join(re.escape(char) for char in sorted(first))


def _initials_zh(partner_of: dict[str, str]) -> dict[str, frozenset[str]]:
    """Partner -> the first character of each of its Chinese written forms (阿塞拜疆 -> 阿)."""
    initials: dict[str, set[str]] = {}
    for written, name in partner_of.items():
        if not written.isascii():
            initials.setdefault(name, set()).add(written[0])
    return {name: frozenset(chars) for name, chars in initials.items()}


def _spaced_trie(variants: list[str]) -> str:
    """Regex source matching the longest written form at a position, any run of spaces between words."""
    return literal_pattern(variants).replace(re.escape(" "), r"\s+")


def _names(entry: GazetteerEntry) -> tuple[str, ...]:
    return (*entry.en, *entry.zh_hans)


def partner_form(written: str) -> str:
    """A partner's name as matched: lower case, hyphens and quotes as spaces, single spaces."""
    lowered = written.lower()
    for mark in "-\"'“”‘’「」『』":
        lowered = lowered.replace(mark, " ")
    return " ".join(lowered.split())


@dataclass(frozen=True)
class PlaceIndex:
    """The compiled gazetteer."""

    home: str
    """The entity of a figure whose text names no other owner ("Guangdong")."""
    entity_re: re.Pattern[str]
    entity_of: dict[str, tuple[str, str]]
    """Written form -> (name, kind): city, district, region, event, company, province, or grammar kinds."""
    city_names: frozenset[str]
    """The cities by name ("Zhanjiang")."""
    city_names_zh: tuple[str, ...]
    place_names_zh: tuple[str, ...]
    """Cities, districts, regions and events in simplified Chinese."""
    company_forms_zh: tuple[str, ...]
    company_names: frozenset[str]
    """The gazetteer's companies by name ("BYD")."""
    company_re: re.Pattern[str] | None
    """The written forms of kind company alone (:func:`entities.may_name_a_company`), None without any."""
    partner_pattern: str
    """Regex alternation of every way a partner is written (in match text)."""
    partner_re: re.Pattern[str]
    partner_of: dict[str, str]
    partner_forms_zh: tuple[str, ...]
    partner_form_set_zh: frozenset[str]
    """The same forms, for a lookup (:meth:`is_partner_zh`)."""
    partner_initials_zh: dict[str, frozenset[str]]
    """Partner -> the first characters of its Chinese names, for a partner cut to one (对阿出口, 粤尼两地)."""
    jurisdiction_re: re.Pattern[str] | None
    """The agencies and wire services of the places with statistics of their own (中央社, 政府统计处)."""
    jurisdiction_of: dict[str, str]
    """Written form of such an agency -> the place whose figures it reports ("中央社" -> "Taiwan")."""
    jurisdictions: frozenset[str]
    """The places with statistics of their own (Hong Kong, Macao, Taiwan): an article whose first figure
    is theirs reports on them."""

    def names(self, word: str) -> bool:
        """Whether a capitalised word is a name the gazetteer knows (a place, company, event or partner).

        Args:
            word: one word as written ("Jiangmen", "ASEAN", "Motorcycle").

        Returns:
            True for a name's written form or a partner's.
        """
        return word in self.entity_of or partner_form(word) in self.partner_of

    @classmethod
    def build(cls, gazetteer: Gazetteer) -> PlaceIndex:
        """Compile a gazetteer.

        Args:
            gazetteer: the loaded ``config/gazetteer.toml``.

        Returns:
            The index.
        """
        tokens: list[tuple[str, str, str]] = [
            (w, gazetteer.home.name, "province") for w in _names(gazetteer.home)
        ]
        for field, kind in _KINDS:
            tokens += [(w, entry.name, kind) for entry in getattr(gazetteer, field) for w in _names(entry)]
        tokens += [(w, entry.name, "company") for entry in gazetteer.companies for w in _names(entry)]
        tokens += list(_GRAMMAR_TOKENS)
        entity_of: dict[str, tuple[str, str]] = {}
        for written, name, kind in tokens:
            entity_of.setdefault(written, (name, kind))
        company_forms = [written for written, (_, kind) in entity_of.items() if kind == "company"]
        partner_of = {partner_form(w): entry.name for entry in gazetteer.partners for w in _names(entry)}
        variants = sorted(partner_of, key=len, reverse=True)
        known = {entry.name for entry in gazetteer.partners}
        abbreviated = [entry for entry in _ABBREVIATED_PARTNERS if entry[2] in known]
        partner_of.update({written: name for _, written, name in abbreviated})
        # why: a trie of the written forms (shared prefixes compared once) instead of an alternation of 800 of
        # them tried one after another at every offset: the gazetteer lists every country
        pattern = "(?:" + "|".join([_spaced_trie(variants), *(regex for regex, _, _ in abbreviated)]) + ")"
        jurisdiction_of = {w: entry.name for entry in gazetteer.jurisdictions for w in _names(entry)}
        forms_zh = tuple(v.replace(" ", "") for v in variants if not v.isascii()) + tuple(
            written for _, written, _ in abbreviated
        )
        return cls(
            home=gazetteer.home.name,
            entity_re=re.compile(literal_pattern(entity_of)),
            entity_of=entity_of,
            city_names=frozenset(entry.name for entry in gazetteer.cities),
            city_names_zh=tuple(w for entry in gazetteer.cities for w in entry.zh_hans),
            place_names_zh=tuple(
                w for field, _ in _KINDS for entry in getattr(gazetteer, field) for w in entry.zh_hans
            ),
            company_forms_zh=tuple(w for entry in gazetteer.companies for w in entry.zh_hans),
            company_names=frozenset(entry.name for entry in gazetteer.companies),
            company_re=re.compile(literal_pattern(company_forms)) if company_forms else None,
            partner_pattern=pattern,
            # why: the alternation is tried at every offset not after a letter (every one in Chinese text); a
            # look-ahead for the characters a partner can start with rules most offsets out in one test
            partner_re=re.compile(
                r"(?<![a-z])(?=[" + _first_characters(variants, abbreviated) + "])" + pattern + r"(?![a-z])"
            ),
            partner_of=partner_of,
            partner_initials_zh=_initials_zh(partner_of),
            partner_forms_zh=forms_zh,
            partner_form_set_zh=frozenset(forms_zh),
            jurisdiction_re=re.compile(literal_pattern(jurisdiction_of)) if jurisdiction_of else None,
            jurisdiction_of=jurisdiction_of,
            jurisdictions=frozenset(entry.name for entry in gazetteer.jurisdictions),
        )

    def jurisdiction(self, text: str) -> str | None:
        """The place whose own statistics ``text`` cites by its agency or wire service, or None.

        Args:
            text: normalized text (a headline and a lede).

        Returns:
            The first such place named ("Taiwan" for "（中央社记者…台北9日电）财政部…").
        """
        match = self.jurisdiction_re.search(text) if self.jurisdiction_re else None
        return self.jurisdiction_of[match.group()] if match else None

    def is_partner_zh(self, written: str) -> bool:
        """Whether a Chinese text is a partner's own name as written (美国, 韓國), not one cut to a
        character (塞国, 莫方)."""
        return written in self.partner_form_set_zh

    def partner_name(self, written: str) -> str | None:
        """The partner a written form stands for ("the european union" -> "EU"), or None."""
        return self.partner_of.get(" ".join(written.split()))

    def find_partners(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of each trade partner named in match text (:func:`matcher.match_text`)."""
        found: list[tuple[int, int, str]] = []
        for match in self.partner_re.finditer(text):
            if found and match.start() < found[-1][1]:
                continue  # inside the longer name taken instead
            # a longer name that starts inside this one wins: 其中东南亚 is 东南亚, not 中东 and 南亚
            for inside in range(match.start() + 1, match.end()):
                longer = self.partner_re.match(text, inside)
                if longer is not None and longer.end() > match.end():
                    match = longer
                    break
            name = self.partner_name(match.group())
            if (
                name
                and not _CURRENCY_AFTER.match(text, match.end())
                and not _A_COUNTRY_IN_IT.match(text, match.end())
            ):
                found.append((match.start(), match.end(), name))
        return found


# "398 million U.S. dollars", "US$45", 美元 is no trade with the United States: a currency named after a place
_CURRENCY_AFTER = re.compile(r"\s*(?:dollars?\b|\$)")
# "the Middle Eastern kingdom", "the ASEAN country": one country of the region, named elsewhere, not the
# region
_A_COUNTRY_IN_IT = re.compile(r"\s+(?:kingdom|country|nation|emirate|monarchy|republic)\b")
