"""Division-of-labour tables in forms beyond the samples."""

from creditplan import parse_text

L, S, R = "lead", "support", "responsible"


def table_tasks(text):
    return [t for t in parse_text(text).tasks if t.origin == "table"]


def test_other_column_order_with_deadline_and_note():
    text = ("2019年某市信用工作任务分工表\n"
            "序号 | 主要任务 | 责任单位 | 完成时限 | 备注 |\n"
            "1 | 建立信用承诺制度。 | 市发改委牵头,市市场监管局配合 | 2019年底前 | 重点 |\n"
            "2 | 开展诚信宣传。 | 市委宣传部 | 长期坚持 | |\n")
    rows = table_tasks(text)
    assert [(r.index, r.text, r.deadline, r.note) for r in rows] == [
        (1, "建立信用承诺制度。", "2019年底前", "重点"), (2, "开展诚信宣传。", "长期坚持", None)]
    assert [(u.name, u.role) for u in rows[0].units] == [("市发改委", L), ("市市场监管局", S)]
    assert [(u.name, u.role) for u in rows[1].units] == [("市委宣传部", R)]


def test_tab_separated_rows():
    text = "序号\t工作任务\t牵头单位\t配合单位\n1\t建立制度。\t市发改委\t市财政局\n2\t开展宣传。\t市委宣传部\t\n"
    rows = table_tasks(text)
    assert [(r.index, [(u.name, u.role) for u in r.units]) for r in rows] == [
        (1, [("市发改委", L), ("市财政局", S)]), (2, [("市委宣传部", L)])]


def test_merged_category_shifts_and_empty_cells():
    text = ("序号 | 类别 | 工作任务 | 牵头单位 | 配合单位 |\n"
            "1 | 加强组织领导 | 建立工作机制。 | 市发改委 | 市财政局 |\n"
            "2 | 制定工作方案。 | 市发改委 | | |\n"
            "3 | 强化宣传 | 开展宣传活动。 | | 市委宣传部 |\n")
    rows = table_tasks(text)
    assert [(r.index, r.group, r.text) for r in rows] == [
        (1, 1, "建立工作机制。"), (2, 1, "制定工作方案。"), (3, 2, "开展宣传活动。")]
    assert [(u.name, u.role) for u in rows[1].units] == [("市发改委", L)]
    assert [(u.name, u.role) for u in rows[2].units] == [("市委宣传部", S)]


def test_header_repeated_and_category_repeated_after_page_break():
    text = ("工作任务 | 序号 | 工作内容 | 责任单位 |\n"
            "一、加强信用建设 | |||\n"
            "(一)完善制度 | 1 | 建立制度。 | 市发改委牵头 |\n"
            "2 | 完善目录。 | 市发改委牵头 | |\n"
            "工作任务 | 序号 | 工作内容 | 责任单位 |\n"
            "(一)完善制度 | 3 | 归集数据。 | 市大数据中心负责 |\n"
            "(二)强化应用 | 4 | 推广应用。 | 各区人民政府按职责分工负责 |\n")
    rows = table_tasks(text)
    assert [(r.section, r.group, r.index) for r in rows] == [(1, 1, 1), (1, 1, 2), (1, 1, 3),
                                                             (1, 2, 4)]
    notice = parse_text(text)
    assert [(g.index, g.title) for g in notice.groups] == [(1, "完善制度"), (2, "强化应用")]


def test_table_title_is_neither_section_nor_task():
    text = "2012年上海市社会信用体系建设工作任务分工表\n序号 | 工作任务 | 牵头单位 |\n1 | 建立制度。 | 市发改委 |\n"
    notice = parse_text(text)
    assert [t.text for t in notice.tasks] == ["建立制度。"]
    assert notice.sections == []
    assert not [w for w in notice.warnings if w.code == "unplaced_text"]


def test_origin_filter_fields():
    text = ("一、总则\n(一)建立制度。(责任单位:市发改委)\n"
            "序号 | 工作任务 | 牵头单位 |\n1 | 建立制度。 | 市发改委 |\n")
    notice = parse_text(text)
    assert [t.origin for t in notice.tasks] == ["clause", "table"]


