"""Width, spacing and line ends: one normal form for punctuation and whitespace.

The normal form (documented in the README):

- full-width ASCII forms become ASCII: （一） → (一), ：，；！？ → : , ; ! ?, １．→ 1., Ａ → A;
  this is the form the record contract and most web copies of notices use;
- 、。《》“”‘’【】〔〕 and the other Chinese marks without an ASCII twin stay as they are; their
  vertical and small forms (﹝2023﹞, ﹑) become them;
- every kind of space (ideographic U+3000, no-break U+00A0, the U+2000 family) becomes an ASCII
  space, zero-width characters are dropped, CRLF and CR become LF;
- runs of spaces become one space, lines lose leading and trailing spaces, spaces just inside
  《》“” and brackets are dropped, and a run of blank lines becomes one blank line.

Single spaces between words are kept: in pages scraped to one line they are the only thing that
separates a heading from its paragraph.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from ..lazy import LazyPattern
from .edits import StepResult, substitute, unchanged

_WIDE_TO_ASCII = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
# Vertical and small forms (︵ ﹙ ﹝ ﹐ ﹑, U+FE10-FE6B) are the same marks drawn otherwise: a
# document number written 鄂政办发﹝2023﹞2号 is 鄂政办发〔2023〕2号 (their compatibility forms).
_SMALL_TO_NORMAL = {
    form: normal
    for form, normal in ((chr(cp), unicodedata.normalize("NFKC", chr(cp)))
                         for cp in (*range(0xFE10, 0xFE1A), *range(0xFE30, 0xFE6C)))
    if len(normal) == 1 and normal != form}
_SMALL_FORMS = re.escape("".join(_SMALL_TO_NORMAL))   # those that have a normal form
_SPACES = "\u3000\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
          "\u200a\u202f\u205f\v\f"  # tabs stay: they separate table cells
_FOLD = {**_WIDE_TO_ASCII, **_SMALL_TO_NORMAL, **{c: " " for c in _SPACES}}

# Stdlib re: it scans a class of several ranges several times faster than regex.
_FOLDABLE = LazyPattern(f"[\uff01-\uff5e{_SMALL_FORMS}{_SPACES}]", 0, re.compile)

# The gate of ``fold_width``: regex searches a class of one range at string-search speed but a
# class of several ranges (``_FOLDABLE``) character by character, so the forms (full-width and
# small, one range from U+FE10 to U+FF5E) and the en spaces are searched one range at a time
# and the other spaces with ``in``.
_WIDE_OR_SMALL_FORM = regex.compile(r"[\ufe10-\uff5e]")  # one range: a superset of both
_EN_SPACE = regex.compile(r"[\u2000-\u200a]")
_OTHER_SPACES = "\u3000\u00a0\u1680\u202f\u205f\v\f"
_USUAL_WIDE = "，：；（）！？％－．\u3000\u00a0"  # the marks and spaces most notices are written with

# Line ends of every system, the byte-order mark and zero-width marks: none carries meaning.
# U+0085 (NEL) is left alone: in notices it is a GBK byte read as Latin-1, for the mojibake step.
_LINE_END_OR_INVISIBLE = LazyPattern(r"\r\n?|[\u2028\u2029]|[\ufeff\u200b-\u200d\u2060]")

_INVISIBLE_MARKS = ("\r", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200c",
                    "\u200d", "\u2060")

# Stdlib re, tried only at the spaces ``_MESSY_SPACE_SIGN`` marks, where its match costs a third
# of regex's. A run of spaces is removed whole or all but its first space.
_MESSY_SPACE = LazyPattern(
    r"""
      \A [ ]+                          # indentation: carries no meaning once widths are folded
    | (?<= \n ) [ ]+
    | [ ]+ (?= \n | \Z )               # trailing spaces
    | (?<= [ ] ) [ ]+                  # a run of spaces: keep the first
    | (?<= [《“‘(\[【〔「『] ) [ ]+      # just inside an opening mark
    | [ ]+ (?= [》”’)\]】〕」』] )       # just inside a closing mark
    """,
    re.VERBOSE,
    re.compile,
)

# A space next to which tidy_spaces may have work: another space, a line end or a closing mark
# after it, a line start or an opening mark before it. Every run of spaces ``_MESSY_SPACE``
# matches begins at such a space or one after it. Stdlib re, as it skips from space to space
# and checks the neighbours several times faster than regex tries ``_MESSY_SPACE`` at each
# (a table flattened to "a | b" lines has hundreds of ordinary spaces).
_MESSY_SPACE_SIGN = LazyPattern(
    r"""
    [ ] (?: (?= [ \n》”’)\]】〕」』] )        # before a space, a line end or a closing mark
          | \Z                             # at the end of the text
          | (?<= [\n《“‘(\[【〔「『] [ ] ) )  # after a line end or an opening mark
    """,
    re.VERBOSE,
    re.compile,
)


_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> StepResult:
    """Half of a UTF-16 pair, left by a broken conversion, is no character: make it U+FFFD,
    which the unrecoverable step then reports with its line."""
    if text.isascii() or not _LONE_SURROGATE.search(text):
        return unchanged(text)
    return substitute(_LONE_SURROGATE, text, lambda m: "\ufffd")


_NUL = regex.compile("\x00")  # a literal: regex finds it faster than `in`


def drop_nul(text: str) -> StepResult:
    """Remove NUL characters, each counted. A NUL is no part of a notice (binary junk, or a
    UTF-16 file read as bytes); left in, it would end the text for OpenCC's tw2s and hk2s,
    which stop converting at one and drop the rest.

    >>> drop_nul("信用\\x00体系").text
    '信用体系'
    """
    if not _NUL.search(text):
        return unchanged(text)
    return substitute(_NUL, text, lambda m: "")


def fold_line_ends(text: str) -> StepResult:
    """CRLF and CR become LF; byte-order and zero-width marks are dropped."""
    if not any(mark in text for mark in _INVISIBLE_MARKS):
        return unchanged(text)
    return substitute(_LINE_END_OR_INVISIBLE, text, lambda m: "\n" if m.group()[0] in
                      "\r\u2028\u2029" else "")


def fold_width(text: str) -> StepResult:
    """Full-width ASCII forms to ASCII and every space to an ASCII space, one for one.

    >>> fold_width("（一）甲，乙\u3000丙")
    StepResult(text='(一)甲,乙 丙', edits=[], count=4, notes=[])
    """
    count = 0
    wide = _WIDE_OR_SMALL_FORM.search(text)
    if wide:
        # The marks most notices are written with, replaced kind by kind (string searches)
        # before the class of all foldable characters is scanned for the rarer rest.
        for char in _USUAL_WIDE:
            if char in text:
                count += text.count(char)
                text = text.replace(char, _FOLD[char])
        wide = _WIDE_OR_SMALL_FORM.search(text, wide.start())  # one for one: none before it
    if not (wide or _EN_SPACE.search(text) or any(space in text for space in _OTHER_SPACES)):
        return StepResult(text, [], count, []) if count else unchanged(text)
    found = _FOLDABLE.findall(text)
    for char in set(found):  # a few kinds of character: str.replace beats str.translate
        text = text.replace(char, _FOLD[char])
    return StepResult(text, [], count + len(found), [])


_BLANK_LINES = LazyPattern(r"(?<=\n\n)\n+")
_THREE_LINE_ENDS = regex.compile(r"\n\n\n")  # a literal: regex finds it faster than `in`


def tidy_spaces(text: str) -> StepResult:
    """Drop indentation, trailing and repeated spaces.

    >>> tidy_spaces("  甲  乙 | 丙 \\n《 丁》").text
    '甲 乙 | 丙\\n《丁》'
    """
    signs = [match.start() for match in _MESSY_SPACE_SIGN.finditer(text)]
    if text.startswith(" "):
        signs.insert(0, 0)
    if not signs:
        return unchanged(text)
    starts = sorted({*signs, *(sign + 1 for sign in signs)})
    return substitute(_MESSY_SPACE, text, lambda m: "", starts)


def collapse_blank_lines(text: str) -> StepResult:
    """A run of blank lines becomes one blank line (after ``tidy_spaces`` emptied them)."""
    if not _THREE_LINE_ENDS.search(text):
        return unchanged(text)
    return substitute(_BLANK_LINES, text, lambda m: "")
