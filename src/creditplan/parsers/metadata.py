"""What the plan is: titles, document number, issuers, date, year, region, addressees.

The cover of a notice — everything before its first section — is read as *segments*: lines,
and in pages flattened to one line the stretches between spaces. Each field has its own rule
over those segments; the signature may also stand after the plan, at the end of the text.
"""

from __future__ import annotations

import datetime

import regex

from .canonical import canonical_name
from .numbering import CN_DIGITS, cn_to_int
from .state import ParseState
from .table import TABLE_TITLE
from .units import split_names, split_top

SEGMENT = regex.compile(r"[^\n \t]+")  # a line, or in flattened pages a run between spaces

# A notice title; the words before it on its line name the issuers. Matched from 关于 on, so
# that the search stays linear on any line.
NOTICE_TITLE = regex.compile(
    r"关于(?:印发|转发|下发|发布|做好|加强|开展)[^\n]{0,120}?的?通知")
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
# Keys of a government page's information panel (索引号, 主题分类 …): never 主送.
PANEL_KEY = regex.compile(r"(?:索引号|主题分类|发文机关|发布机构|成文日期|发布日期|标题|发文字号|文号|"
                          r"主题词|有效性|组配分类|体裁分类)[ ]*:")
FIELD_KEY = regex.compile(r"(?:发文字号|文号|成文日期|发文机关|发布机构|主送|标题)[ ]*:")
FIELD = regex.compile(r"^(?P<key>发文字号|文号|成文日期|发文机关|发布机构|主送|标题)[ ]*:[ ]*(?P<value>.+)$")

# Names of bodies that issue notices end like this.
ISSUER_END = regex.compile(r"(?:办公室|办公厅|人民政府|政府|委员会|领导小组|联席会议|局|厅|委|办|"
                           r"中心|总部|分行|支行|中心支行|银行|院|法院|检察院|协会|分局)$")
# Where two issuing bodies run together: after a body's ending, before a place name.
ISSUER_JOIN = regex.compile(r"(?<=办公室|办公厅|人民政府|委员会|领导小组|局|厅|委)(?=中共|中国|国家|"
                            r"[\p{Han}]{1,4}(?:省|市|自治区|区|县)(?!场|委))")
PLACE = regex.compile(r"^(?!全|本|我|各)(?P<place>[\p{Han}]{2,8}?(?:自治区|省|自治州|州|市|地区|盟|新区|区|"
                      r"县|旗))")
# A lower level named right after the first place: 宁夏回族自治区盐池县, 杭州市西湖区.
SUB_PLACE = regex.compile(r"(?P<place>[\p{Han}]{1,4}?(?:新区|区|县|市|州|旗))")
# Place-shaped words that name no place: 城市, 社区, 园区 …
GENERIC_PLACE = ("城市", "地区", "社区", "园区", "辖区", "片区", "景区", "城区", "市区", "县区", "小区",
                 "街区", "省市", "市县", "区县", "县市")
DOCUMENT_HEADING = regex.compile(r"文件$")   # 合肥市人民政府办公厅文件
MAX_SIGNERS = 3   # bodies signing on the lines above a date

# Words of the cover letter's own sentences: a line with them ending in ":" is not 主送.
COVER_SENTENCE = regex.compile(r"现将|印发|转发|如下|通知|同意|根据|为了|为进一步"
                               r"|^附件[ ]*\d{0,2}[ ]*:")   # the cover's list of attachments
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
        issuers += _split_issuers(notice["issuers"]) or _issuer_above(segments, notice["span"])
        state.place(*notice["span"])
    meta["title"] = _plan_title(segments, meta.get("notice_title"))
    body_start = _set_body_start(state, meta["title"])
    if body_start > head_end:   # a cover letter with numbered points of its own came first
        segments = [(m.start(), m.group()) for m in SEGMENT.finditer(text, 0, body_start)]
    meta["doc_number"] = fields.get("发文字号") or fields.get("文号") or _doc_number(segments, state)
    date, signers = _signature(state, segments)
    meta["issue_date"] = _iso(fields.get("成文日期")) or date
    issuers += signers
    if fields.get("发文机关") or fields.get("发布机构"):
        issuers += _split_issuers(fields.get("发文机关") or fields.get("发布机构"))
    meta["issuers"] = _distinct_bodies(issuers)
    meta["addressees"] = _addressees(state, segments, fields)
    meta["year"] = _year(meta["title"]) or _year(meta.get("notice_title"))
    meta["region"] = _region(meta["title"], meta["issuers"])


