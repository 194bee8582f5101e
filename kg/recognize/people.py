"""People: a name after a post title (董事长王明, 党委书记、局长李华), and reporters in bylines."""
from __future__ import annotations

import re
from functools import cache

from kg.lexicon import is_plain_word, load
from kg.model import Mention

# characters that begin the word after a two-character name, not a third character of it
_AFTER_NAME = set("表说介指带认在等的和与强告坦透称对向提主一是也就还都为所讲回接同率分已将谈亲")


@cache
def post_pattern() -> re.Pattern:
    """One or more posts joined by 、 (党委书记、局长), then the name."""
    posts = "|".join(map(re.escape, load().posts))
    return re.compile(r"((?:%s)(?:、(?:%s))*)([\u4e00-\u9fff]{2,4})" % (posts, posts))


def person_name(text: str, start: int, tokens=()) -> str:
    """The name that starts at `start`: the tagger's person name, else two or three characters led by a surname."""
    for k, tok in enumerate(tokens):
        if tok.start == start and tok.flag.startswith("nr") and 2 <= len(tok.word) <= 3:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if len(tok.word) == 2 and after and len(after.word) == 1 and after.flag.startswith("n") \
                    and after.word not in _AFTER_NAME:
                return tok.word + after.word    # 郭定|轴: the tagger cut a three-character name short
            return tok.word
    surnames = load().surnames
    rest = text[start:start + 4]
    if len(rest) < 2 or not (rest[0] in surnames or rest[:2] in surnames):
        return ""
    if len(rest) >= 3 and rest[2] not in _AFTER_NAME and "\u4e00" <= rest[2] <= "\u9fff":
        return rest[:3]
    return rest[:2]


def find(text: str, offset: int, sentence: int, tokens=()):
    for m in post_pattern().finditer(text):
        name = person_name(text, m.start(2), tokens)
        if name and not is_plain_word(name):
            start = offset + m.start(2)
            yield Mention(name, "Person", start, start + len(name), sentence)
