"""Pinyin annotations: 關(guān)于印發(fā) → 關于印發.

Some copies of a notice carry the reading of some or all of their characters in brackets right
after them: ``關(guān)``, ``你(nǐ)們``, ``們(men)``, ``關（guān）``, ``關(guan1)``. A bracket is such an
annotation, and is removed, when all of these hold:

1. it directly follows a Han character (``E(pin)`` and ``城市 (qu)`` are left alone);
2. it holds lowercase latin letters only, which are exactly one syllable of the table in
   ``data/pinyin_syllables.txt`` once the tone is taken off: a tone mark (ā á ǎ à … ǖ ǘ ǚ ǜ,
   also ḿ ń ň ǹ ế ề and combining marks) or a final digit 1–5, and at most one of them;
3. a one-letter syllable without a tone mark (``(a)``, ``(e)``, ``(o)``, ``(m)``, ``(n)``, also
   ``(a1)``) reads just as well as a list label or a unit, so it goes only on a densely
   annotated line: one with at least ``DENSE_LINE`` annotations that rules 1–2 alone make sure of.

Everything else stays: ``信用中國(上海)``, ``(2017年)``, ``(一)``, ``(A)``, ``(APP)``,
``(Beijing)`` (capitalised, and not one syllable), ``E企融(e)``. Known risk: an English word in
lowercase that is also a syllable (``(an)``, ``(me)``) right after a Han character is removed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from importlib import resources

import regex

from ..lazy import LazyPattern
from .edits import Deletions, StepResult, delete_spans, unchanged

# Sure annotations a line needs before its one-letter readings (a, e, o, m, n) count as readings.
DENSE_LINE = 3

# Lowercase letters that carry a tone mark, and the toneless letter each stands for.
_TONED = {
    "a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù",
    "ü": "ǖǘǚǜ", "m": "ḿ", "n": "ńňǹ", "ê": "ếề",
}
_TONED_LETTERS = "".join(_TONED.values())
# Macron, acute, caron, grave as combining marks (text in NFD, or ê̄ ê̌ which have no single
# code point). The circumflex of ê and the diaeresis of ü are letters, not tones.
_COMBINING_TONES = "\u0304\u0301\u030c\u0300"
_UNTONE = str.maketrans(
    {toned: base for base, letters in _TONED.items() for toned in letters}
    | {mark: None for mark in _COMBINING_TONES}
)

# A reading is ``(`` or ``（``, the syllable, a numeric tone perhaps, and ``)`` or ``）``.
_READING_BODY = rf"""
    (?P<syllable>
        [a-zêü{_TONED_LETTERS}]         # starts with a letter, so (2017年) and (一) never match
        [a-zêü{_TONED_LETTERS}\u0300-\u030c]{{0,7}}  # zhuang is 6, plus room for combining
    )                                   #   marks; the table decides what is a syllable
    (?P<tone> [1-5] )?                  # numeric tone, guan1; 5 is the neutral tone
    [)）]                               # either closing bracket, copies mix them
