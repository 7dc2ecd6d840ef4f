"""Web-page noise around a notice: whole lines that are site furniture, never notice text.

Each rule names one family of page furniture. A line is dropped only when all of it is
furniture, so a sentence that happens to mention 打印 or 浏览 is never touched.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, repeat

import regex

from ..lazy import LazyPattern
from .edits import StepResult, delete_spans, matches_at, split_lines, unchanged
from .script import converter

_FURNITURE_LINE = LazyPattern(
    r"""
    [ ]* (?:
        # a post's byline: 发表/来源/作者/浏览/发布时间 fields, short and without a sentence end
        (?:发表|发布|来源|信息来源|作者|编辑|责任编辑|浏览|浏览次数|点击|点击数|阅读|阅读量|
           访问量|访问次数|发布时间|发布日期|更新时间)     # not 时间:/日期: alone (a deadline)
        [ ]*[:：][^\n。]{0,160}?
        (?:(?:浏览|点击|阅读|访问)[^\n。]{0,40})?
      | # font-size and print widgets, also split over several lines: 字号 大 中 小, 【打印】
        (?:[\[【(]?[ ]*(?:字号|字体|字体大小|文字大小|默认|大|中|小|打印本页|打印|打印此页|
           关闭窗口|关闭|返回顶部|返回|收藏|分享|分享到|保存|纠错|我要纠错|视力保护色|
           繁體|简体|无障碍|扫一扫|微信|微博|TOP|top)[ ]*[\]】)]?[ ]*[:：|/]?[ ]*){1,12}
      | # navigation trails: 首页 > 政务公开 > 通知公告, 当前位置: …
        (?:当前位置|您现在的位置|你的位置|所在位置)[ ]*[:：][^\n。]{0,200}
      | 首页[ ]*(?:[>＞»›/][^\n。>＞»›]{1,20}){1,8}
      | (?:上一篇|下一篇|上一条|下一条)[ ]*[:：][^\n]{0,100}       # links to the next article
      | # footers: copyright, ICP numbers, site credits
        [^\n。]{0,60}(?:版权所有|Copyright|copyright|©|ICP备|公网安备|网站标识码|
           技术支持|网站地图|联系我们)[^\n。]{0,160}
      | # a site's credits: 主办单位/承办单位 with a site's marks, never alone (承办单位: is
        #   also how a task names who carries it out)
        [^\n。]{0,60}(?:主办单位|承办单位|主办|承办)[ ]*[:：][^\n。]{0,160}
        (?:网站|网|版权|ICP|备案|地址|电话|邮编|技术支持|联系|维护)[^\n。]{0,160}
      | # a site's credits as bare fields side by side: 主办:X 承办:Y (a task's labels name a
        #   单位 or 部门: 主办单位:)
        (?:主办|承办)[ ]*[:：][^\n。:：]{1,60}
        (?:[ ]+(?:主办|承办|协办|运维|维护)[ ]*[:：][^\n。:：]{1,60})+
      | # page numbers left by a PDF or Word export: - 3 -, — 12 —, —  3  —, 第3页 共10页
        [-—–－]+[ ]*\d{1,3}[ ]*[-—–－]+
      | 第[ ]*\d{1,3}[ ]*页(?:[ ]*[,/]?[ ]*共[ ]*\d{1,3}[ ]*页)?
      | 共[ ]*\d{1,3}[ ]*页[ ]*[,/]?[ ]*第[ ]*\d{1,3}[ ]*页         # 共10页 第3页
      | # stray table borders and separators with nothing between them
        [|｜ ]*[|｜][|｜ ]*
      | [-=_*·.]{4,}
    ) [ ]*
    """,
    regex.VERBOSE,
)

# The characters OpenCC's t2s turns into a character of the screens below: every code point
# was put through t2s (tests/test_gates.py does it again). With them a screen passes a line in
# traditional or mixed script as it passes its simplified form, so that only the few lines it
# passes are converted. U+F98A, U+2F82E … are compatibility ideographs.
_TRADITIONAL_FORMS = {
    "们": "們", "体": "體", "关": "關", "力": "\uf98a", "博": "\U0002f82e", "号": "號", "回": "迴",
    "图": "圖\U0002f84b", "备": "備\U0002f809", "扫": "掃\U0002f8bc", "护": "護", "无": "無",
    "术": "朮術", "权": "權", "标": "標", "码": "碼", "碍": "礙", "简": "簡", "繁": "\ufa59",
    "系": "係繫", "纠": "糾", "网": "網", "联": "聯\uf997", "视": "視\ufa61\ufab8", "认": "認",
    "识": "識\uf9fc", "错": "錯", "闭": "閉", "页": "頁", "顶": "頂", "你": "\U0002f804",
    "击": "擊", "办": "辦", "单": "單", "发": "發髮", "布": "佈", "当": "噹當\U0002f874",
    "数": "數\uf969", "时": "時", "更": "\uf901", "条": "條", "来": "來\uf92d", "次": "\U0002f8ef",
    "浏": "瀏", "点": "點", "现": "現", "编": "編", "者": "\ufa5b\ufab2\U0002f97a", "表": "錶",
    "览": "覽", "访": "訪", "读": "讀\uf95a", "责": "責", "辑": "輯", "量": "\uf97e", "问": "問",
    "间": "間", "阅": "閱閲",
}


def _forms(ch: str) -> str:
    """``ch`` and its traditional forms: 关 → 关關."""
    return ch + _TRADITIONAL_FORMS.get(ch, "")


def _either_script(word: str) -> str:
    """A regex for ``word`` in simplified, traditional or mixed script: 关闭 → [关關][闭閉]."""
    return "".join(f"[{_forms(ch)}]" if ch in _TRADITIONAL_FORMS else ch for ch in word)


# What every furniture line holds, in either script, tried before ``_FURNITURE_LINE`` (whose
# footer alternatives backtrack over each line): a mark or a footer word anywhere in it, or a
# shape from its start. A line with none is no furniture; an addressee line (各有关单位:) is
# none. Stdlib re, over all candidate lines at once; a class and an alternation of words are
# two patterns, as re skips text fast for either alone but not for both in one.
# tests/test_gates.py checks that every line ``_FURNITURE_LINE`` takes passes.
_FURNITURE_MARK = LazyPattern(r"[>＞»›©]", 0, re.compile)  # a trail's arrows, ©
_FOOTER_WORDS = ("Copyright", "copyright", "ICP备", "版权所有", "公网安备", "网站标识码", "技术支持",
                 "网站地图", "联系我们")  # the footers' words without a colon
# The same words, each led by a character of one form (网站 from 站, 联系我们 from 我, the
# lookbehind after it) so that re skips to their first characters fast; and a site's credits.
_FOOTER_WORD = LazyPattern(
    r"""
      Copyright | copyright | ICP{备} | 版{权}所有 | 公{网}安{备} | 技{术}支持
    | 站 (?<= {网}站 ) (?: {标}{识}{码} | 地{图} )
    | 我 (?<= {联}{系}我 ) {们}
    | 主{办} (?: {单}位 )? [ ]* [:：]          # 主办单位:, 承办:
    | 承{办} (?: {单}位 )? [ ]* [:：]
    """.format_map({ch: _either_script(ch) for ch in "备权网术标识码图联系们办单"}),
    re.VERBOSE,
    re.compile,
)
# Fields that begin a furniture line and have a colon after them: bylines, trails, links.
_FIELDS = ("发表", "发布", "来源", "信息来源", "作者", "编辑", "责任编辑", "浏览", "浏览次数", "点击",
           "点击数", "阅读", "阅读量", "访问量", "访问次数", "发布时间", "发布日期", "更新时间", "当前位置",
           "您现在的位置", "你的位置", "所在位置", "上一篇", "下一篇", "上一条", "下一条")
_WIDGET_WORD_CHARACTERS = ("字号体大小文默认中打印本页此关闭窗口返回顶部收藏分享到保存纠错我要视力保护色繁體简"
                           "无障碍扫一微信博TOPtop")  # every character of the widget words
_FURNITURE_SHAPE = LazyPattern(
    r"""
    \n (?: [ ]* (?: [-—–－] | [-=_*·.]{{4}} | 第 | 共  # page numbers and separators, whole lines
               | (?= [{firsts}] )                  # (their first characters: a fast no)
                 (?: {fields} ) [ ]* [:：]         # a byline, a trail, a link to an article
               | 首{page} [ ]* [>＞»›/] )          # a trail from the home page
         | [ |｜]+ $                               # a table border (a row holds more than pipes)
         | [ \[【(\]】)|:：/{widget}]+ $          # a widget line: its words, brackets and
    )                                             #   separators only (after a line end: a
    """.format(                                   #   literal start is fast)
        fields="|".join(map(_either_script, _FIELDS)), page=_either_script("页"),
        firsts="".join({_forms(field[0]): None for field in _FIELDS}),
        widget="".join(map(_forms, _WIDGET_WORD_CHARACTERS))),
    re.VERBOSE | re.MULTILINE,
    re.compile,
)

# Bylines inside a line, left when a page is flattened to one line. Each alternative needs two
# marks of a byline (an author or source field AND a view count, or a field AND a timestamp),
# so prose that mentions 来源 or 浏览 is never touched.
INLINE_BYLINE = LazyPattern(
    r"""
      (?:发表|發表|发布|發布|發佈|来源|來源|信息来源|信息來源|作者|编辑|編輯)   # an author or
      [ ]*:[^\n。:]{0,80}?                                        #   source field, either script
      (?:浏览|瀏覽|点击|點擊|阅读|閱讀|访问|訪問)(?:次数|次數|量|数|數)?      # and a view count
      [ ]*:?[ ]*\d+[ ]*(?:人|次)?
      (?:[ ]*\d{4}-\d{1,2}-\d{1,2}(?:[ ]+\d{1,2}:\d{2}(?::\d{2})?)?)?   # perhaps a timestamp
    | 扫一扫在手机(?:上)?打开(?:当前页|本页)?    # the phone-link widget, glued to the text
    | 掃一掃在手機(?:上)?打開(?:當前頁|本頁)?
    | (?:发布|發布|發佈|更新)(?:时间|時間|日期)[ ]*:[ ]*\d{4}-\d{1,2}-\d{1,2}   # a timestamp
      (?:[ ]+\d{1,2}:\d{2}(?::\d{2})?)?
    """,
    regex.VERBOSE,
)

# Where a byline can begin: the field just before a colon (发表:, 信息来源 :, 发布时间:), found by
# looking back from each colon after a field's last character, or the phone-link widget.
# INLINE_BYLINE is tried there only, not at every offset of the text.
_FIELDS_BEFORE_COLON = frozenset(
    ("发表", "發表", "发布", "發布", "發佈", "来源", "來源", "信息来源", "信息來源", "作者", "编辑",
     "編輯")
    + tuple(verb + noun for verb in ("发布", "發布", "發佈", "更新") for noun in ("时间", "時間", "日期")))
# A colon after the last character of such a field (表, 源, 间 …), spaces between: the literal
# first lets regex skip from colon to colon, the lookbehind judges each in C.
_COLON_AFTER_FIELD_END = LazyPattern(
    ":(?<=[{}][ ]*:)".format("".join(sorted({field[-1] for field in _FIELDS_BEFORE_COLON}))))
_PHONE_WIDGETS = ("扫一扫在手机", "掃一掃在手機")

# Furniture lines are short; only lines up to this length are tried, which keeps the step cheap.
MAX_FURNITURE = 240


# A line of nothing but font-size words (大, 中, 小, 默认) is a widget split over lines only
# next to other furniture; alone, 中 or 大 may be the end of a wrapped line of text.
SIZE_ONLY = LazyPattern(r"[ \[【(]*(?:大|中|小|默认)[ \]】)|/]*")


def drop_furniture_lines(text: str) -> StepResult:
    """Remove lines that are nothing but web-page furniture (their line breaks stay).

    Furniture is recognised in either script: lines are matched in their simplified form
    (發表 and 瀏覽 are the same furniture as 发表 and 浏览).

    >>> drop_furniture_lines("首页 > 通知\\n一、總則\\n發表:市政府 瀏覽:12").text
    '\\n一、總則\\n'
    """
    lines = split_lines(text)
    # No furniture holds a full stop: prose lines are skipped without a match.
    tried = [i for i, line in enumerate(lines)
             if line and len(line) <= MAX_FURNITURE and "。" not in line]
    kinds: list[str | None] = [None] * len(lines)   # "furniture", "size" (a lone size word)
    convert = converter("t2s").convert
    # the lines not screened are no furniture in either script
    for index in sorted(tried[k] for k in _screened([lines[i] for i in tried])):
        line = lines[index]
        if SIZE_ONLY.fullmatch(line):
            kinds[index] = "size"
        elif _FURNITURE_LINE.fullmatch(line) or _FURNITURE_LINE.fullmatch(convert(line)):
            kinds[index] = "furniture"
    if "furniture" not in kinds:
        return unchanged(text)  # lone size words go only next to furniture
    edits, pos = [], 0
    for index, line in enumerate(lines):
        if kinds[index] == "furniture" or kinds[index] == "size" and _near_furniture(kinds, index):
            edits.append((pos, pos + len(line), 0))
        pos += len(line) + 1
    return _apply(text, edits)


def _screened(lines: list[str]) -> set[int]:
    """The indexes of the ``lines`` that show a furniture mark, footer word or shape."""
    joined = "\n" + "\n".join(lines)  # every line after a line end, as _FURNITURE_SHAPE wants
    hits = [match.start() for pattern in (_FURNITURE_MARK, _FOOTER_WORD, _FURNITURE_SHAPE)
            for match in pattern.finditer(joined)]
    if not hits:
        return set()
    starts = list(accumulate([len(line) + 1 for line in lines], initial=0))  # each line's \n
    return {bisect_right(starts, hit) - 1 for hit in hits}


def _near_furniture(kinds: list[str | None], index: int) -> bool:
    """Whether a run of size-word lines around ``index`` touches a furniture line."""
    for step in (-1, 1):
        at = index + step
        while 0 <= at < len(kinds) and kinds[at] == "size":
            at += step
        if 0 <= at < len(kinds) and kinds[at] == "furniture":
            return True
    return False


def drop_inline_bylines(text: str) -> StepResult:
    """Remove a byline that stands inside a line (pages flattened to one line).

    >>> drop_inline_bylines("通知 发表:市政府 浏览:12 人 一、总则").text
    '通知  一、总则'
    """
    if ":" not in text:
        return unchanged(text)
    # No search for the words a byline needs (浏览, 发布时间 …) first: each is a search of the
    # whole text for two characters or more, and together they cost far more than trying the
    # pattern at the few places a field stands before a colon. (That list lacked 更新日期, so a
    # lone 更新日期: timestamp, which the pattern names, used to stay unless another byline
    # word stood somewhere in the text; it goes now, as 发布日期: always did.)
    starts = _byline_starts(text)
    if not starts:
        return unchanged(text)
    edits = [(m.start(), m.end(), 0) for m in matches_at(INLINE_BYLINE, text, starts)]
    return _apply(text, edits)


def _byline_starts(text: str) -> list[int]:
    """Every offset where ``INLINE_BYLINE`` can match, in order (see ``_FIELDS_BEFORE_COLON``)."""
    starts = []
    for colon in _COLON_AFTER_FIELD_END.finditer(text):
        end = _before_spaces(text, colon.start())
        starts += [end - size for size in (4, 2)
                   if end >= size and text[end - size:end] in _FIELDS_BEFORE_COLON]
    for widget in _PHONE_WIDGETS:
        at = text.find(widget) if widget[0] in text else -1  # one character is found faster
        while at >= 0:
            starts.append(at)
            at = text.find(widget, at + 1)
    return sorted(starts)


def _before_spaces(text: str, end: int) -> int:
    """Where the spaces that end at ``end`` begin."""
    while end and text[end - 1] == " ":
        end -= 1
    return end


def drop_trailing_border(text: str) -> StepResult:
    """Remove a lone table border left at the end of a line that is not a table row."""
    if "|" not in text:
        return unchanged(text)
    lines = split_lines(text)
    if 1 not in map(str.count, lines, repeat("|")):
        return unchanged(text)  # table rows have several pipes; a lone border has one
    edits, pos = [], 0
    for line in lines:
        if line.count("|") == 1 and line.rstrip().endswith("|") and line.strip() != "|":
            keep = len(line.rstrip()[:-1].rstrip())
            edits.append((pos + keep, pos + len(line), 0))
        pos += len(line) + 1
    return _apply(text, edits)


def _apply(text: str, edits: list[tuple[int, int, int]]) -> StepResult:
    """Delete the edited stretches (edits here only ever delete)."""
    return delete_spans(text, [(start, end) for start, end, _ in edits])
