"""Who signed the notice and when: the signature date, the bodies above it, and the closing
signature after the plan when the cover has none."""

from __future__ import annotations

import datetime

import regex

from .canonical import canonical_name
from .numbering import CN_DIGITS, cn_to_int
from .state import ParseState
from .units import split_top

# A line, or in flattened pages a run between spaces; a date spaced out as PDF copies justify it
# (2023年 3月 10日, 2023 年 3 月 10 日) is one run.
SEGMENT = regex.compile(
    r"""
    [^\n \t]+
    (?: (?: (?<= [年月] ) [ ]+ (?= (?: \d{1,2} | [一二三四五六七八九十]{1,3} ) [ ]* [月日] )  # 年 3月
          | (?<= \d ) [ ]+ (?= [年月日] ) )                                     # 2023 年
        [^\n \t]+ )*
    """,
    regex.VERBOSE,
)

YEAR_CN = "[一二三四五六七八九〇○零OＯ]"
DATE = regex.compile(
    rf"""
    (?P<year>(?:19|20)\d{{2}}|{YEAR_CN}{{4}}) [ ]*年 [ ]*
    (?P<month>\d{{1,2}}|[一二三四五六七八九十]{{1,2}}) [ ]*月 [ ]*
    (?P<day>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}) [ ]*日
    """,
    regex.VERBOSE,
)

# Names of bodies that issue notices end like this.
ISSUER_END = regex.compile(r"(?:办公室|办公厅|人民政府|政府|委员会|领导小组|联席会议|局|厅|委|办|"
                           r"中心|总部|分行|支行|中心支行|银行|院|法院|检察院|协会|分局)$")
# Where two issuing bodies run together: after a body's ending, before a place name.
ISSUER_JOIN = regex.compile(r"(?<=办公室|办公厅|人民政府|委员会|领导小组|局|厅|委)(?=中共|中国|国家|"
                            r"[\p{Han}]{1,4}(?:省|市|自治区|区|县)(?!场|委))")
MAX_SIGNERS = 3   # bodies signing on the lines above a date

SENTENCE_MARKS = regex.compile(r"[。:,]")   # a line with them is prose, not a signer
SPACES = regex.compile(r"\s+")


# A place put before a body's name: 绵阳市, 四川省成都市.
PLACE_PREFIX = regex.compile(r"(?:[\p{Han}]{1,7}?(?:自治区|自治州|省|市|州|区|县|旗)){1,3}")


def distinct_bodies(names: list[str]) -> list[str]:
    """Each body once, where first written: 发展改革委 and 发展和改革委员会 are one body, and so
    are a name and the same name under its city's (a letterhead's 涪城区…办公室 and the
    signature's 绵阳市涪城区…办公室), of which the fuller is kept.

    >>> distinct_bodies(["涪城区信用办", "市发改委", "绵阳市涪城区信用办", "市发展和改革委员会"])
    ['绵阳市涪城区信用办', '市发改委']
    """
    seen, kept = set(), []
    for name in names:
        key = canonical_name(name) if name else None
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    fuller = [next((other for other in kept if other.endswith(name) and
                    PLACE_PREFIX.fullmatch(other[:-len(name)])), name) for name in kept]
    return list(dict.fromkeys(fuller))


def cover_signature(state: ParseState, segments) -> tuple[str | None, list[str]]:
    """The signature date and the bodies signed above it, in the cover."""
    for index, (start, segment) in enumerate(segments):
        found = signature_at(segments, index)
        if found:
            date, signers, first = found
            state.place(segments[first][0], start + len(segment))
            return date, signers
    return None, []


def parse_closing(state: ParseState) -> None:
    """After the plan: its signature (the last date standing alone after the last task), which
    gives the date and issuers when the cover gave none. (The closing fields around it are
    ``coverage.place_closing_fields``'.)"""
    end = max([t["span"][1] for t in state.tasks] + [e for _, e in state.tables] + [0])
    segments = [(m.start(), m.group()) for m in SEGMENT.finditer(state.text, end)]
    for index in range(len(segments) - 1, -1, -1):
        found = signature_at(segments, index)
        if found:
            date, signers, first = found
            if not state.meta.get("issue_date"):
                state.meta["issue_date"] = date
                state.meta["issuers"] = distinct_bodies(state.meta.get("issuers", []) + signers)
            state.place(segments[first][0], segments[index][0] + len(segments[index][1]))
            return


def signature_at(segments, index: int) -> tuple[str, list[str], int] | None:
    """A signature date at segment ``index``: a date alone, or after the signing bodies.

    Gives the ISO date, the signing bodies, and the index of the block's first segment: bodies
    may stand on the lines above the date, one a line (two offices often sign together).
    """
    start, segment = segments[index]
    match = DATE.search(segment)
    if not match or match.end() != len(segment):
        return None
    before = segment[:match.start()]
    if before and not ISSUER_END.search(before):
        return None
    signers = split_issuers(before) if before else []
    first = index
    while not before and first > 0 and index - first < MAX_SIGNERS \
            and is_signer(segments[first - 1][1]):
        first -= 1
    for _, above in segments[first:index]:
        signers += split_issuers(above)
    return iso_date(match.group()), signers, first


def is_signer(segment: str) -> bool:
    return len(segment) <= 40 and bool(ISSUER_END.search(segment)) \
        and not SENTENCE_MARKS.search(segment)


def iso_date(date: str | None) -> str | None:
    """ISO form of a date written in Arabic or Chinese numerals.

    >>> iso_date("二○○八年三月二十八日"), iso_date("2012年7月3日"), iso_date("2019年2月30日")
    ('2008-03-28', '2012-07-03', None)
    """
    match = DATE.search(date or "")
    if not match:
        return None
    year = year_number(match["year"])
    month, day = (int(v) if v.isdigit() else cn_to_int(v) for v in (match["month"], match["day"]))
    try:
        return datetime.date(year, month or 0, day or 0).isoformat()
    except ValueError:
        return None


def split_issuers(text: str) -> list[str]:
    """Issuing bodies: split on 、 and where two names run together.

    >>> split_issuers("上海市社会诚信体系建设联席会议办公室上海市征信管理办公室")
    ['上海市社会诚信体系建设联席会议办公室', '上海市征信管理办公室']
    """
    names = []
    for part in split_top(SPACES.sub("", text), "、,"):
        names.extend(p for p in ISSUER_JOIN.split(part) if p)
    return [n for n in names if ISSUER_END.search(n)]


def year_number(year: str) -> int:
    """A year in Arabic or Chinese digits: 2008 or 二○○八 (○ 〇 O all mean zero)."""
    return int(year if year.isdigit() else "".join(str(CN_DIGITS.get(c, 0)) for c in year))
