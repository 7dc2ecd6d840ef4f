"""The ladder of official numbering: find item labels and accept them only in sequence.

Kinds of label, from the top of the ladder down (text is already width-folded, so （一） and
１． arrive as (一) and 1.):

====  ==========  =========================================
rank  kind        forms
====  ==========  =========================================
1     cn          一、 十二、 (also 一. and 一． in some notices)
2     cn_paren    (一) (十二)
3     arabic      1. 1、 1 . (not 3.15, 2.5%)
4     arabic_paren (1) 1)
5     circled     ① ⑳
====  ==========  =========================================

A label is a *candidate* wherever its form appears. It is *accepted* only as the next number of
its kind under the current parent, as the first number of a new, deeper kind, or as the next
number of a kind whose count runs on across sections. That sequence rule is what keeps (2012),
3.15消费者权益保护日 and 1-2个 out, wherever they stand.
"""

from __future__ import annotations

from dataclasses import dataclass

import re

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100}

RANK = {"cn": 1, "cn_paren": 2, "arabic": 3, "arabic_paren": 4, "circled": 5}

_CN = "[一二三四五六七八九十百零〇两]{1,6}"   # up to 一百一十一 and beyond

_CN_DIGIT = "一二三四五六七八九十百零〇两"

# The standard library's engine: this one pattern is scanned over every clause region, and
# ``re`` runs it about 1.5x faster than ``regex`` (it uses nothing ``re`` lacks). Digits are
# ASCII (width folding made them so): [0-9] is tested faster than the Unicode class \d.
LABEL = re.compile(
    rf"""
    (?=[{_CN_DIGIT}(0-9①-⑳])                 # a cheap first-character gate for the scan
    (?:
    (?P<cn>{_CN})(?:、|\.(?![0-9.]))(?![{_CN_DIGIT}]、)       # 一、 二. ; not 一、二、三类
  | \((?P<cn_paren>{_CN})\)                                # (一) : the second rung
  | (?P<arabic>[0-9]{{1,3}})(?:[ ]?\.(?![0-9.%])|、(?![0-9]))  # 1. 1、; not 3.15, 2.5%, 1、2
  | \((?P<arabic_paren>[0-9]{{1,3}})\)                     # (1)
  | (?P<arabic_close>[0-9]{{1,3}})\)                        # 1) : some notices close only
  | (?P<circled>[①-⑳])                                     # ① : the lowest rung
    )
    """,
    re.VERBOSE,
)
# After a label: (1), and 一、、 are list debris, not labels.
_DEBRIS_AFTER = frozenset("、,;")
# Before a label: 第十五、, 2.5, the 1) inside (1) and 统一、 glued to a numeral are not labels.
_NOT_BEFORE = frozenset("第0123456789." + _CN_DIGIT + "(")
# Before a "strong" label: a line start, a space, a sentence end or a closing bracket.
_BOUNDARY = frozenset(" \t\n\r。;:!?)〕】]」』”|")


def cn_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral up to the hundreds.

    >>> [cn_to_int(x) for x in ("一", "十", "十二", "二十", "五十", "一百零一", "二○", "")]
    [1, 10, 12, 20, 50, 101, 20, None]
    """
    if not numeral:
        return None
    total, digit = 0, None
    for ch in numeral:
        if ch in CN_DIGITS:
            if digit is not None and CN_DIGITS[ch] and digit:  # 二二: digits side by side
                digit = digit * 10 + CN_DIGITS[ch]
            else:
                digit = CN_DIGITS[ch] if digit is None or CN_DIGITS[ch] else digit * 10
        elif ch in CN_UNITS:
            total += (digit if digit is not None else 1) * CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


@dataclass(frozen=True)
class Label:
    """A numbered label found in the text."""

    kind: str
    number: int
    numeral: str  # the number as written: 一, 12
    start: int    # where the label starts
    end: int      # where the item's own text starts
    strong: bool  # preceded by a boundary (line start, space, sentence end, closing bracket)


def find_labels(text: str, start: int = 0, end: int | None = None) -> list[Label]:
    """Every label-shaped string in ``text[start:end]``, accepted or not."""
    labels = []
    for m in LABEL.finditer(text, start, len(text) if end is None else end):
        before = text[m.start() - 1] if m.start() else "\n"
        if before in _NOT_BEFORE or text[m.end():m.end() + 1] in _DEBRIS_AFTER:
            continue
        kind = m.lastgroup
        numeral = m.group(kind)
        if kind in ("cn", "cn_paren"):
            number = cn_to_int(numeral)
        elif kind == "circled":
            number = ord(numeral) - ord("①") + 1
        else:
            number = int(numeral)
        if not number:
            continue
        kind = "arabic_paren" if kind == "arabic_close" else kind
        labels.append(Label(kind, number, numeral, m.start(), m.end(), before in _BOUNDARY))
    return labels


@dataclass
class Item:
    """An accepted label and its place in the numbering tree."""

    label: Label
    depth: int               # 0 for the top rung present
    parent: int | None       # index of the parent item in the accepted list
    children: int = 0


# Weak labels (glued to the word before them) are trusted only where a glued label is still
# plausible: bracketed numbers, as the next number of a rung already open.
_WEAK_FIRST_OK = frozenset({"cn_paren", "arabic_paren"})


def accept_in_sequence(labels: list[Label]) -> list[Item]:
    """Keep the labels that continue the numbering; give them depth and parent.

    >>> labels = find_labels("一、甲 (一)乙(2012)丙。(二)丁 二、戊 (三)己")
    >>> [(i.label.numeral, i.depth) for i in accept_in_sequence(labels)]
    [('一', 0), ('一', 1), ('二', 1), ('二', 0), ('三', 1)]
    """
    items: list[Item] = []
    stack: list[int] = []          # indexes into items: the open rungs, top first
    last_number: dict[str, int] = {}   # last accepted number of each kind, across parents
    for label in labels:
        accepted = _place(label, items, stack, last_number)
        if accepted is None:
            continue
        depth, parent = accepted
        items.append(Item(label, depth, parent))
        if parent is not None:
            items[parent].children += 1
        del stack[depth:]
        stack.append(len(items) - 1)
        last_number[label.kind] = label.number
    return items


def _place(label: Label, items: list[Item], stack: list[int],
           last_number: dict[str, int]) -> tuple[int, int | None] | None:
    """Depth and parent for ``label`` if it continues the numbering, else None."""
    rank = RANK[label.kind]
    for depth, index in enumerate(stack):
        open_label = items[index].label
        if open_label.kind == label.kind:
            if label.number == open_label.number + 1:   # the next sibling
                return depth, items[index].parent
            return None
    # A kind not open: a new rung below the deepest open rung of higher rank.
    depth = 0
    while depth < len(stack) and RANK[items[stack[depth]].label.kind] < rank:
        depth += 1
    parent = stack[depth - 1] if depth else None
    continues = label.number == last_number.get(label.kind, 0) + 1 and label.number > 1
    if depth == 0 and stack:
        return None  # a rung above the top one, or a restart: only the body bounds decide that
    if label.number == 1:
        if not label.strong and label.kind not in _WEAK_FIRST_OK:
            return None
        return depth, parent
    if continues and (label.strong or label.kind != "cn"):
        return depth, parent
    return None
