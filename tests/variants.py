"""Damaged and re-encoded copies of a notice, made with code (none is stored by hand).

Each ``make_*`` takes the text of a sample and gives one copy of it as a user may meet it: as
bytes when the damage is in the bytes (encodings, mojibake saved back as UTF-8), as text when it
is in the characters. ``test_variants.py`` checks that every copy gives the same records as the
clean sample.

Script conversion uses OpenCC (a run-time dependency of creditplan). Readings for the pinyin
copy are not real readings (that would need pypinyin, which creditplan must not require): each
changed character gets a syllable from creditplan's own syllable table, picked by its code
point, with a tone mark on the main vowel. The normalizer only checks that the bracket holds one
toned syllable after a Han character, so this tests it faithfully.

>>> make_lost_spaces("一、总则\\n\\n1.建立制度。")
'??一、总则\\n\\n??1.建立制度。'
>>> make_fullwidth("(1)建立制度:甲,乙\\n2.完善")
'（１）建立制度：甲，乙\\n２．完善'
>>> make_halfwidth("（１）建立制度：甲，乙")
'(1)建立制度:甲,乙'
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import opencc

# --- script ---------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def make_traditional(text: str) -> str:
    """Traditional script, as OpenCC ``s2t`` writes it (characters already traditional stay)."""
    return _opencc("s2t").convert(text)


def make_simplified(text: str) -> str:
    """Simplified script (OpenCC ``t2s``): a real change only for a traditional sample."""
    return _opencc("t2s").convert(text)


def round_trip(text: str, config: str = "s2t") -> str:
    """``t2s(config(text))``: not always ``text``, as OpenCC picks one form for a character
    that has several (s2t: 复函 → 覆函, which t2s keeps; s2tw: 着 → 著, which t2s keeps)."""
    return make_simplified(_opencc(config).convert(text))


# --- pinyin annotations ---------------------------------------------------------------------

_TONE_MARKS = {"a": "āáǎà", "e": "ēéěè", "i": "īíǐì", "o": "ōóǒò", "u": "ūúǔù", "ü": "ǖǘǚǜ"}


@lru_cache(maxsize=1)
def _syllables() -> tuple[str, ...]:
    """creditplan's toneless syllables that take a tone mark on a vowel (no m, ng, v, ê)."""
    table = resources.files("creditplan") / "data" / "pinyin_syllables.txt"
    lines = table.read_text(encoding="utf-8").splitlines()
    return tuple(sorted(s for s in (line.strip() for line in lines)
                        if s and not s.startswith("#") and "v" not in s and "ê" not in s
                        and any(v in s for v in _TONE_MARKS)))


def with_tone(syllable: str, tone: int) -> str:
    """Put tone ``tone`` (1–4) on the syllable's main vowel: a or e, the o of ou, else the last.

    >>> with_tone("guan", 1), with_tone("shui", 3), with_tone("lüe", 4), with_tone("zhou", 2)
    ('guān', 'shuǐ', 'lüè', 'zhóu')
    """
    if "a" in syllable or "e" in syllable:
        pos = syllable.index("a" if "a" in syllable else "e")
    elif "ou" in syllable:
        pos = syllable.index("o")
    else:
        pos = max(i for i, ch in enumerate(syllable) if ch in _TONE_MARKS)
    vowel = syllable[pos]
    return syllable[:pos] + _TONE_MARKS[vowel][tone - 1] + syllable[pos + 1:]