"""
_READING = LazyPattern(rf"[(（] {_READING_BODY}", re.VERBOSE, re.compile)
_READING_SHAPE = _READING_BODY.replace("?P<syllable>", "?:").replace("?P<tone>", "?:")  # no groups

# Where a reading may begin: an opening bracket and a letter. Stdlib re: it skips to a literal
# first character at string search speed and tries the letter there in half regex's time (most
# notices have a hundred brackets and no reading).
READING_START = {
    "(": LazyPattern(rf"\( [a-zêü{_TONED_LETTERS}]", re.VERBOSE, re.compile),
    "（": LazyPattern(rf"（ [a-zêü{_TONED_LETTERS}]", re.VERBOSE, re.compile),
}

# For each opening bracket, the readings right after a common Han character (U+4E00-U+9FA5,
# all Han), which are nearly all, and the others, for ``AFTER_HAN`` to judge. Stdlib re: with
# a literal first character (the lookbehind comes after it) re skips to each bracket at string
# search speed, and it makes a match object faster than regex (a notice may have hundreds).
# The first has one group, the whole reading, so that a split by it alternates the text kept
# and the readings (``_strip_sure``); a notice repeats a few dozen kinds of reading, each taken
# apart once (``classify_reading``).
READINGS = {
    bracket: (LazyPattern(rf"( {literal} (?<= [\u4e00-\u9fa5]{literal} ) {_READING_SHAPE} )",
                          re.VERBOSE, re.compile),
              LazyPattern(rf"{literal} (?<! [\u4e00-\u9fa5]{literal} ) {_READING_SHAPE}",
                          re.VERBOSE, re.compile))
    for bracket, literal in (("(", r"\("), ("（", "（"))
}

# Where a reading must stand: right after a Han character (關(guān), not E(pin)), or after that
# character's other readings (關(guān)(guan1), all removed in one pass).
AFTER_HAN = LazyPattern(
    rf"""
    (?<= \p{{Han}}
      (?: [(（] [a-zêü{_TONED_LETTERS}\u0300-\u030c]{{1,8}} [1-5]? [)）] ){{0,2}} )
    """,
    regex.VERBOSE,
)


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """The valid toneless Mandarin syllables, read once from the packaged table.

    >>> {"guan", "lü", "lv", "ng"} <= pinyin_syllables()
    True
    >>> "beijing" in pinyin_syllables()
    False
    """
    table = resources.files("creditplan") / "data" / "pinyin_syllables.txt"
    lines = table.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def toneless(reading: str) -> tuple[str, int]:
    """Take the tone marks off ``reading``; give the bare syllable and how many marks it had.

    >>> toneless("guān")
    ('guan', 1)
    >>> toneless("lǚe")
    ('lüe', 1)
    >>> toneless("men")
    ('men', 0)
    """
    composed = unicodedata.normalize("NFC", reading)
    bare = composed.translate(_UNTONE)
    marks = sum(ch in _TONED_LETTERS or ch in _COMBINING_TONES for ch in composed)
    return bare, marks


@lru_cache(maxsize=4096)
def classify(syllable: str, tone: str | None = None) -> str | None:
    """Say what a bracketed reading is: "sure", "maybe" or None (it is text, not a reading).

    ``syllable`` and ``tone`` are the groups of ``_READING``.
    "maybe" is a one-letter syllable without a tone mark, as ``(a)`` may be a list label.
    Cached: a notice repeats the same few readings (區(qū) a hundred times).

    >>> classify("guān"), classify("a"), classify("a", "1"), classify("beijing")
    ('sure', 'maybe', 'maybe', None)
    """
    bare, marks = toneless(syllable)
    if marks + (tone is not None) > 1 or bare not in pinyin_syllables():
        return None
    if len(bare) == 1 and marks == 0:
        return "maybe"
    return "sure"


@lru_cache(maxsize=4096)
def classify_reading(reading: str) -> str | None:
    """``classify`` for a whole bracketed reading as the ``READINGS`` patterns find it.

    >>> classify_reading("(guān)"), classify_reading("（a1）")
    ('sure', 'maybe')
    """
    return classify(*_READING.match(reading).group("syllable", "tone"))


def find_annotations(text: str) -> list[tuple[int, int]]:
    """Spans of the pinyin annotations in ``text``, in order (rules in the module docstring).

    >>> find_annotations("關(guān)于(a)")
    [(1, 7)]
    """
    sure: list[tuple[int, int]] = []
    maybe: list[tuple[int, int]] = []
    for bracket, (after_common_han, other) in READINGS.items():
        if bracket not in text or not READING_START[bracket].search(text):
            continue
        matches = [*after_common_han.finditer(text),
                   *(m for m in other.finditer(text) if AFTER_HAN.match(text, m.start()))]
        for match in matches:
            kind = classify_reading(match.group())
            if kind == "sure":
                sure.append(match.span())
            elif kind == "maybe":
                maybe.append(match.span())
    sure.sort()  # readings of both brackets, and both kinds of place, in text order
    maybe.sort()
    if not maybe:
        return sure
    starts = [start for start, _ in sure]
    dense = [span for span in maybe if sure_on_line(text, span[0], starts) >= DENSE_LINE]
    return sorted(sure + dense)


def sure_on_line(text: str, pos: int, starts: list[int]) -> int:
    """How many of the sorted offsets ``starts`` lie on the line of ``text`` holding ``pos``.

    >>> sure_on_line("ab\\ncd\\nef", 4, [0, 3, 4, 6])
    2
    """
    first = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    last = len(text) if end < 0 else end
    return bisect_left(starts, last) - bisect_left(starts, first)


def strip_pinyin_annotations(text: str) -> StepResult:
    """Remove bracketed pinyin readings that follow a Han character, and only those.

    >>> strip_pinyin_annotations("關(guān)于印發（fā）《通知》(試行)").text
    '關于印發《通知》(試行)'
    >>> strip_pinyin_annotations("信用中國(上海)、E企融(e)、(a)").count
    0
    """
    brackets = [bracket for bracket in READINGS
                if bracket in text and READING_START[bracket].search(text)]
    if not brackets:
        return unchanged(text)
    if len(brackets) == 1:
        result = _strip_sure(text, brackets[0])
        if result is not None:
            return result
    return delete_spans(text, find_annotations(text))


def _strip_sure(text: str, bracket: str) -> StepResult | None:
    """The usual annotated copy, stripped in one split: one kind of bracket, every reading
    after a common Han character and sure. None when the copy is not so (``find_annotations``
    then decides reading by reading); what this gives is what that would."""
    after_common_han, other = READINGS[bracket]
    pieces = after_common_han.split(text)   # kept, reading, kept, reading, …, kept
    readings = pieces[1::2]
    if not readings or any(classify_reading(reading) != "sure" for reading in set(readings)):
        return None
    if any(AFTER_HAN.match(text, match.start()) and classify_reading(match.group())
           for match in other.finditer(text)):
        return None
    kept = pieces[0::2]
    return StepResult("".join(kept), Deletions(kept, readings), len(readings), [])
