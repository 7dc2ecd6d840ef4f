"""How fast creditplan parses, measured against its floor: reading the bytes and OpenCC's t2s.

Run from the repository with the project's environment::

    python benchmarks/bench.py            # full run (a minute or two)
    python benchmarks/bench.py --quick    # fewer repeats, batch timed once (under a minute)
    python benchmarks/bench.py --repeat 50
    python benchmarks/bench.py --quick --batch-only   # only the batch tables

Machines are noisy, so the figures that count are ratios measured in the same run: creditplan's
time over OpenCC t2s on the same text, cold start over a bare import of the dependencies, -j 2
over -j 1. Every time is the best of N repeats (``time.perf_counter``). The batch is written
to a temporary folder that is removed afterwards; nothing else is written. Parts the CLI does
not support yet are reported as "skipped: <reason>". The exit status is 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, NamedTuple, Sequence

import opencc

import creditplan
from creditplan import pipeline
from creditplan.normalize import STEPS, normalize, script
from creditplan.normalize.script import to_simplified
from creditplan.parsers import PARSERS, ParseState

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
MB = 1024 * 1024

# The targets. "Same memory for 100 and 1,000 files" is read as within 10 %.
TARGET_PARSE = 6.0          # in-process parse of the five samples, × t2s (stretch 3×)
TARGET_PARSE_STRETCH = 3.0
TARGET_NORMALIZE = 3.0      # normalize() alone, × t2s
TARGET_COLD = 1.5           # `creditplan parse one.txt`, × `python -c "import <deps>"`
TARGET_JOBS = 1.7           # -j 2 throughput, × -j 1
TARGET_MEMORY_MB = 150.0    # peak memory of a batch
TARGET_MEMORY_GROWTH = 1.10  # peak for 1,000 files, × peak for 100

DEPENDENCIES = "import pydantic, click, opencc, regex"
DEPENDENCIES_LOADED = "import click, opencc, regex; from pydantic import BaseModel"
# The least a program with a pydantic model costs: the first model class loads the rest of
# pydantic (schema generation, validators, its plugin loader and importlib.metadata).
ONE_MODEL = DEPENDENCIES_LOADED + "\nclass M(BaseModel):\n    x: int"
# Packages a one-file `creditplan parse` should not need to import.
OPTIONAL_LOOKING = ("rich", "pygments", "markdown_it", "charset_normalizer", "json_schema")


# --- timing ---------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x" if base > 0 else "n/a"


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
          notes: Sequence[str] = ()) -> None:
    """Print a plain, aligned table (first column left, the others right), then ``notes``."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    print(f"\n{title}")
    print(line(cells[0]))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print(line(row))
    for note in notes:
        print(f"  {note}")


# --- inputs ---------------------------------------------------------------------------------


def load_samples() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]


_s2t = opencc.OpenCC("s2t")
_t2s = opencc.OpenCC("t2s")


def make_variants(texts: list[str]) -> list[tuple[str, list[str | bytes], str | None]]:
    """(name, inputs, codec the bytes were written in or None for text) for each kind of copy."""
    return [
        ("traditional (s2t)", [_s2t.convert(t) for t in texts], None),
        ("one line (joined by space)",
         [" ".join(line for line in t.split("\n") if line.strip()) for t in texts], None),
        ("?? before every line",
         ["\n".join("??" + line if line.strip() else line for line in t.split("\n"))
          for t in texts], None),
        ("UTF-8 bytes", [t.encode("utf-8") for t in texts], "utf-8"),
        ("GB18030 bytes", [t.encode("gb18030") for t in texts], "gb18030"),
        ("mojibake: GBK read as Latin-1",
         [t.encode("gb18030").decode("latin-1").encode("utf-8") for t in texts], "utf-8"),
    ]


def floor(item: str | bytes, codec: str | None) -> None:
    """What any tool must do with the input: decode it (bytes) and convert the script."""
    text = item.decode(codec) if codec else item
    _t2s.convert(text)


def parse(item: str | bytes) -> None:
    if isinstance(item, bytes):
        creditplan.parse_bytes(item)
    else:
        creditplan.parse_text(item)


