"""Bytes to text: BOM first, then strict UTF-8, then a detector, checked by how Chinese it reads."""

from __future__ import annotations

import codecs

from ..errors import DecodeError, InputError
from .charset import chinese_score

# Encodings are decoded through their widest compatible superset: a GBK or GB2312 label on a
# GB18030 file is common, and Big5-HKSCS labels lose ①② unless read as cp950.
_SUPERSET = {
    "gbk": "gb18030", "gb2312": "gb18030", "gb18030": "gb18030", "cp936": "gb18030",
    "big5": "cp950", "big5hkscs": "cp950", "cp950": "cp950",
    "utf_8": "utf-8", "utf_8_sig": "utf-8-sig",
}

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

# Files that are not text at all, by their first bytes: say what they are.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (docx, xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (doc, xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"MZ", "a Windows program"),
)

# Control bytes that text does not hold: those below 0x20 but tab, LF, VT, FF and CR.
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b)

# cp950 first among the Big5 family (it keeps ①②); Big5-HKSCS for the characters it lacks.
_CANDIDATES = ("gb18030", "cp950", "big5hkscs")
_BIG5 = frozenset({"cp950", "big5hkscs"})
BIG5_HANDICAP = -0.05


def canonical_encoding(name: str) -> str:
    """The codec creditplan decodes with for an encoding name (GBK → gb18030, Big5 → cp950).

    >>> canonical_encoding("GB2312"), canonical_encoding("Big5-HKSCS")
    ('gb18030', 'cp950')
    """
    try:
        key = codecs.lookup(name).name.replace("-", "_")
    except LookupError as exc:
        raise InputError(f"unknown encoding {name!r}") from exc
    return _SUPERSET.get(key, codecs.lookup(name).name)


def sniff_binary(data: bytes) -> str | None:
    """Say what kind of non-text file ``data`` is, or None when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    sample = data[:4096]
    if not sample:
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return "binary data" if controls / len(sample) > 0.05 else None


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data``; give the text and the encoding used.

    Raises DecodeError when no encoding gives text, InputError for known non-text formats.

    >>> decode_bytes("关于".encode("gbk"))
    ('关于', 'gb18030')
    """
    if encoding:
        codec = canonical_encoding(encoding)
        for attempt in dict.fromkeys((codec, codecs.lookup(encoding).name)):
            try:
                return data.decode(attempt), attempt
            except UnicodeDecodeError as exc:
                error = exc
        lenient = _decode_damaged(data, (codec,))
        if lenient:
            return lenient
        raise DecodeError(f"does not decode as {encoding} (byte {error.start})") from error
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise DecodeError(f"has a {codec} byte-order mark but does not decode as "
                                  f"{codec} (byte {exc.start})") from exc
    unmarked = _utf16_without_bom(data)
    if unmarked:
        return unmarked
    what = sniff_binary(data)
    if what:
        raise InputError(f"is {what}, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":   # cut short inside its last character
            return data.decode("utf-8", errors="replace"), "utf-8"
    return _decode_legacy(data)


# UTF-16 saved without a byte-order mark (some exporters and Windows tools). Its zero bytes (the
# high byte of every ASCII character, the low byte of 一 U+4E00 …) make it look binary; it is
# taken when one byte order decodes strictly and reads as Chinese (the other reads as noise).
MIN_UTF16_SCORE = 0.9


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    r"""``data`` as UTF-16 when it has no BOM but reads as Chinese that way, else None.

    >>> _utf16_without_bom("关于印发\n一、2023年".encode("utf-16-le"))
    ('关于印发\n一、2023年', 'utf-16-le')
    >>> _utf16_without_bom(b"ab\x00\x01\x02\x03") is None
    True
    """
    if len(data) % 2 or b"\x00" not in data:
        return None
    best = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = chinese_score(text[:20000])
        if score >= MIN_UTF16_SCORE and (best is None or score > best[0]):
            best = (score, text, codec)
    return best[1:] if best else None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """GB18030 or Big5: ask the detector, then keep whichever strict decoding reads best."""
    guesses = [_detect(data)] + list(_CANDIDATES)
    decoded: dict[str, str] = {}
    for codec in dict.fromkeys(g for g in guesses if g):
        if codec == "big5hkscs" and "cp950" in decoded:
            continue      # cp950 read it all: no need for the wider table
        try:
            decoded[codec] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    if not decoded:
        lenient = _decode_damaged(data, ("utf-8",) + _CANDIDATES)
        if lenient:
            return lenient
        raise DecodeError("is not text in UTF-8, UTF-16, GB18030 or Big5")
    if len(decoded) == 1:
        codec, text = next(iter(decoded.items()))
        return text, codec
    # Mainland notices are the great majority, and Big5 decodings of GB bytes often land on
    # everyday traditional characters: Big5 must read clearly better to win.
    sample = slice(0, 20000)
    scores = {c: chinese_score(t[sample]) + (BIG5_HANDICAP if c in _BIG5 else 0.0)
              for c, t in decoded.items()}
    codec = max(decoded, key=lambda c: (scores[c], c == "gb18030", c == "cp950"))
    return decoded[codec], codec


# A file cut off mid-character or with a stray byte is still read, when the damage is small:
# the bad bytes become U+FFFD, which normalization reports with their lines.
MAX_DAMAGED_SHARE = 0.01


def _decode_damaged(data: bytes, codecs_: tuple[str, ...]) -> tuple[str, str] | None:
    """The decoding with the fewest bad bytes, when they are few; else None."""
    best = None
    for codec in codecs_:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if best is None or bad < best[0]:
            best = (bad, text, codec)
    bad, text, codec = best
    if bad > max(3, MAX_DAMAGED_SHARE * len(text)):
        return None
    return text, codec


def _detect(data: bytes) -> str | None:
    """The detector's guess for a non-UTF-8 file, mapped to the codec we decode with."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data[:65536]).best()
    if best is None:
        return None
    try:
        return canonical_encoding(best.encoding)
    except InputError:
        return None
