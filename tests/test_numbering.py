"""The numbering ladder: what is an item, and — as important — what is not."""

import pytest

from creditplan import parse_text
from creditplan.parsers.numbering import accept_in_sequence, cn_to_int, find_labels


def accepted(text):
    return [(i.label.kind, i.label.number, i.depth) for i in accept_in_sequence(find_labels(text))]


@pytest.mark.parametrize("text, expected", [
    ("一、甲\n(一)乙\n(二)丙\n二、丁", [("cn", 1, 0), ("cn_paren", 1, 1), ("cn_paren", 2, 1),
                                  ("cn", 2, 0)]),
    ("一、甲\n1.乙\n2.丙", [("cn", 1, 0), ("arabic", 1, 1), ("arabic", 2, 1)]),   # skipped rung
    ("一、甲 1、乙 2、丙", [("cn", 1, 0), ("arabic", 1, 1), ("arabic", 2, 1)]),
    ("一、甲\n1 .乙\n2 .丙", [("cn", 1, 0), ("arabic", 1, 1), ("arabic", 2, 1)]),
    ("一、甲。(1)乙。(2)丙", [("cn", 1, 0), ("arabic_paren", 1, 1), ("arabic_paren", 2, 1)]),
    ("一、甲\n(一)乙\n1.丙\n(1)丁\n①戊", [("cn", 1, 0), ("cn_paren", 1, 1), ("arabic", 1, 2),
                                   ("arabic_paren", 1, 3), ("circled", 1, 4)]),
    ("一、甲(一)乙(二)丙二、丁(三)戊", [("cn", 1, 0), ("cn_paren", 1, 1), ("cn_paren", 2, 1),
                                ("cn", 2, 0), ("cn_paren", 3, 1)]),          # one line, glued
    ("一、a\n1.b\n二、c\n2.d", [("cn", 1, 0), ("arabic", 1, 1), ("cn", 2, 0), ("arabic", 2, 1)]),
    ("十一、甲\n十二、乙", []),           # a ladder must start at 一
])
def test_ladder(text, expected):
    assert accepted(text) == expected


@pytest.mark.parametrize("text", [
    "编制《上海市信用服务行业发展报告(2012)》。",
    "利用春节、3.15消费者权益保护日、6.14信用记录关爱日等节点。",
    "创新设计1-2个信用产品。",
    "占比达到2.5%以上。",
    "2017年6月20日",
    "召开专题组第十五、十六次例会。",
    "建立统一、规范的制度。",
    "实现a、b、c、d四类信用等级。",
    "一是加强领导,二是完善制度。",
    "1、2、3类企业",
    "G60科创走廊1.0版",
])
def test_not_items(text):
    assert accepted("一、总则\n" + text) == [("cn", 1, 0)]


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20),
                                            ("五十", 50), ("九十九", 99), ("一百", 100)])
def test_cn_to_int(numeral, value):
    assert cn_to_int(numeral) == value


def test_enumeration_stays_in_text():
    notice = parse_text("一、总则\n(一)加强领导。一是建立机制,二是完善制度。\n(二)强化保障。")
    assert [t.index for t in notice.tasks] == [1, 2]
    assert "一是建立机制,二是完善制度" in notice.tasks[0].text


def test_numbering_runs_across_sections():
    notice = parse_text("一、甲\n(一)a。\n(二)b。\n二、乙\n(三)c。\n(四)d。")
    assert [(t.section, t.index) for t in notice.tasks] == [(1, 1), (1, 2), (2, 3), (2, 4)]


def test_group_between_section_and_task():
    notice = parse_text("一、甲\n(一)乙\n1.a。\n2.b。\n(二)丙\n3.c。")
    assert [(t.section, t.group, t.index, t.path) for t in notice.tasks] == [
        (1, 1, 1, [1, 1, 1]), (1, 1, 2, [1, 1, 2]), (1, 2, 3, [1, 2, 3])]
    assert [g.title for g in notice.groups] == ["乙", "丙"]


def test_heading_without_children_is_task_only_with_responsibility():
    notice = parse_text("一、总体目标\n建立制度。\n二、加强宣传\n开展活动。(责任单位:市委宣传部)")
    assert [(t.section, t.index, t.title) for t in notice.tasks] == [(2, 2, "加强宣传")]
    assert len(notice.sections) == 2


def test_inline_enumeration_after_a_colon_stays_in_its_task():
    notice = parse_text("一、总则\n(一)完善制度。重点包括:(1)制定信用信息目录;(2)出台管理办法。"
                        "(责任单位:市发改委)\n(二)加强宣传。(责任单位:市委宣传部)")
    assert [(t.path, t.text) for t in notice.tasks] == [
        ([1, 1], "完善制度。重点包括:(1)制定信用信息目录;(2)出台管理办法。"), ([1, 2], "加强宣传。")]
    assert [u.name for u in notice.tasks[0].units] == ["市发改委"]


def test_items_on_lines_of_their_own_under_a_group_are_tasks():
    notice = parse_text("一、总则\n(一)完善制度:\n(1)制定目录。\n(2)出台办法。")
    assert [t.path for t in notice.tasks] == [[1, 1, 1], [1, 1, 2]]
