"""What the plan is: titles, document number, issuers, date, year, region, addressees.

The cover of a notice — everything before its first section — is read as *segments*: lines,
and in pages flattened to one line the stretches between spaces. Each field has its own rule
over those segments. Who signed and when is read by ``signature``; the region by ``region``.
"""

from __future__ import annotations

import regex

from .region import region_of
from .signature import (DATE, ISSUER_END, MAX_SIGNERS, SEGMENT, SENTENCE_MARKS, SPACES, YEAR_CN,
                        cover_signature, distinct_bodies, is_signer, iso_date, split_issuers,
                        year_number)
from .state import ParseState
from .table_regions import TABLE_TITLE
from .units import split_names

# A notice title; the words before it on its line name the issuers. Matched from 关于 on, so
# that the search stays linear on any line.
NOTICE_TITLE = regex.compile(
    r"关于(?:印发|转发|下发|发布|做好|加强|开展)[^\n]{0,120}?的?通知")
PLAN_IN_COVER = regex.compile(r"(?:现将|印发|转发)《(?P<title>[^《》\n]{4,80})》")
PLAN_WORDS = regex.compile(r"工作要点|重点工作|工作重点|重点任务|工作任务|任务分工|分工方案|实施方案|工作计划|行动计划|"
                           r"工作安排|工作方案|推进计划|工作措施|责任分工|任务清单")
QUOTED = regex.compile(r"《\s*(?P<title>[^《》\n]{2,100}?)\s*》")

DOC_NUMBER = regex.compile(
    r"(?P<number>[\p{Han}]{1,12}[〔\[【(][ ]*(?:19|20)\d{2}[ ]*[〕\]】)][ ]*第?[ ]*\d{1,5}[ ]*号)")
# Keys of a government page's information panel (索引号, 主题分类 …): never 主送.
PANEL_KEY = regex.compile(r"(?:索引号|主题分类|发文机关|发布机构|成文日期|发布日期|标题|发文字号|文号|"
                          r"主题词|有效性|组配分类|体裁分类)[ ]*:")
FIELD_KEY = regex.compile(r"(?:发文字号|文号|成文日期|发文机关|发布机构|主送|标题)[ ]*:")
FIELD = regex.compile(r"^(?P<key>发文字号|文号|成文日期|发文机关|发布机构|主送|标题)[ ]*:[ ]*(?P<value>.+)$")

DOCUMENT_HEADING = regex.compile(r"文件$")   # 合肥市人民政府办公厅文件

# Words of the cover letter's own sentences: a line with them ending in ":" is not 主送.
COVER_SENTENCE = regex.compile(r"现将|印发|转发|如下|通知|同意|根据|为了|为进一步"
                               r"|^附件[ ]*\d{0,2}[ ]*:")   # the cover's list of attachments
ADDRESSEE_LINE = regex.compile(r"^(?P<names>[^:。\n]{2,200}):")

FIRST_SECTION = regex.compile(r"(?:^|(?<=[\s。]))一、")        # where the plan's body begins
COVER_WORDS = regex.compile(r"^关于(?:印发|转发|下发)?|的?通知$")  # the wrapper of a notice title
NOT_A_TITLE = regex.compile(r"[。,:;]|通知$|^关于")              # prose or a notice, not a title
# The year a title names; of a range (2014—2015年, 2021-2022年) the first.
YEAR = regex.compile(rf"((?:19|20)\d{{2}}|{YEAR_CN}{{4}})"
                     rf"(?=(?:[—–\-~～至到](?:(?:19|20)\d{{2}}|{YEAR_CN}{{4}}))?年)")


