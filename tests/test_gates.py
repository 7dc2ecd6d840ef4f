"""The cheap gates of the normalization steps: each must let through every text its step changes.

A step first looks for what its repair needs (a colon, a space beside another, a bracket and a
letter …) and tries its full pattern only there. These tests check, on generated text made of
the pieces the patterns care about, that the gate finds every place the full pattern matches,
so that a gate can only ever save time, never change a result.
"""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import variants
from creditplan.normalize import boilerplate, byte_shift, damage, flat_furniture, pinyin, script, width
from creditplan.normalize.edits import Deletions, OffsetMap, delete_spans, matches_at

PIECES = [
    " ", "  ", "\n", "\u3000", "\t", "《", "》", "“", "”", "(", ")", "[", "]", "【", "】", "「", "」",
    "|", "｜", ":", "：", "/", ">", "-", "—", ".", "=", "*", "·", "©", "第", "3", "页", "甲", "乙",
    "发表", "發表", "发布", "發佈", "来源", "信息来源", "信息來源", "作者", "编辑", "更新", "时间",
    "時間", "日期", "浏览", "瀏覽", "点击", "次数", "量", "人", "次", "2023-01-02", "10:11",
    "扫一扫在手机打开", "掃一掃在手機打開", "当前页", "首页", "当前位置", "上一篇", "版权所有",
    "Copyright", "ICP备", "技术支持", "联系我们", "主办单位", "网站", "字号", "大", "中", "小", "默认",
    "打印", "【打印】", "关闭窗口", "返回顶部", "TOP", "繁體", "简体", "扫一扫", "微信",
    # whole furniture, so that short lines often are some
    "第3页", "第 3 页 共 10 页", "- 3 -", "— 12 —", "----", "字号 大 中 小", "【打印】【关闭】",
    "发表:市政府", "浏览:12", "首页 > 通知", "当前位置:首页", "上一篇:通知", "版权所有 ©2023",
    "主办单位:某市网站", "打印本頁", "關閉窗口", "版權所有", "各有关单位:", "當前位置:首頁", "首页/通知",
    "发布时间:2023-01-02", "字号:大 中 小", "承辦單位:某網", "來源:", "瀏覽次數:3",
    "主办:某市政府 承办:某中心", "主辦:某市 協辦:某局", " 运维:某公司",
]
piece_text = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
# Short lines: furniture is a whole line, so a line must be little more than one widget.
piece_lines = st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5).map("".join),
                       max_size=8).map("\n".join)
GATE = settings(max_examples=600, deadline=None)


def _starts(pattern, text):
    return [match.span() for match in pattern.finditer(text)]


@GATE
@given(text=piece_lines, traditional=st.booleans())
@example(text="打印|关闭\n【打印】 | 【关闭】\n字号 大 中 小\n｜\n | | \n第 3 页\n——12——\n·····",
         traditional=False)
@example(text="版权所有 ©2023 某市人民政府\n首页>通知公告\n上一篇:无\n发表:市政府 浏览:12\n打印/关闭",
         traditional=False)
@example(text="版權所有\n關閉窗口\n網站地圖\n聯繫我們\n【打印】【關閉】", traditional=False)
def test_every_furniture_line_passes_the_screen(text: str, traditional: bool) -> None:
    """In its own script or in simplified script, as ``drop_furniture_lines`` tries lines."""
    if traditional:
        text = variants.make_traditional(text)
    lines = text.split("\n")
    simplified = variants.make_simplified(text).split("\n")
    furniture_line, size_only = boilerplate._FURNITURE_LINE, boilerplate.SIZE_ONLY
    furniture = {i for i, (line, simple) in enumerate(zip(lines, simplified))
                 if furniture_line.fullmatch(line) or size_only.fullmatch(line)
                 or furniture_line.fullmatch(simple)}
    assert furniture <= boilerplate._screened(lines)


def test_the_furniture_of_the_web_copies_passes_the_screen() -> None:
    lines = [line for block in (variants.WEB_TOP, variants.WEB_BOTTOM, variants.BOILERPLATE_TOP,
                                variants.BOILERPLATE_BOTTOM) for line in block]
    for line in lines:
        for form in (line, variants.make_traditional(line)):
            if boilerplate._FURNITURE_LINE.fullmatch(variants.make_simplified(form)):
                assert boilerplate._screened([form]) == {0}, form


