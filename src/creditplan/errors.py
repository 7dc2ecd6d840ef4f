"""The library raises these; the CLI turns them into one line on stderr and an exit code."""


class CreditplanError(Exception):
    """Base of every error creditplan raises on purpose."""


class InputError(CreditplanError):
    """The input cannot be read: missing, a folder, no permission, empty, not text."""


class DecodeError(InputError):
    """The bytes do not decode as text in any encoding creditplan knows."""


class InputTooLarge(InputError):
    """The input is larger than the size guard allows."""