def clear_string_caches() -> None:
    """Empty creditplan's per-string caches (unit lists, canonical names, cell types …), so
    that a run sees every name for the first time, as the first notice of a batch does.
    Caches of loaded data (alias table, OpenCC converters, syllable table: maxsize below 1024
    or unbounded) stay: every process loads those once."""
    for module in list(sys.modules.values()):
        if not getattr(module, "__name__", "").startswith("creditplan"):
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info and (info().maxsize or 0) >= 1024:
                value.cache_clear()


# What script.PIECES_AFTER is in a process; main() sets it to 0 for the steady state.
PIECES_AFTER = script.PIECES_AFTER


def first_sight(batch: list[str]) -> None:
    """Parse ``batch`` as the first notices a process sees: caches empty and the script step
    converting whole texts (it converts in pieces only after ``PIECES_AFTER`` characters)."""
    clear_string_caches()
    steady, script.PIECES_AFTER = script.PIECES_AFTER, PIECES_AFTER
    converted = dict(script._converted_whole)   # private: what the process converted whole
    script._converted_whole.clear()
    try:
        for text in batch:
            creditplan.parse_text(text)
    finally:
        script.PIECES_AFTER = steady
        script._converted_whole.clear()
        script._converted_whole.update(converted)


def size(item: str | bytes) -> int:
    return len(item) if isinstance(item, bytes) else len(item.encode("utf-8"))


# --- in process -----------------------------------------------------------------------------


