"""A corrections file read into Corrections, each knowing the line it came from.

    corrections = read_corrections("news/corrections.yaml")

The file is YAML, a list of decisions, one `- ` item each, so that a reviewer's
new decisions are appended to it and it keeps a readable history under version
control:

    - reject: {subject: 某某高新区 (Zone), relation: locatedIn, object: 某某市 (Place)}
      by: 王某
    - merge: 某某国家高新区 (Zone)
      into: 某某高新区 (Zone)

Entities are named as kg show prints them, `名称 (Type)`; the type may be left
out where the name alone says which. Every scalar is read as text (a name 123
or NO stays a name), and anything the file gets wrong is a CorrectionsError
naming the file, the line and what to write instead.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from kg.eval.score import DOMAIN_RANGE
from kg.model import ENTITY_TYPES, PREDICATES
from kg.read import InputError, printable

# each decision, and the keys an item of it may have beside its own
ACTIONS = {
    "accept": (), "reject": (),
    "add": ("note",),
    "merge": ("into",), "rename": ("to",), "retype": ("to",), "alias": ("names",),
    "split": ("documents", "to", "drop"),
    "recognise": (),
}
FACT_KEYS = ("subject", "relation", "object", "value", "role")
DEFAULT_REVIEWER = "reviewer"       # who decided, when an item does not say (by: 王某)
_TYPED = re.compile(r"^(?P<name>.*?\S)\s*[(（]\s*(?P<type>[A-Za-z]+)\s*[)）]$")
_STATEMENT = re.compile(r"^(?:https://w3id\.org/kg-hz/id/statement/|statement:)?(?P<id>[0-9a-f]{16})$")
EXAMPLE_FACT = "{subject: 名称 (Type), relation: locatedIn, object: 名称 (Type)}"


class CorrectionsError(InputError):
    """The corrections file cannot be used as it is: FILE:LINE: what is wrong; what to write."""


@dataclass(frozen=True)
class Ref:
    """An entity as a user sees it: its name, and its type when given."""
    name: str
    type: str | None = None

    def __str__(self) -> str:
        return f"{self.name} ({self.type})" if self.type else self.name


@dataclass(frozen=True)
class Fact:
    subject: Ref | None = None
    relation: str = ""
    object: Ref | None = None
    value: Decimal | None = None        # totalInvestment's amount, in yuan
    role: str | None = None             # holdsRole's post; None: any post
    id: str = ""                        # the statement's 16 hex digits, as graph.ttl names it

    def __str__(self) -> str:
        if self.id:
            return f"statement:{self.id}"
        relation = f"{self.relation}（{self.role}）" if self.role else self.relation
        end = str(self.object) if self.object else format(self.value, "f")
        return f"{self.subject} {relation} {end}"


@dataclass(frozen=True)
class Correction:
    action: str
    file: str                           # as shown to the user
    line: int                           # 1-based
    by: str = DEFAULT_REVIEWER
    fact: Fact | None = None            # accept, reject, add
    entity: Ref | None = None           # the entity the other actions change
    to: Ref | None = None               # merge's into, rename's and split's new name
    type: str | None = None             # retype's new type
    names: tuple[str, ...] = ()         # alias: the names added
    drop: str = ""                      # split: an alias that is something else
    documents: tuple[str, ...] = ()     # split: the documents where the name is something else
    note: str = ""                      # add: where the fact was read, in place of a sentence
    span: tuple[int, int] = (0, 0)      # the item's characters in the file

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def __str__(self) -> str:
        if self.fact is not None:
            return f"{self.action} {self.fact}"
        detail = {"merge": f" into {self.to}", "rename": f" to {self.to}", "retype": f" to {self.type}",
                  "alias": " names " + "、".join(self.names),
                  "split": f" drop {self.drop}" if self.drop else f" in {', '.join(self.documents)} to {self.to}"}
        return f"{self.action} {self.entity}{detail.get(self.action, '')}"


def read_corrections(path: str | Path) -> list[Correction]:
    path = Path(path)
    shown = printable(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CorrectionsError(f"{shown}: no such corrections file; give a YAML file of decisions "
                               f"(see README, Corrections)") from None
    except UnicodeDecodeError as exc:
        raise CorrectionsError(f"{shown}: byte {exc.start} is not UTF-8; save the corrections file as UTF-8") from None
    return parse_corrections(text, shown)


def parse_corrections(text: str, file: str = "corrections.yaml") -> list[Correction]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise CorrectionsError(f"{file}:{line}: not valid YAML ({exc.problem or exc.context}); each decision is "
                               f"an item such as - reject: {EXAMPLE_FACT}") from None
    except yaml.YAMLError as exc:
        raise CorrectionsError(f"{file}: not valid YAML ({exc})") from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        _fail(file, root, f"the file is a list of decisions, one '- ' item each, such as - reject: {EXAMPLE_FACT}")
    return [_item(file, node) for node in root.value]


def _fail(file: str, node: yaml.Node, message: str):
    raise CorrectionsError(f"{file}:{node.start_mark.line + 1}: {message}")


def _mapping(file: str, node: yaml.Node, what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        _fail(file, node, f"{what} is a mapping of keys and values")
    found: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = _text(file, key, "a key")
        if name in found:
            _fail(file, key, f"{name!r} is given twice; give it once")
        found[name] = value
    return found


def _text(file: str, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not node.value.strip():
        _fail(file, node, f"{what} is a name or a word, not {'nothing' if isinstance(node, yaml.ScalarNode) else 'a list or mapping'}")
    return node.value.strip()


def _texts(file: str, node: yaml.Node, what: str) -> tuple[str, ...]:
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    return tuple(_text(file, n, what) for n in items)


def _item(file: str, node: yaml.Node) -> Correction:
    keys = _mapping(file, node, "a decision")
    actions = [k for k in keys if k in ACTIONS]
    if len(actions) != 1:
        found = f"{', '.join(actions)}" if actions else "none"
        _fail(file, node, f"a decision has one of {', '.join(ACTIONS)} (this one has {found}); "
                          f"e.g. - reject: {EXAMPLE_FACT}")
    action = actions[0]
    allowed = {action, "by", *ACTIONS[action]}
    for key, value in keys.items():
        if key not in allowed:
            _fail(file, value, f"{action} takes {', '.join(sorted(allowed - {action}))}, not {key!r}"
                               + _nearest(key, allowed - {action}))
    by = _text(file, keys["by"], "by (who decided)") if "by" in keys else DEFAULT_REVIEWER
    where = dict(action=action, file=file, line=node.start_mark.line + 1, by=by,
                 span=(node.start_mark.index, node.end_mark.index))
    return _PARSERS[action](file, keys, where)


def _fact_item(file, keys, where) -> Correction:
    fact = _fact(file, keys[where["action"]], where["action"])
    note = ""
    if where["action"] == "add":
        if fact.id:
            _fail(file, keys["add"], "an added fact is written out, not named by an id: " + EXAMPLE_FACT)
        if "note" not in keys:
            _fail(file, keys["add"], "an added fact needs a note saying where it is stated, in place of a "
                                     "sentence: note: 某某官网，2024-03-01")
        note = _text(file, keys["note"], "note")
        for end in (fact.subject, fact.object):
            if end is not None and end.type is None:
                _fail(file, keys["add"], f"give the type of {end.name}, which the fact may create: "
                                         f"{end.name} (Zone)")
        _fits(file, keys["add"], fact)
    return Correction(fact=fact, note=note, **where)


def _fits(file: str, node: yaml.Node, fact: Fact) -> None:
    """An added fact links the types its relation links (SCHEMA.md), as the SHACL shapes check."""
    domain, range_ = DOMAIN_RANGE[fact.relation]
    if fact.subject.type not in domain:
        _fail(file, node, f"{fact.relation} links from {', '.join(sorted(domain))}, not {fact.subject.type}")
    if fact.object is not None and range_ is not None and fact.object.type not in range_:
        _fail(file, node, f"{fact.relation} links to {', '.join(sorted(range_))}, not {fact.object.type}")


def _fact(file: str, node: yaml.Node, action: str) -> Fact:
    keys = _mapping(file, node, f"the fact to {action}")
    if "fact" in keys:
        found = _STATEMENT.match(_text(file, keys["fact"], "fact"))
        if len(keys) > 1 or not found:
            _fail(file, node, "a fact named by its id is {fact: statement:0123456789abcdef}, as graph.ttl names it")
        return Fact(id=found["id"])
    for key in keys:
        if key not in FACT_KEYS:
            _fail(file, keys[key], f"a fact has {', '.join(FACT_KEYS)}, not {key!r}" + _nearest(key, FACT_KEYS))
    for key in ("subject", "relation"):
        if key not in keys:
            _fail(file, node, f"the fact names no {key}; write {EXAMPLE_FACT}")
    relation = _text(file, keys["relation"], "relation")
    if relation not in PREDICATES:
        _fail(file, keys["relation"], f"unknown relation {relation!r}; write one of {', '.join(PREDICATES)}"
                                      + _nearest(relation, PREDICATES))
    subject = _ref(file, keys["subject"])
    if relation == "totalInvestment":
        if "value" not in keys:
            _fail(file, node, "a totalInvestment fact names its value in yuan: value: 3500000000")
        return Fact(subject, relation, value=_amount(file, keys["value"]))
    if "object" not in keys:
        _fail(file, node, f"the fact names no object; write object: 名称 (Type), e.g. {EXAMPLE_FACT}")
    role = _text(file, keys["role"], "role") if "role" in keys else None
    return Fact(subject, relation, _ref(file, keys["object"]), role=role)


def _amount(file: str, node: yaml.Node) -> Decimal:
    text = _text(file, node, "value")
    try:
        amount = Decimal(text.replace(",", ""))
        if amount.is_finite():
            return amount
    except InvalidOperation:
        pass
    _fail(file, node, f"the value {text!r} is not a number of yuan; write value: 3500000000")


def _ref(file: str, node: yaml.Node) -> Ref:
    if isinstance(node, yaml.MappingNode):
        keys = _mapping(file, node, "an entity")
        if "name" not in keys or set(keys) - {"name", "type"}:
            _fail(file, node, "an entity is 名称 (Type), or {name: 名称, type: Type}")
        kind = _text(file, keys["type"], "type") if "type" in keys else None
        return Ref(_text(file, keys["name"], "name"), _type(file, keys.get("type", node), kind))
    text = _text(file, node, "an entity")
    typed = _TYPED.match(text)
    if not typed:
        return Ref(text)
    return Ref(typed["name"], _type(file, node, typed["type"]))


def _type(file: str, node: yaml.Node, kind: str | None) -> str | None:
    if kind is not None and kind not in ENTITY_TYPES:
        _fail(file, node, f"unknown type {kind!r}; write one of {', '.join(ENTITY_TYPES)}"
                          + _nearest(kind, ENTITY_TYPES))
    return kind


def _typed_ref(file: str, node: yaml.Node, what: str) -> Ref:
    ref = _ref(file, node)
    if ref.type is None:
        _fail(file, node, f"give {what}'s type: {ref.name} (Zone), {ref.name} (Company) …")
    return ref


def _entity_item(file, keys, where) -> Correction:
    action = where["action"]
    entity = _ref(file, keys[action])
    needs = {"merge": "into", "rename": "to", "retype": "to", "alias": "names"}
    if action in needs and needs[action] not in keys:
        _fail(file, keys[action], f"{action} needs {needs[action]}: e.g. {_EXAMPLES[action]}")
    if action == "merge":
        return Correction(entity=entity, to=_typed_ref(file, keys["into"], "the entity merged into"), **where)
    if action == "rename":
        return Correction(entity=entity, to=_ref(file, keys["to"]), **where)
    if action == "retype":
        kind = _text(file, keys["to"], "to")
        return Correction(entity=entity, type=_type(file, keys["to"], kind), **where)
    return Correction(entity=entity, names=_texts(file, keys["names"], "an alias"), **where)


def _split_item(file, keys, where) -> Correction:
    entity = _ref(file, keys["split"])
    if "drop" in keys and not ({"documents", "to"} & keys.keys()):
        return Correction(entity=entity, drop=_text(file, keys["drop"], "drop"), **where)
    if "drop" in keys or not {"documents", "to"} <= keys.keys():
        _fail(file, keys["split"], f"split takes either drop: an alias that is something else, or documents: "
                                   f"[…] with to: the other thing's name; e.g. {_EXAMPLES['split']}")
    return Correction(entity=entity, documents=_texts(file, keys["documents"], "a document"),
                      to=_ref(file, keys["to"]), **where)


def _recognise_item(file, keys, where) -> Correction:
    return Correction(entity=_typed_ref(file, keys["recognise"], "the name to recognise"), **where)


_EXAMPLES = {"merge": "- merge: 某某国家高新区 (Zone) with into: 某某高新区 (Zone)",
             "rename": "- rename: 某某 (Company) with to: 某某有限公司",
             "retype": "- retype: 某某 (Organization) with to: Company",
             "alias": "- alias: 某某高新区 (Zone) with names: [某某谷]",
             "split": "- split: 某某区 (Place) with documents: [003_ab12] and to: 某某市某某区 (Place)"}
_PARSERS = {"accept": _fact_item, "reject": _fact_item, "add": _fact_item, "merge": _entity_item,
            "rename": _entity_item, "retype": _entity_item, "alias": _entity_item, "split": _split_item,
            "recognise": _recognise_item}


def _nearest(word: str, choices) -> str:
    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {near[0]}?)" if near else ""
