"""``script.convert_pieces`` gives OpenCC's result while converting only the pieces that may change.

The list of characters each config may change (``data/opencc_changes.txt``) comes from OpenCC's
dictionaries. These tests check that the list is the one the installed OpenCC gives, that it
holds every character OpenCC changes alone, and, on generated text full of the hard cases
(characters that change only inside a phrase, phrases across pieces, characters beyond the
BMP), that ``convert_pieces`` and OpenCC agree character for character.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import opencc
import pytest
import regex
import variants
from hypothesis import example, given, settings
from hypothesis import strategies as st

from creditplan.normalize import script

ROOT = Path(__file__).resolve().parents[1]
CONFIGS = ("t2s", "tw2s", "hk2s")
TOOL = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"


def _list_version() -> str:
    lines = (ROOT / "src" / "creditplan" / "data" / script.CHANGES_FILE).read_text("utf-8")
    return next(line.split()[1] for line in lines.splitlines() if line.startswith("opencc "))


# Another OpenCC than the list was written for: the script step converts whole texts (the
# tests above still hold) and the list is to be written again; that is no failure of a change.
SAME_OPENCC = pytest.mark.skipif(
    _list_version() != opencc.__version__,
    reason=f"data/{script.CHANGES_FILE} is for OpenCC {_list_version()}, not "
           f"{opencc.__version__}: run python scripts/opencc_changes.py")

# Phrases whose characters change only together (反覆 → 反复, but 覆盖 stays), single
# traditional characters, their simplified forms, a compatibility ideograph (U+F900), a
# character beyond the BMP, the boundaries and plain text.
PIECES = ["反覆", "覆", "覆盖", "深沈", "沈", "什麼", "什么", "么", "憑藉", "藉", "瞭解", "瞭", "乾燥",
          "乾", "關", "关", "於", "于", "體", "体", "發", "發展", "髮", "台灣", "臺灣", "著", "着",
          "\uf900", "𠀋", "𪚥", "\U0002f800", "甲", "a", "1", "-", "·", "\n", ",", "，", "。", "、",
          ";", "：", "(", "）", " ", "\u3000", "《", "》", "！", "?",
          # what OpenCC does beyond its dictionaries: description sequences, NUL, surrogates
          "⿰", "⿱", "\u31ef", "\x00", "\ud800"]
MIXED = st.lists(st.one_of(st.sampled_from(PIECES), st.characters(max_codepoint=0xFFFF)),
                 max_size=60).map("".join)


def outcome(convert, text: str) -> tuple[str, str]:
    """What a conversion gives, or the kind of error it raises (OpenCC's for a surrogate)."""
    try:
        return "text", convert(text)
    except UnicodeError as error:
        return "error", type(error).__name__


@settings(max_examples=500, deadline=None)
@given(text=MIXED, config=st.sampled_from(CONFIGS))
@example(text="反,覆", config="t2s")
@example(text="深沈反覆" * 6 + "\n甲", config="t2s")
@example(text="甲,關" + ",甲" * 10 + "反覆", config="t2s")
@example(text="⿰，關", config="t2s")     # a description sequence: one unit, never converted
@example(text="⿰關，", config="t2s")
@example(text="⿱\n關", config="tw2s")
@example(text="甲\x00乙", config="tw2s")  # tw2s and hk2s stop at a NUL
@example(text="反覆\x00\n", config="tw2s")
@example(text="甲\ud800乙", config="t2s")
@example(text="甲" * 200 + ",關發" * 40 + ",甲" * 50, config="t2s")   # simplified, then dense
def test_pieces_convert_as_the_whole_text_does(text: str, config: str) -> None:
    assert outcome(lambda t: script.convert_pieces(t, config), text) == \
        outcome(script.converter(config).convert, text)


@pytest.mark.parametrize("config", CONFIGS)
def test_the_samples_and_their_traditional_copies_convert_as_opencc_does(
        sample_texts: dict[str, str], config: str) -> None:
    whole = script.converter(config).convert
    for name, text in sample_texts.items():
        for copy in (text, variants.make_traditional(text), variants.make_one_line(text)):
            assert script.convert_pieces(copy, config) == whole(copy), name


@SAME_OPENCC
@pytest.mark.parametrize("config", CONFIGS)
def test_every_character_opencc_changes_alone_is_on_the_list(config: str) -> None:
    pattern = script.changeable(config)
    assert pattern is not None
    chars = [chr(code) for code in range(0x2E80, 0x10000)
             if not 0xD800 <= code < 0xE000 and chr(code) not in script.BOUNDARIES]
    converted = script.converter(config).convert("\n".join(chars)).split("\n")
    changed = [old for old, new in zip(chars, converted, strict=True) if old != new]
    assert len(changed) > 4000
    assert [ch for ch in changed if not pattern.fullmatch(ch)] == []


@SAME_OPENCC
@pytest.mark.skipif(not TOOL.exists(), reason="this OpenCC build ships no opencc_dict tool")
def test_the_list_is_what_the_installed_opencc_dictionaries_give() -> None:
    """Also checks that no dictionary key holds one of ``BOUNDARIES``."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "opencc_changes.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_another_opencc_version_converts_the_whole_text(monkeypatch: pytest.MonkeyPatch) -> None:
    script.changeable.cache_clear()
    monkeypatch.setattr(opencc, "__version__", "0.0.0")
    try:
        assert script.changeable("t2s") is None
        assert script.convert_pieces("反覆,關于\n覆盖") == "反复,关于\n覆盖"
    finally:
        script.changeable.cache_clear()


@pytest.fixture
def opencc_sees(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts handed to OpenCC's t2s from here on, in order (it still converts them)."""
    seen: list[str] = []
    real = script.converter("t2s")

    class Spy:
        def convert(self, text: str) -> str:
            seen.append(text)
            return real.convert(text)

    monkeypatch.setattr(script, "converter", lambda config: Spy())
    return seen


@SAME_OPENCC
def test_simplified_text_goes_to_opencc_only_where_it_may_change(opencc_sees: list[str]) -> None:
    """What the fast path is for: the pieces OpenCC sees are the ones holding a listed character."""
    seen = opencc_sees
    assert script.convert_pieces("信用体系建设。反覆研究,关于\n工作要点") == \
        "信用体系建设。反复研究,关于\n工作要点"
    assert seen == ["反覆研究"]
    seen.clear()
    assert script.convert_pieces("信用体系建设\n工作要点") == "信用体系建设\n工作要点"
    assert seen == []


def test_a_process_converts_whole_until_the_list_would_pay_for_itself(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first PIECES_AFTER characters go to OpenCC whole, the rest in pieces: same result."""
    pieces: list[str] = []
    real = script.convert_pieces
    monkeypatch.setattr(script, "convert_pieces", lambda text, config: pieces.append(text) or
                        real(text, config))
    monkeypatch.setattr(script, "PIECES_AFTER", 8)
    monkeypatch.setattr(script, "_converted_whole", {})
    texts = ["關于印發", "信用体系", "反覆研究", "覆盖"]
    assert [script.convert(text) for text in texts] == ["关于印发", "信用体系", "反复研究", "覆盖"]
    assert pieces == ["反覆研究", "覆盖"]     # the first two texts make the 8 characters


def _script_counting_every_han(text: str, changed: int) -> str:
    """The rule as it was first written: the share of all Han characters, counted one by one."""
    share = changed / len(text)
    if share < script.TRADITIONAL_SHARE:
        han = len(regex.findall(r"\p{Han}", text))
        share = changed / han if han else 0.0
    return "traditional" if share >= script.TRADITIONAL_SHARE else "simplified"


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(["关于", "甲", "信用体系建设工作要点", "a", "1", " ", "\n", "。",
                                      "𠀋", "〇", "々", "\uf900"]), min_size=1, max_size=200)
       .map("".join), changed=st.integers(min_value=1, max_value=40))
@example(text="关于信用体系建设工作要点" * 3 + "於", changed=1)
@example(text="甲" * 100 + " " * 100, changed=3)   # exactly the share, of Han only
@example(text="甲" * 33 + " " * 40, changed=1)
@example(text="甲" * 34 + " " * 40, changed=1)
def test_the_script_is_decided_as_by_counting_every_han_character(text: str, changed: int) -> None:
    assert script.script_of(text, changed) == _script_counting_every_han(text, changed)


@SAME_OPENCC
def test_a_traditional_stretch_goes_to_opencc_in_one_call_after_a_few_pieces(
        opencc_sees: list[str]) -> None:
    """A simplified head does not keep a traditional body in pieces: near pieces in a row
    (DENSE_AFTER of them) hand the rest of the text to OpenCC at once."""
    seen = opencc_sees
    text = "信用体系建设。" * 200 + "關於印發,社會信用,體系建設," * 50
    assert script.convert_pieces(text) == variants.make_simplified(text)
    # the first piece after the head (far from the last), DENSE_AFTER near ones, the rest
    assert len(seen) == 1 + script.DENSE_AFTER + 1
    assert seen[-1].endswith("體系建設,") and len(seen[-1]) > 100