def interleaved(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Best time of each of ``runs``, taking turns so that all see the same machine load."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def in_process(samples: list[tuple[str, str]], repeat: int) -> dict[str, float]:
    """Per-sample and total times for t2s, normalize() and parse_text(); the ratios."""
    for _, text in samples:  # warm up: OpenCC dictionaries, lazy regexes, pydantic
        creditplan.parse_text(text)
    texts = [text for _, text in samples]
    rows = []
    for name, text in [*samples, (f"all {len(texts)} samples", None)]:
        batch = texts if text is None else [text]
        times = interleaved({"t2s": lambda: [_t2s.convert(t) for t in batch],
                             "normalize": lambda: [normalize(t) for t in batch],
                             "parse": lambda: [creditplan.parse_text(t) for t in batch],
                             "first": lambda: first_sight(batch)}, repeat)
        nbytes = sum(len(t.encode("utf-8")) for t in batch)
        rows.append((name, f"{nbytes / 1024:.1f}", ms(times["t2s"]), ms(times["normalize"]),
                     ms(times["parse"]), ms(times["first"]), ratio(times["normalize"], times["t2s"]),
                     ratio(times["parse"], times["t2s"]), ratio(times["first"], times["t2s"]),
                     f"{nbytes / MB / times['parse']:.2f}", f"{len(batch) / times['parse']:.0f}"))
    table(f"In process: the samples (best of {repeat}, interleaved; times in ms, ratios to "
          "OpenCC t2s of the same text)",
          ("sample", "KB", "t2s", "normalize", "parse", "1st parse", "norm/t2s", "parse/t2s",
           "1st/t2s", "MB/s", "notices/s"), rows,
          notes=["parse: parsed again and again, creditplan's per-string caches warm (unit "
                 "lists, canonical names, cell types), as in a long batch of notices from one "
                 "place; 1st parse: those caches emptied before each run, as for the first "
                 "notice a process sees (the honest figure for one file)"])
    return times


def variants(samples: list[tuple[str, str]], repeat: int) -> None:
    """Parse time of each kind of generated copy of the five samples, over its floor."""
    rows = []
    for name, items, codec in make_variants([text for _, text in samples]):
        try:
            for item in items:
                parse(item)  # warm up
        except creditplan.CreditplanError as exc:
            rows.append((name, "failed", "", "", "", str(exc)[:60], "", ""))
            continue
        times = interleaved({"floor": lambda: [floor(i, codec) for i in items],
                             "parse": lambda: [parse(i) for i in items]}, repeat)
        base, parsed = times["floor"], times["parse"]
        nbytes = sum(size(i) for i in items)
        rows.append((name, "parse_bytes" if codec else "parse_text", f"{nbytes / 1024:.1f}",
                     ms(base), ms(parsed), ratio(parsed, base), f"{nbytes / MB / parsed:.2f}",
                     f"{len(items) / parsed:.0f}"))
    table(f"In process: generated copies of the five samples (best of {repeat}; floor = "
          "decode the bytes + t2s)",
          ("copy", "entry", "KB", "floor ms", "parse ms", "parse/floor", "MB/s", "notices/s"),
          rows)


def floors(samples: list[tuple[str, str]], repeat: int) -> None:
    """What single operations cost against t2s, on the same five texts: the floor any parser
    built from regex passes and pydantic records stands on. One scan of a character class
    (the cheapest pass a regex engine makes), one ``str.splitlines``, and — on the records
    the samples give — pydantic's validation and JSON serialization alone."""
    import re

    import regex

    texts = [text for _, text in samples]
    notices = [creditplan.parse_text(text) for text in texts]
    records = [notice.model_dump() for notice in notices]
    han_re, han_regex = re.compile(r"[\u4e00-\u9fff]+"), regex.compile(r"\p{Han}+")
    digits_re = re.compile(r"[一二三四五六七八九十(\d①-⑳]")
    times = interleaved({
        "t2s": lambda: [_t2s.convert(t) for t in texts],
        "one re scan, a run of Han characters": lambda: [han_re.findall(t) for t in texts],
        "one regex scan, \\p{Han}+": lambda: [han_regex.findall(t) for t in texts],
        "one re scan, label-start characters": lambda: [digits_re.findall(t) for t in texts],
        "str.splitlines": lambda: [t.splitlines() for t in texts],
        "pydantic: validate the records": lambda: [creditplan.Notice.model_validate(r)
                                                   for r in records],
        "pydantic: model_dump_json": lambda: [n.model_dump_json() for n in notices],
    }, repeat)
    base = times["t2s"]
    table(f"Floors: single operations on the five samples (best of {repeat}; ms, ratio to t2s)",
          ("operation", "ms", "x t2s"), [(name, ms(t), ratio(t, base)) for name, t in
                                         times.items()])


def stages(samples: list[tuple[str, str]], repeat: int, t2s_total: float) -> None:
    """Each normalization step and each parser, summed over the samples (best of ``repeat``).

    The steps are called one by one on the text the previous step gave, as ``normalize`` does;
    "offset bookkeeping" is what ``normalize`` spends besides its steps. The parsers run on a
    ``ParseState`` as ``pipeline.parse_text`` builds it; "records -> Notice" is the final
    pydantic validation (``pipeline._notice``).
    """
    finish = getattr(pipeline, "_notice", None)  # private: the row goes if it is renamed
    names = ([f"normalize: {name} ({name_of(step)})" for name, step in STEPS]
             + ["normalize: script (to_simplified)", "normalize: offset bookkeeping"]
             + [f"parse: {name_of(parser)}" for parser in PARSERS]
             + (["records -> Notice (validation)"] if finish else []))
    best = dict.fromkeys(names, float("inf"))
    whole = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _, text in samples:
            creditplan.parse_text(text)
        whole = min(whole, time.perf_counter() - start)
        run = dict.fromkeys(names, 0.0)
        for _, text in samples:
            current, steps_time = text, 0.0
            for (name, step), label in zip(STEPS, names):
                start = time.perf_counter()
                current = step(current).text
                elapsed = time.perf_counter() - start
                run[label] += elapsed
                steps_time += elapsed
            start = time.perf_counter()
            to_simplified(current)
            elapsed = time.perf_counter() - start
            run["normalize: script (to_simplified)"] += elapsed
            steps_time += elapsed
            start = time.perf_counter()
            norm = normalize(text)
            run["normalize: offset bookkeeping"] += max(
                0.0, time.perf_counter() - start - steps_time)
            state = ParseState(text=norm.text, line_of=norm.offsets.line)
            for parser in PARSERS:
                start = time.perf_counter()
                parser(state)
                run[f"parse: {name_of(parser)}"] += time.perf_counter() - start
            if finish:
                start = time.perf_counter()
                finish(norm, state, keep_script=False, source=None, encoding=None)
                run["records -> Notice (validation)"] += time.perf_counter() - start
        for label in names:
            best[label] = min(best[label], run[label])
    total = sum(best.values())
    rows = [(label, ms(t), f"{100 * t / total:.1f}", ratio(t, t2s_total))
            for label, t in best.items()]
    rows.append(("sum of stages", ms(total), "100.0", ratio(total, t2s_total)))
    rows.append(("parse_text, whole (same loop)", ms(whole), "", ratio(whole, t2s_total)))
    table(f"Per stage, the five samples together (best of {repeat} per stage; ms, share of the "
          "sum, ratio to t2s of the samples)", ("stage", "ms", "%", "x t2s"), rows,
          ["The sum of per-stage bests can differ from the whole by timer overhead and noise."])


def name_of(function: Callable) -> str:
    return getattr(function, "__name__", repr(function))


# --- subprocesses ---------------------------------------------------------------------------


def executable(name: str) -> str | None:
    """``name`` from the environment this Python runs in, else from PATH."""
    sibling = Path(sys.executable).with_name(name)
    return str(sibling) if sibling.exists() else shutil.which(name)


def cached_bytecode_env(cache: Path) -> dict[str, str]:
    """The environment with bytecode caching on, the cache kept in ``cache`` (a temporary dir).

    An installed package runs from cached bytecode; a checkout run with PYTHONDONTWRITEBYTECODE
    compiles every module of its own on every start. With the cache in a temporary prefix the
    subprocesses start as an installed creditplan would, and nothing is written to the tree.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def no_bytecode_env() -> dict[str, str]:
    """The environment with bytecode caching off: sources without a cache compile each run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def shown(argv: list[str]) -> str:
    return " ".join([Path(argv[0]).name, *argv[1:]])


def time_command(argv: list[str], runs: int, env: dict[str, str]) -> float | str:
    """Best wall time of ``runs`` runs of ``argv`` (after one untimed run), or why it failed."""
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env=env)
    if proc.returncode:
        last = proc.stderr.strip().splitlines()[-1:] or ["no message"]
        return f"`{shown(argv)}` exited {proc.returncode}: {last[0][:120]}"
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        best = min(best, time.perf_counter() - start)
    return best


