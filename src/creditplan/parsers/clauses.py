"""Numbered clauses: sections, the headings between, and the tasks at the leaves.

The text of an item runs to the next item of the same or a higher rung; text before a
section's first item belongs to the section. A leaf under a section is a task; a section with
no numbered children becomes a task only when it carries a responsibility (decided later, by
the responsibility parser, from ``heading_task`` candidates).
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from .coverage import attachment_lists
from .numbering import Item, accept_in_sequence, find_labels
from .responsibility import ANY_LABEL, OPENERS, find_responsibility, parse_content
from .signature import MAX_SIGNERS, is_signer
from .state import ParseState
from .titles import flow, split_heading

# Lines that end a plan's last clause: signature, date, attachments, a table's title.
END_MATTER = regex.compile(
    r"""
    ^(?: 附件[ ]*(?:[:\d]|$) | 抄送[ ]*: | 主题词[ ]*: | 联系人[ ]*: | 联系电话[ ]*:   # closing
      | [^\n。]{0,40}\d{1,2}日印发$                          #   fields of a document
      | (?P<date>                                            # a signature date, perhaps
          (?:[\p{Han}、 ]{2,80}(?:办公室|人民政府|政府|委员会|局|厅|委|办|中心)[ ])?   # after the
          (?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日                 #   bodies (they may also
           | [一二三四五六七八九〇○零]{4}年[一二三四五六七八九十]{1,2}月       #   stand on the
             [一二三四五六七八九十]{1,3}日)$)                   #   lines above it)
      | [^\n。]{0,60}(?:分工表|任务表|一览表|责任表|清单)$       # a table's title
    )
    """,
    regex.VERBOSE | regex.MULTILINE,
)

# The same fields in a page flattened to one line, where a space stands for each line break:
# they begin a stretch. A signature there is a signer's stretch before a date's (``_flat_end``).
# 附件 alone between spaces is the marker line above an attached table or plan.
FLAT_END_MATTER = regex.compile(r"[ ](?:附件(?:[ ]*[:\d]|(?=[ ]|$))|抄送[ ]*:|主题词[ ]*:|联系人[ ]*:)")
FLAT_DATE = regex.compile(r"[ ](?:19|20)\d{2}年\d{1,2}月\d{1,2}日(?=[ ]|$)")
SIGNER = regex.compile(r"[\p{Han}、]{2,60}(?:办公室|人民政府|政府|委员会|局|厅|委|办|中心)")

CN_KINDS = frozenset({"cn", "cn_paren"})
CLOSERS = ")〕]】"     # the closing bracket of each opener in ``OPENERS``, in order
_NEXT_WORDS = regex.compile(r"\s*")   # the blank stretch before the next line's words
# A closing bracket at the end of a line: before a line break, or in a flattened page a space.
_BRACKET_AT_LINE_END = regex.compile(r"[)〕】\]](?=[\n ])")


def parse_clauses(state: ParseState) -> None:
    """Find the numbered items in the clause regions and add sections, groups and tasks."""
    regions = state.clause_regions()
    labels = [label for start, end in regions for label in find_labels(state.text, start, end)]
    attachments = attachment_lists(state.text)
    if attachments:      # 附件:1.任务分工表 ⏎ 2.名单: numbers of the attachments, no items
        labels = [l for l in labels if not any(s <= l.start < e for s, e in attachments)]
    items = accept_in_sequence(labels)
    enumerations = _inline_enumerations(state.text, items)
    if enumerations:
        items = accept_in_sequence([l for l in labels if l.start not in enumerations])
    if not items:
        return
    ends = _item_ends(items, regions, len(state.text))
    for index, item in enumerate(items):
        _add_item(state, items, index, ends[index])


def _inline_enumerations(text: str, items: list[Item]) -> set[int]:
    """Label offsets of enumerations inside a task: items that run inline after a colon in
    their parent's own words ((一)完善制度。重点包括:(1)…;(2)…). Under a section heading inline
    items are the tasks themselves (2012 Shanghai), so only deeper parents count."""
    children: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        if item.parent is not None and items[item.parent].depth > 0:
            children.setdefault(item.parent, []).append(index)
    enumerating = set()
    for parent, kids in children.items():
        first = items[kids[0]].label.start
        lead_in = text[items[parent].label.end:first].rstrip()
        inline = all(text[items[k].label.start - 1] not in "\n" for k in kids)
        if inline and lead_in.endswith(":"):
            enumerating.add(parent)
    return {items[k].label.start for k in _descendants(items, enumerating)}


def _descendants(items: list[Item], ancestors: set[int]) -> list[int]:
    """The indexes of the items under any of ``ancestors``, in one pass: a parent comes before
    its children, so an item is under one when its parent is one or is under one. (A walk up
    from every item after each ancestor made 99 sections of 400 such items take minutes.)

    >>> from .numbering import find_labels
    >>> items = accept_in_sequence(find_labels("一、甲 (一)乙:(1)丙 (2)丁 (二)戊 (1)己"))
    >>> _descendants(items, {1})
    [2, 3]
    """
    if not ancestors:
        return []
    under = [False] * len(items)
    for index, item in enumerate(items):
        parent = item.parent
        under[index] = parent is not None and (parent in ancestors or under[parent])
    return [index for index, inside in enumerate(under) if inside]


def _item_ends(items: list[Item], regions: list[tuple[int, int]], size: int) -> list[int]:
    """Where each item's text ends: the next item of its rung or higher, or its region's end."""
    ends = [size] * len(items)
    open_items: list[int] = []
    for index, item in enumerate(items):
        while open_items and items[open_items[-1]].depth >= item.depth:
            ends[open_items.pop()] = item.label.start
        open_items.append(index)
    starts = [start for start, _ in regions]
    region_ends = []
    for item in items:    # the region holding each label: a binary search, not a scan
        at = bisect_right(starts, item.label.start) - 1
        inside = at >= 0 and item.label.start < regions[at][1]
        region_ends.append(regions[at][1] if inside else size)
    return [min(end, region_end) for end, region_end in zip(ends, region_ends)]


def _path(items: list[Item], index: int) -> list[int]:
    path = []
    while index is not None:
        path.append(items[index].label.number)
        index = items[index].parent
    return path[::-1]


def _is_section(item: Item) -> bool:
    return item.depth == 0 and (item.label.kind in CN_KINDS or item.children > 0)


def _add_item(state: ParseState, items: list[Item], index: int, end: int) -> None:
    item = items[index]
    label = item.label
    text = state.text
    first_child = items[index + 1].label.start if item.children else end
    if _is_section(item) or item.children:
        heading_end = _heading_responsibility(state, items, index, first_child)
        title, rest = split_heading(text, label.end, heading_end)
        unnumbered = [] if item.children else _unnumbered_items(text, rest, end)
        own_text = "" if unnumbered else flow(text[rest:heading_end].strip())
        if _is_section(item):
            state.sections.append({
                "index": label.number, "number": label.numeral, "title": title, "level": 1,
                "text": own_text, "line": state.line_of(label.start), "span": (label.start, end)})
            if unnumbered:
                _add_unnumbered(state, items, index, unnumbered)
                state.place(label.start, rest)
                return
            if not item.children:   # may still be a task if it carries a responsibility
                state.tasks.append(_task(state, items, index, label.end, end, heading=True))
        else:
            section = _section_of(items, index)
            state.groups.append({"origin": "clause", "section": section, "index": label.number,
                                 "title": title, "path": _path(items, index), "text": own_text})
        state.place(label.start, first_child)
        return
    state.tasks.append(_task(state, items, index, label.end, _cut_end_matter(text, label.end, end)))


def _heading_responsibility(state: ParseState, items: list[Item], index: int,
                            first_child: int) -> int:
    """Where a heading's own words end: before the responsibility that closes them, when
    its numbered children are the tasks it covers ((一)完善信用信息归集(牵头单位:…) over 1. 2.).
    The responsibility is kept by the heading's path, for the tasks under it without one."""
    label = items[index].label
    if not items[index].children:
        return first_child      # a heading without children is a task of its own, or nothing
    own = state.text[label.end:first_child]
    found = find_responsibility(own)
    if not found or not found.units or found.end is not None and own[found.end:].strip():
        return first_child      # words after it: no responsibility that closes the heading
    state.meta.setdefault("heading_units", {})[tuple(_path(items, index))] = found
    return label.end + found.start


