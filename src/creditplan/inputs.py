"""Where notices come from: files, folders walked in sorted order, or stdin (``-``).

``discover`` turns what a user typed into ``Source`` records, one per notice to parse, without
reading any file. A folder gives every file inside it, recursively, sorted by path, skipping
hidden files and folders (names starting with ``.``), filtered by a glob when one is given;
explicitly named files are always kept. Problems found while looking (a folder that cannot be
listed, an empty folder) become sources that carry their ``error``, so the batch reports them
in their place and goes on.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import BinaryIO, Iterable, Sequence

from .errors import InputError, InputTooLarge

STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Source:
    """One notice to parse, and where its output goes under ``--out-dir``."""

    name: str
    """How messages name it: the path as given (joined to the folder given), or <stdin>."""
    path: Path | None = None
    """The file to read; None for stdin."""
    relative: PurePath = PurePath("stdin")
    """The path under an output folder: the file's name, or its path inside the folder given."""
    walked: bool = False
    """Found inside a folder: it must be a regular file (never a pipe or a device)."""
    error: str | None = None
    """A problem found while looking, worded to follow the name."""
    data: bytes | None = None
    """The bytes already read (stdin), when there are any."""


def discover(inputs: Sequence[str], *, glob: str | None = None,
             exclude: Iterable[str | os.PathLike] = ()) -> list[Source]:
    """The sources named by ``inputs`` (no inputs: stdin), in order.

    ``glob`` filters the files found inside folders, by name or by path inside the folder
    (``*.txt``, ``2023/*``). ``exclude`` names folders never to enter (an output folder).
    """
    skip = {_identity(path) for path in exclude if os.path.isdir(path)}
    sources: list[Source] = []
    for given in inputs or [STDIN]:
        if given == STDIN:
            sources.append(Source(STDIN_NAME))
        elif os.path.isdir(given):
            sources.extend(_walk(given, glob, skip))
        else:
            sources.append(Source(display_name(given), Path(given),
                                  PurePath(os.path.basename(given))))
    return sources


def display_name(name: str) -> str:
    """``name`` fit to print: a path Python could not decode (a C locale, a file name in
    another encoding) holds lone surrogates; its bytes are read as UTF-8 instead, and any
    byte that is not UTF-8 is shown as ``\\xNN``.

    >>> display_name("\\udce4\\udcb8\\udc8d.txt"), display_name("\\udcff.txt")
    ('不.txt', '\\\\xff.txt')
    """
    if not any("\udc80" <= char <= "\udcff" for char in name):
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def is_batch(inputs: Sequence[str]) -> bool:
    """Several inputs, or a folder: the output is then a collection even with one notice."""
    return len(inputs) > 1 or any(given != STDIN and os.path.isdir(given) for given in inputs)


def read_stdin(max_bytes: int | None) -> bytes:
    """All of stdin, refusing more than ``max_bytes`` without reading much beyond it."""
    return read_limited(sys.stdin.buffer, max_bytes)


def read_limited(stream: BinaryIO, max_bytes: int | None) -> bytes:
    """All of ``stream``, or InputTooLarge as soon as it gives more than ``max_bytes``."""
    data = stream.read() if max_bytes is None else stream.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLarge(f"is larger than {max_bytes:,} bytes (raise the limit with "
                            f"--max-size)")
    return data


def read_input(given: str, max_bytes: int | None) -> bytes:
    """The bytes of the file ``given`` (or stdin for ``-``), with the library's messages."""
    if given == STDIN:
        return read_stdin(max_bytes)
    path = Path(given)
    try:
        if path.is_dir():
            raise InputError("is a folder, not a file")
        if max_bytes is not None and path.is_file() and path.stat().st_size > max_bytes:
            raise InputTooLarge(f"is larger than {max_bytes:,} bytes (raise the limit with "
                                f"--max-size)")
        with path.open("rb") as stream:
            return read_limited(stream, max_bytes)
    except FileNotFoundError as exc:
        raise InputError("does not exist") from exc
    except OSError as exc:
        raise InputError(unreadable(exc)) from exc


def unreadable(exc: OSError) -> str:
    """Why a file or folder cannot be read, worded to follow its name."""
    if isinstance(exc, PermissionError):
        return "cannot be read (permission denied)"
    return f"cannot be read ({exc.strerror or exc})"


def _walk(given: str, glob: str | None, skip: set) -> list[Source]:
    """Every file under the folder ``given``, sorted by its path inside the folder.

    Symbolic links to folders are followed, each real folder entered once (a link back up
    the tree would otherwise loop forever).
    """
    found: list[tuple[tuple[str, ...], Source]] = []
    seen = set(skip)
    root_id = _identity(given)
    if root_id in seen:
        return []
    seen.add(root_id)

    def report(exc: OSError) -> None:
        name = exc.filename or given
        rel = PurePath(os.path.relpath(name, given))
        found.append((rel.parts, Source(display_name(str(name)), Path(name), rel, True,
                                        unreadable(exc))))

    for folder, folders, files in os.walk(given, onerror=report, followlinks=True):
        folders[:] = [name for name in folders if not name.startswith(".")
                      and _enter(os.path.join(folder, name), seen)]
        for name in files:
            rel = PurePath(os.path.relpath(os.path.join(folder, name), given))
            if name.startswith(".") or (glob and not _matches(rel, glob)):
                continue
            path = os.path.join(given, rel)
            found.append((rel.parts, Source(display_name(path), Path(path), rel, walked=True)))
    if not found:
        wanted = f"files matching {glob!r}" if glob else "files"
        return [Source(display_name(given), Path(given), PurePath(os.path.basename(
            os.path.normpath(given))), error=f"is a folder with no {wanted} to parse")]
    found.sort(key=lambda item: item[0])
    return [source for _, source in found]


def _enter(path: str, seen: set) -> bool:
    try:
        identity = _identity(path)
    except OSError:
        return True  # let os.walk meet the error and report it
    if identity in seen:
        return False
    seen.add(identity)
    return True


def _identity(path: str | os.PathLike) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_dev, stat.st_ino


def _matches(rel: PurePath, glob: str) -> bool:
    return fnmatch.fnmatch(rel.name, glob) or fnmatch.fnmatch(rel.as_posix(), glob)
