"""The ``creditplan`` command: options in, the library called, an exporter out.

stdout carries data only, always UTF-8; everything else is one line on stderr. The library
raises, this module speaks: a bad input is ``creditplan: PATH: why`` and exit code 1 (the
batch goes on), a usage error is click's exit code 2, and no traceback reaches a user.
"""

from __future__ import annotations

import codecs
import errno
import gc
import os
import sys
from functools import partial
from pathlib import Path

import click

from . import __version__
from .batch import parse_sources
from .errors import CreditplanError
from .export import EXPORTERS, EXTENSIONS, FORMATS, ExportOptions, join
from .export.units import UNIT_FORMATS, count_units, rich_table
from .inputs import STDIN, STDIN_NAME, discover, is_batch, read_input
from .models import Notice
from .normalize import decode_bytes, normalize
from .outputs import AtomicFile, render_utf8, stdout_bytes, write_chunks, write_per_input
from .pipeline import DEFAULT_MAX_BYTES
from .terminal import Reporter, problem_line, say, use_utf8_streams, wants_bar


# The size guard's default as the help shows it (and as --max-size accepts it): 20M.
MAX_SIZE_DEFAULT = (f"{DEFAULT_MAX_BYTES >> 20}M" if DEFAULT_MAX_BYTES % (1 << 20) == 0
                    else str(DEFAULT_MAX_BYTES))


class SizeType(click.ParamType):
    """A byte count: 5000000, 20M, 512K, 1G (powers of 1024); 0 for no limit."""

    name = "BYTES"
    _UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().removesuffix("B")
        scale = self._UNITS.get(text[-1:], 1)
        digits = text[:-1] if scale > 1 else text
        if not digits.isdigit():
            self.fail(f"{value!r} is not a size in bytes (like 20000000, 20M or 512K)", param,
                      ctx)
        return int(digits) * scale


def _check_encoding(ctx, param, value):
    if value:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


