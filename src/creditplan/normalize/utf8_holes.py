"""Holes in UTF-8 read as GBK: the bytes a GBK decoder could not read, and what they were.

A GBK decoder shows each byte it cannot read as one U+FFFD; read back as UTF-8, the line is
then whole but for those bytes, each a hole in one character (``娣�`` is E6 B7 and a lost
byte). A hole is filled only with a character that could have made it:

- its other bytes are the ones the line shows;
- read as GBK in place of the hole, its bytes give back exactly what the copy shows around it
  (淀 is E6 B7 80: 0x80 begins no GBK character, so it is lost alone; 深, E6 B7 B1, would have
  paired its last byte with the next one and shown another character). Characters the bytes
  rule out are never taken, however often the document uses them;
- when the bytes leave several, a quote or bracket whose other half stands unmatched in the
  line (``damage.paired_mark``), or else the one the document uses beside both of the hole's
  neighbours.

Otherwise the hole stays U+FFFD, which ``report_unrecoverable`` notes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import product
from typing import Iterator, NamedTuple, Union

from .charset import ORDINARY_MARKS, common_han
from .damage import Evidence, paired_mark

Unit = Union[int, None]  # a byte, or None for a byte lost as U+FFFD

# GBK decoders that may have made the copy: Python's and GB18030's agree on nearly every byte,
# but not on every lost one.
_DECODERS = ("gbk", "gb18030")
_LEADS = range(0xE0, 0xF0)             # a lost lead byte: most lost leads began Han (3 bytes)
_CONTINUATIONS = range(0x80, 0xC0)
MAX_FILLS = 64 * 64                    # two lost bytes in one character at most are tried


class Holed(NamedTuple):
    """A character with lost bytes: its bytes (None where lost) and where the first one is."""

    units: tuple[Unit, ...]
    start: int


Piece = Union[str, Holed]  # decoded text, or a character with holes


def utf8_pieces(units: list[Unit]) -> list[Piece]:
    """Split UTF-8 bytes with holes into decoded text and the characters that have holes.

    A hole is never an ASCII byte (GBK reads those alone), so it is a continuation byte of the
    character before it or the lead byte of one that goes on with continuation bytes.

    >>> utf8_pieces([0x61, 0xE5, 0x85, None, 0x2C, None, 0x80, 0x81])
    ['a', Holed(units=(229, 133, None), start=1), ',', Holed(units=(None, 128, 129), start=5)]
    """
    pieces: list[Piece] = []
    i, n = 0, len(units)
    while i < n:
        unit = units[i]
        if unit is not None and unit < 0x80:
            pieces.append(chr(unit))
            i += 1
        elif unit is not None and unit < 0xC0:
            pieces.append("\ufffd")  # a continuation byte whose lead is not there
            i += 1
        else:
            size = 3 if unit is None else _utf8_length(unit)  # most lost leads began Han
            j = i + 1
            while j < n and j - i < size and _continues(units[j]):
                j += 1
            char = units[i:j]
            pieces.append(Holed(tuple(char), i) if None in char
                          else bytes(char).decode("utf-8", "replace"))  # type: ignore[arg-type]
            i = j
    return pieces


def _continues(unit: Unit) -> bool:
    return unit is None or 0x80 <= unit < 0xC0


def _utf8_length(lead: int) -> int:
    return 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def text_of(piece: Piece) -> str:
    return piece if isinstance(piece, str) else "\ufffd"


class Holes:
    """Fills holes in UTF-8 characters with the character the bytes and the document support."""

    def __init__(self, draft: str) -> None:
        self._evidence = Evidence(draft)
        self._known = frozenset(draft) | common_han() | ORDINARY_MARKS

    def fill(self, pieces: list[Piece], units: list[Unit], line: str) -> Iterator[str]:
        """The text of ``pieces`` with each holed character filled, or U+FFFD where unclear.

        ``units`` are the line's bytes as ``pieces`` were cut from them, and ``line`` what the
        copy shows for them.
        """
        read = _Line(units, line)
        for k, piece in enumerate(pieces):
            if isinstance(piece, str):
                yield piece
                continue
            found = self._candidates(piece, read)
            if len(found) > 1:
                before = "".join(map(text_of, pieces[:k]))
                after = "".join(map(text_of, pieces[k + 1:]))
                # as far as the holes on either side: one of them may be the other half
                mark = paired_mark(found, before.rsplit("\ufffd", 1)[-1],
                                   after.split("\ufffd", 1)[0])
                found = [mark] if mark else self._beside(found, before[-1:] or "\n",
                                                         after[:1] or "\n")
            yield found[0] if len(found) == 1 else "\ufffd"

    def _beside(self, candidates: list[str], before: str, after: str) -> list[str]:
        """The candidates the document uses next to both of the hole's neighbours. Use alone, or
        beside one neighbour, is no evidence: a character whose bytes always meet a hole in this
        copy (室 before a line end, 。 before a space) shows nowhere so, and another of its kind
        (实, 、) does."""
        occurs = self._evidence.occurs
        return [c for c in candidates if occurs(before + c) and occurs(c + after)]

    def _candidates(self, piece: Holed, line: "_Line") -> list[str]:
        """The characters in use whose bytes fit the piece and read as GBK as the copy shows."""
        lost = [k for k, unit in enumerate(piece.units) if unit is None]
        ranges = [_LEADS if k == 0 else _CONTINUATIONS for k in lost]
        if len(ranges[0]) ** len(ranges) > MAX_FILLS:
            return []
        before, after, shown = line.around(piece)
        found = []
        for fill in product(*ranges):
            raw = list(piece.units)
            for k, byte in zip(lost, fill):
                raw[k] = byte
            try:
                char = bytes(raw).decode("utf-8")  # type: ignore[arg-type]
            except UnicodeDecodeError:
                continue
            if char in self._known and (shown is None or _reads_as(before + bytes(raw) + after,
                                                                   shown)):  # type: ignore
                found.append(char)
        return found


class _Line:
    """A misread line: its bytes with holes, and what the copy shows between the holes."""

    def __init__(self, units: list[Unit], shown: str) -> None:
        self.units = units
        self.holes = [k for k, unit in enumerate(units) if unit is None]
        self.parts = shown.split("\ufffd")  # one more than the holes

    def around(self, piece: Holed) -> tuple[bytes, bytes, str | None]:
        """The bytes before and after the piece as far as the holes around it, and what the
        copy shows from the one to the other (None when a € stands there: a decoder not tried
        here read it, and the bytes are not asked)."""
        first, last = piece.start, piece.start + len(piece.units) - 1
        inside, outside = bisect_left(self.holes, first), bisect_right(self.holes, last)
        start = self.holes[inside - 1] + 1 if inside else 0
        end = self.holes[outside] if outside < len(self.holes) else len(self.units)
        shown = "\ufffd".join(self.parts[inside:outside + 1])
        before = bytes(self.units[start:first])  # type: ignore[arg-type]
        after = bytes(self.units[last + 1:end])  # type: ignore[arg-type]
        return before, after, None if "€" in shown else shown


def _reads_as(data: bytes, shown: str) -> bool:
    return any(data.decode(codec, "replace") == shown for codec in _DECODERS)
