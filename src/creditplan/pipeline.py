"""The library's entry points: text, bytes or a file in, a validated ``Notice`` out.

normalize → parsers (in ``PARSERS`` order) → one validation of the whole record.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError, InputTooLarge
from .models import Notice
from .normalize import Normalized, decode_bytes, normalize
from .parsers import PARSERS, ParseState
from .parsers.titles import flow

# Larger inputs are refused unless the caller raises the limit: notices are tens of KB, and a
# 100 MB "notice" is a crawler's concatenation that would take minutes and gigabytes.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def parse_text(text: str, *, opencc_config: str = "t2s", keep_script: bool = False,
               source: str | None = None, encoding: str | None = None,
               max_bytes: int | None = DEFAULT_MAX_BYTES) -> Notice:
    """Parse a notice given as text.

    >>> notice = parse_text("2023年合肥市信用工作要点\\n一、总则\\n1.建立制度。(责任单位:市发改委)")
    >>> notice.title, notice.tasks[0].units[0].name
    ('2023年合肥市信用工作要点', '市发改委')
    """
    if max_bytes is not None and len(text) * 3 > max_bytes and len(text.encode()) > max_bytes:
        raise InputTooLarge(f"is larger than {max_bytes:,} bytes (raise the limit with "
                            f"--max-size)")
    norm = normalize(text, opencc_config=opencc_config)
    state = ParseState(text=norm.text, line_of=norm.offsets.line)
    for parser in PARSERS:
        parser(state)
    return _notice(norm, state, keep_script=keep_script, source=source, encoding=encoding)


def parse_bytes(data: bytes, *, encoding: str | None = None, source: str | None = None,
                max_bytes: int | None = DEFAULT_MAX_BYTES, **options) -> Notice:
    """Parse a notice given as bytes in any supported encoding (detected unless given)."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLarge(f"is larger than {max_bytes:,} bytes (raise the limit with "
                            f"--max-size)")
    if not data.strip():
        raise InputError("is empty")
    text, used = decode_bytes(data, encoding)
    if not text.replace("\ufeff", "").strip():
        raise InputError("is empty (only spaces or a byte-order mark)")
    return parse_text(text, source=source, encoding=used, max_bytes=None, **options)


def parse_file(path: str | os.PathLike, **options) -> Notice:
    """Parse the notice in the file at ``path``."""
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder, not a file")
    max_bytes = options.get("max_bytes", DEFAULT_MAX_BYTES)
    try:
        if max_bytes is not None and path.stat().st_size > max_bytes:
            raise InputTooLarge(f"is larger than {max_bytes:,} bytes (raise the limit with "
                                f"--max-size)")   # checked before reading: never load it all
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("does not exist") from exc
    except PermissionError as exc:
        raise InputError("cannot be read (permission denied)") from exc
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})") from exc
    return parse_bytes(data, source=str(path), **options)


def _notice(norm: Normalized, state: ParseState, *, keep_script: bool, source: str | None,
            encoding: str | None) -> Notice:
    meta = state.meta
    warnings = [{"code": code, "message": message, "line": line}
                for line, code, message in norm.notes] + state.warnings
    if not state.tasks:
        warnings.append({"code": "no_tasks", "message": "no numbered task was found in the text",
                         "line": None})
    # Document order, as the contract says: table rows are read after the clauses around them.
    tasks = sorted(state.tasks, key=lambda task: task["span"][0])
    if keep_script and norm.script == "traditional":
        tasks = [_in_original_script(task, norm) for task in tasks]
    for task in tasks:
        task.pop("_text_span", None)   # the one private key a task still holds (see assign.py)
    record = {
        "source": source, "encoding": encoding,
        "title": meta.get("title"), "notice_title": meta.get("notice_title"),
        "doc_number": meta.get("doc_number"), "issuers": meta.get("issuers", []),
        "issue_date": meta.get("issue_date"), "year": meta.get("year"),
        "region": meta.get("region"), "addressees": meta.get("addressees", []),
        "script": norm.script, "repairs": norm.repairs, "preamble": meta.get("preamble", ""),
        "sections": state.sections,
        "groups": state.groups, "tasks": tasks,
        "coverage": meta.get("coverage", 1.0), "warnings": warnings,
    }
    return Notice.model_validate(record)


def _in_original_script(task: dict, norm: Normalized) -> dict:
    """The task's text (and title) as the input wrote them, when offsets allow: conversion to
    simplified script keeps every offset, so the same stretch of the pre-conversion text is
    the original."""
    if "_text_span" in task:
        start, end = task["_text_span"]
        original = flow(norm.display_text[start:end])
    else:      # a table cell: one line, found within the row
        start, end = task["span"]
        offset = norm.text.find(task["text"], start, end)
        if offset < 0:
            return task
        original = norm.display_text[offset:offset + len(task["text"])]
    if len(original) != len(task["text"]):
        return task
    title = task["title"]
    if title and task["text"].startswith(title):
        title = original[:len(title)]
    return {**task, "text": original, "title": title}
