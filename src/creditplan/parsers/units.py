"""Unit names: split a list of agencies, read the role words, expand distributive lists.

The rules follow the record contract: split on 、 ， , ； ; at bracket depth 0 only; drop role
words and a trailing 等 (the list is then open); X等Y with a specific Y gives X and Y; a list of
place names sharing one institution is expanded; a list whose items are not places stays one
unit; names are simplified with spaces removed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex

from . import roles
from .canonical import canonical_name
from .roles import role_of

# Role words at the end of a clause (``roles``). "按(照)职责(分工)(分别)" says the units act
# each within its own remit; on its own it means responsible.
ROLE_TAIL = regex.compile(
    rf"""
    (?P<duty>{roles.DUTY_PHRASE})?
    (?:{roles.alternation(roles.TAIL_ADVERBS)})?
    (?P<word>{roles.alternation(roles.TAIL_WORDS)})?
    $""",
    regex.VERBOSE,
)
# The longest tail ROLE_TAIL can match (按照各自职责分工分别牵头负责): searching only the
# clause's last characters finds the same match without trying every position.
_ROLE_TAIL_REACH = len(roles.LONGEST_DUTY) + max(map(len, roles.TAIL_ADVERBS)) \
    + max(map(len, roles.TAIL_WORDS))
# The characters a role tail can end with (the last of each word, adverb and duty phrase): a
# clause ending otherwise (市财政局, most of them) has no tail, and the search is skipped.
_ROLE_TAIL_ENDS = frozenset(word[-1] for word in (
    *roles.TAIL_WORDS, *roles.TAIL_ADVERBS, *roles.DUTY_WORDS, "分工"))

# Separators between units: only at bracket depth 0.
_SEPARATORS = "、,;"
_OPEN, _CLOSE = "([【〔{", ")]】〕}"

# A trailing 等 and its generic tail close an open list: 等, 等相关单位, 等有关部门.
# A counted tail is open too: 等15个部门, 等十余个单位.
OPEN_TAIL = regex.compile(r"等(?:(?:[\d一二三四五六七八九十两]{1,3}(?:余|多)?个)?(?:其他|相关|有关|各)?"
                          r"(?:单位|部门|机构|委办局|成员单位|部门和单位|单位和部门)?)$")
_OPEN_TAIL_REACH = 14     # 等 + 十余个 + 其他 + 部门和单位: the longest open tail
# X等Y: a specific Y after 等 is a unit of its own (省财政厅等省联席会议相关成员单位).
ET_SPECIFIC = regex.compile(r"^(?P<x>.+?)等(?P<y>.{2,})$")

# What an agency's name ends with. Place classes (各县(市)区, 开发区) count as units too.
# Suffix tuples, not ``$``-anchored regexes: ``str.endswith`` tests them without scanning.
INSTITUTION_ENDINGS = (
    "委员会", "办公室", "办公厅", "人民政府", "政府", "管委会", "执委会", "联席会议", "委", "局", "办",
    "厅", "院", "部", "署", "中心", "总部", "银行", "总行", "分行", "支行", "中支", "分局", "公司", "集团",
    "协会", "联合会", "商会", "学会", "工会", "室", "处", "所", "馆", "站", "队", "团", "社", "单位",
    "部门", "机构", "法院", "检察院", "海关", "街道", "小组", "组", "科", "股", "园", "学校", "大学",
    "医院", "企业", "组织", "各方", "主体", "联", "协", "人行",
)
PLACE_ENDINGS = ("新区", "开发区", "园区", "区", "县", "市", "镇", "乡", "省", "州", "旗", "街道")
AGENCY_ENDINGS = INSTITUTION_ENDINGS + PLACE_ENDINGS


def is_institution(name: str) -> bool:
    """Whether ``name`` ends like an institution (局, 委员会, 人民政府, 中心 …)."""
    return name.endswith(INSTITUTION_ENDINGS)


# A bare place, as it stands before a shared institution: 浦东新区, 嘉定区, and below a county
# 福田街道, 温泉镇 (福田街道、南园街道办事处; 温泉镇、苏家坨镇人民政府). 各市 and 各县(市)
# are classes of places: 各市、县区人民政府 is one unit (``PLACE_CLASS``).
BARE_PLACE = regex.compile(r"^(?!各)[\p{Han}()]{1,8}?(?:新区|区|县|市|街道|镇|乡)$")
PLACE_PREFIX = regex.compile(r"^(?P<place>[\p{Han}]{1,6}?(?:新区|区|县|市|街道|镇|乡))"
                             r"(?P<rest>\p{Han}{2,}.*)$")
_PLACE_LAST = "区县市道镇乡"  # the last character of a bare place: a cheap test before BARE_PLACE

# Role words, then a space before the next names: A牵头 B配合 with the comma lost.
ROLE_THEN_SPACE = re.compile(r"(?<=牵头|负责|配合|参与|参加|协助)[ ]+(?=\S)")
# A role in brackets after a name: 区发改局(牵头), 市发改委〔牵头〕.
INLINE_ROLE = re.compile(rf"[(〔\[【](?P<words>{roles.alternation(roles.INLINE_WORDS)})"
                         r"(?:单位|部门)?[)〕\]】]$")
# Two agencies joined by 和, 及 or 与, or by 会同/联合 (市发改委会同有关部门负责: both answer for
# it): split only when both halves read as agencies.
JOINED = re.compile(r"^(?P<a>.{2,}?)(?:和|及|与|以及|会同|联合)(?P<b>.{2,})$")
# The words before the units of a clause that names them as doers: (由市发改委牵头),
# (此项工作由市发改委牵头), (该项任务由各区政府负责).
BY = re.compile(r"(?:(?:此项|该项|本项|上述|以上|各项)?(?:工作|任务|事项))?由")
# A class of places written 各市、区… or 各区、县: the second item is part of the first.
PLACE_CLASS = re.compile(r"^各[县市区镇乡州旗盟](?:\([^)]*\))?$")
# How the second part of such a class begins: 各市、州人民政府, 各市、自治州人民政府, 各县、市.
PLACE_LEVELS = ("县", "市", "区", "镇", "乡", "州", "旗", "盟", "自治州", "自治县", "自治旗", "特区")


class RawUnit(NamedTuple):
    name: str
    role: str


# Patterns tried on every name are stdlib re where they need nothing more: its calls cost half
# of regex's.
_ANY_OPEN = re.compile(f"[{re.escape(_OPEN)}]")


@lru_cache(maxsize=16)
def _splitter(separators: str) -> re.Pattern:
    return re.compile(f"[{re.escape(separators)}]")


def split_top(text: str, separators: str) -> list[str]:
    """Split on any of ``separators`` outside brackets.

    >>> split_top("各县(市、区)政府、开发区", "、")
    ['各县(市、区)政府', '开发区']
    """
    if not _ANY_OPEN.search(text):      # no brackets: a plain split (the common case)
        parts = _splitter(separators).split(text)
        return [p.strip() for p in parts if p.strip()]
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in separators:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def strip_role(clause: str) -> tuple[str, str]:
    """Split a clause into its list of names and its trailing role words.

    >>> strip_role("市科委、各区人民政府按职责分工负责")
    ('市科委、各区人民政府', '按职责分工负责')
    """
    if clause[-1:] not in _ROLE_TAIL_ENDS:
        return clause, ""
    match = ROLE_TAIL.search(clause, max(len(clause) - _ROLE_TAIL_REACH, 0))
    if not match or not match.group():
        return clause, ""
    return clause[:match.start()], match.group()


# A second hat in brackets after a name: 区发展改革委(金融办), 相关部门(单位).
_SECOND_HAT = regex.compile(r"[(〔\[【][^()〔〕\[\]【】]*[)〕\]】]$")


def looks_like_agency(name: str) -> bool:
    """Whether ``name`` reads as an agency or a class of them (ends like one).

    >>> looks_like_agency("区发展改革委(金融办)"), looks_like_agency("试行")
    (True, False)
    """
    core = _without_hat(name)
    return len(core) >= 2 and core.endswith(AGENCY_ENDINGS)


def _without_hat(name: str) -> str:
    """``name`` without a second hat in brackets at its end: 区发改委(金融办) → 区发改委."""
    return _SECOND_HAT.sub("", name) if name[-1:] in _CLOSE else name


def split_names(names: str) -> tuple[list[str], bool]:
    """Unit names in a list; and whether the list was open (ended in 等).

    >>> split_names("浦东新区、嘉定区、徐汇区人民政府")
    (['浦东新区人民政府', '嘉定区人民政府', '徐汇区人民政府'], False)
    >>> split_names("黄浦、静安、徐汇、杨浦等区县政府")
    (['黄浦、静安、徐汇、杨浦等区县政府'], False)
    >>> split_names("市中级人民法院等相关单位")
    (['市中级人民法院'], True)
    """
    names = _spaced_list(names).strip("、,;:。")
    parts = split_top(names, _SEPARATORS)
    if not parts:
        return [], False
    expanded = _expand_distributive(parts)
    if expanded:
        return expanded, False
    parts = _join_fragments(_expand_runs(parts))
    result, is_open = [], False
    for part in parts:
        has_et = "等" in part      # the string search spares the two 等 patterns most names
        open_match = has_et and OPEN_TAIL.search(part, max(len(part) - _OPEN_TAIL_REACH, 0))
        if open_match and open_match.start() > 0:
            part, is_open = part[:open_match.start()], True
        elif has_et and "、" not in part:
            specific = ET_SPECIFIC.match(part)
            if specific and looks_like_agency(specific["x"]) and looks_like_agency(specific["y"]):
                result.extend([specific["x"], specific["y"]])
                continue
        joined = JOINED.match(part) if "、" not in part and _has_joiner(part) else None
        if joined and is_institution(joined["a"]) and looks_like_agency(joined["b"]) \
                and not _SECOND_HAT.search(joined["a"]):
            result.extend([joined["a"], joined["b"]])
        elif part:
            result.append(part)
    return result, is_open


def _spaced_list(names: str) -> str:
    """``names`` without spaces, a space between whole names read as 、: table cells often give
    one unit a line (市发改委 市财政局 once the lines are joined). A space inside a name, or after
    a bare place (上海市 发展改革委, a wrapped name), is dropped.

    >>> _spaced_list("市发改委 市财政局"), _spaced_list("上海市 发展改革委"), _spaced_list("市发 改委")
    ('市发改委、市财政局', '上海市发展改革委', '市发改委')
    """
    pieces = names.split()
    if len(pieces) > 1 and all(_whole_name(piece) for piece in pieces):
        return "、".join(pieces)
    return "".join(pieces)


def _whole_name(piece: str) -> bool:
    """An agency's whole name (perhaps with its role in brackets), not a bare place."""
    inline = piece[-1:] in _CLOSE and INLINE_ROLE.search(piece)
    name = piece[:inline.start()] if inline else piece
    return looks_like_agency(name) and len(name) >= 3 and not BARE_PLACE.match(name) \
        and not name.startswith("等")      # 市发改委 等相关部门: the tail of the list


