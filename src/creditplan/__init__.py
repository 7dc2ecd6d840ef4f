r"""creditplan: Chinese social-credit work-points notices as validated, structured records.

>>> import creditplan
>>> notice = creditplan.parse_text("一、总则\n(一)建立制度。(责任单位:市发改委、市法制办)")
>>> [u.name for u in notice.tasks[0].units]
['市发改委', '市法制办']
"""

from .errors import CreditplanError, DecodeError, InputError, InputTooLarge
from .models import Group, Notice, Section, Task, Unit, Warning
from .pipeline import parse_bytes, parse_file, parse_text

__version__ = "0.1.0"

__all__ = ["parse_text", "parse_bytes", "parse_file", "Notice", "Section", "Group", "Task",
           "Unit", "Warning", "CreditplanError", "InputError", "DecodeError", "InputTooLarge",
           "__version__"]