def test_table_flattened_without_borders():
    text = ("某区2018年信用建设任务分工\n序号工作任务责任单位时间进度\n"
            "1 建立信用承诺制度,完善信用记录。区发改委、区财政局2018年底前完成"
            "2 制定联合奖惩措施清单。区市场监管局牵头,各街镇配合2018年6月底前"
            "3 开展诚信宣传月活动,推进3个示范点建设。区委宣传部长期坚持\n")
    rows = table_tasks(text)
    assert [(r.index, r.text, r.deadline) for r in rows] == [
        (1, "建立信用承诺制度,完善信用记录。", "2018年底前完成"),
        (2, "制定联合奖惩措施清单。", "2018年6月底前"),
        (3, "开展诚信宣传月活动,推进3个示范点建设。", "长期坚持")]
    assert [[(u.name, u.role) for u in r.units] for r in rows] == [
        [("区发改委", R), ("区财政局", R)], [("区市场监管局", L), ("各街镇", S)], [("区委宣传部", R)]]


def test_complete_rows_follow_the_header_order():
    text = ("序号\t责任单位\t工作任务\t完成时间\n"
            "1\t县人行\t推进农村信用体系建设,开展信用户评定。\t2014年12月\n"
            "2\t县发改局、县财政局\t建立信用信息平台。\t2014年底\n")
    rows = table_tasks(text)
    assert [(r.index, r.text, r.deadline) for r in rows] == [
        (1, "推进农村信用体系建设,开展信用户评定。", "2014年12月"), (2, "建立信用信息平台。", "2014年底")]
    assert [[u.name for u in r.units] for r in rows] == [["县人行"], ["县发改局", "县财政局"]]


def test_units_that_do_not_end_like_agencies_are_kept_by_position():
    text = ("序号 | 类别 | 工作任务 | 牵头单位 | 配合单位 |\n"
            "1 | 企业信用 | 畅通中小企业信用信息比对渠道。 | 市经济信息化委 | 相关委办局、上海资信 |\n")
    assert [(u.name, u.role) for u in table_tasks(text)[0].units] == [
        ("市经济信息化委", L), ("相关委办局", S), ("上海资信", S)]


def test_table_without_a_number_column_and_numbers_written_with_a_dot():
    no_numbers = ("工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
                  "建立信用信息平台。 | 市发改委 | 市大数据局 | 2020年底\n"
                  "开展诚信宣传。 | 市委宣传部 | 市文明办 | 长期\n")
    assert [(r.index, r.text) for r in table_tasks(no_numbers)] == [
        (1, "建立信用信息平台。"), (2, "开展诚信宣传。")]
    dotted = "序号 | 工作任务 | 牵头单位\n1. | 建立平台。 | 市发改委\n2. | 开展宣传。 | 市委宣传部\n"
    assert [(r.index, r.text) for r in table_tasks(dotted)] == [(1, "建立平台。"), (2, "开展宣传。")]


def test_a_notice_that_is_only_its_table():
    text = ("鄞州区2023年社会信用体系建设重点工作任务清单\n"
            "| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n"
            "| 一、信用基础建设 | | |\n| 1 | 归集公共信用信息。 | 区发改局 |\n"
            "| 二、信用应用 | | |\n| 2 | 推进信易贷。 | 区金融办 |\n")
    notice = parse_text(text)
    assert notice.title == "鄞州区2023年社会信用体系建设重点工作任务清单"
    assert (notice.year, notice.region) == (2023, "鄞州区")
    assert [(s.index, s.title) for s in notice.sections] == [(1, "信用基础建设"), (2, "信用应用")]
    assert [(t.section, t.index) for t in notice.tasks] == [(1, 1), (2, 2)]
    assert not [w for w in notice.warnings if w.code in ("unplaced_table_row", "unplaced_text")]


def test_categories_that_are_not_sections_are_groups():
    notice = parse_text("序号 | 类别 | 工作任务 | 牵头单位 | 配合单位 |\n"
                        "1 | 制度建设 | 建立制度。 | 市发改委 | 市财政局 |\n"
                        "2 | 平台建设 | 建设平台。 | 市大数据局 | |\n")
    assert [(g.origin, g.index, g.title) for g in notice.groups] == [
        ("table", 1, "制度建设"), ("table", 2, "平台建设")]
    assert [t.group for t in notice.tasks] == [1, 2]
