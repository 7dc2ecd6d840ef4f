"""Parse many sources, here or in worker processes, giving one ``Outcome`` each in input order.

Nothing raises for a bad input: each outcome carries its notice or its error, so a batch goes
on past a broken file and the caller decides what to say. ``parse_sources`` is a generator
that keeps only a small window of work in flight, so memory does not grow with the number of
files and a consumer can stream each notice as soon as it and those before it are ready.

Given a ``render`` function (such as a format's ``render`` made to give UTF-8, see
``creditplan.export.FORMATS`` and ``outputs.render_utf8``), each outcome carries the notice
rendered, as bytes, instead of the notice. That is what makes several jobs pay: unpickling a
``Notice`` and rendering it in the parent cost a quarter of the time of the parse, and the
parent, which also writes, held the workers back. A worker now parses, renders and sends
back a small tuple (the bytes, the warning codes, or the error); the parent only writes.
Bytes, because text would be encoded to cross the pipe, decoded, and encoded again to be
written. Workers read their files themselves: only paths cross the pipe.
"""

from __future__ import annotations

import os
import stat
import sys
from collections import deque
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Literal, Sequence

from .errors import CreditplanError, InputError
from .inputs import Source, display_name, read_stdin, unreadable
from .models import Notice
from .pipeline import DEFAULT_MAX_BYTES, parse_bytes, parse_file

if TYPE_CHECKING:   # concurrent.futures loads logging: a one-file run does without it
    from concurrent.futures import Future

# Work in flight per worker process: enough to keep every worker busy while the consumer
# writes, few enough that memory stays flat however many files there are.
CHUNKS_PER_WORKER = 2
MAX_CHUNK = 16

Render = Callable[[Notice], bytes]


@dataclass(frozen=True)
class Outcome:
    """What became of one source: its notice (or the notice rendered), or why there is none."""

    source: Source
    notice: Notice | None = None
    """The notice, when no ``render`` was asked for."""
    error: str | None = None
    """The reason, worded to follow the source's name: 'does not exist'."""
    internal: bool = False
    """The error is a bug in creditplan (an unexpected exception), not a bad input."""
    rendered: bytes | None = None
    """The notice rendered, when a ``render`` was asked for (the notice itself is dropped)."""
    warnings: tuple[str, ...] = ()
    """The codes of the notice's warnings, one per warning (for the summary on stderr)."""

    def __post_init__(self) -> None:
        if self.notice is not None and not self.warnings:
            object.__setattr__(self, "warnings", tuple(w.code for w in self.notice.warnings))

    @property
    def failed(self) -> bool:
        return self.error is not None


def parse_source(source: Source, *, origin: Literal["clause", "table"] | None = None,
                 render: Render | None = None, **options) -> Outcome:
    """Parse one source, and render it with ``render`` when given; any failure becomes the
    outcome's error.

    ``origin`` keeps only the tasks (and groups) of that origin; ``options`` go to
    ``parse_file`` / ``parse_bytes`` (encoding, opencc_config, keep_script, max_bytes).
    """
    if source.error:
        return Outcome(source, error=source.error)
    try:
        if source.path is None:
            notice = parse_bytes(source.data or b"", **options)
        else:
            if source.walked:
                _require_regular_file(source.path)
            notice = parse_file(source.path, **options)
        if notice.source and notice.source != display_name(notice.source):
            notice = notice.model_copy(update={"source": display_name(notice.source)})
        if origin:
            notice = keep_origin(notice, origin)
        if render is None:
            return Outcome(source, notice=notice)
        codes = tuple(warning.code for warning in notice.warnings)
        return Outcome(source, rendered=render(notice), warnings=codes)
    except CreditplanError as exc:
        return Outcome(source, error=str(exc))
    except Exception as exc:  # a bug: reported for this file, the batch goes on
        return Outcome(source, error=f"{type(exc).__name__}: {exc}", internal=True)


