"""How long a big graph view takes: to write, and to become interactive in headless Chromium.

    python benchmarks/view_5000.py                 # 5,000 entities, 3 runs
    python benchmarks/view_5000.py --nodes 20000 --runs 1

The graph is made up (invented names, links shaped like the seeds': zones
with many companies, projects and industries; people in companies) and seeded,
so every run measures the same graph. Time to interactive is from navigation
to the page's first drawing with physics off (kgView.ready), read from the
page's own clock; a frame is the time from a search that selects and focuses
a node to the next picture drawn.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from headless import browser, console_errors, ensure_installed, open_view  # noqa: E402

from kg.graph.merge import merge  # noqa: E402
from kg.graph.network import to_networkx  # noqa: E402
from kg.model import Document, Entity, KnowledgeGraph, Provenance, Triple  # noqa: E402
from kg.view import MAX_NODES, render, whole  # noqa: E402
from kg.write.atomic import atomic_write  # noqa: E402

# share of each type among the entities, and what each links to
SHARES = {"Zone": 0.02, "Place": 0.04, "Company": 0.3, "Person": 0.2, "Project": 0.2,
          "Industry": 0.1, "Policy": 0.1, "Organization": 0.04}


def synthetic_graph(n: int, seed: int = 0) -> KnowledgeGraph:
    rng = random.Random(seed)
    by_type = {t: [Entity(f"示例{t}{i:05d}", t) for i in range(max(1, round(n * share)))]
               for t, share in SHARES.items()}
    doc = Document(id="synthetic", raw="")
    doc.entities = [e for entities in by_type.values() for e in entities][:n]

    def link(subject, predicate, obj, role=""):
        text = f"{subject.name}与{obj.name}的一句示例证据。"
        doc.triples.append(Triple(subject, predicate, obj, role=role,
                                  provenance=Provenance(doc.id, 0, len(doc.triples), text, 0, len(text))))

    # Zones draw links in proportion to the links they already have, as big zones do in the news.
    zones = by_type["Zone"]
    weight = [1] * len(zones)
    def zone():
        z = rng.choices(range(len(zones)), weight)[0]
        weight[z] += 1
        return zones[z]
    places = by_type["Place"]
    for z in zones:
        link(z, "locatedIn", rng.choice(places))
    for p in places[10:]:      # cities in the first ten, the provinces
        link(p, "locatedIn", rng.choice(places[:10]))
    for c in by_type["Company"]:
        link(c, "locatedIn", zone())
    for o in by_type["Organization"]:
        link(o, "locatedIn", zone())
    for p in by_type["Person"]:
        link(p, "holdsRole", rng.choice(by_type["Company"] + by_type["Organization"]), role="总经理")
    for p in by_type["Project"]:
        link(zone(), "signs", p)
        if rng.random() < 0.5:
            link(rng.choice(by_type["Company"]), "investsIn", p)
    for i in by_type["Industry"]:
        for _ in range(rng.randint(1, 3)):
            link(zone(), "focusesOn", i)
    for p in by_type["Policy"]:
        link(zone(), "issues", p)
    return merge([doc])


def write_page(g, max_nodes: int | None, path: Path) -> tuple[float, int]:
    started = time.perf_counter()
    view = whole(g, max_nodes=max_nodes)
    atomic_write(path, render(view))
    return time.perf_counter() - started, view.graph.number_of_nodes()


def frame_after_search(driver, name: str) -> float:
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1], started = performance.now();
        kgView.network.once("afterDrawing", () => done(performance.now() - started));
        kgView.select(kgView.matches(arguments[0])[0].id);""", name)


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--nodes", type=int, default=5000)
    args.add_argument("--runs", type=int, default=3)
    opts = args.parse_args()
    ensure_installed()
    g = to_networkx(synthetic_graph(opts.nodes))
    print(f"graph: {g.number_of_nodes():,} entities, {g.number_of_edges():,} links")
    with tempfile.TemporaryDirectory() as tmp, browser() as driver:
        for label, max_nodes in [("all entities", None), (f"top {MAX_NODES:,} (kg build's default)", MAX_NODES)]:
            page = Path(tmp) / "view.html"
            writes, interactive, frames = [], [], []
            for _ in range(opts.runs):
                seconds, shown = write_page(g, max_nodes, page)
                writes.append(seconds)
                interactive.append(open_view(driver, page))
                errors = console_errors(driver)
                if errors or driver.execute_script("return kgView.nodes.length") != shown:
                    sys.exit(f"the page is broken: {errors or 'node count differs'}")
                frames.append(frame_after_search(driver, "示例Zone00001"))
            print(f"{label}: {shown:,} nodes, {page.stat().st_size / 1e6:.1f} MB; "
                  f"written in {statistics.median(writes):.1f} s, "
                  f"interactive in {statistics.median(interactive):.1f} s "
                  f"(median of {opts.runs}; runs: {', '.join(f'{s:.1f}' for s in interactive)}); "
                  f"a frame after a search: {statistics.median(frames):.0f} ms")


if __name__ == "__main__":
    main()