def test_the_screens_know_every_character_t2s_makes_into_one_of_theirs() -> None:
    """Every code point goes through OpenCC t2s: whatever turns into a character the furniture
    screens look for must be one of its traditional forms, or a traditional line would be
    screened out before its simplified form is tried."""
    watched = set("".join(boilerplate._FOOTER_WORDS + boilerplate._FIELDS) + "主承办单位首页"
                  + boilerplate._WIDGET_WORD_CHARACTERS + ":：>＞»›/©-—–－=_*·.|｜ [【(]】)第")
    points = [chr(c) for c in range(0x20, 0x30000) if not 0xD800 <= c <= 0xDFFF and c != 0x0A]
    converted = variants.make_simplified("\n".join(points)).split("\n")
    assert len(converted) == len(points)
    missing = {(made, point) for point, simple in zip(points, converted) if simple != point
               for made in simple if made in watched
               and point not in boilerplate._TRADITIONAL_FORMS.get(made, "")}
    assert not missing


@GATE
@given(text=piece_text)
def test_byline_starts_hold_every_byline(text: str) -> None:
    found = matches_at(boilerplate.INLINE_BYLINE, text, boilerplate._byline_starts(text))
    assert [m.span() for m in found] == _starts(boilerplate.INLINE_BYLINE, text)


@GATE
@given(text=st.lists(st.sampled_from(["首页", "首頁", "首", ">", " > ", "›", " ", "  ", ":", " : ", "当前位置",
                                      "您现在的位置", "所在位置", "政务公开", "通知", "。", "甲"]),
                     max_size=25).map("".join))
@example(text="当前位置 : 首页 > 通知 首页>公开")
def test_trail_starts_hold_every_flat_trail(text: str) -> None:
    assert flat_furniture._trail_spans(text) == _starts(flat_furniture.FLAT_TRAIL, text)


def test_an_update_timestamp_in_a_line_goes_whatever_else_the_text_holds() -> None:
    """The byline pattern names 更新日期: with a date; it once went only when another byline
    word (发布, 浏览 …) stood somewhere in the text, as a gate searched for those first."""
    for before in ("通知", "通知 发布会"):
        text = f"{before} 更新日期:2023-05-01 一、总则"
        assert boilerplate.drop_inline_bylines(text).text == f"{before}  一、总则"
    assert boilerplate.drop_inline_bylines("请及时更新日期:见附件").count == 0


@GATE
@given(text=piece_text)
def test_messy_space_signs_hold_every_messy_run(text: str) -> None:
    """The runs tidy_spaces removes are those one regex (as it was before its gate) finds."""
    one = regex.compile(r"(?<=\n|^)[ ]+|[ ]+(?=\n|$)|(?<=[ ])[ ]+|(?<=[《“‘(\[【〔「『])[ ]+"
                        r"|[ ]+(?=[》”’)\]】〕」』])")
    messy = _starts(one, text)
    result = width.tidy_spaces(text)
    assert [(start, end) for start, end, _ in result.edits] == messy


@GATE
@given(text=st.lists(st.sampled_from(["關", "E", "(", "（", ")", "）", "guān", "a", "men", "1",
                                      "\u0304", " ", "\n", "區", "qū", "(guan1)", "(a)"]),
                     max_size=30).map("".join))
def test_annotations_are_the_ones_the_one_pattern_finds(text: str) -> None:
    """The two literal-led patterns and the Han check find what one pattern with a lookbehind
    finds: a reading right after a Han character or after its other readings."""
    letters = f"a-zêü{pinyin._TONED_LETTERS}"
    one = regex.compile(
        rf"[(（](?<=\p{{Han}}(?:[(（][{letters}\u0300-\u030c]{{1,8}}[1-5]?[)）]){{0,2}}.)"
        rf"([{letters}][{letters}\u0300-\u030c]{{0,7}})([1-5])?[)）]")
    sure, maybe = [], []
    for match in one.finditer(text):
        kind = pinyin.classify(*match.groups())
        if kind:
            (sure if kind == "sure" else maybe).append(match.span())
    starts = [start for start, _ in sure]
    dense = [span for span in maybe
             if pinyin.sure_on_line(text, span[0], starts) >= pinyin.DENSE_LINE]
    assert pinyin.find_annotations(text) == sorted(sure + dense)


# Characters on either side of the lanes' edges: a top bit set (U+8000 and over), all ones
# below it (U+7FFF), all ones (U+FFFF), beyond the BMP (two UTF-16 units), ASCII.
LANE_EDGES = st.sampled_from(["a", "關", "关", "\u7fff", "\u8000", "\uffff", "\U0002000b", "𠀋"])


