"""Write src/creditplan/data/opencc_changes.txt: the characters each OpenCC config may change.

Run it again whenever the OpenCC version changes (the test suite says when)::

    python scripts/opencc_changes.py            # write the list
    python scripts/opencc_changes.py --check    # exit 1 if the list is not what it would write

OpenCC converts by the longest dictionary key that matches at each position; a key whose
value equals it changes nothing. So a character can change only if it sits in a key whose
value differs from it at that position (or in a key whose value has another length). The
script dumps every dictionary a config uses with the ``opencc_dict`` tool shipped in the
OpenCC wheel and collects those characters; ``normalize.script.convert`` converts only the
pieces of text that hold one, cut at ``script.BOUNDARIES``, which the script checks no key
holds. Characters beyond the BMP are left out: ``convert`` counts them all as changeable.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import opencc

from creditplan.normalize.script import BOUNDARIES

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "creditplan" / "data" / "opencc_changes.txt"
CONFIGS = ("t2s", "tw2s", "hk2s")   # the --opencc-config choices
CLIB = Path(opencc.__file__).parent / "clib"
SHARE = CLIB / "share" / "opencc"
TOOL = CLIB / "bin" / "opencc_dict"


def dictionaries(node: object) -> list[str]:
    """Every ocd2 file named in a config's normalization and conversion chain."""
    if isinstance(node, dict):
        if node.get("type") == "ocd2":
            return [node["file"]]
        return [name for value in node.values() for name in dictionaries(value)]
    if isinstance(node, list):
        return [name for value in node for name in dictionaries(value)]
    return []


def changing_characters(ocd2: str, scratch: Path) -> set[str]:
    dump = scratch / (ocd2 + ".txt")
    done = subprocess.run([str(TOOL), "-i", str(SHARE / ocd2), "-o", str(dump),
                           "-f", "ocd2", "-t", "text"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"opencc_dict could not dump {ocd2}: {done.stderr.strip()}")
    changing: set[str] = set()
    for line in dump.read_text("utf-8").splitlines():
        key, values = line.split("\t")
        value = values.split(" ")[0]      # OpenCC converts to the first candidate
        if any(mark in key for mark in BOUNDARIES):
            sys.exit(f"{ocd2}: the key {key!r} holds one of script.BOUNDARIES; take it out")
        if len(key) != len(value):
            changing.update(key)
        else:
            changing.update(k for k, v in zip(key, value) if k != v)
    return changing


def character_class(chars: set[str]) -> str:
    """Sorted BMP characters as runs of consecutive code points, each run written as its first
    and last character ("aa" for a run of one)."""
    codes = sorted(ord(ch) for ch in chars if ord(ch) <= 0xFFFF)
    if not codes:
        sys.exit("no dictionary changes a character: is this OpenCC's data?")
    if codes[0] < 0x2E80:   # the runs are joined into a regex class without escaping
        sys.exit(f"U+{codes[0]:04X} is not a CJK character: escape the runs in script.changeable")
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(chr(a) + chr(b) for a, b in runs)


def main(check: bool = False) -> None:
    if not TOOL.exists():
        sys.exit(f"{TOOL} is missing: this OpenCC build ships no opencc_dict, which the list "
                 "is read with (the OpenCC wheels from PyPI have it)")
    lines = ["# Characters each OpenCC config may change (BMP only): after the config's name,",
             "# runs of consecutive code points, each as its first and last character.",
             ("# Written by scripts/opencc_changes.py from the dictionaries of OpenCC "
              f"{opencc.__version__}; do not edit."),
             f"opencc {opencc.__version__}"]
    with tempfile.TemporaryDirectory() as scratch:
        for config in CONFIGS:
            spec = json.loads((SHARE / f"{config}.json").read_text("utf-8"))
            files = dictionaries({k: spec[k] for k in ("normalization", "conversion_chain")
                                  if k in spec})
            chars = set().union(*(changing_characters(f, Path(scratch)) for f in files))
            lines.append(f"{config} {character_class(chars)}")
            print(f"{config}: {len(chars)} characters from {', '.join(files)}")
    text = "\n".join(lines) + "\n"
    if check:
        current = OUT.read_text("utf-8") if OUT.exists() else ""
        sys.exit(0 if current == text else f"{OUT.relative_to(ROOT)} is out of date: "
                                            "run python scripts/opencc_changes.py")
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main(check="--check" in sys.argv[1:])
