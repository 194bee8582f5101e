"""Products, drugs, models and technologies: what a company or institute makes or develops.

News names a product in quotation marks beside what it is (大语言模型“X”, “X”卫星),
after a verb of making (研制了…传感器件), or by a drug's code (ABC-123注射液).
"""
from __future__ import annotations

import re

from kg.model import Mention

_KINDS = r"卫星|大语言模型|大模型|模型|软件|芯片|药物|疫苗|机器人|系统|新药|注射液|传感器|电池|设备"
_QUOTED_AFTER = re.compile(r"(?:%s)[“]([^“”]{2,12})[”]" % _KINDS)
_QUOTED_BEFORE = re.compile(r"[“]([^“”]{2,12})[”](?=%s)" % _KINDS)
_MADE = re.compile(r"(?:研发|研制|开发|推出|发布|生产|量产)(?:了|出|的)+(?:一款|一批|首款|新一代)?"
                   r"([^，。、；：“”]{2,16}?(?:器件|传感器|材料|设备|芯片|电池|刀具|药物|注射液|机器人|技术))(?=[，。、；：]|$|，)")
_DRUG = re.compile(r"[A-Z]{2,}[-‐]?\d+[\u4e00-\u9fff]{0,4}?(?:注射液|片|胶囊|颗粒|口服液)")


def find(text: str, offset: int, sentence: int):
    for pattern in (_QUOTED_AFTER, _QUOTED_BEFORE):
        for m in pattern.finditer(text):
            # the mention keeps its quotation marks, so that it covers a quoted policy's span and wins it
            yield Mention(text[m.start(1) - 1:m.end(1) + 1], "Product", offset + m.start(1) - 1, offset + m.end(1) + 1,
                          sentence, name=m.group(1))
    for m in _MADE.finditer(text):
        yield Mention(m.group(1), "Product", offset + m.start(1), offset + m.end(1), sentence)
    for m in _DRUG.finditer(text):
        yield Mention(m.group(), "Product", offset + m.start(), offset + m.end(), sentence)