def _has_joiner(name: str) -> bool:
    """The cheap gate of ``JOINED``: one of its joining words is in the name."""
    return "和" in name or "及" in name or "与" in name or "会同" in name or "联合" in name


def _expand_distributive(parts: list[str]) -> list[str] | None:
    """浦东新区、嘉定区人民政府 → each place with the shared institution; else None."""
    if len(parts) < 2 or not all(p[-1] in _PLACE_LAST and BARE_PLACE.match(p) for p in parts[:-1]):
        return None
    last = PLACE_PREFIX.match(parts[-1])
    if not last or not is_institution(last["rest"]):
        return None
    levels = {_sub_county_level(p) for p in (*parts[:-1], last["place"])}
    if len(levels) > 1:
        return None   # 城关镇、东城街道办事处: a town has no 办事处; each level its own body
    return [p + last["rest"] for p in parts[:-1]] + [parts[-1]]


def _sub_county_level(place: str) -> str:
    """街道, 镇 or 乡 for a place below a county; "" for a county, a city or a district, which
    may share one (XX县、YY市人民政府)."""
    return next((level for level in ("街道", "镇", "乡") if place.endswith(level)), "")


def _expand_runs(parts: list[str]) -> list[str]:
    """The places sharing one institution inside a longer list: 各县(市、区)人民政府,高新区、
    循环化工园区管委会 → …, 高新区管委会, 循环化工园区管委会."""
    result: list[str] = []
    run_start = 0          # where the bare places before the current part begin in result
    for part in parts:
        if part[-1] in _PLACE_LAST and BARE_PLACE.match(part):
            result.append(part)
            continue
        expanded = _expand_distributive(result[run_start:] + [part]) \
            if len(result) > run_start else None
        if expanded:
            result[run_start:] = expanded
        else:
            result.append(part)
        run_start = len(result)
    return result


