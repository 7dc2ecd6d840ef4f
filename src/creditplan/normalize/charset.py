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


@lru_cache(maxsize=1)
def ordinary_characters() -> frozenset[str]:
    """What an ordinary Chinese notice is made of: common Han, Chinese marks and printable
    ASCII, spaces left out (``chinese_score`` does not count them at all)."""
    chars = common_han() | ORDINARY_MARKS | frozenset(map(chr, range(0x20, 0x7F)))
    return frozenset(ch for ch in chars if not ch.isspace())


def non_space_length(text: str) -> int:
    """How many characters of ``text`` are not spaces (``str.split`` cuts at exactly the
    characters ``str.isspace`` is true of, and counts them at C speed)."""
    return sum(map(len, text.split()))


def chinese_score(text: str) -> float:
    """Share of the non-space characters that an ordinary Chinese notice is made of (0–1).

    Common Han characters, ASCII and Chinese punctuation count; rare Han characters, Latin-1
    letters, control and replacement characters do not. Counted by ``map`` over a set, not
    a loop: the mojibake step scores every line of a misread copy in two or three readings.

    >>> chinese_score("关于印发") > chinese_score("鍏充簬鍗板彂")
    True
    """
    total = non_space_length(text)
    return sum(map(ordinary_characters().__contains__, text)) / total if total else 1.0
