"""Names in pinyin: the reading a character takes in Guangdong's place and company names.

pypinyin reads a character by its commonest word; in names some take another sound: 涌 is chōng (a river
branch: 大涌 Dachong), 圩 xū (a market town: 新圩 Xinxu), 陂 pí (高陂 Gaopi), 都 dū (六都 Liudu), 晟 shèng (a
trade name: 晟锋 Shengfeng), 峤 qiáo (峤岳 Qiaoyue), 碁 jī (石碁 Shiji), 长 cháng (秋长 Qiuchang).
"""

from __future__ import annotations

NAME_READINGS = {"圩": "xu", "陂": "pi", "都": "du", "晟": "sheng", "峤": "qiao"}
# a firm's 涌 keeps yǒng (金涌 Jinyong: "surging"); 碁 in a place is jī (石碁 Shiji, Panyu); 长 in a place is
# cháng, never zhǎng (长安 Chang'an, 秋长 Qiuchang)
PLACE_READINGS = {**NAME_READINGS, "涌": "chong", "碁": "ji", "长": "chang"}


def name_syllables(written: str, place: bool = False) -> list[str]:
    """The syllables of a name, one per character, in toneless pinyin.

    Args:
        written: the name in Chinese characters.
        place: whether it is a place's name (涌 then reads chōng).

    Returns:
        Its syllables, lower case.
    """
    readings = PLACE_READINGS if place else NAME_READINGS
    # why: imported at the first name read: 0.3 s to load its dictionary, which most articles never need
    from pypinyin import lazy_pinyin

    return [readings.get(char, sound) for char, sound in zip(written, lazy_pinyin(written), strict=True)]
