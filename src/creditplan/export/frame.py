"""How the texts of single notices join into one output: what a format writes around them.

A format renders each notice alone (its ``render``) and says in a ``Frame`` what comes first,
before, between and after those texts, and what stands for no notice at all; ``join`` puts them
together. Keeping the two apart lets a batch render in its worker processes and only join in
the parent. ``join`` works on ``str``, and on UTF-8 ``bytes`` with ``Frame.encoded()``: a batch
writes the bytes its workers encoded as they are, where decoding them to join them and encoding
them again to write them would cost the parent as much as the rest of its work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import AnyStr, Generic, Iterable, Iterator


@dataclass(frozen=True)
class Frame(Generic[AnyStr]):
    """The fixed text of an output; every part is empty unless a format needs it."""

    head: AnyStr = ""
    """First, whatever follows (csv: the header row, so that no notices is still a table)."""
    open: AnyStr = ""
    """Before the first notice's text (json: ``[``)."""
    between: AnyStr = ""
    """Between two notices' texts (json: a comma; md: a thematic break)."""
    close: AnyStr = ""
    """After the last notice's text (json: ``]``)."""
    empty: AnyStr = ""
    """In place of the notices when there are none (json: ``[]``)."""

    def encoded(self) -> Frame[bytes]:
        """The same frame as UTF-8 bytes, to join texts that are bytes."""
        return Frame(*(part.encode("utf-8") for part in
                       (self.head, self.open, self.between, self.close, self.empty)))


def join(pieces: Iterable[AnyStr], frame: Frame[AnyStr]) -> Iterator[AnyStr]:
    """The output's chunks: the head, each text with what comes before it, then the close (or
    ``empty`` for no text). One chunk per notice, pulled one at a time, so the output streams.

    >>> brackets = Frame(open="[", between=",", close="]", empty="[]")
    >>> list(join(["a", "b"], brackets)), list(join([], brackets))
    (['[a', ',b', ']'], ['[]'])
    >>> b"".join(join([b"a", b"b"], brackets.encoded()))
    b'[a,b]'
    """
    if frame.head:
        yield frame.head
    before, seen = frame.open, False
    for piece in pieces:
        yield before + piece
        before, seen = frame.between, True
    end = frame.close if seen else frame.empty
    if end:
        yield end