def reading_for(char: str) -> str:
    """A toned syllable for ``char``, the same every run (not its real reading)."""
    syllables = _syllables()
    code = ord(char)
    return with_tone(syllables[code % len(syllables)], 1 + code // len(syllables) % 4)


def make_pinyin(text: str) -> str:
    """Traditional script with a reading after every character that ``s2t`` changed: 關(guān).

    Readings alternate between ASCII and full-width brackets, as copies mix them.
    """
    traditional = make_traditional(text)
    assert len(traditional) == len(text), "s2t changed the length; annotate by alignment"
    pieces = []
    for old, new in zip(text, traditional):
        pieces.append(new)
        if new != old:
            reading = reading_for(new)
            pieces.append(f"({reading})" if ord(new) % 2 else f"（{reading}）")
    return "".join(pieces)


def count_changed(text: str) -> int:
    """How many characters ``s2t`` changes: the readings ``make_pinyin`` adds."""
    return sum(map(str.__ne__, text, make_traditional(text)))


# --- lines and spaces -----------------------------------------------------------------------


def make_lost_spaces(text: str) -> str:
    """``??`` before every non-empty line: an indent of full-width spaces lost in a codec."""
    return "\n".join("??" + line if line.strip() else line for line in text.split("\n"))


def count_lost_spaces_added(text: str) -> int:
    """How many lines ``make_lost_spaces`` gives a new run (a line that had one keeps one run)."""
    return sum(1 for line in text.split("\n") if line.strip() and not line.startswith("??"))


def make_crlf_nbsp(text: str) -> str:
    """Windows line ends, no-break spaces for every space, and a no-break indent on each line."""
    lines = [("\u00a0\u00a0" + line.replace(" ", "\u00a0")) if line.strip() else line
             for line in text.split("\n")]
    return "\r\n".join(lines)


def make_one_line(text: str, joiner: str = " ") -> str:
    """The whole text on one line, lines joined with ``joiner`` (a page scraped without breaks)."""
    return joiner.join(line for line in text.split("\n") if line.strip())


def make_one_line_tight(text: str) -> str:
    """The whole text on one line, lines joined with nothing."""
    return make_one_line(text, "")


# --- width ----------------------------------------------------------------------------------

_TO_FULL = str.maketrans("():;,!?", "（）：；，！？")
_TO_HALF = str.maketrans("（）：；，！？．０１２３４５６７８９", "():;,!?.0123456789")
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

# Numbered labels whose digits a full-width copy writes wide: 1. at a line or clause start,
# (1) anywhere. Other digits (years, counts) stay ASCII, as they do in such copies.
_LABEL = re.compile(r"(?m)(?:^|(?<=[\s?。;；]))(\d{1,2})\.(?!\d)|\((\d{1,2})\)")


def _wide_label(match: re.Match) -> str:
    if match.group(1) is not None:
        return match.group(1).translate(_FULL_DIGITS) + "．"
    return "(" + match.group(2).translate(_FULL_DIGITS) + ")"


def make_fullwidth(text: str) -> str:
    """ASCII ( ) : ; , ! ? as full-width forms, and the digits of numbered labels wide."""
    return _LABEL.sub(_wide_label, text).translate(_TO_FULL)


def make_halfwidth(text: str) -> str:
    """The reverse: full-width （）：；，！？．and digits as ASCII."""
    return text.translate(_TO_HALF)


# --- web pages ------------------------------------------------------------------------------

# Site furniture as copied from government pages: a navigation trail, a byline with date and
# view count, font-size and print widgets, a footer.
BOILERPLATE_TOP = (
    "首页 > 政务公开 > 通知公告",
    "发布时间:2022-09-26 10:30 来源:本站 浏览次数:1024",
    "【字号 大 中 小】【打印本页】【关闭窗口】",
)
BOILERPLATE_BOTTOM = (
    "【打印本页】【关闭窗口】",
    "版权所有:上海市人民政府办公厅 沪ICP备12345678号",
)


def make_boilerplate(text: str) -> str:
    """``BOILERPLATE_TOP`` lines before the notice and ``BOILERPLATE_BOTTOM`` lines after it."""
    return "\n".join((*BOILERPLATE_TOP, text.rstrip("\n"), *BOILERPLATE_BOTTOM)) + "\n"


# A page copied with its markup half-stripped: tags, entities, widgets one word per line.
WEB_TOP = (
    '<div class="position">当前位置:首页 &gt; 信息公开 &gt; 通知公告</div>',
    '<span class="time">发布时间:2022-09-26</span>&nbsp;&nbsp;<span>浏览次数:386</span>',
    "字号",
    "大",
    "中",
    "小",
)
WEB_BOTTOM = (
    '<div class="print">【打印本页】&nbsp;&nbsp;【关闭窗口】</div>',
    "版权所有 © 上海市人民政府 沪ICP备12345678号 技术支持:大汉网络",
    "| ||||",
)


def make_web_page(text: str) -> str:
    """``WEB_TOP`` lines, then each line indented with ``&nbsp;``, quotes as ``&ldquo;`` /
    ``&rdquo;``, a ``<span …>`` opened and a stray ``</span>`` closing it; then ``WEB_BOTTOM``."""
    body = []
    for line in text.rstrip("\n").split("\n"):
        if line.strip():
            line = line.replace("“", "&ldquo;").replace("”", "&rdquo;")
            line = ('&nbsp;&nbsp;&nbsp;&nbsp;<span style="font-family:仿宋_GB2312">'
                    + line + "</span>")
        body.append(line)
    return "\n".join((*WEB_TOP, *body, *WEB_BOTTOM)) + "\n"


# --- encodings ------------------------------------------------------------------------------


def make_utf8_bom(text: str) -> bytes:
    """UTF-8 with a byte-order mark (Windows Notepad)."""
    return text.encode("utf-8-sig")


def make_utf16(text: str) -> bytes:
    """UTF-16 little-endian with its byte-order mark (Python's and Windows' "Unicode")."""
    return text.encode("utf-16")


def make_utf16_be(text: str) -> bytes:
    """UTF-16 big-endian with its byte-order mark."""
    return b"\xfe\xff" + text.encode("utf-16-be")


def make_gb18030(text: str) -> bytes:
    """GB18030, the superset of GBK: every character encodes."""
    return text.encode("gb18030")


def make_big5(text: str) -> bytes:
    """Traditional text in Big5 (cp950), as Taiwan and Hong Kong sites save it.

    Written in Taiwan forms (OpenCC ``s2tw``): the forms ``s2t`` writes (爲, 衆) are not in
    Big5 at all, and a real Big5 file has 為, 眾. No-break spaces, which Big5 lacks, become
    spaces. Text with characters cp950 lacks (pinyin tone letters) is written in Big5-HKSCS,
    which has them.
    """
    traditional = _opencc("s2tw").convert(text).replace("\u00a0", " ")
    try:
        return traditional.encode("cp950")
    except UnicodeEncodeError:
        return traditional.encode("big5hkscs")


def big5_codec(text: str) -> str:
    """The codec ``make_big5`` used for ``text``: cp950, or big5hkscs when cp950 lacks a char."""
    traditional = _opencc("s2tw").convert(text).replace("\u00a0", " ")
    try:
        traditional.encode("cp950")
    except UnicodeEncodeError:
        return "big5hkscs"
    return "cp950"


def make_gbk_as_latin1(text: str) -> bytes:
    """Mojibake: GBK bytes read as Latin-1 (¹ØÓÚ for 关于), then saved as UTF-8."""
    return text.encode("gb18030").decode("latin-1").encode("utf-8")


# cp1252 leaves 0x81 0x8D 0x8F 0x90 0x9D undefined; decoders that do not fail show them as the
# Latin-1 code point (U+0081 …), as Windows and browsers do.
_CP1252 = tuple(bytes((b,)).decode("cp1252", errors="ignore") or chr(b) for b in range(256))


def make_utf8_as_cp1252(text: str) -> bytes:
    """Mojibake: UTF-8 bytes read as cp1252 (å…³äºŽ for 关于), then saved as UTF-8."""
    return "".join(_CP1252[b] for b in text.encode("utf-8")).encode("utf-8")


def count_non_ascii_lines(text: str) -> int:
    """Lines with a non-ASCII character: the lines a mojibake copy garbles."""
    return sum(1 for line in text.split("\n") if not line.isascii())
