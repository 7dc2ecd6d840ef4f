"""Mojibake: text, or some of its lines, decoded with the wrong codec and saved that way.

Three families, each undone by encoding the line back with the codec that misread it and
decoding the bytes with the right one:

- (a) UTF-8 read as cp1252 or Latin-1: ``å®žä½“`` → 实体;
- (b) GBK read as cp1252 or Latin-1: ``¹ØÓÚÓ¡·¢`` → 关于印发;
- (c) UTF-8 read as GBK: ``鍏充簬鍗板彂`` → 关于印发. This one is lossy: a byte that made no GBK
  character became one U+FFFD. Back in UTF-8 each such byte is a hole in a character; the hole
  is filled only with a character whose bytes would have been misread the same way and, when
  several would, that the document shows beside the same neighbours (``utf8_holes``), and
  otherwise stays U+FFFD, which ``report_unrecoverable`` notes.

Work is line by line, so lines keep their numbers and each repaired line is one edit. A line is
replaced only when a reading decodes strictly (but for the holes), reads clearly more Chinese
(``_chineseness`` up by ``MIN_GAIN``) and is mostly Han: text that was fine, ``café`` and
``Hyvää päivää`` included, stays as it is. Lines too short for that (``作``) are then read the
way most other lines of the same copy were. Finding nothing costs one regex search and a few
``str.count`` calls.
"""

from __future__ import annotations

import codecs
from collections import Counter
from functools import partial
from typing import Callable, Iterator

import regex

from ..lazy import LazyPattern
from .charset import chinese_score, non_space_length
from .edits import Edit, StepResult, unchanged
from .utf8_holes import Holes, Unit, text_of, utf8_pieces

MIN_GAIN = 0.2  # how much more Chinese a reading must be than the line it replaces
MIN_BYTE_LETTERS = 2 / 3  # share of a line's letters that must be bytes shown as Latin-1

# cp1252 shows bytes 0x80-0x9F as these characters (five are undefined and show as U+0081…).
_CP1252_BYTES = {bytes((b,)).decode("cp1252", "ignore"): b for b in range(0x80, 0xA0)}
_CP1252_BYTES.pop("", None)
_TO_LATIN1 = str.maketrans({ch: chr(b) for ch, b in _CP1252_BYTES.items()})
_BYTE_CHARS = "\x80-\xff" + "".join(_CP1252_BYTES)
# What a browser shows for each byte read as cp1252 (its mark, or for the five bytes cp1252
# leaves undefined the C1 control of that number), as a map ``codecs.charmap_encode`` runs in
# C: ``str.translate`` with the table above cost 60 ns a character.
_SHOWN_AS_CP1252 = codecs.charmap_build(
    "".join(bytes((b,)).decode("cp1252", "ignore") or chr(b) for b in range(256)))

# Bytes shown one per character (families a, b): a lead byte shown as a Latin-1 letter, then
# another byte. No \xa0 first: runs of no-break spaces are ordinary.
SHOWN_AS_LATIN = regex.compile(
    rf"""
    [\xa1-\xff]          # UTF-8 lead C2-F4 (Â-ô) or GBK lead 0x81-0xFE shown as Latin-1
    [{_BYTE_CHARS}]      # a continuation or trail byte, shown as Latin-1 or cp1252 (€‚ƒ…)
    """,
    regex.VERBOSE,
)

# UTF-8 read as GBK is full of these: 锛 銆 are the first two bytes of full-width and CJK
# punctuation (EF BC, E3 80), 彂 the last two bytes of 发, the rest begin very frequent ones.
_UTF8_AS_GBK_SIGNS = "锛銆鐨鍙涓浜鏂彂绗鍏"
MIN_SIGNS = 3  # signs enough to try family (c) on any text; a short text needs one per…
SIGN_SPACING = 500  # …this many characters
# Five of the signs (銆 鍏 鍙 鏂 鐨) lie in one range of traditional characters with a metal
# radical, which a simplified notice seldom uses: one scan of the range (regex searches one
# range at string-search speed) spares their five searches, which run slowly for characters
# whose low byte is common in Chinese text.
_SIGN_RANGE = regex.compile(r"[\u9286-\u9428]")
_SIGNS_OUTSIDE_RANGE = "".join(sign for sign in _UTF8_AS_GBK_SIGNS
                               if not "\u9286" <= sign <= "\u9428")


