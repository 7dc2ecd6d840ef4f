"""Bytes to text: detection, explicit encodings, and files damaged in transit."""

import pytest

import creditplan
from creditplan.errors import DecodeError, InputError
from creditplan.normalize.decode import decode_bytes

TEXT = "关于印发《2019年社会信用体系建设工作要点》的通知\n一、总则\n(一)建立制度。(责任单位:市发改委)\n"


@pytest.mark.parametrize("data, codec", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (TEXT.encode("gbk"), "gb18030"),
    (TEXT.encode("gb18030"), "gb18030"),
])
def test_detects_the_encoding(data, codec):
    assert decode_bytes(data) == (TEXT, codec)


def test_big5_is_detected_and_converted():
    traditional = "關於印發《2019年社會信用體系建設工作要點》的通知\n一、總則\n(一)建立制度。(責任單位:市發改委)\n"
    notice = creditplan.parse_bytes(traditional.encode("cp950"))
    assert (notice.encoding, notice.script) == ("cp950", "traditional")
    assert notice.tasks[0].units[0].name == "市发改委"


def test_a_file_cut_off_mid_character_is_read_with_a_warning():
    data = TEXT.encode("gbk") + "二、宣传".encode("gbk")[:-1]
    notice = creditplan.parse_bytes(data)
    assert notice.encoding == "gb18030" and notice.tasks[0].text == "建立制度。"
    assert [w.code for w in notice.warnings] == ["unrecoverable_text"]


def test_a_stray_byte_with_an_explicit_encoding_is_read_with_a_warning():
    raw = TEXT.encode("gbk")
    notice = creditplan.parse_bytes(raw[:20] + b"\xff" + raw[20:], encoding="gbk")
    warning = next(w for w in notice.warnings if w.code == "unrecoverable_text")
    assert warning.line == 1


def test_bytes_that_are_no_text_are_a_clear_error():
    with pytest.raises(DecodeError, match="is not text"):
        creditplan.parse_bytes(bytes(range(128, 256)) * 50)
    with pytest.raises(InputError, match="PDF"):
        creditplan.parse_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")


def test_keep_script_keeps_traditional_text_over_several_lines():
    text = "一、總則\n(一)推進信用體系建設。\n完善工作機制。(責任單位:市發改委)\n(二)加強宣傳。\n"
    kept = creditplan.parse_text(text, keep_script=True)
    plain = creditplan.parse_text(text)
    assert [t.text for t in kept.tasks] == ["推進信用體系建設。完善工作機制。", "加強宣傳。"]
    assert kept.tasks[0].title == "推進信用體系建設"
    assert [t.text for t in plain.tasks] == ["推进信用体系建设。完善工作机制。", "加强宣传。"]
    assert kept.tasks[0].units == plain.tasks[0].units       # units are always simplified