def cold_start(one: Path, runs: int, env: dict[str, str]) -> dict[str, float]:
    """Start-up of `creditplan parse one.txt` against a bare import of its dependencies."""
    python, cli = sys.executable, executable("creditplan")
    deps = f'python -c "{DEPENDENCIES}"'
    parse_label = f"creditplan parse {one.name}"
    commands = [
        ("python -c pass", [python, "-c", "pass"], env),
        (deps, [python, "-c", DEPENDENCIES], env),
        (f'python -c "{DEPENDENCIES_LOADED}"', [python, "-c", DEPENDENCIES_LOADED], env),
        ("  the same, and one model class", [python, "-c", ONE_MODEL], env),
        ('python -c "import creditplan"', [python, "-c", "import creditplan"], env),
        (parse_label, [cli, "parse", str(one)] if cli else None, env),
        (f"{parse_label}  (no bytecode cache)", [cli, "parse", str(one)] if cli else None,
         no_bytecode_env()),
    ]
    results = {label: time_command(argv, runs, run_env) if argv else "no creditplan executable"
               for label, argv, run_env in commands}
    times = {label: r for label, r in results.items() if not isinstance(r, str)}
    base = times.get(deps, 0.0)
    rows, notes = [], []
    for label, result in results.items():
        if isinstance(result, str):
            rows.append((label, "skipped", ""))
            notes.append(f"skipped {label}: {result}")
        else:
            rows.append((label, ms(result), ratio(result, base)))
    notes.append("bytecode cached in a temporary prefix (as installed), except the last row, "
                 "which compiles creditplan's sources on every start")
    notes.append('`import pydantic` alone is lazy: pydantic.main loads on first use of '
                 'BaseModel, hence the "from pydantic import BaseModel" row')
    notes.append("the one-model row is the floor of any program that validates with a pydantic "
                 "model: defining the first model class loads the rest of pydantic")
    if parse_label in times:
        imported = imports_of([python, "-X", "importtime", cli, "parse", str(one)], env)
        optional = [m for m in OPTIONAL_LOOKING if m in imported]
        notes.append(f"`{parse_label}` imports {len(imported)} top-level modules; of "
                     f"{', '.join(OPTIONAL_LOOKING)}: {', '.join(optional) or 'none'}")
    table(f"Cold start (best of {runs} runs; ms, ratio to the bare import of the dependencies)",
          ("command", "ms", "x deps"), rows, notes)
    return {"parse": times.get(parse_label, 0.0), "deps": base,
            "one_model": times.get("  the same, and one model class", 0.0)}


