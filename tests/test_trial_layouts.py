"""Forms met in a trial on unseen notices: copies extracted from PDF or Word, and
division-of-labour tables in text forms the samples do not show.

Each test is a family of forms, written small: the inputs have the shape of real lines (page
furniture, wrapped lines, cell layouts), not copies of one notice.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from creditplan import parse_text
from creditplan.normalize import normalize, pages
from creditplan.normalize.edits import matches_at
from creditplan.parsers import coverage

L, S, R = "lead", "support", "responsible"


def units(task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


def warned(notice, *codes: str) -> list:
    return [w for w in notice.warnings if not codes or w.code in codes]


# -- tables that lost their borders ------------------------------------------------------------

@pytest.mark.parametrize("header", ["序号工作任务责任单位时间进度", "序号 工作任务 责任单位 时间进度"])
def test_a_borderless_table_gives_no_warning_about_its_own_lines(header: str) -> None:
    notice = parse_text(f"某区2018年信用建设任务分工\n{header}\n"
                        "1 建立信用承诺制度。区发改委、区财政局2018年底前完成\n"
                        "2 制定联合奖惩措施清单。区市场监管局牵头,各街镇配合2018年6月底前\n")
    assert [t.index for t in notice.tasks] == [1, 2]
    assert not warned(notice) and notice.coverage == 1.0


LAYOUT_TABLE = """某市2015年社会信用体系建设工作任务分工

序号   工作任务                         牵头单位         配合单位              完成时限
1      建立市级公共信用信息数据库。     市发展改革委     市工业和信息化局      2015年12月
2      推进统一社会信用代码制度。       市质监局         市工商局、 市民政局   2015年底
3      开展诚信宣传周活动。             市委宣传部                             长期坚持
"""


def test_a_layout_copy_keeps_its_unit_columns_apart() -> None:
    """pdftotext -layout and PDF viewers keep a table's columns apart by runs of spaces."""
    notice = parse_text(LAYOUT_TABLE)
    assert [units(t) for t in notice.tasks] == [
        [("市发展改革委", L), ("市工业和信息化局", S)],
        [("市质监局", L), ("市工商局", S), ("市民政局", S)], [("市委宣传部", L)]]
    assert [t.deadline for t in notice.tasks] == ["2015年12月", "2015年底", "长期坚持"]
    assert not warned(notice)


def test_a_layout_row_whose_cells_wrap_is_kept_and_warned() -> None:
    text = LAYOUT_TABLE.replace("建立市级公共信用信息数据库。     市发展改革委",
                                "建立市级公共信用信息       市发展改革委").replace(
        "2015年12月\n", "2015年12月\n       数据库。\n")
    notice = parse_text(text)
    assert [t.index for t in notice.tasks] == [1, 2, 3]
    assert "数据库。" in notice.tasks[0].text
    assert {w.line for w in warned(notice)} == {4}
    assert any("wraps over lines" in w.message for w in warned(notice))


# -- running heads and feet of PDF and Word copies ---------------------------------------------

def _pages(head: str, foot: str, number) -> str:
    """A plan in three pages, each with ``head`` above and ``foot`` and a page number below;
    page 2 breaks inside a task's sentence."""
    pages = ["一、完善制度\n(一)建立信用承诺制度。推行承诺制,承诺内容纳入信用\n",
             "记录。(责任单位:区发改局、区市场监\n",
             "管局)\n二、强化应用\n(二)推广信易贷。(责任单位:区金融办)\n"]
    return "".join(f"{head}\n{page}{foot}{number(n)}\n\f" for n, page in enumerate(pages, 1))


@pytest.mark.parametrize("number", [lambda n: f"- {n} -", lambda n: f"— {n} —", lambda n: f"-{n}-",
                                    lambda n: f"—  {n}  —", lambda n: f"第 {n} 页 共 3 页",
                                    lambda n: f"共3页  第{n}页"])
