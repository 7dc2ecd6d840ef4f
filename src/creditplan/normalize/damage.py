"""Characters lost in transit: ``??`` for lost spaces, byte-shifted GBK fragments, 锟斤拷.

Three families of damage, one step each (the byte shift in ``byte_shift``):

- *lost spaces*: a copy that went through a codec without full-width spaces shows ``??`` where
  an indent or a separator (U+3000 ×2) was. Repaired to nothing (indent) or one space.
- *byte shift*: a GBK double-byte character lost its lead byte, and the decoder read the bytes
  after it one byte late; re-aligned, they give the text back, all but the lost characters,
  which are recovered only when the document itself shows which they were (``Evidence``).
- *unrecoverable*: 锟斤拷 (U+FFFD sent through UTF-8 and read as GBK), 烫烫烫 and 屯屯屯
  (uninitialised memory), U+FFFD itself. Nothing can be recovered: each run becomes a note.
"""

from __future__ import annotations

from collections import Counter
from operator import add
from typing import Iterable

import regex

from ..lazy import LazyPattern
from .charset import ORDINARY_MARKS, common_han
from .edits import Note, StepResult, substitute, unchanged
from .script import converter

# Two question marks lead every alternative, the lookbehinds looking back past them: led by a
# literal (a text with ASCII "?" only, the usual damage), regex skips to each at string search
# speed instead of trying the lookbehinds at every offset.
_LOST_SPACES = r"""
    {lead}                                       # the run's first two marks, then the rest
    (?: (?P<indent> (?<= ^ [\ \t\u3000\u00a0\u2000-\u200a\u202f?？]{{0,40}} {lead} ) {rest} )
                                                 # at a line start (after any spaces or other
                                                 #   lost ones, NBSP too): a lost indent
      | (?<= [。；：，、！）」』”】〉》);:,!\]] {lead} ) {rest}   # after a clause ends (either
                                                 #   width): a lost separator; ? never follows 。
      | (?<= [\ \u3000\u00a0] {lead} ) {rest} (?= [^\x00-\x7f] | \d )   # after a space,
                                                 #   before Chinese or a number label: pages
                                                 #   flattened to one line
      | (?<= \p{{Han}} {lead} ) (?<! [吗呢么嘛吧啊嗎麼] {lead} )   # between Han and a word: a
        {rest} (?= [\p{{L}}\p{{N}}（《“「【] )         #   separator, but not after a question
                                                 #   particle (真的吗??)
      | (?<= [\p{{N}}\p{{Latin}}] {lead} )             # after a number or a latin word, before
        {rest} (?= [\p{{Han}}（《“「【] )              #   Han (G60??科创); a?b=1 and why?? stay
    )
"""
# The runs of either question mark, and (the usual text, without ？) of "?" alone.
LOST_SPACES = {
    "?？": LazyPattern(_LOST_SPACES.format(lead="[?？]{2}", rest="[?？]*"),
                      regex.VERBOSE | regex.MULTILINE),
    "?": LazyPattern(_LOST_SPACES.format(lead=r"\?\?", rest=r"\?*"),
                     regex.VERBOSE | regex.MULTILINE),
}

# Runs that no decoding can bring back.
UNRECOVERABLE = LazyPattern(
    r"""
      锟 [锟斤拷]+       # U+FFFD encoded as UTF-8 (EF BF BD) and read as GBK: 锟斤拷, 锟斤, 锟锟
    | 烫{3,}            # 0xCC: uninitialised stack memory (MSVC) read as GBK; 烫烫 is a word
    | 屯{3,}            # 0xCD: uninitialised heap memory (MSVC) read as GBK
    | \uFFFD+           # the replacement character itself: a decoder gave up here
    """,
    regex.VERBOSE,
)
_UNRECOVERABLE_SIGNS = ("锟", "烫烫烫", "屯屯屯", "\ufffd")
_UNRECOVERABLE_FIRSTS = "锟烫屯\ufffd"  # one-character searches are the fastest: tried first

# Questions ``Evidence`` answers by searching the text before it counts every character and pair
# (counting costs about as much as this many searches of a notice).
LAZY_LOOKUPS = 512


