"""Web-page noise around a notice: whole lines that are site furniture, never notice text.

Each rule names one family of page furniture. A line is dropped only when all of it is
furniture, so a sentence that happens to mention 打印 or 浏览 is never touched.
"""

from __future__ import annotations

import regex

from .edits import StepResult, substitute, unchanged

_FURNITURE_LINE = regex.compile(
    r"""
    ^ [ ]* (?:
        # a post's byline: 发表/来源/作者/浏览/发布时间 fields, short and without a sentence end
        (?:发表|发布|来源|信息来源|作者|编辑|责任编辑|浏览|浏览次数|点击|点击数|阅读|阅读量|
           访问量|访问次数|发布时间|发布日期|更新时间|时间|日期)
        [ ]*[:：][^\n。]{0,160}?
        (?:(?:浏览|点击|阅读|访问)[^\n。]{0,40})?
      | # font-size and print widgets, also split over several lines: 字号 大 中 小, 【打印】
        (?:[\[【(]?[ ]*(?:字号|字体|字体大小|文字大小|默认|大|中|小|打印本页|打印|打印此页|
           关闭窗口|关闭|返回顶部|返回|收藏|分享|分享到|保存|纠错|我要纠错|视力保护色|
           繁體|简体|无障碍|扫一扫|微信|微博|TOP|top)[ ]*[\]】)]?[ ]*[:：|/]?[ ]*){1,12}
      | # navigation trails: 首页 > 政务公开 > 通知公告, 当前位置: …
        (?:当前位置|您现在的位置|你的位置|所在位置)[ ]*[:：][^\n。]{0,200}
      | 首页[ ]*(?:[>＞»›/][^\n。>＞»›]{1,20}){1,8}
      | # footers: copyright, ICP numbers, site credits
        [^\n。]{0,60}(?:版权所有|Copyright|copyright|©|ICP备|公网安备|网站标识码|主办单位|
           承办单位|技术支持|网站地图|联系我们)[^\n。]{0,160}
      | # stray table borders and separators with nothing between them
        [|｜ ]*[|｜][|｜ ]*
      | [-=_*·.]{4,}
    ) [ ]* $
    """,
    regex.VERBOSE | regex.MULTILINE,
)

# A lone border left at the end of a line that is not a table row: "…负责) |".
_TRAILING_BORDER = regex.compile(r"^([^|\n]*[^|\n ])[ ]*\|[ ]*$", regex.MULTILINE)


def drop_furniture_lines(text: str) -> StepResult:
    """Remove lines that are nothing but web-page furniture."""
    return substitute(_FURNITURE_LINE, text, lambda m: "")


def drop_trailing_border(text: str) -> StepResult:
    """Remove a lone table border left at the end of a line that is not a table row."""
    if "|" not in text:
        return unchanged(text)
    return substitute(_TRAILING_BORDER, text, lambda m: m.group(1))