@pytest.mark.parametrize(("head", "foot"), [
    ("2024年吴兴区社会信用体系建设工作要点", ""),          # the plan's title above every page
    ("吴兴区社会信用体系建设领导小组办公室", ""),          # the issuing office
    ("", "吴信用办〔2024〕2号\n"),                         # the number as a foot
])
def test_running_heads_beside_page_numbers_are_dropped(head: str, foot: str, number) -> None:
    cover = ("吴兴区社会信用体系建设领导小组办公室\n"
             "关于印发《2024年吴兴区社会信用体系建设工作要点》的通知\n"
             "吴信用办〔2024〕2号\n各有关单位:\n现将工作要点印发给你们。\n")
    notice = parse_text(cover + _pages(head, foot, number))
    assert [(t.path, t.text) for t in notice.tasks] == [
        ([1, 1], "建立信用承诺制度。推行承诺制,承诺内容纳入信用记录。"), ([2, 2], "推广信易贷。")]
    assert units(notice.tasks[0]) == [("区发改局", R), ("区市场监管局", R)]
    assert [s.title for s in notice.sections] == ["完善制度", "强化应用"]
    assert not warned(notice) and notice.coverage == 1.0


@pytest.mark.parametrize("last_line", ["(责任单位:区发改局)", "区发改局负责。", "(二)推广应用",
                                       "市发改委、市财政局"])
def test_a_task_line_repeated_beside_page_numbers_is_no_running_head(last_line: str) -> None:
    text = (f"一、完善制度\n(一)建立制度。\n{last_line}\n- 1 -\n"
            f"(三)推广应用。\n{last_line}\n- 2 -\n")
    assert normalize(text).text.count(last_line) == 2


# -- lines wrapped at the page's width ---------------------------------------------------------

@pytest.mark.parametrize("wrap", ["\n", "\n\n", " \n  "])
def test_a_heading_wrapped_at_the_page_width_is_one_title(wrap: str) -> None:
    text = (f"一、健全信用基础设施,推动公共信用信息归集共享和{wrap}开放应用\n"
            f"(一)推进信用信息归集共享和公开应用的制度{wrap}建设\n"
            "1.提升平台功能。迭代升级平台。(责任单位:区发改局)\n"
            "二、加强组织保障\n各部门要明确专人\n(二)压实责任。(责任单位:各部门)\n")
    notice = parse_text(text)
    assert [s.title for s in notice.sections] == [
        "健全信用基础设施,推动公共信用信息归集共享和开放应用", "加强组织保障"]
    assert [g.title for g in notice.groups] == ["推进信用信息归集共享和公开应用的制度建设"]
    assert notice.sections[1].text == "各部门要明确专人"   # a short heading is never wrapped
    assert [t.text for t in notice.tasks] == ["提升平台功能。迭代升级平台。", "压实责任。"]


# -- a document's own fields: 版记 and attachment markers --------------------------------------

@pytest.mark.parametrize("closing", [
    "抄送:市委各部门,市人大常委会办公室,市政协办公室,市法院,\n市检察院,徐州军分区。\n"
    "徐州市人民政府办公室 2019年4月3日印发\n",
    "抄送:市委办公室。\n\n遵义市人民政府办公室　　　　2016年5月13日印发",
    "主题词:社会信用 工作要点 通知\n抄送:省委各部门。\n二〇一四年七月三日印发\n",
])
@pytest.mark.parametrize("attachment", ["附件\n\n", "附件1\n", "附件:\n"])
def test_closing_fields_and_attachment_markers_are_placed(closing: str, attachment: str) -> None:
    text = ("关于印发某市2019年社会信用体系建设工作要点的通知\n各有关单位:\n现将工作要点印发给你们。\n"
            "附件:某市2019年社会信用体系建设工作要点\n某市人民政府办公室\n2019年4月2日\n(此件公开发布)\n"
            f"{attachment}某市2019年社会信用体系建设工作要点\n"
            "一、完善制度\n(一)建立制度。(责任单位:市发改委)\n" + closing)
    notice = parse_text(text)
    assert [(t.text, units(t)) for t in notice.tasks] == [("建立制度。", [("市发改委", R)])]
    assert "附件" not in notice.preamble and "公开发布" not in notice.preamble
    assert not warned(notice) and notice.coverage == 1.0


