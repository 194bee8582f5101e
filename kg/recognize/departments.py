"""A company's department stands for the company: 某某电子行政处处长, 某某科技制造与物流部高级经理.

News names a firm's staff by their department, and the gold gives their posts at the firm: the
department is no body of its own, whatever the model read it as. A department's name is made of
common words and ends in 部 or 处; the firm's name before it is a company the page names, or one the
model read the whole as. A government's departments (某市委组织部, 某高新区经济发展部) are bodies, and
stay so.
"""
from __future__ import annotations

from kg.lexicon import company_tails, dictionary, is_plain_word, load
from kg.model import BODIES, Document, Mention
from kg.recognize.short_forms import is_short_form
from kg.recognize.tokens import PROPER_FLAGS, tokenize

_ENDS = ("部", "处")
# a head office, a branch, a club: what a body is; a cadre, and the parts of a whole or of a country
_NO_DEPARTMENTS = ("总部", "本部", "分部", "俱乐部", "干部", "全部", "内部", "外部", "东部", "西部", "南部", "北部", "中部")


def departments(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with a company's department read as the company, and one read apart after it dropped."""
    companies = [m.text for m in mentions if m.type == "Company"]
    kept: list[Mention] = []
    for m in mentions:
        front = _before_department(m.text) if m.type in BODIES else None
        if front is None:
            kept.append(m)
        elif not front:
            if not (kept and kept[-1].type == "Company" and kept[-1].end == m.start):
                kept.append(m)      # 人力资源部 after 某某有限公司 is the company's; alone, a body's
        elif m.type == "Company" or any(front == c or is_short_form(front, c) for c in companies):
            kept.append(Mention(front, "Company", m.start, m.start + len(front), m.sentence, source=m.source))
        else:
            kept.append(m)
    return kept


def _before_department(name: str) -> str | None:
    """What comes before the department `name` ends with ('' if it is one alone), or None if it ends with none."""
    if not name.endswith(_ENDS) or name.endswith(_NO_DEPARTMENTS):
        return None
    tokens = tokenize(name)
    start = len(tokens)
    while start > 0 and _departments_word(tokens[start - 1].word, last=start == len(tokens)):
        start -= 1
    while start < len(tokens) - 1 and _firms_word(tokens[start].word):
        start += 1      # 电子 of 某某电子行政处, 集团 of 某某集团财务处: the firm's name goes on to its trade and tail
    if start == len(tokens) or tokens[start].word in ("与", "和", "及"):
        return None
    front = name[:tokens[start].start]
    return front if len(front) != 1 else None


def _departments_word(word: str, last: bool) -> bool:
    """A word of a department's name: a common one (制造, 物流, 行政); the last may be a word of the
    dictionary with 部 or 处 (人力资源部, 财务处)."""
    if not (last and word.endswith(_ENDS)):
        return is_plain_word(word)
    stem = word[:-1]
    return not stem or dictionary().get(stem, (0, "nr"))[1][:2] not in PROPER_FLAGS


def _firms_word(word: str) -> bool:
    return word in load().trades or word in company_tails()
