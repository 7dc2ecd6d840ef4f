"""Where a table without borders stands: the lines that name its 序号 column, and the line
where what follows it begins.

Tables that lost their separators (run together on a line, or written one cell a line) are
found from the lines that name the index column; every header found in notices names it. With
no border to close them, they end at the first line that no row holds: one that opens the
plan's next part (a heading of its numbering, 二、 or (二)), a closing field (抄送:, 附件, …印发)
or the signature (its date, and the signing bodies on the lines above it).
"""

from __future__ import annotations

from typing import Callable, Iterator, Sequence

from .coverage import CLOSING_FIELD
from .numbering import LABEL
from .signature import MAX_SIGNERS, SEGMENT, signature_at

# The kinds of label that open the plan's next part after a table: a section (二、) or a group
# ((二)), as the numbering reads them. Arabic numbers are not here: they number the rows.
HEADING_KINDS = ("cn", "cn_paren")


def lines_holding(text: str, word: str) -> Iterator[tuple[int, int]]:
    r"""The start and end of each line of ``text`` that holds ``word``, in order, each line
    once however often it holds the word: found by string search, and the search goes on from
    the next line (a search back to the line start for every hit made one line holding 序号
    many times take minutes).

    >>> list(lines_holding("甲\n序号序号 乙\n丙序号", "序号"))
    [(2, 8), (9, 12)]
    """
    searched = 0
    at = text.find(word)
    while at >= 0:
        start = text.rfind("\n", searched, at) + 1 or searched
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield start, end
        searched = end + 1
        at = text.find(word, searched)


def after_table(lines: Sequence[str], index: int, first: int,
                next_row: Callable[[str], bool]) -> int | None:
    """The line where what follows a table begins, when line ``index`` opens it; else None
    (the line may be a row's). A heading followed by the table's next row (``next_row`` of
    the next line with words) is a category row of the table, not the plan's next part. A
    signature's bodies may stand on the lines above its date, down to line ``first`` (the
    first line that a row need not hold).

    >>> lines = ["1", "建立制度。", "市发改委", "某市信用办", "2023年3月1日"]
    >>> after_table(lines, 4, 3, str.isdigit), after_table(lines, 4, 4, str.isdigit)
    (3, 4)
    >>> after_table(["二、保障措施", "各部门要加强领导。"], 0, 0, str.isdigit)
    0
    >>> after_table(["二、信用平台建设", "3"], 0, 0, str.isdigit) is None
    True
    """
    line = lines[index].strip()
    if _is_heading(line):
        following = next((other for other in lines[index + 1:index + 3] if other.strip()), "")
        return None if next_row(following.strip()) else index
    if CLOSING_FIELD.match(line):
        return index
    return _signature_start(lines, index, first) if line.endswith("日") else None


def _is_heading(line: str) -> bool:
    """Whether a line opens with a section's or a group's label: 二、保障措施, (二)….

    >>> _is_heading("二、保障措施"), _is_heading("(二)加强领导"), _is_heading("一、二、三类企业")
    (True, True, False)
    """
    label = LABEL.match(line)
    return bool(label) and any(label[kind] for kind in HEADING_KINDS)


def _signature_start(lines: Sequence[str], index: int, first: int) -> int | None:
    """The first line of a signature whose date ends line ``index``, not above ``first``."""
    top = max(first, index - 2 * MAX_SIGNERS)      # bodies one a line, blank lines between
    window = "\n".join(lines[top:index + 1])
    segments = [(match.start(), match.group()) for match in SEGMENT.finditer(window)]
    found = signature_at(segments, len(segments) - 1) if segments else None
    if not found:
        return None
    start = top + window.count("\n", 0, segments[found[2]][0])
    while start < index and " " in lines[start].strip():
        start += 1     # a body on a line with other words is a row's last cell, not a signer
    return start
