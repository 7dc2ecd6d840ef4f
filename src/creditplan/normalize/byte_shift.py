"""Byte-shifted GBK fragments: a lead byte lost, the bytes after it read one byte late.

When one GBK double-byte character loses its lead byte (a converter shows it as ``?``), the
decoder pairs each trail byte with the next lead byte. The shift ends in one of two ways, and
each is a family:

- *to a letter*: a trail byte in 0x40-0x7E (GBK's extension rows, where most traditional
  characters are) shows as an ASCII letter and the decoder is back in step: ``?qū)嶓w`` for
  實體. Re-aligned, every character comes back but the first, whose lead byte is lost.
- *to a byte that pairs with none*: in GB2312 text (simplified notices) every trail byte is
  0xA1 or more, so the shift runs on until a trail byte meets a byte it makes no character with
  (an ASCII byte: a digit, a line end, an ASCII mark; or the lead of a row GBK leaves empty).
  That trail byte is lost too and shows as a second ``?``: ``?锹肌?`` for 记录。. Re-aligned,
  the middle comes back; the first character lost its lead byte and the last its trail byte.

A lost character is recovered only when the line shows it (a quote or bracket whose other half
stands unmatched beside it: ``paired_mark``) or the document does (``Evidence``);
otherwise the fragment is left as it is and noted. A question mark before ordinary text is no
shift: the re-aligned run must read as characters in everyday use, and for the second family
(whose run may be any text between two question marks) read more like the rest of the
document than the run as it stands.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..lazy import LazyPattern
from .charset import ORDINARY_MARKS, common_han
from .damage import Evidence, paired_mark, question_marks
from .edits import Note, StepResult, substitute, unchanged
from .script import converter

# Readings with tone marks, as in 區(qū): the "(" of a stray one may go with the lost bytes.
_PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

_BYTE_SHIFT = rf"""
    {{mark}}                              # the lost lead byte, shown as a question mark
    (?:
      (?P<reading> [{_PINYIN_LETTERS}]{{{{1,6}}}} [)）] )?  # a stray reading (qū) the damage left
      (?P<run>
        [^\x00-\x7f\s]{{{{1,40}}}}           # trail+lead pairs: Han, or from the GBK symbol rows
                                          #   (kana, Greek, bopomofo…); encoding checks them
        [A-Za-z]                          # a trail byte 0x40-0x7E shown as ASCII ends the shift
      )
      (?! [A-Za-z] )                      # a lone letter: a real word (APP, G60) would go on
    |
      (?P<to_ascii> [^\x00-\x7f\s?]{{{{2,40}}}} )   # trail+lead pairs, two at least (？: A3 BF)
      \?                                  # the last trail byte, which the byte after it could
                                          #   not pair with (an ASCII one, or the end)
    )
