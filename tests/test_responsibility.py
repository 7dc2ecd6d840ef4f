"""Responsibility forms: each family from the issue, with the exact (name, role) list."""

import pytest

from creditplan import parse_text
from creditplan.parsers.responsibility import find_responsibility, parse_cell

L, S, R = "lead", "support", "responsible"


def units(text):
    found = find_responsibility(text)
    return None if found is None else [(u.name, u.role) for u in found.units]


@pytest.mark.parametrize("tail, expected", [
    ("(责任单位:市发改委、市法制办)", [("市发改委", R), ("市法制办", R)]),
    ("(责任部门:市财政局)", [("市财政局", R)]),
    ("(牵头单位:市发改委、人行合肥中支;配合单位:市公安局)",
     [("市发改委", L), ("人行合肥中支", L), ("市公安局", S)]),
    ("(牵头单位:市公安局;责任单位:市商务局)", [("市公安局", L), ("市商务局", R)]),
    ("(发展改革委、人民银行牵头负责,法制办参加)",
     [("发展改革委", L), ("人民银行", L), ("法制办", S)]),
    ("(市教育局负责)", [("市教育局", R)]),
    ("(市发改委、市财政局按照职责分工分别牵头负责,市审计局、市监察局参加)",
     [("市发改委", L), ("市财政局", L), ("市审计局", S), ("市监察局", S)]),
    ("(各有关部门按照职责分工分别负责)", [("各有关部门", R)]),
    ("〔省发展改革委、人行成都分行牵头,相关部门(单位)配合〕",
     [("省发展改革委", L), ("人行成都分行", L), ("相关部门(单位)", S)]),
    ("【牵头单位:市商务局;配合单位:市市场监管局】", [("市商务局", L), ("市市场监管局", S)]),
    ("[责任单位:市民政局]", [("市民政局", R)]),
    ("(责任单位:市直各单位,各县(市)区、开发区)",
     [("市直各单位", R), ("各县(市)区", R), ("开发区", R)]),
    ("(责任单位:各县(市、区)政府)", [("各县(市、区)政府", R)]),
    ("(责任单位:区发展改革委(金融办)、区经委)", [("区发展改革委(金融办)", R), ("区经委", R)]),
    ("(牵头单位:市公安局;配合单位:市委网信办、市中级人民法院等相关单位)",
     [("市公安局", L), ("市委网信办", S), ("市中级人民法院", S)]),
    ("(责任单位:省财政厅等省联席会议相关成员单位)",
     [("省财政厅", R), ("省联席会议相关成员单位", R)]),
    ("(浦东新区、嘉定区、徐汇区、普陀区人民政府按职责分工负责)",
     [("浦东新区人民政府", R), ("嘉定区人民政府", R), ("徐汇区人民政府", R),
      ("普陀区人民政府", R)]),
    ("(奉贤区、闵行区人民政府按职责分工负责)", [("奉贤区人民政府", R), ("闵行区人民政府", R)]),
    ("(配合单位:黄浦、静安、徐汇、杨浦等区县政府)", [("黄浦、静安、徐汇、杨浦等区县政府", S)]),
    ("(市发改委;市财政局,市审计局、市税务局)",
     [("市发改委", R), ("市财政局", R), ("市审计局", R), ("市税务局", R)]),
])
def test_bracket_forms(tail, expected):
    assert units("推进信用体系建设。" + tail) == expected


@pytest.mark.parametrize("tail", ["(试行)", "(2012版)", "(草案)", "(上海)", "(含基础信息)",
                                  "(以下简称“办法”)", "(2014-2020年)", "(国发〔2014〕21号)",
                                  "(区)", "(一)"])
def test_brackets_that_are_not_responsibility(tail):
    assert units("制定《管理办法" + tail) is None
    assert units("完善信用信息目录" + tail) is None


def test_open_list_is_said():
    found = find_responsibility("建立制度。(责任单位:区发展改革委、区经委等)")
    assert [(u.name, u.role) for u in found.units] == [("区发展改革委", R), ("区经委", R)]
    assert found.open_list


@pytest.mark.parametrize("tail, expected, deadline", [
    ("牵头单位:市发改委责任单位:市财政局、市审计局",
     [("市发改委", L), ("市财政局", R), ("市审计局", R)], None),
    ("牵头单位:市发改委 责任单位:市财政局 完成时限:2018年底前",
     [("市发改委", L), ("市财政局", R)], "2018年底前"),
    ("责任单位:市商务局;工作时限:长期坚持", [("市商务局", R)], "长期坚持"),
])
def test_labels_without_brackets(tail, expected, deadline):
    found = find_responsibility("推进信用体系建设。" + tail)
    assert [(u.name, u.role) for u in found.units] == expected
    assert found.deadline == deadline


def test_cut_bracket_keeps_complete_names_and_warns():
    found = find_responsibility("推进信用体系建设。(责任单位:市发改委、市财政局、市审")
    assert [u.name for u in found.units] == ["市发改委", "市财政局"]
    assert found.warnings


@pytest.mark.parametrize("cell, column, expected", [
    ("市经济信息化委、市发展改革委", "lead", [("市经济信息化委", L), ("市发展改革委", L)]),
    ("相关委办局、各区县政府", "support", [("相关委办局", S), ("各区县政府", S)]),
    ("市发展改革委牵头,市文化旅游局、市信用中心按职责分工负责", "responsible",
     [("市发展改革委", L), ("市文化旅游局", R), ("市信用中心", R)]),
    ("市信用服务行业协会", "responsible", [("市信用服务行业协会", R)]),
    ("浦东新区人民政府牵头", "responsible", [("浦东新区人民政府", L)]),
    ("市卫生健康委、市医保局、市大数据中心负责", "responsible",
     [("市卫生健康委", R), ("市医保局", R), ("市大数据中心", R)]),
])
def test_table_cells(cell, column, expected):
    found, _ = parse_cell(cell, column)
    assert [(u.name, u.role) for u in found] == expected


