"""The CLI's voice on stderr: one line per problem, a progress bar for batches on a terminal.

Nothing here writes to stdout, which carries data only. rich is imported only when a bar is
actually shown, so a one-file run starts without it; rich itself honours ``NO_COLOR``.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Iterable, Iterator

import click

from .batch import Outcome

PROG = "creditplan"


def use_utf8_streams() -> None:
    """Make stdout and stderr UTF-8 whatever the locale (LANG=C, a Windows code page)."""
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        try:
            stream.reconfigure(encoding="utf-8", errors=errors)
        except (AttributeError, ValueError, OSError):
            pass  # not a text stream we may reconfigure (replaced by a test runner, closed)


def say(text: str) -> None:
    """One line on stderr."""
    click.echo(text, err=True)


def problem_line(name: str, message: str) -> str:
    """``creditplan: NAME: message``, the one shape of every complaint."""
    return f"{PROG}: {name}: {message}"


def wants_bar(count: int, *, quiet: bool, stdout_is_output: bool) -> bool:
    """A bar for a batch, when stderr is a terminal and would not mix with data on screen."""
    if count <= 1 or quiet or not _isatty(sys.stderr):
        return False
    return not (stdout_is_output and _isatty(sys.stdout))


def warning_summary(counts: Counter) -> str:
    """``2 warnings (unplaced_text 1, cut_bracket 1)``.

    >>> warning_summary(Counter({"unplaced_text": 2, "no_tasks": 1}))
    '3 warnings (unplaced_text 2, no_tasks 1)'
    """
    total = sum(counts.values())
    kinds = ", ".join(f"{code} {count}" for code, count in counts.most_common())
    return f"{total} warning{'s' if total != 1 else ''} ({kinds})"


class Reporter:
    """Follows a batch: reports each failure and each notice's warnings, counts them, and
    drives the progress bar when there is one.

    Use as a context manager around the batch; ``parsed()`` filters the outcomes to those
    with a notice; ``exit_code()`` says how the run went.
    """

    def __init__(self, total: int, *, quiet: bool = False, bar: bool = False):
        self.total = total
        self.quiet = quiet
        self.bar = bar
        self.failures = 0
        self.warned = 0
        self.parsed_count = 0
        self._progress = None
        self._task = None

    def __enter__(self) -> Reporter:
        if self.bar:
            self._start_bar()
        return self

    def __exit__(self, exc_type, *exc_info) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
        if exc_type is None and self.total > 1 and not self.quiet and (self.failures
                                                                       or self.warned):
            self.line(f"{PROG}: {self.parsed_count} of {self.total} parsed, "
                      f"{self.failures} failed, {self.warned} with warnings")

    def parsed(self, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
        """The outcomes that have a notice (or its text); the others are reported and
        counted."""
        for outcome in outcomes:
            self.advance()
            if outcome.failed:
                prefix = "internal error: " if outcome.internal else ""
                self.fail(outcome.source.name, prefix + outcome.error)
                continue
            self.parsed_count += 1
            if outcome.warnings:
                self.warned += 1
                if not self.quiet:
                    summary = warning_summary(Counter(outcome.warnings))
                    self.line(problem_line(outcome.source.name, summary))
            yield outcome

    def fail(self, name: str, message: str) -> None:
        """Report one failure (a file that cannot be read, parsed or written)."""
        self.failures += 1
        self.line(problem_line(name, message))

    def line(self, text: str) -> None:
        """A line on stderr, above the bar when one is shown."""
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            say(text)

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def exit_code(self, *, strict: bool = False) -> int:
        """1 when any input failed, or with ``strict`` when any notice has warnings; else 0."""
        return 1 if self.failures or (strict and self.warned) else 0

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeRemainingColumn)

        self._progress = Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(),
                                  TimeRemainingColumn(), console=Console(stderr=True),
                                  transient=True, redirect_stdout=False,
                                  redirect_stderr=False)
        self._task = self._progress.add_task("parse", total=self.total)
        self._progress.start()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
