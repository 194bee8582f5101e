"""Word boundaries for the recognisers: where a name that ends in a known tail begins.

Chinese names have recognisable tails (有限公司, 研究院, 项目) but no mark where
they begin. A name runs leftwards over nouns and names and stops at a verb,
a preposition, a particle, a number or punctuation.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, repeat
from operator import attrgetter
from typing import NamedTuple

from kg.lexicon import NUMERALS, is_plain_word, load, tagger

# parts of speech that never sit inside a name (jieba's tag set)
_STOP_FLAGS = {"p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "m", "mq", "t", "q", "f", "x", "y", "e", "z", "zg", "ad"}
# words that end a name on their left even when the tagger calls them nouns
STOP_WORDS = {"在", "与", "和", "及", "以及", "的", "了", "等", "是", "为", "对", "向", "从", "由", "将", "把", "被",
              "暨", "并", "同", "跟", "或", "该", "其", "此", "本", "各", "原", "新建", "位于", "依托", "走进", "走访",
              "联合", "携手", "包括", "如", "吸引", "培育", "集聚", "引进", "落户", "入驻", "推动", "支持", "助力",
              "打造", "建设", "建成", "启动", "举办", "成立", "签约", "开工", "投产", "实施", "发挥", "带领", "其中",
              "成为", "通过", "加快", "围绕", "深化", "推进", "全面", "积极", "持续", "不断", "今年", "近日",
              "目前", "我们", "企业", "一批", "一个", "一家", "龙头企业", "谋划", "规划", "实地", "参观", "考察",
              "认定", "获批", "拥有", "涌现", "相继", "已", "还", "也", "都", "就", "又", "共", "这", "那",
              "壮大", "发展", "做大", "做强", "涵盖", "聚焦", "布局", "深耕", "抢占", "形成", "确保", "开展", "全力",
              "加速", "广泛", "重点", "作为", "以", "主动"}
# words the tagger takes for verbs or times that name what a body does, and so sit inside its name
# (行政审批服务局, 医疗器械检验研究院, 现代产业学院)
NAME_WORDS = {"审批", "监督", "管理", "检验", "检测", "执法", "服务", "促进", "保障", "招商", "投资", "研究", "开发",
              "创业", "孵化", "赋能", "制造", "打印", "再生", "提纯", "搅拌", "研发", "应急", "救援", "储蓄", "创新", "筹建", "交易", "审评", "现代", "未来"}
_ADVERBS = ("充分", "深入", "全面", "积极", "大力", "不断", "持续", "加快", "进一步", "切实", "认真", "努力", "着力")
_BESIDE = (*"旁边侧里处", "当地", "本地", "各地", "外地")


class Token(NamedTuple):      # a tuple: a page makes tens of thousands
    word: str
    flag: str
    start: int
    end: int


_START, _END = attrgetter("start"), attrgetter("end")


def tokenize(text: str) -> list[Token]:
    words, flags = tagger().tags(text)
    ends = list(accumulate(map(len, words)))
    # tuple.__new__ straight from C: Token._make, a Python function, costs a third more
    tokens = list(map(tuple.__new__, repeat(Token), zip(words, flags, [0, *ends[:-1]], ends)))
    if "eng" in flags:
        tokens = _numbered(tokens)
    return tokens


class LazyTokens(Sequence):
    """A sentence's tokens, tagged the first time a recogniser asks for them.

    Only a sentence that holds a candidate (a tail, a post, a list) needs its
    words; nearly half of the sentences of a page have none, and tagging is the
    largest cost of recognition."""
    __slots__ = ("text", "_tokens")

    def __init__(self, text: str):
        self.text = text
        self._tokens: list[Token] | None = None

    def _all(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self.text)
        return self._tokens

    def __getitem__(self, k):
        return self._all()[k]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self):
        return iter(self._all())


def in_listing_clauses(pattern: re.Pattern, text: str, clause: re.Pattern, tail: re.Pattern):
    """pattern.finditer(text), run only over the clauses (the runs `clause` matches) that hold
    a 、 and the word `tail` finds, the word a list must end in.

    A list pattern tries every character as a list's start; where no 、 or no such word is, no list can be."""
    for part in clause.finditer(text):
        if "、" in part.group() and tail.search(part.group()):
            yield from pattern.finditer(text, part.start(), part.end())


def _numbered(tokens: list[Token]) -> list[Token]:
    """3D, 5G: a number and the letters after it make one word."""
    joined = tokens[:1]
    for tok in tokens[1:]:
        if tok.flag == "eng" and joined[-1].flag == "m":
            last = joined.pop()
            tok = Token(last.word + tok.word, "eng", last.start, tok.end)
        joined.append(tok)
    return joined


