"""Cover metadata in forms beyond the samples: each test is one family of real covers."""

from creditplan import parse_text


def test_cover_letter_with_numbered_points_of_its_own():
    notice = parse_text(
        "肥西县人民政府办公室关于印发肥西县2011年社会信用体系建设工作要点的通知\n"
        "肥政办〔2011〕19号\n各乡镇人民政府,县政府各部门:\n"
        "现将《肥西县2011年社会信用体系建设工作要点》印发给你们,并就有关事项通知如下:\n"
        "一、提高思想认识。各单位要高度重视。\n二、抓好工作落实。各单位要明确责任。\n"
        "肥西县人民政府办公室\n二〇一一年四月十五日\n"
        "肥西县2011年社会信用体系建设工作要点\n一、加强企业信用建设\n"
        "(一)开展企业信用评价。(县经信委牵头,县工商局配合)\n(二)推进信用担保体系建设。(县财政局负责)\n"
        "二、加强政务诚信建设\n(三)推行政务公开。(县监察局负责)\n")
    assert [(s.index, s.title) for s in notice.sections] == [(1, "加强企业信用建设"),
                                                             (2, "加强政务诚信建设")]
    assert [t.path for t in notice.tasks] == [[1, 1], [1, 2], [2, 3]]
    assert notice.issue_date == "2011-04-15"
    assert notice.doc_number == "肥政办〔2011〕19号"
    assert notice.issuers == ["肥西县人民政府办公室"]
    assert notice.addressees == ["各乡镇人民政府", "县政府各部门"]
    assert "提高思想认识" in notice.preamble


def test_two_bodies_signing_on_two_lines_and_classes_of_addressees():
    notice = parse_text(
        "关于印发《2019年苏州市社会信用体系建设工作要点》的通知\n"
        "各市、区社会信用体系建设领导小组办公室,区政府各委、办、局,各区属机构:\n"
        "现将要点印发给你们。\n苏州市发展和改革委员会\n中国人民银行苏州市中心支行\n2019年3月5日\n"
        "一、总则\n(一)建立制度。(责任单位:市发改委)\n")
    assert notice.issuers == ["苏州市发展和改革委员会", "中国人民银行苏州市中心支行"]
    assert notice.addressees == ["各市、区社会信用体系建设领导小组办公室", "区政府各委、办、局",
                                 "各区属机构"]
    assert notice.issue_date == "2019-03-05"


def test_issuer_heading_above_number_and_date():
    notice = parse_text(
        "厦门市社会信用体系建设领导小组\n厦信用〔2012〕2号\n二〇一二年二月二十日\n"
        "关于印发《厦门市2012年社会信用体系建设重点工作任务》的通知\n各区人民政府,市直各有关单位:\n"
        "现将任务印发给你们。\n厦门市2012年社会信用体系建设重点工作任务\n一、推进政务诚信建设\n"
        "(一)建立行政机关信用承诺制度。市监察局牵头,市直各部门按职责分工负责。\n")
    assert notice.issuers == ["厦门市社会信用体系建设领导小组"]
    assert (notice.doc_number, notice.issue_date) == ("厦信用〔2012〕2号", "2012-02-20")
    assert notice.region == "厦门市" and notice.year == 2012
    assert [(u.name, u.role) for u in notice.tasks[0].units] == [("市监察局", "lead"),
                                                                 ("市直各部门", "responsible")]


def test_government_information_panel_with_tabs():
    notice = parse_text(
        "发文机关:\t浙江省发展和改革委员会\t成文日期:\t2019年04月02日\n"
        "发文字号:\t浙发改财金〔2019〕140号\t发布日期:\t2019年04月08日\n"
        "浙江省发展改革委关于印发《2019年浙江省社会信用体系建设工作要点》的通知\n"
        "各设区市发展改革委,省级有关单位:\n现将要点印发给你们。\n"
        "2019年浙江省社会信用体系建设工作要点\n一、深化信用应用\n"
        "(一)推进“信用+”应用场景建设。(各设区市政府负责)\n扫一扫在手机打开当前页\n")
    assert notice.title == "2019年浙江省社会信用体系建设工作要点"
    assert notice.doc_number == "浙发改财金〔2019〕140号"
    assert notice.issue_date == "2019-04-02"
    assert notice.issuers == ["浙江省发展改革委"]          # one body, spelt two ways
    assert notice.addressees == ["各设区市发展改革委", "省级有关单位"]
    assert notice.tasks[0].text == "推进“信用+”应用场景建设。"
    assert [u.name for u in notice.tasks[0].units] == ["各设区市政府"]


def test_a_title_opening_with_a_verb_has_no_region_from_it():
    notice = parse_text("2020年推进长三角区域信用合作工作要点\n一、总则\n(一)推进合作。")
    assert notice.region is None and notice.year == 2020
