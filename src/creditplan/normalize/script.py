"""Traditional script to simplified, with OpenCC; and which script the input was in.

Most notices are simplified already, and OpenCC's pass over them changes nothing. ``convert``
gives OpenCC's result but converts only the pieces of text holding a character the config may
change (``data/opencc_changes.txt``, written from OpenCC's own dictionaries by
``scripts/opencc_changes.py``). That is exact, not a guess: OpenCC replaces dictionary keys,
a character outside the list is in no key that changes it, and no key holds a line break or
one of the other ``BOUNDARIES``, so the text between two of them converts the same alone as
inside the text. What OpenCC does beyond its dictionaries is kept whole: a text holding one
of ``WHOLE_TEXT_MARKS`` or a character beyond the BMP goes to OpenCC whole, and so does any
text when the list was written from another OpenCC version.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..lazy import LazyPattern
from .edits import StepResult, unchanged

_HAN_RUN = LazyPattern(r"\p{Han}+")

# Share of Han characters that must change under t2s for a text to count as traditional. A
# simplified notice with a stray traditional character or two stays "simplified".
TRADITIONAL_SHARE = 0.03


@lru_cache(maxsize=4)
def converter(config: str):
    """An OpenCC converter for ``config`` (t2s, tw2s, hk2s), loaded once."""
    import opencc

    return opencc.OpenCC(config)


CHANGES_FILE = "opencc_changes.txt"
# Characters no key of the configs' dictionaries holds (scripts/opencc_changes.py checks):
# OpenCC's matching never spans one, so the text between two of them converts the same alone.
BOUNDARIES = "\n。，,、；;：:！!？?（）()《》 \u3000"
# OpenCC's ways beyond its dictionaries, which the list cannot show: it keeps an ideographic
# description sequence (an operator, U+2FF0-U+2FFF or U+31EF, and its operands, which may be
# boundaries) as one unconverted unit; tw2s and hk2s stop at a NUL; a lone surrogate is an
# error. A text holding one goes to OpenCC whole (a regex class body).
WHOLE_TEXT_MARKS = "\x00\u2ff0-\u2fff\u31ef\ud800-\udfff"
# Pieces this near the one before (characters between them) make a traditional stretch:
# after DENSE_AFTER of them in a row, the rest of the text is converted in one call.
NEAR = 64
DENSE_AFTER = 4
# Loading and compiling the list costs about 12 ms (6 of them compiling); converting in pieces
# saves about 6 ns a character of simplified text, so the list pays for itself after about a
# million characters (a hundred notices). A process converts that much whole first: a one-file
# run never loads the list. Either way the text converts the same.
PIECES_AFTER = 1_000_000
_converted_whole: dict[str, int] = {}   # config → characters converted whole so far


@lru_cache(maxsize=4)
def changeable(config: str) -> re.Pattern[str] | None:
    """A pattern for the BMP characters ``config`` may change, and ``WHOLE_TEXT_MARKS``; None
    when the list does not fit the installed OpenCC (another version) or lacks the config.

    The class has about 2,500 runs; stdlib ``re`` compiles it to a bitmap (6 ms, once) and
    scans it at about 3 ns a character. With a range beyond the BMP in it the scan is half
    as fast again, and ``regex`` is a hundred times slower. The list holds CJK characters only
    (the script checks), so its runs need no escaping.
    """
    import opencc

    lines = (resources.files("creditplan") / "data" / CHANGES_FILE).read_text("utf-8")
    lists = dict(line.split(" ", 1) for line in lines.splitlines() if not line.startswith("#"))
    runs = lists.get(config)
    if lists.get("opencc") != getattr(opencc, "__version__", None) or not runs:
        return None
    return re.compile("[" + "".join(map("-".join, zip(runs[::2], runs[1::2])))
                      + WHOLE_TEXT_MARKS + "]")


_WHOLE_TEXT_MARK = LazyPattern("[" + WHOLE_TEXT_MARKS + "]", compile=re.compile)


# A piece also ends before a whole-text mark, so that the search finds the mark next.
_NEXT_BOUNDARY = LazyPattern("[" + re.escape(BOUNDARIES) + WHOLE_TEXT_MARKS + "]",
                             compile=re.compile)
# The last boundary before a point: ``.*`` jumps to the end at once, then steps back only as
# far as that boundary (eighteen ``rfind`` calls would each search back to the last piece).
_LAST_BOUNDARY = LazyPattern("(?s:.*)[" + re.escape(BOUNDARIES) + "]", compile=re.compile)


def convert(text: str, config: str = "t2s") -> str:
    """What ``converter(config).convert(text)`` gives: whole for a process's first
    ``PIECES_AFTER`` characters, then by ``convert_pieces``."""
    converted = _converted_whole.get(config, 0)
    if converted < PIECES_AFTER:
        _converted_whole[config] = converted + len(text)
        return converter(config).convert(text)
    return convert_pieces(text, config)


def convert_pieces(text: str, config: str = "t2s") -> str:
    """What ``converter(config).convert(text)`` gives, converting only the pieces of text
    (between two ``BOUNDARIES``) that hold a character the config may change.

    >>> convert_pieces("信用体系,關于印發\\n覆盖"), convert_pieces("反覆")
    ('信用体系,关于印发\\n覆盖', '反复')
    """
    whole = converter(config).convert
    pattern = changeable(config)
    # A character beyond the BMP is two UTF-16 units (the list leaves those characters out).
    if pattern is None or len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text):
        return whole(text)
    pieces, pos, near = [], 0, 0
    search, next_boundary, last_boundary = (pattern.search, _NEXT_BOUNDARY.search,
                                            _LAST_BOUNDARY.match)
    while (found := search(text, pos)) is not None:
        if _WHOLE_TEXT_MARK.match(text, found.start()):
            return whole(text)
        before = last_boundary(text, pos, found.start())
        start = before.end() if before else pos
        pieces.append(text[pos:start])
        near = near + 1 if start - pos <= NEAR else 0
        if near > DENSE_AFTER:
            pieces.append(whole(text[start:]))
            return "".join(pieces)
        boundary = next_boundary(text, found.end())
        end = boundary.start() if boundary else len(text)
        pieces.append(whole(text[start:end]))
        pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    return "".join(pieces)


def to_simplified(text: str, config: str = "t2s") -> tuple[StepResult, str]:
    """Convert to simplified script; give the step result and the script the text was in.

    OpenCC converts character for character except in rare phrase mappings; when the length
    changes the conversion is done line by line so that edits stay local.
    """
    converted = convert(text, config)
    if converted == text:
        return unchanged(text), "simplified"
    if len(converted) == len(text):
        changed = count_changed(text, converted)
        return StepResult(converted, [], changed, []), script_of(text, changed)
    return _by_line(text, config)


def script_of(text: str, changed: int) -> str:
    """"traditional" when the ``changed`` characters are at least ``TRADITIONAL_SHARE`` of the
    Han characters of ``text``, else "simplified".

    Han characters are fewer than all characters, so they are counted only when the share
    of all characters is under the threshold, and then run by run only until there are more
    than ``changed`` could be that share of: a simplified notice with one stray 於 stops
    after its first forty or so. (A list of every Han character cost 75 ns each, six times
    what OpenCC spends on the text.)

    The line-by-line path (lengths changed) once counted a text with no Han as traditional
    whenever anything changed; it keeps to this rule now, where no Han means simplified.

    >>> script_of("關於", 2), script_of("关于信用体系建设工作要点" * 3 + "於", 1)
    ('traditional', 'simplified')
    """
    if not text:
        return "simplified"
    if changed / len(text) >= TRADITIONAL_SHARE:
        return "traditional"
    enough = changed / TRADITIONAL_SHARE + 1   # more Han than this: the share is under it
    han = 0
    for run in _HAN_RUN.finditer(text):
        han += run.end() - run.start()
        if han > enough:
            return "simplified"
    return "traditional" if han and changed / han >= TRADITIONAL_SHARE else "simplified"


def count_changed(old: str, new: str) -> int:
    """How many positions of two strings of the same length hold different characters.

    Counted on whole strings at C speed rather than character by character: both become one
    integer of 16-bit lanes (UTF-16; 32-bit lanes of UTF-32 when a character is beyond the
    BMP), XOR leaves a lane non-zero where they differ, and a lane is non-zero exactly when
    its top bit is set or adding all ones below the top bit to the rest of it sets that bit
    (no carry crosses lanes).

    >>> count_changed("關于體系", "关于体系"), count_changed("𠀋關", "𠀋关")
    (2, 1)
    """
    size = len(old)
    width, codec = 2, "utf-16-le"
    old_bytes, new_bytes = old.encode(codec, "surrogatepass"), new.encode(codec, "surrogatepass")
    if len(old_bytes) != 2 * size or len(new_bytes) != 2 * size:   # surrogate pairs
        width, codec = 4, "utf-32-le"
        old_bytes, new_bytes = (old.encode(codec, "surrogatepass"),
                                new.encode(codec, "surrogatepass"))
    lanes = int.from_bytes(old_bytes, "little") ^ int.from_bytes(new_bytes, "little")
    if not lanes:
        return 0
    below_top, top = _lane_masks(width, size)
    return ((((lanes & below_top) + below_top) | lanes) & top).bit_count()


# Lane masks for the longest text counted so far, by lane width. Masks with more lanes than a
# text has count the same: above its lanes ``lanes`` is 0, so the sum there is all ones below
# each top bit, which ``& top`` clears. Texts past ``MAX_CACHED_LANES`` get masks of their own.
_MASKS: dict[int, tuple[int, int, int]] = {}   # width → (lanes, below_top, top)
MAX_CACHED_LANES = 1 << 17


def _lane_masks(width: int, size: int) -> tuple[int, int]:
    lanes, below_top, top = _MASKS.get(width, (0, 0, 0))
    if lanes < size:
        lanes = size if size > MAX_CACHED_LANES else min(max(size, 2 * lanes), MAX_CACHED_LANES)
        below_top = int.from_bytes((b"\xff" * (width - 1) + b"\x7f") * lanes, "little")
        top = int.from_bytes((b"\x00" * (width - 1) + b"\x80") * lanes, "little")
        if lanes <= MAX_CACHED_LANES:
            _MASKS[width] = (lanes, below_top, top)
    return below_top, top


def _by_line(text: str, config: str) -> tuple[StepResult, str]:
    convert = converter(config).convert
    pieces, edits, changed, pos = [], [], 0, 0
    for line in text.split("\n"):
        new = convert(line)
        if new != line:
            changed += sum(map(str.__ne__, line, new)) + abs(len(new) - len(line))
            if len(new) != len(line):
                edits.append((pos, pos + len(line), len(new)))
        pieces.append(new)
        pos += len(line) + 1
    return StepResult("\n".join(pieces), edits, changed, []), script_of(text, changed)
