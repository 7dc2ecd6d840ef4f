"""The exporters: what each format says about the samples, and that it reads back intact."""

from __future__ import annotations

import csv
import doctest
import html
import io
import json
import re

import pytest

from creditplan import Notice
from creditplan.export import EXPORTERS, EXTENSIONS, ExportOptions, export
from creditplan.export import csv as csv_export
from creditplan.export import frame, markdown, units
from creditplan.export.csv import TASK_COLUMNS, UNIT_COLUMNS
from creditplan.export.units import count_units, display_width

TAGS = re.compile(r"<[^>]+>")


def chunks(notices, fmt, **options) -> str:
    return "".join(export(notices, fmt, ExportOptions(**options)))


def tricky_notice() -> Notice:
    """A notice whose text uses every character that means something in CSV or Markdown."""
    unit = {"name": "市发改委", "role": "lead", "canonical": "市发展改革委"}
    return Notice.model_validate({
        "source": "dir/a,b.txt", "title": "标题 | *星* # 号", "year": 2023, "region": "上海市",
        "sections": [{"index": 1, "number": "一", "title": "# 总则 <b>粗</b>", "line": 2,
                      "span": [0, 10]}],
        "tasks": [
            {"origin": "clause", "section": 1, "group": None, "index": 1, "path": [1, 1],
             "title": None, "text": '1. 列"引号",逗号\n换行 | 竖线 *星号* _下划线_ <script>x</script>',
             "units": [unit, {"name": "市法制办", "role": "support", "canonical": "市法制办"},
                       {"name": "区政府", "role": "support", "canonical": "区人民政府"}],
             "units_open": True, "line": 3, "span": [0, 5]},
            {"origin": "table", "section": None, "group": None, "index": 7, "path": [7],
             "title": "建立制度(试点)", "text": "建立制度(试点)开展工作 - 不是列表",
             "units": [{**unit, "role": "responsible"}], "deadline": "2023年底", "line": 9,
             "span": [5, 9]},
        ],
        "warnings": [{"code": "unplaced_text", "message": "text <not> placed", "line": 4}],
    })


def test_registry_names_every_format_with_an_extension():
    assert set(EXPORTERS) == {"json", "jsonl", "csv", "md"} == set(EXTENSIONS)
    with pytest.raises(ValueError, match="unknown format"):
        export([], "xml")


@pytest.mark.parametrize("fmt, expected", [("json", "[]\n"), ("jsonl", ""),
                                           ("csv", ",".join(TASK_COLUMNS) + "\r\n"),
                                           ("md", markdown.NO_NOTICES)])
def test_an_empty_input_still_gives_valid_output(fmt, expected):
    assert chunks([], fmt) == expected


def test_json_array_is_what_json_dumps_gives(clean_notices):
    notices = list(clean_notices.values())
    text = chunks(notices, "json")
    records = [n.model_dump(mode="json") for n in notices]
    assert text == json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    assert json.loads(text) == records
    assert "社会信用体系" in text and not text.startswith("\ufeff")


def test_json_single_document_is_one_object(clean_notices):
    notice = clean_notices["shanghai-2023-work-points"]
    text = chunks([notice], "json", array=False)
    assert json.loads(text) == notice.model_dump(mode="json")
    assert text.startswith('{\n  "source"')


def test_jsonl_is_one_compact_record_per_line(clean_notices):
    notices = list(clean_notices.values())
    lines = chunks(notices, "jsonl").splitlines()
    assert len(lines) == len(notices)
    assert [json.loads(line) for line in lines] == [n.model_dump(mode="json") for n in notices]
    assert all(", " not in line[:200] and "\n" not in line for line in lines)


def test_exporters_stream_one_notice_at_a_time(clean_notices):
    notice = clean_notices["hefei-2017-work-points"]

    def one_then_broken():
        yield notice
        raise AssertionError("the exporter read ahead of what it had written")

    for fmt in EXPORTERS:
        stream = export(one_then_broken(), fmt)
        text = next(stream) + (next(stream) if fmt == "csv" else "")
        assert "合肥市2017年" in text, fmt


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("name", ["hefei-2017-work-points", "shanghai-2012-work-points",
                                  "shanghai-2023-work-points", "songjiang-2022-work-points"])