def _join_fragments(parts: list[str]) -> list[str]:
    """Rejoin items that are not units on their own: names before a shared ending (黄浦、静安…
    等区县政府, 沪、苏、浙、皖…), one-character endings after a name, a hat allowed
    (区政府各委、办、局(公司)), and the later parts of a class of places (各市、区…办公室, 各区、县,
    各市、州、县…办公室)."""
    joined: list[str] = []
    pending: list[str] = []
    for part in parts:
        if joined and not pending and (len(_without_hat(part)) == 1 or _is_place_class(
                joined[-1]) and part.startswith(PLACE_LEVELS)):
            joined[-1] += "、" + part
            continue
        pending.append(part)
        if looks_like_agency(part):
            joined.append("、".join(pending))
            pending = []
    if pending:
        if joined and len(pending) == len(parts):
            joined.append("、".join(pending))
        else:
            joined.extend(pending)
    return joined


def _is_place_class(item: str) -> bool:
    """Whether ``item`` is a class of places so far: 各市, 各市、州, 各县(市)、区.

    >>> _is_place_class("各市、州"), _is_place_class("市发改委")
    (True, False)
    """
    first, *levels = item.split("、")
    return bool(PLACE_CLASS.match(first)) and all(level in PLACE_LEVELS for level in levels)