def test_traditional_bracket_end_to_end():
    notice = parse_text("一、總則\n(一)推進信用體系建設。(牽頭單位:市發改委;配合單位:市財政局)")
    assert [(u.name, u.role) for u in notice.tasks[0].units] == [("市发改委", L), ("市财政局", S)]


def test_responsibility_paragraph_covers_the_items_above():
    text = ("一、总则\n(一)加强平台建设\n(1)建设平台。\n(2)完善目录。\n(3)归集数据。\n"
            "〔责任单位:市发改委、市大数据局〕\n(二)加强宣传\n1.开展活动。(责任单位:市委宣传部)")
    notice = parse_text(text)
    by_path = {tuple(t.path): [u.name for u in t.units] for t in notice.tasks}
    assert by_path[(1, 1, 1)] == by_path[(1, 1, 2)] == by_path[(1, 1, 3)] == ["市发改委", "市大数据局"]
    assert by_path[(1, 2, 1)] == ["市委宣传部"]
    assert notice.tasks[2].text == "归集数据。"


def test_units_are_simplified_without_spaces():
    notice = parse_text("一、总则\n(一)建立制度。(责任单位:市 发改委、“中国上海 ”门户网站编辑部)")
    assert [u.name for u in notice.tasks[0].units] == ["市发改委", "“中国上海”门户网站编辑部"]


def test_labels_on_lines_of_their_own_after_the_task():
    notice = parse_text("2019年某市社会信用体系建设工作要点\n一、主要任务\n"
                        "1.建立信用承诺制度。在行政审批中全面推行信用承诺。\n牵头单位:市发改委\n"
                        "配合单位:市财政局、市税务局\n完成时限:2019年12月\n2.推进信用修复。\n"
                        "责任单位:市司法局\n")
    first, second = notice.tasks
    assert first.text == "建立信用承诺制度。在行政审批中全面推行信用承诺。"
    assert [(u.name, u.role) for u in first.units] == [("市发改委", L), ("市财政局", S),
                                                       ("市税务局", S)]
    assert first.deadline == "2019年12月"
    assert [(u.name, u.role) for u in second.units] == [("市司法局", R)]


@pytest.mark.parametrize("text, expected, deadline", [
    # a last sentence that only names units with role words
    ("建立行政机关信用承诺制度。市监察局牵头,市直各部门按职责分工负责。",
     [("市监察局", L), ("市直各部门", R)], None),
    ("推进信用记录建设。市人事局负责。", [("市人事局", R)], None),
    # labels in brackets of their own, no colon
    ("全面建立信用承诺制度。\n【责任单位】市发展改革委、市司法局",
     [("市发展改革委", R), ("市司法局", R)], None),
    ("推进信易贷。【牵头单位】市金融办【配合单位】市发展改革委",
     [("市金融办", L), ("市发展改革委", S)], None),
    # a deadline inside the bracket of units, and 由
    ("完善制度。(由市发改委牵头,市工信委、市财政局配合,2015年12月底前完成)",
     [("市发改委", L), ("市工信委", S), ("市财政局", S)], "2015年12月底前完成"),
    ("开展宣传。(市信用办牵头,市直相关部门参与,长期坚持)",
     [("市信用办", L), ("市直相关部门", S)], "长期坚持"),
    # names ending in 联, 协, 人行; names joined by 和/及; a role in brackets after a name
    ("开展活动。(责任单位:市妇联、市科协、市残联、团市委)",
     [("市妇联", R), ("市科协", R), ("市残联", R), ("团市委", R)], None),
    ("推进信贷。(责任单位:市人行、市金融办)", [("市人行", R), ("市金融办", R)], None),
    ("加强监管。(责任单位:市质监局和市国税局)", [("市质监局", R), ("市国税局", R)], None),
    ("推进改革。(责任单位:区发改局(牵头)、区财政局)", [("区发改局", L), ("区财政局", R)], None),
    ("推进改革。(责任单位:市发改委〔牵头〕、市财政局)", [("市发改委", L), ("市财政局", R)], None),
    # classes of places written with 、
    ("推进工作。(责任单位:各区、县人民政府)", [("各区、县人民政府", R)], None),
    ("推进工作。(配合单位:各街道、镇)", [("各街道、镇", S)], None),
])
def test_more_responsibility_families(text, expected, deadline):
    found = find_responsibility(text)
    assert [(u.name, u.role) for u in found.units] == expected
    assert found.deadline == deadline


@pytest.mark.parametrize("text", [
    "各区县政府负责组织实施。",                  # a sentence with a role word but no unit list
    "加强领导。各部门要负责落实各项任务。",
    "完善机制。市场主体要诚信经营。",
    "推进和完善发展和改革工作。",
])
def test_sentences_that_are_not_responsibility(text):
    assert find_responsibility(text) is None


def test_a_place_holding_he_is_one_unit():
    assert units("推进。(责任单位:天津市和平区人民政府、太和县人民政府)") == [
        ("天津市和平区人民政府", R), ("太和县人民政府", R)]


def test_a_sentence_with_a_role_word_inside_gives_no_unit():
    notice = parse_text("一、总则\n1.加强宣传。各区政府负责组织实施。")
    assert notice.tasks[0].units == []
    assert notice.tasks[0].text == "加强宣传。各区政府负责组织实施。"