def _decoded(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


# Every GBK character whose two bytes are a UTF-8 lead (E3-E9, EF) and a continuation byte.
_UTF8_AS_GBK_CHARS = frozenset(filter(None, (
    _decoded(bytes((lead, trail)), "gbk")
    for lead in (*range(0xE3, 0xEA), 0xEF) for trail in range(0x80, 0xC0))))

# Runs, counted by their lengths (``_count``): a list of every character cost more than the
# rest of the scoring.
_SHOWN_BYTES = LazyPattern(rf"[{_BYTE_CHARS}]+")
_ASCII_LETTERS = LazyPattern(r"[A-Za-z]+")
_HAN = LazyPattern(r"\p{Han}+")
_NON_ASCII = LazyPattern(r"[^\x00-\x7f\s]+")


def _count(runs: LazyPattern, text: str) -> int:
    """How many characters of ``text`` the run pattern ``runs`` covers."""
    return sum(map(len, runs.findall(text)))


def repair_mojibake(text: str) -> StepResult:
    """Undo a wrong decoding of the whole text, line by line, when that reads as Chinese.

    A line is repaired when one family's reading is clearly better (``_clear_winner``). Then
    the family that repaired most lines is taken to be how this copy was misread, and lines
    too short to be clear (``作``, ``(八``) are read that way if that reads better at all.

    >>> repair_mojibake("关于\\nå®žä½“").text
    '关于\\n实体'
    >>> repair_mojibake("¹ØÓÚÓ¡·¢\\n(°Ë").text
    '关于印发\\n(八'
    >>> repair_mojibake("café au lait, naïve").count
    0
    """
    latin = SHOWN_AS_LATIN.search(text) is not None
    # ``in`` first: on a clean text it is several times faster than ``count``
    counted = _UTF8_AS_GBK_SIGNS if _SIGN_RANGE.search(text) else _SIGNS_OUTSIDE_RANGE
    signs = sum(text.count(sign) for sign in counted if sign in text)
    gbk = signs >= MIN_SIGNS or 0 < signs * SIGN_SPACING >= len(text)
    if not latin and not gbk:
        return unchanged(text)
    lines = list(_lines(text))
    holes = _holes_in(lines) if gbk else None
    readings = [_readings(line, latin, holes) for _, line in lines]
    chosen = [_clear_winner(line, found) for (_, line), found in zip(lines, readings)]
    usual = Counter(family for family, _ in filter(None, chosen)).most_common(1)
    pieces: list[str] = []
    edits: list[Edit] = []
    last = 0
    for (start, line), found, choice in zip(lines, readings, chosen):
        new = choice[1] if choice else usual and _usual_reading(line, found, usual[0][0])
        if not new:
            continue
        pieces += [text[last:start], new]
        edits.append((start, start + len(line), len(new)))
        last = start + len(line)
    if not edits:
        return unchanged(text)
    pieces.append(text[last:])
    return StepResult("".join(pieces), edits, len(edits), [])


_INDENT = " \t\r\u3000"


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line without its newline, with its offset; a byte order mark is no part of one."""
    start = 1 if text.startswith("\ufeff") else 0  # line ends and BOMs are folded later
    for line in text[start:].split("\n"):
        # Indentation no wrong decoding makes (ideographic spaces, tabs) is no part of the
        # reading: the line's words are judged, and its indent kept as it is.
        words = line.lstrip(_INDENT)
        yield start + len(line) - len(words), words.rstrip(_INDENT)
        start += len(line) + 1


def _readings(line: str, latin: bool, holes: Holes | None) -> dict[str, str]:
    """The line as each family that may apply reads it (family name → reading)."""
    families: dict[str, Callable[[str], str | None]] = {}
    if latin and SHOWN_AS_LATIN.search(line) and _bytes_as_letters(line):
        families["utf8_as_latin"] = _utf8_read_as_latin
        families["gbk_as_latin"] = _gbk_read_as_latin
    if holes is not None and not _UTF8_AS_GBK_CHARS.isdisjoint(line):
        families["utf8_as_gbk"] = partial(_utf8_read_as_gbk, holes=holes)
    found = {name: family(line) for name, family in families.items()}
    return {name: reading for name, reading in found.items() if reading not in (None, line)}


def _clear_winner(line: str, readings: dict[str, str]) -> tuple[str, str] | None:
    """(family, reading) for the reading clearly more Chinese than ``line`` and mostly Han."""
    best, threshold = None, _chineseness(line) + MIN_GAIN
    for family, reading in readings.items():
        score = _chineseness(reading)
        if score >= threshold and _mostly_han(reading):
            best, threshold = (family, reading), score
    return best


def _usual_reading(line: str, readings: dict[str, str], family: str) -> str | None:
    """The reading of the family that repaired the other lines, if it reads better at all."""
    reading = readings.get(family)
    if reading is None or not _HAN.search(reading):
        return None
    return reading if _chineseness(reading) > _chineseness(line) else None


def _chineseness(text: str) -> float:
    """``chinese_score`` less the share of characters UTF-8 read as GBK is made of.

    Many of those (骞 翠 娴 峰) are in GB2312, so ``chinese_score`` alone rates them well.
    """
    signs = sum(map(_UTF8_AS_GBK_CHARS.__contains__, text))
    return chinese_score(text) - signs / (non_space_length(text) or 1)


def _bytes_as_letters(line: str) -> bool:
    """Whether at least ``MIN_BYTE_LETTERS`` of the letters are bytes shown as Latin-1.

    In European text accents are the exception (Hyvää päivää: half); in a Chinese line read
    as Latin-1 nearly every letter is a byte.

    >>> _bytes_as_letters("¹ØÓÚ2022Äê"), _bytes_as_letters("Hyvää päivää")
    (True, False)
    """
    shown = _count(_SHOWN_BYTES, line)
    ascii_letters = _count(_ASCII_LETTERS, line)
    return shown >= MIN_BYTE_LETTERS * (shown + ascii_letters) > 0


def _mostly_han(text: str) -> bool:
    """Two Han characters or more, and Han is at least half of what is not ASCII.

    >>> _mostly_han("关于2022年"), _mostly_han("café"), _mostly_han("2022年")
    (True, False, False)
    """
    han = _count(_HAN, text)
    return han >= 2 and 2 * han >= _count(_NON_ASCII, text)


def _latin_bytes(line: str) -> bytes | None:
    """The bytes a Latin-1 or cp1252 decoder showed as ``line``, or None if it was not that."""
    try:
        return line.encode("latin-1")                                   # read as Latin-1
    except UnicodeEncodeError:
        pass
    try:
        return codecs.charmap_encode(line, "strict", _SHOWN_AS_CP1252)[0]  # read as cp1252
    except UnicodeEncodeError:
        pass
    try:   # C1 controls and cp1252 marks mixed: each is the byte of its number
        return line.translate(_TO_LATIN1).encode("latin-1")
    except UnicodeEncodeError:
        return None


def _utf8_read_as_latin(line: str) -> str | None:
    """Family (a): ``å®žä½“`` → 实体."""
    raw = _latin_bytes(line)
    return _decoded(raw, "utf-8") if raw is not None and not raw.isascii() else None


def _gbk_read_as_latin(line: str) -> str | None:
    """Family (b): ``¹ØÓÚ`` → 关于."""
    raw = _latin_bytes(line)
    return _decoded(raw, "gb18030") if raw is not None and not raw.isascii() else None


def _utf8_read_as_gbk(line: str, holes: Holes) -> str | None:
    """Family (c): ``鍏充簬`` → 关于, lost bytes filled from the document where it is clear."""
    readings = []
    for euro in _EURO_BYTES if "€" in line else _EURO_BYTES[:1]:
        units = _gbk_units(line, euro)
        if units is None:
            continue
        pieces = utf8_pieces(units)
        if not any(isinstance(p, str) and "\ufffd" in p for p in pieces):
            readings.append("".join(holes.fill(pieces, units, line)))  # UTF-8 everywhere but at the holes
    return max(readings, key=_chineseness, default=None)


# GBK as Windows and Python read it shows the byte 0x80 as €; GB18030 writes € as A2 E3.
_EURO_BYTES = (b"\x80", "€".encode("gb18030"))


def _gbk_units(line: str, euro: bytes = _EURO_BYTES[0]) -> list[Unit] | None:
    """The bytes a GBK decoder read as ``line``, None for each U+FFFD (it replaced one byte)."""
    units: list[Unit] = []
    for k, part in enumerate(line.split("\ufffd")):
        if k:
            units.append(None)
        try:
            units.extend(euro.join(piece.encode("gb18030") for piece in part.split("€")))
        except UnicodeEncodeError:
            return None
    return units


def _holes_in(lines: list[tuple[int, str]]) -> Holes:
    """What the document says, its UTF-8-read-as-GBK lines read back with their holes."""
    draft = []
    for _, line in lines:
        units = _gbk_units(line) if not _UTF8_AS_GBK_CHARS.isdisjoint(line) else None
        read = None if units is None else "".join(map(text_of, utf8_pieces(units)))
        better = read is not None and chinese_score(read) > chinese_score(line)
        draft.append(read if better else line)
    return Holes("\n".join(draft))
