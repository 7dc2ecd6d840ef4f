"""Where the text goes: stdout as UTF-8 bytes, or files replaced atomically.

A file is written to a temporary file in the same folder and moved over the target with
``os.replace`` only when everything was written, so a crash or a full disk never leaves half a
file, and a run that produced nothing leaves the old file alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterable

if TYPE_CHECKING:
    from .batch import Outcome
    from .models import Notice

ENCODING = "utf-8"
# A file name that is not valid UTF-8 reaches Python as lone surrogates; written as \udcxx
# escapes it stays readable, and in JSON strings it is even the exact escape.
ERRORS = "backslashreplace"


def encode(chunk: str) -> bytes:
    """The UTF-8 bytes of ``chunk``, whatever the locale."""
    return chunk.encode(ENCODING, ERRORS)


def stdout_bytes() -> BinaryIO:
    """stdout's byte stream: bytes are UTF-8 whatever the locale, and ``\r\n`` in CSV is
    not doubled by Windows' text mode."""
    sys.stdout.flush()
    return sys.stdout.buffer


def render_utf8(render: Callable[[Notice, Any], str], options: Any, notice: Notice) -> bytes:
    """``render(notice, options)`` as the bytes to write: what a batch's workers send back
    (module-level, so that a ``functools.partial`` of it reaches them pickled)."""
    return encode(render(notice, options))


def write_chunks(chunks: Iterable[str | bytes], stream: BinaryIO) -> None:
    """Write each chunk as soon as it comes, flushed, so a reader downstream sees it at once;
    text is encoded, bytes (already encoded with ``encode``) are written as they are."""
    for chunk in chunks:
        stream.write(chunk if isinstance(chunk, bytes) else encode(chunk))
        stream.flush()


class AtomicFile:
    """A binary file that appears at ``path`` only on ``commit()``; ``discard()`` or leaving
    the ``with`` block without committing removes it without a trace.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.json"
    >>> with AtomicFile(target) as out:
    ...     _ = out.write(b"[]")
    ...     target.exists()
    ...     out.commit()
    False
    >>> target.read_bytes()
    b'[]'
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._fd, self._temp = tempfile.mkstemp(dir=self.path.parent or ".",
                                                prefix=f".{self.path.name}.", suffix=".tmp")
        self._stream: BinaryIO | None = os.fdopen(self._fd, "wb")

    def write(self, data: bytes) -> int:
        return self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()

    def commit(self) -> None:
        """Make the file appear at its path, with the permissions a new file would have."""
        stream, self._stream = self._stream, None
        try:
            stream.flush()
            os.fsync(stream.fileno())
        finally:
            stream.close()
        os.chmod(self._temp, _mode_for(self.path))
        os.replace(self._temp, self.path)

    def discard(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None
            try:
                os.unlink(self._temp)
            except FileNotFoundError:
                pass

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, *exc_info) -> None:
        self.discard()


def write_file(path: str | os.PathLike, chunks: Iterable[str | bytes]) -> None:
    """Write ``chunks`` to ``path`` atomically, making its folder when needed."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with AtomicFile(path) as out:
        write_chunks(chunks, out)
        out.commit()


def write_per_input(outcomes: Iterable[Outcome], out_dir: Path, extension: str,
                    join: Callable[[list[bytes]], Iterable[bytes]],
                    fail: Callable[[str, str], None]) -> None:
    """One file per notice under ``out_dir``: its source's relative path with ``extension``
    (notices/2023/a.txt given as notices → out_dir/2023/a.json), holding ``join([rendered])``
    of the outcome's rendered notice. A file that cannot be written, or that an earlier input
    already wrote (a.txt and a.md), is reported through ``fail(name, message)`` and the others
    go on."""
    written: dict[Path, str] = {}
    for outcome in outcomes:
        target = out_dir / outcome.source.relative.with_suffix(extension)
        if target in written:
            fail(outcome.source.name, f"would overwrite {target}, written for "
                                      f"{written[target]}")
            continue
        written[target] = outcome.source.name
        try:
            write_file(target, join([outcome.rendered]))
        except OSError as exc:
            fail(str(target), f"cannot be written ({exc.strerror or exc})")


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, or what the umask gives a new file (mkstemp's
    own 0600 would surprise anyone sharing the output)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
