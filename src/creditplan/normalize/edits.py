"""Edits and the offset map: how a position in normalized text finds its way back to the input.

Every normalization step returns its new text together with the list of edits it made, each
``(start, end, new_length)`` in the step's *input* coordinates. Steps that only swap characters
one for one (width folding, script conversion) make no edits at all. ``OffsetMap`` chains the
edit lists so that a span in the final text maps back to the original input, which is how
``line`` stays true after any repair.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, repeat
from operator import add
from typing import Callable, Iterable, Iterator, NamedTuple

import regex

# Line ends as the input may have them; each is one line, whatever the normalizer makes of it.
LINE_END = regex.compile(r"\r\n|[\r\n\u2028\u2029]")

Edit = tuple[int, int, int]  # (start, end) in the step's input, and the length written there


class Note(NamedTuple):
    """Something a step noticed but could not repair: kept as a warning."""

    pos: int  # offset in the step's input text
    code: str
    message: str


class StepResult(NamedTuple):
    """What a normalization step gives: the new text, its edits, how many repairs, notes."""

    text: str
    edits: list[Edit] | Deletions
    count: int
    notes: list[Note]


def unchanged(text: str) -> StepResult:
    """The result of a step that had nothing to do."""
    return StepResult(text, [], 0, [])


def substitute(pattern: regex.Pattern, text: str,
               replace: Callable[[regex.Match], str | None],
               starts: Iterable[int] | None = None) -> StepResult:
    """Replace every match of ``pattern`` by ``replace(match)``, recording the edits.

    ``replace`` may return None to leave a match as it is (it is then not counted). ``starts``,
    if given, are the only offsets where a match is tried (see ``matches_at``).

    >>> import regex
    >>> substitute(regex.compile(r"a+"), "xaay", lambda m: "b")
    StepResult(text='xby', edits=[(1, 3, 1)], count=1, notes=[])
    """
    pieces: list[str] = []
    edits: list[Edit] = []
    last = 0
    matches = pattern.finditer(text) if starts is None else matches_at(pattern, text, starts)
    for match in matches:
        new = replace(match)
        if new is None or new == match.group():
            continue
        start, end = match.span()
        pieces.append(text[last:start])
        pieces.append(new)
        edits.append((start, end, len(new)))
        last = end
    if not edits:
        return unchanged(text)
    pieces.append(text[last:])
    return StepResult("".join(pieces), edits, len(edits), [])


def delete_spans(text: str, spans: Iterable[tuple[int, int]]) -> StepResult:
    """Delete the ordered, non-overlapping ``spans`` from ``text``, one counted edit each.

    >>> delete_spans("ab(x)c", [(2, 5)])
    StepResult(text='abc', edits=[(2, 5, 0)], count=1, notes=[])
    """
    pieces: list[str] = []
    edits: list[Edit] = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        edits.append((start, end, 0))
        last = end
    if not edits:
        return unchanged(text)
    pieces.append(text[last:])
    return StepResult("".join(pieces), edits, len(edits), [])


class Deletions(Sequence[Edit]):
    """The edits of a step that only deleted, kept as the text it kept and the text it deleted:
    ``kept[0] deleted[0] kept[1] … kept[-1]`` was its input (the pieces of a regex split).

    A pinyin copy has hundreds of deletions; made from the pieces, its offset layer is two
    running sums of their lengths, with no Python code run an edit. It iterates, indexes and
    compares equal (to a list or another ``Deletions``) as the list of ``(start, end, 0)``
    edits ``delete_spans`` would give; it is read, never added to.

    >>> edits = Deletions(["關", "于", ""], ["(guān)", "(yú)"])
    >>> list(edits), edits == [(1, 7, 0), (8, 12, 0)]
    ([(1, 7, 0), (8, 12, 0)], True)
    """

    def __init__(self, kept: list[str], deleted: list[str]) -> None:
        # All the offset layer needs: where each deletion stands in the output (the kept text
        # before it ends there) and how much was deleted up to and with it.
        self._kept_ends = list(accumulate(map(len, kept[:-1])))
        self._removed = list(accumulate(map(len, deleted)))

    @cached_property
    def starts(self) -> list[int]:
        """Where each deletion starts in the input: its place in the output, moved on by what
        was deleted before it."""
        return list(map(add, self._kept_ends, [0, *self._removed[:-1]]))

    @cached_property
    def ends(self) -> list[int]:
        """Where each deletion ends in the input."""
        return list(map(add, self._kept_ends, self._removed))

    def __len__(self) -> int:
        return len(self._removed)

    def __getitem__(self, index):  # type: ignore[override]  # an int or a slice, as a list
        return list(self)[index]      # for readers (tests, --explain): the layer never indexes

    def __iter__(self) -> Iterator[Edit]:
        return zip(self.starts, self.ends, repeat(0))

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, (list, Deletions)) \
            else NotImplemented

    def __repr__(self) -> str:
        return f"Deletions({list(self)!r})"

    def layer(self) -> _DeletionLayer:
        """The offset layer of these edits: in the output, deletion i stands (empty) where the
        kept text before it ends, and from there on an offset lies further on in the input by
        all the text deleted up to and with it."""
        return _DeletionLayer(self._kept_ends, self._removed)


# The last text ``split_lines`` split, with its lines.
_last_split: tuple[str, tuple[str, ...]] = ("", ("",))


def split_lines(text: str) -> tuple[str, ...]:
    """``text.split("\\n")``, kept until another text is split: the line-walking steps run one
    after another and most hand on the very text they were given, which is then split once.
    A tuple, as every caller shares it.

    >>> text = "甲\\n乙"
    >>> split_lines(text) is split_lines(text), split_lines(text) is split_lines("甲\\n" + "乙")
    (True, False)
    """
    global _last_split
    last = _last_split          # one read: another thread may replace it meanwhile
    if last[0] is text:
        return last[1]
    lines = tuple(text.split("\n"))
    _last_split = (text, lines)
    return lines


def matches_at(pattern: regex.Pattern, text: str, starts: Iterable[int]) -> Iterator[regex.Match]:
    """The matches ``pattern.finditer(text)`` gives, trying only the offsets in ``starts``.

    ``starts`` must be in order and hold every offset where a match can begin, and ``pattern``
    must never match the empty string. Finding those offsets with string searches (a word, a
    colon) is much cheaper than letting the regex try every offset of a notice.

    >>> import regex
    >>> [m.span() for m in matches_at(regex.compile(r"ab+"), "abbab ab", [0, 1, 3, 6])]
    [(0, 3), (3, 5), (6, 8)]
    """
    end = 0
    for start in starts:
        if start < end:
            continue  # inside the last match, as finditer would skip it
        match = pattern.match(text, start)
        if match:
            yield match
            end = match.end()


def _line_ends(text: str) -> list[int]:
    r"""Offset of the last character of every line end in ``text`` (CRLF is one, at its LF).

    >>> _line_ends("a\r\nb\nc\rd")
    [2, 4, 6]
    """
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        return [m.end() - 1 for m in LINE_END.finditer(text)]
    ends, pos = [], -1          # LF only, the usual case: found by the string search
    while (pos := text.find("\n", pos + 1)) >= 0:
        ends.append(pos)
    return ends


@dataclass
class _Layer:
    """One step's edits, with where each landed in that step's output."""

    edits: list[Edit]
    new_starts: list[int]   # where each edit's new text starts in the output, for bisect

    @classmethod
    def from_edits(cls, edits: list[Edit]) -> "_Layer":
        # One append an edit: a pinyin copy has hundreds, and this runs for every notice.
        new_starts: list[int] = []
        shift = 0
        for start, end, new_len in edits:
            new_starts.append(start + shift)
            shift += new_len - end + start
        return cls(edits, new_starts)

    def back(self, pos: int) -> int:
        """Map an offset in this step's output to its input."""
        i = bisect_right(self.new_starts, pos) - 1
        if i < 0:
            return pos
        start, end, new_len = self.edits[i]
        new_start = self.new_starts[i]
        if pos >= new_start + new_len:
            return pos - new_start - new_len + end
        # inside a replacement: keep the same distance from its start, clamped to the old run
        return start + min(pos - new_start, end - start)


