"""Products, drugs, models and technologies: what a company or institute makes or develops.

News names a product in quotation marks beside what it is (大语言模型“X”, “X”卫星),
after a verb of making (研制了…传感器件), by a plant's yearly output (年产…), as one
or a list of products (一款…产品, A、B等产品), or by a drug's code (ABC-123注射液).
"""
from __future__ import annotations

import re

from kg.model import Mention

_KINDS = r"卫星|大语言模型|大模型|模型|软件|芯片|药物|疫苗|机器人|系统|新药|注射液|传感器|电池|设备"
_QUOTED_AFTER = re.compile(r"(?:%s)[“]([^“”]{2,12})[”]" % _KINDS)
_QUOTED_BEFORE = re.compile(r"[“]([^“”]{2,12})[”](?=%s)" % _KINDS)
_MADE = re.compile(r"(?:研发|研制|开发|推出|发布|生产|量产)(?:了|出|的)+(?:一款|一批|首款|新一代)?"
                   r"([^，。、；：“”]{2,16}?(?:器件|传感器|材料|设备|芯片|电池|刀具|药物|注射液|机器人|技术))(?=[，。、；：]|$|，)")
# 年产500台工业机器人, 年产变速箱总成5万套: what a plant makes each year
_YEARLY = re.compile(r"(?<![0-9])年产(?!值|量|业|品)(?:能)?(?:[0-9.]+[万亿千百]?[个台套颗件吨辆片支盒只块]+)?([\u4e00-\u9fffA-Za-z]{2,12}?)(?=[0-9]|的|，|。|、|$)")
# 一款新型陶瓷电容产品; A、B等产品; 主要产品有A、B
_ONE = re.compile(r"(?:一款|首款|新款)([^，。、；：“”]{2,12}?)产品")
_LISTED = re.compile(r"((?:[^，。、；：“”]{2,12}、)+[^，。、；：“”]{2,12}?)等(?:系列)?产品|(?:主要产品|主打产品)(?:有|包括|为)((?:[^，。、；：“”]{2,12}、)*[^，。、；：“”]{2,12}?)(?=[，。；等])")
_DRUG = re.compile(r"[A-Z]{2,}[-‐]?\d+[\u4e00-\u9fff]{0,4}?(?:注射液|片|胶囊|颗粒|口服液)")


def find(text: str, offset: int, sentence: int):
    # each pattern runs only where the word it needs is: most sentences name no product
    for pattern in (_QUOTED_AFTER, _QUOTED_BEFORE) if "“" in text else ():
        for m in pattern.finditer(text):
            # the mention keeps its quotation marks, so that it covers a quoted policy's span and wins it
            yield Mention(text[m.start(1) - 1:m.end(1) + 1], "Product", offset + m.start(1) - 1, offset + m.end(1) + 1,
                          sentence, name=m.group(1))
    for m in _MADE.finditer(text):
        yield Mention(m.group(1), "Product", offset + m.start(1), offset + m.end(1), sentence)
    for pattern in (p for p, needs in ((_YEARLY, "年产"), (_ONE, "款")) if needs in text):
        for m in pattern.finditer(text):
            yield Mention(m.group(1), "Product", offset + m.start(1), offset + m.end(1), sentence)
    for m in _LISTED.finditer(text) if "产品" in text else ():
        k = 1 if m.group(1) else 2
        pos = m.start(k)
        for item in m.group(k).split("、"):
            yield Mention(item, "Product", offset + pos, offset + pos + len(item), sentence)
            pos += len(item) + 1
    for m in _DRUG.finditer(text):
        yield Mention(m.group(), "Product", offset + m.start(), offset + m.end(), sentence)