@pytest.mark.parametrize(("lines", "title"), [
    ("关于印发徐州市2019年社会信用体系建设\n工作要点的通知", "关于印发徐州市2019年社会信用体系建设工作要点的通知"),
    ("关于印发2024年吴兴区社会信用体系建设工\n作要点的通知", "关于印发2024年吴兴区社会信用体系建设工作要点的通知"),
    ("关于印发《南宁市2020年社会信用体系建设工作\n要点》的通知", "关于印发《南宁市2020年社会信用体系建设工作要点》的通知"),
    ("关于印发\n《南宁市2020年社会信用体系建设\n工作要点》的通知", "关于印发《南宁市2020年社会信用体系建设工作要点》的通知"),
])
def test_a_notice_title_wrapped_over_lines_is_one_title(lines: str, title: str) -> None:
    notice = parse_text(f"某市人民政府办公室文件\n某政办发〔2019〕35号\n某市人民政府办公室\n{lines}\n"
                        "各县(市)、区人民政府,徐州经济技术开发区、\n市各直属单位:\n现将工作要点印发给你们。\n"
                        "附件:工作任务分工表\n某市人民政府办公室\n2019年4月2日\n"
                        "一、完善制度\n(一)建立制度。(责任单位:市发改委)\n")
    assert notice.notice_title == title
    assert notice.title == title.removeprefix("关于印发").removesuffix("的通知").strip("《》")
    assert notice.issuers == ["某市人民政府办公室"] and notice.doc_number == "某政办发〔2019〕35号"
    assert notice.addressees == ["各县(市)、区人民政府", "徐州经济技术开发区", "市各直属单位"]
    assert not warned(notice)


def test_the_list_of_attachments_is_no_addressee() -> None:
    notice = parse_text("武汉市2023年社会信用体系建设工作要点\n为推进信用建设,制定本要点。\n"
                        "附件:武汉市2023年社会信用体系建设重点任务分工表\n"
                        "一、完善制度\n(一)建立制度。(责任单位:市发改委)\n")
    assert notice.addressees == [] and not warned(notice)


# -- division-of-labour tables in other text forms ---------------------------------------------

def _table(rows: list, separator: str = "|", edges: bool = True) -> str:
    def line(row):
        if isinstance(row, str):
            return row
        joined = f" {separator} ".join(row) if separator == "|" else separator.join(row)
        return f"| {joined} |" if edges and separator == "|" else joined
    return "某市2023年社会信用体系建设重点任务分工表\n" + "\n".join(map(line, rows)) + "\n"


@pytest.mark.parametrize("emphasis", ["**", "__"])
def test_markdown_section_rows_in_emphasis_are_sections(emphasis: str) -> None:
    text = _table([["序号", "工作任务", "牵头单位", "配合单位", "时间节点"],
                   "|:---:|:---|:---:|:---:|:---:|",
                   [f"{emphasis}一、夯实信用基础{emphasis}", "", "", "", ""],
                   ["1.", "升级信用平台。", "市发改委", "市数据局", "2023年9月"],
                   [f"{emphasis}二、强化信用监管{emphasis}", "", "", "", ""],
                   ["2.", "开展专项治理。", "市中级人民法院", "市公安局", "持续推进"]])
    notice = parse_text(text)
    assert [(s.index, s.title) for s in notice.sections] == [(1, "夯实信用基础"), (2, "强化信用监管")]
    assert [(t.section, t.path, t.deadline) for t in notice.tasks] == [
        (1, [1, 1], "2023年9月"), (2, [2, 2], "持续推进")]
    assert not warned(notice) and notice.coverage == 1.0


