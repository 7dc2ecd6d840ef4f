"""Forms met in a trial on notices the project had never seen (second trial, twelve notices).

Each test is a family of forms, written small: the inputs are the shape of real lines, not
copies of one notice.
"""

from __future__ import annotations

import pytest

from creditplan import parse_text
from creditplan.parsers.region import region_of as _region
from creditplan.parsers.responsibility import find_responsibility, parse_content


def units(found) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in found.units]


@pytest.mark.parametrize(("bracket", "expected"), [
    ("(省发展改革委、省司法厅牵头,省直有关单位配合;完成时限:2024年12月底)",
     [("省发展改革委", "lead"), ("省司法厅", "lead"), ("省直有关单位", "support")]),
    ("(省发展改革委负责;完成时限:2024年9月底)", [("省发展改革委", "responsible")]),
    ("(省高级人民法院、省人力资源社会保障厅;完成时限:长期坚持)",
     [("省高级人民法院", "responsible"), ("省人力资源社会保障厅", "responsible")]),
])
def test_units_before_a_deadline_label_in_one_bracket(bracket: str, expected) -> None:
    found = find_responsibility("推动条例审议。" + bracket)
    assert found is not None and units(found) == expected
    assert found.deadline and found.start == len("推动条例审议。")


def test_words_before_labels_that_are_no_units_are_no_responsibility() -> None:
    assert parse_content("试行;完成时限:2024年12月底") is None


@pytest.mark.parametrize("tail", ["完成时限:2025年12月底。", "\n完成时限:2025年12月底",
                                  "(完成时限:2025年12月底)"])
def test_a_role_sentence_followed_by_a_deadline_field(tail: str) -> None:
    text = "归集数据不少于3万条。县发展和改革局、县市场监督管理局负责。" + tail
    found = find_responsibility(text)
    if tail.startswith("("):     # a deadline alone in brackets is no responsibility of its own
        return
    assert found is not None
    assert units(found) == [("县发展和改革局", "responsible"), ("县市场监督管理局", "responsible")]
    assert found.deadline == "2025年12月底"
    assert text[:found.start] == "归集数据不少于3万条。"


def test_a_bracket_wrapped_over_lines_keeps_every_unit() -> None:
    notice = parse_text("一、健全制度\n(一)制定管理办法。(责任单位:市发改委、\n市司法局、市市场监管局)\n"
                        "(二)推进信用修复。(牵头单位:市发改委;配合单位:市\n市场监管局)\n")
    assert [[(u.name, u.role) for u in t.units] for t in notice.tasks] == [
        [("市发改委", "responsible"), ("市司法局", "responsible"), ("市市场监管局", "responsible")],
        [("市发改委", "lead"), ("市市场监管局", "support")]]
    assert [t.text for t in notice.tasks] == ["制定管理办法。", "推进信用修复。"]


@pytest.mark.parametrize("tail", ["等15个部门负责", "等十余个单位负责", "等相关单位负责"])
def test_a_counted_or_generic_tail_opens_the_list(tail: str) -> None:
    assert parse_content("县发展改革局" + tail)[:2] == (
        [parse_content("县发展改革局负责")[0][0]], True)


@pytest.mark.parametrize("separator", ["\t", "|"])
def test_table_headings_on_lines_of_their_own_stay_in_the_table(separator: str) -> None:
    rows = [["序号", "重点任务", "责任单位", "完成时限"], "一、完善信用制度",
            ["1", "推动出台配套制度。", "省发展改革委牵头,省司法厅配合", "2025年6月底"],
            ["2", "健全信用修复机制。", "省发展改革委、省市场监管局", "2025年12月底"],
            "二、加强信用监管", "(一)分级分类监管",
            ["3", "推行信用分级分类监管。", "省市场监管局", "长期坚持"]]
    text = "江西省2025年社会信用体系建设重点工作任务分工\n" + "\n".join(
        row if isinstance(row, str) else separator.join(row) for row in rows)
    notice = parse_text(text)
    assert [(t.section, t.index) for t in notice.tasks] == [(1, 1), (1, 2), (2, 3)]
    assert [s.title for s in notice.sections] == ["完善信用制度", "加强信用监管"]
    assert [(u.name, u.role) for u in notice.tasks[0].units] == [("省发展改革委", "lead"),
                                                                 ("省司法厅", "support")]
    assert notice.tasks[2].group == 1 and notice.tasks[2].deadline == "长期坚持"
    assert not notice.warnings and notice.coverage == 1.0


@pytest.mark.parametrize(("title", "region"), [
    ("黔南州2021年社会信用体系建设工作要点", "黔南州"),
    ("宁夏回族自治区盐池县2021年社会信用体系建设工作要点", "宁夏回族自治区盐池县"),
    ("杭州市西湖区社会信用体系建设工作要点", "杭州市西湖区"),
    ("合肥市创建全国城市信用监测工作要点", "合肥市"),
    ("苏州工业园区2020年信用工作要点", "苏州工业园区"),
    ("成都市推进长三角区域信用合作工作要点", "成都市"),
])
def test_region_takes_abbreviated_prefectures_and_lower_levels(title: str, region: str) -> None:
    assert _region(title, []) == region


@pytest.mark.parametrize("gap", ["\u3000", "\n"])
def test_bodies_side_by_side_above_the_notice_title_keep_their_order(gap: str) -> None:
    notice = parse_text(f"湖南省发展和改革委员会{gap}中国人民银行湖南省分行\n"
                        "关于印发《2024年湖南省社会信用体系建设工作要点》的通知\n"
                        "湘发改财金〔2024〕156号\n各市州发展改革委:\n现将工作要点印发给你们。\n"
                        "湖南省发展和改革委员会　　中国人民银行湖南省分行\n二〇二四年三月五日\n"
                        "2024年湖南省社会信用体系建设工作要点\n一、健全制度\n"
                        "(一)推动条例审议。(省发展改革委、省司法厅牵头)\n")
    assert notice.issuers == ["湖南省发展和改革委员会", "中国人民银行湖南省分行"]
    assert notice.issue_date == "2024-03-05" and notice.doc_number == "湘发改财金〔2024〕156号"