def name_like(tok: Token, allow: frozenset = frozenset()) -> bool:
    if tok.word in allow or tok.word in NAME_WORDS:
        return True
    if tok.word in STOP_WORDS or not tok.word.strip():
        return False
    if tok.word.startswith(_ADVERBS) and len(tok.word) > 2 and tok.flag not in ("ns", "nr", "nt", "nz"):
        return False        # 充分发挥, though the tagger calls it a noun
    if tok.flag in ("l", "i"):
        # a set phrase may be part of a name (柔性化) unless it opens a clause (充分发挥, 深入分析)
        return not tok.word.startswith(_ADVERBS) and not any(tok.word.endswith(w) for w in STOP_WORDS if len(w) > 1)
    if tok.flag in ("nr", "nrfg") and tok.word[:2] in STOP_WORDS:
        return False        # 广泛开展 is no person, though the tagger says so
    if tok.flag == "s":
        return not tok.word.endswith(_BESIDE)     # 站旁 places a thing, 高中 names one
    if tok.flag in ("ns", "nt", "nr", "nz", "n", "vn", "an", "j", "eng", "nrt", "nrfg", "a", "b"):
        return True
    if tok.flag.startswith("v"):
        return False                    # a verb starts a clause; 达 in 通达科技 is let in by _glued
    if tok.word in "（）()":
        return True
    if tok.flag in ("m", "mq") and len(tok.word) >= 3 and not set(tok.word) <= NUMERALS:
        return True         # 零部件: the tagger takes it for a number
    return tok.flag not in _STOP_FLAGS


def left_edge(tokens: list[Token], head_start: int, limit: int = 24, allow: frozenset = frozenset()) -> int:
    """The offset where the name whose tail starts at `head_start` begins."""
    tokens = tokens[:]      # a list, even of LazyTokens, for bisect
    start = head_start
    # the tokens are contiguous and in order: those before the tail are a prefix of them
    before = tokens[:bisect_right(tokens, head_start, key=_END)]
    if len(before) < len(tokens) and tokens[len(before)].start < head_start:
        start = tokens[len(before)].start     # the tail is glued to a token on its left (科创办 from 科/创办)
    for k in range(len(before) - 1, -1, -1):
        tok = before[k]
        if tok.end != start or head_start - tok.start > limit:
            break
        if not in_name(before, k, allow):
            break
        if k + 1 < len(before) and before[k + 1].flag == "ns" and tok.flag.startswith("v"):
            break       # 建设重庆实验室: a verb before a place takes the name as its object
        start = tok.start
    # 吸引了胜达机械: the tagger glued the name's first character to the particle before it
    at = bisect_left(before, start, key=_END)
    glued = before[at] if at < len(before) and before[at].end == start else None
    if glued and len(glued.word) == 2 and glued.word[0] in "了着过" and glued.flag.startswith("v"):
        start -= 1
    # a one-character verb or preposition at the left end belongs to the clause (让大学 → 大学)
    while start < head_start:
        at = bisect_left(tokens, start, key=_START)
        t = tokens[at] if at < len(tokens) else None
        if not (t and t.start == start and len(t.word) == 1 and t.flag[0] in "vpdc"):
            break
        start += 1
    return start


def in_name(tokens: list[Token], k: int, allow: frozenset = frozenset()) -> bool:
    """Whether token k can be part of a name, judged with the token on its left."""
    return name_like(tokens[k], allow) or glued_to_noun(tokens[k], tokens[k - 1] if k else None)


def glued_to_noun(tok: Token, left: Token | None) -> bool:
    """成都倍特药业, 通达科技: the tagger cut a lone character (倍, 达) out of a name."""
    return (len(tok.word) == 1 and tok.word not in STOP_WORDS and tok.flag != "x" and left is not None
            and left.end == tok.start and left.flag in ("ns", "nr", "nz", "nt", "n") and len(left.word) >= 2)


_PROPER = ("ns", "nr", "nz", "nt", "nrt", "nrfg", "j", "eng")


def a_kind(tokens: list[Token], start: int, tail: int) -> bool:
    """技术创新中心, 公共检测服务平台: common words before a tail name a kind of thing, not one thing."""
    words = [t for t in tokens if start <= t.start and t.end <= tail]
    return bool(words) and not any(t.flag in _PROPER or len(t.word) == 1 for t in words) \
        and all(is_plain_word(t.word, min_freq=1) or t.word in load().industries for t in words)