@pytest.mark.parametrize("separator", ["|", "\t"])
@pytest.mark.parametrize("header", [
    [["序号", "工作任务", "责任单位", "", "完成时限"], ["", "", "牵头单位", "配合单位", ""]],  # spanning cell
    [["序号", "工作", "牵头", "配合", "完成"], ["", "任务", "单位", "单位", "时限"]],          # wrapped words
])
def test_a_header_over_two_lines_names_its_columns(header: list, separator: str) -> None:
    text = _table(header + [["1", "制定配套实施细则。", "市发改委", "市法制局", "2018年10月"],
                            ["2", "开展诚信示范企业创建活动。", "市工商局", "", "2018年底"]], separator)
    notice = parse_text(text)
    assert [(t.index, units(t), t.deadline) for t in notice.tasks] == [
        (1, [("市发改委", L), ("市法制局", S)], "2018年10月"), (2, [("市工商局", L)], "2018年底")]
    assert not warned(notice) and notice.coverage == 1.0


@pytest.mark.parametrize("separator", ["|", "\t"])
def test_rows_numbered_in_chinese_numerals(separator: str) -> None:
    tasks = _table([["序号", "工作任务", "牵头单位", "完成时限"],
                    ["一", "制定配套实施细则。", "市发改委", "2018年10月"],
                    ["二", "建设信用平台二期。", "市信息中心", "2018年12月"]], separator)
    assert [(t.index, t.path, t.text) for t in parse_text(tasks).tasks] == [
        (1, [1], "制定配套实施细则。"), (2, [2], "建设信用平台二期。")]
    sectioned = _table([["序号", "工作任务", "牵头单位", "完成时限"],
                        ["一", "信用制度建设", "", ""],
                        ["1", "制定配套实施细则。", "市发改委", "2018年10月"],
                        ["二", "信用平台建设", "", ""],
                        ["2", "建设信用平台二期。", "市信息中心", "2018年12月"]], separator)
    notice = parse_text(sectioned)
    assert [(s.index, s.title) for s in notice.sections] == [(1, "信用制度建设"), (2, "信用平台建设")]
    assert [(t.section, t.index) for t in notice.tasks] == [(1, 1), (2, 2)]
    assert not warned(notice) and notice.coverage == 1.0


@pytest.mark.parametrize("separator", ["|", "\t"])
def test_cells_wrapped_onto_a_row_without_a_number_join_the_row_above(separator: str) -> None:
    text = _table([["序号", "工作任务", "责任单位", "完成时限", "备注"],
                   ["一、完善信用基础", "", "", "", ""], ["(一)健全制度", "", "", "", ""],
                   ["1", "制定《公共信用信息管理办法》,", "市发展改革委、", "2025年6月底", ""],
                   ["", "明确信用信息归集、共享和使用规则。", "市司法局", "", ""],
                   ["2", "推进平台对接,", "市大数据中心", "2025年", "重点"],
                   ["", "拓展信用查询应用场景。", "", "9月底", ""],
                   ["3", "推广信易贷。", "市金融办", "2025年12月底", ""],
                   ["", "", "人民银行赣州市分行", "", ""]], separator)
    notice = parse_text(text)
    assert [(t.path, t.text, units(t), t.deadline, t.note) for t in notice.tasks] == [
        ([1, 1, 1], "制定《公共信用信息管理办法》,明确信用信息归集、共享和使用规则。",
         [("市发展改革委", R), ("市司法局", R)], "2025年6月底", None),
        ([1, 1, 2], "推进平台对接,拓展信用查询应用场景。", [("市大数据中心", R)], "2025年9月底", "重点"),
        ([1, 1, 3], "推广信易贷。", [("市金融办", R), ("人民银行赣州市分行", R)], "2025年12月底", None)]
    assert not warned(notice) and notice.coverage == 1.0


def test_a_row_without_a_number_after_a_whole_sentence_is_still_warned() -> None:
    text = _table([["序号", "工作任务", "责任单位"], ["1", "制定管理办法。", "市发改委"],
                   ["", "开展诚信宣传。", "市委宣传部"]])
    notice = parse_text(text)
    assert [t.text for t in notice.tasks] == ["制定管理办法。"]
    assert "unplaced_table_row" in [w.code for w in warned(notice)]


VERTICAL_TABLE = """芜湖市2017年社会信用体系建设重点工作任务分工表
序号
工作任务
牵头单位
配合单位
完成时限
1
建立健全信用信息归集机制,实
现市直部门信用信息全覆盖。
市发改委
市经信委、市
财政局
2017年底
2
推进“双公示”信息在“信用芜湖”
网站及时公示。
市政务服务中心
市直各有关单
位
2017年6月
3
开展诚信“红黑名单”发布工作。
市发改委
人行芜湖市中
心支行
长期坚持
"""


