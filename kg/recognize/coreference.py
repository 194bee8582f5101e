"""Generic mentions that point back to a named entity: 该企业, 该项目, 该高新区 …

They are recognised here with an empty name; resolve gives them the name of
the nearest entity of their type before them in the same article.
"""
from __future__ import annotations

import re

from kg.model import Mention

_GENERIC = re.compile(r"该(企业|公司|集团|项目|高新区|园区|区)")
_TYPES = {"企业": "Company", "公司": "Company", "集团": "Company", "项目": "Project",
          "高新区": "Zone", "园区": "Zone", "区": "Zone"}


def find(text: str, offset: int, sentence: int):
    for m in _GENERIC.finditer(text):
        yield Mention(m.group(), _TYPES[m.group(1)], offset + m.start(), offset + m.end(), sentence, name="?")