class Evidence:
    """Which characters and pairs of characters occur in a document.

    It judges between candidates for a lost character. A candidate is taken only when it is
    the one the document uses at all, or the one it uses beside both neighbours, or else the
    one of those in everyday use (``common_han``, Chinese marks); otherwise none is.

    >>> Evidence("实体经济。实体。").pick(["实", "宝", "审"], before="", after="体")
    '实'
    >>> Evidence("无关的文字").pick(["实", "宝"], before="", after="体") is None
    True
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._lookups = 0
        self._counts: Counter[str] | None = None

    def occurs(self, chars: str) -> bool:
        """Whether ``chars``, one character or a pair, occurs in the document.

        A few questions are answered by searching the text (a damaged copy asks about one or
        two lost characters); past ``LAZY_LOOKUPS`` every character and pair is counted once.
        """
        if self._counts is None:
            self._lookups += 1
            if self._lookups <= LAZY_LOOKUPS:
                return 0 < len(chars) <= 2 and chars in self._text
            text = self._text
            self._counts = Counter(text)
            self._counts.update(map(add, text, text[1:]))
        return self._counts[chars] > 0

    def pick(self, candidates: Iterable[str], before: str, after: str) -> str | None:
        """The one candidate the document supports, or None when it does not single one out.

        ``before`` and ``after`` are the text on either side of the lost character.
        """
        occurs = self.occurs
        candidates = set(candidates)
        used = self._used(candidates)
        if len(used) == 1:
            return used[0]
        left, right = before[-1:], after[:1]
        beside = [c for c in used if occurs(left + c) and occurs(c + right)]
        if len(beside) == 1:
            return beside[0]
        common = [c for c in beside or used  # a Chinese mark is in everyday use too
                  if all(ch in common_han() or ch in ORDINARY_MARKS for ch in c)]
        if len(common) == 1:
            return common[0]
        return self._pick_traditional(candidates, left)

    def _used(self, candidates: set[str]) -> list[str]:
        """The candidates (single characters, a hundred or so) the document uses: ``occurs``
        for each, with its searches done in one comprehension while they are few enough."""
        if self._counts is None and self._lookups + len(candidates) <= LAZY_LOOKUPS \
                and len("".join(candidates)) == len(candidates):   # one character each
            self._lookups += len(candidates)
            text = self._text
            return [c for c in candidates if c in text]
        return [c for c in candidates if self.occurs(c)]

    def _pick_traditional(self, candidates: set[str], left: str) -> str | None:
        """In a simplified copy the document shows 实 where the bytes say 實: the one
        traditional candidate whose simplified form the document uses after ``left``."""
        convert = converter("t2s").convert
        forms = {c: convert(c) for c in candidates}
        forms = {c: s for c, s in forms.items() if s != c and self.occurs(s)}
        beside = [c for c, s in forms.items() if self.occurs(left + s)]
        return beside[0] if len(beside) == 1 else None


# Marks that come in pairs, opener → closer.
PAIRED_MARKS = {"（": "）", "(": ")", "《": "》", "“": "”", "‘": "’", "〔": "〕", "【": "】",
                "「": "」", "『": "』", "〈": "〉"}
_CLOSERS = {close: open_ for open_, close in PAIRED_MARKS.items()}
_PAIR_HALVES = frozenset(PAIRED_MARKS) | frozenset(_CLOSERS)


def paired_mark(candidates: Iterable[str], before: str, after: str) -> str | None:
    """The one candidate that is half of a pair whose other half stands unmatched beside the
    lost character: an opener when ``after`` (the rest of its line) closes a pair it did not
    open, a closer when ``before`` (the line up to it) opens one it did not close; and the
    other side does not already hold the missing half.

    >>> paired_mark(["前", "“"], "开通", "信用天津”网站")
    '“'
    >>> paired_mark(["前", "“"], "开通“信用", "天津”网站") is None
    True
    """
    def wanted(c: str) -> bool:
        if c in PAIRED_MARKS:
            close = PAIRED_MARKS[c]
            return _unmatched(after, c, close) and not _unmatched(before[::-1], close, c)
        if c in _CLOSERS:
            open_ = _CLOSERS[c]
            return _unmatched(before[::-1], c, open_) and not _unmatched(after, open_, c)
        return False
    # a hundred candidates, nearly all Han: only the marks among them are judged
    found = [c for c in candidates if c in _PAIR_HALVES and wanted(c)]
    return found[0] if len(found) == 1 else None


def _unmatched(text: str, same: str, other: str) -> bool:
    """Whether ``text`` meets ``other`` before it has opened one with ``same``."""
    depth = 0
    for ch in text:
        if ch == same:
            depth += 1
        elif ch == other:
            if not depth:
                return True
            depth -= 1
    return False


def repair_lost_spaces(text: str) -> StepResult:
    """Turn ``??`` runs that stand where full-width spaces were lost back into spacing.

    At a line start the run was an indent and goes; elsewhere it was a separator and becomes
    one space (nothing at a line end).

    >>> repair_lost_spaces("??一、强化\\n工作。??二、提升").text
    '一、强化\\n工作。 二、提升'
    >>> repair_lost_spaces("是否可行?见 a?b=1, why??").count
    0
    """
    if "?" not in text and "？" not in text:
        return unchanged(text)
    return substitute(LOST_SPACES[question_marks(text)], text, _spacing_for)


def question_marks(text: str) -> str:
    """The key of ``LOST_SPACES`` and ``byte_shift.BYTE_SHIFT`` for ``text``: "?" when it has
    no full-width ？, whose patterns then begin with a literal."""
    return "?？" if "？" in text else "?"


def _spacing_for(match: regex.Match) -> str:
    """Nothing for an indent or at a line end, else the one space that separated."""
    end, text = match.end(), match.string
    at_line_end = end == len(text) or text[end] == "\n"
    return "" if match.group("indent") is not None or at_line_end else " "


def report_unrecoverable(text: str) -> StepResult:
    """Note runs that cannot be recovered (锟斤拷, U+FFFD); the text is left as it is.

    >>> [(note.pos, note.code) for note in report_unrecoverable("信用锟斤拷锟斤拷体系").notes]
    [(2, 'unrecoverable_text')]
    """
    if not any(first in text for first in _UNRECOVERABLE_FIRSTS) or \
            not any(sign in text for sign in _UNRECOVERABLE_SIGNS):
        return unchanged(text)
    notes = [Note(m.start(), "unrecoverable_text", _describe_loss(m.group()))
             for m in UNRECOVERABLE.finditer(text)]
    return StepResult(text, [], 0, notes)


def _describe_loss(run: str) -> str:
    cause = {
        "锟": "UTF-8 replacement characters read as GBK",
        "烫": "uninitialised memory read as GBK",
        "屯": "uninitialised memory read as GBK",
    }.get(run[0], "replacement characters: a decoder could not read the bytes")
    shown = run if len(run) <= 12 else run[:12] + "…"
    return f"{shown}: text lost before this copy was made ({cause}); it cannot be recovered"
