"""Leftover HTML: tags and entities copied along with the text of a web page."""

from __future__ import annotations

import html
from functools import lru_cache

import regex

from ..lazy import LazyPattern
from .edits import StepResult, substitute, unchanged

# The alternatives of the markup pattern. Comments and code are tried only in a text that
# closes them: each unclosed <!-- or <script> would scan its whole bound for the end it does not
# have, and a page of them would take quadratic time.
_COMMENT = r"""
    <!--.{0,4000}?-->                              # comments (bounded: an unclosed one must not
                                                   #   make every later <!-- scan to the end)
"""
_CODE = r"""
    <(?:script|style)\b[^>]{0,500}>.{0,20000}?</(?:script|style)\s*>   # code and styling
"""
_TAG = r"""
    </?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]{0,500})?/?>        # any tag, with attributes
"""
_ENTITY_TOKEN = r"""
    &(?:amp;)*(?:[A-Za-z][A-Za-z0-9]{1,15}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});  # entities,
                                                   #   twice-escaped ones (&amp;nbsp;) too
"""
_CLOSES_COMMENT = "-->"
_CLOSES_CODE = LazyPattern(r"</(?:script|style)", regex.IGNORECASE)


@lru_cache(maxsize=4)
def markup_pattern(comments: bool, code: bool) -> regex.Pattern:
    """The markup pattern, with or without its comment and code alternatives (compiled on
    first use: most notices hold no markup at all)."""
    alternatives = [_COMMENT] * comments + [_CODE] * code + [_TAG, _ENTITY_TOKEN]
    return regex.compile("|".join(alternatives),
                         regex.VERBOSE | regex.DOTALL | regex.IGNORECASE)


# Tags that end a block of text in a page become line breaks, so that paragraphs stay apart.
_BLOCK_TAG = LazyPattern(r"</?(?:p|div|br|li|tr|h[1-6]|table|ul|ol|section|article)\b",
                           regex.IGNORECASE)
_CELL_TAG = LazyPattern(r"</t[dh]\b", regex.IGNORECASE)


# Tokens up to this long are kept with what they become; a page repeats a few (&nbsp;, <p>,
# </p>) hundreds of times. Longer ones (a whole <script> block, a comment) are not kept:
# thousands of them would hold a hundred megabytes.
MAX_KEPT_TOKEN = 64


def _replace(match: regex.Match) -> str:
    token = match.group()
    return _replacement(token) if len(token) <= MAX_KEPT_TOKEN else _replacement.__wrapped__(token)


@lru_cache(maxsize=4096)
def _replacement(token: str) -> str:
    """What a tag or entity becomes."""
    if token.startswith("&"):
        return _unescape(token)
    if _BLOCK_TAG.match(token):
        return "\n"
    if _CELL_TAG.match(token):
        return " | "  # a table cell keeps its border, as tables flattened to text have
    return ""


def _unescape(entity: str) -> str:
    """An entity decoded, twice-escaped ones too (&amp;nbsp; is a no-break space in pages)."""
    for _ in range(3):
        decoded = html.unescape(entity)
        if decoded == entity or not _ENTITY.fullmatch(decoded):
            return decoded
        entity = decoded
    return entity


_ENTITY = LazyPattern(r"&(?:[A-Za-z][A-Za-z0-9]{1,15}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});")


def strip_markup(text: str) -> StepResult:
    """Remove HTML tags and decode entities (&nbsp; → no-break space, later folded)."""
    if "<" not in text and "&" not in text:
        return unchanged(text)
    tags = "<" in text
    pattern = markup_pattern(tags and _CLOSES_COMMENT in text,
                             tags and _CLOSES_CODE.search(text) is not None)
    return substitute(pattern, text, _replace)


# Markdown left by page-to-text converters: heading marks at a line's start (## 一、总则) and
# bold marks around a heading or a task's title (**(一)推动立法。**). Only marks that pair up on
# their line are emphasis; a lone * or # stays, and so do ____ blanks to fill in.
MARKDOWN = LazyPattern(
    r"""
      ^[ ]{0,3}\#{1,6}[ ]+                 # a heading mark: # title, ## 一、总则
    | \*\*(?=[^\n]*?\*\*)                  # bold: a mark with another after it on its line,
    | (?<=\*\*[^\n]*?)\*\*                  #   or one after another
    """,
    regex.VERBOSE | regex.MULTILINE,
)


def strip_markdown(text: str) -> StepResult:
    """Remove Markdown heading and emphasis marks (a Markdown table's pipes stay: a table).

    >>> strip_markdown("## 一、总则\\n**(一)推动立法。** 配合宣贯。").text
    '一、总则\\n(一)推动立法。 配合宣贯。'
    """
    # "*" before "**": a search for one character runs at memchr speed, for two ten times slower
    if "#" not in text and ("*" not in text or "**" not in text):
        return unchanged(text)
    return substitute(MARKDOWN, text, lambda match: "")
