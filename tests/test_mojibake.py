"""Mojibake: every sample misread three ways comes back; text that was fine stays as it is."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from step_contract import assert_contract

from creditplan.normalize.edits import StepResult
from creditplan.normalize.mojibake import repair_mojibake

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))
TEXTS = {path.stem: path.read_text(encoding="utf-8") for path in SAMPLES}


def as_cp1252(raw: bytes) -> str:
    """What a browser shows for bytes read as windows-1252: undefined bytes as C1 controls."""
    return "".join(bytes((b,)).decode("cp1252", "ignore") or chr(b) for b in raw)


# How a copy came to be misread: (family, name) -> text to mojibake.
MISREADINGS = {
    ("a", "utf8-as-cp1252"): lambda text: as_cp1252(text.encode("utf-8")),
    ("a", "utf8-as-latin1"): lambda text: text.encode("utf-8").decode("latin-1"),
    ("b", "gbk-as-latin1"): lambda text: text.encode("gb18030").decode("latin-1"),
    ("b", "gbk-as-cp1252"): lambda text: as_cp1252(text.encode("gb18030")),
}
# UTF-8 read as GBK loses bytes, one U+FFFD each: (codec, share of characters recovered).
LOSSY = [("gb18030", 0.94), ("gbk", 0.90)]


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.mark.parametrize("misreading", MISREADINGS, ids="-".join)
@pytest.mark.parametrize("name", TEXTS)
def test_samples_round_trip(name: str, misreading: tuple[str, str]) -> None:
    text = TEXTS[name]
    garbled = MISREADINGS[misreading](text)
    assert garbled != text
    result = repair_mojibake(garbled)
    assert result.text == text
    changed = sum(1 for line in text.split("\n") if not line.isascii())
    assert result.count == changed  # one repair per line
    assert_contract(garbled, result)
    assert repair_mojibake(result.text).count == 0


@pytest.mark.parametrize("codec, recovered", LOSSY)
@pytest.mark.parametrize("name", TEXTS)
def test_samples_utf8_read_as_gbk(name: str, codec: str, recovered: float) -> None:
    """Lossy: no line gets worse, lines stay lines, few characters are lost, fewer guessed wrong.

    A byte lost next to ASCII (``设,``) or a line end (``。\\n``) is filled only when the rest
    of the document shows which character it was; otherwise it stays U+FFFD.
    """
    text = TEXTS[name]
    garbled = text.encode("utf-8").decode(codec, errors="replace")
    result = repair_mojibake(garbled)
    assert_contract(garbled, result)
    lines, repaired, misread = (s.split("\n") for s in (text, result.text, garbled))
    assert len(repaired) == len(lines)
    for line, new, old in zip(lines, repaired, misread):
        assert similarity(line, new) >= similarity(line, old)
    matcher = difflib.SequenceMatcher(None, text, result.text, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    assert same >= recovered * len(text)
    wrong = len(result.text) - same - result.text.count("\ufffd")
    assert wrong <= 0.01 * len(text)
    assert repair_mojibake(result.text).text == result.text


@pytest.mark.parametrize("garbled, expected", [
    ("å®žä½“", "实体"),                                    # (a) UTF-8 as cp1252
    ("å…³äºŽå\x8d°å\x8f‘", "关于印发"),                    # (a) with undefined cp1252 bytes
    ("Ã¥Â®Å¾Ã¤Â½â€œ", None),                                # (a) twice: one layer is not Chinese
    ("¹ØÓÚÓ¡·¢", "关于印发"),                              # (b) GBK as Latin-1
    ("2022Äê¹¤×÷Òªµã", "2022年工作要点"),                  # (b) with ASCII in between
    ("鍏充簬鍗板彂", "关于印发"),                            # (c) UTF-8 as GBK, no byte lost
    ("\ufeffå®žä½“\r\nå®žä½“\r\n", "\ufeff实体\r\n实体\r\n"),  # BOM and CRLF are kept
    ("鍏充簬鍗板彂銆婂伐浣滆\ufffd佺偣銆嬬殑閫氱煡",                # (c) a byte of 要 lost, and
     "关于印发《工作\ufffd点》的通知"),                        #   nothing else says it was 要
])
def test_short_mojibake(garbled: str, expected: str | None) -> None:
    result = repair_mojibake(garbled)
    assert result.text == (garbled if expected is None else expected)


def test_only_misread_lines_change() -> None:
    text = TEXTS["shanghai-2023-work-points"]
    lines = text.split("\n")
    mixed = "\n".join(line.encode("utf-8").decode("latin-1") if k % 3 == 0 else line
                      for k, line in enumerate(lines))
    result = repair_mojibake(mixed)
    assert result.text == text
    assert result.count == sum(1 for k, line in enumerate(lines) if k % 3 == 0
                               and not line.isascii())
    assert_contract(mixed, result)


NOT_MOJIBAKE = {
    **{f"clean-{name}": text for name, text in TEXTS.items()},  # simplified and traditional
    "question-mark": "这样可行吗?请于3月28日前回复。",
    "french": "Un café au lait, une crème brûlée, naïve.",
    "finnish": "Hyvää päivää, mitä kuuluu?",
    "german": "Größe der Straße in Zürich",
    "mixed": "信用中国(上海)网站 Café São Paulo",
    "nbsp": "市社会诚信\xa0\xa0\xa0体系",
    "ellipsis": "等等……——“信用”",
    "empty": "",
}


@pytest.mark.parametrize("text", NOT_MOJIBAKE.values(), ids=NOT_MOJIBAKE.keys())
def test_not_mojibake(text: str) -> None:
    assert repair_mojibake(text) == StepResult(text, [], 0, [])


ALPHABET = st.sampled_from(list("åäæçèé®žœ½“€‚¹ØÓÚ¡·¢Äê \n中文鍏充簬鍗板彂锛銆ab1?") + ["\ufffd"])


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(ALPHABET, max_size=40))
def test_never_raises_and_is_idempotent(pieces: list[str]) -> None:
    text = "".join(pieces)
    once = repair_mojibake(text)
    assert_contract(text, once)
    assert repair_mojibake(once.text).text == once.text


# --- the scores, counted at C speed, are what a character-by-character walk gives ----------

SCORED = st.text(st.sampled_from("关于印发鍏充簬鍗板彂骞翠¹ØÓÚ€‚ƒ…åä½“aZ9 \t\n\u3000\u00a0\u2003\x1c\x85"
                                 "、。（）①·〇𠀋\ufffd\x00\x80\x81\x8d\x9f\xa0\xff"), max_size=60)


def _chinese_score_as_walked(text: str) -> float:
    from creditplan.normalize.charset import ORDINARY_MARKS, common_han
    good = total = 0
    for ch in text:
        if ch.isspace():
            continue
        total += 1
        good += ch in common_han() or ch in ORDINARY_MARKS or " " <= ch <= "~"
    return good / total if total else 1.0


@settings(max_examples=400, deadline=None)
@given(text=SCORED)
def test_scores_and_counts_are_what_a_walk_over_the_characters_gives(text: str) -> None:
    import regex

    from creditplan.normalize import mojibake
    from creditplan.normalize.charset import chinese_score
    assert chinese_score(text) == _chinese_score_as_walked(text)
    walked_signs = sum(ch in mojibake._UTF8_AS_GBK_CHARS for ch in text)
    non_space = sum(not ch.isspace() for ch in text)
    assert mojibake._chineseness(text) == \
        _chinese_score_as_walked(text) - walked_signs / (non_space or 1)
    for runs in (mojibake._SHOWN_BYTES, mojibake._ASCII_LETTERS, mojibake._HAN, mojibake._NON_ASCII):
        one = regex.compile(runs.pattern[:-1])   # the same class, one character at a time
        assert mojibake._count(runs, text) == len(one.findall(text))
    try:   # the bytes through the cp1252 table, as first written
        shown = text.translate(mojibake._TO_LATIN1).encode("latin-1")
    except UnicodeEncodeError:
        shown = None
    assert mojibake._latin_bytes(text) == shown

