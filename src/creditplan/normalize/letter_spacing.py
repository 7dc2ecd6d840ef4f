"""Words spread out letter by letter: 总 体 要 求, 责 任 单 位. Justified Word headings and
PDF exports put a space between every character of a short heading or label; read as they
stand, the heading ends at its first character (a space ends a heading in a flattened page)
and the label is no label.
"""

from __future__ import annotations

import re

from ..lazy import LazyPattern
from .edits import StepResult, substitute, unchanged

# Three or more Han characters, each alone between single spaces, the run glued to no other
# word on either side (推进 信 用 is a word and two letters; 标 到2020年 ends before 到).
# Spaces are already single here (``tidy_spaces`` ran before).
SPREAD_WORD = LazyPattern(
    r"""
    (?<!\w)(?<!\w[ ])                  # the run's first character stands alone
    [\u4e00-\u9fff](?:[ ][\u4e00-\u9fff]){2,}
    (?!\w)                              # and so does its last
    """,
    re.VERBOSE,
    re.compile,           # stdlib re scans a class of one range faster than regex
)


# What every spread word holds, found fast (a literal space leads): a letter alone between spaces.
_LONE_LETTER = re.compile(" [\u4e00-\u9fff] ")


def join_spread_words(text: str) -> StepResult:
    """Join the characters of letter-spaced words.

    >>> join_spread_words("一、总 体 要 求\\n责 任 单 位:省发展改革委 推进 信用").text
    '一、总体要求\\n责任单位:省发展改革委 推进 信用'
    """
    if " " not in text or not _LONE_LETTER.search(text):
        return unchanged(text)
    return substitute(SPREAD_WORD, text, lambda match: match.group().replace(" ", ""))
