"""A corrections file as a person writes it: what each decision reads as, and the one line a mistake gets."""
from decimal import Decimal
from pathlib import Path

import pytest

from kg.correct.read import CorrectionsError, Fact, Ref, parse_corrections, read_corrections

FILE = """\
# decisions about the seeds' graph
- reject: {subject: 潍柴 (Company), relation: locatedIn, object: 潍坊高新区 (Zone)}
  by: 王芳
- accept:
    subject: 韩滨 (Person)
    relation: holdsRole
    object: 潍坊高新区经济发展局 (GovernmentAgency)
    role: 党委书记、局长
- add: {subject: 磁悬浮智能制造产业化项目 (Project), relation: totalInvestment, value: 3500000000}
  note: 潍坊高新区管委会网站，2024-03-01
- reject: {fact: "statement:61b1aeb809ac0e8d"}
- merge: 潍柴集团 (Company)
  into: 潍柴 (Company)
- rename: 昆电工
  to: 昆明电工
- retype: 烟台公共资源交易中心 (Company)
  to: GovernmentAgency
- alias: 歌尔 (Company)
  names: [歌尔集团, 歌尔股份]
- split: 新能源新材料 (Industry)
  drop: 新材料
- split: 长安区 (Place)
  documents: [003_a47ea2bfe5e6e35c]
  to: 西安市长安区 (Place)
- recognise: 未来科学城 (Zone)
- recognise: {name: NO, type: Company}
"""


def test_every_kind_of_decision_reads_with_its_line_and_who_made_it():
    found = parse_corrections(FILE, "news/corrections.yaml")
    assert [(c.action, c.line) for c in found] == [
        ("reject", 2), ("accept", 4), ("add", 9), ("reject", 11), ("merge", 12), ("rename", 14), ("retype", 16),
        ("alias", 18), ("split", 20), ("split", 22), ("recognise", 25), ("recognise", 26)]
    reject, accept, add, by_id, merge, rename, retype, alias, drop, split, zone, company = found
    assert reject.fact == Fact(Ref("潍柴", "Company"), "locatedIn", Ref("潍坊高新区", "Zone"))
    assert (reject.by, accept.by) == ("王芳", "reviewer")
    assert accept.fact.role == "党委书记、局长" and reject.fact.role is None
    assert add.fact.value == Decimal(3500000000) and add.note == "潍坊高新区管委会网站，2024-03-01"
    assert FILE[add.span[0]:add.span[1]].startswith("add: {subject: 磁悬浮"), "the span is the item's"
    assert by_id.fact.id == "61b1aeb809ac0e8d"
    assert (merge.entity, merge.to) == (Ref("潍柴集团", "Company"), Ref("潍柴", "Company"))
    assert (rename.entity, rename.to) == (Ref("昆电工"), Ref("昆明电工"))
    assert retype.type == "GovernmentAgency" and alias.names == ("歌尔集团", "歌尔股份")
    assert drop.drop == "新材料" and split.documents == ("003_a47ea2bfe5e6e35c",)
    assert zone.entity == Ref("未来科学城", "Zone")
    assert company.entity == Ref("NO", "Company"), "every value is text: NO is a name, not false"
    assert str(reject) == "reject 潍柴 (Company) locatedIn 潍坊高新区 (Zone)"


def test_a_bracket_that_is_part_of_a_name_is_kept_in_it():
    (c,) = parse_corrections("- retype: 诺一迈尔（山东）医学科技有限公司\n  to: Company\n")
    assert c.entity == Ref("诺一迈尔（山东）医学科技有限公司")
    (c,) = parse_corrections("- retype: 诺一迈尔（山东）医学科技有限公司（Organization）\n  to: Company\n")
    assert c.entity == Ref("诺一迈尔（山东）医学科技有限公司", "Organization")


