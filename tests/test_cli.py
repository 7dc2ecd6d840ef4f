"""The command line, in-process with click's CliRunner and as a real process where it matters:
streams, locales, worker processes, closed pipes."""

from __future__ import annotations

import csv
import doctest
import io
import json
import os
import re
import select
import shutil
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

import creditplan
from creditplan import Notice, batch, inputs, outputs, terminal
from creditplan.batch import Outcome, parse_sources
from creditplan.cli import cli
from creditplan.export import FORMATS, ExportOptions
from creditplan.export.csv import TASK_COLUMNS, UNIT_COLUMNS
from creditplan.inputs import Source, discover
from creditplan.outputs import render_utf8
from creditplan.terminal import Reporter, wants_bar

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
HEFEI = ROOT / "samples" / "hefei-2017-work-points.txt"
SONGJIANG = ROOT / "samples" / "songjiang-2022-work-points.txt"
SH2023 = ROOT / "samples" / "shanghai-2023-work-points.txt"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NO_TASKS_TEXT = "这是一段没有编号任务的文字。\n".encode()


def run(*args, input=None, code=0):
    """Invoke the CLI in-process; check the exit code and that no traceback leaked."""
    result = CliRunner().invoke(cli, [str(arg) for arg in args], input=input)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == code, (result.exit_code, result.stderr)
    return result


def run_process(*args, env=None, input=None, timeout=120):
    """Run ``python -m creditplan`` as a real process; bytes out."""
    result = subprocess.run([sys.executable, "-m", "creditplan", *map(str, args)], env=env,
                            input=input, capture_output=True, timeout=timeout)
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    return result


@pytest.fixture
def folder(tmp_path):
    """A folder of the samples, one nested, with a hidden file and a non-notice file."""
    root = tmp_path / "notices"
    (root / "sub").mkdir(parents=True)
    for path in SAMPLES[:3]:
        shutil.copy(path, root / path.name)
    shutil.copy(SONGJIANG, root / "sub" / "songjiang.txt")
    (root / ".hidden.txt").write_bytes(b"not a notice")
    (root / "readme.md").write_bytes(b"not a notice either")
    return root


# --- parse: inputs ------------------------------------------------------------------------

def test_parse_stdin_gives_one_json_object():
    result = run("parse", "-", input=HEFEI.read_bytes())
    record = json.loads(result.stdout)
    assert record["title"] == "合肥市2017年社会信用体系建设工作要点"
    assert record["source"] is None and result.stderr == ""


def test_no_input_reads_stdin():
    assert json.loads(run("parse", input=SH2023.read_bytes()).stdout)["year"] == 2023