def parse_sources(sources: Sequence[Source], *, jobs: int = 1, chunk_size: int | None = None,
                  render: Render | None = None, **options) -> Iterator[Outcome]:
    """Parse every source, in ``jobs`` processes when more than one; outcomes in input order.

    With ``render`` (a function of a notice that the workers can unpickle: a module-level
    function or a ``functools.partial`` of one), each outcome has the notice rendered instead
    of the notice; see the module's docstring for why. Stdin is read here, in this process,
    when its turn comes. With several jobs the sources go to the workers in chunks of
    ``chunk_size`` (by default up to 16, fewer for a short batch so that every worker gets
    some). Workers may be started with "forkserver" or "spawn" (see ``_start_method``), so a
    script that calls this with ``jobs > 1`` needs the usual ``if __name__ == "__main__":``
    guard.
    """
    max_bytes = options.get("max_bytes", DEFAULT_MAX_BYTES)
    prepared = (_with_stdin(source, max_bytes) for source in sources)
    if jobs <= 1 or len(sources) <= 1:
        for source in prepared:
            yield parse_source(source, render=render, **options)
        return
    size = chunk_size or max(1, min(MAX_CHUNK, len(sources) // (jobs * CHUNKS_PER_WORKER)))
    yield from _in_workers(_chunks(prepared, size), jobs, {**options, "render": render})


def keep_origin(notice: Notice, origin: str) -> Notice:
    """The notice with only the tasks and groups of ``origin`` (clause or table)."""
    return notice.model_copy(update={
        "tasks": [task for task in notice.tasks if task.origin == origin],
        "groups": [group for group in notice.groups if group.origin == origin]})


def _in_workers(chunks: Iterable[list[Source]], jobs: int, options: dict) -> Iterator[Outcome]:
    # Imported here: a one-file run should not pay for multiprocessing.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(_start_method())
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["creditplan", "creditplan.export"])
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                               initializer=_start_worker)
    window: deque = deque()
    try:
        for chunk in chunks:
            window.append((chunk, _submit(pool, chunk, options)))
            if len(window) >= jobs * CHUNKS_PER_WORKER:
                yield from _outcomes(*window.popleft())
        while window:
            yield from _outcomes(*window.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_method() -> str:
    """How to start the workers: the quickest way that is safe here.

    fork on Linux when this process runs no other thread: the workers are ready at once, with
    creditplan already imported (forkserver first starts a server that imports it, about 0.2 s
    in which nothing is parsed: near a tenth of a 1,000-file batch with two jobs). The pool
    forks all its workers at its first submit, before it starts its own threads (CPython does
    so on purpose for fork, and never forks again: a dead worker breaks the pool). With another
    thread running (a progress bar, an application's threads), forking could copy a lock that
    thread holds and deadlock the worker: then forkserver, which forks each worker from a
    clean server, where it exists (it preloads creditplan once); elsewhere (Windows) spawn.
    Not fork on macOS, where system libraries are not safe to fork.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and _single_threaded():
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _single_threaded() -> bool:
    """No other thread in this process, Python's or a C library's (Linux's view of it)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _submit(pool, chunk: list[Source], options: dict) -> Future:
    try:
        return pool.submit(_parse_chunk, chunk, options)
    except Exception as exc:  # the pool is broken (a worker could not start): fail the chunk
        from concurrent.futures import Future

        failed: Future = Future()
        failed.set_exception(exc)
        return failed


def _parse_chunk(chunk: list[Source], options: dict) -> list[tuple]:
    """In a worker: each source's outcome without its source, which the parent still has
    (a tuple pickles faster than a dataclass, and a Path is costly to pickle)."""
    return [_fields(parse_source(source, **options)) for source in chunk]


def _fields(outcome: Outcome) -> tuple:
    return (outcome.notice, outcome.error, outcome.internal, outcome.rendered, outcome.warnings)


def _outcomes(chunk: list[Source], future: Future) -> list[Outcome]:
    try:
        return [Outcome(source, *fields) for source, fields in zip(chunk, future.result())]
    except Exception as exc:  # the worker died (killed, out of memory): say so for each file
        return [Outcome(source, error=f"{type(exc).__name__}: {exc}", internal=True)
                for source in chunk]


def _chunks(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    chunk: list[Source] = []
    for source in sources:
        chunk.append(source)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _with_stdin(source: Source, max_bytes: int | None) -> Source:
    if source.path is not None or source.data is not None or source.error:
        return source
    try:
        return replace(source, data=read_stdin(max_bytes))
    except CreditplanError as exc:
        return replace(source, error=str(exc))
    except OSError as exc:
        return replace(source, error=unreadable(exc))


def _require_regular_file(path: os.PathLike) -> None:
    """A file found in a folder must be a plain file: reading a pipe could wait forever."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # parse_file says what is wrong (a dangling link: does not exist)
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise InputError("is not a regular file (a pipe, socket or device)")


def _start_worker() -> None:
    # Ctrl-C is the parent's to handle: workers would each print a traceback.
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # What the worker holds at its start (the modules, creditplan's tables) lives as long as
    # it does: frozen, the cyclic collector never scans it again (the collector takes 3-4%
    # of a worker's time, about half of it on these), and in a forked worker never writes
    # to, and so never copies, the pages it shares with its parent.
    gc.freeze()
