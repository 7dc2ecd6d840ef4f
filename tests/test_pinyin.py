"""Pinyin annotations: what goes (關(guān) → 關) and what must stay (信用中國(上海), (a), E企融(e))."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from creditplan.normalize import pinyin
from creditplan.normalize.pinyin import pinyin_syllables, strip_pinyin_annotations

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

# Samples that carry pinyin annotations, and how many; every other sample must pass unchanged.
ANNOTATED_SAMPLES = {"songjiang-2022-work-points.txt": 592}

# (input, expected output, annotations removed)
STRIPPED = [
    ("關(guān)于印發(fā)", "關于印發", 2),                  # tone marks, ASCII brackets
    ("你(nǐ)們", "你們", 1),
    ("和(hé)", "和", 1),
    ("們(men)", "們", 1),                                # no tone
    ("關（guān）于", "關于", 1),                          # full-width brackets
    ("關(guān）于", "關于", 1),                           # mixed brackets
    ("關（guan1）于印(yin4)發(fa1)", "關于印發", 3),       # numeric tones
    ("我們(men5)", "我們", 1),                          # numeric neutral tone
    ("關(gua\u0304n)", "關", 1),                          # combining macron (NFD text)
    ("女(nǚ)女(nv3)略(lüè)略(lve4)", "女女略略", 4),       # ü written as ü and as v
    ("嗯(ńg)呣(ḿ)欸(ế)", "嗯呣欸", 3),                    # interjection syllables with tones
    ("啊(ā)", "啊", 1),                                  # one toned letter is sure
    ("(責(zé)任單位:區(qū)發(fā)展改革委)", "(責任單位:區發展改革委)", 3),  # inside a real bracket
    ("示范城市(區(qū))評選", "示范城市(區)評選", 1),      # 區(qū) is a reading, (區) is text
    ("區(qū)域?qū)嶓w", "區域?qū)嶓w", 1),                  # no opening bracket: another step's
    ("阿(ā)姨(yí)們(men)說(shuō)啊(a)", "阿姨們說啊", 5),  # dense line: (a) is a reading too
    ("們(men)們(men)們(men)啊(e)", "們們們啊", 4),       # exactly DENSE_LINE sure ones
    ("們(men)們(men)啊(a)", "們們啊(a)", 2),            # two are not enough: (a) stays
    ("們(men)們(men)們(men)\n啊(a)", "們們們\n啊(a)", 3),  # density is counted per line
    ("附件(a1)、們(men)", "附件(a1)、們", 1),            # one letter with a digit is a label too
]

# Text that must come out exactly as it went in.
UNCHANGED = [
    "信用中國(上海)",
    "區發展改革委(金融辦)",
    "(2017年)",
    "(一)",
    "(a)",
    "項目(a)",                  # one bare letter on a sparse line: a list label
    "(A)",
    "應用(APP)",
    "(e)",
    "辦法(試行)",
    "E企融(e)",
    "北京(Beijing)",            # capitalised, and not one syllable
    "北京(beijing)",            # lowercase, still two syllables
    "PIN(pin)",                 # a syllable, but after a latin letter
    "x(pin)",
    "關 (guān)",                # a space between: not a reading of 關
    "關(Guān)",                  # readings are lowercase
    "關(guān4)",                 # two tones
    "關(guan6)",                 # no tone 6
    "關(xyz)",                  # not a syllable
    "關()",
    "關(guān",                  # never closed
    "長度(m)",                  # unit, sparse line
    "。(1)",
    "見附件(b)",                # not a syllable at all
]


@pytest.mark.parametrize(("text", "expected", "count"), STRIPPED)
def test_strips_annotations(text: str, expected: str, count: int) -> None:
    result = strip_pinyin_annotations(text)
    assert (result.text, result.count) == (expected, count)
    assert len(result.edits) == count


@pytest.mark.parametrize("text", UNCHANGED)
def test_keeps_real_text(text: str) -> None:
    result = strip_pinyin_annotations(text)
    assert result.text == text
    assert (result.count, result.edits, result.notes) == (0, [], [])


@pytest.mark.parametrize("text", [case[0] for case in STRIPPED] + UNCHANGED)
def test_idempotent(text: str) -> None:
    once = strip_pinyin_annotations(text).text
    assert strip_pinyin_annotations(once).count == 0


def test_stacked_readings() -> None:
    assert strip_pinyin_annotations("關(guān)(guan1)").text == "關"


def test_edits_rebuild_the_output() -> None:
    text = "示范城市(區(qū))評選，關（guān）于"
    result = strip_pinyin_annotations(text)
    assert result.edits == [(6, 10, 0), (15, 21, 0)]
    kept, last = [], 0
    for start, end, new_length in result.edits:
        assert new_length == 0
        kept.append(text[last:start])
        last = end
    assert "".join(kept) + text[last:] == result.text


def _sample_names() -> list[str]:
    return sorted(path.name for path in SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("name", _sample_names())
def test_samples(name: str) -> None:
    text = (SAMPLES / name).read_text(encoding="utf-8")
    result = strip_pinyin_annotations(text)
    assert result.count == ANNOTATED_SAMPLES.get(name, 0)
    if name not in ANNOTATED_SAMPLES:
        assert result.text is text                  # clean text takes the fast path
    assert strip_pinyin_annotations(result.text).count == 0


def test_songjiang_keeps_its_real_brackets() -> None:
    text = (SAMPLES / "songjiang-2022-work-points.txt").read_text(encoding="utf-8")
    result = strip_pinyin_annotations(text).text
    assert regex.search(r"[(（]\p{Latin}", result) is None
    for kept in ("信用中國(上海)", "區發展改革委(金融辦)", "三清單(數據、行為和應用清單)",
                 "示范城市(區)評選", "(責任單位:區發展改革委"):
        assert kept in result
    assert "?qū)嶓w" in result                      # the bracketless fragment is not ours


def test_syllable_table() -> None:
    table = pinyin_syllables()
    assert 400 <= len(table) <= 440
    assert {"m", "n", "ng", "hm", "hng", "ê", "lü", "lv", "nü", "nv", "lüe", "lve", "nüe",
            "nve", "zhuang", "er", "biang"} <= table
    assert all(regex.fullmatch(r"[a-zêü]{1,6}", syllable) for syllable in table)
    assert pinyin_syllables() is table              # read once


_ALPHABET = "關區們啊E(（)）guānmeüǚv14 \n上"


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_only_removes_bracketed_readings_after_han(text: str) -> None:
    result = strip_pinyin_annotations(text)
    assert result.count == len(result.edits)
    rebuilt, last = [], 0
    for start, end, new_length in result.edits:
        assert new_length == 0 and start > 0
        assert regex.match(r"\p{Han}", text[start - 1])
        assert text[start] in "(（" and text[end - 1] in ")）"
        rebuilt.append(text[last:start])
        last = end
    assert "".join(rebuilt) + text[last:] == result.text


def test_doctests() -> None:
    assert doctest.testmod(pinyin).failed == 0
