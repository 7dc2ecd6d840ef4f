"""Coverage: every character of the body belongs to a record or is reported.

Text before the first section that no metadata field took is the plan's preamble (kept on the
notice). Any other stretch no record accounts for becomes an ``unplaced_text`` warning with its
line, and ``coverage`` is the share of non-space characters placed.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import regex

from ..lazy import LazyPattern
from ..normalize.edits import matches_at
from .state import ParseState

# A gap shorter than this (a stray mark between records) is counted but not worth a warning.
MIN_WARNED = 2


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _gaps(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """The stretches of ``[0, size)`` that no span covers."""
    gaps, pos = [], 0
    for start, end in _merged(spans):
        if start >= size:
            break
        if start > pos:
            gaps.append((pos, start))
        pos = max(pos, end)
    if pos < size:
        gaps.append((pos, size))
    return gaps


# The closing fields of a document printed to the national standard (GB/T 9704) and its
# attachment markers. They belong to no record and are no preamble; each stands on lines of its
# own, which only these words begin.
CLOSING_FIELD = regex.compile(
    r"""
    ^(?: 抄送[ ]*:                                   # the copy list (it may wrap: see below)
       | [^\n。:]{0,40}日[ ]*印发$                   # the printing office and date
       | 附件[ ]*\d{0,2}[ ]*(?:[:.、][^\n。]{0,80})?$   # an attachment's marker, or the list of them
       | 主题词[ ]*:                                 # subject words (before 2012)
       | (?:联系人|联系电话)[ ]*:                      # whom to ask
       | \((?:此件|本件)[^\n()]{2,8}\)$               # (此件公开发布)
    )
    """,
    regex.VERBOSE | regex.MULTILINE,
)
# A copy list wraps over lines until its full stop; this many at most.
MAX_FIELD_LINES = 4
# The attachments after the first, one a line below 附件:1.…: 2.XX联席会议成员名单.
ATTACHMENT_ITEM = re.compile(r"\d{1,2}[.、][^\n]{2,80}")


def place_closing_fields(state: ParseState) -> None:
    """Place the closing fields and attachment markers that stand on unplaced lines."""
    text = state.text
    found = [match.start() for match in matches_at(CLOSING_FIELD, text, _field_lines(text))]
    if not found:
        return
    gaps = _gaps(state.placed, len(text))
    starts = [start for start, _ in gaps]
    for field in found:
        at = bisect_right(starts, field) - 1
        if at < 0 or field >= gaps[at][1]:
            continue                    # inside a record: a task's own words
        end = gaps[at][1]
        line_end = text.find("\n", field, end)
        line_end = end if line_end < 0 else line_end
        if text.startswith(("抄送", "主题词"), field):
            line_end = _field_end(text, line_end, end)
        elif text.startswith("附件", field):
            line_end = _attachments_end(text, line_end, end)
        state.place(field, line_end)


# Where a closing field's line can begin: its first word after a line end, or a line ending in
# 印发 (a literal line end first lets re skip through the text fast).
_FIELD_LINE = LazyPattern(r"\n(?=抄送|附件|主题词|联系|\(此件|\(本件|[^\n]{0,60}印发\n)", 0,
                          re.compile)


def _field_lines(text: str) -> list[int]:
    """The starts of the lines where a closing field may stand: only they are tried."""
    return [0] + [match.end() for match in _FIELD_LINE.finditer(text + "\n")]


def _field_end(text: str, line_end: int, end: int) -> int:
    """Where a field wrapped over lines ends: at the line with its full stop, before a line
    that begins another field, or after ``MAX_FIELD_LINES`` lines."""
    for _ in range(MAX_FIELD_LINES - 1):
        if text[line_end - 1:line_end] == "。" or line_end >= end:
            break
        following = text.find("\n", line_end + 1, end)
        following = end if following < 0 else following
        if CLOSING_FIELD.match(text, line_end + 1, following) or ":" in text[line_end:following]:
            break
        line_end = following
    return line_end


# The line that opens a list of attachments: 附件:1.…, 附件1:…, 附件.
ATTACHMENT_LINE = re.compile(r"(?:^|(?<=\n))[ ]*附件[ ]*\d{0,2}[ ]*(?:[:.、][^\n]*)?(?=\n|$)")


def attachment_lists(text: str) -> list[tuple[int, int]]:
    r"""Spans of the lists of attachments (附件:1.任务分工表⏎2.联系人名单): their numbers are no
    items of the plan.

    >>> attachment_lists("一、总则\n附件:1.分工表\n2.名单\n")
    [(5, 18)]
    """
    if "附件" not in text:
        return []
    return [(match.start(), _attachments_end(text, match.end(), len(text)))
            for match in ATTACHMENT_LINE.finditer(text)]


def _attachments_end(text: str, line_end: int, end: int) -> int:
    """Where a list of attachments ends: after the numbered lines that follow its marker."""
    while line_end < end:
        following = text.find("\n", line_end + 1, end)
        following = end if following < 0 else following
        if not ATTACHMENT_ITEM.fullmatch(text[line_end + 1:following].strip()):
            break
        line_end = following
    return line_end


def collect_preamble(state: ParseState) -> None:
    """Keep the unclaimed text before the first section or task as the plan's preamble."""
    starts = [s["span"][0] for s in state.sections] + [t["span"][0] for t in state.tasks]
    first = min(starts) if starts else 0
    pieces = []
    for start, end in _gaps(state.placed, first):
        piece = state.text[start:end].strip()
        if piece:
            pieces.append(piece)
            state.place(start, end)
    state.meta["preamble"] = "\n".join(pieces)


def measure_coverage(state: ParseState) -> None:
    """Set ``coverage`` and warn about every unplaced stretch of text."""
    text = state.text
    total = len(text) - sum(text.count(c) for c in " \n")
    unplaced = 0
    for start, end in _gaps(state.placed, len(text)):
        piece = text[start:end]
        count = len(piece) - piece.count(" ") - piece.count("\n")
        if not count:
            continue
        unplaced += count
        if count >= MIN_WARNED:
            offset = start + (len(piece) - len(piece.lstrip()))
            state.warn("unplaced_text", f"text not placed in any record: "
                       f"{piece.strip()[:30]!r}", offset)
    state.meta["coverage"] = round(1 - unplaced / total, 4) if total else 1.0