def _distinct_bodies(names: list[str]) -> list[str]:
    """Each body once, as first written: 发展改革委 and 发展和改革委员会 are one body."""
    seen, kept = set(), []
    for name in names:
        key = canonical_name(name) if name else None
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def _head_end(text: str, state: ParseState) -> int:
    """The cover ends where the plan's first section begins (or at the first table)."""
    match = FIRST_SECTION.search(text)
    ends = [match.start()] if match else []
    # A table's title line (…任务分工表) may be the notice's only title: the cover includes it.
    for start, _ in state.tables:
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        ends.append(line_end if TABLE_TITLE.fullmatch(text, start, line_end) else start)
    return min(ends) if ends else len(text)


def _labelled_fields(segments) -> dict[str, str]:
    """Fields of a government page's information panel: 发文字号:…, 成文日期:…"""
    fields = {}
    for index, (_, segment) in enumerate(segments):
        match = FIELD.match(segment)
        if match:
            fields.setdefault(match["key"], match["value"].strip())
        elif FIELD_KEY.fullmatch(segment) and index + 1 < len(segments):
            fields.setdefault(segment.rstrip(": "), segments[index + 1][1])
    return fields


# A notice title wrapped over lines (PDF and Word copies print it centred on two or three):
# the lines are read as one when the first holds no whole title.
MAX_TITLE_LINES = 3


def _notice_title(segments) -> dict | None:
    for index, (start, segment) in enumerate(segments[:12]):
        match, end = NOTICE_TITLE.search(segment), start + len(segment)
        if not match and "关于" in segment:
            segment, match, end = _wrapped_notice_title(segments, index)
        if match:
            before = segment[max(0, match.start() - 120):match.start()]
            issuers = regex.split(r"[《》:]", before)[-1]
            return {"title": match.group().replace(" ", ""), "issuers": issuers,
                    "span": (start, end)}
    for start, segment in segments[:3]:   # a page heading: 合肥市…工作要点的通知
        if segment.endswith("通知") and PLAN_WORDS.search(segment) and len(segment) <= 80:
            return {"title": segment, "issuers": "", "span": (start, start + len(segment))}
    return None


def _wrapped_notice_title(segments, index: int) -> tuple[str, regex.Match | None, int]:
    """The segment at ``index`` joined with the next ones, the notice title that begins in it
    and ends at the end of a joined segment (if any), and where the last joined one ends."""
    start, joined = segments[index]
    for following_start, following in segments[index + 1:index + MAX_TITLE_LINES]:
        joined += following
        match = NOTICE_TITLE.search(joined)
        if match and match.start() < len(segments[index][1]) and match.end() == len(joined):
            return joined, match, following_start + len(following)
    return segments[index][1], None, start + len(segments[index][1])


def _issuer_above(segments, span: tuple[int, int]) -> list[str]:
    """The body named on the line above a notice title, or in a "…文件" heading."""
    before = [seg for start, seg in segments if start < span[0]][-(MAX_SIGNERS + 2):]
    names: list[str] = []     # bodies side by side (湖南省发展和改革委员会　中国人民银行湖南省分行)
    for segment in reversed(before):
        name = DOCUMENT_HEADING.sub("", segment)
        signer = not DATE.search(segment) and not DOC_NUMBER.search(segment) and _is_signer(name)
        if not signer:
            if names:
                break         # the bodies written side by side end here
            continue          # the number, the date or a 签发人 line may stand between
        names[:0] = _split_issuers(name)    # in the order written
        if len(names) >= MAX_SIGNERS:
            break
    return names


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


