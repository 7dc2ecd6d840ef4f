"""What the plan is: titles, document number, issuers, date, year, region, addressees.

The cover of a notice — everything before its first section — is read as *segments*: lines,
and in pages flattened to one line the stretches between spaces. Each field has its own rule
over those segments; the signature may also stand after the plan, at the end of the text.
"""

from __future__ import annotations

import datetime

import regex

from .numbering import CN_DIGITS, cn_to_int
from .state import ParseState
from .units import split_names, split_top

SEGMENT = regex.compile(r"[^\n ]+")  # a line, or in flattened pages a run between spaces

NOTICE_TITLE = regex.compile(
    r"(?P<issuers>[^\n《》:]{0,120}?)(?P<title>关于(?:印发|转发|下发|发布|做好|加强|开展)"
    r"[^\n]{0,120}?的?通知)")
PLAN_IN_COVER = regex.compile(r"(?:现将|印发|转发)《(?P<title>[^《》\n]{4,80})》")
PLAN_WORDS = regex.compile(r"工作要点|重点工作|工作重点|重点任务|工作任务|任务分工|分工方案|实施方案|工作计划|行动计划|"
                           r"工作安排|工作方案|推进计划|工作措施|责任分工|任务清单")
QUOTED = regex.compile(r"《\s*(?P<title>[^《》\n]{2,100}?)\s*》")

_YEAR_CN = "[一二三四五六七八九〇○零OＯ]"
DATE = regex.compile(
    rf"""
    (?P<year>(?:19|20)\d{{2}}|{_YEAR_CN}{{4}}) [ ]*年 [ ]*
    (?P<month>\d{{1,2}}|[一二三四五六七八九十]{{1,2}}) [ ]*月 [ ]*
    (?P<day>\d{{1,2}}|[一二三四五六七八九十]{{1,3}}) [ ]*日
    """,
    regex.VERBOSE,
)
DOC_NUMBER = regex.compile(
    r"(?P<number>[\p{Han}]{1,12}[〔\[【(][ ]*(?:19|20)\d{2}[ ]*[〕\]】)][ ]*第?[ ]*\d{1,5}[ ]*号)")
FIELD = regex.compile(r"^(?P<key>发文字号|文号|成文日期|发文机关|发布机构|主送|标题)[ ]*:[ ]*(?P<value>.+)$")

# Names of bodies that issue notices end like this.
ISSUER_END = regex.compile(r"(?:办公室|办公厅|人民政府|政府|委员会|领导小组|联席会议|局|厅|委|办|"
                           r"中心|总部|分行|院)$")
# Where two issuing bodies run together: after a body's ending, before a place name.
ISSUER_JOIN = regex.compile(r"(?<=办公室|办公厅|人民政府|委员会|领导小组|局|厅|委)(?=中共|中国|国家|"
                            r"[\p{Han}]{1,4}(?:省|市|自治区|区|县)(?!场|委))")
PLACE = regex.compile(r"^(?!全|本|我|各)(?P<place>[\p{Han}]{2,8}?(?:自治区|省|自治州|市|地区|盟|新区|区|"
                      r"县|旗))")
ADDRESSEE_LINE = regex.compile(r"^(?P<names>[^:。\n]{2,200}):")
PLACE_CHAIN = "(?:[\\p{Han}]{2,4}?(?:省|自治区|市|州))"

FIRST_SECTION = regex.compile(r"(?:^|(?<=[\s。]))一、")        # where the plan's body begins
COVER_WORDS = regex.compile(r"^关于(?:印发|转发|下发)?|的?通知$")  # the wrapper of a notice title
NOT_A_TITLE = regex.compile(r"[。,:;]|通知$|^关于")              # prose or a notice, not a title
SENTENCE_MARKS = regex.compile(r"[。:,]")
SPACES = regex.compile(r"\s+")
YEAR = regex.compile(rf"((?:19|20)\d{{2}}|{_YEAR_CN}{{4}})年")
LEADING_YEAR = regex.compile(r"^(?:(?:19|20)\d{2}年(?:度)?)")