@pytest.mark.parametrize("text, line, says", [
    ("- reject: {subject: 潍柴 (Company), relation: locatedin, object: 潍坊高新区 (Zone)}\n",
     1, "unknown relation 'locatedin'; write one of locatedIn, partOf"),
    ("- accept: {subject: 潍柴, relation: locatedIn, object: 潍坊高新区}\n"
     "- retype: 潍柴 (Company)\n  to: Compnay\n", 3, "unknown type 'Compnay'; write one of Zone"),
    ("- reject: {subject: 潍柴 (Compony), relation: locatedIn, object: 潍坊高新区}\n", 1, "(did you mean Company?)"),
    ("- reject: {subject: 潍柴 (Company), relation: locatedIn}\n", 1, "the fact names no object; write object:"),
    ("- reject: {relation: locatedIn, object: 潍坊高新区}\n", 1, "the fact names no subject"),
    ("- reject: {subject: 潍柴, relation: locatedIn, object: [潍坊高新区]\n", 2, "not valid YAML"),
    ("reject: {subject: 潍柴, relation: locatedIn, object: 潍坊高新区}\n", 1, "the file is a list of decisions"),
    ("- delete: {subject: 潍柴, relation: locatedIn, object: 潍坊高新区}\n", 1, "a decision has one of accept, reject"),
    ("- add: {subject: 潍柴 (Company), relation: locatedIn, object: 潍坊高新区 (Zone)}\n", 1, "needs a note"),
    ("- add: {subject: 潍柴, relation: locatedIn, object: 潍坊高新区 (Zone)}\n  note: x\n", 1, "give the type of 潍柴"),
    ("- add: {subject: 韩滨 (Person), relation: locatedIn, object: 潍坊市 (Place)}\n  note: x\n",
     1, "locatedIn links from Company, GovernmentAgency"),
    ("- merge: 潍柴集团 (Company)\n  inot: 潍柴 (Company)\n", 2, "not 'inot' (did you mean into?)"),
    ("- merge: 潍柴集团 (Company)\n", 1, "merge needs into"),
    ("- merge: 潍柴集团 (Company)\n  into: 潍柴\n", 2, "give the entity merged into's type"),
    ("- split: 长安区 (Place)\n  documents: [a]\n", 1, "split takes either drop"),
    ("- recognise: 未来科学城\n", 1, "give the name to recognise's type: 未来科学城 (Zone)"),
    ("- reject: {fact: 61b1}\n", 1, "{fact: statement:0123456789abcdef}"),
    ("- reject: {subject: 潍柴, relation: locatedIn, object: 潍坊高新区}\n  by: 王芳\n  by: 李明\n", 3, "'by' is given twice"),
])
def test_a_mistake_is_one_line_with_the_file_the_line_and_what_to_write(text, line, says):
    with pytest.raises(CorrectionsError) as error:
        parse_corrections(text, "news/corrections.yaml")
    message = str(error.value)
    assert message.startswith(f"news/corrections.yaml:{line}: ") and says in message
    assert "\n" not in message


def test_an_empty_file_holds_no_decision_and_a_file_not_in_utf8_says_so(tmp_path):
    assert parse_corrections("# nothing decided yet\n") == []
    path = tmp_path / "corrections.yaml"
    path.write_bytes("- recognise: 未来科学城 (Zone)\n".encode("gb18030"))
    with pytest.raises(CorrectionsError, match="is not UTF-8; save the corrections file as UTF-8"):
        read_corrections(path)
    with pytest.raises(CorrectionsError, match="no such corrections file"):
        read_corrections(tmp_path / "missing.yaml")


def test_the_readme_s_worked_example_is_docs_corrections_yaml_and_reads():
    root = Path(__file__).resolve().parents[2]
    shown = (root / "README.md").read_text(encoding="utf-8").split("```yaml\n", 1)[1].split("```", 1)[0]
    assert shown == (root / "docs" / "corrections.yaml").read_text(encoding="utf-8")
    assert [c.action for c in read_corrections(root / "docs" / "corrections.yaml")] == [
        "reject", "accept", "add", "merge", "alias", "retype", "split", "recognise", "reject"]
