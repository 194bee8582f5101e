"""A place's own government bodies: 开化县委, 镇江市政协, 润州区人大常委会.

A province, city or county is run by its Party committee (某市委), the standing
committee of its people's congress (人大常委会), its government (人民政府) and its
political consultative conference (政协), and news names each by the place and the
body's short name. The gazetteer finds the place, and the model often stops there
too: a place followed by one of these is a government body, which derive puts in
the place again (kg/derive).
"""
from __future__ import annotations

import re

from kg.lexicon import LEVELS
from kg.model import Document, Mention

SOURCE = "government"
# the bodies of a place, a longer name before its part; 委 but not 委托 (entrusts) or 委员 (a member)
_BODY = re.compile(r"人大常委会|委员会|人民政府|政府|政协|纪委|委(?![托员屈])")


def governments(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each place that a government body's name follows made that body's mention."""
    kept: list[Mention] = []
    for m in mentions:
        if kept and kept[-1].source == SOURCE and m.start < kept[-1].end:
            continue        # what the model read of the body's name (政协) is in the body's mention now
        body = _BODY.match(doc.text, m.end) if m.type == "Place" and m.text.endswith(LEVELS) else None
        if body:
            m = Mention(m.text + body.group(), "GovernmentAgency", m.start, body.end(), m.sentence, source=SOURCE)
        kept.append(m)
    return kept
