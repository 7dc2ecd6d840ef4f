"""The parsers' shortcuts: each must give exactly what the pattern it stands in front of, or
the pattern it replaced, gives.

A parser skips a pattern when a string search shows it cannot match (a clause that ends in no
role word, a cell too long to be a deadline) or finds by ``str.find`` what a pattern used to
scan for (a sentence's start, a table line). The reference patterns below are the ones the
shortcuts replaced; generated text made of the pieces they care about must give the same
answer both ways, so that a shortcut can only save time.
"""

from __future__ import annotations

import itertools

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from creditplan.normalize.edits import LINE_END, _line_ends
from creditplan.parsers import (flat_table, responsibility, roles, table_columns, table_regions,
                                titles, units)

SHORTCUT = settings(max_examples=500, deadline=None)


def pieces(*words: str, max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), max_size=max_size).map("".join)


# --- units: the role tail -------------------------------------------------------------------

_DUTIES = [""] + ["".join(p) for p in itertools.product(
    ["", *roles.DUTY_LEADS], ["", "各自"], roles.DUTY_WORDS, ["", "分工"])]
_ADVERBS = ["", *roles.TAIL_ADVERBS]
_WORDS = ["", *roles.TAIL_WORDS]


def test_every_role_tail_ends_in_a_character_the_gate_lets_through() -> None:
    """ROLE_TAIL's language is finite: every tail in it ends in one of _ROLE_TAIL_ENDS and is
    no longer than _ROLE_TAIL_REACH."""
    for duty, adverb, word in itertools.product(_DUTIES, _ADVERBS, _WORDS):
        tail = duty + adverb + word
        if tail:
            assert units.ROLE_TAIL.fullmatch(tail), tail
            assert tail[-1] in units._ROLE_TAIL_ENDS, tail
            assert len(tail) <= units._ROLE_TAIL_REACH, tail


@SHORTCUT
@given(clause=pieces("市发改委", "、", "区", "局", "头", "责", "负", "牵", "按照", "职责", "分工",
                     "分别", "牵头", "负责", "配合", "实施", "落实", "办", "工", "能", "同"))
def test_strip_role_finds_the_tail_the_pattern_finds(clause: str) -> None:
    match = units.ROLE_TAIL.search(clause, max(len(clause) - units._ROLE_TAIL_REACH, 0))
    expected = (clause[:match.start()], match.group()) if match and match.group() \
        else (clause, "")
    assert units.strip_role(clause) == expected


# --- responsibility: the last sentence ------------------------------------------------------

LAST_SENTENCE = regex.compile(r"(?<=^|[。;])[^。;]{2,200}[。;]?$")


@SHORTCUT
@given(text=pieces("市监察局牵头", "。", ";", "甲", "乙乙乙乙乙乙乙乙乙乙" * 3, "\n", ",", " ",
                   max_size=20))
def test_the_last_sentence_starts_where_the_pattern_found_it(text: str) -> None:
    """_role_sentence takes the sentence after the last 。 or ; before ``end``."""
    end = len(text.rstrip(responsibility.TRAILING_NOISE))
    match = LAST_SENTENCE.search(text, 0, end)
    start = max(text.rfind("。", 0, end), text.rfind(";", 0, end)) + 1
    found = 2 <= end - start <= responsibility.MAX_ROLE_SENTENCE
    assert found == (match is not None)
    if match:
        assert (match.start(), match.end()) == (start, end)


# --- titles: the first sentence -------------------------------------------------------------

FIRST_SENTENCE = regex.compile(r"[^\n。]{1,200}?(?:。|\n|$)")


def _title_by_pattern(text: str) -> str | None:
    match = FIRST_SENTENCE.match(text)
    if not match:
        return None
    sentence = match.group().rstrip("。\n ")
    rest = text[match.end():].strip()
    if not rest or not sentence or len(sentence) > titles.MAX_TITLE \
            or titles._NOT_HEADING.search(sentence):
        return None
    return sentence


@SHORTCUT
@given(text=pieces("著力推动", "信用", "。", "\n", " ", ",", ";", "甲" * 45, "乙" * 150,
                   max_size=10))
def test_task_title_is_the_first_sentence_the_pattern_found(text: str) -> None:
    assert titles.task_title(text) == _title_by_pattern(text)


# --- tables: separated lines, the flat header's lines, deadline cells -----------------------

TABLE_LINE = regex.compile(r"^[^\n]*[|\t][^\n]*[|\t][^\n]*$", regex.MULTILINE)


@SHORTCUT
@given(text=pieces("|", "\t", "\n", "甲", " ", "||", max_size=30))
def test_separated_lines_are_the_lines_the_pattern_matched(text: str) -> None:
    assert list(table_regions._separated_lines(text)) == [m.span() for m in TABLE_LINE.finditer(text)]


@SHORTCUT
@given(text=pieces("序号", "编号", "工作任务", "责任单位", "完成时限", " ", "\n", "1 制定", "甲",
                   max_size=20))
def test_flat_headers_are_found_on_the_lines_that_name_the_index(text: str) -> None:
    """Every header run the pattern finds at any line start, on a line holding 序号 or 编号."""
    starts = set(flat_table._lines_naming_the_index(text))
    for match in flat_table.HEADER_RUN.finditer(text):
        line_end = text.find("\n", match.start())
        line = text[match.start():None if line_end < 0 else line_end]
        assert (match.start() in starts) == any(w in line for w in ("序号", "编号"))


@SHORTCUT
@given(cell=pieces("2023年底前完成", "长期", "持续", "甲", "年底", "6月", "推进", max_size=20))
def test_a_cell_longer_than_the_deadline_limit_is_never_a_deadline(cell: str) -> None:
    if len(cell) > table_columns.DEADLINE_CELL_MAX:
        assert not table_columns.DEADLINE_CELL.match(cell)


# --- offsets: line ends ---------------------------------------------------------------------

@SHORTCUT
@given(text=pieces("\n", "\r\n", "\r", "\u2028", "\u2029", "甲", "a", max_size=30))
def test_line_ends_are_the_ones_the_pattern_finds(text: str) -> None:
    assert _line_ends(text) == [m.end() - 1 for m in LINE_END.finditer(text)]
