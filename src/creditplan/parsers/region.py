"""The region a plan covers: the place its title opens with, in the fullest form the text
supports (上海市松江区, 宁夏回族自治区盐池县), else the place of its first issuer."""

from __future__ import annotations

import regex

PLACE = regex.compile(
    r"""
    ^(?!全|本|我|各)                         # 全省, 本市, 各区: no place of their own
    (?P<place>[\p{Han}]{2,8}?
      (?:自治区|省|自治州|州(?![区市县])|市|地区|盟|新区|区|县|旗))   # 州 before 区/市/县
    """,                                     #   is inside the name: 通州区, 高州市
    regex.VERBOSE,
)
# A lower level named right after the first place: 宁夏回族自治区盐池县, 杭州市西湖区.
SUB_PLACE = regex.compile(
    r"""
    (?P<place>
        [\p{Han}]{2,8}?自治(?:县|旗)          # long names: 石柱土家族自治县, 鄂温克族自治旗
      | [\p{Han}]{1,4}?(?:新区|区|县|市|州(?![区市县])|旗)   # 鄞州区, 海州区, 高州市: a 州
    )                                       #   before 区/市/县 belongs to the name
    """,
    regex.VERBOSE,
)
# Place-shaped words that name no place: 城市, 社区, 园区 …, alone or after a word that says
# which part (主城区, 中心城区). Other names ending so are places: 上城区, 东城区, 西城区.
GENERIC_PLACE = ("城市", "地区", "社区", "园区", "辖区", "片区", "景区", "城区", "市区", "县区", "小区",
                 "街区", "省市", "市县", "区县", "县市")
GENERIC_MODIFIER = ("", "主", "中心", "老", "新", "全", "各", "本", "重点")
PLACE_CHAIN = "(?:[\\p{Han}]{2,4}?(?:省|自治区|市|州))"
LEADING_YEAR = regex.compile(r"^(?:(?:19|20)\d{2}年(?:度)?)")


# Words a title opens with that are no place: 推进长三角区域… is a verb and a region's name.
NOT_A_PLACE = regex.compile(r"^(?:推进|加强|关于|开展|深化|做好|建立|完善|全面|进一步|促进|优化)")


def _is_generic(place: str) -> bool:
    """Whether a place-shaped word names no place.

    >>> _is_generic("城区"), _is_generic("主城区"), _is_generic("上城区"), _is_generic("西湖区")
    (True, True, False, False)
    """
    return place[-2:] in GENERIC_PLACE and place[:-2] in GENERIC_MODIFIER


def _is_place(place: str, title: str) -> bool:
    """Whether a place-shaped start of a title is a place (not 推进长三角区 of 区域)."""
    following = title[len(place):len(place) + 1]
    return not NOT_A_PLACE.match(place) and following not in ("域", "划", "间", "块", "别")


def region_of(title: str | None, issuers: list[str]) -> str | None:
    """The area the plan covers, in the fullest form the text supports (上海市松江区)."""
    place = None
    if title:
        rest = LEADING_YEAR.sub("", title)
        match = PLACE.match(rest)
        place = match["place"] if match and _is_place(match["place"], rest) else None
        while place and len(place) < 16:
            lower = SUB_PLACE.match(rest, len(place))
            if not lower or _is_generic(lower["place"]) or \
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
