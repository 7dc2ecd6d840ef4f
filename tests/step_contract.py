"""The contract every normalization step keeps, checked the same way by every step's tests."""

from creditplan.normalize.edits import StepResult


def assert_contract(text: str, result: StepResult) -> None:
    """Edits are sorted, apart, in input coordinates, and turn ``text`` into ``result.text``;
    notes point inside the input."""
    out, last, shift = [], 0, 0
    for start, end, new_len in result.edits:
        assert last <= start <= end <= len(text)
        out.append(text[last:start])
        out.append(result.text[start + shift:start + shift + new_len])
        shift += new_len - (end - start)
        last = end
    out.append(text[last:])
    assert "".join(out) == result.text
    assert len(result.text) == len(text) + shift
    for note in result.notes:
        assert 0 <= note.pos <= len(text)
