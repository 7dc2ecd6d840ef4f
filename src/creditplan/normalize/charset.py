"""How Chinese a text reads: the score that decides between candidate decodings and repairs."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def common_han() -> frozenset[str]:
    """The Han characters in everyday use: all of GB2312 and Big5's level-1 set (about 12,000).

    Built on first use (a few milliseconds) so that importing creditplan stays cheap.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xF8):  # GB2312 levels 1 and 2
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):  # Big5 level 1 (frequent characters)
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes((lead, trail)).decode("cp950"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


# Characters that are neither Han nor ASCII but ordinary in a Chinese notice.
ORDINARY_MARKS = frozenset("、。，：；？！（）《》〈〉“”‘’【】〔〕「」『』…—－～·○〇　①②③④⑤⑥⑦⑧⑨⑩")


def chinese_score(text: str) -> float:
    """Share of the non-space characters that an ordinary Chinese notice is made of (0–1).

    Common Han characters, ASCII and Chinese punctuation count; rare Han characters, Latin-1
    letters, control and replacement characters do not.

    >>> chinese_score("关于印发") > chinese_score("鍏充簬鍗板彂")
    True
    """
    common = common_han()
    good = total = 0
    for ch in text:
        if ch.isspace():
            continue
        total += 1
        if ch in common or ch in ORDINARY_MARKS or (" " <= ch <= "~"):
            good += 1
    return good / total if total else 1.0
