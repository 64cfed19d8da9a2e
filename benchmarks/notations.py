"""Every way a figure is written: what the extractor reads from each notation, and how traditional script
compares with simplified.

Run: ``python -m benchmarks.notations`` (``--markdown`` prints the tables of docs/benchmarks.md).

Each notation is one sentence through the real extractor (``extract_observations``). Its outcome is
``parsed`` (the expected span with the expected value and unit), ``refused`` (a notation that must give
no figure, and gave none), ``missed`` (no figure where one is expected) or ``wrong`` (a figure with
another value or unit, or one where none is expected: a silent error). The second table scores the
simplified-script documents of the development set against themselves converted to traditional script
(OpenCC ``s2hk`` and ``s2tw``, kept only when the conversion keeps every offset), and the set's own
traditional-script documents.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.devset import DEVSET_DIR, DevDoc, load_devset
from gdwatch.config.loader import load_metrics
from gdwatch.extractors.figures.engine import extract_observations
from gdwatch.extractors.records import Observation

PUBLISHED = datetime.date(2025, 11, 20)


@dataclass(frozen=True, slots=True)
class Notation:
    """One way of writing a figure, in one sentence."""

    tag: str
    """The phenomenon tag of docs/figure-labels-v2.md."""
    sentence: str
    written: str
    """The figure's span as the sentence writes it (for a refusal, the text that must give no figure)."""
    value: float | None
    """The value in base units, or None when the notation must give no figure."""
    unit: str = ""