def _set_body_start(state: ParseState, title: str | None) -> int:
    """The body begins after the last stand-alone copy of the plan's title before any table
    (a cover letter may come first, even one with numbered points); every copy is metadata."""
    if not title:
        return 0
    text = state.text
    stop = min([start for start, _ in state.tables] + [len(text)])
    found = text.find(title, 0, stop)
    while found >= 0:
        end = found + len(title)
        if (found == 0 or text[found - 1] in " \n") and (end == len(text) or text[end] in " \n"):
            state.body_start = end
            state.place(found, end)
        found = text.find(title, end, stop)
    return state.body_start


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
            date, signers, first = found
            state.place(segments[first][0], start + len(segment))
            return date, signers
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
            state.meta["issue_date"], signers, first = found
            state.meta["issuers"] = _distinct_bodies(state.meta.get("issuers", []) + signers)
            state.place(segments[first][0], segments[index][0] + len(segments[index][1]))
            return


def _signature_at(segments, index: int) -> tuple[str, list[str], int] | None:
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
    signers = _split_issuers(before) if before else []
    first = index
    while not before and first > 0 and index - first < MAX_SIGNERS \
            and _is_signer(segments[first - 1][1]):
        first -= 1
    for _, above in segments[first:index]:
        signers += _split_issuers(above)
    return _iso(match.group()), signers, first


def _is_signer(segment: str) -> bool:
    return len(segment) <= 40 and bool(ISSUER_END.search(segment)) \
        and not SENTENCE_MARKS.search(segment)


def _iso(date: str | None) -> str | None:
    """ISO form of a date written in Arabic or Chinese numerals.

    >>> _iso("二○○八年三月二十八日"), _iso("2012年7月3日"), _iso("2019年2月30日")
    ('2008-03-28', '2012-07-03', None)
    """
    match = DATE.search(date or "")
    if not match:
        return None
    year = _year_number(match["year"])
    month, day = (int(v) if v.isdigit() else cn_to_int(v) for v in (match["month"], match["day"]))
    try:
        return datetime.date(year, month or 0, day or 0).isoformat()
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
    for index, (start, segment) in enumerate(segments[:15]):
        match = ADDRESSEE_LINE.match(segment)
        if match and not DATE.search(segment) and not PANEL_KEY.match(segment) \
                and not COVER_SENTENCE.search(segment):
            first = _list_wrapped_above(segments, index)
            state.place(segments[first][0], start + len(segment))
            return split_names("".join(s for _, s in segments[first:index]) + match["names"])[0]
    return []


# A list of addressees wrapped over lines (PDF and Word copies): the lines above the one that
# ends in ":" are its beginning while they are lists (、 or ,) without a sentence's marks.
WRAPPED_LIST_LINE = regex.compile(r"^[^:。《》]{2,120}[、,][^:。《》]*$")


def _list_wrapped_above(segments, index: int) -> int:
    """The index of the first segment of an addressee list that ends at ``index``."""
    first = index
    while first > 0 and index - first < 3 and WRAPPED_LIST_LINE.match(segments[first - 1][1]) \
            and not COVER_SENTENCE.search(segments[first - 1][1]):
        first -= 1
    return first


def _year(title: str | None) -> int | None:
    match = YEAR.search(title or "")
    if not match:
        return None
    return _year_number(match.group(1))


def _year_number(year: str) -> int:
    """A year in Arabic or Chinese digits: 2008 or 二○○八 (○ 〇 O all mean zero)."""
    return int(year if year.isdigit() else "".join(str(CN_DIGITS.get(c, 0)) for c in year))


# Words a title opens with that are no place: 推进长三角区域… is a verb and a region's name.
NOT_A_PLACE = regex.compile(r"^(?:推进|加强|关于|开展|深化|做好|建立|完善|全面|进一步|促进|优化)")


def _is_place(place: str, title: str) -> bool:
    """Whether a place-shaped start of a title is a place (not 推进长三角区 of 区域)."""
    following = title[len(place):len(place) + 1]
    return not NOT_A_PLACE.match(place) and following not in ("域", "划", "间", "块", "别")


def _region(title: str | None, issuers: list[str]) -> str | None:
    """The area the plan covers, in the fullest form the text supports (上海市松江区)."""
    place = None
    if title:
        rest = LEADING_YEAR.sub("", title)
        match = PLACE.match(rest)
        place = match["place"] if match and _is_place(match["place"], rest) else None
        while place and len(place) < 16:
            lower = SUB_PLACE.match(rest, len(place))
            if not lower or lower["place"].endswith(GENERIC_PLACE) or \
                    not _is_place(lower["place"], rest[len(place):]):
                break
            place += lower["place"]
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
