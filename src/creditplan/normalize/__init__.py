"""Normalization: any copy of a notice to clean simplified text, every repair counted.

``STEPS`` is the one place that says what runs and in what order. Each step takes text and
returns a ``StepResult`` (new text, edits, count, notes); the edits feed an ``OffsetMap`` so
that offsets in the normalized text still find their input line. The script conversion runs
last, on its own, because it also decides which script the input was in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from .boilerplate import drop_furniture_lines, drop_inline_bylines, drop_trailing_border
from .byte_shift import repair_byte_shift
from .damage import repair_lost_spaces, report_unrecoverable
from .decode import decode_bytes
from .edits import OffsetMap, StepResult
from .flat_furniture import drop_furniture_stretches
from .letter_spacing import join_spread_words
from .markup import strip_markdown, strip_markup
from .mojibake import repair_mojibake
from .pages import drop_running_heads
from .pinyin import strip_pinyin_annotations
from .script import to_simplified
from .width import (collapse_blank_lines, drop_nul, fold_line_ends, fold_width,
                    replace_lone_surrogates, tidy_spaces)

__all__ = ["STEPS", "Normalized", "normalize", "decode_bytes"]

Step = Callable[[str], StepResult]

# (repair name, step). The name is the key the step's count is added to in ``repairs``.
STEPS: tuple[tuple[str, Step], ...] = (
    ("surrogate", replace_lone_surrogates),       # half a UTF-16 pair: no character at all
    ("nul", drop_nul),                            # NUL: binary junk (and the end, for tw2s)
    ("mojibake", repair_mojibake),                # whole text decoded with the wrong codec
    ("line_end", fold_line_ends),                 # CRLF, CR, BOM, zero-width marks
    ("markup", strip_markup),                     # HTML tags and entities
    ("markup", strip_markdown),                   # Markdown heading and bold marks
    ("unrecoverable", report_unrecoverable),      # 锟斤拷, U+FFFD: noted, never invented
    ("pinyin_annotation", strip_pinyin_annotations),  # 關(guān) → 關
    ("byte_shift", repair_byte_shift),            # ?qū)嶓w → 實體
    ("lost_space", repair_lost_spaces),           # ?? where full-width spaces were lost
    ("width", fold_width),                        # full-width forms, exotic spaces
    ("boilerplate", drop_running_heads),          # a PDF's running head beside each page number
    ("boilerplate", drop_furniture_lines),        # web-page furniture lines, page numbers
    ("boilerplate", drop_inline_bylines),         # a byline inside a flattened page's line
    ("boilerplate", drop_furniture_stretches),    # furniture between a flattened page's spaces
    ("boilerplate", drop_trailing_border),        # a lone "|" after a paragraph
    ("spacing", tidy_spaces),                     # indentation, trailing and repeated spaces
    ("letter_spacing", join_spread_words),        # 总 体 要 求: a word spread letter by letter
    ("spacing", collapse_blank_lines),            # runs of blank lines
)

@dataclass
class Normalized:
    """The normalized text and everything needed to relate it to the input."""

    text: str
    original: str
    offsets: OffsetMap
    script: str = "simplified"
    repairs: dict[str, int] = field(default_factory=dict)
    notes: list[tuple[int, str, str]] = field(default_factory=list)  # (input line, code, msg)
    display_text: str = ""  # the text in its original script, same offsets as ``text``


def normalize(text: str, opencc_config: str = "t2s") -> Normalized:
    """Run every step over ``text``; give the normalized text with its repairs and offsets.

    >>> normalize("關(guān)于\\r\\n（一）").text
    '关于\\n(一)'
    """
    offsets = OffsetMap(original=text)
    repairs: dict[str, int] = {}
    notes: list[tuple[int, str, str]] = []
    current = text
    for name, step in STEPS:
        result = step(current)
        if result.count or result.edits or result.notes:  # most steps find nothing to do
            _record(name, result, offsets, repairs, notes)
        current = result.text
    result, script = to_simplified(current, opencc_config)
    display = current if not result.edits else result.text
    _record("traditional_script", result, offsets, repairs, notes)
    return Normalized(text=result.text, original=text, offsets=offsets, script=script,
                      repairs=repairs, notes=notes, display_text=display)


def _record(name: str, result: StepResult, offsets: OffsetMap, repairs: dict[str, int],
            notes: list[tuple[int, str, str]]) -> None:
    depth = len(offsets.layers)
    for note in result.notes:
        notes.append((offsets.line_of_input(offsets.back_from(depth, note.pos)),
                      note.code, note.message))
    offsets.push(result.edits)
    if result.count:
        repairs[name] = repairs.get(name, 0) + result.count
