"""Every sample against its hand-checked expected JSON, plus the issue's acceptance figures.

The expected files (tests/expected/*.json) were written by scripts/make_expected.py and checked
by hand against the text; the figures below were counted from the texts independently, so a
regenerated expected file that drifted from them still fails.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

import creditplan

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))

# name: (sections, clause tasks, table tasks, units on clause tasks, title, issue_date, region)
ACCEPTANCE = {
    "shanghai-2008-work-points": (3, 12, 0, 0, "2008年上海市社会诚信体系建设工作要点",
                                  "2008-03-28", "上海市"),
    "hefei-2017-work-points": (12, 50, 0, 136, "合肥市2017年社会信用体系建设工作要点",
                               "2017-06-20", "合肥市"),
    "shanghai-2012-work-points": (12, 63, 96, 0, "2012年上海市社会信用体系建设工作要点",
                                  "2012-07-03", "上海市"),
    "songjiang-2022-work-points": (4, 20, 0, 84, "2022年松江区社会信用体系建设工作要点",
                                   "2022-09-23", "上海市松江区"),
    "shanghai-2023-work-points": (5, 16, 67, 0, "2023年上海市社会信用体系建设工作要点",
                                  "2023-03-28", "上海市"),
}


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.stem)
def parsed(request):
    return request.param, creditplan.parse_file(request.param)


def test_matches_expected_json(parsed):
    path, notice = parsed
    expected = json.loads((ROOT / "tests" / "expected" / f"{path.stem}.json").read_text("utf-8"))
    actual = json.loads(notice.model_dump_json(exclude={"source"}))
    for key in expected:
        if key == "tasks":
            continue
        assert actual[key] == expected[key], f"{path.stem}: field {key} differs"
    assert len(actual["tasks"]) == len(expected["tasks"])
    for got, want in zip(actual["tasks"], expected["tasks"]):
        assert got == want, f"{path.stem}: task {want['origin']} {want['path']} differs"


def test_acceptance_figures(parsed):
    path, notice = parsed
    sections, clauses, rows, units, title, date, region = ACCEPTANCE[path.stem]
    origins = Counter(t.origin for t in notice.tasks)
    assert len(notice.sections) == sections
    assert origins["clause"] == clauses
    assert origins["table"] == rows
    assert sum(len(t.units) for t in notice.tasks if t.origin == "clause") == units
    assert (notice.title, notice.issue_date, notice.region) == (title, date, region)
    assert notice.coverage >= 0.99
    assert not [w for w in notice.warnings if w.code == "unplaced_text"]


def test_task_text_is_its_own_words(parsed):
    """No number label, no responsibility bracket, no neighbour's words."""
    _, notice = parsed
    for task in notice.tasks:
        assert task.text and task.text == task.text.strip()
        assert not task.text.startswith(("(", "一、")), task.text[:10]
        assert "责任单位" not in task.text and "牵头单位" not in task.text
    texts = [t.text for t in notice.tasks if t.origin == "clause"]
    for a, b in zip(texts, texts[1:]):
        assert b[:15] not in a


def test_round_trips_through_json(parsed):
    _, notice = parsed
    assert creditplan.Notice.model_validate_json(notice.model_dump_json()) == notice


def test_shanghai_2008_metadata():
    notice = creditplan.parse_file(ROOT / "samples" / "shanghai-2008-work-points.txt")
    assert notice.issuers == ["上海市社会诚信体系建设联席会议办公室", "上海市征信管理办公室"]
    assert [t.index for t in notice.tasks] == [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2]


def test_shanghai_2012_metadata_and_table_rows():
    notice = creditplan.parse_file(ROOT / "samples" / "shanghai-2012-work-points.txt")
    assert notice.doc_number == "沪经信征[2012]1号"
    assert notice.issuers == ["上海市社会诚信体系建设联席会议办公室", "上海市征信管理办公室"]
    rows = {t.index: t for t in notice.tasks if t.origin == "table"}
    assert [(u.name, u.role) for u in rows[6].units] == [("各区县政府", "lead")]
    assert [u.role for u in rows[41].units] == ["lead"] * 3
    assert all(t.group is None and 1 <= t.section <= 12 for t in rows.values())
    section_ten = [t for t in notice.tasks if t.origin == "clause" and t.section == 10]
    assert [t.index for t in section_ten] == [1, 2, 3, 4, 5, 6]   # (2012) is text
    assert "(2012)" in section_ten[2].text


def test_shanghai_2023_table_groups():
    notice = creditplan.parse_file(ROOT / "samples" / "shanghai-2023-work-points.txt")
    rows = {t.index: t for t in notice.tasks if t.origin == "table"}
    assert {rows[i].group for i in (17, 18, 19)} == {4}
    assert rows[14].group == rows[15].group == 3
    assert sorted({t.group for t in rows.values()}) == list(range(1, 17))
    assert [(u.name, u.role) for u in rows[8].units][:2] == [("市发展改革委", "lead"),
                                                             ("市文化旅游局", "responsible")]
    clause = [t for t in notice.tasks if t.origin == "clause"]
    assert [t.index for t in clause] == list(range(1, 17))


def test_songjiang_normalization():
    notice = creditplan.parse_file(ROOT / "samples" / "songjiang-2022-work-points.txt")
    assert notice.script == "traditional"
    assert notice.repairs["lost_space"] == 26
    assert notice.repairs["byte_shift"] == 1
    assert notice.repairs["pinyin_annotation"] == 592
    assert notice.issuers == ["上海市松江区人民政府"]
    assert any("实体经济" in t.text for t in notice.tasks)
    assert not any("(" in t.text and t.text[t.text.index("(") + 1].isascii() for t in notice.tasks)
