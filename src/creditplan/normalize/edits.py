"""Edits and the offset map: how a position in normalized text finds its way back to the input.

Every normalization step returns its new text together with the list of edits it made, each
``(start, end, new_length)`` in the step's *input* coordinates. Steps that only swap characters
one for one (width folding, script conversion) make no edits at all. ``OffsetMap`` chains the
edit lists so that a span in the final text maps back to the original input, which is how
``line`` stays true after any repair.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
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
    edits: list[Edit]
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
    """One step's edits, indexed by where they landed in that step's output."""

    new_starts: list[int]
    new_ends: list[int]
    old_starts: list[int]
    old_ends: list[int]

    @classmethod
    def from_edits(cls, edits: list[Edit]) -> "_Layer":
        layer = cls([], [], [], [])
        shift = 0
        for start, end, new_len in edits:
            new_start = start + shift
            layer.new_starts.append(new_start)
            layer.new_ends.append(new_start + new_len)
            layer.old_starts.append(start)
            layer.old_ends.append(end)
            shift += new_len - (end - start)
        return layer

    def back(self, pos: int) -> int:
        """Map an offset in this step's output to its input."""
        i = bisect_right(self.new_starts, pos) - 1
        if i < 0:
            return pos
        if pos >= self.new_ends[i]:
            return pos - self.new_ends[i] + self.old_ends[i]
        # inside a replacement: keep the same distance from its start, clamped to the old run
        return self.old_starts[i] + min(pos - self.new_starts[i],
                                        self.old_ends[i] - self.old_starts[i])


@dataclass
class OffsetMap:
    """Maps offsets in normalized text back to the original input text and its lines."""

    original: str
    layers: list[_Layer] = field(default_factory=list)
    _newlines: list[int] | None = None

    def push(self, edits: list[Edit]) -> None:
        """Record the edits of the next step (call in step order)."""
        if edits:
            self.layers.append(_Layer.from_edits(edits))

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