def imports_of(argv: list[str], env: dict[str, str]) -> set[str]:
    """Top-level modules a command imports (from ``-X importtime``)."""
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env=env)
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


# --- batch ----------------------------------------------------------------------------------


def write_batch(folder: Path, samples: list[tuple[str, str]], count: int) -> None:
    """``count`` copies of the samples, in turn, as files in a new ``folder``."""
    folder.mkdir()
    for i in range(count):
        name, text = samples[i % len(samples)]
        (folder / f"{i:04d}-{name}.txt").write_text(text, encoding="utf-8")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def _memory(pid: int) -> tuple[int, int, int]:
    """(resident, proportional, private) memory of ``pid`` in bytes, from smaps_rollup."""
    fields = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss", "Private_Clean", "Private_Dirty"):
                fields[key] = int(rest.split()[0]) * 1024
    except (OSError, ValueError):
        return 0, 0, 0
    return (fields.get("Rss", 0), fields.get("Pss", 0),
            fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0))


class TreeMemory(NamedTuple):
    """Memory of a process tree at one moment, in bytes."""

    footprint: int  # private memory of every process + the largest shared part, counted once
    rss: int        # resident memory summed: counts shared libraries once per process
    pss: int        # proportional: shared pages split among every process that maps them

    def max(self, other: "TreeMemory") -> "TreeMemory":
        return TreeMemory(*map(max, self, other))


def tree_memory(root: int) -> TreeMemory:
    """The memory of ``root`` and all its descendants.

    Workers started with "spawn" share no heap with their parent, only library code, which is
    the same in every process: so the footprint counts each process's private memory and the
    shared part once. The sum of RSS is an upper bound; PSS also splits library pages with
    unrelated processes (other Pythons on the machine), so it can be low.
    """
    tree, stack = _children(), [root]
    private = rss = pss = shared = 0
    while stack:
        pid = stack.pop()
        r, p, priv = _memory(pid)
        private, rss, pss, shared = private + priv, rss + r, pss + p, max(shared, r - priv)
        stack.extend(tree.get(pid, ()))
    return TreeMemory(private + shared, rss, pss)


class BatchRun(NamedTuple):
    wall: float          # seconds
    cpu: float           # user + system seconds of the CLI and all its descendants
    max_rss: int         # bytes: the kernel's max RSS of the largest process (wait4)
    tree: TreeMemory     # peak over the run, sampled (zeros when not sampled)
    lines: int           # lines of output (counted only when sampled)
    error: str           # why it failed, or ""


