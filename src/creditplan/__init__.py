r"""creditplan: Chinese social-credit work-points notices as validated, structured records.

>>> import creditplan
>>> notice = creditplan.parse_text("一、总则\n(一)建立制度。(责任单位:市发改委、市法制办)")
>>> [u.name for u in notice.tasks[0].units]
['市发改委', '市法制办']

The names below load their modules on first use: ``import creditplan`` costs nothing, so that
the command line can set the process up (``__main__.run``) before pydantic and the patterns
load.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Each public name and the module that defines it.
_EXPORTS = {
    "parse_text": "pipeline", "parse_bytes": "pipeline", "parse_file": "pipeline",
    "Notice": "models", "Section": "models", "Group": "models", "Task": "models",
    "Unit": "models", "Warning": "models",
    "CreditplanError": "errors", "InputError": "errors", "DecodeError": "errors",
    "InputTooLarge": "errors",
}

__all__ = ["parse_text", "parse_bytes", "parse_file", "Notice", "Section", "Group", "Task",
           "Unit", "Warning", "CreditplanError", "InputError", "DecodeError", "InputTooLarge",
           "__version__"]

if TYPE_CHECKING:
    from .errors import CreditplanError, DecodeError, InputError, InputTooLarge
    from .models import Group, Notice, Section, Task, Unit, Warning
    from .pipeline import parse_bytes, parse_file, parse_text


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'creditplan' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value      # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