def test_three_files_as_jsonl_give_three_lines_in_order():
    lines = run("parse", *SAMPLES[:3], "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["source"] for line in lines] == [str(p) for p in SAMPLES[:3]]


def test_several_files_as_json_give_an_array():
    records = json.loads(run("parse", HEFEI, SH2023).stdout)
    assert [r["year"] for r in records] == [2017, 2023]


def test_folder_gives_one_record_per_file_sorted_and_nested(folder):
    records = json.loads(run("parse", folder, "--glob", "*.txt").stdout)
    names = [Path(r["source"]).relative_to(folder).as_posix() for r in records]
    assert names == sorted(p.name for p in SAMPLES[:3]) + ["sub/songjiang.txt"]


def test_folder_with_one_file_still_gives_an_array(folder):
    records = json.loads(run("parse", folder / "sub").stdout)
    assert isinstance(records, list) and len(records) == 1


def test_glob_by_path_inside_the_folder(folder):
    records = json.loads(run("parse", folder, "--glob", "sub/*").stdout)
    assert [Path(r["source"]).name for r in records] == ["songjiang.txt"]


def test_discover_skips_hidden_files_and_filters_by_glob(folder):
    names = [s.relative.as_posix() for s in discover([str(folder)])]
    assert ".hidden.txt" not in names and "readme.md" in names
    assert "readme.md" not in [s.relative.as_posix()
                               for s in discover([str(folder)], glob="*.txt")]


def test_empty_folder_is_reported(tmp_path):
    result = run("parse", tmp_path, code=1)
    assert json.loads(result.stdout) == []
    assert result.stderr == f"creditplan: {tmp_path}: is a folder with no files to parse\n"


# --- parse: failures ----------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes and links")
def test_a_batch_with_bad_inputs_writes_every_good_record(folder):
    bad = {
        "empty.txt": "is empty",
        "scan.txt": "is a PDF document, not text",
        "pipe.txt": "is not a regular file",
        "gone.txt": "does not exist",
    }
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "nowhere")
    # a folder whose name matches the glob is a folder: its files are parsed, it is no error
    (folder / "more.txt").mkdir()
    shutil.copy(HEFEI, folder / "more.txt" / "inner.txt")
    if not IS_ROOT:  # root reads anything
        shutil.copy(HEFEI, folder / "locked.txt")
        (folder / "locked.txt").chmod(0)
        bad["locked.txt"] = "cannot be read (permission denied)"
        (folder / "closed").mkdir()
        (folder / "closed").chmod(0)
        bad["closed"] = "cannot be read (permission denied)"
    missing = folder.parent / "missing.txt"
    result = run("parse", folder, missing, "--glob", "*.txt", "-f", "jsonl", code=1)
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert len(sources) == 5 and str(folder / "more.txt" / "inner.txt") in sources
    errors = [line for line in result.stderr.splitlines() if "parsed," not in line]
    expected = {f"creditplan: {folder / name}: {message}" for name, message in bad.items()}
    expected.add(f"creditplan: {missing}: does not exist")
    assert len(errors) == len(expected)
    assert all(any(line.startswith(e) for line in errors) for e in expected), errors
    assert result.stderr.splitlines()[-1].startswith("creditplan: 5 of ")


def test_one_missing_file_exits_1_with_nothing_on_stdout():
    result = run("parse", "no-such-notice.txt", code=1)
    assert result.stdout == ""
    assert result.stderr == "creditplan: no-such-notice.txt: does not exist\n"


def test_a_bug_while_parsing_one_file_is_one_line_and_the_batch_goes_on(monkeypatch):
    real = creditplan.batch.parse_file

    def flaky(path, **options):
        if Path(path).name == HEFEI.name:
            raise KeyError("boom")
        return real(path, **options)

    monkeypatch.setattr(creditplan.batch, "parse_file", flaky)
    result = run("parse", HEFEI, SH2023, "-f", "jsonl", "-q", code=1)
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == f"creditplan: {HEFEI}: internal error: KeyError: 'boom'\n"