@pytest.mark.parametrize("page_break", ["", "— 2 —\n序号\n工作任务\n牵头单位\n配合单位\n完成时限\n"])
def test_a_table_extracted_cell_by_cell_gives_its_rows(page_break: str) -> None:
    """pdftotext without -layout: each cell on lines of its own, wrapped in its column; the
    header repeated after a page break."""
    notice = parse_text(VERTICAL_TABLE.replace("网站及时公示。\n", "网站及时公示。\n" + page_break))
    assert [(t.index, t.text, units(t), t.deadline) for t in notice.tasks] == [
        (1, "建立健全信用信息归集机制,实现市直部门信用信息全覆盖。",
         [("市发改委", L), ("市经信委", S), ("市财政局", S)], "2017年底"),
        (2, "推进“双公示”信息在“信用芜湖”网站及时公示。",
         [("市政务服务中心", L), ("市直各有关单位", S)], "2017年6月"),
        (3, "开展诚信“红黑名单”发布工作。", [("市发改委", L), ("人行芜湖市中心支行", S)], "长期坚持")]
    assert notice.title == "芜湖市2017年社会信用体系建设重点工作任务分工表"
    assert not warned(notice) and notice.coverage == 1.0


def test_a_cell_by_cell_row_that_does_not_fit_its_columns_is_kept_and_warned() -> None:
    text = VERTICAL_TABLE.replace("市政务服务中心\n", "市政务服务中心\n市发改委\n")
    notice = parse_text(text)
    assert [t.index for t in notice.tasks] == [1, 2, 3]
    assert [(w.code, w.line) for w in warned(notice)] == [("vertical_table_row", 14)]
    assert [u.name for u in notice.tasks[1].units] == ["市政务服务中心", "市发改委", "市直各有关单位"]


# -- Word copies: a blank line after every paragraph; the signature after the plan -------------

@pytest.mark.parametrize("signature", [
    "广州市天河区社会信用体系建设领导小组办公室                2018年6月5日",
    "广州市天河区社会信用体系建设领导小组办公室\n\n2018年6月5日",
    "广州市天河区社会信用体系建设领导小组办公室\n二〇一八年六月五日",
])
def test_labelled_lines_apart_by_blank_lines_and_a_closing_signature(signature: str) -> None:
    text = ("广州市天河区2018年社会信用体系建设工作要点\n\n\n\n一、强化信用联合奖惩\n\n\n\n"
            "(1)落实联合奖惩备忘录,建立案例报送制度。\n\n\n\n牵头单位:区发展改革局\n\n\n\n"
            "配合单位:区法院、区市场监管局\n\n\n\n" + signature + "\n")
    notice = parse_text(text)
    assert [(t.text, units(t)) for t in notice.tasks] == [
        ("落实联合奖惩备忘录,建立案例报送制度。",
         [("区发展改革局", L), ("区法院", S), ("区市场监管局", S)])]
    assert notice.issuers == ["广州市天河区社会信用体系建设领导小组办公室"]
    assert notice.issue_date == "2018-06-05"
    assert not warned(notice) and notice.coverage == 1.0


@pytest.mark.parametrize("cell", ["牵头:市发改委;配合:市经信委、人行太原中心支行",
                                  "牵头单位:市发改委;配合:市经信委、人行太原中心支行"])
def test_a_cell_with_short_role_labels(cell: str) -> None:
    text = ("太原市2016年社会信用体系建设工作任务分工\n工作任务 | 责任单位 | 完成时限\n--- | --- | ---\n"
            f"建立市公共信用信息数据库。 | {cell} | 2016年12月\n建立企业信用档案。 | 市工商局 | 2016年底\n")
    notice = parse_text(text)
    assert [units(t) for t in notice.tasks] == [
        [("市发改委", L), ("市经信委", S), ("人行太原中心支行", S)], [("市工商局", R)]]
    assert not warned(notice)