@GATE
@given(pairs=st.lists(st.tuples(LANE_EDGES, LANE_EDGES), max_size=40))
def test_changed_characters_are_counted_as_one_by_one(pairs: list[tuple[str, str]]) -> None:
    """count_changed, on whole strings at once, counts what a character-by-character walk does."""
    old, new = "".join(a for a, _ in pairs), "".join(b for _, b in pairs)
    assert script.count_changed(old, new) == sum(a != b for a, b in pairs)


ANNOTATED = st.lists(st.sampled_from(["關", "于", "區", "(guān)", "(yú)", "(men)", "(qū)", "(guan1)",
                                      "(a)", "(e)", "(beijing)", "(上海)", "E", "(", ")", "）",
                                      "（", "（fā）", "\n", " ", "𠀋"]),
                     max_size=30).map("".join)


@GATE
@given(text=ANNOTATED)
@example(text="關(guān)于(yú)區(qū)")
def test_one_split_strips_what_reading_by_reading_strips(text: str) -> None:
    """The split of the usual annotated copy gives the text, edits and offsets that judging
    each reading (find_annotations, delete_spans) gives."""
    result = pinyin.strip_pinyin_annotations(text)
    expected = delete_spans(text, pinyin.find_annotations(text))
    assert (result.text, list(result.edits), result.count) == \
        (expected.text, list(expected.edits), expected.count)
    fast, slow = OffsetMap(text), OffsetMap(text)
    fast.push(result.edits)
    slow.push(list(expected.edits))
    assert [fast.to_input(pos) for pos in range(len(result.text) + 1)] == \
        [slow.to_input(pos) for pos in range(len(result.text) + 1)]


def test_the_usual_annotated_copy_is_stripped_in_one_split() -> None:
    assert isinstance(pinyin.strip_pinyin_annotations("關(guān)于(yú)").edits, Deletions)
    assert not isinstance(pinyin.strip_pinyin_annotations("關(guān)于(a)").edits, Deletions)


@GATE
@given(text=st.text(st.sampled_from("，：；（）！？％\u3000　Ａ１．﹝﹞\u00a0\u2003\v甲a ,")))
def test_width_folds_each_character_as_its_table_says(text: str) -> None:
    """Folding the usual marks kind by kind and the rest by one scan is the table, character
    by character, with every folded character counted."""
    folded = [width._FOLD.get(char, char) for char in text]
    result = width.fold_width(text)
    assert (result.text, result.count) == ("".join(folded), sum(map(str.__ne__, text, folded)))


# The damage patterns as they were written before their question marks were led by a literal:
# every alternative with its own lookbehinds and its own class of both marks.
LOST_SPACES_AS_WRITTEN = regex.compile(
    r"(?P<indent>(?<=^[\ \t\u3000\u00a0\u2000-\u200a\u202f?？]{0,40})[?？]{2,})"
    r"|(?<=[。；：，、！）」』”】〉》);:,!\]])[?？]{2,}"
    r"|(?<=[\ \u3000\u00a0])[?？]{2,}(?=[^\x00-\x7f]|\d)"
    r"|(?<=\p{Han})(?<![吗呢么嘛吧啊嗎麼])[?？]{2,}(?=[\p{L}\p{N}（《“「【])"
    r"|(?<=[\p{N}\p{Latin}])[?？]{2,}(?=[\p{Han}（《“「【])", regex.MULTILINE)
BYTE_SHIFT_AS_WRITTEN = regex.compile(
    r"[?？](?P<reading>[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）])?"
    r"(?P<run>[^\x00-\x7f\s]{1,40}[A-Za-z])(?![A-Za-z])"
    r"|[?？](?P<to_ascii>[^\x00-\x7f\s?]{2,40})\?")
DAMAGED = st.lists(st.sampled_from(["?", "？", "??", "???", "甲", "吗", "。", ",", " ", "\u3000", "\n",
                                    "a", "G60", "1", "qū)", "嶓w", "锹肌", "(", "《"]),
                   max_size=25).map("".join)


@GATE
@given(text=DAMAGED)
@example(text="??一、总则\n工作。??二、G60??科创 真的吗??好")
@example(text="區域?qū)嶓w經濟?锹肌?")
def test_damage_patterns_led_by_their_marks_match_as_written(text: str) -> None:
    mark = damage.question_marks(text)
    for pattern, written, group in ((damage.LOST_SPACES[mark], LOST_SPACES_AS_WRITTEN, "indent"),
                                    (byte_shift.BYTE_SHIFT[mark], BYTE_SHIFT_AS_WRITTEN, "to_ascii")):
        assert [(m.span(), m.group(group) is None) for m in pattern.finditer(text)] == \
            [(m.span(), m.group(group) is None) for m in written.finditer(text)]
