"""Industries named as a zone's clusters: 以某某为龙头的工程机械集群, 某某组成的电力和电站装备集群.

News names what a zone's firms make together as a cluster (集群) and says first
which firms or institutes it is built on, so 的 comes right before the industry's
name. The model reads such a name short where it holds 和 or 及 (电站装备 of
电力和电站装备) or not at all. The name drops a trailing 产业 (ANNOTATION.md);
a cluster named by its kind alone (特色产业集群, 重点创新型产业集群) names none.
"""
from __future__ import annotations

import re

from kg.model import Document, Mention
from kg.recognize.features import QUALIFIERS

SOURCE = "cluster"
_CLUSTER = re.compile(r"(?<=的)([^，。、；的“”]{2,10}?)(?:产业)?集群")
_KIND_ONLY = re.compile(f"{QUALIFIERS}|^产业$")
_GIVES_WAY = ("Industry", "Product")     # what the model read inside or across the industry's name


def clusters(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """`mentions`, with each industry named as a cluster, over the industries and products read across it."""
    found = [Mention(m.group(1), "Industry", s.start + m.start(1), s.start + m.end(1), s.index, source=SOURCE)
             for s in doc.sentences if "集群" in s.text for m in _CLUSTER.finditer(s.text)
             if not _KIND_ONLY.search(m.group(1))]
    found = [c for c in found if not any(m.overlaps(c) and m.type not in _GIVES_WAY for m in mentions)]
    if not found:
        return mentions
    kept = [m for m in mentions if not any(m.overlaps(c) for c in found)]
    return sorted(kept + found, key=lambda m: (m.start, m.end))