def parse_metadata(state: ParseState) -> None:
    """Fill ``state.meta`` from the cover and the signature; set where the body begins."""
    text = state.text
    head_end = _head_end(text, state)
    segments = [(m.start(), m.group()) for m in SEGMENT.finditer(text, 0, head_end)]
    fields = _labelled_fields(segments)
    _place_panel(state, segments)
    meta = state.meta
    notice = _notice_title([seg for seg in segments if not _is_panel_field(seg[1])]) \
        or _notice_title(segments)
    meta["notice_title"] = fields.get("标题") if fields.get("标题", "").endswith("通知") else None
    issuers: list[str] = []
    if notice:
        meta["notice_title"] = notice["title"]
        issuers += split_issuers(notice["issuers"]) or _issuer_above(state, segments,
                                                                      notice["span"])
        state.place(*notice["span"])
    _place_cover_marks(state, segments)
    outside = [(start, seg) for start, seg in segments   # a heading's lines are not the plan's
               if not notice or not notice["span"][0] <= start < notice["span"][1]]
    meta["title"] = _plan_title(outside, meta.get("notice_title"))
    body_start = _set_body_start(state, meta["title"])
    if body_start > head_end:   # a cover letter with numbered points of its own came first
        segments = [(m.start(), m.group()) for m in SEGMENT.finditer(text, 0, body_start)]
    number = _doc_number(segments, state)     # placed even when the panel gives the number
    meta["doc_number"] = fields.get("发文字号") or fields.get("文号") or number
    date, signers = cover_signature(state, segments)
    meta["issue_date"] = iso_date(fields.get("成文日期")) or date
    issuers += signers
    if fields.get("发文机关") or fields.get("发布机构"):
        issuers += split_issuers(fields.get("发文机关") or fields.get("发布机构"))
    meta["issuers"] = distinct_bodies(issuers)
    meta["addressees"] = _addressees(state, segments, fields)
    meta["year"] = _year(meta["title"]) or _year(meta.get("notice_title"))
    meta["region"] = region_of(meta["title"], meta["issuers"])


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


def _place_panel(state: ParseState, segments) -> None:
    """Place a page's information panel (索引号:…, 标题:…, 发文字号:…): its fields are read by
    ``_labelled_fields`` or name the page, never the plan. A key alone takes the next segment."""
    for index, (start, segment) in enumerate(segments):
        if _is_panel_field(segment):
            last = index + 1 if PANEL_KEY.fullmatch(segment) and index + 1 < len(segments) \
                else index
            state.place(start, segments[last][0] + len(segments[last][1]))


def _is_panel_field(segment: str) -> bool:
    return ":" in segment and PANEL_KEY.match(segment) is not None


def _notice_title(segments) -> dict | None:
    for index, (start, segment) in enumerate(segments[:12]):
        heading, end = _wrapped_notice_title(segments, index)
        match = NOTICE_TITLE.search(heading)
        if match:
            before = heading[max(0, match.start() - 120):match.start()]
            issuers = regex.split(r"[《》:]", before)[-1]
            return {"title": match.group().replace(" ", ""), "issuers": issuers,
                    "span": (start, end)}
    for start, segment in segments[:3]:   # a page heading: 合肥市…工作要点的通知
        if segment.endswith("通知") and PLAN_WORDS.search(segment) and len(segment) <= 80:
            return {"title": segment, "issuers": "", "span": (start, start + len(segment))}
    return None


# How many lines a heading of the cover may be broken over (long titles wrap in print).
MAX_TITLE_LINES = 3


def _wrapped_notice_title(segments, index: int) -> tuple[str, int]:
    """The segment at ``index``, joined with the lines it runs on to when it opens a notice
    title that ends on a later line (关于印发…社会信用体系建设⏎工作要点的通知); and where it ends."""
    start, heading = segments[index]
    end = start + len(heading)
    if "关于" not in heading or NOTICE_TITLE.search(heading) or SENTENCE_MARKS.search(heading):
        return heading, end
    for next_start, following in segments[index + 1:index + MAX_TITLE_LINES]:
        if SENTENCE_MARKS.search(following):
            break
        joined = heading + following
        if NOTICE_TITLE.search(joined):
            return joined, next_start + len(following)
        heading = joined
    return segments[index][1], end


