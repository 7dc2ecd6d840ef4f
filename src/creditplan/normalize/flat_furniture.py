"""Web-page furniture inside a page flattened to one line: the former lines are the stretches
between spaces, and a stretch that is furniture on its own line is furniture here too.

``boilerplate.drop_furniture_lines`` drops whole furniture lines; a flattened page has none, and
its trail, widgets and footer run into the notice (首页 > 政务公开 > … 洛阳市…的通知 … 【打印本页】
【关闭窗口】 主办:… 版权所有:… ICP备…). Left there they end the last task's text after its
responsibility, which is then not found. The same screens and patterns decide, stretch by
stretch, so a stretch is dropped only when all of it is furniture.
"""

from __future__ import annotations

import re

import regex

from ..lazy import LazyPattern
from .boilerplate import (MAX_FURNITURE, SIZE_ONLY, _FURNITURE_LINE, _apply, _before_spaces,
                          _near_furniture, _screened)
from .edits import StepResult, matches_at, split_lines, unchanged
from .script import converter

# A navigation trail at a stretch's start, its crumbs without spaces of their own:
# 首页 > 政务公开 > 政策文件 (line-based, the trail pattern takes the rest of its line).
_TRAIL_FIELDS = ("当前位置", "您现在的位置", "你的位置", "所在位置")
FLAT_TRAIL = LazyPattern(
    r"""
    (?:^|(?<=[ ]))                              # a stretch of its own
    (?:(?:{fields})[ ]*:[ ]*)?
    首[页頁] (?:[ ]?[>＞»›][ ]?[^ >＞»›。\n]{{1,20}}){{1,8}} (?=[ \n]|$)
    """.format(fields="|".join(_TRAIL_FIELDS)),
    regex.VERBOSE,
)
_HOME_PAGES = ("页", "頁")  # after 首


def _trail_spans(line: str) -> list[tuple[int, int]]:
    """The spans of ``FLAT_TRAIL`` in ``line``, tried only where one can begin: at a 首页 and
    at the field before its colon (当前位置: 首页), found by looking back from it. The pattern
    tried at every offset of a flattened page's one line cost half this step."""
    starts = []
    at = line.find("首")    # one character: found at memchr speed, 首页 ten times slower
    while at >= 0:
        if line.startswith(_HOME_PAGES, at + 1):
            end = _before_spaces(line, at)
            if line.endswith(":", 0, end):
                end = _before_spaces(line, end - 1)
                starts += [end - len(field) for field in _TRAIL_FIELDS
                           if line.endswith(field, 0, end)]
            starts.append(at)
        at = line.find("首", at + 1)
    return [match.span() for match in matches_at(FLAT_TRAIL, line, sorted(starts))]


# Fields that are furniture only beside other furniture: a site's credits (主办:X beside
# 版权所有), as lone size words (大 中 小) are.
WEAK_FIELD = LazyPattern(r"(?:主办|承办|协办|运维|维护|主辦|承辦|協辦|維護)(?:单位|單位)?[ ]*:"
                         r"[^。:\n]{1,60}")
# Cell separators of a flattened table stand alone between spaces: never furniture here.
SEPARATOR = re.compile(r"[|｜]+")


def drop_furniture_stretches(text: str) -> StepResult:
    """Remove the furniture stretches of lines too long to be furniture themselves.

    >>> flat = drop_furniture_stretches("首页 > 通知 关于印发要点的通知 " + "一、总则。" * 50
    ...                                 + " 【打印本页】 主办:某市政府 版权所有:某市").text
    >>> flat[:12], flat[-8:]
    (' 关于印发要点的通知 一', '一、总则。   ')
    """
    edits: list[tuple[int, int, int]] = []
    pos = 0
    for line in split_lines(text):
        # one stretch, or none but indentation: no former line to drop
        if len(line) > MAX_FURNITURE and " " in line.strip(" "):
            edits.extend((pos + start, pos + end, 0) for start, end in _furniture_in(line))
        pos += len(line) + 1
    return _apply(text, sorted(edits)) if edits else unchanged(text)


def _furniture_in(line: str) -> list[tuple[int, int]]:
    """The spans of ``line`` that are furniture: a trail, and stretches that are furniture."""
    spans = _trail_spans(line)
    pieces, stretches, pos, trail = [], [], 0, 0
    for piece in line.split(" "):
        # The trails come in order, as the pieces do: each is passed once (a test of every
        # trail for every piece made 12,000 trails on one line take half a minute).
        while trail < len(spans) and spans[trail][1] <= pos:
            trail += 1
        if piece and not (trail < len(spans) and spans[trail][0] <= pos):
            pieces.append(piece)
            stretches.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    tried = [i for i, piece in enumerate(pieces)
             if "。" not in piece and not SEPARATOR.fullmatch(piece)]
    kinds: list[str | None] = [None] * len(pieces)
    convert = converter("t2s").convert
    for k in _screened([pieces[i] for i in tried]):
        index = tried[k]
        piece = pieces[index]
        if SIZE_ONLY.fullmatch(piece) or WEAK_FIELD.fullmatch(piece):
            kinds[index] = "size"
        elif _FURNITURE_LINE.fullmatch(piece) or _FURNITURE_LINE.fullmatch(convert(piece)):
            kinds[index] = "furniture"
    spans += [stretches[i] for i, kind in enumerate(kinds)
              if kind == "furniture" or kind == "size" and _near_furniture(kinds, i)]
    return spans