def parse_metadata(state: ParseState) -> None:
    """Fill ``state.meta`` from the cover and the signature; set where the body begins."""
    text = state.text
    head_end = _head_end(text, state)
    segments = [(m.start(), m.group()) for m in SEGMENT.finditer(text, 0, head_end)]
    fields = _labelled_fields(segments)
    meta = state.meta
    notice = _notice_title(segments)
    meta["notice_title"] = fields.get("标题") if fields.get("标题", "").endswith("通知") else None
    issuers: list[str] = []
    if notice:
        meta["notice_title"] = notice["title"]
        issuers += _split_issuers(notice["issuers"])
        state.place(*notice["span"])
    meta["title"] = _plan_title(segments, meta.get("notice_title"))
    _set_body_start(state, segments, meta["title"], head_end)
    meta["doc_number"] = fields.get("发文字号") or fields.get("文号") or _doc_number(segments, state)
    date, signers = _signature(state, segments)
    meta["issue_date"] = _iso(fields.get("成文日期")) or date
    issuers += signers
    if fields.get("发文机关") or fields.get("发布机构"):
        issuers += _split_issuers(fields.get("发文机关") or fields.get("发布机构"))
    meta["issuers"] = list(dict.fromkeys(i for i in issuers if i))
    meta["addressees"] = _addressees(state, segments, fields)
    meta["year"] = _year(meta["title"]) or _year(meta.get("notice_title"))
    meta["region"] = _region(meta["title"], meta["issuers"])


def _head_end(text: str, state: ParseState) -> int:
    """The cover ends where the plan's first section begins (or at the first table)."""
    match = FIRST_SECTION.search(text)
    ends = [match.start()] if match else []
    ends += [start for start, _ in state.tables]
    return min(ends) if ends else len(text)


def _labelled_fields(segments) -> dict[str, str]:
    """Fields of a government page's information panel: 发文字号:…, 成文日期:…"""
    fields = {}
    for _, segment in segments:
        match = FIELD.match(segment)
        if match:
            fields.setdefault(match["key"], match["value"].strip())
    return fields


def _notice_title(segments) -> dict | None:
    for start, segment in segments[:12]:
        match = NOTICE_TITLE.search(segment)
        if match:
            return {"title": match["title"].replace(" ", ""), "issuers": match["issuers"],
                    "span": (start, start + len(segment))}
    for start, segment in segments[:3]:   # a page heading: 合肥市…工作要点的通知
        if segment.endswith("通知") and PLAN_WORDS.search(segment) and len(segment) <= 80:
            return {"title": segment, "issuers": "", "span": (start, start + len(segment))}
    return None


def _plan_title(segments, notice_title: str | None) -> str | None:
    """The plan's own title: from the notice title's 《》, the cover's 现将《》, a title line,
    or the notice title without its 的通知."""
    if notice_title:
        quoted = QUOTED.search(notice_title)
        if quoted:
            return _clean_title(quoted["title"])
    for _, segment in segments:
        match = PLAN_IN_COVER.search(segment)
        if match:
            return _clean_title(match["title"])
    for _, segment in segments:
        if _is_title_segment(segment):
            return _clean_title(segment)
    if notice_title:
        return _clean_title(COVER_WORDS.sub("", notice_title))
    return None


def _is_title_segment(segment: str) -> bool:
    return (len(segment) <= 60 and PLAN_WORDS.search(segment) is not None
            and not NOT_A_TITLE.search(segment))


def _clean_title(title: str) -> str:
    return SPACES.sub("", title).strip("《》")


def _set_body_start(state: ParseState, segments, title: str | None, head_end: int) -> None:
    """The body begins after the last stand-alone copy of the plan's title in the cover; every
    copy is metadata."""
    if not title:
        return
    for start, segment in segments:
        if _clean_title(segment) == title:
            state.body_start = start + len(segment)
            state.place(start, state.body_start)


def _doc_number(segments, state: ParseState) -> str | None:
    """A document number standing alone (perhaps in brackets) or in the first lines."""
    for index, (start, segment) in enumerate(segments):
        bare = segment.strip("()〔〕[]【】 ")
        match = DOC_NUMBER.fullmatch(bare) or (DOC_NUMBER.match(bare) if index < 3 else None)
        if match:
            state.place(start, start + len(segment))
            return match["number"].replace(" ", "")
    return None


