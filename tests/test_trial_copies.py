"""Forms met in a trial on twelve unseen notices and their damaged and converted copies
(Taiwan and Hong Kong script, Big5, GBK, UTF-16, pinyin, lost spaces, byte shifts, mojibake,
HTML, flattened), read one by one and as a batch.

Each test is a family of forms, written small; damaged inputs are made by code from clean
lines, the way the damage happens.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import variants

from creditplan import InputError, parse_bytes, parse_text
from creditplan.normalize.byte_shift import repair_byte_shift
from creditplan.normalize.mojibake import repair_mojibake
from creditplan.normalize.script import converter

L, S, R = "lead", "support", "responsible"


def units(task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


def to_traditional(text: str) -> str:
    return converter("s2t").convert(text)


# -- labelled fields without a bracket -----------------------------------------------------------

@pytest.mark.parametrize(("fields", "expected"), [
    ("责任单位:州发展改革委,州大数据局。", [("州发展改革委", R), ("州大数据局", R)]),
    ("牵头单位:州发改委;配合单位:州财政局。", [("州发改委", L), ("州财政局", S)]),
    ("责任单位:州发改委;", [("州发改委", R)]),
])
def test_labels_closing_a_task_keep_their_full_stop(fields: str, expected) -> None:
    """The full stop after 责任单位:A,B。 closes the labels; the task keeps no second one."""
    notice = parse_text(f"一、主要任务\n1、建设平台。实现互联互通。{fields}\n2、开展评价。结果公开。\n")
    assert notice.tasks[0].text == "建设平台。实现互联互通。"
    assert units(notice.tasks[0]) == expected


# -- UTF-8 read as GBK: lost bytes are filled only with what the bytes allow ----------------------

MISREAD_LINES = [
    "2024年海淀区社会信用体系建设工作要点",
    "　　为深入贯彻落实《北京市社会信用条例》，持续优化营商环境，结合我区实际，制定本要点。",
    "　　（一）贯彻实施《北京市社会信用条例》，开展条例宣传解读，梳理本区信用管理措施清单。"
    "（区发展改革委牵头，各相关单位配合）",
    "　　（三）深化“信用+”应用场景建设，在中关村科学城推广“信易贷”“信易租”等服务。"
    "（中关村科学城管委会、区金融办牵头，区发展改革委配合）",
]


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_utf8_read_as_gbk_invents_no_character(codec: str) -> None:
    """淀 is E6 B7 80 and 0x80 begins no GBK character, so it is lost alone; 深 (E6 B7 B1), which
    the document uses, would have shown another character there: it must not fill the hole.
    Every character comes back as it was, or stays U+FFFD (and is reported)."""
    text = "\n".join(MISREAD_LINES)
    repaired = repair_mojibake(text.encode("utf-8").decode(codec, "replace")).text
    for line, back in zip(text.split("\n"), repaired.split("\n")):
        assert len(back) == len(line)
        wrong = [(a, b) for a, b in zip(line, back) if a != b and b != "\ufffd"]
        assert not wrong
        assert sum(a == b for a, b in zip(line, back)) >= 0.8 * len(line)


# -- bytes: UTF-16 without a byte-order mark, UTF-8 cut inside its last character ---------------

NOTICE = ("长沙市岳麓区2017年社会信用体系建设工作要点\n一、推进信用信息系统建设\n"
          "（1）建设区级信用信息共享平台，归集全区各部门信用信息。（责任单位：区发改局、区工信局）\n"
          "（2）推进统一社会信用代码转换工作，年底前转换率达到95%以上。（责任单位：区市场监管局）\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(codec: str) -> None:
    """Zero bytes (ASCII's high byte, 一's low byte) are no sign of binary data in UTF-16."""
    notice = parse_bytes(NOTICE.encode(codec))
    clean = parse_text(NOTICE)
    assert notice.encoding == codec
    assert [(t.text, units(t)) for t in notice.tasks] == [(t.text, units(t)) for t in clean.tasks]


def test_binary_data_with_zero_bytes_is_still_refused() -> None:
    noise = bytes((k * 7919) % 251 for k in range(4000))
    with pytest.raises(InputError, match="binary"):
        parse_bytes(noise)


@pytest.mark.parametrize("cut", [1, 2])
def test_utf8_cut_inside_its_last_character_stays_utf8(cut: int) -> None:
    """A short file cut inside a character strictly decodes as GB18030 mojibake (关于 as 鍏充簬);
    it is UTF-8 that ends early: read so, the lost end noted."""
    data = "关于印发信用工作要点".encode("utf-8")[:-cut]
    notice = parse_bytes(data)
    assert notice.encoding == "utf-8"
    assert "unrecoverable_text" in [w.code for w in notice.warnings]


# -- the caption above an attached table ---------------------------------------------------------

@pytest.mark.parametrize("caption", ["重点任务分工", "2025年社会信用体系建设重点工作任务分工",
                                     "重点任务分工表"])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_table_caption_is_the_tables_own(caption: str, gap: str) -> None:
    """附件 / a caption / the table: the caption is placed with the table, also without 表 and
    with a blank line after it (a copy with a blank line after every paragraph)."""
    rows = ["序号|重点任务|牵头单位|配合单位", "1|完善信用信息归集机制|市发展改革委|市数据局",
            "2|推进公共信用综合评价|市发展改革委|市市场监管局"]
    text = (f"乌鲁木齐市2025年社会信用体系建设工作要点\n一、加强信用基础建设\n"
            f"(一)完善信用信息归集机制。\n附件\n{caption}{gap}" + gap.join(rows) + "\n")
    notice = parse_text(text)
    assert [t.origin for t in notice.tasks] == ["clause", "table", "table"]
    assert not notice.warnings and notice.coverage == 1.0


# -- GBK byte shifts: a lead byte shown as ?, the bytes after it read one byte late ---------------

def lead_byte_lost(text: str, at: int) -> str | None:
    """``text`` as a copy shows it when the lead byte of its ``at``-th character became ``?``
    in GBK and the bytes were decoded again (a byte no character takes shown as ``?``)."""
    if not 0x4E00 <= ord(text[at]) <= 0x9FFF and text[at] not in "，。、；：（）“”" \
            or text[at] not in text.encode("gbk", "ignore").decode("gbk"):
        return None
    head = text[:at].encode("gbk")
    data = bytearray(text.encode("gbk"))
    data[len(head)] = ord("?")
    return data.decode("gbk", errors="replace").replace("\ufffd", "?")


# A long simplified sample with full-width marks, as most notices write them: the document is
# the evidence for the lost characters, and a real one is thousands of characters long.
SAMPLE = variants.make_fullwidth(
    (Path(__file__).resolve().parents[1] / "samples" / "shanghai-2023-work-points.txt")
    .read_text(encoding="utf-8"))
EVERY = 5  # damage every fifth character (all of them take a minute)


def damaged_copies(text: str, question_marks: int) -> list[tuple[int, str]]:
    """(where, copy) for every ``EVERY``-th character whose lost lead byte shows as this many
    question marks."""
    copies = []
    for at in range(0, len(text), EVERY):
        damaged = lead_byte_lost(text, at)
        if damaged is not None and damaged.count("?") - text.count("?") == question_marks:
            copies.append((at, damaged))
    return copies


def sort_repairs(text: str, copies: list[str]) -> tuple[int, int, int, int]:
    """(restored exactly, left as they are with a note, left without one, made something else).
    """
    restored = noted = silent = wrong = 0
    for _, damaged in copies:
        result = repair_byte_shift(damaged)
        if result.text == text:
            restored += 1
        elif result.text == damaged:
            assert [n.code for n in result.notes] in ([], ["damaged_text"]), damaged
            noted += bool(result.notes)
            silent += not result.notes
        else:
            wrong += 1
    return restored, noted, silent, wrong


def test_a_shift_in_simplified_text_is_restored_or_noted() -> None:
    """In GB2312 text no trail byte shows as a letter: the shift runs to a byte it cannot pair
    with and loses that trail byte too (``?锹肌?`` for 记录。). Each copy whose run is two
    characters or more is restored exactly, or left as it is with one damaged_text note; hardly
    any is left unnoted (its run may read as well as ordinary text) or made up."""
    copies = [(at, c) for at, c in damaged_copies(SAMPLE, 2)
              if regex.match(r"\?[^?\n]{2,}\?", c, pos=at)]
    restored, noted, silent, wrong = sort_repairs(SAMPLE, copies)
    assert restored >= 0.4 * len(copies)
    assert silent <= 0.01 * len(copies) and wrong <= 0.01 * len(copies)


def test_a_shift_over_marks_in_traditional_text_is_restored() -> None:
    """A shift that runs over full-width marks (，：；) to a letter is one run: re-aligned, the
    marks come back with the characters, and the lost character may itself be a mark."""
    text = to_traditional(SAMPLE)
    copies = []
    for at, damaged in damaged_copies(text, 1):
        run = regex.match(r"\?[^\x00-\x7f\s]{1,40}[A-Za-z](?![A-Za-z])", damaged, pos=at)
        if run and regex.search(r"[，：；（）]", text, pos=at, endpos=at + len(run.group())):
            copies.append((at, damaged))
    restored, noted, silent, wrong = sort_repairs(text, copies)
    assert restored >= 0.3 * len(copies)
    assert silent <= 0.01 * len(copies) and wrong <= 0.01 * len(copies)


@pytest.mark.parametrize("text", [
    "这样可行吗?请于3月28日前回复?",
    "是否纳入考核?各单位意见?",
    "什么?我们的工作要点?1.",
])
def test_question_marks_around_ordinary_text_are_no_shift(text: str) -> None:
    assert repair_byte_shift(text).text == text


# -- a page flattened to one line, with an attached table ----------------------------------------

FLAT_WITH_TABLE = " ".join([
    "武侯区2020年社会信用体系建设工作要点", "一、夯实信用建设基础",
    "(一)加强信用信息归集。全面归集行政许可、行政处罚等信用信息。",
    "(二)推进信用承诺制度。全面推行信用承诺制。",
    "附件", "武侯区2020年社会信用体系建设重点任务分工表", "序号|重点任务|牵头单位|配合单位",
    "1|加强信用信息归集|区发展改革局|区级各部门", "2|推进信用承诺制度|区行政审批局|各街道办事处"])


def test_a_flattened_page_ends_its_last_clause_at_the_attachment_marker() -> None:
    notice = parse_text(FLAT_WITH_TABLE)
    assert [t.text for t in notice.tasks if t.origin == "clause"] == [
        "加强信用信息归集。全面归集行政许可、行政处罚等信用信息。", "推进信用承诺制度。全面推行信用承诺制。"]
    assert notice.tasks[1].title == "推进信用承诺制度"


def test_a_table_whose_rows_ran_onto_its_header_line_is_reported() -> None:
    """The rows cannot be read, but they are not dropped without a word."""
    notice = parse_text(FLAT_WITH_TABLE)
    assert "unplaced_table_row" in [w.code for w in notice.warnings]


# -- places below a county sharing one body ------------------------------------------------------

@pytest.mark.parametrize(("names", "expected"), [
    ("福田街道、南园街道、园岭街道办事处", ["福田街道办事处", "南园街道办事处", "园岭街道办事处"]),
    ("温泉镇、苏家坨镇人民政府", ["温泉镇人民政府", "苏家坨镇人民政府"]),
    ("城关镇、东城街道办事处", ["城关镇", "东城街道办事处"]),     # two levels: each its own body
    ("学院路街道、海淀街道、温泉镇", ["学院路街道", "海淀街道", "温泉镇"]),   # no shared body
])
def test_subdistricts_and_towns_sharing_one_body_are_expanded(names: str, expected) -> None:
    task = parse_text(f"一、推进街镇信用建设\n(一)开展诚信街道创建。({names}负责)\n").tasks[0]
    assert [u.name for u in task.units] == expected


def test_a_lost_quote_is_told_by_its_unmatched_other_half() -> None:
    """开通“信用天津”网站 lost the lead byte of “ (A1 B0): 前 (C7 B0) ends in the same byte and
    the document uses it, “ nowhere else; but the ” after it closes a quote nothing opened."""
    text = to_traditional("完成时限:2016年6月底前。\n4.开通“信用天津”网站,提供信用信息查询服务。\n")
    damaged = lead_byte_lost(text, text.index("“"))
    assert damaged != text
    assert repair_byte_shift(damaged).text == text


def test_a_shift_to_a_line_end_without_support_is_noted() -> None:
    """条例草案。 at a line end, in a short text that says 案 nowhere else: neither the run nor
    its re-aligned reading reads like the text, so it is left, and said."""
    text = "一、完善制度\n(一)推进信用立法。开展立法调研,形成条例草案。\n牵头单位:自治区发展改革委\n"
    damaged = lead_byte_lost(text, text.index("草"))
    result = repair_byte_shift(damaged)
    assert result.text in (text, damaged)
    assert result.text == text or [n.code for n in result.notes] == ["damaged_text"]


# -- units one a line in a table cell, joined by spaces -------------------------------------------

@pytest.mark.parametrize(("cell", "expected"), [
    ("市发改委 市财政局", [("市发改委", R), ("市财政局", R)]),
    ("市发改委(牵头) 市市场监管局", [("市发改委", L), ("市市场监管局", R)]),
    ("市发改委牵头 市财政局配合", [("市发改委", L), ("市财政局", S)]),
    ("上海市 发展改革委", [("上海市发展改革委", R)]),         # a name wrapped after its place
    ("市发改委 等相关部门", [("市发改委", R)]),
])
def test_units_a_line_each_in_a_cell_are_apart(cell: str, expected) -> None:
    """A cell that gave each unit a line of its own reads 市发改委 市财政局 once its lines are
    joined: a space between whole names parts them; one inside a name does not."""
    notice = parse_text(f"序号|工作任务|责任单位|完成时限\n1|制定管理办法。|{cell}|2023年底前\n")
    assert units(notice.tasks[0]) == expected


# -- the cover: small-form brackets, a signature date spaced out -----------------------------------

COVER = ("湖北省社会信用体系建设领导小组办公室文件\n鄂信用办〔2023〕2号\n"
         "关于印发《2023年湖北省社会信用体系建设工作要点》的通知\n各市、州、县人民政府:\n"
         "现将工作要点印发给你们。\n湖北省社会信用体系建设领导小组办公室\n2023年3月10日\n"
         "2023年湖北省社会信用体系建设工作要点\n一、健全制度\n1.推动条例修订。(省发展改革委牵头)\n")


@pytest.mark.parametrize("number", ["鄂信用办﹝2023﹞2号", "鄂信用办︹2023︺2号"])
def test_small_and_vertical_form_brackets_are_the_marks_they_draw(number: str) -> None:
    notice = parse_text(COVER.replace("鄂信用办〔2023〕2号", number))
    assert notice.doc_number == "鄂信用办〔2023〕2号" and not notice.warnings


@pytest.mark.parametrize("date", ["2023年 3月 10日", "2023 年 3 月 10 日", "二〇二三年 三月 十日"])
def test_a_signature_date_spaced_out_is_read(date: str) -> None:
    notice = parse_text(COVER.replace("2023年3月10日", date))
    assert notice.issue_date == "2023-03-10"
    assert notice.issuers == ["湖北省社会信用体系建设领导小组办公室"] and not notice.warnings


# -- a deadline sentence after the responsibility's bracket ---------------------------------------

@pytest.mark.parametrize(("tail", "deadline"), [
    ("(市发改委负责)2023年6月底前完成。", "2023年6月底前完成"),
    ("(责任单位:市发改委)长期坚持。", "长期坚持"),
    ("(市发改委牵头,市财政局配合)持续推进", "持续推进"),
])
def test_a_bare_deadline_after_the_responsibility_bracket_is_its_deadline(tail, deadline) -> None:
    task = parse_text(f"一、完善制度\n(一)制定办法。\n(二)开展诚信宣传。{tail}\n").tasks[1]
    assert task.text == "开展诚信宣传。" and task.deadline == deadline
    assert task.units and task.units[0].name == "市发改委"


def test_a_deadline_without_a_responsibility_stays_the_tasks_words() -> None:
    task = parse_text("一、完善制度\n(一)制定办法。\n(二)修订《管理办法(试行)》,2023年底前完成。\n").tasks[1]
    assert task.text == "修订《管理办法(试行)》,2023年底前完成。" and not task.units


@pytest.mark.parametrize("separator", ["|", "\t"])
def test_a_serial_number_in_brackets_is_a_rows_number(separator: str) -> None:
    rows = [["序号", "工作任务", "责任单位"], ["(1)", "制定管理办法。", "市发改委"],
            ["(2)", "推进信用修复。", "市市场监管局"]]
    notice = parse_text("\n".join(separator.join(row) for row in rows) + "\n")
    assert [(t.index, t.text) for t in notice.tasks] == [(1, "制定管理办法。"), (2, "推进信用修复。")]
    assert not notice.warnings
