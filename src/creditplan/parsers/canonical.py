"""Canonical agency names: 市发改委, 市发展和改革委员会 → 市发展改革委, so one agency counts once.

A unit name is taken apart and put back together:

1. the generic rules in ``RULES`` run, in order, over the whole name: tidy brackets and spaces,
   委员会 → 委 (管委会, 执委会, 常委会 … kept), 办公室 → 办, 监督管理 → 监管, and 和/及 dropped
   inside a name (发展和改革委 → 发展改革委, but not in 和平区, 太和县 or 共和国);
2. a trailing bracket, a second hat, is cut off and made canonical on its own:
   区发改委(金融办) → 区发展改革委(金融办), never plain 区发展改革委;
3. a word at the end from the alias table's ``[end]`` section is rewritten (中支 → 中心支行);
4. the level prefix (市, 区, 省, 国家, or named places: 上海市松江区, 浦东新区) is held aside,
   the core is rewritten by the ``[start]`` words (发改 → 发展改革) and looked up in ``[whole]``
   (高院 → 高级人民法院), and the prefix is put back unchanged: 市 and 区 stay different agencies.

The alias table is data (``data/agency_aliases.txt``); its header says which form is canonical
for each family. Unknown names come back with only the generic rules applied; nothing raises.

>>> canonical_name("市发展和改革委员会")
'市发展改革委'
>>> canonical_name("人行合肥中支")
'人民银行合肥中心支行'
>>> canonical_name("区发展改革委(金融办)")
'区发展改革委(金融办)'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable

import regex

__all__ = ["AliasTable", "RULES", "alias_table", "canonical_name", "explain_canonical"]

ALIAS_FILE = "agency_aliases.txt"
SECTIONS = ("start", "end", "whole")

# Characters that end a level prefix: the cut between prefix and core can only follow one.
_LEVEL_ENDS = frozenset("省市区县州盟旗镇乡家央")

LEVEL_PREFIX = regex.compile(
    r"""
    (?: 国家 | 中央                          # national bodies: 国家发改委, 中央文明办
      | (?: (?! 城市 | 城乡 | 都市 )         # words of a core, not places: 城市管理, 城乡建委
            (?: (?! [省市区县州镇乡] ) \p{Han} ){1,8}?   # a place name: 上海, 松江, 浦东新, 各
            (?: 特别行政区 | 自治区 | 自治州 | 自治县 | 新区 | 地区
              | 省 | 市 | 区 | 县 | 州 | 盟 | 旗 | 镇 | 乡 )
        )*                                   # 上海市松江区: one place after another
        (?: 自治区 | 自治州 | 省 | 市 | 区 | 县 | 州 | 镇 | 乡 )?   # a bare level: 市发改委
    )
    """,
    regex.VERBOSE,
)

# One or more brackets closing the name: 区发展改革委(金融办), 相关部门(单位); not 各县(市)区.
TRAILING_HATS = regex.compile(r"^(?P<head>.*?[^()])(?P<hats>(?:\([^()]*\))+)$")
HAT = regex.compile(r"\(([^()]*)\)")

# 委员会 whose short form keeps 会: 管委会 of a development zone, 执委会, 人大常委会, 居委会.
COMMITTEE_KEEPS_HUI = regex.compile(
    r"""
    (?<= [区园港城岛] ) 管理委员会     # 高新区管理委员会 → 高新区管委会; not 建设管理委员会
    | 执行委员会 | 常务委员会 | 居民委员会 | 村民委员会
    """,
    regex.VERBOSE,
)
_HUI_SHORT = {"管理委员会": "管委会", "执行委员会": "执委会", "常务委员会": "常委会",
              "居民委员会": "居委会", "村民委员会": "村委会"}

# 和/及 joining two words of a name. Both sides have at least two characters, and the two before
# are not a level character: that keeps place names (和平区, 太和县, 呼和浩特), and 共和国 and
# 和谐 are kept by name.
CONJUNCTION = regex.compile(
    r"""
    (?<= (?: (?! [省市区县州镇乡] ) \p{Han} ){2} )   # 绿化和, 发展和; not 市太和县
    (?<! 共 )                                        # 中华人民共和国
    [和及]
    (?= \p{Han}{2} )                                 # 和市容局, 和改革委
    (?! 谐 | 平[区县] )                              # 和谐, 和平区
    """,
    regex.VERBOSE,
)

_BRACKETS = str.maketrans({"（": "(", "）": ")"})


def tidy(name: str) -> str:
    """Full-width brackets to ASCII, spaces out: ``市 发改委（金融办）`` → ``市发改委(金融办)``."""
    return "".join(name.translate(_BRACKETS).split())


def shorten_committee(name: str) -> str:
    """委员会 → 委, except the 委会 family: 高新区管理委员会 → 高新区管委会.

    >>> shorten_committee("市经济和信息化委员会"), shorten_committee("一体化示范区执行委员会")
    ('市经济和信息化委', '一体化示范区执委会')
    """
    if "委员会" not in name:
        return name
    name = COMMITTEE_KEEPS_HUI.sub(lambda match: _HUI_SHORT[match[0]], name)
    return name.replace("委员会", "委")


def shorten_office(name: str) -> str:
    """办公室 → 办, the usual short form: 市金融工作办公室 → 市金融工作办."""
    return name.replace("办公室", "办")


def shorten_supervision(name: str) -> str:
    """监督管理 → 监管: 市市场监督管理局 → 市市场监管局."""
    return name.replace("监督管理", "监管")


def drop_conjunctions(name: str) -> str:
    """Drop 和/及 inside a name: 区文化和旅游局 → 区文化旅游局; 和平区, 太和县 stay."""
    return CONJUNCTION.sub("", name) if "和" in name or "及" in name else name


# The generic rules, in the order they run. Each is str -> str and leaves unknown names alone.
RULES: tuple[tuple[str, Callable[[str], str]], ...] = (
    ("tidy", tidy),
    ("committee", shorten_committee),
    ("office", shorten_office),
    ("supervision", shorten_supervision),
    ("conjunction", drop_conjunctions),
)


def apply_rules(name: str, steps: list[str] | None = None) -> str:
    """Run ``RULES`` over ``name`` until none changes it; note in ``steps`` those that did.

    A second pass is needed when one rule makes work for an earlier one (委及员会 → 委员会 → 委).
    """
    for _ in range(len(name) + 1):  # after the first pass, each pass that changes shortens
        before = name
        for rule_name, rule in RULES:
            changed = rule(name)
            if changed != name and steps is not None and rule_name not in steps:
                steps.append(rule_name)
            name = changed
        if name == before:
            break
    return name


@dataclass(frozen=True)
class AliasTable:
    """The alias table, its keys already run through ``RULES``.

    ``start`` and ``end`` are (alias, canonical) pairs, longest alias first; ``whole`` maps a
    whole core to its canonical core.
    """

    start: tuple[tuple[str, str], ...]
    end: tuple[tuple[str, str], ...]
    whole: dict[str, str]
    # ``start`` by alias length, longest first: a prefix is looked up, not searched for.
    start_by_length: tuple[tuple[int, dict[str, str]], ...] = ()


def parse_alias_lines(lines: list[str]) -> AliasTable:
    """Read ``alias = canonical`` lines under ``[start]``, ``[end]``, ``[whole]`` headers.

    Raises ``ValueError`` on a line it cannot read or an alias given two canonical forms.
    """
    sections: dict[str, dict[str, str]] = {section: {} for section in SECTIONS}
    current: dict[str, str] | None = None
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]") and line[1:-1] in sections:
            current = sections[line[1:-1]]
            continue
        alias, sep, canonical = (part.strip() for part in line.partition("="))
        if not sep or not alias or not canonical or current is None:
            raise ValueError(f"{ALIAS_FILE} line {number}: cannot read {raw!r}")
        alias, canonical = apply_rules(alias), apply_rules(canonical)
        if current.get(alias, canonical) != canonical:
            raise ValueError(f"{ALIAS_FILE} line {number}: {alias} has two canonical forms")
        current[alias] = canonical

    def longest_first(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(table.items(), key=lambda item: -len(item[0])))

    by_length: dict[int, dict[str, str]] = {}
    for alias, canonical in sections["start"].items():
        by_length.setdefault(len(alias), {})[alias] = canonical
    return AliasTable(start=longest_first(sections["start"]),
                      end=longest_first(sections["end"]), whole=sections["whole"],
                      start_by_length=tuple(sorted(by_length.items(), reverse=True)))


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    """The packaged alias table, read once."""
    path = resources.files("creditplan") / "data" / ALIAS_FILE
    return parse_alias_lines(path.read_text(encoding="utf-8").splitlines())


def _prefix_cuts(head: str) -> list[int]:
    """Where the level prefix may end, longest prefix first (0: no prefix)."""
    cuts = [cut for cut in range(len(head) - 1, 0, -1)
            if head[cut - 1] in _LEVEL_ENDS and LEVEL_PREFIX.fullmatch(head[:cut])]
    return cuts + [0]


def _rewrite_start(core: str, table: AliasTable) -> str:
    for length, aliases in table.start_by_length:
        canonical = aliases.get(core[:length])
        if canonical is not None:
            return canonical + core[length:]
    return core


def _choose_cut(head: str, table: AliasTable) -> int | None:
    """Where to cut the prefix off: the longest prefix whose core is a ``[whole]`` name, else
    the longest whose core starts with a ``[start]`` word, else None (nothing to rewrite)."""
    cuts = _prefix_cuts(head)
    cores = [(cut, _rewrite_start(head[cut:], table)) for cut in cuts]
    for cut, core in cores:
        if core in table.whole:
            return cut
    for cut, core in cores:
        if core != head[cut:]:
            return cut
    return None


def _canonical_head(head: str, table: AliasTable, steps: list[str]) -> str:
    """The name without trailing brackets: end word, then prefix + start word + whole name."""
    for alias, canonical in table.end:
        if head.endswith(alias) and len(head) > len(alias):
            head = head[: -len(alias)] + canonical
            steps.append("end_word")
            break
    chosen = _choose_cut(head, table)
    if chosen is None:
        return head
    prefix, core = head[:chosen], head[chosen:]
    rewritten = _rewrite_start(core, table)
    canonical = table.whole.get(rewritten, rewritten)
    if canonical == core:  # 人民政府 → 政府 → 人民政府: a round trip is no change
        return head
    steps.extend(step for step, before, after in (("start_word", core, rewritten),
                                                  ("whole_name", rewritten, canonical))
                 if before != after)
    return prefix + canonical


def _canonicalize(name: str) -> tuple[str, tuple[str, ...]]:
    steps: list[str] = []
    tidied = apply_rules(name, steps)
    table = alias_table()
    hats = ""
    match = tidied.endswith(")") and TRAILING_HATS.match(tidied)
    if match:
        tidied = match["head"]
        for inner in HAT.findall(match["hats"]):
            canonical_inner = canonical_name(inner) if inner else inner
            if canonical_inner != inner:
                steps.append("hat")
            hats += f"({canonical_inner})"
    result = _canonical_head(tidied, table, steps) + hats
    if not result.strip():
        return name, ()
    return result, tuple(steps)


@lru_cache(maxsize=8192)
def canonical_name(name: str) -> str:
    """The canonical spelling of one agency name; unknown names only get the generic rules.

    >>> canonical_name("市经信委"), canonical_name("区法院"), canonical_name("相关委办局")
    ('市经济信息化委', '区人民法院', '相关委办局')
    """
    return _canonicalize(name)[0]


def explain_canonical(name: str) -> list[str]:
    """Which steps changed ``name`` on its way to the canonical form, in order.

    >>> explain_canonical("市食品药品监督管理局")
    ['supervision']
    >>> explain_canonical("市高院")
    ['whole_name']
    """
    return list(_canonicalize(name)[1])