def _signature(state: ParseState, segments) -> tuple[str | None, list[str]]:
    """The signature date and the bodies signed above it, in the cover."""
    for index, (start, segment) in enumerate(segments):
        found = _signature_at(segments, index)
        if found:
            first = segments[index - 1][0] if found[1] and segment.startswith(
                tuple("0123456789一二三四五六七八九〇○O")) and index else start
            state.place(first, start + len(segment))
            return found
    return None, []


def parse_closing(state: ParseState) -> None:
    """A signature after the plan: the last date standing alone after the last task."""
    if state.meta.get("issue_date"):
        return
    end = max([t["span"][1] for t in state.tasks] + [e for _, e in state.tables] + [0])
    segments = [(m.start(), m.group()) for m in SEGMENT.finditer(state.text, end)]
    for index in range(len(segments) - 1, -1, -1):
        found = _signature_at(segments, index)
        if found:
            state.meta["issue_date"], signers = found
            state.meta["issuers"] = list(dict.fromkeys(state.meta.get("issuers", []) + signers))
            start = segments[index - 1][0] if signers and index else segments[index][0]
            state.place(start, segments[index][0] + len(segments[index][1]))
            return


def _signature_at(segments, index: int) -> tuple[str, list[str]] | None:
    """A signature date at segment ``index``: a date alone, or after the signing bodies."""
    start, segment = segments[index]
    match = DATE.search(segment)
    if not match or match.end() != len(segment):
        return None
    before = segment[:match.start()]
    if before and not ISSUER_END.search(before):
        return None
    signers = _split_issuers(before) if before else []
    if not before and index > 0 and ISSUER_END.search(segments[index - 1][1]) \
            and not SENTENCE_MARKS.search(segments[index - 1][1]):
        signers = _split_issuers(segments[index - 1][1])
    return _iso(match.group()), signers


def _iso(date: str | None) -> str | None:
    """ISO form of a date written in Arabic or Chinese numerals.

    >>> _iso("二○○八年三月二十八日"), _iso("2012年7月3日"), _iso("2019年2月30日")
    ('2008-03-28', '2012-07-03', None)
    """
    match = DATE.search(date or "")
    if not match:
        return None
    year = match["year"]
    if not year.isdigit():
        year = "".join(str(CN_DIGITS.get(c, 0)) for c in year)
    month, day = (int(v) if v.isdigit() else cn_to_int(v) for v in (match["month"], match["day"]))
    try:
        return datetime.date(int(year), month or 0, day or 0).isoformat()
    except ValueError:
        return None


def _split_issuers(text: str) -> list[str]:
    """Issuing bodies: split on 、 and where two names run together.

    >>> _split_issuers("上海市社会诚信体系建设联席会议办公室上海市征信管理办公室")
    ['上海市社会诚信体系建设联席会议办公室', '上海市征信管理办公室']
    """
    names = []
    for part in split_top(SPACES.sub("", text), "、,"):
        names.extend(p for p in ISSUER_JOIN.split(part) if p)
    return [n for n in names if ISSUER_END.search(n)]


def _addressees(state: ParseState, segments, fields) -> list[str]:
    if fields.get("主送"):
        return split_names(fields["主送"])[0]
    for start, segment in segments[:15]:
        match = ADDRESSEE_LINE.match(segment)
        if match and not DATE.search(segment) and not FIELD.match(segment):
            state.place(start, start + len(segment))
            return split_names(match["names"])[0]
    return []


def _year(title: str | None) -> int | None:
    match = YEAR.search(title or "")
    if not match:
        return None
    year = match.group(1)
    return int(year if year.isdigit() else "".join(str(CN_DIGITS.get(c, 0)) for c in year))


def _region(title: str | None, issuers: list[str]) -> str | None:
    """The area the plan covers, in the fullest form the text supports (上海市松江区)."""
    place = None
    if title:
        match = PLACE.match(LEADING_YEAR.sub("", title))
        place = match["place"] if match else None
    if not place:
        for issuer in issuers:
            match = PLACE.match(issuer)
            if match:
                place = match["place"]
                break
    if not place:
        return None
    named = " ".join(issuers + [title or ""])
    fuller = regex.findall(rf"{PLACE_CHAIN}+{regex.escape(place)}", named)
    return max(fuller, key=len) if fuller else place