def test_csv_has_one_row_per_task_and_reads_back_identical(clean_notices, name):
    notice = clean_notices[name]
    text = chunks([notice], "csv")
    rows = read_csv(text)
    assert tuple(rows[0]) == TASK_COLUMNS
    assert len(rows) - 1 == len(notice.tasks) > 0
    for row, task in zip(rows[1:], notice.tasks):
        cells = dict(zip(TASK_COLUMNS, row))
        assert cells["text"] == task.text and cells["index"] == str(task.index)
        assert cells["lead"] == ";".join(u.name for u in task.units if u.role == "lead")
        assert cells["units_open"] == ("true" if task.units_open else "false")
    assert text.count("\r\n") >= len(rows) and "\n" not in text.replace("\r\n", "")


def test_csv_units_layout_has_one_row_per_unit(clean_notices):
    notice = clean_notices["shanghai-2023-work-points"]
    rows = read_csv(chunks([notice], "csv", csv_layout="units"))
    assert tuple(rows[0]) == UNIT_COLUMNS
    assert len(rows) - 1 == sum(len(task.units) for task in notice.tasks) > 0
    expected = [(u.name, u.canonical, u.role) for task in notice.tasks for u in task.units]
    assert [(r[10], r[11], r[12]) for r in rows[1:]] == expected


def test_csv_quotes_commas_quotes_and_newlines():
    notice = tricky_notice()
    rows = read_csv(chunks([notice], "csv"))
    first = dict(zip(TASK_COLUMNS, rows[1]))
    assert first["text"] == notice.tasks[0].text
    assert first["source"] == "dir/a,b.txt" and first["section_title"] == "# 总则 <b>粗</b>"
    assert first["support"] == "市法制办;区政府" and first["group"] == ""
    assert dict(zip(TASK_COLUMNS, rows[2]))["deadline"] == "2023年底"


def test_csv_bom_only_when_asked(clean_notices):
    notice = clean_notices["hefei-2017-work-points"]
    assert chunks([notice], "csv", bom=True).encode("utf-8")[:3] == b"\xef\xbb\xbf"
    assert chunks([notice], "csv").encode("utf-8")[:3] == b"sou"
    assert chunks([], "csv", bom=True) == "\ufeff" + ",".join(TASK_COLUMNS) + "\r\n"


def test_csv_reads_back_identical_in_pandas(clean_notices):
    pandas = pytest.importorskip("pandas")
    notices = list(clean_notices.values())
    text = chunks(notices, "csv", bom=True)
    frame = pandas.read_csv(io.BytesIO(text.encode("utf-8")), dtype=str, encoding="utf-8-sig",
                            keep_default_na=False)
    assert list(frame.columns) == list(TASK_COLUMNS)
    assert frame.values.tolist() == read_csv(text.lstrip("\ufeff"))[1:]
    assert len(frame) == sum(len(n.tasks) for n in notices)


