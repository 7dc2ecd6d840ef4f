"""Responsibility: who leads, supports or answers for a task, wherever the notice says it.

Forms, each a family found in real notices:

- a bracket at the end of a task, with or without labels: (责任单位:A、B), 〔A、B牵头,C配合〕,
  【牵头单位:A;配合单位:B】, (A负责), (各有关部门按照职责分工分别负责);
- labels without a bracket after the task's last sentence: 牵头单位:A责任单位:B、C, possibly
  followed by 完成时限:/时间进度: fields, which become the task's deadline, never units;
- a table cell, whose column gives the default role (see ``parse_cell``).

Brackets that are not responsibility stay in the text: (试行), (2012版), (草案), (上海),
(含基础信息), (以下简称…). A bracket cut off by the end of the text gives the complete names
before the cut and a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from . import roles
from .roles import role_of
from .units import RawUnit, is_institution, looks_like_agency, parse_unit_list, split_top

# Labels that introduce units, and the role each gives. 责任/负责 labels leave the role to the
# words inside (A牵头,B按职责分工负责), defaulting to responsible.
_UNIT_LABEL_WORDS = rf"""
    (?P<label>
        (?:主要)?牵头(?:单位|部门|领导)?                    # lead (牵头: alone in table cells)
      | (?:{roles.alternation(roles.LEAD_LABELS)})(?:单位|部门)
      | (?:{roles.alternation(roles.SUPPORT_LABELS)})(?:单位|部门)?     # support
      | (?:{roles.alternation(roles.RESPONSIBLE_LABELS)})(?:单位|部门|主体) | 责任人   # responsible
    )"""
# A label ends with a colon (责任单位:), or stands in brackets of its own (【责任单位】).
UNIT_LABEL = regex.compile(
    rf"""(?:{_UNIT_LABEL_WORDS} [ ]*[:] | [【\[] {_UNIT_LABEL_WORDS} [】\]] [ ]*:?)""",
    regex.VERBOSE,
)
COLON_LABEL = regex.compile(rf"{_UNIT_LABEL_WORDS} [ ]*[:]", regex.VERBOSE)
# Labels of fields that share the bracket or the line with units but are not units.
TIME_LABEL = regex.compile(r"(?:完成|工作|办结)?(?:时限|时间|期限)(?:要求|安排)?[ ]*:|时间进度[ ]*:|"
                           r"进度安排[ ]*:|【(?:完成|工作)?(?:时限|时间)】")
ANY_LABEL = regex.compile(f"{UNIT_LABEL.pattern}|(?P<time>{TIME_LABEL.pattern})", regex.VERBOSE)
# A clause that is a deadline, inside a bracket of units: (A牵头,B配合,2015年12月底前完成).
_DEADLINE_WORDS = (
    r"(?:于|在)?(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|年底|月底|中|上半年|下半年)?"
    r"(?:前|以前)?(?:完成|启动|建成|出台)?|长期(?:坚持|推进|开展)?|持续(?:推进|开展)|常态化(?:推进|开展)?"
    r"|全年(?:推进|开展)?|每年|每季度|按季度|逐年推进)")
DEADLINE_CLAUSE = regex.compile(f"^{_DEADLINE_WORDS}$")
# The last sentence of a task, when it only names units and their roles (市监察局牵头,…负责。),
# is at most this long: a longer one is prose.
MAX_ROLE_SENTENCE = 200

# Role words that make an unlabelled bracket a responsibility: 牵头, 负责, 配合 …
ROLE_WORD = re.compile(roles.alternation(roles.BRACKET_WORDS))   # stdlib re: tried on every name

# A list broken after one of its separators goes on on the next line (PDF and Word copies).
_LIST_GOES_ON = "、,"
BRACKET_PAIRS = {")": "(", "〕": "〔", "]": "[", "】": "【"}
OPENERS = "(〔[【"
TRAILING_NOISE = " \n。;,.|"


@dataclass
class Responsibility:
    """A responsibility found in a text: where it starts, its units, and what else it said."""

    start: int                                   # offset in the text where it begins
    units: list[RawUnit]
    open_list: bool = False
    deadline: str | None = None
    warnings: list[str] = field(default_factory=list)
    end: int | None = None                       # where it ends, when text follows it


def parse_content(content: str, default_role: str = "responsible") \
        -> tuple[list[RawUnit], bool, str | None] | None:
    """Units, open-list flag and deadline in a responsibility text; None if it is not one.

    >>> parse_content("牵头单位:市公安局;配合单位:市委网信办、市中级人民法院等相关单位")[0]
    [RawUnit(name='市公安局', role='lead'), RawUnit(name='市委网信办', role='support'), \
RawUnit(name='市中级人民法院', role='support')]
    >>> parse_content("试行") is None
    True
    """
    content = content.strip(TRAILING_NOISE)
    labels = list(ANY_LABEL.finditer(content))
    if labels:
        return _parse_labelled(content, labels, default_role)
    content, deadline = _split_deadline(content)
    if deadline:
        parsed = parse_content(content, default_role) if content else None
        return (parsed[0], parsed[1], deadline) if parsed else None
    if ROLE_WORD.search(content):
        units, is_open = parse_unit_list(content, default_role)
        return (units, is_open, None) if units and _all_agencies(units) else None
    units, is_open = parse_unit_list(content, default_role)
    if units and _all_agencies(units) and any(is_institution(u.name) for u in units):
        return units, is_open, None
    return None


def _split_deadline(content: str) -> tuple[str, str | None]:
    """Take a deadline clause out of a bracket of units: (A牵头,B配合,2015年底前完成)."""
    clauses = split_top(content, ",;")
    deadlines = [c for c in clauses if DEADLINE_CLAUSE.match(c)]
    if not deadlines or len(deadlines) == len(clauses):
        return content, None
    return ",".join(c for c in clauses if c not in deadlines), deadlines[-1]


def _parse_labelled(content: str, labels: list[regex.Match], default_role: str):
    units: list[RawUnit] = []
    is_open, deadline = False, None
    lead_in = content[:labels[0].start()].strip(TRAILING_NOISE + ":")
    if lead_in:     # units before the first label: (A牵头,B配合;完成时限:2024年底)
        found, is_open = parse_unit_list(lead_in, default_role)
        if not found or not _all_agencies(found):
            return None    # words before the labels that are no units: not a responsibility
        units.extend(found)
    for i, match in enumerate(labels):
        stop = labels[i + 1].start() if i + 1 < len(labels) else len(content)
        value = content[match.end():stop]
        value = value[:_labels_end(value, 0, len(value))].strip(TRAILING_NOISE + ":")
        if match.group("time"):
            deadline = value or deadline
            continue
        found, value_open = parse_unit_list(value, _label_role(match.group("label"), default_role))
        units.extend(found)
        is_open = is_open or value_open
    return (units, is_open, deadline) if units or deadline else None


def _label_role(label: str, default_role: str) -> str:
    """A label's role by the same words as a clause's (``roles.role_of``); a 责任单位-style
    label names no role of its own and leaves the default."""
    role = role_of(label, default_role)
    return default_role if role == "responsible" else role


def _all_agencies(units: list[RawUnit]) -> bool:
    """Every name reads as an agency, and none still holds a role word (各区政府负责组织实施
    is a sentence, not the unit 各区政府负责组织)."""
    return all(looks_like_agency(u.name) and len(u.name) <= 40 and not ROLE_WORD.search(u.name)
               for u in units)


def find_responsibility(text: str) -> Responsibility | None:
    """The responsibility at the end of a task's text, or None.

    >>> r = find_responsibility("制定工作方案。(责任单位:市发改委、市法制办)")
    >>> r.start, [u.name for u in r.units]
    (7, ['市发改委', '市法制办'])
    >>> find_responsibility("修订《管理办法(试行)》") is None
    True
    """
    end = len(text.rstrip(TRAILING_NOISE))
    return _at_end(text, end) or _before_deadline(text, end)


def _at_end(text: str, end: int) -> Responsibility | None:
    """The responsibility that ends at ``end``, in any of its forms but a deadline after it."""
    if end and text[end - 1] in BRACKET_PAIRS:
        found = _closed_bracket(text, end)
        if found:
            return found
    return _cut_bracket(text, end) or _bare_labels(text, end) or _role_sentence(text, end)


# A deadline field closing a task after its responsibility: 。A、B负责。完成时限:2025年12月底。
# Right after the responsibility's bracket it needs no label: (市发改委负责)2023年6月底前完成。
TRAILING_DEADLINE = regex.compile(rf"(?:(?:^|(?<=[。;\n )〕】\]]))(?:{TIME_LABEL.pattern})[ ]*"
                                  r"(?P<value>[^。;\n:()]{1,30})"
                                  rf"|(?<=[)〕】\]])[ ]*(?P<bare>{_DEADLINE_WORDS}))[。;]?$")


def _before_deadline(text: str, end: int) -> Responsibility | None:
    """A responsibility followed by a deadline field of its own, outside any bracket: the
    responsibility is found in what comes before the field, which gives its deadline."""
    match = TRAILING_DEADLINE.search(text, max(0, end - 60), end)
    if not match or match.start() == 0 or _depth(text[:match.start()]):
        return None
    before = text[:match.start()]     # one deadline field is taken off, never a run of them
    found = _at_end(before, len(before.rstrip(TRAILING_NOISE)))
    if not found or not found.units or found.end is not None:
        return None
    found.deadline = found.deadline or (match["value"] or match["bare"]).strip()
    return found


def _closed_bracket(text: str, end: int) -> Responsibility | None:
    start = _matching_open(text, end - 1)
    if start is None:
        return None
    # A line break inside a closed bracket is a wrap (PDF and Word copies): 市发改委、⏎市司法局.
    parsed = _bracket_fields(text[start + 1:end - 1])
    if not parsed:
        return None
    units, is_open, deadline = parsed
    found = _brackets_before(text, Responsibility(start, units or [], is_open, deadline))
    return found if found.units or units is not None else None   # a deadline alone is none


def _bracket_fields(content: str) -> tuple[list[RawUnit] | None, bool, str | None] | None:
    """What a bracket holds: units (None for a bracket that only gives a deadline, as
    (2021年底前完成) after a responsibility does), open flag, deadline; None for neither."""
    content = content.replace("\n", "")
    parsed = parse_content(content)
    if parsed:
        return parsed
    return (None, False, content.strip()) if DEADLINE_CLAUSE.match(content.strip()) else None


def _brackets_before(text: str, found: Responsibility) -> Responsibility:
    """Take in the brackets standing right before a responsibility bracket when they hold
    fields of it too: 【牵头单位:A】【配合单位:B】, (A负责)(完成时限:2025年底), (A负责)(2025年底前)."""
    while True:
        close = found.start
        while close and text[close - 1] in " \n":
            close -= 1
        start = _matching_open(text, close - 1) if close and text[close - 1] in BRACKET_PAIRS \
            else None
        parsed = _bracket_fields(text[start + 1:close - 1]) if start is not None else None
        if not parsed:
            return found
        units, is_open, deadline = parsed
        found = Responsibility(start, (units or []) + found.units, is_open or found.open_list,
                               found.deadline or deadline)


def _matching_open(text: str, close: int) -> int | None:
    """Offset of the bracket that ``text[close]`` closes, counting nested brackets."""
    depth = 0
    for i in range(close, max(close - 2000, -1), -1):
        ch = text[i]
        if ch in BRACKET_PAIRS:
            depth += 1
        elif ch in OPENERS:
            depth -= 1
            if depth == 0:
                return i
    return None


# An opening bracket near the end of the text with a unit label and no closing bracket.
CUT_BRACKET = regex.compile(rf"[{regex.escape(OPENERS)}](?=[ ]*{COLON_LABEL.pattern})", regex.VERBOSE)


def _cut_bracket(text: str, end: int) -> Responsibility | None:
    """A responsibility bracket cut off by the end of the text: keep the complete names."""
    matches = list(CUT_BRACKET.finditer(text, max(0, end - 600), end))
    if not matches:
        return None
    start = matches[-1].start()
    content = text[start + 1:end]
    if any(c in content for c in BRACKET_PAIRS) and _balanced_close(content):
        return None
    parsed = parse_content(content)
    if not parsed:
        return None
    units, is_open, deadline = parsed
    complete = [u for u in units if looks_like_agency(u.name)]
    dropped = units[len(complete):] if len(complete) < len(units) else []
    message = "a responsibility bracket is cut off; kept the complete names before the cut"
    if dropped:
        message += f" and dropped the fragment {dropped[-1].name!r}"
    return Responsibility(start, complete, is_open, deadline, [message])


def _balanced_close(content: str) -> bool:
    """Whether the text closes the bracket it was cut from (depth goes below zero)."""
    return _unopened_close(content, 0, len(content)) is not None


def _unopened_close(text: str, start: int, end: int, lines: bool = False) -> int | None:
    """The first closing bracket in ``text[start:end]`` that it did not open; with ``lines``,
    also the first line break not followed by a label (nor by a blank line, nor after a list
    separator: the list goes on). None when there is neither."""
    depth = 0
    for pos in range(start, end):
        ch = text[pos]
        if ch in OPENERS:
            depth += 1
        elif ch in BRACKET_PAIRS:
            depth -= 1
            if depth < 0:
                return pos
        elif lines and ch == "\n" and text[pos + 1:pos + 2] != "\n" \
                and text[pos - 1:pos] not in _LIST_GOES_ON \
                and not ANY_LABEL.match(text, pos + 1, end):    # (blank lines: Word copies)
            return pos
    return None


def _bare_labels(text: str, end: int) -> Responsibility | None:
    """Labels without a bracket after the task's last sentence: 牵头单位:A责任单位:B.

    They may stand on lines of their own; they end at the first line that starts with no
    label, or at a bracket they did not open. What follows stays the task's text (``end``).
    """
    sentence_end = text.rfind("。", 0, end)
    match = UNIT_LABEL.search(text, sentence_end + 1, end)
    if not match or _depth(text[sentence_end + 1:match.start()]) > 0:
        return None     # inside a bracket: the bracket forms decide, not this one
    stop = _labels_end(text, match.start(), end)
    parsed = parse_content(text[match.start():stop])
    if not parsed:
        return None
    units, is_open, deadline = parsed
    # Labels that run to the end keep nothing after them: the full stop that closes them
    # (责任单位:A,B。) is theirs, not a word of the task's.
    return Responsibility(match.start(), units, is_open, deadline,
                          end=stop if stop < end else None)


def _labels_end(text: str, start: int, end: int) -> int:
    """Where a run of labelled fields ends: a line without a label, or an unopened bracket."""
    stop = _unopened_close(text, start, end, lines=True)
    return end if stop is None else stop


def _depth(text: str) -> int:
    """How many brackets ``text`` leaves open."""
    depth = 0
    for ch in text:
        if ch in OPENERS:
            depth += 1
        elif ch in BRACKET_PAIRS:
            depth = max(depth - 1, 0)
    return depth


def _role_sentence(text: str, end: int) -> Responsibility | None:
    """A last sentence that only names units with role words: 。市监察局牵头,市直各部门按职责
    分工负责。 A bare list is not enough inside a paragraph (without brackets or role words a
    sentence of names is prose), but it is on a line of its own after the task's last
    sentence (。⏎市发改委、市财政局), as PDF and Word copies set a responsibility."""
    # ``end`` is past trailing marks, so the sentence runs from the last 。 or ; to it.
    start = max(text.rfind("。", 0, end), text.rfind(";", 0, end)) + 1
    sentence = text[start:end]
    own_line = sentence.lstrip(" ").startswith("\n") and "\n" not in sentence.strip()
    if start == 0 or not 2 <= len(sentence) <= MAX_ROLE_SENTENCE \
            or not (own_line or ROLE_WORD.search(sentence)) or ANY_LABEL.search(sentence) \
            or _depth(sentence):
        return None     # labels and brackets have their own forms
    parsed = parse_content(sentence)
    if not parsed or not parsed[0]:
        return None
    units, is_open, deadline = parsed
    return Responsibility(start, units, is_open, deadline)


# A bracket inside a task's text that closes one of its items: 一是…(A负责);二是…(B负责)。
INLINE_CLOSE = regex.compile(r"[)〕】\]](?=[;,。])")


def find_inline_units(text: str) -> list[RawUnit]:
    """Units named in brackets that close the items of a task inside its text, each bracket
    with role words or labels of its own: 一是建立长效机制(市发展改革委负责);二是…. The brackets
    stay in the text (they say which item each unit answers for).

    >>> find_inline_units("一是建立机制(市发改委负责);二是开展创建(试行)。")
    [RawUnit(name='市发改委', role='responsible')]
    """
    units: list[RawUnit] = []
    if not any(bracket in text for bracket in BRACKET_PAIRS):
        return units      # most tasks hold no bracket once their responsibility is cut
    for close in INLINE_CLOSE.finditer(text):
        start = _matching_open(text, close.start())
        content = text[start + 1:close.start()] if start is not None else ""
        if not (ROLE_WORD.search(content) or ANY_LABEL.search(content)):
            continue
        parsed = parse_content(content)
        if parsed and _all_agencies(parsed[0]):
            units.extend(parsed[0])
    return units


def parse_cell(cell: str, column_role: str | None) -> tuple[list[RawUnit], bool]:
    """Units of a table cell. A 牵头单位 or 配合单位 column decides the role; a 责任单位
    column lets the words in the cell decide (A牵头,B按职责分工负责), else responsible."""
    if column_role in ("lead", "support"):
        units, is_open = parse_unit_list(cell, column_role)
        return [RawUnit(u.name, column_role) for u in units], is_open
    parsed = parse_content(cell)
    if parsed:
        return parsed[0], parsed[1]
    return parse_unit_list(cell, "responsible")


__all__ = ["Responsibility", "find_inline_units", "find_responsibility", "parse_content",
           "parse_cell", "split_top"]