def input_options(command):
    """The options every command that reads notices shares (same inputs, same parsing)."""
    options = [
        click.argument("inputs", nargs=-1, metavar="[INPUT]..."),
        click.option("--glob", metavar="PATTERN", help="Inside folders, only files matching "
                     "this pattern, by name or path: '*.txt'."),
        click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
                     help="Parse in N processes (0: one per CPU). Output order is unchanged."),
        click.option("--encoding", callback=_check_encoding, help="Decode inputs with this "
                     "encoding instead of detecting it: gbk, big5, utf-8 …"),
        click.option("--opencc-config", type=click.Choice(["t2s", "tw2s", "hk2s"]),
                     default="t2s", show_default=True, help="OpenCC conversion to simplified."),
        click.option("--max-size", type=SizeType(), default=MAX_SIZE_DEFAULT,
                     show_default=True, help="Refuse larger inputs; 0 for no limit."),
        click.option("--origin", type=click.Choice(["clause", "table"]),
                     help="Keep only the tasks found in numbered clauses, or in tables."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar, no warning "
                     "summaries (failures are still reported)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class CreditplanGroup(click.Group):
    """Turns any error that escaped a command into one line and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # click quiets a closed pipe (| head)
            say(problem_line(exc.filename or "output", exc.strerror or str(exc)))
        except CreditplanError as exc:
            say(f"creditplan: {exc}")
        except Exception as exc:
            say(f"creditplan: internal error: {type(exc).__name__}: {exc}")
        ctx.exit(1)


@click.group(cls=CreditplanGroup, context_settings={"help_option_names": ["-h", "--help"]},
             epilog="Example: creditplan parse notice.txt | jq .title")
@click.version_option(__version__, "-V", "--version", prog_name="creditplan")
def cli():
    """Turn Chinese social-credit work-points notices into validated records."""


@cli.command(epilog="""\b
Examples:
  creditplan parse notice.txt                  one notice, one JSON object
  cat notice.txt | creditplan parse - | jq .title
  creditplan parse notices/ --glob '*.txt' -f jsonl -j 4 > all.jsonl
  creditplan parse notices/ -f csv --bom -o tasks.csv
  creditplan parse notices/ -f md --out-dir reports/""")
@click.option("-f", "--format", "fmt", type=click.Choice(list(EXPORTERS)), default="json",
              show_default=True, help="json: an object (an array for several inputs or a "
              "folder); jsonl: one line per notice; csv: one row per task; md: a report.")
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (replaced atomically) "
              "instead of stdout.")
@click.option("--out-dir", metavar="DIR", help="One output file per input, named after it, "
              "keeping the folder structure.")
@click.option("--csv-layout", type=click.Choice(["tasks", "units"]), default="tasks",
              show_default=True, help="csv: one row per task, or one per task and unit.")
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 BOM (for Excel).")
@click.option("--keep-script", is_flag=True, help="Keep task texts in the script of the "
              "input (traditional stays traditional).")
@click.option("--strict", is_flag=True, help="Exit 1 also when any notice has warnings.")
@input_options
@click.pass_context
def parse(ctx, inputs, glob, jobs, fmt, output, out_dir, csv_layout, bom, strict, quiet,
          max_size, **library_options):
    """Parse notices (files, folders, or - for stdin) into records.

    With no INPUT, read stdin. Folders give every file inside, recursively, in sorted order,
    hidden files skipped. A file that cannot be parsed is reported on stderr and skipped;
    the exit code is then 1.
    """
    if output and out_dir:
        raise click.UsageError("give -o/--output or --out-dir, not both")
    if bom and fmt != "csv":
        raise click.UsageError("--bom is only for --format csv")
    sources = _sources(inputs, glob, exclude=[out_dir] if out_dir else [])
    if out_dir and any(source.path is None for source in sources):
        raise click.UsageError("--out-dir needs files or folders, not stdin")
    # With --out-dir each notice is a document of its own (a json object, not an array).
    options = ExportOptions(array=is_batch(inputs) and not out_dir, csv_layout=csv_layout,
                            bom=bom)
    # Each notice is rendered, to the bytes to write, where it is parsed (in the workers with
    # -j), so that only those bytes come back; this process joins them in the format's frame
    # and writes them. One process and several do the same, so they give the same bytes.
    render = partial(render_utf8, FORMATS[fmt].render, options)
    frame = FORMATS[fmt].frame(options).encoded()
    sink = _open_output(output) if output and output != STDIN else None
    bar = wants_bar(len(sources), quiet=quiet, stdout_is_output=not (sink or out_dir))
    with Reporter(len(sources), quiet=quiet, bar=bar) as report:
        outcomes = report.parsed(parse_sources(sources, jobs=_jobs(jobs), render=render,
                                               max_bytes=max_size or None, **library_options))
        if out_dir:
            write_per_input(outcomes, Path(out_dir), EXTENSIONS[fmt],
                            lambda rendered: join(rendered, frame), report.fail)
        else:
            _write_all(join((outcome.rendered for outcome in outcomes), frame), sink, report)
    ctx.exit(report.exit_code(strict=strict))


@cli.command(epilog="""\b
Examples:
  creditplan units notices/                    a table of agencies on a terminal
  creditplan units notices/ -f csv > agencies.csv""")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "text", "csv", "json"]),
              help="table: rich table (default on a terminal); text: plain aligned columns "
              "(default when stdout is not a terminal); csv; json.")
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 BOM (for Excel).")
@input_options
@click.pass_context
def units(ctx, inputs, glob, jobs, fmt, bom, quiet, max_size, **library_options):
    """Count the tasks each agency leads, supports and answers for, across the notices.

    Agencies are counted by canonical name; rows are sorted by total, then name.
    """
    if bom and fmt != "csv":
        raise click.UsageError("--bom is only for --format csv")
    sources = _sources(inputs, glob)
    fmt = fmt or ("table" if sys.stdout.isatty() else "text")
    # The table comes after the parsing, so a bar never mixes with it.
    bar = wants_bar(len(sources), quiet=quiet, stdout_is_output=False)
    with Reporter(len(sources), quiet=quiet, bar=bar) as report:
        outcomes = parse_sources(sources, jobs=_jobs(jobs), max_bytes=max_size or None,
                                 **library_options)
        rows = count_units(outcome.notice for outcome in report.parsed(outcomes))
    if fmt == "table":
        from rich.console import Console

        Console().print(rich_table(rows))
    else:
        write_chunks(UNIT_FORMATS[fmt](rows, bom=bom), stdout_bytes())
    ctx.exit(report.exit_code())


@cli.command("normalize", epilog="""\b
Examples:
  creditplan normalize notice.txt > clean.txt
  creditplan normalize --explain notice.txt > /dev/null""")
@click.argument("input", default=STDIN, metavar="FILE|-")
@click.option("--encoding", callback=_check_encoding, help="Decode with this encoding.")
@click.option("--opencc-config", type=click.Choice(["t2s", "tw2s", "hk2s"]), default="t2s",
              show_default=True, help="OpenCC conversion to simplified.")
@click.option("--max-size", type=SizeType(), default=MAX_SIZE_DEFAULT, show_default=True,
              help="Refuse larger inputs; 0 for no limit.")
@click.option("--explain", is_flag=True, help="List the repairs made and the notes on "
              "stderr.")
@click.pass_context
def normalize_command(ctx, input, encoding, opencc_config, max_size, explain):  # noqa: A002
    """Print the normalized text of a notice: repaired, simplified, tidied."""
    name = STDIN_NAME if input == STDIN else input
    try:
        text, used = decode_bytes(read_input(input, max_size or None), encoding)
        normalized = normalize(text, opencc_config=opencc_config)
    except CreditplanError as exc:
        say(problem_line(name, str(exc)))
        ctx.exit(1)
    out = normalized.text
    write_chunks([out if out.endswith("\n") or not out else out + "\n"],
                 stdout_bytes())
    if explain:
        say(problem_line(name, f"decoded as {used}, script {normalized.script}"))
        repairs = normalized.repairs or {"(none)": 0}
        width = max(map(len, repairs))
        say("repairs:")
        for repair, count in repairs.items():
            say(f"  {repair:<{width}}  {count}")
        for line, code, message in normalized.notes:
            say(f"note: line {line}: {code}: {message}")


@cli.command(epilog="Example: creditplan schema > notice.schema.json")
def schema():
    """Print the JSON Schema of a notice record (generated from the models)."""
    import json

    text = json.dumps(Notice.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    write_chunks([text], stdout_bytes())


def main() -> None:
    """The console script: UTF-8 streams whatever the locale, then the command."""
    # What importing made (modules, models, patterns) lives until the process ends: frozen, the
    # cyclic collector never scans it again, during the parse or in the collections at exit
    # (about a tenth of a one-file run).
    gc.freeze()
    use_utf8_streams()
    cli.main(prog_name="creditplan")


def _sources(inputs, glob, exclude=()):
    if list(inputs).count(STDIN) > 1:
        raise click.UsageError("stdin (-) can be read only once")
    if not inputs and sys.stdin.isatty():
        raise click.UsageError("no input: give files or folders, or - to read stdin")
    return discover(inputs, glob=glob, exclude=exclude)


def _jobs(jobs: int) -> int:
    return jobs or os.cpu_count() or 1


def _open_output(output: str) -> AtomicFile:
    """The output file, opened before any parsing so a bad path fails at once."""
    try:
        return AtomicFile(output)
    except OSError as exc:
        say(problem_line(output, f"cannot be written ({exc.strerror or exc})"))
        raise click.exceptions.Exit(1) from None


def _write_all(chunks, sink: AtomicFile | None, report: Reporter) -> None:
    """Stream the chunks to stdout, or to the output file, kept only when something was
    parsed or nothing failed (a run where every input failed leaves an old file alone)."""
    if sink is None:
        write_chunks(chunks, stdout_bytes())
        return
    with sink:
        try:
            write_chunks(chunks, sink)
            if report.parsed_count or not report.failures:
                sink.commit()
        except OSError as exc:
            report.fail(str(sink.path), f"cannot be written ({exc.strerror or exc})")
