"""Forms met in a third trial on unseen notices (twenty-eight notices: provinces, prefectures,
counties and districts, 2014–2025, clean and damaged copies).

Each test is a family of forms, written small: the inputs are the shape of real lines, not
copies of one notice.
"""

from __future__ import annotations

import pytest

from creditplan import parse_text
from creditplan.parsers.region import region_of
from creditplan.parsers.units import split_names


def units(task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


@pytest.mark.parametrize(("title", "region"), [
    ("宁波市鄞州区2017年社会信用体系建设工作要点", "宁波市鄞州区"),    # a 州 inside a district's name
    ("北京市通州区2019年社会信用体系建设工作要点", "北京市通州区"),
    ("茂名市高州市2018年社会信用体系建设工作要点", "茂名市高州市"),    # a county-level city
    ("荆州市荆州区2020年社会信用体系建设工作要点", "荆州市荆州区"),
    ("重庆市石柱土家族自治县2021年社会信用体系建设工作要点", "重庆市石柱土家族自治县"),
    ("呼伦贝尔市鄂温克族自治旗2020年社会信用体系建设工作要点", "呼伦贝尔市鄂温克族自治旗"),
    ("通州区2019年社会信用体系建设工作要点", "通州区"),
    ("黔南州2021年社会信用体系建设工作要点", "黔南州"),            # a 州 that is the level
])
def test_region_keeps_a_zhou_inside_a_name_and_autonomous_counties(title: str, region: str) -> None:
    assert region_of(title, []) == region


@pytest.mark.parametrize(("title", "region"), [
    ("2023年杭州市上城区社会信用体系建设工作要点", "杭州市上城区"),   # districts ending in 城区
    ("北京市东城区2020年社会信用体系建设工作要点", "北京市东城区"),
    ("2021年重庆市主城区信用建设工作要点", "重庆市"),                # 主城区 names no place
])
def test_a_district_ending_in_a_generic_word_is_a_place(title: str, region: str) -> None:
    assert region_of(title, []) == region


@pytest.mark.parametrize("notice_lines", [
    ["关于印发石家庄市2021年社会信用体系建设", "工作要点的通知"],
    ["关于印发石家庄市2021年社会信用", "体系建设工作要点", "的通知"],
])
@pytest.mark.parametrize("plan_lines", [
    ["石家庄市2021年社会信用体系建设", "工作要点"],
    ["石家庄市2021年社会信用体系建设工作要点"],
])
def test_titles_broken_over_lines_are_read_whole(notice_lines, plan_lines) -> None:
    text = "\n".join(["石家庄市人民政府办公室", *notice_lines, "石政办函〔2021〕33号",
                      "各县(市、区)人民政府,市政府各部门:", "现将工作要点印发给你们,请认真贯彻落实。",
                      "石家庄市人民政府办公室", "二〇二一年三月五日", "附件", *plan_lines,
                      "一、加强信用基础建设", "1.完善信用信息共享平台。(市发改委牵头,市行政审批局配合)"])
    notice = parse_text(text)
    assert notice.notice_title == "关于印发石家庄市2021年社会信用体系建设工作要点的通知"
    assert notice.title == "石家庄市2021年社会信用体系建设工作要点"
    assert (notice.year, notice.region) == (2021, "石家庄市")
    assert notice.issuers == ["石家庄市人民政府办公室"]
    # the issuer above the heading, the 附件 marker and the title's lines are the cover's
    assert notice.preamble == "现将工作要点印发给你们,请认真贯彻落实。"
    assert not notice.warnings


@pytest.mark.parametrize("mark", ["恩施州人民政府办公室文件", "(此件公开发布)", "附件1"])
def test_cover_marks_are_no_preamble(mark: str) -> None:
    notice = parse_text(f"{mark}\n关于印发恩施州2015年社会信用体系建设工作要点的通知\n"
                        "现将工作要点印发给你们。\n恩施州2015年社会信用体系建设工作要点\n"
                        "一、加强政务诚信\n1.建立公务员诚信档案。(州人社局负责)\n")
    assert notice.preamble == "现将工作要点印发给你们。"


@pytest.mark.parametrize("closing", [
    ["附件:1.2016年绍兴市社会信用体系建设重点任务分工表", "2.绍兴市社会信用体系建设联席会议成员名单"],
    ["抄送:市委办公室,市人大常委会办公室,", "市政协办公室。", "绍兴市人民政府办公室 2016年5月4日印发"],
    ["(此件公开发布)", "主题词:信用 工作要点 通知"],
])
@pytest.mark.parametrize("body", [
    ["一、重点任务", "(一)推进信用信息归集共享。(责任单位:市发改委、市经信委)"],
    ["序号|工作任务|责任单位", "1|推进信用信息归集共享。|市发改委"],
])
def test_closing_fields_after_the_plan_are_placed(body, closing) -> None:
    text = "\n".join(["2016年绍兴市社会信用体系建设工作方案", *body, *closing,
                      "绍兴市人民政府办公室", "2016年5月3日"])
    notice = parse_text(text)
    assert len(notice.tasks) == 1 and notice.tasks[0].text == "推进信用信息归集共享。"
    assert notice.issue_date == "2016-05-03" and notice.issuers == ["绍兴市人民政府办公室"]
    assert not notice.warnings and notice.coverage == 1.0


def test_a_closing_signature_is_placed_when_the_cover_was_signed() -> None:
    notice = parse_text("关于印发2016年绍兴市信用工作方案的通知\n现将方案印发给你们。\n"
                        "绍兴市人民政府办公室\n2016年5月3日\n2016年绍兴市信用工作方案\n"
                        "一、重点任务\n(一)推进信用信息归集。(责任单位:市发改委)\n"
                        "绍兴市人民政府办公室\n2016年5月3日\n")
    assert notice.issue_date == "2016-05-03" and notice.issuers == ["绍兴市人民政府办公室"]
    assert not notice.warnings


def test_a_table_without_borders_gives_no_warnings_of_a_bordered_one() -> None:
    notice = parse_text("2021年六安市金安区社会信用体系建设重点任务分工\n序号工作任务责任单位完成时限\n"
                        "1 完善信用信息共享平台。区发改委2021年6月底前2 推进“双公示”信息报送。"
                        "区发改委、区市场监管局长期坚持\n")
    assert [(t.index, t.deadline) for t in notice.tasks] == [(1, "2021年6月底前"), (2, "长期坚持")]
    assert not notice.warnings


@pytest.mark.parametrize(("brackets", "expected", "deadline"), [
    ("【牵头单位:市发改委】【配合单位:市司法局】", [("市发改委", "lead"), ("市司法局", "support")], None),
    ("(牵头单位:市发改委) (配合单位:市司法局、各区县政府)",
     [("市发改委", "lead"), ("市司法局", "support"), ("各区县政府", "support")], None),
    ("(市发改委负责)(完成时限:2025年底)", [("市发改委", "responsible")], "2025年底"),
])
def test_responsibility_fields_in_brackets_side_by_side(brackets, expected, deadline) -> None:
    task = parse_text(f"一、推进信用立法\n1.推动出台《社会信用条例(草案)》。{brackets}\n").tasks[0]
    assert units(task) == expected and task.deadline == deadline
    assert task.text == "推动出台《社会信用条例(草案)》。"


@pytest.mark.parametrize(("words", "expected"), [
    ("市委宣传部、市文明办牵头;各县(市、区)人民政府,市直各部门配合",
     [("市委宣传部", "lead"), ("市文明办", "lead"), ("各县(市、区)人民政府", "support"),
      ("市直各部门", "support")]),
    ("省发展改革委牵头,省直有关部门,各市(州)人民政府配合",
     [("省发展改革委", "lead"), ("省直有关部门", "support"), ("各市(州)人民政府", "support")]),
    ("省直各部门,各市(州)人民政府负责", [("省直各部门", "responsible"),
                                   ("各市(州)人民政府", "responsible")]),
    ("市发改委牵头;市财政局,市税务局", [("市发改委", "lead"), ("市财政局", "responsible"),
                                ("市税务局", "responsible")]),   # no role words after: the default
])
def test_role_words_close_the_whole_list_before_them(words: str, expected) -> None:
    task = parse_text(f"一、加强诚信宣传\n1.开展诚信宣传。({words})\n").tasks[0]
    assert units(task) == expected


@pytest.mark.parametrize(("names", "expected"), [
    ("各市、自治州人民政府,各县(市、区、特区)人民政府", ["各市、自治州人民政府", "各县(市、区、特区)人民政府"]),
    ("省直各部门,各市、州人民政府", ["省直各部门", "各市、州人民政府"]),
    ("各州、市人民政府", ["各州、市人民政府"]),
    ("各市、县区人民政府", ["各市、县区人民政府"]),      # a class, not two places sharing 人民政府
])
def test_a_class_of_places_written_with_a_dunhao_is_one_unit(names: str, expected) -> None:
    notice = parse_text(f"{names}:\n现将工作要点印发给你们。\n一、加强诚信建设\n1.开展诚信宣传。({names}负责)\n")
    assert notice.addressees == expected
    assert [u.name for u in notice.tasks[0].units] == expected


@pytest.mark.parametrize(("names", "expected"), [
    ("各县(市、区)人民政府,高新区、循环化工园区管委会,市政府各部门",
     ["各县(市、区)人民政府", "高新区管委会", "循环化工园区管委会", "市政府各部门"]),
    ("市发改委、浦东新区、嘉定区人民政府", ["市发改委", "浦东新区人民政府", "嘉定区人民政府"]),
    ("黄浦区、静安区、市发改委", ["黄浦区", "静安区", "市发改委"]),   # no institution to share
])
def test_places_sharing_an_institution_inside_a_longer_list(names: str, expected) -> None:
    notice = parse_text(f"{names}:\n现将工作要点印发给你们。\n一、加强诚信建设\n1.开展诚信宣传。({names}负责)\n")
    assert notice.addressees == expected
    assert [u.name for u in notice.tasks[0].units] == expected


@pytest.mark.parametrize("rows", [
    # a text copy: the cell broke, the rest of the row follows on the next line
    ["2|信用平台建设|推进市平台与省平台互联互通,实现信用信息", "实时共享。|市发改委|市数字办|2018年12月"],
    ["2|信用平台建设|推进市平台与省平台互联", "互通,实现信用信息", "实时共享。|市发改委|市数字办|2018年12月"],
    # a bordered copy: the continuation has every column, most of them empty
    ["|2|信用平台建设|推进市平台与省平台互联互通,实现信用信息|市发改委|市数字|2018年12月|",
     "| | |实时共享。| |办| |"],
])
def test_a_table_row_wrapped_onto_the_next_line(rows) -> None:
    header = "|序号|主要任务|具体措施|牵头单位|责任单位|完成时限|" if rows[0].startswith("|") else \
        "序号|主要任务|具体措施|牵头单位|责任单位|完成时限"
    notice = parse_text("\n".join(["2018年泉州市社会信用体系建设重点工作任务分解表", header, *rows]))
    assert [t.text for t in notice.tasks] == ["推进市平台与省平台互联互通,实现信用信息实时共享。"]
    assert units(notice.tasks[0]) == [("市发改委", "lead"), ("市数字办", "responsible")]
    assert notice.tasks[0].deadline == "2018年12月" and not notice.warnings


def test_a_line_between_tables_before_a_numbered_row_is_no_wrapped_cell() -> None:
    notice = parse_text("序号|工作任务|责任单位\n1|建立信用平台。|市发改委\n"
                        "以下为区县任务\n1|开展诚信宣传。|各区县政府\n")
    assert [t.text for t in notice.tasks][:1] == ["建立信用平台。"]
    assert all("以下为区县任务" not in t.text for t in notice.tasks)


@pytest.mark.parametrize("footer", ["打印本页 关闭窗口 主办:洛阳市人民政府办公室 承办:洛阳市大数据管理局 "
                                    "版权所有:洛阳市人民政府 豫ICP备05001234号",
                                    "【打印本页】 【关闭窗口】 网站标识码:4103000001"])
def test_furniture_of_a_page_flattened_to_one_line(footer: str) -> None:
    page = ("首页 > 政务公开 > 政策文件 洛阳市人民政府办公室关于印发洛阳市2018年社会信用体系建设工作要点的通知 "
            "来源:洛阳市人民政府办公室 浏览次数:1234 【字体:大 中 小】 【打印本页】 "
            "现将《洛阳市2018年社会信用体系建设工作要点》印发给你们,请认真贯彻执行。 "
            "洛阳市2018年社会信用体系建设工作要点 一、完善信用信息平台 "
            "1.推进市信用信息共享平台升级改造,实现与省平台、各县(市、区)平台互联互通。(市发展改革委负责) "
            "2.推进食品药品、安全生产领域信用建设,建立重点领域从业人员信用档案。(市市场监管局、市应急局负责) "
            + footer)
    notice = parse_text(page)
    assert [units(t) for t in notice.tasks] == [
        [("市发展改革委", "responsible")],
        [("市市场监管局", "responsible"), ("市应急局", "responsible")]]
    assert notice.tasks[1].text == "推进食品药品、安全生产领域信用建设,建立重点领域从业人员信用档案。"
    assert notice.preamble == "现将《洛阳市2018年社会信用体系建设工作要点》印发给你们,请认真贯彻执行。"
    assert notice.addressees == [] and notice.issuers == ["洛阳市人民政府办公室"]


def test_site_credits_as_bare_fields_side_by_side_are_furniture() -> None:
    notice = parse_text("一、完善信用信息平台\n1.推进平台升级改造。(市发展改革委负责)\n"
                        "主办:洛阳市人民政府办公室 承办:洛阳市大数据管理局\n")
    assert not notice.warnings
    kept = parse_text("一、完善信用信息平台\n1.推进平台升级改造。\n主办单位:市委宣传部 承办单位:市发改委\n")
    # 主办单位 leads, as the same words head a table's lead column (roles.LEAD_WORDS)
    assert units(kept.tasks[0]) == [("市委宣传部", "lead"), ("市发改委", "responsible")]


def test_a_flattened_page_keeps_its_table_separators_and_words_that_are_no_widgets() -> None:
    from creditplan.normalize.flat_furniture import drop_furniture_stretches
    line = ("序号 | 工作任务 | 责任单位 | 1 | 开展“诚信建设万里行”活动,组织大中小学校开展诚信教育。 | 市教育局 | "
            * 6 + "中 小 微企业 信用 大 数据")
    assert drop_furniture_stretches(line).text == line


def test_markdown_marks_of_a_converted_page_are_no_text() -> None:
    notice = parse_text("# 2021年温州市社会信用体系建设工作要点\n\n## 一、完善信用制度\n\n"
                        "**(一)推动地方立法。**配合做好条例宣贯。(责任单位:市发改委)\n\n"
                        "| **序号** | **工作任务** | **责任单位** |\n|---|---|---|\n| 1 | 开展诚信宣传。 | 市委宣传部 |\n")
    assert notice.title == "2021年温州市社会信用体系建设工作要点" and notice.preamble == ""
    assert [t.text for t in notice.tasks] == ["推动地方立法。配合做好条例宣贯。", "开展诚信宣传。"]
    assert notice.tasks[0].title == "推动地方立法" and not notice.warnings


@pytest.mark.parametrize("text", ["C# 语言与 a ** b", "联系人:______", "注:**"])
def test_lone_markdown_like_marks_stay(text: str) -> None:
    from creditplan.normalize.markup import strip_markdown
    assert strip_markdown(text).text == text


@pytest.mark.parametrize("after", [
    "抄送:省委办公厅,省人大常委会办公厅。 贵州省人民政府办公厅 2019年3月6日印发",
    "附件:1.重点任务分工表 2.联席会议成员名单 贵州省人民政府办公厅 2019年3月5日",
    "贵州省人民政府办公厅 2019年3月5日",
    "第三部分 保障措施 加强组织领导,落实工作责任。",
])
def test_a_flattened_page_ends_its_last_task_at_its_responsibility(after: str) -> None:
    lines = ["一、强化信用监管", "(一)推进信用分级分类监管。(省市场监管局、省应急厅按职责分工负责)",
             "(二)健全失信联合惩戒机制。(省发展改革委牵头,省直有关部门配合)", after]
    for text in ("\n".join(lines), " ".join(lines)):
        task = parse_text(text).tasks[-1]
        assert task.text == "健全失信联合惩戒机制。"
        assert units(task) == [("省发展改革委", "lead"), ("省直有关部门", "support")]


def test_fields_of_one_responsibility_in_brackets_on_two_lines() -> None:
    task = parse_text("一、推进信用立法\n1.推动出台条例。(牵头单位:市发改委)\n(配合单位:市司法局)\n").tasks[0]
    assert units(task) == [("市发改委", "lead"), ("市司法局", "support")]
    assert task.text == "推动出台条例。"


@pytest.mark.parametrize(("header", "role", "deadline_word"), [
    ("序号|任务内容|牵头部门|协同单位|完成期限", ("lead", "support"), "完成期限"),
    ("序号|重点工作|主责部门|协办部门|时间要求", ("lead", "support"), "时间要求"),
    ("序号|工作举措|责任主体|参与部门|时限要求", ("responsible", "support"), "时限要求"),
])
def test_header_words_of_other_notices_name_their_columns(header, role, deadline_word) -> None:
    notice = parse_text(f"2022年芜湖市信用建设任务清单\n{header}\n1|完善信用平台。|市发改委|市数据资源局|2022年6月\n")
    task = notice.tasks[0]
    assert set(units(task)) == {("市发改委", role[0]), ("市数据资源局", role[1])}
    assert task.deadline == "2022年6月" and not notice.warnings


def test_a_header_with_other_columns_opens_the_next_table() -> None:
    notice = parse_text("序号|任务内容|牵头部门|协同单位|完成期限\n1|完善信用平台。|市发改委|市数据局|2022年6月\n"
                        "序号|重点工作|责任主体|时间要求\n2|开展诚信宣传。|市委宣传部、市文明办|2022年9月\n")
    assert [units(t) for t in notice.tasks] == [
        [("市发改委", "lead"), ("市数据局", "support")],
        [("市委宣传部", "responsible"), ("市文明办", "responsible")]]
    assert [t.deadline for t in notice.tasks] == ["2022年6月", "2022年9月"]
    assert not notice.warnings


def test_items_of_a_task_with_brackets_of_their_own_give_their_units() -> None:
    task = parse_text("一、推进信用示范创建\n(一)巩固示范城市创建成果。一是建立长效机制(市发展改革委负责);"
                      "二是开展信用示范街区创建(各区县(市)人民政府负责)。\n").tasks[0]
    assert units(task) == [("市发展改革委", "responsible"), ("各区县(市)人民政府", "responsible")]
    assert task.text == "巩固示范城市创建成果。一是建立长效机制(市发展改革委负责);二是开展信用示范街区创建"


@pytest.mark.parametrize("text", ["制定《管理办法(试行)》,规范信息归集。", "推进区县(市)平台建设,实现互联互通。",
                                  "明确牵头部门(单位),落实工作责任。"])
def test_brackets_in_a_task_that_name_no_responsibility_give_no_units(text: str) -> None:
    assert parse_text(f"一、完善制度\n1.{text}\n").tasks[0].units == []


@pytest.mark.parametrize("joiner", ["\n", " "])
def test_a_page_information_panel_is_metadata_not_preamble(joiner: str) -> None:
    text = joiner.join([
        "索引号:11370300004312345A/2020-00123", "主题分类:综合政务", "发布机构:淄博市人民政府办公室",
        "成文日期:2020年04月15日", "标题:淄博市人民政府办公室关于印发淄博市2020年社会信用体系建设工作要点的通知",
        "发文字号:淄政办字〔2020〕21号", "有效性:有效",
        "淄博市人民政府办公室关于印发淄博市2020年社会信用体系建设工作要点的通知", "淄政办字〔2020〕21号",
        "现将工作要点印发给你们,请认真贯彻执行。", "淄博市2020年社会信用体系建设工作要点",
        "一、加强信用基础设施建设", "(一)完善市公共信用信息平台。(责任单位:市大数据局)"])
    notice = parse_text(text)
    assert notice.notice_title == "关于印发淄博市2020年社会信用体系建设工作要点的通知"
    assert (notice.doc_number, notice.issue_date) == ("淄政办字〔2020〕21号", "2020-04-15")
    assert notice.issuers == ["淄博市人民政府办公室"]
    assert notice.preamble == "现将工作要点印发给你们,请认真贯彻执行。"


@pytest.mark.parametrize("joiner", ["\n", " "])
def test_words_spread_letter_by_letter_are_read_whole(joiner: str) -> None:
    notice = parse_text(joiner.join([
        "海南省2018年社会信用体系建设工作要点", "一、总 体 要 求", "按照省委部署,推进社会信用体系建设。",
        "二、重 点 任 务", "(一)完善信用法规制度。出台管理办法。", "责 任 单 位:省发展改革委、省司法厅",
        "(二)推进信用信息共享。建成共享平台。", "责任单位:省大数据管理局"]))
    assert [s.title for s in notice.sections] == ["总体要求", "重点任务"]
    assert [units(t) for t in notice.tasks] == [
        [("省发展改革委", "responsible"), ("省司法厅", "responsible")],
        [("省大数据管理局", "responsible")]]


@pytest.mark.parametrize("text", ["推进 信 用 体 系", "字号 大 中 小 打印", "工作目标 到2020年"])
def test_letters_glued_to_a_word_are_no_spread_word(text: str) -> None:
    from creditplan.normalize.letter_spacing import join_spread_words
    assert join_spread_words(text).text == text


@pytest.mark.parametrize(("title", "year"), [
    ("重庆市社会信用体系建设工作要点(2014—2015年)", 2014),
    ("成都市2021-2022年社会信用体系建设工作计划", 2021),
    ("郴州市2020年度社会信用体系建设工作要点", 2020),
])
def test_a_plan_for_a_range_of_years_is_for_its_first(title: str, year: int) -> None:
    assert parse_text(f"{title}\n一、加强信用建设\n1.建立制度。(责任单位:市发改委)\n").year == year


@pytest.mark.parametrize(("words", "expected"), [
    ("省发展改革委会同省直有关部门负责", [("省发展改革委", "responsible"), ("省直有关部门", "responsible")]),
    ("市发改委联合市市场监管局牵头", [("市发改委", "lead"), ("市市场监管局", "lead")]),
    ("上海市联合征信有限公司负责", [("上海市联合征信有限公司", "responsible")]),
])
def test_agencies_joined_by_huitong_are_two(words: str, expected) -> None:
    assert units(parse_text(f"一、加强信用监管\n1.开展专项治理。({words})\n").tasks[0]) == expected


@pytest.mark.parametrize("brackets", ["(责任单位:市发改委)(2021年底前完成)", "(2021年底前完成)(责任单位:市发改委)",
                                      "〔市发改委负责〕〔2021年底前完成〕"])
def test_a_deadline_in_a_bracket_beside_the_responsibility(brackets: str) -> None:
    task = parse_text(f"一、加强信用监管\n1.建成平台。{brackets}\n").tasks[0]
    assert (task.text, units(task), task.deadline) == (
        "建成平台。", [("市发改委", "responsible")], "2021年底前完成")


def test_a_deadline_bracket_alone_stays_in_the_text() -> None:
    task = parse_text("一、加强信用监管\n1.建成平台(2021年底前完成)。\n").tasks[0]
    assert (task.text, task.units, task.deadline) == ("建成平台(2021年底前完成)。", [], None)


@pytest.mark.parametrize("heading", ["(一)完善信用信息归集(牵头单位:区发改局;配合单位:区级各部门)",
                                     "(一)完善信用信息归集。\n牵头单位:区发改局 配合单位:区级各部门"])
def test_a_heading_closed_by_a_responsibility_covers_its_tasks(heading: str) -> None:
    notice = parse_text("一、夯实信用基础\n" + heading + "\n1.按月归集数据。\n2.推进承诺信息归集。\n"
                        "(二)推进信用修复\n3.优化修复流程。(责任单位:区市场监管局)\n")
    assert [g.title for g in notice.groups] == ["完善信用信息归集", "推进信用修复"]
    assert [units(t) for t in notice.tasks] == [
        [("区发改局", "lead"), ("区级各部门", "support")]] * 2 + [[("区市场监管局", "responsible")]]
    assert not notice.warnings


@pytest.mark.parametrize(("names", "units"), [
    ("各市、州、县社会信用体系建设领导小组办公室", ["各市、州、县社会信用体系建设领导小组办公室"]),
    ("市各委、办、局(公司)", ["市各委、办、局(公司)"]),
    ("市公安局、市法院(刑庭)", ["市公安局", "市法院(刑庭)"]),
])
def test_classes_of_places_and_of_offices_over_several_parts_are_one_unit(names, units) -> None:
    assert split_names(names)[0] == units


def test_a_letterhead_and_a_signature_naming_one_body_give_one_issuer() -> None:
    notice = parse_text("涪城区社会信用体系建设领导小组办公室文件\n关于印发《涪城区2021年社会信用体系建设工作要点》的通知\n"
                        "各镇人民政府:\n现将要点印发给你们。\n绵阳市涪城区社会信用体系建设领导小组办公室\n2021年3月5日\n"
                        "涪城区2021年社会信用体系建设工作要点\n一、健全制度\n(一)制定办法。(责任单位:区发改局)\n")
    assert notice.issuers == ["绵阳市涪城区社会信用体系建设领导小组办公室"]