@dataclass
class _DeletionLayer:
    """The layer of ``Deletions``: where each deletion stands in the output, and how much
    was deleted up to and with it."""

    new_starts: list[int]
    removed: list[int]

    def back(self, pos: int) -> int:
        """Map an offset in this step's output to its input."""
        i = bisect_right(self.new_starts, pos) - 1
        return pos if i < 0 else pos + self.removed[i]


@dataclass
class OffsetMap:
    """Maps offsets in normalized text back to the original input text and its lines."""

    original: str
    layers: list[_Layer | _DeletionLayer] = field(default_factory=list)
    _newlines: list[int] | None = None

    def push(self, edits: list[Edit] | Deletions) -> None:
        """Record the edits of the next step (call in step order)."""
        if edits:
            self.layers.append(edits.layer() if isinstance(edits, Deletions)
                               else _Layer.from_edits(edits))

    def to_input(self, pos: int) -> int:
        """The input offset a normalized offset came from."""
        for layer in reversed(self.layers):
            pos = layer.back(pos)
        return pos

    def back_from(self, depth: int, pos: int) -> int:
        """Map an offset in the output of the first ``depth`` layers back to the input."""
        for layer in reversed(self.layers[:depth]):
            pos = layer.back(pos)
        return pos

    def line_of_input(self, input_pos: int) -> int:
        """1-based line of an input offset."""
        if self._newlines is None:   # the last character of each line end: CRLF counts once
            self._newlines = _line_ends(self.original)
        return bisect_right(self._newlines, input_pos - 1) + 1

    def line(self, pos: int) -> int:
        """1-based input line of a normalized offset."""
        return self.line_of_input(self.to_input(pos))