def test_strict_fails_on_warnings_and_quiet_hides_their_summary(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_bytes(NO_TASKS_TEXT)
    loud = run("parse", plain)
    summary = rf"creditplan: {re.escape(str(plain))}: \d+ warnings? \(.*no_tasks 1.*\)\n"
    assert re.fullmatch(summary, loud.stderr)
    assert run("parse", plain, "--strict", "-q", code=1).stderr == ""
    assert run("parse", HEFEI, "--strict").stderr == ""


def test_size_guard(tmp_path):
    result = run("parse", HEFEI, "--max-size", "1K", code=1)
    assert result.stderr == (f"creditplan: {HEFEI}: is larger than 1,024 bytes (raise the "
                             f"limit with --max-size)\n")
    run("parse", HEFEI, "--max-size", "0")
    run("parse", "-", "--max-size", "100", input=HEFEI.read_bytes(), code=1)
    assert "not a size" in run("parse", HEFEI, "--max-size", "big", code=2).stderr


@pytest.mark.parametrize("args, message", [
    (["-f", "xml"], "Invalid value for '-f'"),
    (["-o", "x.json", "--out-dir", "d"], "not both"),
    (["--bom"], "--bom is only for --format csv"),
    (["--encoding", "klingon"], "unknown encoding"),
    (["-", "-"], "only once"),
    (["--jobs", "-1"], "Invalid value for '-j'"),
])
def test_usage_errors_exit_2(args, message):
    assert message in run("parse", HEFEI, *args, code=2).stderr


# --- parse: options -----------------------------------------------------------------------

def test_origin_keeps_only_that_origin():
    record = json.loads(run("parse", SH2023, "--origin", "table").stdout)
    assert record["tasks"] and {t["origin"] for t in record["tasks"]} == {"table"}
    assert {g["origin"] for g in record["groups"]} <= {"table"}
    record = json.loads(run("parse", SH2023, "--origin", "clause").stdout)
    assert {t["origin"] for t in record["tasks"]} == {"clause"}


def test_keep_script_keeps_traditional_task_text():
    simplified = json.loads(run("parse", SONGJIANG).stdout)["tasks"][0]["text"]
    kept = json.loads(run("parse", SONGJIANG, "--keep-script").stdout)["tasks"][0]["text"]
    assert "著力推动" in simplified and "著力推動" in kept


def test_encoding_option_decodes_as_told(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(HEFEI.read_text(encoding="utf-8").encode("gb18030"))
    record = json.loads(run("parse", gbk, "--encoding", "gbk").stdout)
    assert record["encoding"] == "gb18030" and record["title"].startswith("合肥市")
    assert "does not decode as utf-8" in run("parse", gbk, "--encoding", "utf-8",
                                             code=1).stderr


def test_csv_rows_are_tasks_and_read_back():
    notice = creditplan.parse_file(SH2023)
    out = run("parse", SH2023, "-f", "csv").stdout_bytes
    rows = list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
    assert tuple(rows[0]) == TASK_COLUMNS and len(rows) - 1 == len(notice.tasks)
    assert not out.startswith(b"\xef\xbb\xbf") and out.endswith(b"\r\n")
    long_form = run("parse", SH2023, "-f", "csv", "--csv-layout", "units", "--bom").stdout_bytes
    rows = list(csv.reader(io.StringIO(long_form.decode("utf-8-sig"), newline="")))
    assert long_form.startswith(b"\xef\xbb\xbf") and tuple(rows[0]) == UNIT_COLUMNS
    assert len(rows) - 1 == sum(len(t.units) for t in notice.tasks)


def test_markdown_report_renders():
    from markdown_it import MarkdownIt

    page = MarkdownIt("commonmark").enable("table").render(run("parse", SH2023, "-f", "md")
                                                           .stdout)
    assert page.startswith("<h1>2023年上海市社会信用体系建设工作要点</h1>")


# --- parse: outputs -----------------------------------------------------------------------

def test_output_file_is_written_whole_and_leaves_no_temporary_file(tmp_path):
    out = tmp_path / "all.json"
    run("parse", HEFEI, SH2023, "-o", out)
    assert [r["year"] for r in json.loads(out.read_text(encoding="utf-8"))] == [2017, 2023]
    assert [p.name for p in tmp_path.iterdir()] == ["all.json"]
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's private 0600


def test_output_file_is_kept_when_every_input_fails(tmp_path):
    out = tmp_path / "all.json"
    out.write_text("previous", encoding="utf-8")
    run("parse", tmp_path / "missing.txt", "-o", out, code=1)
    assert out.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["all.json"]


def test_output_into_a_missing_folder_fails_before_parsing(tmp_path):
    result = run("parse", HEFEI, "-o", tmp_path / "no" / "x.json", code=1)
    assert result.stderr.startswith(f"creditplan: {tmp_path / 'no' / 'x.json'}: cannot be "
                                    "written")


def test_out_dir_writes_one_file_per_input_keeping_the_structure(folder, tmp_path):
    out = tmp_path / "out"
    run("parse", folder, SH2023, "--glob", "*.txt", "-f", "md", "--out-dir", out)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    expected = sorted([p.stem + ".md" for p in SAMPLES[:3]] + ["sub/songjiang.md"])
    assert written == sorted(expected + [SH2023.stem + ".md"])
    assert (out / "sub" / "songjiang.md").read_text(encoding="utf-8").startswith(
        "# 2022年松江区社会信用体系建设工作要点")
    assert run("parse", folder / "sub", "--out-dir", out).stdout == ""
    assert json.loads((out / "songjiang.json").read_text(encoding="utf-8"))["year"] == 2022


def test_out_dir_inside_the_input_folder_is_not_read_back(folder):
    run("parse", folder, "--out-dir", folder / "out")
    again = run("parse", folder, "--out-dir", folder / "out", "-f", "jsonl")
    assert str(folder / "out") not in again.stderr and "5 of 5 parsed" in again.stderr
    assert len(list((folder / "out").rglob("*.json"))) == 5  # 4 notices and readme.md


def test_out_dir_reports_a_name_clash_and_refuses_stdin(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(HEFEI, tmp_path / "a" / "x.txt")
    shutil.copy(SH2023, tmp_path / "b" / "x.txt")
    result = run("parse", tmp_path / "a" / "x.txt", tmp_path / "b" / "x.txt", "--out-dir",
                 tmp_path / "out", code=1)
    assert "would overwrite" in result.stderr
    assert json.loads((tmp_path / "out" / "x.json").read_text("utf-8"))["year"] == 2017
    assert "not stdin" in run("parse", "-", "--out-dir", tmp_path, code=2).stderr


# --- other commands -----------------------------------------------------------------------

def test_normalize_prints_clean_text_and_explains_on_stderr():
    result = run("normalize", SONGJIANG, "--explain")
    assert "2022年松江区社会信用体系建设工作要点" in result.stdout and "(guān)" not in result.stdout
    assert "pinyin_annotation" in result.stderr and "script traditional" in result.stderr
    assert run("normalize", "-", input=HEFEI.read_bytes()).stdout.startswith("合肥市")


def test_normalize_names_a_folder_or_missing_file(tmp_path):
    assert run("normalize", tmp_path, code=1).stderr == (
        f"creditplan: {tmp_path}: is a folder, not a file\n")
    assert "does not exist" in run("normalize", tmp_path / "x.txt", code=1).stderr


def test_schema_is_the_notice_models_schema():
    out = run("schema").stdout_bytes
    assert json.loads(out) == Notice.model_json_schema()
    assert "牵头".encode() in out and out.startswith(b"{\n  ")


def test_units_counts_agencies_across_files():
    expected = {}
    for path in (HEFEI, SONGJIANG):
        notice = creditplan.parse_file(path)
        for task in notice.tasks:
            for name in {u.canonical for u in task.units}:
                key = (notice.region, name)
                expected[key] = expected.get(key, 0) + 1
    rows = json.loads(run("units", HEFEI, SONGJIANG, "-f", "json").stdout)
    assert {(r["region"], r["canonical"]): r["total"] for r in rows} == expected
    assert ("合肥市", "市发展改革委") in expected    # relative names count per region
    assert [r["total"] for r in rows] == sorted((r["total"] for r in rows), reverse=True)
    table = list(csv.reader(io.StringIO(run("units", HEFEI, SONGJIANG, "-f", "csv").stdout)))
    assert table[0] == ["region", "canonical", "lead", "support", "responsible", "total"]
    assert [row[:2] for row in table[1:]] == [[r["region"], r["canonical"]] for r in rows]


def test_units_prints_a_plain_table_when_stdout_is_not_a_terminal():
    lines = run("units", HEFEI).stdout.splitlines()
    assert lines[0].split() == ["region", "canonical", "lead", "support", "responsible", "total"]
    assert "─" not in lines[1] and len(lines[1].split()) == 6


@pytest.mark.parametrize("command", ["parse", "units", "normalize", "schema"])
def test_every_command_has_help_with_an_example(command):
    assert "Example" in run(command, "--help").stdout


def test_version():
    assert run("--version").stdout.strip() == f"creditplan, version {creditplan.__version__}"


@pytest.mark.parametrize("module", [inputs, outputs, terminal])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


# --- the terminal -------------------------------------------------------------------------

def test_bar_only_for_batches_on_a_terminal(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert wants_bar(3, quiet=False, stdout_is_output=True)
    assert not wants_bar(1, quiet=False, stdout_is_output=True)
    assert not wants_bar(3, quiet=True, stdout_is_output=True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert not wants_bar(3, quiet=False, stdout_is_output=True)  # would mix with the data
    assert wants_bar(3, quiet=False, stdout_is_output=False)


def test_reporter_with_a_bar_prints_failures_above_it(capsys):
    good = Outcome(Source("a.txt"), notice=creditplan.parse_file(HEFEI))
    bad = Outcome(Source("b.txt"), error="does not exist")
    with Reporter(2, bar=True) as report:
        assert [o.source.name for o in report.parsed([good, bad])] == ["a.txt"]
    assert "creditplan: b.txt: does not exist" in capsys.readouterr().err
    assert report.exit_code() == 1


# --- real processes -----------------------------------------------------------------------

def c_locale_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONIOENCODING", "PYTHONUTF8") and not k.startswith("LC_")}
    return {**env, "LANG": "C", "LC_ALL": "C", **extra}


@pytest.mark.parametrize("extra", [{}, {"PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}],
                         ids=["LANG=C", "code-page"])
def test_output_is_utf8_whatever_the_locale(extra, tmp_path):
    result = run_process("parse", SH2023, env=c_locale_env(**extra))
    assert result.returncode == 0
    assert json.loads(result.stdout.decode("utf-8"))["title"] == "2023年上海市社会信用体系建设工作要点"
    missing = tmp_path / "不存在.txt"
    result = run_process("parse", missing, env=c_locale_env(**extra))
    assert result.returncode == 1
    assert result.stderr.decode("utf-8") == f"creditplan: {missing}: does not exist\n"


def test_console_script_runs():
    script = shutil.which("creditplan", path=str(Path(sys.executable).parent))
    assert script, "the console script is not installed"
    result = subprocess.run([script, "parse", HEFEI, "-f", "jsonl"], capture_output=True,
                            timeout=60)
    assert result.returncode == 0 and json.loads(result.stdout)["year"] == 2017


@pytest.mark.skipif(sys.platform == "win32", reason="select() on pipes is POSIX")
def test_jsonl_streams_each_notice_as_soon_as_it_is_parsed():
    proc = subprocess.Popen([sys.executable, "-m", "creditplan", "parse", HEFEI, "-",
                             "-f", "jsonl"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        # The second input (stdin) is not there yet: the first record must already be out.
        ready, _, _ = select.select([proc.stdout], [], [], 60)
        assert ready, "the first record was held back"
        first = json.loads(proc.stdout.readline())
        proc.stdin.write(SH2023.read_bytes())
        proc.stdin.close()
        second = json.loads(proc.stdout.readline())
        assert proc.wait(60) == 0 and b"Traceback" not in proc.stderr.read()
    finally:
        proc.kill()
    assert (first["year"], second["year"]) == (2017, 2023)


def test_a_closed_pipe_ends_quietly(tmp_path):
    for i in range(20):
        shutil.copy(SAMPLES[i % len(SAMPLES)], tmp_path / f"{i:02}.txt")
    proc = subprocess.Popen([sys.executable, "-m", "creditplan", "parse", tmp_path,
                             "-f", "jsonl"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read()
    proc.wait(60)
    assert b"Traceback" not in stderr and b"Exception ignored" not in stderr


def test_a_one_file_run_does_not_import_rich_or_multiprocessing():
    code = ("import sys; from creditplan.cli import cli; "
            f"cli.main(['parse', {str(HEFEI)!r}, '-o', {os.devnull!r}], standalone_mode=False);"
            "print(sorted(m for m in ('rich', 'multiprocessing') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.stdout.strip() == b"[]", result.stderr


def test_jobs_2_gives_byte_identical_output_to_jobs_1(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(200):
        shutil.copy(SAMPLES[i % len(SAMPLES)], folder / f"{i:03}-{SAMPLES[i % len(SAMPLES)].name}")
    outputs, timings = {}, {}
    for jobs in (1, 2):
        start = time.perf_counter()
        result = run_process("parse", folder, "-f", "jsonl", "--jobs", jobs, timeout=600)
        timings[jobs] = time.perf_counter() - start
        assert result.returncode == 0, result.stderr
        outputs[jobs] = result.stdout
    print(f"200 notices: --jobs 1 {timings[1]:.2f}s, --jobs 2 {timings[2]:.2f}s")
    assert len(outputs[1].splitlines()) == 200
    assert outputs[1] == outputs[2]


@pytest.fixture(scope="module")
def mixed_batch(tmp_path_factory):
    """A dozen notices in a nested folder, with one file that fails and one that warns."""
    root = tmp_path_factory.mktemp("mixed")
    (root / "sub").mkdir()
    for i in range(12):
        sample = SAMPLES[i % len(SAMPLES)]
        shutil.copy(sample, root / ("sub" if i % 4 == 0 else ".") / f"{i:02}-{sample.name}")
    (root / "05-empty.txt").write_bytes(b"")
    (root / "07-plain.txt").write_bytes(NO_TASKS_TEXT)
    return root


@pytest.mark.parametrize("args", [["-f", "json"], ["-f", "jsonl"], ["-f", "csv", "--bom"],
                                  ["-f", "csv", "--csv-layout", "units"], ["-f", "md"],
                                  ["-f", "jsonl", "--origin", "table"]],
                         ids=["json", "jsonl", "csv", "csv-units", "md", "origin"])
def test_every_format_is_byte_identical_with_one_job_or_two(mixed_batch, args):
    results = [run_process("parse", mixed_batch, *args, "--jobs", jobs) for jobs in (1, 2)]
    assert [r.returncode for r in results] == [1, 1]
    assert results[0].stdout == results[1].stdout and results[0].stdout
    assert results[0].stderr == results[1].stderr
    assert b"05-empty.txt: is empty" in results[0].stderr
    assert re.search(rb"07-plain.txt: \d+ warnings? \(.*no_tasks 1", results[0].stderr)


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_out_dir_and_output_file_are_the_same_with_one_job_or_two(mixed_batch, fmt, tmp_path):
    trees, files = [], []
    for jobs in (1, 2):
        out, single = tmp_path / f"out-{jobs}", tmp_path / f"all-{jobs}.{fmt}"
        run("parse", mixed_batch, "-f", fmt, "--out-dir", out, "--jobs", jobs, "-q", code=1)
        run("parse", mixed_batch, "-f", fmt, "-o", single, "--jobs", jobs, "-q", code=1)
        trees.append({p.relative_to(out).as_posix(): p.read_bytes()
                      for p in sorted(out.rglob("*")) if p.is_file()})
        files.append(single.read_bytes())
    assert trees[0] == trees[1] and len(trees[0]) == 13
    assert files[0] == files[1]


def test_workers_beside_another_thread_are_not_forked_and_give_the_same_texts(mixed_batch):
    render = partial(render_utf8, FORMATS["jsonl"].render, ExportOptions())
    sources = discover([str(mixed_batch)])
    alone = [(o.rendered, o.error, o.warnings) for o in parse_sources(sources, jobs=1,
                                                                  render=render)]
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)  # like a progress bar's refresh thread
    thread.start()
    try:
        assert batch._start_method() != "fork"
        beside = [(o.rendered, o.error, o.warnings) for o in parse_sources(sources, jobs=2,
                                                                       render=render)]
    finally:
        stop.set()
        thread.join()
    assert beside == alone and len(alone) == 14
