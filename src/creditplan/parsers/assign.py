"""Give each clause task its text, title and units: cut the responsibility off its end.

A responsibility that stands on a line of its own after the last of several sibling items,
none of which has one of its own, covers them all (a 〔责任单位:…〕 line after （1）（2）（3）).
A section with no numbered children stays a task only when it carries a responsibility.
"""

from __future__ import annotations

from .responsibility import find_inline_units, find_responsibility
from .state import ParseState
from .titles import flow, split_heading, task_title
from .units import unit_records


def assign_responsibility(state: ParseState) -> None:
    """Fill text, title, units, units_open and deadline of every clause task."""
    kept = []
    for task in state.tasks:
        if task["origin"] != "clause":
            kept.append(task)
            continue
        start, end = task.pop("_body")
        heading = task.pop("_heading_task")
        raw = state.text[start:end]
        found = find_responsibility(raw)
        if heading and not found:
            continue          # a section heading without a responsibility is not a task
        text = raw[:found.start] if found else raw
        if found and found.end is not None and raw[found.end:].strip():
            text += raw[found.end:]      # words after labelled fields are still the task's
        inline = find_inline_units(text)     # the items' own brackets, in the text
        if found or inline:
            task["units"] = unit_records(inline + (found.units if found else []))
        if found:
            task["units_open"] = found.open_list
            task["deadline"] = found.deadline
            task["_own_line"] = raw[:found.start].rstrip(" ").endswith("\n")
            for message in found.warnings:
                state.warn("cut_bracket", message, start + found.start)
        lead = len(text) - len(text.lstrip())
        task["_text_span"] = (start + lead, start + len(text.rstrip()))  # for --keep-script
        task["text"] = flow(text.strip())
        if heading:    # the section's heading, without the responsibility it carried
            title = split_heading(text, 0, len(text))[0]
            _retitle_section(state, task["index"], title)
            task["title"] = title
        else:
            task["title"] = task_title(task["text"])
        task["span"] = (task["span"][0], start + len(raw.rstrip()))
        state.place(*task["span"])
        kept.append(task)
    state.tasks = kept
    _share_covering_responsibility(state.tasks)
    _inherit_heading_responsibility(state.tasks, state.meta.pop("heading_units", {}))


def _retitle_section(state: ParseState, index: int, title: str) -> None:
    """A section that is itself a task: its title loses the responsibility cut from it."""
    for section in state.sections:
        if section["index"] == index and section["title"].startswith(title):
            section["title"] = title


def _share_covering_responsibility(tasks: list[dict]) -> None:
    """Copy a responsibility line that follows several siblings to each sibling without units."""
    siblings: dict[tuple, list[dict]] = {}
    for task in tasks:
        if task["origin"] == "clause":
            siblings.setdefault(tuple(task["path"][:-1]), []).append(task)
    for family in siblings.values():
        last = family[-1]
        if len(family) < 2 or not last.get("_own_line") or not last["units"]:
            continue
        if any(t["units"] for t in family[:-1]):
            continue
        for task in family[:-1]:
            task["units"] = list(last["units"])
            task["units_open"] = last["units_open"]
    for task in tasks:
        task.pop("_own_line", None)


def _inherit_heading_responsibility(tasks: list[dict], headings: dict) -> None:
    """A task without units of its own takes those of the nearest heading above it that
    closes with a responsibility ((一)…(牵头单位:A;配合单位:B) over its 1. 2. 3.)."""
    if not headings:
        return
    for task in tasks:
        if task["origin"] != "clause" or task["units"]:
            continue
        path = task["path"]
        found = next((headings[tuple(path[:k])] for k in range(len(path) - 1, 0, -1)
                      if tuple(path[:k]) in headings), None)
        if found:
            task["units"] = unit_records(found.units)
            task["units_open"] = found.open_list
            task["deadline"] = task.get("deadline") or found.deadline