def run_batch(argv: list[str], env: dict[str, str], sample_tree: bool) -> BatchRun:
    """Run ``argv`` and measure it.

    Wall time, CPU time and the largest process's max RSS come from ``wait4`` (rusage of the
    child and of the children it waited for, and of the orphans it left, reaped here: the
    largest of them for max RSS, not their sum).
    With ``sample_tree`` the memory of the whole tree is sampled every 10 ms and the output's
    lines are counted (this takes a little CPU, so timed runs do not sample).
    """
    adopt_orphans()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE if sample_tree else subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=env)
    peak, lines, tail, done = [TreeMemory(0, 0, 0)], [0], [b""], threading.Event()

    def sample() -> None:
        if not Path("/proc/self/smaps_rollup").exists():
            return
        while not done.is_set():
            peak[0] = peak[0].max(tree_memory(proc.pid))
            done.wait(0.01)

    def count_lines() -> None:
        for chunk in iter(lambda: proc.stdout.read(1 << 16), b""):
            lines[0] += chunk.count(b"\n")

    def keep_stderr_tail() -> None:
        for chunk in iter(lambda: proc.stderr.read(1 << 16), b""):
            tail[0] = (tail[0] + chunk)[-4000:]

    threads = [threading.Thread(target=keep_stderr_tail)]
    if sample_tree:
        threads += [threading.Thread(target=sample), threading.Thread(target=count_lines)]
    for thread in threads:
        thread.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu, max_rss = usage.ru_utime + usage.ru_stime, usage.ru_maxrss
    for orphan in reap_orphans():
        cpu, max_rss = cpu + orphan.ru_utime + orphan.ru_stime, max(max_rss, orphan.ru_maxrss)
    done.set()
    for thread in threads:
        thread.join()
    error = ""
    if proc.returncode:
        last = tail[0].decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        error = f"exited {proc.returncode}: {last[0][:120]}"
    return BatchRun(wall, cpu, max_rss * 1024, peak[0], lines[0], error)