# How far back from a paragraph's end its responsibility is looked for: as far as
# ``responsibility`` looks for the opener of a bracket. A paragraph that no responsibility has
# closed yet grows line by line; reading all of it at every line ending in a bracket made
# 30,000 lines of 建立制度(2021年) take a minute.
RESPONSIBILITY_REACH = 2000


def _unnumbered_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of a section without numbered items, when there are two or more and each
    ends with a responsibility of its own: the items of a Word copy that lost its automatic
    numbering (docx2txt drops it). Else []: the section is one text."""
    paragraphs, first, pos = [], start, start
    while pos < end:
        line_end = text.find("\n", pos, end)
        line_end = end if line_end < 0 else line_end
        line = text[pos:line_end].rstrip()
        tail = max(first, pos + len(line) - RESPONSIBILITY_REACH)
        if line.endswith((")", "〕", "】", "]")) and find_responsibility(text[tail:pos + len(line)]):
            paragraphs.append((first, pos + len(line)))
            first = line_end + 1
        pos = line_end + 1
    if len(paragraphs) < 2 or text[first:end].strip():
        return []
    return [(_NEXT_WORDS.match(text, s).end(), e) for s, e in paragraphs]


def _add_unnumbered(state: ParseState, items: list[Item], index: int,
                    paragraphs: list[tuple[int, int]]) -> None:
    """A task per unnumbered paragraph of a section, numbered in order, and a warning."""
    section = items[index].label.number
    for number, (start, end) in enumerate(paragraphs, 1):
        state.tasks.append({"origin": "clause", "section": section, "group": None,
                            "index": number, "path": [section, number], "title": None, "text": "",
                            "units": [], "line": state.line_of(start), "span": (start, end),
                            "_body": (start, end), "_heading_task": False})
    state.warn("unnumbered_items", f"section {section}: {len(paragraphs)} paragraphs without "
               f"numbers, each with its own responsibility, were numbered in order (a copy "
               f"that lost its automatic numbering)", paragraphs[0][0])


def _section_of(items: list[Item], index: int) -> int | None:
    while items[index].parent is not None:
        index = items[index].parent
    return items[index].label.number if _is_section(items[index]) else None


def _task(state: ParseState, items: list[Item], index: int, start: int, end: int,
          heading: bool = False) -> dict:
    item = items[index]
    parent = item.parent
    section = _section_of(items, index)
    group = items[parent].label.number if parent is not None and items[parent].depth > 0 else None
    if heading:
        section, group = item.label.number, None
    return {"origin": "clause", "section": section, "group": group, "index": item.label.number,
            "path": _path(items, index), "title": None, "text": "", "units": [],
            "line": state.line_of(item.label.start), "span": (item.label.start, end),
            "_body": (start, end), "_heading_task": heading}


def _cut_end_matter(text: str, start: int, end: int) -> int:
    """End a clause before what follows it but is not its own: a signature, date, attachment
    or table title on a later line, or any paragraph after the line that gave its
    responsibility (a responsibility closes a task). In a page flattened to one line the
    stretches between spaces are its lines."""
    newline = text.find("\n", start, end)
    match = END_MATTER.search(text, newline + 1, end) if newline >= 0 else None
    if match:
        end = _signers_above(text, newline + 1, match.start()) if match["date"] else match.start()
    content_end = start + len(text[start:end].rstrip())
    if text.find(" ", start, content_end) >= 0:
        end = _flat_end(text, start, end)
        content_end = start + len(text[start:end].rstrip())
    elif text.find("\n", start, content_end) < 0:
        return end       # one line: nothing follows a line of its own
    # Only a line that ends in a bracket is read, and only when text follows it that opens no
    # field of the same responsibility: each check costs the length of its own line.
    for bracket in _BRACKET_AT_LINE_END.finditer(text, start, content_end):
        pos = bracket.end()
        following = _NEXT_WORDS.match(text, pos, end).end()
        if not ANY_LABEL.match(text, following, end) and \
                not _opens_responsibility(text, following, end) and \
                find_responsibility(text[text.rfind("\n", start, pos) + 1 or start:pos]):
            return pos
    return end


def _signers_above(text: str, start: int, date: int) -> int:
    """Where a signature begins whose date line starts at ``date``: at the lines of signing
    bodies just above it (as many and as ``signature.signature_at`` reads them), else at the
    date. A line of agency names with no date under it is no signature: a unit list wrapped
    over lines."""
    begin, line_end, signers = date, date - 1, 0
    while signers < MAX_SIGNERS and line_end > start:
        above = text.rfind("\n", start, line_end) + 1 or start
        if text[above:line_end].strip(" "):       # blank lines between: a Word copy's
            if not is_signer(text[above:line_end].strip(" ")):
                break
            begin, signers = above, signers + 1
        line_end = above - 1
    return begin


def _flat_end(text: str, start: int, end: int) -> int:
    """Where the closing fields or the signature of a flattened page begin, else ``end``."""
    field = FLAT_END_MATTER.search(text, start, end)
    end = field.start() + 1 if field else end
    for date in FLAT_DATE.finditer(text, start, end):
        stretch = text.rfind(" ", start, date.start()) + 1
        if stretch > start and SIGNER.fullmatch(text, stretch, date.start()):
            return stretch
    return end


def _opens_responsibility(text: str, start: int, end: int) -> bool:
    """Whether a bracket of responsibility fields opens at ``start``: (配合单位:…) after
    (牵头单位:…), the two one responsibility."""
    if start >= end or text[start] not in OPENERS:
        return False
    close = text.find(CLOSERS[OPENERS.index(text[start])], start, min(end, start + 600))
    return close > 0 and parse_content(text[start + 1:close]) is not None
