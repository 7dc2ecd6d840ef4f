"""Role words: what the words beside a unit say it does, in one table.

The record contract decides a unit's role by its words: 牵头 says it leads, 配合 or 参加 that it
supports, 负责 or no word at all that it answers for the task. Every reader of role words is
built from the tuples here, so that a word added once is known to all of them: the words that
end a clause (``units.ROLE_TAIL``), a role in brackets after a name (``units.INLINE_ROLE``), the
words that make a bracket a responsibility (``responsibility.ROLE_WORD``) and the labels
(``responsibility.UNIT_LABEL``).

>>> role_of("牵头负责"), role_of("协同"), role_of("主办"), role_of("按职责分工负责"), role_of("")
('lead', 'support', 'lead', 'responsible', None)
"""

from __future__ import annotations

# A unit leads: 牵头 (also 牵头负责, 牵头落实), 主办 and 主责 (the host, the main responsibility).
LEAD_WORDS = ("牵头", "主办", "主责")
# A unit supports: it works with the lead.
SUPPORT_WORDS = ("配合", "参加", "参与", "协助", "协办", "协同")
# A unit answers for the task itself, each within its remit.
RESPONSIBLE_WORDS = ("负责", "落实", "实施")

# The words a clause ends with (市发改委牵头负责, 市财政局配合): a role word, or two of them.
TAIL_WORDS = ("牵头负责", "牵头落实", "负责落实", "负责实施", *LEAD_WORDS, *SUPPORT_WORDS,
              *RESPONSIBLE_WORDS)
# Adverbs between the duty phrase and the word: 按职责分工分别负责.
TAIL_ADVERBS = ("分别", "共同", "具体", "积极")
# The duty phrase, 按(照)(各自)职责(分工): the units act each within its own remit.
DUTY_LEADS = ("按照", "按", "根据", "依据", "依照")
DUTY_WORDS = ("职责", "职能")
DUTY_PHRASE = (f"(?:{'|'.join(DUTY_LEADS)})?(?:各自)?(?:{'|'.join(DUTY_WORDS)})(?:分工)?")
LONGEST_DUTY = "按照各自职责分工"

# Words that make an unlabelled bracket a responsibility: the lead and support words, 负责, and
# the duty phrase (落实, 实施 alone are too common in a bracket's prose).
BRACKET_WORDS = (*LEAD_WORDS, *SUPPORT_WORDS, "负责", "职责分工")
# A role in brackets after a name: 区发改局(牵头), 市财政局〔配合〕.
INLINE_WORDS = (*LEAD_WORDS, *SUPPORT_WORDS, "负责")
# A label's words before 单位/部门: 牵头单位, 配合部门, 责任单位 (the last leaves the role to the
# words in its value). 牵头 and the support words also stand alone in table cells (牵头:A);
# 主办: alone is a web page's credits, no label.
LEAD_LABELS = ("主办", "主责")
SUPPORT_LABELS = SUPPORT_WORDS
RESPONSIBLE_LABELS = ("责任", "负责", "承办", "实施", "落实")


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first so that none hides a longer one.

    >>> alternation(("牵头", "牵头负责", "配合"))
    '牵头负责|牵头|配合'
    """
    return "|".join(sorted(words, key=len, reverse=True))


def role_of(words: str, default: str | None = None) -> str | None:
    """The role that role words give, or ``default`` when there are none."""
    if not words:
        return default
    if any(word in words for word in LEAD_WORDS):
        return "lead"
    if any(word in words for word in SUPPORT_WORDS):
        return "support"
    return "responsible"
