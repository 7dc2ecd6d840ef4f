"""Characters lost in transit: lost spaces, byte-shifted GBK runs, unrecoverable runs."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from creditplan.normalize import normalize
from creditplan.normalize.byte_shift import repair_byte_shift
from creditplan.normalize.damage import Evidence, repair_lost_spaces, report_unrecoverable
from creditplan.normalize.edits import StepResult
from step_contract import assert_contract

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SONGJIANG = (SAMPLES / "songjiang-2022-work-points.txt").read_text(encoding="utf-8")
CLEAN_SIMPLIFIED = (SAMPLES / "shanghai-2023-work-points.txt").read_text(encoding="utf-8")
# The Songjiang notice with its damage undone by hand: clean traditional text.
CLEAN_TRADITIONAL = SONGJIANG.replace("??", "").replace("?qū)嶓w", "實體")

STEPS = [repair_lost_spaces, repair_byte_shift, report_unrecoverable]


# ---------------------------------------------------------------- lost spaces

LOST_SPACES = [
    # (input, expected, count)
    ("??一、强化信用基础建设", "一、强化信用基础建设", 1),
    ("??经区政府第17次常务会议审议通过", "经区政府第17次常务会议审议通过", 1),
    ("  ??一、", "  一、", 1),
    ("？？一、强化", "一、强化", 1),
    ("?？一、强化", "一、强化", 1),
    ("????一、强化", "一、强化", 1),
    ("第一行\n??第二行\n??第三行", "第一行\n第二行\n第三行", 2),
    ("??", "", 1),
    ("工作要点。??二、提升信用服务", "工作要点。 二、提升信用服务", 1),
    ("工作要点。??\n二、", "工作要点。\n二、", 1),
    ("工作要点。？？", "工作要点。", 1),
    ("信用体系??建设", "信用体系 建设", 1),
    ("通过??2022年", "通过 2022年", 1),
    ("G60??科创走廊", "G60 科创走廊", 1),
]

NOT_LOST_SPACES = [
    "是否可行?",                       # a real question mark
    "是否可行？请回复。",
    "真的吗??",                        # a doubled question mark after a question
    "真的吗？？我不信",                  # …and after a question particle mid-line
    "http://example.cn/a.php?b=1&c=2",  # a URL
    "a??b=1",                           # inside ASCII
    "Why?? Because.",                   # English
    "一个?号",                          # a single ? is never a lost space
]


@pytest.mark.parametrize("text, expected, count", LOST_SPACES)
def test_lost_spaces(text: str, expected: str, count: int) -> None:
    result = repair_lost_spaces(text)
    assert (result.text, result.count) == (expected, count)
    assert_contract(text, result)


@pytest.mark.parametrize("text", NOT_LOST_SPACES)
def test_not_lost_spaces(text: str) -> None:
    assert repair_lost_spaces(text) == StepResult(text, [], 0, [])


def test_songjiang_lost_spaces() -> None:
    result = repair_lost_spaces(SONGJIANG)
    assert result.count == 26
    assert "??" not in result.text
    assert result.text.count("\n") == SONGJIANG.count("\n")
    assert_contract(SONGJIANG, result)


# ---------------------------------------------------------------- byte shift

def test_songjiang_byte_shift() -> None:
    result = repair_byte_shift(SONGJIANG)
    assert result.count == 1
    assert "域實體經" in result.text and "嶓" not in result.text
    assert result.notes == []
    assert_contract(SONGJIANG, result)


def test_songjiang_byte_shift_in_the_pipeline() -> None:
    normalized = normalize(SONGJIANG)
    assert "区域实体经济" in normalized.text
    assert normalized.repairs["byte_shift"] == 1
    assert normalized.repairs["lost_space"] == 26


def shifted_runs(text: str, longest: int = 3) -> list[tuple[int, int, str]]:
    """Every place where losing a lead byte would make a byte-shifted run of this family.

    Gives ``(start, end, damaged text)``: text[start:end] lost the lead byte of its first
    character (shown as ``?``) and was read one byte late up to a trail byte shown as a letter.
    """
    found = []
    for start in range(len(text)):
        for end in range(start + 1, min(start + longest, len(text)) + 1):
            try:
                raw = text[start:end].encode("gbk")
            except UnicodeEncodeError:
                break
            if len(raw) != 2 * (end - start) or not regex.fullmatch(r"\p{Han}+", text[start:end]):
                break
            if raw[-1] >= 0x80:
                continue  # the shift goes on: the next trail byte is not ASCII
            after = text[end:end + 1]
            if end - start > 1 and chr(raw[-1]).isalpha() and not regex.match("[A-Za-z]", after):
                try:
                    late = raw[1:].decode("gbk")
                except UnicodeDecodeError:
                    break
                found.append((start, end, text[:start] + "?" + late + text[end:]))
            break
    return found


def test_byte_shift_family_on_the_traditional_sample() -> None:
    """Damage every place that can be damaged this way: repaired exactly, or noted and kept."""
    cases = shifted_runs(CLEAN_TRADITIONAL)
    assert len(cases) > 200
    restored = noted = wrong = 0
    for start, _end, damaged in cases:
        result = repair_byte_shift(damaged)
        if result.text == CLEAN_TRADITIONAL:
            restored += 1
        elif result.text == damaged:
            noted += 1
            assert [n.code for n in result.notes] == ["damaged_text"]
            assert result.notes[0].pos == start
        else:
            wrong += 1
    assert restored >= 0.4 * len(cases)
    assert wrong <= 0.01 * len(cases)  # a lost character the document seems sure of, wrongly


@pytest.mark.parametrize("text", [
    "区域?实体经济",              # ? before text that does not end on a lone letter
    "什么?我们的APP很好",          # a real word follows
    "是吗?a",                      # nothing shifted
    "http://example.cn/?q=中文a",  # a URL query
    "一个?号",
])
def test_not_byte_shift(text: str) -> None:
    assert repair_byte_shift(text) == StepResult(text, [], 0, [])


def test_byte_shift_without_evidence_is_noted() -> None:
    text = "區域?qū)嶓w經濟"  # nothing else in the text says the lost character was 實
    result = repair_byte_shift(text)
    assert (result.text, result.count, result.edits) == (text, 0, [])
    assert [(n.pos, n.code) for n in result.notes] == [(2, "damaged_text")]
    assert "體" in result.notes[0].message


@pytest.mark.parametrize("candidates, before, after, expected", [
    (["實", "寶"], "域", "體", "實"),   # the only one the document uses
    (["信", "用"], "會", "用", "信"),   # both used; only 信 beside both neighbours (會信, 信用)
    (["區", "國"], "", "", None),       # both used, nothing tells them apart
    (["鯈", "飴"], "", "", None),       # neither used
])
def test_evidence(candidates: list[str], before: str, after: str, expected: str | None) -> None:
    evidence = Evidence("實施。區域實體。社會信用。國家區域。信體")
    assert evidence.pick(candidates, before, after) == expected


# ---------------------------------------------------------------- unrecoverable

UNRECOVERABLE = [
    # (input, [(pos, run)])
    ("信用锟斤拷锟斤拷体系", [(2, "锟斤拷锟斤拷")]),
    ("信用锟斤体系", [(2, "锟斤")]),
    ("信用\ufffd体系\ufffd\ufffd", [(2, "\ufffd"), (5, "\ufffd\ufffd")]),
    ("烫烫烫烫烫烫", [(0, "烫烫烫烫烫烫")]),
    ("内存屯屯屯屯", [(2, "屯屯屯屯")]),
]


@pytest.mark.parametrize("text, runs", UNRECOVERABLE)
def test_unrecoverable(text: str, runs: list[tuple[int, str]]) -> None:
    result = report_unrecoverable(text)
    assert (result.text, result.edits, result.count) == (text, [], 0)
    assert [(n.pos, n.code) for n in result.notes] == [(p, "unrecoverable_text") for p, _ in runs]
    for note, (_, run) in zip(result.notes, runs):
        assert note.message.startswith(run)


@pytest.mark.parametrize("text", ["烫烫的水", "李锟同志", "屯屯", "清楚的文字"])
def test_not_unrecoverable(text: str) -> None:
    assert report_unrecoverable(text) == StepResult(text, [], 0, [])


# ---------------------------------------------------------------- every step

@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("text", [CLEAN_SIMPLIFIED, CLEAN_TRADITIONAL, "", "\n", "?", "??\n"],
                         ids=["simplified", "traditional", "empty", "newline", "q", "qq"])
def test_clean_text_unchanged_and_steps_idempotent(step, text: str) -> None:
    once = step(text)
    if text in (CLEAN_SIMPLIFIED, CLEAN_TRADITIONAL):
        assert once == StepResult(text, [], 0, [])
    assert step(once.text).text == once.text
    assert step(once.text).count == 0


@pytest.mark.parametrize("step", STEPS)
def test_songjiang_idempotent(step) -> None:
    once = step(SONGJIANG)
    twice = step(once.text)
    assert twice.text == once.text and twice.count == 0


DAMAGE_ALPHABET = st.sampled_from(
    list("??？? \n　。，、a1Z中文區域實體嶓w經濟锟斤拷烫屯吗") + ["\ufffd", "qū)", "區域?qū)嶓w"])


@pytest.mark.parametrize("step", STEPS)
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(DAMAGE_ALPHABET, max_size=30))
def test_steps_never_raise_and_are_idempotent(step, pieces: list[str]) -> None:
    text = "".join(pieces)
    once = step(text)
    assert_contract(text, once)
    assert step(once.text).text == once.text