"""
# Either question mark, and (the usual text, without ？) "?" alone: a literal first character,
# which regex skips to at string search speed where a class of two is tried at every offset.
BYTE_SHIFT = {
    "?？": LazyPattern(_BYTE_SHIFT.format(mark="[?？]"), regex.VERBOSE),
    "?": LazyPattern(_BYTE_SHIFT.format(mark=r"\?"), regex.VERBOSE),
}

_HAN = LazyPattern(r"\p{Han}")

# Share of a run's characters the rest of the document must show for it to read as ordinary
# text, or for its re-aligned reading to be taken (second family: its run may be any text
# between two question marks).
MIN_SHOWN = 1 / 3


def repair_byte_shift(text: str) -> StepResult:
    """Re-align GBK fragments whose bytes shifted (``?qū)嶓w`` for 實體, ``?锹肌?`` for 记录。).

    >>> repair_byte_shift("實施。實體。區域?qū)嶓w經濟").text
    '實施。實體。區域實體經濟'
    >>> repair_byte_shift("做好记录。\\n加强记录。\\n建立?锹肌?\\n").text
    '做好记录。\\n加强记录。\\n建立记录。\\n'
    """
    if "?" not in text and "？" not in text:
        return unchanged(text)
    evidence: list[Evidence] = []  # built on the first candidate only
    notes: list[Note] = []

    def realign(match: regex.Match) -> str | None:
        to_ascii = match.group("to_ascii") is not None
        run = match.group("to_ascii") if to_ascii else match.group("run")
        first, rest, last = _realigned(run, to_ascii)
        if rest is None:
            return None  # not a byte shift: a question mark before ordinary text
        if not evidence:
            evidence.append(Evidence(text))
        if to_ascii:
            context = text[:match.start()] + text[match.end():]
            if _shown(context, run) >= MIN_SHOWN and _shown(context, rest) <= _shown(context, run):
                return None   # ordinary text between two question marks, as far as can be told
            if _shown(context, rest) < MIN_SHOWN:
                rest = None   # no support for either reading: damage, but which is not known
        if rest is None:
            notes.append(Note(match.start(), "damaged_text",
                              f"{match.group()!r}: GBK bytes seemingly shifted by a lost byte, "
                              f"but neither they nor their re-aligned reading read like the "
                              f"rest of the text, so it was left as it is"))
            return None
        line_before = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
        line_end = text.find("\n", match.end())
        line_after = text[match.end():len(text) if line_end < 0 else line_end]
        before = text[max(0, match.start() - 1):match.start()]   # a line end too
        after = text[match.end():match.end() + 1]
        lost_first = paired_mark(first, line_before, rest + line_after) \
            or evidence[0].pick(first, before=before, after=rest)
        lost_last = "" if not to_ascii else \
            paired_mark(last, line_before + (lost_first or "") + rest, line_after) \
            or evidence[0].pick(last, before=rest, after=after)
        if lost_first is None or lost_last is None:
            notes.append(Note(match.start(), "damaged_text",
                              f"{match.group()!r}: GBK bytes shifted by a lost byte; re-aligned "
                              f"they read {rest!r}, but the lost character"
                              f"{'s' if to_ascii else ''} around them {'are' if to_ascii else 'is'}"
                              f" not known, so the text was left as it is"))
            return None
        return lost_first + rest + lost_last

    result = substitute(BYTE_SHIFT[question_marks(text)], text, realign)
    return result._replace(notes=notes)


def _realigned(run: str, to_ascii: bool = False) \
        -> tuple[tuple[str, ...], str | None, tuple[str, ...]]:
    """The run read one byte later; the characters the lost lead byte could have begun; and
    (``to_ascii``) those the last lead byte, whose trail byte was lost, could have begun.

    >>> first, rest, _ = _realigned("嶓w")
    >>> rest, "實" in first
    ('體', True)
    >>> first, rest, last = _realigned("锹肌", to_ascii=True)
    >>> "记" in first, rest, "。" in last
    (True, '录', True)
    """
    nothing: tuple[tuple[str, ...], None, tuple[str, ...]] = ((), None, ())
    try:
        raw = run.encode("gbk")
    except UnicodeEncodeError:
        return nothing
    doubles = 2 * len(run) if to_ascii else 2 * (len(run) - 1) + 1
    if len(raw) != doubles:
        return nothing  # some character was not double-byte: not one shifted run
    try:
        rest = raw[1:-1 if to_ascii else None].decode("gbk")
    except UnicodeDecodeError:
        return nothing
    if not all(map(_everyday, rest)):
        return nothing  # re-aligned, the run must read as characters in everyday use
    return _characters_ending_in(raw[0]), rest, _characters_beginning_with(raw[-1]) \
        if to_ascii else ()


def _shown(context: str, chars: str) -> float:
    """Share of ``chars`` that occur in ``context``: how much a run reads like the rest of the
    document (second family: a run may be ordinary text between two question marks)."""
    return sum(char in context for char in chars) / len(chars) if chars else 0.0


@lru_cache(maxsize=None)
def _characters_ending_in(trail: int) -> tuple[str, ...]:
    """Every character in use (Han, Chinese marks) GBK writes with ``trail`` as its second byte.
    """
    return tuple(ch for ch in (_gbk(bytes((lead, trail))) for lead in range(0x81, 0xFF))
                 if ch and _in_use(ch))


@lru_cache(maxsize=None)
def _characters_beginning_with(lead: int) -> tuple[str, ...]:
    """Every character in use GBK writes with ``lead`` as its first byte."""
    return tuple(ch for ch in (_gbk(bytes((lead, trail))) for trail in range(0x40, 0xFF))
                 if ch and _in_use(ch))


def _everyday(ch: str) -> bool:
    """A character in everyday use: common Han, a Chinese mark, or a traditional form of a
    common Han character that Big5 does not use (爲 and 啓, as OpenCC writes 为 and 启)."""
    return ch in common_han() or ch in ORDINARY_MARKS \
        or converter("t2s").convert(ch) in common_han()


def _gbk(raw: bytes) -> str | None:
    try:
        return raw.decode("gbk")
    except UnicodeDecodeError:
        return None


def _in_use(ch: str) -> bool:
    """Han, or a Chinese mark; not the ideographic space (A1 A1), which no shift could tell
    from the indent it usually is."""
    return ch != "\u3000" and (ch in ORDINARY_MARKS or _HAN.fullmatch(ch) is not None)
