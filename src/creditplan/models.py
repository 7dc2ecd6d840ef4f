"""The records: what ``creditplan parse`` says about a notice.

The contract is ``docs/records.md`` (a copy of the project's record spec). Field names and
meanings follow it exactly; fields beyond it are marked "extension" in their description.
The JSON Schema printed by ``creditplan schema`` is generated from these models.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["lead", "support", "responsible"]
Origin = Literal["clause", "table"]
Script = Literal["simplified", "traditional"]


class Record(BaseModel):
    """Base of every record: unknown fields are an error, never silently kept."""

    model_config = ConfigDict(extra="forbid")


class Unit(Record):
    """One agency named as responsible for a task."""

    name: str = Field(description="The unit as the notice names it: simplified script, no spaces, "
                                  "role words and a trailing 等 removed.")
    role: Role = Field(description="lead (牵头), support (配合/参加/参与/协助) or responsible "
                                   "(负责/责任单位/a bare list).")
    canonical: str = Field(description="Extension: one name per agency across notices, "
                                       "e.g. 市发改委 and 市发展和改革委员会 both give 市发展改革委.")


class Section(Record):
    """A level-1 heading (一、二、…) and the text it opens."""

    index: int = Field(description="The heading's number: 一、 → 1.")
    number: str = Field(description="The number as written: 一, 十二.")
    title: str = Field(description="The heading's own words, without its number label.")
    level: int = Field(default=1, description="Always 1: sections are the top of the numbering.")
    text: str = Field(default="", description="Extension: the section's own text before its first "
                                              "numbered item (or all of it when it has none).")
    line: int = Field(description="Extension: 1-based line of the input where the heading starts.")
    span: tuple[int, int] = Field(description="Extension: character offsets of the whole section "
                                              "in the normalized text.")


class Group(Record):
    """Extension: a heading between a section and its tasks (（二） in 一、/（二）/3.), or a
    division-of-labour table's category."""

    origin: Origin = Field(description="clause for a numbered heading, table for a table category.")
    section: int | None = Field(description="The section the group sits in.")
    index: int = Field(description="The group's own number: （二） → 2.")
    title: str = Field(description="The group's heading words.")
    path: list[int] = Field(description="Every number from the section down to the group.")
    text: str = Field(default="", description="The group's own text before its first item.")


class Task(Record):
    """A leaf of the numbering tree, or one row of a division-of-labour table."""

    origin: Origin = Field(description="clause (numbered text) or table (a row of a 任务分工表).")
    section: int | None = Field(description="Number of the level-1 heading the task sits under.")
    group: int | None = Field(description="Number of the heading directly above the task when one "
                                          "stands between the section and the task; for a table "
                                          "row, its category number; else null.")
    index: int = Field(description="The task's own number: 1、 → 1, （十二） → 12, a table row's 序号.")
    path: list[int] = Field(description="Every number from the section down to the task.")
    title: str | None = Field(description="The heading-like first sentence, when the task opens "
                                          "with one.")
    text: str = Field(description="The task's whole text, simplified, without its number label "
                                  "and without its responsibility.")
    units: list[Unit] = Field(default_factory=list, description="The responsible units with roles.")
    units_open: bool = Field(default=False, description="Extension: the unit list ends in 等 "
                                                        "(等相关单位, 等有关部门): it is not complete.")
    deadline: str | None = Field(default=None, description="Extension: a table's 完成时限/时间进度 "
                                                           "cell or a clause's 完成时限: field.")
    note: str | None = Field(default=None, description="Extension: a table's 备注 cell, and the "
                                                       "cells of columns no other field holds "
                                                       "(工作目标:…).")
    line: int = Field(description="1-based line of the input where the task starts.")
    span: tuple[int, int] = Field(description="Character offsets of the task in the normalized text.")


class Warning(Record):  # noqa: A001 - the contract names this record "warnings"
    """Something the parser could not place or had to guess."""

    code: str = Field(description="A stable, machine-readable kind: unplaced_text, "
                                  "cut_bracket, unrecoverable_text, …")
    message: str = Field(description="One sentence for a person.")
    line: int | None = Field(default=None, description="1-based input line it concerns, if any.")


class Notice(Record):
    """Everything creditplan knows about one notice."""

    source: str | None = Field(default=None, description="Extension: the file the notice came "
                                                         "from, as given; null for text or stdin.")
    encoding: str | None = Field(default=None, description="Extension: the encoding the bytes were "
                                                           "decoded with; null for text input.")
    title: str | None = Field(default=None, description="The plan's own title, simplified, no 《》, "
                                                        "no spaces, without the cover wrapper.")
    notice_title: str | None = Field(default=None, description="The cover notice heading.")
    doc_number: str | None = Field(default=None, description="The issuing number as written.")
    issuers: list[str] = Field(default_factory=list, description="The bodies that sign or issue "
                                                                 "the notice.")
    issue_date: str | None = Field(default=None, description="ISO date of the signature.")
    year: int | None = Field(default=None, description="The year the plan is for, from its title.")
    region: str | None = Field(default=None, description="The area the plan covers, in its fullest "
                                                         "form the text supports.")
    addressees: list[str] = Field(default_factory=list, description="主送: who the notice is "
                                                                    "addressed to.")
    script: Script = Field(default="simplified", description="The script the input was written in.")
    repairs: dict[str, int] = Field(default_factory=dict, description="How many times each "
                                                                      "normalization repair was "
                                                                      "applied.")
    preamble: str = Field(default="", description="Extension: the text before the first section "
                                                   "that no metadata field took (the cover letter "
                                                   "and the plan's opening paragraph).")
    sections: list[Section] = Field(default_factory=list, description="The level-1 headings.")
    groups: list[Group] = Field(default_factory=list, description="Extension: headings between "
                                                                  "sections and tasks, and table "
                                                                  "categories.")
    tasks: list[Task] = Field(default_factory=list, description="Every task, in document order.")
    coverage: float = Field(default=1.0, description="Extension: share of the body's characters "
                                                     "placed in a record (0–1).")
    warnings: list[Warning] = Field(default_factory=list, description="What could not be placed "
                                                                      "or had to be guessed.")