def test_a_task_column_beside_a_measures_column_titles_each_row_or_groups_merged_rows() -> None:
    header = ["序号", "工作任务", "具体措施", "责任单位", "完成时限"]
    own = _table([header, ["1", "信用信息归集", "按目录归集数据。", "市发改委", "2020年12月"],
                  ["2", "信用承诺", "推行告知承诺制。", "市行政审批局", "2020年9月"]])
    notice = parse_text(own)
    assert [(t.path, t.group, t.title) for t in notice.tasks] == [
        ([1], None, "信用信息归集"), ([2], None, "信用承诺")]
    assert notice.groups == []
    merged = _table([header, ["1", "完善信用制度", "制定实施细则。", "市发改委", "2022年6月底"],
                     ["2", "", "修订修复办法。", "市发改委", "2022年9月底"],
                     ["3", "推进信用监管", "开展分级分类监管。", "市市场监管局", "2022年12月底"]])
    notice = parse_text(merged)
    assert [(t.path, t.group, t.title) for t in notice.tasks] == [
        ([1, 1], 1, None), ([1, 2], 1, None), ([2, 3], 2, None)]
    assert [g.title for g in notice.groups] == ["完善信用制度", "推进信用监管"]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_paragraphs_that_lost_their_numbers_are_tasks_in_order_and_warned(gap: str) -> None:
    """docx2txt drops Word's automatic numbering: the items are paragraphs, each with its own
    responsibility."""
    text = gap.join(["某区2020年社会信用体系建设工作要点", "一、加强信用制度建设",
                     "完善公共信用信息目录。(责任单位:区发改局)",
                     "推进信用修复。健全信用修复机制,\n优化流程。(责任单位:区发改局、区市场监管局)",
                     "二、强化应用", "(一)推广信易贷。(责任单位:区金融办)"]) + "\n"
    notice = parse_text(text)
    assert [(t.path, t.text, [u.name for u in t.units]) for t in notice.tasks] == [
        ([1, 1], "完善公共信用信息目录。", ["区发改局"]),
        ([1, 2], "推进信用修复。健全信用修复机制,优化流程。", ["区发改局", "区市场监管局"]),
        ([2, 1], "推广信易贷。", ["区金融办"])]
    assert notice.sections[0].text == ""
    assert [w.code for w in warned(notice)] == ["unnumbered_items"] and notice.coverage == 1.0


def test_a_section_with_one_paragraph_and_its_responsibility_is_still_one_task() -> None:
    notice = parse_text("一、加强组织领导\n各部门要明确专人负责。(责任单位:各部门)\n二、强化应用\n"
                        "(一)推广信易贷。(责任单位:区金融办)\n")
    assert [t.path for t in notice.tasks] == [[1], [2, 1]] and not warned(notice)


def test_a_wrap_inside_a_number_or_an_english_phrase() -> None:
    notice = parse_text("一、完善制度\n(一)按时报送率达到100\n%,全年归集数据12\n3万条,接入“信用中国”Credit\n"
                        "China网站。(责任单位:区发改局)\n")
    assert notice.tasks[0].text == "按时报送率达到100%,全年归集数据123万条,接入“信用中国”Credit China网站。"


@pytest.mark.parametrize("broken", ["middle", "last"])
def test_a_row_broken_by_a_cell_with_two_paragraphs(broken: str) -> None:
    """Word's plain-text export: a cell of two paragraphs breaks its row over two lines, the
    second holding the rest of that cell and the cells after it."""
    rows = ["类别\t序号\t工作任务\t牵头单位\t配合单位\t完成时限",
            "信用制度\t1\t制定信用承诺管理办法。\t区发改局\t区司法局\t2023年6月底前完成",
            "\t2\t建立信用修复协同机制。\t区发改局\t区市场监管局\n区税务局\t2023年9月底前完成",
            "信用应用\t1\t推广“信用+”应用场景。\t区发改局\t各街道\t2023年12月底前完成"]
    if broken == "last":
        rows = rows[:2] + rows[3:] + rows[2:3]
    notice = parse_text("某区2023年社会信用体系建设任务分工表\n" + "\n".join(rows) + "\n")
    row = next(t for t in notice.tasks if t.text == "建立信用修复协同机制。")
    assert units(row) == [("区发改局", L), ("区市场监管局", S), ("区税务局", S)]
    assert row.deadline == "2023年9月底前完成" and len(notice.tasks) == 3
    assert not warned(notice) and notice.coverage == 1.0


