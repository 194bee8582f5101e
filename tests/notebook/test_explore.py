"""notebooks/explore.ipynb, run end to end in a real kernel, and read back as a reader sees it.

The notebook builds the seeds' graph itself, in a temporary folder; the kernel's
TMPDIR is pytest's, so that folder is cleaned up with the test's.
"""
import base64
import html
import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("notebook")


@pytest.fixture(scope="module")
def cells(tmp) -> list:
    """The executed code cells; a cell that raises fails the fixture with its traceback."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # the kernel starts where Jupyter would start it: in the notebook's folder
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute(env={**os.environ, "TMPDIR": str(tmp)})
    return [c for c in nb.cells if c.cell_type == "code"]


def outputs(cells, kind: str | None = None) -> list:
    return [o for c in cells for o in c.outputs if kind is None or o.output_type == kind]


def printed(cells, stream: str = "stdout") -> str:
    return "".join(o.text for o in outputs(cells, "stream") if o.name == stream)


def shown(cells) -> list[str]:
    """What each cell displayed, in order: markdown, an HTML table, an iframe, plain text."""
    found = []
    for o in outputs(cells):
        data = o.get("data", {})
        found.append(data.get("text/markdown") or data.get("text/html") or data.get("text/plain", ""))
    return found


def rows(table_html: str) -> list[list[str]]:
    """The cells of each row of a pandas HTML table, index first."""
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table_html, re.S)]


def table_after(cells, heading: str) -> list[list[str]]:
    """The table displayed right after the markdown line that starts with `heading`."""
    items = shown(cells)
    at = next(i for i, text in enumerate(items) if text.startswith(heading))
    return rows(items[at + 1])


def test_no_cell_raised_or_warned(cells):
    assert not outputs(cells, "error")
    warnings = printed(cells, "stderr")
    if "no CJK font found" in printed(cells):
        # without a Chinese font matplotlib says so for each glyph; nothing else may warn
        warnings = "\n".join(line for line in warnings.splitlines() if "missing from font" not in line)
    assert not warnings.strip(), warnings


def test_the_graph_is_built_from_the_seeds_into_the_temporary_folder(cells, tmp):
    summary = printed(cells)
    assert "documents: 5" in summary and "entities by type" in summary
    written = re.search(r"written: (\S+)/graph\.ttl", summary).group(1)
    assert Path(written).is_relative_to(tmp)
    assert (Path(written) / "graph.ttl").is_file()


def test_every_example_question_is_answered_in_a_table(cells):
    from kg.rdf.ontology import example_queries

    for name in example_queries():
        assert table_after(cells, f"**{name}**"), name
    by_zone = {row[1]: row for row in table_after(cells, "**companies_per_zone**")[1:]}
    assert "潍柴" in by_zone["潍坊高新区"][3]      # 001: "潍坊高新区持续发挥潍柴、歌尔、福田等龙头企业引领带动作用"
    signed = {(row[1], row[2]) for row in table_after(cells, "**projects_signed_by_zone**")[1:]}
    assert ("新余高新区", "创汇智能电机项目") in signed
    shandong = {row[2] for row in table_after(cells, "**zones_of_province**")[1:]}
    assert {"潍坊高新区", "济宁高新区"} <= shandong


def test_the_projects_with_their_investment_in_yi_yuan(cells):
    table = next(rows(text) for text in shown(cells) if "investment (亿元)" in text)
    header, body = table[0], {row[2]: dict(zip(table[0], row)) for row in table[1:]}
    assert header[1:] == ["zone", "project", "link", "investment (亿元)", "currency"]
    # 000 and 001: "总投资额35亿元的磁悬浮智能制造产业化项目"
    maglev = body["磁悬浮智能制造产业化项目"]
    assert (maglev["zone"], maglev["investment (亿元)"], maglev["currency"]) == ("潍坊高新区", "35.0", "CNY")
    assert body["创汇智能电机项目"]["link"] == "signed"
    amounts = [float(row[4]) for row in table[1:] if row[4] != "NaN"]
    assert amounts == sorted(amounts, reverse=True), "largest first"


def test_the_most_connected_zone_and_the_communities(cells):
    zones = table_after(cells, "**most connected Zone**")
    assert zones[0][1:] == ["name", "degree", "betweenness", "documents"]
    assert zones[1][1] == "潍坊高新区"      # three of the five pages are about it
    degrees = [int(row[2]) for row in zones[1:]]
    assert degrees == sorted(degrees, reverse=True)
    assert table_after(cells, "**most connected Company**")[1:]
    communities = next(rows(text) for text in shown(cells) if "best linked" in text)
    sizes = [int(row[1]) for row in communities[1:]]
    assert len(sizes) > 1 and sizes == sorted(sizes, reverse=True)
    assert any("潍坊高新区" in row[2] for row in communities[1:])


def test_the_chart_is_drawn(cells):
    images = [base64.b64decode(o.data["image/png"]) for o in outputs(cells) if "image/png" in o.get("data", {})]
    assert len(images) == 1
    png = images[0]
    assert png.startswith(b"\x89PNG")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width > 2 * height > 400      # two charts side by side


def test_the_embedded_view_is_the_page_written_and_needs_no_network(cells):
    frame = next(text for text in shown(cells) if "<iframe" in text)
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', frame).group(1))
    written = re.search(r"^(\S+weifang\.html): (\d+) entities", printed(cells), re.M)
    assert Path(written.group(1)).read_text(encoding="utf-8") == page
    assert int(written.group(2)) > 10
    assert "潍坊高新区" in page and "vis.Network" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"?https?:", page), "everything is inlined"


def test_the_corrections_are_applied_and_the_facts_a_person_checked_say_who(cells):
    summary = printed(cells)
    assert "corrections: 7 of 9 applied, from " in summary
    assert "recognise 未来科学城 (Zone): no page names 未来科学城" in summary
    reviewed = next(rows(text) for text in shown(cells) if "reviewer" in text and "<table" in text)
    assert {(row[1], row[2], row[3], row[4]) for row in reviewed[1:]} == {
        ("韩滨", "holdsRole", "潍坊高新区经济发展局", "王芳"), ("魔方卫星", "locatedIn", "潍坊高新区", "王芳")}
    assert re.search(r"\S+review\.html: the page to review this graph on", summary)


def test_the_notebook_is_committed_without_outputs_and_uses_no_shell():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    stripped = "strip them: for each code cell, outputs = [] and execution_count = None (nbformat)"
    assert all(c.outputs == [] and c.execution_count is None for c in code), stripped
    # the library, not the shell: no !kg, no %%bash
    assert not [line for c in code for line in c.source.splitlines() if line.lstrip().startswith(("!", "%"))]