def parse_unit_list(text: str, default_role: str = "responsible") -> tuple[list[RawUnit], bool]:
    """Units with roles from a responsibility text without labels.

    Clauses are split on , and ; and each takes its role from its own trailing words.

    >>> parse_unit_list("发展改革委、人民银行牵头负责,法制办参加")[0]
    [RawUnit(name='发展改革委', role='lead'), RawUnit(name='人民银行', role='lead'), \
RawUnit(name='法制办', role='support')]
    """
    units, is_open = read_units(text)
    return [unit if unit.role else RawUnit(unit.name, default_role) for unit in units], is_open


@lru_cache(maxsize=8192)
def read_units(text: str) -> tuple[tuple[RawUnit, ...], bool]:
    """The cached work of ``parse_unit_list``, whatever the default role: a unit whose words
    name no role has role None (immutable results, shared by every column and caller; a
    caller that only asks what the names are needs no more)."""
    units: list[RawUnit] = []
    is_open = False
    text = ROLE_THEN_SPACE.sub(",", text)
    for segment in split_top(text, ";"):
        for names, role in _shared_roles(split_top(segment, ",")):
            found, clause_open = split_names(names)
            is_open = is_open or clause_open
            for name in found:
                inline = name[-1] in _CLOSE and INLINE_ROLE.search(name)
                if inline and inline.start() >= 2:
                    units.append(RawUnit(name[:inline.start()], role_of(inline["words"], role)))
                else:
                    units.append(RawUnit(name, role))
    return tuple(units), is_open


def _shared_roles(clauses: list[str]) -> list[tuple[str, str | None]]:
    """Each clause's names and role. Role words close the whole list before them, so a clause
    without any takes the role of the next one that has some: in 市委宣传部牵头;各县(市、区)
    人民政府,市直各部门配合 both lists support (commas there part items that hold a 、)."""
    read = []
    for clause in clauses:
        lead_in = BY.match(clause)
        if lead_in and len(clause) > lead_in.end() + 1:
            clause = clause[lead_in.end():]
        names, words = strip_role(clause)
        read.append((names, role_of(words, None)))
    shared, following = [], None
    for names, role in reversed(read):
        following = role or following
        shared.append((names, role or following))
    return shared[::-1]


def unit_records(units: list[RawUnit]) -> list[dict]:
    """Unit dicts for the record, one per (name, role), with canonical names."""
    seen, records = set(), []
    for name, role in units:
        if (name, role) in seen:
            continue
        seen.add((name, role))
        records.append({"name": name, "role": role, "canonical": canonical_name(name)})
    return records