def render(markdown_text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(markdown_text)


def visible(html_text: str) -> str:
    return re.sub(r"\s+", "", html.unescape(TAGS.sub("", html_text)))


def test_markdown_of_every_sample_renders_its_contents(clean_notices):
    for name, notice in clean_notices.items():
        page = render(chunks([notice], "md"))
        text = visible(page)
        assert page.startswith(f"<h1>{notice.title}</h1>"), name
        for section in notice.sections:
            assert f"<h2>{section.number}、{html.escape(section.title)}</h2>" in page, name
        for task in notice.tasks:
            assert re.sub(r"\s+", "", task.text[:30]) in text, (name, task.index)
        assert "<table>" in page and "按单位统计" in page


def test_markdown_escapes_what_would_change_the_rendering():
    notice = tricky_notice()
    page = render(chunks([notice], "md"))
    assert page.startswith("<h1>标题 | *星* # 号</h1>")
    assert "<script>" not in page and "<b>" not in page and "<em>" not in page
    assert "&lt;script&gt;" in page and "# 总则 &lt;b&gt;粗&lt;/b&gt;</h2>" in page
    assert '<li>1. 列&quot;引号&quot;,逗号 换行 | 竖线 *星号* _下划线_' in page
    assert "<strong>建立制度(试点)</strong> 开展工作 - 不是列表" in page
    assert "<strong>牵头</strong> 市发改委; <strong>配合</strong> 市法制办、区政府等" in page
    assert "<h2>任务分工表</h2>" in page and '<ol start="7">' in page
    assert "<td>市发展改革委</td>" in page and "text &lt;not&gt; placed" in page


def test_markdown_separates_notices_with_a_rule(clean_notices):
    notices = list(clean_notices.values())
    page = render(chunks(notices, "md"))
    assert page.count("<hr />") == len(notices) - 1
    assert page.count("<h1>") == len(notices)


def test_markdown_groups_table_tasks_under_their_headings(clean_notices):
    notice = clean_notices["shanghai-2023-work-points"]
    page = render(chunks([notice], "md"))
    assert page.count("<h3>任务分工表</h3>") == len(notice.sections)
    for group in notice.groups:
        assert f"（{markdown.chinese_number(group.index)}）{group.title}</h4>" in page


def test_count_units_counts_tasks_by_canonical_name_and_role():
    notice = tricky_notice()
    rows = count_units([notice, notice])
    assert [(r.canonical, r.lead, r.support, r.responsible, r.total) for r in rows] == [
        ("市发展改革委", 2, 0, 2, 4), ("区人民政府", 0, 2, 0, 2), ("市法制办", 0, 2, 0, 2)]


def test_count_units_sums_across_samples(clean_notices):
    rows = count_units(clean_notices.values())
    assert sum(r.total for r in rows) == len({(name, i, u.canonical) for name, n in
                                              clean_notices.items() for i, t in
                                              enumerate(n.tasks) for u in t.units})
    assert [(-r.total, r.region, r.canonical) for r in rows] == sorted(
        (-r.total, r.region, r.canonical) for r in rows)


def test_unit_renderings_agree():
    rows = count_units([tricky_notice()])
    as_csv = read_csv("".join(units.units_csv(rows)))
    as_json = json.loads("".join(units.units_json(rows)))
    assert as_csv[0] == list(units.UNIT_COUNT_COLUMNS)
    assert [dict(zip(as_csv[0], r)) for r in as_csv[1:]] == [
        {k: str(v) for k, v in row.items()} for row in as_json]
    lines = "".join(units.units_text(rows)).splitlines()
    assert lines[0].split() == list(units.UNIT_COUNT_COLUMNS)
    assert lines[1].split() == ["上海市", "市发展改革委", "1", "0", "1", "2"]
    assert len({display_width(line) for line in lines}) == 1  # columns line up


def test_rich_table_has_a_row_per_agency_and_reads_no_markup():
    from rich.console import Console

    rows = count_units([tricky_notice()]) + [units.UnitCount("", "[bold]某局[/bold]", 1, 0, 0, 1)]
    table = units.rich_table(rows)
    assert table.row_count == 4 and len(table.columns) == 6
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(table)
    assert "[bold]某局[/bold]" in console.file.getvalue()


@pytest.mark.parametrize("module", [markdown, units, csv_export, frame])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


def test_a_unit_with_a_dunhao_in_its_name_splits_back_from_its_csv_cell() -> None:
    """各市、州、县人民政府 is one unit: the tasks layout joins units with ;, which no name holds."""
    import csv as csv_module
    import io

    from creditplan import parse_text
    from creditplan.export import export

    notice = parse_text("一、总则\n(一)建立制度。(各市、州、县人民政府,省发展改革委负责)\n")
    rows = list(csv_module.DictReader(io.StringIO("".join(export([notice], "csv")))))
    assert rows[0]["responsible"].split(";") == [u.name for u in notice.tasks[0].units] == [
        "各市、州、县人民政府", "省发展改革委"]