def _issuer_above(state: ParseState, segments, span: tuple[int, int]) -> list[str]:
    """The body named on the line above a notice title, or in a "…文件" heading."""
    before = [(start, seg) for start, seg in segments if start < span[0]][-(MAX_SIGNERS + 2):]
    names: list[str] = []     # bodies side by side (湖南省发展和改革委员会　中国人民银行湖南省分行)
    for start, segment in reversed(before):
        name = DOCUMENT_HEADING.sub("", segment)
        signer = not DATE.search(segment) and not DOC_NUMBER.search(segment) and is_signer(name)
        if not signer:
            if names:
                break         # the bodies written side by side end here
            continue          # the number, the date or a 签发人 line may stand between
        names[:0] = split_issuers(name)    # in the order written
        state.place(start, start + len(segment))
        if len(names) >= MAX_SIGNERS:
            break
    return names


# Marks of a printed cover that name nothing a field keeps (GB/T 9704 layout).
COVER_MARK = regex.compile(
    r"""
      附件[ ]?\d{0,2}                 # the marker above an attached plan: 附件, 附件1
    | \(此件[^()]{1,10}\)            # the note under a signature: (此件公开发布)
    """,
    regex.VERBOSE,
)


def _place_cover_marks(state: ParseState, segments) -> None:
    """Place the cover's marks: a red-head (恩施州人民政府办公室文件, the issuer's own heading),
    the 附件 marker above the plan, the (此件公开发布) note."""
    for start, segment in segments:
        if not segment.startswith(("附件", "(此件")) and not segment.endswith("文件"):
            continue      # the string test every mark passes
        heading = DOCUMENT_HEADING.search(segment)
        if COVER_MARK.fullmatch(segment) or heading and is_signer(segment[:heading.start()]):
            state.place(start, start + len(segment))


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
    for index, (_, segment) in enumerate(segments):
        wrapped = _wrapped_plan_title(segments, index)
        if wrapped or _is_title_segment(segment):
            return _clean_title(wrapped or segment)
    if notice_title:
        return _clean_title(COVER_WORDS.sub("", notice_title))
    return None


# The first line of a plan title broken over lines: it names the year or the subject.
TITLE_OPENING = regex.compile(r"(?:19|20)\d{2}年|信用|诚信")


def _wrapped_plan_title(segments, index: int) -> str | None:
    """A plan title broken over two or three lines (石家庄市2021年社会信用体系建设⏎工作要点):
    a line that opens a title but is none, with the lines that complete it."""
    heading = segments[index][1]
    if _is_title_segment(heading) or not TITLE_OPENING.search(heading) or len(heading) > 40 \
            or NOT_A_TITLE.search(heading) or ISSUER_END.search(heading) or DATE.search(heading):
        return None
    for _, following in segments[index + 1:index + MAX_TITLE_LINES]:
        if NOT_A_TITLE.search(following):
            return None
        heading += following
        if _is_title_segment(heading):
            return heading
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
    copies = [(found, found + len(title)) for found in _find_all(text, title, stop)]
    opening = title[:4]     # a wrapped copy still opens a line with the title's first words
    if not any(_stands_alone(text, *span) for span in copies) and any(
            at == 0 or text[at - 1] in " \n" for at in _find_all(text, opening, stop)):
        # The copy may be broken over lines (or spaces in a flattened page) anywhere.
        wrapped = regex.compile("[ \n]?".join(map(regex.escape, title)))
        copies = [found.span() for found in wrapped.finditer(text, 0, stop)]
    for start, end in copies:
        if _stands_alone(text, start, end):
            state.body_start = end
            state.place(start, end)
    return state.body_start


def _find_all(text: str, word: str, stop: int) -> list[int]:
    found, at = [], text.find(word, 0, stop)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + len(word), stop)
    return found


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a line (or a flattened page's stretch) of its own."""
    return (start == 0 or text[start - 1] in " \n") and (end == len(text) or text[end] in " \n")


def _doc_number(segments, state: ParseState) -> str | None:
    """A document number standing alone (perhaps in brackets) or in the first lines."""
    for index, (start, segment) in enumerate(segments):
        bare = segment.strip("()〔〕[]【】 ")
        match = DOC_NUMBER.fullmatch(bare) or (DOC_NUMBER.match(bare) if index < 3 else None)
        if match:
            state.place(start, start + len(segment))
            return match["number"].replace(" ", "")
    return None


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
    return year_number(match.group(1))
