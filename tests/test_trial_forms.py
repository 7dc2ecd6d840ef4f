"""Forms met in a third trial on unseen notices (twenty-eight notices: provinces, prefectures,
counties and districts, 2014–2025, clean and damaged copies).

Each test is a family of forms, written small: the inputs are the shape of real lines, not
copies of one notice.
"""

from __future__ import annotations

import pytest

from creditplan import parse_text
from creditplan.parsers.region import region_of


def units(task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


@pytest.mark.parametrize(("title", "region"), [
    ("宁波市鄞州区2017年社会信用体系建设工作要点", "宁波市鄞州区"),    # a 州 inside a district's name
    ("北京市通州区2019年社会信用体系建设工作要点", "北京市通州区"),
    ("茂名市高州市2018年社会信用体系建设工作要点", "茂名市高州市"),    # a county-level city
    ("荆州市荆州区2020年社会信用体系建设工作要点", "荆州市荆州区"),
    ("重庆市石柱土家族自治县2021年社会信用体系建设工作要点", "重庆市石柱土家族自治县"),
    ("呼伦贝尔市鄂温克族自治旗2020年社会信用体系建设工作要点", "呼伦贝尔市鄂温克族自治旗"),
    ("通州区2019年社会信用体系建设工作要点", "通州区"),
    ("黔南州2021年社会信用体系建设工作要点", "黔南州"),            # a 州 that is the level
])
def test_region_keeps_a_zhou_inside_a_name_and_autonomous_counties(title: str, region: str) -> None:
    assert region_of(title, []) == region
