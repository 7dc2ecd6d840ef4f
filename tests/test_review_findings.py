"""Defects a fresh-eyes review of the trial merges found, each kept fixed by a test."""

from __future__ import annotations

import pytest

from creditplan import parse_text


def test_tasks_come_in_document_order_when_a_table_stands_before_clauses() -> None:
    notice = parse_text("一、重点任务\n序号|工作任务|责任单位\n1|建立信用制度。|市发改委\n2|推进信用修复。|市司法局\n"
                        "二、保障措施\n(一)加强组织领导。(责任单位:各区政府)\n")
    assert [(t.origin, t.line) for t in notice.tasks] == [("table", 3), ("table", 4), ("clause", 6)]


def test_a_run_of_deadline_fields_ends_in_one_task_without_error() -> None:
    notice = parse_text("一、总则\n(一)建立制度。" + "时限:2025年;" * 1200)
    assert len(notice.tasks) == 1 and notice.tasks[0].text.startswith("建立制度。时限")


def test_a_responsibility_before_one_deadline_field_still_gives_it() -> None:
    notice = parse_text("一、总则\n(一)建立制度。市发改委负责。完成时限:2025年底。")
    assert [(u.name, u.role) for u in notice.tasks[0].units] == [("市发改委", "responsible")]
    assert notice.tasks[0].deadline == "2025年底"


def test_a_unit_list_wrapped_after_its_separator_is_no_signature_and_goes_on() -> None:
    """A PDF copy breaks 责任单位:… after a 、: the next line of agency names is the rest of
    the list, not a signature (no date follows it)."""
    notice = parse_text("一、总则\n(一)建立制度。\n责任单位:市发改委、市财政局、\n市商务局、市市场监管局\n"
                        "(二)推进修复。(责任单位:市司法局)\n")
    first = notice.tasks[0]
    assert first.text == "建立制度。"
    assert [u.name for u in first.units] == ["市发改委", "市财政局", "市商务局", "市市场监管局"]


def test_signing_bodies_on_the_lines_above_a_date_end_the_last_task() -> None:
    notice = parse_text("一、总则\n(一)建立制度。(责任单位:市发改委)\n某市发展和改革委员会\n某市财政局\n"
                        "2023年3月1日\n")
    assert notice.tasks[0].text == "建立制度。"
    assert notice.issuers == ["某市发展和改革委员会", "某市财政局"]
    assert notice.issue_date == "2023-03-01" and not notice.warnings


def test_list_items_with_a_tab_after_their_number_after_a_table_are_clauses() -> None:
    """Word's plain-text export puts a tab after every list number: 二、⇥保障措施 after a table
    is the next section, not the rest of the table's last row."""
    notice = parse_text("一、\t重点任务\n序号\t工作任务\t责任单位\n1\t建立信用制度。\t市发改委\n二、\t保障措施\n"
                        "(一)\t加强组织领导。(责任单位:各区政府)\n")
    assert [s.title for s in notice.sections] == ["重点任务", "保障措施"]
    assert [(t.origin, t.path, t.text) for t in notice.tasks] == [
        ("table", [1, 1], "建立信用制度。"), ("clause", [2, 1], "加强组织领导。")]
    assert not notice.warnings


def test_a_table_after_the_last_section_is_in_no_section() -> None:
    notice = parse_text("一、总则\n(一)建立制度。(责任单位:市发改委)\n附件\n任务分工表\n序号|工作任务|责任单位\n"
                        "1|建立信用制度。|市发改委\n")
    assert [(t.origin, t.section) for t in notice.tasks] == [("clause", 1), ("table", None)]


def test_cells_beside_page_numbers_in_a_table_written_one_cell_a_line_are_kept() -> None:
    """The last cells of a row may stand just above a page number on several pages; they are
    the table's, not a running head (the text uses them more often elsewhere)."""
    rows = []
    for index in range(1, 7):
        rows += [str(index), f"任务{index}内容。", "市发改委", "2023年底"]
        if index in (2, 4):
            rows.append(f"- {index // 2} -")
    notice = parse_text("2023年某市社会信用体系建设重点任务清单\n序号\n工作任务\n责任单位\n完成时限\n"
                        + "\n".join(rows) + "\n")
    assert [(t.index, [u.name for u in t.units], t.deadline) for t in notice.tasks] == [
        (index, ["市发改委"], "2023年底") for index in range(1, 7)]


@pytest.mark.parametrize(("bracket", "expected"), [
    ("(市财政局牵头,市发改委协同)", [("市财政局", "lead"), ("市发改委", "support")]),
    ("(市发改委主办,市财政局协办)", [("市发改委", "lead"), ("市财政局", "support")]),
    ("(此项工作由市发改委牵头)", [("市发改委", "lead")]),
    ("(该项任务由各区政府负责)", [("各区政府", "responsible")]),
    ("(责任单位:市自由贸易区管委会)", [("市自由贸易区管委会", "responsible")]),   # 由 inside a name
])
def test_role_words_are_known_alike_in_every_form(bracket: str, expected) -> None:
    notice = parse_text("一、总则\n(一)建立制度。" + bracket)
    assert [(u.name, u.role) for u in notice.tasks[0].units] == expected
    assert notice.tasks[0].text == "建立制度。"


@pytest.mark.parametrize("tail", ["附件:1.任务分工表\n2.联系人名单\n", "附件\n1.任务分工表\n2.联系人名单\n",
                                  "附件1:任务分工表\n"])
def test_the_numbers_of_a_list_of_attachments_are_no_tasks(tail: str) -> None:
    notice = parse_text("一、总则\n(一)建立制度。(责任单位:市发改委)\n" + tail)
    assert [(t.path, t.text) for t in notice.tasks] == [([1, 1], "建立制度。")]
    assert not notice.groups and not notice.warnings and notice.coverage == 1.0


def test_a_column_no_field_holds_goes_to_the_note_not_away() -> None:
    notice = parse_text("某市2021年信用重点任务分工表\n序号|工作任务|工作目标|责任单位|完成时限|备注\n"
                        "1|建立信用制度。|年底前出台办法|市发改委|2021年底|\n"
                        "2|推进信用修复。|修复率达到90%|市司法局|2021年6月|另行通知\n")
    assert [(t.text, t.deadline, t.note) for t in notice.tasks] == [
        ("建立信用制度。", "2021年底", "工作目标:年底前出台办法"),
        ("推进信用修复。", "2021年6月", "另行通知; 工作目标:修复率达到90%")]
