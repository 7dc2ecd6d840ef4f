"""Write tests/expected/<sample>.json from the current parser, for review by hand.

Run it only after checking the changes by hand: ``git diff tests/expected`` is the review.
    python scripts/make_expected.py [samples/NAME.txt ...]
"""

import sys
from pathlib import Path

import creditplan

ROOT = Path(__file__).resolve().parent.parent

paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "samples").glob("*.txt"))
for path in paths:
    notice = creditplan.parse_file(path)
    out = ROOT / "tests" / "expected" / (path.stem + ".json")
    data = notice.model_dump_json(indent=2, exclude={"source"})
    out.write_text(data + "\n", encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(notice.sections)} sections, {len(notice.tasks)} tasks")