def adopt_orphans() -> None:
    """Become the reaper of our descendants' orphans (Linux): a forkserver outlives the CLI
    that started it, and reaps the workers it forked, so its usage, reaped here, holds the
    workers' CPU time, which ``wait4`` of the CLI alone would miss."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def reap_orphans() -> list:
    """The resource usage of every orphan left by the last run, once each has exited."""
    usages = []
    while True:
        try:
            usages.append(os.wait4(-1, 0)[2])
        except ChildProcessError:
            return usages


def batch(samples: list[tuple[str, str]], runs: int, sizes: tuple[int, int],
          memory_jobs: tuple[int, ...], env: dict[str, str], tmp: Path) -> dict[str, float]:
    """Throughput of `creditplan parse DIR -f jsonl` with -j 1 and -j 2; peak memory."""
    cli = executable("creditplan")
    figures: dict[str, float] = {}
    if not cli:
        print("\nBatch\n  skipped: no creditplan executable")
        return figures
    small, large = sizes
    folders = {n: tmp / f"batch-{n}" for n in sizes}
    for n, folder in folders.items():
        write_batch(folder, samples, n)
    nbytes = sum(p.stat().st_size for p in folders[large].iterdir())
    without_j: set[int] = set()  # job counts run without -j (a CLI that lacks the option)

    def argv(n: int, jobs: int) -> list[str]:
        command = [cli, "parse", str(folders[n]), "-f", "jsonl"]
        return command if jobs in without_j else command + ["-j", str(jobs)]

    for jobs in (1, 2):  # warm-up: the bytecode of what either run imports, on any path
        run_batch(argv(small, jobs), env, False)
    rows, notes = [], []
    best: dict[int, BatchRun] = {}
    for jobs in (1, 2):
        run = run_batch(argv(large, jobs), env, False)
        if run.error and jobs == 1 and "-j" in run.error:  # no -j yet: one process anyway
            without_j.add(1)
            retry = run_batch(argv(large, jobs), env, False)
            if retry.error:
                without_j.discard(1)
            else:
                notes.append(f"-j 1 ran without -j ({run.error})")
                run = retry
        if run.error:
            notes.append(f"skipped -j {jobs}: {run.error}")
        else:
            best[jobs] = run
    for _ in range(runs - 1):  # in turns, so that a burst of load elsewhere skews both
        for jobs, run in best.items():
            again = run_batch(argv(large, jobs), env, False)
            best[jobs] = run._replace(wall=min(run.wall, again.wall),
                                      cpu=min(run.cpu, again.cpu),
                                      max_rss=max(run.max_rss, again.max_rss))
    for jobs in (1, 2):
        run = best.get(jobs)
        if run is None:
            rows.append((f"{large} files, -j {jobs}", "skipped", "", "", "", "", ""))
            continue
        figures[f"j{jobs}"], figures[f"cpu_j{jobs}"] = run.wall, run.cpu
        base = figures.get("j1")
        rows.append((f"{large} files, -j {jobs}", f"{run.wall:.2f}", f"{large / run.wall:.0f}",
                     f"{nbytes / MB / run.wall:.2f}", ratio(base, run.wall) if base else "",
                     f"{run.cpu:.2f}", f"{run.max_rss / MB:.1f}"))
    if "cpu_j1" in figures and "cpu_j2" in figures:
        bound = 2 * figures["cpu_j1"] / figures["cpu_j2"]
        figures["bound_j2"] = bound
        notes.append(f"CPU: -j 2 spends {ratio(figures['cpu_j2'], figures['cpu_j1'])} the CPU "
                     f"time of -j 1, so on 2 idle CPUs -j 2 can be at most {bound:.2f}x "
                     "faster (a figure the machine's load does not skew)")
    table(f"Batch: `creditplan parse DIR -f jsonl -j N > /dev/null` (best of {runs}; "
          f"{os.cpu_count()} CPUs)",
          ("run", "wall s", "notices/s", "MB/s", "x -j 1", "CPU s", "max RSS MB, largest"),
          rows, notes)

    rows, notes = [], []
    for jobs in memory_jobs:
        peaks = {}
        for n in sizes:
            run = run_batch(argv(n, jobs), env, True)
            if run.error:
                rows.append((f"{n} files, -j {jobs}", "skipped", "", "", "", "", ""))
                notes.append(f"skipped {n} files, -j {jobs}: {run.error}")
                continue
            peaks[n] = max(run.tree.footprint, run.max_rss)  # sampling can miss a short peak
            figures[f"mem_j{jobs}_{n}"] = peaks[n]
            rows.append((f"{n} files, -j {jobs}", f"{run.tree.footprint / MB:.1f}",
                         f"{run.tree.rss / MB:.1f}", f"{run.tree.pss / MB:.1f}",
                         f"{run.max_rss / MB:.1f}", f"{run.lines}/{n}",
                         ratio(peaks[n], peaks[small]) if small in peaks else ""))
    notes.append("peaks over the CLI and all its workers, sampled every 10 ms. footprint: "
                 "private memory of every process plus shared libraries once; RSS sum: an "
                 "upper bound; PSS sum: shares libraries with other processes on the machine")
    notes.append("the targets use the larger of the footprint and the largest process's max "
                 "RSS (which is exact, where sampling can miss a short peak)")
    table("Batch memory", ("run", "footprint MB", "RSS sum MB", "PSS sum MB",
                           "max RSS MB, largest", "records out", f"x {small} files"),
          rows, notes)
    return figures


# --- summary --------------------------------------------------------------------------------


def summary(inproc: dict[str, float], cold: dict[str, float], runs: dict[str, float],
            sizes: tuple[int, int], memory_jobs: tuple[int, ...]) -> None:
    def row(name: str, value: float | None, target: str, ok: Callable[[float], bool],
            unit: str = "x") -> tuple[str, str, str, str]:
        if value is None:
            return (name, "not measured", target, "-")
        shown = f"{value:.2f}{unit}" if unit == "x" else f"{value:.1f} {unit}"
        return (name, shown, target, "ok" if ok(value) else "MISSED")

    parse = inproc["parse"] / inproc["t2s"] if inproc else None
    rows = [
        row("parse the 5 samples / t2s", parse, f"<= {TARGET_PARSE:g}x",
            lambda v: v <= TARGET_PARSE),
        row("  the same, first sight (caches empty)",
            inproc["first"] / inproc["t2s"] if inproc else None, f"<= {TARGET_PARSE:g}x",
            lambda v: v <= TARGET_PARSE),
        row("  stretch", parse, f"<= {TARGET_PARSE_STRETCH:g}x",
            lambda v: v <= TARGET_PARSE_STRETCH),
        row("normalize the 5 samples / t2s",
            inproc["normalize"] / inproc["t2s"] if inproc else None,
            f"<= {TARGET_NORMALIZE:g}x", lambda v: v <= TARGET_NORMALIZE),
        row("cold start: creditplan parse / import deps",
            cold["parse"] / cold["deps"] if cold.get("parse") and cold.get("deps") else None,
            f"<= {TARGET_COLD:g}x", lambda v: v <= TARGET_COLD),
        row("  floor: one pydantic model class / import deps",
            cold["one_model"] / cold["deps"] if cold.get("one_model") and cold.get("deps")
            else None, f"<= {TARGET_COLD:g}x", lambda v: v <= TARGET_COLD),
        row(f"{sizes[1]} files: -j 2 throughput / -j 1",
            runs["j1"] / runs["j2"] if "j1" in runs and "j2" in runs else None,
            f">= {TARGET_JOBS:g}x", lambda v: v >= TARGET_JOBS),
        row("  at most, on 2 idle CPUs (from CPU time)", runs.get("bound_j2"),
            f">= {TARGET_JOBS:g}x", lambda v: v >= TARGET_JOBS),
    ]
    for jobs in memory_jobs:
        large = runs.get(f"mem_j{jobs}_{sizes[1]}")
        small = runs.get(f"mem_j{jobs}_{sizes[0]}")
        rows.append(row(f"peak footprint, {sizes[1]} files, -j {jobs}",
                        large / MB if large else None, f"< {TARGET_MEMORY_MB:g} MB",
                        lambda v: v < TARGET_MEMORY_MB, "MB"))
        rows.append(row(f"  {sizes[1]} files / {sizes[0]} files",
                        large / small if large and small else None,
                        f"<= {TARGET_MEMORY_GROWTH:g}x", lambda v: v <= TARGET_MEMORY_GROWTH))
    table("Targets", ("figure", "measured", "target", "status"), rows)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--quick", action="store_true",
                         help="fewer repeats; the batch timed once, memory with -j 2 only")
    options.add_argument("--repeat", type=int, metavar="N",
                         help="best of N for the in-process timings (default 20, quick 5)")
    options.add_argument("--batch-only", action="store_true",
                         help="only the Batch and Batch memory tables (and their targets)")
    args = options.parse_args(argv)
    repeat = args.repeat or (5 if args.quick else 20)
    cold_runs, batch_runs = (3, 1) if args.quick else (10, 3)
    memory_jobs = (2,) if args.quick else (1, 2)
    sizes = (100, 1000)

    samples = load_samples()
    print(f"creditplan {creditplan.__version__}, Python {platform.python_version()}, "
          f"OpenCC {getattr(opencc, '__version__', '?')}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs, load average {load_average()}; {len(samples)} samples "
          f"from {SAMPLES}")
    # In-process figures are a long batch's steady state: there the script step converts only
    # the pieces of text that may change, which a process starts doing once the list of
    # changeable characters has paid for itself (script.PIECES_AFTER characters).
    print(f"In process, the script step converts in pieces from the first text, as a process "
          f"does after its first {script.PIECES_AFTER:,} characters (except for '1st parse', "
          "which converts whole, as a one-file run does)")
    script.PIECES_AFTER = 0
    inproc: dict[str, float] = {}
    if not args.batch_only:
        inproc = in_process(samples, repeat)
        variants(samples, repeat)
        floors(samples, repeat)
        stages(samples, repeat, inproc["t2s"])
    by_size = sorted(samples, key=lambda s: len(s[1]))
    one = SAMPLES / f"{by_size[len(by_size) // 2][0]}.txt"  # the median-sized sample
    with tempfile.TemporaryDirectory(prefix="creditplan-bench-") as tmp:
        env = cached_bytecode_env(Path(tmp) / "pycache")
        cold = {} if args.batch_only else cold_start(one, cold_runs, env)
        runs = batch(samples, batch_runs, sizes, memory_jobs, env, Path(tmp))
    summary(inproc, cold, runs, sizes, memory_jobs)
    print(f"\nLoad average at the end: {load_average()} (other work on the machine skews "
          "-j 2 most)")
    return 0


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
