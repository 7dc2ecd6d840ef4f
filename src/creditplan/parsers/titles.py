"""Where a heading's words end, and the heading-like first sentence of a task."""

from __future__ import annotations

import regex

# A heading ends at the end of its line, at a full stop, or (in pages flattened to one line)
# at the first space: Chinese prose has no spaces, so a space there is the lost line break.
HEADING_END = regex.compile(r"\n|。|(?<=\S) (?=\S)")

# The first sentence of a task runs up to its full stop or the end of its line; one longer
# than this is no heading.
MAX_FIRST_SENTENCE = 200

# Marks that make a first sentence read as a list or a clause, not as a heading.
_NOT_HEADING = regex.compile(r"[;:]|,.*,")

MAX_TITLE = 40

# A line break inside a paragraph: PDF and Word exports wrap lines mid-sentence, and without a
# hyphen mid-word (100 / %, 12 / 3万条). Only between two Latin letters was it a space
# (Data / Center).
_LINE_BREAK = regex.compile(r"[ ]*\n[\n ]*")
_LATIN = regex.compile(r"[A-Za-z]")


def flow(text: str) -> str:
    r"""Join the lines of a record's text: Chinese needs no space where a line was wrapped.

    >>> flow("建立制度,完善\n\n机制。\nData\nCenter")
    '建立制度,完善机制。Data Center'
    >>> flow("达到100\n%,归集12\n3万条")
    '达到100%,归集123万条'
    """
    if "\n" not in text:
        return text

    def join(match: regex.Match) -> str:
        before = text[match.start() - 1:match.start()]
        after = text[match.end():match.end() + 1]
        return " " if _LATIN.match(before) and _LATIN.match(after) else ""

    return _LINE_BREAK.sub(join, text.strip())


# A heading wrapped at the page's width (PDF and Word copies): its line is long, and what is
# left before the first child item is a short fragment that is no sentence, list or bracket.
# A short heading line is never wrapped: what follows it is the section's own text.
MIN_WRAPPED_LINE = 14
MAX_WRAPPED_REST = 20
_NOT_A_HEADING_REST = regex.compile(r"[。;:!?\n]|^[(〔【\[]")


def split_heading(text: str, start: int, end: int) -> tuple[str, int]:
    r"""The heading's title in ``text[start:end]`` and the offset where the rest begins.

    >>> split_heading("一、2017年主要目标 以创建示范城市为契机", 2, 22)
    ('2017年主要目标', 12)
    >>> split_heading("加强信用制度建设:", 0, 9)
    ('加强信用制度建设', 9)
    >>> split_heading("加快推进信用信息归集共享和公开应\n用\n", 0, 19)
    ('加快推进信用信息归集共享和公开应用', 19)
    """
    while start < end and text[start] in " \t\n":   # a tab after the number: Word's lists
        start += 1
    match = HEADING_END.search(text, start, end)
    stop = match.start() if match else end
    rest = match.end() if match else end
    title = text[start:stop].strip(" \t:")
    if match and match.group() == "\n" and _wrapped(title, text[rest:end].strip()):
        return title + text[rest:end].strip(), end
    return title, rest


def _wrapped(line: str, rest: str) -> bool:
    """Whether ``rest`` is the end of a heading line wrapped at the page's width."""
    return (len(line) >= MIN_WRAPPED_LINE and 0 < len(rest) <= MAX_WRAPPED_REST
            and len(rest) < len(line) and line[-1:] not in "。;:"
            and not _NOT_A_HEADING_REST.search(rest))


def task_title(text: str) -> str | None:
    """The heading-like first sentence of a task's text, when it opens with one.

    >>> task_title("著力推动信用工作规范化。发布2022版公共信用信息三清单。")
    '著力推动信用工作规范化'
    >>> task_title("制定《关于加强政务诚信建设的工作方案》,充分发挥政府的表率作用。") is None
    True
    """
    stops = [i for i in (text.find("。", 0, MAX_FIRST_SENTENCE + 1),
                         text.find("\n", 0, MAX_FIRST_SENTENCE + 1)) if i >= 0]
    if stops:
        end = min(stops) + 1
    elif len(text) <= MAX_FIRST_SENTENCE:
        end = len(text)
    else:
        return None
    if end == 1 and stops:
        return None         # the text opens with its full stop or a blank line
    sentence = text[:end].rstrip("。\n ")
    rest = text[end:].strip()
    if not rest or not sentence or len(sentence) > MAX_TITLE or _NOT_HEADING.search(sentence):
        return None
    return sentence
