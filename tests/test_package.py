"""The package's face: its public names, and what importing it costs."""

from __future__ import annotations

import subprocess
import sys

import creditplan


def test_every_public_name_resolves_to_its_object() -> None:
    assert set(creditplan.__all__) == {*creditplan._EXPORTS, "__version__"}
    for name in creditplan._EXPORTS:
        value = getattr(creditplan, name)
        assert value.__name__ == name and value.__module__.startswith("creditplan.")
    assert set(creditplan.__all__) <= set(dir(creditplan))


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        creditplan.parse_pdf  # noqa: B018 - the lookup is the test
    except AttributeError as exc:
        assert "parse_pdf" in str(exc)
    else:
        raise AssertionError("creditplan.parse_pdf resolved")


def test_importing_the_package_loads_none_of_its_stages() -> None:
    """``import creditplan`` is cheap until a name is used: the script relies on it to set
    the process up before pydantic and the patterns load."""
    probe = ("import sys, creditplan; "
             "print(sorted(m for m in ('pydantic', 'regex', 'creditplan.models', "
             "'creditplan.pipeline') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
    used = subprocess.run([sys.executable, "-c", "import sys, creditplan; creditplan.Notice; "
                           "print('pydantic' in sys.modules)"], capture_output=True, text=True,
                          check=True).stdout
    assert used.strip() == "True"


def test_the_readme_lists_every_warning_code_the_code_can_give() -> None:
    """Users filter warnings by code (jq, pandas): each one the source can emit is documented."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (root / "src" / "creditplan").rglob("*.py"))
    emitted = set(re.findall(r"""(?:\.warn\(|Note\([^,]+,\s*|"code":\s*)"([a-z_]+)\"""", source))
    readme = (root / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Warnings", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`([a-z_]+)`", table))
    assert emitted and emitted <= documented, emitted - documented