NOTATIONS: tuple[Notation, ...] = (
    Notation("plain", "Guangdong's GDP reached 14.16 trillion yuan.", "14.16 trillion yuan", 14.16e12, "CNY"),
    Notation("plain", "进出口总值9.1万亿元。", "9.1万亿元", 9.1e12, "CNY"),
    Notation("compact-notation", "Retail sales posted a 4.9-percent increase.", "4.9-percent", 4.9, "%"),
    Notation("compact-notation", "Trade passed a 4-trillion-yuan milestone.", "4-trillion-yuan", 4e12, "CNY"),
    Notation("compact-notation", "Trade reached RMB9.1tn last year.", "RMB9.1tn", 9.1e12, "CNY"),
    Notation("compact-notation", "GDP hit 14t yuan in 2025.", "14t yuan", 14e12, "CNY"),
    Notation("compact-notation", "Exports to the bloc were $41bn.", "$41bn", 41e9, "USD"),
    Notation("compact-notation", "Deals totaled US$2.4 bln.", "US$2.4 bln", 2.4e9, "USD"),
    Notation(
        "compact-notation", "The economy crossed the 5-trillion yuan mark.", "5-trillion yuan", 5e12, "CNY"
    ),
    Notation("compact-notation", "Exports extended a 33-year run.", "33-year", 33.0, "years"),
    Notation("compact-notation", "GDP is 14t.", "14", None),
    Notation("spaced-scale", "进出口总值8.6 万亿元。", "8.6 万亿元", 8.6e12, "CNY"),
    Notation("spaced-scale", "进出口总值86,300 亿元。", "86,300 亿元", 8.63e12, "CNY"),
    Notation("spaced-scale", "出口额为1 .5万亿元。", "1 .5万亿元", None),
    Notation("spaced-scale", "出口额为1. 5万亿元。", "1. 5万亿元", None),
    Notation("spaced-scale", "出口额为8 600亿元。", "8 600亿元", None),
    Notation("full-width", "进出口总值８．６万亿元。", "８．６万亿元", 8.6e12, "CNY"),
    Notation("full-width", "出口８６，３００亿元。", "８６，３００亿元", 8.63e12, "CNY"),
    Notation("full-width", "同比增长１２．５％。", "１２．５％", 12.5, "%"),
    Notation("traditional", "前10個月，廣東進出口總值7.23萬億元。", "7.23萬億元", 7.23e12, "CNY"),
    Notation("traditional", "進口2,590億元，下降1.2%。", "2,590億元", 2.59e11, "CNY"),
    Notation("traditional", "廣東有進出口實績的企業逾10萬家。", "10萬", 1e5, "enterprises"),
    Notation("traditional", "台灣出口額達3.2兆元。", "3.2兆元", 3.2e12, "CNY"),
    Notation("traditional", "深圳生產總值達人民幣3兆8,215億元。", "人民幣3兆8,215億元", 3.8215e12, "CNY"),
    Notation("traditional", "每股派中期息6.5港仙。", "6.5港仙", 0.065, "HKD"),
    Notation(
        "currency", "It declared an interim dividend of 6.5 HK cents a share.", "6.5 HK cents", 0.065, "HKD"
    ),
    Notation("traditional", "新增裝機容量100兆瓦。", "100", 100.0, "MW"),
    Notation("approx-zh", "营收二百六十多万元。", "二百六十多万元", 2.6e6, "CNY"),
    Notation("approx-zh", "逾百家企业参展。", "百", 100.0, "enterprises"),
    Notation("approx-zh", "上千家企业参展。", "千", 1000.0, "enterprises"),
    Notation("approx-zh", "数十个项目签约落地。", "数十", 10.0, "projects"),
    Notation("approx-zh", "全省外贸企业30多万家。", "30多万", 3e5, "enterprises"),
    Notation("approx-zh", "吸引近万家企业参展。", "万", 1e4, "enterprises"),
    Notation("tenths", "民营企业出口占比近三成。", "三成", 30.0, "%"),
    Notation("tenths", "约四成企业开拓了新兴市场。", "四成", 40.0, "%"),
    Notation("tenths", "八成五的企业实现增长。", "八成五", 85.0, "%"),
    Notation("tenths", "模具出口增长一成半。", "一成半", 15.0, "%"),
    Notation("tenths", "生产成本下降。", "成", None),
    Notation("multiple", "无人机出口增长4倍。", "4倍", 400.0, "%"),
    Notation("multiple", "出口额是去年的4倍。", "4倍", 4.0, "times"),
    Notation("multiple", "跨境电商规模翻一番。", "翻一番", 2.0, "times"),
    Notation("multiple", "出口额翻了两番。", "翻了两番", 4.0, "times"),
    Notation("multiple", "Drone output is 3.5 times that of 2020.", "3.5 times", 3.5, "times"),
    Notation("measure-word", "签约项目12宗。", "12", 12.0, "cases"),
    Notation("measure-word", "开展对接活动300次。", "300", 300.0, "trips"),
    Notation("measure-word", "接待游客50万人次。", "50万", 5e5, "person-times"),
    Notation("measure-word", "落地项目25项。", "25", 25.0, "projects"),
    Notation("measure-word", "新建港口3座。", "3", 3.0, "ports"),
    Notation("measure-word", "交付邮轮2艘。", "2", 2.0, "units"),
    Notation("measure-word", "开行中欧班列5000列。", "5000", 5000.0, "units"),
    Notation("measure-word", "交付无人机120架。", "120", 120.0, "units"),
    Notation("measure-word", "安装工业机器人3.2万台。", "3.2万", 3.2e4, "units"),
    Notation("measure-word", "销售新能源汽车460万辆。", "460万", 4.6e6, "units"),
    Notation("measure-word", "新建道路1200米。", "1200", 1200.0, "m"),
    Notation("measure-word", "建成厂房20万平方米。", "20万", 2e5, "m2"),
    Notation("measure-word", "新增高速公路300公里。", "300", 300.0, "km"),
    Notation("measure-word", "货物吞吐量2.1亿吨。", "2.1亿", 2.1e8, "tonnes"),
    Notation("measure-word", "集装箱吞吐量2000万标箱。", "2000万", 2e7, "TEU"),
    Notation("measure-word", "引进外资企业150家。", "150", 150.0, "enterprises"),
    Notation("measure-word", "建成10个产业园区。", "10", 10.0, "parks"),
    Notation("measure-word", "The province has 60,000 firms.", "60,000", 6e4, "enterprises"),
    Notation("measure-word", "It has ten industrial clusters.", "ten", 10.0, "clusters"),
    Notation("measure-word", "经过37轮竞价，地块成交。", "37", 37.0, "rounds"),
    Notation("measure-word", "储能电池出货量达到28.6吉瓦时。", "28.6", 28.6, "GWh"),
    Notation("measure-word", "广东将再培育2至3个万亿元级产业集群。", "2", 2.0, "clusters"),
    Notation("measure-word", "广东将再培育2至3个万亿元级产业集群。", "3", 3.0, "clusters"),
    Notation("measure-word", "It has nine clusters, up from seven in 2020.", "seven", 7.0, "clusters"),
    Notation("streak", "The economy grew for eight consecutive quarters.", "eight", 8.0, "quarters"),
    Notation("streak", "Trade stayed above the mark for five years running.", "five", 5.0, "years"),
    Notation("streak", "出口连续8个季度增长。", "8", 8.0, "quarters"),
    Notation("streak", "出口连续5个月增长。", "5", 5.0, "months"),
    Notation("streak", "规模连续40年居全国首位。", "40", 40.0, "years"),
    Notation("ratio", "三次产业结构由2.1:45.3:52.6调整为1.9:44.8:53.3。", "2.1", 2.1, "%"),
    Notation("ratio", "三次产业结构由2.1:45.3:52.6调整为1.9:44.8:53.3。", "53.3", 53.3, "%"),
    Notation("ratio", "比分为3:1。", "3", None),
    Notation("label-colon", "某公司：8520万元竞得该地块。", "8520万元", 8.52e7, "CNY"),
    Notation("non-figure", "剩余70%未读。", "70%", None),
    Notation("non-figure", "前五名依次为华为、比亚迪。", "五", None),
    Notation("non-figure", "会议于10:30开始。", "10", None),
    Notation("non-figure", "二、外贸企业稳步发展。", "二", None),
    Notation("non-figure", "3、进口下降2%。", "3", None),
    Notation("non-figure", "（2）出口增长5%。", "2", None),
    Notation("non-figure", "1. Exports rose 5% in 2025.", "1", None),
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the extractor made of one notation."""

    notation: Notation
    result: str
    """"parsed", "refused", "missed" or "wrong"."""
    found: tuple[tuple[str, float, str], ...]
    """(span, value, unit) of the figures over the notation's text."""


def read_notation(notation: Notation) -> Outcome:
    """Extract one notation's sentence and judge the result.

    Args:
        notation: the notation.

    Returns:
        Its outcome.
    """
    sentence = notation.sentence
    start = sentence.find(notation.written)
    end = start + len(notation.written)
    observations = extract_observations(sentence, published=PUBLISHED, catalogue=load_metrics())
    over = [o for o in observations if o.start < end and start < o.end]
    found = tuple((sentence[o.start : o.end], o.value, o.unit) for o in over)
    if notation.value is None:
        return Outcome(notation, "wrong" if over else "refused", found)
    exact = [o for o in over if (o.start, o.end) == (start, end)]
    if exact and all(_agrees(o, notation) for o in exact):
        return Outcome(notation, "parsed", found)
    return Outcome(notation, "wrong" if over else "missed", found)


def _agrees(observation: Observation, notation: Notation) -> bool:
    expected = notation.value or 0.0
    return observation.unit == notation.unit and abs(observation.value - expected) <= 1e-9 * abs(expected)


def read_all(notations: Sequence[Notation] = NOTATIONS) -> list[Outcome]:
    """The outcome of every notation, in order."""
    return [read_notation(notation) for notation in notations]


@dataclass(frozen=True, slots=True)
class ScriptScore:
    """Recall and value accuracy of one script over the same documents."""

    script: str
    documents: int
    labels: int
    matched: int
    value_unit_right: int


def script_scores() -> list[ScriptScore]:
    """The simplified documents of the development set, as written and converted to traditional script.

    Returns:
        One score per script: the simplified documents as written and converted (``s2hk``, ``s2tw``),
        and the traditional documents of the set as written.
    """
    import opencc

    every = load_devset(DEVSET_DIR)
    docs = [d for d in every if d.lang == "zh" and d.script != "traditional"]
    scores = [_score("simplified", docs)]
    for config in ("s2hk", "s2tw"):
        converter = opencc.OpenCC(config)
        converted = []
        for doc in docs:
            text = converter.convert(doc.text)
            if len(text) == len(
                doc.text
            ):  # why: labels are offsets; a conversion that moves them is left out
                converted.append(dataclasses.replace(doc, text=text))
        scores.append(_score(f"simplified, converted to traditional ({config})", converted))
    traditional = [d for d in every if d.script == "traditional"]
    scores.append(_score("traditional, as written (zh-hant)", traditional))
    return scores


def _score(script: str, docs: Sequence[DevDoc]) -> ScriptScore:
    catalogue = load_metrics()
    labels = matched = right = 0
    for doc in docs:
        observations = extract_observations(doc.text, published=doc.published, catalogue=catalogue)
        by_span = {(o.start, o.end): o for o in observations}
        for label in doc.figures:
            labels += 1
            observation = by_span.get((label.start, label.end))
            if observation is None:
                continue
            matched += 1
            if observation.unit == label.unit and abs(observation.value - label.value) <= 1e-9 * abs(
                label.value
            ):
                right += 1
    return ScriptScore(script, len(docs), labels, matched, right)


def _value(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def markdown(outcomes: Sequence[Outcome], scores: Sequence[ScriptScore]) -> str:
    """The tables of docs/benchmarks.md ("Notations").

    Args:
        outcomes: :func:`read_all`.
        scores: :func:`script_scores`.

    Returns:
        Markdown text.
    """
    lines = [
        "| tag | written (in its sentence) | expected | extracted | outcome |",
        "|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        notation = outcome.notation
        expected = "no figure" if notation.value is None else f"{_value(notation.value)} {notation.unit}"
        extracted = (
            "; ".join(f"`{span}` {_value(value)} {unit}" for span, value, unit in outcome.found) or "—"
        )
        lines.append(
            f"| {notation.tag} | `{notation.written}` ({notation.sentence}) | {expected} | {extracted} "
            f"| {outcome.result} |"
        )
    counts = {
        name: sum(o.result == name for o in outcomes) for name in ("parsed", "refused", "missed", "wrong")
    }
    lines += [
        "",
        f"{len(outcomes)} notations: {counts['parsed']} parsed, {counts['refused']} refused as they must be, "
        f"{counts['missed']} missed, {counts['wrong']} silent error{'' if counts['wrong'] == 1 else 's'} "
        "(a figure with another value or unit, or a figure where none is).",
        "",
        "| script | documents | labelled figures | found (recall) | value and unit right |",
        "|---|---|---|---|---|",
    ]
    for score in scores:
        recall = score.matched / score.labels if score.labels else 0.0
        lines.append(
            f"| {score.script} | {score.documents} | {score.labels} | {score.matched} ({recall:.3f}) "
            f"| {score.value_unit_right} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the notation table and the script comparison.

    Args:
        argv: command-line arguments (default: sys.argv[1:]).

    Returns:
        1 when a notation is read silently wrong, else 0.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the tables of docs/benchmarks.md")
    args = parser.parse_args(argv)
    outcomes = read_all()
    scores = script_scores()
    if args.markdown:
        print(markdown(outcomes, scores))
    else:
        for outcome in outcomes:
            found = ", ".join(f"{span!r}={value:g} {unit}" for span, value, unit in outcome.found) or "-"
            print(f"{outcome.result:8} {outcome.notation.tag:17} {outcome.notation.written!r:28} {found}")
        for score in scores:
            print(f"{score.script}: {score.matched}/{score.labels} found, {score.value_unit_right} right")
    return 1 if any(outcome.result == "wrong" for outcome in outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