@pytest.mark.parametrize("page_break", ["— 5 —\n续表\n", "\n续表1\n", "(续表)\n", "| 续表 | | |\n",
                                        "— 5 —\n续表\n序号\t工作任务\t牵头单位\t完成时限\n"])
def test_a_table_going_on_after_a_continued_table_mark(page_break: str) -> None:
    text = ("某市2019年任务分工表\n序号\t工作任务\t牵头单位\t完成时限\n1\t建立制度。\t市发改委\t2019年底\n"
            f"2\t推进平台。\t市数据局\t2019年6月\n{page_break}3\t开展宣传。\t市委宣传部\t长期坚持\n")
    notice = parse_text(text)
    assert [t.index for t in notice.tasks] == [1, 2, 3]
    assert notice.groups == [] and not warned(notice) and notice.coverage == 1.0


def test_a_tab_after_each_list_number_is_a_list_not_a_table() -> None:
    """Word's plain-text export writes automatic numbers with a tab after them."""
    text = ("某区2021年社会信用体系建设工作要点\n一、\t完善信用制度\n(一)\t健全制度\n"
            "1.\t建立信用承诺制度。\t(责任单位:区发改局)\n2.\t推广信易贷。\t(责任单位:区金融办)\n")
    notice = parse_text(text)
    assert [s.title for s in notice.sections] == ["完善信用制度"]
    assert [g.title for g in notice.groups] == ["健全制度"]
    assert [(t.origin, t.path, t.text, units(t)) for t in notice.tasks] == [
        ("clause", [1, 1, 1], "建立信用承诺制度。", [("区发改局", R)]),
        ("clause", [1, 1, 2], "推广信易贷。", [("区金融办", R)])]
    assert not warned(notice)


# -- the shortcuts in front of the new patterns give what the patterns give -------------------

def _pieces(*words: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), max_size=14).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_pieces("\n", " ", "\f", "- ", "3", " -", "—", "第", "页", "共", "10", "甲", ","))
def test_page_numbers_found_at_their_line_starts_are_every_page_number(text: str) -> None:
    starts = [0] + [m.start() + 1 for m in pages._PAGE_NUMBER_START.finditer(text)]
    assert [m.span() for m in matches_at(pages.PAGE_NUMBER, text, starts)] == \
        [m.span() for m in pages.PAGE_NUMBER.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=_pieces("\n", "抄送", ":", "附件", "1", "主题词", "(此件公开发布)", "2019年4月3日", "印发",
                    "市政府办公室", " ", "。"))
def test_closing_fields_found_at_their_line_starts_are_every_closing_field(text: str) -> None:
    assert [m.span() for m in matches_at(coverage.CLOSING_FIELD, text, coverage._field_lines(text))] \
        == [m.span() for m in coverage.CLOSING_FIELD.finditer(text)]


def test_a_table_from_docx2txt_has_a_blank_line_after_every_cell() -> None:
    cells = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限",
             "1", "建立信用信息归集共享机制。", "市发展改革委", "市大数据局", "2020年12月",
             "2", "开展诚信宣传周活动。", "市委宣传部", "市文明办", "长期坚持"]
    notice = parse_text("贵阳市2020年社会信用体系建设任务分工表\n\n" + "\n\n".join(cells)
                        + "\n\n贵阳市社会信用体系建设领导小组办公室\n\n2020年3月2日\n")
    assert [(t.index, units(t), t.deadline) for t in notice.tasks] == [
        (1, [("市发展改革委", L), ("市大数据局", S)], "2020年12月"),
        (2, [("市委宣传部", L), ("市文明办", S)], "长期坚持")]
    assert notice.issue_date == "2020-03-02"
    assert not warned(notice) and notice.coverage == 1.0
